/**
 * Rewards and development (DOMAIN.md §2.6): recognition, incentives, talent-pool priority and training, each
 * resting on final evaluations and taken by the PPK or the unit head. One stream per official and year.
 */
export {
  decide as decideReward,
  dueReward,
  rewardDecider,
  type GrantIncentive,
  type GrantIncentiveRequest,
  type GrantRecognition,
  type GrantRecognitionRequest,
  type PrioritiseForTalentPool,
  type PrioritiseForTalentPoolRequest,
  type RecommendTraining,
  type RecommendTrainingRequest,
  type RewardCommand,
} from './decide';
export {
  basisOfReward,
  evolve as evolveReward,
  incentiveOn,
  initialState as initialRewardState,
  REWARD_ARTICLES,
  REWARD_AUTHORITIES,
  REWARD_POLICY_DEFAULTS,
  REWARD_RULE_BOOK,
  rewardStreamId,
  talentPoolPriority,
  type ActiveRewards,
  type EmptyRewards,
  type EvaluationBasis,
  type IncentiveAward,
  type IncentiveGranted,
  type RecognitionGranted,
  type RewardAuthority,
  type RewardDecisionKind,
  type RewardDecisionRecord,
  type RewardEvaluationFact,
  type RewardEvent,
  type RewardPolicy,
  type RewardState,
  type TalentPoolPrioritised,
  type TrainingRecommended,
  type TrainingTopic,
} from './reward';
export { rewardEvaluationFactOf } from './facts';
export * from './errors';
export * from './codecs';
