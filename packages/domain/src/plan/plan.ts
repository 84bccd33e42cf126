/**
 * The plan (SKP, Sasaran Kinerja Pegawai) of one employee for one period (DOMAIN.md §2.1): its vocabulary, the
 * facts that happen to it, the state those facts add up to, and `evolve`, which folds one fact into the state.
 *
 * Lifecycle: drafted → submitted → approved by the appraiser, or returned with reasons (draft again) →
 * amendment started (draft again, approval again) → closed at period end.
 */
import type { Event, LocalDate, Nip, PeriodId, PlanId, TenantId, UnitId } from '../core';
import type { IkiId, RhkId } from './ids';

/** One stream per plan, category first so that EventStoreDB's `$ce-plan` category stream sees every plan. */
export const planStreamId = (tenant: TenantId, plan: PlanId): string => `plan-${tenant}.${plan}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** How the appraiser will judge the results: by numbers or by description [reg: PermenPANRB 6/2022]. */
export const APPROACHES = ['kuantitatif', 'kualitatif'] as const;
export type Approach = (typeof APPROACHES)[number];

export const RHK_KINDS = ['utama', 'tambahan'] as const;
export type RhkKind = (typeof RHK_KINDS)[number];

/** The aspects an IKI can set a target for. */
export const ASPECTS = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const WAKTU_UNITS = ['bulan', 'hari'] as const;
export type WaktuUnit = (typeof WAKTU_UNITS)[number];

/** The 7 BerAKHLAK core values; every plan carries all of them as behaviour expectations. */
export const CORE_VALUES = [
  'berorientasi-pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export type CoreValue = (typeof CORE_VALUES)[number];

export const FEEDBACK_KINDS = ['feedback', 'coaching'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** An RHK of the appraiser's own plan that this RHK cascades from (intervensi). */
export type RhkRef = Readonly<{ plan: PlanId; rhk: RhkId }>;

/** Targets of an IKI, one per aspect it measures; at least one aspect (the decider enforces it). */
export type Targets = Readonly<{
  kuantitas?: Readonly<{ value: number; unit: string }>;
  kualitas?: Readonly<{ percent: number }>;
  waktu?: Readonly<{ value: number; unit: WaktuUnit }>;
  biaya?: Readonly<{ rupiah: number }>;
}>;

/** Realised values, in the unit of the matching target (kualitas in percent, biaya in rupiah). */
export type Realised = Readonly<{ kuantitas?: number; kualitas?: number; waktu?: number; biaya?: number }>;

/** A piece of bukti dukung: a reference to a document, photo or link, optionally described. */
export type Evidence = Readonly<{ ref: string; description?: string }>;

export type Iki = Readonly<{ id: IkiId; description: string; targets: Targets }>;

export type Rhk = Readonly<{
  id: RhkId;
  kind: RhkKind;
  description: string;
  intervenesIn?: RhkRef;
  /** Its indicators, in the order they were added. */
  iki: ReadonlyArray<Iki>;
}>;

/**
 * What the roster said on the day the plan was drafted. The domain cannot read the roster stream, so the engine
 * looks these up as of `asOf` and puts them in the DraftPlan command; the HTTP edge never accepts them from a
 * client (see `DraftPlanRequestCodec`). Kept in `PlanDrafted` as the basis of the header checks.
 */
export type RosterFacts = Readonly<{
  asOf: LocalDate;
  employeeUnit: UnitId | null;
  /** The employee's direct superior: the only one who may be their Pejabat Penilai Kinerja. */
  employeeSuperior: Nip | null;
  /** The appraiser's own superior: the Atasan Pejabat Penilai. */
  appraiserSuperior: Nip | null;
}>;

/** The SKP header [reg]: whose plan, who appraises, who is above the appraiser, in which unit and period. */
export type PlanHeader = Readonly<{
  plan: PlanId;
  employee: Nip;
  appraiser: Nip;
  appraiserSuperior: Nip;
  unit: UnitId;
  period: PeriodId;
  periodStart: Date;
  /** The instant the period is over: the plan may be closed from then on. */
  periodEnd: Date;
  approach: Approach;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome. Every event names its plan, so a projection never parses stream ids.
// ---------------------------------------------------------------------------------------------------------------

export type PlanDrafted = Event<'PlanDrafted', PlanHeader & Readonly<{ roster: RosterFacts; at: Date }>>;

type RhkData = Readonly<{ plan: PlanId; rhk: RhkId; kind: RhkKind; description: string; intervenesIn?: RhkRef }>;
export type RhkAdded = Event<'RhkAdded', RhkData>;
/** The RHK as it now reads, in full: an absent `intervenesIn` means it no longer cascades. */
export type RhkChanged = Event<'RhkChanged', RhkData>;
/** `removedIki` are the indicators that went with it, so that projections of IKI need not remember the tree. */
export type RhkRemoved = Event<'RhkRemoved', Readonly<{ plan: PlanId; rhk: RhkId; removedIki: ReadonlyArray<IkiId> }>>;

type IkiData = Readonly<{ plan: PlanId; rhk: RhkId; iki: IkiId; description: string; targets: Targets }>;
export type IkiAdded = Event<'IkiAdded', IkiData>;
export type IkiChanged = Event<'IkiChanged', IkiData>;
export type IkiRemoved = Event<'IkiRemoved', Readonly<{ plan: PlanId; rhk: RhkId; iki: IkiId }>>;

/** Ekspektasi khusus pimpinan for one BerAKHLAK value, set by the appraiser. */
export type LeaderExpectationSet = Event<
  'LeaderExpectationSet',
  Readonly<{ plan: PlanId; value: CoreValue; expectation: string; setBy: Nip; at: Date }>
>;
export type LeaderExpectationCleared = Event<
  'LeaderExpectationCleared',
  Readonly<{ plan: PlanId; value: CoreValue; clearedBy: Nip; at: Date }>
>;

export type PlanSubmitted = Event<'PlanSubmitted', Readonly<{ plan: PlanId; submittedBy: Nip; at: Date }>>;
/** `revision` is the number of this approval: 1 for the original plan, 2 after the first amendment, ... */
export type PlanApproved = Event<'PlanApproved', Readonly<{ plan: PlanId; revision: number; approvedBy: Nip; at: Date }>>;
export type PlanReturned = Event<
  'PlanReturned',
  Readonly<{ plan: PlanId; reasons: ReadonlyArray<string>; returnedBy: Nip; at: Date }>
>;
/** `revision` is the approved revision being amended; it stays in force until the amendment is approved. */
export type PlanAmendmentStarted = Event<
  'PlanAmendmentStarted',
  Readonly<{ plan: PlanId; reason: string; revision: number; startedBy: Nip; at: Date }>
>;

/** A realisation counts against the targets of approved revision `revision`. */
export type RealisationRecorded = Event<
  'RealisationRecorded',
  Readonly<{
    plan: PlanId;
    rhk: RhkId;
    iki: IkiId;
    revision: number;
    realised: Realised;
    evidence: ReadonlyArray<Evidence>;
    recordedBy: Nip;
    at: Date;
  }>
>;
export type FeedbackRecorded = Event<
  'FeedbackRecorded',
  Readonly<{ plan: PlanId; kind: FeedbackKind; note: string; recordedBy: Nip; at: Date }>
>;

/** `closedFrom` and `revision` tell an evaluation whether it closes an approved plan or an unfinished one. */
export type PlanClosed = Event<
  'PlanClosed',
  Readonly<{ plan: PlanId; closedFrom: OpenPlanStatus; revision: number; closedBy: Nip; at: Date }>
>;

export type PlanEvent =
  | PlanDrafted
  | RhkAdded
  | RhkChanged
  | RhkRemoved
  | IkiAdded
  | IkiChanged
  | IkiRemoved
  | LeaderExpectationSet
  | LeaderExpectationCleared
  | PlanSubmitted
  | PlanApproved
  | PlanReturned
  | PlanAmendmentStarted
  | RealisationRecorded
  | FeedbackRecorded
  | PlanClosed;

// ---------------------------------------------------------------------------------------------------------------
// State: only what decisions need. Realisations and feedback are facts for projections; no rule reads them back.
// ---------------------------------------------------------------------------------------------------------------

export type LeaderExpectations = Readonly<Partial<Record<CoreValue, string>>>;

export type ReturnNote = Readonly<{ reasons: ReadonlyArray<string>; returnedBy: Nip; at: Date }>;
export type AmendmentNote = Readonly<{ reason: string; startedBy: Nip; at: Date }>;

export type PlanBody = Readonly<{
  header: PlanHeader;
  /** The working RHK, in the order they were added; what the next approval approves. */
  rhk: ReadonlyArray<Rhk>;
  /** The RHK as last approved (empty before the first approval): realisations count against these. */
  approvedRhk: ReadonlyArray<Rhk>;
  expectations: LeaderExpectations;
  /** Approvals so far: 0 before the first, then +1 per approval; it never decreases. */
  revision: number;
  /** The latest return, kept after the plan is edited again so the employee can see what to fix. */
  lastReturn: ReturnNote | null;
  /** Set while an amendment of an approved plan is under way (draft or submitted again). */
  amendment: AmendmentNote | null;
}>;

/** The statuses a plan can be closed from. */
export const OPEN_PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type OpenPlanStatus = (typeof OPEN_PLAN_STATUSES)[number];

export type EmptyPlan = Readonly<{ status: 'empty' }>;
export type DraftedPlan = Readonly<{ status: 'draft' }> & PlanBody;
export type SubmittedPlan = Readonly<{ status: 'submitted' }> & PlanBody;
export type ApprovedPlan = Readonly<{ status: 'approved' }> & PlanBody;
export type ClosedPlan = Readonly<{ status: 'closed'; closedFrom: OpenPlanStatus; closedAt: Date }> & PlanBody;

export type OpenPlan = DraftedPlan | SubmittedPlan | ApprovedPlan;
export type PlanState = EmptyPlan | OpenPlan | ClosedPlan;
export type PlanStatus = PlanState['status'];

export const initialState = (): PlanState => ({ status: 'empty' });

/** A closed plan accepts no command. */
export const isTerminal = (state: PlanState): boolean => state.status === 'closed';

// ---------------------------------------------------------------------------------------------------------------
// Reading a plan (for the decider and for projections)
// ---------------------------------------------------------------------------------------------------------------

/** The target an IKI sets for `aspect` as one number: kuantitas and waktu in their unit, kualitas in %, biaya in Rp. */
export const targetValue = (targets: Targets, aspect: Aspect): number | undefined => {
  switch (aspect) {
    case 'kuantitas':
      return targets.kuantitas?.value;
    case 'kualitas':
      return targets.kualitas?.percent;
    case 'waktu':
      return targets.waktu?.value;
    case 'biaya':
      return targets.biaya?.rupiah;
  }
};

/** Finds an IKI anywhere in a list of RHK. */
export const findIki = (rhks: ReadonlyArray<Rhk>, iki: IkiId): Readonly<{ rhk: Rhk; iki: Iki }> | undefined => {
  for (const rhk of rhks) {
    const found = rhk.iki.find((i) => i.id === iki);
    if (found !== undefined) return { rhk, iki: found };
  }
  return undefined;
};

export const findRhk = (rhks: ReadonlyArray<Rhk>, rhk: RhkId): Rhk | undefined => rhks.find((r) => r.id === rhk);

/** The header fields of anything that carries them (a DraftPlan command, a PlanDrafted event), and nothing else. */
export const headerOf = (data: PlanHeader): PlanHeader => ({
  plan: data.plan,
  employee: data.employee,
  appraiser: data.appraiser,
  appraiserSuperior: data.appraiserSuperior,
  unit: data.unit,
  period: data.period,
  periodStart: data.periodStart,
  periodEnd: data.periodEnd,
  approach: data.approach,
});

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state (a status it could not have been decided in, an
// unknown or duplicate id) leaves the state as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

const rhkFrom = (data: RhkData, iki: ReadonlyArray<Iki>): Rhk => ({
  id: data.rhk,
  kind: data.kind,
  description: data.description,
  ...(data.intervenesIn === undefined ? {} : { intervenesIn: data.intervenesIn }),
  iki,
});

const ikiFrom = (data: IkiData): Iki => ({ id: data.iki, description: data.description, targets: data.targets });

const updateRhk = (rhks: ReadonlyArray<Rhk>, id: RhkId, update: (rhk: Rhk) => Rhk): ReadonlyArray<Rhk> =>
  rhks.map((r) => (r.id === id ? update(r) : r));

const withoutKey = (expectations: LeaderExpectations, value: CoreValue): LeaderExpectations =>
  Object.fromEntries(Object.entries(expectations).filter(([k]) => k !== value));

/** Compile time: `evolve` handles every event type. Run time: a type this version does not know changes nothing. */
const ignoreUnknown = (_event: never, state: PlanState): PlanState => state;

export const evolve = (state: PlanState, event: PlanEvent): PlanState => {
  switch (event.type) {
    case 'PlanDrafted':
      if (state.status !== 'empty') return state;
      return {
        status: 'draft',
        header: headerOf(event.data),
        rhk: [],
        approvedRhk: [],
        expectations: {},
        revision: 0,
        lastReturn: null,
        amendment: null,
      };

    case 'RhkAdded':
      if (state.status !== 'draft' || findRhk(state.rhk, event.data.rhk) !== undefined) return state;
      return { ...state, rhk: [...state.rhk, rhkFrom(event.data, [])] };

    case 'RhkChanged':
      if (state.status !== 'draft') return state;
      return { ...state, rhk: updateRhk(state.rhk, event.data.rhk, (r) => rhkFrom(event.data, r.iki)) };

    case 'RhkRemoved':
      if (state.status !== 'draft') return state;
      return { ...state, rhk: state.rhk.filter((r) => r.id !== event.data.rhk) };

    case 'IkiAdded':
      if (state.status !== 'draft' || findIki(state.rhk, event.data.iki) !== undefined) return state;
      return { ...state, rhk: updateRhk(state.rhk, event.data.rhk, (r) => ({ ...r, iki: [...r.iki, ikiFrom(event.data)] })) };

    case 'IkiChanged':
      if (state.status !== 'draft') return state;
      return {
        ...state,
        rhk: updateRhk(state.rhk, event.data.rhk, (r) => ({
          ...r,
          iki: r.iki.map((i) => (i.id === event.data.iki ? ikiFrom(event.data) : i)),
        })),
      };

    case 'IkiRemoved':
      if (state.status !== 'draft') return state;
      return {
        ...state,
        rhk: updateRhk(state.rhk, event.data.rhk, (r) => ({ ...r, iki: r.iki.filter((i) => i.id !== event.data.iki) })),
      };

    case 'LeaderExpectationSet':
      if (state.status !== 'draft' && state.status !== 'submitted') return state;
      return { ...state, expectations: { ...state.expectations, [event.data.value]: event.data.expectation } };

    case 'LeaderExpectationCleared':
      if (state.status !== 'draft' && state.status !== 'submitted') return state;
      return { ...state, expectations: withoutKey(state.expectations, event.data.value) };

    case 'PlanSubmitted':
      if (state.status !== 'draft') return state;
      return { ...state, status: 'submitted' };

    case 'PlanApproved':
      if (state.status !== 'submitted') return state;
      return {
        ...state,
        status: 'approved',
        approvedRhk: state.rhk,
        // Guards a replay against a hand-edited log: the revision only goes up.
        revision: Math.max(state.revision, event.data.revision),
        amendment: null,
      };

    case 'PlanReturned':
      if (state.status !== 'submitted') return state;
      return {
        ...state,
        status: 'draft',
        lastReturn: { reasons: event.data.reasons, returnedBy: event.data.returnedBy, at: event.data.at },
      };

    case 'PlanAmendmentStarted':
      if (state.status !== 'approved') return state;
      return {
        ...state,
        status: 'draft',
        amendment: { reason: event.data.reason, startedBy: event.data.startedBy, at: event.data.at },
      };

    case 'RealisationRecorded':
    case 'FeedbackRecorded':
      // Facts for projections (evaluation, coaching history); no rule of the plan depends on them.
      return state;

    case 'PlanClosed':
      if (state.status === 'empty' || state.status === 'closed') return state;
      return { ...state, status: 'closed', closedFrom: state.status, closedAt: event.data.at };

    default:
      return ignoreUnknown(event, state);
  }
};

