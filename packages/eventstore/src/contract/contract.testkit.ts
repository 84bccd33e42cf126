/**
 * The EventStore contract: one jest suite that every adapter (memory, SQLite, EventStoreDB) runs, so that the
 * engine and the projections can rely on the port's words and not on one adapter's habits.
 *
 * How an adapter runs it, in its `*.int.spec.ts`:
 *
 * ```ts
 * describeEventStoreContract('sqlite', async ({ clock }) => {
 *   const store = await openSqliteStore({ path: ':memory:', clock });
 *   return { store, gapless: true, tamper: async (streamId, version) => ..., cleanup: () => store.close() };
 * });
 * ```
 *
 * - The factory is called before every test. It must stamp `recordedAt` with the `clock` it is given: the
 *   suite sets that clock to control as-of reads (it starts at 2026-01-05T01:00:00Z and only moves when a
 *   test moves it, so recordedAt is predictable everywhere).
 * - The suite never assumes an empty store: every test names its streams under a fresh prefix and reads the
 *   global log from the head position it saw when it started. A shared EventStoreDB server is fine; only the
 *   whole-store `verify` tests read everything, so everything in the store must have been written by an adapter.
 * - `gapless`: true when globalPositions are 1, 2, 3, … with no gaps (memory, SQLite); EventStoreDB's commit
 *   positions are only strictly increasing.
 * - `tamper`, when the backend allows editing behind the store's back, changes one byte of the stored `data`
 *   of one event (`changeOneByteOfJson` does it to a JSON text) without touching its hash; the suite then
 *   expects verify to name that event. Without it, the tamper tests pass without checking anything.
 *
 * What the suite holds every adapter to, beyond the port's comments:
 * - an append is all or nothing; a refused append changes nothing (no event, no position, no version);
 * - an empty append is `InvalidAppend`; an append over 1 MiB of JSON is `TooLarge`;
 * - an event id is never stored twice, in any stream: re-appending it is `DuplicateEventId` (or a
 *   `VersionConflict` when the expected version is already stale), also within one append;
 * - read back, an envelope equals the one the append returned, field for field: `basis` absent stays absent,
 *   numbers, unicode text and nesting of `data` come back exactly;
 * - `readStream` with `direction: 'backwards'` starts at `from` (default: the last event) and stops at `to`
 *   (the lower bound); `asOfRecordedAt` applies first (the stream as it stood then), the window after;
 * - `readAll` results do not depend on `batchSize`; filters combine (type AND stream prefix);
 * - a subscription delivers the stored events after its position, then each committed one, and `close()`
 *   resolves a waiting `next()` with `done`; breaking out of `for await` closes it.
 */
import * as fc from 'fast-check';
import { isLeft, type Either } from 'fp-ts/Either';
import { EventEnvelopeCodec, type EventEnvelope, type Json, type NewEvent, type NewEventMetadata } from '../envelope';
import { recomputeHash, streamGenesisHash } from '../integrity';
import type { AppendError, AppendResult, EventStore, ExpectedVersion, ReadAllOptions, StreamVersion } from '../port';
import { decodeEvent } from '../upcasting';
import { verify } from '../verify';
import { exampleMetadata, exampleRegistry, feedbackV1, feedbackV2 } from './example-events.testkit';

export type ContractSubject = Readonly<{
  store: EventStore;
  /** Changes one byte of the stored `data` of one event, behind the store's back; absent when impossible. */
  tamper?: (streamId: string, streamVersion: number) => Promise<void>;
  /** True when globalPositions are 1-based and gapless. */
  gapless: boolean;
  /**
   * False when the store can refuse a repeated event id only within its stream (EventStoreDB has no index by
   * event id). The engine derives ids from the command id and always sends a command to one stream, so a retry
   * is still caught; the suite then pins the difference: the append to another stream succeeds. Default true.
   */
  eventIdsUniqueAcrossStreams?: boolean;
  /** Closes the store and removes what the factory created. */
  cleanup: () => Promise<void>;
}>;

export type ContractFactoryOptions = Readonly<{
  /** The store must stamp `recordedAt` with this clock. */
  clock: () => Date;
}>;

export type ContractOptions = Readonly<{
  /** Runs of each fast-check property; 30 by default. */
  numRuns?: number;
  /** Per test, in ms; 20 000 by default. */
  timeoutMs?: number;
  /** How long a subscription must stay quiet to count as waiting, and how long to wait for a live event. */
  liveWaitMs?: number;
}>;

/**
 * Changes one byte of a JSON text and keeps it valid JSON of the same length: the first ASCII letter or digit
 * of a string value (escapes left alone), else the first digit of a number, else the first letter or digit of
 * a key. Throws when there is none (`null`, `true`, `[]`): the suite only tampers with data that has text.
 */
