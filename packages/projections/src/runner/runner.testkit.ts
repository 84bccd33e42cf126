/**
 * Test support for the runner: a tiny bank-account history (its events carry everything a row needs, as the
 * real read models' decision events do), three small projections over it, fast-check arbitraries for valid
 * histories, a store that delivers events twice, and helpers to read a database's views.
 */
import type Database from 'better-sqlite3';
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type { EventEnvelope, EventStore, NewEvent, ReadAllOptions, Subscription } from '@kinerja/eventstore';
import type { Projection, RowChange } from '../projection';
import { viewName } from './tables';

// ---------------------------------------------------------------------------------------------------------
// The history

export type AccountOp =
  | Readonly<{ kind: 'open'; account: number; owner: number }>
  | Readonly<{ kind: 'deposit'; account: number; amount: number }>
  | Readonly<{ kind: 'withdraw'; account: number; amount: number }>
  | Readonly<{ kind: 'rename'; account: number; owner: number }>
  | Readonly<{ kind: 'close'; account: number }>
  | Readonly<{ kind: 'note'; account: number }>;

export const accountOp: fc.Arbitrary<AccountOp> = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), account: fc.nat(7), owner: fc.nat(4) }),
  fc.record({ kind: fc.constant('deposit' as const), account: fc.nat(7), amount: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), account: fc.nat(7), amount: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({ kind: fc.constant('rename' as const), account: fc.nat(7), owner: fc.nat(4) }),
  fc.record({ kind: fc.constant('close' as const), account: fc.nat(7) }),
  fc.record({ kind: fc.constant('note' as const), account: fc.nat(7) }),
);

/**
 * A long, busy history without fast-check: `accounts` accounts opened first, then `count` operations picked by
 * a small linear congruential generator (deposits, withdrawals, renames, notes, and 1% closes).
 */
export const syntheticOps = (count: number, accounts: number, seed = 1): ReadonlyArray<AccountOp> => {
  let x = seed;
  const next = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
  const ops: AccountOp[] = Array.from({ length: accounts }, (_, account) => ({ kind: 'open', account, owner: account % 5 }));
  for (let i = 0; i < count; i++) {
    const account = next(accounts);
    const roll = next(100);
    ops.push(
      roll < 40
        ? { kind: 'deposit', account, amount: 1 + next(500) }
        : roll < 60
          ? { kind: 'withdraw', account, amount: 1 + next(300) }
          : roll < 75
            ? { kind: 'rename', account, owner: next(5) }
            : roll < 99
              ? { kind: 'note', account }
              : { kind: 'close', account },
    );
  }
  return ops;
};

type AccountState = { open: boolean; owner: string; balance: number; version: number; closed: boolean };

/**
 * Turns operations into the events of a valid history (an operation that does not apply is dropped): events
 * carry the running balance and the previous owner, so projections need nothing but the event.
 */
