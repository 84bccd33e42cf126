/**
 * Rewards and development decisions (DOMAIN.md §2.6): recognition, incentives, talent-pool priority and training,
 * by the PPK or the unit head, each resting on final evaluations named by id. The evaluations' facts and the
 * tenant's reward policy are the engine's.
 */
import {
  GrantIncentiveRequestCodec,
  GrantRecognitionRequestCodec,
  PrioritiseForTalentPoolRequestCodec,
  RecommendTrainingRequestCodec,
  REWARD_AUTHORITIES,
  rewardStreamId,
  type Nip,
  type TenantId,
} from '@kinerja/domain';
import { rewardAggregate } from '../aggregates';
import { rewardCommand } from '../facts/reward';
import type { CommandSpec } from './catalog';
import { factsSpec } from './spec';

const streamOf = (tenant: TenantId, request: Readonly<{ employee: Nip; year: number }>) => rewardStreamId(tenant, request.employee, request.year);
const header = { aggregate: 'reward', roles: REWARD_AUTHORITIES, streamOf } as const;

export const rewardCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    rewardAggregate,
    { ...header, type: 'GrantRecognition', summary: 'Grant recognition (penghargaan) on final evaluations', request: GrantRecognitionRequestCodec },
    rewardCommand('GrantRecognition'),
  ),
  factsSpec(
    rewardAggregate,
    { ...header, type: 'GrantIncentive', summary: 'Grant an incentive for reaching targets, once per evaluation', request: GrantIncentiveRequestCodec },
    rewardCommand('GrantIncentive'),
  ),
  factsSpec(
    rewardAggregate,
    {
      ...header,
      type: 'PrioritiseForTalentPool',
      summary: 'Give talent-pool priority for the year',
      request: PrioritiseForTalentPoolRequestCodec,
    },
    rewardCommand('PrioritiseForTalentPool'),
  ),
  factsSpec(
    rewardAggregate,
    {
      ...header,
      type: 'RecommendTraining',
      summary: 'Recommend training for BerAKHLAK values rated below expectation',
      request: RecommendTrainingRequestCodec,
    },
    rewardCommand('RecommendTraining'),
  ),
];