export const changeOneByteOfJson = (json: string): string => {
  const replace = (i: number): string => {
    const c = json[i] ?? '';
    // Never a '0' for a digit: "05" is not JSON. Letters stay letters.
    const next = /[0-9]/.test(c) ? (c === '1' ? '2' : '1') : c === 'a' ? 'b' : c === 'A' ? 'B' : String.fromCharCode(c.charCodeAt(0) - 1);
    return `${json.slice(0, i)}${next}${json.slice(i + 1)}`;
  };
  let valueAt: number | undefined;
  let keyAt: number | undefined;
  let digitAt: number | undefined;
  for (let i = 0; i < json.length && valueAt === undefined; i++) {
    if (json[i] === '"') {
      let candidate: number | undefined;
      let j = i + 1;
      for (; j < json.length && json[j] !== '"'; j++) {
        if (json[j] === '\\') j += json[j + 1] === 'u' ? 5 : 1;
        else if (candidate === undefined && /[A-Za-z0-9]/.test(json[j] ?? '')) candidate = j;
      }
      const colon = /\s*:/y;
      colon.lastIndex = j + 1;
      const isKey = colon.test(json);
      if (isKey) keyAt ??= candidate;
      else valueAt = candidate;
      i = j;
    } else if (/[0-9]/.test(json[i] ?? '')) digitAt ??= i;
  }
  const chosen = valueAt ?? digitAt ?? keyAt;
  if (chosen === undefined) throw new Error(`changeOneByteOfJson: nothing to change in ${json}`);
  return replace(chosen);
};

/** `changeOneByteOfJson` on parsed data. */
export const changeOneByteOfData = (data: Json): Json => JSON.parse(changeOneByteOfJson(JSON.stringify(data))) as Json;

const START = Date.parse('2026-01-05T01:00:00.000Z');

