/**
 * Fixtures for the discipline acceptance tests (BR-14..BR-19, BR-22), through the public API only: a Dinas
 * Kesehatan line (KADIS jpt-pratama ← KABID administrator ← KASI pengawas ← EMPLOYEE pelaksana), the mayor as PPK,
 * a Tim Pemeriksa, the tenants' calendars, and a case stream that decides commands and keeps its events.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import {
  DISCIPLINE_POLICY_DEFAULTS,
  disciplineCaseIdOf,
  disciplineDecider,
  INDONESIA_2025_2027,
  type AuthorityFacts,
  type BreachSource,
  type DisciplineCommand,
  type DisciplineError,
  type DisciplineEvent,
  type DisciplinePolicy,
  type DisciplineState,
  type EmployeeGrade,
  type LocalDate,
  type Nip,
  type OfficialRank,
  type Role,
  type SanctionChoice,
  type TenantCalendar,
  type TimeZone,
} from '@kinerja/domain';

export const EMPLOYEE = '199001012015031001' as Nip;
export const KASI = '198501012010011002' as Nip;
export const KABID = '198001012005011003' as Nip;
export const KADIS = '197501012000031004' as Nip;
export const PPK = '197001011995031005' as Nip;
export const INSPEKTUR = '198201012008011006' as Nip;
export const BKPSDM = '198601012012012007' as Nip;
export const OPERATOR = '199501012020121008' as Nip;
export const SYSTEM = '200001012024011009' as Nip;

export const SURABAYA: TenantCalendar = { timeZone: 'Asia/Jakarta' as TimeZone, holidays: INDONESIA_2025_2027 };
export const SAMARINDA: TenantCalendar = { timeZone: 'Asia/Makassar' as TimeZone, holidays: INDONESIA_2025_2027 };

export const CASE = disciplineCaseIdOf(EMPLOYEE, 2025, '1');
export const day = (s: string): LocalDate => s as LocalDate;
export const at = (iso: string): Date => new Date(iso);

export type Official = Readonly<{ nip: Nip; role: Role; rank: OfficialRank | null; superior: boolean }>;
export const OFFICIALS = {
  kasi: { nip: KASI, role: 'pejabat-berwenang-menghukum', rank: 'pengawas', superior: true },
  kabid: { nip: KABID, role: 'pejabat-berwenang-menghukum', rank: 'administrator', superior: true },
  kadis: { nip: KADIS, role: 'pejabat-berwenang-menghukum', rank: 'jpt-pratama', superior: true },
  ppk: { nip: PPK, role: 'ppk', rank: 'ppk', superior: false },
} as const satisfies Readonly<Record<string, Official>>;

export type CaseOptions = Readonly<{
  source?: BreachSource;
  policy?: DisciplinePolicy;
  employeeGrade?: EmployeeGrade;
  reportedAt?: Date;
  reporter?: Readonly<{ nip: Nip; role: Role }>;
}>;

/** A case stream: `attempt` decides against the current state and appends on success; `refusal` returns the tag. */
export class CaseStream {
  readonly events: DisciplineEvent[] = [];
  state: DisciplineState = disciplineDecider.initialState();
  constructor(readonly employeeGrade: EmployeeGrade) {}

  attempt(command: DisciplineCommand): Either<DisciplineError, ReadonlyArray<DisciplineEvent>> {
    const result = disciplineDecider.decide(command, this.state);
    if (!isLeft(result))
      for (const event of result.right) {
        this.events.push(event);
        this.state = disciplineDecider.evolve(this.state, event);
      }
    return result;
  }

  /** Decides and expects success; returns the events. */
  do(command: DisciplineCommand): ReadonlyArray<DisciplineEvent> {
    const result = this.attempt(command);
    if (isLeft(result)) throw new Error(`${command.type} refused: ${JSON.stringify(result.left)}`);
    return result.right;
  }

  refusal(command: DisciplineCommand): DisciplineError | undefined {
    const result = this.attempt(command);
    return isLeft(result) ? result.left : undefined;
  }

  last<T extends DisciplineEvent['type']>(type: T): Extract<DisciplineEvent, { type: T }> {
    const found = [...this.events].reverse().find((e) => e.type === type);
    if (found === undefined) throw new Error(`no ${type}`);
    return found as Extract<DisciplineEvent, { type: T }>;
  }

  // --- the commands, with the defaults the tests share -------------------------------------------------------------

  summon(date: string, now: Date, by: Readonly<{ nip: Nip; role: Role }> = { nip: KASI, role: 'pejabat-penilai' }, calendar = SURABAYA) {
    return this.attempt({
      type: 'SummonEmployee',
      data: { caseId: CASE, date: day(date), calendar },
      metadata: { now, actor: by },
    });
  }

