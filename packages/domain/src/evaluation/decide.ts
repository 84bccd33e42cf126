/**
 * What the evaluation decides: the commands it accepts, one function per command, then `decide`, which runs the
 * guards every command shares before handing over, and `evaluationDecider`.
 *
 * Each function checks, in this order: who asks, whether the evaluation is in a status that allows it, then what
 * is asked. The first rule broken is the answer; nothing is appended for a refused command.
 *
 * Facts from other streams (the plan, the roster, the tenant policy) arrive in the command, filled in by the
 * engine; the HTTP edge decodes the `*RequestCodec`s, which have no such fields (ADR 0001, point 3).
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { optional } from '../core/fields';
import { calendarDeadline } from '../calendar';
import {
  evaluationIdOf,
  monthsOfPeriod,
  unitPeriodIdOf,
  type Command,
  type CommandMetadata,
  type Decider,
  type EvaluationId,
  type Nip,
  type PeriodId,
  type UnitPeriodId,
} from '../core';
import type { IkiId } from '../plan/ids';
import { ASPECTS, targetValue, type Aspect, type Evidence, type Realised, type Targets } from '../plan/plan';
import { consequencesOf, type Consequences } from '../rulebook/consequences';
import { ruleBookByRef } from '../rulebook/registry';
import type { Assessment, AssessmentInput, IkiMeasure, RuleBookRef } from '../rulebook/rule-book';
import type { EvaluationFrequency, OrganisationalResult, Predikat, RatingLevel } from '../rulebook/vocabulary';
import type { EvaluationError } from './errors';
import {
  currentResult,
  evolve,
  feedbackCount,
  initialState,
  isTerminal,
  realisationOf,
  appraisalOf,
  type Appraisal,
  type ClosingOutcome,
  type EmptyEvaluation,
  type EvaluationBody,
  type EvaluationEvent,
  type EvaluationFacts,
  type EvaluationKind,
  type EvaluationSettlement,
  type EvaluationState,
  type FeedbackRelation,
  type InviteeFacts,
  type RevisingOutcome,
  type StartedEvaluation,
  type CoreValueLevels,
} from './evaluation';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its evaluation: the engine loads the stream from it.
// ---------------------------------------------------------------------------------------------------------------

/** What a client may send to open an evaluation; the engine adds `facts`. */
export type OpenEvaluationRequest = Readonly<{
  evaluation: EvaluationId;
  kind: EvaluationKind;
  period: PeriodId;
  periodStart: Date;
  periodEnd: Date;
}>;

/**
 * The appraiser named on the plan opens the evaluation (or the system or an operator, for evaluations a timer
 * opens at period end). `facts` are the engine's: the plan's approved revision and realisations, the rule book
 * and policy of the tenant for that period, and the roster facts about the employee.
 */
export type OpenEvaluation = Command<'OpenEvaluation', OpenEvaluationRequest & Readonly<{ facts: EvaluationFacts }>>;

/** The appraiser's realisation of an IKI, with bukti dukung; it overrides the plan's for this evaluation. */
export type RecordEvaluationRealisation = Command<
  'RecordEvaluationRealisation',
  Readonly<{ evaluation: EvaluationId; iki: IkiId; realised: Realised; evidence: ReadonlyArray<Evidence> }>
>;

export type InviteFeedbackRequest = Readonly<{ evaluation: EvaluationId; invitee: Nip; relation: FeedbackRelation }>;
/** The appraiser invites a peer or subordinate; `inviteeFacts` are the roster's, filled in by the engine. */
export type InviteFeedback = Command<'InviteFeedback', InviteFeedbackRequest & Readonly<{ inviteeFacts: InviteeFacts }>>;

/** An invitee's level per BerAKHLAK value (all seven), with an optional comment. */
export type GiveFeedback = Command<
  'GiveFeedback',
  Readonly<{ evaluation: EvaluationId; levels: CoreValueLevels; comment?: string }>
>;

export type RecordSelfEvaluation = Command<'RecordSelfEvaluation', Readonly<{ evaluation: EvaluationId; notes: string }>>;