const show = (value: unknown): string => JSON.stringify(value, null, 2) ?? String(value);

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got Left:\n${show(either.left)}`);
  return either.right;
};

const leftOf = <E, A>(either: Either<E, A>): E => {
  if (!isLeft(either)) throw new Error(`expected Left, got Right:\n${show(either.right)}`);
  return either.left;
};

const collect = async <A>(iterable: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = [];
  for await (const a of iterable) out.push(a);
  return out;
};

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT when it takes longer than `ms`. */
const within = async <A>(promise: Promise<A>, ms: number): Promise<A | typeof TIMED_OUT> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

let namespaceCounter = 0;
/** A fresh stream-id prefix: lower-case, category-like, unique across runs against a shared server. */
const freshNamespace = (): string => {
  namespaceCounter += 1;
  return `k${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}n${namespaceCounter}`;
};

const event = (type: string, data: Json, extra: Partial<Pick<NewEvent, 'eventId'>> & { metadata?: NewEventMetadata } = {}): NewEvent => ({
  ...(extra.eventId === undefined ? {} : { eventId: extra.eventId }),
  type,
  schemaVersion: 1,
  data,
  metadata: extra.metadata ?? exampleMetadata(),
});

const positionsOf = (events: ReadonlyArray<EventEnvelope>): number[] => events.map((e) => e.globalPosition);

const expectStrictlyIncreasing = (positions: ReadonlyArray<number>): void => {
  for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1] ?? Number.NaN);
};

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

export const describeEventStoreContract = (
  name: string,
  factory: (options: ContractFactoryOptions) => Promise<ContractSubject>,
  options: ContractOptions = {},
): void => {
  const numRuns = options.numRuns ?? 30;
  const liveWaitMs = options.liveWaitMs ?? 50;

  describe(`EventStore contract: ${name}`, () => {
    let now = START;
    const clock = (): Date => new Date(now);
    const setClock = (iso: string): void => {
      now = Date.parse(iso);
    };

    let subject: ContractSubject;
    let store: EventStore;
    let ns: string;

    const head = async (): Promise<number> => rightOf(await store.headPosition());
    const read = async (streamId: string, readOptions?: Parameters<EventStore['readStream']>[1]): Promise<ReadonlyArray<EventEnvelope>> =>
      rightOf(await store.readStream(streamId, readOptions));
    const appendOk = async (streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedVersion = 'any'): Promise<AppendResult> =>
      rightOf(await store.append(streamId, events, expected));
    const appendFails = async (streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedVersion): Promise<AppendError> =>
      leftOf(await store.append(streamId, events, expected));
    const readAllFrom = async (from: number, readOptions: ReadAllOptions = {}): Promise<EventEnvelope[]> =>
      collect(store.readAll(from, readOptions));
    /** The stream and head position must be as they were: a refused append leaves no trace. */
    const expectUnchanged = async (streamId: string, before: ReadonlyArray<EventEnvelope>, headBefore: number): Promise<void> => {
      expect(await read(streamId)).toEqual(before);
      expect(await head()).toBe(headBefore);
    };

    beforeEach(async () => {
      now = START;
      subject = await factory({ clock });
      store = subject.store;
      ns = freshNamespace();
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    jest.setTimeout(options.timeoutMs ?? 20_000);

    describe('append and readStream', () => {
      it('round trip: reads back exactly the envelopes the append returned, chained and hashed', async () => {
        const streamId = `${ns}plan-1`;
        const basis = { ruleBook: 'permenpanrb-6-2022@1', articles: ['BR-10', 'PP 30/2019 Ps 59'], inputs: ['e-0'] };
        const data = {
          title: 'Évaluasi kinerja — triwulan I ✓ 😀',
          score: 87.25,
          negative: -3,
          big: 9007199254740991,
          tiny: 1e-7,
          flags: [true, false, null],
          nested: { empty: {}, list: [], deeper: { a: [1, [2, [3]]] } },
        };
        setClock('2026-01-05T02:00:00.000Z');
        const first = await appendOk(
          streamId,
          [
            event('PlanDrafted', data, { eventId: `${ns}-e1`, metadata: exampleMetadata({ basis }) }),
            event('PlanSubmitted', { note: '' }),
          ],
          'no-stream',
        );
        setClock('2026-01-05T03:00:00.000Z');
        const second = await appendOk(streamId, [event('PlanApproved', { by: 'kepala dinas' })], 1);

        const stored = await read(streamId);
        expect(stored).toEqual([...first.events, ...second.events]);
        expect(first.nextExpectedVersion).toBe(1);
        expect(second.nextExpectedVersion).toBe(2);
        expect(second.lastPosition).toBe(stored[2]?.globalPosition);
        expect(await head()).toBe(second.lastPosition);

        const [e0, e1, e2] = stored;
        expect(e0).toMatchObject({ eventId: `${ns}-e1`, type: 'PlanDrafted', schemaVersion: 1, streamId, streamVersion: 0, data });
        expect(e0?.metadata).toEqual({
          ...exampleMetadata({ basis }),
          recordedAt: '2026-01-05T02:00:00.000Z',
          prevHash: streamGenesisHash(streamId),
          hash: e0?.metadata.hash,
        });
        expect(e1?.metadata.recordedAt).toBe('2026-01-05T02:00:00.000Z');
        expect(e2?.metadata.recordedAt).toBe('2026-01-05T03:00:00.000Z');
        // Absent stays absent: `basis: undefined` or `null` would change the hash.
        expect(e1 !== undefined && 'basis' in e1.metadata).toBe(false);
        expect(e1?.metadata.prevHash).toBe(e0?.metadata.hash);
        expect(e2?.metadata.prevHash).toBe(e1?.metadata.hash);
        for (const e of stored) {
          expect(recomputeHash(e)).toBe(e.metadata.hash);
          // Plain envelopes, no extra fields: the codec (which strips unknown fields) gives the same value.
          expect(rightOf(EventEnvelopeCodec.decode(e))).toEqual(e);
        }
        expect(rightOf(await verify(store, { stream: streamId }))).toEqual({ _tag: 'Intact', eventsChecked: 3, streamsChecked: 1 });
      });

      it('gives each event without an id a unique one', async () => {
        const result = await appendOk(`${ns}-a`, [event('A', 1), event('A', 2), event('A', 3)], 'no-stream');
        const ids = result.events.map((e) => e.eventId);
        for (const id of ids) expect(id).toEqual(expect.any(String));
        expect(new Set(ids).size).toBe(3);
        expect(ids.every((id) => id.length > 0)).toBe(true);
      });

      it('reads a missing stream as empty', async () => {
        expect(await read(`${ns}-missing`)).toEqual([]);
      });

      it('reads a window: from, to, maxCount, forwards and backwards', async () => {
        const streamId = `${ns}-w`;
        await appendOk(streamId, range(0, 6).map((i) => event('E', i)), 'no-stream');
        const versions = (events: ReadonlyArray<EventEnvelope>): number[] => events.map((e) => e.streamVersion);
        expect(versions(await read(streamId))).toEqual([0, 1, 2, 3, 4, 5]);
        expect(versions(await read(streamId, { from: 2 }))).toEqual([2, 3, 4, 5]);
        expect(versions(await read(streamId, { from: 2, to: 4 }))).toEqual([2, 3, 4]);
        expect(versions(await read(streamId, { to: 1 }))).toEqual([0, 1]);
        expect(versions(await read(streamId, { from: 1, maxCount: 2 }))).toEqual([1, 2]);
        expect(versions(await read(streamId, { from: 6 }))).toEqual([]);
        expect(versions(await read(streamId, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1, 0]);
        expect(versions(await read(streamId, { direction: 'backwards', maxCount: 1 }))).toEqual([5]);
        expect(versions(await read(streamId, { direction: 'backwards', from: 3 }))).toEqual([3, 2, 1, 0]);
        expect(versions(await read(streamId, { direction: 'backwards', from: 4, to: 2 }))).toEqual([4, 3, 2]);
        expect(versions(await read(streamId, { direction: 'backwards', from: 4, maxCount: 2 }))).toEqual([4, 3]);
        expect(versions(await read(streamId, { maxCount: 0 }))).toEqual([]);
      });
    });

    describe('expected version', () => {
      it("'no-stream' creates a new stream", async () => {
        const result = await appendOk(`${ns}-s`, [event('A', 1), event('B', 2)], 'no-stream');
        expect(result.nextExpectedVersion).toBe(1);
        expect(result.events.map((e) => e.streamVersion)).toEqual([0, 1]);
      });

      it("'no-stream' on an existing stream is a VersionConflict with the actual version, and changes nothing", async () => {
        const streamId = `${ns}-s`;
        await appendOk(streamId, [event('A', 1), event('B', 2)], 'no-stream');
        const before = await read(streamId);
        const headBefore = await head();
        expect(await appendFails(streamId, [event('C', 3)], 'no-stream')).toEqual({
          _tag: 'VersionConflict',
          streamId,
          expected: 'no-stream',
          actual: 1,
        });
        await expectUnchanged(streamId, before, headBefore);
      });

      it('the exact current version appends', async () => {
        const streamId = `${ns}-s`;
        await appendOk(streamId, [event('A', 1)], 'no-stream');
        const result = await appendOk(streamId, [event('B', 2), event('C', 3)], 0);
        expect(result.nextExpectedVersion).toBe(2);
        expect((await read(streamId)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it.each([0, 1, 3, 10])('a wrong exact version (%i, actual 2) is a VersionConflict with the actual version', async (expected) => {
        const streamId = `${ns}-s`;
        await appendOk(streamId, [event('A', 1), event('B', 2), event('C', 3)], 'no-stream');
        const before = await read(streamId);
        const headBefore = await head();
        expect(await appendFails(streamId, [event('D', 4)], expected)).toEqual({ _tag: 'VersionConflict', streamId, expected, actual: 2 });
        await expectUnchanged(streamId, before, headBefore);
      });

      it("an exact version on a missing stream is a VersionConflict with actual 'no-stream'", async () => {
        const streamId = `${ns}-s`;
        expect(await appendFails(streamId, [event('A', 1)], 0)).toEqual({
          _tag: 'VersionConflict',
          streamId,
          expected: 0,
          actual: 'no-stream',
        });
        expect(await read(streamId)).toEqual([]);
      });

      it("'any' appends to a new and to an existing stream", async () => {
        const streamId = `${ns}-s`;
        expect((await appendOk(streamId, [event('A', 1)], 'any')).nextExpectedVersion).toBe(0);
        expect((await appendOk(streamId, [event('B', 2)], 'any')).nextExpectedVersion).toBe(1);
        expect((await read(streamId)).map((e) => e.streamVersion)).toEqual([0, 1]);
      });

      it('50 concurrent appends expecting the version they all read: one wins, 49 get a VersionConflict naming the winner', async () => {
        const streamId = `${ns}-race`;
        await appendOk(streamId, [event('Opened', 0)], 'no-stream');
        const seen = await Promise.all(range(0, 50).map(async () => (await read(streamId, { direction: 'backwards', maxCount: 1 }))[0]?.streamVersion ?? -1));
        const results = await Promise.all(
          range(0, 50).map((i) => store.append(streamId, [event('Raced', i, { eventId: `${ns}-r${i}` })], seen[i] ?? 0)),
        );
        const winners = results.filter((r) => !isLeft(r));
        const losers = results.flatMap((r) => (isLeft(r) ? [r.left] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(49);
        for (const loser of losers) expect(loser).toEqual({ _tag: 'VersionConflict', streamId, expected: 0, actual: 1 });
        expect((await read(streamId)).map((e) => e.streamVersion)).toEqual([0, 1]);
      });

      it('50 concurrent writers, each retrying with the version it read: one winner per version, no event lost', async () => {
        const streamId = `${ns}-race`;
        const outcomes = await Promise.all(
          range(0, 50).map(async (writer) => {
            const conflicts: Array<{ expected: ExpectedVersion; actual: StreamVersion }> = [];
            for (let attempt = 0; attempt < 60; attempt++) {
              const last = (await read(streamId, { direction: 'backwards', maxCount: 1 }))[0];
              const expected: ExpectedVersion = last === undefined ? 'no-stream' : last.streamVersion;
              const result = await store.append(streamId, [event('Written', writer, { eventId: `${ns}-w${writer}` })], expected);
              if (!isLeft(result)) return { writer, version: result.right.nextExpectedVersion, conflicts };
              if (result.left._tag !== 'VersionConflict') throw new Error(`writer ${writer}: ${show(result.left)}`);
              conflicts.push({ expected: result.left.expected, actual: result.left.actual });
            }
            throw new Error(`writer ${writer} never won`);
          }),
        );
        // One winner per version: the winning versions are exactly 0..49.
        expect(outcomes.map((o) => o.version).sort((a, b) => a - b)).toEqual(range(0, 50));
        // Every conflict names a version that was really there, past the one expected.
        for (const { expected, actual } of outcomes.flatMap((o) => o.conflicts)) {
          expect(actual).not.toBe('no-stream');
          expect(typeof actual === 'number' && actual <= 49).toBe(true);
          if (typeof expected === 'number' && typeof actual === 'number') expect(actual).toBeGreaterThan(expected);
        }
        // No event lost, none twice, in the order the versions were won.
        const stored = await read(streamId);
        expect(stored.map((e) => e.streamVersion)).toEqual(range(0, 50));
        const writerAt = new Map(outcomes.map((o) => [o.version, o.writer]));
        expect(stored.map((e) => e.data)).toEqual(range(0, 50).map((v) => writerAt.get(v)));
        expect(rightOf(await verify(store, { stream: streamId }))._tag).toBe('Intact');
      });

      it('property: for any sequence of appends with any expected versions, the store agrees with a model', async () => {
        const expectedArb = fc.oneof(
          fc.constant<'current'>('current'),
          fc.constant<ExpectedVersion>('no-stream'),
          fc.constant<ExpectedVersion>('any'),
          fc.integer({ min: 0, max: 4 }),
        );
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.record({ stream: fc.integer({ min: 0, max: 2 }), expected: expectedArb, count: fc.integer({ min: 1, max: 3 }) }), {
              minLength: 1,
              maxLength: 12,
            }),
            async (steps) => {
              const prefix = freshNamespace();
              const model = new Map<string, number>();
              for (const step of steps) {
                const streamId = `${prefix}-${step.stream}`;
                const actual: StreamVersion = model.get(streamId) ?? 'no-stream';
                const expected: ExpectedVersion = step.expected === 'current' ? actual : step.expected;
                const result = await store.append(streamId, range(0, step.count).map((i) => event('P', i)), expected);
                if (expected === 'any' || expected === actual) {
                  const appended = rightOf(result);
                  const next = (typeof actual === 'number' ? actual : -1) + step.count;
                  expect(appended.nextExpectedVersion).toBe(next);
                  model.set(streamId, next);
                } else expect(leftOf(result)).toEqual({ _tag: 'VersionConflict', streamId, expected, actual });
              }
              for (const [streamId, version] of model) {
                expect((await read(streamId)).map((e) => e.streamVersion)).toEqual(range(0, version + 1));
                expect(rightOf(await verify(store, { stream: streamId }))._tag).toBe('Intact');
              }
            },
          ),
          { numRuns },
        );
      });
    });

    describe('event ids: never stored twice', () => {
      const twoEvents = (): NewEvent[] => [event('A', 1, { eventId: `${ns}-id1` }), event('B', 2, { eventId: `${ns}-id2` })];

      it('a retry with the same expected version is refused (DuplicateEventId or VersionConflict) and stores nothing', async () => {
        const streamId = `${ns}-s`;
        await appendOk(streamId, twoEvents(), 'no-stream');
        const before = await read(streamId);
        const headBefore = await head();
        const error = await appendFails(streamId, twoEvents(), 'no-stream');
        expect(['DuplicateEventId', 'VersionConflict']).toContain(error._tag);
        await expectUnchanged(streamId, before, headBefore);
      });

      it("a retry with 'any' is a DuplicateEventId naming the id, and stores nothing", async () => {
        const streamId = `${ns}-s`;
        await appendOk(streamId, twoEvents(), 'no-stream');
        const before = await read(streamId);
        const headBefore = await head();
        expect(await appendFails(streamId, twoEvents(), 'any')).toEqual({ _tag: 'DuplicateEventId', eventId: `${ns}-id1` });
        await expectUnchanged(streamId, before, headBefore);
      });

      it('an id already stored in another stream is a DuplicateEventId; the other stream is not created', async () => {
        await appendOk(`${ns}-s`, twoEvents(), 'no-stream');
        if (subject.eventIdsUniqueAcrossStreams === false) {
          // Documented limit of this store: ids are unique per stream only.
          await appendOk(`${ns}-other`, [event('B', 2, { eventId: `${ns}-id2` })], 'no-stream');
          return;
        }
        const headBefore = await head();
        expect(await appendFails(`${ns}-other`, [event('B', 2, { eventId: `${ns}-id2` })], 'no-stream')).toEqual({
          _tag: 'DuplicateEventId',
          eventId: `${ns}-id2`,
        });
        await expectUnchanged(`${ns}-other`, [], headBefore);
      });

      it('an append with one new and one stored id is refused whole', async () => {
        const streamId = `${ns}-s`;
        await appendOk(streamId, twoEvents(), 'no-stream');
        const before = await read(streamId);
        const headBefore = await head();
        const mixed = [event('C', 3, { eventId: `${ns}-id3` }), event('A', 1, { eventId: `${ns}-id1` })];
        expect(await appendFails(streamId, mixed, 1)).toEqual({ _tag: 'DuplicateEventId', eventId: `${ns}-id1` });
        await expectUnchanged(streamId, before, headBefore);
        // The new id was not consumed by the refused append.
        expect((await appendOk(streamId, [event('C', 3, { eventId: `${ns}-id3` })], 1)).events[0]?.eventId).toBe(`${ns}-id3`);
      });

      it('the same id twice in one append is a DuplicateEventId', async () => {
        const streamId = `${ns}-s`;
        const headBefore = await head();
        const twice = [event('A', 1, { eventId: `${ns}-x` }), event('B', 2, { eventId: `${ns}-x` })];
        expect(await appendFails(streamId, twice, 'no-stream')).toEqual({ _tag: 'DuplicateEventId', eventId: `${ns}-x` });
        await expectUnchanged(streamId, [], headBefore);
      });
    });

    describe('refused appends', () => {
      it('an empty append is InvalidAppend', async () => {
        const headBefore = await head();
        expect((await appendFails(`${ns}-s`, [], 'any'))._tag).toBe('InvalidAppend');
        expect((await appendFails(`${ns}-s`, [], 'no-stream'))._tag).toBe('InvalidAppend');
        await expectUnchanged(`${ns}-s`, [], headBefore);
      });

      it('an append over 1 MiB is TooLarge and stores nothing', async () => {
        const headBefore = await head();
        const error = await appendFails(`${ns}-s`, [event('Big', 'x'.repeat(1024 * 1024 + 1))], 'no-stream');
        expect(error).toEqual({ _tag: 'TooLarge', limitBytes: expect.any(Number), sizeBytes: expect.any(Number) });
        if (error._tag === 'TooLarge') expect(error.sizeBytes).toBeGreaterThan(error.limitBytes);
        await expectUnchanged(`${ns}-s`, [], headBefore);
      });
    });

    describe('global order: readAll', () => {
      /** Six events over three streams of two categories, interleaved; returned in append order. */
      const interleaved = async (): Promise<EventEnvelope[]> => {
        const appended: EventEnvelope[] = [];
        appended.push(...(await appendOk(`${ns}plan-1`, [event('PlanDrafted', 1)])).events);
        appended.push(...(await appendOk(`${ns}objection-1`, [event('ObjectionFiled', 2)])).events);
        appended.push(...(await appendOk(`${ns}plan-2`, [event('PlanDrafted', 3), event('PlanSubmitted', 4)])).events);
        appended.push(...(await appendOk(`${ns}plan-1`, [event('PlanSubmitted', 5)])).events);
        appended.push(...(await appendOk(`${ns}objection-1`, [event('ObjectionUpheld', 6)])).events);
        return appended;
      };

      it('yields every event after a position, in append order, positions strictly increasing', async () => {
        const from = await head();
        const appended = await interleaved();
        const all = await readAllFrom(from);
        expect(all).toEqual(appended);
        expectStrictlyIncreasing(positionsOf(all));
        if (subject.gapless) expect(positionsOf(all)).toEqual(range(from + 1, 6));
        expect(await head()).toBe(all[all.length - 1]?.globalPosition);
        // Positions agree with what readStream gives.
        const plan2 = await read(`${ns}plan-2`);
        expect(positionsOf(plan2)).toEqual(positionsOf(all.filter((e) => e.streamId === `${ns}plan-2`)));
      });

      it('starts after the given position', async () => {
        const from = await head();
        const appended = await interleaved();
        const third = appended[2];
        expect(await readAllFrom(third?.globalPosition ?? Number.NaN)).toEqual(appended.slice(3));
        expect(await readAllFrom(appended[5]?.globalPosition ?? Number.NaN)).toEqual([]);
        expect((await readAllFrom(from)).length).toBe(6);
      });

      it.each([1, 2, 3, 500])('gives the same events whatever the batch size (%i)', async (batchSize) => {
        const from = await head();
        const appended = await interleaved();
        expect(await readAllFrom(from, { batchSize })).toEqual(appended);
        expect(await readAllFrom(from, { batchSize, filter: { types: ['PlanSubmitted'] } })).toEqual(
          appended.filter((e) => e.type === 'PlanSubmitted'),
        );
      });

      it('filters by type, by stream prefix (a category), and by both', async () => {
        const from = await head();
        const appended = await interleaved();
        expect(await readAllFrom(from, { filter: { types: ['PlanDrafted', 'ObjectionUpheld'] } })).toEqual(
          appended.filter((e) => e.type === 'PlanDrafted' || e.type === 'ObjectionUpheld'),
        );
        expect(await readAllFrom(from, { filter: { streamPrefixes: [`${ns}objection-`] } })).toEqual(
          appended.filter((e) => e.streamId.startsWith(`${ns}objection-`)),
        );
        expect(await readAllFrom(from, { filter: { streamPrefixes: [`${ns}plan-1`, `${ns}objection-`] } })).toEqual(
          appended.filter((e) => e.streamId === `${ns}plan-1` || e.streamId.startsWith(`${ns}objection-`)),
        );
        expect(await readAllFrom(from, { filter: { types: ['PlanSubmitted'], streamPrefixes: [`${ns}plan-2`] } })).toEqual(
          appended.filter((e) => e.type === 'PlanSubmitted' && e.streamId === `${ns}plan-2`),
        );
      });

      it('property: for any appends to several streams, readAll gives them in order with increasing (gapless: consecutive) positions, and every stream verifies', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.record({ stream: fc.integer({ min: 0, max: 3 }), data: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 }) }), {
              minLength: 1,
              maxLength: 15,
            }),
            fc.integer({ min: 1, max: 8 }),
            async (appends, batchSize) => {
              const prefix = freshNamespace();
              const from = await head();
              const appended: EventEnvelope[] = [];
              for (const { stream, data } of appends)
                appended.push(...(await appendOk(`${prefix}-${stream}`, data.map((d) => event('Any', d as Json)))).events);
              // Data comes back as JSON gives it back (JSON.parse turns -0 into 0).
              expect(appended.map((e) => e.data)).toEqual(appends.flatMap((a) => a.data.map((d) => JSON.parse(JSON.stringify(d)) as Json)));
              const all = await readAllFrom(from, { batchSize, filter: { streamPrefixes: [`${prefix}-`] } });
              expect(all).toEqual(appended);
              expectStrictlyIncreasing(positionsOf(all));
              if (subject.gapless) expect(positionsOf(all)).toEqual(range(from + 1, appended.length));
              for (const streamId of new Set(all.map((e) => e.streamId))) {
                expect(await read(streamId)).toEqual(all.filter((e) => e.streamId === streamId));
                expect(rightOf(await verify(store, { stream: streamId }))._tag).toBe('Intact');
              }
            },
          ),
          { numRuns },
        );
      });
    });

    describe('subscribe', () => {
      it('catches up, then goes live: an append after subscribing reaches the waiting subscriber; close ends it', async () => {
        const from = await head();
        const streamId = `${ns}-s`;
        const stored = (await appendOk(streamId, [event('A', 1), event('B', 2), event('C', 3)], 'no-stream')).events;
        const subscription = store.subscribe(from, { filter: { streamPrefixes: [ns] } });
        const iterator = subscription[Symbol.asyncIterator]();
        for (const expected of stored) expect(await iterator.next()).toEqual({ done: false, value: expected });

        const waiting = iterator.next();
        expect(await within(waiting, liveWaitMs)).toBe(TIMED_OUT);
        const live = (await appendOk(streamId, [event('D', 4)], 2)).events[0];
        expect(await within(waiting, 5000)).toEqual({ done: false, value: live });

        await subscription.close();
        expect(await within(iterator.next(), 5000)).toEqual(expect.objectContaining({ done: true }));
      });

      it('close() resolves a waiting next() with done', async () => {
        const subscription = store.subscribe(await head(), { filter: { streamPrefixes: [ns] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const waiting = iterator.next();
        expect(await within(waiting, liveWaitMs)).toBe(TIMED_OUT);
        await subscription.close();
        expect(await within(waiting, 5000)).toEqual(expect.objectContaining({ done: true }));
      });

      it('starts after the given position and honours a type filter, live too', async () => {
        const streamId = `${ns}-s`;
        const stored = (await appendOk(streamId, [event('A', 1), event('B', 2), event('A', 3), event('B', 4)], 'no-stream')).events;
        const subscription = store.subscribe(stored[0]?.globalPosition ?? Number.NaN, {
          filter: { types: ['A'], streamPrefixes: [ns] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        expect(await iterator.next()).toEqual({ done: false, value: stored[2] });
        const waiting = iterator.next();
        await appendOk(streamId, [event('B', 5)], 3);
        expect(await within(waiting, liveWaitMs)).toBe(TIMED_OUT);
        const live = (await appendOk(streamId, [event('A', 6)], 4)).events[0];
        expect(await within(waiting, 5000)).toEqual({ done: false, value: live });
        await subscription.close();
      });

      it('serves concurrent next() calls with consecutive events, and ends when for-await breaks', async () => {
        const from = await head();
        const subscription = store.subscribe(from, { filter: { streamPrefixes: [ns] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const [first, second] = [iterator.next(), iterator.next()];
        const stored = (await appendOk(`${ns}-s`, [event('A', 1), event('B', 2)], 'no-stream')).events;
        expect(await within(Promise.all([first, second]), 5000)).toEqual([
          { done: false, value: stored[0] },
          { done: false, value: stored[1] },
        ]);
        await subscription.close();

        const again = store.subscribe(from, { filter: { streamPrefixes: [ns] } });
        const seen: EventEnvelope[] = [];
        for await (const e of again) {
          seen.push(e);
          if (seen.length === 1) break;
        }
        expect(seen).toEqual([stored[0]]);
        // Breaking out closed it: a further next() is done at once, even though an event is waiting.
        expect(await within(again[Symbol.asyncIterator]().next(), 5000)).toEqual(expect.objectContaining({ done: true }));
      });
    });

    describe('upcasting events read back from the store', () => {
      it('decodes v1 (upcast) and v2 events to the current version; unknown types and versions are named errors', async () => {
        const streamId = `${ns}-feedback`;
        await appendOk(
          streamId,
          [
            feedbackV1({ nip: '198503152010011002', text: 'Kerja bagus' }),
            feedbackV2({ nip: '198503152010011002', text: 'Good work', language: 'en' }),
            { ...feedbackV2({ nip: '198503152010011002', text: '?', language: 'en' }), schemaVersion: 3 },
            event('FeedbackRetracted', { reason: 'typo' }),
            { ...event('FeedbackGiven', { nip: '198503152010011002' }), schemaVersion: 1 },
          ],
          'no-stream',
        );
        const decoded = (await read(streamId)).map((e) => decodeEvent(exampleRegistry, e));
        const at = (i: number) => {
          const result = decoded[i];
          if (result === undefined) throw new Error(`no event ${i}`);
          return result;
        };
        expect(rightOf(at(0))).toMatchObject({
          type: 'FeedbackGiven',
          data: { nip: '198503152010011002', text: 'Kerja bagus', language: 'id' },
          envelope: { schemaVersion: 1 },
        });
        expect(rightOf(at(1))).toMatchObject({ type: 'FeedbackGiven', data: { text: 'Good work', language: 'en' }, envelope: { schemaVersion: 2 } });
        expect(leftOf(at(2))).toMatchObject({ _tag: 'UnknownSchemaVersion', type: 'FeedbackGiven', schemaVersion: 3, currentVersion: 2 });
        expect(leftOf(at(3))).toMatchObject({ _tag: 'UnknownEventType', type: 'FeedbackRetracted', streamId, streamVersion: 3 });
        expect(leftOf(at(4))).toMatchObject({ _tag: 'InvalidEventData', type: 'FeedbackGiven', schemaVersion: 1 });
      });
    });

    describe('as-of reads', () => {
      it('reads a stream as it stood at an instant, by recordedAt', async () => {
        const streamId = `${ns}-s`;
        setClock('2026-01-05T02:00:00.000Z');
        await appendOk(streamId, [event('A', 1), event('B', 2)], 'no-stream');
        setClock('2026-01-06T02:00:00.000Z');
        await appendOk(streamId, [event('C', 3)], 1);
        setClock('2026-01-07T02:00:00.000Z');
        await appendOk(streamId, [event('D', 4)], 2);
        const typesAsOf = async (iso: string, extra: Parameters<EventStore['readStream']>[1] = {}): Promise<string[]> =>
          (await read(streamId, { ...extra, asOfRecordedAt: new Date(iso) })).map((e) => e.type);

        expect((await read(streamId)).map((e) => e.metadata.recordedAt)).toEqual([
          '2026-01-05T02:00:00.000Z',
          '2026-01-05T02:00:00.000Z',
          '2026-01-06T02:00:00.000Z',
          '2026-01-07T02:00:00.000Z',
        ]);
        expect(await typesAsOf('2026-01-05T01:59:59.999Z')).toEqual([]);
        expect(await typesAsOf('2026-01-05T02:00:00.000Z')).toEqual(['A', 'B']);
        expect(await typesAsOf('2026-01-06T01:59:59.999Z')).toEqual(['A', 'B']);
        expect(await typesAsOf('2026-01-06T02:00:00.000Z')).toEqual(['A', 'B', 'C']);
        expect(await typesAsOf('2026-01-06T12:00:00.000+07:00')).toEqual(['A', 'B', 'C']);
        expect(await typesAsOf('2030-01-01T00:00:00.000Z')).toEqual(['A', 'B', 'C', 'D']);
        // "The last event" backwards is the last one as of then.
        expect(await typesAsOf('2026-01-06T02:00:00.000Z', { direction: 'backwards', maxCount: 1 })).toEqual(['C']);
        expect(await typesAsOf('2026-01-06T02:00:00.000Z', { from: 1 })).toEqual(['B', 'C']);
      });
    });

    describe('integrity', () => {
      const twoStreams = async (): Promise<void> => {
        await appendOk(`${ns}-a`, [event('A', { text: 'satu' }), event('A', { text: 'dua' }), event('A', { text: 'tiga' })], 'no-stream');
        await appendOk(`${ns}-b`, [event('B', { text: 'empat' })], 'no-stream');
        await appendOk(`${ns}-a`, [event('A', { text: 'lima' })], 2);
      };

      it('verify passes on a clean store, for the whole store and for one stream', async () => {
        await twoStreams();
        const whole = rightOf(await verify(store));
        expect(whole._tag).toBe('Intact');
        expect(whole.eventsChecked).toBeGreaterThanOrEqual(5);
        expect(whole.streamsChecked).toBeGreaterThanOrEqual(2);
        expect(rightOf(await verify(store, { stream: `${ns}-a` }))).toEqual({ _tag: 'Intact', eventsChecked: 4, streamsChecked: 1 });
      });

      it('verify detects one changed byte of stored data and names the stream and version (when the subject can tamper)', async () => {
        const tamper = subject.tamper;
        if (tamper === undefined) return;
        await twoStreams();
        const original = (await read(`${ns}-a`))[1];
        await tamper(`${ns}-a`, 1);
        const changed = (await read(`${ns}-a`))[1];
        expect(changed?.data).not.toEqual(original?.data);
        expect(JSON.stringify(changed?.data).length).toBe(JSON.stringify(original?.data).length);

        const whole = rightOf(await verify(store));
        expect(whole).toMatchObject({ _tag: 'Broken', link: { streamId: `${ns}-a`, streamVersion: 1, problem: 'hash', found: original?.metadata.hash } });
        expect(rightOf(await verify(store, { stream: `${ns}-a` }))).toMatchObject({
          _tag: 'Broken',
          link: { streamId: `${ns}-a`, streamVersion: 1, problem: 'hash' },
        });
        expect(rightOf(await verify(store, { stream: `${ns}-b` }))._tag).toBe('Intact');
      });
    });
  });
};
