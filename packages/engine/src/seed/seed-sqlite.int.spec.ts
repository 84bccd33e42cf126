/**
 * The seed at a small size on a real SQLite file: all five tenants with the five OPD of DOMAIN.md §1, no refusal,
 * every unit period settled under the kurva distribusi (BR-04..BR-08), every evaluation final, complaints through
 * their SLA (BR-23) and absences through discipline cases (BR-14..BR-22), the hash chains intact, and a second run
 * appending nothing.
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

  it('counts per aggregate: what the report says was appended is in the log, category by category', () => {
    expect(Object.fromEntries(log.categories)).toEqual(report.perAggregate);
    for (const category of ['pengaduan', 'absensi', 'disiplin', 'keberatanadmin']) expect([category, report.perAggregate[category] ?? 0]).not.toEqual([category, 0]);
    for (const { tenant } of SEED_TENANTS) {
      const t = report.perTenant[tenant];
      expect(log.complaints.filter((c) => c.tenant === tenant)).toHaveLength(t?.complaints ?? -1);
      expect(log.cases.filter((c) => c.tenant === tenant)).toHaveLength(t?.disciplineCases ?? -1);
      expect(t?.absentees).toBeGreaterThanOrEqual(2);
    }
    // Everything complaint and discipline happened within the years of the shipped holiday calendar (2025-2027).
    expect([log.span?.first.slice(0, 4) ?? '', log.span?.last.slice(0, 4) ?? ''].every((year) => year >= '2025' && year <= '2027')).toBe(true);
  });

  it('BR-23: every complaint ends closed with a rating 1-5, resolved, merged or rejected as spam; late ones were escalated', () => {
    const ends = new Set(log.complaints.map((c) => c.types.at(-1)));
    expect([...ends].sort()).toEqual(['ComplaintClosed', 'ComplaintMergedAsDuplicate', 'ComplaintRejectedAsSpam', 'ComplaintResolved']);
    for (const c of log.complaints) {
      if (c.satisfaction !== undefined) expect(c.satisfaction >= 1 && c.satisfaction <= 5).toBe(true);
      // A first response after its deadline comes after the timer escalated it.
      if (c.acknowledgedWithinSla === false) expect(c.types.indexOf('ComplaintEscalated')).toBeLessThan(c.types.indexOf('ComplaintAcknowledged'));
    }
    for (const { tenant } of SEED_TENANTS) {
      const mine = log.complaints.filter((c) => c.tenant === tenant);
      const types = new Set(mine.flatMap((c) => c.types));
      for (const type of ['ComplaintEscalated', 'ComplaintReopened', 'ComplaintMergedAsDuplicate', 'ComplaintRejectedAsSpam', 'ComplaintClosed'])
        expect([tenant, types.has(type)]).toEqual([tenant, true]);
      // Surabaya escalates to the mayor (48 hours); the others to the head of the service unit.
      expect([tenant, [...new Set(mine.flatMap((c) => c.escalatedTo))]]).toEqual([tenant, [tenant === 'surabaya' ? 'walikota' : 'pimpinan-unit']]);
    }
  });

  it('BR-14..BR-22: every absence case is decided as BR-15 proposes, by an authorised official, delivered and served', () => {
    expect(log.cases.length).toBeGreaterThanOrEqual(2 * SEED_TENANTS.length);
    for (const c of log.cases) {
      expect(c.source).toMatchObject({ kind: 'absence', rule: 'BR-15' });
      expect(c.imposed?.type).toBe(c.source?.proposed?.type);
      expect(c.types.slice(0, 2)).toEqual(['BreachReported', 'SummonsIssued']);
      expect(c.types).toEqual(expect.arrayContaining(['ExaminationRecorded', 'SanctionImposed', 'DecisionDelivered', 'SanctionServed']));
      // BR-17: a berat sanction only after the Tim Pemeriksa examined; BR-19: only the PPK may impose it here.
      if (c.level === 'berat') {
        expect(c.types.indexOf('TimPemeriksaFormed')).toBeGreaterThan(0);
        expect(c.examiners).toEqual(['tim-pemeriksa']);
        expect(c.authority).toBe('ppk');
      } else expect(c.examiners).toEqual(['atasan']);
    }
    expect(log.cases.some((c) => c.level === 'berat')).toBe(true);
    expect(new Set(log.cases.map((c) => c.level))).toEqual(new Set(['ringan', 'sedang', 'berat']));
    // BR-22: some decisions were delivered late, after the timer recorded the missed deadline.
    expect(log.types.get('DeliveryOverdue')).toBeGreaterThan(0);
    // BR-21: one keberatan, in the first tenant, lightened by the PPK and applied to the case by the process manager.
    expect(log.types.get('AdministrativeObjectionFiled')).toBe(1);
    expect(log.types.get('SanctionLightenedOnReview')).toBe(1);
    expect(log.cases.filter((c) => c.types.includes('SanctionReviewed')).map((c) => c.tenant)).toEqual(['surabaya']);
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
