import { left } from 'fp-ts/Either';
import { createMemoryStore, type EventStore } from '@kinerja/eventstore';
import type { ProjectionStatus } from '@kinerja/projections';
import { COMMAND_METRICS, type CommandMetrics } from '../contracts';
import { startHarness, type Harness } from '../queries/harness.testkit';
import { OperationsModule } from './operations.module';
import { timedStore, createServiceMetrics } from './metrics';

const status = (name: string, lag: number, extra: Partial<ProjectionStatus> = {}): ProjectionStatus => ({
  name,
  activeVersion: 1,
  declaredVersion: 1,
  checkpoint: 10 - lag,
  lag,
  state: 'live',
  ...extra,
});

describe('operations: health, readiness and metrics', () => {
  let statuses: ProjectionStatus[] = [];
  let store: EventStore;
  let harness: Harness;
  beforeAll(async () => {
    store = createMemoryStore();
    harness = await startHarness([OperationsModule], { store, runner: { status: async () => statuses }, config: { readyMaxLag: 5 } });
  });
  afterAll(() => harness.close());

  it('/health/live answers without a token', async () => {
    const response = await harness.get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'live' });
  });

  it('/health/ready is 200 when the store answers and every projection is within readyMaxLag', async () => {
    statuses = [status('ranking', 0), status('audit_trail', 5)];
    const response = await harness.get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ready: true, store: { reachable: true, headPosition: 0 }, maxLag: 5 });
    expect(response.headers['x-correlation-id']).toEqual(expect.any(String));
  });

  it('/health/ready is a 503 problem naming the projection that lags more than readyMaxLag', async () => {
    statuses = [status('ranking', 0), status('audit_trail', 6)];
    const response = await harness.get('/health/ready');
    expect(response.status).toBe(503);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503, title: 'Service not ready', ready: false, detail: expect.stringContaining('audit_trail lags 6 events (bound 5)') });
  });

  it('/health/ready is 503 before a projection finished its first catch-up, or when it is stopped', async () => {
    statuses = [status('ranking', 0, { activeVersion: undefined, state: 'catching-up' }), status('distribution', 0, { state: 'stopped' })];
    const response = await harness.get('/health/ready');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ detail: expect.stringMatching(/ranking has not finished its first catch-up.*distribution is stopped/) });
  });

  it('/metrics exposes command counts and latency recorded through COMMAND_METRICS, projection lag and process metrics', async () => {
    statuses = [status('ranking', 3)];
    const metrics = harness.app.get<CommandMetrics>(COMMAND_METRICS);
    metrics.commandHandled('ApprovePlan', 'ok', 0.004);
    metrics.commandHandled('ApprovePlan', 'ok', 0.02);
    metrics.commandHandled('ApprovePlan', 'refused', 0.003);
    const response = await harness.get('/metrics');
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^text\/plain/);
    expect(response.text).toContain('kinerja_commands_total{type="ApprovePlan",outcome="ok"} 2');
    expect(response.text).toContain('kinerja_commands_total{type="ApprovePlan",outcome="refused"} 1');
    expect(response.text).toContain('kinerja_command_duration_seconds_bucket{le="0.005",type="ApprovePlan",outcome="ok"} 1');
    expect(response.text).toContain('kinerja_projection_lag{projection="ranking"} 3');
    expect(response.text).toContain('kinerja_store_head_position 0');
    expect(response.text).toContain('process_cpu_user_seconds_total');
  });
});

describe('operations: readiness when the store is down', () => {
  it('is a 503 naming the store', async () => {
    const store = createMemoryStore();
    const down: EventStore = { ...store, headPosition: async () => left({ _tag: 'Unavailable', reason: 'disk gone' }) };
    const harness = await startHarness([OperationsModule], { store: down, runner: { status: async () => [] } });
    try {
      const response = await harness.get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ store: { reachable: false, reason: 'disk gone' }, detail: expect.stringContaining('event store unreachable: disk gone') });
    } finally {
      await harness.close();
    }
  });
});

describe('timedStore', () => {
  it('times every append by outcome and leaves the rest of the store alone', async () => {
    const store = createMemoryStore();
    const metrics = createServiceMetrics({ store, runner: { status: async () => [] }, processMetrics: false });
    const timed = timedStore(store, metrics);
    const event = { type: 'Noted', schemaVersion: 1, data: {}, metadata: { tenant: 't', commandId: 'c', correlationId: 'c', causationId: 'c', actor: { nip: '1', role: 'operator' }, occurredAt: '2025-01-01T00:00:00.000Z' } };
    await timed.append('s-1', [event], 'no-stream');
    await timed.append('s-1', [event], 'no-stream');
    const text = await metrics.render();
    expect(text).toContain('kinerja_store_append_duration_seconds_count{outcome="ok"} 1');
    expect(text).toContain('kinerja_store_append_duration_seconds_count{outcome="VersionConflict"} 1');
    expect(await timed.headPosition()).toEqual(await store.headPosition());
  });
});
