/**
 * Test support for the discipline caseId: people and their standing in a Surabaya roster, calendars, command
 * builders with the same defaults the specs expect, a runner that builds histories from commands, and fast-check
 * arbitraries.
 *
 * The unit (Dinas Kesehatan): KADIS (jpt-pratama) ← KABID (administrator) ← KASI (pengawas) ← EMPLOYEE (pelaksana).
 * PPK is the mayor; INSPEKTUR and BKPSDM sit on a Tim Pemeriksa for oversight and personnel.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { addDays, INDONESIA_2025_2027, localDateOf, type TenantCalendar, type TimeZone } from '../calendar';
import type { CommandMetadata, LocalDate, Nip, Role, TenantId, UnitId } from '../core';
import type { AuthorityFacts, EmployeeGrade, OfficialRank } from './authority';
import {
  disciplineDecider,
  type ApplyReviewOutcome,
  type DecideSanction,
  type DeliverDecision,
  type DisciplineCommand,
  type DismissCase,
  type FormTimPemeriksa,
  type RecordDeliveryOverdue,
  type RecordExamination,
  type RecordServed,
  type RecordSummonsIgnored,
  type ReportBreach,
  type SummonEmployee,
} from './decide';
import type {
  BreachReportFacts,
  BreachSource,
  DisciplineEvent,
  DisciplineState,
  ReviewOutcome,
  ReviewSource,
  TimMember,
} from './discipline';
import type { DisciplineError } from './errors';
import { disciplineCaseIdOf, type DisciplineCaseId } from './ids';
import { DISCIPLINE_POLICY_DEFAULTS, type DisciplinePolicy } from './policy';
import { DISMISSAL_KINDS, TUKIN_CUT_MONTHS, type ReviewedSanctionInput, type Sanction, type SanctionChoice } from './sanctions';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

export const TENANT = 'surabaya' as TenantId;
export const UNIT = 'dinkes' as UnitId;
export const EMPLOYEE = '199001012015031001' as Nip;
export const KASI = '198501012010011002' as Nip;
export const KABID = '198001012005011003' as Nip;
export const KADIS = '197501012000031004' as Nip;
export const PPK = '197001011995031005' as Nip;
export const INSPEKTUR = '198201012008011006' as Nip;
export const BKPSDM = '198601012012012007' as Nip;
export const OPERATOR = '199501012020121008' as Nip;
export const SYSTEM = '200001012024011009' as Nip;
/** Someone with no part in the case. */
export const STRANGER = '199201012018011010' as Nip;

export const WIB = 'Asia/Jakarta' as TimeZone;
export const WITA = 'Asia/Makassar' as TimeZone;
export const SURABAYA: TenantCalendar = { timeZone: WIB, holidays: INDONESIA_2025_2027 };
export const SAMARINDA: TenantCalendar = { timeZone: WITA, holidays: INDONESIA_2025_2027 };

export const CASE: DisciplineCaseId = disciplineCaseIdOf(EMPLOYEE, 2025, '1');
export const POLICY: DisciplinePolicy = DISCIPLINE_POLICY_DEFAULTS;

export const d = (s: string): LocalDate => s as LocalDate;
export const at = (iso: string): Date => new Date(iso);

/** The employee's line of superiors: KASI (direct), KABID, KADIS. */
export const REPORT_FACTS: BreachReportFacts = {
  asOf: d('2025-10-06'),
  employeeGrade: 'pelaksana',
  employeeUnit: UNIT,
  superiors: [KASI, KABID, KADIS],
};

export const meta = (nip: Nip, role: Role, now: Date): CommandMetadata => ({ now, actor: { nip, role } });
export const asSuperior = (nip: Nip, now: Date) => meta(nip, 'pejabat-penilai', now);
export const asPpk = (now: Date) => meta(PPK, 'ppk', now);
export const asSystem = (now: Date) => meta(SYSTEM, 'sistem', now);
export const asOperator = (now: Date) => meta(OPERATOR, 'operator', now);

/** The standing of each official towards EMPLOYEE (a pelaksana) on `asOf`. */
export const standing = (
  officialRank: OfficialRank | null,
  officialIsSuperior: boolean,
  employeeGrade: EmployeeGrade | null = 'pelaksana',
  asOf: LocalDate = d('2025-10-20'),
): AuthorityFacts => ({ asOf, officialRank, officialIsSuperior, employeeGrade });

