/**
 * The unit period (DOMAIN.md §2.3): one unit (OPD) in one evaluation period. The unit head's superior sets the
 * unit's organisational result (capaian kinerja organisasi, BR-02/BR-03); the predikat proposed by the unit's
 * evaluations are collected here; settling turns them into final predikat in ONE decision that the kurva
 * distribusi (BR-04..BR-08) bounds. This aggregate is the consistency boundary for the curve: no single evaluation
 * can see how many colleagues got "Sangat Baik".
 *
 * This file: the vocabulary, the facts that happen to a unit period, the state they add up to, `evolve`, and two
 * pure read helpers. Lifecycle: empty → open → settled (a settled result can still be revised, see
 * `SettledResultRevised`).
 */
import type { Event, EvaluationId, LocalDate, Nip, PeriodId, TenantId, UnitId, UnitPeriodId } from '../core';
import type { Evidence } from '../plan/plan';
import type { Consequences } from '../rulebook/consequences';
import type { CurveBound, CurvePolicy, CurveRule, DistributionCounts } from '../rulebook/curve';
import type { Assessment, RuleBookRef } from '../rulebook/rule-book';
import {
  PREDIKAT,
  type Jenjang,
  type OrganisationalResult,
  type Predikat,
  type RatingLevel,
} from '../rulebook/vocabulary';

