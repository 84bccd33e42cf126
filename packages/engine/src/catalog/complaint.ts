/**
 * The public complaint (pengaduan) in the engine (DOMAIN.md §2.7, BR-23): its aggregate (decider, serde, basis) and
 * its commands.
 *
 * - FileComplaint is public (a citizen has no account; the edge rate- and size-limits it). The engine derives the
 *   complaint id and the tracking code from a SHA-256 of the command id, so an HTTP retry with the same
 *   Idempotency-Key names the same complaint and returns the same code; it fills in the tenant's calendar and
 *   complaint SLA table (`complaintSlaFor`).
 * - ReopenComplaint and CloseComplaint are public too: the citizen proves the complaint is theirs with the tracking
 *   code (the domain checks it). Citizen commands are attributed to `CITIZEN_ACTOR`.
 * - ResolveComplaint and ReopenComplaint get the tenant's calendar (the reopen window and the new resolution
 *   deadline are counted then); the other commands go to the pipeline as sent.
 * - EscalateComplaint is the system's timer's (`dueComplaint`).
 */
import { createHash } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  AcknowledgeComplaintCodec,
  AssignComplaintCodec,
  basisOfComplaint,
  CloseComplaintCodec,
  complaintDecider,
  ComplaintEventCodec,
  complaintIdentityOf,
  complaintSlaFor,
  complaintStreamId,
  EscalateComplaintCodec,
  FileComplaintRequestCodec,
  MergeDuplicateComplaintCodec,
  RejectComplaintAsSpamCodec,
  ReopenComplaintRequestCodec,
  ResolveComplaintRequestCodec,
  RespondToComplaintCodec,
  type ComplaintCommand,
  type ComplaintError,
  type ComplaintEvent,
  type ComplaintId,
  type ComplaintState,
  type FileComplaint,
  type FileComplaintRequest,
  type ReopenComplaint,
  type ReopenComplaintRequest,
  type ResolveComplaint,
  type ResolveComplaintRequest,
  type Role,
  type TenantCalendar,
  type TenantId,
  type TrackingCode,
} from '@kinerja/domain';
import type { GatherError } from '../facts/problems';
import { commandOf, tenantSettings } from '../facts/tenant';
import { handle, type Aggregate, type CommandContext } from '../pipeline';
import { serdeFromCodec } from '../serde';
import type { CommandSpec, RuleOfRefusal } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec, type Gather } from './spec';

/** The complaint: every decision event (filing, escalation, closing, merge, spam) carries its basis (BR-23). */
export const complaintAggregate: Aggregate<ComplaintState, ComplaintCommand, ComplaintEvent, ComplaintError> = {
  decider: complaintDecider,
  serde: serdeFromCodec<ComplaintEvent>(ComplaintEventCodec),
  basisOf: basisOfComplaint,
};

/**
 * The complaint id and tracking code a filing's command id stands for: `adu-` and 12 hex digits of SHA-256(command
 * id), and a 12-character code from the next 60 bits. The same command id always gives the same pair.
 */
export const complaintIdentityForCommand = (commandId: string): Readonly<{ complaint: ComplaintId; trackingCode: TrackingCode }> => {
  const identity = complaintIdentityOf(createHash('sha256').update(commandId, 'utf8').digest('hex'));
  if (identity === undefined) throw new Error('a SHA-256 digest always gives a complaint identity');
  return identity;
};

/** The tenant's calendar, from its settings (time zone and the shipped holiday calendar). */
const calendarOf = (tenant: TenantId): Either<GatherError, TenantCalendar> => {
  const settings = tenantSettings(tenant);
  return isLeft(settings) ? settings : right(settings.right.calendar);
};

/**
 * FileComplaint with the derived id and code, the tenant's calendar and its complaint SLA table (BR-23). A tenant
 * without a shipped table is an `UnknownTenant`, like one without a policy.
 */
export const fileComplaintCommand: Gather<FileComplaintRequest, FileComplaint> = async (_store, tenant, request, context) => {
  const calendar = calendarOf(tenant);
  if (isLeft(calendar)) return calendar;
  const sla = complaintSlaFor(tenant);
  if (sla === undefined) return left({ _tag: 'UnknownTenant', tenant });
  const { complaint, trackingCode } = complaintIdentityForCommand(context.commandId);
  return right(commandOf('FileComplaint', { ...request, complaint, trackingCode, facts: { calendar: calendar.right, sla } }, context));
};

const resolveComplaintCommand: Gather<ResolveComplaintRequest, ResolveComplaint> = async (_store, tenant, request, context) => {
  const calendar = calendarOf(tenant);
  return isLeft(calendar) ? calendar : right(commandOf('ResolveComplaint', { ...request, calendar: calendar.right }, context));
};

