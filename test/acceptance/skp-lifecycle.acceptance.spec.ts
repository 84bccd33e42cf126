/**
 * DOMAIN.md §2.1, end to end through the public packages: a tenant's roster is imported from its CSV file,
 * then one employee's SKP goes draft → submitted → approved → realised → closed through the engine's command
 * pipeline on a real store, with every refusal leaving the log untouched and the chain verifying at the end.
 * (No BR rule applies to the plan itself; the evaluation rules BR-01..13 start with the evaluation issue.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import {
  fold,
  planIdOf,
  planStreamId,
  rosterDecider,
  rosterFactsFor,
  rosterStreamId,
  type Actor,
  type LocalDate,
  type Nip,
  type PeriodId,
  type PlanCommand,
  type PlanError,
  type TenantId,
  type UnitId,
} from '@kinerja/domain';
import { createMemoryStore, verify, type EventStore } from '@kinerja/eventstore';
import { handle, importRosterCsv, planAggregate, rosterAggregate, type HandleError, type Handled } from '@kinerja/engine';

const tenant = 'salatiga' as TenantId;
const agus = '199203142019031008' as Nip; // pelaksana, Bidang Pelayanan
const rina = '198706122015032004' as Nip; // Kepala Bidang: Agus's superior
const bambang = '197505101998031003' as Nip; // Kepala Dinas: Rina's superior
const dewi = '199510202022032011' as Nip; // Agus's peer
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const period = '2025' as PeriodId;
const plan = planIdOf(agus, period);
const streamId = planStreamId(tenant, plan);

let commandSeq = 0;
const run = async (
  store: EventStore,
  actor: Actor,
  at: string,
  command: { type: PlanCommand['type']; data: unknown },
): Promise<Either<HandleError<PlanError>, Handled<unknown>>> => {
  const now = new Date(at);
  const full = { ...command, metadata: { now, actor } } as PlanCommand;
  return handle(store, planAggregate, streamId, full, { tenant, commandId: `cmd-${++commandSeq}`, actor, issuedAt: now });
};
const refusalOf = (result: Either<HandleError<PlanError>, unknown>): string | undefined =>
  isLeft(result) && result.left._tag === 'Refused' ? result.left.error._tag : undefined;

describe('DOMAIN §2.1: an SKP from draft to close, over an imported roster', () => {
  const store = createMemoryStore();
  const employee: Actor = { nip: agus, role: 'pegawai' };
  const appraiser: Actor = { nip: rina, role: 'pejabat-penilai' };
  let appended = 0;
  const expectLogUnchanged = async () => {
    const head = await store.headPosition();
    expect(isRight(head) && head.right).toBe(appended);
  };
  const advance = async () => {
    const head = await store.headPosition();
    if (isRight(head)) appended = head.right;
  };

  it('imports the roster from its CSV file', async () => {
    const csv = readFileSync(join(__dirname, '..', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    const imported = await importRosterCsv(store, tenant, csv, { tenant, commandId: 'import-1', actor: operator, issuedAt: new Date('2025-01-02T08:00:00+07:00') });
    expect(isRight(imported)).toBe(true);
    await advance();
  });

  const draft = async (appraiserNip: Nip, superiorNip: Nip) => {
    const roster = await store.readStream(rosterStreamId(tenant));
    if (isLeft(roster)) throw new Error('roster unreadable');
    const state = fold(
      rosterDecider.evolve,
      rosterDecider.initialState(),
      roster.right.flatMap((e) => {
        const decoded = rosterAggregate.serde.deserialize(e);
        return isRight(decoded) ? [decoded.right] : [];
      }),
    );
    const header = {
      plan,
      employee: agus,
      appraiser: appraiserNip,
      appraiserSuperior: superiorNip,
      unit: 'dukcapil-pelayanan' as UnitId,
      period,
      periodStart: new Date('2025-01-01T00:00:00+07:00'),
      periodEnd: new Date('2025-12-31T23:59:59+07:00'),
      approach: 'kuantitatif' as const,
    };
    return run(store, employee, '2025-01-06T09:00:00+07:00', {
      type: 'DraftPlan',
      data: { ...header, roster: rosterFactsFor(state, agus, appraiserNip, '2025-01-06' as LocalDate) },
    });
  };

  it('refuses a draft naming someone who is not the employee’s superior, and appends nothing', async () => {
    expect(refusalOf(await draft(dewi, rina))).toBe('AppraiserNotSuperior');
    await expectLogUnchanged();
  });

  it('drafts with the superior found in the roster, adds an RHK utama with its IKI, and submits', async () => {
    expect(isRight(await draft(rina, bambang))).toBe(true);
    const steps = [
      { type: 'AddRhk', data: { plan, rhk: 'RHK-1', kind: 'utama', description: 'KTP-el diterbitkan tepat waktu' } },
      {
        type: 'AddIki',
        data: { plan, rhk: 'RHK-1', iki: 'IKI-1', description: 'KTP-el terbit ≤ 1 hari kerja', targets: { kuantitas: { value: 1200, unit: 'dokumen' }, kualitas: { percent: 98 } } },
      },
      { type: 'SubmitPlan', data: { plan } },
    ] as const;
    for (const step of steps) expect(isRight(await run(store, employee, '2025-01-07T09:00:00+07:00', step))).toBe(true);
    await advance();
  });

  it('lets only the named appraiser approve', async () => {
    expect(refusalOf(await run(store, { nip: bambang, role: 'pejabat-penilai' }, '2025-01-08T09:00:00+07:00', { type: 'ApprovePlan', data: { plan } }))).toBe('NotTheAppraiser');
    await expectLogUnchanged();
    expect(isRight(await run(store, appraiser, '2025-01-08T10:00:00+07:00', { type: 'ApprovePlan', data: { plan } }))).toBe(true);
    await advance();
  });

  it('records a realisation with bukti dukung, and refuses one without', async () => {
    const realise = (evidence: ReadonlyArray<{ ref: string }>) =>
      run(store, employee, '2025-06-30T16:00:00+07:00', { type: 'RecordRealisation', data: { plan, iki: 'IKI-1', realised: { kuantitas: 640, kualitas: 99 }, evidence } });
    expect(refusalOf(await realise([]))).toBe('NoEvidence');
    await expectLogUnchanged();
    expect(isRight(await realise([{ ref: 'siak://laporan/2025-S1' }]))).toBe(true);
    await advance();
  });

  it('closes only at period end, and after close every command fails', async () => {
    expect(refusalOf(await run(store, appraiser, '2025-12-31T16:00:00Z', { type: 'ClosePlan', data: { plan } }))).toBe('PeriodNotEnded');
    await expectLogUnchanged();
    expect(isRight(await run(store, appraiser, '2026-01-02T08:00:00+07:00', { type: 'ClosePlan', data: { plan } }))).toBe(true);
    await advance();
    expect(refusalOf(await run(store, employee, '2026-01-03T08:00:00+07:00', { type: 'RecordFeedback', data: { plan, kind: 'feedback', note: 'late note' } }))).toBe('PlanClosed');
    await expectLogUnchanged();
  });

  it('leaves a log whose every chain verifies', async () => {
    const report = await verify(store);
    expect(isRight(report) && report.right).toMatchObject({ _tag: 'Intact', streamsChecked: 2 });
    const history = await store.readStream(streamId);
    expect(isRight(history) && history.right.map((e) => e.type)).toEqual([
      'PlanDrafted',
      'RhkAdded',
      'IkiAdded',
      'PlanSubmitted',
      'PlanApproved',
      'RealisationRecorded',
      'PlanClosed',
    ]);
  });
});
