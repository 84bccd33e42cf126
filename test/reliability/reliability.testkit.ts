/**
 * Support for the reliability suite (issue 9, docs/reliability.md): the built service as a child process on
 * 127.0.0.1 (port 0, a temp data directory, demo seed off), tokens minted like `kinerja token`, plain HTTP with a
 * timeout, the facts of a log file (head, command ids, verify) read beside the running service, and the read
 * models' views compared with a fresh rebuild into a temp database.
 *
 * Quick variants run in the normal test run; `RELIABILITY_LONG=1` turns on the long ones (`LONG`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/Either';
import type * as JoseModule from '../../apps/api/node_modules/jose';
import type { Role } from '@kinerja/domain';
import { openSqliteStore, verify, type EventEnvelope, type SqliteEventStore, type VerifyReport } from '@kinerja/eventstore';
import { createProjectionRunner, openReadModelDb, READ_MODELS, viewName } from '@kinerja/projections';

export const ROOT = join(__dirname, '..', '..');
export const SERVICE_MAIN = join(ROOT, 'apps', 'api', 'dist', 'main.js');

/** `RELIABILITY_LONG=1`: the long variants (20 kills, 10,000+ fuzzed bodies, more writers). */
export const LONG = process.env['RELIABILITY_LONG'] === '1';

/** The HS256 secret the child services verify tokens with. */
export const SECRET = 'reliability-secret-0123456789abcdef0123456789';
export const TENANT = 'salatiga';
/** An operator (RegisterUnit and the other roster commands need the `operator` role). */
export const OPERATOR = { nip: '198501012010011001', tenant: TENANT, roles: ['operator'] as ReadonlyArray<Role> };

/**
 * Builds the apps (`tsc -b`) when the service's `dist` is missing; `pnpm test` builds before jest runs, so this is
 * for a bare `npx jest test/reliability` on a fresh clone.
 */
export const ensureBuilt = (): void => {
  if (existsSync(SERVICE_MAIN) && existsSync(join(ROOT, 'apps', 'cli', 'dist', 'main.js'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b'], { cwd: ROOT, stdio: 'pipe' });
};

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `kinerja-reliability-${prefix}-`));
export const removeDir = (dir: string | undefined): void => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
};

// ---------------------------------------------------------------------------------------------------------
// Tokens

// jose is the service's dependency: load the same copy that verifies the tokens.
const jose = createRequire(join(ROOT, 'apps', 'api', 'package.json'))('jose') as typeof JoseModule;

export type Claims = Readonly<{ nip: string; tenant: string; roles: ReadonlyArray<Role> }>;

/** An HS256 token with the service's claims (sub = NIP, tenant, roles; issuer `kinerja`, audience `kinerja-api`). */
export const mintToken = async (claims: Claims, secret: string = SECRET): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  return new jose.SignJWT({ tenant: claims.tenant, roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.nip)
    .setIssuer('kinerja')
    .setAudience('kinerja-api')
    .setIssuedAt(now - 5)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(secret));
};

// ---------------------------------------------------------------------------------------------------------
// The service as a child process

export type Exit = Readonly<{ code: number | null; signal: NodeJS.Signals | null }>;

export type ServiceProcess = Readonly<{
  url: string;
  pid: number;
  /** Resolves when the process has ended (and its pipes are drained). */
  exited: Promise<Exit>;
  /** The last 64 KiB of its output, for failure messages. */
  output: () => string;
  /** Sends a signal and waits for the process to end. */
  kill: (signal: NodeJS.Signals) => Promise<Exit>;
}>;

export type SpawnOptions = Readonly<{
  dataDir: string;
  env?: Readonly<Record<string, string>>;
  /** Run the service as this user (the test process must be root): to make file permissions bite. */
  user?: Readonly<{ uid: number; gid: number }>;
  /** A shell prefix such as `ulimit -S -f 4096;` run before `exec node ...` (sh -c). */
  shellPrefix?: string;
  /** How long to wait for the "listening" line. Default 30 s. */
  startTimeoutMs?: number;
}>;

