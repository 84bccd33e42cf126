/**
 * The poor-performance path (BR-26, PP 30/2019 Ps 56–58). The process manager opens and feeds it from final
 * evaluations (an operator may open one by hand); the appraiser or their superior records coaching; the PPK (or an
 * operator of the personnel office) records the competence test; the PPK transfers, assigns a temporary post or
 * proposes dismissal with honour; the system's timer ends the improvement period and the temporary post. The
 * final evaluation, the official's level and supervisors, the zone and the policy are the engine's.
 */
import {
  AssignTemporaryPostCodec,
  DecideTransferCodec,
  EndImprovementPeriodCodec,
  EndTemporaryPostCodec,
  EvaluationId,
  PoorPerformanceId,
  poorPerformanceStreamId,
  ProposeDismissalWithHonourCodec,
  RecordCoachingCodec,
  RecordCompetenceTestCodec,
  strictObject,
  type PoorPerformanceCommand,
  type Role,
  type TenantId,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { poorPerformanceAggregate } from '../aggregates';
import {
  openPoorPerformancePathCommand,
  recordImprovementCommand,
  recordPoorYearCommand,
  type PathEvaluationRequest,
} from '../facts/poor-performance';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec, type Gather } from './spec';

const streamOf = (tenant: TenantId, request: Readonly<{ path: PoorPerformanceId }>) => poorPerformanceStreamId(tenant, request.path);

/** The path and the final evaluation a step rests on; the engine reads the evaluation's facts from its stream. */
export const PathEvaluationRequestCodec: t.Type<PathEvaluationRequest, unknown, unknown> = strictObject('PathEvaluationRequest', {
  path: PoorPerformanceId,
  evaluation: EvaluationId,
});

const command = <C extends PoorPerformanceCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
) => plainSpec(poorPerformanceAggregate, { aggregate: 'poor-performance', type, summary, request: requestOf(type, codec), roles, streamOf });

const withEvaluation = <C extends PoorPerformanceCommand>(
  type: C['type'],
  roles: ReadonlyArray<Role>,
  summary: string,
  gather: Gather<PathEvaluationRequest, C>,
) =>
  factsSpec(
    poorPerformanceAggregate,
    { aggregate: 'poor-performance', type, summary, request: PathEvaluationRequestCodec, roles, streamOf },
    gather,
  );

export const poorPerformanceCommands: ReadonlyArray<CommandSpec> = [
  withEvaluation(
    'OpenPoorPerformancePath',
    ['sistem', 'operator'],
    'Open the path for a final evaluation below the threshold: 6 months to improve (BR-26)',
    openPoorPerformancePathCommand,
  ),
  command('RecordCoaching', RecordCoachingCodec, ['pejabat-penilai', 'atasan-pejabat-penilai'], 'Record coaching (pembinaan) during the path'),
  withEvaluation('RecordImprovement', ['sistem'], 'Close the path: a later final evaluation at or above the threshold (process manager)', recordImprovementCommand),
  withEvaluation('RecordPoorYear', ['sistem'], 'Record a further poor annual evaluation (process manager)', recordPoorYearCommand),
  command('EndImprovementPeriod', EndImprovementPeriodCodec, ['sistem'], 'End the 6 months to improve (timer)'),
  command('RecordCompetenceTest', RecordCompetenceTestCodec, ['ppk', 'operator'], 'Record the competence test result'),
  command('DecideTransfer', DecideTransferCodec, ['ppk'], 'Transfer the official to a suitable or lower post'),
  command('AssignTemporaryPost', AssignTemporaryPostCodec, ['ppk'], 'Assign a temporary post of at most 12 months when there is no vacancy'),
  command('EndTemporaryPost', EndTemporaryPostCodec, ['sistem'], 'End the temporary post (timer)'),
  command('ProposeDismissalWithHonour', ProposeDismissalWithHonourCodec, ['ppk', 'sistem'], 'Propose dismissal with honour (path exhausted, or the tenant rule on poor years)'),
];
