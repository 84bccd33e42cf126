/**
 * Through `COMMANDS` on a real SQLite file, with `reactToEvent` as the only process-manager host: Salatiga's
 * roster is imported, three 2025 plans approved, the annual evaluations rated, settled under Baik and delivered.
 * Dewi files a keberatan (BR-10), both sides explain, the Kepala Dinas upholds it (BR-11): the unit re-checks its
 * curve and the evaluation is revised and final. Agus's window passes and the timer makes his final (BR-10); Sri's
 * Butuh Perbaikan becomes final and opens her poor-performance path (BR-26), whose improvement period the timer
 * ends. Running the host or a timer twice appends nothing twice; the chain verifies at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/Either';
import {
  evaluationIdOf,
  evaluationStreamId,
  planIdOf,
  poorPerformanceIdOf,
  poorPerformanceStreamId,
  unitPeriodIdOf,
  unitPeriodStreamId,
  type Actor,
  type EvaluationId,
  type Nip,
  type PeriodId,
  type TenantId,
  type UnitId,
} from '@kinerja/domain';
import { openSqliteStore, verify, type EventStore } from '@kinerja/eventstore';
import { evaluationAggregate, poorPerformanceAggregate, unitPeriodAggregate } from '../aggregates';
import { catalogDriver, failureTag, rightOf, type CatalogDriver } from '../catalog/catalog.testkit';
import { loadStream } from '../pipeline';
import { fireDue } from './timers';

const tenant = 'salatiga' as TenantId;
const unit = 'dukcapil-pelayanan' as UnitId;
const rina = '198706122015032004' as Nip; // Kepala Bidang Pelayanan: appraiser
const bambang = '197505101998031003' as Nip; // Kepala Dinas: atasan pejabat penilai, authorised official
const agus = '199203142019031008' as Nip;
const dewi = '199510202022032011' as Nip;
const sri = '198912052014022003' as Nip; // JF ahli muda
const system: Actor = { nip: '198001012005011001' as Nip, role: 'sistem' };
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const appraiser: Actor = { nip: rina, role: 'pejabat-penilai' };
const year = '2025' as PeriodId;
const unitPeriod = unitPeriodIdOf(unit, year);
const evaluationOf = (nip: Nip): EvaluationId => evaluationIdOf(planIdOf(nip, year), year);
const periodStart = '2025-01-01T00:00:00+07:00';
const periodEnd = '2026-01-01T00:00:00+07:00';

describe('the objection path and the timers through the catalog (BR-10, BR-11, BR-26)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-objection-'));
  let store: EventStore;
  let drive: CatalogDriver;
  beforeAll(() => {
    store = openSqliteStore({ path: join(dir, 'kinerja.db') });
    drive = catalogDriver(store, tenant, system);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const evaluationState = async (nip: Nip) =>
    rightOf(await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, evaluationOf(nip)))).state;

  it('imports the roster, approves three plans and opens their evaluations', async () => {
    const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    rightOf(await drive.run('roster', 'ImportRoster', { csv }, operator, '2025-01-02T08:00:00+07:00'));
    for (const employee of [agus, dewi, sri]) {
      const plan = planIdOf(employee, year);
      const me: Actor = { nip: employee, role: 'pegawai' };
      const header = { plan, employee, appraiser: rina, appraiserSuperior: bambang, unit, period: year, periodStart, periodEnd, approach: 'kuantitatif' };
      rightOf(await drive.run('plan', 'DraftPlan', header, me, '2025-01-06T09:00:00+07:00'));
      rightOf(await drive.run('plan', 'AddRhk', { plan, rhk: 'RHK-1', kind: 'utama', description: 'Dokumen kependudukan terbit tepat waktu' }, me, '2025-01-06T09:05:00+07:00'));
      rightOf(
        await drive.run(
          'plan',
          'AddIki',
          { plan, rhk: 'RHK-1', iki: 'IKI-1', description: 'Dokumen terbit ≤ 1 hari kerja', targets: { kuantitas: { value: 1200, unit: 'dokumen' } } },
          me,
          '2025-01-06T09:10:00+07:00',
        ),
      );
      rightOf(await drive.run('plan', 'SubmitPlan', { plan }, me, '2025-01-06T09:15:00+07:00'));
      rightOf(await drive.run('plan', 'ApprovePlan', { plan }, appraiser, '2025-01-07T09:00:00+07:00'));
      rightOf(
        await drive.run('evaluation', 'OpenEvaluation', { evaluation: evaluationOf(employee), kind: 'annual', period: year, periodStart, periodEnd }, appraiser, '2026-01-05T09:00:00+07:00'),
      );
    }
    expect(await drive.drain()).toBe(0);
  });

  it('rates, settles under Baik through the process managers, and delivers', async () => {
    const ratings = [
      [agus, 'di-atas-ekspektasi', 'di-atas-ekspektasi'], // Sangat Baik
      [dewi, 'sesuai-ekspektasi', 'sesuai-ekspektasi'], // Baik
      [sri, 'di-bawah-ekspektasi', 'sesuai-ekspektasi'], // Butuh Perbaikan
    ] as const;
    for (const [employee, hasilKerja, perilaku] of ratings)
      rightOf(
        await drive.run('evaluation', 'RateEvaluation', { evaluation: evaluationOf(employee), regime: 'rated', hasilKerja, perilaku, justification: 'Sesuai capaian IKI 2025' }, appraiser, '2026-01-10T10:00:00+07:00'),
      );
    expect(await drive.drain()).toBe(3);
    const official: Actor = { nip: bambang, role: 'pimpinan-unit' };
    rightOf(await drive.run('unit-period', 'SetOrganisationalResult', { unitPeriod, result: 'baik', justification: 'Capaian IKU dinas 2025', evidence: [] }, official, '2026-01-16T10:00:00+07:00'));
    rightOf(await drive.run('unit-period', 'SettleUnitPeriod', { unitPeriod }, official, '2026-01-16T11:00:00+07:00'));
    expect(await drive.drain()).toBe(3);
    for (const employee of [agus, dewi, sri])
      rightOf(await drive.run('evaluation', 'DeliverEvaluation', { evaluation: evaluationOf(employee) }, appraiser, '2026-01-19T10:00:00+07:00'));
    expect((await evaluationState(dewi)).status).toBe('delivered');
  });

  it('answers the facts problem or the stale version before deciding, and appends nothing', async () => {
    const before = await drive.head();
    const notOpened = evaluationIdOf(planIdOf(rina, year), year);
    const dewiAsEmployee: Actor = { nip: dewi, role: 'pegawai' };
    expect(failureTag(await drive.run('objection', 'FileObjection', { evaluation: notOpened, objection: 'KEB-0', reasons: ['x'] }, dewiAsEmployee, '2026-01-20T09:00:00+07:00'))).toBe(
      'EvaluationNotFound',
    );
    expect(
      failureTag(
        await drive.run('objection', 'FileObjection', { evaluation: evaluationOf(dewi), objection: 'KEB-1', reasons: ['x'] }, dewiAsEmployee, '2026-01-20T09:00:00+07:00', {
          expectedVersion: 3,
        }),
      ),
    ).toBe('StaleVersion');
    // BR-10: only the evaluated employee files.
    expect(
      failureTag(await drive.run('objection', 'FileObjection', { evaluation: evaluationOf(dewi), objection: 'KEB-1', reasons: ['x'] }, { nip: agus, role: 'pegawai' }, '2026-01-20T09:00:00+07:00')),
    ).toBe('NotTheEmployee');
    expect(await drive.head()).toBe(before);
  });

  it('BR-10, BR-11: filed, both sides heard, upheld: the curve is re-checked and the evaluation revised and final', async () => {
    const dewiAsEmployee: Actor = { nip: dewi, role: 'pegawai' };
    const evaluation = evaluationOf(dewi);
    const filed = rightOf(
      await drive.run('objection', 'FileObjection', { evaluation, objection: 'KEB-1', reasons: ['Capaian melampaui target 15%'] }, dewiAsEmployee, '2026-01-20T09:00:00+07:00', {
        expectedVersion: 'no-stream',
      }),
    );
    expect(filed.envelopes[0]?.metadata.basis?.articles).toContain('BR-10');
    expect(await drive.drain()).toBe(1); // NoteObjection
    expect((await evaluationState(dewi)).status).toBe('objected');

    rightOf(await drive.run('objection', 'RecordExplanation', { evaluation, objection: 'KEB-1', explanation: 'Penilaian sesuai bukti dukung' }, appraiser, '2026-01-21T09:00:00+07:00'));
    const atasan: Actor = { nip: bambang, role: 'atasan-pejabat-penilai' };
    const decide = {
      evaluation,
      objection: 'KEB-1',
      reasons: ['Bukti dukung menunjukkan capaian di atas target'],
      outcome: 'upheld',
      rating: { regime: 'rated', hasilKerja: 'di-atas-ekspektasi', perilaku: 'di-atas-ekspektasi', justification: 'Capaian di atas target' },
    };
    expect(failureTag(await drive.run('objection', 'DecideObjection', decide, atasan, '2026-01-22T09:00:00+07:00'))).toBe('ExplanationsMissing');
    rightOf(await drive.run('objection', 'RecordExplanation', { evaluation, objection: 'KEB-1', explanation: 'Target terlampaui' }, dewiAsEmployee, '2026-01-22T09:00:00+07:00'));
    rightOf(await drive.run('objection', 'DecideObjection', decide, atasan, '2026-01-23T09:00:00+07:00'));

    expect(await drive.drain()).toBe(2); // ReviseSettledResult, ReviseEvaluation (the path: nothing for Sangat Baik)
    const revised = await evaluationState(dewi);
    expect(revised.status).toBe('final');
    const unitEvents = rightOf(await loadStream(store, unitPeriodAggregate, unitPeriodStreamId(tenant, unitPeriod))).events;
    expect(unitEvents.map((e) => e.type)).toContain('SettledResultRevised');
  });

  it('running the host again over the whole log appends nothing', async () => {
    const before = await drive.head();
    await drive.redrainAll();
    expect(await drive.head()).toBe(before);
  });

  it('BR-10: the timer makes an evaluation final once its window has passed, once', async () => {
    const streamId = evaluationStreamId(tenant, evaluationOf(agus));
    expect(rightOf(await fireDue(store, streamId, new Date('2026-02-02T23:59:59+07:00'), system)).fired).toBe(0);
    const before = await drive.head();
    const after = new Date('2026-02-03T00:00:00+07:00');
    const [first, second] = await Promise.all([fireDue(store, streamId, after, system), fireDue(store, streamId, after, system)]);
    expect(rightOf(first).fired + rightOf(second).fired).toBeGreaterThanOrEqual(1);
    expect(await drive.head()).toBe(before + 1);
    expect(rightOf(await fireDue(store, streamId, after, system)).fired).toBe(0);
    expect(await drive.head()).toBe(before + 1);
    expect((await evaluationState(agus)).status).toBe('final');
    expect(await drive.drain()).toBe(0); // Sangat Baik opens no path
  });

  it('BR-26: a final Butuh Perbaikan opens the path; the timer ends its 6 months to improve', async () => {
    rightOf(await fireDue(store, evaluationStreamId(tenant, evaluationOf(sri)), new Date('2026-02-03T00:00:00+07:00'), system));
    expect(await drive.drain()).toBe(1); // OpenPoorPerformancePath
    const pathStream = poorPerformanceStreamId(tenant, poorPerformanceIdOf(sri, 1));
    const path = rightOf(await loadStream(store, poorPerformanceAggregate, pathStream));
    expect(path.state.status).toBe('improving');
    expect(path.envelopes[0]?.metadata.causationId).toBeDefined();

    expect(rightOf(await fireDue(store, pathStream, new Date('2026-07-01T00:00:00+07:00'), system)).fired).toBe(0);
    const before = await drive.head();
    expect(rightOf(await fireDue(store, pathStream, new Date('2026-08-04T00:00:00+07:00'), system)).fired).toBe(1);
    expect(rightOf(await fireDue(store, pathStream, new Date('2026-08-04T00:00:00+07:00'), system)).fired).toBe(0);
    expect(await drive.head()).toBe(before + 1);
    expect(rightOf(await loadStream(store, poorPerformanceAggregate, pathStream)).state.status).toBe('test-due');
  });

  it('the log verifies: every chain intact', async () => {
    const verified = await verify(store);
    expect(isLeft(verified) ? verified.left : verified.right._tag).toBe('Intact');
  });
});