/** Every child started by `spawnService` and not yet ended: `killAll` in afterAll ends them. */
const children = new Set<ChildProcess>();

export const serviceEnv = (dataDir: string, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  HOME: dataDir,
  NODE_ENV: 'production',
  KINERJA_HOST: '127.0.0.1',
  KINERJA_PORT: '0',
  KINERJA_DATA: dataDir,
  KINERJA_SEED_DEMO: 'false',
  KINERJA_JWT_SECRET: SECRET,
  KINERJA_PUBLIC_RATE_LIMIT: '1000000',
  KINERJA_LOG_LEVEL: 'warn',
  ...extra,
});

/**
 * Starts `node apps/api/dist/main.js` and resolves once it prints where it listens; rejects (and kills it) when it
 * ends first or does not come up in time, with its output in the message.
 */
export const spawnService = (options: SpawnOptions): Promise<ServiceProcess> => {
  const env = serviceEnv(options.dataDir, options.env);
  const proc =
    options.shellPrefix === undefined
      ? spawn(process.execPath, [SERVICE_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], ...options.user })
      : spawn('/bin/sh', ['-c', `${options.shellPrefix} exec "$0" "$1"`, process.execPath, SERVICE_MAIN], {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          ...options.user,
        });
  children.add(proc);
  let output = '';
  const keep = (chunk: string): void => {
    output = (output + chunk).slice(-64 * 1024);
  };
  proc.stdout?.setEncoding('utf8');
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', keep);
  const exited = new Promise<Exit>((resolve) => {
    proc.on('close', (code, signal) => {
      children.delete(proc);
      resolve({ code, signal });
    });
  });
  const kill = async (signal: NodeJS.Signals): Promise<Exit> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return exited;
  };
  return new Promise<ServiceProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the service did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 30_000);
    proc.stdout?.on('data', (chunk: string) => {
      keep(chunk);
      const match = /kinerja is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null && match[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: proc.pid as number, exited, output: () => output, kill });
      }
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`the service ended before listening (${JSON.stringify(exit)}):\n${output}`));
    });
    proc.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
};

/** Kills every child still running (afterAll). */
export const killAll = async (): Promise<void> => {
  await Promise.all(
    [...children].map(
      (proc) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          proc.once('close', () => resolve());
          proc.kill('SIGKILL');
        }),
    ),
  );
};

// ---------------------------------------------------------------------------------------------------------
// HTTP

export type Answer = Readonly<{ status: number; body: unknown; text: string; headers: Headers }>;

export type PostOptions = Readonly<{
  token?: string;
  /** A JSON value; or `raw` text sent as it is. */
  body?: unknown;
  raw?: string;
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}>;

export const request = async (method: string, url: string, options: PostOptions = {}): Promise<Answer> => {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...options.headers },
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
};

export const commandUrl = (base: string, aggregate: string, command: string, tenant: string = TENANT): string =>
  `${base}/v1/tenants/${tenant}/${aggregate}/${command}`;

/** The event ids of a command answer (what the client can look for in the log). */
export const eventIdsOf = (answer: Answer): ReadonlyArray<string> =>
  ((answer.body as { events?: ReadonlyArray<{ eventId: string }> } | undefined)?.events ?? []).map((e) => e.eventId);

// ---------------------------------------------------------------------------------------------------------
// The log, read beside the service

export type LogFacts = Readonly<{
  head: number;
  eventIds: ReadonlySet<string>;
  /** Per stream: its versions in global order (to check they are gapless). */
  versions: ReadonlyMap<string, ReadonlyArray<number>>;
  verify: VerifyReport;
  events: ReadonlyArray<EventEnvelope>;
}>;

