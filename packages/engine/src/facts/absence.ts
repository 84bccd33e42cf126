/** RecordAbsence's facts (BR-15, BR-16): the tenant calendar, since absences are working days in the tenant's zone. */
import { isLeft, right, type Either } from 'fp-ts/Either';
import type { RecordAbsence, RecordAbsenceRequest, TenantId } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import type { CommandContext } from '../pipeline';
import type { GatherError } from './problems';
import { commandOf, tenantSettings } from './tenant';

export const recordAbsenceCommand = async (
  _store: EventStore,
  tenant: TenantId,
  request: RecordAbsenceRequest,
  context: CommandContext,
): Promise<Either<GatherError, RecordAbsence>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  return right(commandOf('RecordAbsence', { ...request, calendar: settings.right.calendar }, context));
};
