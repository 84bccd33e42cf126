/**
 * The read models over a real history: Salatiga's 2025 cycle driven through the engine's command catalog and
 * process managers on the memory store (as test/acceptance/evaluation-cycle.acceptance.spec.ts does on SQLite),
 * projected by the real runner into an in-memory read-model database, then queried.
 *
 * Agus and Dewi are rated Sangat Baik with the same IKI achievement (a tie), Sri (JF Ahli Muda) Butuh Perbaikan;
 * the Kepala Dinas settles the unit under Baik (BR-05). Sri files a keberatan, both sides explain, it is rejected
 * and her evaluation becomes final, which opens her poor-performance path (BR-26). Agus's 2026 plan waits for
 * Rina's approval.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluationIdOf,
  evaluationStreamId,
  planIdOf,
  type Actor,
  type EvaluationId,
  type Nip,
  type PeriodId,
  type TenantId,
  type TimeZone,
  type UnitId,
} from '@kinerja/domain';
import { createMemoryStore, type EventEnvelope, type EventStore } from '@kinerja/eventstore';
import { fireDue } from '@kinerja/engine';
// The engine's catalog driver (decode the request, run the spec, drain the process managers): test support.
import { catalogDriver, rightOf, type CatalogDriver } from '../../packages/engine/src/catalog/catalog.testkit';
import { createProjectionRunner, openReadModelDb } from '@kinerja/projections';
import { applyEvents, createReadModelDb, dumpRows } from '../../packages/projections/src/read-models/read-models.testkit';
import {
  angkaKreditLedger,
  auditTrailForEmployee,
  auditTrailForStream,
  deadlinesDue,
  deadlinesThisWeek,
  distribution,
  explain,
  explainText,
  exportReadModel,
  objectionsAwaitingDecision,
  plansAwaitingApproval,
  provenanceOf,
  rankingByTenant,
  rankingByUnit,
  READ_MODEL_NAMES,
  READ_MODELS,
  skippedEvents,
  unitRanking,
} from '@kinerja/projections';

const tenant = 'salatiga' as TenantId;
const unit = 'dukcapil-pelayanan' as UnitId;
const rina = '198706122015032004' as Nip;
const bambang = '197505101998031003' as Nip;
const agus = '199203142019031008' as Nip;
const dewi = '199510202022032011' as Nip;
const sri = '198912052014022003' as Nip;
const system: Actor = { nip: '198001012005011001' as Nip, role: 'sistem' };
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const appraiser: Actor = { nip: rina, role: 'pejabat-penilai' };
const official: Actor = { nip: bambang, role: 'pimpinan-unit' };
const atasan: Actor = { nip: bambang, role: 'atasan-pejabat-penilai' };
const year = '2025' as PeriodId;
const evaluationOf = (nip: Nip): EvaluationId => evaluationIdOf(planIdOf(nip, year), year);
const periodStart = '2025-01-01T00:00:00+07:00';
const periodEnd = '2026-01-01T00:00:00+07:00';

const allEvents = async (store: EventStore): Promise<ReadonlyArray<EventEnvelope>> => {
  const out: EventEnvelope[] = [];
  for await (const e of store.readAll(0)) out.push(e);
  return out;
};

describe('read models over a 2025 cycle of Salatiga, through the engine and the runner', () => {
  const store = createMemoryStore({ clock: () => new Date('2026-03-01T00:00:00Z') });
  const drive: CatalogDriver = catalogDriver(store, tenant, system);
  const db = openReadModelDb(':memory:');
  const runner = createProjectionRunner({ store, db, projections: READ_MODELS, batchSize: 50 });
  afterAll(() => db.close());

  const plan = async (employee: Nip, realised: number, period: PeriodId = year) => {
    const id = planIdOf(employee, period);
    const me: Actor = { nip: employee, role: 'pegawai' };
    const next = period !== year;
    const header = {
      plan: id,
      employee,
      appraiser: rina,
      appraiserSuperior: bambang,
      unit,
      period,
      periodStart: next ? '2026-01-01T00:00:00+07:00' : periodStart,
      periodEnd: next ? '2027-01-01T00:00:00+07:00' : periodEnd,
      approach: 'kuantitatif',
    };
    rightOf(await drive.run('plan', 'DraftPlan', header, me, '2025-01-06T09:00:00+07:00'));
    rightOf(await drive.run('plan', 'AddRhk', { plan: id, rhk: 'RHK-1', kind: 'utama', description: 'Dokumen kependudukan terbit tepat waktu' }, me, '2025-01-06T09:05:00+07:00'));
    rightOf(
      await drive.run(
        'plan',
        'AddIki',
        { plan: id, rhk: 'RHK-1', iki: 'IKI-1', description: 'Dokumen terbit', targets: { kuantitas: { value: 1200, unit: 'dokumen' } } },
        me,
        '2025-01-06T09:10:00+07:00',
      ),
    );
    rightOf(await drive.run('plan', 'SubmitPlan', { plan: id }, me, '2025-01-06T09:15:00+07:00'));
    if (next) return; // waits for Rina's approval
    rightOf(await drive.run('plan', 'ApprovePlan', { plan: id }, appraiser, '2025-01-07T09:00:00+07:00'));
    rightOf(
      await drive.run('plan', 'RecordRealisation', { plan: id, iki: 'IKI-1', realised: { kuantitas: realised }, evidence: [{ ref: 'laporan-2025.pdf' }] }, me, '2025-12-20T09:00:00+07:00'),
    );
  };

  beforeAll(async () => {
    const csv = readFileSync(join(__dirname, '..', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    rightOf(await drive.run('roster', 'ImportRoster', { csv }, operator, '2025-01-02T08:00:00+07:00'));
    await plan(agus, 1200);
    await plan(dewi, 1200);
    await plan(sri, 900);
    await plan(agus, 0, '2026' as PeriodId); // Agus's 2026 plan, submitted
    for (const employee of [agus, dewi, sri])
      rightOf(
        await drive.run('evaluation', 'OpenEvaluation', { evaluation: evaluationOf(employee), kind: 'annual', period: year, periodStart, periodEnd }, appraiser, '2026-01-05T09:00:00+07:00'),
      );
    const ratings = [
      [agus, 'di-atas-ekspektasi', 'di-atas-ekspektasi'],
      [dewi, 'di-atas-ekspektasi', 'di-atas-ekspektasi'],
      [sri, 'di-bawah-ekspektasi', 'sesuai-ekspektasi'],
    ] as const;
    for (const [employee, hasilKerja, perilaku] of ratings)
      rightOf(
        await drive.run('evaluation', 'RateEvaluation', { evaluation: evaluationOf(employee), regime: 'rated', hasilKerja, perilaku, justification: 'Sesuai capaian IKI 2025' }, appraiser, '2026-01-10T10:00:00+07:00'),
      );
    await drive.drain();
    rightOf(await drive.run('unit-period', 'SetOrganisationalResult', { unitPeriod: `${unit}.${year}`, result: 'baik', justification: 'Capaian IKU dinas 2025', evidence: [] }, official, '2026-01-16T10:00:00+07:00'));
    rightOf(await drive.run('unit-period', 'SettleUnitPeriod', { unitPeriod: `${unit}.${year}` }, official, '2026-01-16T11:00:00+07:00'));
    await drive.drain();
    for (const employee of [agus, dewi, sri])
      rightOf(await drive.run('evaluation', 'DeliverEvaluation', { evaluation: evaluationOf(employee) }, appraiser, '2026-01-19T10:00:00+07:00'));
    const sriAsEmployee: Actor = { nip: sri, role: 'pegawai' };
    rightOf(await drive.run('objection', 'FileObjection', { evaluation: evaluationOf(sri), objection: 'KEB-1', reasons: ['Capaian 75% karena sistem SIAK gangguan'] }, sriAsEmployee, '2026-01-20T09:00:00+07:00'));
    await drive.drain();
    rightOf(await drive.run('objection', 'RecordExplanation', { evaluation: evaluationOf(sri), objection: 'KEB-1', explanation: 'Sesuai bukti dukung' }, appraiser, '2026-01-21T09:00:00+07:00'));
    await runner.catchUp(); // a first pass while the keberatan is open
  });

  it('work queues: the open keberatan waits for the Atasan Pejabat Penilai, not yet ready (BR-11); Agus’s 2026 plan waits for Rina', async () => {
    const open = objectionsAwaitingDecision(db, { tenant, decider: bambang });
    expect(open).toEqual([expect.objectContaining({ kind: 'keberatan', subject: evaluationOf(sri), employee: sri, addressee: bambang, readyToDecide: false })]);
    expect(objectionsAwaitingDecision(db, { tenant, decider: rina })).toEqual([]);
    expect(plansAwaitingApproval(db, { tenant, appraiser: rina })).toEqual([expect.objectContaining({ plan: planIdOf(agus, '2026' as PeriodId), employee: agus, period: '2026' })]);
    expect(plansAwaitingApproval(db, { tenant, appraiser: bambang })).toEqual([]);
    const due = deadlinesDue(db, { tenant, to: '2026-12-31T00:00:00Z' });
    // BR-10 windows of Agus and Dewi (Sri objected), and the keberatan's decision deadline.
    expect(due.map((d) => [d.kind, d.subject, d.owner])).toEqual(
      expect.arrayContaining([
        ['objection-window', evaluationOf(agus), agus],
        ['objection-window', evaluationOf(dewi), dewi],
        ['objection-decision', evaluationOf(sri), bambang],
      ]),
    );
    expect(due.some((d) => d.kind === 'objection-window' && d.subject === evaluationOf(sri))).toBe(false);
  });

  describe('after the keberatan is rejected and the windows pass', () => {
    beforeAll(async () => {
      const sriAsEmployee: Actor = { nip: sri, role: 'pegawai' };
      rightOf(await drive.run('objection', 'RecordExplanation', { evaluation: evaluationOf(sri), objection: 'KEB-1', explanation: 'Gangguan sistem' }, sriAsEmployee, '2026-01-22T09:00:00+07:00'));
      rightOf(
        await drive.run('objection', 'DecideObjection', { evaluation: evaluationOf(sri), objection: 'KEB-1', reasons: ['Gangguan tidak terbukti'], outcome: 'rejected' }, atasan, '2026-01-23T09:00:00+07:00'),
      );
      await drive.drain();
      for (const employee of [agus, dewi]) rightOf(await fireDue(store, evaluationStreamId(tenant, evaluationOf(employee)), new Date('2026-02-03T00:00:00+07:00'), system));
      await drive.drain();
      await runner.catchUp();
    });

    it('nothing was skipped: every event had the shape its read models read', () => {
      expect(skippedEvents(db, READ_MODELS)).toEqual([]);
    });

    it('DOMAIN §4 ranking: Agus and Dewi tie on predikat, levels and IKI achievement and share rank 1; Sri is 3rd', () => {
      const ranking = rankingByUnit(db, { tenant, unit, period: year });
      expect(ranking.map((r) => [r.employee, r.rank, r.predikat, r.ikiAchievement])).toEqual([
        [agus, 1, 'sangat-baik', 100],
        [dewi, 1, 'sangat-baik', 100],
        [sri, 3, 'butuh-perbaikan', 75],
      ]);
      expect(ranking[0]).toMatchObject({ hasilKerja: 'di-atas-ekspektasi', perilaku: 'di-atas-ekspektasi', stage: 'settled' });
      expect(rankingByTenant(db, { tenant, period: year }).map((r) => [r.employee, r.rank, r.unitRank])).toEqual([
        [agus, 1, 1],
        [dewi, 1, 1],
        [sri, 3, 3],
      ]);
      expect(unitRanking(db, { tenant, period: year })).toEqual([
        expect.objectContaining({ rank: 1, unit, organisationalResult: 'baik', employees: 3, meanPredikat: 4.33, goodShare: 0.67 }),
      ]);
    });

    it('BR-04..08: the distribution of the unit against the curve under Baik (BR-05) fits', () => {
      const [d] = distribution(db, { tenant, period: year });
      expect(d).toMatchObject({
        unit,
        organisationalResult: 'baik',
        settled: true,
        total: 3,
        counts: { 'sangat-baik': 2, baik: 0, 'butuh-perbaikan': 1, kurang: 0, 'sangat-kurang': 0 },
        ok: true,
      });
      expect(d?.bounds.map((b) => [b.rule, b.predikat, b.count, b.allowed])).toEqual([
        ['BR-05', ['baik'], 0, { min: 0, max: 2 }],
        ['BR-05', ['butuh-perbaikan', 'kurang'], 1, { min: 1, max: 3 }],
      ]);
    });

    it('BR-24 angka kredit: Sri, JF Ahli Muda with Butuh Perbaikan, earns 18.75 (25 × 0.75)', () => {
      expect(angkaKreditLedger(db, { tenant })).toEqual([
        expect.objectContaining({ employee: sri, jenjang: 'ahli-muda', predikat: 'butuh-perbaikan', share: 0.75, coefficient: 25, credits: 18.75, counted: true, cumulative: 18.75 }),
      ]);
    });

    it('work queues empty out: the keberatan is decided, the windows passed; Sri’s improvement period (BR-26) is open', () => {
      expect(objectionsAwaitingDecision(db, { tenant })).toEqual([]);
      const due = deadlinesDue(db, { tenant, to: '2027-01-01T00:00:00Z' });
      expect(due.map((d) => [d.kind, d.employee, d.owner])).toEqual([['improvement-period', sri, rina]]);
    });

    it('deadlines this week: those due by Sunday night in the tenant’s zone, overdue ones still open included', () => {
      const timeZone = 'Asia/Jakarta' as TimeZone;
      // Sri's 6 months to improve (BR-26) end on Thursday 2026-07-23, 23:59:59.999 WIB.
      const kinds = (now: string) => deadlinesThisWeek(db, { tenant, now: new Date(now), timeZone }).map((d) => d.kind);
      expect(kinds('2026-07-19T23:00:00+07:00')).toEqual([]); // Sunday of the week before
      expect(kinds('2026-07-20T00:00:00+07:00')).toEqual(['improvement-period']); // Monday
      expect(kinds('2026-07-28T10:00:00+07:00')).toEqual(['improvement-period']); // overdue and still open
      expect(deadlinesThisWeek(db, { tenant, now: new Date('2026-07-20T08:00:00+07:00'), timeZone, owner: agus })).toEqual([]);
    });

    it('audit trail per employee: Sri’s file holds her plan, evaluation, keberatan, path, and the unit settlement that settled her', () => {
      const trail = auditTrailForEmployee(db, sri, { tenant });
      const types = trail.map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining(['PlanDrafted', 'EvaluationOpened', 'EvaluationRated', 'ProposalRecorded', 'UnitPeriodSettled', 'EvaluationSettled', 'ObjectionFiled', 'ObjectionRejected', 'PoorPerformancePathOpened']),
      );
      expect(types).not.toContain('ObjectionUpheld');
      expect(trail.every((e, i) => i === 0 || (trail[i - 1]?.position ?? 0) < e.position)).toBe(true);
      const rated = trail.find((e) => e.type === 'EvaluationRated');
      expect(rated).toMatchObject({ actor: { nip: rina, role: 'pejabat-penilai' }, ruleBook: 'permenpanrb-6-2022@1', articles: expect.arrayContaining(['BR-01']) });
      expect(rated?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(trail.find((e) => e.type === 'ObjectionRejected')).toMatchObject({ decidedBy: bambang, authority: 'atasan-pejabat-penilai' });
      // Agus's file does not hold Sri's keberatan.
      expect(auditTrailForEmployee(db, agus).some((e) => e.type === 'ObjectionFiled')).toBe(false);
    });

    it('audit trail per stream: in stream order, each entry with its hash', () => {
      const stream = auditTrailForStream(db, evaluationStreamId(tenant, evaluationOf(dewi)));
      expect(stream.map((e) => e.type)).toEqual(['EvaluationOpened', 'EvaluationRated', 'EvaluationSettled', 'EvaluationDelivered', 'EvaluationFinalized']);
      expect(stream.map((e) => e.version)).toEqual([0, 1, 2, 3, 4]);
    });

    it('explain a settled predikat: the ratings, the unit result, the curve check (BR-05 with the counts) and the actors', async () => {
      const settled = (await allEvents(store)).find((e) => e.type === 'EvaluationSettled' && e.streamId === evaluationStreamId(tenant, evaluationOf(sri)));
      if (settled === undefined) throw new Error('no settlement');
      const node = provenanceOf(db, settled.eventId);
      expect(node).toMatchObject({ type: 'EvaluationSettled', actor: { role: 'sistem' }, ruleBook: 'se-menpanrb-3-2023@1' });
      const graph = explain(db, settled.eventId, { depth: 3 });
      if (graph === undefined) throw new Error('no graph');
      const types = graph.nodes.map((n) => n.type);
      expect(types).toEqual(expect.arrayContaining(['EvaluationOpened', 'EvaluationRated', 'UnitPeriodSettled', 'OrganisationalResultSet', 'UnitPeriodOpened', 'ProposalRecorded']));
      // Every colleague's rating is reached through their proposal (the process manager's cause).
      expect(graph.nodes.filter((n) => n.type === 'EvaluationRated').map((n) => n.employee).sort()).toEqual([agus, dewi, sri].sort());
      expect(graph.missing).toEqual([]);
      const unitSettled = graph.nodes.find((n) => n.type === 'UnitPeriodSettled');
      expect(unitSettled?.articles).toEqual(expect.arrayContaining(['BR-03', 'BR-05']));
      expect(unitSettled?.actor).toEqual(official);
      const text = explainText(graph);
      expect(text).toContain('EvaluationSettled');
      expect(text).toContain('hasil kerja di-bawah-ekspektasi, perilaku sesuai-ekspektasi');
      expect(text).toContain('organisational result baik');
      expect(text).toMatch(/BR-05 butuh-perbaikan \+ kurang: 1 within 1\.\.3 ok/);
      expect(text).toContain('counts sangat-baik 2, baik 0, butuh-perbaikan 1, kurang 0, sangat-kurang 0');
      expect(text).toContain(`${bambang} (pimpinan-unit)`);
      expect(text).toContain(`${rina} (pejabat-penilai)`);
    });

    it('exports every read model as flat rows', () => {
      for (const name of READ_MODEL_NAMES) {
        const rows = exportReadModel(db, name, { tenant });
        for (const row of rows) for (const v of Object.values(row)) expect(v === null || typeof v === 'string' || typeof v === 'number').toBe(true);
      }
      expect(exportReadModel(db, 'distribution', { tenant, period: year })).toEqual([
        expect.objectContaining({ unit, 'counts.sangat-baik': 2, 'counts.butuh-perbaikan': 1, ok: 1, settled: 1 }),
      ]);
      expect(exportReadModel(db, 'ranking', {}).map((r) => r['rank'])).toEqual([1, 1, 3]);
      expect(() => exportReadModel(db, 'no-such-model')).toThrow(/unknown read model/);
    });

    it('a rebuild from scratch gives the same rows as the incremental runs', async () => {
      const before = exportAll();
      await runner.rebuild();
      expect(exportAll()).toEqual(before);
      expect(isLeft(await store.headPosition())).toBe(false);
    });

    it('any batch split gives the same rows (fresh runners with random batch sizes over the same log)', async () => {
      const expected = dumpRows(db, READ_MODELS);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 60 }), async (batchSize) => {
          const fresh = openReadModelDb(':memory:');
          try {
            await createProjectionRunner({ store, db: fresh, projections: READ_MODELS, batchSize }).catchUp();
            expect(dumpRows(fresh, READ_MODELS)).toEqual(expected);
          } finally {
            fresh.close();
          }
        }),
        { numRuns: 8 },
      );
    });

    it('delivering the log a second time changes nothing (idempotent row changes)', async () => {
      const events = await allEvents(store);
      const twice = createReadModelDb(READ_MODELS);
      applyEvents(twice, READ_MODELS, events);
      const once = dumpRows(twice, READ_MODELS);
      applyEvents(twice, READ_MODELS, events);
      expect(dumpRows(twice, READ_MODELS)).toEqual(once);
      expect(once).toEqual(dumpRows(db, READ_MODELS));
    });

    const exportAll = () => Object.fromEntries(READ_MODEL_NAMES.map((name) => [name, exportReadModel(db, name, { tenant })]));
  });

});
