export {
  openSqliteStore,
  type SqliteEventStore,
  type SqliteStoreMetrics,
  type SqliteStoreOptions,
  type SqliteStoreSettings,
} from './sqlite-store';
export { latestSchemaVersion, migrations, type Migration } from './schema';
