import * as fc from 'fast-check';
import { isLeft, type Either } from 'fp-ts/Either';
import { changeOneByteOfData } from './contract/contract.testkit';
import { exampleMetadata } from './contract/example-events.testkit';
import type { EventEnvelope, Json, NewEvent } from './envelope';
import { recomputeHash } from './integrity';
import { createMemoryStore, tamperWithMemoryStore } from './memory/memory-store';
import type { EventStore } from './port';
import { verify, type VerifyReport } from './verify';

const event = (type: string, data: Json): NewEvent => ({ type, schemaVersion: 1, data, metadata: exampleMetadata() });

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};

/** Recomputes an event's own hash after a change, as a careful forger would. */
const rehash = (envelope: EventEnvelope): EventEnvelope => ({ ...envelope, metadata: { ...envelope.metadata, hash: recomputeHash(envelope) } });

const seeded = async (): Promise<EventStore> => {
  const store = createMemoryStore({ clock: () => new Date('2026-01-05T01:00:00.000Z') });
  rightOf(await store.append('plan-a', [event('PlanDrafted', { text: 'satu' }), event('PlanSubmitted', { text: 'dua' })], 'no-stream'));
  rightOf(await store.append('plan-b', [event('PlanDrafted', { text: 'tiga' })], 'no-stream'));
  rightOf(await store.append('plan-a', [event('PlanApproved', { text: 'empat' })], 1));
  return store;
};

const verified = async (store: EventStore, stream?: string): Promise<VerifyReport> =>
  rightOf(await verify(store, stream === undefined ? {} : { stream }));

