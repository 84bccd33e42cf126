/**
 * Test support for the plan: fixtures (people, dates, ids), builders that make commands and the events they
 * should cause with the same defaults, ready-made histories, and fast-check arbitraries.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  evaluationIdOf,
  LocalDate,
  Nip,
  PeriodId,
  planIdOf,
  ROLES,
  UnitId,
  unitPeriodIdOf,
  type Command,
  type CommandMetadata,
  type EvaluationId,
  type Event,
  type PlanId,
  type Role,
  type UnitPeriodId,
} from '../core';
import type {
  AddIki,
  AddRhk,
  ApprovePlan,
  ChangeIki,
  ChangeRhk,
  ClearLeaderExpectation,
  ClosePlan,
  DraftPlan,
  PlanCommand,
  RecordFeedback,
  RecordRealisation,
  RemoveIki,
  RemoveRhk,
  ReturnPlan,
  SetLeaderExpectation,
  StartAmendment,
  SubmitPlan,
} from './decide';
import { arbLifecycleWithNoise, runCommands, type DeciderStep } from '../testing/decider.testkit';
import { planDecider } from './decide';
import type { PlanError } from './errors';
import { IkiId, RhkId } from './ids';
import {
  APPROACHES,
  CORE_VALUES,
  FEEDBACK_KINDS,
  OPEN_PLAN_STATUSES,
  RHK_KINDS,
  WAKTU_UNITS,
  type CoreValue,
  type Evidence,
  type FeedbackKind,
  type FeedbackRecorded,
  type IkiAdded,
  type IkiChanged,
  type IkiRemoved,
  type LeaderExpectationCleared,
  type LeaderExpectationSet,
  type OpenPlanStatus,
  type PlanAmendmentStarted,
  type PlanApproved,
  type PlanClosed,
  type PlanDrafted,
  type PlanEvent,
  type PlanHeader,
  type PlanReturned,
  type PlanState,
  type PlanSubmitted,
  type Realised,
  type RealisationRecorded,
  type RhkAdded,
  type RhkChanged,
  type RhkKind,
  type RhkRef,
  type RhkRemoved,
  type RosterFacts,
  type Targets,
} from './plan';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

/** Decodes a literal that the test knows to be valid (throws otherwise: tests only). */
export const valid = <A>(codec: t.Decoder<unknown, A>, input: unknown): A => {
  const result = codec.decode(input);
  if (isLeft(result)) throw new Error(`fixture ${JSON.stringify(input)} is not a valid ${codec.name}`);
  return result.right;
};

export const EMPLOYEE = valid(Nip, '198503152010011002');
export const APPRAISER = valid(Nip, '197805122005012001');
export const APPRAISER_SUPERIOR = valid(Nip, '196901011990031003');
/** Someone who has nothing to do with the plan (a colleague, or the operator when acting as `operator`). */
export const OUTSIDER = valid(Nip, '199001012015011001');

export const PERIOD = valid(PeriodId, '2025');
export const PLAN = planIdOf(EMPLOYEE, PERIOD);
export const APPRAISER_PLAN = planIdOf(APPRAISER, PERIOD);
export const OTHER_PLAN = planIdOf(OUTSIDER, PERIOD);
export const UNIT = valid(UnitId, 'dinkes');

/** Calendar year 2025 in Surabaya (WIB): the period is over at midnight local time on 1 January 2026. */
export const PERIOD_START = new Date('2025-01-01T00:00:00+07:00');
export const PERIOD_END = new Date('2026-01-01T00:00:00+07:00');
export const DRAFT_DAY = valid(LocalDate, '2025-01-06');
export const DRAFTED_AT = new Date('2025-01-06T09:00:00+07:00');
export const DURING = new Date('2025-06-30T10:00:00+07:00');
export const AFTER_END = new Date('2026-01-05T09:00:00+07:00');

export const rhkId = (code: string): RhkId => valid(RhkId, code);
export const ikiId = (code: string): IkiId => valid(IkiId, code);
export const R1 = rhkId('R1');
export const R2 = rhkId('R2');
export const I1 = ikiId('I1');
export const I2 = ikiId('I2');

export const ROSTER: RosterFacts = {
  asOf: DRAFT_DAY,
  employeeUnit: UNIT,
  employeeSuperior: APPRAISER,
  appraiserSuperior: APPRAISER_SUPERIOR,
};

export const TARGETS: Targets = {
  kuantitas: { value: 12, unit: 'laporan' },
  kualitas: { percent: 100 },
  waktu: { value: 12, unit: 'bulan' },
};

