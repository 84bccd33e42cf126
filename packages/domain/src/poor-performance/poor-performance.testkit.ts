/**
 * Test support for the poor-performance path: fixtures, builders that make commands and the events they should
 * cause with the same defaults, ready-made histories, and fast-check arbitraries.
 *
 * Default story (Surabaya, WIB): the 2025 annual evaluation of a pelaksana became final on 9 February 2026 with
 * Butuh Perbaikan; the path opened on 10 February 2026, the 6 months to improve end 10 August 2026; the competence
 * test is on 1 September 2026.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { TimeZone } from '../calendar';
import {
  EvaluationId,
  LocalDate,
  Nip,
  PeriodId,
  PositionId,
  ROLES,
  type CommandMetadata,
  type Role,
} from '../core';
import { nipArb as arbNip } from '../core/core.testkit';
import { LEVELS, type Level } from '../roster/roster';
import { PREDIKAT, type Predikat } from '../rulebook/vocabulary';
import type {
  AssignTemporaryPost,
  DecideTransfer,
  EndImprovementPeriod,
  EndTemporaryPost,
  OpenPoorPerformancePath,
  PoorPerformanceCommand,
  ProposeDismissalWithHonour,
  RecordCoaching,
  RecordCompetenceTest,
  RecordImprovement,
  RecordPoorYear,
} from './decide';
import {
  COMPETENCE_TEST_RESULTS,
  DISMISSAL_GROUNDS,
  POOR_PERFORMANCE_ARTICLES,
  POOR_PERFORMANCE_AUTHORITIES,
  POOR_PERFORMANCE_POLICY_DEFAULTS,
  poorPerformanceIdOf,
  TRANSFER_KINDS,
  type CoachingRecorded,
  type CompetenceTestRecorded,
  type CompetenceTestResult,
  type DismissalGround,
  type DismissalWithHonourProposed,
  type FinalEvaluationFact,
  type ImprovementPeriodEnded,
  type MonthsDeadline,
  type PoorPerformanceAuthority,
  type PoorPerformanceEvent,
  type PoorPerformanceId,
  type PoorPerformanceImproved,
  type PoorPerformancePathOpened,
  type PoorPerformancePolicy,
  type PoorYearRecorded,
  type TemporaryPostAssigned,
  type TemporaryPostEnded,
  type TransferDecided,
  type TransferKind,
} from './poor-performance';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

export const valid = <A>(codec: t.Decoder<unknown, A>, input: unknown): A => {
  const result = codec.decode(input);
  if (isLeft(result)) throw new Error(`fixture ${JSON.stringify(input)} is not a valid ${codec.name}`);
  return result.right;
};

export const EMPLOYEE = valid(Nip, '198503152010011002');
export const APPRAISER = valid(Nip, '197805122005012001');
export const APPRAISER_SUPERIOR = valid(Nip, '196901011990031003');
export const PPK = valid(Nip, '196501011990031001');
export const SYSTEM = valid(Nip, '198001012005011001');
export const OPERATOR = valid(Nip, '199001012015011001');
export const OTHER = valid(Nip, '199202022018012002');

export const WIB = valid(TimeZone, 'Asia/Jakarta');
export const PATH = poorPerformanceIdOf(EMPLOYEE, 1);
export const OTHER_PATH = poorPerformanceIdOf(EMPLOYEE, 2);
export const POSITION = valid(PositionId, 'dukcapil-pelaksana-arsip');
export const LOWER_POSITION = valid(PositionId, 'dukcapil-pengadministrasi');

export const evaluationId = (year: number, period: string = String(year), nip: Nip = EMPLOYEE): EvaluationId =>
  valid(EvaluationId, `${nip}.${year}.${period}`);

export const OPENED_AT = new Date('2026-02-10T09:00:00+07:00');
export const IMPROVEMENT_ENDS = new Date('2026-08-10T23:59:59.999+07:00');
export const AFTER_IMPROVEMENT = new Date('2026-08-11T08:00:00+07:00');
export const TESTED_AT = new Date('2026-09-01T10:00:00+07:00');
export const TEST_DAY = valid(LocalDate, '2026-09-01');
export const DECIDED_AT = new Date('2026-09-15T10:00:00+07:00');
export const EFFECTIVE_ON = valid(LocalDate, '2026-10-01');
/** A 12-month temporary post assigned at DECIDED_AT ends at the end of 15 September 2027 (WIB). */
export const POST_ENDS = new Date('2027-09-15T23:59:59.999+07:00');
export const AFTER_POST = new Date('2027-09-16T08:00:00+07:00');

