/**
 * The CLI in-process (the same `main` the binary calls) on a temp SQLite store written through the engine:
 * verify, replay, token, and the exit codes of usage errors and a missing data directory. The real binary, end to
 * end with seed, rebuild, a tampered row, explain and export, is test/cli/cli.e2e.spec.ts.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { isLeft, type Either } from 'fp-ts/Either';
import { jwtVerify } from 'jose';
import { planIdOf, planStreamId, type Actor, type LocalDate, type Nip, type PeriodId, type PlanCommand, type TenantId, type UnitId } from '@kinerja/domain';
import { handle, planAggregate } from '@kinerja/engine';
import { openSqliteStore } from '@kinerja/eventstore';
import { main } from './main';

type Run = Readonly<{ code: number; stdout: string; stderr: string }>;

const run = async (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}, now?: Date): Promise<Run> => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const code = await main(['node', 'kinerja', ...args], { io: { stdout, stderr, env }, ...(now === undefined ? {} : { now: () => now }) });
  return { code, stdout: out.join(''), stderr: err.join('') };
};

const rightOf = <E, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

const tenant = 'surabaya' as TenantId;
const employee = '198503152010011002' as Nip;
const appraiser = '197805122005012001' as Nip;
const superior = '196901011990031003' as Nip;
const plan = planIdOf(employee, '2025' as PeriodId);
const streamId = planStreamId(tenant, plan);

describe('kinerja (in-process) on a temp SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-cli-'));
  const dbPath = join(dir, 'kinerja.db');

  beforeAll(async () => {
    // The store's clock is the instant each command is issued, except the approval: issued on 7 January, recorded on the 9th.
    let clock = new Date('2025-01-06T02:00:00Z');
    const store = openSqliteStore({ path: dbPath, clock: () => clock });
    let n = 0;
    const send = async (actor: Actor, issued: string, type: PlanCommand['type'], data: unknown, recorded = issued) => {
      clock = new Date(recorded);
      const now = new Date(issued);
      rightOf(await handle(store, planAggregate, streamId, { type, data, metadata: { now, actor } } as PlanCommand, { tenant, commandId: `c-${++n}`, actor, issuedAt: now }));
    };
    const me: Actor = { nip: employee, role: 'pegawai' };
    const unit = 'dinkes' as UnitId;
    await send(me, '2025-01-06T02:00:00Z', 'DraftPlan', {
      plan,
      employee,
      appraiser,
      appraiserSuperior: superior,
      unit,
      period: '2025',
      periodStart: new Date('2025-01-01T00:00:00+07:00'),
      periodEnd: new Date('2026-01-01T00:00:00+07:00'),
      approach: 'kuantitatif',
      roster: { asOf: '2025-01-06' as LocalDate, employeeUnit: unit, employeeSuperior: appraiser, appraiserSuperior: superior },
    });
    await send(me, '2025-01-06T02:05:00Z', 'AddRhk', { plan, rhk: 'R1', kind: 'utama', description: 'Laporan' });
    await send(me, '2025-01-06T02:10:00Z', 'AddIki', { plan, rhk: 'R1', iki: 'I1', description: 'Laporan bulanan', targets: { kuantitas: { value: 12, unit: 'laporan' } } });
    await send(me, '2025-01-06T02:15:00Z', 'SubmitPlan', { plan });
    await send({ nip: appraiser, role: 'pejabat-penilai' }, '2025-01-07T02:00:00Z', 'ApprovePlan', { plan }, '2025-01-09T02:00:00Z');
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('verify', () => {
    it('exits 0 when every chain holds, and says how much it checked', async () => {
      const result = await run(['--data', dir, 'verify']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('intact: every chain holds (5 events in 1 stream checked)');
    });

    it('reads the data directory from KINERJA_DATA when no flag is given', async () => {
      const result = await run(['verify', '--json'], { KINERJA_DATA: dir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ intact: true, _tag: 'Intact', eventsChecked: 5, streamsChecked: 1 });
    });

    it('a stream that does not exist is "not found" (exit 1)', async () => {
      const result = await run(['--data', dir, 'verify', '--stream', 'plan-surabaya.nope']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no stream plan-surabaya.nope');
    });

    it('a missing data directory is reported clearly (exit 3) and not created', async () => {
      const missing = join(dir, 'not-here');
      const result = await run(['--data', missing, 'verify']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`no data directory at ${missing}`);
      expect(result.stderr).toContain('kinerja seed');
    });

    it('a file that is not an event store is "unavailable" (exit 3)', async () => {
      const bogus = join(dir, 'bogus.db');
      writeFileSync(bogus, 'this is not a SQLite database, just some text that is long enough to have a header\n'.repeat(20));
      const result = await run(['--store', `sqlite:${bogus}`, '--data', dir, 'verify']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('cannot open the event store');
    });
  });

  describe('replay', () => {
    it('as recorded: the plan as the store held it on 8 January (submitted; the approval not yet recorded)', async () => {
      const result = await run(['--data', dir, 'replay', streamId, '--as-of', '2025-01-08T00:00:00Z', '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json).toMatchObject({ streamId, aggregate: 'plan', version: 3, eventCount: 4, state: { status: 'submitted' } });
      expect(json.events.map((e: { type: string }) => e.type)).toEqual(['PlanDrafted', 'RhkAdded', 'IkiAdded', 'PlanSubmitted']);
      expect(json.events[0].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('as effective: on 8 January the approval of the 7th applies, marked as recorded later', async () => {
      const result = await run(['--data', dir, 'replay', streamId, '--as-of', '2025-01-08T00:00:00Z', '--effective']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`${streamId} (plan) as effective at 2025-01-08T00:00:00.000Z, as known now`);
      expect(result.stdout).toMatch(/\*\s+4\s+2025-01-09T02:00:00.000Z\s+2025-01-07T02:00:00.000Z\s+PlanApproved/);
      expect(result.stdout).toContain('"status": "approved"');
    });

    it("a date alone means the end of that day (UTC); an employee's whole file by --employee", async () => {
      const result = await run(['--data', dir, 'replay', '--employee', employee, '--tenant', tenant, '--as-of', '2025-01-06', '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.streams.map((s: { streamId: string; state: { status: string } }) => [s.streamId, s.state.status])).toEqual([[streamId, 'submitted']]);
      expect(json.source).toBe('a scan of the log');
    });

    it('a stream that never existed is "not found" (exit 1)', async () => {
      const result = await run(['--data', dir, 'replay', 'plan-surabaya.nothing', '--as-of', 'now']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no stream plan-surabaya.nothing');
    });

    it('usage errors exit 2 with a clear message: no instant, a bad instant, stream and --employee together', async () => {
      const noInstant = await run(['--data', dir, 'replay', streamId]);
      expect(noInstant.code).toBe(2);
      expect(noInstant.stderr).toContain("required option '--as-of <instant>' not specified");
      const badInstant = await run(['--data', dir, 'replay', streamId, '--as-of', '2025-01-08T00:00:00']);
      expect(badInstant.code).toBe(2);
      expect(badInstant.stderr).toContain('expected an instant');
      const both = await run(['--data', dir, 'replay', streamId, '--employee', employee, '--tenant', tenant, '--as-of', 'now']);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('either a stream id or --employee');
      const noTenant = await run(['--data', dir, 'replay', '--employee', employee, '--as-of', 'now']);
      expect(noTenant.code).toBe(2);
      expect(noTenant.stderr).toContain('--employee needs --tenant');
      const badNip = await run(['--data', dir, 'replay', '--employee', '1985', '--tenant', tenant, '--as-of', 'now']);
      expect(badNip.code).toBe(2);
      expect(badNip.stderr).toContain('NIP must be exactly 18 digits');
      const knownAt = await run(['--data', dir, 'replay', streamId, '--as-of', 'now', '--known-at', 'now']);
      expect(knownAt.code).toBe(2);
      expect(knownAt.stderr).toContain('--known-at needs --effective');
    });
  });

  describe('rebuild and status', () => {
    it('status before any rebuild: every projection not built yet, lagging by the whole log', async () => {
      const result = await run(['--data', dir, 'status', '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.head).toBe(5);
      expect(json.projections.length).toBeGreaterThan(3);
      expect(json.projections.every((p: { activeVersion?: number; lag: number }) => p.activeVersion === undefined && p.lag === 5)).toBe(true);
    });

    it('rebuild builds every read model from the log with plain progress lines on a non-terminal stderr; status then shows no lag', async () => {
      const result = await run(['--data', dir, 'rebuild']);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/rebuild .* 5\/5 events \(100%\)/);
      expect(result.stdout).toContain('rebuilt: 5 events read');
      const status = JSON.parse((await run(['--data', dir, 'status', '--json'])).stdout);
      expect(status.projections.every((p: { activeVersion?: number; checkpoint: number; lag: number; state: string }) => p.activeVersion !== undefined && p.checkpoint === 5 && p.lag === 0)).toBe(true);
      const text = await run(['--data', dir, 'status']);
      expect(text.stdout).toMatch(/audit\s+v\d+\s+v\d+\s+\S+\s+5\s+0/);
    });

    it('rebuild of one named projection; an unknown name is a usage error naming the projections', async () => {
      const one = await run(['--data', dir, 'rebuild', 'audit', '--json']);
      expect(one.code).toBe(0);
      expect(JSON.parse(one.stdout)).toMatchObject({ complete: true, projections: [{ name: 'audit', swapped: true }] });
      const unknown = await run(['--data', dir, 'rebuild', 'nonsense']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown projection nonsense; the projections are audit');
    });
  });

  describe('explain and export (after the rebuild above)', () => {
    const approval = async (): Promise<string> => {
      const trail = JSON.parse((await run(['--data', dir, 'export', 'audit-trail', '--format', 'json'])).stdout) as ReadonlyArray<{ event_id: string; type: string }>;
      const approved = trail.find((r) => r.type === 'PlanApproved');
      if (approved === undefined) throw new Error('no PlanApproved in the audit trail');
      return approved.event_id;
    };

    it('export audit-trail as CSV: a header and one row per event; as JSON: the same rows', async () => {
      const csv = await run(['--data', dir, 'export', 'audit-trail', '--format', 'csv', '--tenant', tenant]);
      expect(csv.code).toBe(0);
      const lines = csv.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^position,event_id,stream,version,type,/);
      expect(lines).toHaveLength(1 + 5);
      expect(lines[5]).toContain(',PlanApproved,');
      const json = JSON.parse((await run(['--data', dir, 'export', 'audit-trail', '--format', 'json', '--tenant', tenant])).stdout) as ReadonlyArray<{ type: string }>;
      expect(json.map((r) => r.type)).toEqual(['PlanDrafted', 'RhkAdded', 'IkiAdded', 'PlanSubmitted', 'PlanApproved']);
      const none = await run(['--data', dir, 'export', 'audit-trail', '--format', 'json', '--tenant', 'salatiga']);
      expect(none).toMatchObject({ code: 0, stdout: '[]\n' });
    });

    it('export: an unknown read model, format or filter is a usage error (exit 2); an unwritable --out too', async () => {
      const unknown = await run(['--data', dir, 'export', 'rankings']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown read model "rankings"; one of ranking,');
      const format = await run(['--data', dir, 'export', 'ranking', '--format', 'xml']);
      expect(format.code).toBe(2);
      expect(format.stderr).toContain('Allowed choices are csv, json');
      const period = await run(['--data', dir, 'export', 'ranking', '--period', 'last year']);
      expect(period.code).toBe(2);
      const out = await run(['--data', dir, 'export', 'ranking', '--out', join(dir, 'no', 'such', 'dir', 'x.csv')]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('--out: cannot write');
    });

    it('explain: the provenance of a decision as text and JSON; an unknown event is "not found" (exit 1)', async () => {
      const id = await approval();
      const text = await run(['--data', dir, 'explain', id]);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`PlanApproved ${id}`);
      expect(text.stdout).toContain(`actors: `);
      expect(text.stdout).toContain(`${appraiser} (pejabat-penilai)`);
      const json = JSON.parse((await run(['--data', dir, 'explain', id, '--json', '--depth', '1'])).stdout) as { root: string; depth: number };
      expect(json).toMatchObject({ root: id, depth: 1 });
      const unknown = await run(['--data', dir, 'explain', 'no-such-event']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no event no-such-event in the read models');
    });

    it("replay --employee finds the employee's streams in the audit-trail read model once it is built", async () => {
      const result = await run(['--data', dir, 'replay', '--employee', employee, '--tenant', tenant, '--as-of', 'now', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ source: 'the audit-trail read model', streams: [{ streamId, state: { status: 'approved' } }], notYet: [] });
    });

    it('explain and export before any rebuild: "no read models" (exit 3), nothing created', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'kinerja-cli-empty-'));
      try {
        const result = await run(['--data', empty, 'explain', 'x']);
        expect(result.code).toBe(3);
        expect(result.stderr).toContain(`no read models at ${join(empty, 'readmodels.db')}: build them with "kinerja rebuild"`);
        expect(existsSync(join(empty, 'readmodels.db'))).toBe(false);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  describe('token', () => {
    const secret = 'a-local-secret-of-at-least-32-bytes!';
    const now = new Date('2026-03-02T01:00:00Z');

    it('mints an HS256 token with sub = NIP, tenant, roles, issuer kinerja and audience kinerja-api, valid 8 hours by default', async () => {
      const result = await run(['token', '--nip', employee, '--tenant', tenant, '--roles', 'pegawai, pejabat-penilai'], { KINERJA_JWT_SECRET: secret }, now);
      expect(result.code).toBe(0);
      const token = result.stdout.trim();
      const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
        issuer: 'kinerja',
        audience: 'kinerja-api',
        currentDate: new Date('2026-03-02T08:59:00Z'),
      });
      expect(protectedHeader.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: employee, tenant, roles: ['pegawai', 'pejabat-penilai'] });
      expect(payload.exp! - payload.iat!).toBe(8 * 3600);
      expect(payload.iat).toBe(now.getTime() / 1000);
    });

    it('--expires sets the lifetime; --json shows the claims', async () => {
      const result = await run(['token', '--nip', employee, '--tenant', tenant, '--roles', 'operator', '--expires', '30m', '--json'], { KINERJA_JWT_SECRET: secret }, now);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ claims: { roles: ['operator'] }, expiresAt: '2026-03-02T01:30:00.000Z' });
    });

    it('refuses without a secret, with an unknown role, a bad NIP or a bad duration (exit 2)', async () => {
      const noSecret = await run(['token', '--nip', employee, '--tenant', tenant, '--roles', 'pegawai']);
      expect(noSecret).toMatchObject({ code: 2, stdout: '' });
      expect(noSecret.stderr).toContain('KINERJA_JWT_SECRET is not set');
      const env = { KINERJA_JWT_SECRET: secret };
      const role = await run(['token', '--nip', employee, '--tenant', tenant, '--roles', 'pegawai,raja'], env);
      expect(role.code).toBe(2);
      expect(role.stderr).toContain('unknown role raja');
      const nip = await run(['token', '--nip', '12345', '--tenant', tenant, '--roles', 'pegawai'], env);
      expect(nip.code).toBe(2);
      expect(nip.stderr).toContain('NIP must be exactly 18 digits');
      const duration = await run(['token', '--nip', employee, '--tenant', tenant, '--roles', 'pegawai', '--expires', 'forever'], env);
      expect(duration.code).toBe(2);
      expect(duration.stderr).toContain('expected a duration');
    });
  });

  describe('usage', () => {
    it('an unknown command or option exits 2 naming it; --help exits 0 and lists the exit codes', async () => {
      const unknown = await run(['frobnicate']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("unknown command 'frobnicate'");
      const option = await run(['verify', '--fast']);
      expect(option.code).toBe(2);
      expect(option.stderr).toContain("unknown option '--fast'");
      const help = await run(['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Exit codes: 0 ok');
    });

    it('a malformed KINERJA_STORE is a usage error (exit 2)', async () => {
      const result = await run(['verify'], { KINERJA_DATA: dir, KINERJA_STORE: 'postgres://x' });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('KINERJA_STORE must be');
    });
  });
});
