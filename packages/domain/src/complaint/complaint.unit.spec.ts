import { isLeft, isRight } from 'fp-ts/Either';
import { INDONESIA_2025_2027, type RecordedDeadline } from '../calendar';
import { LocalDate, Nip, replay, TenantId, toJsonSchema, type Role } from '../core';
import { coverageSpecFor } from '../testing/decider.testkit';
import {
  CloseComplaintCodec,
  EmailAddress,
  PhoneNumber,
  complaintCommandCodecs,
  FileComplaintCodec,
  FileComplaintRequestCodec,
  ReopenComplaintRequestCodec,
} from './codecs';
import {
  basisOf,
  CITIZEN_ACTOR,
  CITIZEN_NIP,
  complaintStreamId,
  mayReadComplaintPersonalData,
  withoutPersonalData,
  type ComplaintEvent,
  type ComplaintState,
} from './complaint';
import { complaintDecider, due, nextDeadline, type ComplaintCommand } from './decide';
import { describeComplaintError, type ComplaintErrorTag } from './errors';
import { complaintIdentityOf, TrackingCode } from './ids';
import { COMPLAINT_SLA_DEFAULTS } from './sla';
import {
  acknowledgeComplaint,
  ACKNOWLEDGED_AT,
  assignComplaint,
  closeComplaint,
  COMPLAINT,
  complaintAcknowledged,
  complaintAssigned,
  complaintClosed,
  complaintEscalated,
  complaintFiled,
  complaintMergedAsDuplicate,
  complaintRejectedAsSpam,
  complaintReopened,
  complaintResolved,
  complaintResponded,
  escalateComplaint,
  FACTS,
  fileComplaint,
  FILED_AT,
  histories,
  JAKARTA,
  mergeDuplicateComplaint,
  OFFICER,
  OFFICER_2,
  OPERATOR,
  OTHER_COMPLAINT,
  rejectComplaintAsSpam,
  reopenComplaint,
  REOPENED_AT,
  REOPENED_RESOLUTION_DEADLINE,
  RESOLUTION_DEADLINE,
  RESOLUTION_OVERDUE_AT,
  resolveComplaint,
  RESOLVED_AT,
  respondToComplaint,
  RESPONSE_DEADLINE,
  RESPONSE_OVERDUE_AT,
  SURABAYA,
  SYSTEM,
  TRACKING,
  UNIT_HEAD,
  valid,
  WRONG_TRACKING,
} from './complaint.testkit';

const { given, refusalsSeen, successesSeen } = coverageSpecFor(complaintDecider, describeComplaintError);
const at = (iso: string) => new Date(iso);
const stateOf = (events: ReadonlyArray<ComplaintEvent>): ComplaintState => replay(complaintDecider, events);
const SYSTEM_ACTOR = { nip: SYSTEM, role: 'sistem' as const };
const calendarDays = (endsAt: string, days: number): RecordedDeadline => ({
  endsAt: at(endsAt),
  days,
  kind: 'calendar',
  calendar: INDONESIA_2025_2027.id,
  timeZone: JAKARTA,
});
const workingDays = (endsAt: string, days: number): RecordedDeadline => ({ ...calendarDays(endsAt, days), kind: 'working' });