export const EVIDENCE: ReadonlyArray<Evidence> = [
  { ref: 'https://drive.example/laporan-juni.pdf', description: 'Laporan Juni' },
];

// ---------------------------------------------------------------------------------------------------------------
// Builders: a command and the event it should cause share their defaults, so a spec only states what matters.
// ---------------------------------------------------------------------------------------------------------------

/** Who issues a command, and when. Each builder has a sensible default actor (the employee or the appraiser). */
export type As = Readonly<{ by?: Nip; role?: Role; now?: Date }>;

const ROLE_OF = new Map<Nip, Role>([
  [EMPLOYEE, 'pegawai'],
  [APPRAISER, 'pejabat-penilai'],
  [APPRAISER_SUPERIOR, 'atasan-pejabat-penilai'],
]);

/**
 * Command metadata built from `as`, else from the builder's default actor and instant; the role is `as.role`, else
 * the one `roles` gives the actor, else rekan-kerja.
 */
export const metadataWith =
  (roles: ReadonlyMap<Nip, Role>) =>
  (defaultActor: Nip, defaultNow: Date, as: As): CommandMetadata => {
    const nip = as.by ?? defaultActor;
    return { now: as.now ?? defaultNow, actor: { nip, role: as.role ?? roles.get(nip) ?? 'rekan-kerja' } };
  };
/** Who a builder's event names as its actor: `as.by`, else the default. */
export const actorOf = (defaultActor: Nip, as: As): Nip => as.by ?? defaultActor;

const metadata = metadataWith(ROLE_OF);
const employeeSays = (as: As) => metadata(EMPLOYEE, DURING, as);
const appraiserSays = (as: As) => metadata(APPRAISER, DURING, as);

/** The fixture plan's header: the employee's 2025 SKP at Dinas Kesehatan, appraised by APPRAISER. */
export const PLAN_HEADER: PlanHeader = {
  plan: PLAN,
  employee: EMPLOYEE,
  appraiser: APPRAISER,
  appraiserSuperior: APPRAISER_SUPERIOR,
  unit: UNIT,
  period: PERIOD,
  periodStart: PERIOD_START,
  periodEnd: PERIOD_END,
  approach: 'kuantitatif',
};

type DraftData = DraftPlan['data'];
const draftData = (o: Partial<DraftData>): DraftData => ({ ...PLAN_HEADER, roster: ROSTER, ...o });

export const draftPlan = (o: Partial<DraftData> & As = {}): DraftPlan => {
  const { by: _by, role: _role, now: _now, ...data } = o;
  return { type: 'DraftPlan', data: draftData(data), metadata: metadata(EMPLOYEE, DRAFTED_AT, o) };
};
export const planDrafted = (o: Partial<DraftData> & Readonly<{ at?: Date }> = {}): PlanDrafted => {
  const { at, ...data } = o;
  return { type: 'PlanDrafted', data: { ...draftData(data), at: at ?? DRAFTED_AT } };
};

type RhkOptions = Readonly<{ kind?: RhkKind; description?: string; intervenesIn?: RhkRef }>;
const rhkData = (rhk: RhkId, o: RhkOptions) => ({
  plan: PLAN,
  rhk,
  kind: o.kind ?? 'utama',
  description: o.description ?? `Hasil kerja ${rhk}`,
  ...(o.intervenesIn && { intervenesIn: o.intervenesIn }),
});
export const addRhk = (rhk: RhkId, o: RhkOptions & As = {}): AddRhk => ({
  type: 'AddRhk',
  data: rhkData(rhk, o),
  metadata: employeeSays(o),
});
export const rhkAdded = (rhk: RhkId, o: RhkOptions = {}): RhkAdded => ({ type: 'RhkAdded', data: rhkData(rhk, o) });
export const changeRhk = (rhk: RhkId, o: RhkOptions & As = {}): ChangeRhk => ({
  type: 'ChangeRhk',
  data: rhkData(rhk, o),
  metadata: employeeSays(o),
});
export const rhkChanged = (rhk: RhkId, o: RhkOptions = {}): RhkChanged => ({ type: 'RhkChanged', data: rhkData(rhk, o) });
export const removeRhk = (rhk: RhkId, o: As = {}): RemoveRhk => ({
  type: 'RemoveRhk',
  data: { plan: PLAN, rhk },
  metadata: employeeSays(o),
});
export const rhkRemoved = (rhk: RhkId, removedIki: ReadonlyArray<IkiId> = []): RhkRemoved => ({
  type: 'RhkRemoved',
  data: { plan: PLAN, rhk, removedIki },
});

