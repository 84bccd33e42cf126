/**
 * The OpenAPI 3.1 document (`/docs-json`, Swagger UI at `/docs`), built from the same sources the service runs
 * on: the command catalog (one operation per command, its request body the JSON Schema of the spec's io-ts codec,
 * via `toJsonSchema`), the refusal rules, the problem kinds, and the paths other modules registered in the
 * `OpenApiRegistry`. No Nest decorators describe schemas, so the document cannot drift from what is decoded.
 */
import { commandDataCodecOf, policyFor, toJsonSchema, TENANT_POLICIES, type JsonSchema, type TenantId } from '@kinerja/domain';
import type { CommandSpec, RuleOfRefusal } from '@kinerja/engine';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../contracts';
import { ACT_AS_ROLE, CORRELATION_ID, IDEMPOTENCY_KEY } from '../commands/command-request';
import { commandPath, kebabCase } from '../commands/command-routes';
import { POSITION_HEADER } from '../commands/command-controllers';
import { PROBLEM_CONTENT_TYPE, PROBLEM_KINDS, problemType } from '../problems/problem';
import type { OpenApiOperation, OpenApiRegistry } from './openapi.registry';

export type OpenApiDocument = Readonly<{
  openapi: string;
  info: Readonly<{ title: string; version: string; description: string }>;
  tags: ReadonlyArray<Readonly<{ name: string; description?: string }>>;
  paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  components: Readonly<{
    schemas: Readonly<Record<string, JsonSchema>>;
    responses: Readonly<Record<string, JsonSchema>>;
    securitySchemes: Readonly<Record<string, JsonSchema>>;
    parameters: Readonly<Record<string, JsonSchema>>;
  }>;
  security: ReadonlyArray<Readonly<Record<string, ReadonlyArray<string>>>>;
}>;

export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The `{tenant}` path parameter, for any route under `/v1/tenants/{tenant}/...`. */
export const TENANT_PARAMETER: JsonSchema = { $ref: '#/components/parameters/Tenant' };

/** The reusable problem responses, by status (refer to them with `problemResponses(400, 401, ...)`). */
const RESPONSE_NAMES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'TooLarge',
  415: 'UnsupportedMediaType',
  422: 'Refused',
  429: 'RateLimited',
  503: 'Unavailable',
};

/** `{ '400': { $ref }, '401': { $ref }, ... }` for an operation's `responses`. */
export const problemResponses = (...statuses: ReadonlyArray<number>): Readonly<Record<string, JsonSchema>> =>
  Object.fromEntries(
    statuses.map((status) => {
      const name = RESPONSE_NAMES[status];
      if (name === undefined) throw new Error(`OpenAPI: no problem response for status ${status}`);
      return [String(status), { $ref: `#/components/responses/${name}` }];
    }),
  );

const PROBLEM_SCHEMA: JsonSchema = {
  title: 'Problem',
  description: 'RFC 9457 problem details; `type` is one of the urn:kinerja:problem:* kinds.',
  type: 'object',
  properties: {
    type: { type: 'string', enum: [...Object.keys(PROBLEM_KINDS).map(problemType), 'about:blank'] },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      description: '400: every failing field, by its dotted path ("" is the whole body)',
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] },
    },
    tag: { type: 'string', description: "422/404: the domain error's or missing fact's tag" },
    rule: { type: 'string', description: '422: the BR rule the refusal enforces (DOMAIN.md), when it is one' },
    error: { type: 'object', description: "422: the domain error's fields" },
    currentVersion: { description: '409 StaleVersion: the stream version now', anyOf: [{ type: 'integer' }, { const: 'no-stream' }] },
    requiredRoles: { type: 'array', items: { type: 'string' } },
  },
  required: ['type', 'title', 'status'],
};

const ANSWER_SCHEMA: JsonSchema = {
  title: 'CommandAnswer',
  type: 'object',
  properties: {
    streamId: { type: 'string' },
    streamVersion: { type: 'integer', description: 'the stream version after the command (-1: no stream); also the ETag' },
    position: { type: 'integer', description: "global position of the command's last event: pass it as X-Kinerja-Min-Position to read your writes" },
    replayed: { type: 'boolean', description: 'true: this Idempotency-Key was already handled; nothing was appended now' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          eventId: { type: 'string', format: 'uuid' },
          type: { type: 'string' },
          streamVersion: { type: 'integer' },
          position: { type: 'integer' },
          data: { type: 'object' },
        },
        required: ['eventId', 'type', 'streamVersion', 'position', 'data'],
      },
    },
  },
  required: ['streamId', 'streamVersion', 'position', 'replayed', 'events'],
};

