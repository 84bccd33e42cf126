/** The operations routes in the OpenAPI document: public (no bearer token), tagged `operations`. */
import type { OpenApiRegistry } from '../openapi/openapi.registry';

const readinessSchema = {
  title: 'Readiness',
  type: 'object',
  properties: {
    ready: { type: 'boolean' },
    store: { type: 'object', properties: { reachable: { type: 'boolean' }, headPosition: { type: 'integer' }, reason: { type: 'string' } }, required: ['reachable'] },
    maxLag: { type: 'integer', description: 'KINERJA readiness bound: the most events a projection may lag' },
    projections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          state: { enum: ['live', 'catching-up', 'rebuilding', 'stopped'] },
          activeVersion: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
          checkpoint: { type: 'integer' },
          lag: { type: 'integer' },
          ready: { type: 'boolean' },
        },
        required: ['name', 'state', 'activeVersion', 'checkpoint', 'lag', 'ready'],
      },
    },
    problems: { type: 'array', items: { type: 'string' } },
  },
  required: ['ready', 'store', 'maxLag', 'projections', 'problems'],
};

export const registerOperationsRoutes = (registry: OpenApiRegistry): void => {
  registry.addTag({ name: 'operations', description: 'Liveness, readiness and Prometheus metrics (no token needed).' });
  registry.addPath('/health/live', 'get', {
    operationId: 'health_live',
    summary: 'The process answers',
    tags: ['operations'],
    security: [],
    responses: {
      '200': {
        description: 'live',
        content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'live' }, uptimeSeconds: { type: 'integer' } }, required: ['status', 'uptimeSeconds'] } } },
      },
    },
  });
  registry.addPath('/health/ready', 'get', {
    operationId: 'health_ready',
    summary: 'The store answers and every projection is caught up within the readiness bound',
    tags: ['operations'],
    security: [],
    responses: {
      '200': { description: 'ready', content: { 'application/json': { schema: readinessSchema } } },
      '503': { description: 'not ready: a problem (type urn:kinerja:problem:not-ready) with the same fields', content: { 'application/problem+json': { schema: readinessSchema } } },
    },
  });
  registry.addPath('/metrics', 'get', {
    operationId: 'metrics',
    summary: 'Prometheus metrics: commands by type and outcome, latencies, store appends, projection lag, process',
    tags: ['operations'],
    security: [],
    responses: { '200': { description: 'the Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } },
  });
};