  formTim(now: Date) {
    return this.do({
      type: 'FormTimPemeriksa',
      data: {
        caseId: CASE,
        members: [
          { nip: KASI, element: 'atasan' },
          { nip: INSPEKTUR, element: 'pengawasan' },
          { nip: BKPSDM, element: 'kepegawaian' },
        ],
      },
      metadata: { now, actor: { nip: PPK, role: 'ppk' } },
    });
  }

  examine(now: Date, by: Readonly<{ nip: Nip; role: Role }> = { nip: KASI, role: 'pejabat-penilai' }) {
    return this.do({
      type: 'RecordExamination',
      data: { caseId: CASE, bap: 'BAP/2025/017', findings: 'Established by the BAP' },
      metadata: { now, actor: by },
    });
  }

  standing(official: Official, asOf: LocalDate): AuthorityFacts {
    return { asOf, officialRank: official.rank, officialIsSuperior: official.superior, employeeGrade: this.employeeGrade };
  }

  decide(
    sanction: SanctionChoice,
    official: Official,
    now: Date,
    options: Readonly<{ calendar?: TenantCalendar; inForceFrom?: LocalDate; authority?: AuthorityFacts }> = {},
  ) {
    const calendar = options.calendar ?? SURABAYA;
    return this.attempt({
      type: 'DecideSanction',
      data: {
        caseId: CASE,
        sanction,
        findings: 'Proven',
        ...(options.inForceFrom === undefined ? {} : { inForceFrom: options.inForceFrom }),
        authority: options.authority ?? this.standing(official, day(now.toISOString().slice(0, 10))),
        calendar,
      },
      metadata: { now, actor: { nip: official.nip, role: official.role } },
    });
  }

  deliver(now: Date, by: Readonly<{ nip: Nip; role: Role }> = { nip: OPERATOR, role: 'operator' }) {
    return this.do({ type: 'DeliverDecision', data: { caseId: CASE }, metadata: { now, actor: by } });
  }
}

/** A case reported on Monday 6 October 2025 (Surabaya) by the direct superior, nothing else yet. */
export const reportedCase = (options: CaseOptions = {}): CaseStream => {
  const stream = new CaseStream(options.employeeGrade ?? 'pelaksana');
  stream.do({
    type: 'ReportBreach',
    data: {
      caseId: CASE,
      employee: EMPLOYEE,
      allegation: 'Left the puskesmas during service hours without permission',
      source: options.source ?? { kind: 'superior' },
      facts: {
        asOf: day('2025-10-06'),
        employeeGrade: options.employeeGrade ?? 'pelaksana',
        employeeUnit: null,
        superiors: [KASI, KABID, KADIS],
      },
      policy: options.policy ?? DISCIPLINE_POLICY_DEFAULTS,
    },
    metadata: { now: options.reportedAt ?? at('2025-10-06T09:00:00+07:00'), actor: options.reporter ?? { nip: KASI, role: 'pejabat-penilai' } },
  });
  return stream;
};

/**
 * As `reportedCase`, the employee summoned for 15 October and examined by the superior that day (and, with `tim`,
 * a Tim Pemeriksa formed on 7 October that examined on 16 October).
 */
export const examinedCase = (options: CaseOptions & Readonly<{ tim?: boolean }> = {}): CaseStream => {
  const stream = reportedCase(options);
  if (options.tim === true) stream.formTim(at('2025-10-07T09:00:00+07:00'));
  stream.summon('2025-10-15', at('2025-10-06T10:00:00+07:00'));
  stream.examine(at('2025-10-15T10:00:00+07:00'));
  if (options.tim === true) stream.examine(at('2025-10-16T10:00:00+07:00'), { nip: INSPEKTUR, role: 'tim-pemeriksa' });
  return stream;
};

/** As `reportedCase` (with a Tim formed on 7 October when `tim`), summoned twice and ignored twice. */
export const ignoredTwiceCase = (options: CaseOptions & Readonly<{ tim?: boolean }> = {}): CaseStream => {
  const stream = reportedCase(options);
  if (options.tim === true) stream.formTim(at('2025-10-07T09:00:00+07:00'));
  const kasi = { nip: KASI, role: 'pejabat-penilai' } as const;
  stream.summon('2025-10-15', at('2025-10-06T10:00:00+07:00'));
  stream.do({ type: 'RecordSummonsIgnored', data: { caseId: CASE }, metadata: { now: at('2025-10-16T09:00:00+07:00'), actor: kasi } });
  stream.summon('2025-10-27', at('2025-10-16T10:00:00+07:00'));
  stream.do({ type: 'RecordSummonsIgnored', data: { caseId: CASE }, metadata: { now: at('2025-10-28T09:00:00+07:00'), actor: kasi } });
  return stream;
};