/** The 2025 annual evaluation, final on 9 February 2026 with Butuh Perbaikan. */
export const POOR_2025: FinalEvaluationFact = {
  evaluation: evaluationId(2025),
  kind: 'annual',
  period: valid(PeriodId, '2025'),
  predikat: 'butuh-perbaikan',
  finalizedAt: new Date('2026-02-09T12:00:00+07:00'),
};
/** A quarterly evaluation during the improvement period, final on 20 July 2026 with Baik. */
export const GOOD_Q2_2026: FinalEvaluationFact = {
  evaluation: evaluationId(2026, '2026-Q2'),
  kind: 'periodic',
  period: valid(PeriodId, '2026-Q2'),
  predikat: 'baik',
  finalizedAt: new Date('2026-07-20T12:00:00+07:00'),
};
export const POOR_2026: FinalEvaluationFact = {
  evaluation: evaluationId(2026),
  kind: 'annual',
  period: valid(PeriodId, '2026'),
  predikat: 'kurang',
  finalizedAt: new Date('2027-02-08T12:00:00+07:00'),
};

export const SUPERVISORS = { appraiser: APPRAISER, appraiserSuperior: APPRAISER_SUPERIOR };
export const REASONS: ReadonlyArray<string> = ['Hasil uji kompetensi: kompetensi teknis tidak memenuhi standar jabatan.'];

export const improvementPeriod = (startsAt = OPENED_AT, endsAt = IMPROVEMENT_ENDS): MonthsDeadline => ({
  startsAt,
  endsAt,
  months: 6,
  timeZone: WIB,
});

// ---------------------------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------------------------

export type As = Readonly<{ by?: Nip; role?: Role; now?: Date }>;

const ROLE_OF = new Map<Nip, Role>([
  [EMPLOYEE, 'pegawai'],
  [APPRAISER, 'pejabat-penilai'],
  [APPRAISER_SUPERIOR, 'atasan-pejabat-penilai'],
  [PPK, 'ppk'],
  [SYSTEM, 'sistem'],
  [OPERATOR, 'operator'],
]);

const metadata = (defaultActor: Nip, defaultNow: Date, as: As): CommandMetadata => {
  const nip = as.by ?? defaultActor;
  return { now: as.now ?? defaultNow, actor: { nip, role: as.role ?? ROLE_OF.get(nip) ?? 'rekan-kerja' } };
};

/** The step fields of an event caused by `as` (or the default actor), with its articles. */
const step = (defaultActor: Nip, defaultNow: Date, as: As, ...extra: ReadonlyArray<string>) => {
  const m = metadata(defaultActor, defaultNow, as);
  return {
    path: PATH,
    decidedBy: m.actor.nip,
    authority: m.actor.role as PoorPerformanceAuthority,
    articles: [...POOR_PERFORMANCE_ARTICLES, ...extra],
    at: m.now,
  };
};

type OpenOptions = As &
  Readonly<{
    path?: PoorPerformanceId;
    employee?: Nip;
    evaluation?: FinalEvaluationFact;
    level?: Level;
    policy?: PoorPerformancePolicy;
    priorPoorYears?: number;
  }>;

