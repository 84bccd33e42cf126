/**
 * io-ts codecs for reward decisions: commands (unknown fields refused, naming each), the requests a client may
 * send (evaluations by id, no engine facts, no policy), and events (unknown fields stripped). Shapes only: a
 * positive incentive and the policy's bounds are the decider's to refuse, with a tagged error.
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import {
  byKey,
  byType,
  commandCodec,
  EvaluationId,
  eventCodec,
  FiniteNumber,
  Instant,
  literals,
  Nip,
  PeriodId,
  strictObject,
  strippingObject,
  text,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import { EVALUATION_KINDS } from '../evaluation/evaluation';
import { CORE_VALUES } from '../plan/plan';
import { PredikatCodec, RatingLevelCodec } from '../rulebook/vocabulary';
import type {
  GrantIncentive,
  GrantIncentiveRequest,
  GrantRecognition,
  GrantRecognitionRequest,
  PrioritiseForTalentPool,
  PrioritiseForTalentPoolRequest,
  RecommendTraining,
  RecommendTrainingRequest,
  RewardCommand,
} from './decide';
import {
  REWARD_AUTHORITIES,
  type IncentiveGranted,
  type RecognitionGranted,
  type RewardEvent,
  type TalentPoolPrioritised,
  type TrainingRecommended,
} from './reward';

/** Text limits, in characters. */
export const REWARD_TEXT_LIMITS = { reason: 4000, article: 200, title: 200, competence: 200 } as const;

const DECISION_NUMBER = /^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$/;
const isDecisionNumber = (u: unknown): u is string => typeof u === 'string' && DECISION_NUMBER.test(u);
/** A decision's number as written on it (e.g. `800/123/436.7.1/2026`): 1-64 letters, digits, '.', '/', '_', '-'. */
export const RewardDecisionNumber = new t.Type<string, string, unknown>(
  'RewardDecisionNumber',
  isDecisionNumber,
  (u, c) =>
    isDecisionNumber(u)
      ? t.success(u)
      : t.failure(u, c, `a decision number is 1-64 letters, digits, '.', '/', '_' or '-', starting with a letter or digit, got ${JSON.stringify(u)}`),
  (a) => a,
);

const reasons = t.readonlyArray(text(REWARD_TEXT_LIMITS.reason));
const articles = t.readonlyArray(text(REWARD_TEXT_LIMITS.article));
const Year = wholeNumber('Year', 1900, 9999);
const CoreValueCodec = literals('CoreValue', CORE_VALUES);

const shapes = (object: ObjectCodec) => ({
  award: byKey('IncentiveAward', 'kind', {
    amount: object('AmountAward', { kind: t.literal('amount'), rupiah: FiniteNumber }),
    percent: object('PercentAward', { kind: t.literal('percent'), percent: FiniteNumber }),
  }),
  topic: byKey('TrainingTopic', 'kind', {
    'core-value': object('CoreValueTopic', { kind: t.literal('core-value'), value: CoreValueCodec }),
    'competence-gap': object('CompetenceGapTopic', { kind: t.literal('competence-gap'), competence: text(REWARD_TEXT_LIMITS.competence) }),
  }),
});
const wire = shapes(strictObject);
const stored = shapes(strippingObject);

const FactCodec = strictObject('RewardEvaluationFact', {
  evaluation: EvaluationId,
  kind: literals('EvaluationKind', EVALUATION_KINDS),
  period: PeriodId,
  final: t.boolean,
  predikat: t.union([PredikatCodec, t.null]),
  perilaku: t.union([RatingLevelCodec, t.null]),
  valuesBelowExpectation: t.readonlyArray(CoreValueCodec),
});
const PolicyCodec = strictObject('RewardPolicy', {
  recognitionMinimum: PredikatCodec,
  incentiveMinimum: PredikatCodec,
  talentPoolMinimum: PredikatCodec,
  incentiveMaxPercent: FiniteNumber,
});

const request = { employee: Nip, year: Year, decision: RewardDecisionNumber, reasons, basis: articles };
const facts = { evaluations: t.readonlyArray(FactCodec), policy: PolicyCodec };
const ids = { evaluationIds: t.readonlyArray(EvaluationId) };

// ---------------------------------------------------------------------------------------------------------------
// Requests (what a client sends) and commands
// ---------------------------------------------------------------------------------------------------------------