export const OFFICIALS: Readonly<Record<string, Readonly<{ nip: Nip; role: Role; facts: AuthorityFacts }>>> = {
  kasi: { nip: KASI, role: 'pejabat-berwenang-menghukum', facts: standing('pengawas', true) },
  kabid: { nip: KABID, role: 'pejabat-berwenang-menghukum', facts: standing('administrator', true) },
  kadis: { nip: KADIS, role: 'pejabat-berwenang-menghukum', facts: standing('jpt-pratama', true) },
  ppk: { nip: PPK, role: 'ppk', facts: standing('ppk', false) },
};

export const TIM: ReadonlyArray<TimMember> = [
  { nip: KASI, element: 'atasan' },
  { nip: INSPEKTUR, element: 'pengawasan' },
  { nip: BKPSDM, element: 'kepegawaian' },
];

// ---------------------------------------------------------------------------------------------------------------
// Command builders (defaults: the timeline of the specs, Surabaya, October 2025, no holidays that month)
// ---------------------------------------------------------------------------------------------------------------

export const T = {
  reported: at('2025-10-06T09:00:00+07:00'), // Monday
  summoned: at('2025-10-06T10:00:00+07:00'),
  summonsDate: d('2025-10-15'), // the 7th working day after 6 October
  examined: at('2025-10-15T10:00:00+07:00'),
  decided: at('2025-10-20T10:00:00+07:00'), // Monday; BR-22 deadline: Friday 7 November
  delivered: at('2025-10-22T10:00:00+07:00'),
} as const;

export const reportBreach = (
  overrides: Partial<ReportBreach['data']> = {},
  metadata: CommandMetadata = asSuperior(KASI, T.reported),
): ReportBreach => ({
  type: 'ReportBreach',
  data: {
    caseId: CASE,
    employee: EMPLOYEE,
    allegation: 'Left the puskesmas during service hours without permission',
    source: { kind: 'superior' },
    facts: REPORT_FACTS,
    policy: POLICY,
    ...overrides,
  },
  metadata,
});

export const summon = (
  date: LocalDate = T.summonsDate,
  metadata: CommandMetadata = asSuperior(KASI, T.summoned),
  calendar: TenantCalendar = SURABAYA,
): SummonEmployee => ({ type: 'SummonEmployee', data: { caseId: CASE, date, calendar }, metadata });

export const ignoreSummons = (metadata: CommandMetadata): RecordSummonsIgnored => ({
  type: 'RecordSummonsIgnored',
  data: { caseId: CASE },
  metadata,
});

export const formTim = (
  metadata: CommandMetadata = asPpk(at('2025-10-07T09:00:00+07:00')),
  members: ReadonlyArray<TimMember> = TIM,
): FormTimPemeriksa => ({ type: 'FormTimPemeriksa', data: { caseId: CASE, members }, metadata });

export const examine = (metadata: CommandMetadata = asSuperior(KASI, T.examined), bap = 'BAP/123/2025'): RecordExamination => ({
  type: 'RecordExamination',
  data: { caseId: CASE, bap, findings: 'The employee admits leaving without permission' },
  metadata,
});

export const decideSanction = (
  sanction: SanctionChoice,
  official: keyof typeof OFFICIALS = 'kasi',
  options: Readonly<{ now?: Date; calendar?: TenantCalendar; inForceFrom?: LocalDate; facts?: AuthorityFacts }> = {},
): DecideSanction => {
  const who = OFFICIALS[official] ?? OFFICIALS['kasi'];
  if (who === undefined) throw new Error('no such official');
  return {
    type: 'DecideSanction',
    data: {
      caseId: CASE,
      sanction,
      findings: 'Proven by the BAP and two witnesses',
      ...(options.inForceFrom === undefined ? {} : { inForceFrom: options.inForceFrom }),
      authority: options.facts ?? who.facts,
      calendar: options.calendar ?? SURABAYA,
    },
    metadata: meta(who.nip, who.role, options.now ?? T.decided),
  };
};

export const dismissCase = (official: keyof typeof OFFICIALS = 'kasi', now: Date = T.decided): DismissCase => {
  const who = OFFICIALS[official];
  if (who === undefined) throw new Error('no such official');
  return {
    type: 'DismissCase',
    data: { caseId: CASE, reason: 'The witnesses contradict each other', authority: who.facts },
    metadata: meta(who.nip, who.role, now),
  };
};

export const deliver = (metadata: CommandMetadata = asSuperior(KASI, T.delivered)): DeliverDecision => ({
  type: 'DeliverDecision',
  data: { caseId: CASE },
  metadata,
});

export const recordOverdue = (now: Date): RecordDeliveryOverdue => ({
  type: 'RecordDeliveryOverdue',
  data: { caseId: CASE },
  metadata: asSystem(now),
});

