/**
 * The command routes over real HTTP (fastify on an ephemeral port, a temporary SQLite store): a plan from roster
 * import to approval, and every way a request can be turned away, each answered as problem+json with nothing
 * appended.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COMMANDS } from '@kinerja/engine';
import { kebabCase } from './command-routes';
import { mintToken, startTestService, TEST_SECRET, type TestResponse, type TestService } from '../service.testkit';

const tenant = 'salatiga';
const operator = '198001012005011001';
const rina = '198706122015032004'; // Kepala Bidang Pelayanan: the appraiser
const bambang = '197505101998031003'; // Kepala Dinas: the appraiser's superior
const agus = '199203142019031008';
const plan = `${agus}.2025`;
const evaluation = `${plan}.2025`;

const header = {
  plan,
  employee: agus,
  appraiser: rina,
  appraiserSuperior: bambang,
  unit: 'dukcapil-pelayanan',
  period: '2025',
  periodStart: '2025-01-01T00:00:00+07:00',
  periodEnd: '2026-01-01T00:00:00+07:00',
  approach: 'kuantitatif',
};

/** Commands are issued on 6 January 2025, one minute apart. */
let tick = 0;
const clock = () => new Date(Date.parse('2025-01-06T09:00:00+07:00') + 60_000 * tick++);

/**
 * A JSON Schema validator to check the published schemas against real bodies: ajv (2020-12), the one fastify
 * itself uses, reached through the fastify adapter's dependencies (this app does not depend on it directly).
 */
type Validate = ((data: unknown) => boolean) & { errors?: unknown };
const ajvFromFastify = (): { compile: (schema: unknown) => Validate } => {
  const from = (name: string, base: string) => dirname(require.resolve(`${name}/package.json`, { paths: [base] }));
  const fastify = from('fastify', from('@nestjs/platform-fastify', __dirname));
  const load = createRequire(__filename);
  const Ajv2020 = (load(require.resolve('ajv/dist/2020', { paths: [from('@fastify/ajv-compiler', fastify)] })) as { default: new (o: object) => { compile: (schema: unknown) => Validate } }).default;
  return new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
};

const problemOf = (response: TestResponse) => response.body as Readonly<Record<string, unknown>>;

const expectProblem = (response: TestResponse, status: number, type: string) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = problemOf(response);
  expect(problem['type']).toBe(`urn:kinerja:problem:${type}`);
  expect(problem['status']).toBe(status);
  expect(typeof problem['title']).toBe('string');
  expect(typeof problem['instance']).toBe('string');
  return problem;
};