export const openPath = (o: OpenOptions = {}): OpenPoorPerformancePath => ({
  type: 'OpenPoorPerformancePath',
  data: {
    path: o.path ?? PATH,
    employee: o.employee ?? EMPLOYEE,
    evaluation: o.evaluation ?? POOR_2025,
    level: o.level ?? 'pelaksana',
    supervisors: SUPERVISORS,
    timeZone: WIB,
    policy: o.policy ?? POOR_PERFORMANCE_POLICY_DEFAULTS,
    priorPoorYears: o.priorPoorYears ?? 0,
  },
  metadata: metadata(SYSTEM, OPENED_AT, o),
});

export const pathOpened = (o: OpenOptions & Readonly<{ improvementEnds?: Date }> = {}): PoorPerformancePathOpened => {
  const now = o.now ?? OPENED_AT;
  return {
    type: 'PoorPerformancePathOpened',
    data: {
      ...step(SYSTEM, OPENED_AT, o, 'PP 30/2019 Ps 56'),
      path: o.path ?? PATH,
      employee: o.employee ?? EMPLOYEE,
      evaluation: o.evaluation ?? POOR_2025,
      level: o.level ?? 'pelaksana',
      supervisors: SUPERVISORS,
      policy: o.policy ?? POOR_PERFORMANCE_POLICY_DEFAULTS,
      priorPoorYears: o.priorPoorYears ?? 0,
      improvementPeriod: improvementPeriod(now, o.improvementEnds ?? IMPROVEMENT_ENDS),
    },
  };
};

export const recordCoaching = (o: As & Readonly<{ note?: string }> = {}): RecordCoaching => ({
  type: 'RecordCoaching',
  data: { path: PATH, note: o.note ?? 'Pembinaan: target bulanan dan pendampingan oleh atasan.' },
  metadata: metadata(APPRAISER, new Date('2026-03-02T09:00:00+07:00'), o),
});
export const coachingRecorded = (o: As & Readonly<{ note?: string; authority?: PoorPerformanceAuthority }> = {}): CoachingRecorded => ({
  type: 'CoachingRecorded',
  data: {
    ...step(APPRAISER, new Date('2026-03-02T09:00:00+07:00'), o),
    ...(o.authority === undefined ? {} : { authority: o.authority }),
    note: o.note ?? 'Pembinaan: target bulanan dan pendampingan oleh atasan.',
  },
});

export const recordImprovement = (o: As & Readonly<{ evaluation?: FinalEvaluationFact }> = {}): RecordImprovement => ({
  type: 'RecordImprovement',
  data: { path: PATH, evaluation: o.evaluation ?? GOOD_Q2_2026 },
  metadata: metadata(SYSTEM, new Date('2026-07-20T12:00:01+07:00'), o),
});
export const improved = (o: As & Readonly<{ evaluation?: FinalEvaluationFact }> = {}): PoorPerformanceImproved => ({
  type: 'PoorPerformanceImproved',
  data: { ...step(SYSTEM, new Date('2026-07-20T12:00:01+07:00'), o), evaluation: o.evaluation ?? GOOD_Q2_2026 },
});

export const recordPoorYear = (o: As & Readonly<{ evaluation?: FinalEvaluationFact }> = {}): RecordPoorYear => ({
  type: 'RecordPoorYear',
  data: { path: PATH, evaluation: o.evaluation ?? POOR_2026 },
  metadata: metadata(SYSTEM, new Date('2027-02-08T12:00:01+07:00'), o),
});
export const poorYearRecorded = (
  o: As & Readonly<{ evaluation?: FinalEvaluationFact; year?: number; consecutiveYears?: number }> = {},
): PoorYearRecorded => ({
  type: 'PoorYearRecorded',
  data: {
    ...step(SYSTEM, new Date('2027-02-08T12:00:01+07:00'), o),
    evaluation: o.evaluation ?? POOR_2026,
    year: o.year ?? 2026,
    consecutiveYears: o.consecutiveYears ?? 2,
  },
});

