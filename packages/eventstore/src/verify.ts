/**
 * verify: recomputes every hash chain of a store (ARCHITECTURE.md, "Integrity") and names the first broken
 * link. Three things are checked for each event, in this order, against the events of its stream read before
 * it: its streamVersion follows the previous one (the first is 0), its prevHash is the previous event's stored
 * hash (the first chains from `streamGenesisHash`), and its stored hash is the hash of its content.
 *
 * An edited event fails the third check at that very event, so the report names exactly what was changed. An
 * edit that also recomputes the event's hash breaks the next event's prevHash; an edit of a stream's head that
 * rehashes it is invisible to the chain alone, which is what the ledger's digests are for (ledger.ts).
 */
import { left, right, type Either } from 'fp-ts/Either';
import type { EventEnvelope } from './envelope';
import { recomputeHash, streamGenesisHash } from './integrity';
import type { EventStore, ReadError, Unavailable } from './port';

export type ChainProblem = 'hash' | 'prev-hash' | 'version-gap';

/**
 * Where a chain breaks. `expected` is what the chain up to here implies (the next version, the previous hash,
 * the recomputed hash); `found` is what the stored event says.
 */
export type BrokenLink = Readonly<{
  streamId: string;
  streamVersion: number;
  expected: string;
  found: string;
  problem: ChainProblem;
}>;

export type VerifyReport =
  | Readonly<{ _tag: 'Intact'; eventsChecked: number; streamsChecked: number }>
  | Readonly<{ _tag: 'Broken'; link: BrokenLink; eventsChecked: number; streamsChecked: number }>;

export type VerifyOptions = Readonly<{
  /** Only this stream (read with readStream); the whole store in global order otherwise. */
  stream?: string;
}>;

export type StreamHead = Readonly<{ version: number; hash: string }>;

/** Follows the chains of a sequence of events, event by event; the heads are what it has seen so far. */
export type ChainWalker = Readonly<{
  /** Checks one event against its stream's chain so far; the broken link, or undefined when it holds. */
  check: (event: EventEnvelope) => BrokenLink | undefined;
  heads: () => ReadonlyMap<string, StreamHead>;
  eventsChecked: () => number;
}>;

export const createChainWalker = (): ChainWalker => {
  const heads = new Map<string, StreamHead>();
  let events = 0;
  const broken = (event: EventEnvelope, problem: ChainProblem, expected: string, found: string): BrokenLink => ({
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    expected,
    found,
    problem,
  });
  return {
    check: (event) => {
      events += 1;
      const head = heads.get(event.streamId);
      const expectedVersion = head === undefined ? 0 : head.version + 1;
      if (event.streamVersion !== expectedVersion)
        return broken(event, 'version-gap', String(expectedVersion), String(event.streamVersion));
      const expectedPrev = head?.hash ?? streamGenesisHash(event.streamId);
      if (event.metadata.prevHash !== expectedPrev) return broken(event, 'prev-hash', expectedPrev, event.metadata.prevHash);
      const recomputed = recomputeHash(event);
      if (event.metadata.hash !== recomputed) return broken(event, 'hash', recomputed, event.metadata.hash);
      heads.set(event.streamId, { version: event.streamVersion, hash: event.metadata.hash });
      return undefined;
    },
    heads: () => heads,
    eventsChecked: () => events,
  };
};

const isUnavailable = (u: unknown): u is Unavailable =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'Unavailable';

/**
 * Runs `walk` over an async source; an adapter whose readAll throws an `Unavailable` value gets it back as a
 * Left, anything else thrown is a bug and propagates.
 */
export const catchUnavailable = async <A>(walk: () => Promise<A>): Promise<Either<ReadError, A>> => {
  try {
    return right(await walk());
  } catch (error: unknown) {
    if (isUnavailable(error)) return left(error);
    throw error;
  }
};

const report = (walker: ChainWalker, link: BrokenLink | undefined): VerifyReport => {
  const counts = { eventsChecked: walker.eventsChecked(), streamsChecked: walker.heads().size };
  return link === undefined ? { _tag: 'Intact', ...counts } : { _tag: 'Broken', link, ...counts };
};

export const verify = async (store: EventStore, options: VerifyOptions = {}): Promise<Either<ReadError, VerifyReport>> => {
  const walker = createChainWalker();
  if (options.stream !== undefined) {
    const events = await store.readStream(options.stream);
    if (events._tag === 'Left') return events;
    for (const event of events.right) {
      const link = walker.check(event);
      if (link !== undefined) return right(report(walker, link));
    }
    return right(report(walker, undefined));
  }
  // Asked first so that an unreachable store is a Left even for adapters whose readAll can only throw.
  const head = await store.headPosition();
  if (head._tag === 'Left') return head;
  return catchUnavailable(async () => {
    for await (const event of store.readAll(0)) {
      const link = walker.check(event);
      if (link !== undefined) return report(walker, link);
    }
    return report(walker, undefined);
  });
};
