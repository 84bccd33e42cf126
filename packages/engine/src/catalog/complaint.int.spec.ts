/**
 * The complaint through its catalog specs on a real SQLite file (BR-23): a citizen files from Surabaya's app (the
 * engine derives the complaint id and tracking code from the command id, so a retried filing names the same
 * complaint), the desk acknowledges and assigns it, the officer answers and resolves it, the citizen closes it with
 * the tracking code and a rating. Decision events carry their basis; the chain verifies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft, type Either } from 'fp-ts/Either';
import {
  CITIZEN_ACTOR,
  CITIZEN_NIP,
  complaintStreamId,
  describeErrors,
  type Actor,
  type ComplaintEvent,
  type Nip,
  type TenantId,
} from '@kinerja/domain';
import { openSqliteStore, verify, type EventStore } from '@kinerja/eventstore';
import type { Handled } from '../pipeline';
import { loadStream } from '../pipeline';
import type { CommandFailure } from './catalog';
import { complaintAggregate, complaintCommands, complaintIdentityForCommand } from './complaint';

const tenant = 'surabaya' as TenantId;
const operator: Actor = { nip: '198202022006041002' as Nip, role: 'operator' };
const officer: Actor = { nip: '199203142019031008' as Nip, role: 'pegawai' };

const rightOf = <E, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

const specOf = (type: string) => {
  const spec = complaintCommands.find((s) => s.type === type);
  if (spec === undefined) throw new Error(`no spec ${type}`);
  return spec;
};

describe('complaints through the catalog on SQLite (BR-23)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-complaint-'));
  let store: EventStore;
  let seq = 0;
  const run = async (
    type: string,
    body: unknown,
    actor: Actor,
    at: string,
    commandId = `complaint-test-${++seq}`,
    on: TenantId = tenant,
  ): Promise<Either<CommandFailure, Handled<unknown>>> => {
    const spec = specOf(type);
    const request = spec.request.decode(body);
    if (isLeft(request)) throw new Error(`${type}: ${JSON.stringify(describeErrors(request.left))}`);
    return spec.run(store, on, request.right, { tenant: on, commandId, actor, issuedAt: new Date(at) });
  };
  beforeAll(() => {
    store = openSqliteStore({ path: join(dir, 'kinerja.db') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const filing = {
    channel: 'app',
    category: 'pengaduan',
    unit: 'dinas-perhubungan',
    subject: 'Petugas parkir meminta tarif di atas ketentuan',
    description: 'Di Jalan Tunjungan petugas meminta Rp10.000 tanpa karcis.',
    namedEmployee: officer.nip,
    contact: { name: 'Siti Rahayu', phone: '+62 812-3456-7890' },
  };
  const idempotencyKey = 'idem-7f3a9c';
  const { complaint, trackingCode } = complaintIdentityForCommand(idempotencyKey);
  const stream = complaintStreamId(tenant, complaint);

  it('lists one spec per command; filing, reopening and closing are public', () => {
    expect(complaintCommands.map((s) => s.type)).toEqual([
      'FileComplaint',
      'AcknowledgeComplaint',
      'AssignComplaint',
      'RespondToComplaint',
      'ResolveComplaint',
      'ReopenComplaint',
      'EscalateComplaint',
      'CloseComplaint',
      'MergeDuplicateComplaint',
      'RejectComplaintAsSpam',
    ]);
    expect(complaintCommands.filter((s) => s.public === true).map((s) => s.type)).toEqual(['FileComplaint', 'ReopenComplaint', 'CloseComplaint']);
    expect(specOf('EscalateComplaint').roles).toEqual(['sistem']);
    // A client never sends the engine's fields.
    expect(isLeft(specOf('FileComplaint').request.decode({ ...filing, complaint }))).toBe(true);
    expect(isLeft(specOf('ResolveComplaint').request.decode({ complaint, resolution: 'x', calendar: {} }))).toBe(true);
  });

  it('files a complaint as the citizen: id and tracking code from the command id, SLA and deadlines recorded', async () => {
    const filed = rightOf(await run('FileComplaint', filing, CITIZEN_ACTOR, '2025-10-06T10:00:00+07:00', idempotencyKey));
    const event = filed.events[0] as Extract<ComplaintEvent, { type: 'ComplaintFiled' }>;
    expect(event.type).toBe('ComplaintFiled');
    expect(event.data.complaint).toBe(complaint);
    expect(event.data.trackingCode).toBe(trackingCode);
    expect(event.data.sla).toMatchObject({ table: 'complaint-sla.surabaya', slaClass: 'normatif', escalateTo: 'walikota' });
    expect(event.data.responseDeadline.endsAt).toEqual(new Date('2025-10-08T10:00:00+07:00'));
    expect(filed.envelopes[0]?.streamId).toBe(stream);
    expect(filed.envelopes[0]?.metadata.actor).toEqual({ nip: CITIZEN_NIP, role: 'masyarakat' });
    expect(filed.envelopes[0]?.metadata.basis).toMatchObject({ ruleBook: 'complaint-sla.surabaya@1', articles: ['BR-23'] });
  });

  it('a retried filing with the same Idempotency-Key names the same complaint and appends nothing', async () => {
    const again = rightOf(await run('FileComplaint', filing, CITIZEN_ACTOR, '2025-10-06T10:00:05+07:00', idempotencyKey));
    expect(again.replayed).toBe(true);
    expect((again.events[0] as ComplaintEvent).data.complaint).toBe(complaint);
    expect(rightOf(await store.readStream(stream))).toHaveLength(1);
    // Another key is another complaint.
    expect(complaintIdentityForCommand('idem-other').complaint).not.toBe(complaint);
  });

  it('acknowledges, assigns, answers, resolves and closes it with the tracking code and a rating', async () => {
    rightOf(await run('AcknowledgeComplaint', { complaint, message: 'Laporan diterima' }, operator, '2025-10-07T09:00:00+07:00'));
    rightOf(await run('AssignComplaint', { complaint, assignee: officer.nip }, operator, '2025-10-07T10:00:00+07:00'));
    rightOf(await run('RespondToComplaint', { complaint, response: 'Petugas telah ditegur.' }, officer, '2025-10-09T14:00:00+07:00'));
    const resolved = rightOf(await run('ResolveComplaint', { complaint, resolution: 'Juru parkir dibina.' }, officer, '2025-10-10T15:00:00+07:00'));
    const resolution = resolved.events[0] as Extract<ComplaintEvent, { type: 'ComplaintResolved' }>;
    // The engine filled in Surabaya's calendar: 14 calendar days after Friday 10 October.
    expect(resolution.data.reopenDeadline).toMatchObject({ endsAt: new Date('2025-10-24T23:59:59.999+07:00'), timeZone: 'Asia/Jakarta' });

    const wrong = await run('CloseComplaint', { complaint, satisfaction: 5, trackingCode: 'AAAA-BBBB-CCCC' }, CITIZEN_ACTOR, '2025-10-12T09:00:00+07:00');
    expect(isLeft(wrong) && wrong.left).toMatchObject({ _tag: 'Refused', error: { _tag: 'WrongTrackingCode' } });

    const closed = rightOf(
      await run('CloseComplaint', { complaint, satisfaction: 4, comment: 'Cepat', trackingCode: trackingCode.toLowerCase() }, CITIZEN_ACTOR, '2025-10-12T09:00:00+07:00'),
    );
    expect(closed.envelopes[0]?.metadata.basis).toMatchObject({ ruleBook: 'br-23-complaint@1' });
    expect(closed.envelopes[0]?.metadata.basis?.inputs).toHaveLength(5);

    const loaded = rightOf(await loadStream(store, complaintAggregate, stream));
    expect(loaded.state.status).toBe('closed');
    expect(loaded.events.map((e) => e.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAcknowledged',
      'ComplaintAssigned',
      'ComplaintResponded',
      'ComplaintResolved',
      'ComplaintClosed',
    ]);
    const report = rightOf(await verify(store));
    expect(report._tag).toBe('Intact');
  });

  it('refuses a tenant this build ships no complaint table for', async () => {
    const result = await run('FileComplaint', filing, CITIZEN_ACTOR, '2025-10-06T10:00:00+07:00', 'idem-x', 'atlantis' as TenantId);
    expect(isLeft(result) && result.left._tag).toBe('UnknownTenant');
    expect(rightOf(await store.readStream(complaintStreamId('atlantis' as TenantId, complaintIdentityForCommand('idem-x').complaint)))).toEqual([]);
  });
});
