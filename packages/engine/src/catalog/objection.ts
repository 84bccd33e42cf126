/**
 * The evaluation objection (keberatan) commands (DOMAIN.md §2.4; BR-10, BR-11). The evaluated employee files and
 * may withdraw; the appraiser and the employee explain; the Atasan Pejabat Penilai named on the plan decides; the
 * system's timer escalates an overdue decision. FileObjection gets the evaluation's facts, the calendar and the
 * tenant's objection policy.
 */
import {
  DecideObjectionCodec,
  EscalateObjectionCodec,
  FileObjectionRequestCodec,
  objectionStreamId,
  RecordExplanationCodec,
  WithdrawObjectionCodec,
  type ObjectionCommand,
  type Role,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { objectionAggregate } from '../aggregates';
import { fileObjectionCommand } from '../facts/objection';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec } from './spec';

const command = <C extends ObjectionCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
) =>
  plainSpec(objectionAggregate, {
    aggregate: 'objection',
    type,
    summary,
    request: requestOf(type, codec),
    roles,
    streamOf: (tenant, request) => objectionStreamId(tenant, request.evaluation),
  });

export const objectionCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    objectionAggregate,
    {
      aggregate: 'objection',
      type: 'FileObjection',
      summary: 'File a keberatan against a delivered evaluation, with written reasons, within 14 days (BR-10)',
      request: FileObjectionRequestCodec,
      roles: ['pegawai'],
      streamOf: (tenant, request) => objectionStreamId(tenant, request.evaluation),
    },
    fileObjectionCommand,
  ),
  command('RecordExplanation', RecordExplanationCodec, ['pegawai', 'pejabat-penilai'], "Record the appraiser's or the employee's explanation (BR-11)"),
  command('DecideObjection', DecideObjectionCodec, ['atasan-pejabat-penilai'], 'Decide the objection: upheld, partly upheld with new ratings, or rejected (BR-11)'),
  command('WithdrawObjection', WithdrawObjectionCodec, ['pegawai'], 'Withdraw the objection before it is decided'),
  command('EscalateObjection', EscalateObjectionCodec, ['sistem'], 'Escalate an objection whose decision deadline has passed (timer)'),
];