/** Opens the store file (another connection: WAL lets it read while the service writes). */
export const openLog = (path: string): SqliteEventStore => openSqliteStore({ path, pollIntervalMs: 20 });

export const logFacts = async (path: string): Promise<LogFacts> => {
  const store = openLog(path);
  try {
    const head = await store.headPosition();
    if (isLeft(head)) throw new Error(head.left.reason);
    const events: EventEnvelope[] = [];
    for await (const event of store.readAll(0)) events.push(event);
    const checked = await verify(store);
    if (isLeft(checked)) throw new Error(checked.left.reason);
    const versions = new Map<string, number[]>();
    for (const e of events) versions.set(e.streamId, [...(versions.get(e.streamId) ?? []), e.streamVersion]);
    return { head: head.right, eventIds: new Set(events.map((e) => e.eventId)), versions, verify: checked.right, events };
  } finally {
    await store.close();
  }
};

// ---------------------------------------------------------------------------------------------------------
// SQLite files read directly (read models, the log's head on a full disk)

/** What these tests use of a better-sqlite3 connection (test/ has the module but not its type declarations). */
export type SqliteDb = {
  prepare(source: string): { all(...params: unknown[]): unknown[]; pluck(): { get(...params: unknown[]): unknown } };
  close(): void;
};

const BetterSqlite3 = createRequire(join(ROOT, 'test', 'package.json'))('better-sqlite3') as new (
  path: string,
  options: Readonly<{ readonly?: boolean; fileMustExist?: boolean }>,
) => SqliteDb;

/**
 * A read-only connection: it takes no write lock and writes nothing, so it works beside the service and on a
 * full disk.
 */
export const openReadOnly = (path: string): SqliteDb => new BetterSqlite3(path, { readonly: true, fileMustExist: true });

// ---------------------------------------------------------------------------------------------------------
// Read models

/** Every view of every read model, rows sorted by all columns: what two databases are compared by. */
export const readModelViews = (db: SqliteDb): Record<string, unknown[]> => {
  const out: Record<string, unknown[]> = {};
  for (const projection of READ_MODELS) {
    for (const table of projection.tables) {
      const view = viewName(projection.name, table.name);
      const columns = Object.keys(table.columns).map((c) => `"${c}"`);
      out[view] = db.prepare(`SELECT ${columns.join(', ')} FROM "${view}" ORDER BY ${columns.join(', ')}`).all();
    }
  }
  return out;
};

/** The checkpoint of each read model's active build (undefined when it has none). */
export const readModelCheckpoints = (db: SqliteDb): Record<string, number | undefined> => {
  const rows = db
    .prepare('SELECT p.name AS name, b.checkpoint AS checkpoint FROM runner_projections p LEFT JOIN runner_builds b ON b.build = p.active_build')
    .all() as Array<{ name: string; checkpoint: number | null }>;
  return Object.fromEntries(READ_MODELS.map((p) => [p.name, rows.find((r) => r.name === p.name)?.checkpoint ?? undefined]));
};

/** A clean rebuild of every read model from the log file into a new temp database: its views. */
export const rebuiltViews = async (storePath: string): Promise<Readonly<{ views: Record<string, unknown[]>; head: number }>> => {
  const dir = tempDir('rebuild');
  const store = openLog(storePath);
  const db = openReadModelDb(join(dir, 'readmodels.db'));
  try {
    const head = await store.headPosition();
    if (isLeft(head)) throw new Error(head.left.reason);
    await createProjectionRunner({ store, db, projections: READ_MODELS }).catchUp();
    return { views: readModelViews(db), head: head.right };
  } finally {
    db.close();
    await store.close();
    removeDir(dir);
  }
};

/** Polls `check` every `everyMs` until it returns a value other than undefined, or throws after `timeoutMs`. */
export const eventually = async <A>(what: string, check: () => Promise<A | undefined> | A | undefined, timeoutMs = 10_000, everyMs = 50): Promise<A> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
