/**
 * From an HTTP request to a `RunCatalogCommand`: the body decoded by the spec's io-ts codec, and the context the
 * engine stamps on the events (ARCHITECTURE.md, "One command's way", steps 1-2).
 *
 * | header | becomes |
 * |---|---|
 * | `Content-Type` | must be `application/json` (415 otherwise) |
 * | `Idempotency-Key` | the command id, scoped by tenant and caller (`http/<tenant>/<nip>/<key>`; for a public route the client address stands for the caller): a retry returns the first response and appends nothing |
 * | `X-Correlation-Id` | the correlation id (else the request id fastify generated, which is the command id's correlation) |
 * | `X-Kinerja-Role` | the role the caller acts in; else the first of the spec's roles the token has |
 * | `If-Match: "<version>"` | the expected stream version (`"-1"` or `"no-stream"`: the stream must not exist yet) |
 *
 * The actor is the token's NIP in that role; a public route's actor is the domain's citizen actor. `issuedAt` is
 * the service's clock at decoding time.
 */
import { randomUUID } from 'node:crypto';
import { isLeft } from 'fp-ts/Either';
import { CITIZEN_ACTOR, describeErrors, policyFor, type Actor, type Role, type TenantId } from '@kinerja/domain';
import type { CommandContext, CommandSpec, HandleOptions } from '@kinerja/engine';
import type { Principal } from '../contracts';
import { invalidRequest, problemException } from '../problems/problem';
import { RunCatalogCommand } from './run-catalog-command';

/** What the command path reads of a fastify request. */
export type CommandHttpRequest = Readonly<{
  id?: string | number;
  ip?: string;
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;
  params: Readonly<Record<string, string | undefined>>;
  body?: unknown;
  principal?: Principal;
}>;

export const IDEMPOTENCY_KEY = 'idempotency-key';
export const CORRELATION_ID = 'x-correlation-id';
export const ACT_AS_ROLE = 'x-kinerja-role';

/** Visible ASCII, 1-200 characters: what an Idempotency-Key or a correlation id may be. */
const TOKEN_LIKE = /^[\x21-\x7e]{1,200}$/;

const headerOf = (request: CommandHttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);
};

const isJson = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json';
};

/** `If-Match: "3"` (or `W/"3"`, or `3`) → 3; `"-1"`/`"no-stream"` → 'no-stream'; absent → undefined. */
export const expectedVersionOf = (ifMatch: string | undefined): HandleOptions['expectedVersion'] => {
  if (ifMatch === undefined) return undefined;
  const tag = ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (tag === 'no-stream' || tag === '-1') return 'no-stream';
  if (/^\d{1,15}$/.test(tag)) return Number(tag);
  throw problemException('precondition-invalid', `If-Match must be a stream version such as "3" (or "no-stream"), got ${JSON.stringify(ifMatch)}`, {
    errors: [{ path: 'If-Match', message: 'expected a stream version' }],
  });
};

/** The role the caller acts in: `X-Kinerja-Role` when given (it must be one the spec and the token allow). */
export const actingRole = (spec: CommandSpec, principal: Principal, asked: string | undefined): Role => {
  const allowed = spec.roles.filter((role) => principal.roles.includes(role));
  if (asked !== undefined) {
    if (allowed.includes(asked as Role)) return asked as Role;
    throw problemException('forbidden', `cannot act as "${asked}" here: ${spec.type} allows ${spec.roles.join(', ')}; the token has ${principal.roles.join(', ')}`, {
      requiredRoles: spec.roles,
      tokenRoles: principal.roles,
    });
  }
  const role = allowed[0];
  // The guard has checked the intersection is not empty; this is the same check, for callers outside the guard.
  if (role === undefined)
    throw problemException('forbidden', `${spec.type} needs one of the roles ${spec.roles.join(', ')}`, {
      requiredRoles: spec.roles,
      tokenRoles: principal.roles,
    });
  return role;
};

/** Decodes the request and builds the command; throws a `ProblemException` (400, 403, 415) otherwise. */
export const buildCommand = (spec: CommandSpec, request: CommandHttpRequest, now: Date = new Date()): RunCatalogCommand => {
  const tenant = request.params['tenant'] as TenantId;
  // The guard checks this on authenticated routes; a public route meets it here first.
  if (policyFor(tenant) === undefined) throw problemException('not-found', `no tenant "${tenant}"`, { tenant });
  const contentType = headerOf(request, 'content-type');
  if (request.body !== undefined && !isJson(contentType))
    throw problemException('unsupported-media-type', `send the command as application/json, not ${contentType ?? 'a body without Content-Type'}`);
  if (request.body === undefined)
    throw invalidRequest([{ path: '', message: `expected a JSON object (the ${spec.type} request) as the body` }]);

  const decoded = spec.request.decode(request.body);
  if (isLeft(decoded)) throw invalidRequest(describeErrors(decoded.left));

  const key = headerOf(request, IDEMPOTENCY_KEY);
  if (key !== undefined && !TOKEN_LIKE.test(key))
    throw invalidRequest([{ path: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }]);
  const correlation = headerOf(request, CORRELATION_ID);
  if (correlation !== undefined && !TOKEN_LIKE.test(correlation))
    throw invalidRequest([{ path: 'X-Correlation-Id', message: 'must be 1-200 visible ASCII characters' }]);

  let actor: Actor;
  let caller: string;
  if (spec.public === true) {
    actor = CITIZEN_ACTOR;
    caller = `public:${request.ip ?? 'unknown'}`;
  } else {
    const principal = request.principal;
    if (principal === undefined) throw problemException('unauthenticated', 'this route needs a bearer token');
    actor = { nip: principal.nip as Actor['nip'], role: actingRole(spec, principal, headerOf(request, ACT_AS_ROLE)) };
    caller = principal.nip;
  }

  const commandId = key === undefined ? randomUUID() : `http/${tenant}/${caller}/${key}`;
  const context: CommandContext = {
    tenant,
    commandId,
    correlationId: correlation ?? (request.id === undefined ? commandId : String(request.id)),
    actor,
    issuedAt: now,
  };
  const expectedVersion = expectedVersionOf(headerOf(request, 'if-match'));
  return new RunCatalogCommand(spec, tenant, decoded.right, context, expectedVersion === undefined ? {} : { expectedVersion });
};