export const recordServed = (metadata: CommandMetadata): RecordServed => ({
  type: 'RecordServed',
  data: { caseId: CASE },
  metadata,
});

export const review = (
  source: ReviewSource,
  outcome: ReviewOutcome,
  sanction?: ReviewedSanctionInput,
  now: Date = at('2025-11-20T10:00:00+07:00'),
): ApplyReviewOutcome => ({
  type: 'ApplyReviewOutcome',
  data: { caseId: CASE, source, outcome, ...(sanction === undefined ? {} : { sanction }) },
  metadata: asSystem(now),
});

// ---------------------------------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------------------------------

/** Decides each command against the state the previous ones built; a refusal throws, naming it. */
export const run = (
  commands: ReadonlyArray<DisciplineCommand>,
  from: ReadonlyArray<DisciplineEvent> = [],
): ReadonlyArray<DisciplineEvent> => {
  const events = [...from];
  let state = from.reduce(disciplineDecider.evolve, disciplineDecider.initialState());
  for (const command of commands) {
    const result = disciplineDecider.decide(command, state);
    if (isLeft(result)) throw new Error(`${command.type} refused: ${JSON.stringify(result.left)}`);
    for (const event of result.right) {
      events.push(event);
      state = disciplineDecider.evolve(state, event);
    }
  }
  return events;
};

export const stateOf = (events: ReadonlyArray<DisciplineEvent>): DisciplineState =>
  events.reduce(disciplineDecider.evolve, disciplineDecider.initialState());

/** Reported, summoned for 15 October, examined by the superior on that day. */
export const examinedHistory = (report: ReportBreach = reportBreach()): ReadonlyArray<DisciplineEvent> =>
  run([report, summon(), examine()]);

/** As `examinedHistory`, with a Tim Pemeriksa formed on 7 October that examined on 16 October. */
export const timExaminedHistory = (report: ReportBreach = reportBreach()): ReadonlyArray<DisciplineEvent> =>
  run([report, formTim(), summon(), examine(meta(INSPEKTUR, 'tim-pemeriksa', at('2025-10-16T10:00:00+07:00')))]);

/** Summoned twice and ignored twice: decided on the evidence there is. */
export const evidenceOnlyHistory = (withTim = false): ReadonlyArray<DisciplineEvent> =>
  run([
    reportBreach(),
    ...(withTim ? [formTim()] : []),
    summon(),
    ignoreSummons(asSuperior(KASI, at('2025-10-16T09:00:00+07:00'))),
    summon(d('2025-10-27'), asSuperior(KASI, at('2025-10-16T10:00:00+07:00'))),
    ignoreSummons(asSuperior(KASI, at('2025-10-28T09:00:00+07:00'))),
  ]);

export const decidedHistory = (sanction: SanctionChoice = { type: 'teguran-tertulis' }) =>
  run([decideSanction(sanction)], examinedHistory());

export const deliveredHistory = (sanction: SanctionChoice = { type: 'teguran-tertulis' }) =>
  run([deliver()], decidedHistory(sanction));

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------------

export const sanctionArb: fc.Arbitrary<Sanction> = fc.oneof(
  fc.constantFrom<Sanction>(
    { type: 'teguran-lisan' },
    { type: 'teguran-tertulis' },
    { type: 'pernyataan-tidak-puas' },
    { type: 'penurunan-jabatan-12-bulan' },
    { type: 'pembebasan-jabatan-12-bulan' },
  ),
  fc.constantFrom(...TUKIN_CUT_MONTHS).map((months): Sanction => ({ type: 'potongan-tukin-25', months })),
  fc.constantFrom(...DISMISSAL_KINDS).map((kind): Sanction => ({ type: 'pemberhentian', kind })),
);

export const localDateArb = (min = '2025-01-01', max = '2027-11-30'): fc.Arbitrary<LocalDate> =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10) as LocalDate);

const sourceArb: fc.Arbitrary<BreachSource> = fc.oneof(
  fc.constant<BreachSource>({ kind: 'superior' }),
  fc.constant<BreachSource>({ kind: 'complaint', complaint: 'PGD/2025/0042' }),
  sanctionArb.map(
    (originalSanction): BreachSource => ({
      kind: 'superior-inaction',
      originalCase: disciplineCaseIdOf('199101012016011011' as Nip, 2025, '3'),
      originalEmployee: '199101012016011011' as Nip,
      originalSanction,
    }),
  ),
);

