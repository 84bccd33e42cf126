/**
 * What an appeal decides: the commands it accepts, one function per command, then `decide`, which runs the guards
 * every command shares, `appealDecider`, and the timer `dueAppeal`.
 *
 * Each function checks, in this order: who asks, whether the appeal is in a status that allows it, then what is
 * asked. The first rule broken is the answer; nothing is appended for a refused command.
 *
 * The decision under review, the tenant's calendar and its policy arrive in the filing commands, filled in by the
 * engine; the HTTP edge decodes `FileAppealRequestCodec`, which has no such fields (ADR 0001, point 3). Deadlines
 * are computed once, in the tenant's calendar, and recorded on the filing event: `evolve` never needs a calendar.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { deadlineAfter, isPast, type TenantCalendar } from '../calendar';
import type { Actor, Command, CommandMetadata, Decider, Role, TenantId } from '../core';
import {
  APPEAL_ARTICLES,
  APPEAL_PERIODS,
  APPEAL_SANCTION_LEVELS,
  appealStreamId,
  evolve,
  initialState,
  isTerminal,
  APPEAL_OUTCOME_EVENT,
  reviewedSanctionOf,
  APPEAL_SANCTION_SETTING_OUTCOMES,
  type AppealEvent,
  type AppealKind,
  type AppealOutcome,
  type AppealPolicy,
  type AppealState,
  type FiledAppeal,
  type RespondedAppeal,
  type ReviewedDecision,
  type ReviewedSanction,
} from './appeal';
import type { AppealError } from './errors';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its case; `appealKindOf` says which of the case's two streams it goes to.
// ---------------------------------------------------------------------------------------------------------------

/** What the sanctioned employee sends to file a keberatan or a banding; the engine adds the facts. */
export type FileAppealRequest = Readonly<{ caseId: string; reasons: ReadonlyArray<string> }>;

/** The engine's facts for a filing: the decision under review and the tenant's calendar. */
type FilingFacts = Readonly<{ decision: ReviewedDecision; calendar: TenantCalendar }>;

/** BR-21: a keberatan against a decision that is not a dismissal; the tenant's policy is recorded with it. */
export type FileAdministrativeObjection = Command<
  'FileAdministrativeObjection',
  FileAppealRequest & FilingFacts & Readonly<{ policy: AppealPolicy }>
>;

/** BR-20: a banding to BPASN against a dismissal. */
export type FileAppeal = Command<'FileAppeal', FileAppealRequest & FilingFacts>;

/** BR-20: the PPK's response (tanggapan) to a banding. */
export type RecordPpkResponse = Command<'RecordPpkResponse', Readonly<{ caseId: string; response: string }>>;

/** Timer (role `sistem`): the PPK's 21 working days to respond to a banding have passed. */
export type MarkPpkResponseOverdue = Command<'MarkPpkResponseOverdue', Readonly<{ caseId: string }>>;

/** The PPK (keberatan) or BPASN (banding) decides, with one of the five outcomes and its reasons. */
export type DecideAppeal = Command<
  'DecideAppeal',
  Readonly<{
    kind: AppealKind;
    caseId: string;
    outcome: AppealOutcome;
    reasons: ReadonlyArray<string>;
    /** The new sanction: required for memperingan, memperberat and mengubah; absent otherwise. */
    sanction?: ReviewedSanction;
  }>
>;

/** Timer (role `sistem`), BR-21 [policy]: the keberatan is deemed granted after 21 working days undecided. */
export type DeemGranted = Command<'DeemGranted', Readonly<{ caseId: string }>>;

export type AppealCommand =
  | FileAdministrativeObjection
  | FileAppeal
  | RecordPpkResponse
  | MarkPpkResponseOverdue
  | DecideAppeal
  | DeemGranted;

/** Which of a case's two streams a command belongs to. */
export const appealKindOf = (command: AppealCommand): AppealKind => {
  switch (command.type) {
    case 'FileAdministrativeObjection':
    case 'DeemGranted':
      return 'keberatan';
    case 'FileAppeal':
    case 'RecordPpkResponse':
    case 'MarkPpkResponseOverdue':
      return 'banding';
    case 'DecideAppeal':
      return command.data.kind;
  }
};

/** The stream a command is run against. */
export const appealStreamIdOf = (tenant: TenantId, command: AppealCommand): string =>
  appealStreamId(tenant, appealKindOf(command), command.data.caseId);

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<AppealError, ReadonlyArray<AppealEvent>>;

