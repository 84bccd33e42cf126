/**
 * Opening what a command works on: the locations from the global options and the environment
 * (`--data`/`--store`, else `KINERJA_DATA`/`KINERJA_STORE`, else `./data`, as the service reads them), the event
 * store, and closing it whatever happens.
 *
 * Every command but `seed` refuses a SQLite store file that does not exist rather than create an empty one and
 * report on nothing (exit 3, naming the path); `seed` creates the data directory and the store. The read-model
 * database (`<data>/readmodels.db`) is created by `rebuild` and `status`; `explain` and `export` need it built.
 */
import { existsSync } from 'node:fs';
import { openReadModelDb } from '@kinerja/projections';
import type { Command } from 'commander';
import { ConfigurationError, openStore, resolveLocations, type Locations } from '@kinerja/engine';
import type { EventStore } from '@kinerja/eventstore';
import { unavailable, usageError } from './exit-codes';
import type { CliIo } from './cli-io';

export type GlobalOptions = Readonly<{ data?: string; store?: string }>;

/** The locations for a (sub)command: its global options, then the environment, then the defaults. */
export const locationsOf = (command: Command, io: CliIo): Locations => {
  const { data, store } = command.optsWithGlobals<GlobalOptions>();
  try {
    return resolveLocations({ data, store }, io.env);
  } catch (error: unknown) {
    if (error instanceof ConfigurationError) throw usageError(error.message);
    throw error;
  }
};

/** Where the store is, for messages. */
export const describeStore = (locations: Locations): string =>
  locations.store.kind === 'sqlite' ? locations.store.path : locations.store.connectionString.replace(/\/\/[^@/]*@/, '//***@');

export type OpenMode =
  /** The store must exist already (commands that read). */
  | 'existing'
  /** Create the data directory and the store when missing (seed). */
  | 'create';

const openOrFail = (locations: Locations, mode: OpenMode): EventStore => {
  if (mode === 'existing' && locations.store.kind === 'sqlite' && !existsSync(locations.store.path)) {
    const where = existsSync(locations.dataDir) ? `no event store at ${locations.store.path}` : `no data directory at ${locations.dataDir}`;
    throw unavailable(`${where} (set --data or KINERJA_DATA, or create one with "kinerja seed")`);
  }
  try {
    return openStore(locations);
  } catch (error: unknown) {
    throw unavailable(`cannot open the event store at ${describeStore(locations)}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** Opens the store, runs `work`, and closes the store even when `work` fails. */
export const withStore = async <A>(locations: Locations, mode: OpenMode, work: (store: EventStore) => Promise<A>): Promise<A> => {
  const store = openOrFail(locations, mode);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

/** A store read that answered `Unavailable` ends the command with exit 3. */
export const storeUnavailable = (locations: Locations, reason: string) =>
  unavailable(`the event store at ${describeStore(locations)} is unavailable: ${reason}`);

/** The read-model database (a better-sqlite3 connection, as `openReadModelDb` gives it). */
export type ReadModelDb = ReturnType<typeof openReadModelDb>;

/**
 * Opens the read-model database, runs `work`, and closes it even when `work` fails. `existing`: it must have been
 * built already (`kinerja rebuild`, or the service); `create`: created and migrated when missing.
 */
export const withReadModels = async <A>(locations: Locations, mode: OpenMode, work: (db: ReadModelDb) => Promise<A>): Promise<A> => {
  if (mode === 'existing' && !existsSync(locations.readModels))
    throw unavailable(`no read models at ${locations.readModels}: build them with "kinerja rebuild" (or start the service)`);
  let db: ReadModelDb;
  try {
    db = openReadModelDb(locations.readModels);
  } catch (error: unknown) {
    throw unavailable(`cannot open the read models at ${locations.readModels}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await work(db);
  } finally {
    db.close();
  }
};

/** Lets the event loop turn once every `every` events of an async source. */
async function* yieldingEvery<A>(source: AsyncIterable<A>, every: number): AsyncGenerator<A, void, undefined> {
  let n = 0;
  for await (const item of source) {
    yield item;
    n += 1;
    if (n % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The store, with a `readAll` that lets the event loop turn every `every` events. The SQLite adapter reads with
 * synchronous calls under its async iterator, so a long read (a rebuild) would otherwise never let a signal
 * handler run: Ctrl-C could not stop a rebuild cleanly.
 */
export const withEventLoopTurns = (store: EventStore, every = 500): EventStore => ({
  ...store,
  readAll: (fromPosition, options) => yieldingEvery(store.readAll(fromPosition, options), every),
});
