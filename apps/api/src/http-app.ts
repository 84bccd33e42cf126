/**
 * The Nest application on fastify, configured for the service: body limit, request ids from `X-Correlation-Id`,
 * JSON logs, the one JSON body parser (other media types are 415), the rate-limit plugin (used per route by the
 * public complaint filing), and `/docs` from the OpenAPI document built once every module has registered its
 * paths.
 */
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppSources } from './app.module';
import type { ServiceConfig } from './contracts';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi/openapi.document';
import { OpenApiRegistry } from './openapi/openapi.registry';
import { serveDocs } from './openapi/swagger-ui';
import { MalformedJson, problemException, RETRY_AFTER_SECONDS } from './problems/problem';

/** Nest's log levels at and above a configured level. */
const NEST_LEVELS: Readonly<Record<ServiceConfig['logLevel'], ReadonlyArray<LogLevel>>> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

type JsonParser = (request: unknown, body: string, done: (error: Error | null, value?: unknown) => void) => void;
type Fastify = Readonly<{
  removeContentTypeParser: (types: ReadonlyArray<string>) => void;
  addContentTypeParser: (type: string, options: Readonly<{ parseAs: 'string' }>, parser: JsonParser) => void;
  getDefaultJsonParser: (onProto: 'error', onConstructor: 'error') => JsonParser;
}>;

export type HttpApp = Readonly<{ app: NestFastifyApplication; document: OpenApiDocument }>;

export const createHttpApp = async (sources: AppSources): Promise<HttpApp> => {
  const { config } = sources;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // The correlation id: the client's X-Correlation-Id, else a new one; logged as reqId, echoed by the operations module.
    requestIdHeader: 'x-correlation-id',
    genReqId: () => randomUUID(),
    // New requests during a graceful shutdown get 503 (fastify's default, made explicit).
    return503OnClosing: true,
  });
  const levels = NEST_LEVELS[config.logLevel];
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(sources), adapter, {
    bodyParser: false,
    logger: levels.length === 0 ? false : new ConsoleLogger({ json: true, logLevels: [...levels] }),
    abortOnError: false,
  });

  // One body parser: JSON. text/plain, forms and everything else answer 415.
  const fastify = app.getHttpAdapter().getInstance() as unknown as Fastify;
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  const json = fastify.getDefaultJsonParser('error', 'error');
  // Nest turns fastify's own errors into plain HttpExceptions, losing their code: name malformed JSON ourselves.
  const malformed = (error: Error | null): Error | null =>
    error !== null && (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? new MalformedJson(error.message) : error;
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    json(request, body, (error, value) => done(malformed(error), value)),
  );

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      problemException('rate-limited', `at most ${context.max} requests per minute from one address; retry in ${context.after}`, {}, {
        'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000)) || RETRY_AFTER_SECONDS),
      }),
  });

  await app.init();
  const document = buildOpenApiDocument({
    specs: sources.specs,
    rules: sources.rules,
    registry: app.get(OpenApiRegistry),
    publicRateLimitPerMinute: config.publicRateLimitPerMinute,
  });
  serveDocs(app, document);
  return { app, document };
};