const problemResponse = (description: string, headers: Readonly<Record<string, JsonSchema>> = {}): JsonSchema => ({
  description,
  ...(Object.keys(headers).length > 0 ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef('Problem') } },
});

const RESPONSES: Readonly<Record<string, JsonSchema>> = {
  BadRequest: problemResponse('The body, a header or a field is not valid (`errors` names each failing path); malformed JSON'),
  Unauthorized: problemResponse('No bearer token, or an expired, forged or malformed one', {
    'WWW-Authenticate': { schema: { type: 'string' } },
  }),
  Forbidden: problemResponse("The token lacks the route's roles, or is for another tenant"),
  NotFound: problemResponse('No such route, tenant, command, or a fact the command needs (e.g. PlanNotFound)'),
  Conflict: problemResponse('StaleVersion (If-Match; `currentVersion` names the version now), TooManyConflicts, or an Idempotency-Key reused for another stream', {
    ETag: { schema: { type: 'string' } },
  }),
  TooLarge: problemResponse('The body is larger than the limit, or the events would be'),
  UnsupportedMediaType: problemResponse('The body is not application/json'),
  Refused: problemResponse('The domain refused the command: `tag` names the error, `rule` its BR id, `error` its fields'),
  RateLimited: problemResponse('Too many requests from this address', { 'Retry-After': { schema: { type: 'integer' } } }),
  Unavailable: problemResponse('The event store is unavailable or the service is shutting down', {
    'Retry-After': { schema: { type: 'integer' } },
  }),
};

const PARAMETERS: Readonly<Record<string, JsonSchema>> = {
  Tenant: {
    name: 'tenant',
    in: 'path',
    required: true,
    description: "The government (pemerintah daerah); must be the token's tenant",
    schema: { type: 'string', enum: TENANT_POLICIES.map((p) => p.tenant) },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Makes the command idempotent: a retry with the same key (same tenant and caller) returns the first answer and appends nothing',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
  },
  CorrelationId: {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description: 'Stamped on the events (metadata.correlationId) and the logs; echoed in the response',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The stream version the client last saw ("3", or "no-stream"): 409 StaleVersion when the stream has moved on',
    schema: { type: 'string' },
  },
};

/** The request body's schema: the spec's codec, or, for an opaque request wrapper, its command's `data` codec. */
export const requestSchemaOf = (spec: CommandSpec): JsonSchema => {
  const schema = toJsonSchema(spec.request);
  const opaque = Object.keys(schema).every((key) => key === 'title');
  const data = opaque ? commandDataCodecOf(spec.type) : undefined;
  return data === undefined ? schema : { ...toJsonSchema(data), title: spec.request.name };
};

const requestSchemaName = (spec: CommandSpec): string => `${spec.type}Request`;

const commandOperation = (spec: CommandSpec, rules: RuleOfRefusal, rateLimitPerMinute: number): OpenApiOperation => {
  const isPublic = spec.public === true;
  const who = isPublic
    ? `Public: no token; at most ${rateLimitPerMinute} requests per minute per address; the actor is the citizen (masyarakat).`
    : `Roles: ${spec.roles.join(', ')} (the actor acts in the role named by X-Kinerja-Role, else the first of these the token has).`;
  const ruleTags = Object.keys(rules).length;
  return {
    operationId: `${spec.aggregate}.${kebabCase(spec.type)}`,
    summary: spec.summary,
    description: `\`${spec.type}\` on the ${spec.aggregate} stream. ${who} Refusals answer 422 with the domain error's tag and, for the ${ruleTags} tags that enforce one, the BR rule.`,
    tags: [spec.aggregate],
    parameters: [
      TENANT_PARAMETER,
      { $ref: '#/components/parameters/IdempotencyKey' },
      { $ref: '#/components/parameters/CorrelationId' },
      { $ref: '#/components/parameters/IfMatch' },
      ...(isPublic
        ? []
        : [{ name: 'X-Kinerja-Role', in: 'header', required: false, description: 'The role to act in', schema: { type: 'string', enum: [...spec.roles] } }]),
    ],
    requestBody: { required: true, content: { 'application/json': { schema: schemaRef(requestSchemaName(spec)) } } },
    responses: {
      '201': answerResponse('Accepted: the events were appended'),
      '200': answerResponse('Nothing new appended: a replay of this Idempotency-Key, or a command with no effect'),
      ...problemResponses(400, ...(isPublic ? [] : [401, 403]), 404, 409, 413, 415, 422, ...(isPublic ? [429] : []), 503),
    },
    ...(isPublic ? { security: [] } : {}),
    'x-kinerja-command': spec.type,
    'x-kinerja-roles': spec.roles,
  };
};