describe('the public complaint (pengaduan), BR-23', () => {
  it('has one stream per complaint, category first', () => {
    expect(complaintStreamId(valid(TenantId, 'surabaya'), COMPLAINT)).toBe('pengaduan-surabaya.adu-0a1b2c3d4e5f');
  });

  it('flags the contact details and the tracking code as personal data, and hides them from roles that may not read them', () => {
    const data = complaintFiled().data;
    expect(data.personalData).toEqual(['contact', 'trackingCode']);
    const shown = withoutPersonalData(data);
    expect(shown).not.toHaveProperty('contact');
    expect(shown).not.toHaveProperty('trackingCode');
    expect(shown).toMatchObject({ complaint: COMPLAINT, subject: data.subject, namedEmployee: data.namedEmployee });
    expect(['operator', 'pimpinan-unit', 'inspektorat'].every((r) => mayReadComplaintPersonalData(r as Role))).toBe(true);
    expect(['pegawai', 'masyarakat', 'auditor', 'pejabat-penilai'].some((r) => mayReadComplaintPersonalData(r as Role))).toBe(false);
  });

  it('attributes citizen commands to a placeholder NIP that decodes but cannot be a civil servant (born 1900, appointed a month later)', () => {
    expect(isRight(Nip.decode(CITIZEN_NIP))).toBe(true);
    expect(CITIZEN_ACTOR).toEqual({ nip: CITIZEN_NIP, role: 'masyarakat' });
  });

  describe('FileComplaint', () => {
    it('records the class, the SLA applied and both deadlines, once (Surabaya: 48 h first response, normatif 5 working days)', () => {
      given([]).when(fileComplaint()).then([complaintFiled()]);
    });

    it('files an anonymous complaint: no contact, only the tracking code is restricted', () => {
      given([]).when(fileComplaint({ contact: null, namedEmployee: null })).then([complaintFiled({ contact: null, namedEmployee: null })]);
    });

    it('is filed by an operator transcribing an SMS or a social-media post, or by the national channel feed', () => {
      given([]).when(fileComplaint({ by: OPERATOR, channel: 'sms' })).then([complaintFiled({ by: OPERATOR, channel: 'sms' })]);
      const externalRef = 'LAPOR-2025-1234567';
      given([])
        .when(fileComplaint({ by: SYSTEM, channel: 'national', externalRef }))
        .then([
          complaintFiled({
            by: SYSTEM,
            channel: 'national',
            externalRef,
            sla: {
              ...complaintFiled().data.sla,
              schedule: 'national',
              slaClass: 'informasi-atau-pengaduan',
              resolution: { amount: 5, unit: 'calendar-days' },
            },
            // The national class is 5 calendar days: Saturday 11 October.
            resolutionDeadline: calendarDays('2025-10-11T23:59:59.999+07:00', 5),
          }),
        ]);
    });

    it('uses the default table elsewhere: national channel 3 calendar days to first response, regional 3 working days', () => {
      const facts = { calendar: SURABAYA, sla: COMPLAINT_SLA_DEFAULTS };
      const national = complaintDecider.decide(fileComplaint({ facts, channel: 'national', category: 'sengketa' }), stateOf([]));
      const regional = complaintDecider.decide(fileComplaint({ facts, channel: 'web', category: 'sengketa-lapangan' }), stateOf([]));
      if (isLeft(national) || isLeft(regional)) throw new Error('refused');
      const n = national.right[0] as Extract<ComplaintEvent, { type: 'ComplaintFiled' }>;
      const r = regional.right[0] as Extract<ComplaintEvent, { type: 'ComplaintFiled' }>;
      // Monday 6 Oct + 3 calendar days = Thursday 9 Oct; + 14 calendar days = Monday 20 Oct.
      expect(n.data.responseDeadline).toEqual(calendarDays('2025-10-09T23:59:59.999+07:00', 3));
      expect(n.data.slaClass).toBe('sengketa-tanpa-pemeriksaan-lapangan');
      expect(n.data.resolutionDeadline).toEqual(calendarDays('2025-10-20T23:59:59.999+07:00', 14));
      expect(n.data.sla.escalateTo).toBe('pimpinan-unit');
      // Monday 6 Oct + 3 working days = Thursday 9 Oct; pengawasan is 60 working days.
      expect(r.data.responseDeadline).toEqual(workingDays('2025-10-09T23:59:59.999+07:00', 3));
      expect(r.data.slaClass).toBe('pengawasan');
      expect(r.data.sla.resolution).toEqual({ amount: 60, unit: 'working-days' });
    });

    it('is refused for an employee, who files nothing as a citizen', () => {
      given([]).when(fileComplaint({ by: OFFICER })).thenFails('RoleNotAllowed', { command: 'FileComplaint', role: 'pegawai' });
    });

    it('is refused with a blank subject', () => {
      given([]).when(fileComplaint({ subject: '   ' })).thenFails('BlankText', { field: 'subject' });
    });

    it('is refused with contact details that give no way to reach the citizen', () => {
      given([]).when(fileComplaint({ contact: { name: 'Siti' } })).thenFails('NoWayToReachCitizen');
    });

    it('is refused when the table maps the category to a class it does not have', () => {
      const sla = { ...COMPLAINT_SLA_DEFAULTS, regional: { ...COMPLAINT_SLA_DEFAULTS.regional, classes: [] } };
      given([])
        .when(fileComplaint({ facts: { calendar: SURABAYA, sla } }))
        .thenFails('SlaClassMissing', { table: 'complaint-sla.default', schedule: 'regional', category: 'pengaduan', slaClass: 'normatif' });
    });

    it('is refused when the calendar does not cover the working days to count', () => {
      given([])
        .when(fileComplaint({ now: at('2027-12-28T10:00:00+07:00') }))
        .thenFails('CalendarNotCovering', { calendar: INDONESIA_2025_2027.id, date: valid(LocalDate, '2028-01-01') });
    });

    it('is refused a second time on the same stream', () => {
      given(histories.filed).when(fileComplaint()).thenFails('ComplaintAlreadyFiled', { complaint: COMPLAINT, filedAt: FILED_AT });
    });
  });

  describe('AcknowledgeComplaint (first response)', () => {
    it('records the first response, its handler and that it met the deadline', () => {
      given(histories.filed).when(acknowledgeComplaint()).then([complaintAcknowledged()]);
    });

    it('is in time at the 48th hour to the minute and late one minute after (BR-23, Surabaya)', () => {
      given(histories.filed)
        .when(acknowledgeComplaint({ now: RESPONSE_DEADLINE.endsAt }))
        .then([complaintAcknowledged({ now: RESPONSE_DEADLINE.endsAt, withinSla: true })]);
      given(histories.filed)
        .when(acknowledgeComplaint({ now: RESPONSE_OVERDUE_AT }))
        .then([complaintAcknowledged({ now: RESPONSE_OVERDUE_AT, withinSla: false })]);
    });

    it('credits the assignee when the complaint was assigned first', () => {
      const assignedFirst = [...histories.filed, complaintAssigned({ now: at('2025-10-06T11:00:00+07:00') })];
      given(assignedFirst)
        .when(acknowledgeComplaint({ by: OFFICER }))
        .then([complaintAcknowledged({ by: OFFICER, assignee: OFFICER, handler: OFFICER })]);
    });

    it('is refused for a citizen', () => {
      given(histories.filed).when(acknowledgeComplaint({ by: CITIZEN_NIP })).thenFails('RoleNotAllowed', { role: 'masyarakat' });
    });

    it('is refused for an employee the complaint is not assigned to', () => {
      const assignedFirst = [...histories.filed, complaintAssigned()];
      given(assignedFirst).when(acknowledgeComplaint({ by: OFFICER_2 })).thenFails('NotTheAssignee', { assignee: OFFICER, actor: OFFICER_2 });
    });

    it('is refused a second time', () => {
      given(histories.acknowledged).when(acknowledgeComplaint()).thenFails('AlreadyAcknowledged', { acknowledgedAt: ACKNOWLEDGED_AT });
    });

    it('is refused before the complaint is filed, and for another complaint', () => {
      given([]).when(acknowledgeComplaint()).thenFails('ComplaintNotFiled', { complaint: COMPLAINT });
      given(histories.filed).when(acknowledgeComplaint({ complaint: OTHER_COMPLAINT })).thenFails('WrongComplaint', { given: OTHER_COMPLAINT });
    });
  });

  describe('AssignComplaint', () => {
    it('dispatches to an employee, and again to another one', () => {
      given(histories.acknowledged).when(assignComplaint()).then([complaintAssigned()]);
      given(histories.assigned)
        .when(assignComplaint({ assignee: OFFICER_2, by: UNIT_HEAD }))
        .then([complaintAssigned({ assignee: OFFICER_2, previousAssignee: OFFICER, by: UNIT_HEAD })]);
    });

    it('is refused for an employee, to the same assignee, and once resolved', () => {
      given(histories.acknowledged).when(assignComplaint({ by: OFFICER })).thenFails('RoleNotAllowed', { allowed: ['operator', 'pimpinan-unit'] });
      given(histories.assigned).when(assignComplaint()).thenFails('AlreadyAssigned', { assignee: OFFICER });
      given(histories.resolved).when(assignComplaint({ assignee: OFFICER_2 })).thenFails('AlreadyResolved', { resolvedAt: RESOLVED_AT });
    });
  });

  describe('RespondToComplaint', () => {
    it('records the answer against the resolution deadline, credited to the assignee', () => {
      given(histories.assigned).when(respondToComplaint()).then([complaintResponded()]);
    });

    it('an operator may answer on the assignee’s behalf: the assignee is still the handler', () => {
      given(histories.assigned).when(respondToComplaint({ by: OPERATOR })).then([complaintResponded({ by: OPERATOR, handler: OFFICER })]);
    });

    it('is late after the resolution deadline', () => {
      given(histories.assigned)
        .when(respondToComplaint({ now: RESOLUTION_OVERDUE_AT }))
        .then([complaintResponded({ now: RESOLUTION_OVERDUE_AT, withinSla: false })]);
    });

    it('is refused before the first response, a second time in a cycle, blank, and by another employee', () => {
      given(histories.filed).when(respondToComplaint({ by: OPERATOR })).thenFails('NotAcknowledged');
      given(histories.responded).when(respondToComplaint()).thenFails('AlreadyResponded', { cycle: 1 });
      given(histories.assigned).when(respondToComplaint({ response: ' ' })).thenFails('BlankText', { field: 'response' });
      given(histories.assigned).when(respondToComplaint({ by: OFFICER_2 })).thenFails('NotTheAssignee');
    });
  });

  describe('ResolveComplaint', () => {
    it('records the resolution and the 14-day reopen window [policy]', () => {
      given(histories.responded).when(resolveComplaint()).then([complaintResolved()]);
    });

    it('is refused before an answer, a second time, and blank', () => {
      given(histories.assigned).when(resolveComplaint()).thenFails('NotResponded', { status: 'acknowledged' });
      given(histories.resolved).when(resolveComplaint()).thenFails('AlreadyResolved', { resolvedAt: RESOLVED_AT });
      given(histories.responded).when(resolveComplaint({ resolution: '' })).thenFails('BlankText', { field: 'resolution' });
    });
  });

  describe('ReopenComplaint (the citizen, with the tracking code)', () => {
    it('opens cycle 2 with a new resolution deadline counted from the reopening', () => {
      given(histories.resolved).when(reopenComplaint()).then([complaintReopened()]);
    });

    it('the second cycle is answered against its own deadline', () => {
      given(histories.reopened)
        .when(respondToComplaint({ now: at('2025-10-21T16:00:00+07:00') }))
        .then([
          complaintResponded({
            cycle: 2,
            now: at('2025-10-21T16:00:00+07:00'),
            receivedAt: REOPENED_AT,
            deadline: REOPENED_RESOLUTION_DEADLINE,
            withinSla: true,
          }),
        ]);
    });

    it('accepts the code in lower case with spaces, as a citizen may type it', () => {
      const decoded = ReopenComplaintRequestCodec.decode({ complaint: COMPLAINT, trackingCode: ' 7k3m-q9xd-2hrt ', reason: 'x' });
      expect(isRight(decoded) && decoded.right.trackingCode).toBe(TRACKING);
    });

    it('is refused with a wrong code, when not resolved, after the window, without a reason, and for an employee', () => {
      given(histories.resolved).when(reopenComplaint({ trackingCode: WRONG_TRACKING })).thenFails('WrongTrackingCode', { complaint: COMPLAINT });
      given(histories.responded).when(reopenComplaint()).thenFails('NotResolved', { status: 'responded' });
      given(histories.resolved)
        .when(reopenComplaint({ now: at('2025-10-25T00:00:00+07:00') }))
        .thenFails('ReopenWindowClosed', { deadline: at('2025-10-24T23:59:59.999+07:00') });
      given(histories.resolved).when(reopenComplaint({ reason: '\t' })).thenFails('BlankText', { field: 'reason' });
      given(histories.resolved).when(reopenComplaint({ by: OFFICER })).thenFails('RoleNotAllowed');
    });
  });

  describe('EscalateComplaint (the system, when a recorded deadline passes)', () => {
    it('Surabaya: unanswered after 48 hours goes to the mayor', () => {
      given(histories.filed).when(escalateComplaint('first-response')).then([complaintEscalated('first-response')]);
    });

    it('an unresolved cycle goes up after its resolution deadline, even after an answer', () => {
      given(histories.responded)
        .when(escalateComplaint('resolution'))
        .then([complaintEscalated('resolution', { assignee: OFFICER })]);
    });

    it('is refused before the deadline passed (at its last instant), after the first response, twice, and for anyone but the system', () => {
      given(histories.filed)
        .when(escalateComplaint('first-response', { now: RESPONSE_DEADLINE.endsAt }))
        .thenFails('DeadlineNotPassed', { deadlineKind: 'first-response', deadline: RESPONSE_DEADLINE.endsAt });
      given(histories.acknowledged).when(escalateComplaint('first-response')).thenFails('AlreadyAcknowledged');
      given(histories.escalated)
        .when(escalateComplaint('first-response', { now: RESOLUTION_OVERDUE_AT }))
        .thenFails('AlreadyEscalated', { deadlineKind: 'first-response', cycle: 1, escalatedAt: RESPONSE_OVERDUE_AT });
      given(histories.filed).when(escalateComplaint('first-response', { by: OPERATOR })).thenFails('NotSystem', { role: 'operator' });
      given(histories.resolved).when(escalateComplaint('resolution')).thenFails('AlreadyResolved');
    });
  });

  describe('CloseComplaint (satisfaction 1–5)', () => {
    it('is closed by the citizen with the code and a rating', () => {
      given(histories.resolved).when(closeComplaint()).then([complaintClosed()]);
    });

    it('is closed by an operator recording the citizen’s rating, without the code', () => {
      given(histories.resolved)
        .when(closeComplaint({ by: OPERATOR, trackingCode: null, satisfaction: 2, comment: null }))
        .then([complaintClosed({ by: OPERATOR, satisfaction: 2, comment: null })]);
    });

    it('is refused without the right code from the citizen, a wrong code from anyone, before resolution, and by an employee', () => {
      given(histories.resolved).when(closeComplaint({ trackingCode: null })).thenFails('WrongTrackingCode');
      given(histories.resolved).when(closeComplaint({ by: OPERATOR, trackingCode: WRONG_TRACKING })).thenFails('WrongTrackingCode');
      given(histories.responded).when(closeComplaint()).thenFails('NotResolved', { status: 'responded' });
      given(histories.resolved).when(closeComplaint({ by: OFFICER })).thenFails('RoleNotAllowed');
    });

    it('is refused with a rating outside 1..5 (the codec refuses it too)', () => {
      for (const satisfaction of [0, 6, 3.5]) {
        given(histories.resolved).when(closeComplaint({ satisfaction })).thenFails('SatisfactionOutOfRange', { satisfaction });
        expect(isLeft(CloseComplaintCodec.decode(CloseComplaintCodec.encode(closeComplaint({ satisfaction }))))).toBe(true);
      }
    });

    it('a closed complaint refuses everything', () => {
      given(histories.closed).when(reopenComplaint()).thenFails('ComplaintFinished', { status: 'closed' });
    });
  });

  describe('MergeDuplicateComplaint', () => {
    it('merges a duplicate into the complaint that carries on', () => {
      given(histories.filed).when(mergeDuplicateComplaint()).then([complaintMergedAsDuplicate()]);
    });

    it('is refused into itself, once resolved, and for anyone but an operator', () => {
      given(histories.filed).when(mergeDuplicateComplaint({ into: COMPLAINT })).thenFails('MergeIntoItself');
      given(histories.resolved).when(mergeDuplicateComplaint()).thenFails('AlreadyResolved');
      given(histories.filed).when(mergeDuplicateComplaint({ by: UNIT_HEAD })).thenFails('RoleNotAllowed', { allowed: ['operator'] });
    });
  });

  describe('RejectComplaintAsSpam', () => {
    it('is rejected by an operator with a reason; final', () => {
      given(histories.filed).when(rejectComplaintAsSpam()).then([complaintRejectedAsSpam()]);
      given(histories.spam).when(acknowledgeComplaint()).thenFails('ComplaintFinished', { status: 'rejected-as-spam' });
    });

    it('is refused once answered, and without a reason', () => {
      given(histories.responded).when(rejectComplaintAsSpam()).thenFails('TooLateForSpam', { status: 'responded' });
      given(histories.filed).when(rejectComplaintAsSpam({ reason: ' ' })).thenFails('BlankText', { field: 'reason' });
    });
  });

  describe('the timer `due`', () => {
    it('escalates the first response once 48 hours have passed, and nothing before', () => {
      expect(due(RESPONSE_DEADLINE.endsAt, stateOf(histories.filed), SYSTEM_ACTOR)).toEqual([]);
      expect(due(RESPONSE_OVERDUE_AT, stateOf(histories.filed), SYSTEM_ACTOR)).toEqual([escalateComplaint('first-response')]);
      expect(due(RESPONSE_OVERDUE_AT, stateOf(histories.escalated), SYSTEM_ACTOR)).toEqual([]);
    });

    it('after the resolution deadline: both escalations for an untouched complaint, the resolution one for an answered one', () => {
      expect(due(RESOLUTION_OVERDUE_AT, stateOf(histories.filed), SYSTEM_ACTOR)).toEqual([
        escalateComplaint('first-response', { now: RESOLUTION_OVERDUE_AT }),
        escalateComplaint('resolution'),
      ]);
      expect(due(RESOLUTION_OVERDUE_AT, stateOf(histories.responded), SYSTEM_ACTOR)).toEqual([escalateComplaint('resolution')]);
    });

    it('nothing for a resolved, closed, merged or spam complaint', () => {
      for (const h of [histories.resolved, histories.closed, histories.merged, histories.spam, []])
        expect(due(at('2026-06-01T00:00:00Z'), stateOf(h), SYSTEM_ACTOR)).toEqual([]);
    });

    it('names the next deadline to look at', () => {
      expect(nextDeadline(stateOf(histories.filed))).toEqual(RESPONSE_DEADLINE.endsAt);
      expect(nextDeadline(stateOf(histories.acknowledged))).toEqual(RESOLUTION_DEADLINE.endsAt);
      expect(nextDeadline(stateOf(histories.resolved))).toBeUndefined();
    });
  });

  describe('basis of the decision events', () => {
    it('the filing and the escalation cite the SLA table; closing, merge and spam the BR-23 rules; handling nothing', () => {
      expect(basisOf(complaintFiled())).toEqual({ ruleBook: 'complaint-sla.surabaya@1', articles: ['BR-23'] });
      expect(basisOf(complaintEscalated())).toEqual({ ruleBook: 'complaint-sla.surabaya@1', articles: ['BR-23', 'policy:complaint.escalation'] });
      expect(basisOf(complaintClosed())?.ruleBook).toBe('br-23-complaint@1');
      expect(basisOf(complaintRejectedAsSpam())?.articles).toEqual(['BR-23', 'policy:complaint.spam']);
      expect(basisOf(complaintMergedAsDuplicate())?.articles).toContain('BR-23');
      for (const e of [complaintAcknowledged(), complaintAssigned(), complaintResponded(), complaintResolved(), complaintReopened()])
        expect(basisOf(e)).toBeUndefined();
    });
  });

  describe('the edges', () => {
    it('a client sends no complaint id, tracking code or facts: the engine derives and fills them', () => {
      const { complaint, trackingCode, facts, ...request } = fileComplaint().data;
      expect(isRight(FileComplaintRequestCodec.decode(request))).toBe(true);
      expect(isLeft(FileComplaintRequestCodec.decode({ ...request, complaint }))).toBe(true);
      expect(isLeft(FileComplaintRequestCodec.decode({ ...request, trackingCode }))).toBe(true);
      expect(isLeft(FileComplaintRequestCodec.decode({ ...request, facts }))).toBe(true);
      expect(isRight(FileComplaintCodec.decode(FileComplaintCodec.encode(fileComplaint({ facts: FACTS }))))).toBe(true);
    });

    it('describes the tracking code, phone and e-mail in JSON Schema as loosely as the codecs accept them (OpenAPI)', () => {
      const pattern = (codec: Parameters<typeof toJsonSchema>[0]) => new RegExp(String(toJsonSchema(codec)['pattern']));
      expect(pattern(TrackingCode).test(' 7k3m-q9xd-2hrt ')).toBe(true);
      expect(pattern(TrackingCode).test('7K3M-Q9XD')).toBe(false);
      expect(pattern(PhoneNumber).test('+62 812-3456-7890')).toBe(true);
      expect(pattern(EmailAddress).test('warga@example.id')).toBe(true);
    });

    it('refuses a phone number or e-mail address that is not one', () => {
      const { complaint: _c, trackingCode: _t, facts: _f, ...request } = fileComplaint().data;
      expect(isLeft(FileComplaintRequestCodec.decode({ ...request, contact: { phone: 'call me' } }))).toBe(true);
      expect(isLeft(FileComplaintRequestCodec.decode({ ...request, contact: { email: 'siti at example' } }))).toBe(true);
      expect(isRight(FileComplaintRequestCodec.decode({ ...request, contact: { email: 'siti@example.id' } }))).toBe(true);
    });

    it('derives the complaint id and tracking code from a digest, the same every time, each from its own bits', () => {
      const digest = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
      const identity = complaintIdentityOf(digest);
      expect(identity).toEqual(complaintIdentityOf(digest.toUpperCase()));
      expect(identity?.complaint).toBe('adu-0123456789ab');
      expect(isRight(TrackingCode.decode(identity?.trackingCode))).toBe(true);
      // Changing a digit of the code's part changes the code, not the id.
      const other = complaintIdentityOf(`${digest.slice(0, 20)}0${digest.slice(21)}`);
      expect(other?.complaint).toBe(identity?.complaint);
      expect(other?.trackingCode).not.toBe(identity?.trackingCode);
      expect(complaintIdentityOf('xyz')).toBeUndefined();
    });
  });

  it('specifies every command and every refusal', () => {
    const tags: Record<ComplaintErrorTag, null> = {
      ComplaintNotFiled: null,
      ComplaintAlreadyFiled: null,
      ComplaintFinished: null,
      WrongComplaint: null,
      RoleNotAllowed: null,
      NotTheAssignee: null,
      NotSystem: null,
      WrongTrackingCode: null,
      NoWayToReachCitizen: null,
      SlaClassMissing: null,
      CalendarNotCovering: null,
      AlreadyAcknowledged: null,
      NotAcknowledged: null,
      AlreadyResponded: null,
      NotResponded: null,
      AlreadyResolved: null,
      NotResolved: null,
      AlreadyAssigned: null,
      ReopenWindowClosed: null,
      BlankText: null,
      SatisfactionOutOfRange: null,
      TooLateForSpam: null,
      MergeIntoItself: null,
      DeadlineNotPassed: null,
      AlreadyEscalated: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag))).toEqual([]);
    expect(Object.keys(complaintCommandCodecs).filter((type) => !successesSeen.has(type as ComplaintCommand['type']))).toEqual([]);
  });
});
