/**
 * The authorisation matrix over real HTTP (issue 8, "Security"): every route (each command of the engine's catalog,
 * each query route, the operations routes) × every role → allowed or 403, decided by the route's roles; then every
 * tenant-scoped route with a token of another tenant → 403. Nothing is appended by any of it: the allowed command
 * requests carry an empty body, which the codec refuses after the guard let them through (400).
 *
 * "Allowed" is what the guard decides: for commands a 400 (the body was decoded, so the guard passed), for queries
 * a 200 or a 404 (the query ran; an empty store knows no event to explain). Ownership checks behind the guard (an
 * employee reads their own file) are covered by the cycle suite and the query module's tests.
 */
import { ROLES, type Role } from '@kinerja/domain';
import { COMMANDS, type CommandSpec } from '@kinerja/engine';
import { commandPath } from '../../apps/api/src/commands/command-routes';
import { QUERY_ROUTES } from '../../apps/api/src/queries/queries.module';
import type { DescribedQueryRoute } from '../../apps/api/src/queries/route';
import { mintToken, problemOf, startTestService, type TestResponse, type TestService } from './e2e.testkit';

const tenant = 'surabaya';
const otherTenant = 'salatiga';
const nip = '199203142019031008';

const commandUrl = (spec: CommandSpec, t = tenant): string => commandPath(spec).replace('{tenant}', t);

/** A URL for a query route that the route's own parameter codec accepts, with the caller's NIP where one is named. */
const SAMPLE_QUERY_VALUES: Readonly<Record<string, string>> = { at: '2026-01-01T00:00:00Z' };
const queryUrl = (route: DescribedQueryRoute, t = tenant): string => {
  const path = route.routePath
    .replace(':tenant', t)
    .replace(':nip', nip)
    .replace(':unit', 'dukcapil-pelayanan')
    .replace(':streamId', `plan-${t}.${nip}.2025`)
    .replace(':eventId', '6f1c2f7e-0000-4000-8000-000000000000')
    .replace(':readModel', 'ranking');
  const required = route.parameterList.filter((p) => p.in === 'query' && p.required);
  const query = required.map((p) => {
    const value = SAMPLE_QUERY_VALUES[p.name];
    if (value === undefined) throw new Error(`no sample value for the required query parameter ${p.name} of ${route.routePath}`);
    return `${p.name}=${encodeURIComponent(value)}`;
  });
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
};

/** Runs the checks a few at a time (a bounded number of sockets), collecting every mismatch. */
const inBatches = async <A>(items: ReadonlyArray<A>, size: number, run: (a: A) => Promise<string | undefined>): Promise<ReadonlyArray<string>> => {
  const problems: string[] = [];
  for (let i = 0; i < items.length; i += size) for (const p of await Promise.all(items.slice(i, i + size).map(run))) if (p !== undefined) problems.push(p);
  return problems;
};

const forbiddenProblem = (answer: TestResponse, what: string): string | undefined => {
  try {
    const problem = problemOf(answer, 403);
    return problem.type === 'urn:kinerja:problem:forbidden' ? undefined : `${what}: 403 of type ${problem.type}`;
  } catch (error) {
    return `${what}: ${(error as Error).message.slice(0, 300)}`;
  }
};

