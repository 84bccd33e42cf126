/**
 * A rebuild killed with SIGKILL resumes: a child process (rebuild-child.js, the BUILT runner under plain node)
 * rebuilds from a real SQLite store into a read-model file and is killed midway, three times over on the same
 * file; each time the next run must resume from the checkpoint stored in the database (read from the file, not
 * guessed from timing), hand its projections only events after it, and the last run must end with the same
 * rows as a clean rebuild.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@kinerja/eventstore';
import { appendHistory, historyOf, syntheticOps } from './runner.testkit';

const root = join(__dirname, '..', '..', '..', '..');
const child = join(__dirname, 'rebuild-child.js');
const built = join(__dirname, '..', '..', 'dist', 'runner');
const BATCH = 40;
const KILLS = 3;

let dir: string;

beforeAll(() => {
  try {
    // Incremental: a no-op when `pnpm check` has just built it.
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'packages/projections'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    // tsc -b still emits when another folder of the package has a type error; what the child needs is this
    // folder's build, no older than its sources.
    const stale = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.testkit.ts'))
      .filter((f) => {
        const output = join(built, f.replace(/\.ts$/, '.js'));
        return !existsSync(output) || statSync(output).mtimeMs < statSync(join(__dirname, f)).mtimeMs;
      });
    if (stale.length > 0) throw error;
  }
  dir = mkdtempSync(join(tmpdir(), 'kinerja-rebuild-kill-'));
}, 120_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

type Run = Readonly<{ lines: ReadonlyArray<string>; killed: boolean }>;

/**
 * Runs the child; with `killAfter`, kills it with SIGKILL as soon as it has reported that many committed
 * batches (a count of lines, not a delay); without, lets it finish. Bounded by a 15 s timer either way.
 */
const runChild = (storePath: string, readModelPath: string, pauseMs: number, killAfter?: number): Promise<Run> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, storePath, readModelPath, String(BATCH), String(pauseMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const guard = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (killAfter !== undefined && !killed && stdout.split('\n').filter((l) => l.startsWith('progress ')).length >= killAfter) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(guard);
      const lines = stdout.split('\n').filter((l) => l.length > 0);
      if (killed && signal === 'SIGKILL') resolve({ lines, killed });
      else if (!killed && code === 0) resolve({ lines, killed });
      else reject(new Error(`child ended with code ${code}, signal ${signal}${killed ? ' after the kill' : ''}: ${stderr}`));
    });
  });

type BuildRow = Readonly<{ projection: string; build: number; checkpoint: number; state: string }>;

/** What the file says, read by a fresh connection after the child is gone. */
const buildsIn = (path: string): ReadonlyArray<BuildRow> => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT projection, build, checkpoint, state FROM runner_builds ORDER BY build').all() as BuildRow[];
  } finally {
    db.close();
  }
};

/** Every view, every row, sorted by all columns. */
const viewsIn = (path: string): Record<string, unknown[]> => {
  const db = new Database(path, { readonly: true });
  try {
    const views = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`).pluck().all() as string[];
    return Object.fromEntries(
      views.map((view) => {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(view) as string[]).map((c) => `"${c}"`);
        return [view, db.prepare(`SELECT * FROM "${view}" ORDER BY ${columns.join(', ')}`).all()];
      }),
    );
  } finally {
    db.close();
  }
};

const lastProgress = (lines: ReadonlyArray<string>, projection: string): number =>
  Math.max(0, ...lines.filter((l) => l.startsWith(`progress ${projection} `)).map((l) => Number(l.split(' ')[2])));

const firstGiven = (lines: ReadonlyArray<string>, projection: string): number | undefined => {
  const line = lines.find((l) => l.startsWith(`first ${projection} `));
  return line === undefined ? undefined : Number(line.split(' ')[2]);
};

it(`a rebuild killed with SIGKILL ${KILLS} times resumes each time from its stored checkpoint and ends equal to a clean rebuild`, async () => {
  const storePath = join(dir, 'store.db');
  const store = openSqliteStore({ path: storePath });
  const history = historyOf(syntheticOps(3_000, 200, 7));
  const head = await appendHistory(store, history);
  await store.close();
  expect(head).toBeGreaterThan(20 * BATCH);

  const cleanPath = join(dir, 'clean.db');
  const clean = await runChild(storePath, cleanPath, 0);
  expect(clean.lines.some((l) => l.startsWith('report '))).toBe(true);

  const path = join(dir, 'killed.db');
  let previous = new Map<string, number>([
    ['kill_accounts', 0],
    ['kill_trail', 0],
  ]);
  let builds: ReadonlyArray<number> | undefined;
  for (let round = 1; round <= KILLS; round++) {
    const run = await runChild(storePath, path, 25, 2 + round);
    expect(run.killed).toBe(true);
    const stored = buildsIn(path).filter((b) => b.state === 'building');
    expect(stored.map((b) => b.projection)).toEqual(['kill_accounts', 'kill_trail']);
    builds ??= stored.map((b) => b.build);
    // The same builds (the same tables) every round: a resumed build is never replaced by a fresh one.
    expect(stored.map((b) => b.build)).toEqual(builds);
    for (const b of stored) {
      // What the child reported as committed is in the file; the file moved on since the last round; the
      // child began after the previous round's checkpoint.
      expect(b.checkpoint).toBeGreaterThanOrEqual(lastProgress(run.lines, b.projection));
      expect(b.checkpoint).toBeGreaterThan(previous.get(b.projection) ?? 0);
      expect(b.checkpoint).toBeLessThan(head);
      const first = firstGiven(run.lines, b.projection);
      if (first !== undefined) expect(first).toBeGreaterThan(previous.get(b.projection) ?? 0);
    }
    previous = new Map(stored.map((b) => [b.projection, b.checkpoint]));
  }

  const finish = await runChild(storePath, path, 0);
  const report = JSON.parse(finish.lines.find((l) => l.startsWith('report '))?.slice('report '.length) ?? '{}') as {
    complete: boolean;
    projections: ReadonlyArray<{ name: string; build: number; resumedFrom: number; checkpoint: number }>;
  };
  expect(report.complete).toBe(true);
  expect(report.projections.map((p) => [p.name, p.build, p.resumedFrom, p.checkpoint])).toEqual(
    [...previous].map(([name, checkpoint], i) => [name, builds?.[i], checkpoint, head]),
  );
  for (const [name, checkpoint] of previous) expect(firstGiven(finish.lines, name) ?? Number.POSITIVE_INFINITY).toBeGreaterThan(checkpoint);
  expect(viewsIn(path)).toEqual(viewsIn(cleanPath));
  expect(Object.values(viewsIn(path)).every((rows) => rows.length > 0)).toBe(true);
}, 60_000);
