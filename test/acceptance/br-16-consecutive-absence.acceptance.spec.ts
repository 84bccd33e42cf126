/**
 * BR-16: 10 consecutive working days of unexcused absence give a dismissal proposal, and the salary stops from the
 * next month [reg: PP 94/2021 Ps 11]. Working days skip weekends and the tenant's holidays and cuti bersama: a
 * holiday between two absences does not break the run; a working day at work (or excused) does.
 */
import { isLeft } from 'fp-ts/Either';
import {
  absenceDecider,
  INDONESIA_2025_2027,
  longestConsecutiveWorkingDays,
  reactToAbsence,
  type AbsenceState,
  type LocalDate,
  type Nip,
  type ReportBreachProposal,
  type TenantCalendar,
  type TimeZone,
} from '@kinerja/domain';

const EMPLOYEE = '199001012015031001' as Nip;
const SURABAYA: TenantCalendar = { timeZone: 'Asia/Jakarta' as TimeZone, holidays: INDONESIA_2025_2027 };
const metadata = { now: new Date('2025-12-31T12:00:00+07:00'), actor: { nip: '200001012024011009' as Nip, role: 'sistem' as const } };
const days = (...ds: ReadonlyArray<string>): ReadonlyArray<LocalDate> => ds as ReadonlyArray<LocalDate>;

/** Mon 20 – Fri 24 Jan, (weekend; 27 Isra Mi'raj, 28 cuti Imlek, 29 Imlek), Thu 30, Fri 31 Jan, Mon 3, Tue 4 Feb: 9. */
const NINE = days('2025-01-20', '2025-01-21', '2025-01-22', '2025-01-23', '2025-01-24', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04');
const TEN = [...NINE, '2025-02-05' as LocalDate];

const runLength = (dates: ReadonlyArray<LocalDate>): number => {
  const result = longestConsecutiveWorkingDays(dates, INDONESIA_2025_2027);
  if (isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

const recordAndReact = (entries: ReadonlyArray<Readonly<{ date: LocalDate; excused?: boolean }>>): ReadonlyArray<ReportBreachProposal> => {
  let state: AbsenceState = absenceDecider.initialState();
  const proposals: ReportBreachProposal[] = [];
  for (const { date, excused } of entries) {
    const result = absenceDecider.decide(
      { type: 'RecordAbsence', data: { employee: EMPLOYEE, date, excused: excused ?? false, calendar: SURABAYA }, metadata },
      state,
    );
    if (isLeft(result)) throw new Error(JSON.stringify(result.left));
    for (const event of result.right) {
      state = absenceDecider.evolve(state, event);
      proposals.push(...reactToAbsence(event, state, metadata).filter((p) => p.data.source.kind === 'absence' && p.data.source.rule === 'BR-16'));
    }
  }
  return proposals;
};

describe('BR-16 ten consecutive working days of unexcused absence', () => {
  it('9 working days across a weekend and the Isra Mi’raj / Imlek holidays are a run of 9: no proposal', () => {
    expect(runLength(NINE)).toBe(9);
    expect(recordAndReact(NINE.map((date) => ({ date })))).toEqual([]);
  });

  it('the 10th makes a run of 10: a dismissal proposal, salary stopping from 1 March', () => {
    expect(runLength(TEN)).toBe(10);
    const proposals = recordAndReact(TEN.map((date) => ({ date })));
    expect(proposals).toHaveLength(1);
    expect(proposals[0]?.data.source).toEqual({
      kind: 'absence',
      rule: 'BR-16',
      year: 2025,
      unexcusedDays: 10,
      consecutiveWorkingDays: 10,
      dates: TEN,
      proposed: { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' },
      salaryStopsFrom: '2025-03-01',
    });
  });

  it('across Nyepi, Idul Fitri and its cuti bersama (28 Mar – 7 Apr 2025) the run goes on', () => {
    const run = days('2025-03-24', '2025-03-25', '2025-03-26', '2025-03-27', '2025-04-08', '2025-04-09', '2025-04-10', '2025-04-11', '2025-04-14', '2025-04-15');
    expect(runLength(run)).toBe(10);
    expect(runLength(run.slice(0, 9))).toBe(9);
    expect(recordAndReact(run.map((date) => ({ date })))[0]?.data.source).toMatchObject({ salaryStopsFrom: '2025-05-01' });
  });

  it('a working day at work breaks the run: 5 February present, 6 February absent is 9 then 1', () => {
    const broken = [...NINE, '2025-02-06' as LocalDate];
    expect(runLength(broken)).toBe(9);
    expect(recordAndReact(broken.map((date) => ({ date })))).toEqual([]);
  });

  it('an excused day breaks it too', () => {
    expect(recordAndReact(TEN.map((date, i) => ({ date, excused: i === 9 })))).toEqual([]);
    expect(recordAndReact([...NINE.map((date) => ({ date })), { date: '2025-02-05' as LocalDate, excused: true }, { date: '2025-02-06' as LocalDate }])).toEqual([]);
  });

  it('absences entered late still join the run, and the proposal is made once', () => {
    const outOfOrder = [...TEN.slice(5), ...TEN.slice(0, 5), '2025-02-06' as LocalDate, '2025-02-07' as LocalDate];
    const proposals = recordAndReact(outOfOrder.map((date) => ({ date })));
    expect(proposals).toHaveLength(1);
    expect(proposals[0]?.data.caseId).toBe(`${EMPLOYEE}.2025-absensi-berturut`);
  });
});
