/**
 * The discipline case (hukuman disiplin, PP 94/2021; DOMAIN.md §2.5; BR-14..BR-19, BR-22): one case against one
 * employee, its vocabulary, the facts the engine hands it, the facts that happen to it, the state those facts add up
 * to, and `evolve`.
 *
 * Lifecycle:
 *
 *   empty ─ReportBreach→ reported ─DecideSanction→ decided ─DeliverDecision→ delivered ─RecordServed→ served
 *            reported: SummonEmployee (1, 2), RecordSummonsIgnored,        │                 │
 *                      FormTimPemeriksa, RecordExamination                  │                 │
 *          reported ─DismissCase→ dismissed (no breach proven)              │                 │
 *          decided ─RecordDeliveryOverdue→ decided (escalated, BR-22)       │                 │
 *          delivered | served ─ApplyReviewOutcome→ delivered (new sanction) | annulled (membatalkan)
 *
 * A case opens from a superior's report, an operator's report from a complaint, the absence process manager
 * (BR-15, BR-16), or a report that a superior knew of a breach and did not act (BR-18). "Served" means the sanction
 * has run its course (dijalani); the decision reaching the employee is "delivered".
 */
import type { RecordedDeadline, TimeZone } from '../calendar';
import type { Event, LocalDate, Nip, TenantId, UnitId } from '../core';
import type { AuthorityScope, EmployeeGrade, OfficialRank } from './authority';
import type { DisciplineCaseId } from './ids';
import type { DisciplinePolicy } from './policy';
import { inForcePeriod, type InForce, type Sanction, type SanctionLevel } from './sanctions';

