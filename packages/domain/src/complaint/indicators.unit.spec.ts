import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { PlanId, UnitId, type Nip } from '../core';
import { evaluationCommandCodecs } from '../evaluation/codecs';
import { planCommandCodecs, RecordFeedbackCodec, RecordRealisationCodec } from '../plan/codecs';
import { unitPeriodCommandCodecs } from '../unit-period/codecs';
import type { ComplaintEvent } from './complaint';
import { due } from './decide';
import {
  asPlanFeedback,
  employeeComplaintIndicators,
  indicatorEvidence,
  serviceBehaviourFeedback,
  unitComplaintSummary,
  unitEvidence,
  type IndicatorWindow,
  type SourcedComplaintEvent,
} from './indicators';
import type { ComplaintId } from './ids';
import {
  arbEvent,
  arbLifecycle,
  arbPlausibleCommands,
  CLOSED_AT,
  complaintAcknowledged,
  complaintAssigned,
  complaintClosed,
  complaintFiled,
  complaintRejectedAsSpam,
  complaintReopened,
  complaintResolved,
  complaintResponded,
  COMPLAINT,
  MOMENTS,
  NAMED,
  OFFICER,
  OFFICER_2,
  OPERATOR,
  OTHER_COMPLAINT,
  run,
  SYSTEM,
  UNIT,
  UNIT_HEAD,
  valid,
} from './complaint.testkit';
import { ComplaintId as ComplaintIdCodec } from './ids';

const THIRD = valid(ComplaintIdCodec, 'adu-333333333333');
const PLAN = valid(PlanId, `${OFFICER}.2025`);
const at = (iso: string) => new Date(iso);
const sourced = (events: ReadonlyArray<ComplaintEvent>, prefix = 'e'): ReadonlyArray<SourcedComplaintEvent> =>
  events.map((event, i) => ({ eventId: `${prefix}${i}`, event }));
/** The same history about another complaint (events name their complaint). */
const about = (complaint: ComplaintId, events: ReadonlyArray<ComplaintEvent>): ReadonlyArray<ComplaintEvent> =>
  events.map((e) => ({ ...e, data: { ...e.data, complaint } }) as ComplaintEvent);

/**
 * Three complaints about the unit in October 2025, all handled by OFFICER:
 * - COMPLAINT: acknowledged by the operator after 23 h, answered and resolved in time, closed 4/5;
 * - OTHER_COMPLAINT: answered late, resolved, reopened by the citizen, answered again in time, resolved, closed 2/5;
 * - THIRD: named NAMED, rejected as spam.
 */
const HISTORY: ReadonlyArray<ComplaintEvent> = [
  complaintFiled(),
  complaintAcknowledged(),
  complaintAssigned(),
  ...about(OTHER_COMPLAINT, [complaintFiled(), complaintAcknowledged({ now: at('2025-10-07T10:00:00+07:00') }), complaintAssigned()]),
  complaintResponded(),
  complaintResolved(),
  complaintClosed(),
  ...about(OTHER_COMPLAINT, [
    complaintResponded({ now: at('2025-10-14T09:00:00+07:00'), withinSla: false }),
    complaintResolved({ now: at('2025-10-14T10:00:00+07:00'), withinSla: false }),
    complaintReopened({ now: at('2025-10-15T08:00:00+07:00') }),
    complaintResponded({ cycle: 2, now: at('2025-10-16T08:00:00+07:00') }),
    complaintResolved({ cycle: 2, now: at('2025-10-17T08:00:00+07:00') }),
    complaintClosed({ cycle: 2, satisfaction: 2, now: at('2025-10-18T08:00:00+07:00') }),
  ]),
  ...about(THIRD, [complaintFiled(), complaintRejectedAsSpam()]),
];
const SOURCES = sourced(HISTORY);
const OCTOBER: IndicatorWindow = { from: at('2025-10-01T00:00:00+07:00'), to: at('2025-11-01T00:00:00+07:00') };

