import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { INDONESIA_2025_2027 } from '../calendar';
import { disciplineCaseIdOf } from '../discipline/ids';
import { DISCIPLINE_POLICY_DEFAULTS } from '../discipline/policy';
import { disciplineDecider } from '../discipline/decide';
import type { AbsenceEvent } from './absence';
import { d, EMPLOYEE, recordAbsence, recordAll, stateOfAbsences, system, workingDays } from './absence.testkit';
import { reactToAbsence } from './process';
import { BR_15_THRESHOLDS, cumulativeSanction, longestConsecutiveWorkingDays, longestWorkingDayRun, salaryStopsFrom } from './rules';

const right = <A>(e: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (e._tag === 'Left') throw new Error(JSON.stringify(e.left));
  return e.right;
};

/** What the process manager proposes after each event of a history, with the state after that event. */
const proposalsOf = (events: ReadonlyArray<AbsenceEvent>) =>
  events.flatMap((event, i) => reactToAbsence(event, stateOfAbsences(events.slice(0, i + 1)), system()));

describe('the BR-15 table and BR-16 runs', () => {
  it('below 3 days there is no sanction', () => {
    expect([0, 1, 2].map(cumulativeSanction)).toEqual([undefined, undefined, undefined]);
  });

  it('counts runs over weekends and holidays, not across a working day without an absence', () => {
    // Thu 23 Jan, Fri 24 Jan, (weekend, 27 Isra Mi'raj, 28 cuti Imlek, 29 Imlek), Thu 30 Jan: one run of 3.
    expect(right(longestConsecutiveWorkingDays([d('2025-01-23'), d('2025-01-24'), d('2025-01-30')], INDONESIA_2025_2027))).toBe(3);
    expect(right(longestConsecutiveWorkingDays([d('2025-01-23'), d('2025-01-30')], INDONESIA_2025_2027))).toBe(1);
    expect(right(longestWorkingDayRun([], INDONESIA_2025_2027))).toEqual({ length: 0, end: null });
    // A Saturday in the list counts for nothing and breaks nothing.
    expect(right(longestConsecutiveWorkingDays([d('2025-01-24'), d('2025-01-25'), d('2025-01-30')], INDONESIA_2025_2027))).toBe(2);
  });

  it('property: n consecutive working days make one run of n wherever they start; every other working day, runs of 1; duplicates count once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 150 }), (n, offset) => {
        const start = offset === 0 ? d('2025-01-01') : (workingDays(offset, 1)[offset - 1] ?? d('2025-01-01'));
        expect(right(longestConsecutiveWorkingDays(workingDays(n, 1, start), INDONESIA_2025_2027))).toBe(n);
        expect(right(longestConsecutiveWorkingDays(workingDays(n, 2, start), INDONESIA_2025_2027))).toBe(1);
        const doubled = [...workingDays(n, 1, start), ...workingDays(n, 1, start)];
        expect(right(longestConsecutiveWorkingDays(doubled, INDONESIA_2025_2027))).toBe(n);
      }),
      { numRuns: 50 },
    );
  });

  it('salary stops from the first day of the next month', () => {
    expect(salaryStopsFrom(d('2025-02-05'))).toBe('2025-03-01');
    expect(salaryStopsFrom(d('2025-12-31'))).toBe('2026-01-01');
  });
});

describe('reactToAbsence', () => {
  it('proposes nothing for 1 and 2 days, or for an excused day', () => {
    const events = recordAll(workingDays(2).map((date) => recordAbsence(date)));
    expect(proposalsOf(events)).toEqual([]);
    const excused = recordAll(workingDays(5).map((date) => recordAbsence(date, true)));
    expect(proposalsOf(excused)).toEqual([]);
  });

  it('BR-15: one report per threshold reached, as the engine would receive it from a client', () => {
    const days = workingDays(30); // every other working day: no run of 2
    const events = recordAll(days.map((date) => recordAbsence(date)));
    const proposals = proposalsOf(events);
    expect(proposals.map((p) => p.data.source.kind === 'absence' && p.data.source.unexcusedDays)).toEqual([...BR_15_THRESHOLDS]);
    const third = proposals[0];
    expect(third).toEqual({
      type: 'ReportBreach',
      data: {
        caseId: disciplineCaseIdOf(EMPLOYEE, 2025, 'absensi-3'),
        employee: EMPLOYEE,
        allegation: 'Unexcused absence (tidak masuk kerja tanpa alasan yang sah) on 3 working days of 2025 (BR-15)',
        source: {
          kind: 'absence',
          rule: 'BR-15',
          year: 2025,
          unexcusedDays: 3,
          consecutiveWorkingDays: 1,
          dates: days.slice(0, 3),
          proposed: { type: 'teguran-lisan' },
        },
      },
      metadata: system(),
    });
  });

  it('BR-16: reports once when the run first reaches 10, with the day the salary stops', () => {
    // 20–24 Jan, (25–29: weekend, Isra Mi'raj, cuti and Imlek), 30–31 Jan, 3–5 Feb: 10 consecutive working days.
    const run = workingDays(10, 1, d('2025-01-19'));
    expect(run[run.length - 1]).toBe('2025-02-05');
    const events = recordAll([...run, d('2025-02-06'), d('2025-02-07')].map((date) => recordAbsence(date)));
    const br16 = proposalsOf(events).filter((p) => p.data.source.kind === 'absence' && p.data.source.rule === 'BR-16');
    expect(br16).toHaveLength(1);
    expect(br16[0]?.data.caseId).toBe(disciplineCaseIdOf(EMPLOYEE, 2025, 'absensi-berturut'));
    expect(br16[0]?.data.source).toMatchObject({
      rule: 'BR-16',
      consecutiveWorkingDays: 10,
      proposed: { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' },
      salaryStopsFrom: '2025-03-01',
    });
  });

  it('its proposals are accepted by a discipline case once the engine adds the roster facts and the policy', () => {
    const events = recordAll(workingDays(11).map((date) => recordAbsence(date)));
    for (const proposal of proposalsOf(events)) {
      const result = disciplineDecider.decide(
        {
          ...proposal,
          data: {
            ...proposal.data,
            facts: { asOf: d('2025-12-31'), employeeGrade: 'pelaksana', employeeUnit: null, superiors: [] },
            policy: DISCIPLINE_POLICY_DEFAULTS,
          },
        },
        disciplineDecider.initialState(),
      );
      expect(isRight(result)).toBe(true);
    }
  });
});
