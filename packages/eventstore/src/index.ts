export * from './envelope';
export * from './port';
export * from './integrity';
export { DEFAULT_MAX_APPEND_BYTES, appendSizeBytes, checkAppendSize, firstNonJsonPath, validateAppend } from './append-validation';
export { createMemoryStore, type MemoryStoreOptions } from './memory/memory-store';
export {
  verify,
  createChainWalker,
  type BrokenLink,
  type ChainProblem,
  type ChainWalker,
  type StreamHead,
  type VerifyOptions,
  type VerifyReport,
} from './verify';
export {
  LEDGER_DIGEST_RECORDED,
  LEDGER_STREAM,
  LedgerDigestCodec,
  createLedgerPolicy,
  decodeLedgerDigest,
  digestAsOf,
  digestOfHeads,
  ledgerEventTypes,
  proveDigest,
  recordDigest,
  type DigestProof,
  type LedgerDigest,
  type LedgerPolicy,
} from './ledger';
export { startLedgerKeeper, type LedgerKeeper, type LedgerKeeperOptions } from './ledger-keeper';
export {
  createRegistry,
  decodeEvent,
  upcaster,
  type DecodeEventError,
  type DecodedEvent,
  type EventRegistry,
  type EventTypeSpec,
  type InvalidEventData,
  type UnknownEventType,
  type UnknownSchemaVersion,
  type Upcaster,
} from './upcasting';
export { migrations as sqliteMigrations, openSqliteStore, type SqliteEventStore, type SqliteStoreMetrics, type SqliteStoreOptions, type SqliteStoreSettings } from './sqlite';
export { openEventStoreDbStore, serverEventId, type EventStoreDbStoreOptions } from './eventstoredb';
