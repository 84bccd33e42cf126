/**
 * How the seed runs commands: as the service would. Each command goes through the catalog (`commandSpecFor(…).run`:
 * facts gathered, then the pipeline), and every event it commits is handed to the process managers right after the
 * command (`reactToEvent`), as a host does; the events their commands commit are handed on in turn, until nothing
 * more follows. Timers run through `fireDue`, as the service's timer loop runs them.
 *
 * There are no shortcuts: the facts that read the roster get it folded once per roster version (`loadRoster` in the
 * facts layer), so a city-size roster is not folded again for each plan, evaluation or final result.
 *
 * Refusals are not thrown: each is counted with its tag, the command and the stream, so a report can show them
 * (a correct seed has none). Events appended are counted per tenant and per stream category.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isLeft } from 'fp-ts/Either';
import type { Actor, TenantId } from '@kinerja/domain';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import { commandSpecFor } from '../catalog';
import { fireDue, reactToEvent } from '../process';
import type { AggregateName } from '../catalog/catalog';
import { categoryOf } from '../catalog/streams';
import type { CommandContext, Handled } from '../pipeline';

/** The context of a seed command: its id (`seed-<seed>/<tenant>/<parts…>`), correlation, actor and instant. */
export type ContextOf = (tenant: TenantId, actor: Actor, at: Date, correlation: string, ...parts: ReadonlyArray<string | number>) => CommandContext;

export type Refusal = Readonly<{ tag: string; command: string; stream?: string; detail: string }>;

export type HostCounters = {
  commands: number;
  /** Commands whose id had been handled before (a re-run of the seed): nothing appended. */
  replayed: number;
  events: number;
  refusals: number;
  refusalsByTag: Record<string, number>;
  /** The first refusals, in full, for the report. */
  firstRefusals: Refusal[];
  eventsByTenant: Record<string, number>;
  eventsByCategory: Record<string, number>;
};

const describe = (error: unknown): Readonly<{ tag: string; detail: string }> => {
  const e = error as { _tag?: string; error?: { _tag?: string } };
  const tag = e._tag === 'Refused' ? (e.error?._tag ?? 'Refused') : (e._tag ?? 'Unknown');
  return { tag, detail: JSON.stringify(error).slice(0, 600) };
};

export type SeedHost = Readonly<{
  counters: HostCounters;
  /** Runs one command and the reactions to what it committed; undefined when it was refused (and counted). */
  run: (
    tenant: TenantId,
    aggregate: AggregateName,
    type: string,
    request: unknown,
    context: CommandContext,
  ) => Promise<Handled<unknown> | undefined>;
  /** Runs the timers due on `streamId` at `now` (as a host's timer would), and the reactions; how many fired. */
  fire: (streamId: string, now: Date) => Promise<number>;
  /** Counts a failure that happened outside a command (a roster import). */
  refuse: (command: string, error: unknown, stream?: string) => void;
}>;

export const createSeedHost = (store: EventStore, system: Actor): SeedHost => {
  const counters: HostCounters = {
    commands: 0,
    replayed: 0,
    events: 0,
    refusals: 0,
    refusalsByTag: {},
    firstRefusals: [],
    eventsByTenant: {},
    eventsByCategory: {},
  };

  const refuse = (command: string, error: unknown, stream?: string): void => {
    const { tag, detail } = describe(error);
    counters.refusals += 1;
    counters.refusalsByTag[tag] = (counters.refusalsByTag[tag] ?? 0) + 1;
    if (counters.firstRefusals.length < 20) counters.firstRefusals.push({ tag, command, ...(stream === undefined ? {} : { stream }), detail });
  };

  const count = (envelopes: ReadonlyArray<EventEnvelope>): void => {
    for (const e of envelopes) {
      counters.events += 1;
      counters.eventsByTenant[e.metadata.tenant] = (counters.eventsByTenant[e.metadata.tenant] ?? 0) + 1;
      const category = categoryOf(e.streamId);
      counters.eventsByCategory[category] = (counters.eventsByCategory[category] ?? 0) + 1;
    }
  };

  /** Reacts to `first`, then to whatever the reactions commit, until nothing more follows. */
  const settle = async (first: ReadonlyArray<EventEnvelope>, committed: EventEnvelope[]): Promise<void> => {
    const queue: EventEnvelope[] = [...first];
    while (queue.length > 0) {
      const envelope = queue.shift() as EventEnvelope;
      const reaction = await reactToEvent(target, envelope, system);
      if (isLeft(reaction)) refuse(`react ${envelope.type}`, reaction.left, envelope.streamId);
      queue.push(...committed.splice(0));
    }
  };

  /**
   * One store for the whole run, so that what the engine keeps per store (the pipeline's folded streams, ADR 0005;
   * the folded roster) serves every command. It reports each commit to the chain that made it: each `run` and
   * `fire` collects, through an AsyncLocalStorage, the envelopes appended by its command and by the reactions it
   * settles, and nothing of the chains running beside it.
   */
  const chain = new AsyncLocalStorage<EventEnvelope[]>();
  const target: EventStore = {
    ...store,
    append: async (streamId, events, expected) => {
      const committed = chain.getStore();
      const appended = await store.append(streamId, events, expected);
      if (!isLeft(appended)) {
        count(appended.right.events);
        committed?.push(...appended.right.events);
      }
      return appended;
    },
  };

  const run: SeedHost['run'] = (tenant, aggregate, type, request, context) => chain.run([], async () => {
    const committed = chain.getStore() ?? [];
    counters.commands += 1;
    const spec = commandSpecFor(aggregate, type);
    if (spec === undefined) throw new Error(`seed: the catalog has no command ${aggregate}/${type}`);
    const outcome = await spec.run(target, tenant, request, context);
    if (isLeft(outcome)) {
      refuse(`${aggregate}/${type}`, outcome.left, describeStream(request));
      return undefined;
    }
    if (outcome.right.replayed) counters.replayed += 1;
    // A replayed command's events were committed by an earlier run: react to them again (idempotent: the
    // reactions' own command ids are derived from the event), so that a run cut short completes its reactions.
    await settle(outcome.right.replayed ? outcome.right.envelopes : committed.splice(0), committed);
    return outcome.right;
  });

  const fire: SeedHost['fire'] = (streamId, now) => chain.run([], async () => {
    const committed = chain.getStore() ?? [];
    const fired = await fireDue(target, streamId, now, system);
    if (isLeft(fired)) {
      refuse(`timer ${streamId}`, fired.left, streamId);
      return 0;
    }
    counters.commands += fired.right.fired;
    await settle(committed.splice(0), committed);
    return fired.right.fired;
  });

  return {
    counters,
    run,
    fire,
    refuse,
  };
};

/** A hint for a refusal report: the id the request names. */
const describeStream = (request: unknown): string | undefined => {
  const r = request as Record<string, unknown>;
  const id = r['plan'] ?? r['evaluation'] ?? r['unitPeriod'] ?? r['complaint'] ?? r['caseId'] ?? r['employee'];
  return typeof id === 'string' ? id : undefined;
};