const reopenComplaintCommand: Gather<ReopenComplaintRequest, ReopenComplaint> = async (_store, tenant, request, context) => {
  const calendar = calendarOf(tenant);
  return isLeft(calendar) ? calendar : right(commandOf('ReopenComplaint', { ...request, calendar: calendar.right }, context));
};

const command = <C extends ComplaintCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
  extra: Readonly<{ public?: boolean }> = {},
) =>
  plainSpec(complaintAggregate, {
    aggregate: 'complaint',
    type,
    summary,
    request: requestOf(type, codec),
    roles,
    ...extra,
    streamOf: (tenant, request) => complaintStreamId(tenant, request.complaint),
  });

const HANDLERS: ReadonlyArray<Role> = ['operator', 'pimpinan-unit', 'pegawai'];

/**
 * FileComplaint: the stream is named by the complaint id the engine derives from the command id, so `run` decides it
 * there (not on `streamOf`, which cannot know the id from the request alone: it names the tenant's complaint
 * category, `pengaduan-<tenant>`, and If-Match does not apply to a filing, which opens a new stream).
 */
const fileComplaintSpec: CommandSpec = {
  aggregate: 'complaint',
  type: 'FileComplaint',
  summary: 'File a complaint about a service unit or an employee (public; returns the tracking code) (BR-23)',
  request: FileComplaintRequestCodec as t.Type<unknown, unknown, unknown>,
  roles: ['masyarakat', 'operator', 'sistem'],
  public: true,
  streamOf: (tenant) => `pengaduan-${tenant}`,
  run: async (store, tenant, request, context, options) => {
    const own: CommandContext = { ...context, tenant };
    const command = await fileComplaintCommand(store, tenant, request as FileComplaintRequest, own);
    if (isLeft(command)) return command;
    return handle(store, complaintAggregate, complaintStreamId(tenant, command.right.data.complaint), command.right, own, options);
  },
};

/**
 * One spec per complaint command, in the order of the lifecycle. Engineer 2's `COMMANDS` lists them with the rest.
 */
export const complaintCommands: ReadonlyArray<CommandSpec> = [
  fileComplaintSpec,
  command('AcknowledgeComplaint', AcknowledgeComplaintCodec, HANDLERS, 'Give the first response to a complaint (BR-23 first-response deadline)'),
  command('AssignComplaint', AssignComplaintCodec, ['operator', 'pimpinan-unit'], 'Assign a complaint to an employee'),
  command('RespondToComplaint', RespondToComplaintCodec, HANDLERS, "Answer the citizen's complaint (BR-23 resolution deadline)"),
  factsSpec(
    complaintAggregate,
    {
      aggregate: 'complaint',
      type: 'ResolveComplaint',
      summary: 'Mark a complaint resolved; the citizen may reopen it within the reopen window',
      request: ResolveComplaintRequestCodec,
      roles: HANDLERS,
      streamOf: (tenant, request) => complaintStreamId(tenant, request.complaint),
    },
    resolveComplaintCommand,
  ),
  factsSpec(
    complaintAggregate,
    {
      aggregate: 'complaint',
      type: 'ReopenComplaint',
      summary: 'Reopen a resolved complaint with its tracking code (public)',
      request: ReopenComplaintRequestCodec,
      roles: ['masyarakat', 'operator'],
      public: true,
      streamOf: (tenant, request) => complaintStreamId(tenant, request.complaint),
    },
    reopenComplaintCommand,
  ),
  command('EscalateComplaint', EscalateComplaintCodec, ['sistem'], 'Escalate a complaint whose recorded deadline has passed (timer; Surabaya: to the mayor)'),
  command(
    'CloseComplaint',
    CloseComplaintCodec,
    ['masyarakat', 'operator'],
    "Close a resolved complaint with the citizen's satisfaction (1-5) and comment (public, with the tracking code)",
    { public: true },
  ),
  command('MergeDuplicateComplaint', MergeDuplicateComplaintCodec, ['operator'], 'Merge a duplicate complaint into the one that carries on'),
  command('RejectComplaintAsSpam', RejectComplaintAsSpamCodec, ['operator'], 'Reject a complaint as spam, with a reason'),
];

/** The BR rule behind the complaint's refusals, for `RULE_OF_REFUSAL` (keys qualified by the aggregate). */
export const COMPLAINT_RULE_OF_REFUSAL: RuleOfRefusal = {
  'complaint.SlaClassMissing': 'BR-23',
  'complaint.CalendarNotCovering': 'BR-23',
  'complaint.DeadlineNotPassed': 'BR-23',
  'complaint.AlreadyEscalated': 'BR-23',
  'complaint.SatisfactionOutOfRange': 'BR-23',
};
