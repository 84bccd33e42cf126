import fc from 'fast-check';
import Database from 'better-sqlite3';
import {
  absenceStreamId,
  appealStreamId,
  complaintStreamId,
  disciplineCaseIdOf,
  disciplineStreamId,
  evaluationIdOf,
  evaluationStreamId,
  objectionStreamId,
  planIdOf,
  planStreamId,
  poorPerformanceIdOf,
  poorPerformanceStreamId,
  rewardStreamId,
  rosterStreamId,
  unitPeriodIdOf,
  unitPeriodStreamId,
  type ComplaintId,
  type Nip,
  type PeriodId,
  type TenantId,
  type UnitId,
} from '@kinerja/domain';
import type { Value } from '../projection';
import { AUDIT_EVENT_TYPES } from './audit';
import { employeeOfStream, ikiAchievementOf, READ_MODELS, rankWithTies } from './index';
import { envelopeFactory } from './read-models.testkit';

const make = envelopeFactory();
const streamId = 'evaluation-surabaya.198503152010011002.2025.2025-Q1';

describe('every read model', () => {
  it('ignores the event types it does not declare', () => {
    for (const p of READ_MODELS)
      for (const type of [...AUDIT_EVENT_TYPES, 'SomethingNobodyDeclares'])
        if (!p.eventTypes.includes(type)) expect(p.apply(make({ type, data: { anything: 1 } }, { streamId }))).toEqual([]);
  });

  it('never throws on data of an unknown shape: it returns rows of its own tables, or one `skipped` row naming the event', () => {
    const events = fc.record({
      projection: fc.constantFrom(...READ_MODELS),
      typeIndex: fc.nat(),
      data: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('evaluation', 'unitPeriod', 'at', 'caseId', 'complaint', 'unit', 'plan', 'facts', 'results'), fc.jsonValue())),
    });
    fc.assert(
      fc.property(events, ({ projection, typeIndex, data }) => {
        const type = projection.eventTypes[typeIndex % projection.eventTypes.length] ?? 'none';
        const event = make({ type, data }, { streamId });
        const changes = projection.apply(event);
        for (const change of changes) {
          const table = projection.tables.find((t) => t.name === change.table);
          expect(table).toBeDefined();
          const row = change.kind === 'upsert' ? change.row : change.key;
          for (const [column, value] of Object.entries(row)) {
            expect(Object.keys(table?.columns ?? {})).toContain(column);
            expect(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))).toBe(true);
          }
          for (const key of table?.primaryKey ?? []) expect(row[key] ?? null).not.toBeNull();
          if (change.table === 'skipped') expect(change).toEqual({ kind: 'upsert', table: 'skipped', row: expect.objectContaining({ event_id: event.eventId, type }) });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('skips an event of a schema version it does not read, naming it', () => {
    for (const p of READ_MODELS) {
      const type = p.eventTypes[0] ?? 'none';
      const event = make({ type, data: {} }, { streamId, schemaVersion: 2 });
      expect(p.apply(event)).toEqual([{ kind: 'upsert', table: 'skipped', row: expect.objectContaining({ reason: expect.stringContaining('schema version 2') }) }]);
    }
  });

  it('declare names and columns the runner accepts, each view name once', () => {
    const views = new Set<string>();
    for (const p of READ_MODELS) {
      expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const t of p.tables) {
        expect(t.name).toMatch(/^[a-z][a-z0-9_]*$/);
        for (const c of Object.keys(t.columns)) expect(c).toMatch(/^[a-z_][a-z0-9_]*$/);
        const view = `${p.name}_${t.name}`;
        expect(views.has(view)).toBe(false);
        views.add(view);
      }
    }
  });
});

describe('stream ids name their employee', () => {
  const tenant = 'surabaya' as TenantId;
  const nip = '198503152010011002' as Nip;
  const plan = planIdOf(nip, '2025' as PeriodId);
  const evaluation = evaluationIdOf(plan, '2025-Q1' as PeriodId);
  const caseId = disciplineCaseIdOf(nip, 2025, '1');
  it.each([
    ['plan', planStreamId(tenant, plan)],
    ['evaluation', evaluationStreamId(tenant, evaluation)],
    ['keberatan', objectionStreamId(tenant, evaluation)],
    ['disiplin', disciplineStreamId(tenant, caseId)],
    ['absensi', absenceStreamId(tenant, nip, 2025)],
    ['keberatanadmin', appealStreamId(tenant, 'keberatan', caseId)],
    ['banding', appealStreamId(tenant, 'banding', caseId)],
    ['kinerjarendah', poorPerformanceStreamId(tenant, poorPerformanceIdOf(nip, 1))],
    ['penghargaan', rewardStreamId(tenant, nip, 2025)],
  ])('%s', (_category, stream) => expect(employeeOfStream(stream)).toBe(nip));
  it.each([
    ['unitperiod', unitPeriodStreamId(tenant, unitPeriodIdOf('dinkes' as UnitId, '2025' as PeriodId))],
    ['roster', rosterStreamId(tenant)],
    ['pengaduan', complaintStreamId(tenant, 'adu-0a1b2c3d4e5f' as ComplaintId)],
  ])('%s names none', (_category, stream) => expect(employeeOfStream(stream)).toBeNull());
});

describe('ranking with ties (DOMAIN.md §4)', () => {
  it('ranks as SQL RANK() OVER (PARTITION BY group ORDER BY keys) does', () => {
    const item = fc.record({ group: fc.constantFrom('a', 'b', 'c'), p: fc.integer({ min: 0, max: 4 }), h: fc.integer({ min: 0, max: 2 }), m: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) });
    const db = new Database(':memory:');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const withIds = items.map((x, id) => ({ ...x, id }));
        const cmp = (x: (typeof withIds)[number], y: (typeof withIds)[number]) =>
          x.p - y.p || y.h - x.h || (x.m === null ? (y.m === null ? 0 : 1) : y.m === null ? -1 : y.m - x.m);
        const ours = new Map(rankWithTies(withIds, (x) => x.group, cmp).map(([x, rank]) => [x.id, rank]));
        db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (id INTEGER, g TEXT, p INTEGER, h INTEGER, m INTEGER)');
        const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?)');
        for (const x of withIds) insert.run(x.id, x.group, x.p, x.h, x.m);
        const sql = db
          .prepare('SELECT id, RANK() OVER (PARTITION BY g ORDER BY p ASC, h DESC, m DESC NULLS LAST) AS r FROM t')
          .all() as Array<{ id: number; r: number }>;
        for (const { id, r } of sql) expect(ours.get(id)).toBe(r);
      }),
      { numRuns: 200 },
    );
    db.close();
  });

  it('an IKI’s achievement: the rule book’s score, else the mean of its aspects by the BR-13 formulas', () => {
    const row = (o: Readonly<Record<string, Value>>) =>
      ({ evaluation: 'e', iki: 'i', score: null, t_kuantitas: null, r_kuantitas: null, t_kualitas: null, r_kualitas: null, t_waktu: null, r_waktu: null, t_biaya: null, r_biaya: null, ...o }) as Parameters<typeof ikiAchievementOf>[0];
    expect(ikiAchievementOf(row({ score: 87.5, t_kuantitas: 10, r_kuantitas: 1 }))).toBe(87.5);
    expect(ikiAchievementOf(row({ t_kuantitas: 1200, r_kuantitas: 900 }))).toBe(75);
    expect(ikiAchievementOf(row({ t_kuantitas: 100, r_kuantitas: 100, t_kualitas: 100, r_kualitas: 80 }))).toBe(90);
    expect(ikiAchievementOf(row({ t_kuantitas: 100 }))).toBe(0); // targeted, nothing realised
    expect(ikiAchievementOf(row({}))).toBeNull();
    // Waktu: realised in 12 of 12 months is 76 on the Perka BKN 1/2013 efficiency scale.
    expect(ikiAchievementOf(row({ t_waktu: 12, r_waktu: 12 }))).toBe(76);
  });
});
