/**
 * Complaints as the acceptance tests drive them: through the public API of `@kinerja/domain`, with the tenant's
 * calendar (its zone and the shipped holiday calendar) and complaint SLA table filled in as the engine does.
 */
import {
  CITIZEN_ACTOR,
  complaintDecider,
  complaintSlaFor,
  describeComplaintError,
  INDONESIA_2025_2027,
  policyFor,
  type Actor,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintCommand,
  type ComplaintError,
  type ComplaintEvent,
  type ComplaintId,
  type ComplaintState,
  type Nip,
  type TenantCalendar,
  type TenantId,
  type TrackingCode,
  type UnitId,
} from '@kinerja/domain';
import { DeciderStream } from './decider-stream';

export type ComplaintStream = DeciderStream<ComplaintState, ComplaintCommand, ComplaintEvent, ComplaintError>;

export const COMPLAINT = 'adu-5e1f00c0ffee' as ComplaintId;
export const TRACKING = '7K3M-Q9XD-2HRT' as TrackingCode;
export const UNIT = 'dinas-perhubungan' as UnitId;
export const OPERATOR: Actor = { nip: '198202022006041002' as Nip, role: 'operator' };
export const OFFICER: Actor = { nip: '199203142019031008' as Nip, role: 'pegawai' };
export const SYSTEM: Actor = { nip: '198001012005011001' as Nip, role: 'sistem' };

export const calendarOf = (tenant: string): TenantCalendar => {
  const policy = policyFor(tenant as TenantId);
  if (policy === undefined) throw new Error(`no policy for ${tenant}`);
  return { timeZone: policy.timeZone, holidays: INDONESIA_2025_2027 };
};

const metadata = (at: string, actor: Actor) => ({ now: new Date(at), actor });

export const newStream = (): ComplaintStream => new DeciderStream(complaintDecider, describeComplaintError);

/** A complaint filed in `tenant` at `at` (an ISO instant with offset) through `channel`, about `category`. */
export const filedIn = (
  tenant: string,
  at: string,
  o: Readonly<{ channel?: ComplaintChannel; category?: ComplaintCategory }> = {},
): ComplaintStream => {
  const sla = complaintSlaFor(tenant as TenantId);
  if (sla === undefined) throw new Error(`no complaint SLA for ${tenant}`);
  const stream = newStream();
  stream.apply({
    type: 'FileComplaint',
    data: {
      channel: o.channel ?? 'app',
      category: o.category ?? 'pengaduan',
      unit: UNIT,
      subject: 'Angkutan kota tidak berhenti di halte',
      description: 'Bus trayek 3 melewati halte tanpa berhenti setiap pagi.',
      contact: { phone: '+62 811-000-111' },
      complaint: COMPLAINT,
      trackingCode: TRACKING,
      facts: { calendar: calendarOf(tenant), sla },
    },
    metadata: metadata(at, CITIZEN_ACTOR),
  });
  return stream;
};

export const acknowledge = (at: string, actor: Actor = OPERATOR): ComplaintCommand => ({
  type: 'AcknowledgeComplaint',
  data: { complaint: COMPLAINT },
  metadata: metadata(at, actor),
});
export const assign = (at: string, assignee: Nip = OFFICER.nip): ComplaintCommand => ({
  type: 'AssignComplaint',
  data: { complaint: COMPLAINT, assignee },
  metadata: metadata(at, OPERATOR),
});
export const respond = (at: string, actor: Actor = OFFICER): ComplaintCommand => ({
  type: 'RespondToComplaint',
  data: { complaint: COMPLAINT, response: 'Sopir telah dibina; pengawasan halte ditambah.' },
  metadata: metadata(at, actor),
});
export const resolve = (tenant: string, at: string, actor: Actor = OFFICER): ComplaintCommand => ({
  type: 'ResolveComplaint',
  data: { complaint: COMPLAINT, resolution: 'Jadwal dan pengawasan halte diperbaiki.', calendar: calendarOf(tenant) },
  metadata: metadata(at, actor),
});
export const reopen = (tenant: string, at: string, trackingCode: TrackingCode = TRACKING): ComplaintCommand => ({
  type: 'ReopenComplaint',
  data: { complaint: COMPLAINT, trackingCode, reason: 'Bus masih melewati halte pada Senin pagi.', calendar: calendarOf(tenant) },
  metadata: metadata(at, CITIZEN_ACTOR),
});
export const close = (at: string, satisfaction: number): ComplaintCommand => ({
  type: 'CloseComplaint',
  data: { complaint: COMPLAINT, satisfaction, trackingCode: TRACKING },
  metadata: metadata(at, CITIZEN_ACTOR),
});
export const escalate = (at: string, deadlineKind: 'first-response' | 'resolution'): ComplaintCommand => ({
  type: 'EscalateComplaint',
  data: { complaint: COMPLAINT, deadlineKind },
  metadata: metadata(at, SYSTEM),
});

/** The last event of `type` the stream recorded. */
export const last = <T extends ComplaintEvent['type']>(stream: ComplaintStream, type: T): Extract<ComplaintEvent, { type: T }> => {
  const found = [...stream.events].reverse().find((e) => e.type === type);
  if (found === undefined) throw new Error(`no ${type}`);
  return found as Extract<ComplaintEvent, { type: T }>;
};

/** What happens to a fresh copy of `build()` when `command` is applied: the refusal tag, or undefined. */
export const refusalOn = (build: () => ComplaintStream, command: ComplaintCommand): string | undefined => build().refusal(command);
