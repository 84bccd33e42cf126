/**
 * Liveness and readiness as plain functions over the store and the runner, so they are tested without HTTP.
 *
 * Ready means: the store answers `headPosition`, every projection has finished its first catch-up (it has an
 * active version), none is stopped, and none lags more than `maxLag` events behind the head.
 */
import { isLeft } from 'fp-ts/Either';
import type { EventStore } from '@kinerja/eventstore';
import type { ProjectionStatus } from '@kinerja/projections';
import type { RunnerStatusSource } from './metrics';

export type ProjectionReadiness = Readonly<{
  name: string;
  state: ProjectionStatus['state'];
  activeVersion: number | null;
  checkpoint: number;
  lag: number;
  ready: boolean;
}>;

export type Readiness = Readonly<{
  ready: boolean;
  store: Readonly<{ reachable: true; headPosition: number }> | Readonly<{ reachable: false; reason: string }>;
  maxLag: number;
  projections: ReadonlyArray<ProjectionReadiness>;
  /** Why not ready, one line each (empty when ready). */
  problems: ReadonlyArray<string>;
}>;

const withTimeout = async <A>(work: Promise<A>, ms: number, what: string): Promise<A> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
};

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const checkReadiness = async (
  store: EventStore,
  runner: RunnerStatusSource,
  maxLag: number,
  timeoutMs = 2_000,
): Promise<Readiness> => {
  const problems: string[] = [];
  let storeCheck: Readiness['store'];
  try {
    const head = await withTimeout(store.headPosition(), timeoutMs, 'the event store');
    storeCheck = isLeft(head) ? { reachable: false, reason: head.left.reason } : { reachable: true, headPosition: head.right };
  } catch (error) {
    storeCheck = { reachable: false, reason: reasonOf(error) };
  }
  if (!storeCheck.reachable) problems.push(`event store unreachable: ${storeCheck.reason}`);

  let statuses: ReadonlyArray<ProjectionStatus> = [];
  try {
    statuses = await withTimeout(runner.status(), timeoutMs, 'the projection runner');
  } catch (error) {
    problems.push(`projection runner: ${reasonOf(error)}`);
  }
  const projections = statuses.map((s): ProjectionReadiness => {
    const own: string[] = [];
    if (s.activeVersion === undefined) own.push(`projection ${s.name} has not finished its first catch-up`);
    if (s.state === 'stopped') own.push(`projection ${s.name} is stopped`);
    if (s.lag > maxLag) own.push(`projection ${s.name} lags ${s.lag} events (bound ${maxLag})`);
    problems.push(...own);
    return { name: s.name, state: s.state, activeVersion: s.activeVersion ?? null, checkpoint: s.checkpoint, lag: s.lag, ready: own.length === 0 };
  });
  return { ready: problems.length === 0, store: storeCheck, maxLag, projections, problems };
};