/** The appraiser named on the plan rates (again, while the unit period has not settled). */
export type RateEvaluation = Command<'RateEvaluation', Readonly<{ evaluation: EvaluationId }> & Appraisal>;

/** Sent by the process manager when the unit period settles (role `sistem`). */
export type SettleEvaluation = Command<
  'SettleEvaluation',
  Readonly<{
    evaluation: EvaluationId;
    unitPeriod: UnitPeriodId;
    organisationalResult: OrganisationalResult;
    predikat: Predikat;
    label: string;
    hasilKerja?: RatingLevel;
    perilaku?: RatingLevel;
    articles: ReadonlyArray<string>;
    consequences: Consequences;
  }>
>;

/** The appraiser delivers the settled result to the employee; the BR-10 window starts. */
export type DeliverEvaluation = Command<'DeliverEvaluation', Readonly<{ evaluation: EvaluationId }>>;

/** Sent by the objection aggregate (role `sistem`) when the employee files a keberatan. */
export type NoteObjection = Command<'NoteObjection', Readonly<{ evaluation: EvaluationId; objection: string }>>;

/**
 * The system or an operator makes the result final: after the objection window (no `outcome`), or after an
 * objection that was rejected or withdrawn.
 */
export type FinalizeEvaluation = Command<
  'FinalizeEvaluation',
  Readonly<{ evaluation: EvaluationId; outcome?: ClosingOutcome }>
>;

/** Sent by the objection aggregate (role `sistem`) when an objection is upheld: the new rating, by `decidedBy`. */
export type ReviseEvaluation = Command<
  'ReviseEvaluation',
  Readonly<{
    evaluation: EvaluationId;
    objection: string;
    outcome: RevisingOutcome;
    rating: Appraisal;
    /** The Atasan Pejabat Penilai who decided the objection (BR-10, BR-11). */
    decidedBy: Nip;
  }>
>;

export type EvaluationCommand =
  | OpenEvaluation
  | RecordEvaluationRealisation
  | InviteFeedback
  | GiveFeedback
  | RecordSelfEvaluation
  | RateEvaluation
  | SettleEvaluation
  | DeliverEvaluation
  | NoteObjection
  | FinalizeEvaluation
  | ReviseEvaluation;

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<EvaluationError, ReadonlyArray<EvaluationEvent>>;

const refuse = (error: EvaluationError): Decision => left(error);
const accept = (...events: ReadonlyArray<EvaluationEvent>): Decision => right(events);

type Live = Exclude<StartedEvaluation, Readonly<{ status: 'final' }>>;

const appraiserOf = (state: EvaluationBody): Nip => state.facts.plan.header.appraiser;
const employeeOf = (state: EvaluationBody): Nip => state.facts.plan.header.employee;

const notTheAppraiser = (metadata: CommandMetadata, state: EvaluationBody): EvaluationError | undefined =>
  metadata.actor.nip === appraiserOf(state)
    ? undefined
    : { _tag: 'NotTheAppraiser', appraiser: appraiserOf(state), actor: metadata.actor.nip };

const notSystem = (metadata: CommandMetadata): EvaluationError | undefined =>
  metadata.actor.role === 'sistem' ? undefined : { _tag: 'NotSystem', actor: metadata.actor.nip, role: metadata.actor.role };

/** The forms a periodic evaluation period takes under each frequency. */
const PERIODIC_FORM: Readonly<Record<EvaluationFrequency, RegExp>> = {
  monthly: /^\d{4}-M(0[1-9]|1[0-2])$/,
  quarterly: /^\d{4}-Q[1-4]$/,
  semester: /^\d{4}-S[12]$/,
};


/** One IKI's targets, one number per aspect it measures, as the rule books read them. */
const targetsOf = (targets: Targets): Partial<Record<Aspect, number>> => {
  const out: Partial<Record<Aspect, number>> = {};
  for (const aspect of ASPECTS) {
    const value = targetValue(targets, aspect);
    if (value !== undefined) out[aspect] = value;
  }
  return out;
};

