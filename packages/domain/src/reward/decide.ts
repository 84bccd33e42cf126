/**
 * What a reward decision checks: the commands, one function per command, `decide` and `rewardDecider`.
 *
 * Every command checks, in this order: who decides (the PPK or the unit head), which official and year, the
 * decision number, the reasons, the evaluations it rests on (the official's, of that year, final), then what the
 * kind of decision needs (a minimum predikat, one incentive per evaluation, one talent-pool priority a year, a
 * value below expectation). The facts about the evaluations and the tenant's policy arrive in the command, filled
 * in by the engine; a client sends the `*RequestCodec`s, which name the evaluations by id only.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { evaluationIdParts, type Actor, type Command, type CommandMetadata, type Decider, type EvaluationId, type Nip } from '../core';
import { yearOfPeriod } from '../policy/tenants';
import { PREDIKAT, type Predikat } from '../rulebook/vocabulary';
import type { RewardError } from './errors';
import {
  evolve,
  incentiveOn,
  initialState,
  REWARD_ARTICLES,
  REWARD_AUTHORITIES,
  talentPoolPriority,
  type EvaluationBasis,
  type IncentiveAward,
  type RewardAuthority,
  type RewardEvaluationFact,
  type RewardEvent,
  type RewardPolicy,
  type RewardState,
  type TrainingTopic,
} from './reward';

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

/** What every reward request carries: the official, the year, the decision number, reasons and extra basis. */
type DecisionRequest = Readonly<{
  employee: Nip;
  year: number;
  decision: string;
  reasons: ReadonlyArray<string>;
  /** Articles the deciding official cites besides the regulation's (e.g. the tenant's Perwali on incentives). */
  basis: ReadonlyArray<string>;
}>;

/** What the engine adds: the linked evaluations as facts, and the tenant's policy. */
type DecisionFacts = Readonly<{ evaluations: ReadonlyArray<RewardEvaluationFact>; policy: RewardPolicy }>;

export type GrantRecognitionRequest = DecisionRequest & Readonly<{ title: string; evaluationIds: ReadonlyArray<EvaluationId> }>;
export type GrantIncentiveRequest = DecisionRequest & Readonly<{ award: IncentiveAward; evaluationIds: ReadonlyArray<EvaluationId> }>;
export type PrioritiseForTalentPoolRequest = DecisionRequest & Readonly<{ evaluationIds: ReadonlyArray<EvaluationId> }>;
export type RecommendTrainingRequest = DecisionRequest &
  Readonly<{ topics: ReadonlyArray<TrainingTopic>; evaluationIds: ReadonlyArray<EvaluationId> }>;

export type GrantRecognition = Command<'GrantRecognition', DecisionRequest & DecisionFacts & Readonly<{ title: string }>>;
export type GrantIncentive = Command<'GrantIncentive', DecisionRequest & DecisionFacts & Readonly<{ award: IncentiveAward }>>;
export type PrioritiseForTalentPool = Command<'PrioritiseForTalentPool', DecisionRequest & DecisionFacts>;
export type RecommendTraining = Command<'RecommendTraining', DecisionRequest & DecisionFacts & Readonly<{ topics: ReadonlyArray<TrainingTopic> }>>;

export type RewardCommand = GrantRecognition | GrantIncentive | PrioritiseForTalentPool | RecommendTraining;

// ---------------------------------------------------------------------------------------------------------------
// Checks every decision shares
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<RewardError, ReadonlyArray<RewardEvent>>;

/** At or above `minimum` (PREDIKAT runs best to worst). */
const reaches = (predikat: Predikat | null, minimum: Predikat): boolean =>
  predikat !== null && PREDIKAT.indexOf(predikat) <= PREDIKAT.indexOf(minimum);

const authorityOf = (metadata: CommandMetadata): Either<RewardError, RewardAuthority> => {
  const { nip, role } = metadata.actor;
  const found = REWARD_AUTHORITIES.find((a) => a === role);
  return found === undefined ? left({ _tag: 'NotAuthorised', allowed: [...REWARD_AUTHORITIES], actor: nip, role }) : right(found);
};

/** The linked evaluations, once each, in the order given. */
const distinct = (facts: ReadonlyArray<RewardEvaluationFact>): ReadonlyArray<RewardEvaluationFact> =>
  facts.filter((f, i) => facts.findIndex((g) => g.evaluation === f.evaluation) === i);

type Checked = Readonly<{ authority: RewardAuthority; evaluations: ReadonlyArray<RewardEvaluationFact> }>;

const common = ({ data, metadata }: RewardCommand, state: RewardState): Either<RewardError, Checked> => {
  const authority = authorityOf(metadata);
  if (authority._tag === 'Left') return authority;
  if (state.status === 'active' && (state.employee !== data.employee || state.year !== data.year))
    return left({ _tag: 'WrongRewardYear', employee: state.employee, year: state.year, givenEmployee: data.employee, givenYear: data.year });
  if (state.status === 'active' && state.decisions.some((d) => d.decision === data.decision))
    return left({ _tag: 'DecisionAlreadyRecorded', decision: data.decision });
  if (data.reasons.length === 0) return left({ _tag: 'NoReasonsGiven' });
  const evaluations = distinct(data.evaluations);
  if (evaluations.length === 0) return left({ _tag: 'NoEvaluationLinked' });
  for (const fact of evaluations) {
    if (evaluationIdParts(fact.evaluation).employee !== data.employee)
      return left({ _tag: 'EvaluationOfAnotherEmployee', evaluation: fact.evaluation, employee: data.employee });
    if (yearOfPeriod(fact.period) !== data.year) return left({ _tag: 'EvaluationOutsideYear', evaluation: fact.evaluation, year: data.year });
    if (!fact.final) return left({ _tag: 'EvaluationNotFinal', evaluation: fact.evaluation });
  }
  return right({ authority: authority.right, evaluations });
};

