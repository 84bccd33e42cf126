/**
 * Bad input over real HTTP (issue 8: "never a 500 for anything a client sent"): wrong types, unknown fields, huge
 * bodies, malformed JSON, wrong content types, expired and forged tokens, bad query parameters. Each answer is
 * checked for its status, its `application/problem+json` body (type, title, status, detail; the failing field
 * paths for a 400), and that the store's head position did not move.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintToken, okBody, problemOf, startTestService, type Problem, type TestResponse, type TestService } from './e2e.testkit';

const tenant = 'surabaya';
const rina = '198706122015032004';
const agus = '199203142019031008';
const BODY_LIMIT = 16 * 1024;

describe('e2e: bad input is refused with a problem, and nothing is appended', () => {
  let service: TestService;
  let appraiser = '';
  let employee = '';
  let auditor = '';
  let head = 0;

  beforeAll(async () => {
    service = await startTestService({ config: { bodyLimitBytes: BODY_LIMIT, publicRateLimitPerMinute: 100_000 } });
    appraiser = await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] });
    employee = await mintToken({ nip: agus, tenant, roles: ['pegawai'] });
    auditor = await mintToken({ nip: '198001012005011002', tenant, roles: ['auditor'] });
    const operator = await mintToken({ nip: '198001012005011001', tenant, roles: ['operator'] });
    const csv = readFileSync(join(__dirname, '..', 'fixtures', 'roster-salatiga.csv'), 'utf8');
    okBody(await service.command(tenant, 'roster', 'import-roster', { csv }, { token: operator }));
    head = await service.headPosition();
    expect(head).toBeGreaterThan(0);
  }, 20_000);
  afterAll(() => service.close());

  /** The problem of an answer, after checking the status, the body and that the head did not move. */
  const refused = async (answer: TestResponse, status: number, type: string): Promise<Problem> => {
    const problem = problemOf(answer, status);
    expect(problem.type).toBe(`urn:kinerja:problem:${type}`);
    expect(await service.headPosition()).toBe(head);
    return problem;
  };
  const approve = (body: unknown, token = appraiser) => service.command(tenant, 'plan', 'approve-plan', body, { token });
  const addIki = (body: unknown) => service.command(tenant, 'plan', 'add-iki', body, { token: employee });

  describe('bodies that do not decode: 400 naming every failing field', () => {
    it('a wrong type; the problem and the response carry the correlation id the client sent', async () => {
      const answer = await service.command(tenant, 'plan', 'approve-plan', { plan: 12345 }, { token: appraiser, headers: { 'x-correlation-id': 'e2e-correlation-1' } });
      const problem = await refused(answer, 400, 'invalid-request');
      expect(problem['errors']).toEqual([expect.objectContaining({ path: 'plan' })]);
      expect(problem['correlationId']).toBe('e2e-correlation-1');
      expect(answer.headers.get('x-correlation-id')).toBe('e2e-correlation-1');
    });

    it('an unknown field, next to a valid one', async () => {
      const problem = await refused(await approve({ plan: `${agus}.2025`, colour: 'red' }), 400, 'invalid-request');
      expect(problem['errors']).toEqual([{ path: 'colour', message: 'unknown field "colour"' }]);
    });

    it('a nested field, by its dotted path, and a missing one', async () => {
      const problem = await refused(
        await addIki({ plan: `${agus}.2025`, rhk: 'RHK-1', iki: 'IKI-1', description: 'x', targets: { kuantitas: { value: 'many', unit: 'dokumen' } } }),
        400,
        'invalid-request',
      );
      expect(problem['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'targets.kuantitas.value' })]));
      const missing = await refused(await approve({}), 400, 'invalid-request');
      expect(missing['errors']).toEqual([expect.objectContaining({ path: 'plan' })]);
    });

    it('not an object at all', async () => {
      for (const body of [[], 'plan', 42, null]) {
        const problem = await refused(await approve(body), 400, 'invalid-request');
        expect(problem['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]));
      }
    });

    it('an engine-filled fact sent by the client is an unknown field (the client cannot supply the roster)', async () => {
      const problem = await refused(
        await service.command(
          tenant,
          'plan',
          'draft-plan',
          {
            plan: `${agus}.2025`,
            employee: agus,
            appraiser: rina,
            appraiserSuperior: '197505101998031003',
            unit: 'dukcapil-pelayanan',
            period: '2025',
            periodStart: '2025-01-01T00:00:00+07:00',
            periodEnd: '2026-01-01T00:00:00+07:00',
            approach: 'kuantitatif',
            roster: { forged: true },
          },
          { token: employee },
        ),
        400,
        'invalid-request',
      );
      expect(problem['errors']).toEqual([expect.objectContaining({ path: 'roster' })]);
    });
  });

  describe('the wire: size, syntax, media type', () => {
    it('a body over the limit is 413', async () => {
      const huge = JSON.stringify({ plan: `${agus}.2025`, padding: 'x'.repeat(BODY_LIMIT * 2) });
      await refused(await service.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: appraiser, raw: { text: huge, contentType: 'application/json' } }), 413, 'too-large');
    });

    it('a body over the limit on the public complaint route is 413 too', async () => {
      const huge = JSON.stringify({ description: 'x'.repeat(BODY_LIMIT * 2) });
      const route = (await service.request('GET', '/docs-json')).body as { paths: Record<string, unknown> };
      const filing = Object.keys(route.paths).find((p) => p.startsWith('/v1/tenants/{tenant}/complaint/file-complaint'));
      expect(filing).toBeDefined();
      await refused(await service.request('POST', (filing as string).replace('{tenant}', tenant), { raw: { text: huge, contentType: 'application/json' } }), 413, 'too-large');
    });

    it('malformed JSON is 400 malformed-json', async () => {
      await refused(await service.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: appraiser, raw: { text: '{"plan": ', contentType: 'application/json' } }), 400, 'malformed-json');
    });

    it('a body that is not JSON is 415', async () => {
      await refused(
        await service.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: appraiser, raw: { text: `plan=${agus}.2025`, contentType: 'application/x-www-form-urlencoded' } }),
        415,
        'unsupported-media-type',
      );
      await refused(await service.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: appraiser, raw: { text: `{"plan":"${agus}.2025"}`, contentType: 'text/plain' } }), 415, 'unsupported-media-type');
    });
  });

  describe('tokens: 401 for anything not a valid token of this service', () => {
    const body = { plan: `${agus}.2025` };
    it('expired', async () => {
      const expired = await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { expiresAt: Math.floor(Date.now() / 1000) - 60 });
      const problem = await refused(await approve(body, expired), 401, 'unauthenticated');
      expect(problem.detail).toMatch(/expired/);
    });

    it('forged: signed with another secret', async () => {
      const forged = await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { secret: 'not-the-service-secret-0123456789abcdef' });
      const problem = await refused(await approve(body, forged), 401, 'unauthenticated');
      expect(problem.detail).toMatch(/signature/);
    });

    it('forged: the payload changed after signing (roles raised)', async () => {
      const genuine = await mintToken({ nip: agus, tenant, roles: ['pegawai'] });
      const [header, , signature] = genuine.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: agus, tenant, roles: ['pejabat-penilai'], iss: 'kinerja', aud: 'kinerja-api', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
      await refused(await approve(body, `${header}.${payload}.${signature}`), 401, 'unauthenticated');
    });

    it('unsigned (alg none), another issuer or audience, garbage, or a bad claim', async () => {
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: rina, tenant, roles: ['pejabat-penilai'], iss: 'kinerja', aud: 'kinerja-api' })).toString('base64url')}.`;
      await refused(await approve(body, none), 401, 'unauthenticated');
      await refused(await approve(body, await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { issuer: 'someone-else' })), 401, 'unauthenticated');
      await refused(await approve(body, await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { audience: 'another-api' })), 401, 'unauthenticated');
      await refused(await approve(body, 'not.a.token'), 401, 'unauthenticated');
      await refused(await approve(body, await mintToken({ nip: '123', tenant, roles: ['pejabat-penilai'] })), 401, 'unauthenticated');
    });

    it('a query with a forged token is 401 too', async () => {
      const forged = await mintToken({ nip: rina, tenant, roles: ['auditor'] }, { secret: 'not-the-service-secret-0123456789abcdef' });
      await refused(await service.request('GET', `/v1/tenants/${tenant}/ranking`, { token: forged }), 401, 'unauthenticated');
    });
  });

  describe('query parameters', () => {
    it('a wrong type, an unknown parameter and a bad read-your-writes position are 400 naming them', async () => {
      const period = await refused(await service.request('GET', `/v1/tenants/${tenant}/ranking?period=last-year`, { token: auditor }), 400, 'invalid-request');
      expect(period['errors']).toEqual([expect.objectContaining({ path: 'period' })]);
      const unknown = await refused(await service.request('GET', `/v1/tenants/${tenant}/ranking?sort=desc`, { token: auditor }), 400, 'invalid-request');
      expect(unknown['errors']).toEqual([{ path: 'sort', message: 'unknown field "sort"' }]);
      const nip = await refused(await service.request('GET', `/v1/tenants/${tenant}/audit/employees/12345`, { token: auditor }), 400, 'invalid-request');
      expect(nip['errors']).toEqual([expect.objectContaining({ path: 'nip' })]);
      const position = await refused(
        await service.request('GET', `/v1/tenants/${tenant}/ranking`, { token: auditor, headers: { 'x-kinerja-min-position': 'soon' } }),
        400,
        'invalid-request',
      );
      expect(position['errors']).toEqual([expect.objectContaining({ path: 'header x-kinerja-min-position' })]);
    });

    it('a position the read models do not reach within the bound is 503 read-model-behind, with Retry-After', async () => {
      const answer = await service.request('GET', `/v1/tenants/${tenant}/ranking?minPosition=${head + 1_000_000}`, { token: auditor });
      await refused(answer, 503, 'read-model-behind');
      expect(answer.headers.get('retry-after')).toBe('1');
    }, 15_000);
  });
});
