/**
 * Citizens' contact details (DOMAIN.md §1, BR-23) over real HTTP: a citizen files a complaint on the public route
 * (no token) with a name and a phone number; the read models never keep them, the complaint SLA report counts the
 * complaint, and the time-travel view of the complaint's stream shows them only to the roles that handle or
 * oversee complaints (operator, pimpinan-unit, inspektorat), not to an external auditor.
 */
import { mintToken, okBody, startTestService, type TestService } from './e2e.testkit';

const tenant = 'surabaya';
const contact = { name: 'Budi Santoso', phone: '081234567890' };

describe('e2e: complaints keep the citizen’s contact details from roles not authorised to read them', () => {
  let service: TestService;
  let streamId = '';
  let position = '';
  let trackingCode = '';
  beforeAll(async () => {
    service = await startTestService({ config: { publicRateLimitPerMinute: 100 } });
    const filed = await service.command(tenant, 'complaint', 'file-complaint', {
      channel: 'web',
      category: 'pengaduan',
      unit: 'dukcapil-pelayanan',
      subject: 'KTP belum jadi',
      description: 'Sudah tiga minggu KTP elektronik belum dicetak.',
      contact,
    });
    const answer = okBody<{ streamId: string; position: number; events: ReadonlyArray<{ data: { trackingCode?: string } }> }>(filed);
    streamId = answer.streamId;
    position = String(answer.position);
    // The citizen gets the tracking code in the answer (to follow, reopen or rate the complaint).
    trackingCode = answer.events[0]?.data.trackingCode ?? '';
    expect(trackingCode).not.toBe('');
  }, 20_000);
  afterAll(() => service.close());

  const asOf = async (role: 'auditor' | 'inspektorat' | 'operator') =>
    service.request('GET', `/v1/tenants/${tenant}/streams/${streamId}/as-of?at=2100-01-01T00:00:00Z`, {
      token: await mintToken({ nip: '198001012005011002', tenant, roles: [role] }),
    });

  it('the auditor sees the complaint without the contact details or the tracking code', async () => {
    const answer = await asOf('auditor');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ streamId, personalDataHidden: true });
    expect(answer.text).toContain('KTP belum jadi');
    expect(answer.text).not.toContain(contact.phone);
    expect(answer.text).not.toContain(contact.name);
    expect(answer.text).not.toContain(trackingCode);
  });

  it('the inspectorate sees them', async () => {
    const answer = await asOf('inspektorat');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(contact.phone);
    expect(answer.text).toContain(trackingCode);
    expect(answer.body).not.toHaveProperty('personalDataHidden');
  });

  it('the operator, who may read contact details, is not a time-travel reader: 403 before anything is read', async () => {
    expect((await asOf('operator')).status).toBe(403);
  });

  it('the complaint SLA report counts it, with nothing personal in it', async () => {
    const answer = await service.request('GET', `/v1/tenants/${tenant}/complaints/sla/units`, {
      token: await mintToken({ nip: '198001012005011001', tenant, roles: ['operator'] }),
      headers: { 'x-kinerja-min-position': position },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ items: [expect.objectContaining({ unit: 'dukcapil-pelayanan', filed: 1, open: 1 })] });
    expect(answer.text).not.toContain(contact.phone);
  });
});