describe('e2e: authorisation matrix — every route × every role, and every route from another tenant', () => {
  let service: TestService;
  const tokens = new Map<Role, string>();
  let allRolesOtherTenant = '';
  beforeAll(async () => {
    service = await startTestService({ config: { publicRateLimitPerMinute: 100_000 } });
    for (const role of ROLES) tokens.set(role, await mintToken({ nip, tenant, roles: [role] }));
    allRolesOtherTenant = await mintToken({ nip, tenant: otherTenant, roles: [...ROLES] });
  }, 20_000);
  afterAll(() => service.close());

  it('the matrix covers the whole catalog and every query route, each documented in /docs-json with its roles', async () => {
    expect(COMMANDS.length).toBeGreaterThan(50);
    expect(new Set(COMMANDS.map((s) => s.aggregate)).size).toBe(11);
    expect(QUERY_ROUTES.length).toBeGreaterThanOrEqual(20);
    const document = (await service.request('GET', '/docs-json')).body as { paths: Record<string, Record<string, { 'x-kinerja-roles'?: unknown; parameters?: unknown[] }>> };
    for (const route of QUERY_ROUTES) {
      const operation = document.paths[route.openApiPath]?.['get'];
      expect(operation?.['x-kinerja-roles']).toEqual(route.roles);
      expect(operation?.parameters?.length).toBeGreaterThanOrEqual(route.parameterList.length);
    }
  });

  it('commands: a role the spec names gets past the guard (400 for the empty body); any other role gets 403 naming the roles', async () => {
    const cases = COMMANDS.flatMap((spec) => ROLES.map((role) => ({ spec, role })));
    const problems = await inBatches(cases, 24, async ({ spec, role }) => {
      const answer = await service.request('POST', commandUrl(spec), { token: tokens.get(role) as string, body: {} });
      const what = `${spec.aggregate}/${spec.type} as ${role}`;
      const allowed = spec.public === true || spec.roles.includes(role);
      if (allowed) return answer.status === 400 ? undefined : `${what}: expected 400 (allowed, empty body), got ${answer.status} ${answer.text.slice(0, 200)}`;
      const forbidden = forbiddenProblem(answer, what);
      if (forbidden !== undefined) return forbidden;
      const body = answer.body as { requiredRoles?: unknown };
      return JSON.stringify(body.requiredRoles) === JSON.stringify(spec.roles) ? undefined : `${what}: the 403 does not name the roles ${spec.roles.join(', ')}`;
    });
    expect(problems).toEqual([]);
    expect(cases.length).toBe(COMMANDS.length * ROLES.length);
    expect(await service.headPosition()).toBe(0);
  }, 30_000);

  it('public commands (the citizen complaint filing) need no token', async () => {
    const publicSpecs = COMMANDS.filter((s) => s.public === true);
    expect(publicSpecs.length).toBeGreaterThan(0);
    for (const spec of publicSpecs) expect((await service.request('POST', commandUrl(spec), { body: {} })).status).toBe(400);
    expect(await service.headPosition()).toBe(0);
  });

  it('queries: a role the route names reads (200, or 404 for an unknown event); any other role gets 403 naming the roles', async () => {
    const cases = QUERY_ROUTES.flatMap((route) => ROLES.map((role) => ({ route, role })));
    const problems = await inBatches(cases, 24, async ({ route, role }) => {
      const url = queryUrl(route);
      const answer = await service.request('GET', url, { token: tokens.get(role) as string });
      const what = `GET ${route.routePath} as ${role}`;
      if (route.roles.includes(role)) return answer.status === 200 || answer.status === 404 ? undefined : `${what}: expected 200/404, got ${answer.status} ${answer.text.slice(0, 200)}`;
      return forbiddenProblem(answer, what);
    });
    expect(problems).toEqual([]);
  }, 30_000);

  it('operations routes are public: no token, and any role', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      expect((await service.request('GET', path)).status).toBe(200);
      expect((await service.request('GET', path, { token: tokens.get('masyarakat') as string })).status).toBe(200);
    }
  });

  it('no token: every non-public route is 401', async () => {
    const commands = COMMANDS.filter((s) => s.public !== true);
    const problems = await inBatches([...commands.map((s) => ['POST', commandUrl(s)] as const), ...QUERY_ROUTES.map((r) => ['GET', queryUrl(r)] as const)], 24, async ([method, url]) => {
      const answer = await service.request(method, url, method === 'POST' ? { body: {} } : {});
      return answer.status === 401 ? undefined : `${method} ${url}: expected 401, got ${answer.status}`;
    });
    expect(problems).toEqual([]);
  }, 30_000);

  it('cross-tenant: a token of another tenant, even with every role, gets 403 on every route of this tenant; nothing is appended', async () => {
    const commands = COMMANDS.filter((s) => s.public !== true);
    const requests = [...commands.map((s) => ['POST', commandUrl(s)] as const), ...QUERY_ROUTES.map((r) => ['GET', queryUrl(r)] as const)];
    const problems = await inBatches(requests, 24, async ([method, url]) =>
      forbiddenProblem(await service.request(method, url, { token: allRolesOtherTenant, ...(method === 'POST' ? { body: {} } : {}) }), `${method} ${url}`),
    );
    expect(problems).toEqual([]);
    // Naming another tenant's stream under one's own tenant is refused too.
    const auditor = await mintToken({ nip, tenant, roles: ['auditor'] });
    const foreign = await service.request('GET', `/v1/tenants/${tenant}/streams/roster-${otherTenant}/as-of?at=2026-01-01T00:00:00Z`, { token: auditor });
    expect(forbiddenProblem(foreign, 'a foreign stream')).toBeUndefined();
    const foreignTrail = await service.request('GET', `/v1/tenants/${tenant}/audit/streams/roster-${otherTenant}`, { token: auditor });
    expect(forbiddenProblem(foreignTrail, 'a foreign trail')).toBeUndefined();
    expect(await service.headPosition()).toBe(0);
  }, 30_000);
});
