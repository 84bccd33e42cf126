import { changeOneByteOfData, describeEventStoreContract } from '../contract/contract.testkit';
import { createMemoryStore, tamperWithMemoryStore } from './memory-store';

describeEventStoreContract('memory', async ({ clock }) => {
  const store = createMemoryStore({ clock });
  return {
    store,
    gapless: true,
    tamper: async (streamId, streamVersion) =>
      tamperWithMemoryStore(store, streamId, streamVersion, (event) => ({ ...event, data: changeOneByteOfData(event.data) })),
    cleanup: () => store.close(),
  };
});
