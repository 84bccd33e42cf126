/**
 * One decorator per query route says everything about it: the path (under `/v1/tenants/{tenant}`), the roles the
 * global guard checks, the codec its path and query parameters are decoded by, and its response's JSON Schema.
 * `queryRoutesOf(controllers)` reads it back, so the OpenAPI document and the authorisation tests list exactly
 * the routes that exist, with the roles they enforce.
 */
import { Get, SetMetadata, applyDecorators } from '@nestjs/common';
import type * as t from 'io-ts';
import { toJsonSchema, type JsonSchema, type Role } from '@kinerja/domain';
import { Roles } from '../contracts';

/** Every query controller's prefix. */
export const TENANT_PREFIX = 'v1/tenants/:tenant';

export type QueryRouteSpec = Readonly<{
  /** Below `/v1/tenants/:tenant`, Nest style (`streams/:streamId/as-of`). */
  path: string;
  summary: string;
  /** Longer text for the OpenAPI description: who may read it beyond the roles, what it reads. */
  description: string;
  roles: ReadonlyArray<Role>;
  /** Decodes the path and query parameters together (a `strictObject`: unknown query parameters are refused). */
  parameters: t.Decoder<unknown, unknown>;
  response: JsonSchema;
  /** The OpenAPI tag (group). */
  tag: string;
}>;

const QUERY_ROUTE_KEY = 'kinerja:query-route';

export const QueryRoute = (spec: QueryRouteSpec): MethodDecorator =>
  applyDecorators(Get(spec.path), Roles(...spec.roles), SetMetadata(QUERY_ROUTE_KEY, spec));

export type QueryParameter = Readonly<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema; description?: string }>;

export type DescribedQueryRoute = QueryRouteSpec &
  Readonly<{
    method: 'GET';
    /** OpenAPI style: `/v1/tenants/{tenant}/streams/{streamId}/as-of`. */
    openApiPath: string;
    /** Nest/fastify style: `/v1/tenants/:tenant/streams/:streamId/as-of`. */
    routePath: string;
    parameterList: ReadonlyArray<QueryParameter>;
  }>;

const PATH_PARAMETER = /:([A-Za-z][A-Za-z0-9]*)/g;

/** The parameters of a route: those in its path, then the query's, from the codec's JSON Schema. */
const parametersOf = (routePath: string, codec: t.Decoder<unknown, unknown>): ReadonlyArray<QueryParameter> => {
  const schema = toJsonSchema(codec);
  const properties = (schema['properties'] ?? {}) as Readonly<Record<string, JsonSchema>>;
  const required = new Set((schema['required'] ?? []) as ReadonlyArray<string>);
  const inPath = new Set([...routePath.matchAll(PATH_PARAMETER)].map((m) => m[1] as string));
  return Object.entries(properties)
    .map(([name, s]): QueryParameter => {
      const description = typeof s['description'] === 'string' ? s['description'] : undefined;
      return { name, in: inPath.has(name) ? 'path' : 'query', required: inPath.has(name) || required.has(name), schema: s, ...(description === undefined ? {} : { description }) };
    })
    .sort((a, b) => (a.in === b.in ? 0 : a.in === 'path' ? -1 : 1));
};

/** The query routes of the given controllers, in declaration order. */
export const queryRoutesOf = (controllers: ReadonlyArray<abstract new (...args: never[]) => unknown>): ReadonlyArray<DescribedQueryRoute> =>
  controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((method) => {
      const handler = (controller.prototype as Record<string, unknown>)[method];
      if (typeof handler !== 'function') return [];
      const spec = Reflect.getMetadata(QUERY_ROUTE_KEY, handler) as QueryRouteSpec | undefined;
      if (spec === undefined) return [];
      const routePath = `/${TENANT_PREFIX}/${spec.path}`;
      return [{ ...spec, method: 'GET' as const, routePath, openApiPath: routePath.replace(PATH_PARAMETER, '{$1}'), parameterList: parametersOf(routePath, spec.parameters) }];
    }),
  );
