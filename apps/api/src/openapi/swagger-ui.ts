/**
 * `/docs` (Swagger UI), `/docs-json` and `/docs-yaml`, all public.
 *
 * The documents are served by `SwaggerModule.setup` from the ready document. Nest's own Swagger UI serving needs
 * `@fastify/static` under the fastify adapter, which this app does not depend on; so the UI page and its assets
 * (from `swagger-ui-dist`, the copy @nestjs/swagger ships) are served here by three plain fastify routes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OpenApiDocument } from './openapi.document';

/** The swagger-ui-dist files the page loads. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const swaggerUiDist = (): string =>
  dirname(require.resolve('swagger-ui-dist/package.json', { paths: [dirname(require.resolve('@nestjs/swagger/package.json'))] }));

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>kinerja API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/swagger-ui-init.js"></script>
</body>
</html>
`;

const INIT = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/docs-json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

type Reply = { header: (name: string, value: string) => Reply; code: (status: number) => Reply; send: (body: string | Buffer) => unknown };
type Fastify = {
  get: (path: string, handler: (request: { params: Record<string, string> }, reply: Reply) => unknown) => unknown;
};

export const serveDocs = (app: INestApplication, document: OpenApiDocument): void => {
  // Documents: /docs-json and /docs-yaml (SwaggerModule's own routes; its UI is ours, below).
  SwaggerModule.setup('docs', app, document as unknown as OpenAPIObject, { ui: false, raw: ['json', 'yaml'] });

  const fastify = app.getHttpAdapter().getInstance() as Fastify;
  const dist = swaggerUiDist();
  const assets = new Map(Object.entries(ASSETS).map(([file, type]) => [file, { type, body: readFileSync(join(dist, file)) }]));
  const page = (_: unknown, reply: Reply) => reply.header('content-type', 'text/html; charset=utf-8').send(PAGE);
  fastify.get('/docs', page);
  fastify.get('/docs/', page);
  fastify.get('/docs/swagger-ui-init.js', (_, reply) => reply.header('content-type', 'application/javascript; charset=utf-8').send(INIT));
  fastify.get('/docs/assets/:file', (request, reply) => {
    const asset = assets.get(request.params['file'] ?? '');
    if (asset === undefined) return reply.code(404).header('content-type', 'text/plain').send('not found');
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=86400').send(asset.body);
  });
};