/** One stream per unit and evaluation period, category first (`$ce-unitperiod`): `unitperiod-surabaya.dinkes.2025`. */
export const unitPeriodStreamId = (tenant: TenantId, unitPeriod: UnitPeriodId): string =>
  `unitperiod-${tenant}.${unitPeriod}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/**
 * What the roster said when the unit period was opened. The domain cannot read the roster stream: the engine
 * looks these up as of `asOf` (see `unitPeriodRosterFactsFor`) and puts them in `OpenUnitPeriod`; the HTTP edge
 * never accepts them from a client (`OpenUnitPeriodRequestCodec`).
 */
export type UnitPeriodRosterFacts = Readonly<{
  asOf: LocalDate;
  /** The Pimpinan Unit; null while the head position is vacant. Their hasil kerja follows the unit's (BR-09). */
  unitHead: Nip | null;
  /**
   * The unit head's superior (DOMAIN.md §2.3: "the unit head's superior sets the unit's organisational result"):
   * sets the organisational result and settles the unit period.
   */
  authorisedOfficial: Nip;
}>;

/**
 * The tenant's policy as it stood when the unit period was opened. Recorded on `UnitPeriodOpened`, so a later
 * change of policy never changes how this period settles or replays.
 */
export type UnitPeriodPolicy = Readonly<{
  /** BR-04..08: rounding (caps down, minimums up) and the exemption of small units. */
  curve: CurvePolicy;
  /** BR-09: the unit head's hasil kerja for each organisational result [mapping is policy]. */
  unitHeadHasilKerja: Readonly<Record<OrganisationalResult, RatingLevel>>;
  /** BR-25: next year's tunjangan kinerja percentage per predikat [practice: per tenant]. */
  allowancePercent: Readonly<Record<Predikat, number>>;
  /** BR-24: periods shorter than a year earn angka kredit pro rata by months [policy]. */
  angkaKreditProRata: boolean;
}>;

export type UnitPeriodFacts = Readonly<{ roster: UnitPeriodRosterFacts; policy: UnitPeriodPolicy }>;

export type UnitPeriodHeader = Readonly<{
  unitPeriod: UnitPeriodId;
  unit: UnitId;
  period: PeriodId;
  periodStart: Date;
  periodEnd: Date;
}>;

/**
 * One employee's proposed predikat, as the evaluation's rule book assessed it (`EvaluationRated`, turned into
 * `RecordProposal` by the process manager), with what settling needs besides: whether they head the unit (BR-09),
 * their jenjang (BR-24; null when the position is not functional) and the months of the evaluation period.
 */
export type Proposal = Readonly<{
  evaluation: EvaluationId;
  employee: Nip;
  assessment: Assessment;
  isUnitHead: boolean;
  jenjang: Jenjang | null;
  /** Months of the evaluation period, 1..12 (12 for an annual evaluation). */
  months: number;
}>;

/** Why a final predikat is what it is: the rule book, and every rule and article applied on the way. */
export type SettlementBasis = Readonly<{ ruleBook: RuleBookRef; articles: ReadonlyArray<string> }>;

/**
 * One employee's final predikat. Carries everything the evaluation needs to become final (`SettleEvaluation`:
 * unit period, organisational result, predikat, label, levels, articles, consequences).
 */
export type SettledResult = Readonly<{
  evaluation: EvaluationId;
  employee: Nip;
  isUnitHead: boolean;
  /** The predikat the evaluation proposed; differs from `predikat` only when BR-09 changed the unit head's. */
  proposedPredikat: Predikat;
  predikat: Predikat;
  /** The rule book's word for it (`Baik`, `Cukup`, `Kurang/Misconduct`, ...). */
  label: string;
  /** Rated rule books: the two levels (for the unit head, hasil kerja as BR-09 sets it). Numeric: absent. */
  hasilKerja?: RatingLevel;
  perilaku?: RatingLevel;
  basis: SettlementBasis;
  /** BR-24, BR-25: angka kredit, next year's allowance, promotion eligibility. */
  consequences: Consequences;
}>;

/**
 * The curve as it was applied: the rule for the organisational result (BR-04..BR-08), whether the unit was
 * exempt by policy (fewer employees than `exemptBelow`), and the bounds checked with their allowed counts (none
 * when exempt).
 */
export type CurveApplied = Readonly<{ rule: CurveRule; exempt: boolean; bounds: ReadonlyArray<CurveBound> }>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome. Every event names its unit period, so projections never parse stream ids.
// ---------------------------------------------------------------------------------------------------------------

export type UnitPeriodOpened = Event<
  'UnitPeriodOpened',
  UnitPeriodHeader & Readonly<{ facts: UnitPeriodFacts; openedBy: Nip; at: Date }>
>;

/** BR-02/BR-03: the organisational result, with its justification and evidence. The last one set counts. */
export type OrganisationalResultSet = Event<
  'OrganisationalResultSet',
  Readonly<{
    unitPeriod: UnitPeriodId;
    result: OrganisationalResult;
    justification: string;
    evidence: ReadonlyArray<Evidence>;
    setBy: Nip;
    at: Date;
  }>
>;

/** A proposal for an evaluation already recorded replaces it (the employee was re-rated). */
export type ProposalRecorded = Event<
  'ProposalRecorded',
  Proposal & Readonly<{ unitPeriod: UnitPeriodId; recordedBy: Nip; at: Date }>
>;

export type ProposalWithdrawn = Event<
  'ProposalWithdrawn',
  Readonly<{ unitPeriod: UnitPeriodId; evaluation: EvaluationId; employee: Nip; reason: string; withdrawnBy: Nip; at: Date }>
>;

/**
 * THE decision (BR-03..BR-09): every employee's final predikat with its basis and consequences, under the
 * organisational result that was in force, with the counts that satisfied the curve.
 */
export type UnitPeriodSettled = Event<
  'UnitPeriodSettled',
  Readonly<{
    unitPeriod: UnitPeriodId;
    organisationalResult: OrganisationalResult;
    counts: DistributionCounts;
    curve: CurveApplied;
    results: ReadonlyArray<SettledResult>;
    settledBy: Nip;
    at: Date;
  }>
>;

/**
 * A settled result recomputed from a new assessment (after an upheld objection, BR-11), with the unit's new counts
 * that still satisfy the curve. `assessment` is the input it was computed from.
 */
export type SettledResultRevised = Event<
  'SettledResultRevised',
  Readonly<{
    unitPeriod: UnitPeriodId;
    evaluation: EvaluationId;
    assessment: Assessment;
    previous: SettledResult;
    result: SettledResult;
    counts: DistributionCounts;
    curve: CurveApplied;
    revisedBy: Nip;
    at: Date;
  }>
>;

export type UnitPeriodEvent =
  | UnitPeriodOpened
  | OrganisationalResultSet
  | ProposalRecorded
  | ProposalWithdrawn
  | UnitPeriodSettled
  | SettledResultRevised;

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

/** The organisational result in force: the last one set. */
export type CurrentOrganisationalResult = Readonly<{ result: OrganisationalResult; setBy: Nip; at: Date }>;

export type UnitPeriodBody = Readonly<{
  header: UnitPeriodHeader;
  facts: UnitPeriodFacts;
  organisationalResult: CurrentOrganisationalResult | null;
  /** In the order first recorded; a re-rating keeps its place. Kept after settlement (revisions read them). */
  proposals: ReadonlyArray<Proposal>;
}>;

export type Settlement = Readonly<{
  organisationalResult: OrganisationalResult;
  /** As settled, with revisions applied; in the order of the proposals. */
  results: ReadonlyArray<SettledResult>;
  counts: DistributionCounts;
  settledBy: Nip;
  settledAt: Date;
}>;

export type EmptyUnitPeriod = Readonly<{ status: 'empty' }>;
export type OpenUnitPeriodState = Readonly<{ status: 'open' }> & UnitPeriodBody;
export type SettledUnitPeriod = Readonly<{ status: 'settled'; settlement: Settlement }> & UnitPeriodBody;

export type UnitPeriodState = EmptyUnitPeriod | OpenUnitPeriodState | SettledUnitPeriod;
export type UnitPeriodStatus = UnitPeriodState['status'];

export const initialState = (): UnitPeriodState => ({ status: 'empty' });

// ---------------------------------------------------------------------------------------------------------------
// Reading a unit period (pure; for the decider, projections and services)
// ---------------------------------------------------------------------------------------------------------------

/** Every predikat with a count of zero. */
export const zeroCounts = (): Record<Predikat, number> =>
  Object.fromEntries(PREDIKAT.map((p) => [p, 0])) as Record<Predikat, number>;

/** How many of `predikat` there are of each. */
export const countsOf = (predikat: Iterable<Predikat>): DistributionCounts => {
  const counts = zeroCounts();
  for (const p of predikat) counts[p] += 1;
  return counts;
};

/**
 * The counts of the proposals as proposed (before BR-09 adjusts the unit head's): what the unit would look like
 * if every proposal stood. All zero before the unit period is open.
 */
export const proposalCounts = (state: UnitPeriodState): DistributionCounts =>
  countsOf(state.status === 'empty' ? [] : state.proposals.map((p) => p.assessment.predikat));

/** The final results, with revisions applied; empty until the unit period is settled. */
export const settledResults = (state: UnitPeriodState): ReadonlyArray<SettledResult> =>
  state.status === 'settled' ? state.settlement.results : [];

export const findProposal = (proposals: ReadonlyArray<Proposal>, evaluation: EvaluationId): Proposal | undefined =>
  proposals.find((p) => p.evaluation === evaluation);

/** The header fields of anything that carries them, and nothing else. */
export const headerOf = (data: UnitPeriodHeader): UnitPeriodHeader => ({
  unitPeriod: data.unitPeriod,
  unit: data.unit,
  period: data.period,
  periodStart: data.periodStart,
  periodEnd: data.periodEnd,
});

/** The proposal fields of anything that carries them, and nothing else. */
export const proposalOf = (data: Proposal): Proposal => ({
  evaluation: data.evaluation,
  employee: data.employee,
  assessment: data.assessment,
  isUnitHead: data.isUnitHead,
  jenjang: data.jenjang,
  months: data.months,
});

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

/** Compile time: `evolve` handles every event type. Run time: a type this version does not know changes nothing. */
const ignoreUnknown = (_event: never, state: UnitPeriodState): UnitPeriodState => state;

export const evolve = (state: UnitPeriodState, event: UnitPeriodEvent): UnitPeriodState => {
  switch (event.type) {
    case 'UnitPeriodOpened':
      if (state.status !== 'empty') return state;
      return {
        status: 'open',
        header: headerOf(event.data),
        facts: event.data.facts,
        organisationalResult: null,
        proposals: [],
      };

    case 'OrganisationalResultSet':
      if (state.status !== 'open') return state;
      return {
        ...state,
        organisationalResult: { result: event.data.result, setBy: event.data.setBy, at: event.data.at },
      };

    case 'ProposalRecorded': {
      if (state.status !== 'open') return state;
      const proposal = proposalOf(event.data);
      const known = findProposal(state.proposals, proposal.evaluation) !== undefined;
      return {
        ...state,
        proposals: known
          ? state.proposals.map((p) => (p.evaluation === proposal.evaluation ? proposal : p))
          : [...state.proposals, proposal],
      };
    }

    case 'ProposalWithdrawn':
      if (state.status !== 'open') return state;
      return { ...state, proposals: state.proposals.filter((p) => p.evaluation !== event.data.evaluation) };

    case 'UnitPeriodSettled':
      if (state.status !== 'open') return state;
      return {
        ...state,
        status: 'settled',
        settlement: {
          organisationalResult: event.data.organisationalResult,
          results: event.data.results,
          counts: event.data.counts,
          settledBy: event.data.settledBy,
          settledAt: event.data.at,
        },
      };

    case 'SettledResultRevised': {
      if (state.status !== 'settled') return state;
      const { evaluation, assessment, result, counts } = event.data;
      if (!state.settlement.results.some((r) => r.evaluation === evaluation)) return state;
      return {
        ...state,
        proposals: state.proposals.map((p) => (p.evaluation === evaluation ? { ...p, assessment } : p)),
        settlement: {
          ...state.settlement,
          results: state.settlement.results.map((r) => (r.evaluation === evaluation ? result : r)),
          counts,
        },
      };
    }

    default:
      return ignoreUnknown(event, state);
  }
};
