/**
 * The projection runner (ARCHITECTURE.md, "Projections"; docs/projections.md, "The runner"): keeps read models
 * in a SQLite database up to date from the global log of any EventStore adapter.
 *
 * - `catchUp()` reads the log from the checkpoints in batches and applies each batch, rows and checkpoints, in
 *   one transaction (batch.ts); projections with no build at their declared version are built first.
 * - `start()` catches up, then follows the log live through `store.subscribe`; `stop()` ends it.
 * - `rebuild(names)` fills new tables from position 0 while the views keep answering from the old ones, then
 *   swaps them (blue/green). It commits every batch with its own checkpoint, so a rebuild killed midway resumes.
 * - `status()` and `waitFor(position)` tell where each projection stands.
 *
 * Every decision that matters (which build is active, where a build's checkpoint is) is read from the database
 * inside the write transaction, never trusted from memory, so a second process sharing the file (an operator's
 * `kinerja rebuild` beside the service) is safe: see docs/projections.md.
 */
import type Database from 'better-sqlite3';
import { isLeft } from 'fp-ts/Either';
import { StoreUnavailableError, type EventEnvelope, type EventStore, type ReadAllOptions, type Subscription } from '@kinerja/eventstore';
import type { Projection, ProjectionStatus } from '../projection';
import { batchApplier, fed, type BatchOutcome, type Fed, type Target } from './batch';
import { registry, type Build } from './registry';
import { checkProjections, createIndexes, tablesFingerprint } from './tables';

export type ProjectionRunnerOptions = Readonly<{
  store: EventStore;
  /** From `openReadModelDb`. The runner neither closes it nor the store. */
  db: Database.Database;
  projections: ReadonlyArray<Projection>;
  /**
   * Most events per transaction. Default 1,000: with the read models, larger batches were no faster (2,500,
   * 5,000 and 10,000 measured), cost more memory and hold the write lock longer, which a live runner in another
   * process waits for. (Tables keyed at random, such as a UUID, gain from larger ones.) The live runner commits
   * whatever has arrived, usually a few events. The store is read in pages of at most 1,000 events.
   */
  batchSize?: number;
  /** For timestamps in the bookkeeping and for rates and ETAs. Default: the system clock. */
  clock?: () => Date;
  /**
   * How often the live runner, while idle, looks for builds swapped in by another process, and how often
   * `waitFor` looks at checkpoints advanced by another process. Default 250 ms.
   */
  pollIntervalMs?: number;
  /**
   * The read asks the store for the projections' event types only when there are at most this many of them;
   * with more, it reads everything and passes over the rest itself (a filter over many types costs the SQLite
   * store more than it saves). Default 8.
   */
  maxFilterTypes?: number;
  /** A building build whose heartbeat is older than this is shown as paused, not rebuilding. Default 30 s. */
  staleBuildMs?: number;
  /**
   * Called when the live runner (after `start()` resolved) or a background rebuild stops on an error that is
   * not transient (a projection that throws, a row that breaks its table's constraints). Transient errors (the
   * store unavailable, the database busy) are retried with a growing pause instead.
   */
  onError?: (error: unknown) => void;
}>;

export type RebuildProgress = Readonly<{
  projection: string;
  version: number;
  build: number;
  /** Global position the build has reached (on SQLite and in memory, positions count events). */
  done: number;
  /** The store's head position when this pass began (or `done`, if beyond it). */
  total: number;
  /** Events read from the store by this rebuild, all projections together. */
  eventsRead: number;
  /** Events read per second since this rebuild began. */
  eventsPerSecond: number;
  /** At the rate of positions covered so far; undefined before it can be told. */
  etaSeconds: number | undefined;
}>;

export type RebuildOptions = Readonly<{
  onProgress?: (progress: RebuildProgress) => void;
  /** Start from position 0 even when a rebuild of the same version was interrupted (it is discarded). */
  fresh?: boolean;
}>;

export type RebuiltProjection = Readonly<{
  name: string;
  version: number;
  build: number;
  /** The checkpoint the build had when this rebuild began: 0 for a new build, more when it resumed. */
  resumedFrom: number;
  /** Where the build stands now. */
  checkpoint: number;
  /** True when it was swapped in (by this runner or, meanwhile, by another process). */
  swapped: boolean;
}>;

