/**
 * The query routes in the OpenAPI document: one operation per `@QueryRoute`, its parameters from the route's
 * parameter codec, its response from the route's schema, its roles as `x-kinerja-roles`, and the read-your-writes
 * header and query parameter.
 */
import type { JsonSchema } from '@kinerja/domain';
import { TENANT_PARAMETER, problemResponses } from '../openapi/openapi.document';
import type { OpenApiRegistry } from '../openapi/openapi.registry';
import { MIN_POSITION_HEADER, MIN_POSITION_QUERY, READ_YOUR_WRITES_TIMEOUT_MS } from './read-your-writes';
import type { DescribedQueryRoute } from './route';

const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'time travel': "Auditors' replay: a stream or an employee's file as of an instant, recorded vs effective (reads the event store).",
  reports: 'Ranking, distribution against the curve, complaint SLA, training needs, angka kredit, sanctions in force (read models).',
  audit: 'Audit trails and provenance (explain) of decisions (read models).',
  'work queues': "An official's work: plans waiting for approval, objections waiting for a decision, deadlines this week (read models).",
  status: 'Projection status and read-model exports.',
};

const readYourWrites = (): ReadonlyArray<JsonSchema> => [
  {
    name: MIN_POSITION_HEADER,
    in: 'header',
    required: false,
    description: `Read your writes: answer only once the read models reflect this global position (a command's \`X-Kinerja-Position\`); waits at most ${READ_YOUR_WRITES_TIMEOUT_MS} ms, then 503 read-model-behind.`,
    schema: { type: 'integer', minimum: 0 },
  },
  { name: MIN_POSITION_QUERY, in: 'query', required: false, description: `The same as the \`${MIN_POSITION_HEADER}\` header.`, schema: { type: 'integer', minimum: 0 } },
];

const operationIdOf = (route: DescribedQueryRoute): string =>
  route.routePath
    .replace('/v1/tenants/:tenant/', '')
    .split(/[/-]/)
    .filter((part) => part !== '' && !part.startsWith(':'))
    .map((part, i) => (i === 0 ? part : `${part.charAt(0).toUpperCase()}${part.slice(1)}`))
    .join('');

export const registerQueryRoutes = (registry: OpenApiRegistry, routes: ReadonlyArray<DescribedQueryRoute>): void => {
  for (const tag of new Set(routes.map((r) => r.tag))) registry.addTag({ name: tag, ...(TAG_DESCRIPTIONS[tag] === undefined ? {} : { description: TAG_DESCRIPTIONS[tag] }) });
  for (const route of routes)
    registry.addPath(route.openApiPath, 'get', {
      operationId: `query_${operationIdOf(route)}`,
      summary: route.summary,
      description: `${route.description}\n\nRoles: ${route.roles.join(', ')}.`,
      tags: [route.tag],
      'x-kinerja-roles': route.roles,
      parameters: [
        ...route.parameterList.map((p): JsonSchema =>
          p.name === 'tenant' ? TENANT_PARAMETER : { name: p.name, in: p.in, required: p.required, schema: p.schema, ...(p.description === undefined ? {} : { description: p.description }) },
        ),
        ...readYourWrites(),
      ],
      responses: {
        '200': { description: route.summary, content: { 'application/json': { schema: route.response } } },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    });
};