const refuse = (error: AppealError): Decision => left(error);
const accept = (...events: ReadonlyArray<AppealEvent>): Decision => right(events);

type Pending = FiledAppeal | RespondedAppeal;

const notInRole = (metadata: CommandMetadata, required: Role): AppealError | undefined =>
  metadata.actor.role === required
    ? undefined
    : { _tag: 'NotAuthorised', required, actor: metadata.actor.nip, role: metadata.actor.role };

const notSystem = (metadata: CommandMetadata): AppealError | undefined =>
  metadata.actor.role === 'sistem' ? undefined : { _tag: 'NotSystem', actor: metadata.actor.nip, role: metadata.actor.role };

const levelRank = (level: ReviewedSanction['level']): number => APPEAL_SANCTION_LEVELS.indexOf(level);

const sameSanction = (a: ReviewedSanction, b: ReviewedSanction): boolean =>
  a.level === b.level && a.type === b.type && a.months === b.months;

/** The sanction of a command, field by field (nothing else rides along). */
const sanctionFrom = (s: ReviewedSanction): ReviewedSanction => ({
  level: s.level,
  type: s.type,
  ...(s.months === undefined ? {} : { months: s.months }),
});

const decisionFrom = (d: ReviewedDecision): ReviewedDecision => ({
  caseId: d.caseId,
  sanctionLevel: d.sanctionLevel,
  sanctionType: d.sanctionType,
  isDismissal: d.isDismissal,
  deliveredAt: d.deliveredAt,
  employee: d.employee,
});

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const file = (command: FileAdministrativeObjection | FileAppeal): Decision => {
  const { data, metadata } = command;
  const { decision, calendar } = data;
  const kind = appealKindOf(command);
  if (metadata.actor.nip !== decision.employee)
    return refuse({ _tag: 'NotTheSanctionedEmployee', employee: decision.employee, actor: metadata.actor.nip });
  if (data.caseId !== decision.caseId)
    return refuse({ _tag: 'DecisionOfAnotherCase', caseId: data.caseId, decisionCaseId: decision.caseId });

  // BR-20 / BR-21: a dismissal goes to BPASN, anything else is objected to; ringan only when the policy allows.
  if (command.type === 'FileAdministrativeObjection') {
    if (decision.isDismissal) return refuse({ _tag: 'DismissalGoesToBanding', caseId: data.caseId, sanctionType: decision.sanctionType });
    if (decision.sanctionLevel === 'ringan' && !command.data.policy.ringanObjectable)
      return refuse({ _tag: 'RinganNotObjectable', caseId: data.caseId, sanctionType: decision.sanctionType });
  } else if (!decision.isDismissal)
    return refuse({ _tag: 'BandingOnlyAgainstDismissal', caseId: data.caseId, sanctionType: decision.sanctionType });

  if (data.reasons.length === 0) return refuse({ _tag: 'NoReasonsGiven' });
  if (metadata.now.getTime() < decision.deliveredAt.getTime())
    return refuse({ _tag: 'DecisionNotYetDelivered', deliveredAt: decision.deliveredAt });

  // 14 working days from receipt, in the tenant's calendar: day 14 in time up to 23:59:59.999 local, day 15 late.
  const filingDeadline = deadlineAfter(decision.deliveredAt, APPEAL_PERIODS.filing, calendar);
  if (filingDeadline._tag === 'Left') return refuse(filingDeadline.left);
  if (isPast(filingDeadline.right, metadata.now)) return refuse({ _tag: 'FilingWindowClosed', deadline: filingDeadline.right.endsAt });

  // The PPK's 21 working days (to decide a keberatan, to respond to a banding) run from the filing.
  const ppkDeadline = deadlineAfter(
    metadata.now,
    kind === 'keberatan' ? APPEAL_PERIODS.ppkDecision : APPEAL_PERIODS.ppkResponse,
    calendar,
  );
  if (ppkDeadline._tag === 'Left') return refuse(ppkDeadline.left);

  const filing = {
    caseId: data.caseId,
    employee: decision.employee,
    decision: decisionFrom(decision),
    reasons: [...data.reasons],
    filingDeadline: filingDeadline.right,
    filedBy: metadata.actor.nip,
    at: metadata.now,
  };
  if (command.type === 'FileAdministrativeObjection') {
    const { objectionDeemedGranted, ringanObjectable } = command.data.policy;
    return accept({
      type: 'AdministrativeObjectionFiled',
      data: {
        ...filing,
        decisionDeadline: ppkDeadline.right,
        policy: { objectionDeemedGranted, ringanObjectable },
        articles: [...APPEAL_ARTICLES.keberatan],
      },
    });
  }
  return accept({
    type: 'AppealFiled',
    data: { ...filing, responseDeadline: ppkDeadline.right, articles: [...APPEAL_ARTICLES.banding] },
  });
};

