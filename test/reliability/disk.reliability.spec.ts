/**
 * Reliability (issue 9): the disk fills up, or the data file becomes unwritable, under the running service.
 *
 * A full disk, made for real where the machine allows it:
 * - `tmpfs`: as root, when `mount -t tmpfs` works: the data directory is a small tmpfs, and a ballast file takes
 *   all but a few KiB of it; "space returns" = the ballast is deleted;
 * - `fsize`: otherwise (or with RELIABILITY_DISK=fsize): the service's file-size limit (RLIMIT_FSIZE, set on the
 *   running process with `prlimit`) is lowered to the size of the log's WAL, so that the log cannot grow (EFBIG,
 *   as a full disk gives ENOSPC); "space returns" = the limit is lifted.
 * While the disk is full every command is answered 503 (problem+json `unavailable`, a detail naming the cause,
 * `Retry-After`) or, if it fits, 201 - never another 5xx; nothing of a 503 is in the log; verify passes. When
 * space returns the same service (no restart) accepts commands again, the refused requests retried with their
 * Idempotency-Keys succeed, and the read models catch up and equal a fresh rebuild.
 *
 * An unwritable data file:
 * - while running (as root, where `chattr +i` works): the log file and its WAL are made immutable under the
 *   service; commands answer 503, nothing is written; `chattr -i` and the service recovers;
 * - at start (`chmod 0444`; as root the service runs as `nobody` so that the permission bites): the service
 *   refuses to start and says why, and leaves the file as it was; with the permission back it starts and every
 *   acknowledged event is there.
 * A case the machine cannot produce is skipped with the reason in its name.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, ftruncateSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isRight } from 'fp-ts/Either';
import type { Nip, TenantId } from '@kinerja/domain';
import { commandSpecFor } from '@kinerja/engine';
import { openSqliteStore, verify } from '@kinerja/eventstore';
import {
  commandUrl,
  ensureBuilt,
  eventIdsOf,
  eventually,
  killAll,
  logFacts,
  openReadOnly,
  OPERATOR,
  readModelCheckpoints,
  readModelViews,
  rebuiltViews,
  removeDir,
  request,
  ROOT,
  SERVICE_MAIN,
  spawnService,
  tempDir,
  TENANT,
  type Answer,
  type ServiceProcess,
} from './reliability.testkit';

const isRoot = process.getuid?.() === 0;

const works = (command: string, args: ReadonlyArray<string>): boolean => {
  try {
    execFileSync(command, [...args], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

/** Mounts a tmpfs of `sizeMiB` on a new directory; undefined when the machine does not allow it. */
const mountTmpfs = (sizeMiB: number): string | undefined => {
  const dir = tempDir('tmpfs');
  if (works('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0777`, 'tmpfs', dir])) return dir;
  removeDir(dir);
  return undefined;
};

const unmount = (dir: string): void => {
  for (let i = 0; i < 20 && !works('umount', [dir]); i++) execFileSync('sleep', ['0.1']);
  removeDir(dir);
};

/** Whether this machine lets us mount a tmpfs (root, and not inside a container that forbids it). */
const canMountTmpfs = ((): boolean => {
  if (!isRoot || process.env['RELIABILITY_DISK'] === 'fsize') return false;
  const dir = mountTmpfs(1);
  if (dir === undefined) return false;
  unmount(dir);
  return true;
})();

const hasPrlimit = works('prlimit', ['--version']);

/**
 * Writes `path` until the file system is full (the service's own files may grow meanwhile), then gives back
 * 16 KiB: the log has a little room, then none.
 */
const fillUp = (path: string): void => {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  }
  ftruncateSync(fd, Math.max(0, size - 16 * 1024));
  closeSync(fd);
};

const figures: Record<string, unknown> = {};
const dirs: string[] = [];

beforeAll(() => {
  ensureBuilt();
}, 180_000);

afterAll(async () => {
  await killAll();
  for (const dir of dirs) removeDir(dir);
  process.stdout.write(`disk figures: ${JSON.stringify(figures)}\n`);
});

const complaint = (n: number, size = 1_500): unknown => ({
  channel: 'web',
  category: 'pengaduan',
  unit: 'dinas-kependudukan',
  subject: `Pelayanan ${n}`,
  description: `Antrian pelayanan terlalu lama (BR-23). ${'x'.repeat(size)}`,
});

const file = (service: ServiceProcess, key: string, n: number): Promise<Answer> =>
  request('POST', commandUrl(service.url, 'complaint', 'file-complaint'), { body: complaint(n), headers: { 'idempotency-key': key } });

/** The head of the log, read with a read-only connection (no write, so it works on a full disk too). */
const headOf = (path: string): number => {
  const db = openReadOnly(path);
  try {
    return db.prepare('SELECT coalesce(max(global_position), 0) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
};

const expectUnavailable = (answer: Answer): void => {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(answer.body).toMatchObject({ type: 'urn:kinerja:problem:unavailable', status: 503 });
  // The detail names the cause as SQLite reported it (SQLITE_FULL, SQLITE_IOERR_WRITE, ...).
  expect((answer.body as { detail?: string }).detail).toMatch(/SQLITE_[A-Z_]+: /);
};

type FaultRun = Readonly<{
  acknowledged: Map<string, ReadonlyArray<string>>;
  refused: ReadonlyArray<Readonly<{ key: string; n: number }>>;
  statuses: Record<string, number>;
  /** The first 503's detail, for the figures. */
  detail: string | undefined;
}>;

/**
 * Sends `count` commands one at a time while the fault holds: each is 201 or 503, and a 503 leaves the head
 * where it was.
 */
const sendUnderFault = async (service: ServiceProcess, storePath: string, prefix: string, count: number): Promise<FaultRun> => {
  const acknowledged = new Map<string, ReadonlyArray<string>>();
  const refused: Array<Readonly<{ key: string; n: number }>> = [];
  const statuses: Record<string, number> = {};
  let detail: string | undefined;
  for (let n = 0; n < count; n++) {
    const key = `${prefix}-${n}`;
    const before = headOf(storePath);
    const answer = await file(service, key, n);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status === 201) acknowledged.set(key, eventIdsOf(answer));
    else {
      expectUnavailable(answer);
      expect(headOf(storePath)).toBe(before);
      refused.push({ key, n });
      detail ??= (answer.body as { detail?: string }).detail;
    }
  }
  return { acknowledged, refused, statuses, detail };
};

/** After the fault: nothing of the refused requests in the log, every acknowledged one there, verify intact. */
const expectNothingHalfWritten = async (storePath: string, run: FaultRun, before: ReadonlyMap<string, ReadonlyArray<string>>): Promise<void> => {
  const facts = await logFacts(storePath);
  expect(facts.verify).toMatchObject({ _tag: 'Intact' });
  const keys = new Set(run.refused.map((r) => r.key));
  expect(facts.events.filter((e) => keys.has(e.metadata.commandId.split('/').pop() ?? '')).map((e) => e.metadata.commandId)).toEqual([]);
  for (const ids of [...before.values(), ...run.acknowledged.values()]) for (const id of ids) expect(facts.eventIds.has(id)).toBe(true);
};

/** Space is back: the refused requests, retried with their keys, succeed, and the read models catch up. */
const expectRecovery = async (service: ServiceProcess, dataDir: string, run: FaultRun): Promise<number> => {
  const storePath = join(dataDir, 'kinerja.db');
  const retried = await Promise.all(run.refused.map(({ key, n }) => file(service, key, n)));
  expect(retried.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
  const fresh = await file(service, `after-${Date.now()}`, 0);
  expect(fresh.status).toBe(201);
  const facts = await logFacts(storePath);
  expect(facts.verify).toMatchObject({ _tag: 'Intact' });
  for (const ids of retried.map(eventIdsOf)) for (const id of ids) expect(facts.eventIds.has(id)).toBe(true);
  // The read models, written beside the log, were refused too: they must catch up by themselves.
  const db = openReadOnly(join(dataDir, 'readmodels.db'));
  try {
    await eventually(
      'the read models to catch up after the fault',
      () => (Object.values(readModelCheckpoints(db)).every((c) => c === facts.head) ? true : undefined),
      15_000,
    );
    expect(readModelViews(db)).toEqual((await rebuiltViews(storePath)).views);
  } finally {
    db.close();
  }
  return retried.length;
};

// ---------------------------------------------------------------------------------------------------------

const fullDiskMode = canMountTmpfs ? 'tmpfs' : hasPrlimit ? 'fsize' : undefined;

const fullDisk = fullDiskMode === undefined ? it.skip : it;
fullDisk(
  `a full disk (${fullDiskMode ?? 'skipped: no tmpfs (not root) and no prlimit'}): 503 with a clear problem, nothing half-written, recovery when space returns`,
  async () => {
    const tmpfs = fullDiskMode === 'tmpfs' ? mountTmpfs(16) : undefined;
    if (fullDiskMode === 'tmpfs' && tmpfs === undefined) throw new Error('the tmpfs could be mounted a moment ago, not now');
    const dataDir = tmpfs ?? tempDir('fsize');
    if (tmpfs === undefined) dirs.push(dataDir);
    try {
      const service = await spawnService({ dataDir });
      const storePath = join(dataDir, 'kinerja.db');
      const warm = new Map<string, ReadonlyArray<string>>();
      for (let n = 0; n < 5; n++) {
        const answer = await file(service, `warm-${n}`, n);
        expect(answer.status).toBe(201);
        warm.set(`warm-${n}`, eventIdsOf(answer));
      }

      // Fill the disk.
      let restore: () => void;
      if (tmpfs !== undefined) {
        const ballast = join(tmpfs, 'ballast');
        fillUp(ballast);
        restore = () => rmSync(ballast);
      } else {
        // No file may grow past the log's WAL as it is now: the next commit's frames have nowhere to go.
        const wal = statSync(`${storePath}-wal`).size;
        execFileSync('prlimit', ['--pid', String(service.pid), `--fsize=${wal}:unlimited`]);
        restore = () => execFileSync('prlimit', ['--pid', String(service.pid), '--fsize=unlimited:unlimited']);
      }
      let run: FaultRun;
      try {
        run = await sendUnderFault(service, storePath, 'full', 60);
        expect(run.refused.length).toBeGreaterThanOrEqual(40);
      } finally {
        restore();
      }
      await expectNothingHalfWritten(storePath, run, warm);
      const retried = await expectRecovery(service, dataDir, run);
      await service.kill('SIGTERM');
      figures['fullDisk'] = { mode: fullDiskMode, sent: 60, statuses: run.statuses, detail: run.detail, retriedAfterSpaceReturned: retried };
    } finally {
      await killAll();
      if (tmpfs !== undefined) unmount(tmpfs);
    }
  },
  120_000,
);

const engineOnFullDisk = canMountTmpfs ? it : it.skip;
engineOnFullDisk(
  `through the engine on a full disk (${canMountTmpfs ? 'tmpfs' : 'skipped: needs a tmpfs (root)'}): 32 commands sent at once (sharing group commits) all answer Unavailable, nothing half-written, then succeed`,
  async () => {
    const tmpfs = mountTmpfs(8);
    if (tmpfs === undefined) throw new Error('the tmpfs could be mounted a moment ago, not now');
    const path = join(tmpfs, 'kinerja.db');
    const store = openSqliteStore({ path });
    try {
      const spec = commandSpecFor('roster', 'RegisterUnit');
      if (spec === undefined) throw new Error('no RegisterUnit in the catalog');
      const register = (id: string) =>
        spec.run(store, TENANT as TenantId, { unit: id, name: `Unit ${id}` }, { tenant: TENANT, commandId: id, actor: { nip: OPERATOR.nip as Nip, role: 'operator' }, issuedAt: new Date() });
      expect(isRight(await register('warm'))).toBe(true);
      const ballast = join(tmpfs, 'ballast');
      fillUp(ballast);
      const head = headOf(path);
      // Distinct streams would share a commit too; one stream (the roster) also exercises the conflict retries.
      const outcomes = await Promise.all(Array.from({ length: 32 }, (_, i) => register(`full-${i}`)));
      const tags = outcomes.map((o) => (isRight(o) ? 'Right' : o.left._tag));
      expect(new Set(tags)).toEqual(new Set(['Unavailable']));
      const reasons = outcomes.flatMap((o) => (isRight(o) || o.left._tag !== 'Unavailable' ? [] : [(o.left as { reason: string }).reason]));
      expect(reasons.every((r) => /^SQLITE_FULL: /.test(r))).toBe(true);
      expect(headOf(path)).toBe(head);
      rmSync(ballast);
      const checked = await verify(store);
      expect(checked).toMatchObject({ _tag: 'Right', right: { _tag: 'Intact', eventsChecked: head } });
      // Space is back: the same store (no reopening) takes the same commands.
      const again = await Promise.all(Array.from({ length: 32 }, (_, i) => register(`full-${i}`)));
      expect(again.filter((o) => !isRight(o)).length).toBeLessThan(32);
      expect(again.every((o) => isRight(o) || o.left._tag === 'TooManyConflicts')).toBe(true);
      figures['engineFullDisk'] = { commands: 32, unavailable: tags.length, reason: reasons[0], afterSpaceReturned: again.filter(isRight).length };
    } finally {
      await store.close();
      unmount(tmpfs);
    }
  },
  60_000,
);

const canChattr = ((): boolean => {
  if (!isRoot) return false;
  const dir = tempDir('chattr');
  try {
    const probe = join(dir, 'probe');
    writeFileSync(probe, 'x');
    const ok = works('chattr', ['+i', probe]) && works('chattr', ['-i', probe]);
    return ok;
  } finally {
    removeDir(dir);
  }
})();

const whileRunning = canChattr ? it : it.skip;
whileRunning(
  `the data file made unwritable under the running service (${canChattr ? 'chattr +i' : 'skipped: needs root and chattr'}): 503, nothing written, recovery`,
  async () => {
    const dataDir = tempDir('immutable');
    dirs.push(dataDir);
    const storePath = join(dataDir, 'kinerja.db');
    const service = await spawnService({ dataDir });
    const warm = new Map<string, ReadonlyArray<string>>();
    for (let n = 0; n < 3; n++) {
      const answer = await file(service, `warm-${n}`, n);
      expect(answer.status).toBe(201);
      warm.set(`warm-${n}`, eventIdsOf(answer));
    }
    const files = [storePath, `${storePath}-wal`];
    execFileSync('chattr', ['+i', ...files]);
    let run: FaultRun;
    try {
      run = await sendUnderFault(service, storePath, 'immutable', 20);
      expect(run.statuses).toEqual({ 503: 20 });
    } finally {
      execFileSync('chattr', ['-i', ...files]);
    }
    await expectNothingHalfWritten(storePath, run, warm);
    const retried = await expectRecovery(service, dataDir, run);
    await service.kill('SIGTERM');
    figures['immutableWhileRunning'] = { sent: 20, statuses: run.statuses, detail: run.detail, retriedAfterwards: retried };
  },
  60_000,
);

const nobody = { uid: 65534, gid: 65534 };
/** As root the service must run as another user for a file mode to bite: can `nobody` load the built service? */
const nobodyCanRun =
  !isRoot ||
  spawnSync(process.execPath, ['-e', `require.resolve('@kinerja/engine', { paths: [${JSON.stringify(join(ROOT, 'apps', 'api'))}] }); require('fs').readFileSync(${JSON.stringify(SERVICE_MAIN)})`], {
    ...nobody,
    stdio: 'ignore',
  }).status === 0;

const readOnlyAtStart = nobodyCanRun ? it : it.skip;
readOnlyAtStart(`a read-only data file at start (chmod 0444${isRoot ? (nobodyCanRun ? ', the service running as nobody' : ': skipped, nobody cannot read the built service') : ''}): the service refuses to start and says why; the file is untouched`, async () => {
  const dataDir = tempDir('readonly');
  dirs.push(dataDir);
  const user = isRoot ? nobody : undefined;
  if (user !== undefined) chownSync(dataDir, user.uid, user.gid);
  const storePath = join(dataDir, 'kinerja.db');
  // Some history, written by the service itself.
  let service = await spawnService({ dataDir, ...(user === undefined ? {} : { user }) });
  const acknowledged: string[] = [];
  for (let n = 0; n < 3; n++) {
    const answer = await file(service, `before-${n}`, n);
    expect(answer.status).toBe(201);
    acknowledged.push(...eventIdsOf(answer));
  }
  await service.kill('SIGTERM');
  const digest = (): string => createHash('sha256').update(readFileSync(storePath)).digest('hex');
  const before = digest();

  chmodSync(storePath, 0o444);
  let refused: Error | undefined;
  try {
    service = await spawnService({ dataDir, startTimeoutMs: 20_000, ...(user === undefined ? {} : { user }) });
    await service.kill('SIGKILL');
  } catch (error) {
    refused = error as Error;
  }
  expect(refused?.message).toMatch(/ended before listening \(\{"code":1/);
  // SQLite's own words reach the operator: "attempt to write a readonly database".
  expect(refused?.message).toMatch(/readonly database/);
  expect(digest()).toBe(before);

  // SQLite created the WAL and shared-memory files with the database file's mode (0444): they need it back too.
  for (const name of readdirSync(dataDir).filter((f) => f.startsWith('kinerja.db'))) chmodSync(join(dataDir, name), 0o644);
  service = await spawnService({ dataDir, ...(user === undefined ? {} : { user }) });
  const answer = await file(service, 'after-0', 0);
  expect(answer.status).toBe(201);
  await service.kill('SIGTERM');
  const facts = await logFacts(storePath);
  expect(facts.verify).toMatchObject({ _tag: 'Intact' });
  for (const id of [...acknowledged, ...eventIdsOf(answer)]) expect(facts.eventIds.has(id)).toBe(true);
  figures['readOnlyAtStart'] = { refusedToStart: true, exitMessage: /kinerja: .*/.exec(refused?.message ?? '')?.[0] };
}, 60_000);
