/**
 * The seed at a small size on a real SQLite file: all five tenants with the five OPD of DOMAIN.md §1, no refusal,
 * every unit period settled under the kurva distribusi (BR-04..BR-08), every evaluation final, the hash chains
 * intact, and a second run appending nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, verify, type SqliteEventStore } from '@kinerja/eventstore';
import { seedHistory, type SeedReport } from './history';
import { CORE_OPD } from './opd';
import { SEED_TENANTS } from './organisation';
import { readSeededLog, type SeededLog } from './seed.testkit';

describe('seedHistory on SQLite, small', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-seed-'));
  let store: SqliteEventStore;
  let report: SeedReport;
  let log: SeededLog;

  beforeAll(async () => {
    store = openSqliteStore({ path: join(dir, 'kinerja.db') });
    report = await seedHistory({ store, employees: 110, years: 1, seed: 2025, periodic: false, concurrency: 32 });
    log = await readSeededLog(store);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs in a few seconds with no refusal', () => {
    expect(report.firstRefusals).toEqual([]);
    expect(report.refusals).toBe(0);
    expect(report.events).toBeGreaterThan(1500);
    expect(report.seconds).toBeLessThan(30);
    expect(report.events).toBe(Object.values(report.perTenant).reduce((sum, t) => sum + t.events, 0));
  });

  it('has every tenant, each with the five OPD of DOMAIN.md §1', () => {
    expect(Object.keys(report.perTenant).sort()).toEqual(SEED_TENANTS.map((t) => t.tenant).sort());
    for (const { tenant } of SEED_TENANTS) {
      const units = log.unitsByTenant.get(tenant) ?? new Set<string>();
      for (const opd of CORE_OPD) expect([tenant, units.has(opd.key)]).toEqual([tenant, true]);
      expect(report.perTenant[tenant]?.unitPeriods).toBe(report.perTenant[tenant]?.units);
    }
  });

  it('BR-04..BR-08: every settled unit, and every revision after an upheld keberatan, fits the curve', () => {
    const unitPeriods = Object.values(report.perTenant).reduce((sum, t) => sum + t.unitPeriods, 0);
    expect(log.types.get('UnitPeriodSettled')).toBe(unitPeriods);
    expect(log.curveChecks.length).toBeGreaterThanOrEqual(unitPeriods);
    for (const check of log.curveChecks) expect(check).toMatchObject({ holds: true, tallied: true });
    // More than one organisational result occurs, and some employees are below Baik (BR-05 needs one).
    expect(new Set(log.curveChecks.map((c) => c.result)).size).toBeGreaterThan(1);
  });

  it('ends with every evaluation final, and the chains intact', async () => {
    expect(log.evaluations).toBe(Object.values(report.perTenant).reduce((sum, t) => sum + t.evaluations, 0));
    expect(log.finals).toBe(log.evaluations);
    const verified = await verify(store);
    expect(verified._tag === 'Right' && verified.right._tag).toBe('Intact');
  });

  it('a second run of the same seed appends nothing', async () => {
    const before = await store.headPosition();
    const again = await seedHistory({ store, employees: 110, years: 1, seed: 2025, periodic: false, concurrency: 32 });
    expect(again).toMatchObject({ events: 0, refusals: 0 });
    expect(await store.headPosition()).toEqual(before);
  }, 60_000);
});
