/**
 * BR-18: a superior who knew of a breach and did not act (did not summon, examine or report it) is themselves liable
 * to a heavier sanction [reg: PP 94/2021 Ps 28]. The case against the superior is a `ReportBreach` with source
 * `superior-inaction`, naming the original case and its sanction; its decision must be heavier than that sanction
 * (nothing is heavier than a dismissal, so a dismissal matches one). It is decided like any caseId: examined, by an
 * official authorised over the superior (BR-19).
 */
import { isLeft } from 'fp-ts/Either';
import {
  DISCIPLINE_POLICY_DEFAULTS,
  disciplineCaseIdOf,
  disciplineDecider,
  INDONESIA_2025_2027,
  type DisciplineCommand,
  type DisciplineState,
  type LocalDate,
  type Nip,
  type OfficialRank,
  type Role,
  type Sanction,
  type SanctionChoice,
  type TenantCalendar,
  type TimeZone,
} from '@kinerja/domain';

const EMPLOYEE = '199001012015031001' as Nip;
const KASI = '198501012010011002' as Nip; // the superior who knew and did not act (pengawas)
const KABID = '198001012005011003' as Nip; // administrator, KASI's superior
const KADIS = '197501012000031004' as Nip; // jpt-pratama
const OPERATOR = '199501012020121008' as Nip;
const SURABAYA: TenantCalendar = { timeZone: 'Asia/Jakarta' as TimeZone, holidays: INDONESIA_2025_2027 };
const ORIGINAL = disciplineCaseIdOf(EMPLOYEE, 2025, '1');
const CASE = disciplineCaseIdOf(KASI, 2025, '1');
const at = (iso: string) => new Date(iso);

/** Decides commands in turn; returns the tag of each outcome (the event types joined, or the refusal). */
const stream = () => {
  let state: DisciplineState = disciplineDecider.initialState();
  const events: Array<Readonly<{ type: string; data: unknown }>> = [];
  return {
    events,
    run(command: DisciplineCommand): string {
      const result = disciplineDecider.decide(command, state);
      if (isLeft(result)) return result.left._tag;
      for (const event of result.right) {
        events.push(event);
        state = disciplineDecider.evolve(state, event);
      }
      return result.right.map((e) => e.type).join();
    },
  };
};

const report = (originalSanction: Sanction, actor: Readonly<{ nip: Nip; role: Role }> = { nip: KABID, role: 'pejabat-penilai' }): DisciplineCommand => ({
  type: 'ReportBreach',
  data: {
    caseId: CASE,
    employee: KASI,
    allegation: 'Knew the employee left service without permission (case 2025-1) and neither summoned nor reported',
    source: { kind: 'superior-inaction', originalCase: ORIGINAL, originalEmployee: EMPLOYEE, originalSanction },
    facts: { asOf: '2025-11-03' as LocalDate, employeeGrade: 'pengawas', employeeUnit: null, superiors: [KABID, KADIS] },
    policy: DISCIPLINE_POLICY_DEFAULTS,
  },
  metadata: { now: at('2025-11-03T09:00:00+07:00'), actor },
});

/** Reported, summoned for 12 November (7 working days after 3 November) and examined by KABID that day. */
const examined = (originalSanction: Sanction) => {
  const s = stream();
  const kabid = { nip: KABID, role: 'pejabat-penilai' } as const;
  expect(s.run(report(originalSanction))).toBe('BreachReported');
  expect(s.run({ type: 'SummonEmployee', data: { caseId: CASE, date: '2025-11-12' as LocalDate, calendar: SURABAYA }, metadata: { now: at('2025-11-03T10:00:00+07:00'), actor: kabid } })).toBe('SummonsIssued');
  expect(s.run({ type: 'RecordExamination', data: { caseId: CASE, bap: 'BAP/2025/88', findings: 'Admits knowing' }, metadata: { now: at('2025-11-12T10:00:00+07:00'), actor: kabid } })).toBe('ExaminationRecorded');
  return s;
};

