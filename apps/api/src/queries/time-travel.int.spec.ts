import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/Either';
import { planIdOf, planStreamId, rosterFactsFor, type Actor, type LocalDate, type Nip, type PeriodId, type PlanCommand, type TenantId } from '@kinerja/domain';
import { createMemoryStore, type EventStore } from '@kinerja/eventstore';
import { handle, importRosterCsv, loadStream, planAggregate, rosterAggregate, type CommandContext } from '@kinerja/engine';
import type { Principal } from '../contracts';
import { startHarness, type Harness } from './harness.testkit';
import { QueriesModule } from './queries.module';

const tenant = 'salatiga' as TenantId;
const agus = '199203142019031008' as Nip;
const dewi = '199510202022032011' as Nip;
const rina = '198706122015032004' as Nip;
const bambang = '197505101998031003' as Nip;
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const auditor: Principal = { nip: '198001012005011002', tenant, roles: ['auditor'] };
const agusPrincipal: Principal = { nip: agus, tenant, roles: ['pegawai'] };
const dewiPrincipal: Principal = { nip: dewi, tenant, roles: ['pegawai'] };
const plan = planIdOf(agus, '2025' as PeriodId);

describe('time travel over HTTP: a stream and a file as of an instant (auditors, and the employee for their own)', () => {
  let now = new Date('2025-01-02T01:00:00Z');
  let store: EventStore;
  let harness: Harness;
  let waits: Array<[number, number]> = [];
  let reached = true;
  beforeAll(async () => {
    store = createMemoryStore({ clock: () => now });
    const context = (commandId: string, actor: Actor, at: Date): CommandContext => ({ tenant, commandId, actor, issuedAt: at });
    const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    const imported = await importRosterCsv(store, tenant, csv, context('roster', operator, now));
    if (isLeft(imported)) throw new Error(JSON.stringify(imported.left));
    // Agus drafts his plan on 6 January, but it is recorded only on 10 January (entered late).
    now = new Date('2025-01-10T02:00:00Z');
    const roster = await loadStream(store, rosterAggregate, `roster-${tenant}`);
    if (isLeft(roster)) throw new Error('roster');
    const draftedAt = new Date('2025-01-06T02:00:00Z');
    const drafted = await handle(
      store,
      planAggregate,
      planStreamId(tenant, plan),
      {
        type: 'DraftPlan',
        data: {
          plan,
          employee: agus,
          appraiser: rina,
          appraiserSuperior: bambang,
          unit: 'dukcapil-pelayanan',
          period: '2025',
          periodStart: new Date('2025-01-01T00:00:00+07:00'),
          periodEnd: new Date('2026-01-01T00:00:00+07:00'),
          approach: 'kuantitatif',
          roster: rosterFactsFor(roster.right.state, agus, rina, '2025-01-06' as LocalDate),
        },
        metadata: { now: draftedAt, actor: { nip: agus, role: 'pegawai' } },
      } as PlanCommand,
      context('draft', { nip: agus, role: 'pegawai' }, draftedAt),
    );
    if (isLeft(drafted)) throw new Error(JSON.stringify(drafted.left));
    harness = await startHarness([QueriesModule], {
      store,
      runner: {
        status: async () => [{ name: "ranking", activeVersion: 1, declaredVersion: 1, checkpoint: 40, lag: 2, state: "live" as const }],
        waitFor: async (position: number, timeoutMs: number) => {
          waits.push([position, timeoutMs]);
          return reached;
        },
      },
    });
  });
  afterAll(() => harness.close());

  it('an auditor reads the roster as recorded before and after its import', async () => {
    const before = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=2025-01-01T00:00:00Z`, auditor);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ streamId: `roster-${tenant}`, aggregate: 'roster', version: -1, envelopes: [] });
    const after = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=2025-01-03T00:00:00Z&by=recorded`, auditor);
    expect(after.status).toBe(200);
    expect((after.body as { envelopes: unknown[] }).envelopes.length).toBeGreaterThan(0);
    expect((after.body as { laterEvents: number }).laterEvents).toBe(0);
  });

  it('recorded vs effective: a plan drafted on 6 January but recorded on 10 January shows on 8 January only as effective', async () => {
    const stream = planStreamId(tenant, plan);
    const response = await harness.get(`/v1/tenants/${tenant}/streams/${stream}/recorded-vs-effective?at=2025-01-08T00:00:00Z`, auditor);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      streamId: stream,
      differs: true,
      recorded: { version: -1, envelopes: [], state: { status: 'empty' } },
      effective: { version: 0, state: { status: 'draft' } },
      recordedLater: [{ type: 'PlanDrafted' }],
    });
    const roster = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/recorded-vs-effective?at=2025-01-03T00:00:00Z`, auditor);
    expect(roster.body).toMatchObject({ differs: false, recordedLater: [] });
  });

  it('the employee reads their own file; another employee is refused with 403', async () => {
    const own = await harness.get(`/v1/tenants/${tenant}/employees/${agus}/file/as-of?at=2025-02-01T00:00:00Z`, agusPrincipal);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ nip: agus, streams: [{ streamId: planStreamId(tenant, plan), version: 0 }], notYet: [] });
    const early = await harness.get(`/v1/tenants/${tenant}/employees/${agus}/file/as-of?at=2025-01-08T00:00:00Z`, agusPrincipal);
    expect(early.body).toMatchObject({ streams: [], notYet: [planStreamId(tenant, plan)] });
    const other = await harness.get(`/v1/tenants/${tenant}/employees/${agus}/file/as-of?at=2025-02-01T00:00:00Z`, dewiPrincipal);
    expect(other.status).toBe(403);
    const ownStream = await harness.get(`/v1/tenants/${tenant}/streams/${planStreamId(tenant, plan)}/as-of?at=2025-02-01T00:00:00Z`, agusPrincipal);
    expect(ownStream.status).toBe(200);
    const roster = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=2025-02-01T00:00:00Z`, agusPrincipal);
    expect(roster.status).toBe(403);
  });

  it("a stream of another tenant named under one's own tenant is refused with 403", async () => {
    const response = await harness.get(`/v1/tenants/${tenant}/streams/roster-surabaya/as-of?at=2025-02-01T00:00:00Z`, auditor);
    expect(response.status).toBe(403);
  });

  it('bad parameters are 400 problems naming the field; unknown query parameters are refused', async () => {
    const badAt = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=yesterday`, auditor);
    expect(badAt.status).toBe(400);
    expect(badAt.body).toMatchObject({ status: 400, errors: [{ path: 'at', message: expect.stringContaining('ISO-8601') }] });
    const unknown = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=2025-01-01T00:00:00Z&colour=red`, auditor);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ path: 'colour', message: 'unknown field "colour"' }] });
    const badNip = await harness.get(`/v1/tenants/${tenant}/employees/123/file/as-of?at=2025-01-01T00:00:00Z`, auditor);
    expect(badNip.status).toBe(400);
    expect(badNip.body).toMatchObject({ errors: [{ path: 'nip' }] });
    const knownAt = await harness.get(`/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=2025-01-01T00:00:00Z&knownAt=2025-01-01T00:00:00Z`, auditor);
    expect(knownAt.status).toBe(400);
  });

  describe('read your writes', () => {
    const url = `/v1/tenants/${tenant}/streams/roster-${tenant}/as-of?at=2025-01-03T00:00:00Z`;
    beforeEach(() => {
      waits = [];
      reached = true;
    });

    it('X-Kinerja-Min-Position waits for the runner (bounded at 5 s) before answering', async () => {
      const response = await harness.get(url, auditor, { 'x-kinerja-min-position': '42' });
      expect(response.status).toBe(200);
      expect(waits).toEqual([[42, 5_000]]);
    });

    it('?minPosition= does the same and is not taken for an unknown parameter', async () => {
      const response = await harness.get(`${url}&minPosition=7`, auditor);
      expect(response.status).toBe(200);
      expect(waits).toEqual([[7, 5_000]]);
    });

    it('not reached within the bound: 503 read-model-behind with Retry-After', async () => {
      reached = false;
      const response = await harness.get(url, auditor, { 'x-kinerja-min-position': '42' });
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toMatchObject({ type: 'urn:kinerja:problem:read-model-behind', status: 503, minPosition: 42, position: 40 });
    });

    it('a position that is not a whole number is a 400 naming the header', async () => {
      const response = await harness.get(url, auditor, { 'x-kinerja-min-position': '-1' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ errors: [{ path: 'header x-kinerja-min-position' }] });
      expect(waits).toEqual([]);
    });
  });
});