type IkiOptions = Readonly<{ description?: string; targets?: Targets }>;
const ikiData = (rhk: RhkId, iki: IkiId, o: IkiOptions) => ({
  plan: PLAN,
  rhk,
  iki,
  description: o.description ?? `Indikator ${iki}`,
  targets: o.targets ?? TARGETS,
});
export const addIki = (rhk: RhkId, iki: IkiId, o: IkiOptions & As = {}): AddIki => ({
  type: 'AddIki',
  data: ikiData(rhk, iki, o),
  metadata: employeeSays(o),
});
export const ikiAdded = (rhk: RhkId, iki: IkiId, o: IkiOptions = {}): IkiAdded => ({
  type: 'IkiAdded',
  data: ikiData(rhk, iki, o),
});
export const changeIki = (iki: IkiId, o: IkiOptions & As = {}): ChangeIki => {
  const { rhk: _rhk, ...data } = ikiData(R1, iki, o);
  return { type: 'ChangeIki', data, metadata: employeeSays(o) };
};
export const ikiChanged = (rhk: RhkId, iki: IkiId, o: IkiOptions = {}): IkiChanged => ({
  type: 'IkiChanged',
  data: ikiData(rhk, iki, o),
});
export const removeIki = (iki: IkiId, o: As = {}): RemoveIki => ({
  type: 'RemoveIki',
  data: { plan: PLAN, iki },
  metadata: employeeSays(o),
});
export const ikiRemoved = (rhk: RhkId, iki: IkiId): IkiRemoved => ({ type: 'IkiRemoved', data: { plan: PLAN, rhk, iki } });

export const setLeaderExpectation = (value: CoreValue, expectation: string, o: As = {}): SetLeaderExpectation => ({
  type: 'SetLeaderExpectation',
  data: { plan: PLAN, value, expectation },
  metadata: appraiserSays(o),
});
export const leaderExpectationSet = (value: CoreValue, expectation: string, o: As = {}): LeaderExpectationSet => ({
  type: 'LeaderExpectationSet',
  data: { plan: PLAN, value, expectation, setBy: actorOf(APPRAISER, o), at: o.now ?? DURING },
});
export const clearLeaderExpectation = (value: CoreValue, o: As = {}): ClearLeaderExpectation => ({
  type: 'ClearLeaderExpectation',
  data: { plan: PLAN, value },
  metadata: appraiserSays(o),
});
export const leaderExpectationCleared = (value: CoreValue, o: As = {}): LeaderExpectationCleared => ({
  type: 'LeaderExpectationCleared',
  data: { plan: PLAN, value, clearedBy: actorOf(APPRAISER, o), at: o.now ?? DURING },
});

export const submitPlan = (o: As = {}): SubmitPlan => ({
  type: 'SubmitPlan',
  data: { plan: PLAN },
  metadata: employeeSays(o),
});
export const planSubmitted = (o: As = {}): PlanSubmitted => ({
  type: 'PlanSubmitted',
  data: { plan: PLAN, submittedBy: actorOf(EMPLOYEE, o), at: o.now ?? DURING },
});
export const approvePlan = (o: As = {}): ApprovePlan => ({
  type: 'ApprovePlan',
  data: { plan: PLAN },
  metadata: appraiserSays(o),
});
export const planApproved = (revision = 1, o: As = {}): PlanApproved => ({
  type: 'PlanApproved',
  data: { plan: PLAN, revision, approvedBy: actorOf(APPRAISER, o), at: o.now ?? DURING },
});
const RETURN_REASONS = ['Target kuantitas terlalu rendah'];
export const returnPlan = (reasons: ReadonlyArray<string> = RETURN_REASONS, o: As = {}): ReturnPlan => ({
  type: 'ReturnPlan',
  data: { plan: PLAN, reasons },
  metadata: appraiserSays(o),
});
export const planReturned = (reasons: ReadonlyArray<string> = RETURN_REASONS, o: As = {}): PlanReturned => ({
  type: 'PlanReturned',
  data: { plan: PLAN, reasons, returnedBy: actorOf(APPRAISER, o), at: o.now ?? DURING },
});
const AMENDMENT_REASON = 'Penugasan baru dari pimpinan';
export const startAmendment = (reason = AMENDMENT_REASON, o: As = {}): StartAmendment => ({
  type: 'StartAmendment',
  data: { plan: PLAN, reason },
  metadata: employeeSays(o),
});
export const amendmentStarted = (revision = 1, reason = AMENDMENT_REASON, o: As = {}): PlanAmendmentStarted => ({
  type: 'PlanAmendmentStarted',
  data: { plan: PLAN, reason, revision, startedBy: actorOf(EMPLOYEE, o), at: o.now ?? DURING },
});

