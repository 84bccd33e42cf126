import fc from 'fast-check';
import { ComplaintEventCodec, employeeComplaintIndicators, unitComplaintSummary, type ComplaintEvent } from '@kinerja/domain';
import {
  arbLifecycle,
  COMPLAINT,
  CONTACT,
  histories,
  NAMED,
  OFFICER,
  OFFICER_2,
  OPERATOR,
  run,
  toClosedAfterReopen,
  TRACKING,
  UNIT,
  UNIT_HEAD,
} from '../../../domain/src/complaint/complaint.testkit';
import { READ_MODELS } from './index';
import { complaintSlaByEmployee, complaintSlaByUnit } from './complaints';
import { deadlinesDue } from './work-queues';
import { applyEvents, createReadModelDb, dumpRows, envelopeFactory, envelopesOf } from './read-models.testkit';

const tenant = 'surabaya';
const streamId = `pengaduan-${tenant}.${COMPLAINT}`;

const project = (events: ReadonlyArray<ComplaintEvent>) => {
  const envelopes = envelopesOf(envelopeFactory(), ComplaintEventCodec, events, { tenant, streamId });
  const db = createReadModelDb(READ_MODELS);
  applyEvents(db, READ_MODELS, envelopes);
  const sourced = envelopes.map((e, i) => ({ eventId: e.eventId, event: events[i] as ComplaintEvent }));
  return { db, sourced };
};

const EMPLOYEES = [OFFICER, OFFICER_2, NAMED, UNIT_HEAD, OPERATOR];

describe('complaint SLA per unit and per employee (BR-23)', () => {
  it('agrees with the domain’s unitComplaintSummary and employeeComplaintIndicators on any lifecycle', () => {
    fc.assert(
      fc.property(arbLifecycle, (commands) => {
        const { events } = run(commands);
        const { db, sourced } = project(events);
        const summary = unitComplaintSummary(sourced, UNIT);
        const [unit] = complaintSlaByUnit(db, { tenant });
        expect({
          filed: unit?.filed ?? 0,
          acknowledged: unit?.acknowledged ?? 0,
          acknowledgedWithinSla: unit?.acknowledgedWithinSla ?? 0,
          resolved: unit?.resolved ?? 0,
          resolvedWithinSla: unit?.resolvedWithinSla ?? 0,
          escalated: unit?.escalated ?? 0,
          rated: unit?.rated ?? 0,
          meanSatisfaction: unit?.meanSatisfaction ?? null,
        }).toEqual({
          filed: summary.filed,
          acknowledged: summary.acknowledged,
          acknowledgedWithinSla: summary.acknowledgedWithinSla,
          resolved: summary.resolved,
          resolvedWithinSla: summary.resolvedWithinSla,
          escalated: summary.escalated,
          rated: summary.rated,
          meanSatisfaction: summary.meanSatisfaction,
        });
        const rows = complaintSlaByEmployee(db, { tenant });
        for (const employee of EMPLOYEES) {
          const expected = employeeComplaintIndicators(sourced, employee);
          const row = rows.find((r) => r.employee === employee);
          expect({
            answered: row?.answered ?? 0,
            answeredWithinSla: row?.answeredWithinSla ?? 0,
            firstResponses: row?.firstResponses ?? 0,
            meanTimeToFirstResponseMs: row?.meanTimeToFirstResponseMs ?? null,
            resolved: row?.resolved ?? 0,
            reopened: row?.reopened ?? 0,
          }).toEqual({
            answered: expected.answered,
            answeredWithinSla: expected.answeredWithinSla,
            firstResponses: expected.firstResponses,
            meanTimeToFirstResponseMs: expected.meanTimeToFirstResponseMs,
            resolved: expected.resolved,
            reopened: expected.reopened,
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a reopened resolution counts against its handler; the named employee sees the citizens’ satisfaction', () => {
    const { events } = run(toClosedAfterReopen);
    const { db } = project(events);
    const officer = complaintSlaByEmployee(db, { tenant, employee: OFFICER });
    expect(officer).toEqual([expect.objectContaining({ resolved: 2, reopened: 1, reopenRate: 0.5 })]);
    expect(complaintSlaByEmployee(db, { tenant, employee: NAMED })).toEqual([expect.objectContaining({ named: 1, namedMeanSatisfaction: 3 })]);
    expect(complaintSlaByUnit(db, { tenant, unit: UNIT })).toEqual([expect.objectContaining({ filed: 1, open: 0, rated: 1, meanSatisfaction: 3 })]);
  });

  it('no read model keeps the citizen’s contact details or tracking code', () => {
    const { db } = project([...histories.closed]);
    const everything = JSON.stringify(dumpRows(db, READ_MODELS));
    for (const secret of [CONTACT.name, CONTACT.phone, TRACKING]) expect(everything).not.toContain(secret);
    expect(everything).toContain(COMPLAINT);
  });

  it('work queue: open complaint deadlines belong to the assignee, else to the unit head (role); answered ones leave', () => {
    const deadlines = (events: ReadonlyArray<ComplaintEvent>) =>
      deadlinesDue(project(events).db, { tenant, to: '2026-01-01T00:00:00Z' }).map((d) => [d.kind, d.owner, d.ownerRole]);
    expect(deadlines(histories.filed)).toEqual([
      ['first-response', null, 'pimpinan-unit'],
      ['resolution', null, 'pimpinan-unit'],
    ]);
    expect(deadlines(histories.assigned)).toEqual([['resolution', OFFICER, null]]);
    expect(deadlines(histories.resolved)).toEqual([]);
    expect(deadlines(histories.reopened)).toEqual([['resolution', OFFICER, null]]);
    expect(deadlines(histories.spam)).toEqual([]);
  });
});
