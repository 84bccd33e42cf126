/**
 * The absence records (BR-15, BR-16): the attendance system (role `sistem`) or an operator records a day of
 * absence, excused or not; crossed thresholds open discipline cases through the process manager. The tenant
 * calendar is the engine's.
 */
import { absenceStreamId, RecordAbsenceRequestCodec } from '@kinerja/domain';
import { absenceAggregate } from '../aggregates';
import { recordAbsenceCommand } from '../facts/absence';
import type { CommandSpec } from './catalog';
import { factsSpec } from './spec';

export const absenceCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    absenceAggregate,
    {
      aggregate: 'absence',
      type: 'RecordAbsence',
      summary: 'Record a working day of absence, excused or not (BR-15, BR-16)',
      request: RecordAbsenceRequestCodec,
      roles: ['operator', 'sistem'],
      streamOf: (tenant, request) => absenceStreamId(tenant, request.employee, Number(request.date.slice(0, 4))),
    },
    recordAbsenceCommand,
  ),
];