describe('command routes over HTTP', () => {
  let api: TestService;
  let operatorToken: string;
  let agusToken: string;
  let rinaToken: string;

  beforeAll(async () => {
    api = await startTestService({ start: { clock } });
    operatorToken = await mintToken({ nip: operator, tenant, roles: ['operator'] });
    agusToken = await mintToken({ nip: agus, tenant, roles: ['pegawai'] });
    rinaToken = await mintToken({ nip: rina, tenant, roles: ['pegawai', 'pejabat-penilai'] });
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Runs a request that must be turned away, and checks that the log did not move. */
  const rejected = async (send: () => Promise<TestResponse>): Promise<TestResponse> => {
    const before = await api.headPosition();
    const response = await send();
    expect(await api.headPosition()).toBe(before);
    return response;
  };

  describe('a plan from roster import to approval', () => {
    it('imports the roster (201, ETag, X-Kinerja-Position)', async () => {
      const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8');
      const response = await api.command(tenant, 'roster', 'import-roster', { csv }, { token: operatorToken });
      expect(response.status).toBe(201);
      const answer = response.body as { streamId: string; streamVersion: number; position: number; replayed: boolean; events: ReadonlyArray<{ type: string }> };
      expect(answer.streamId).toBe(`roster-${tenant}`);
      expect(answer.replayed).toBe(false);
      expect(answer.events.length).toBeGreaterThan(0);
      expect(response.headers.get('etag')).toBe(`"${answer.streamVersion}"`);
      expect(Number(response.headers.get('x-kinerja-position'))).toBe(answer.position);
      expect(answer.position).toBe(await api.headPosition());
    });

    it('drafts, fills and submits the plan as the employee, and approves it as the appraiser', async () => {
      const drafted = await api.command(tenant, 'plan', 'draft-plan', header, { token: agusToken });
      expect(drafted.status).toBe(201);
      expect((drafted.body as { events: ReadonlyArray<{ type: string }> }).events.map((e) => e.type)).toEqual(['PlanDrafted']);
      expect(drafted.headers.get('etag')).toBe('"0"');

      const rhk = await api.command(tenant, 'plan', 'add-rhk', { plan, rhk: 'RHK-1', kind: 'utama', description: 'Dokumen kependudukan terbit tepat waktu' }, { token: agusToken });
      expect(rhk.status).toBe(201);
      const iki = await api.command(
        tenant,
        'plan',
        'add-iki',
        { plan, rhk: 'RHK-1', iki: 'IKI-1', description: 'Dokumen terbit ≤ 1 hari kerja', targets: { kuantitas: { value: 1200, unit: 'dokumen' } } },
        { token: agusToken },
      );
      expect(iki.status).toBe(201);
      const submitted = await api.command(tenant, 'plan', 'submit-plan', { plan }, { token: agusToken, headers: { 'if-match': '"2"' } });
      expect(submitted.status).toBe(201);
      expect(submitted.headers.get('etag')).toBe('"3"');

      const approved = await api.command(tenant, 'plan', 'approve-plan', { plan }, { token: rinaToken });
      expect(approved.status).toBe(201);
      const answer = approved.body as { streamId: string; streamVersion: number; events: ReadonlyArray<{ type: string; data: Record<string, unknown> }> };
      expect(answer.streamId).toBe(`plan-${tenant}.${plan}`);
      expect(answer.streamVersion).toBe(4);
      expect(answer.events.map((e) => e.type)).toEqual(['PlanApproved']);
      // The actor is the token's NIP, in the role the spec allows (pejabat-penilai, not pegawai).
      expect(answer.events[0]?.data['approvedBy']).toBe(rina);
      const stored = await api.service.runtime.store.readStream(answer.streamId);
      if (stored._tag === 'Left') throw new Error(stored.left.reason);
      expect(stored.right[4]?.metadata.actor).toEqual({ nip: rina, role: 'pejabat-penilai' });
    });

    it('replays a retried Idempotency-Key: the first answer again, nothing appended', async () => {
      const send = () => api.command(tenant, 'plan', 'record-feedback', { plan, kind: 'coaching', note: 'Pertahankan' }, { token: rinaToken, headers: { 'idempotency-key': 'feedback-1' } });
      const first = await send();
      expect(first.status).toBe(201);
      const head = await api.headPosition();
      const again = await send();
      expect(again.status).toBe(200);
      expect(await api.headPosition()).toBe(head);
      const [a, b] = [first.body, again.body] as Array<{ replayed: boolean; events: ReadonlyArray<{ eventId: string }>; position: number }>;
      expect(b?.replayed).toBe(true);
      expect(b?.events.map((e) => e.eventId)).toEqual(a?.events.map((e) => e.eventId));
      expect(b?.position).toBe(a?.position);
      // The key is scoped by caller: the same key from another caller is another command.
      const other = await api.command(tenant, 'plan', 'record-feedback', { plan, kind: 'coaching', note: 'Saya setuju' }, { token: agusToken, headers: { 'idempotency-key': 'feedback-1' } });
      expect(other.status).toBe(201);
    });

    it('answers 409 with the current version when If-Match is stale, appending nothing', async () => {
      const response = await rejected(() => api.command(tenant, 'plan', 'record-feedback', { plan, kind: 'coaching', note: 'x' }, { token: rinaToken, headers: { 'if-match': '"1"' } }));
      const problem = expectProblem(response, 409, 'stale-version');
      expect(problem['currentVersion']).toBeGreaterThan(1);
      expect(response.headers.get('etag')).toBe(`"${String(problem['currentVersion'])}"`);
    });

    it('answers 422 with the refusal tag and its BR id, appending nothing', async () => {
      const opened = await api.command(
        tenant,
        'evaluation',
        'open-evaluation',
        { evaluation, kind: 'annual', period: '2025', periodStart: '2025-01-01T00:00:00+07:00', periodEnd: '2026-01-01T00:00:00+07:00' },
        { token: rinaToken },
      );
      expect(opened.status).toBe(201);
      // BR-10: a keberatan is against a delivered evaluation only.
      const response = await rejected(() => api.command(tenant, 'objection', 'file-objection', { evaluation, objection: 'Penilaian tidak sesuai', reasons: ['Target tercapai'] }, { token: agusToken }));
      const problem = expectProblem(response, 422, 'refused');
      expect(problem['tag']).toBe('EvaluationNotDelivered');
      expect(problem['rule']).toBe('BR-10');
      expect((problem['error'] as Record<string, unknown>)['status']).toBe('open');
    });

    it('answers 404 when a fact the command needs does not exist (EvaluationNotFound)', async () => {
      const response = await rejected(() =>
        api.command(tenant, 'objection', 'file-objection', { evaluation: `${agus}.2024.2024`, objection: 'Keberatan', reasons: ['Alasan'] }, { token: agusToken }),
      );
      expect(expectProblem(response, 404, 'not-found')['tag']).toBe('EvaluationNotFound');
    });
  });

  describe('bad input: 400 naming the field paths, nothing appended', () => {
    it('names every failing field', async () => {
      const response = await rejected(() => api.command(tenant, 'plan', 'draft-plan', { ...header, employee: '123', periodStart: 'yesterday', approach: 'intuitive' }, { token: agusToken }));
      const problem = expectProblem(response, 400, 'invalid-request');
      const paths = (problem['errors'] as ReadonlyArray<{ path: string }>).map((e) => e.path).sort();
      expect(paths).toEqual(['approach', 'employee', 'periodStart']);
    });

    it('refuses unknown fields, naming them', async () => {
      const response = await rejected(() => api.command(tenant, 'plan', 'approve-plan', { plan, approvedBy: rina }, { token: rinaToken }));
      const problem = expectProblem(response, 400, 'invalid-request');
      expect(problem['errors']).toEqual([{ path: 'approvedBy', message: 'unknown field "approvedBy"' }]);
    });

    it('refuses a body that is not an object, and no body at all', async () => {
      expectProblem(await rejected(() => api.command(tenant, 'plan', 'approve-plan', [plan], { token: rinaToken })), 400, 'invalid-request');
      expectProblem(await rejected(() => api.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: rinaToken })), 400, 'invalid-request');
    });

    it('answers malformed JSON with 400, not 500', async () => {
      const response = await rejected(() => api.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: rinaToken, raw: { text: '{"plan": ', contentType: 'application/json' } }));
      expectProblem(response, 400, 'malformed-json');
    });

    it('answers 415 for a body that is not application/json', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const response = await rejected(() => api.request('POST', `/v1/tenants/${tenant}/plan/approve-plan`, { token: rinaToken, raw: { text: `plan=${plan}`, contentType } }));
        expectProblem(response, 415, 'unsupported-media-type');
      }
    });

    it('answers 413 for a body over the limit', async () => {
      const response = await rejected(() => api.command(tenant, 'plan', 'record-feedback', { plan, kind: 'coaching', note: 'x'.repeat(70 * 1024) }, { token: rinaToken }));
      expectProblem(response, 413, 'too-large');
    });

    it('refuses a malformed If-Match and Idempotency-Key', async () => {
      expectProblem(await rejected(() => api.command(tenant, 'plan', 'approve-plan', { plan }, { token: rinaToken, headers: { 'if-match': '"abc"' } })), 400, 'precondition-invalid');
      expectProblem(await rejected(() => api.command(tenant, 'plan', 'approve-plan', { plan }, { token: rinaToken, headers: { 'idempotency-key': 'x'.repeat(201) } })), 400, 'invalid-request');
    });
  });

  describe('authentication and authorisation', () => {
    const body = { plan, kind: 'coaching', note: 'x' };

    it('answers 401 without a token, with an expired or forged one, or with claims that are not valid', async () => {
      const cases: ReadonlyArray<string | undefined> = [
        undefined,
        await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
        await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { secret: `${TEST_SECRET}-forged` }),
        await mintToken({ nip: rina, tenant, roles: ['pejabat-penilai'] }, { issuer: 'someone-else' }),
        await mintToken({ nip: 'not-a-nip', tenant, roles: ['pejabat-penilai'] }),
        'not.a.jwt',
      ];
      for (const token of cases) {
        const response = await rejected(() => api.command(tenant, 'plan', 'record-feedback', body, token === undefined ? {} : { token }));
        expectProblem(response, 401, 'unauthenticated');
        expect(response.headers.get('www-authenticate')).toContain('Bearer');
      }
      const expired = await api.command(tenant, 'plan', 'record-feedback', body, { token: cases[1] as string });
      expect(problemOf(expired)['detail']).toBe('the token has expired');
    });

    it('answers 403 naming the roles needed when the token lacks them', async () => {
      const response = await rejected(() => api.command(tenant, 'plan', 'approve-plan', { plan }, { token: agusToken }));
      const problem = expectProblem(response, 403, 'forbidden');
      expect(problem['requiredRoles']).toEqual(['pejabat-penilai']);
      expect(String(problem['detail'])).toContain('pejabat-penilai');
    });

    it('answers 403 when X-Kinerja-Role names a role the route or the token does not allow', async () => {
      const response = await rejected(() => api.command(tenant, 'plan', 'record-feedback', body, { token: rinaToken, headers: { 'x-kinerja-role': 'ppk' } }));
      expectProblem(response, 403, 'forbidden');
    });

    it("answers 403 for another tenant's path, and 404 for a tenant that does not exist", async () => {
      const surabaya = await mintToken({ nip: rina, tenant: 'surabaya', roles: ['pejabat-penilai'] });
      const other = await rejected(() => api.command(tenant, 'plan', 'record-feedback', body, { token: surabaya }));
      expect(String(expectProblem(other, 403, 'forbidden')['detail'])).toContain('surabaya');
      expectProblem(await rejected(() => api.command('atlantis', 'plan', 'record-feedback', body, { token: rinaToken })), 404, 'not-found');
    });

    it('answers 404 as problem+json for an unknown command, aggregate or route', async () => {
      expectProblem(await rejected(() => api.command(tenant, 'plan', 'bless-plan', body, { token: rinaToken })), 404, 'not-found');
      expectProblem(await rejected(() => api.command(tenant, 'castle', 'approve-plan', body, { token: rinaToken })), 404, 'not-found');
      expectProblem(await api.request('GET', '/nowhere'), 404, 'not-found');
    });
  });

  describe('the OpenAPI document', () => {
    it('lists every catalog command with its request schema, roles and problem responses', async () => {
      const response = await api.request('GET', '/docs-json');
      expect(response.status).toBe(200);
      const document = response.body as {
        openapi: string;
        paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown>; 'x-kinerja-roles'?: unknown }>>;
        components: { schemas: Record<string, Record<string, unknown>> };
      };
      expect(document.openapi).toBe('3.1.0');
      for (const spec of COMMANDS) {
        const operation = document.paths[`/v1/tenants/{tenant}/${spec.aggregate}/${kebabCase(spec.type)}`]?.['post'];
        expect(operation).toBeDefined();
        expect(operation?.['x-kinerja-roles']).toEqual(spec.roles);
        expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '404', '409', '422', '503']));
        const schema = document.components.schemas[`${spec.type}Request`];
        // Described structurally (an object with its fields, or a union of such), not just named.
        expect(schema?.['type']).toBe('object');
        expect(schema?.['properties'] ?? schema?.['oneOf']).toBeDefined();
      }
      expect(document.components.schemas['ApprovePlanRequest']).toMatchObject({ additionalProperties: false, required: ['plan'] });
    });

    it('publishes schemas that the bodies the service accepted validate against, and that refuse what it refused', async () => {
      const document = (await api.request('GET', '/docs-json')).body as { components: { schemas: Record<string, unknown> } };
      const ajv = ajvFromFastify();
      const validate = (type: string, body: unknown): boolean => ajv.compile(document.components.schemas[`${type}Request`])(body);
      const accepted: ReadonlyArray<readonly [string, unknown]> = [
        ['ImportRoster', { csv: 'nip,name\n' }],
        ['DraftPlan', header],
        ['AddRhk', { plan, rhk: 'RHK-1', kind: 'utama', description: 'Dokumen kependudukan terbit tepat waktu' }],
        ['AddIki', { plan, rhk: 'RHK-1', iki: 'IKI-1', description: 'Dokumen terbit', targets: { kuantitas: { value: 1200, unit: 'dokumen' } } }],
        ['SubmitPlan', { plan }],
        ['ApprovePlan', { plan }],
        ['RecordFeedback', { plan, kind: 'coaching', note: 'Pertahankan' }],
        ['OpenEvaluation', { evaluation, kind: 'annual', period: '2025', periodStart: '2025-01-01T00:00:00+07:00', periodEnd: '2026-01-01T00:00:00+07:00' }],
        ['FileObjection', { evaluation, objection: 'Penilaian tidak sesuai', reasons: ['Target tercapai'] }],
      ];
      for (const [type, body] of accepted) expect([type, validate(type, body)]).toEqual([type, true]);
      expect(validate('ApprovePlan', { plan, approvedBy: rina })).toBe(false);
      expect(validate('DraftPlan', { ...header, employee: '123' })).toBe(false);
    });

    it('serves Swagger UI at /docs', async () => {
      const page = await api.request('GET', '/docs');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('swagger-ui-bundle.js');
      const bundle = await api.request('GET', '/docs/assets/swagger-ui-bundle.js');
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('content-type')).toContain('javascript');
    });
  });
});