describe('complaint indicators: evidence for evaluation, with provenance, never automatic (BR-23, DOMAIN.md §2.7)', () => {
  it('per employee: share answered within SLA, mean time to first response, reopen rate, and the events they came from', () => {
    const officer = employeeComplaintIndicators(SOURCES, OFFICER, OCTOBER);
    expect(officer).toMatchObject({
      answered: 3,
      answeredWithinSla: 2,
      shareAnsweredWithinSla: 2 / 3,
      firstResponses: 0,
      meanTimeToFirstResponseMs: null,
      resolved: 3,
      reopened: 1,
      reopenRate: 1 / 3,
    });
    expect(officer.sources.complaints).toEqual([COMPLAINT, OTHER_COMPLAINT]);
    // The responses (6, 9, 12), the resolutions (7, 10, 13) and the reopening of OTHER_COMPLAINT's first cycle (11).
    expect([...officer.sources.events].sort()).toEqual(['e6', 'e9', 'e12', 'e7', 'e10', 'e13', 'e11'].sort());

    // The operator acknowledged both before anyone was assigned: 23 h and 24 h after filing.
    const operator = employeeComplaintIndicators(SOURCES, OPERATOR, OCTOBER);
    expect(operator.firstResponses).toBe(2);
    expect(operator.meanTimeToFirstResponseMs).toBe(23.5 * 3_600_000);
    expect(operator.answered).toBe(0);
    expect(operator.shareAnsweredWithinSla).toBeNull();
  });

  it('a window counts the events in it only', () => {
    const firstWeek = { from: OCTOBER.from, to: at('2025-10-12T00:00:00+07:00') };
    expect(employeeComplaintIndicators(SOURCES, OFFICER, firstWeek)).toMatchObject({ answered: 1, resolved: 1, reopened: 0 });
  });

  it('per unit and period: SLA compliance, escalations and mean satisfaction', () => {
    const summary = unitComplaintSummary(SOURCES, UNIT, OCTOBER);
    expect(summary).toMatchObject({
      filed: 3,
      acknowledged: 2,
      acknowledgedWithinSla: 2,
      firstResponseCompliance: 1,
      resolved: 3,
      resolvedWithinSla: 2,
      resolutionCompliance: 2 / 3,
      escalated: 0,
      rated: 2,
      meanSatisfaction: 3,
    });
    expect(summary.sources.complaints).toEqual([COMPLAINT, OTHER_COMPLAINT, THIRD]);
    expect(unitComplaintSummary(SOURCES, valid(UnitId, 'dinas-lain'), OCTOBER).filed).toBe(0);
  });

  it('for a named employee: a suggested Berorientasi Pelayanan feedback, spam not counted', () => {
    const feedback = serviceBehaviourFeedback(SOURCES, NAMED, OCTOBER);
    expect(feedback).toMatchObject({
      coreValue: 'berorientasi-pelayanan',
      named: 3,
      rejectedAsSpam: 1,
      rated: 2,
      meanSatisfaction: 3,
      lowRatings: 1,
      highRatings: 1,
      signal: 'neutral',
    });
    expect(feedback.note).toContain('named in 2 complaints (1 more rejected as spam, not counted)');
    expect(feedback.note).toContain('the appraiser decides the behaviour rating');
    expect(feedback.sources.complaints).not.toContain(THIRD);
    expect(serviceBehaviourFeedback(SOURCES, OFFICER_2, OCTOBER).signal).toBe('no-ratings');
  });

  it('turns indicators into bukti dukung the plan and the evaluation accept as realisation evidence', () => {
    const evidence = indicatorEvidence(employeeComplaintIndicators(SOURCES, OFFICER, OCTOBER));
    expect(evidence.ref).toBe(`pengaduan:indikator:${OFFICER}:2025-09-30T17:00:00.000Z..2025-10-31T17:00:00.000Z:7-events`);
    expect(evidence.description).toContain('3 answered, 66.7% within SLA');
    expect(evidence.description).toContain('reopen rate 33.3%');
    expect(evidence.description).toContain(`Complaints: ${COMPLAINT}, ${OTHER_COMPLAINT}.`);
    const realisation = {
      type: 'RecordRealisation',
      data: { plan: PLAN, iki: 'IKI-1', realised: { kuantitas: 3 }, evidence: [evidence, unitEvidence(unitComplaintSummary(SOURCES, UNIT))] },
      metadata: { now: CLOSED_AT.toISOString(), actor: { nip: UNIT_HEAD, role: 'pejabat-penilai' } },
    };
    expect(isRight(RecordRealisationCodec.decode(realisation))).toBe(true);
    const feedback = asPlanFeedback(serviceBehaviourFeedback(SOURCES, NAMED, OCTOBER), PLAN);
    const record = { type: 'RecordFeedback', data: feedback, metadata: realisation.metadata };
    expect(isRight(RecordFeedbackCodec.decode(record))).toBe(true);
  });

  it('evidence stays within the plan’s limits however many complaints there are', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      about(valid(ComplaintIdCodec, `adu-${String(i).padStart(12, '0')}`), [complaintFiled(), complaintResponded()]),
    ).flat();
    const evidence = indicatorEvidence(employeeComplaintIndicators(sourced(many), OFFICER));
    expect(evidence.ref.length).toBeLessThanOrEqual(500);
    expect(evidence.description?.length ?? 0).toBeLessThanOrEqual(1000);
    expect(evidence.description).toContain('and 288 more');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

const PEOPLE: ReadonlyArray<Nip> = [OFFICER, OFFICER_2, OPERATOR, UNIT_HEAD, NAMED, SYSTEM];
const COMPLAINTS: ReadonlyArray<ComplaintId> = [COMPLAINT, OTHER_COMPLAINT, THIRD];

/** One to three decided histories about different complaints, interleaved at random, plus some arbitrary events. */
const arbSources: fc.Arbitrary<ReadonlyArray<SourcedComplaintEvent>> = fc
  .tuple(
    fc.array(fc.oneof(arbLifecycle, arbPlausibleCommands), { minLength: 1, maxLength: 3 }),
    fc.array(fc.nat(), { maxLength: 80 }),
    fc.array(arbEvent, { maxLength: 5 }),
  )
  .map(([histories, picks, noise]) => {
    const queues = histories.map((commands, i) => [...about(COMPLAINTS[i] ?? COMPLAINT, run(commands).events)]);
    const merged: ComplaintEvent[] = [];
    let p = 0;
    while (queues.some((q) => q.length > 0)) {
      const open = queues.filter((q) => q.length > 0);
      const queue = open[(picks[p++] ?? 0) % open.length];
      const next = queue?.shift();
      if (next !== undefined) merged.push(next);
    }
    return sourced([...merged, ...noise]);
  });
const arbWindow: fc.Arbitrary<IndicatorWindow | null> = fc.option(
  fc
    .tuple(fc.constantFrom(...MOMENTS), fc.constantFrom(...MOMENTS))
    .map(([a, b]) => (a.getTime() <= b.getTime() ? { from: a, to: b } : { from: b, to: a })),
  { nil: null },
);

type Of<T extends ComplaintEvent['type']> = Readonly<{ eventId: string; event: Extract<ComplaintEvent, { type: T }> }>;
const only = <T extends ComplaintEvent['type']>(sources: ReadonlyArray<SourcedComplaintEvent>, type: T): ReadonlyArray<Of<T>> =>
  sources.filter((s): s is Of<T> => s.event.type === type);
const within = (w: IndicatorWindow | null, d: Date) => w === null || (w.from <= d && d < w.to);
const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => expect([...a].sort()).toEqual([...new Set(b)].sort());

describe('complaint indicator laws', () => {
  it('the employee indicators from any sequence of complaint events equal a brute-force recount', () => {
    fc.assert(
      fc.property(arbSources, fc.constantFrom(...PEOPLE), arbWindow, (sources, employee, window) => {
        const got = employeeComplaintIndicators(sources, employee, window);
        const responses = only(sources, 'ComplaintResponded').filter((s) => s.event.data.handler === employee && within(window, s.event.data.at));
        const acks = only(sources, 'ComplaintAcknowledged').filter((s) => s.event.data.handler === employee && within(window, s.event.data.at));
        const resolutions = only(sources, 'ComplaintResolved').filter((s) => s.event.data.handler === employee && within(window, s.event.data.at));
        const reopeningOf = (r: Of<'ComplaintResolved'>) =>
          only(sources, 'ComplaintReopened').filter(
            (o) => o.event.data.complaint === r.event.data.complaint && o.event.data.cycle === r.event.data.cycle + 1,
          );
        const reopened = resolutions.filter((r) => reopeningOf(r).length > 0);
        expect(got.answered).toBe(responses.length);
        expect(got.answeredWithinSla).toBe(responses.filter((s) => s.event.data.withinSla).length);
        expect(got.shareAnsweredWithinSla).toBe(responses.length === 0 ? null : got.answeredWithinSla / responses.length);
        expect(got.firstResponses).toBe(acks.length);
        const waits = acks.map((s) => s.event.data.at.getTime() - s.event.data.receivedAt.getTime());
        if (acks.length === 0) expect(got.meanTimeToFirstResponseMs).toBeNull();
        else expect(got.meanTimeToFirstResponseMs).toBeCloseTo(waits.reduce((a, b) => a + b, 0) / acks.length, 3);
        expect(got.resolved).toBe(resolutions.length);
        expect(got.reopened).toBe(reopened.length);
        expect(got.reopenRate).toBe(resolutions.length === 0 ? null : reopened.length / resolutions.length);
        // Provenance: exactly the events counted, and their complaints.
        const counted = [...responses, ...acks, ...resolutions, ...reopened.flatMap((r) => reopeningOf(r).slice(-1))];
        sameSet(got.sources.events, counted.map((s) => s.eventId));
        sameSet(got.sources.complaints, counted.map((s) => s.event.data.complaint));
      }),
      { numRuns: 150 },
    );
  });

  it('the unit summary and the behaviour feedback equal a brute-force recount', () => {
    fc.assert(
      fc.property(arbSources, arbWindow, fc.constantFrom(...PEOPLE), (sources, window, employee) => {
        const mine = sources.filter((s) => s.event.data.unit === UNIT && within(window, s.event.data.at));
        const summary = unitComplaintSummary(sources, UNIT, window);
        const count = (type: ComplaintEvent['type'], also: (s: SourcedComplaintEvent) => boolean = () => true) =>
          mine.filter((s) => s.event.type === type && also(s)).length;
        const withinSla = (s: SourcedComplaintEvent) => 'withinSla' in s.event.data && s.event.data.withinSla;
        expect(summary.filed).toBe(count('ComplaintFiled'));
        expect(summary.acknowledgedWithinSla).toBe(count('ComplaintAcknowledged', withinSla));
        expect(summary.resolvedWithinSla).toBe(count('ComplaintResolved', withinSla));
        expect(summary.escalated).toBe(count('ComplaintEscalated'));
        const ratings = only(mine, 'ComplaintClosed').map((s) => s.event.data.satisfaction);
        expect(summary.rated).toBe(ratings.length);
        if (ratings.length > 0) expect(summary.meanSatisfaction).toBeCloseTo(ratings.reduce((a, b) => a + b, 0) / ratings.length, 9);

        const spam = new Set(only(sources, 'ComplaintRejectedAsSpam').map((s) => s.event.data.complaint));
        const naming = sources.filter((s) => s.event.data.namedEmployee === employee && within(window, s.event.data.at));
        const feedback = serviceBehaviourFeedback(sources, employee, window);
        expect(feedback.named).toBe(only(naming, 'ComplaintFiled').length);
        expect(feedback.rejectedAsSpam).toBe(only(naming, 'ComplaintFiled').filter((s) => spam.has(s.event.data.complaint)).length);
        const rated = only(naming, 'ComplaintClosed').filter((s) => !spam.has(s.event.data.complaint));
        expect(feedback.rated).toBe(rated.length);
        expect(feedback.lowRatings).toBe(rated.filter((s) => s.event.data.satisfaction <= 2).length);
        expect(feedback.highRatings).toBe(rated.filter((s) => s.event.data.satisfaction >= 4).length);
      }),
      { numRuns: 150 },
    );
  });

  it('a predikat never changes because of a complaint: no complaint decision, timer or indicator yields an evaluation command', () => {
    const forbidden = new Set([
      ...Object.keys(evaluationCommandCodecs),
      ...Object.keys(unitPeriodCommandCodecs),
      ...Object.keys(planCommandCodecs),
    ]);
    /** Every `type` anywhere in a value. */
    const typesIn = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(typesIn);
      if (value === null || typeof value !== 'object' || value instanceof Date) return [];
      const own = typeof (value as { type?: unknown }).type === 'string' ? [(value as { type: string }).type] : [];
      return [...own, ...Object.values(value).flatMap(typesIn)];
    };
    fc.assert(
      fc.property(arbSources, fc.array(fc.oneof(arbLifecycle, arbPlausibleCommands), { maxLength: 2 }), fc.constantFrom(...PEOPLE), (sources, histories, employee) => {
        const outputs: unknown[] = [
          employeeComplaintIndicators(sources, employee),
          unitComplaintSummary(sources, UNIT),
          serviceBehaviourFeedback(sources, employee),
          indicatorEvidence(employeeComplaintIndicators(sources, employee)),
          asPlanFeedback(serviceBehaviourFeedback(sources, employee), PLAN),
        ];
        for (const commands of histories) {
          const { steps, state } = run(commands);
          for (const step of steps)
            if ('events' in step.outcome) {
              for (const event of step.outcome.events) expect(event.type).toMatch(/^Complaint[A-Z]/);
              outputs.push(step.outcome.events);
            }
          for (const moment of MOMENTS) outputs.push(due(moment, state, { nip: SYSTEM, role: 'sistem' }));
        }
        for (const type of typesIn(outputs)) expect(forbidden.has(type)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
