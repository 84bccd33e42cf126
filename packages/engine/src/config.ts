/**
 * Where the service and the CLI keep their data, from the same flags and environment variables:
 * `--data` / `KINERJA_DATA` (default `./data`) and `--store` / `KINERJA_STORE` (`sqlite:<path>` or an `esdb://`
 * connection string; default `sqlite:<data>/kinerja.db`). Read models always live in `<data>/readmodels.db`.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { openEventStoreDbStore, openSqliteStore, type EventStore } from '@kinerja/eventstore';

export type StoreLocation =
  | Readonly<{ kind: 'sqlite'; path: string }>
  | Readonly<{ kind: 'eventstoredb'; connectionString: string }>;

export type Locations = Readonly<{
  /** The data directory (absolute). */
  dataDir: string;
  store: StoreLocation;
  /** The read-model database file (absolute). */
  readModels: string;
}>;

export type LocationInput = Readonly<{ data?: string | undefined; store?: string | undefined }>;

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** Parses `sqlite:<path>` (relative to the data directory's parent, i.e. the working directory) or `esdb://...`. */
export const parseStoreLocation = (value: string, dataDir: string): StoreLocation => {
  if (value.startsWith('esdb://') || value.startsWith('esdb+discover://') || value.startsWith('kurrentdb://'))
    return { kind: 'eventstoredb', connectionString: value };
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path.length === 0) return { kind: 'sqlite', path: join(dataDir, 'kinerja.db') };
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(path) };
  }
  throw new ConfigurationError(`KINERJA_STORE must be "sqlite:<path>" or an "esdb://" connection string, got "${value}"`);
};

/** Flags first, then the environment, then the defaults. */
export const resolveLocations = (input: LocationInput = {}, env: NodeJS.ProcessEnv = process.env): Locations => {
  const dataDir = resolve(input.data ?? env['KINERJA_DATA'] ?? './data');
  const storeValue = input.store ?? env['KINERJA_STORE'];
  const store = storeValue === undefined || storeValue === '' ? { kind: 'sqlite' as const, path: join(dataDir, 'kinerja.db') } : parseStoreLocation(storeValue, dataDir);
  return { dataDir, store, readModels: join(dataDir, 'readmodels.db') };
};

/** Opens the event store the locations name, creating the data directory for SQLite. */
export const openStore = (locations: Locations): EventStore => {
  mkdirSync(locations.dataDir, { recursive: true });
  return locations.store.kind === 'sqlite'
    ? openSqliteStore({ path: locations.store.path })
    : openEventStoreDbStore({ connectionString: locations.store.connectionString });
};
