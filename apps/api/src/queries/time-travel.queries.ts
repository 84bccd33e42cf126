/**
 * Time travel for auditors (engine's `time-travel.ts`): a stream's state as of an instant, an employee's whole
 * file as of an instant, and one stream recorded vs effective side by side. These read the event store (the log
 * is the auditors' evidence); every other query reads the read models.
 */
import { Inject, InternalServerErrorException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { isLeft, type Either } from 'fp-ts/Either';
import type { Nip, TenantId } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import {
  employeeFileAsOf,
  employeeStreamIds,
  streamAsOf,
  type AsOf,
  type EmployeeFileAsOf,
  type StreamAsOf,
  type TimeTravelError,
} from '@kinerja/engine';
import { STORE, type Principal } from '../contracts';
import { assertMayReadEmployee, assertMayReadStream } from './access';
import { hidePersonalData } from './personal-data';
import { unavailable } from './problems';

const rightOrThrow = <A>(result: Either<TimeTravelError, A>): A => {
  if (!isLeft(result)) return result.right;
  if (result.left._tag === 'Unavailable') throw unavailable(result.left.reason);
  throw new InternalServerErrorException(
    `stream ${result.left.streamId} cannot be decoded at version ${result.left.streamVersion}: ${result.left.problem}`,
  );
};

export class StreamAsOfQuery extends Query<StreamAsOf> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly streamId: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}

@QueryHandler(StreamAsOfQuery)
export class StreamAsOfHandler implements IQueryHandler<StreamAsOfQuery> {
  constructor(@Inject(STORE) private readonly store: EventStore) {}

  async execute(query: StreamAsOfQuery): Promise<StreamAsOf> {
    assertMayReadStream(query.principal, query.streamId, query.tenant);
    return hidePersonalData(rightOrThrow(await streamAsOf(this.store, query.streamId, query.asOf)), query.principal);
  }
}

export class EmployeeFileAsOfQuery extends Query<EmployeeFileAsOf & Readonly<{ nip: string }>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly nip: Nip,
    readonly asOf: AsOf,
  ) {
    super();
  }
}

@QueryHandler(EmployeeFileAsOfQuery)
export class EmployeeFileAsOfHandler implements IQueryHandler<EmployeeFileAsOfQuery> {
  constructor(@Inject(STORE) private readonly store: EventStore) {}

  async execute(query: EmployeeFileAsOfQuery): Promise<EmployeeFileAsOf & Readonly<{ nip: string }>> {
    assertMayReadEmployee(query.principal, query.nip);
    const ids = await employeeStreamIds(this.store, query.tenant, query.nip);
    if (isLeft(ids)) throw unavailable(ids.left.reason);
    const file = rightOrThrow(await employeeFileAsOf(this.store, ids.right, query.asOf));
    // An employee's streams are never complaints; the filter keeps it so should that change.
    return { nip: query.nip, ...file, streams: file.streams.map((stream) => hidePersonalData(stream, query.principal)) };
  }
}

export type RecordedVsEffective = Readonly<{
  streamId: string;
  at: Date;
  recorded: StreamAsOf;
  effective: StreamAsOf;
  /** Events effective by `at` but recorded after it: the corrections the recorded view could not show then. */
  recordedLater: StreamAsOf['recordedLater'];
  /** True when the two views fold different events. */
  differs: boolean;
}>;

export class RecordedVsEffectiveQuery extends Query<RecordedVsEffective> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly streamId: string,
    readonly at: Date,
  ) {
    super();
  }
}

@QueryHandler(RecordedVsEffectiveQuery)
export class RecordedVsEffectiveHandler implements IQueryHandler<RecordedVsEffectiveQuery> {
  constructor(@Inject(STORE) private readonly store: EventStore) {}

  async execute(query: RecordedVsEffectiveQuery): Promise<RecordedVsEffective> {
    assertMayReadStream(query.principal, query.streamId, query.tenant);
    const recorded = rightOrThrow(await streamAsOf(this.store, query.streamId, { by: 'recorded', at: query.at }));
    const effective = rightOrThrow(await streamAsOf(this.store, query.streamId, { by: 'effective', at: query.at }));
    const ids = (view: StreamAsOf) => view.envelopes.map((e) => e.eventId).join(',');
    return hidePersonalData(
      {
        streamId: query.streamId,
        at: query.at,
        recorded,
        effective,
        recordedLater: effective.recordedLater,
        differs: ids(recorded) !== ids(effective),
      },
      query.principal,
    );
  }
}

export const TIME_TRAVEL_HANDLERS = [StreamAsOfHandler, EmployeeFileAsOfHandler, RecordedVsEffectiveHandler];
