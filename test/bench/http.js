// HTTP benchmarking pieces (issue 9): a bare NestJS-fastify app for the baselines, and autocannon run in a
// second process (so the load generator does not share the event loop, or the core, of the server it measures).
const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { scratchDir } = require('./scratch');

const root = path.resolve(__dirname, '../..');
/** NestJS is a dependency of the service (apps/api): load the very copies it uses. */
const fromApi = (id) => require(require.resolve(id, { paths: [path.join(root, 'apps/api')] }));

/**
 * A bare NestJS 11 app on the fastify adapter, with the service's body limit: `POST /echo` answers the body it
 * got (201, JSON), `GET /fixed` answers `fixedBody` (200, JSON). No guards, no pipes, no logger.
 */
const startBareApp = async (fixedBody) => {
  fromApi('reflect-metadata');
  const { Body, Controller, Get, HttpCode, Module, Post } = fromApi('@nestjs/common');
  const { NestFactory } = fromApi('@nestjs/core');
  const { FastifyAdapter } = fromApi('@nestjs/platform-fastify');

  class BareController {
    echo(body) {
      return body;
    }
    fixed() {
      return fixedBody;
    }
  }
  const proto = BareController.prototype;
  const decorate = (decorators, key) => Reflect.decorate(decorators, proto, key, Object.getOwnPropertyDescriptor(proto, key));
  Object.defineProperty(proto, 'echo', decorate([Post('echo'), HttpCode(201)], 'echo'));
  Body()(proto, 'echo', 0);
  Object.defineProperty(proto, 'fixed', decorate([Get('fixed')], 'fixed'));
  Controller()(BareController);
  class BareModule {}
  Module({ controllers: [BareController] })(BareModule);

  const app = await NestFactory.create(BareModule, new FastifyAdapter({ bodyLimit: 1024 * 1024 }), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
};

const CANNON_SCRIPT = `
const autocannon = require(process.argv[1]);
const spec = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
let next = 0;
const requests = spec.requests.length === 0 ? undefined : [{
  setupRequest: (req) => {
    const r = spec.requests[next++ % spec.requests.length];
    return { ...req, method: r.method, path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body };
  },
}];
autocannon({ url: spec.url, connections: spec.connections, duration: spec.duration, method: spec.method ?? 'GET', headers: spec.headers ?? {}, ...(spec.body === undefined ? {} : { body: spec.body }), ...(requests === undefined ? {} : { requests }) }, (error, result) => {
  if (error) { console.error(String(error)); process.exit(1); }
  console.log(JSON.stringify({
    rps: result.requests.average, total: result.requests.total, p50: result.latency.p50, p99: result.latency.p99,
    non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCodes: result.statusCodeStats,
  }));
});`;

let specs = 0;

/**
 * Runs autocannon in a child process for `duration` seconds with `connections` connections. `requests`: a list
 * of `{ method, path, headers, body }` sent round-robin (else `method`/`body`/`headers` for every request).
 * Resolves with `{ rps, total, p50, p99, non2xx, errors, timeouts, statusCodes }`.
 */
const cannon = (spec) =>
  new Promise((resolve, reject) => {
    specs += 1;
    const file = path.join(scratchDir(), `cannon-${specs}.json`);
    fs.writeFileSync(file, JSON.stringify({ requests: [], ...spec }));
    const autocannonPath = require.resolve('autocannon', { paths: [path.join(root, 'test')] });
    execFile(process.execPath, ['-e', CANNON_SCRIPT, autocannonPath, file], { timeout: (spec.duration + 60) * 1000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      fs.rmSync(file, { force: true });
      if (error) return reject(new Error(`autocannon failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });

module.exports = { cannon, startBareApp };
