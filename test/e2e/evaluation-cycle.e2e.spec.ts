/**
 * A whole 2025 cycle over real HTTP (issue 8, "Tests"), in the order of the engine's acceptance test
 * (test/acceptance/evaluation-cycle.acceptance.spec.ts), for Surabaya, whose policy uses 360° peer feedback:
 * roster import → three plans drafted, submitted, approved → annual evaluations opened, peer feedback invited and
 * given, rated (the process managers propose them to the unit period) → the unit's organisational result set →
 * distribution settled (the process managers settle the evaluations) → delivered → objection filed, both sides
 * explain, upheld (BR-10, BR-11) → the process managers revise the unit's result and the evaluation → the ranking,
 * the audit trail and the explanation of the revision reflect it.
 *
 * Each own write is read back with `X-Kinerja-Min-Position` (read your writes); results of the process managers
 * (which run in the background) are awaited by polling a query, bounded in time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@kinerja/domain';
import { okBody, settableClock, startTestService, tokensFor, type TestResponse, type TestService } from './e2e.testkit';

const tenant = 'surabaya';
const unit = 'dukcapil-pelayanan';
const rina = '198706122015032004'; // Kepala Bidang Pelayanan: the appraiser of the three
const bambang = '197505101998031003'; // Kepala Dinas: Rina's superior, the unit's authorised official
const agus = '199203142019031008';
const dewi = '199510202022032011';
const sri = '198912052014022003'; // JF Ahli Muda: Butuh Perbaikan, objects, upheld
const operator = '198001012005011001';
const auditor = '198001012005011002';
const year = '2025';
const evaluationOf = (nip: string) => `${nip}.${year}.${year}`;
const planOf = (nip: string) => `${nip}.${year}`;

type Item = Readonly<Record<string, unknown>>;
type Items = Readonly<{ items: ReadonlyArray<Item> }>;

describe('e2e: a whole evaluation cycle over HTTP, from the roster to a revised result (BR-01, BR-05, BR-10, BR-11)', () => {
  const clock = settableClock('2025-01-02T08:00:00+07:00');
  const token = tokensFor(tenant);
  let service: TestService;
  let commandSeq = 0;

  beforeAll(async () => {
    service = await startTestService({ start: { clock: clock.now } });
  }, 20_000);
  afterAll(() => service.close());

  /** A command as `who` in `role`, at the instant given; answers 2xx or the test fails with the problem. */
  const send = async (at: string, who: string, roles: ReadonlyArray<Role>, aggregate: string, command: string, body: unknown): Promise<TestResponse> => {
    clock.set(at);
    const answer = await service.command(tenant, aggregate, command, body, {
      token: await token(who, ...roles),
      headers: { 'idempotency-key': `cycle-${++commandSeq}` },
    });
    okBody(answer);
    return answer;
  };
  const positionOf = (answer: TestResponse): string => {
    const position = answer.headers.get('x-kinerja-position');
    if (position === null) throw new Error('no X-Kinerja-Position on a command answer');
    return position;
  };
  const query = async <A = Items>(path: string, who: string, roles: ReadonlyArray<Role>, minPosition?: string): Promise<A> =>
    okBody<A>(
      await service.request('GET', `/v1/tenants/${tenant}${path}`, {
        token: await token(who, ...roles),
        ...(minPosition === undefined ? {} : { headers: { 'x-kinerja-min-position': minPosition } }),
      }),
    );
  /** Polls a query until `done` holds (the process managers run in the background); at most 10 s. */
  const eventually = async <A>(read: () => Promise<A>, done: (a: A) => boolean, what: string): Promise<A> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 600)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const AUDITOR: ReadonlyArray<Role> = ['auditor'];
  const ranking = (minPosition?: string) => query(`/ranking/units/${unit}?period=${year}&includeProposed=true`, auditor, AUDITOR, minPosition);
  const rankOf = (items: Items, nip: string): Item | undefined => items.items.find((i) => i['employee'] === nip);

  it('imports the roster (operator) and the plans are drafted, submitted and wait in the appraiser’s queue', async () => {
    const csv = readFileSync(join(__dirname, '..', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    await send('2025-01-02T08:00:00+07:00', operator, ['operator'], 'roster', 'import-roster', { csv });
    let last: TestResponse | undefined;
    for (const employee of [agus, dewi, sri]) {
      const plan = planOf(employee);
      const me: ReadonlyArray<Role> = ['pegawai'];
      await send('2025-01-06T09:00:00+07:00', employee, me, 'plan', 'draft-plan', {
        plan,
        employee,
        appraiser: rina,
        appraiserSuperior: bambang,
        unit,
        period: year,
        periodStart: '2025-01-01T00:00:00+07:00',
        periodEnd: '2026-01-01T00:00:00+07:00',
        approach: 'kuantitatif',
      });
      await send('2025-01-06T09:05:00+07:00', employee, me, 'plan', 'add-rhk', { plan, rhk: 'RHK-1', kind: 'utama', description: 'Dokumen kependudukan terbit tepat waktu' });
      await send('2025-01-06T09:10:00+07:00', employee, me, 'plan', 'add-iki', {
        plan,
        rhk: 'RHK-1',
        iki: 'IKI-1',
        description: 'Dokumen terbit ≤ 1 hari kerja',
        targets: { kuantitas: { value: 1200, unit: 'dokumen' } },
      });
      last = await send('2025-01-06T09:15:00+07:00', employee, me, 'plan', 'submit-plan', { plan });
    }
    const queue = await query<Items & { owner: string }>('/queues/plans', rina, ['pejabat-penilai'], positionOf(last as TestResponse));
    expect(queue.owner).toBe(rina);
    expect(queue.items.map((i) => i['employee']).sort()).toEqual([agus, dewi, sri].sort());
  });

  it('the appraiser approves them; her queue empties (read your writes)', async () => {
    let last: TestResponse | undefined;
    for (const employee of [agus, dewi, sri]) last = await send('2025-01-07T09:00:00+07:00', rina, ['pejabat-penilai'], 'plan', 'approve-plan', { plan: planOf(employee) });
    const queue = await query<Items>('/queues/plans', rina, ['pejabat-penilai'], positionOf(last as TestResponse));
    expect(queue.items).toEqual([]);
  });

  it('opens the annual evaluations, invites a peer (360°) who gives feedback, and rates them; the process managers propose them to the unit', async () => {
    for (const employee of [agus, dewi, sri])
      await send('2026-01-05T09:00:00+07:00', rina, ['pejabat-penilai'], 'evaluation', 'open-evaluation', {
        evaluation: evaluationOf(employee),
        kind: 'annual',
        period: year,
        periodStart: '2025-01-01T00:00:00+07:00',
        periodEnd: '2026-01-01T00:00:00+07:00',
      });
    await send('2026-01-06T09:00:00+07:00', rina, ['pejabat-penilai'], 'evaluation', 'invite-feedback', { evaluation: evaluationOf(agus), invitee: dewi, relation: 'peer' });
    const levels = Object.fromEntries(
      ['berorientasi-pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map((value) => [value, 'di-atas-ekspektasi']),
    );
    await send('2026-01-07T09:00:00+07:00', dewi, ['rekan-kerja'], 'evaluation', 'give-feedback', { evaluation: evaluationOf(agus), levels, comment: 'Selalu membantu rekan' });
    const ratings: ReadonlyArray<readonly [string, string, string]> = [
      [agus, 'di-atas-ekspektasi', 'di-atas-ekspektasi'], // Sangat Baik
      [dewi, 'sesuai-ekspektasi', 'sesuai-ekspektasi'], // Baik
      [sri, 'di-bawah-ekspektasi', 'sesuai-ekspektasi'], // Butuh Perbaikan
    ];
    for (const [employee, hasilKerja, perilaku] of ratings)
      await send('2026-01-10T10:00:00+07:00', rina, ['pejabat-penilai'], 'evaluation', 'rate-evaluation', {
        evaluation: evaluationOf(employee),
        regime: 'rated',
        hasilKerja,
        perilaku,
        justification: 'Sesuai capaian IKI 2025',
      });
    const proposed = await eventually(() => ranking(), (r) => r.items.length === 3, 'three proposals');
    expect(proposed.items.map((i) => [i['employee'], i['predikat'], i['stage']])).toEqual([
      [agus, 'sangat-baik', 'proposed'],
      [dewi, 'baik', 'proposed'],
      [sri, 'butuh-perbaikan', 'proposed'],
    ]);
  });

  it('the official sets the organisational result and settles the unit (BR-04): the ranking shows the settled predikat', async () => {
    const unitPeriod = `${unit}.${year}`;
    const set = await send('2026-01-16T11:00:00+07:00', bambang, ['pimpinan-unit'], 'unit-period', 'set-organisational-result', {
      unitPeriod,
      result: 'istimewa',
      justification: 'Capaian IKU dinas 2025',
      evidence: [],
    });
    const distribution = await query<Items>(`/distribution?period=${year}&unit=${unit}`, auditor, AUDITOR, positionOf(set));
    expect(distribution.items[0]).toMatchObject({ organisationalResult: 'istimewa', settled: false, total: 3, ok: true });
    await send('2026-01-16T12:00:00+07:00', bambang, ['pimpinan-unit'], 'unit-period', 'settle-unit-period', { unitPeriod });
    const settled = await eventually(() => ranking(), (r) => r.items.every((i) => i['stage'] === 'settled'), 'the settlement');
    expect(settled.items.map((i) => [i['rank'], i['employee'], i['predikat']])).toEqual([
      [1, agus, 'sangat-baik'],
      [2, dewi, 'baik'],
      [3, sri, 'butuh-perbaikan'],
    ]);
  });

  let revisedEventId = '';

  it('delivered, Sri objects within the window (BR-10); both sides explain and the superior upholds it (BR-11)', async () => {
    const evaluation = evaluationOf(sri);
    await send('2026-01-19T10:00:00+07:00', rina, ['pejabat-penilai'], 'evaluation', 'deliver-evaluation', { evaluation });
    const objection = 'keberatan-2026-0001';
    const filed = await send('2026-01-20T10:00:00+07:00', sri, ['pegawai'], 'objection', 'file-objection', {
      evaluation,
      objection,
      reasons: ['Laporan Desember belum diperhitungkan'],
    });
    const waiting = await query<Items>('/queues/objections', bambang, ['atasan-pejabat-penilai'], positionOf(filed));
    expect(waiting.items).toEqual([expect.objectContaining({ kind: 'keberatan', employee: sri, addressee: bambang, readyToDecide: false })]);
    await send('2026-01-21T10:00:00+07:00', rina, ['pejabat-penilai'], 'objection', 'record-explanation', { evaluation, objection, explanation: 'Laporan diterima terlambat' });
    await send('2026-01-21T11:00:00+07:00', sri, ['pegawai'], 'objection', 'record-explanation', { evaluation, objection, explanation: 'Bukti unggah 31 Desember' });
    const upheld = await send('2026-01-22T10:00:00+07:00', bambang, ['atasan-pejabat-penilai'], 'objection', 'decide-objection', {
      evaluation,
      objection,
      reasons: ['Bukti unggah sah'],
      outcome: 'upheld',
      rating: { regime: 'rated', hasilKerja: 'sesuai-ekspektasi', perilaku: 'sesuai-ekspektasi', justification: 'Laporan Desember lengkap' },
    });
    const queue = await query<Items>('/queues/objections', bambang, ['atasan-pejabat-penilai'], positionOf(upheld));
    expect(queue.items).toEqual([]);

    // The process managers revise the unit's settled result, then the evaluation.
    const revised = await eventually(() => ranking(), (r) => rankOf(r, sri)?.['stage'] === 'revised', 'the revision');
    // Dewi and Sri now tie (Baik, sesuai, sesuai, the same IKI): they share rank 2.
    const rows = revised.items.map((i) => [i['rank'], i['employee'], i['predikat'], i['stage']]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        [1, agus, 'sangat-baik', 'settled'],
        [2, dewi, 'baik', 'settled'],
        [2, sri, 'baik', 'revised'],
      ]),
    );
  });

  it('the angka kredit ledger follows the revision (BR-24: Ahli Muda, Butuh Perbaikan 18.75 → Baik 25)', async () => {
    const ledger = await eventually(
      () => query<Items>(`/angka-kredit?employee=${sri}`, auditor, AUDITOR),
      (l) => l.items.some((e) => e['stage'] === 'revised'),
      'the revised credits',
    );
    expect(ledger.items).toEqual([expect.objectContaining({ employee: sri, jenjang: 'ahli-muda', predikat: 'baik', credits: 25, stage: 'revised', counted: true })]);
    // Sri reads her own ledger without naming herself; asking for Dewi's is refused.
    const own = await query<Items>('/angka-kredit', sri, ['pegawai']);
    expect(own.items.map((e) => e['employee'])).toEqual([sri]);
    const other = await service.request('GET', `/v1/tenants/${tenant}/angka-kredit?employee=${dewi}`, { token: await token(sri, 'pegawai') });
    expect(other.status).toBe(403);
  });

  it("the audit trail of Sri's evaluation and her own file show the objection and the revision", async () => {
    const stream = `evaluation-${tenant}.${evaluationOf(sri)}`;
    const trail = await eventually(
      () => query<Items>(`/audit/streams/${stream}`, auditor, AUDITOR),
      (t) => t.items.some((e) => e['type'] === 'EvaluationRevised'),
      'EvaluationRevised in the audit trail',
    );
    expect(trail.items.map((e) => e['type'])).toEqual([
      'EvaluationOpened',
      'EvaluationRated',
      'EvaluationSettled',
      'EvaluationDelivered',
      'EvaluationObjected',
      'EvaluationRevised',
    ]);
    const revised = trail.items.find((e) => e['type'] === 'EvaluationRevised') as Item;
    expect(revised).toMatchObject({ actor: { role: 'sistem' }, ruleBook: expect.any(String), articles: expect.arrayContaining(['BR-11']) });
    revisedEventId = String(revised['eventId']);
    // Sri reads her own trail (pegawai): the decision on her objection is in it.
    const own = await query<Items>(`/audit/employees/${sri}`, sri, ['pegawai']);
    expect(own.items.map((e) => e['type'])).toEqual(expect.arrayContaining(['ObjectionFiled', 'ObjectionUpheld', 'EvaluationRevised']));
  });

  it('explain: the revision traces back to the upheld objection, who decided it and in what role', async () => {
    const graph = await query<{ root: string; nodes: ReadonlyArray<Item>; edges: ReadonlyArray<Item> }>(`/explain/${revisedEventId}?depth=3`, auditor, AUDITOR);
    expect(graph.root).toBe(revisedEventId);
    const upheld = graph.nodes.find((n) => n['type'] === 'ObjectionUpheld');
    expect(upheld).toMatchObject({ actor: { nip: bambang, role: 'atasan-pejabat-penilai' }, employee: sri });
    expect(graph.edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: revisedEventId, to: upheld?.['eventId'] })]));
    // Sri may explain a decision about her; Dewi may not.
    expect((await service.request('GET', `/v1/tenants/${tenant}/explain/${revisedEventId}`, { token: await token(sri, 'pegawai') })).status).toBe(200);
    expect((await service.request('GET', `/v1/tenants/${tenant}/explain/${revisedEventId}`, { token: await token(dewi, 'pegawai') })).status).toBe(403);
  });

  it("time travel: Sri's evaluation as effective before her objection was Butuh Perbaikan; now it is Baik", async () => {
    // The service clock stamped when things happened (occurredAt); the store stamped when they were recorded (today).
    const stream = `evaluation-${tenant}.${evaluationOf(sri)}`;
    type View = { state: { status: string; settlement: { predikat: string }; history: ReadonlyArray<{ stage: string; predikat: string }> } };
    const before = await query<View>(`/streams/${stream}/as-of?at=2026-01-19T12:00:00%2B07:00&by=effective`, sri, ['pegawai']);
    expect(before.state).toMatchObject({ status: 'delivered', settlement: { predikat: 'butuh-perbaikan' } });
    const now = await query<View>(`/streams/${stream}/as-of?at=2026-12-31T00:00:00Z&by=effective`, sri, ['pegawai']);
    // The revision is the latest result; the settled one stays in the history.
    expect(now.state.history.map((r) => [r.stage, r.predikat]).slice(-2)).toEqual([
      ['settled', 'butuh-perbaikan'],
      ['revised', 'baik'],
    ]);
    // Dewi may not read Sri's file.
    const other = await service.request('GET', `/v1/tenants/${tenant}/streams/${stream}/as-of?at=2026-12-31T00:00:00Z`, { token: await token(dewi, 'pegawai') });
    expect(other.status).toBe(403);
  });

  it('/metrics counted the commands by type and outcome, and the projections caught up', async () => {
    const metrics = await service.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^kinerja_commands_total\{type="ApprovePlan",outcome="ok"\} 3$/m);
    expect(metrics.text).toMatch(/^kinerja_commands_total\{type="DecideObjection",outcome="ok"\} 1$/m);
    expect(metrics.text).toMatch(/^kinerja_command_duration_seconds_count\{type="RateEvaluation",outcome="ok"\} 3$/m);
    expect(metrics.text).toMatch(/^kinerja_store_head_position [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^kinerja_projection_lag\{projection="ranking"\} \d+$/m);
  });
});
