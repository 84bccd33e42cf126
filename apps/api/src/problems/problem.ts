/**
 * Errors on the wire as RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`,
 * `detail`, `instance`, plus extensions (`errors` with field paths, `tag` and `rule` of a refusal, the current
 * version of a stale stream, ...).
 *
 * Everything a client can cause maps to a 4xx here, in one place (ARCHITECTURE.md, "One command's way", step 4):
 * the engine's and the domain's failures by their `_tag` (`problemOfCommandFailure`), Nest's `HttpException`s,
 * and fastify's own errors (body parsing, size, media type, rate limit) in `problemOfError`. Only a bug or a
 * corrupt stream is a 500.
 */
import { HttpException } from '@nestjs/common';
import type { FieldProblem } from '@kinerja/domain';
import type { AggregateName, CommandFailure } from '@kinerja/engine';

/** The BR rule a refusal of an aggregate enforces (the engine's `ruleOfRefusal`). */
export type RuleLookup = (aggregate: AggregateName, tag: string) => string | undefined;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `urn:kinerja:problem:<slug>`: stable problem type ids (the OpenAPI document lists them). */
export const problemType = (slug: string): string => `urn:kinerja:problem:${slug}`;

export type Problem = Readonly<{
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}>;

/** Response headers a problem needs (`Retry-After`, `WWW-Authenticate`, `ETag`). */
export type ProblemHeaders = Readonly<Record<string, string>>;

/** An exception that carries a finished problem; the filter writes it as it is. */
export class ProblemException extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: ProblemHeaders = {},
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }
}

/** The kinds of problem the service answers with, by slug: status and title. */
export const PROBLEM_KINDS = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'stale-version': { status: 409, title: 'The stream has changed since the version given in If-Match' },
  'too-many-conflicts': { status: 409, title: 'The stream kept changing; try again' },
  'idempotency-key-reused': { status: 409, title: 'This Idempotency-Key was already used for another request' },
  'too-large': { status: 413, title: 'The request is too large' },
  'unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'precondition-invalid': { status: 400, title: 'The If-Match header is not a stream version' },
  refused: { status: 422, title: 'The command was refused' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'The event store is unavailable; try again later' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Readonly<Record<string, Readonly<{ status: number; title: string }>>>;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** A problem of a known kind, with a detail and extensions. */
export const problemOf = (kind: ProblemKind, detail?: string, extensions: Readonly<Record<string, unknown>> = {}): Problem => ({
  type: problemType(kind),
  title: PROBLEM_KINDS[kind].title,
  status: PROBLEM_KINDS[kind].status,
  ...(detail === undefined ? {} : { detail }),
  ...extensions,
});

export const problemException = (
  kind: ProblemKind,
  detail?: string,
  extensions: Readonly<Record<string, unknown>> = {},
  headers: ProblemHeaders = {},
): ProblemException => new ProblemException(problemOf(kind, detail, extensions), headers);

/** 400 naming every failing field (the paths of `describeErrors`; the whole body is the empty path `""`). */
export const invalidRequest = (errors: ReadonlyArray<FieldProblem>): ProblemException =>
  problemException(
    'invalid-request',
    errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; '),
    { errors },
  );

/** Seconds a client should wait before retrying when the store is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

const fieldsOf = (value: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> =>
  Object.fromEntries(Object.entries(value).filter(([key]) => key !== '_tag'));

/** Facts the engine looked up and did not find (`PlanNotFound`, `EvaluationNotFound`, `UnknownTenant`, ...). */
const isNotFound = (tag: string): boolean => tag.endsWith('NotFound') || tag === 'UnknownTenant' || tag.startsWith('Unknown');

/**
 * The problem for a command that did not succeed (the engine's `CommandFailure`):
 *
 * | failure | status |
 * |---|---|
 * | `Refused` (the domain said no) | 422, `tag`, `rule` (BR id), `error` (the domain error's fields) |
 * | a fact not found (`...NotFound`, `Unknown...`) | 404 |
 * | `InvalidRows` (a roster file's lines) | 400 with `errors` per line |
 * | any other facts problem | 422 with its `tag` |
 * | `StaleVersion` | 409 with `currentVersion` |
 * | `TooManyConflicts` | 409 |
 * | `DuplicateEventId` (an Idempotency-Key reused for another stream) | 409 |
 * | `TooLarge` | 413 |
 * | `Unavailable` | 503 with `Retry-After` |
 * | `CorruptStream`, `InvalidAppend` | 500 (the service's fault, logged) |
 */
export const problemOfCommandFailure = (failure: CommandFailure, aggregate: AggregateName, ruleOf: RuleLookup): ProblemException => {
  const f = failure as Readonly<{ _tag: string; [field: string]: unknown }>;
  switch (f._tag) {
    case 'Refused': {
      const error = (f['error'] ?? { _tag: 'Refused' }) as Readonly<{ _tag: string; [field: string]: unknown }>;
      const rule = ruleOf(aggregate, error._tag);
      return problemException('refused', `${error._tag}${rule === undefined ? '' : ` (${rule})`}`, {
        tag: error._tag,
        ...(rule === undefined ? {} : { rule }),
        error: { _tag: error._tag, ...fieldsOf(error) },
      });
    }
    case 'StaleVersion': {
      const current = f['current'];
      return problemException(
        'stale-version',
        `the stream ${String(f['streamId'])} is at version ${String(current)}, not ${String(f['expected'])}`,
        { streamId: f['streamId'], expectedVersion: f['expected'], currentVersion: current },
        typeof current === 'number' ? { etag: `"${current}"` } : {},
      );
    }
    case 'TooManyConflicts':
      return problemException('too-many-conflicts', `the stream ${String(f['streamId'])} changed ${String(f['attempts'])} times while deciding`, {
        streamId: f['streamId'],
      });
    case 'DuplicateEventId':
      return problemException('idempotency-key-reused', 'the Idempotency-Key was first used for a command on another stream', {
        eventId: f['eventId'],
      });
    case 'TooLarge':
      return problemException('too-large', `the events would take ${String(f['sizeBytes'])} bytes; the limit is ${String(f['limitBytes'])}`, {
        limitBytes: f['limitBytes'],
      });
    case 'Unavailable':
      return problemException('unavailable', String(f['reason'] ?? 'the event store did not answer'), {}, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    case 'CorruptStream':
    case 'InvalidAppend':
      return new ProblemException(
        problemOf('internal', `the command could not be completed (${f._tag})`, { tag: f._tag }),
        {},
      );
    case 'InvalidRows': {
      const rows = (f['rows'] ?? []) as ReadonlyArray<Readonly<{ line: number; problems: ReadonlyArray<string> }>>;
      const errors = rows.flatMap((row) => row.problems.map((message) => ({ path: `line ${row.line}`, message })));
      return problemException('invalid-request', `${errors.length} problem(s) in the file`, { tag: f._tag, errors });
    }
    default: {
      const rule = ruleOf(aggregate, f._tag);
      const extensions = { tag: f._tag, ...(rule === undefined ? {} : { rule }), error: { ...f } };
      return isNotFound(f._tag)
        ? problemException('not-found', f._tag, extensions)
        : problemException('refused', `${f._tag}${rule === undefined ? '' : ` (${rule})`}`, extensions);
    }
  }
};

/** A body that is not valid JSON (the service's JSON body parser throws it; Nest would otherwise blur it into a 400 without a kind). */
export class MalformedJson extends Error {
  readonly statusCode = 400;
  readonly code = 'KINERJA_MALFORMED_JSON';
  constructor(message: string) {
    super(message);
    this.name = 'MalformedJson';
  }
}

/**
 * Client errors by code (fastify's, when they reach the filter unwrapped; Nest usually turns them into an
 * `HttpException` of the same status, which maps by status).
 */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, ProblemKind>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  KINERJA_MALFORMED_JSON: 'malformed-json',
};

const statusKinds: Readonly<Record<number, ProblemKind>> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'too-many-conflicts',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'refused',
  429: 'rate-limited',
  503: 'unavailable',
};

