/**
 * What runs beside the HTTP routes, in order of start (and the reverse order of stop):
 *
 * 1. the event store (`openStore`: SQLite under the data directory, or EventStoreDB);
 * 2. the demo seed, when the store is empty and `seedDemo` is on (`seedHistory`: the five tenants through the
 *    real engine);
 * 3. the read-model database and the projection runner over `READ_MODELS`, caught up before the service listens;
 * 4. the ledger keeper (a digest of every stream head every `LEDGER_EVERY` events);
 * 5. the process managers (`reactToEvent` from a checkpointed subscription, in the background) and the timer
 *    loop (`fireDue`).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/Either';
import type { Actor } from '@kinerja/domain';
import { openStore, SEED_SYSTEM_NIP, seedHistory } from '@kinerja/engine';
import { startLedgerKeeper, type EventStore, type LedgerKeeper } from '@kinerja/eventstore';
import { createProjectionRunner, openReadModelDb, READ_MODELS, type ProjectionRunner } from '@kinerja/projections';
import type { ServiceConfig } from '../contracts';
import { openCheckpointFile } from './checkpoint-file';
import { startProcessManagers, type ProcessManagerHost } from './process-managers';
import type { RuntimeLog } from './runtime-log';
import { startTimers, type TimerLoop } from './timers';

/** The service's own actor for what it decides by itself (process managers, timers, ledger digests): the seed's. */
export const SERVICE_ACTOR: Actor = { nip: SEED_SYSTEM_NIP, role: 'sistem' };

/** Events between two ledger digests (ADR 0003). */
export const LEDGER_EVERY = 1_000;

/** The demo's size: employees over the five tenants and years of history (first start well under a minute). */
export const DEMO_SEED = { employees: 300, years: 1, seed: 'kinerja-demo' } as const;

export const PROCESS_MANAGER_CHECKPOINT = 'process-managers.json';

/** The read-model database (better-sqlite3), as `openReadModelDb` opens it. */
export type ReadModelDb = ReturnType<typeof openReadModelDb>;

export type ServiceRuntime = Readonly<{
  store: EventStore;
  readModelDb: ReadModelDb;
  runner: ProjectionRunner;
  keeper: LedgerKeeper;
  processManagers: ProcessManagerHost;
  timers: TimerLoop;
  /** Whether this start seeded the demo, and how many events it wrote. */
  seeded: Readonly<{ events: number; seconds: number }> | undefined;
  /** Stops the loops and the runner, then closes the read-model db and the store. */
  stop: () => Promise<void>;
}>;

export type RuntimeOptions = Readonly<{ log: RuntimeLog; timerIntervalMs?: number; clock?: () => Date }>;

const headOf = async (store: EventStore): Promise<number> => {
  const head = await store.headPosition();
  if (isLeft(head)) throw new Error(`the event store is unavailable: ${head.left.reason}`);
  return head.right;
};

export const openRuntime = async (config: ServiceConfig, options: RuntimeOptions): Promise<ServiceRuntime> => {
  const { log } = options;
  const store = openStore(config.locations);
  const closeStore = async () => store.close().catch((error: unknown) => log.error('closing the store failed', { error: String(error) }));
  let readModelDb: ReadModelDb | undefined;
  try {
    let seeded: ServiceRuntime['seeded'];
    const checkpoint = openCheckpointFile(join(config.locations.dataDir, PROCESS_MANAGER_CHECKPOINT));
    if (config.seedDemo && (await headOf(store)) === 0) {
      const started = Date.now();
      log.info('the store is empty: seeding the demo tenants', { ...DEMO_SEED });
      let lastPhase = '';
      const report = await seedHistory({
        store,
        employees: DEMO_SEED.employees,
        years: DEMO_SEED.years,
        seed: DEMO_SEED.seed,
        system: SERVICE_ACTOR,
        onProgress: (progress) => {
          if (progress.phase !== lastPhase) log.info('seeding', { ...progress });
          lastPhase = progress.phase;
        },
      });
      if (report.refusals > 0) log.warn('the demo seed had refusals', { refusals: report.refusals, byTag: report.refusalsByTag });
      const events = await headOf(store);
      seeded = { events, seconds: (Date.now() - started) / 1000 };
      // The live process managers then go over the seeded history too (in the background): their commands have
      // deterministic ids, so what the seed already did is replayed, and anything it left out is done.
      log.info('demo seeded', seeded);
    }

    readModelDb = openReadModelDb(config.locations.readModels);
    const runner = createProjectionRunner({
      store,
      db: readModelDb,
      projections: READ_MODELS,
      onError: (error) => log.error('projection runner stopped on an error', { error: String(error) }),
    });
    const caughtUp = Date.now();
    await runner.start();
    // Read models that were never built have nothing to answer with: wait for their first build (read models
    // being rebuilt after a version raise keep answering from their old build meanwhile, so they are not waited for).
    const unbuilt = (await runner.status()).filter((p) => p.activeVersion === undefined).map((p) => p.name);
    if (unbuilt.length > 0) {
      log.info('building read models for the first time', { readModels: unbuilt });
      if (!(await runner.waitFor(await headOf(store), Number.POSITIVE_INFINITY, unbuilt)))
        throw new Error('the projection runner stopped before the read models were first built');
    }
    log.info('read models caught up', { seconds: (Date.now() - caughtUp) / 1000 });

    const keeper = startLedgerKeeper(store, {
      every: LEDGER_EVERY,
      metadata: () => {
        const id = randomUUID();
        return { tenant: 'system', commandId: id, correlationId: id, causationId: id, actor: SERVICE_ACTOR, occurredAt: new Date().toISOString() };
      },
      onError: (error) => log.warn('ledger keeper', { error: 'reason' in error ? error.reason : String(error) }),
    });
    const timers = startTimers({ store, system: SERVICE_ACTOR, log, ...(options.clock === undefined ? {} : { clock: options.clock }), ...(options.timerIntervalMs === undefined ? {} : { intervalMs: options.timerIntervalMs }) });
    const processManagers = startProcessManagers({ store, system: SERVICE_ACTOR, checkpoint, log, onEvent: timers.observe });

    const db = readModelDb;
    return {
      store,
      readModelDb: db,
      runner,
      keeper,
      processManagers,
      timers,
      seeded,
      stop: async () => {
        await timers.stop();
        await processManagers.stop();
        await keeper.stop();
        await runner.stop();
        db.close();
        await closeStore();
      },
    };
  } catch (error) {
    readModelDb?.close();
    await closeStore();
    throw error;
  }
};