export const endImprovementPeriod = (o: As = {}): EndImprovementPeriod => ({
  type: 'EndImprovementPeriod',
  data: { path: PATH },
  metadata: metadata(SYSTEM, AFTER_IMPROVEMENT, o),
});
export const improvementPeriodEnded = (o: As = {}): ImprovementPeriodEnded => ({
  type: 'ImprovementPeriodEnded',
  data: { ...step(SYSTEM, AFTER_IMPROVEMENT, o, 'PP 30/2019 Ps 56'), deadline: IMPROVEMENT_ENDS },
});

export const recordCompetenceTest = (o: As & Readonly<{ result?: CompetenceTestResult }> = {}): RecordCompetenceTest => ({
  type: 'RecordCompetenceTest',
  data: { path: PATH, result: o.result ?? 'failed', heldOn: TEST_DAY, notes: 'Assessment center BKPSDM.' },
  metadata: metadata(OPERATOR, TESTED_AT, o),
});
export const competenceTestRecorded = (o: As & Readonly<{ result?: CompetenceTestResult }> = {}): CompetenceTestRecorded => ({
  type: 'CompetenceTestRecorded',
  data: {
    ...step(OPERATOR, TESTED_AT, o, 'PP 30/2019 Ps 57'),
    result: o.result ?? 'failed',
    heldOn: TEST_DAY,
    notes: 'Assessment center BKPSDM.',
  },
});

export const decideTransfer = (o: As & Readonly<{ kind?: TransferKind; reasons?: ReadonlyArray<string> }> = {}): DecideTransfer => ({
  type: 'DecideTransfer',
  data: { path: PATH, kind: o.kind ?? 'lower', position: LOWER_POSITION, effectiveOn: EFFECTIVE_ON, reasons: o.reasons ?? REASONS },
  metadata: metadata(PPK, DECIDED_AT, o),
});
export const transferDecided = (o: As & Readonly<{ kind?: TransferKind }> = {}): TransferDecided => ({
  type: 'TransferDecided',
  data: {
    ...step(PPK, DECIDED_AT, o, 'PP 30/2019 Ps 57'),
    kind: o.kind ?? 'lower',
    position: LOWER_POSITION,
    effectiveOn: EFFECTIVE_ON,
    reasons: REASONS,
  },
});

export const assignTemporaryPost = (o: As & Readonly<{ months?: number; reasons?: ReadonlyArray<string> }> = {}): AssignTemporaryPost => ({
  type: 'AssignTemporaryPost',
  data: { path: PATH, position: POSITION, months: o.months ?? 12, reasons: o.reasons ?? REASONS },
  metadata: metadata(PPK, DECIDED_AT, o),
});
export const temporaryPostAssigned = (o: As & Readonly<{ months?: number; endsAt?: Date }> = {}): TemporaryPostAssigned => ({
  type: 'TemporaryPostAssigned',
  data: {
    ...step(PPK, DECIDED_AT, o, 'PP 30/2019 Ps 57'),
    position: POSITION,
    period: { startsAt: o.now ?? DECIDED_AT, endsAt: o.endsAt ?? POST_ENDS, months: o.months ?? 12, timeZone: WIB },
    reasons: REASONS,
  },
});

export const endTemporaryPost = (o: As = {}): EndTemporaryPost => ({
  type: 'EndTemporaryPost',
  data: { path: PATH },
  metadata: metadata(SYSTEM, AFTER_POST, o),
});
export const temporaryPostEnded = (o: As = {}): TemporaryPostEnded => ({
  type: 'TemporaryPostEnded',
  data: { ...step(SYSTEM, AFTER_POST, o, 'PP 30/2019 Ps 57'), deadline: POST_ENDS },
});

