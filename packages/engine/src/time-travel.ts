/**
 * Time travel (issue 7, "Time travel"; ARCHITECTURE.md, "auditors replaying histories"): a stream's state, and
 * one employee's whole file, as of an instant, along two time axes:
 *
 * - **recorded** (`by: 'recorded'`): the stream as the store held it at that instant, i.e. the events with
 *   `recordedAt <= at`, in stream order. This is what anyone looking at the system then could have seen.
 * - **effective** (`by: 'effective'`): the facts that had happened in the world by that instant, i.e. the events
 *   with `metadata.occurredAt <= at`, as known now (or as known at `knownAt`), folded in the order they occurred
 *   (stream order among equal instants). A correction recorded later but effective earlier shows where it applies;
 *   the result lists such events in `recordedLater`.
 *
 * The state is folded with the stream's own aggregate (its decider's `evolve` from `initialState()`, after the
 * serde decoded each stored event), exactly as the pipeline does before deciding. A stream whose category has no
 * aggregate (the ledger, or one whose wiring has not landed) still answers with its events and no state.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  absenceStreamId,
  appealStreamId,
  disciplineStreamId,
  evaluationStreamId,
  fold,
  objectionStreamId,
  planStreamId,
  poorPerformanceStreamId,
  rewardStreamId,
  type DisciplineCaseId,
  type EvaluationId,
  type Nip,
  type PlanId,
  type PoorPerformanceId,
  type TenantId,
} from '@kinerja/domain';
import { StoreUnavailableError, type EventEnvelope, type EventStore, type ReadError } from '@kinerja/eventstore';
import { streamCategoryOf } from './catalog';
import type { Aggregate, CorruptStream } from './pipeline';

/** Which instant, on which time axis. */
export type AsOf =
  /** As the store held it at `at`: events with `recordedAt <= at`. */
  | Readonly<{ by: 'recorded'; at: Date }>
  /**
   * As effective at `at`: events with `occurredAt <= at`, as known now, or as known at `knownAt` (both axes:
   * "what did we know at `knownAt` about how things stood at `at`").
   */
  | Readonly<{ by: 'effective'; at: Date; knownAt?: Date }>;

/** An aggregate with its types erased: enough to decode and fold any stream of it. */
export type StreamModel = Readonly<{
  /** The aggregate's name (`plan`, `evaluation`, ...). */
  name: string;
  deserialize: (envelope: EventEnvelope) => Either<string, unknown>;
  initialState: () => unknown;
  evolve: (state: unknown, event: unknown) => unknown;
}>;

/** Erases an aggregate's types behind a `StreamModel`; the decider's own evolve still does the folding. */
export const streamModelOf = <State, Command, Event, Error>(
  name: string,
  aggregate: Aggregate<State, Command, Event, Error>,
): StreamModel => ({
  name,
  deserialize: (envelope) => aggregate.serde.deserialize(envelope),
  initialState: () => aggregate.decider.initialState(),
  // Only ever called with events this model's own `deserialize` produced, and states its own fold produced.
  evolve: (state, event) => aggregate.decider.evolve(state as State, event as Event),
});

/**
 * The model that folds a stream: the engine aggregate its category names (`streamCategoryOf` in the catalog);
 * undefined when no aggregate owns the category (the ledger, a foreign stream).
 */
export const streamModelFor = (streamId: string): StreamModel | undefined => {
  const category = streamCategoryOf(streamId);
  return category === undefined ? undefined : streamModelOf(category.aggregate, category.engine);
};

/** A stream as of an instant. */
export type StreamAsOf = Readonly<{
  streamId: string;
  asOf: AsOf;
  /** The aggregate that folded it; undefined when none owns the stream's category (then `state` is too). */
  aggregate: string | undefined;
  /** The events that made the state, in the order they were folded. */
  envelopes: ReadonlyArray<EventEnvelope>;
  /** The decoded events, one per envelope (empty when there is no aggregate). */
  events: ReadonlyArray<unknown>;
  /** The folded state; the aggregate's initial state when no event counts yet. */
  state: unknown;
  /** The highest stream version among the events that count; -1 when none does. */
  version: number;
  /** Effective view only: events recorded after `at` that apply at or before it (later corrections). */
  recordedLater: ReadonlyArray<EventEnvelope>;
  /** Events of the stream (as known then) that do not count yet: recorded, or effective, after the instant. */
  laterEvents: number;
}>;