const actors: ReadonlyArray<Readonly<{ nip: Nip; role: Role }>> = [
  { nip: KASI, role: 'pejabat-penilai' },
  { nip: KABID, role: 'pejabat-berwenang-menghukum' },
  { nip: KADIS, role: 'pejabat-berwenang-menghukum' },
  { nip: PPK, role: 'ppk' },
  { nip: INSPEKTUR, role: 'tim-pemeriksa' },
  { nip: OPERATOR, role: 'operator' },
  { nip: SYSTEM, role: 'sistem' },
  { nip: STRANGER, role: 'pegawai' },
  { nip: EMPLOYEE, role: 'pegawai' },
];

type Step = (now: Date, actor: Readonly<{ nip: Nip; role: Role }>) => DisciplineCommand;

const choiceArb: fc.Arbitrary<SanctionChoice> = fc.oneof(
  sanctionArb,
  fc.constant<SanctionChoice>({ type: 'pemberhentian' }),
);

const weighted = (weight: number, arbitrary: fc.Arbitrary<Step>) => ({ weight, arbitrary });

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  weighted(
    3,
    fc
      .integer({ min: 5, max: 20 })
      .map((days): Step => (now, a) => summon(addDays(localDateOf(now, WIB), days), meta(a.nip, a.role, now))),
  ),
  weighted(1, fc.constant<Step>((now, a) => ignoreSummons(meta(a.nip, a.role, now)))),
  weighted(1, fc.constant<Step>((now, a) => formTim(meta(a.nip, a.role, now)))),
  weighted(4, fc.constant<Step>((now, a) => examine(meta(a.nip, a.role, now)))),
  weighted(
    8,
    fc
      .tuple(
        choiceArb,
        fc.option(fc.constantFrom(...Object.keys(OFFICIALS)), { nil: undefined, freq: 1 }),
        fc.option(fc.integer({ min: -3, max: 60 }), { nil: undefined }),
      )
      .map(([sanction, chosen, offset]): Step => (now) => {
        // Mostly the official the default table authorises for the level, sometimes anyone (to meet refusals).
        const level = sanction.type.startsWith('teguran') || sanction.type === 'pernyataan-tidak-puas' ? 'kasi' : sanction.type === 'potongan-tukin-25' ? 'kabid' : 'ppk';
        return decideSanction(sanction, chosen ?? level, {
          now,
          ...(offset === undefined ? {} : { inForceFrom: addDays(localDateOf(now, WIB), offset) }),
        });
      }),
  ),
  weighted(1, fc.constantFrom(...Object.keys(OFFICIALS)).map((official): Step => (now) => dismissCase(official, now))),
  weighted(3, fc.constant<Step>((now, a) => deliver(meta(a.nip, a.role, now)))),
  weighted(1, fc.constant<Step>((now) => recordOverdue(now))),
  weighted(2, fc.constant<Step>((now, a) => recordServed(a.role === 'pegawai' ? meta(a.nip, a.role, now) : asSystem(now)))),
  weighted(
    3,
    fc
      .tuple(
        fc.constantFrom<ReviewSource>('keberatan', 'banding'),
        fc.constantFrom<ReviewOutcome>('memperkuat', 'memperingan', 'memperberat', 'mengubah', 'membatalkan', 'deemed-granted'),
        fc.option(choiceArb, { nil: undefined, freq: 1 }),
      )
      .map(([source, outcome, sanction]): Step => (now) => review(source, outcome, sanction, now)),
  ),
);

/** A plausible history: a report, then steps at increasing instants by random actors; refused steps are skipped. */
export const historyArb: fc.Arbitrary<
  Readonly<{ commands: ReadonlyArray<DisciplineCommand>; events: ReadonlyArray<DisciplineEvent> }>
> = fc
  .tuple(
    sourceArb,
    fc.date({ min: new Date('2025-02-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true }),
    fc.array(
      fc.tuple(stepArb, fc.constantFrom(...actors), fc.integer({ min: 0, max: 12 * 24 * 60 })),
      { minLength: 15, maxLength: 40, size: 'max' },
    ),
  )
  .map(([source, start, steps]) => {
    const commands: DisciplineCommand[] = [];
    const events: DisciplineEvent[] = [];
    let state = disciplineDecider.initialState();
    let now = start;
    const attempt = (command: DisciplineCommand) => {
      const result = disciplineDecider.decide(command, state);
      if (isLeft(result)) return;
      commands.push(command);
      for (const event of result.right) {
        events.push(event);
        state = disciplineDecider.evolve(state, event);
      }
    };
    attempt(reportBreach({ source }, source.kind === 'complaint' ? asOperator(now) : asSuperior(KASI, now)));
    for (const [step, actor, minutes] of steps) {
      now = new Date(now.getTime() + minutes * 60_000);
      attempt(step(now, actor));
    }
    return { commands, events };
  });

export type { DisciplineError };