export const historyOf = (ops: ReadonlyArray<AccountOp>): ReadonlyArray<Readonly<{ streamId: string; event: NewEvent }>> => {
  const accounts = new Map<number, AccountState>();
  const out: Array<Readonly<{ streamId: string; event: NewEvent }>> = [];
  let n = 0;
  const emit = (account: number, type: string, data: Record<string, string | number>): void => {
    n += 1;
    out.push({
      streamId: `acct-${account}`,
      event: {
        type,
        schemaVersion: 1,
        data,
        metadata: {
          tenant: 'salatiga',
          commandId: `cmd-${n}`,
          correlationId: `cmd-${n}`,
          causationId: `cmd-${n}`,
          actor: { nip: '199001012015011001', role: 'operator' },
          occurredAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
        },
      },
    });
  };
  for (const op of ops) {
    const state = accounts.get(op.account);
    const owner = (o: number): string => `owner-${o}`;
    switch (op.kind) {
      case 'open':
        if (state !== undefined) continue;
        accounts.set(op.account, { open: true, owner: owner(op.owner), balance: 0, version: 0, closed: false });
        emit(op.account, 'AccountOpened', { account: `a${op.account}`, owner: owner(op.owner) });
        break;
      case 'deposit':
      case 'withdraw': {
        if (state === undefined || state.closed) continue;
        const amount = op.kind === 'deposit' ? op.amount : -Math.min(op.amount, state.balance);
        if (amount === 0) continue;
        state.balance += amount;
        state.version += 1;
        emit(op.account, op.kind === 'deposit' ? 'MoneyDeposited' : 'MoneyWithdrawn', {
          account: `a${op.account}`,
          seq: state.version,
          amount: Math.abs(amount),
          balance: state.balance,
        });
        break;
      }
      case 'rename':
        if (state === undefined || state.closed || state.owner === owner(op.owner)) continue;
        emit(op.account, 'AccountRenamed', { account: `a${op.account}`, owner: owner(op.owner), previousOwner: state.owner });
        state.owner = owner(op.owner);
        break;
      case 'close':
        if (state === undefined || state.closed) continue;
        state.closed = true;
        emit(op.account, 'AccountClosed', { account: `a${op.account}`, owner: state.owner });
        break;
      case 'note':
        // A type no projection handles: it must still move every checkpoint.
        emit(op.account, 'NoteWritten', { account: `a${op.account}`, text: `note ${n}` });
        break;
    }
  }
  return out;
};

/**
 * Appends the history, one append per event, all issued at once: the stores keep call order (the SQLite store
 * then writes them in a few group commits instead of one fsync each). Resolves with the last position.
 */
export const appendHistory = async (store: EventStore, history: ReadonlyArray<Readonly<{ streamId: string; event: NewEvent }>>): Promise<number> => {
  const results = await Promise.all(history.map(({ streamId, event }) => store.append(streamId, [event], 'any')));
  let last = 0;
  for (const result of results) {
    if (isLeft(result)) throw new Error(`append failed: ${JSON.stringify(result.left)}`);
    last = Math.max(last, result.right.lastPosition);
  }
  return last;
};

// ---------------------------------------------------------------------------------------------------------
// Projections

type Data = Readonly<Record<string, string | number>>;
const dataOf = (e: EventEnvelope): Data => e.data as Data;
const str = (d: Data, k: string): string => String(d[k]);
const num = (d: Data, k: string): number => Number(d[k]);

/** Balances: partial upserts (deposit sets the balance only, rename the owner only) and deletes. */
export const balances = (version = 1): Projection => ({
  name: 'balances',
  version,
  description: 'accounts, their owner and balance; one row per movement',
  eventTypes: ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn', 'AccountRenamed', 'AccountClosed'],
  tables: [
    {
      name: 'accounts',
      columns: { account: 'TEXT', owner: 'TEXT', balance: 'INTEGER', opened_at: 'TEXT', movements: 'INTEGER' },
      primaryKey: ['account'],
      indexes: [['owner']],
    },
    {
      name: 'movements',
      columns: { account: 'TEXT', seq: 'INTEGER', amount: 'INTEGER', position: 'INTEGER' },
      primaryKey: ['account', 'seq'],
    },
  ],
  apply: (e): ReadonlyArray<RowChange> => {
    const d = dataOf(e);
    const account = str(d, 'account');
    switch (e.type) {
      case 'AccountOpened':
        return [{ kind: 'upsert', table: 'accounts', row: { account, owner: str(d, 'owner'), balance: 0, opened_at: e.metadata.occurredAt, movements: 0 } }];
      case 'MoneyDeposited':
      case 'MoneyWithdrawn':
        return [
          { kind: 'upsert', table: 'accounts', row: { account, balance: num(d, 'balance'), movements: num(d, 'seq') } },
          {
            kind: 'upsert',
            table: 'movements',
            row: { account, seq: num(d, 'seq'), amount: (e.type === 'MoneyDeposited' ? 1 : -1) * num(d, 'amount'), position: e.globalPosition },
          },
        ];
      case 'AccountRenamed':
        return [{ kind: 'upsert', table: 'accounts', row: { account, owner: str(d, 'owner') } }];
      case 'AccountClosed':
        return [{ kind: 'delete', table: 'accounts', key: { account } }];
      default:
        return [];
    }
  },
});

