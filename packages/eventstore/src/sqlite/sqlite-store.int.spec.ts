/**
 * The SQLite adapter against real files in a temporary folder: first the contract every store passes, then what
 * is particular to it (the file, its schema and pragmas, group commit, errors from SQLite).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Either } from 'fp-ts/Either';
import type { EventEnvelope, NewEvent } from '../envelope';
import { recomputeHash, streamGenesisHash } from '../integrity';
import type { AppendError, AppendResult } from '../port';
import { verify } from '../verify';
import { latestSchemaVersion, openSqliteStore, type SqliteEventStore, type SqliteStoreOptions } from './index';
import { tamperEventData } from './tamper.testkit';
import { describeEventStoreContract } from '../contract/contract.testkit';

let dir: string;
let files = 0;
const opened: SqliteEventStore[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-sqlite-'));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const newPath = (): string => join(dir, `store-${++files}.db`);

// A new file for every test of the contract: the suite's clock starts afresh each time, and a fresh file keeps
// recordedAt from being held up by the previous test's later instants.
describeEventStoreContract('sqlite', async ({ clock }) => {
  const path = newPath();
  const store = openSqliteStore({ path, clock, pollIntervalMs: 50 });
  return {
    store,
    gapless: true,
    tamper: async (streamId, streamVersion) => {
      tamperEventData(path, streamId, streamVersion);
    },
    cleanup: async () => {
      await store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
});

const open = (options: Partial<SqliteStoreOptions> & { path?: string } = {}): SqliteEventStore => {
  const store = openSqliteStore({ path: options.path ?? newPath(), ...options });
  opened.push(store);
  return store;
};

const metadata = {
  tenant: 'kota-bandung',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { nip: '198001012005011001', role: 'atasan' },
  occurredAt: '2026-01-15T09:00:00+07:00',
};

const event = (type: string, data: NewEvent['data'] = {}, eventId?: string): NewEvent => ({
  type,
  schemaVersion: 1,
  data,
  metadata,
  ...(eventId === undefined ? {} : { eventId }),
});

const ok = (result: Either<AppendError, AppendResult>): AppendResult => {
  if (result._tag === 'Left') throw new Error(`expected the append to succeed: ${JSON.stringify(result.left)}`);
  return result.right;
};

const readAllOf = async (store: SqliteEventStore): Promise<EventEnvelope[]> => {
  const events: EventEnvelope[] = [];
  for await (const e of store.readAll(0, { batchSize: 37 })) events.push(e);
  return events;
};

const expectGapless = (events: ReadonlyArray<EventEnvelope>): void => {
  expect(events.map((e) => e.globalPosition)).toEqual(events.map((_, i) => i + 1));
};

describe('the file', () => {
  it('is created and migrated on first open, and records its schema version', () => {
    const path = newPath();
    expect(existsSync(path)).toBe(false);
    const store = open({ path });
    expect(existsSync(path)).toBe(true);
    expect(store.schemaVersion).toBe(latestSchemaVersion);

    const db = new Database(path, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['events', 'schema_migrations', 'streams']));
      const applied = db.prepare('SELECT version, description FROM schema_migrations ORDER BY version').all();
      expect(applied).toEqual([{ version: 1, description: expect.stringContaining('events') }]);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      db.close();
    }
  });

  it('runs in WAL mode with synchronous=FULL and a busy timeout', () => {
    const store = open({ busyTimeoutMs: 1234 });
    expect(store.settings()).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      busyTimeoutMs: 1234,
      userVersion: latestSchemaVersion,
    });
  });

  it('keeps everything across a reopen, and the chain continues from the stored head', async () => {
    const path = newPath();
    const first = open({ path });
    ok(await first.append('plan-a', [event('PlanDrafted', { n: 1 }), event('PlanSubmitted')], 'no-stream'));
    ok(await first.append('plan-b', [event('PlanDrafted', { n: 2 })], 'no-stream'));
    const before = await readAllOf(first);
    await first.close();

    const second = open({ path });
    expect(second.schemaVersion).toBe(latestSchemaVersion);
    expect(await readAllOf(second)).toEqual(before);
    expect(await second.headPosition()).toEqual({ _tag: 'Right', right: 3 });
    const next = ok(await second.append('plan-a', [event('PlanApproved')], 1));
    expect(next.nextExpectedVersion).toBe(2);
    expect(next.lastPosition).toBe(4);
    expect(next.events[0]?.metadata.prevHash).toBe(before[1]?.metadata.hash);
    expect(await verify(second)).toMatchObject({ right: { _tag: 'Intact', eventsChecked: 4, streamsChecked: 2 } });
  });

  it('is not migrated twice, and a file from a newer schema is refused', async () => {
    const path = newPath();
    await open({ path }).close();
    await open({ path }).close();
    const db = new Database(path);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(1);
    db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
      latestSchemaVersion + 1,
      'from the future',
      new Date().toISOString(),
    );
    db.close();
    expect(() => openSqliteStore({ path })).toThrow(/newer than this code knows/);
  });

  it('also opens :memory: (no file, no WAL) for throwaway use', async () => {
    const store = open({ path: ':memory:' });
    expect(store.settings().journalMode).toBe('memory');
    expect(ok(await store.append('plan-a', [event('PlanDrafted')], 'no-stream')).lastPosition).toBe(1);
  });

  it('stores one row per stream with its version and head hash', async () => {
    const store = open();
    const result = ok(await store.append('plan-a', [event('A'), event('B')], 'no-stream'));
    const db = new Database(store.path, { readonly: true });
    try {
      expect(db.prepare('SELECT stream_id, version, head_hash FROM streams').all()).toEqual([
        { stream_id: 'plan-a', version: 1, head_hash: result.events[1]?.metadata.hash },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('the canonical JSON columns and verify', () => {
  it('stores data and metadata as the RFC 8785 text that was hashed, whatever the key order given', async () => {
    const store = open();
    const appended = ok(await store.append('plan-a', [event('A', { zebra: 1, apple: { y: 2, b: [3, { d: 4, c: 5 }] } })], 'no-stream'));
    const db = new Database(store.path, { readonly: true });
    try {
      const row = db.prepare('SELECT data, metadata FROM events').get() as { data: string; metadata: string };
      expect(row.data).toBe('{"apple":{"b":[3,{"c":5,"d":4}],"y":2},"zebra":1}');
      expect(Object.keys(JSON.parse(row.metadata) as object)).toEqual(Object.keys(JSON.parse(row.metadata) as object).sort());
      expect(JSON.parse(row.metadata)).toEqual(appended.events[0]?.metadata);
    } finally {
      db.close();
    }
  });

  it('verifies events whose parsed key order cannot be canonical (integer-like keys), and still finds an edit among them', async () => {
    const store = open();
    ok(await store.append('plan-a', [event('A', { '10': 'ten', '9': 'nine', b: 1 }), event('B', { '2025': { '3': 1, '12': 2 } })], 'no-stream'));
    expect(await verify(store)).toMatchObject({ right: { _tag: 'Intact', eventsChecked: 2 } });
    tamperEventData(store.path, 'plan-a', 1);
    expect(await verify(store)).toMatchObject({ right: { _tag: 'Broken', link: { streamId: 'plan-a', streamVersion: 1, problem: 'hash' } } });
  });
});

describe('group commit', () => {
  it('writes 64 concurrent appends to different streams in far fewer transactions than appends', async () => {
    const store = open();
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => store.append(`plan-${i}`, [event('PlanDrafted', { i })], 'no-stream')),
    );
    expect(results.every((r) => r._tag === 'Right')).toBe(true);
    const { commits, appendsCommitted, largestBatch } = store.metrics();
    expect(appendsCommitted).toBe(64);
    expect(commits).toBeLessThanOrEqual(4);
    expect(largestBatch).toBeGreaterThanOrEqual(16);
    expectGapless(await readAllOf(store));
  });

  it('caps the size of a batch', async () => {
    const store = open({ maxBatchSize: 10 });
    await Promise.all(Array.from({ length: 35 }, (_, i) => store.append(`s-${i}`, [event('E')], 'no-stream')));
    expect(store.metrics()).toMatchObject({ commits: 4, appendsCommitted: 35, largestBatch: 10 });
  });

  it('checks each append against the versions left by the appends before it in the same batch', async () => {
    const store = open();
    const [first, second, conflicting, third] = await Promise.all([
      store.append('plan-a', [event('PlanDrafted')], 'no-stream'),
      store.append('plan-a', [event('PlanSubmitted')], 0),
      store.append('plan-a', [event('PlanSubmitted')], 0),
      store.append('plan-a', [event('PlanApproved')], 1),
    ]);
    expect(store.metrics().commits).toBe(1);
    expect(ok(first!).nextExpectedVersion).toBe(0);
    expect(ok(second!).nextExpectedVersion).toBe(1);
    expect(conflicting).toEqual({
      _tag: 'Left',
      left: { _tag: 'VersionConflict', streamId: 'plan-a', expected: 0, actual: 1 },
    });
    expect(ok(third!).nextExpectedVersion).toBe(2);
    const stream = await store.readStream('plan-a');
    expect(stream._tag === 'Right' && stream.right.map((e) => [e.type, e.streamVersion])).toEqual([
      ['PlanDrafted', 0],
      ['PlanSubmitted', 1],
      ['PlanApproved', 2],
    ]);
    expect(await verify(store)).toMatchObject({ right: { _tag: 'Intact' } });
  });

  it('rejects a duplicate event id alone, the rest of the batch commits', async () => {
    const store = open();
    const results = await Promise.all([
      store.append('a', [event('E', {}, 'id-1')], 'any'),
      store.append('b', [event('E', {}, 'id-1')], 'any'),
      store.append('c', [event('E', {}, 'id-2')], 'any'),
    ]);
    expect(results.map((r) => r._tag)).toEqual(['Right', 'Left', 'Right']);
    expect(results[1]).toEqual({ _tag: 'Left', left: { _tag: 'DuplicateEventId', eventId: 'id-1' } });
    expect(store.metrics().commits).toBe(1);
    expect((await readAllOf(store)).map((e) => [e.globalPosition, e.streamId])).toEqual([
      [1, 'a'],
      [2, 'c'],
    ]);
  });

  it('keeps positions gapless through concurrent appends, conflicts, duplicates and oversized appends', async () => {
    const store = open({ maxAppendBytes: 2_000, maxBatchSize: 7 });
    const attempts = Array.from({ length: 120 }, (_, i) => {
      const stream = `s-${i % 9}`;
      if (i % 11 === 0) return store.append(stream, [event('Big', { text: 'x'.repeat(3_000) })], 'any');
      if (i % 13 === 0) return store.append(stream, [event('Dup', {}, 'same-id')], 'any');
      if (i % 5 === 0) return store.append(stream, [event('Stale')], 0);
      return store.append(stream, [event('E', { i }), event('F', { i })], 'any');
    });
    const results = await Promise.all(attempts);
    const committed = results.filter((r) => r._tag === 'Right').map(ok);
    const rejected = results.filter((r) => r._tag === 'Left');
    expect(rejected.length).toBeGreaterThan(10);
    const events = await readAllOf(store);
    expectGapless(events);
    expect(events).toHaveLength(committed.reduce((n, r) => n + r.events.length, 0));
    expect(committed.flatMap((r) => r.events.map((e) => e.globalPosition)).sort((a, b) => a - b)).toEqual(
      events.map((e) => e.globalPosition),
    );
    expect(await verify(store)).toMatchObject({ right: { _tag: 'Intact', eventsChecked: events.length } });
  });

  it('two stores sharing one file (as two processes would) check versions against each other and keep one gapless log', async () => {
    const path = newPath();
    const [one, two] = [open({ path }), open({ path })];
    // Each writer appends to the same three streams with the version it last saw, retrying on conflicts.
    const writer = async (store: SqliteEventStore, name: string): Promise<void> => {
      for (let i = 0; i < 30; i++) {
        const streamId = `shared-${i % 3}`;
        for (;;) {
          const last = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
          const version = last._tag === 'Right' ? last.right[0]?.streamVersion : undefined;
          const result = await store.append(streamId, [event('Written', { name, i })], version ?? 'no-stream');
          if (result._tag === 'Right') break;
          expect(result.left._tag).toBe('VersionConflict');
        }
      }
    };
    await Promise.all([writer(one, 'one'), writer(one, 'one-bis'), writer(two, 'two'), writer(two, 'two-bis')]);
    for (const store of [one, two]) {
      const events = await readAllOf(store);
      expect(events).toHaveLength(120);
      expectGapless(events);
      expect(await verify(store)).toMatchObject({ right: { _tag: 'Intact', eventsChecked: 120, streamsChecked: 3 } });
    }
  });

  it('acknowledges only what a fresh connection can read: the append resolves after COMMIT', async () => {
    const store = open();
    const result = ok(await store.append('plan-a', [event('PlanDrafted')], 'no-stream'));
    const other = new Database(store.path, { readonly: true });
    try {
      expect(other.prepare('SELECT event_id FROM events').pluck().all()).toEqual([result.events[0]?.eventId]);
    } finally {
      other.close();
    }
  });

  it('does not let a caller change an event between the append and the commit', async () => {
    const store = open();
    const data = { score: 90 };
    const pending = store.append('plan-a', [event('Scored', data)], 'no-stream');
    data.score = 10;
    expect(ok(await pending).events[0]?.data).toEqual({ score: 90 });
    expect(await verify(store)).toMatchObject({ right: { _tag: 'Intact' } });
  });
});

describe('failures', () => {
  it('reports a file locked by another process as Unavailable, and recovers when it is released', async () => {
    const store = open({ busyTimeoutMs: 50 });
    const intruder = new Database(store.path);
    intruder.exec('BEGIN IMMEDIATE');
    try {
      const [a, b] = await Promise.all([
        store.append('a', [event('E')], 'any'),
        store.append('b', [event('E')], 'any'),
      ]);
      for (const result of [a, b]) {
        expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'Unavailable', reason: expect.stringMatching(/SQLITE_BUSY/) } });
      }
    } finally {
      intruder.exec('ROLLBACK');
      intruder.close();
    }
    ok(await store.append('a', [event('E')], 'no-stream'));
    expectGapless(await readAllOf(store));
  });

  it('finishes queued appends on close, then answers Unavailable', async () => {
    const path = newPath();
    const store = openSqliteStore({ path });
    const pending = store.append('plan-a', [event('PlanDrafted')], 'no-stream');
    await store.close();
    expect(ok(await pending).lastPosition).toBe(1);
    await expect(store.append('plan-a', [event('PlanSubmitted')], 0)).resolves.toMatchObject({
      left: { _tag: 'Unavailable' },
    });
    await expect(store.readStream('plan-a')).resolves.toMatchObject({ left: { _tag: 'Unavailable' } });
    await expect(store.headPosition()).resolves.toMatchObject({ left: { _tag: 'Unavailable' } });
    await expect(store.close()).resolves.toBeUndefined();
    const reopened = open({ path });
    expect(await reopened.headPosition()).toEqual({ _tag: 'Right', right: 1 });
  });

  it('refuses an oversized append before it reaches a transaction', async () => {
    const store = open({ maxAppendBytes: 100 });
    const result = await store.append('a', [event('Big', { text: 'x'.repeat(200) })], 'any');
    expect(result).toMatchObject({ left: { _tag: 'TooLarge', limitBytes: 100 } });
    expect(store.metrics().commits).toBe(0);
  });
});

describe('reading', () => {
  it('filters the global log by type and by stream prefix, GLOB characters included, in global order', async () => {
    const store = open();
    ok(await store.append('plan-1', [event('PlanDrafted'), event('PlanSubmitted')], 'no-stream'));
    ok(await store.append('plan*x', [event('PlanDrafted')], 'no-stream'));
    ok(await store.append('complaint-1', [event('ComplaintFiled')], 'no-stream'));
    ok(await store.append('plan-2', [event('PlanDrafted'), event('PlanApproved')], 'no-stream'));
    ok(await store.append('Plan-3', [event('PlanDrafted')], 'no-stream'));
    const read = async (filter: Parameters<SqliteEventStore['readAll']>[1]): Promise<number[]> => {
      const positions: number[] = [];
      for await (const e of store.readAll(0, filter)) positions.push(e.globalPosition);
      return positions;
    };
    expect(await read({ filter: { streamPrefixes: ['plan-'] }, batchSize: 1 })).toEqual([1, 2, 5, 6]);
    expect(await read({ filter: { streamPrefixes: ['plan*'] } })).toEqual([3]);
    expect(await read({ filter: { types: ['PlanDrafted', 'ComplaintFiled', 'PlanDrafted'] }, batchSize: 2 })).toEqual([
      1, 3, 4, 5, 7,
    ]);
    expect(await read({ filter: { types: ['PlanDrafted'], streamPrefixes: ['plan-', 'Plan-'] } })).toEqual([1, 5, 7]);
    expect(await read({ filter: { types: [] } })).toEqual([]);
    expect(await read({ filter: { streamPrefixes: [] } })).toEqual([]);
  });

  it('keeps recordedAt from going back when the clock does, so an as-of read is a prefix of the stream', async () => {
    let now = '2026-03-01T10:00:00.000Z';
    const store = open({ clock: () => new Date(now) });
    ok(await store.append('plan-a', [event('A')], 'no-stream'));
    now = '2026-03-01T09:00:00.000Z';
    ok(await store.append('plan-a', [event('B')], 0));
    now = '2026-03-01T11:00:00.000Z';
    ok(await store.append('plan-a', [event('C')], 1));
    const all = await store.readStream('plan-a');
    expect(all._tag === 'Right' && all.right.map((e) => e.metadata.recordedAt)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T11:00:00.000Z',
    ]);
    const asOf = await store.readStream('plan-a', { asOfRecordedAt: new Date('2026-03-01T10:30:00Z'), direction: 'backwards' });
    expect(asOf._tag === 'Right' && asOf.right.map((e) => e.type)).toEqual(['B', 'A']);
  });

  it('lets a subscription see events appended by another process sharing the file', async () => {
    const path = newPath();
    const reader = open({ path, pollIntervalMs: 20 });
    const writer = open({ path });
    ok(await writer.append('plan-a', [event('A')], 'no-stream'));
    const subscription = reader.subscribe(0, { filter: { types: ['A', 'C'] } });
    const seen: string[] = [];
    const consuming = (async () => {
      for await (const e of subscription) {
        seen.push(`${e.type}@${e.globalPosition}`);
        if (seen.length === 2) break;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
    ok(await writer.append('plan-a', [event('B'), event('C')], 0));
    await consuming;
    expect(seen).toEqual(['A@1', 'C@3']);
  });

  it('ends its subscriptions when it closes', async () => {
    const store = open();
    const subscription = store.subscribe(0);
    const iterator = subscription[Symbol.asyncIterator]();
    const waiting = iterator.next();
    await store.close();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });
});

describe('integrity', () => {
  it('detects one byte changed in a stored event with plain SQL, and names that event', async () => {
    const store = open();
    ok(await store.append('plan-a', [event('PlanDrafted', { target: 'kinerja 100%', weight: 40 })], 'no-stream'));
    ok(await store.append('plan-b', [event('PlanDrafted', { target: 'lain' })], 'no-stream'));
    ok(await store.append('plan-a', [event('PlanSubmitted', { note: 'ok' })], 0));
    expect(await verify(store)).toMatchObject({ right: { _tag: 'Intact', eventsChecked: 3 } });

    const { before, after } = tamperEventData(store.path, 'plan-a', 0);
    expect(after).not.toEqual(before);
    expect(after).toHaveLength(before.length);
    const report = await verify(store);
    expect(report).toMatchObject({
      right: { _tag: 'Broken', link: { streamId: 'plan-a', streamVersion: 0, problem: 'hash' } },
    });
  });

  it('chains each stream from its genesis hash, across batches', async () => {
    const store = open();
    await Promise.all(['x', 'y', 'x2'].map((s) => store.append(s, [event('A'), event('B')], 'no-stream')));
    const events = await readAllOf(store);
    for (const e of events) {
      expect(e.metadata.hash).toBe(recomputeHash(e));
      if (e.streamVersion === 0) expect(e.metadata.prevHash).toBe(streamGenesisHash(e.streamId));
    }
  });
});