/** A generic problem for a status without a kind of its own (405, 406, ...). */
const problemForStatus = (status: number, detail: string): ProblemException => {
  const kind = statusKinds[status];
  if (kind !== undefined) return problemException(kind, detail);
  return new ProblemException({ type: 'about:blank', title: detail, status, detail });
};

/** Nest's `HttpException` message: a string, or `{ message }` (a string or a list). */
const messageOf = (response: unknown, fallback: string): string => {
  if (typeof response === 'string') return response;
  if (typeof response === 'object' && response !== null) {
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  }
  return fallback;
};

/**
 * Any thrown value as a problem: our `ProblemException` as it is; Nest's `HttpException` by its status; the store's
 * `StoreUnavailableError` as 503; fastify's client errors (body too large, media type, malformed JSON, rate limit)
 * by their code and status; everything else 500.
 */
export const problemOfError = (error: unknown): ProblemException => {
  if (error instanceof ProblemException) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problemForStatus(status, messageOf(error.getResponse(), error.message));
  }
  const e = error as Partial<Readonly<{ _tag: string; name: string; code: string; statusCode: number; message: string; reason: string }>>;
  if (e?._tag === 'Unavailable' || e?.name === 'StoreUnavailableError')
    return problemException('unavailable', e.reason ?? e.message, {}, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  if (typeof e?.code === 'string') {
    const kind = FASTIFY_CLIENT_ERRORS[e.code];
    if (kind !== undefined) return problemException(kind, e.message);
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return problemForStatus(e.statusCode, e.message ?? 'client error');
  return new ProblemException(problemOf('internal', 'the service failed to answer this request; the log names the cause'));
};
