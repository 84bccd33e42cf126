/**
 * Why the evaluation refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs
 * to correct the request. A rule book's own refusals (`WrongRegime`, `UnknownRuleBook`, `InvalidScoreInput`) are
 * passed on unchanged.
 */
import type { EvaluationId, LocalDate, Nip, PeriodId, PlanId, Role, UnitId, UnitPeriodId } from '../core';
import type { IkiId } from '../plan/ids';
import type { Aspect, PlanStatus } from '../plan/plan';
import type { RuleBookError } from '../rulebook/rule-book';
import type { EvaluationFrequency, Predikat } from '../rulebook/vocabulary';
import type { EvaluationKind, EvaluationStatus } from './evaluation';

export type EvaluationError =
  // --- which evaluation -------------------------------------------------------------------------------------------
  /** Any command but OpenEvaluation on an evaluation that has not been opened. */
  | Readonly<{ _tag: 'EvaluationNotOpened'; evaluation: EvaluationId }>
  | Readonly<{ _tag: 'EvaluationAlreadyOpened'; evaluation: EvaluationId }>
  /** After final, every command is refused with this. */
  | Readonly<{ _tag: 'EvaluationFinal'; evaluation: EvaluationId; finalizedAt: Date }>
  /** The command names another evaluation than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongEvaluation'; evaluation: EvaluationId; given: EvaluationId }>

  // --- opening ----------------------------------------------------------------------------------------------------
  /** An evaluation id is `<plan>.<evaluation period>`. */
  | Readonly<{ _tag: 'EvaluationIdMismatch'; expected: EvaluationId; given: EvaluationId }>
  /** Only an approved plan (or one closed while approved) is evaluated. */
  | Readonly<{ _tag: 'PlanNotApproved'; plan: PlanId; status: PlanStatus; revision: number }>
  /** Annual: the plan's year `yyyy`; periodic: `yyyy-Qn`, `yyyy-Sn` or `yyyy-Mnn` as the tenant's frequency says. */
  | Readonly<{ _tag: 'PeriodNotOfKind'; kind: EvaluationKind; frequency: EvaluationFrequency; period: PeriodId }>
  | Readonly<{ _tag: 'PeriodOutsidePlanYear'; period: PeriodId; planYear: string }>
  | Readonly<{ _tag: 'PeriodEndNotAfterStart'; periodStart: Date; periodEnd: Date }>
  /** BR-10 windows in working days need the holiday calendars of a later issue; calendar days only for now. */
  | Readonly<{ _tag: 'WorkingDayWindowUnsupported'; days: number }>

  // --- who may ----------------------------------------------------------------------------------------------------
  /** Opening is for the appraiser named on the plan, or the system/operator (timer-opened evaluations). */
  | Readonly<{ _tag: 'NotAllowedToOpen'; appraiser: Nip; actor: Nip; role: Role }>
  /** Realisations, invitations, rating and delivery are the appraiser's named on the plan. */
  | Readonly<{ _tag: 'NotTheAppraiser'; appraiser: Nip; actor: Nip }>
  /** Self-evaluation is the employee's. */
  | Readonly<{ _tag: 'NotTheEmployee'; employee: Nip; actor: Nip }>
  /** Feedback comes from invitees only. */
  | Readonly<{ _tag: 'NotInvited'; actor: Nip }>
  /** Settlement, objections and revisions arrive from other aggregates through the system. */
  | Readonly<{ _tag: 'NotSystem'; actor: Nip; role: Role }>
  | Readonly<{ _tag: 'NotAllowedToFinalize'; actor: Nip; role: Role }>

  // --- when -------------------------------------------------------------------------------------------------------
  /** Realisations and self-evaluation are recorded before the rating. */
  | Readonly<{ _tag: 'EvaluationNotOpen'; status: EvaluationStatus }>
  /** Invitations and feedback close when the appraiser rates. */
  | Readonly<{ _tag: 'InvitationsClosed'; status: EvaluationStatus }>
  /** Rating (and re-rating) is possible until the unit period settles the result. */
  | Readonly<{ _tag: 'RatingClosed'; status: EvaluationStatus }>
  | Readonly<{ _tag: 'EvaluationNotRated'; status: EvaluationStatus }>
  | Readonly<{ _tag: 'EvaluationNotSettled'; status: EvaluationStatus }>
  | Readonly<{ _tag: 'EvaluationNotDelivered'; status: EvaluationStatus }>
  | Readonly<{ _tag: 'NoObjectionPending'; status: EvaluationStatus }>

  // --- realisations -----------------------------------------------------------------------------------------------
  /** The IKI is not in the approved revision the evaluation opened with. */
  | Readonly<{ _tag: 'UnknownIki'; iki: IkiId }>
  | Readonly<{ _tag: 'NoEvidence'; iki: IkiId }>
  | Readonly<{ _tag: 'NoRealisedValue'; iki: IkiId }>
  | Readonly<{ _tag: 'AspectNotTargeted'; iki: IkiId; aspect: Aspect }>
  | Readonly<{ _tag: 'RealisedValueNegative'; iki: IkiId; aspect: Aspect; value: number }>
  | Readonly<{ _tag: 'KualitasAbove100'; iki: IkiId; percent: number }>

  // --- feedback ---------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'PeerFeedbackDisabled' }>
  | Readonly<{ _tag: 'SelfEvaluationDisabled' }>
  /** Never the evaluated employee. */
  | Readonly<{ _tag: 'InviteeIsEmployee'; invitee: Nip }>
  /** The appraiser rates; their view is not feedback. */
  | Readonly<{ _tag: 'InviteeIsAppraiser'; invitee: Nip }>
  /** Peers and subordinates come from the evaluation's unit in the roster on the invitation date. */
  | Readonly<{ _tag: 'InviteeNotInUnit'; invitee: Nip; unit: UnitId; inviteeUnit: UnitId | null; asOf: LocalDate }>
  /** A subordinate reports to the evaluated employee in the roster on the invitation date. */
  | Readonly<{ _tag: 'InviteeNotSubordinate'; invitee: Nip; employee: Nip; superior: Nip | null; asOf: LocalDate }>
  | Readonly<{ _tag: 'AlreadyInvited'; invitee: Nip }>
  | Readonly<{ _tag: 'FeedbackAlreadyGiven'; invitee: Nip }>

  // --- settlement -------------------------------------------------------------------------------------------------
  /** The unit period of the evaluation's unit and period settles it, no other. */
  | Readonly<{ _tag: 'WrongUnitPeriod'; expected: UnitPeriodId; given: UnitPeriodId }>
  /** Only the unit head's result may differ from the proposal (BR-09); anything else is a stale settlement. */
  | Readonly<{ _tag: 'SettlementMismatch'; proposed: Predikat; settled: Predikat }>

  // --- objection (BR-10, BR-11) -----------------------------------------------------------------------------------
  | Readonly<{ _tag: 'ObjectionWindowClosed'; deadline: Date }>
  | Readonly<{ _tag: 'ObjectionWindowOpen'; deadline: Date }>
  /** BR-11: one objection per evaluation. */
  | Readonly<{ _tag: 'ObjectionAlreadyFiled'; objection: string }>
  /** An objected evaluation is finalized with the objection's outcome (rejected or withdrawn). */
  | Readonly<{ _tag: 'ObjectionOutcomeMissing'; objection: string }>
  | Readonly<{ _tag: 'WrongObjection'; objection: string; given: string }>

  // --- the rule book ----------------------------------------------------------------------------------------------
  | RuleBookError;