/** Who owns what: a key-only upsert (DO NOTHING on conflict) and a delete of the previous owner's row. */
export const owners = (version = 1): Projection => ({
  name: 'owners',
  version,
  description: 'accounts by owner',
  eventTypes: ['AccountOpened', 'AccountRenamed', 'AccountClosed'],
  tables: [{ name: 'holdings', columns: { owner: 'TEXT', account: 'TEXT' }, primaryKey: ['owner', 'account'] }],
  apply: (e) => {
    const d = dataOf(e);
    const account = str(d, 'account');
    switch (e.type) {
      case 'AccountOpened':
        return [{ kind: 'upsert', table: 'holdings', row: { owner: str(d, 'owner'), account } }];
      case 'AccountRenamed':
        return [
          { kind: 'delete', table: 'holdings', key: { owner: str(d, 'previousOwner'), account } },
          { kind: 'upsert', table: 'holdings', row: { owner: str(d, 'owner'), account } },
        ];
      case 'AccountClosed':
        return [{ kind: 'delete', table: 'holdings', key: { owner: str(d, 'owner'), account } }];
      default:
        return [];
    }
  },
});

/** The last event of each stream, over many types (notes included): every event is a full upsert. */
export const lastSeen = (version = 1): Projection => ({
  name: 'last_seen',
  version,
  description: 'the last event of each account stream',
  eventTypes: ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn', 'AccountRenamed', 'AccountClosed', 'NoteWritten'],
  tables: [
    {
      name: 'streams',
      columns: { stream: 'TEXT', type: 'TEXT', position: 'INTEGER', event_id: 'TEXT', weight: 'REAL' },
      primaryKey: ['stream'],
    },
  ],
  apply: (e) => [
    { kind: 'upsert', table: 'streams', row: { stream: e.streamId, type: e.type, position: e.globalPosition, event_id: e.eventId, weight: e.globalPosition / 4 } },
  ],
});

export const testProjections = (versions: Readonly<{ balances?: number; owners?: number; lastSeen?: number }> = {}): ReadonlyArray<Projection> => [
  balances(versions.balances),
  owners(versions.owners),
  lastSeen(versions.lastSeen),
];

/** Wraps a projection so that its `apply` throws at the `n`-th event it is given (a crash in the middle). */
export const failingAt = (projection: Projection, n: number, seen: { count: number } = { count: 0 }): Projection => ({
  ...projection,
  apply: (e) => {
    seen.count += 1;
    if (seen.count === n) throw new Error(`injected failure at event ${e.globalPosition}`);
    return projection.apply(e);
  },
});

/** Records the positions a projection is given. */
export const recording = (projection: Projection, positions: number[]): Projection => ({
  ...projection,
  apply: (e) => {
    positions.push(e.globalPosition);
    return projection.apply(e);
  },
});

// ---------------------------------------------------------------------------------------------------------
// Reading a database

/** Every view of the projections, sorted by all columns: what two databases are compared by. */
export const contents = (db: Database.Database, projections: ReadonlyArray<Projection>): Record<string, unknown[]> => {
  const out: Record<string, unknown[]> = {};
  for (const p of projections) {
    for (const t of p.tables) {
      const view = viewName(p.name, t.name);
      const columns = Object.keys(t.columns).map((c) => `"${c}"`);
      out[view] = db.prepare(`SELECT ${columns.join(', ')} FROM "${view}" ORDER BY ${columns.join(', ')}`).all();
    }
  }
  return out;
};

export const checkpointsIn = (db: Database.Database): Record<string, number | null> =>
  Object.fromEntries(
    (
      db
        .prepare(
          'SELECT p.name AS name, b.checkpoint AS checkpoint FROM runner_projections p LEFT JOIN runner_builds b ON b.build = p.active_build ORDER BY p.name',
        )
        .all() as Array<{ name: string; checkpoint: number | null }>
    ).map((r) => [r.name, r.checkpoint]),
  );