const realisedOf = (realised: Realised | undefined): Partial<Record<Aspect, number>> => {
  const out: Partial<Record<Aspect, number>> = {};
  for (const aspect of ASPECTS) {
    const value = realised?.[aspect];
    if (value !== undefined) out[aspect] = value;
  }
  return out;
};

/**
 * The rule book's input. Numeric regimes: every IKI of the approved revision with the realisation that counts
 * (the evaluation's own, else the plan's latest, else none), the appraiser's behaviour scores, and BR-12's "peer
 * or subordinate input used" when at least one invitee answered.
 */
export const assessmentInputOf = (state: EvaluationBody, appraisal: Appraisal): AssessmentInput => {
  if (appraisal.regime === 'rated')
    return { regime: 'rated', hasilKerja: appraisal.hasilKerja, perilaku: appraisal.perilaku };
  const measures: ReadonlyArray<IkiMeasure> = state.facts.plan.iki.map((i) => ({
    iki: i.iki,
    target: targetsOf(i.targets),
    realised: realisedOf(realisationOf(state, i.iki)),
  }));
  return {
    regime: 'numeric',
    measures,
    behaviour: appraisal.behaviour,
    peerInputUsed: feedbackCount(state) > 0,
    innovation: appraisal.innovation,
  };
};

/** Assesses with the rule book recorded when the evaluation opened, never the tenant's current one. */
const assessWith = (ruleBook: RuleBookRef, input: AssessmentInput): Either<EvaluationError, Assessment> => {
  const book = ruleBookByRef(ruleBook);
  if (book === undefined) return left({ _tag: 'UnknownRuleBook', ruleBook });
  return book.assess(input);
};

const realisedProblem = (iki: IkiId, targets: Targets, realised: Realised): EvaluationError | undefined => {
  const aspects = ASPECTS.filter((aspect) => realised[aspect] !== undefined);
  if (aspects.length === 0) return { _tag: 'NoRealisedValue', iki };
  for (const aspect of aspects) {
    const value = realised[aspect] ?? Number.NaN;
    if (targetValue(targets, aspect) === undefined) return { _tag: 'AspectNotTargeted', iki, aspect };
    if (!(value >= 0)) return { _tag: 'RealisedValueNegative', iki, aspect, value };
    if (aspect === 'kualitas' && value > 100) return { _tag: 'KualitasAbove100', iki, percent: value };
  }
  return undefined;
};


// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const openEvaluation = ({ data, metadata }: OpenEvaluation, state: EmptyEvaluation | Live): Decision => {
  const { plan, ruleBook, policy } = data.facts;
  const { header } = plan;
  const { actor } = metadata;
  if (actor.nip !== header.appraiser && actor.role !== 'sistem' && actor.role !== 'operator')
    return refuse({ _tag: 'NotAllowedToOpen', appraiser: header.appraiser, actor: actor.nip, role: actor.role });
  if (state.status !== 'empty') return refuse({ _tag: 'EvaluationAlreadyOpened', evaluation: state.evaluation });

  const expected = evaluationIdOf(header.plan, data.period);
  if (data.evaluation !== expected) return refuse({ _tag: 'EvaluationIdMismatch', expected, given: data.evaluation });
  const approved =
    plan.revision >= 1 && (plan.status === 'approved' || (plan.status === 'closed' && plan.closedFrom === 'approved'));
  if (!approved) return refuse({ _tag: 'PlanNotApproved', plan: header.plan, status: plan.status, revision: plan.revision });

  const planYear = header.period.slice(0, 4);
  const form = data.kind === 'annual' ? /^\d{4}$/ : PERIODIC_FORM[policy.frequency];
  if (!form.test(data.period))
    return refuse({ _tag: 'PeriodNotOfKind', kind: data.kind, frequency: policy.frequency, period: data.period });
  if (data.period.slice(0, 4) !== planYear) return refuse({ _tag: 'PeriodOutsidePlanYear', period: data.period, planYear });
  if (!(data.periodEnd.getTime() > data.periodStart.getTime()))
    return refuse({ _tag: 'PeriodEndNotAfterStart', periodStart: data.periodStart, periodEnd: data.periodEnd });
  if (ruleBookByRef(ruleBook) === undefined) return refuse({ _tag: 'UnknownRuleBook', ruleBook });
  // BR-10 in working days needs the tenant's holiday calendar (national holidays, cuti bersama), which a later
  // issue brings. Counting calendar days instead would silently shorten the employee's legal window, so such a
  // policy is refused here, before any work is done on the evaluation, rather than at delivery.
  if (policy.objectionWindow.kind !== 'calendar')
    return refuse({ _tag: 'WorkingDayWindowUnsupported', days: policy.objectionWindow.days });

  return accept({
    type: 'EvaluationOpened',
    data: {
      evaluation: data.evaluation,
      kind: data.kind,
      period: data.period,
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
      facts: data.facts,
      openedBy: actor.nip,
      at: metadata.now,
    },
  });
};