/** One stream per case, category first so that EventStoreDB's `$ce-disiplin` category stream sees every case. */
export const disciplineStreamId = (tenant: TenantId, id: DisciplineCaseId): string => `disiplin-${tenant}.${id}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Where a case comes from. */
export const BREACH_SOURCE_KINDS = ['superior', 'complaint', 'absence', 'superior-inaction'] as const;
export type BreachSourceKind = (typeof BREACH_SOURCE_KINDS)[number];

/** The absence rules a proposal rests on: cumulative days in a year (BR-15), or consecutive working days (BR-16). */
export const ABSENCE_RULES = ['BR-15', 'BR-16'] as const;
export type AbsenceRule = (typeof ABSENCE_RULES)[number];

/**
 * What the absence records showed when the process manager proposed a sanction: the unexcused working days of the
 * year (`dates`, oldest first), their count, the longest run of consecutive working days among them, and the
 * sanction the rule gives. For BR-16, `salaryStopsFrom` is the first day of the month after the run reached 10.
 */
export type AbsenceProposal = Readonly<{
  rule: AbsenceRule;
  year: number;
  unexcusedDays: number;
  consecutiveWorkingDays: number;
  dates: ReadonlyArray<LocalDate>;
  proposed: Sanction;
  salaryStopsFrom?: LocalDate;
}>;

export type BreachSource =
  | Readonly<{ kind: 'superior' }>
  | Readonly<{ kind: 'complaint'; complaint: string }>
  | (Readonly<{ kind: 'absence' }> & AbsenceProposal)
  /**
   * BR-18: the employee of this case is a superior who knew of the breach in `originalCase` (by
   * `originalEmployee`) and did not act; `originalSanction` is the sanction of that case, which this one must exceed.
   */
  | Readonly<{ kind: 'superior-inaction'; originalCase: DisciplineCaseId; originalEmployee: Nip; originalSanction: Sanction }>;

/** The elements a Tim Pemeriksa is made of (PP 94/2021): the superior, oversight, personnel; others may join. */
export const TIM_ELEMENTS = ['atasan', 'pengawasan', 'kepegawaian', 'lainnya'] as const;
export type TimElement = (typeof TIM_ELEMENTS)[number];
export const REQUIRED_TIM_ELEMENTS: ReadonlyArray<TimElement> = ['atasan', 'pengawasan', 'kepegawaian'];

export type TimMember = Readonly<{ nip: Nip; element: TimElement }>;

/** Who examined: the superior (atasan langsung or higher in the line) or the Tim Pemeriksa. */
export const EXAMINERS = ['atasan', 'tim-pemeriksa'] as const;
export type Examiner = (typeof EXAMINERS)[number];

/** Administrative review of a sanction decided elsewhere (BR-20 banding to BPASN, BR-21 keberatan to the PPK). */
export const REVIEW_SOURCES = ['keberatan', 'banding'] as const;
export type ReviewSource = (typeof REVIEW_SOURCES)[number];

export const REVIEW_OUTCOMES = [
  'memperkuat',
  'memperingan',
  'memperberat',
  'mengubah',
  'membatalkan',
  'deemed-granted',
] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The rule book of the administrative review (PP 79/2021), named in a review's basis. */
export const REVIEW_RULE_BOOK = 'pp-79-2021@1';

// ---------------------------------------------------------------------------------------------------------------
// Facts from outside the stream, filled in by the engine (ADR 0001, point 3)
// ---------------------------------------------------------------------------------------------------------------

/** What the roster says about the employee on the day the breach is reported. */
export type BreachReportFacts = Readonly<{
  asOf: LocalDate;
  employeeGrade: EmployeeGrade | null;
  employeeUnit: UnitId | null;
  /** The employee's line of superiors, the direct superior first. */
  superiors: ReadonlyArray<Nip>;
}>;

/** What made the deciding official competent (BR-19), as recorded on the decision. */
export type DecisionAuthority = Readonly<{
  /** The authority table's id (`pp-94-2021-kota.v1`). */
  table: string;
  official: OfficialRank;
  scope: AuthorityScope;
  article: string;
  asOf: LocalDate;
  officialIsSuperior: boolean;
  employeeGrade: EmployeeGrade;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome. Every event names its case.
// ---------------------------------------------------------------------------------------------------------------

export type BreachReported = Event<
  'BreachReported',
  Readonly<{
    caseId: DisciplineCaseId;
    employee: Nip;
    allegation: string;
    source: BreachSource;
    facts: BreachReportFacts;
    policy: DisciplinePolicy;
    reportedBy: Nip;
    at: Date;
  }>
>;

/** A written summons to an examination on `date`, at least the policy's notice after the day of issue. */
export type SummonsIssued = Event<
  'SummonsIssued',
  Readonly<{
    caseId: DisciplineCaseId;
    n: 1 | 2;
    date: LocalDate;
    /** The earliest date the notice allowed, and the calendar it was counted in. */
    earliest: LocalDate;
    calendar: string;
    timeZone: TimeZone;
    place?: string;
    issuedBy: Nip;
    at: Date;
  }>
>;

/** The employee did not appear on the date of summons `n`; after the second, the case is decided on the evidence. */
export type SummonsIgnored = Event<
  'SummonsIgnored',
  Readonly<{ caseId: DisciplineCaseId; n: 1 | 2; date: LocalDate; recordedBy: Nip; at: Date }>
>;

export type TimPemeriksaFormed = Event<
  'TimPemeriksaFormed',
  Readonly<{ caseId: DisciplineCaseId; members: ReadonlyArray<TimMember>; formedBy: Nip; at: Date }>
>;

/** An examination, recorded in a berita acara pemeriksaan (`bap`: the document's reference). */
export type ExaminationRecorded = Event<
  'ExaminationRecorded',
  Readonly<{
    caseId: DisciplineCaseId;
    examiner: Examiner;
    bap: string;
    findings: string;
    examinedBy: Nip;
    at: Date;
  }>
>;

export type SanctionImposed = Event<
  'SanctionImposed',
  Readonly<{
    caseId: DisciplineCaseId;
    employee: Nip;
    sanction: Sanction;
    level: SanctionLevel;
    findings: string;
    /** Decided without examination because the employee ignored the second summons. */
    evidenceOnly: boolean;
    /** The decision's own effective date, if it names one; else the day after receipt that the policy gives. */
    inForceFrom?: LocalDate;
    /** BR-22: delivered to the employee by then. */
    deliveryDeadline: RecordedDeadline;
    decidedBy: Nip;
    authority: DecisionAuthority;
    ruleBook: string;
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

/** No breach proven: the case is closed without a sanction. */
export type CaseDismissed = Event<
  'CaseDismissed',
  Readonly<{
    caseId: DisciplineCaseId;
    employee: Nip;
    reason: string;
    decidedBy: Nip;
    authority: DecisionAuthority;
    ruleBook: string;
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

/** The decision reached the employee; `late` when after the BR-22 deadline. From then the sanction has its dates. */
export type DecisionDelivered = Event<
  'DecisionDelivered',
  Readonly<{
    caseId: DisciplineCaseId;
    sanction: Sanction;
    deadline: RecordedDeadline;
    late: boolean;
    inForce: InForce;
    deliveredBy: Nip;
    ruleBook: string;
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

/** BR-22 escalation: the decision was not delivered within its deadline. */
export type DeliveryOverdue = Event<
  'DeliveryOverdue',
  Readonly<{
    caseId: DisciplineCaseId;
    deadline: RecordedDeadline;
    decidedBy: Nip;
    recordedBy: Nip;
    ruleBook: string;
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

/** The sanction has run its course (for a dismissal: has taken effect). */
export type SanctionServed = Event<
  'SanctionServed',
  Readonly<{ caseId: DisciplineCaseId; sanction: Sanction; inForce: InForce; recordedBy: Nip; at: Date }>
>;

/**
 * The outcome of a keberatan (BR-21) or banding (BR-20) decided elsewhere: `sanction` is the sanction from now on
 * (null: annulled), `inForce` its dates from the same first day.
 */
export type SanctionReviewed = Event<
  'SanctionReviewed',
  Readonly<{
    caseId: DisciplineCaseId;
    source: ReviewSource;
    outcome: ReviewOutcome;
    previous: Sanction;
    sanction: Sanction | null;
    inForce: InForce | null;
    /** Who decided the review (the PPK, or BPASN's decision), when the review aggregate names them. */
    decidedBy?: Nip;
    reference?: string;
    reviewedBy: Nip;
    authority: string;
    ruleBook: string;
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

export type DisciplineEvent =
  | BreachReported
  | SummonsIssued
  | SummonsIgnored
  | TimPemeriksaFormed
  | ExaminationRecorded
  | SanctionImposed
  | CaseDismissed
  | DecisionDelivered
  | DeliveryOverdue
  | SanctionServed
  | SanctionReviewed;

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export type Summons = Readonly<{ n: 1 | 2; date: LocalDate; timeZone: TimeZone; issuedBy: Nip; ignored: boolean }>;
export type Examination = Readonly<{ examiner: Examiner; examinedBy: Nip; bap: string; at: Date }>;
export type Tim = Readonly<{ members: ReadonlyArray<TimMember>; formedBy: Nip; at: Date }>;

export type DisciplineCaseFile = Readonly<{
  caseId: DisciplineCaseId;
  employee: Nip;
  allegation: string;
  source: BreachSource;
  facts: BreachReportFacts;
  policy: DisciplinePolicy;
  reportedBy: Nip;
  reportedAt: Date;
  summonses: ReadonlyArray<Summons>;
  tim: Tim | null;
  examinations: ReadonlyArray<Examination>;
}>;

export type SanctionReview = Readonly<{ source: ReviewSource; outcome: ReviewOutcome; previous: Sanction; at: Date }>;

export type SanctionDecision = Readonly<{
  /** The sanction in force now: the imposed one, or the one a review put in its place. */
  sanction: Sanction;
  imposed: Sanction;
  decidedBy: Nip;
  decidedAt: Date;
  authority: DecisionAuthority;
  inForceFrom: LocalDate | null;
  deliveryDeadline: RecordedDeadline;
  evidenceOnly: boolean;
  overdueRecorded: boolean;
  review: SanctionReview | null;
}>;

export type DecisionDelivery = Readonly<{ deliveredBy: Nip; deliveredAt: Date; late: boolean; inForce: InForce }>;

export type EmptyDisciplineCase = Readonly<{ status: 'empty' }>;
export type ReportedCase = Readonly<{ status: 'reported' }> & DisciplineCaseFile;
export type DecidedCase = Readonly<{ status: 'decided'; decision: SanctionDecision }> & DisciplineCaseFile;
export type DeliveredCase = Readonly<{ status: 'delivered'; decision: SanctionDecision; delivery: DecisionDelivery }> & DisciplineCaseFile;
export type ServedCase = Readonly<{ status: 'served'; decision: SanctionDecision; delivery: DecisionDelivery; servedAt: Date }> &
  DisciplineCaseFile;
export type DismissedCase = Readonly<{
  status: 'dismissed';
  dismissal: Readonly<{ reason: string; decidedBy: Nip; at: Date }>;
}> &
  DisciplineCaseFile;
export type AnnulledCase = Readonly<{ status: 'annulled'; decision: SanctionDecision; delivery: DecisionDelivery; annulledAt: Date }> &
  DisciplineCaseFile;

export type OpenDisciplineCase = ReportedCase | DecidedCase | DeliveredCase | ServedCase;
export type DisciplineState = EmptyDisciplineCase | OpenDisciplineCase | DismissedCase | AnnulledCase;
export type DisciplineStatus = DisciplineState['status'];

export const initialState = (): DisciplineState => ({ status: 'empty' });

/** A dismissed or annulled case accepts no command. */
export const isTerminal = (state: DisciplineState): boolean => state.status === 'dismissed' || state.status === 'annulled';

// ---------------------------------------------------------------------------------------------------------------
// Reading a case
// ---------------------------------------------------------------------------------------------------------------

/** The employee ignored the second summons: the case is decided on the evidence there is (PP 94/2021 Ps 26). */
export const isEvidenceOnly = (file: DisciplineCaseFile): boolean => file.summonses.some((s) => s.n === 2 && s.ignored);

export const latestSummons = (file: DisciplineCaseFile): Summons | undefined => file.summonses[file.summonses.length - 1];

/** BR-18: the sanction of a case against a superior who did not act must be heavier than this one. */
export const mustExceed = (file: DisciplineCaseFile): Sanction | undefined =>
  file.source.kind === 'superior-inaction' ? file.source.originalSanction : undefined;

/** The sanction the absence rules propose for this case (BR-15, BR-16), if it came from absence records. */
export const proposedSanction = (file: DisciplineCaseFile): Sanction | undefined =>
  file.source.kind === 'absence' ? file.source.proposed : undefined;

/** The sanction and its dates, once delivered and not annulled (for reports of sanctions in force). */
export const sanctionInForce = (state: DisciplineState): Readonly<{ sanction: Sanction; inForce: InForce }> | undefined =>
  state.status === 'delivered' || state.status === 'served'
    ? { sanction: state.decision.sanction, inForce: state.delivery.inForce }
    : undefined;

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

const fileOf = (state: OpenDisciplineCase): DisciplineCaseFile => ({
  caseId: state.caseId,
  employee: state.employee,
  allegation: state.allegation,
  source: state.source,
  facts: state.facts,
  policy: state.policy,
  reportedBy: state.reportedBy,
  reportedAt: state.reportedAt,
  summonses: state.summonses,
  tim: state.tim,
  examinations: state.examinations,
});

/** Compile time: `evolve` handles every event type. Run time: a type this version does not know changes nothing. */
const ignoreUnknown = (_event: never, state: DisciplineState): DisciplineState => state;

export const evolve = (state: DisciplineState, event: DisciplineEvent): DisciplineState => {
  if (state.status !== 'empty' && event.type !== 'BreachReported' && event.data.caseId !== state.caseId) return state;
  switch (event.type) {
    case 'BreachReported':
      if (state.status !== 'empty') return state;
      return {
        status: 'reported',
        caseId: event.data.caseId,
        employee: event.data.employee,
        allegation: event.data.allegation,
        source: event.data.source,
        facts: event.data.facts,
        policy: event.data.policy,
        reportedBy: event.data.reportedBy,
        reportedAt: event.data.at,
        summonses: [],
        tim: null,
        examinations: [],
      };

    case 'SummonsIssued':
      if (state.status !== 'reported' || state.summonses.length + 1 !== event.data.n) return state;
      return {
        ...state,
        summonses: [
          ...state.summonses,
          { n: event.data.n, date: event.data.date, timeZone: event.data.timeZone, issuedBy: event.data.issuedBy, ignored: false },
        ],
      };

    case 'SummonsIgnored':
      if (state.status !== 'reported') return state;
      return { ...state, summonses: state.summonses.map((s) => (s.n === event.data.n ? { ...s, ignored: true } : s)) };

    case 'TimPemeriksaFormed':
      if (state.status !== 'reported' || state.tim !== null) return state;
      return { ...state, tim: { members: event.data.members, formedBy: event.data.formedBy, at: event.data.at } };

    case 'ExaminationRecorded':
      if (state.status !== 'reported') return state;
      return {
        ...state,
        examinations: [
          ...state.examinations,
          { examiner: event.data.examiner, examinedBy: event.data.examinedBy, bap: event.data.bap, at: event.data.at },
        ],
      };

    case 'SanctionImposed':
      if (state.status !== 'reported') return state;
      return {
        ...fileOf(state),
        status: 'decided',
        decision: {
          sanction: event.data.sanction,
          imposed: event.data.sanction,
          decidedBy: event.data.decidedBy,
          decidedAt: event.data.at,
          authority: event.data.authority,
          inForceFrom: event.data.inForceFrom ?? null,
          deliveryDeadline: event.data.deliveryDeadline,
          evidenceOnly: event.data.evidenceOnly,
          overdueRecorded: false,
          review: null,
        },
      };

    case 'CaseDismissed':
      if (state.status !== 'reported') return state;
      return {
        ...fileOf(state),
        status: 'dismissed',
        dismissal: { reason: event.data.reason, decidedBy: event.data.decidedBy, at: event.data.at },
      };

    case 'DeliveryOverdue':
      if (state.status !== 'decided') return state;
      return { ...state, decision: { ...state.decision, overdueRecorded: true } };

    case 'DecisionDelivered':
      if (state.status !== 'decided') return state;
      return {
        ...fileOf(state),
        status: 'delivered',
        decision: state.decision,
        delivery: {
          deliveredBy: event.data.deliveredBy,
          deliveredAt: event.data.at,
          late: event.data.late,
          inForce: event.data.inForce,
        },
      };

    case 'SanctionServed':
      if (state.status !== 'delivered') return state;
      return { ...fileOf(state), status: 'served', decision: state.decision, delivery: state.delivery, servedAt: event.data.at };

    case 'SanctionReviewed': {
      if (state.status !== 'delivered' && state.status !== 'served') return state;
      const review: SanctionReview = {
        source: event.data.source,
        outcome: event.data.outcome,
        previous: event.data.previous,
        at: event.data.at,
      };
      if (event.data.sanction === null)
        return {
          ...fileOf(state),
          status: 'annulled',
          decision: { ...state.decision, review },
          delivery: state.delivery,
          annulledAt: event.data.at,
        };
      const sanction = event.data.sanction;
      return {
        ...fileOf(state),
        status: 'delivered',
        decision: { ...state.decision, sanction, review },
        delivery: {
          ...state.delivery,
          inForce: event.data.inForce ?? inForcePeriod(state.delivery.inForce.from, sanction),
        },
      };
    }

    default:
      return ignoreUnknown(event, state);
  }
};