describe('verify', () => {
  describe('on a clean store', () => {
    it('reports every chain intact, with the events and streams it checked', async () => {
      const store = await seeded();
      expect(await verified(store)).toEqual({ _tag: 'Intact', eventsChecked: 4, streamsChecked: 2 });
      expect(await verified(store, 'plan-a')).toEqual({ _tag: 'Intact', eventsChecked: 3, streamsChecked: 1 });
    });

    it('passes on an empty store and on a missing stream', async () => {
      const store = createMemoryStore();
      expect(await verified(store)).toEqual({ _tag: 'Intact', eventsChecked: 0, streamsChecked: 0 });
      expect(await verified(store, 'nothing')).toEqual({ _tag: 'Intact', eventsChecked: 0, streamsChecked: 0 });
    });

    it('property: any sequence of appends verifies', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ stream: fc.constantFrom('a-1', 'a-2', 'b-1'), data: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 20 }),
          async (appends) => {
            const store = createMemoryStore();
            for (const { stream, data } of appends) rightOf(await store.append(stream, [event('E', data as Json)], 'any'));
            const report = await verified(store);
            expect(report).toEqual({ _tag: 'Intact', eventsChecked: appends.length, streamsChecked: new Set(appends.map((a) => a.stream)).size });
          },
        ),
      );
    });
  });

  describe('when the stored data was changed', () => {
    it('FAILS on one changed byte of data, naming the stream and version, with the stored and recomputed hash', async () => {
      const store = await seeded();
      const original = rightOf(await store.readStream('plan-a'))[1];
      tamperWithMemoryStore(store, 'plan-a', 1, (e) => ({ ...e, data: changeOneByteOfData(e.data) }));
      const tampered = rightOf(await store.readStream('plan-a'))[1];
      expect(tampered?.data).toEqual({ text: 'cua' });

      expect(await verified(store)).toEqual({
        _tag: 'Broken',
        link: { streamId: 'plan-a', streamVersion: 1, problem: 'hash', expected: tampered && recomputeHash(tampered), found: original?.metadata.hash },
        eventsChecked: 2,
        streamsChecked: 1,
      });
      expect(await verified(store, 'plan-a')).toMatchObject({ _tag: 'Broken', link: { streamId: 'plan-a', streamVersion: 1, problem: 'hash' } });
      expect(await verified(store, 'plan-b')).toMatchObject({ _tag: 'Intact' });
    });

    it('FAILS on a changed field of the metadata (who decided)', async () => {
      const store = await seeded();
      tamperWithMemoryStore(store, 'plan-b', 0, (e) => ({ ...e, metadata: { ...e.metadata, actor: { ...e.metadata.actor, nip: '199001012015031001' } } }));
      expect(await verified(store)).toMatchObject({ _tag: 'Broken', link: { streamId: 'plan-b', streamVersion: 0, problem: 'hash' } });
    });

    it('names the next event (prev-hash) when the changed event was rehashed', async () => {
      const store = await seeded();
      const changed = rightOf(await store.readStream('plan-a'))[0];
      tamperWithMemoryStore(store, 'plan-a', 0, (e) => rehash({ ...e, data: { text: 'palsu' } }));
      const rehashed = rightOf(await store.readStream('plan-a'))[0];
      expect(await verified(store)).toMatchObject({
        _tag: 'Broken',
        link: { streamId: 'plan-a', streamVersion: 1, problem: 'prev-hash', expected: rehashed?.metadata.hash, found: changed?.metadata.hash },
      });
    });

    it('names a version that does not follow (version-gap)', async () => {
      const store = await seeded();
      tamperWithMemoryStore(store, 'plan-a', 2, (e) => rehash({ ...e, streamVersion: 3 }));
      expect(await verified(store)).toMatchObject({
        _tag: 'Broken',
        link: { streamId: 'plan-a', streamVersion: 3, problem: 'version-gap', expected: '2', found: '3' },
      });
    });

    it('names a first event that does not chain from the stream genesis hash', async () => {
      const store = await seeded();
      tamperWithMemoryStore(store, 'plan-b', 0, (e) => rehash({ ...e, metadata: { ...e.metadata, prevHash: '0'.repeat(64) } }));
      expect(await verified(store)).toMatchObject({
        _tag: 'Broken',
        link: { streamId: 'plan-b', streamVersion: 0, problem: 'prev-hash', found: '0'.repeat(64) },
      });
    });

    it('reports the first broken link in global order when several are broken', async () => {
      const store = await seeded();
      tamperWithMemoryStore(store, 'plan-a', 2, (e) => ({ ...e, data: changeOneByteOfData(e.data) }));
      tamperWithMemoryStore(store, 'plan-b', 0, (e) => ({ ...e, data: changeOneByteOfData(e.data) }));
      expect(await verified(store)).toMatchObject({ _tag: 'Broken', link: { streamId: 'plan-b', streamVersion: 0 } });
    });

    it('property: changing one byte of any event is caught at exactly that event', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ stream: fc.constantFrom('a-1', 'a-2', 'b-1'), text: fc.string({ minLength: 1 }).map((s) => `t${s}`) }), {
            minLength: 1,
            maxLength: 12,
          }),
          fc.nat(),
          async (appends, pick) => {
            const store = createMemoryStore();
            const stored: EventEnvelope[] = [];
            for (const { stream, text } of appends)
              stored.push(...rightOf(await store.append(stream, [event('E', { text })], 'any')).events);
            const victim = stored[pick % stored.length];
            if (victim === undefined) throw new Error('no victim');
            tamperWithMemoryStore(store, victim.streamId, victim.streamVersion, (e) => ({ ...e, data: changeOneByteOfData(e.data) }));
            expect(await verified(store)).toMatchObject({
              _tag: 'Broken',
              link: { streamId: victim.streamId, streamVersion: victim.streamVersion, problem: 'hash' },
            });
          },
        ),
      );
    });
  });

  it('is a Left Unavailable when the store cannot be read', async () => {
    const store = await seeded();
    await store.close();
    expect(await verify(store)).toEqual({ _tag: 'Left', left: { _tag: 'Unavailable', reason: 'the memory store is closed' } });
    expect(await verify(store, { stream: 'plan-a' })).toMatchObject({ _tag: 'Left', left: { _tag: 'Unavailable' } });
  });

  it('turns an Unavailable thrown by an adapter from readAll into a Left', async () => {
    const inner = await seeded();
    const flaky: EventStore = {
      ...inner,
      readAll: async function* () {
        yield* inner.readAll(0);
        throw { _tag: 'Unavailable', reason: 'connection lost' };
      },
    };
    expect(await verify(flaky)).toEqual({ _tag: 'Left', left: { _tag: 'Unavailable', reason: 'connection lost' } });
  });
});