const recordPpkResponse = ({ data, metadata }: RecordPpkResponse, state: Pending): Decision => {
  const who = notInRole(metadata, 'ppk');
  if (who !== undefined) return refuse(who);
  if (state.status === 'responded') return refuse({ _tag: 'PpkResponseAlreadyRecorded', respondedAt: state.ppkResponse.at });
  return accept({
    type: 'PpkResponseRecorded',
    data: {
      caseId: data.caseId,
      response: data.response,
      respondedBy: metadata.actor.nip,
      authority: 'ppk',
      deadline: state.ppkDeadline.endsAt,
      // BR-20: a response after the 21 working days is still taken, and recorded as late.
      late: isPast(state.ppkDeadline, metadata.now),
      at: metadata.now,
      articles: [...APPEAL_ARTICLES.banding],
    },
  });
};

const markPpkResponseOverdue = ({ data, metadata }: MarkPpkResponseOverdue, state: Pending): Decision => {
  const who = notSystem(metadata);
  if (who !== undefined) return refuse(who);
  if (state.status === 'responded') return refuse({ _tag: 'PpkResponseAlreadyRecorded', respondedAt: state.ppkResponse.at });
  if (state.responseOverdueAt !== null) return refuse({ _tag: 'PpkResponseOverdueAlreadyNoted', notedAt: state.responseOverdueAt });
  if (!isPast(state.ppkDeadline, metadata.now)) return refuse({ _tag: 'PpkResponseNotOverdue', deadline: state.ppkDeadline.endsAt });
  return accept({
    type: 'PpkResponseOverdue',
    data: {
      caseId: data.caseId,
      deadline: state.ppkDeadline.endsAt,
      notedBy: metadata.actor.nip,
      at: metadata.now,
      articles: [...APPEAL_ARTICLES.banding],
    },
  });
};

/** The new sanction's problem for `outcome`, if any. */
const sanctionProblem = (
  outcome: AppealOutcome,
  previous: ReviewedSanction,
  given: ReviewedSanction | undefined,
): AppealError | undefined => {
  const setsSanction = (APPEAL_SANCTION_SETTING_OUTCOMES as ReadonlyArray<AppealOutcome>).includes(outcome);
  if (!setsSanction) return given === undefined ? undefined : { _tag: 'NewSanctionNotAllowed', outcome };
  if (given === undefined) return { _tag: 'NewSanctionRequired', outcome };
  if (sameSanction(given, previous)) return { _tag: 'SanctionUnchanged', sanction: sanctionFrom(given) };
  if (outcome === 'memperingan' && levelRank(given.level) > levelRank(previous.level))
    return { _tag: 'SanctionNotLighter', previous: previous.level, given: given.level };
  if (outcome === 'memperberat' && levelRank(given.level) < levelRank(previous.level))
    return { _tag: 'SanctionNotHeavier', previous: previous.level, given: given.level };
  return undefined;
};

const decideAppeal = ({ data, metadata }: DecideAppeal, state: Pending): Decision => {
  // BR-21: the PPK decides a keberatan; BR-20: BPASN decides a banding.
  const who = notInRole(metadata, state.kind === 'keberatan' ? 'ppk' : 'bpasn');
  if (who !== undefined) return refuse(who);
  const deadline = state.ppkDeadline;
  const pastDeadline = isPast(deadline, metadata.now);
  if (state.kind === 'banding' && state.status === 'filed' && state.responseOverdueAt === null && !pastDeadline)
    return refuse({ _tag: 'AwaitingPpkResponse', deadline: deadline.endsAt });
  if (state.kind === 'keberatan' && pastDeadline && state.policy?.objectionDeemedGranted === true)
    return refuse({ _tag: 'DecisionPeriodOver', deadline: deadline.endsAt });
  if (data.reasons.length === 0) return refuse({ _tag: 'NoReasonsGiven' });
  const previous = reviewedSanctionOf(state.decision);
  const problem = sanctionProblem(data.outcome, previous, data.sanction);
  if (problem !== undefined) return refuse(problem);

  const decided = {
    caseId: data.caseId,
    kind: state.kind,
    previous,
    reasons: [...data.reasons],
    decidedBy: metadata.actor.nip,
    authority: state.kind === 'keberatan' ? ('ppk' as const) : ('bpasn' as const),
    articles: [...APPEAL_ARTICLES[state.kind]],
    late: state.kind === 'keberatan' && pastDeadline,
    at: metadata.now,
  };
  const type = APPEAL_OUTCOME_EVENT[data.outcome];
  switch (type) {
    case 'SanctionAffirmedOnReview':
    case 'SanctionAnnulledOnReview':
      return accept({ type, data: decided });
    case 'SanctionLightenedOnReview':
    case 'SanctionIncreasedOnReview':
    case 'SanctionAlteredOnReview':
      // `sanctionProblem` made sure a sanction-setting outcome names one.
      return data.sanction === undefined
        ? refuse({ _tag: 'NewSanctionRequired', outcome: data.outcome })
        : accept({ type, data: { ...decided, sanction: sanctionFrom(data.sanction) } });
    default:
      return refuse({ _tag: 'NewSanctionRequired', outcome: data.outcome }); // unreachable: APPEAL_OUTCOME_EVENT is total
  }
};

