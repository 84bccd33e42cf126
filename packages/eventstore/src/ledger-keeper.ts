/**
 * The ledger keeper: follows the global log and appends a digest of every stream head to the ledger stream
 * every `every` events (ADR 0003), so that an auditor who kept any digest can later prove that nothing before
 * it changed (`proveDigest`).
 *
 * It keeps the heads in memory as it reads, so a digest costs O(streams), not a scan of the log. On start it
 * catches up from position 0 without recording (history already has its digests, or gets one as soon as the
 * keeper is live); from the head position it found at start on, it records a digest whenever `every` events
 * have passed since the last digest it saw. Two keepers on one store cannot both land a digest for the same
 * ledger version: the loser's append gets a VersionConflict and it simply goes on.
 */
import { isLeft } from 'fp-ts/Either';
import type { NewEventMetadata } from './envelope';
import { createLedgerPolicy, digestOfHeads, LEDGER_DIGEST_RECORDED, LEDGER_STREAM, type LedgerDigest } from './ledger';
import type { AppendError, EventStore, ReadError } from './port';
import type { StreamHead } from './verify';

export type LedgerKeeperOptions = Readonly<{
  /** Events between two digests. */
  every: number;
  /** Metadata of each digest event (tenant, actor: the system, a fresh command id). */
  metadata: () => NewEventMetadata;
  /** Told about each digest recorded. */
  onDigest?: (digest: LedgerDigest) => void;
  /** Told about a failure to read or append; the keeper stops after a read failure. */
  onError?: (error: AppendError | ReadError | Error) => void;
}>;

export type LedgerKeeper = Readonly<{
  /** Digests this keeper appended. */
  recorded: () => number;
  /** The position of the last event the keeper has seen. */
  position: () => number;
  /** Resolves when the keeper has seen the log up to `position` (for tests and orderly shutdown). */
  caughtUpTo: (position: number) => Promise<void>;
  stop: () => Promise<void>;
}>;

export const startLedgerKeeper = (store: EventStore, options: LedgerKeeperOptions): LedgerKeeper => {
  const policy = createLedgerPolicy(options.every);
  const heads = new Map<string, StreamHead>();
  const subscription = store.subscribe(0);
  const mine = new Set<string>();
  const waiters: Array<Readonly<{ position: number; resolve: () => void }>> = [];
  let seen = 0;
  let ledgerVersion = -1;
  let recorded = 0;
  let stopped = false;

  const wake = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (waiter !== undefined && waiter.position <= seen) {
        waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  };

  const record = async (): Promise<void> => {
    const digest: LedgerDigest = { upToPosition: seen, streams: heads.size, digest: digestOfHeads(heads) };
    const appended = await store.append(
      LEDGER_STREAM,
      [{ type: LEDGER_DIGEST_RECORDED, schemaVersion: 1, data: digest, metadata: options.metadata() }],
      ledgerVersion < 0 ? 'no-stream' : ledgerVersion,
    );
    if (isLeft(appended)) {
      // Another keeper recorded first: its digest arrives through the subscription and resets the count.
      if (appended.left._tag !== 'VersionConflict') options.onError?.(appended.left);
      return;
    }
    recorded += 1;
    ledgerVersion = appended.right.nextExpectedVersion;
    for (const event of appended.right.events) mine.add(event.eventId);
    policy.observe(appended.right.events);
    options.onDigest?.(digest);
  };

  const run = async (): Promise<void> => {
    const head = await store.headPosition();
    if (isLeft(head)) {
      options.onError?.(head.left);
      return;
    }
    const liveFrom = head.right;
    if (liveFrom === 0) wake();
    try {
      for await (const event of subscription) {
        seen = event.globalPosition;
        if (event.streamId === LEDGER_STREAM) {
          ledgerVersion = Math.max(ledgerVersion, event.streamVersion);
          if (!mine.delete(event.eventId)) policy.observe([event]);
        } else {
          heads.set(event.streamId, { version: event.streamVersion, hash: event.metadata.hash });
          if (policy.observe([event]) && seen >= liveFrom && !stopped) await record();
        }
        wake();
      }
    } catch (error) {
      if (!stopped) options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const running = run();

  return {
    recorded: () => recorded,
    position: () => seen,
    caughtUpTo: (position) =>
      position <= seen ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ position, resolve })),
    stop: async () => {
      stopped = true;
      await subscription.close();
      await running;
      for (const waiter of waiters.splice(0)) waiter.resolve();
    },
  };
};
