import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { isLeft, type Either } from 'fp-ts/Either';
import { canonicalize } from 'json-canonicalize';
import { changeOneByteOfData } from './contract/contract.testkit';
import { exampleMetadata } from './contract/example-events.testkit';
import type { EventEnvelope, Json, NewEvent } from './envelope';
import { recomputeHash } from './integrity';
import {
  createLedgerPolicy,
  decodeLedgerDigest,
  digestAsOf,
  LEDGER_STREAM,
  proveDigest,
  recordDigest,
  type LedgerDigest,
} from './ledger';
import { createMemoryStore, tamperWithMemoryStore } from './memory/memory-store';
import type { EventStore } from './port';
import { verify } from './verify';

const event = (type: string, data: Json): NewEvent => ({ type, schemaVersion: 1, data, metadata: exampleMetadata() });
const auditMetadata = exampleMetadata({ commandId: 'digest-1', actor: { nip: '000000000000000000', role: 'system' } });

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};

const seeded = async (): Promise<EventStore> => {
  const store = createMemoryStore();
  rightOf(await store.append('plan-a', [event('PlanDrafted', { text: 'satu' }), event('PlanSubmitted', { text: 'dua' })], 'no-stream'));
  rightOf(await store.append('plan-b', [event('PlanDrafted', { text: 'tiga' })], 'no-stream'));
  rightOf(await store.append('plan-a', [event('PlanApproved', { text: 'empat' })], 1));
  return store;
};

const heads = async (store: EventStore, streams: ReadonlyArray<string>): Promise<Array<[string, number, string]>> =>
  Promise.all(
    streams.map(async (streamId): Promise<[string, number, string]> => {
      const last = rightOf(await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0];
      if (last === undefined) throw new Error(`no stream ${streamId}`);
      return [streamId, last.streamVersion, last.metadata.hash];
    }),
  );

/** Rewrites a whole stream from `from` on, recomputing every hash along the chain: the chain itself stays valid. */
const rewriteStream = async (store: EventStore, streamId: string, from: number, change: (e: EventEnvelope) => EventEnvelope): Promise<void> => {
  const events = rightOf(await store.readStream(streamId));
  let prevHash = events[from - 1]?.metadata.hash;
  for (const original of events.slice(from)) {
    tamperWithMemoryStore(store, streamId, original.streamVersion, (e) => {
      const changed = original.streamVersion === from ? change(e) : e;
      const chained = { ...changed, metadata: { ...changed.metadata, prevHash: prevHash ?? changed.metadata.prevHash } };
      const hash = recomputeHash(chained);
      prevHash = hash;
      return { ...chained, metadata: { ...chained.metadata, hash } };
    });
  }
};

