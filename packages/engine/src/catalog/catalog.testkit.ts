/**
 * Driving commands through the catalog in tests, as an edge would: decode the body with the spec's request codec,
 * then `run` it with a context (a fresh command id, the actor, the issue instant); and draining the process
 * managers over everything committed since the last drain.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import { describeErrors, type Actor, type TenantId } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import type { HandleOptions, Handled } from '../pipeline';
import { reactToEvent } from '../process/react';
import type { AggregateName, CommandFailure } from './catalog';
import { commandSpecFor } from './index';

export const rightOf = <E, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

/** The refusal's tag (`Refused` unwrapped to the domain error's tag), or the failure's tag; undefined on success. */
export const failureTag = (result: Either<CommandFailure, unknown>): string | undefined => {
  if (!isLeft(result)) return undefined;
  const failure = result.left as Readonly<{ _tag: string; error?: Readonly<{ _tag: string }> }>;
  return failure._tag === 'Refused' ? failure.error?._tag : failure._tag;
};

export type CatalogDriver = Readonly<{
  /** Decodes `body` with the spec's request codec (throwing on a bad body: a test bug) and runs it. */
  run: (
    aggregate: AggregateName,
    type: string,
    body: unknown,
    actor: Actor,
    at: string,
    options?: HandleOptions & Readonly<{ commandId?: string }>,
  ) => Promise<Either<CommandFailure, Handled<unknown>>>;
  /** Runs `reactToEvent` for every event committed since the last drain, until nothing new comes; returns the commands handled. */
  drain: () => Promise<number>;
  /** Runs `reactToEvent` over the whole log again from the start (a restarted host). */
  redrainAll: () => Promise<number>;
  head: () => Promise<number>;
}>;

export const catalogDriver = (store: EventStore, tenant: TenantId, system: Actor): CatalogDriver => {
  let seq = 0;
  let seen = 0;
  const head = async () => rightOf(await store.headPosition());
  const drainFrom = async (from: number): Promise<number> => {
    let handled = 0;
    seen = from;
    for (;;) {
      const last = await head();
      if (last === seen) return handled;
      for await (const envelope of store.readAll(seen)) {
        if (envelope.globalPosition > last) break;
        handled += rightOf(await reactToEvent(store, envelope, system)).handled;
        seen = envelope.globalPosition;
      }
    }
  };
  return {
    run: async (aggregate, type, body, actor, at, options = {}) => {
      const spec = commandSpecFor(aggregate, type);
      if (spec === undefined) throw new Error(`no spec for ${aggregate}/${type}`);
      const request = spec.request.decode(body);
      if (isLeft(request)) throw new Error(`${type}: ${JSON.stringify(describeErrors(request.left))}`);
      const { commandId, ...handleOptions } = options;
      return spec.run(
        store,
        tenant,
        request.right,
        { tenant, commandId: commandId ?? `test-${++seq}`, actor, issuedAt: new Date(at) },
        handleOptions,
      );
    },
    drain: () => drainFrom(seen),
    redrainAll: () => drainFrom(0),
    head,
  };
};