/** The first linked evaluation below `minimum`, as a refusal. */
const belowMinimum = (evaluations: ReadonlyArray<RewardEvaluationFact>, minimum: Predikat): RewardError | undefined => {
  const low = evaluations.find((f) => !reaches(f.predikat, minimum));
  return low === undefined ? undefined : { _tag: 'PredikatBelowMinimum', evaluation: low.evaluation, predikat: low.predikat, minimum };
};

const basisOf = (evaluations: ReadonlyArray<RewardEvaluationFact>): ReadonlyArray<EvaluationBasis> =>
  evaluations.flatMap((f) => (f.predikat === null ? [] : [{ evaluation: f.evaluation, predikat: f.predikat }]));

const decisionData = (command: RewardCommand, checked: Checked, regulation: ReadonlyArray<string>) => ({
  employee: command.data.employee,
  year: command.data.year,
  decision: command.data.decision,
  evaluations: basisOf(checked.evaluations),
  reasons: [...command.data.reasons],
  decidedBy: command.metadata.actor.nip,
  authority: checked.authority,
  articles: [...new Set([...regulation, ...command.data.basis])],
  at: command.metadata.now,
});

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const grantRecognition = (command: GrantRecognition, checked: Checked): Decision => {
  const minimum = command.data.policy.recognitionMinimum;
  const low = belowMinimum(checked.evaluations, minimum);
  if (low !== undefined) return left(low);
  return right([
    {
      type: 'RecognitionGranted',
      data: { ...decisionData(command, checked, REWARD_ARTICLES.recognition), title: command.data.title, minimum },
    },
  ]);
};

const grantIncentive = (command: GrantIncentive, checked: Checked, state: RewardState): Decision => {
  const { award, policy } = command.data;
  const minimum = policy.incentiveMinimum;
  const low = belowMinimum(checked.evaluations, minimum);
  if (low !== undefined) return left(low);
  for (const fact of checked.evaluations) {
    const earlier = incentiveOn(state, fact.evaluation);
    if (earlier !== undefined) return left({ _tag: 'IncentiveAlreadyGranted', evaluation: fact.evaluation, decision: earlier.decision });
  }
  const value = award.kind === 'amount' ? award.rupiah : award.percent;
  if (!(value > 0)) return left({ _tag: 'IncentiveNotPositive' });
  if (award.kind === 'percent' && award.percent > policy.incentiveMaxPercent)
    return left({ _tag: 'IncentivePercentTooHigh', percent: award.percent, max: policy.incentiveMaxPercent });
  return right([
    {
      type: 'IncentiveGranted',
      data: {
        ...decisionData(command, checked, REWARD_ARTICLES.incentive),
        award: award.kind === 'amount' ? { kind: 'amount', rupiah: award.rupiah } : { kind: 'percent', percent: award.percent },
        minimum,
      },
    },
  ]);
};

const prioritise = (command: PrioritiseForTalentPool, checked: Checked, state: RewardState): Decision => {
  const earlier = talentPoolPriority(state);
  if (earlier !== undefined) return left({ _tag: 'AlreadyPrioritised', decision: earlier.decision });
  const minimum = command.data.policy.talentPoolMinimum;
  const low = belowMinimum(checked.evaluations, minimum);
  if (low !== undefined) return left(low);
  return right([{ type: 'TalentPoolPrioritised', data: { ...decisionData(command, checked, REWARD_ARTICLES.talentPool), minimum } }]);
};

const topicFrom = (topic: TrainingTopic): TrainingTopic =>
  topic.kind === 'core-value' ? { kind: 'core-value', value: topic.value } : { kind: 'competence-gap', competence: topic.competence };

const recommendTraining = (command: RecommendTraining, checked: Checked): Decision => {
  const { topics } = command.data;
  if (topics.length === 0) return left({ _tag: 'NoTrainingTopic' });
  // A BerAKHLAK value is below expectation when the appraiser rated perilaku below expectation, or when a linked
  // evaluation's feedback put that value below expectation.
  for (const topic of topics) {
    if (topic.kind !== 'core-value') continue;
    const below = checked.evaluations.some(
      (f) => f.perilaku === 'di-bawah-ekspektasi' || f.valuesBelowExpectation.includes(topic.value),
    );
    if (!below) return left({ _tag: 'ValueNotBelowExpectation', value: topic.value });
  }
  return right([
    { type: 'TrainingRecommended', data: { ...decisionData(command, checked, REWARD_ARTICLES.training), topics: topics.map(topicFrom) } },
  ]);
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: RewardCommand, state: RewardState): Decision => {
  const checked = common(command, state);
  if (checked._tag === 'Left') return checked;
  switch (command.type) {
    case 'GrantRecognition':
      return grantRecognition(command, checked.right);
    case 'GrantIncentive':
      return grantIncentive(command, checked.right, state);
    case 'PrioritiseForTalentPool':
      return prioritise(command, checked.right, state);
    case 'RecommendTraining':
      return recommendTraining(command, checked.right);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const rewardDecider: Decider<RewardState, RewardCommand, RewardEvent, RewardError> = { decide, evolve, initialState };

/** No reward decision has a deadline: nothing is ever due (here for hosts that drive every aggregate's timer). */
export const dueReward = (_now: Date, _state: RewardState, _actor: Actor): ReadonlyArray<RewardCommand> => [];
