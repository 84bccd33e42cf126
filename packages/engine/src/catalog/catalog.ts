/**
 * The command catalog: every command of every aggregate, as the edges (HTTP, CLI, seed) need it.
 *
 * One entry per command type says what a client sends (`request`: a strict io-ts codec, unknown fields refused),
 * which roles may send it (the route guard; the domain's own authority checks stand behind it), and how the
 * engine runs it (`run`: gather the facts the domain needs from other streams, then the pipeline). The service
 * builds its routes and its OpenAPI document from this list, so every command is reachable and documented from
 * the same codecs that decode it.
 */
import type * as t from 'io-ts';
import type { Either } from 'fp-ts/Either';
import type { Role, TenantId } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import type { CommandContext, Handled, HandleError, HandleOptions } from '../pipeline';

/** The aggregates, as named in routes (`/v1/tenants/{tenant}/{aggregate}/...`) and in the catalog. */
export const AGGREGATE_NAMES = [
  'roster',
  'plan',
  'evaluation',
  'unit-period',
  'objection',
  'discipline',
  'absence',
  'appeal',
  'poor-performance',
  'reward',
  'complaint',
] as const;
export type AggregateName = (typeof AGGREGATE_NAMES)[number];

/** Why the engine could not gather the facts a command needs (before the domain decided anything). */
export type FactsProblem = Readonly<{ _tag: string; [detail: string]: unknown }>;

/**
 * What running a command can end in besides success:
 * - `Refused`: the domain said no (422, with the error's tag and, when known, its BR id);
 * - a facts problem such as `PlanNotFound` or `UnknownTenant` (404/422);
 * - the pipeline's own: `CorruptStream`, `TooManyConflicts` (409), `Unavailable` (503), `TooLarge` (413), ...
 */
export type CommandFailure = HandleError<Readonly<{ _tag: string }>> | FactsProblem;

export type CommandOutcome = Either<CommandFailure, Handled<unknown>>;

export type CommandSpec<Request = unknown> = Readonly<{
  aggregate: AggregateName;
  /** The domain's command type, e.g. `ApprovePlan`. */
  type: string;
  /** One line for humans (OpenAPI summary, CLI help). */
  summary: string;
  /** What a client sends: the command's data without the facts the engine fills in. */
  request: t.Type<Request, unknown, unknown>;
  /** The roles that may send it. */
  roles: ReadonlyArray<Role>;
  /** True for the citizen complaint filing: no token needed (rate- and size-limited at the edge). */
  public?: boolean;
  /** The stream the command is decided on (for `If-Match` and for naming a conflict). */
  streamOf: (tenant: TenantId, request: Request) => string;
  /** `options` pass through to the pipeline, e.g. `expectedVersion` from HTTP `If-Match`. */
  run: (
    store: EventStore,
    tenant: TenantId,
    request: Request,
    context: CommandContext,
    options?: HandleOptions,
  ) => Promise<CommandOutcome>;
}>;

/** The BR rule a refusal enforces, by error tag (a 422 names it); absent when the refusal is not a BR rule. */
export type RuleOfRefusal = Readonly<Record<string, string>>;