export type TimeTravelError = ReadError | CorruptStream;

const millis = (iso: string): number => Date.parse(iso);

/**
 * Of the envelopes known (stream order), those that count as of the instant, in folding order, and how many do
 * not count yet.
 */
const selectAsOf = (
  known: ReadonlyArray<EventEnvelope>,
  asOf: AsOf,
): Readonly<{ counted: ReadonlyArray<EventEnvelope>; recordedLater: ReadonlyArray<EventEnvelope>; later: number }> => {
  const at = asOf.at.getTime();
  if (asOf.by === 'recorded') {
    // The store already cut at `at`; filter again so that a store that ignores the option cannot widen the view.
    const counted = known.filter((e) => millis(e.metadata.recordedAt) <= at);
    return { counted, recordedLater: [], later: known.length - counted.length };
  }
  const counted = known
    .map((envelope, index) => ({ envelope, index, occurred: millis(envelope.metadata.occurredAt) }))
    .filter((e) => e.occurred <= at)
    // Stable: equal instants keep stream order.
    .sort((a, b) => a.occurred - b.occurred || a.index - b.index)
    .map((e) => e.envelope);
  return {
    counted,
    recordedLater: counted.filter((e) => millis(e.metadata.recordedAt) > at),
    later: known.length - counted.length,
  };
};

/** What the store knew of a stream on the given axis: all of it, or as recorded at an instant. */
const readKnown = (store: EventStore, streamId: string, asOf: AsOf): ReturnType<EventStore['readStream']> => {
  const cut = asOf.by === 'recorded' ? asOf.at : asOf.knownAt;
  return store.readStream(streamId, cut === undefined ? {} : { asOfRecordedAt: cut });
};

/** Decodes and folds envelopes with a model; a stored event it cannot decode is a `CorruptStream`. */
const foldWith = (
  model: StreamModel,
  streamId: string,
  envelopes: ReadonlyArray<EventEnvelope>,
): Either<CorruptStream, Readonly<{ events: ReadonlyArray<unknown>; state: unknown }>> => {
  const events: unknown[] = [];
  for (const envelope of envelopes) {
    const decoded = model.deserialize(envelope);
    if (isLeft(decoded))
      return left({ _tag: 'CorruptStream', streamId, streamVersion: envelope.streamVersion, problem: decoded.left });
    events.push(decoded.right);
  }
  return right({ events, state: fold(model.evolve, model.initialState(), events) });
};

/**
 * A stream as of an instant, folded with the given model, or with the one its category names (`streamModelFor`);
 * `model: null` folds nothing and returns the events only.
 */
export const streamAsOf = async (
  store: EventStore,
  streamId: string,
  asOf: AsOf,
  model: StreamModel | null = streamModelFor(streamId) ?? null,
): Promise<Either<TimeTravelError, StreamAsOf>> => {
  const known = await readKnown(store, streamId, asOf);
  if (isLeft(known)) return known;
  const { counted, recordedLater, later } = selectAsOf(known.right, asOf);
  const version = counted.reduce((max, e) => Math.max(max, e.streamVersion), -1);
  const base = { streamId, asOf, envelopes: counted, version, recordedLater, laterEvents: later };
  if (model === null) return right({ ...base, aggregate: undefined, events: [], state: undefined });
  const folded = foldWith(model, streamId, counted);
  if (isLeft(folded)) return folded;
  return right({ ...base, aggregate: model.name, events: folded.right.events, state: folded.right.state });
};

