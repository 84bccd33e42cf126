/**
 * Read your own writes: a command's response carries the global position of its events; a client that passes
 * it back as `X-Kinerja-Min-Position: <n>` (or `?minPosition=<n>`) gets an answer only once every read model has
 * applied the log up to `n`. The wait is bounded (`READ_YOUR_WRITES_TIMEOUT_MS`); past it the answer is 503
 * `read-model-behind` with `Retry-After`, never stale data presented as fresh.
 */
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import type { ProjectionRunner } from '@kinerja/projections';
import { PROJECTION_RUNNER } from '../contracts';
import { invalidParameters, readModelBehind } from './problems';

export const MIN_POSITION_HEADER = 'x-kinerja-min-position';
export const MIN_POSITION_QUERY = 'minPosition';
/** The longest a query waits for the read models to reach the position asked for. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

/** What the query side needs from the projection runner: wait until every read model has reached a position. */
export type PositionWaiter = Pick<ProjectionRunner, 'waitFor' | 'status'>;

type QueryRequest = Readonly<{ headers: Readonly<Record<string, string | string[] | undefined>>; query?: unknown }>;

const POSITION = /^(0|[1-9][0-9]{0,15})$/;

/** The position asked for, from the header or the query string; undefined when neither is given. */
export const minPositionOf = (request: QueryRequest): number | undefined => {
  const header = request.headers[MIN_POSITION_HEADER];
  const query = typeof request.query === 'object' && request.query !== null ? (request.query as Record<string, unknown>)[MIN_POSITION_QUERY] : undefined;
  const [path, raw] = header !== undefined ? [`header ${MIN_POSITION_HEADER}`, header] : [MIN_POSITION_QUERY, query];
  if (raw === undefined) return undefined;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (typeof text !== 'string' || !POSITION.test(text) || !Number.isSafeInteger(Number(text)))
    throw invalidParameters([{ path, message: `expected a global position (a whole number ≥ 0), got ${JSON.stringify(text)}` }]);
  return Number(text);
};

/** Waits for the read models to reach a position, or throws the 503 `read-model-behind` problem. */
export const awaitPosition = async (runner: PositionWaiter, position: number, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<void> => {
  const started = Date.now();
  let reached: boolean;
  try {
    reached = await runner.waitFor(position, timeoutMs);
  } catch {
    reached = false;
  }
  if (reached) return;
  const waited = Date.now() - started;
  let lowest: number | undefined;
  try {
    const checkpoints = (await runner.status()).map((s) => s.checkpoint);
    lowest = checkpoints.length === 0 ? undefined : Math.min(...checkpoints);
  } catch {
    lowest = undefined;
  }
  throw readModelBehind(position, lowest, waited);
};

/** On every query route: waits for `X-Kinerja-Min-Position` / `?minPosition=` before the handler runs. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: PositionWaiter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<QueryRequest>();
    const position = minPositionOf(request);
    if (position === undefined) return next.handle();
    return from(awaitPosition(this.runner, position)).pipe(switchMap(() => next.handle()));
  }
}