export type RebuildReport = Readonly<{
  projections: ReadonlyArray<RebuiltProjection>;
  /** False when `stop()` interrupted it: run it again to resume. */
  complete: boolean;
  eventsRead: number;
  seconds: number;
  eventsPerSecond: number;
}>;

export type ProjectionRunner = Readonly<{
  /** Brings every projection to the store's head: builds the ones whose declared version has no active build. */
  catchUp: () => Promise<void>;
  /**
   * Catches up the projections whose active build has the declared version, then follows the log live;
   * resolves once the first catch-up is done. Projections that need a build are built in the background (the
   * views answer from the old build, or no rows, meanwhile) and join the live feed when swapped in.
   */
  start: () => Promise<void>;
  /** Stops following and interrupts any rebuild of this runner (it resumes when run again). */
  stop: () => Promise<void>;
  status: () => Promise<ReadonlyArray<ProjectionStatus>>;
  /**
   * Read-your-writes: true as soon as the active build of every named projection (default: all) has a
   * checkpoint at or past `position`, false when `timeoutMs` passes first (or the runner is stopped).
   */
  waitFor: (position: number, timeoutMs: number, names?: ReadonlyArray<string>) => Promise<boolean>;
  /** Blue/green rebuild of the named projections (default: all), all in one read of the log. */
  rebuild: (names?: ReadonlyArray<string>, options?: RebuildOptions) => Promise<RebuildReport>;
}>;

const DEFAULT_BATCH_SIZE = 1_000;
const MAX_READ_PAGE = 1_000;
/**
 * While a rebuild runs, the connection checkpoints the WAL every this many pages (40 MiB at 4 KiB) instead of
 * SQLite's 1,000: a page rewritten by many batches is copied into the database file once, not once per batch.
 */
const REBUILD_WAL_AUTOCHECKPOINT = 10_000;
const TICK = Symbol('tick');
const NOT_YET = Symbol('not-yet');

/** SQLite busy or locked, or the store unavailable: worth a retry after a pause. Checked by shape (realms). */
export const isTransient = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, _tag } = error as { name?: unknown; code?: unknown; _tag?: unknown };
  return (name === 'SqliteError' && typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) || _tag === 'Unavailable';
};

/** `promise`'s value if it settles within the current turn of the event loop (microtasks), else NOT_YET. */
const settledNow = <T>(promise: Promise<T>): Promise<T | typeof NOT_YET> =>
  new Promise((resolve, reject) => {
    const later = setImmediate(() => resolve(NOT_YET));
    promise.then(
      (value) => {
        clearImmediate(later);
        resolve(value);
      },
      (error: unknown) => {
        clearImmediate(later);
        reject(error);
      },
    );
  });

type Waiter = { readonly position: number; readonly names: ReadonlyArray<string>; readonly done: (reached: boolean) => void };