/** A stream as of an instant, with its aggregate's own types (for embedding services and tests). */
export const typedStreamAsOf = async <State, Command, Event, Error>(
  store: EventStore,
  aggregate: Aggregate<State, Command, Event, Error>,
  streamId: string,
  asOf: AsOf,
): Promise<Either<TimeTravelError, Omit<StreamAsOf, 'state' | 'events'> & Readonly<{ state: State; events: ReadonlyArray<Event> }>>> => {
  const result = await streamAsOf(store, streamId, asOf, streamModelOf('typed', aggregate));
  // The model folded with this aggregate's own decider, so its state and events have its types.
  return isLeft(result) ? result : right({ ...result.right, state: result.right.state as State, events: result.right.events as ReadonlyArray<Event> });
};

// -----------------------------------------------------------------------------------------------------------------
// One employee's whole file
// -----------------------------------------------------------------------------------------------------------------

/**
 * The categories of the streams that belong to one employee: every id among them is `<category>-<tenant>.<nip>.…`
 * (plans, evaluations, objections, discipline cases, their administrative objections and appeals, absences,
 * poor-performance paths, rewards). Derived from the domain's own stream-id functions, so they cannot drift.
 */
export const employeeStreamCategories = (tenant: TenantId): ReadonlyArray<string> => {
  const category = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));
  const none = '';
  return [
    planStreamId(tenant, none as PlanId),
    evaluationStreamId(tenant, none as EvaluationId),
    objectionStreamId(tenant, none as EvaluationId),
    disciplineStreamId(tenant, none as DisciplineCaseId),
    appealStreamId(tenant, 'keberatan', none),
    appealStreamId(tenant, 'banding', none),
    absenceStreamId(tenant, none as Nip, 0),
    poorPerformanceStreamId(tenant, none as PoorPerformanceId),
    rewardStreamId(tenant, none as Nip, 0),
  ].map(category);
};

/** The stream-id prefixes of one employee's streams (`plan-<tenant>.<nip>.`, ...), for `readAll`'s filter. */
export const employeeStreamPrefixes = (tenant: TenantId, nip: Nip): ReadonlyArray<string> =>
  employeeStreamCategories(tenant).map((category) => `${category}-${tenant}.${nip}.`);

/**
 * The ids of one employee's streams, found by scanning the log with a stream-prefix filter: the fallback when no
 * audit-trail read model is at hand. Sorted; each id once.
 */
export const employeeStreamIds = async (
  store: EventStore,
  tenant: TenantId,
  nip: Nip,
): Promise<Either<ReadError, ReadonlyArray<string>>> => {
  // Asked first so that an unreachable store is a Left even for adapters whose readAll can only throw.
  const head = await store.headPosition();
  if (isLeft(head)) return head;
  const ids = new Set<string>();
  try {
    for await (const event of store.readAll(0, { filter: { streamPrefixes: employeeStreamPrefixes(tenant, nip) } }))
      ids.add(event.streamId);
  } catch (error: unknown) {
    if (error instanceof StoreUnavailableError) return left({ _tag: 'Unavailable', reason: error.reason });
    throw error;
  }
  return right([...ids].sort());
};

export type EmployeeFileAsOf = Readonly<{
  asOf: AsOf;
  /** Every given stream that had at least one event counting as of the instant, in the order given. */
  streams: ReadonlyArray<StreamAsOf>;
  /** Given streams with nothing yet as of the instant. */
  notYet: ReadonlyArray<string>;
}>;

/**
 * One employee's whole file as of an instant: the state of each of the given streams (from the audit-trail read
 * model, or `employeeStreamIds`). Streams are read one after another, so a large file does not open many reads.
 */
export const employeeFileAsOf = async (
  store: EventStore,
  streamIds: ReadonlyArray<string>,
  asOf: AsOf,
): Promise<Either<TimeTravelError, EmployeeFileAsOf>> => {
  const streams: StreamAsOf[] = [];
  const notYet: string[] = [];
  for (const streamId of streamIds) {
    const result = await streamAsOf(store, streamId, asOf);
    if (isLeft(result)) return result;
    if (result.right.envelopes.length === 0) notYet.push(streamId);
    else streams.push(result.right);
  }
  return right({ asOf, streams, notYet });
};
