/**
 * Rewards and development (DOMAIN.md §2.6): the decisions that follow from an official's evaluations in a year:
 * recognition (penghargaan), an incentive, priority in the talent pool, and training recommended from the
 * evaluation. Each decision names the final evaluations it rests on (with their predikat), the official who took
 * it (the PPK or the unit head) and its basis. [reg: PP 30/2019: the follow-ups of an evaluation are reporting,
 * ranking, rewards, sanctions and objections.]
 *
 * One stream per official and performance year, `penghargaan-<tenant>.<nip>.<year>`: the consistency boundary
 * for "one incentive per evaluation" and "one talent-pool priority per year". Every decision is final when taken;
 * the stream stays open for the next one (no terminal state).
 */
import type { EvaluationId, Event, Nip, PeriodId, TenantId } from '../core';
import type { EvaluationKind } from '../evaluation/evaluation';
import type { CoreValue } from '../plan/plan';
import type { Predikat, RatingLevel } from '../rulebook/vocabulary';

/** One stream per official and performance year, category first. */
export const rewardStreamId = (tenant: TenantId, employee: Nip, year: number): string => `penghargaan-${tenant}.${employee}.${year}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Who decides rewards and development: the PPK or the head of the official's unit. */
export const REWARD_AUTHORITIES = ['ppk', 'pimpinan-unit'] as const;
export type RewardAuthority = (typeof REWARD_AUTHORITIES)[number];

export const REWARD_RULE_BOOK = 'pp-30-2019@1';

/** The regulation each kind of decision rests on; the deciding official adds their own (`basis`). */
export const REWARD_ARTICLES = {
  recognition: ['PP 30/2019 (tindak lanjut: penghargaan)'],
  incentive: ['PP 30/2019 (tindak lanjut: penghargaan)'],
  talentPool: ['PP 30/2019 (tindak lanjut: pengembangan karier)', 'PermenPANRB 3/2020 (manajemen talenta)'],
  training: ['PP 30/2019 (tindak lanjut: pengembangan kompetensi)', 'PP 17/2020 (pengembangan kompetensi)'],
} as const satisfies Readonly<Record<string, ReadonlyArray<string>>>;

/** An incentive as an amount in rupiah or as a percentage (e.g. of the tunjangan kinerja). */
export type IncentiveAward = Readonly<{ kind: 'amount'; rupiah: number }> | Readonly<{ kind: 'percent'; percent: number }>;

/** What training addresses: a BerAKHLAK value below expectation, or a competence gap. */
export type TrainingTopic =
  | Readonly<{ kind: 'core-value'; value: CoreValue }>
  | Readonly<{ kind: 'competence-gap'; competence: string }>;

/** The tenant's settings for rewards [policy], recorded on each decision. */
export type RewardPolicy = Readonly<{
  /** The lowest predikat that earns recognition [policy, default Baik]. */
  recognitionMinimum: Predikat;
  /** The lowest predikat that earns an incentive [policy, default Baik: "incentives for reaching targets"]. */
  incentiveMinimum: Predikat;
  /** The lowest predikat for talent-pool priority [policy, default Sangat Baik: the high-performance axis]. */
  talentPoolMinimum: Predikat;
  /** The largest incentive percentage [policy, default 100]. */
  incentiveMaxPercent: number;
}>;

export const REWARD_POLICY_DEFAULTS: RewardPolicy = {
  recognitionMinimum: 'baik',
  incentiveMinimum: 'baik',
  talentPoolMinimum: 'sangat-baik',
  incentiveMaxPercent: 100,
};

// ---------------------------------------------------------------------------------------------------------------
// Facts from outside the stream (ADR 0001, point 3)
// ---------------------------------------------------------------------------------------------------------------

/**
 * An evaluation a decision rests on, as the engine read it from the evaluation's stream (`rewardEvaluationFactOf`):
 * whether it is final, its predikat, the appraiser's perilaku level, and the BerAKHLAK values its feedback put
 * below expectation.
 */
export type RewardEvaluationFact = Readonly<{
  evaluation: EvaluationId;
  kind: EvaluationKind;
  period: PeriodId;
  final: boolean;
  /** The result in force; null before the evaluation is rated. */
  predikat: Predikat | null;
  perilaku: RatingLevel | null;
  valuesBelowExpectation: ReadonlyArray<CoreValue>;
}>;

/** An evaluation as a decision event records it: which one, and its predikat. */
export type EvaluationBasis = Readonly<{ evaluation: EvaluationId; predikat: Predikat }>;

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

type DecisionData = Readonly<{
  employee: Nip;
  year: number;
  /** The decision's number (e.g. the SK number), unique in the official's year. */
  decision: string;
  evaluations: ReadonlyArray<EvaluationBasis>;
  reasons: ReadonlyArray<string>;
  decidedBy: Nip;
  authority: RewardAuthority;
  articles: ReadonlyArray<string>;
  at: Date;
}>;

export type RecognitionGranted = Event<'RecognitionGranted', DecisionData & Readonly<{ title: string; minimum: Predikat }>>;
export type IncentiveGranted = Event<'IncentiveGranted', DecisionData & Readonly<{ award: IncentiveAward; minimum: Predikat }>>;
export type TalentPoolPrioritised = Event<'TalentPoolPrioritised', DecisionData & Readonly<{ minimum: Predikat }>>;
export type TrainingRecommended = Event<'TrainingRecommended', DecisionData & Readonly<{ topics: ReadonlyArray<TrainingTopic> }>>;

export type RewardEvent = RecognitionGranted | IncentiveGranted | TalentPoolPrioritised | TrainingRecommended;

/** For the engine: every reward decision rests on PP 30/2019 and the articles it names. */
export const basisOfReward = (event: RewardEvent): Readonly<{ ruleBook: string; articles: string[] }> | undefined => ({
  ruleBook: REWARD_RULE_BOOK,
  articles: [...event.data.articles],
});

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export type RewardDecisionKind = 'recognition' | 'incentive' | 'talent-pool' | 'training';

export type RewardDecisionRecord = Readonly<{
  decision: string;
  kind: RewardDecisionKind;
  evaluations: ReadonlyArray<EvaluationId>;
  decidedBy: Nip;
  at: Date;
}>;

export type EmptyRewards = Readonly<{ status: 'empty' }>;
export type ActiveRewards = Readonly<{
  status: 'active';
  employee: Nip;
  year: number;
  /** Every decision so far, oldest first. */
  decisions: ReadonlyArray<RewardDecisionRecord>;
}>;
export type RewardState = EmptyRewards | ActiveRewards;

export const initialState = (): RewardState => ({ status: 'empty' });

const KIND_OF: Readonly<Record<RewardEvent['type'], RewardDecisionKind>> = {
  RecognitionGranted: 'recognition',
  IncentiveGranted: 'incentive',
  TalentPoolPrioritised: 'talent-pool',
  TrainingRecommended: 'training',
};

/** The incentive decision that already rests on `evaluation`, if any (one incentive per evaluation). */
export const incentiveOn = (state: RewardState, evaluation: EvaluationId): RewardDecisionRecord | undefined =>
  state.status === 'empty' ? undefined : state.decisions.find((d) => d.kind === 'incentive' && d.evaluations.includes(evaluation));

/** The talent-pool priority of the year, if any (one per year). */
export const talentPoolPriority = (state: RewardState): RewardDecisionRecord | undefined =>
  state.status === 'empty' ? undefined : state.decisions.find((d) => d.kind === 'talent-pool');

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet
// ---------------------------------------------------------------------------------------------------------------

export const evolve = (state: RewardState, event: RewardEvent): RewardState => {
  const kind = KIND_OF[event.type];
  if (kind === undefined) return state; // a type this version does not know
  const d = event.data;
  if (state.status === 'active' && (state.employee !== d.employee || state.year !== d.year)) return state;
  if (state.status === 'active' && state.decisions.some((r) => r.decision === d.decision)) return state;
  const record: RewardDecisionRecord = {
    decision: d.decision,
    kind,
    evaluations: d.evaluations.map((e) => e.evaluation),
    decidedBy: d.decidedBy,
    at: d.at,
  };
  return state.status === 'empty'
    ? { status: 'active', employee: d.employee, year: d.year, decisions: [record] }
    : { ...state, decisions: [...state.decisions, record] };
};