export const createProjectionRunner = (options: ProjectionRunnerOptions): ProjectionRunner => {
  const { store, db, projections } = options;
  checkProjections(projections);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const readPage = Math.min(batchSize, MAX_READ_PAGE);
  const clock = options.clock ?? (() => new Date());
  const pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 250);
  const maxFilterTypes = options.maxFilterTypes ?? 8;
  const staleBuildMs = options.staleBuildMs ?? 30_000;
  const now = (): string => clock().toISOString();
  const millis = (): number => clock().getTime();

  const feds = new Map<string, Fed>(projections.map((p) => [p.name, fed(p)]));
  const allNames = projections.map((p) => p.name);
  const reg = registry(db);
  const batches = batchApplier(db, reg);
  // Registered at once, so that every view exists (answering no rows before the first build) from now on.
  for (const p of projections) reg.register(p.name, p.tables);

  // --- state of this runner ---------------------------------------------------------------------------
  let running = false;
  let stopping = false;
  let mainState: 'catching-up' | 'live' = 'catching-up';
  let mainLoop: Promise<void> | undefined;
  /** Rebuilds run one after another; a queued one starts when the previous ends. */
  let buildQueue: Promise<unknown> = Promise.resolve();
  /** Projections this runner is building right now. */
  const buildingHere = new Set<string>();
  const waiters = new Set<Waiter>();
  /** The live subscription, closed by `stop()`. */
  let liveSubscription: Subscription | undefined;
  /** Wakes the idle live loop (a swap happened, stop was asked) and the pauses between retries. */
  const wakers = new Set<() => void>();
  const wake = (): void => {
    for (const w of [...wakers]) w();
  };
  /** Resolves after `ms`, or sooner when woken; `cancel` forgets it (it then never resolves). */
  const alarm = (ms: number): Readonly<{ rings: Promise<void>; cancel: () => void }> => {
    let cancel = (): void => undefined;
    const rings = new Promise<void>((resolve) => {
      const done = (): void => {
        cancel();
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
      cancel = () => {
        clearTimeout(timer);
        wakers.delete(done);
      };
    });
    return { rings, cancel };
  };
  const pause = (ms: number): Promise<void> => alarm(ms).rings;

  // --- helpers ----------------------------------------------------------------------------------------
  const head = async (): Promise<number> => {
    const result = await store.headPosition();
    if (isLeft(result)) throw new StoreUnavailableError(result.left.reason);
    return result.right;
  };

  const fedOf = (name: string): Fed => {
    const found = feds.get(name);
    if (found === undefined) throw new Error(`unknown projection ${JSON.stringify(name)}; known: ${allNames.join(', ')}`);
    return found;
  };

  const readOptions = (targets: ReadonlyArray<Target>): ReadAllOptions => {
    const types = new Set(targets.flatMap((t) => [...t.fed.types]));
    return types.size <= maxFilterTypes ? { batchSize: readPage, filter: { types: [...types] } } : { batchSize: readPage };
  };

  /** Registers every projection and refuses tables changed without a version raise. */
  const prepare = (): void => {
    for (const p of projections) {
      reg.register(p.name, p.tables);
      const active = reg.activeBuild(p.name);
      if (active !== undefined && active.version === p.version && active.fingerprint !== tablesFingerprint(p.tables)) {
        throw new Error(
          `projection ${p.name}: its tables differ from those its active build (version ${p.version}) was made with; raise its version to rebuild it`,
        );
      }
    }
  };

  /** The projections whose active build has the declared version, and their checkpoints. */
  const currentCheckpoints = (): Map<string, number> => {
    const found = new Map<string, number>();
    for (const p of projections) {
      const active = reg.activeCheckpoint(p.name);
      if (active !== undefined && active.version === p.version) found.set(p.name, active.checkpoint);
    }
    return found;
  };

  const needsBuild = (p: Projection): boolean => reg.activeCheckpoint(p.name)?.version !== p.version;

  const reached = (position: number, names: ReadonlyArray<string>): boolean =>
    names.every((name) => (reg.activeCheckpoint(name)?.checkpoint ?? -1) >= position);

  const checkWaiters = (): void => {
    for (const waiter of [...waiters]) if (reached(waiter.position, waiter.names)) waiter.done(true);
  };

  const afterCommit = (outcome: BatchOutcome): void => {
    if (outcome.advanced.size > 0 && waiters.size > 0) checkWaiters();
  };

  // --- one pass over the log ----------------------------------------------------------------------------

  type PassEnd = 'done' | 'gap' | 'stopped';

  /**
   * Reads the log after `from` to its end and applies it to `targets`, batch by batch; the last batch covers
   * up to `headAt` at least (a filtered read says nothing about the positions after the last event it gave).
   */
  const pass = async (
    targets: ReadonlyArray<Target>,
    from: number,
    headAt: number,
    shouldStop: () => boolean,
    onBatch?: (outcome: BatchOutcome, cover: number, events: number) => void,
  ): Promise<PassEnd> => {
    let cover = from;
    let batch: EventEnvelope[] = [];
    let batchMax = from;
    let gap = false;
    const flush = (to: number): void => {
      if (batch.length === 0 && to <= cover) return;
      const events = batch.length;
      const outcome = batches.apply(targets, batch, cover, to, now());
      batch = [];
      cover = Math.max(cover, to);
      afterCommit(outcome);
      onBatch?.(outcome, cover, events);
      if (outcome.gaps.length > 0) gap = true;
    };
    for await (const event of store.readAll(from, readOptions(targets))) {
      batch.push(event);
      if (event.globalPosition > batchMax) batchMax = event.globalPosition;
      if (batch.length >= batchSize) {
        flush(batchMax);
        if (gap) return 'gap';
        if (shouldStop()) return 'stopped';
        // A store that reads ahead in pages hands events over in microtasks only: let timers and I/O (the
        // service's requests, a Ctrl-C, the live loop of this runner) have a turn between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    flush(Math.max(batchMax, headAt));
    return gap ? 'gap' : 'done';
  };

  const currentTargets = (): ReadonlyArray<Target> => projections.map((p) => ({ fed: fedOf(p.name), mode: 'current' as const }));

  /** Brings the projections with a current active build to the head (again after a gap). */
  const catchUpCurrent = async (): Promise<'done' | 'stopped'> => {
    for (;;) {
      if (stopping) return 'stopped';
      const checkpoints = currentCheckpoints();
      if (checkpoints.size === 0) return 'done';
      const from = Math.min(...checkpoints.values());
      const headAt = await head();
      if (from >= headAt) return 'done';
      const end = await pass(currentTargets(), from, headAt, () => stopping);
      if (end !== 'gap') return end;
    }
  };

  // --- following live -------------------------------------------------------------------------------------

  /**
   * Follows the log from the lowest current checkpoint with an unfiltered subscription, so that every event,
   * whatever its type, moves the checkpoints (and `waitFor` on any position resolves). Takes whatever the
   * subscription has ready, up to a batch, per transaction. Returns 'catch-up' when a projection's checkpoint
   * is found below the feed's position (a build swapped in meanwhile, here or by another process).
   */
  const follow = async (): Promise<'catch-up' | 'stopped'> => {
    const checkpoints = currentCheckpoints();
    let cursor = checkpoints.size === 0 ? await head() : Math.min(...checkpoints.values());
    const subscription = store.subscribe(cursor, { batchSize: readPage });
    liveSubscription = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<EventEnvelope>> | undefined;
    try {
      for (;;) {
        if (stopping) return 'stopped';
        pending ??= iterator.next();
        const idle = alarm(pollIntervalMs);
        const first = await Promise.race([pending, idle.rings.then((): typeof TICK => TICK)]);
        idle.cancel();
        if (stopping) return 'stopped';
        if (first === TICK) {
          if ([...currentCheckpoints().values()].some((checkpoint) => checkpoint < cursor)) return 'catch-up';
          continue;
        }
        pending = undefined;
        if (first.done === true) return 'catch-up';
        const batch: EventEnvelope[] = [first.value];
        let last = first.value.globalPosition;
        while (batch.length < batchSize) {
          pending = iterator.next();
          const more = await settledNow(pending);
          if (more === NOT_YET) break;
          pending = undefined;
          if (more.done === true) break;
          batch.push(more.value);
          last = Math.max(last, more.value.globalPosition);
        }
        const outcome = batches.apply(currentTargets(), batch, cursor, last, now());
        cursor = Math.max(cursor, last);
        afterCommit(outcome);
        if (outcome.gaps.length > 0) return 'catch-up';
      }
    } finally {
      liveSubscription = undefined;
      await subscription.close();
    }
  };

  // --- rebuilding -----------------------------------------------------------------------------------------

  const buildJob = async (builds: ReadonlyArray<Build>, onProgress: RebuildOptions['onProgress']): Promise<RebuildReport> => {
    const startedAt = millis();
    let eventsRead = 0;
    let firstFrom: number | undefined;
    const known = new Map<number, number>(builds.map((b) => [b.build, b.checkpoint]));
    const swapped = new Set<number>();
    let remaining: ReadonlyArray<Build> = builds;
    let complete = true;
    for (const b of builds) buildingHere.add(b.projection);
    const walPages = Number(db.pragma('wal_autocheckpoint', { simple: true }));
    if (walPages > 0 && walPages < REBUILD_WAL_AUTOCHECKPOINT) db.pragma(`wal_autocheckpoint = ${REBUILD_WAL_AUTOCHECKPOINT}`);
    try {
      while (remaining.length > 0) {
        if (stopping) {
          complete = false;
          break;
        }
        // Builds swapped in or retired by another process meanwhile are no longer ours to fill.
        remaining = remaining.filter((b) => {
          const row = reg.checkpointOf(b.build);
          if (row !== undefined) known.set(b.build, row.checkpoint);
          if (row?.state === 'active') swapped.add(b.build);
          return row?.state === 'building';
        });
        if (remaining.length === 0) break;
        const targets: ReadonlyArray<Target> = remaining.map((b) => ({ fed: fedOf(b.projection), mode: 'build', build: b.build }));
        const from = Math.min(...remaining.map((b) => known.get(b.build) ?? 0));
        firstFrom ??= from;
        const headAt = await head();
        const end = await pass(targets, from, headAt, () => stopping, (outcome, cover, events) => {
          eventsRead += events;
          for (const [, a] of outcome.advanced) known.set(a.build, a.checkpoint);
          if (onProgress === undefined) return;
          const seconds = (millis() - startedAt) / 1000;
          const positionsPerSecond = seconds > 0 ? (cover - (firstFrom ?? 0)) / seconds : 0;
          for (const b of remaining) {
            const done = known.get(b.build) ?? 0;
            const total = Math.max(headAt, done);
            onProgress({
              projection: b.projection,
              version: b.version,
              build: b.build,
              done,
              total,
              eventsRead,
              eventsPerSecond: seconds > 0 ? eventsRead / seconds : 0,
              etaSeconds: positionsPerSecond > 0 ? (total - done) / positionsPerSecond : undefined,
            });
          }
        });
        if (end === 'stopped') {
          complete = false;
          break;
        }
        for (const b of remaining) {
          const row = reg.checkpointOf(b.build);
          if (row === undefined || row.state !== 'building' || row.checkpoint < headAt) continue;
          createIndexes(db, b.projection, b.version, b.build, b.tables);
          const previous = reg.activeCheckpoint(b.projection);
          if (reg.swap(b.build, now()) === 'swapped') {
            swapped.add(b.build);
            if (previous !== undefined) batches.forget(previous.build);
            checkWaiters();
            wake();
          }
        }
        reg.dropRetired();
      }
    } finally {
      for (const b of builds) buildingHere.delete(b.projection);
      if (walPages > 0 && walPages < REBUILD_WAL_AUTOCHECKPOINT && db.open) db.pragma(`wal_autocheckpoint = ${walPages}`);
    }
    const seconds = (millis() - startedAt) / 1000;
    return {
      projections: builds.map((b) => ({
        name: b.projection,
        version: b.version,
        build: b.build,
        resumedFrom: b.checkpoint,
        checkpoint: known.get(b.build) ?? b.checkpoint,
        swapped: swapped.has(b.build),
      })),
      complete: complete && builds.every((b) => swapped.has(b.build)),
      eventsRead,
      seconds,
      eventsPerSecond: seconds > 0 ? eventsRead / seconds : 0,
    };
  };

  const enqueueBuild = (builds: ReadonlyArray<Build>, onProgress: RebuildOptions['onProgress']): Promise<RebuildReport> => {
    const job = buildQueue.then(() => buildJob(builds, onProgress));
    buildQueue = job.catch(() => undefined);
    return job;
  };

  const buildsNeeded = (): ReadonlyArray<Build> =>
    projections.filter(needsBuild).map((p) => reg.resumeOrStartBuild(p.name, p.version, p.tables, now()));

  // --- the public face ------------------------------------------------------------------------------------

  const catchUp = async (): Promise<void> => {
    if (running) {
      const ok = await waitFor(await head(), Number.POSITIVE_INFINITY);
      if (!ok) throw new Error('the projection runner stopped before catching up');
      return;
    }
    stopping = false;
    prepare();
    reg.dropRetired();
    const needed = buildsNeeded();
    await Promise.all([needed.length > 0 ? enqueueBuild(needed, undefined) : undefined, catchUpCurrent()]);
    // Builds swapped in during the pass above may be behind its end.
    await catchUpCurrent();
  };

  /** Catch-up, then live, again after every gap; transient failures are retried after a growing pause. */
  const main = async (ready: () => void): Promise<void> => {
    let failures = 0;
    try {
      while (!stopping) {
        try {
          mainState = 'catching-up';
          if ((await catchUpCurrent()) === 'stopped') break;
          ready();
          mainState = 'live';
          failures = 0;
          if ((await follow()) === 'stopped') break;
        } catch (error) {
          if (!isTransient(error)) throw error;
          failures += 1;
          await pause(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)));
        }
      }
    } finally {
      // Stopped before the first catch-up ended: `start()` returns all the same.
      if (stopping) ready();
    }
  };

  const start = async (): Promise<void> => {
    if (running) return;
    stopping = false;
    prepare();
    reg.dropRetired();
    running = true;
    const needed = buildsNeeded();
    if (needed.length > 0) {
      enqueueBuild(needed, undefined).catch((error: unknown) => {
        if (stopping) return;
        // Those waiting for these projections would wait in vain.
        for (const waiter of [...waiters]) if (waiter.names.some((name) => needed.some((b) => b.projection === name))) waiter.done(false);
        options.onError?.(error);
      });
    }
    let started = false;
    await new Promise<void>((resolve, reject) => {
      mainLoop = main(() => {
        started = true;
        resolve();
      }).catch((error: unknown) => {
        running = false;
        for (const waiter of [...waiters]) waiter.done(false);
        if (started) options.onError?.(error);
        else reject(error);
      });
    });
  };

  const stop = async (): Promise<void> => {
    stopping = true;
    wake();
    await liveSubscription?.close();
    await mainLoop;
    await buildQueue;
    mainLoop = undefined;
    running = false;
    for (const waiter of [...waiters]) waiter.done(false);
  };

  const status = async (): Promise<ReadonlyArray<ProjectionStatus>> => {
    const headAt = await head();
    const at = millis();
    return projections.map((p): ProjectionStatus => {
      const active = reg.activeCheckpoint(p.name);
      const inProgress = reg.buildsInProgress(p.name);
      const pending = inProgress.find((b) => b.version === p.version) ?? inProgress[0];
      const checkpoint = active?.checkpoint ?? 0;
      const rebuilding =
        buildingHere.has(p.name) || (pending !== undefined && at - Date.parse(pending.updatedAt) < staleBuildMs);
      const state = rebuilding ? 'rebuilding' : running && active?.version === p.version ? mainState : 'stopped';
      return {
        name: p.name,
        activeVersion: active?.version,
        declaredVersion: p.version,
        checkpoint,
        lag: Math.max(0, headAt - checkpoint),
        state,
        ...(pending === undefined ? {} : { rebuildCheckpoint: pending.checkpoint }),
      };
    });
  };

  const waitFor = (position: number, timeoutMs: number, names: ReadonlyArray<string> = allNames): Promise<boolean> => {
    for (const name of names) fedOf(name);
    if (reached(position, names)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (reached(position, names)) waiter.done(true);
      }, pollIntervalMs);
      const timeout = Number.isFinite(timeoutMs) ? setTimeout(() => waiter.done(false), Math.max(0, timeoutMs)) : undefined;
      const waiter: Waiter = {
        position,
        names,
        done: (ok) => {
          clearInterval(poll);
          if (timeout !== undefined) clearTimeout(timeout);
          waiters.delete(waiter);
          resolve(ok);
        },
      };
      waiters.add(waiter);
    });
  };

  const rebuild = async (names: ReadonlyArray<string> = allNames, rebuildOptions: RebuildOptions = {}): Promise<RebuildReport> => {
    const chosen = [...new Set(names)].map((name) => fedOf(name).projection);
    prepare();
    reg.dropRetired();
    if (!running) stopping = false;
    const builds = chosen.map((p) =>
      rebuildOptions.fresh === true
        ? reg.startFreshBuild(p.name, p.version, p.tables, now())
        : reg.resumeOrStartBuild(p.name, p.version, p.tables, now()),
    );
    reg.dropRetired();
    return enqueueBuild(builds, rebuildOptions.onProgress);
  };

  return { catchUp, start, stop, status, waitFor, rebuild };
};
