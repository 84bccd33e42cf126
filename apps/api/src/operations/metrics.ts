/**
 * The service's Prometheus metrics (`/metrics`), one registry per running service (tests start several in one
 * process): commands by type and outcome, command latency, the store's append counters (SQLite), the store's
 * head position, each projection's lag and checkpoint, and prom-client's default process metrics.
 *
 * The registry is filled on scrape: gauges over the store and the runner read them in their `collect()`, so
 * nothing polls in the background.
 */
import { isRight } from 'fp-ts/Either';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@kinerja/eventstore';
import type { ProjectionRunner, ProjectionStatus } from '@kinerja/projections';
import type { CommandMetrics } from '../contracts';

/** What the metrics and the readiness check need from the projection runner. */
export type RunnerStatusSource = Pick<ProjectionRunner, 'status'>;

/** The SQLite store's counters (`SqliteEventStore.metrics()`); other stores have none. */
type StoreCounters = Readonly<{ commits: number; appendsCommitted: number; appendsRejected: number; eventsWritten: number; largestBatch: number }>;
const countersOf = (store: EventStore): (() => StoreCounters) | undefined => {
  const candidate = (store as EventStore & { metrics?: unknown }).metrics;
  return typeof candidate === 'function' ? () => (candidate as () => StoreCounters).call(store) : undefined;
};

/** Command latency buckets, seconds: from a cached replay (~1 ms) to a slow fsync under load (~5 s). */
export const COMMAND_LATENCY_BUCKETS: ReadonlyArray<number> = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type ServiceMetrics = CommandMetrics &
  Readonly<{
    registry: Registry;
    /** The exposition text of every metric. */
    render: () => Promise<string>;
    contentType: string;
    /** Times one append (an `EventStore` wrapper can call it); recorded as `kinerja_store_append_duration_seconds`. */
    appendTimed: (outcome: string, seconds: number) => void;
  }>;

export type MetricsSources = Readonly<{
  store: EventStore;
  runner: RunnerStatusSource;
  /** Default process metrics (CPU, memory, event loop, GC); on in the service. */
  processMetrics?: boolean;
}>;

export const createServiceMetrics = (sources: MetricsSources): ServiceMetrics => {
  const registry = new Registry();
  if (sources.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const commands = new Counter({
    name: 'kinerja_commands_total',
    help: 'Commands handled, by command type and outcome (ok, replayed, refused, invalid, conflict, unavailable, ...).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kinerja_command_duration_seconds',
    help: 'Time from a decoded command to its answer (load, decide, append), by command type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: [...COMMAND_LATENCY_BUCKETS],
    registers: [registry],
  });
  const appendLatency = new Histogram({
    name: 'kinerja_store_append_duration_seconds',
    help: 'Time of one append to the event store, until it is durably committed, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [...COMMAND_LATENCY_BUCKETS],
    registers: [registry],
  });

  const counters = countersOf(sources.store);
  if (counters !== undefined) {
    const storeGauge = (name: string, help: string, pick: (c: StoreCounters) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(pick(counters()));
        },
      });
    storeGauge('kinerja_store_commits', 'SQLite write transactions committed since the service started (one fsync each).', (c) => c.commits);
    storeGauge('kinerja_store_appends_committed', 'Appends acknowledged as committed since the service started.', (c) => c.appendsCommitted);
    storeGauge('kinerja_store_appends_rejected', 'Appends rejected (conflict, duplicate, invalid, too large, unavailable) since the service started.', (c) => c.appendsRejected);
    storeGauge('kinerja_store_events_written', 'Events written since the service started.', (c) => c.eventsWritten);
    storeGauge('kinerja_store_largest_commit_batch', 'The most appends that shared one commit (group commit).', (c) => c.largestBatch);
  }

  new Gauge({
    name: 'kinerja_store_head_position',
    help: 'Global position of the last committed event (-1 when the store cannot be read).',
    registers: [registry],
    async collect() {
      const head = await sources.store.headPosition();
      this.set(isRight(head) ? head.right : -1);
    },
  });

  const projectionGauge = (name: string, help: string, pick: (s: ProjectionStatus) => number | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const status of await sources.runner.status()) {
          const value = pick(status);
          if (value !== undefined) this.set({ projection: status.name }, value);
        }
      },
    });
  projectionGauge('kinerja_projection_lag', 'Events committed but not yet applied to the projection (head position minus checkpoint).', (s) => s.lag);
  projectionGauge('kinerja_projection_checkpoint', 'Global position of the last event applied to the projection.', (s) => s.checkpoint);
  projectionGauge('kinerja_projection_active_version', 'The projection version the read views point at.', (s) => s.activeVersion);

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    commandHandled: (type, outcome, seconds) => {
      commands.inc({ type, outcome });
      latency.observe({ type, outcome }, seconds);
    },
    appendTimed: (outcome, seconds) => appendLatency.observe({ outcome }, seconds),
  };
};

/**
 * The store with every append timed into `kinerja_store_append_duration_seconds`; everything else (the SQLite
 * store's `metrics()`, `path`, ...) is the store's own.
 */
export const timedStore = <S extends EventStore>(store: S, metrics: Pick<ServiceMetrics, 'appendTimed'>): S => {
  const append: EventStore['append'] = async (streamId, events, expected) => {
    const started = process.hrtime.bigint();
    const result = await store.append(streamId, events, expected);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.appendTimed(isRight(result) ? 'ok' : result.left._tag, seconds);
    return result;
  };
  return new Proxy(store, {
    get: (target, property, receiver) => (property === 'append' ? append : (Reflect.get(target, property, receiver) as unknown)),
  });
};
