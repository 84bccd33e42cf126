/**
 * Crash safety: a process appending to the store is killed with SIGKILL at a random moment, ten times over on
 * the same file. After every kill the file must open, every hash chain must verify, the global positions must
 * still be 1..N without a gap, the streams table must agree with the log, and every event whose append had been
 * acknowledged must be there.
 *
 * SIGKILL stops the process, not the machine: what the OS already holds in its page cache still reaches the
 * file. So this proves atomic commits and "acknowledged only after COMMIT"; the fsync half of durability
 * (synchronous=FULL) is SQLite's own, and power-loss testing is out of reach of a unit test.
 *
 * The victim, crash-child.js, runs the BUILT adapter under plain node: beforeAll builds the package.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '../verify';
import { openSqliteStore } from './index';

const root = join(__dirname, '..', '..', '..', '..');
const child = join(__dirname, 'crash-child.js');
const built = join(__dirname, '..', '..', 'dist', 'sqlite');
const ROUNDS = 10;

let dir: string;

beforeAll(() => {
  try {
    // Incremental: a no-op when `pnpm check` has just built it.
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'packages/eventstore'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    // tsc -b still emits when another file of the package has a type error; the build of this folder is what
    // the child needs, and each file of it must be at least as new as its source.
    const stale = readdirSync(__dirname)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.testkit.ts'))
      .filter((file) => {
        const output = join(built, file.replace(/\.ts$/, '.js'));
        return !existsSync(output) || statSync(output).mtimeMs < statSync(join(__dirname, file)).mtimeMs;
      });
    if (stale.length > 0) throw error;
  }
  dir = mkdtempSync(join(tmpdir(), 'kinerja-crash-'));
}, 120_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

type Round = Readonly<{ acknowledged: ReadonlyArray<string>; conflicts: number; delayMs: number; stderr: string }>;

/** Starts the child, lets it append for a random 50–400 ms once it is ready, then kills it with SIGKILL. */
const runAndKill = (path: string, round: number): Promise<Round> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const delayMs = 50 + Math.floor(Math.random() * 351);
    let stdout = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (timer === undefined && stdout.startsWith('ready\n')) {
        timer = setTimeout(() => {
          killed = true;
          proc.kill('SIGKILL');
        }, delayMs);
      }
    });
    proc.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    proc.on('error', reject);
    // 'close' comes after the pipes are drained: every line written before the kill is in `stdout`.
    proc.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      if (!killed || signal !== 'SIGKILL') {
        reject(new Error(`round ${round}: the child ended by itself (code ${code}, signal ${signal}): ${stderr}`));
        return;
      }
      const lines = stdout.split('\n');
      resolve({
        acknowledged: lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' ')[1] ?? ''),
        conflicts: lines.filter((l) => l.startsWith('conflict ')).length,
        delayMs,
        stderr,
      });
    });
  });

/** Checks with plain SQL what the port does not show: the file's own integrity and the streams table. */
const checkFile = (path: string): void => {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const disagreeing = db
      .prepare(
        `SELECT s.stream_id FROM streams s
         JOIN events e ON e.stream_id = s.stream_id
         AND e.stream_version = (SELECT max(stream_version) FROM events WHERE stream_id = s.stream_id)
         WHERE s.version <> e.stream_version OR s.head_hash <> json_extract(e.metadata, '$.hash')`,
      )
      .pluck()
      .all();
    expect(disagreeing).toEqual([]);
    const streams = db.prepare('SELECT count(*) FROM streams').pluck().get();
    const streamsInLog = db.prepare('SELECT count(DISTINCT stream_id) FROM events').pluck().get();
    expect(streams).toBe(streamsInLog);
  } finally {
    db.close();
  }
};

it(
  `loses no acknowledged event and breaks no chain when killed with SIGKILL ${ROUNDS} times`,
  async () => {
    const path = join(dir, 'crash.db');
    const everAcknowledged = new Set<string>();
    const summary: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { acknowledged, conflicts, delayMs, stderr } = await runAndKill(path, round);
      expect(stderr).toBe('');
      for (const id of acknowledged) everAcknowledged.add(id);

      const store = openSqliteStore({ path });
      try {
        const ids = new Set<string>();
        let expectedPosition = 1;
        for await (const event of store.readAll(0)) {
          expect(event.globalPosition).toBe(expectedPosition);
          expectedPosition += 1;
          ids.add(event.eventId);
        }
        const missing = [...everAcknowledged].filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
        const report = await verify(store);
        expect(report).toMatchObject({ _tag: 'Right', right: { _tag: 'Intact', eventsChecked: ids.size } });
        summary.push(
          `round ${round}: killed after ${delayMs} ms, ${acknowledged.length} acknowledged, ${conflicts} conflicts, ${ids.size} stored`,
        );
      } finally {
        await store.close();
      }
      checkFile(path);
    }
    // The rounds must have done real work, or the test proves nothing.
    expect(everAcknowledged.size).toBeGreaterThan(ROUNDS * 10);
    if (process.env['KINERJA_CRASH_VERBOSE'] !== undefined) console.log(summary.join('\n'));
  },
  60_000,
);