type RealisationOptions = Readonly<{ realised?: Realised; evidence?: ReadonlyArray<Evidence> }>;
export const recordRealisation = (iki: IkiId, o: RealisationOptions & As = {}): RecordRealisation => ({
  type: 'RecordRealisation',
  data: { plan: PLAN, iki, realised: o.realised ?? { kuantitas: 6, kualitas: 95 }, evidence: o.evidence ?? EVIDENCE },
  metadata: employeeSays(o),
});
export const realisationRecorded = (
  rhk: RhkId,
  iki: IkiId,
  o: RealisationOptions & As & Readonly<{ revision?: number }> = {},
): RealisationRecorded => ({
  type: 'RealisationRecorded',
  data: {
    plan: PLAN,
    rhk,
    iki,
    revision: o.revision ?? 1,
    realised: o.realised ?? { kuantitas: 6, kualitas: 95 },
    evidence: o.evidence ?? EVIDENCE,
    recordedBy: actorOf(EMPLOYEE, o),
    at: o.now ?? DURING,
  },
});

const NOTE = 'Laporan tepat waktu, pertahankan';
export const recordFeedback = (kind: FeedbackKind = 'feedback', note = NOTE, o: As = {}): RecordFeedback => ({
  type: 'RecordFeedback',
  data: { plan: PLAN, kind, note },
  metadata: appraiserSays(o),
});
export const feedbackRecorded = (kind: FeedbackKind = 'feedback', note = NOTE, o: As = {}): FeedbackRecorded => ({
  type: 'FeedbackRecorded',
  data: { plan: PLAN, kind, note, recordedBy: actorOf(APPRAISER, o), at: o.now ?? DURING },
});

export const closePlan = (o: As = {}): ClosePlan => ({
  type: 'ClosePlan',
  data: { plan: PLAN },
  metadata: metadata(APPRAISER, AFTER_END, o),
});
export const planClosed = (closedFrom: OpenPlanStatus = 'approved', revision = 1, o: As = {}): PlanClosed => ({
  type: 'PlanClosed',
  data: { plan: PLAN, closedFrom, revision, closedBy: actorOf(APPRAISER, o), at: o.now ?? AFTER_END },
});

/** Histories at each step of the usual path; a spec adds what it is about. */
export const histories = (() => {
  const drafted: ReadonlyArray<PlanEvent> = [planDrafted()];
  const measured: ReadonlyArray<PlanEvent> = [...drafted, rhkAdded(R1), ikiAdded(R1, I1)];
  const submitted: ReadonlyArray<PlanEvent> = [...measured, planSubmitted()];
  const approved: ReadonlyArray<PlanEvent> = [...submitted, planApproved(1)];
  const amending: ReadonlyArray<PlanEvent> = [...approved, amendmentStarted(1)];
  const closed: ReadonlyArray<PlanEvent> = [...approved, planClosed('approved', 1)];
  return { drafted, measured, submitted, approved, amending, closed };
})();

// ---------------------------------------------------------------------------------------------------------------
// Running commands
// ---------------------------------------------------------------------------------------------------------------

export type Step = DeciderStep<PlanState, PlanCommand, PlanEvent, PlanError>;

/** Runs commands one after the other as the engine would: a refused command changes nothing. */
export const run = (commands: ReadonlyArray<PlanCommand>, from: PlanState = planDecider.initialState()) =>
  runCommands(planDecider, commands, from);

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid value of each wire type (for codec laws)
// ---------------------------------------------------------------------------------------------------------------

import { nipArb as arbNip } from '../core/core.testkit';

export { arbNip };

export const arbPeriod: fc.Arbitrary<PeriodId> = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom('', '-Q1', '-Q4', '-S2', '-M03', '-M12', '-P2'))
  .map(([year, suffix]) => valid(PeriodId, `${year}${suffix}`));
export const arbPlanId: fc.Arbitrary<PlanId> = fc.tuple(arbNip, arbPeriod).map(([nip, period]) => planIdOf(nip, period));
export const arbEvaluationId: fc.Arbitrary<EvaluationId> = fc
  .tuple(arbPlanId, arbPeriod)
  .map(([plan, period]) => evaluationIdOf(plan, period));
export const arbUnit: fc.Arbitrary<UnitId> = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).map((s) => valid(UnitId, s));
export const arbRhkId: fc.Arbitrary<RhkId> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/).map(rhkId);
export const arbIkiId: fc.Arbitrary<IkiId> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/).map(ikiId);
export const arbUnitPeriodId: fc.Arbitrary<UnitPeriodId> = fc
  .tuple(arbUnit, arbPeriod)
  .map(([unit, period]) => unitPeriodIdOf(unit, period));