describe('the ledger', () => {
  describe('recordDigest', () => {
    it('appends LedgerDigestRecorded v1 to the ledger stream: the SHA-256 of the sorted stream heads as of the head position', async () => {
      const store = await seeded();
      const { digest, appended } = rightOf(await recordDigest(store, auditMetadata));

      const expected = createHash('sha256')
        .update(canonicalize(await heads(store, ['plan-a', 'plan-b'])))
        .digest('hex');
      expect(digest).toEqual({ upToPosition: 4, streams: 2, digest: expected });
      const [stored] = rightOf(await store.readStream(LEDGER_STREAM));
      expect(stored).toMatchObject({ type: 'LedgerDigestRecorded', schemaVersion: 1, streamVersion: 0, data: digest, globalPosition: 5 });
      expect(stored?.metadata).toMatchObject(auditMetadata);
      expect(appended.events).toEqual([stored]);
    });

    it('leaves the ledger out of the next digest, and chains digests in the ledger stream', async () => {
      const store = await seeded();
      const first = rightOf(await recordDigest(store, auditMetadata)).digest;
      rightOf(await store.append('plan-c', [event('PlanDrafted', { text: 'lima' })], 'no-stream'));
      const second = rightOf(await recordDigest(store, auditMetadata));
      expect(second.digest).toMatchObject({ upToPosition: 6, streams: 3 });
      expect(second.appended.events[0]?.streamVersion).toBe(1);
      expect(rightOf(await digestAsOf(store, 4))).toEqual(first);
      expect(rightOf(await verify(store))._tag).toBe('Intact');
    });

    it('digests an empty store', async () => {
      const store = createMemoryStore();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      expect(digest).toEqual({ upToPosition: 0, streams: 0, digest: createHash('sha256').update('[]').digest('hex') });
      expect(rightOf(await proveDigest(store, digest))._tag).toBe('DigestProven');
    });

    it('lets only one of two simultaneous digests land; the other gets a VersionConflict', async () => {
      const store = await seeded();
      const [a, b] = await Promise.all([recordDigest(store, auditMetadata), recordDigest(store, auditMetadata)]);
      expect([a, b].filter(isLeft).map((r) => r.left)).toEqual([
        { _tag: 'VersionConflict', streamId: LEDGER_STREAM, expected: 'no-stream', actual: 0 },
      ]);
    });

    it('digests the same heads the same way whatever order the streams were written in', async () => {
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(['a-1', 'a-2', 'b-1', 'c-1'], { minLength: 4, maxLength: 4 }), async (order) => {
          // Same events, same clock, same ids: the same hashes, whatever the global order.
          const writeIn = async (streams: ReadonlyArray<string>): Promise<string> => {
            const store = createMemoryStore({ clock: () => new Date('2026-01-05T01:00:00.000Z') });
            for (const streamId of streams)
              rightOf(await store.append(streamId, [{ ...event('E', streamId), eventId: `fixed-${streamId}` }], 'no-stream'));
            return rightOf(await digestAsOf(store, 4)).digest;
          };
          expect(await writeIn(order)).toBe(await writeIn(['a-1', 'a-2', 'b-1', 'c-1']));
        }),
        { numRuns: 20 },
      );
    });
  });

  describe('proveDigest', () => {
    it('proves an untouched store, also after later appends (they are after the digest)', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      expect(rightOf(await proveDigest(store, digest))).toEqual({ _tag: 'DigestProven', digest });
      rightOf(await store.append('plan-a', [event('PlanRevised', { text: 'enam' })], 2));
      rightOf(await store.append('plan-c', [event('PlanDrafted', { text: 'tujuh' })], 'no-stream'));
      expect(rightOf(await proveDigest(store, digest))._tag).toBe('DigestProven');
    });

    it('FAILS when one byte of a past event was changed after the digest, naming the stream and version', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      tamperWithMemoryStore(store, 'plan-a', 1, (e) => ({ ...e, data: changeOneByteOfData(e.data) }));
      expect(rightOf(await proveDigest(store, digest))).toMatchObject({
        _tag: 'ChainBroken',
        digest,
        link: { streamId: 'plan-a', streamVersion: 1, problem: 'hash' },
      });
    });

    it('FAILS when a stream was rewritten with every hash recomputed, which verify alone cannot see', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      await rewriteStream(store, 'plan-a', 1, (e) => ({ ...e, data: { text: 'palsu' } }));
      // The forged chain is self-consistent…
      expect(rightOf(await verify(store))._tag).toBe('Intact');
      // …but its head is not the one the auditor holds.
      expect(rightOf(await proveDigest(store, digest))).toEqual({
        _tag: 'DigestMismatch',
        expected: digest,
        found: { upToPosition: 4, streams: 2, digest: expect.not.stringMatching(digest.digest) },
      });
    });

    it('FAILS when a head event was edited and rehashed in place', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      await rewriteStream(store, 'plan-b', 0, (e) => ({ ...e, metadata: { ...e.metadata, actor: { nip: '199001012015031001', role: 'appraiser' } } }));
      expect(rightOf(await verify(store))._tag).toBe('Intact');
      expect(rightOf(await proveDigest(store, digest))._tag).toBe('DigestMismatch');
    });

    it('FAILS against a digest the store never had (a different count of streams)', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      const claimed: LedgerDigest = { ...digest, streams: 3 };
      expect(rightOf(await proveDigest(store, claimed))._tag).toBe('DigestMismatch');
    });

    it('ignores changes after the digest position', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      rightOf(await store.append('plan-a', [event('PlanRevised', { text: 'enam' })], 2));
      tamperWithMemoryStore(store, 'plan-a', 3, (e) => ({ ...e, data: changeOneByteOfData(e.data) }));
      expect(rightOf(await proveDigest(store, digest))._tag).toBe('DigestProven');
      expect(rightOf(await verify(store))._tag).toBe('Broken');
    });

    it('is a Left Unavailable when the store cannot be read', async () => {
      const store = await seeded();
      const { digest } = rightOf(await recordDigest(store, auditMetadata));
      const down: EventStore = {
        ...store,
        // eslint-disable-next-line require-yield
        readAll: async function* () {
          throw { _tag: 'Unavailable', reason: 'connection lost' };
        },
      };
      expect(await proveDigest(down, digest)).toEqual({ _tag: 'Left', left: { _tag: 'Unavailable', reason: 'connection lost' } });
    });
  });

  describe('decodeLedgerDigest', () => {
    it('reads a digest an auditor kept as JSON, and names what is wrong with a bad one', () => {
      const kept = { upToPosition: 4, streams: 2, digest: 'ab' };
      expect(decodeLedgerDigest(JSON.parse(JSON.stringify(kept)))).toEqual({ _tag: 'Right', right: kept });
      expect(decodeLedgerDigest({ upToPosition: '4', streams: 2, digest: 'ab' })).toMatchObject({
        _tag: 'Left',
        left: [expect.stringContaining('upToPosition')],
      });
    });
  });

  describe('createLedgerPolicy', () => {
    const envelopes = (streamId: string, count: number): EventEnvelope[] =>
      Array.from({ length: count }, (_, i) => ({
        eventId: `${streamId}-${i}`,
        type: 'E',
        schemaVersion: 1,
        streamId,
        streamVersion: i,
        globalPosition: i + 1,
        data: null,
        metadata: { ...exampleMetadata(), recordedAt: '2026-01-05T01:00:00.000Z', prevHash: '', hash: '' },
      }));

    it('asks for a digest once `every` events have passed, and until a digest is seen', () => {
      const policy = createLedgerPolicy(3);
      expect(policy.observe(envelopes('plan-a', 2))).toBe(false);
      expect(policy.observe(envelopes('plan-b', 1))).toBe(true);
      expect(policy.observe([])).toBe(true);
      expect(policy.observe(envelopes(LEDGER_STREAM, 1))).toBe(false);
      expect(policy.observe(envelopes('plan-a', 2))).toBe(false);
      expect(policy.observe(envelopes('plan-a', 1))).toBe(true);
    });

    it('property: due exactly when the events since the last digest number at least `every`', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant<'digest'>('digest'))), (every, steps) => {
          const policy = createLedgerPolicy(every);
          let since = 0;
          for (const step of steps) {
            since = step === 'digest' ? 0 : since + step;
            expect(policy.observe(step === 'digest' ? envelopes(LEDGER_STREAM, 1) : envelopes('plan-a', step))).toBe(since >= every);
          }
        }),
      );
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses every = %s', (every) => {
      expect(() => createLedgerPolicy(every)).toThrow(RangeError);
    });
  });
});
