/**
 * BR-23 paths: a citizen reopens a resolved complaint with the tracking code (a new cycle with its own deadline,
 * escalated by the timer when it passes), and Surabaya's timer escalates an unanswered complaint to the mayor after
 * 48 hours, then its overdue resolution. What the paths leave behind feeds the employee's and the unit's indicators,
 * as evidence with provenance; nothing in them changes a predikat (DOMAIN.md §2.7).
 */
import {
  dueComplaint,
  employeeComplaintIndicators,
  indicatorEvidence,
  unitComplaintSummary,
  type ComplaintCommand,
  type SourcedComplaintEvent,
  type TrackingCode,
} from '@kinerja/domain';
import {
  acknowledge,
  assign,
  close,
  COMPLAINT,
  filedIn,
  last,
  OFFICER,
  OPERATOR,
  refusalOn,
  reopen,
  resolve,
  respond,
  SYSTEM,
  UNIT,
  type ComplaintStream,
} from './complaint-fixtures';

const dueAt = (stream: ComplaintStream, at: string): ReadonlyArray<ComplaintCommand> => dueComplaint(new Date(at), stream.state, SYSTEM);
const sourced = (stream: ComplaintStream): ReadonlyArray<SourcedComplaintEvent> =>
  stream.events.map((event, i) => ({ eventId: `${COMPLAINT}#${i}`, event }));

describe('BR-23 reopening: Palembang, Dinas Perhubungan', () => {
  /** Filed Monday 6 October 2025 09:00 WIB, answered, resolved Thursday 9 October 10:00 (reopenable to 23 October). */
  const resolved = () => {
    const stream = filedIn('palembang', '2025-10-06T09:00:00+07:00');
    stream.apply(acknowledge('2025-10-06T13:00:00+07:00'));
    stream.apply(assign('2025-10-06T14:00:00+07:00'));
    stream.apply(respond('2025-10-08T10:00:00+07:00'));
    stream.apply(resolve('palembang', '2025-10-09T10:00:00+07:00'));
    return stream;
  };

  it('the citizen reopens with the tracking code: cycle 2, its resolution deadline counted from the reopening', () => {
    const stream = resolved();
    expect(last(stream, 'ComplaintResolved').data.reopenDeadline.endsAt).toEqual(new Date('2025-10-23T23:59:59.999+07:00'));
    stream.apply(reopen('palembang', '2025-10-13T08:00:00+07:00'));
    // Monday 13 October + 5 working days: 14, 15, 16, 17, 20.
    expect(last(stream, 'ComplaintReopened').data).toMatchObject({
      cycle: 2,
      previousHandler: OFFICER.nip,
      resolutionDeadline: { endsAt: new Date('2025-10-20T23:59:59.999+07:00'), days: 5, kind: 'working' },
    });
    expect(stream.state.status).toBe('reopened');
  });

  it('is refused with a wrong tracking code, and after the reopen window', () => {
    expect(refusalOn(resolved, reopen('palembang', '2025-10-13T08:00:00+07:00', 'AAAA-BBBB-CCCC' as TrackingCode))).toBe('WrongTrackingCode');
    expect(refusalOn(resolved, reopen('palembang', '2025-10-23T23:59:00+07:00'))).toBeUndefined();
    expect(refusalOn(resolved, reopen('palembang', '2025-10-24T00:00:00+07:00'))).toBe('ReopenWindowClosed');
  });

  it('the timer escalates the second cycle once its deadline passes; the officer finishes late; the citizen rates it', () => {
    const stream = resolved();
    stream.apply(reopen('palembang', '2025-10-13T08:00:00+07:00'));
    expect(dueAt(stream, '2025-10-20T23:59:00+07:00')).toEqual([]);
    const due = dueAt(stream, '2025-10-21T00:00:00+07:00');
    expect(due.map((c) => c.type === 'EscalateComplaint' && c.data.deadlineKind)).toEqual(['resolution']);
    for (const command of due) stream.apply(command);
    expect(last(stream, 'ComplaintEscalated').data).toMatchObject({ cycle: 2, to: 'pimpinan-unit', assignee: OFFICER.nip });
    expect(dueAt(stream, '2025-10-21T00:00:00+07:00')).toEqual([]);

    stream.apply(respond('2025-10-21T09:00:00+07:00'));
    stream.apply(resolve('palembang', '2025-10-22T09:00:00+07:00'));
    expect(last(stream, 'ComplaintResolved').data).toMatchObject({ cycle: 2, withinSla: false });
    stream.apply(close('2025-10-23T09:00:00+07:00', 3));
    expect(stream.state.status).toBe('closed');

    // The officer's record: two answers, one in time; two resolutions, one reopened.
    const indicators = employeeComplaintIndicators(sourced(stream), OFFICER.nip);
    expect(indicators).toMatchObject({ answered: 2, answeredWithinSla: 1, resolved: 2, reopened: 1, reopenRate: 0.5 });
    expect(indicators.sources.complaints).toEqual([COMPLAINT]);
    const evidence = indicatorEvidence(indicators);
    expect(evidence.description).toContain('2 answered, 50% within SLA');
    expect(evidence.description).toContain('reopen rate 50%');
  });
});

describe('BR-23 escalation: Surabaya, unanswered after 48 hours goes to the mayor', () => {
  it('the timer escalates the first response after 48 hours, then the overdue resolution; each once', () => {
    const stream = filedIn('surabaya', '2025-10-10T10:00:00+07:00');
    expect(dueAt(stream, '2025-10-12T10:00:00+07:00')).toEqual([]);
    const first = dueAt(stream, '2025-10-12T10:01:00+07:00');
    expect(first).toHaveLength(1);
    for (const command of first) stream.apply(command);
    expect(last(stream, 'ComplaintEscalated').data).toMatchObject({ deadlineKind: 'first-response', to: 'walikota' });
    expect(dueAt(stream, '2025-10-12T10:01:00+07:00')).toEqual([]);

    // Answered on Monday, late; still unresolved when normatif's 5 working days end (Friday 17 October).
    stream.apply(acknowledge('2025-10-13T08:00:00+07:00'));
    expect(last(stream, 'ComplaintAcknowledged').data.withinSla).toBe(false);
    expect(dueAt(stream, '2025-10-17T23:59:59.999+07:00')).toEqual([]);
    const second = dueAt(stream, '2025-10-18T00:00:00+07:00');
    expect(second.map((c) => c.type === 'EscalateComplaint' && c.data.deadlineKind)).toEqual(['resolution']);
    for (const command of second) stream.apply(command);

    stream.apply(respond('2025-10-20T09:00:00+07:00', OPERATOR));
    stream.apply(resolve('surabaya', '2025-10-20T15:00:00+07:00', OPERATOR));
    expect(dueAt(stream, '2025-12-01T00:00:00+07:00')).toEqual([]);

    const summary = unitComplaintSummary(sourced(stream), UNIT);
    expect(summary).toMatchObject({ filed: 1, escalated: 2, firstResponseCompliance: 0, resolutionCompliance: 0 });
    expect(summary.sources.events).toHaveLength(5);
  });
});