const sameRealisation = (
  a: Readonly<{ realised: Realised; evidence: ReadonlyArray<Evidence> }>,
  b: Readonly<{ realised: Realised; evidence: ReadonlyArray<Evidence> }>,
): boolean =>
  ASPECTS.every((aspect) => a.realised[aspect] === b.realised[aspect]) &&
  a.evidence.length === b.evidence.length &&
  a.evidence.every((e, i) => e.ref === b.evidence[i]?.ref && e.description === b.evidence[i]?.description);

const recordRealisation = ({ data, metadata }: RecordEvaluationRealisation, state: Live): Decision => {
  const who = notTheAppraiser(metadata, state);
  if (who !== undefined) return refuse(who);
  if (state.status !== 'open') return refuse({ _tag: 'EvaluationNotOpen', status: state.status });
  const iki = state.facts.plan.iki.find((i) => i.iki === data.iki);
  if (iki === undefined) return refuse({ _tag: 'UnknownIki', iki: data.iki });
  if (data.evidence.length === 0) return refuse({ _tag: 'NoEvidence', iki: data.iki });
  const problem = realisedProblem(data.iki, iki.targets, data.realised);
  if (problem !== undefined) return refuse(problem);
  // The same realisation with the same evidence again (a resent form) changes nothing: nothing to record.
  const current = state.realisations.find((r) => r.iki === data.iki);
  if (current !== undefined && sameRealisation(current, data)) return right([]);
  return accept({
    type: 'EvaluationRealisationRecorded',
    data: {
      evaluation: data.evaluation,
      rhk: iki.rhk,
      iki: data.iki,
      realised: data.realised,
      evidence: [...data.evidence],
      recordedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const inviteFeedback = ({ data, metadata }: InviteFeedback, state: Live): Decision => {
  const who = notTheAppraiser(metadata, state);
  if (who !== undefined) return refuse(who);
  if (state.status !== 'open') return refuse({ _tag: 'InvitationsClosed', status: state.status });
  if (!state.facts.policy.peerFeedback) return refuse({ _tag: 'PeerFeedbackDisabled' });

  const { invitee, relation, inviteeFacts } = data;
  const { employee, appraiser, unit } = state.facts.plan.header;
  if (invitee === employee) return refuse({ _tag: 'InviteeIsEmployee', invitee });
  if (invitee === appraiser) return refuse({ _tag: 'InviteeIsAppraiser', invitee });
  if (inviteeFacts.unit !== unit)
    return refuse({ _tag: 'InviteeNotInUnit', invitee, unit, inviteeUnit: inviteeFacts.unit, asOf: inviteeFacts.asOf });
  if (relation === 'subordinate' && inviteeFacts.superior !== employee)
    return refuse({ _tag: 'InviteeNotSubordinate', invitee, employee, superior: inviteeFacts.superior, asOf: inviteeFacts.asOf });
  if (state.invitations.some((i) => i.invitee === invitee)) return refuse({ _tag: 'AlreadyInvited', invitee });

  return accept({
    type: 'FeedbackInvited',
    data: {
      evaluation: data.evaluation,
      invitee,
      relation,
      inviteeFacts: { asOf: inviteeFacts.asOf, unit: inviteeFacts.unit, superior: inviteeFacts.superior },
      invitedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const giveFeedback = ({ data, metadata }: GiveFeedback, state: Live): Decision => {
  const invitation = state.invitations.find((i) => i.invitee === metadata.actor.nip);
  if (invitation === undefined) return refuse({ _tag: 'NotInvited', actor: metadata.actor.nip });
  if (state.status !== 'open') return refuse({ _tag: 'InvitationsClosed', status: state.status });
  if (invitation.answer !== null) return refuse({ _tag: 'FeedbackAlreadyGiven', invitee: invitation.invitee });
  return accept({
    type: 'FeedbackGiven',
    data: {
      evaluation: data.evaluation,
      invitee: invitation.invitee,
      relation: invitation.relation,
      levels: data.levels,
      ...optional('comment', data.comment),
      at: metadata.now,
    },
  });
};

const recordSelfEvaluation = ({ data, metadata }: RecordSelfEvaluation, state: Live): Decision => {
  const employee = employeeOf(state);
  if (metadata.actor.nip !== employee) return refuse({ _tag: 'NotTheEmployee', employee, actor: metadata.actor.nip });
  if (state.status !== 'open') return refuse({ _tag: 'EvaluationNotOpen', status: state.status });
  if (!state.facts.policy.selfEvaluation) return refuse({ _tag: 'SelfEvaluationDisabled' });
  // The same notes again (a resent form) change nothing: nothing to record.
  if (state.selfEvaluation?.notes === data.notes) return right([]);
  return accept({
    type: 'SelfEvaluationRecorded',
    data: { evaluation: data.evaluation, notes: data.notes, recordedBy: metadata.actor.nip, at: metadata.now },
  });
};


const rateEvaluation = ({ data, metadata }: RateEvaluation, state: Live): Decision => {
  const who = notTheAppraiser(metadata, state);
  if (who !== undefined) return refuse(who);
  if (state.status !== 'open' && state.status !== 'rated') return refuse({ _tag: 'RatingClosed', status: state.status });
  const appraisal = appraisalOf(data);
  const input = assessmentInputOf(state, appraisal);
  const assessment = assessWith(state.ruleBook, input);
  if (isLeft(assessment)) return refuse(assessment.left);
  return accept({
    type: 'EvaluationRated',
    data: {
      evaluation: data.evaluation,
      input,
      assessment: assessment.right,
      justification: appraisal.justification,
      ...optional('effortNotes', appraisal.effortNotes),
      closedInvitations: state.invitations.filter((i) => i.answer === null && i.closedAt === null).map((i) => i.invitee),
      feedbackCount: feedbackCount(state),
      ratedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const settleEvaluation = ({ data, metadata }: SettleEvaluation, state: Live): Decision => {
  const who = notSystem(metadata);
  if (who !== undefined) return refuse(who);
  if (state.status !== 'rated') return refuse({ _tag: 'EvaluationNotRated', status: state.status });
  const expected = unitPeriodIdOf(state.facts.plan.header.unit, state.period);
  if (data.unitPeriod !== expected) return refuse({ _tag: 'WrongUnitPeriod', expected, given: data.unitPeriod });
  // BR-09: only the unit head's result may differ from the proposal (their hasil kerja is the organisational
  // result). For anyone else a different predikat means the unit period settled a proposal no longer in force.
  const proposed = state.rating.assessment.predikat;
  if (!state.facts.roster.isUnitHead && data.predikat !== proposed)
    return refuse({ _tag: 'SettlementMismatch', proposed, settled: data.predikat });
  return accept({
    type: 'EvaluationSettled',
    data: {
      evaluation: data.evaluation,
      unitPeriod: data.unitPeriod,
      organisationalResult: data.organisationalResult,
      predikat: data.predikat,
      label: data.label,
      ...optional('hasilKerja', data.hasilKerja),
      ...optional('perilaku', data.perilaku),
      articles: [...data.articles],
      consequences: data.consequences,
      settledBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const deliverEvaluation = ({ data, metadata }: DeliverEvaluation, state: Live): Decision => {
  const who = notTheAppraiser(metadata, state);
  if (who !== undefined) return refuse(who);
  if (state.status !== 'settled') return refuse({ _tag: 'EvaluationNotSettled', status: state.status });
  const { timeZone, objectionWindow } = state.facts.policy;
  const { days } = objectionWindow;
  // BR-10: the window ends at the end of local day `days` after delivery in the tenant's zone (day 14 in time,
  // day 15 late). Only calendar-day windows reach here: OpenEvaluation refuses a `working` policy until the
  // holiday calendars exist, so the event's `kind` is always `calendar` for now.
  return accept({
    type: 'EvaluationDelivered',
    data: {
      evaluation: data.evaluation,
      deliveredBy: metadata.actor.nip,
      deliveredAt: metadata.now,
      objectionDeadline: calendarDeadline(metadata.now, days, timeZone),
      window: { days, kind: 'calendar' },
    },
  });
};

const noteObjection = ({ data, metadata }: NoteObjection, state: Live): Decision => {
  const who = notSystem(metadata);
  if (who !== undefined) return refuse(who);
  // BR-11: one objection per evaluation.
  if (state.status === 'objected') return refuse({ _tag: 'ObjectionAlreadyFiled', objection: state.objection.objection });
  if (state.status !== 'delivered') return refuse({ _tag: 'EvaluationNotDelivered', status: state.status });
  // BR-10: day 14 is in time up to 23:59:59.999 local time; day 15 is late.
  const deadline = state.delivery.objectionDeadline;
  if (metadata.now.getTime() > deadline.getTime()) return refuse({ _tag: 'ObjectionWindowClosed', deadline });
  return accept({
    type: 'EvaluationObjected',
    data: { evaluation: data.evaluation, objection: data.objection, notedBy: metadata.actor.nip, at: metadata.now },
  });
};

const finalizeEvaluation = ({ data, metadata }: FinalizeEvaluation, state: Live): Decision => {
  const { actor } = metadata;
  if (actor.role !== 'sistem' && actor.role !== 'operator')
    return refuse({ _tag: 'NotAllowedToFinalize', actor: actor.nip, role: actor.role });
  const finalized = (reason: 'window-passed' | 'objection-rejected' | 'objection-withdrawn'): Decision =>
    accept({
      type: 'EvaluationFinalized',
      data: { evaluation: data.evaluation, reason, finalizedBy: actor.nip, at: metadata.now },
    });
  switch (state.status) {
    case 'delivered': {
      if (data.outcome !== undefined) return refuse({ _tag: 'NoObjectionPending', status: state.status });
      const deadline = state.delivery.objectionDeadline;
      if (metadata.now.getTime() <= deadline.getTime()) return refuse({ _tag: 'ObjectionWindowOpen', deadline });
      return finalized('window-passed');
    }
    case 'objected':
      if (data.outcome === undefined) return refuse({ _tag: 'ObjectionOutcomeMissing', objection: state.objection.objection });
      return finalized(data.outcome === 'rejected' ? 'objection-rejected' : 'objection-withdrawn');
    default:
      return refuse({ _tag: 'EvaluationNotDelivered', status: state.status });
  }
};

/** What an objection's new rating is assessed as: the appraisal (with BR-09 applied), its input and assessment. */
export type RevisedAssessment = Readonly<{
  appraisal: Appraisal;
  input: AssessmentInput;
  assessment: Assessment;
  /** Set when BR-09 kept the unit head's settled hasil kerja (rated rule books only). */
  headHasilKerja?: RatingLevel;
}>;

/**
 * The assessment an upheld (or partly upheld) objection's new rating gets (BR-11), exactly as `ReviseEvaluation`
 * records it: by the rule book recorded when the evaluation opened, from the evaluation's own inputs (the
 * realisations that count, `peerInputUsed`), and, when the employee heads the unit and the rule book is rated, with
 * the settled hasil kerja kept (BR-09 holds after an objection too). Exported so that the objection's process
 * manager can send the very same assessment to the unit period (`ReviseSettledResult`, the curve re-check) before
 * the evaluation is revised. Left: the rule book's refusal (`WrongRegime`, `InvalidScoreInput`, `UnknownRuleBook`).
 */
export const revisedAssessmentOf = (
  state: EvaluationBody & Readonly<{ settlement: EvaluationSettlement }>,
  rating: Appraisal,
): Either<EvaluationError, RevisedAssessment> => {
  const given = appraisalOf(rating);
  // BR-09 holds after an objection too: the unit head's hasil kerja stays the organisational result's.
  const headHasilKerja =
    state.facts.roster.isUnitHead && given.regime === 'rated' ? state.settlement.hasilKerja : undefined;
  const appraisal: Appraisal =
    headHasilKerja !== undefined && given.regime === 'rated' ? { ...given, hasilKerja: headHasilKerja } : given;
  const input = assessmentInputOf(state, appraisal);
  const assessment = assessWith(state.ruleBook, input);
  if (isLeft(assessment)) return assessment;
  return right({ appraisal, input, assessment: assessment.right, ...optional('headHasilKerja', headHasilKerja) });
};

const reviseEvaluation = ({ data, metadata }: ReviseEvaluation, state: Live): Decision => {
  const who = notSystem(metadata);
  if (who !== undefined) return refuse(who);
  if (state.status !== 'objected') return refuse({ _tag: 'NoObjectionPending', status: state.status });
  if (data.objection !== state.objection.objection)
    return refuse({ _tag: 'WrongObjection', objection: state.objection.objection, given: data.objection });

  const { facts } = state;
  const revised = revisedAssessmentOf(state, data.rating);
  if (isLeft(revised)) return refuse(revised.left);
  const { appraisal: rating, input, assessment, headHasilKerja } = revised.right;

  const previous = currentResult(state);
  if (previous === undefined) return refuse({ _tag: 'NoObjectionPending', status: state.status }); // unreachable: settled
  const consequences = consequencesOf({
    predikat: assessment.predikat,
    jenjang: facts.roster.jenjang,
    months: monthsOfPeriod(state.period),
    proRata: facts.policy.angkaKreditProRata,
    allowanceTable: facts.policy.allowancePercent,
  });
  const articles = [
    ...assessment.articles,
    ...(headHasilKerja === undefined ? [] : ['BR-09']),
    'BR-11',
    ...consequences.articles,
  ];
  return accept({
    type: 'EvaluationRevised',
    data: {
      evaluation: data.evaluation,
      objection: data.objection,
      outcome: data.outcome,
      previous,
      input,
      assessment,
      justification: rating.justification,
      ...optional('effortNotes', rating.effortNotes),
      consequences,
      articles: [...new Set(articles)],
      decidedBy: data.decidedBy,
      revisedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: EvaluationCommand, state: EvaluationState): Decision => {
  // Guards every command shares, first to last: a final evaluation refuses everything, whatever is asked; only
  // OpenEvaluation starts one; a command for another evaluation was routed to the wrong stream.
  if (state.status === 'final')
    return refuse({ _tag: 'EvaluationFinal', evaluation: state.evaluation, finalizedAt: state.finalization.at });
  if (command.type === 'OpenEvaluation') return openEvaluation(command, state);
  if (state.status === 'empty') return refuse({ _tag: 'EvaluationNotOpened', evaluation: command.data.evaluation });
  if (command.data.evaluation !== state.evaluation)
    return refuse({ _tag: 'WrongEvaluation', evaluation: state.evaluation, given: command.data.evaluation });

  switch (command.type) {
    case 'RecordEvaluationRealisation':
      return recordRealisation(command, state);
    case 'InviteFeedback':
      return inviteFeedback(command, state);
    case 'GiveFeedback':
      return giveFeedback(command, state);
    case 'RecordSelfEvaluation':
      return recordSelfEvaluation(command, state);
    case 'RateEvaluation':
      return rateEvaluation(command, state);
    case 'SettleEvaluation':
      return settleEvaluation(command, state);
    case 'DeliverEvaluation':
      return deliverEvaluation(command, state);
    case 'NoteObjection':
      return noteObjection(command, state);
    case 'FinalizeEvaluation':
      return finalizeEvaluation(command, state);
    case 'ReviseEvaluation':
      return reviseEvaluation(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const evaluationDecider: Decider<EvaluationState, EvaluationCommand, EvaluationEvent, EvaluationError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};
