export {
  EventStoreDbUnavailableError,
  openEventStoreDbStore,
  serverEventId,
  type EventStoreDbStoreOptions,
} from './eventstoredb-store';
