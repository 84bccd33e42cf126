import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft, type Either } from 'fp-ts/Either';
import { exampleMetadata } from './contract/example-events.testkit';
import type { Json, NewEvent } from './envelope';
import { decodeLedgerDigest, digestAsOf, LEDGER_STREAM, proveDigest, type LedgerDigest } from './ledger';
import { startLedgerKeeper } from './ledger-keeper';
import { createMemoryStore, tamperWithMemoryStore } from './memory/memory-store';
import type { EventStore } from './port';
import { openSqliteStore } from './sqlite';

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};

const event = (n: number): NewEvent => ({ type: 'RealisationRecorded', schemaVersion: 1, data: { n } as Json, metadata: exampleMetadata() });
let commands = 0;
const digestMetadata = () => exampleMetadata({ commandId: `ledger-${++commands}`, actor: { nip: '000000000000000000', role: 'sistem' } });

/** Appends `count` single-event commands round-robin over `streams` streams. */
const appendMany = async (store: EventStore, count: number, streams: number, start = 0): Promise<void> => {
  for (let i = start; i < start + count; i++) {
    const streamId = `plan-t.${i % streams}`;
    const last = rightOf(await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0];
    rightOf(await store.append(streamId, [event(i)], last === undefined ? 'no-stream' : last.streamVersion));
  }
};

const ledgerDigests = async (store: EventStore): Promise<LedgerDigest[]> =>
  rightOf(await store.readStream(LEDGER_STREAM)).map((e) => rightOf(decodeLedgerDigest(e.data)));

describe('the ledger keeper', () => {
  it('appends a digest every N events; each digest equals a full scan at its position and proves the log', async () => {
    const store = createMemoryStore();
    const keeper = startLedgerKeeper(store, { every: 10, metadata: digestMetadata });
    await appendMany(store, 35, 4);
    await keeper.caughtUpTo(rightOf(await store.headPosition()));
    await keeper.stop();

    const digests = await ledgerDigests(store);
    // Where exactly a digest lands depends on how the keeper's appends interleave with the writer's; the first
    // comes after exactly 10 events, and every later one after at least 10 more.
    expect(digests).toHaveLength(3);
    expect(digests[0]?.upToPosition).toBe(10);
    const positions = digests.map((d) => d.upToPosition);
    positions.slice(1).forEach((p, i) => expect(p - (positions[i] ?? 0)).toBeGreaterThanOrEqual(10));
    expect(keeper.recorded()).toBe(3);
    for (const digest of digests) {
      expect(rightOf(await digestAsOf(store, digest.upToPosition))).toEqual(digest);
      expect(rightOf(await proveDigest(store, digest))._tag).toBe('DigestProven');
    }
  });

  it('an edit before a recorded digest is caught when the auditor proves it', async () => {
    const store = createMemoryStore();
    const keeper = startLedgerKeeper(store, { every: 5, metadata: digestMetadata });
    await appendMany(store, 12, 3);
    await keeper.caughtUpTo(rightOf(await store.headPosition()));
    await keeper.stop();
    const [first] = await ledgerDigests(store);
    if (first === undefined) throw new Error('no digest');

    tamperWithMemoryStore(store, 'plan-t.1', 0, (e) => ({ ...e, data: { n: 999 } }));
    const proof = rightOf(await proveDigest(store, first));
    expect(proof._tag).toBe('ChainBroken');
  });

  it('catches up over undigested history without a digest per N events, then records one at the head', async () => {
    const store = createMemoryStore();
    await appendMany(store, 25, 2);
    const keeper = startLedgerKeeper(store, { every: 10, metadata: digestMetadata });
    await keeper.caughtUpTo(26); // the 25 events, then its own digest
    await appendMany(store, 5, 2, 25);
    await keeper.caughtUpTo(rightOf(await store.headPosition()));
    await keeper.stop();
    const digests = await ledgerDigests(store);
    expect(digests.map((d) => d.upToPosition)).toEqual([25]);
  });

  it('two keepers on one SQLite file never record two digests for one ledger version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-ledger-'));
    try {
      const store = openSqliteStore({ path: join(dir, 'kinerja.db') });
      const a = startLedgerKeeper(store, { every: 7, metadata: digestMetadata });
      const b = startLedgerKeeper(store, { every: 7, metadata: digestMetadata });
      await appendMany(store, 40, 5);
      const head = rightOf(await store.headPosition());
      await Promise.all([a.caughtUpTo(head), b.caughtUpTo(head)]);
      await Promise.all([a.stop(), b.stop()]);
      const ledger = rightOf(await store.readStream(LEDGER_STREAM));
      expect(ledger.map((e) => e.streamVersion)).toEqual(ledger.map((_, i) => i));
      expect(ledger.length).toBeGreaterThanOrEqual(4);
      for (const e of ledger) expect(rightOf(await proveDigest(store, rightOf(decodeLedgerDigest(e.data))))._tag).toBe('DigestProven');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
