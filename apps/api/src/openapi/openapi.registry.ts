/**
 * Paths, schemas and tags that modules other than the command routes add to the OpenAPI document (the queries
 * and operations modules). Inject `OpenApiRegistry` and call `addPath` in a constructor or `onModuleInit`; the
 * service builds `/docs-json` after the modules are initialised.
 *
 * ```ts
 * registry.addPath('/v1/tenants/{tenant}/ranking', 'get', {
 *   tags: ['queries'], summary: 'Ranking of a unit', parameters: [TENANT_PARAMETER, ...],
 *   responses: { '200': { description: 'the rows', content: { 'application/json': { schema: toJsonSchema(RowCodec) } } },
 *                ...problemResponses(400, 401, 403, 404) },
 * });
 * ```
 */
import { Injectable } from '@nestjs/common';
import type { JsonSchema } from '@kinerja/domain';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/** An OpenAPI 3.1 operation object (the fields used here; anything else passes through). */
export type OpenApiOperation = Readonly<{
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: ReadonlyArray<string>;
  parameters?: ReadonlyArray<JsonSchema>;
  requestBody?: JsonSchema;
  responses: Readonly<Record<string, JsonSchema>>;
  /** `[]` for a public route; absent: the document's default (bearer). */
  security?: ReadonlyArray<Readonly<Record<string, ReadonlyArray<string>>>>;
  [extension: string]: unknown;
}>;

export type OpenApiTag = Readonly<{ name: string; description?: string }>;

@Injectable()
export class OpenApiRegistry {
  private readonly pathItems = new Map<string, Map<HttpMethod, OpenApiOperation>>();
  private readonly namedSchemas = new Map<string, JsonSchema>();
  private readonly tagList = new Map<string, OpenApiTag>();

  /** Adds an operation; adding the same path and method twice is a wiring mistake and throws. */
  addPath(path: string, method: HttpMethod, operation: OpenApiOperation): void {
    const item = this.pathItems.get(path) ?? new Map<HttpMethod, OpenApiOperation>();
    if (item.has(method)) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is documented twice`);
    item.set(method, operation);
    this.pathItems.set(path, item);
  }

  /** Adds a schema under `#/components/schemas/<name>` (refer to it with `schemaRef(name)`). */
  addSchema(name: string, schema: JsonSchema): void {
    this.namedSchemas.set(name, schema);
  }

  addTag(tag: OpenApiTag): void {
    this.tagList.set(tag.name, tag);
  }

  paths(): Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>> {
    return Object.fromEntries([...this.pathItems].map(([path, item]) => [path, Object.fromEntries(item)]));
  }

  schemas(): Readonly<Record<string, JsonSchema>> {
    return Object.fromEntries(this.namedSchemas);
  }

  tags(): ReadonlyArray<OpenApiTag> {
    return [...this.tagList.values()];
  }
}
