/**
 * Links from complaints to evaluation, with provenance, never automatic (DOMAIN.md §2.7, BR-23):
 *
 * - per employee: complaint-handling indicators (share answered within the SLA, mean time to first response, reopen
 *   rate as the accuracy proxy), and `indicatorEvidence`, which turns them into a piece of bukti dukung an
 *   appraiser may attach to an IKI's realisation (RecordRealisation / RecordEvaluationRealisation `evidence`);
 * - per unit and period: SLA compliance and mean satisfaction, offered as evidence to whoever sets the unit's
 *   organisational result (`unitEvidence`);
 * - for a named employee: a suggested Berorientasi Pelayanan feedback the appraiser may take into the behaviour
 *   rating (`serviceBehaviourFeedback`, `asPlanFeedback`).
 *
 * Every result lists the complaints and the event ids it was computed from. These functions return values for a
 * person to use; none returns a command, and nothing in the complaint domain sends one to an evaluation: a predikat
 * never changes because of a complaint (DOMAIN.md §2.7: no national rule does).
 *
 * The input is complaint events with their ids, in the order of the log (several complaints interleaved).
 */
import type { Nip, PlanId, UnitId } from '../core';
import type { CoreValue, Evidence } from '../plan/plan';
import { PLAN_TEXT_LIMITS } from '../plan/codecs';
import type { ComplaintEvent } from './complaint';
import type { ComplaintId } from './ids';

/** A complaint event as read from the log: its id (the provenance) and the event. */
export type SourcedComplaintEvent = Readonly<{ eventId: string; event: ComplaintEvent }>;

/** `[from, to)`: events whose instant is at or after `from` and before `to`. */
export type IndicatorWindow = Readonly<{ from: Date; to: Date }>;

/** Where a result came from: the complaints and the events counted (in log order, each once). */
export type IndicatorSources = Readonly<{ complaints: ReadonlyArray<ComplaintId>; events: ReadonlyArray<string> }>;

export type EmployeeComplaintIndicators = Readonly<{
  employee: Nip;
  window: IndicatorWindow | null;
  /** Responses given with the employee as handler, and how many came within the cycle's resolution deadline. */
  answered: number;
  answeredWithinSla: number;
  /** `answeredWithinSla / answered`; null when nothing was answered. */
  shareAnsweredWithinSla: number | null;
  /** First responses (acknowledgements) with the employee as handler, and their mean time from filing, in ms. */
  firstResponses: number;
  meanTimeToFirstResponseMs: number | null;
  /** Resolutions with the employee as handler, how many of them the citizen reopened, and the share (accuracy proxy). */
  resolved: number;
  reopened: number;
  reopenRate: number | null;
  sources: IndicatorSources;
}>;

export type UnitComplaintSummary = Readonly<{
  unit: UnitId;
  window: IndicatorWindow | null;
  filed: number;
  /** First responses, and how many met the first-response deadline (BR-23). */
  acknowledged: number;
  acknowledgedWithinSla: number;
  firstResponseCompliance: number | null;
  /** Resolutions, and how many met their cycle's resolution deadline (BR-23). */
  resolved: number;
  resolvedWithinSla: number;
  resolutionCompliance: number | null;
  escalated: number;
  /** Closings with a satisfaction rating (1–5), and their mean. */
  rated: number;
  meanSatisfaction: number | null;
  sources: IndicatorSources;
}>;

/** The signal the citizens' ratings give: a suggestion for the appraiser, never a rating. */
export const SERVICE_SIGNALS = ['positive', 'neutral', 'concern', 'no-ratings'] as const;
export type ServiceSignal = (typeof SERVICE_SIGNALS)[number];