export const proposeDismissal = (
  o: As & Readonly<{ ground?: DismissalGround; reasons?: ReadonlyArray<string> }> = {},
): ProposeDismissalWithHonour => ({
  type: 'ProposeDismissalWithHonour',
  data: { path: PATH, ground: o.ground ?? 'path-exhausted', reasons: o.reasons ?? REASONS },
  metadata: metadata(PPK, new Date('2027-09-20T10:00:00+07:00'), o),
});
export const dismissalProposed = (
  o: As & Readonly<{ ground?: DismissalGround; poorYears?: number; reasons?: ReadonlyArray<string> }> = {},
): DismissalWithHonourProposed => {
  const ground = o.ground ?? 'path-exhausted';
  return {
    type: 'DismissalWithHonourProposed',
    data: {
      ...step(
        PPK,
        new Date('2027-09-20T10:00:00+07:00'),
        o,
        ground === 'path-exhausted' ? 'PP 30/2019 Ps 58' : 'tenant policy: consecutive poor years',
      ),
      ground,
      poorYears: o.poorYears ?? 1,
      reasons: o.reasons ?? REASONS,
    },
  };
};

// ---------------------------------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------------------------------

const opened = [pathOpened()];
const testDue = [...opened, improvementPeriodEnded()];
const tested = [...testDue, competenceTestRecorded()];
const temporaryPost = [...tested, temporaryPostAssigned()];
const postEnded = [...temporaryPost, temporaryPostEnded()];

export const histories = {
  opened,
  testDue,
  tested,
  temporaryPost,
  postEnded,
  improved: [...opened, improved()],
  transferred: [...tested, transferDecided()],
  dismissalProposed: [...postEnded, dismissalProposed()],
} satisfies Readonly<Record<string, ReadonlyArray<PoorPerformanceEvent>>>;

/** Every way a path closes. */
export const closedHistories: ReadonlyArray<ReadonlyArray<PoorPerformanceEvent>> = [
  histories.improved,
  [...postEnded, improved({ now: AFTER_POST, evaluation: { ...GOOD_Q2_2026, finalizedAt: new Date('2027-09-16T07:00:00+07:00') } })],
  histories.transferred,
  [...temporaryPost, transferDecided({ now: new Date('2027-01-10T10:00:00+07:00') })],
  histories.dismissalProposed,
  [
    pathOpened({ policy: { ...POOR_PERFORMANCE_POLICY_DEFAULTS, consecutivePoorYearsDismissal: 2 }, priorPoorYears: 1 }),
    dismissalProposed({ by: SYSTEM, ground: 'consecutive-poor-years', poorYears: 2 }),
  ],
];

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------------

export { arbNip };

export const arbInstant: fc.Arbitrary<Date> = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2199-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const arbLocalDate = arbInstant.map((d) => valid(LocalDate, d.toISOString().slice(0, 10)));
const arbText = (max = 40): fc.Arbitrary<string> => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const arbTexts = fc.array(arbText(), { maxLength: 3 });
const arbArticles = fc.array(arbText(), { minLength: 1, maxLength: 3 });
const arbPredikat: fc.Arbitrary<Predikat> = fc.constantFrom(...PREDIKAT);
const arbPathId: fc.Arbitrary<PoorPerformanceId> = fc
  .tuple(arbNip, fc.integer({ min: 1, max: 99 }))
  .map(([nip, n]) => poorPerformanceIdOf(nip, n));
const arbPosition = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).map((s) => valid(PositionId, s));
const arbFact: fc.Arbitrary<FinalEvaluationFact> = fc
  .record({
    nip: arbNip,
    year: fc.integer({ min: 2014, max: 2099 }),
    suffix: fc.constantFrom('', '-Q1', '-S2', '-M07'),
    predikat: arbPredikat,
    finalizedAt: arbInstant,
  })
  .map(({ nip, year, suffix, predikat, finalizedAt }) => ({
    evaluation: evaluationId(year, `${year}${suffix}`, nip),
    kind: suffix === '' ? ('annual' as const) : ('periodic' as const),
    period: valid(PeriodId, `${year}${suffix}`),
    predikat,
    finalizedAt,
  }));