/** Instants the wire can carry (ISO-8601 years 0000-9999); milliseconds included. */
export const arbInstant: fc.Arbitrary<Date> = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2199-12-31T23:59:59Z'),
  noInvalidDate: true,
});
export const arbLocalDate: fc.Arbitrary<LocalDate> = arbInstant.map((d) => valid(LocalDate, d.toISOString().slice(0, 10)));

/** Non-blank text of at most `max` characters (40 fits every text field of the plan). */
export const arbText = (max = 40): fc.Arbitrary<string> =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);

/** Any finite number but -0, which JSON cannot carry (it comes back as 0). */
export const arbNumber: fc.Arbitrary<number> = fc
  .oneof(fc.integer({ min: -1000, max: 1_000_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((n) => (Object.is(n, -0) ? 0 : n));

export const arbTargets: fc.Arbitrary<Targets> = fc.record(
  {
    kuantitas: fc.record({ value: arbNumber, unit: arbText() }),
    kualitas: fc.record({ percent: arbNumber }),
    waktu: fc.record({ value: arbNumber, unit: fc.constantFrom(...WAKTU_UNITS) }),
    biaya: fc.record({ rupiah: arbNumber }),
  },
  { requiredKeys: [] },
);
export const arbRealised: fc.Arbitrary<Realised> = fc.record(
  { kuantitas: arbNumber, kualitas: arbNumber, waktu: arbNumber, biaya: arbNumber },
  { requiredKeys: [] },
);
export const arbEvidence: fc.Arbitrary<Evidence> = fc.record(
  { ref: arbText(), description: arbText() },
  { requiredKeys: ['ref'] },
);
export const arbRhkRef: fc.Arbitrary<RhkRef> = fc.record({ plan: arbPlanId, rhk: arbRhkId });
export const arbRoster: fc.Arbitrary<RosterFacts> = fc.record({
  asOf: arbLocalDate,
  employeeUnit: fc.option(arbUnit, { nil: null }),
  employeeSuperior: fc.option(arbNip, { nil: null }),
  appraiserSuperior: fc.option(arbNip, { nil: null }),
});
export const arbMetadata: fc.Arbitrary<CommandMetadata> = fc.record({
  now: arbInstant,
  actor: fc.record({ nip: arbNip, role: fc.constantFrom(...ROLES) }),
});
const arbCoreValue = fc.constantFrom(...CORE_VALUES);
const arbFeedbackKind = fc.constantFrom(...FEEDBACK_KINDS);
const arbRevision = fc.nat({ max: 50 });
const arbOpenStatus = fc.constantFrom(...OPEN_PLAN_STATUSES);

export const arbPlanHeader: fc.Arbitrary<PlanHeader> = fc.record({
  plan: arbPlanId,
  employee: arbNip,
  appraiser: arbNip,
  appraiserSuperior: arbNip,
  unit: arbUnit,
  period: arbPeriod,
  periodStart: arbInstant,
  periodEnd: arbInstant,
  approach: fc.constantFrom(...APPROACHES),
});
const arbRhkData = fc.record(
  { plan: arbPlanId, rhk: arbRhkId, kind: fc.constantFrom(...RHK_KINDS), description: arbText(), intervenesIn: arbRhkRef },
  { requiredKeys: ['plan', 'rhk', 'kind', 'description'] },
);
const arbIkiData = fc.record({ plan: arbPlanId, rhk: arbRhkId, iki: arbIkiId, description: arbText(), targets: arbTargets });
const arbOnlyPlan = fc.record({ plan: arbPlanId });

/** A command of `type` with any `data` drawn from `data` and any valid metadata (every aggregate's codec laws). */
export const arbCommandOf = <C extends Command<string, unknown>>(type: C['type'], data: fc.Arbitrary<C['data']>): fc.Arbitrary<C> =>
  fc.record({ data, metadata: arbMetadata }).map((c) => ({ type, ...c }) as C);

/** An event of `type` with any `data` drawn from `data`. */
export const arbEventOf = <E extends Event<string, unknown>>(type: E['type'], data: fc.Arbitrary<E['data']>): fc.Arbitrary<E> =>
  data.map((d) => ({ type, data: d }) as E);

const command = arbCommandOf;

/** One arbitrary per command type: the mapped type makes a missing command a compile error. */
export const commandArbitraries: { readonly [K in PlanCommand['type']]: fc.Arbitrary<Extract<PlanCommand, { type: K }>> } = {
  DraftPlan: command<DraftPlan>(
    'DraftPlan',
    fc.record({ header: arbPlanHeader, roster: arbRoster }).map(({ header, roster }) => ({ ...header, roster })),
  ),
  AddRhk: command<AddRhk>('AddRhk', arbRhkData),
  ChangeRhk: command<ChangeRhk>('ChangeRhk', arbRhkData),
  RemoveRhk: command<RemoveRhk>('RemoveRhk', fc.record({ plan: arbPlanId, rhk: arbRhkId })),
  AddIki: command<AddIki>('AddIki', arbIkiData),
  ChangeIki: command<ChangeIki>(
    'ChangeIki',
    fc.record({ plan: arbPlanId, iki: arbIkiId, description: arbText(), targets: arbTargets }),
  ),
  RemoveIki: command<RemoveIki>('RemoveIki', fc.record({ plan: arbPlanId, iki: arbIkiId })),
  SetLeaderExpectation: command<SetLeaderExpectation>(
    'SetLeaderExpectation',
    fc.record({ plan: arbPlanId, value: arbCoreValue, expectation: arbText() }),
  ),
  ClearLeaderExpectation: command<ClearLeaderExpectation>(
    'ClearLeaderExpectation',
    fc.record({ plan: arbPlanId, value: arbCoreValue }),
  ),
  SubmitPlan: command<SubmitPlan>('SubmitPlan', arbOnlyPlan),
  ApprovePlan: command<ApprovePlan>('ApprovePlan', arbOnlyPlan),
  ReturnPlan: command<ReturnPlan>(
    'ReturnPlan',
    fc.record({ plan: arbPlanId, reasons: fc.array(arbText(), { maxLength: 3 }) }),
  ),
  StartAmendment: command<StartAmendment>('StartAmendment', fc.record({ plan: arbPlanId, reason: arbText() })),
  RecordRealisation: command<RecordRealisation>(
    'RecordRealisation',
    fc.record({ plan: arbPlanId, iki: arbIkiId, realised: arbRealised, evidence: fc.array(arbEvidence, { maxLength: 3 }) }),
  ),
  RecordFeedback: command<RecordFeedback>(
    'RecordFeedback',
    fc.record({ plan: arbPlanId, kind: arbFeedbackKind, note: arbText() }),
  ),
  ClosePlan: command<ClosePlan>('ClosePlan', arbOnlyPlan),
};

/** Any command of any type, with any valid data and metadata. */
export const arbCommand: fc.Arbitrary<PlanCommand> = fc.oneof(...Object.values(commandArbitraries));

const event = arbEventOf;

/** One arbitrary per event type: the mapped type makes a missing event a compile error. */
export const eventArbitraries: { readonly [K in PlanEvent['type']]: fc.Arbitrary<Extract<PlanEvent, { type: K }>> } = {
  PlanDrafted: event<PlanDrafted>(
    'PlanDrafted',
    fc
      .record({ header: arbPlanHeader, roster: arbRoster, at: arbInstant })
      .map(({ header, ...rest }) => ({ ...header, ...rest })),
  ),
  RhkAdded: event<RhkAdded>('RhkAdded', arbRhkData),
  RhkChanged: event<RhkChanged>('RhkChanged', arbRhkData),
  RhkRemoved: event<RhkRemoved>(
    'RhkRemoved',
    fc.record({ plan: arbPlanId, rhk: arbRhkId, removedIki: fc.array(arbIkiId, { maxLength: 3 }) }),
  ),
  IkiAdded: event<IkiAdded>('IkiAdded', arbIkiData),
  IkiChanged: event<IkiChanged>('IkiChanged', arbIkiData),
  IkiRemoved: event<IkiRemoved>('IkiRemoved', fc.record({ plan: arbPlanId, rhk: arbRhkId, iki: arbIkiId })),
  LeaderExpectationSet: event<LeaderExpectationSet>(
    'LeaderExpectationSet',
    fc.record({ plan: arbPlanId, value: arbCoreValue, expectation: arbText(), setBy: arbNip, at: arbInstant }),
  ),
  LeaderExpectationCleared: event<LeaderExpectationCleared>(
    'LeaderExpectationCleared',
    fc.record({ plan: arbPlanId, value: arbCoreValue, clearedBy: arbNip, at: arbInstant }),
  ),
  PlanSubmitted: event<PlanSubmitted>('PlanSubmitted', fc.record({ plan: arbPlanId, submittedBy: arbNip, at: arbInstant })),
  PlanApproved: event<PlanApproved>(
    'PlanApproved',
    fc.record({ plan: arbPlanId, revision: arbRevision, approvedBy: arbNip, at: arbInstant }),
  ),
  PlanReturned: event<PlanReturned>(
    'PlanReturned',
    fc.record({ plan: arbPlanId, reasons: fc.array(arbText(), { maxLength: 3 }), returnedBy: arbNip, at: arbInstant }),
  ),
  PlanAmendmentStarted: event<PlanAmendmentStarted>(
    'PlanAmendmentStarted',
    fc.record({ plan: arbPlanId, reason: arbText(), revision: arbRevision, startedBy: arbNip, at: arbInstant }),
  ),
  RealisationRecorded: event<RealisationRecorded>(
    'RealisationRecorded',
    fc.record({
      plan: arbPlanId,
      rhk: arbRhkId,
      iki: arbIkiId,
      revision: arbRevision,
      realised: arbRealised,
      evidence: fc.array(arbEvidence, { maxLength: 3 }),
      recordedBy: arbNip,
      at: arbInstant,
    }),
  ),
  FeedbackRecorded: event<FeedbackRecorded>(
    'FeedbackRecorded',
    fc.record({ plan: arbPlanId, kind: arbFeedbackKind, note: arbText(), recordedBy: arbNip, at: arbInstant }),
  ),
  PlanClosed: event<PlanClosed>(
    'PlanClosed',
    fc.record({ plan: arbPlanId, closedFrom: arbOpenStatus, revision: arbRevision, closedBy: arbNip, at: arbInstant }),
  ),
};

/** Any event of any type (not necessarily one a decider would emit: for totality of `evolve`). */
export const arbEvent: fc.Arbitrary<PlanEvent> = fc.oneof(...Object.values(eventArbitraries));

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: plausible commands on the fixture plan (for laws about histories). Small pools of people, ids and
// instants, so that random sequences often succeed and walk the whole lifecycle.
// ---------------------------------------------------------------------------------------------------------------

const rhkPool = [R1, R2, rhkId('R3')] as const;
const ikiPool = [I1, I2, ikiId('I3'), ikiId('I4')] as const;
const arbPoolRhk = fc.constantFrom(...rhkPool);
const arbPoolIki = fc.constantFrom(...ikiPool);

/** Mostly the person the command is meant for, during the period; now and then someone else, or too late. */
const arbAs = (natural: Nip, naturalRole: Role, late = 1): fc.Arbitrary<As> =>
  fc.record({
    by: fc.oneof(
      { weight: 8, arbitrary: fc.constant(natural) },
      { weight: 2, arbitrary: fc.constantFrom(EMPLOYEE, APPRAISER, OUTSIDER) },
    ),
    role: fc.oneof(
      { weight: 9, arbitrary: fc.constant(naturalRole) },
      { weight: 1, arbitrary: fc.constantFrom<Role>('operator', 'sistem', 'rekan-kerja') },
    ),
    now: fc.oneof(
      { weight: 20 - late, arbitrary: fc.constant(DURING) },
      { weight: late, arbitrary: fc.constant(AFTER_END) },
    ),
  });
const asEmployee = arbAs(EMPLOYEE, 'pegawai');
const asAppraiser = arbAs(APPRAISER, 'pejabat-penilai');

/** Mostly valid targets (whole numbers, kualitas up to 100); now and then zero, negative or above 100 %. */
const arbPlausibleTargets: fc.Arbitrary<Targets> = fc.record(
  {
    kuantitas: fc.record({ value: fc.integer({ min: -1, max: 50 }), unit: fc.constantFrom('laporan', 'dokumen') }),
    kualitas: fc.record({ percent: fc.integer({ min: 0, max: 110 }) }),
    waktu: fc.record({ value: fc.integer({ min: 0, max: 12 }), unit: fc.constantFrom(...WAKTU_UNITS) }),
    biaya: fc.record({ rupiah: fc.integer({ min: 0, max: 5_000_000 }) }),
  },
  { requiredKeys: [] },
);
const arbPlausibleRealised: fc.Arbitrary<Realised> = fc.record(
  {
    kuantitas: fc.integer({ min: -1, max: 60 }),
    kualitas: fc.integer({ min: 0, max: 101 }),
    waktu: fc.integer({ min: 0, max: 12 }),
    biaya: fc.integer({ min: 0, max: 5_000_000 }),
  },
  { requiredKeys: [] },
);

const weighted = <A>(weight: number, arbitrary: fc.Arbitrary<A>) => ({ weight, arbitrary });

/** Commands on the fixture plan, weighted so that random sequences draft, measure, submit, approve and amend. */
export const arbPlausibleCommand: fc.Arbitrary<PlanCommand> = fc.oneof(
  weighted(1, asEmployee.map((as) => draftPlan(as))),
  weighted(
    3,
    fc
      .tuple(
        arbPoolRhk,
        fc.constantFrom<RhkKind>('utama', 'utama', 'tambahan'),
        fc.constantFrom(undefined, undefined, APPRAISER_PLAN, OTHER_PLAN),
        asEmployee,
      )
      .map(([rhk, kind, plan, as]) =>
        addRhk(rhk, { kind, ...(plan === undefined ? {} : { intervenesIn: { plan, rhk: R1 } }), ...as }),
      ),
  ),
  weighted(
    1,
    fc.tuple(arbPoolRhk, fc.constantFrom(...RHK_KINDS), asEmployee).map(([rhk, kind, as]) => changeRhk(rhk, { kind, ...as })),
  ),
  weighted(1, fc.tuple(arbPoolRhk, asEmployee).map(([rhk, as]) => removeRhk(rhk, as))),
  weighted(
    4,
    fc
      .tuple(arbPoolRhk, arbPoolIki, arbPlausibleTargets, asEmployee)
      .map(([rhk, iki, targets, as]) => addIki(rhk, iki, { targets, ...as })),
  ),
  weighted(
    1,
    fc.tuple(arbPoolIki, arbPlausibleTargets, asEmployee).map(([iki, targets, as]) => changeIki(iki, { targets, ...as })),
  ),
  weighted(1, fc.tuple(arbPoolIki, asEmployee).map(([iki, as]) => removeIki(iki, as))),
  weighted(
    1,
    fc
      .tuple(arbCoreValue, fc.constantFrom('Responsif', 'Tepat waktu'), asAppraiser)
      .map(([value, expectation, as]) => setLeaderExpectation(value, expectation, as)),
  ),
  weighted(1, fc.tuple(arbCoreValue, asAppraiser).map(([v, as]) => clearLeaderExpectation(v, as))),
  weighted(3, asEmployee.map((as) => submitPlan(as))),
  weighted(3, asAppraiser.map((as) => approvePlan(as))),
  weighted(
    1,
    fc
      .tuple(fc.array(fc.constant('Perbaiki target'), { maxLength: 2 }), asAppraiser)
      .map(([reasons, as]) => returnPlan(reasons, as)),
  ),
  weighted(1, asEmployee.map((as) => startAmendment('Perubahan tugas', as))),
  weighted(
    3,
    fc
      .tuple(
        arbPoolIki,
        arbPlausibleRealised,
        fc.array(fc.constant<Evidence>({ ref: 'bukti-1' }), { maxLength: 2 }),
        asEmployee,
      )
      .map(([iki, realised, evidence, as]) => recordRealisation(iki, { realised, evidence, ...as })),
  ),
  weighted(
    1,
    fc.tuple(fc.constantFrom(...FEEDBACK_KINDS), asAppraiser).map(([kind, as]) => recordFeedback(kind, 'Catatan', as)),
  ),
  weighted(1, arbAs(APPRAISER, 'pejabat-penilai', 4).map((as) => closePlan(as))),
);

/** The usual life of a plan: measured, submitted (perhaps returned once), approved, amended up to twice, closed. */
const arbLifecycle: fc.Arbitrary<ReadonlyArray<PlanCommand>> = fc
  .record({ returned: fc.boolean(), amendments: fc.integer({ min: 0, max: 2 }), closed: fc.boolean() })
  .map(({ returned, amendments, closed }) => [
    addRhk(R1),
    addIki(R1, I1),
    submitPlan(),
    ...(returned ? [returnPlan(), submitPlan()] : []),
    approvePlan(),
    recordRealisation(I1),
    ...[I2, ikiId('I3')]
      .slice(0, amendments)
      .flatMap((iki) => [startAmendment(), addIki(R1, iki), submitPlan(), approvePlan(), recordRealisation(iki)]),
    ...(closed ? [closePlan()] : []),
  ]);

/**
 * A drafted plan followed by plausible commands, some refused: either the usual lifecycle with random commands
 * between its steps (which may derail it, as people do), or random commands only.
 */
export const arbPlausibleCommands: fc.Arbitrary<ReadonlyArray<PlanCommand>> = arbLifecycleWithNoise(
  arbLifecycle,
  arbPlausibleCommand,
  { slots: 20, maxAlone: 60 },
).map((commands) => [draftPlan(), ...commands]);