export type ServiceBehaviourFeedback = Readonly<{
  employee: Nip;
  coreValue: Extract<CoreValue, 'berorientasi-pelayanan'>;
  window: IndicatorWindow | null;
  /** Complaints naming the employee, filed in the window, and how many of them were rejected as spam (not counted). */
  named: number;
  rejectedAsSpam: number;
  /** Closings of complaints naming the employee (spam excluded) and their satisfaction. */
  rated: number;
  meanSatisfaction: number | null;
  lowRatings: number;
  highRatings: number;
  signal: ServiceSignal;
  /** A note the appraiser may record as feedback on the plan (`asPlanFeedback`) or use in the behaviour rating. */
  note: string;
  sources: IndicatorSources;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

const inWindow = (window: IndicatorWindow | null, at: Date): boolean =>
  window === null || (at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime());

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Collects provenance: each complaint and event once, in the order first met. */
const provenance = () => {
  const complaints = new Set<ComplaintId>();
  const events = new Set<string>();
  return {
    add: (source: SourcedComplaintEvent): void => {
      complaints.add(source.event.data.complaint);
      events.add(source.eventId);
    },
    done: (): IndicatorSources => ({ complaints: [...complaints], events: [...events] }),
  };
};

/** A complaint's cycle, as a map key. */
const keyOf = (complaint: ComplaintId, cycle: number): string => `${complaint}#${cycle}`;

// ---------------------------------------------------------------------------------------------------------------
// Per employee
// ---------------------------------------------------------------------------------------------------------------

/**
 * The complaint-handling indicators of `employee` over the events in `window` (all when null). A resolution counts
 * as reopened when the citizen reopened that cycle, whenever (the reopening may fall after the window).
 */
export const employeeComplaintIndicators = (
  events: ReadonlyArray<SourcedComplaintEvent>,
  employee: Nip,
  window: IndicatorWindow | null = null,
): EmployeeComplaintIndicators => {
  const reopenings = new Map<string, SourcedComplaintEvent>();
  for (const source of events) {
    const e = source.event;
    // A reopening opens cycle n + 1 of the resolution of cycle n.
    if (e.type === 'ComplaintReopened') reopenings.set(keyOf(e.data.complaint, e.data.cycle - 1), source);
  }
  const from = provenance();
  let answered = 0;
  let answeredWithinSla = 0;
  let firstResponses = 0;
  let totalToFirstResponse = 0;
  let resolved = 0;
  let reopened = 0;
  for (const source of events) {
    const e = source.event;
    switch (e.type) {
      case 'ComplaintResponded':
        if (e.data.handler !== employee || !inWindow(window, e.data.at)) break;
        answered += 1;
        if (e.data.withinSla) answeredWithinSla += 1;
        from.add(source);
        break;
      case 'ComplaintAcknowledged':
        if (e.data.handler !== employee || !inWindow(window, e.data.at)) break;
        firstResponses += 1;
        totalToFirstResponse += e.data.at.getTime() - e.data.receivedAt.getTime();
        from.add(source);
        break;
      case 'ComplaintResolved': {
        if (e.data.handler !== employee || !inWindow(window, e.data.at)) break;
        resolved += 1;
        from.add(source);
        const reopening = reopenings.get(keyOf(e.data.complaint, e.data.cycle));
        if (reopening !== undefined) {
          reopened += 1;
          from.add(reopening);
        }
        break;
      }
      default:
        break;
    }
  }
  return {
    employee,
    window,
    answered,
    answeredWithinSla,
    shareAnsweredWithinSla: ratio(answeredWithinSla, answered),
    firstResponses,
    meanTimeToFirstResponseMs: firstResponses === 0 ? null : totalToFirstResponse / firstResponses,
    resolved,
    reopened,
    reopenRate: ratio(reopened, resolved),
    sources: from.done(),
  };
};

// ---------------------------------------------------------------------------------------------------------------
// Per unit and period
// ---------------------------------------------------------------------------------------------------------------

/** SLA compliance and satisfaction of `unit` over the events in `window` (all when null). */
export const unitComplaintSummary = (
  events: ReadonlyArray<SourcedComplaintEvent>,
  unit: UnitId,
  window: IndicatorWindow | null = null,
): UnitComplaintSummary => {
  const from = provenance();
  let filed = 0;
  let acknowledged = 0;
  let acknowledgedWithinSla = 0;
  let resolved = 0;
  let resolvedWithinSla = 0;
  let escalated = 0;
  let rated = 0;
  let totalSatisfaction = 0;
  for (const source of events) {
    const e = source.event;
    if (e.data.unit !== unit || !inWindow(window, e.data.at)) continue;
    switch (e.type) {
      case 'ComplaintFiled':
        filed += 1;
        break;
      case 'ComplaintAcknowledged':
        acknowledged += 1;
        if (e.data.withinSla) acknowledgedWithinSla += 1;
        break;
      case 'ComplaintResolved':
        resolved += 1;
        if (e.data.withinSla) resolvedWithinSla += 1;
        break;
      case 'ComplaintEscalated':
        escalated += 1;
        break;
      case 'ComplaintClosed':
        rated += 1;
        totalSatisfaction += e.data.satisfaction;
        break;
      default:
        continue;
    }
    from.add(source);
  }
  return {
    unit,
    window,
    filed,
    acknowledged,
    acknowledgedWithinSla,
    firstResponseCompliance: ratio(acknowledgedWithinSla, acknowledged),
    resolved,
    resolvedWithinSla,
    resolutionCompliance: ratio(resolvedWithinSla, resolved),
    escalated,
    rated,
    meanSatisfaction: rated === 0 ? null : totalSatisfaction / rated,
    sources: from.done(),
  };
};

// ---------------------------------------------------------------------------------------------------------------
// Behaviour feedback for a named employee
// ---------------------------------------------------------------------------------------------------------------

/** Mean satisfaction at or above this is a positive signal, at or below `CONCERN_AT_OR_BELOW` a concern. */
export const POSITIVE_AT_OR_ABOVE = 4;
export const CONCERN_AT_OR_BELOW = 2;

const signalOf = (rated: number, mean: number | null): ServiceSignal =>
  rated === 0 || mean === null ? 'no-ratings' : mean >= POSITIVE_AT_OR_ABOVE ? 'positive' : mean <= CONCERN_AT_OR_BELOW ? 'concern' : 'neutral';

const day = (d: Date): string => d.toISOString().slice(0, 10);
const windowText = (window: IndicatorWindow | null): string =>
  window === null ? 'all recorded complaints' : `${day(window.from)} to ${day(new Date(window.to.getTime() - 1))}`;
const round = (n: number, digits: number): string => n.toFixed(digits).replace(/\.?0+$/, '');

/**
 * A suggested Berorientasi Pelayanan feedback for `employee` from the complaints that name them: filings in
 * `window`, and the citizens' ratings on closing in `window`. Complaints rejected as spam do not count. The appraiser
 * decides whether and how it enters the behaviour rating.
 */
export const serviceBehaviourFeedback = (
  events: ReadonlyArray<SourcedComplaintEvent>,
  employee: Nip,
  window: IndicatorWindow | null = null,
): ServiceBehaviourFeedback => {
  const spam = new Set<ComplaintId>();
  for (const { event } of events) if (event.type === 'ComplaintRejectedAsSpam') spam.add(event.data.complaint);
  const from = provenance();
  let named = 0;
  let rejectedAsSpam = 0;
  let rated = 0;
  let total = 0;
  let lowRatings = 0;
  let highRatings = 0;
  for (const source of events) {
    const e = source.event;
    if (e.data.namedEmployee !== employee || !inWindow(window, e.data.at)) continue;
    if (e.type === 'ComplaintFiled') {
      named += 1;
      if (spam.has(e.data.complaint)) rejectedAsSpam += 1;
      else from.add(source);
    } else if (e.type === 'ComplaintClosed' && !spam.has(e.data.complaint)) {
      rated += 1;
      total += e.data.satisfaction;
      if (e.data.satisfaction <= CONCERN_AT_OR_BELOW) lowRatings += 1;
      if (e.data.satisfaction >= POSITIVE_AT_OR_ABOVE) highRatings += 1;
      from.add(source);
    }
  }
  const meanSatisfaction = rated === 0 ? null : total / rated;
  const signal = signalOf(rated, meanSatisfaction);
  const counted = named - rejectedAsSpam;
  const ratings =
    meanSatisfaction === null
      ? 'none rated by the citizen'
      : `${rated} rated by the citizen, mean satisfaction ${round(meanSatisfaction, 2)}/5 (${lowRatings} rated 1-2, ${highRatings} rated 4-5)`;
  const note =
    `Public feedback on Berorientasi Pelayanan, ${windowText(window)}: named in ${counted} complaint${counted === 1 ? '' : 's'}` +
    `${rejectedAsSpam > 0 ? ` (${rejectedAsSpam} more rejected as spam, not counted)` : ''}; ${ratings}. Signal: ${signal}. ` +
    'A suggestion from complaint records, not a rating: the appraiser decides the behaviour rating (BR-23, DOMAIN.md §2.7).';
  return {
    employee,
    coreValue: 'berorientasi-pelayanan',
    window,
    named,
    rejectedAsSpam,
    rated,
    meanSatisfaction,
    lowRatings,
    highRatings,
    signal,
    note,
    sources: from.done(),
  };
};

/** The data of a plan's RecordFeedback for `feedback`, for the appraiser to send (or not): kind `feedback`. */
export const asPlanFeedback = (
  feedback: ServiceBehaviourFeedback,
  plan: PlanId,
): Readonly<{ plan: PlanId; kind: 'feedback'; note: string }> => ({
  plan,
  kind: 'feedback',
  note: clip(`${feedback.note} Sources: ${sourceList(feedback.sources)}.`, PLAN_TEXT_LIMITS.note),
});

// ---------------------------------------------------------------------------------------------------------------
// Evidence (bukti dukung) in the shape the plan's and the evaluation's realisations accept
// ---------------------------------------------------------------------------------------------------------------

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The complaint ids, as many as fit; the rest counted. */
const sourceList = (sources: IndicatorSources, max = 12): string => {
  const shown = sources.complaints.slice(0, max).join(', ');
  const more = sources.complaints.length - max;
  return sources.complaints.length === 0 ? 'none' : more > 0 ? `${shown} and ${more} more` : shown;
};

const percent = (share: number | null): string => (share === null ? 'n/a' : `${round(share * 100, 1)}%`);
const hoursOf = (ms: number | null): string => (ms === null ? 'n/a' : `${round(ms / 3_600_000, 1)} h`);
const windowRef = (window: IndicatorWindow | null): string =>
  window === null ? 'all' : `${window.from.toISOString()}..${window.to.toISOString()}`;

/**
 * A piece of bukti dukung from an employee's indicators, for an appraiser to attach to an IKI's realisation
 * (`RecordRealisation.evidence` on the plan, `RecordEvaluationRealisation.evidence` on the evaluation): `ref` names
 * what it was computed from (employee, window, number of source events), `description` states the numbers and the
 * complaints. Within the plan's limits (ref ≤ 500, description ≤ 1000 characters).
 */
export const indicatorEvidence = (indicators: EmployeeComplaintIndicators): Evidence => ({
  ref: clip(
    `pengaduan:indikator:${indicators.employee}:${windowRef(indicators.window)}:${indicators.sources.events.length}-events`,
    PLAN_TEXT_LIMITS.evidenceRef,
  ),
  description: clip(
    `Complaint handling (BR-23), ${windowText(indicators.window)}: ${indicators.answered} answered, ` +
      `${percent(indicators.shareAnsweredWithinSla)} within SLA; ${indicators.firstResponses} first responses, ` +
      `mean ${hoursOf(indicators.meanTimeToFirstResponseMs)} to first response; ${indicators.resolved} resolved, ` +
      `${indicators.reopened} reopened (reopen rate ${percent(indicators.reopenRate)}). Complaints: ${sourceList(indicators.sources)}.`,
    PLAN_TEXT_LIMITS.description,
  ),
});

/** A piece of evidence from a unit's summary, for whoever sets the unit's organisational result. */
export const unitEvidence = (summary: UnitComplaintSummary): Evidence => ({
  ref: clip(`pengaduan:unit:${summary.unit}:${windowRef(summary.window)}:${summary.sources.events.length}-events`, PLAN_TEXT_LIMITS.evidenceRef),
  description: clip(
    `Complaints about ${summary.unit} (BR-23), ${windowText(summary.window)}: ${summary.filed} filed; first response within SLA ` +
      `${percent(summary.firstResponseCompliance)} of ${summary.acknowledged}; resolved within SLA ` +
      `${percent(summary.resolutionCompliance)} of ${summary.resolved}; ${summary.escalated} escalated; mean satisfaction ` +
      `${summary.meanSatisfaction === null ? 'n/a' : `${round(summary.meanSatisfaction, 2)}/5`} from ${summary.rated} ratings. ` +
      `Complaints: ${sourceList(summary.sources)}.`,
    PLAN_TEXT_LIMITS.description,
  ),
});