export const GrantRecognitionRequestCodec: t.Type<GrantRecognitionRequest, unknown, unknown> = strictObject('GrantRecognitionRequest', {
  ...request,
  ...ids,
  title: text(REWARD_TEXT_LIMITS.title),
});
export const GrantIncentiveRequestCodec: t.Type<GrantIncentiveRequest, unknown, unknown> = strictObject('GrantIncentiveRequest', {
  ...request,
  ...ids,
  award: wire.award,
});
export const PrioritiseForTalentPoolRequestCodec: t.Type<PrioritiseForTalentPoolRequest, unknown, unknown> = strictObject(
  'PrioritiseForTalentPoolRequest',
  { ...request, ...ids },
);
export const RecommendTrainingRequestCodec: t.Type<RecommendTrainingRequest, unknown, unknown> = strictObject('RecommendTrainingRequest', {
  ...request,
  ...ids,
  topics: t.readonlyArray(wire.topic),
});

export const GrantRecognitionCodec: t.Type<GrantRecognition, unknown, unknown> = commandCodec(
  'GrantRecognition',
  strictObject('GrantRecognition.data', { ...request, ...facts, title: text(REWARD_TEXT_LIMITS.title) }),
);
export const GrantIncentiveCodec: t.Type<GrantIncentive, unknown, unknown> = commandCodec(
  'GrantIncentive',
  strictObject('GrantIncentive.data', { ...request, ...facts, award: wire.award }),
);
export const PrioritiseForTalentPoolCodec: t.Type<PrioritiseForTalentPool, unknown, unknown> = commandCodec(
  'PrioritiseForTalentPool',
  strictObject('PrioritiseForTalentPool.data', { ...request, ...facts }),
);
export const RecommendTrainingCodec: t.Type<RecommendTraining, unknown, unknown> = commandCodec(
  'RecommendTraining',
  strictObject('RecommendTraining.data', { ...request, ...facts, topics: t.readonlyArray(wire.topic) }),
);

type CommandCodecs = { readonly [K in RewardCommand['type']]: t.Type<Extract<RewardCommand, { type: K }>, unknown, unknown> };

export const rewardCommandCodecs: CommandCodecs = {
  GrantRecognition: GrantRecognitionCodec,
  GrantIncentive: GrantIncentiveCodec,
  PrioritiseForTalentPool: PrioritiseForTalentPoolCodec,
  RecommendTraining: RecommendTrainingCodec,
};

export const RewardCommandCodec: t.Type<RewardCommand, unknown, unknown> = byType('RewardCommand', rewardCommandCodecs);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

const decided = {
  employee: Nip,
  year: Year,
  decision: RewardDecisionNumber,
  evaluations: t.readonlyArray(strippingObject('EvaluationBasis', { evaluation: EvaluationId, predikat: PredikatCodec })),
  reasons,
  decidedBy: Nip,
  authority: literals('RewardAuthority', REWARD_AUTHORITIES),
  articles,
  at: Instant,
};

export const RecognitionGrantedCodec: t.Type<RecognitionGranted, unknown, unknown> = eventCodec(
  'RecognitionGranted',
  strippingObject('RecognitionGranted.data', { ...decided, title: text(REWARD_TEXT_LIMITS.title), minimum: PredikatCodec }),
);
export const IncentiveGrantedCodec: t.Type<IncentiveGranted, unknown, unknown> = eventCodec(
  'IncentiveGranted',
  strippingObject('IncentiveGranted.data', { ...decided, award: stored.award, minimum: PredikatCodec }),
);
export const TalentPoolPrioritisedCodec: t.Type<TalentPoolPrioritised, unknown, unknown> = eventCodec(
  'TalentPoolPrioritised',
  strippingObject('TalentPoolPrioritised.data', { ...decided, minimum: PredikatCodec }),
);
export const TrainingRecommendedCodec: t.Type<TrainingRecommended, unknown, unknown> = eventCodec(
  'TrainingRecommended',
  strippingObject('TrainingRecommended.data', { ...decided, topics: t.readonlyArray(stored.topic) }),
);

type EventCodecs = { readonly [K in RewardEvent['type']]: t.Type<Extract<RewardEvent, { type: K }>, unknown, unknown> };

export const rewardEventCodecs: EventCodecs = {
  RecognitionGranted: RecognitionGrantedCodec,
  IncentiveGranted: IncentiveGrantedCodec,
  TalentPoolPrioritised: TalentPoolPrioritisedCodec,
  TrainingRecommended: TrainingRecommendedCodec,
};

export const RewardEventCodec: t.Type<RewardEvent, unknown, unknown> = byType('RewardEvent', rewardEventCodecs);