const deemGranted = ({ data, metadata }: DeemGranted, state: Pending): Decision => {
  const who = notSystem(metadata);
  if (who !== undefined) return refuse(who);
  if (state.policy?.objectionDeemedGranted !== true) return refuse({ _tag: 'DeemedGrantedDisabled' });
  if (!isPast(state.ppkDeadline, metadata.now)) return refuse({ _tag: 'DecisionPeriodNotOver', deadline: state.ppkDeadline.endsAt });
  return accept({
    type: 'ObjectionDeemedGranted',
    data: {
      caseId: data.caseId,
      previous: reviewedSanctionOf(state.decision),
      deadline: state.ppkDeadline.endsAt,
      decidedBy: metadata.actor.nip,
      authority: 'fiktif-positif',
      articles: [...APPEAL_ARTICLES.deemedGranted],
      at: metadata.now,
    },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: AppealCommand, state: AppealState): Decision => {
  // Guards every command shares, first to last: a decided appeal refuses everything, whatever is asked; only the
  // filing commands start one; a command for another case or kind was routed to the wrong stream.
  const kind = appealKindOf(command);
  const { caseId } = command.data;
  if (state.status === 'decided')
    return refuse({ _tag: 'AppealDecided', kind: state.kind, caseId: state.caseId, decidedAt: state.ruling.at });
  if (command.type === 'FileAdministrativeObjection' || command.type === 'FileAppeal')
    return state.status === 'empty' ? file(command) : refuse({ _tag: 'AppealAlreadyFiled', kind: state.kind, caseId: state.caseId });
  if (state.status === 'empty') return refuse({ _tag: 'AppealNotFiled', kind, caseId });
  if (kind !== state.kind || caseId !== state.caseId)
    return refuse({ _tag: 'WrongAppeal', kind: state.kind, caseId: state.caseId, givenKind: kind, givenCaseId: caseId });

  switch (command.type) {
    case 'RecordPpkResponse':
      return recordPpkResponse(command, state);
    case 'MarkPpkResponseOverdue':
      return markPpkResponseOverdue(command, state);
    case 'DecideAppeal':
      return decideAppeal(command, state);
    case 'DeemGranted':
      return deemGranted(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const appealDecider: Decider<AppealState, AppealCommand, AppealEvent, AppealError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};

// ---------------------------------------------------------------------------------------------------------------
// Timer
// ---------------------------------------------------------------------------------------------------------------

/**
 * The commands whose deadline has passed at `now`, sent as `actor` (the system): a keberatan undecided for 21
 * working days is deemed granted when its recorded policy says so (BR-21); a banding whose PPK has not responded
 * within 21 working days gets its overdue response noted (BR-20). Nothing else is due.
 */
export const dueAppeal = (now: Date, state: AppealState, actor: Actor): ReadonlyArray<AppealCommand> => {
  if (state.status !== 'filed' || !isPast(state.ppkDeadline, now)) return [];
  const metadata = { now, actor };
  if (state.kind === 'keberatan')
    return state.policy?.objectionDeemedGranted === true ? [{ type: 'DeemGranted', data: { caseId: state.caseId }, metadata }] : [];
  return state.responseOverdueAt === null ? [{ type: 'MarkPpkResponseOverdue', data: { caseId: state.caseId }, metadata }] : [];
};

/** The states that take commands besides filing. */
export type PendingAppeal = Pending;