export const tablesIn = (db: Database.Database): ReadonlyArray<string> =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'runner_%' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]);

// ---------------------------------------------------------------------------------------------------------
// A store that delivers events twice

/**
 * Wraps a store so that its reads deliver events again, as a reader that reconnects from an older position
 * would, or one whose batch boundaries overlap: following `plan`, a list of [every, back, length], after every
 * `every`-th event it goes back `back` events and hands out `length` of them again (a stretch in the middle,
 * not only the tail, so that older events come again after newer ones), then carries on where it was; and it
 * does so once more after the last event.
 */
export const redelivering = (store: EventStore, plan: ReadonlyArray<readonly [number, number, number]>): EventStore => {
  const replay = async function* (source: AsyncIterable<EventEnvelope>): AsyncGenerator<EventEnvelope> {
    const recent: EventEnvelope[] = [];
    let count = 0;
    let step = 0;
    for await (const event of source) {
      yield event;
      recent.push(event);
      if (recent.length > 64) recent.shift();
      count += 1;
      const next = plan[step % Math.max(1, plan.length)];
      if (next !== undefined && count % Math.max(1, next[0]) === 0) {
        step += 1;
        yield* again(recent, next);
      }
    }
    // And once more at the end, where no newer event can overwrite what the old ones would wrongly set.
    const last = plan[step % Math.max(1, plan.length)];
    if (last !== undefined) yield* again(recent, last);
  };
  const again = (recent: ReadonlyArray<EventEnvelope>, [, back, length]: readonly [number, number, number]): ReadonlyArray<EventEnvelope> => {
    const start = Math.max(0, recent.length - Math.max(1, back));
    return recent.slice(start, start + Math.max(1, length));
  };
  return {
    ...store,
    readAll: (from: number, options?: ReadAllOptions) => replay(store.readAll(from, options)),
    subscribe: (from: number, options?: ReadAllOptions): Subscription => {
      const inner = store.subscribe(from, options);
      const it = replay(inner);
      return { [Symbol.asyncIterator]: () => it, close: () => inner.close() };
    },
  };
};

/**
 * Wraps a store so that a test can hold a read in the middle: `holdAfter(n)` makes the next `readAll` stop
 * after handing out `n` events and wait until `release()`; `held` resolves when it stops there.
 */
export const gated = (store: EventStore) => {
  let holdAt: number | undefined;
  let reached: () => void = () => undefined;
  let open: () => void = () => undefined;
  let held = Promise.resolve();
  let gate = Promise.resolve();
  const holdAfter = (n: number): void => {
    holdAt = n;
    held = new Promise((resolve) => {
      reached = resolve;
    });
    gate = new Promise((resolve) => {
      open = resolve;
    });
  };
  const readAll = async function* (from: number, options?: ReadAllOptions): AsyncGenerator<EventEnvelope> {
    const at = holdAt;
    holdAt = undefined;
    let count = 0;
    for await (const event of store.readAll(from, options)) {
      if (at !== undefined && count === at) {
        reached();
        await gate;
      }
      count += 1;
      yield event;
    }
  };
  return {
    store: { ...store, readAll } as EventStore,
    holdAfter,
    held: () => held,
    release: () => open(),
  };
};

/** The store as a reader that lags behind would see it: nothing after position `n` (a replica not yet caught up). */
export const upTo = (store: EventStore, n: number): EventStore => ({
  ...store,
  readAll: async function* (from: number, options?: ReadAllOptions) {
    for await (const event of store.readAll(from, options)) {
      if (event.globalPosition > n) return;
      yield event;
    }
  },
  headPosition: async () => {
    const head = await store.headPosition();
    return isLeft(head) ? head : { _tag: 'Right', right: Math.min(n, head.right) };
  },
});