const arbPolicy: fc.Arbitrary<PoorPerformancePolicy> = fc.record({
  threshold: arbPredikat,
  periodicOpens: fc.boolean(),
  consecutivePoorYearsDismissal: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const arbDeadline: fc.Arbitrary<MonthsDeadline> = fc.record({
  startsAt: arbInstant,
  endsAt: arbInstant,
  months: fc.integer({ min: 1, max: 12 }),
  timeZone: fc.constant(WIB),
});
const arbMetadata: fc.Arbitrary<CommandMetadata> = fc.record({
  now: arbInstant,
  actor: fc.record({ nip: arbNip, role: fc.constantFrom(...ROLES) }),
});
const arbLevel: fc.Arbitrary<Level> = fc.constantFrom(...LEVELS);
const arbStep = fc.record({
  path: arbPathId,
  decidedBy: arbNip,
  authority: fc.constantFrom(...POOR_PERFORMANCE_AUTHORITIES),
  articles: arbArticles,
  at: arbInstant,
});

const command = <T extends PoorPerformanceCommand['type'], D>(type: T, data: fc.Arbitrary<D>) =>
  fc.record({ data, metadata: arbMetadata }).map(({ data, metadata }) => ({ type, data, metadata }));

export const commandArbitraries: {
  readonly [K in PoorPerformanceCommand['type']]: fc.Arbitrary<Extract<PoorPerformanceCommand, { type: K }>>;
} = {
  OpenPoorPerformancePath: command(
    'OpenPoorPerformancePath',
    fc.record({
      path: arbPathId,
      employee: arbNip,
      evaluation: arbFact,
      level: arbLevel,
      supervisors: fc.record({ appraiser: arbNip, appraiserSuperior: arbNip }),
      timeZone: fc.constant(WIB),
      policy: arbPolicy,
      priorPoorYears: fc.integer({ min: 0, max: 5 }),
    }),
  ),
  RecordCoaching: command('RecordCoaching', fc.record({ path: arbPathId, note: arbText() })),
  RecordImprovement: command('RecordImprovement', fc.record({ path: arbPathId, evaluation: arbFact })),
  RecordPoorYear: command('RecordPoorYear', fc.record({ path: arbPathId, evaluation: arbFact })),
  EndImprovementPeriod: command('EndImprovementPeriod', fc.record({ path: arbPathId })),
  RecordCompetenceTest: command(
    'RecordCompetenceTest',
    fc.record({ path: arbPathId, result: fc.constantFrom(...COMPETENCE_TEST_RESULTS), heldOn: arbLocalDate, notes: arbText() }),
  ),
  DecideTransfer: command(
    'DecideTransfer',
    fc.record({
      path: arbPathId,
      kind: fc.constantFrom(...TRANSFER_KINDS),
      position: arbPosition,
      effectiveOn: arbLocalDate,
      reasons: arbTexts,
    }),
  ),
  AssignTemporaryPost: command(
    'AssignTemporaryPost',
    fc.record({ path: arbPathId, position: arbPosition, months: fc.integer({ min: 1, max: 24 }), reasons: arbTexts }),
  ),
  EndTemporaryPost: command('EndTemporaryPost', fc.record({ path: arbPathId })),
  ProposeDismissalWithHonour: command(
    'ProposeDismissalWithHonour',
    fc.record({ path: arbPathId, ground: fc.constantFrom(...DISMISSAL_GROUNDS), reasons: arbTexts }),
  ),
};

export const arbCommand: fc.Arbitrary<PoorPerformanceCommand> = fc.oneof(...Object.values(commandArbitraries));

const event = <T extends PoorPerformanceEvent['type'], D>(type: T, extra: fc.Arbitrary<D>) =>
  fc.tuple(arbStep, extra).map(([s, e]) => ({ type, data: { ...s, ...e } }));

export const eventArbitraries: {
  readonly [K in PoorPerformanceEvent['type']]: fc.Arbitrary<Extract<PoorPerformanceEvent, { type: K }>>;
} = {
  PoorPerformancePathOpened: event(
    'PoorPerformancePathOpened',
    fc.record({
      employee: arbNip,
      evaluation: arbFact,
      level: arbLevel,
      supervisors: fc.record({ appraiser: arbNip, appraiserSuperior: arbNip }),
      policy: arbPolicy,
      priorPoorYears: fc.integer({ min: 0, max: 5 }),
      improvementPeriod: arbDeadline,
    }),
  ),
  CoachingRecorded: event('CoachingRecorded', fc.record({ note: arbText() })),
  PoorPerformanceImproved: event('PoorPerformanceImproved', fc.record({ evaluation: arbFact })),
  PoorYearRecorded: event(
    'PoorYearRecorded',
    fc.record({ evaluation: arbFact, year: fc.integer({ min: 2014, max: 2099 }), consecutiveYears: fc.integer({ min: 1, max: 9 }) }),
  ),
  ImprovementPeriodEnded: event('ImprovementPeriodEnded', fc.record({ deadline: arbInstant })),
  CompetenceTestRecorded: event(
    'CompetenceTestRecorded',
    fc.record({ result: fc.constantFrom(...COMPETENCE_TEST_RESULTS), heldOn: arbLocalDate, notes: arbText() }),
  ),
  TransferDecided: event(
    'TransferDecided',
    fc.record({ kind: fc.constantFrom(...TRANSFER_KINDS), position: arbPosition, effectiveOn: arbLocalDate, reasons: arbTexts }),
  ),
  TemporaryPostAssigned: event('TemporaryPostAssigned', fc.record({ position: arbPosition, period: arbDeadline, reasons: arbTexts })),
  TemporaryPostEnded: event('TemporaryPostEnded', fc.record({ deadline: arbInstant })),
  DismissalWithHonourProposed: event(
    'DismissalWithHonourProposed',
    fc.record({ ground: fc.constantFrom(...DISMISSAL_GROUNDS), poorYears: fc.integer({ min: 0, max: 9 }), reasons: arbTexts }),
  ),
};

export const arbEvent: fc.Arbitrary<PoorPerformanceEvent> = fc.oneof(...Object.values(eventArbitraries));

/**
 * A command that may well be accepted at some step of the default story: each step's command, by its usual actor
 * or another, at a time before or after its deadline.
 */
export const arbPlausibleCommand: fc.Arbitrary<PoorPerformanceCommand> = fc
  .record({
    pick: fc.integer({ min: 0, max: 10 }),
    usual: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    by: fc.constantFrom(PPK, SYSTEM, OPERATOR, APPRAISER, APPRAISER_SUPERIOR, OTHER),
    role: fc.constantFrom<Role>('ppk', 'sistem', 'operator', 'pejabat-penilai', 'pegawai'),
    late: fc.boolean(),
    months: fc.integer({ min: 1, max: 14 }),
  })
  .map(({ pick, usual, by, role, late, months }): PoorPerformanceCommand => {
    const as: As = usual ? {} : { by, role };
    switch (pick) {
      case 0:
        return recordCoaching(as);
      case 1:
        return recordImprovement(as);
      case 2:
        return recordPoorYear(as);
      case 3:
        return endImprovementPeriod({ ...as, now: late ? AFTER_IMPROVEMENT : IMPROVEMENT_ENDS });
      case 4:
        return recordCompetenceTest(as);
      case 5:
        return decideTransfer(as);
      case 6:
        return assignTemporaryPost({ ...as, months });
      case 7:
        return endTemporaryPost({ ...as, now: late ? AFTER_POST : POST_ENDS });
      case 8:
        return proposeDismissal(as);
      case 9:
        return proposeDismissal({ ...as, ground: 'consecutive-poor-years', ...(usual ? { by: SYSTEM } : {}) });
      default:
        return openPath(as);
    }
  });
