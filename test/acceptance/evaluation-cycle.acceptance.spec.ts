/**
 * DOMAIN.md §2.2–2.3 end to end through the engine on a real SQLite file: Salatiga's roster is imported, three
 * employees of Bidang Pelayanan get approved 2025 plans, their appraiser opens and rates their annual evaluations
 * (the engine fills in the plan's, the roster's and the tenant policy's facts), the process manager proposes each
 * to the unit period (opening it), the Kepala Dinas sets the organisational result and settles the unit under the
 * kurva distribusi, and the process manager settles every evaluation; then delivery, the objection window (BR-10)
 * and final. Every refusal leaves the log as it was; the chain verifies at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import {
  evaluationIdOf,
  evaluationStreamId,
  planIdOf,
  planStreamId,
  rosterFactsFor,
  unitPeriodIdOf,
  unitPeriodStreamId,
  type Actor,
  type EvaluationCommand,
  type EvaluationId,
  type LocalDate,
  type Nip,
  type PeriodId,
  type PlanCommand,
  type RatingLevel,
  type TenantId,
  type UnitId,
  type UnitPeriodCommand,
} from '@kinerja/domain';
import { openSqliteStore, verify, type EventStore } from '@kinerja/eventstore';
import {
  evaluationAggregate,
  handle,
  importRosterCsv,
  loadStream,
  openEvaluation,
  planAggregate,
  reactToCycleEvent,
  rosterAggregate,
  unitPeriodAggregate,
  type CommandContext,
} from '@kinerja/engine';

const tenant = 'salatiga' as TenantId;
const unit = 'dukcapil-pelayanan' as UnitId;
const rina = '198706122015032004' as Nip; // Kepala Bidang Pelayanan: the appraiser and head of the unit
const bambang = '197505101998031003' as Nip; // Kepala Dinas: Rina's superior, the unit's authorised official
const agus = '199203142019031008' as Nip;
const dewi = '199510202022032011' as Nip;
const sri = '198912052014022003' as Nip; // JF Administrator Database Kependudukan Ahli Muda
const system: Actor = { nip: '198001012005011001' as Nip, role: 'sistem' };
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const year = '2025' as PeriodId;
const unitPeriod = unitPeriodIdOf(unit, year);
const evaluationOf = (nip: Nip): EvaluationId => evaluationIdOf(planIdOf(nip, year), year);

let seq = 0;
const contextFor = (actor: Actor, at: string): CommandContext => ({ tenant, commandId: `cmd-${++seq}`, actor, issuedAt: new Date(at) });
const refusal = (result: Either<{ _tag: string; error?: { _tag: string } }, unknown>): string | undefined =>
  isLeft(result) ? (result.left._tag === 'Refused' ? result.left.error?._tag : result.left._tag) : undefined;
const rightOf = <E, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

describe('DOMAIN §2.2–2.3: the 2025 evaluations of a unit, from rating to final, through the engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-cycle-'));
  let store: EventStore;
  let seen = 0;
  beforeAll(() => {
    store = openSqliteStore({ path: join(dir, 'kinerja.db') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the process manager over every event committed since the last call, until nothing new comes. */
  const drain = async (): Promise<number> => {
    let handled = 0;
    for (;;) {
      const head = rightOf(await store.headPosition());
      if (head === seen) return handled;
      for await (const envelope of store.readAll(seen)) {
        if (envelope.globalPosition > head) break;
        handled += rightOf(await reactToCycleEvent(store, envelope, system)).handled;
        seen = envelope.globalPosition;
      }
    }
  };
  const head = async () => rightOf(await store.headPosition());

  const plan = async (employee: Nip) => {
    const id = planIdOf(employee, year);
    const roster = rightOf(await loadStream(store, rosterAggregate, `roster-${tenant}`)).state;
    const as = (actor: Actor, at: string, type: PlanCommand['type'], data: unknown) =>
      handle(store, planAggregate, planStreamId(tenant, id), { type, data, metadata: { now: new Date(at), actor } } as PlanCommand, contextFor(actor, at));
    const me: Actor = { nip: employee, role: 'pegawai' };
    const header = {
      plan: id,
      employee,
      appraiser: rina,
      appraiserSuperior: bambang,
      unit,
      period: year,
      periodStart: new Date('2025-01-01T00:00:00+07:00'),
      periodEnd: new Date('2026-01-01T00:00:00+07:00'),
      approach: 'kuantitatif',
    };
    rightOf(await as(me, '2025-01-06T09:00:00+07:00', 'DraftPlan', { ...header, roster: rosterFactsFor(roster, employee, rina, '2025-01-06' as LocalDate) }));
    rightOf(await as(me, '2025-01-06T09:05:00+07:00', 'AddRhk', { plan: id, rhk: 'RHK-1', kind: 'utama', description: 'Dokumen kependudukan terbit tepat waktu' }));
    rightOf(
      await as(me, '2025-01-06T09:10:00+07:00', 'AddIki', {
        plan: id,
        rhk: 'RHK-1',
        iki: 'IKI-1',
        description: 'Dokumen terbit ≤ 1 hari kerja',
        targets: { kuantitas: { value: 1200, unit: 'dokumen' } },
      }),
    );
    rightOf(await as(me, '2025-01-06T09:15:00+07:00', 'SubmitPlan', { plan: id }));
    rightOf(await as({ nip: rina, role: 'pejabat-penilai' }, '2025-01-07T09:00:00+07:00', 'ApprovePlan', { plan: id }));
  };

  const evaluate = (actor: Actor, at: string, command: Omit<EvaluationCommand, 'metadata'>) =>
    handle(
      store,
      evaluationAggregate,
      evaluationStreamId(tenant, command.data.evaluation),
      { ...command, metadata: { now: new Date(at), actor } } as EvaluationCommand,
      contextFor(actor, at),
    );
  const decideUnit = (actor: Actor, at: string, command: Omit<UnitPeriodCommand, 'metadata'>) =>
    handle(
      store,
      unitPeriodAggregate,
      unitPeriodStreamId(tenant, unitPeriod),
      { ...command, metadata: { now: new Date(at), actor } } as UnitPeriodCommand,
      contextFor(actor, at),
    );
  const appraiser: Actor = { nip: rina, role: 'pejabat-penilai' };
  const official: Actor = { nip: bambang, role: 'pimpinan-unit' };

  it('imports the roster and approves three plans', async () => {
    const csv = readFileSync(join(__dirname, '..', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    rightOf(await importRosterCsv(store, tenant, csv, contextFor(operator, '2025-01-02T08:00:00+07:00')));
    for (const employee of [agus, dewi, sri]) await plan(employee);
    seen = await head();
  });

  it('opens the annual evaluations with the facts the engine looked up, PermenPANRB 6/2022 for 2025', async () => {
    for (const employee of [agus, dewi, sri]) {
      const opened = rightOf(
        await openEvaluation(
          store,
          tenant,
          {
            evaluation: evaluationOf(employee),
            kind: 'annual',
            period: year,
            periodStart: new Date('2025-01-01T00:00:00+07:00'),
            periodEnd: new Date('2026-01-01T00:00:00+07:00'),
          },
          contextFor(appraiser, '2026-01-05T09:00:00+07:00'),
        ),
      );
      const [event] = opened.events;
      expect(event?.type === 'EvaluationOpened' && event.data.facts.ruleBook).toEqual({ id: 'permenpanrb-6-2022', version: 1 });
      expect(event?.type === 'EvaluationOpened' && event.data.facts.roster.jenjang).toBe(employee === sri ? 'ahli-muda' : null);
    }
    expect(await drain()).toBe(0);
  });

  it('rating proposes each evaluation to the unit period, which the process manager opens', async () => {
    const ratings: ReadonlyArray<[Nip, RatingLevel, RatingLevel]> = [
      [agus, 'di-atas-ekspektasi', 'di-atas-ekspektasi'], // Sangat Baik
      [dewi, 'sesuai-ekspektasi', 'sesuai-ekspektasi'], // Baik
      [sri, 'di-bawah-ekspektasi', 'sesuai-ekspektasi'], // Butuh Perbaikan
    ];
    for (const [employee, hasilKerja, perilaku] of ratings)
      rightOf(
        await evaluate(appraiser, '2026-01-10T10:00:00+07:00', {
          type: 'RateEvaluation',
          data: { evaluation: evaluationOf(employee), regime: 'rated', hasilKerja, perilaku, justification: 'Sesuai capaian IKI 2025' },
        }),
      );
    expect(await drain()).toBe(3);
    const unitState = rightOf(await loadStream(store, unitPeriodAggregate, unitPeriodStreamId(tenant, unitPeriod))).events;
    expect(unitState.map((e) => e.type)).toEqual(['UnitPeriodOpened', 'ProposalRecorded', 'ProposalRecorded', 'ProposalRecorded']);
    // A second pass over the same events (a restarted host) appends nothing.
    const before = await head();
    seen = 0;
    await drain();
    expect(await head()).toBe(before);
  });

  it('BR-03: the unit is not settled before its organisational result is set; nothing is appended', async () => {
    const before = await head();
    expect(refusal(await decideUnit(official, '2026-01-15T10:00:00+07:00', { type: 'SettleUnitPeriod', data: { unitPeriod } }))).toBe(
      'OrganisationalResultNotSet',
    );
    expect(await head()).toBe(before);
  });

  it('BR-06: under Butuh Perbaikan the distribution is refused with the bound, the counts and the range', async () => {
    rightOf(
      await decideUnit(official, '2026-01-15T10:00:00+07:00', {
        type: 'SetOrganisationalResult',
        data: { unitPeriod, result: 'butuh-perbaikan', justification: 'Capaian IKU dinas 2025', evidence: [] },
      }),
    );
    const before = await head();
    const settled = await decideUnit(official, '2026-01-16T10:00:00+07:00', { type: 'SettleUnitPeriod', data: { unitPeriod } });
    expect(refusal(settled)).toBe('DistributionViolated');
    expect(isLeft(settled) && settled.left).toMatchObject({
      error: { organisationalResult: 'butuh-perbaikan', total: 3, violations: expect.arrayContaining([expect.objectContaining({ rule: 'BR-06' })]) },
    });
    expect(await head()).toBe(before);
  });

  it('BR-05, BR-24, BR-25: settles under Baik: one decision with every predikat, its basis and consequences, and the evaluations follow', async () => {
    rightOf(
      await decideUnit(official, '2026-01-16T11:00:00+07:00', {
        type: 'SetOrganisationalResult',
        data: { unitPeriod, result: 'baik', justification: 'Capaian IKU dinas 2025 direvisi', evidence: [] },
      }),
    );
    const settled = rightOf(await decideUnit(official, '2026-01-16T12:00:00+07:00', { type: 'SettleUnitPeriod', data: { unitPeriod } }));
    const [envelope] = settled.envelopes;
    expect(envelope?.metadata.basis).toMatchObject({ ruleBook: 'permenpanrb-6-2022@1', articles: expect.arrayContaining(['BR-01', 'BR-03', 'BR-05']) });
    expect(envelope?.metadata.basis?.inputs.length).toBeGreaterThan(0);

    expect(await drain()).toBe(3);
    const sriEvaluation = rightOf(await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, evaluationOf(sri)))).state;
    expect(sriEvaluation.status).toBe('settled');
    expect(sriEvaluation.status === 'settled' && sriEvaluation.settlement).toMatchObject({
      predikat: 'butuh-perbaikan',
      consequences: { angkaKredit: { jenjang: 'ahli-muda', credits: 18.75 }, allowancePercent: 90, promotionEligible: false },
    });
  });

  it('BR-10: delivered, the window runs 14 days in WIB; final is refused inside it and accepted after', async () => {
    const evaluation = evaluationOf(dewi);
    const delivered = rightOf(await evaluate(appraiser, '2026-01-19T10:00:00+07:00', { type: 'DeliverEvaluation', data: { evaluation } }));
    const [event] = delivered.events;
    expect(event?.type === 'EvaluationDelivered' && event.data.objectionDeadline).toEqual(new Date('2026-02-02T23:59:59.999+07:00'));
    const before = await head();
    expect(refusal(await evaluate(system, '2026-02-02T23:59:59+07:00', { type: 'FinalizeEvaluation', data: { evaluation } }))).toBe('ObjectionWindowOpen');
    expect(await head()).toBe(before);
    rightOf(await evaluate(system, '2026-02-03T00:00:00+07:00', { type: 'FinalizeEvaluation', data: { evaluation } }));
  });

  it('the log verifies: every chain intact', async () => {
    expect(rightOf(await verify(store))._tag).toBe('Intact');
    expect(isRight(await store.headPosition())).toBe(true);
  });
});
