export {
  openEventStoreDbStore,
  serverEventId,
  type EventStoreDbStoreOptions,
} from './eventstoredb-store';