const answerResponse = (description: string): JsonSchema => ({
  description,
  headers: {
    ETag: { description: 'The stream version after the command, for If-Match', schema: { type: 'string' } },
    'X-Kinerja-Position': { description: 'Global position to wait for in queries (X-Kinerja-Min-Position)', schema: { type: 'integer' } },
    'X-Correlation-Id': { schema: { type: 'string' } },
  },
  content: { 'application/json': { schema: schemaRef('CommandAnswer') } },
});

export type DocumentSources = Readonly<{
  specs: ReadonlyArray<CommandSpec>;
  rules: RuleOfRefusal;
  registry: OpenApiRegistry;
  publicRateLimitPerMinute: number;
  version?: string;
}>;

const DESCRIPTION = [
  'Event-sourced performance management for Indonesian civil servants (ASN).',
  '',
  `**Commands**: \`POST /v1/tenants/{tenant}/{aggregate}/{command}\`, the command in kebab-case (\`ApprovePlan\` → \`/plan/approve-plan\`), a JSON body decoded by the command's codec (unknown fields are refused).`,
  `Headers: \`${IDEMPOTENCY_KEY}\` (retry safely), \`${CORRELATION_ID}\`, \`${ACT_AS_ROLE}\`, \`If-Match\`. The answer carries \`ETag\` (stream version) and \`${POSITION_HEADER}\` (global position).`,
  '',
  `**Tokens**: bearer JWTs, issuer \`${TOKEN_ISSUER}\`, audience \`${TOKEN_AUDIENCE}\`, claims \`sub\` (NIP), \`tenant\`, \`roles\`. Locally: \`kinerja token --nip <NIP> --tenant <tenant> --roles <role,...>\`.`,
  '',
  '**Errors**: `application/problem+json` (RFC 9457).',
].join('\n');

export const buildOpenApiDocument = (sources: DocumentSources): OpenApiDocument => {
  const commandPaths: Record<string, Record<string, OpenApiOperation>> = {};
  const requestSchemas: Record<string, JsonSchema> = {};
  for (const spec of sources.specs) {
    commandPaths[commandPath(spec)] = { post: commandOperation(spec, sources.rules, sources.publicRateLimitPerMinute) };
    requestSchemas[requestSchemaName(spec)] = requestSchemaOf(spec);
  }
  const aggregates = [...new Set(sources.specs.map((s) => s.aggregate))];
  const registered = sources.registry.paths();
  for (const path of Object.keys(registered))
    if (commandPaths[path] !== undefined) throw new Error(`OpenAPI: ${path} is both a command and a registered path`);
  return {
    openapi: '3.1.0',
    info: { title: 'kinerja', version: sources.version ?? '0.1.0', description: DESCRIPTION },
    tags: [...aggregates.map((name) => ({ name, description: `Commands of the ${name} aggregate` })), ...sources.registry.tags()],
    paths: { ...commandPaths, ...registered },
    components: {
      schemas: { Problem: PROBLEM_SCHEMA, CommandAnswer: ANSWER_SCHEMA, ...requestSchemas, ...sources.registry.schemas() },
      responses: RESPONSES,
      parameters: PARAMETERS,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `HS256 (local secret) or RS256; iss "${TOKEN_ISSUER}", aud "${TOKEN_AUDIENCE}", claims sub (NIP), tenant, roles`,
        },
      },
    },
    security: [{ bearer: [] }],
  };
};

/** True when `tenant` is one the service knows (for registry users that validate a path parameter). */
export const isKnownTenant = (tenant: string): boolean => policyFor(tenant as TenantId) !== undefined;