export type EvaluationErrorTag = EvaluationError['_tag'];

/** The error with tag `Tag`, e.g. `EvaluationErrorOf<'NotTheAppraiser'>`. */
export type EvaluationErrorOf<Tag extends EvaluationErrorTag> = Extract<EvaluationError, Readonly<{ _tag: Tag }>>;

const iso = (d: Date): string => d.toISOString();
const ref = (r: Readonly<{ id: string; version: number }>): string => `${r.id} v${r.version}`;

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeEvaluationError = (error: EvaluationError): string => {
  switch (error._tag) {
    case 'EvaluationNotOpened':
      return `evaluation ${error.evaluation} has not been opened`;
    case 'EvaluationAlreadyOpened':
      return `evaluation ${error.evaluation} is already open`;
    case 'EvaluationFinal':
      return `evaluation ${error.evaluation} became final at ${iso(error.finalizedAt)} and accepts no more changes`;
    case 'WrongEvaluation':
      return `the command is for evaluation ${error.given} but was run against evaluation ${error.evaluation}`;
    case 'EvaluationIdMismatch':
      return `an evaluation id is <plan>.<evaluation period>: expected ${error.expected}, got ${error.given}`;
    case 'PlanNotApproved':
      return `plan ${error.plan} is ${error.status} (approved revision ${error.revision}); only an approved plan is evaluated`;
    case 'PeriodNotOfKind':
      return error.kind === 'annual'
        ? `an annual evaluation covers the plan's year (yyyy), not ${error.period}`
        : `a periodic evaluation under a ${error.frequency} policy covers ${periodForm(error.frequency)}, not ${error.period}`;
    case 'PeriodOutsidePlanYear':
      return `evaluation period ${error.period} is not in the plan's year ${error.planYear}`;
    case 'PeriodEndNotAfterStart':
      return `the period must end after it starts (${iso(error.periodStart)} → ${iso(error.periodEnd)})`;
    case 'WorkingDayWindowUnsupported':
      return `the tenant's objection window is ${error.days} working days, and working-day calendars are not available yet: set a calendar-day window (BR-10 default)`;
    case 'NotAllowedToOpen':
      return `an evaluation is opened by the appraiser ${error.appraiser}, the system or an operator; ${error.actor} acts as ${error.role}`;
    case 'NotTheAppraiser':
      return `only the appraiser ${error.appraiser} named on the plan may do this; ${error.actor} may not`;
    case 'NotTheEmployee':
      return `only the employee ${error.employee} may do this; ${error.actor} may not`;
    case 'NotInvited':
      return `${error.actor} was not invited to give feedback on this evaluation`;
    case 'NotSystem':
      return `this arrives from another aggregate through the system; ${error.actor} acts as ${error.role}`;
    case 'NotAllowedToFinalize':
      return `an evaluation is finalized by the system or an operator; ${error.actor} acts as ${error.role}`;
    case 'EvaluationNotOpen':
      return `the evaluation is ${error.status}: realisations and self-evaluation are recorded before the rating`;
    case 'InvitationsClosed':
      return `the evaluation is ${error.status}: feedback invitations closed when the appraiser rated`;
    case 'RatingClosed':
      return `the evaluation is ${error.status}: it can be rated only until the unit period settles it`;
    case 'EvaluationNotRated':
      return `the evaluation is ${error.status}, not rated: there is no proposal to settle`;
    case 'EvaluationNotSettled':
      return `the evaluation is ${error.status}: it is delivered once the unit period has settled it`;
    case 'EvaluationNotDelivered':
      return `the evaluation is ${error.status}, not delivered`;
    case 'NoObjectionPending':
      return `the evaluation is ${error.status}: there is no objection pending`;
    case 'UnknownIki':
      return `IKI "${error.iki}" is not in the approved plan this evaluation opened with`;
    case 'NoEvidence':
      return `a realisation of IKI "${error.iki}" needs at least one bukti dukung`;
    case 'NoRealisedValue':
      return `a realisation of IKI "${error.iki}" needs a value for at least one aspect`;
    case 'AspectNotTargeted':
      return `IKI "${error.iki}" has no ${error.aspect} target, so no ${error.aspect} realisation`;
    case 'RealisedValueNegative':
      return `IKI "${error.iki}": the realised ${error.aspect} must be 0 or more, got ${error.value}`;
    case 'KualitasAbove100':
      return `IKI "${error.iki}": kualitas is a percentage of at most 100, got ${error.percent}`;
    case 'PeerFeedbackDisabled':
      return "the tenant's policy does not use peer and subordinate feedback";
    case 'SelfEvaluationDisabled':
      return "the tenant's policy does not use self-evaluation";
    case 'InviteeIsEmployee':
      return `${error.invitee} is the evaluated employee and cannot give feedback on their own evaluation`;
    case 'InviteeIsAppraiser':
      return `${error.invitee} is the appraiser, who rates rather than gives feedback`;
    case 'InviteeNotInUnit':
      return `${error.invitee} is in ${error.inviteeUnit ?? 'no unit'} on ${error.asOf}, not in ${error.unit}`;
    case 'InviteeNotSubordinate':
      return `${error.invitee} reports to ${error.superior ?? 'nobody'} on ${error.asOf}, not to the employee ${error.employee}`;
    case 'AlreadyInvited':
      return `${error.invitee} is already invited`;
    case 'FeedbackAlreadyGiven':
      return `${error.invitee} has already given feedback`;
    case 'WrongUnitPeriod':
      return `this evaluation is settled by unit period ${error.expected}, not ${error.given}`;
    case 'SettlementMismatch':
      return `the settlement says ${error.settled} but the appraiser's proposal in force is ${error.proposed}`;
    case 'ObjectionWindowClosed':
      return `the objection window closed at ${iso(error.deadline)} (BR-10)`;
    case 'ObjectionWindowOpen':
      return `the objection window is open until ${iso(error.deadline)} (BR-10)`;
    case 'ObjectionAlreadyFiled':
      return `objection ${error.objection} was already filed; one objection per evaluation (BR-11)`;
    case 'ObjectionOutcomeMissing':
      return `objection ${error.objection} is pending: finalize with its outcome (rejected or withdrawn)`;
    case 'WrongObjection':
      return `the pending objection is ${error.objection}, not ${error.given}`;
    case 'UnknownRuleBook':
      return `rule book ${ref(error.ruleBook)} is not known to this build`;
    case 'WrongRegime':
      return `rule book ${ref(error.ruleBook)} takes a ${error.expected} rating, not a ${error.given} one`;
    case 'InvalidScoreInput':
      return `rule book ${ref(error.ruleBook)} cannot assess this input: ${error.problem}`;
  }
};

const periodForm = (frequency: EvaluationFrequency): string => {
  switch (frequency) {
    case 'monthly':
      return 'a month (yyyy-M01..yyyy-M12)';
    case 'quarterly':
      return 'a quarter (yyyy-Q1..yyyy-Q4)';
    case 'semester':
      return 'a semester (yyyy-S1, yyyy-S2)';
  }
};