const decide = (sanction: SanctionChoice, nip: Nip, rank: OfficialRank): DisciplineCommand => ({
  type: 'DecideSanction',
  data: {
    caseId: CASE,
    sanction,
    findings: 'Knew and did not act',
    authority: { asOf: '2025-11-17' as LocalDate, officialRank: rank, officialIsSuperior: true, employeeGrade: 'pengawas' },
    calendar: SURABAYA,
  },
  metadata: { now: at('2025-11-17T10:00:00+07:00'), actor: { nip, role: 'pejabat-berwenang-menghukum' } },
});

describe('BR-18 a superior who knew and did not act gets a heavier sanction', () => {
  it('the original employee got a pernyataan tidak puas: the same, or a lighter one, is refused for the superior', () => {
    const s = examined({ type: 'pernyataan-tidak-puas' });
    expect(s.run(decide({ type: 'teguran-tertulis' }, KABID, 'administrator'))).toBe('SanctionNotHeavier');
    expect(s.run(decide({ type: 'pernyataan-tidak-puas' }, KABID, 'administrator'))).toBe('SanctionNotHeavier');
  });

  it('one step heavier (a 6-month cut), by the official authorised over a pengawas for sedang, is imposed citing BR-18', () => {
    const s = examined({ type: 'pernyataan-tidak-puas' });
    // The administrator above the pengawas may impose ringan only (PP 94/2021 Ps 22): the cut is the kadis's (Ps 21).
    expect(s.run(decide({ type: 'potongan-tukin-25', months: 6 }, KABID, 'administrator'))).toBe('NotAuthorised');
    expect(s.run(decide({ type: 'potongan-tukin-25', months: 6 }, KADIS, 'jpt-pratama'))).toBe('SanctionImposed');
    const imposed = s.events[s.events.length - 1] as { data: { articles: ReadonlyArray<string>; employee: Nip } };
    expect(imposed.data.employee).toBe(KASI);
    expect(imposed.data.articles).toEqual(expect.arrayContaining(['BR-18', 'PP 94/2021 Ps 28']));
  });

  it('a longer cut is heavier than a shorter one', () => {
    const s = examined({ type: 'potongan-tukin-25', months: 9 });
    expect(s.run(decide({ type: 'potongan-tukin-25', months: 9 }, KADIS, 'jpt-pratama'))).toBe('SanctionNotHeavier');
    expect(s.run(decide({ type: 'potongan-tukin-25', months: 12 }, KADIS, 'jpt-pratama'))).toBe('SanctionImposed');
  });

  it('the case is marked on its report: the original case, employee and sanction are recorded', () => {
    const s = examined({ type: 'teguran-lisan' });
    expect(s.events[0]).toMatchObject({
      type: 'BreachReported',
      data: { employee: KASI, source: { kind: 'superior-inaction', originalCase: ORIGINAL, originalEmployee: EMPLOYEE, originalSanction: { type: 'teguran-lisan' } } },
    });
  });

  it('is reported by the superior’s own superiors or the PPK, never against the original employee', () => {
    expect(stream().run(report({ type: 'teguran-lisan' }, { nip: OPERATOR, role: 'operator' }))).toBe('NotAllowedToReport');
    expect(stream().run(report({ type: 'teguran-lisan' }, { nip: '197001011995031005' as Nip, role: 'ppk' }))).toBe('BreachReported');
    const againstEmployee = report({ type: 'teguran-lisan' });
    const data = againstEmployee.type === 'ReportBreach' ? againstEmployee.data : undefined;
    if (data === undefined || data.source.kind !== 'superior-inaction') throw new Error('fixture');
    expect(stream().run({ ...againstEmployee, data: { ...data, source: { ...data.source, originalEmployee: KASI } } } as DisciplineCommand)).toBe(
      'InactionAgainstSameEmployee',
    );
  });
});
