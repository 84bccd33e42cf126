// HTTP figures (issue 9): the service (apps/api, built) under 64 connections from autocannon in a second process,
// against a bare NestJS-fastify app doing nothing but answering, measured in the same run.
const fs = require('node:fs');
const path = require('node:path');
const { scratchDir } = require('./scratch');
const { targets } = require('./harness');
const { cannon, startBareApp } = require('./http');

const root = path.resolve(__dirname, '../..');
const fromApi = (id) => require(require.resolve(id, { paths: [path.join(root, 'apps/api')] }));

const SECRET = 'a-benchmark-secret-of-at-least-32-characters';
const TENANT = 'salatiga';
const CONNECTIONS = 64;

/** A citizen's complaint, as the public filing route takes it (every request files a new complaint). */
const complaintBody = JSON.stringify({
  channel: 'web',
  category: 'pengaduan',
  unit: 'dukcapil-pelayanan',
  subject: 'KTP elektronik belum dicetak',
  description: 'Sudah tiga minggu sejak perekaman, KTP elektronik saya belum dicetak. Mohon informasi kapan bisa diambil.',
});

const service = { running: undefined, rankingPath: undefined, token: undefined, rankingSize: 0 };

const startServiceOnce = async (quick) => {
  if (service.running !== undefined) return service;
  const { startService } = require(path.join(root, 'apps/api/dist/main.js'));
  const { SignJWT } = fromApi('jose');
  const dataDir = fs.mkdtempSync(path.join(scratchDir(), 'service-'));
  const { resolveLocations } = require('@kinerja/engine');
  const config = {
    host: '127.0.0.1',
    port: 0,
    locations: resolveLocations({ data: dataDir }, {}),
    jwt: { kind: 'secret', secret: SECRET },
    seedDemo: true,
    bodyLimitBytes: 1024 * 1024,
    // The public route's rate limit would answer most of the load with 429: lifted for the measurement.
    publicRateLimitPerMinute: 1_000_000_000,
    readyMaxLag: 1_000_000,
    logLevel: 'silent',
  };
  service.running = await startService(config, { timerIntervalMs: 3_600_000 });
  // The process managers go over the seeded history once in the background: let them finish before measuring.
  const runtime = service.running.runtime;
  const head = await runtime.store.headPosition();
  if (head._tag !== 'Right' || !(await runtime.processManagers.caughtUpTo(head.right, 300_000))) throw new Error('the process managers did not catch up');
  const db = runtime.readModelDb;
  const unit = db
    .prepare(`SELECT unit, period, count(*) AS n FROM ranking_member WHERE tenant = ? GROUP BY unit, period ORDER BY n DESC LIMIT 1`)
    .get(TENANT);
  if (unit === undefined) throw new Error('the demo seed left no ranking to query');
  service.rankingPath = `/v1/tenants/${TENANT}/ranking/units/${encodeURIComponent(unit.unit)}?period=${encodeURIComponent(unit.period)}`;
  service.token = await new SignJWT({ tenant: TENANT, roles: ['inspektorat'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('198001012005011002')
    .setIssuer('kinerja')
    .setAudience('kinerja-api')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
  const probe = await fetch(`${service.running.url}${service.rankingPath}`, { headers: { authorization: `Bearer ${service.token}` } });
  const text = await probe.text();
  if (probe.status !== 200) throw new Error(`the ranking query answered ${probe.status}: ${text}`);
  service.rankingBody = JSON.parse(text);
  service.rankingSize = Buffer.byteLength(text);
  service.quick = quick;
  return service;
};

const stopService = async () => {
  await service.running?.close();
  service.running = undefined;
};

const figures = (config) => {
  const duration = config.quick ? 3 : 10;
  let bare;
  const seen = { commands: [], bareEcho: [], ranking: [], bareGet: [] };
  const describe = (runs) =>
    runs.length === 0
      ? ''
      : `p50 ${runs.map((r) => r.p50).join('/')} ms, p99 ${runs.map((r) => r.p99).join('/')} ms, non-2xx ${runs.map((r) => r.non2xx).join('/')}, errors ${runs.map((r) => r.errors + r.timeouts).join('/')}`;
  const p99s = () => seen.commands.map((r) => r.p99);
  return [
    {
      name: `HTTP commands, ${CONNECTIONS} connections`,
      unit: 'requests/s',
      setup: async () => {
        await startServiceOnce(config.quick);
        bare = await startBareApp(service.rankingBody);
      },
      ours: async () => {
        const r = await cannon({
          url: `${service.running.url}/v1/tenants/${TENANT}/complaint/file-complaint`,
          connections: CONNECTIONS,
          duration,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: complaintBody,
        });
        seen.commands.push(r);
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`the service answered ${r.non2xx} non-2xx and ${r.errors} errors: ${JSON.stringify(r.statusCodes)}`);
        return r.rps;
      },
      baseline: async () => {
        const r = await cannon({ url: `${bare.url}/echo`, connections: CONNECTIONS, duration, method: 'POST', headers: { 'content-type': 'application/json' }, body: complaintBody });
        seen.bareEcho.push(r);
        return r.rps;
      },
      baselineWhat: 'a bare NestJS-fastify `POST` that echoes the same body',
      target: {
        label: 'ratio ≥ 0.5 and p99 ≤ 40 ms',
        met: (ratio) => (ratio === undefined ? undefined : ratio >= 0.5 && Math.max(...p99s()) <= 40),
      },
      details: () => `kinerja: ${describe(seen.commands)}. Bare echo: ${describe(seen.bareEcho)}.`,
      notes: `autocannon in a second process, ${CONNECTIONS} connections, ${duration} s per round, against the built service started in-process (\`startService\`, SQLite \`synchronous=FULL\`, the demo tenants seeded first, projections live, process managers and ledger keeper running). Every request is a citizen's complaint filing (\`POST /v1/tenants/${TENANT}/complaint/file-complaint\`, ${Buffer.byteLength(complaintBody)} bytes): decoded by its io-ts codec, the tenant's calendar and SLA table looked up, decided, appended durably (a new stream each, so group commit batches them), then answered 201 with the event; the public route's rate limit is lifted for the measurement. The target's p99 is the worst round's.`,
    },
    {
      name: `HTTP ranking query, ${CONNECTIONS} connections`,
      unit: 'requests/s',
      setup: async () => {
        await startServiceOnce(config.quick);
        bare ??= await startBareApp(service.rankingBody);
      },
      teardown: async () => {
        await bare?.close();
        await stopService();
      },
      ours: async () => {
        const r = await cannon({ url: `${service.running.url}${service.rankingPath}`, connections: CONNECTIONS, duration, headers: { authorization: `Bearer ${service.token}` } });
        seen.ranking.push(r);
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`the ranking query answered ${r.non2xx} non-2xx: ${JSON.stringify(r.statusCodes)}`);
        return r.rps;
      },
      baseline: async () => {
        const r = await cannon({ url: `${bare.url}/fixed`, connections: CONNECTIONS, duration });
        seen.bareGet.push(r);
        return r.rps;
      },
      baselineWhat: 'a bare NestJS-fastify `GET` answering the same JSON',
      target: targets.ratioAtLeast(0.7),
      details: () => `kinerja: ${describe(seen.ranking)}. Bare GET: ${describe(seen.bareGet)}. Response ${service.rankingSize.toLocaleString('en-US')} bytes.`,
      notes: `The ranking of the demo's largest unit in ${TENANT} (\`GET ${service.rankingPath ?? '/v1/tenants/{tenant}/ranking/units/{unit}?period=…'}\`) with an inspektorat bearer token: JWT verified, role and tenant checked, parameters decoded, the query dispatched on the QueryBus, the ranking computed from the read model (ties share a rank). The baseline answers the very same JSON from memory.`,
    },
  ];
};

module.exports = {
  title: 'HTTP',
  intro: 'The service over real HTTP on 127.0.0.1, with autocannon as the client in a second process.',
  figures,
};
