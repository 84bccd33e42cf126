/**
 * How a public command route (`public: true`, the citizen complaint filing) is wired: no token, the domain's
 * citizen actor, the body limit, and a per-route rate limit (429 with Retry-After). A stand-in spec is served
 * beside the catalog so that the wiring is tested whatever the complaint catalog holds.
 */
import { right } from 'fp-ts/Either';
import { CITIZEN_ACTOR, strictObject, text, type TenantId } from '@kinerja/domain';
import { COMMANDS, type CommandContext, type CommandSpec } from '@kinerja/engine';
import { startTestService, type TestService } from '../service.testkit';

const contexts: CommandContext[] = [];
const ringTheBell: CommandSpec = {
  aggregate: 'complaint',
  type: 'RingTheBell',
  summary: 'A stand-in public command (tests)',
  request: strictObject('RingTheBellRequest', { note: text(200) }) as CommandSpec['request'],
  roles: ['masyarakat'],
  public: true,
  streamOf: (tenant: TenantId) => `bell-${tenant}`,
  run: async (_store, _tenant, _request, context) => {
    contexts.push(context);
    return right({ events: [], envelopes: [], streamVersion: -1, position: 0, replayed: false });
  },
};

describe('a public command route', () => {
  let api: TestService;
  beforeAll(async () => {
    api = await startTestService({ config: { publicRateLimitPerMinute: 3 }, start: { specs: [...COMMANDS, ringTheBell] } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('needs no token, acts as the citizen, and is rate-limited per address (429 with Retry-After)', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await api.command('salatiga', 'complaint', 'ring-the-bell', { note: `ding ${i}` });
      expect(response.status).toBe(200);
    }
    expect(contexts.map((c) => c.actor)).toEqual([CITIZEN_ACTOR, CITIZEN_ACTOR, CITIZEN_ACTOR]);
    const limited = await api.command('salatiga', 'complaint', 'ring-the-bell', { note: 'once more' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect((limited.body as { type: string }).type).toBe('urn:kinerja:problem:rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(contexts).toHaveLength(3);
    // Other routes are not limited.
    expect((await api.request('GET', '/docs-json')).status).toBe(200);
  });

  it('documents the route as public (no security, 429 among its answers)', async () => {
    const document = (await api.request('GET', '/docs-json')).body as { paths: Record<string, { post: { security?: unknown; responses: Record<string, unknown> } }> };
    const operation = document.paths['/v1/tenants/{tenant}/complaint/ring-the-bell']?.post;
    expect(operation?.security).toEqual([]);
    expect(Object.keys(operation?.responses ?? {})).toContain('429');
    expect(Object.keys(operation?.responses ?? {})).not.toContain('401');
  });
});
