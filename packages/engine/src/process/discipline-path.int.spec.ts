/**
 * Through `COMMANDS` on a real SQLite file: a discipline case against a pelaksana of Salatiga's Dukcapil, reported,
 * summoned and examined by his superior, who imposes a 6-month 25% cut as the administrator above him (BR-19);
 * the timer records the missed BR-22 delivery deadline once; the employee's keberatan (BR-21) is decided by the PPK
 * as memperingan, and the appeal's process manager puts the lighter sanction on the case; the timer records it
 * served. Absences: the third unexcused working day of the year opens a case proposing teguran lisan (BR-15).
 * Every reaction and timer runs twice without appending twice.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/Either';
import {
  appealStreamId,
  disciplineCaseIdOf,
  disciplineStreamId,
  type Actor,
  type Nip,
  type TenantId,
} from '@kinerja/domain';
import { openSqliteStore, verify, type EventStore } from '@kinerja/eventstore';
import { disciplineAggregate } from '../aggregates';
import { catalogDriver, failureTag, rightOf, type CatalogDriver } from '../catalog/catalog.testkit';
import { ruleOfRefusal } from '../catalog/refusals';
import { loadStream } from '../pipeline';
import { fireAllDue, fireDue, TIMED_STREAM_PREFIXES } from './timers';

const tenant = 'salatiga' as TenantId;
const rina = '198706122015032004' as Nip; // Kepala Bidang (administrator), Agus's superior
const agus = '199203142019031008' as Nip; // pelaksana
const dewi = '199510202022032011' as Nip;
const ppk: Actor = { nip: '196501011990031001' as Nip, role: 'ppk' };
const system: Actor = { nip: '198001012005011001' as Nip, role: 'sistem' };
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const caseId = disciplineCaseIdOf(agus, 2026, '1');
const caseStream = disciplineStreamId(tenant, caseId);

describe('a discipline case, its keberatan and its timers through the catalog (BR-14..BR-22)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-discipline-'));
  let store: EventStore;
  let drive: CatalogDriver;
  const caseState = async (stream = caseStream) => rightOf(await loadStream(store, disciplineAggregate, stream)).state;

  beforeAll(async () => {
    store = openSqliteStore({ path: join(dir, 'kinerja.db') });
    drive = catalogDriver(store, tenant, system);
    const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    rightOf(await drive.run('roster', 'ImportRoster', { csv }, operator, '2025-01-02T08:00:00+07:00', { commandId: 'import-1' }));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a retried roster import returns the first result and appends nothing', async () => {
    const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    const before = await drive.head();
    const retried = rightOf(await drive.run('roster', 'ImportRoster', { csv }, operator, '2025-01-02T08:00:00+07:00', { commandId: 'import-1' }));
    expect(retried).toMatchObject({ replayed: true, streamVersion: before - 1, position: before });
    expect(retried.events.length).toBeGreaterThan(0);
    // Another import of the same file (a new command id) is refused row by row: the employees are there already.
    expect(failureTag(await drive.run('roster', 'ImportRoster', { csv }, operator, '2025-01-03T08:00:00+07:00'))).toBe('InvalidRows');
    expect(await drive.head()).toBe(before);
  });

  it('reports, summons, examines and decides with the official standing the roster gives (BR-19)', async () => {
    const superior: Actor = { nip: rina, role: 'pejabat-penilai' };
    const reported = rightOf(
      await drive.run('discipline', 'ReportBreach', { caseId, employee: agus, allegation: 'Meninggalkan loket pelayanan tanpa izin', source: { kind: 'superior' } }, superior, '2026-02-02T09:00:00+07:00'),
    );
    expect(reported.events[0]).toMatchObject({ data: { facts: { employeeGrade: 'pelaksana', superiors: [rina, '197505101998031003'] } } });
    rightOf(await drive.run('discipline', 'SummonEmployee', { caseId, date: '2026-02-12' }, superior, '2026-02-02T10:00:00+07:00'));
    rightOf(await drive.run('discipline', 'RecordExamination', { caseId, bap: 'BAP/2026/001', findings: 'Terbukti meninggalkan loket' }, superior, '2026-02-12T10:00:00+07:00'));
    const official: Actor = { nip: rina, role: 'pejabat-berwenang-menghukum' };
    // BR-19: an administrator may not impose a berat sanction on a pelaksana; the table names who may.
    const berat = await drive.run('discipline', 'DecideSanction', { caseId, sanction: { type: 'penurunan-jabatan-12-bulan' }, findings: 'Terbukti' }, official, '2026-02-13T09:00:00+07:00');
    expect(failureTag(berat)).toBe('NotAuthorised');
    expect(ruleOfRefusal('discipline', 'NotAuthorised')).toBe('BR-19');
    const decided = rightOf(
      await drive.run('discipline', 'DecideSanction', { caseId, sanction: { type: 'potongan-tukin-25', months: 6 }, findings: 'Terbukti' }, official, '2026-02-13T09:30:00+07:00'),
    );
    expect(decided.envelopes[0]?.metadata.basis?.articles).toEqual(expect.arrayContaining(['BR-19']));
    expect((await caseState()).status).toBe('decided');
  });

  it('BR-22: the timer records the missed delivery deadline once, however often it fires', async () => {
    expect(TIMED_STREAM_PREFIXES).toContain('disiplin-');
    expect(rightOf(await fireDue(store, caseStream, new Date('2026-02-20T09:00:00+07:00'), system)).fired).toBe(0);
    const before = await drive.head();
    const late = new Date('2026-04-01T09:00:00+07:00');
    expect(rightOf(await fireDue(store, caseStream, late, system)).fired).toBe(1);
    expect(rightOf(await fireDue(store, caseStream, late, system)).fired).toBe(0);
    const all = await fireAllDue(store, late, system);
    expect(all).toMatchObject({ fired: 0, failures: [] });
    expect(all.streams).toBeGreaterThanOrEqual(1);
    expect(await drive.head()).toBe(before + 1);
    const state = await caseState();
    expect(state.status === 'decided' && state.decision.overdueRecorded).toBe(true);
  });

  it('BR-20, BR-21: a keberatan needs a delivered decision; a banding is only against a dismissal', async () => {
    const employee: Actor = { nip: agus, role: 'pegawai' };
    const body = { caseId, reasons: ['Ketidakhadiran di loket karena tugas lapangan'] };
    expect(failureTag(await drive.run('appeal', 'FileAdministrativeObjection', body, employee, '2026-04-01T10:00:00+07:00'))).toBe('SanctionNotDelivered');
    expect(failureTag(await drive.run('appeal', 'FileAdministrativeObjection', { ...body, caseId: 'nope' }, employee, '2026-04-01T10:00:00+07:00'))).toBe('CaseNotFound');
    rightOf(await drive.run('discipline', 'DeliverDecision', { caseId }, { nip: rina, role: 'pejabat-berwenang-menghukum' }, '2026-04-02T09:00:00+07:00'));
    const banding = await drive.run('appeal', 'FileAppeal', body, employee, '2026-04-06T10:00:00+07:00');
    expect(failureTag(banding)).toBe('BandingOnlyAgainstDismissal');
    expect(ruleOfRefusal('appeal', 'BandingOnlyAgainstDismissal')).toBe('BR-20');
  });

  it('BR-21: the PPK lightens the sanction; the process manager applies it to the case, once', async () => {
    const employee: Actor = { nip: agus, role: 'pegawai' };
    rightOf(await drive.run('appeal', 'FileAdministrativeObjection', { caseId, reasons: ['Ketidakhadiran di loket karena tugas lapangan'] }, employee, '2026-04-06T10:00:00+07:00'));
    expect(await drive.drain()).toBe(0);
    rightOf(
      await drive.run(
        'appeal',
        'DecideAppeal',
        { kind: 'keberatan', caseId, outcome: 'memperingan', reasons: ['Tugas lapangan terbukti sebagian'], sanction: { level: 'ringan', type: 'teguran-tertulis' } },
        ppk,
        '2026-04-20T10:00:00+07:00',
      ),
    );
    expect(await drive.drain()).toBe(1); // ApplyReviewOutcome
    const state = await caseState();
    expect(state.status === 'delivered' && state.decision.sanction).toEqual({ type: 'teguran-tertulis' });
    const before = await drive.head();
    await drive.redrainAll();
    expect(await drive.head()).toBe(before);
    // A decided keberatan has no timer left.
    expect(rightOf(await fireDue(store, appealStreamId(tenant, 'keberatan', caseId), new Date('2026-06-01T00:00:00+07:00'), system)).fired).toBe(0);
  });

  it('the timer records the sanction served once it has taken effect', async () => {
    const later = new Date('2026-05-01T09:00:00+07:00');
    expect(rightOf(await fireDue(store, caseStream, later, system)).fired).toBe(1);
    expect(rightOf(await fireDue(store, caseStream, later, system)).fired).toBe(0);
    expect((await caseState()).status).toBe('served');
  });

  it('BR-15: the third unexcused working day opens a case proposing teguran lisan, once', async () => {
    for (const date of ['2026-01-05', '2026-01-06', '2026-01-07'])
      rightOf(await drive.run('absence', 'RecordAbsence', { employee: dewi, date, excused: false }, operator, '2026-01-08T08:00:00+07:00'));
    expect(await drive.drain()).toBe(1);
    const opened = await caseState(disciplineStreamId(tenant, disciplineCaseIdOf(dewi, 2026, 'absensi-3')));
    expect(opened.status === 'reported' && opened.source).toMatchObject({ kind: 'absence', rule: 'BR-15', unexcusedDays: 3, proposed: { type: 'teguran-lisan' } });
    const before = await drive.head();
    await drive.redrainAll();
    expect(await drive.head()).toBe(before);
  });

  it('a stream without timers is named, not fired', async () => {
    const result = await fireDue(store, 'roster-salatiga', new Date(), system);
    expect(isLeft(result) && result.left._tag).toBe('NotTimed');
  });

  it('the log verifies: every chain intact', async () => {
    const verified = await verify(store);
    expect(isLeft(verified) ? verified.left : verified.right._tag).toBe('Intact');
  });
});
