/**
 * The REAL `kinerja` binary (`node apps/cli/bin/kinerja.js`, the compiled CLI) on a temp data directory, end to end
 * (issue 7, "Tests"): seed → rebuild → verify (0) → explain a settled predikat (ratings, unit result, curve check,
 * actors) → export CSV and JSON → status → replay as of an instant → token → tamper one row of the SQLite events
 * table → verify fails naming that stream and version. A rebuild interrupted by SIGINT resumes when run again. And the exit codes scripts rely on: usage errors 2, a
 * missing data directory 3, not found 1.
 *
 * The binary runs the compiled output, so `beforeAll` brings it up to date with `tsc -b apps/cli` (a no-op in CI,
 * where `pnpm test` builds before jest; a few seconds here when sources changed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Changes one byte of a stored event's data with better-sqlite3, behind the store's back (the eventstore's own testkit).
import { tamperEventData } from '../../packages/eventstore/src/sqlite/tamper.testkit';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'apps', 'cli', 'bin', 'kinerja.js');

type Run = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/** The environment without any KINERJA_ setting of the machine running the tests. */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KINERJA_')));

const kinerja = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}): Run => {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const jsonOf = <A>(run: Run): A => {
  try {
    return JSON.parse(run.stdout) as A;
  } catch {
    throw new Error(`not JSON (exit ${String(run.code)}):\n${run.stdout}\n${run.stderr}`);
  }
};

type AuditRow = Readonly<{ event_id: string; stream: string; version: number; type: string; occurred: string; employee: string | null }>;

/** Verifies an HS256 JWT with node:crypto alone (independent of the library that signed it) and returns its payload. */
const verifyHs256 = (token: string, secret: string): Record<string, unknown> => {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error(`not a JWT: ${token}`);
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad signature');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toMatchObject({ alg: 'HS256' });
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
};

describe('kinerja, the real binary, on a temp data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-e2e-'));
  const data = join(dir, 'data');
  const at = (...args: ReadonlyArray<string>) => kinerja(['--data', data, ...args]);
  let audit: ReadonlyArray<AuditRow> = [];
  let settled: AuditRow;

  beforeAll(() => {
    const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'apps/cli'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    if (build.status !== 0) throw new Error(`tsc -b apps/cli failed:\n${build.stdout}\n${build.stderr}`);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seed: creates the data directory and writes the history through the engine', () => {
    expect(existsSync(data)).toBe(false);
    const seed = at('seed', '--employees', '21', '--tenants', 'salatiga', '--years', '1', '--seed', '7');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/seeded .*kinerja\.db: \d+ events from \d+ commands/);
    expect(seed.stdout).toMatch(/^salatiga\s+21\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+$/m);
    expect(existsSync(join(data, 'kinerja.db'))).toBe(true);
  }, 30_000);

  it('rebuild: every read model from the log, with plain progress on stderr (not a terminal)', () => {
    const rebuild = at('rebuild');
    expect(rebuild.code).toBe(0);
    expect(rebuild.stderr).toMatch(/rebuild 7 read models: (\d+)\/\1 events \(100%\), \d+ events\/s, done/);
    expect(rebuild.stdout).toMatch(/^audit\s+1\s+\d+\s+0\s+\d+\s+yes$/m);
    expect(rebuild.stdout).toMatch(/rebuilt: \d+ events read/);
  });

  it('rebuild interrupted with Ctrl-C (SIGINT) exits 130 after a committed batch; re-run, it resumes from that checkpoint', async () => {
    type Report = { complete: boolean; projections: ReadonlyArray<{ name: string; resumedFrom: number; checkpoint: number; swapped: boolean }> };
    const child = spawn(process.execPath, [BIN, '--data', data, 'rebuild', '--fresh', '--batch-size', '1', '--json'], {
      cwd: ROOT,
      env: { ...cleanEnv(), KINERJA_PROGRESS_INTERVAL_MS: '0' },
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      // The first progress line: a batch has been committed with its checkpoint.
      if (!signalled && /rebuild .*events \(\d+%\)/.test(stderr)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    clearTimeout(timer);
    expect(signalled).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted; stopping after the current batch');
    const interrupted = JSON.parse(stdout) as Report;
    expect(interrupted.complete).toBe(false);
    const head = jsonOf<{ head: number }>(at('status', '--json')).head;
    for (const p of interrupted.projections) {
      expect(p.checkpoint).toBeGreaterThan(0);
      expect(p.checkpoint).toBeLessThan(head);
      expect(p.swapped).toBe(false);
    }
    const resumed = jsonOf<Report>(at('rebuild', '--json'));
    expect(resumed.complete).toBe(true);
    for (const p of resumed.projections) {
      expect(p.resumedFrom).toBe(interrupted.projections.find((q) => q.name === p.name)?.checkpoint);
      expect(p).toMatchObject({ checkpoint: head, swapped: true });
    }
  }, 40_000);

  it('verify: exit 0, every chain holds', () => {
    const verify = at('verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intact: every chain holds \(\d+ events in \d+ streams checked\)/);
  });

  it('status: each projection at the head, no lag', () => {
    const status = jsonOf<{ head: number; projections: ReadonlyArray<{ name: string; checkpoint: number; lag: number; activeVersion: number }> }>(at('status', '--json'));
    expect(status.head).toBeGreaterThan(500);
    expect(status.projections.map((p) => p.name)).toEqual(expect.arrayContaining(['audit', 'ranking']));
    for (const p of status.projections) expect(p).toMatchObject({ checkpoint: status.head, lag: 0, activeVersion: 1 });
  });

  it('export: the audit trail as JSON; a ranking as CSV with a header and as JSON to a file, the same rows', () => {
    audit = jsonOf<ReadonlyArray<AuditRow>>(at('export', 'audit-trail', '--format', 'json', '--tenant', 'salatiga'));
    expect(audit.length).toBeGreaterThan(500);
    const found = audit.find((r) => r.type === 'EvaluationSettled' && r.stream.endsWith('.2025.2025'));
    if (found === undefined) throw new Error('no annual EvaluationSettled in the audit trail');
    settled = found;

    const csv = at('export', 'ranking', '--format', 'csv', '--tenant', 'salatiga', '--period', '2025');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^rank,tenant,unit,period,/);
    const out = join(dir, 'ranking.json');
    const json = at('export', 'ranking', '--format', 'json', '--tenant', 'salatiga', '--period', '2025', '--out', out);
    expect(json.code).toBe(0);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as ReadonlyArray<{ rank: number; employee: string; period: string }>;
    expect(rows).toHaveLength(lines.length - 1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.period === '2025')).toBe(true);
    expect(json.stderr).toContain(`wrote ${rows.length} rows of ranking to ${out}`);
    expect(lines[1]?.startsWith(`${rows[0]?.rank},salatiga,`)).toBe(true);
  });

  it('explain a settled predikat: the ratings, the unit result, the curve check and the actors', () => {
    const text = at('explain', settled.event_id);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`EvaluationSettled ${settled.event_id}`);
    expect(text.stdout).toContain('EvaluationRated'); // the ratings
    expect(text.stdout).toContain('OrganisationalResultSet'); // the unit's result
    expect(text.stdout).toContain('UnitPeriodSettled');
    expect(text.stdout).toMatch(/BR-0[4-8] .*within \d+\.\.\d+/); // the curve check (kurva distribusi)
    expect(text.stdout).toMatch(/^actors: .*\(pejabat-penilai\)/m);
    const graph = jsonOf<{ root: string; nodes: ReadonlyArray<{ type: string; actor: { role: string } }>; edges: ReadonlyArray<unknown> }>(at('explain', settled.event_id, '--json'));
    expect(graph.root).toBe(settled.event_id);
    expect(graph.nodes.map((n) => n.type)).toEqual(expect.arrayContaining(['EvaluationSettled', 'EvaluationRated', 'UnitPeriodSettled', 'OrganisationalResultSet', 'ProposalRecorded']));
    expect(graph.edges.length).toBeGreaterThan(3);
  });

  it('replay: the evaluation as effective between its rating and its settlement, then after; the events that made it', () => {
    const events = audit.filter((r) => r.stream === settled.stream);
    const rated = events.find((r) => r.type === 'EvaluationRated');
    if (rated === undefined) throw new Error('no EvaluationRated in the settled stream');
    const between = new Date((Date.parse(rated.occurred) + Date.parse(settled.occurred)) / 2).toISOString();
    const then = jsonOf<{ aggregate: string; version: number; state: { status: string }; events: ReadonlyArray<{ type: string }> }>(
      at('replay', settled.stream, '--as-of', between, '--effective', '--json'),
    );
    expect(then.aggregate).toBe('evaluation');
    expect(then.state.status).toBe('rated');
    expect(then.events.map((e) => e.type)).toContain('EvaluationRated');
    expect(then.events.map((e) => e.type)).not.toContain('EvaluationSettled');
    const after = at('replay', settled.stream, '--as-of', 'now');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`${settled.stream} (evaluation) as recorded at`);
    expect(after.stdout).toMatch(/EvaluationSettled/);
  });

  it('token: an HS256 token whose claims are the NIP, the tenant, the roles, issuer and audience of the service', () => {
    const secret = 'e2e-secret-0123456789-abcdefghijklmnop';
    const nip = settled.employee ?? '198503152010011002';
    const minted = kinerja(['token', '--nip', nip, '--tenant', 'salatiga', '--roles', 'pegawai,operator', '--expires', '2h'], { KINERJA_JWT_SECRET: secret });
    expect(minted.code).toBe(0);
    const claims = verifyHs256(minted.stdout.trim(), secret);
    // The service's own constants (apps/api/src/contracts.ts), read as text so that the test loads no NestJS.
    const contracts = readFileSync(join(ROOT, 'apps', 'api', 'src', 'contracts.ts'), 'utf8');
    const issuer = /TOKEN_ISSUER = '([^']+)'/.exec(contracts)?.[1];
    const audience = /TOKEN_AUDIENCE = '([^']+)'/.exec(contracts)?.[1];
    expect(claims).toMatchObject({ sub: nip, tenant: 'salatiga', roles: ['pegawai', 'operator'], iss: issuer, aud: audience });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(2 * 3600);
  });

  it('tamper one row of the events table: verify exits 1 naming that stream and version; other streams still verify', () => {
    const { before, after } = tamperEventData(join(data, 'kinerja.db'), settled.stream, 1);
    expect(after).not.toBe(before);
    expect(after).toHaveLength(before.length);
    const verify = at('verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`BROKEN: stream ${settled.stream}, version 1: hash`);
    expect(verify.stdout).toContain("the stored hash does not match the event's content");
    const json = jsonOf<{ intact: boolean; link: { streamId: string; streamVersion: number; problem: string } }>(at('verify', '--json'));
    expect(json).toMatchObject({ intact: false, link: { streamId: settled.stream, streamVersion: 1, problem: 'hash' } });
    const other = audit.find((r) => r.stream.startsWith('plan-'))?.stream ?? 'roster-salatiga';
    expect(at('verify', '--stream', other).code).toBe(0);
  });

  it('exit codes: usage errors 2 with a clear message; not found 1; a missing data directory 3, reported and not created', () => {
    const badNumber = at('seed', '--employees', 'many');
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain("option '--employees <n>' argument 'many' is invalid");
    expect(kinerja([]).code).toBe(2);

    const unknownEvent = at('explain', '00000000-0000-0000-0000-000000000000');
    expect(unknownEvent.code).toBe(1);
    expect(unknownEvent.stderr).toContain('no event 00000000-0000-0000-0000-000000000000');

    const missing = join(dir, 'nowhere');
    const verify = kinerja(['verify'], { KINERJA_DATA: missing });
    expect(verify.code).toBe(3);
    expect(verify.stderr).toContain(`no data directory at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});
