/**
 * The ledger (ARCHITECTURE.md, "Integrity"): now and then a digest of every stream head is appended to the
 * stream `ledger`. An auditor who copies a digest somewhere else (a letter, another system) can later prove
 * that nothing at or before its position changed: `proveDigest` walks every chain again up to that position,
 * recomputing each hash, and recomputes the digest of the heads.
 *
 * The chain alone catches an edited event; the digest also catches what the chain cannot: a rewritten stream
 * whose hashes were all recomputed, an event removed from a stream's end, or a stream removed altogether.
 *
 * Digest: SHA-256 (hex) of the canonical JSON (RFC 8785) of the list of `[streamId, version, headHash]` of
 * every stream except the ledger, sorted by stream id, as of `upToPosition` (events at or before it).
 */
import { createHash } from 'node:crypto';
import { left, right, type Either } from 'fp-ts/Either';
import * as t from 'io-ts';
import { canonicalize } from 'json-canonicalize';
import { PathReporter } from 'io-ts/PathReporter';
import type { EventEnvelope, NewEventMetadata } from './envelope';
import type { AppendError, AppendResult, EventStore, ReadError } from './port';
import type { EventTypeSpec } from './upcasting';
import { catchUnavailable, createChainWalker, type BrokenLink, type StreamHead } from './verify';

export const LEDGER_STREAM = 'ledger';
export const LEDGER_DIGEST_RECORDED = 'LedgerDigestRecorded';

export const LedgerDigestCodec = t.readonly(
  t.exact(t.type({ upToPosition: t.number, streams: t.number, digest: t.string }), 'LedgerDigestRecordedV1'),
);
/** The data of `LedgerDigestRecorded` v1: the digest, and how many streams it covers. */
export type LedgerDigest = t.TypeOf<typeof LedgerDigestCodec>;

/** For a reader's registry (upcasting.ts). */
export const ledgerEventTypes: { readonly LedgerDigestRecorded: EventTypeSpec<LedgerDigest> } = {
  LedgerDigestRecorded: { schemaVersion: 1, codec: LedgerDigestCodec },
};

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The digest of a set of heads, as defined above. */
export const digestOfHeads = (heads: ReadonlyMap<string, StreamHead>): string => {
  const sorted = [...heads]
    .filter(([streamId]) => streamId !== LEDGER_STREAM)
    // Code-unit order, as RFC 8785 sorts keys: the same on every platform and locale.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([streamId, head]) => [streamId, head.version, head.hash]);
  return sha256(canonicalize(sorted));
};

/** Reads the global log up to and including `upToPosition`, the ledger stream left out. */
const eventsUpTo = async function* (store: EventStore, upToPosition: number): AsyncGenerator<EventEnvelope> {
  for await (const event of store.readAll(0)) {
    if (event.globalPosition > upToPosition) return;
    if (event.streamId !== LEDGER_STREAM) yield event;
  }
};

/** The digest of the stored heads as of `upToPosition` (the stored hashes, not recomputed). */
export const digestAsOf = async (store: EventStore, upToPosition: number): Promise<Either<ReadError, LedgerDigest>> =>
  catchUnavailable(async () => {
    const heads = new Map<string, StreamHead>();
    for await (const event of eventsUpTo(store, upToPosition))
      heads.set(event.streamId, { version: event.streamVersion, hash: event.metadata.hash });
    return { upToPosition, streams: heads.size, digest: digestOfHeads(heads) };
  });

/**
 * Appends a digest of every head as of the store's current head position. The ledger's expected version is the
 * one read here: two digests recorded at once cannot both land, the second gets a VersionConflict (retry).
 */
export const recordDigest = async (
  store: EventStore,
  metadata: NewEventMetadata,
): Promise<Either<AppendError | ReadError, Readonly<{ digest: LedgerDigest; appended: AppendResult }>>> => {
  const ledgerHead = await store.readStream(LEDGER_STREAM, { direction: 'backwards', maxCount: 1 });
  if (ledgerHead._tag === 'Left') return ledgerHead;
  const upToPosition = await store.headPosition();
  if (upToPosition._tag === 'Left') return upToPosition;
  const digest = await digestAsOf(store, upToPosition.right);
  if (digest._tag === 'Left') return digest;
  const last = ledgerHead.right[0];
  const appended = await store.append(
    LEDGER_STREAM,
    [{ type: LEDGER_DIGEST_RECORDED, schemaVersion: 1, data: digest.right, metadata }],
    last === undefined ? 'no-stream' : last.streamVersion,
  );
  return appended._tag === 'Left' ? appended : right({ digest: digest.right, appended: appended.right });
};

export type DigestProof =
  /** Every chain up to the position is intact and its heads give the digest: nothing before it changed. */
  | Readonly<{ _tag: 'DigestProven'; digest: LedgerDigest }>
  /** A chain is broken before the position: an event was edited (the link names it). */
  | Readonly<{ _tag: 'ChainBroken'; digest: LedgerDigest; link: BrokenLink }>
  /** The chains hold but the heads differ: a stream was rewritten, cut short, added or removed. */
  | Readonly<{ _tag: 'DigestMismatch'; expected: LedgerDigest; found: LedgerDigest }>;

/** Proves (or disproves) that the store still holds what `digest` was taken over. */
export const proveDigest = async (store: EventStore, digest: LedgerDigest): Promise<Either<ReadError, DigestProof>> => {
  const walker = createChainWalker();
  const walked = await catchUnavailable(async () => {
    for await (const event of eventsUpTo(store, digest.upToPosition)) {
      const link = walker.check(event);
      if (link !== undefined) return link;
    }
    return undefined;
  });
  if (walked._tag === 'Left') return walked;
  if (walked.right !== undefined) return right({ _tag: 'ChainBroken', digest, link: walked.right });
  const heads = walker.heads();
  const found: LedgerDigest = { upToPosition: digest.upToPosition, streams: heads.size, digest: digestOfHeads(heads) };
  return right(
    found.digest === digest.digest && found.streams === digest.streams
      ? { _tag: 'DigestProven', digest }
      : { _tag: 'DigestMismatch', expected: digest, found },
  );
};

/** When the engine should record a digest. */
export type LedgerPolicy = Readonly<{
  /**
   * Counts committed events (the engine passes each append's events, or a subscription's); a digest seen in
   * them resets the count. True while `every` or more events have passed since the last digest seen, so that a
   * digest that failed to append is asked for again.
   */
  observe: (events: ReadonlyArray<EventEnvelope>) => boolean;
}>;

/**
 * Counts events rather than comparing positions, because EventStoreDB's positions have gaps. The count lives
 * in the process: after a restart the first digest comes at most `every` events late, which is harmless.
 */
export const createLedgerPolicy = (every: number): LedgerPolicy => {
  if (!(Number.isSafeInteger(every) && every >= 1)) throw new RangeError(`ledger policy: every must be a positive integer, got ${every}`);
  let since = 0;
  return {
    observe: (events) => {
      for (const event of events) since = event.streamId === LEDGER_STREAM ? 0 : since + 1;
      return since >= every;
    },
  };
};

/** Decodes `LedgerDigestRecorded` data, e.g. a digest an auditor kept as JSON. */
export const decodeLedgerDigest = (u: unknown): Either<ReadonlyArray<string>, LedgerDigest> => {
  const decoded = LedgerDigestCodec.decode(u);
  return decoded._tag === 'Left' ? left(PathReporter.report(decoded)) : decoded;
};
