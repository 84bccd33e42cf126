/**
 * What the objection decides: the commands it accepts, one function per command, then `decide`, which runs the
 * guards every command shares before handing over, `objectionDecider`, and the timer `due`.
 *
 * Each function checks, in this order: who asks, whether the objection is in a status that allows it, then what is
 * asked. The first rule broken is the answer; nothing is appended for a refused command.
 *
 * What the evaluation's stream says (employee, appraiser, addressee, delivery, BR-10 deadline) and the tenant's
 * calendar and objection policy arrive in FileObjection, filled in by the engine (`objectionFactsOf`); the HTTP
 * edge decodes `FileObjectionRequestCodec`, which has no such field (ADR 0001, point 3).
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { optional } from '../core/fields';
import { deadlineAfter, isPast } from '../calendar';
import type { Actor, Command, CommandMetadata, Decider, EvaluationId } from '../core';
import { appraisalOf, type Appraisal } from '../evaluation/evaluation';
import { ruleBookByRef } from '../rulebook/registry';
import type { ObjectionError } from './errors';
import {
  closedAt,
  DECISION_ARTICLES,
  ESCALATION_ARTICLES,
  ESCALATION_AUTHORITY,
  evolve,
  FILING_ARTICLES,
  initialState,
  isTerminal,
  missingExplanations,
  OBJECTION_AUTHORITY,
  type FiledObjection,
  type ObjectionEvent,
  type ObjectionFacts,
  type ObjectionParty,
  type ObjectionState,
} from './objection';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its evaluation (the engine loads the stream from it) and, once filed, its objection.
// ---------------------------------------------------------------------------------------------------------------

/** What the employee sends: the evaluation, an id for the objection, and the written reasons. */
export type FileObjectionRequest = Readonly<{ evaluation: EvaluationId; objection: string; reasons: ReadonlyArray<string> }>;

/** The evaluated employee files a keberatan (BR-10); `facts` are the engine's. */
export type FileObjection = Command<'FileObjection', FileObjectionRequest & Readonly<{ facts: ObjectionFacts }>>;

/** The appraiser or the employee explains their side, once each, before the decision (BR-11). */
export type RecordExplanation = Command<
  'RecordExplanation',
  Readonly<{ evaluation: EvaluationId; objection: string; explanation: string }>
>;

/** The decision: upheld or partly upheld with the new rating, or rejected. */
export type ObjectionRuling =
  | Readonly<{ outcome: 'upheld'; rating: Appraisal }>
  | Readonly<{ outcome: 'partly-upheld'; rating: Appraisal }>
  | Readonly<{ outcome: 'rejected' }>;

/** The Atasan Pejabat Penilai decides, with reasons, once both sides are heard (BR-11). */
export type DecideObjection = Command<
  'DecideObjection',
  Readonly<{ evaluation: EvaluationId; objection: string; reasons: ReadonlyArray<string> }> & ObjectionRuling
>;

/** The employee withdraws the objection before it is decided; the settled result then becomes final. */
export type WithdrawObjection = Command<
  'WithdrawObjection',
  Readonly<{ evaluation: EvaluationId; objection: string; reason?: string }>
>;

/** The system's timer (`dueObjection`), once the decision deadline has passed undecided. */
export type EscalateObjection = Command<'EscalateObjection', Readonly<{ evaluation: EvaluationId; objection: string }>>;

export type ObjectionCommand = FileObjection | RecordExplanation | DecideObjection | WithdrawObjection | EscalateObjection;

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<ObjectionError, ReadonlyArray<ObjectionEvent>>;

const refuse = (error: ObjectionError): Decision => left(error);
const accept = (...events: ReadonlyArray<ObjectionEvent>): Decision => right(events);

/** Written reasons: at least one that is not blank. */
const hasReasons = (reasons: ReadonlyArray<string>): boolean => reasons.some((r) => r.trim().length > 0);



// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const fileObjection = ({ data, metadata }: FileObjection, state: ObjectionState): Decision => {
  // BR-11: one objection per evaluation, whatever became of the first.
  if (state.status !== 'empty') return refuse({ _tag: 'ObjectionAlreadyFiled', objection: state.objection, filedAt: state.filedAt });
  const { evaluation: facts, calendar, policy } = data.facts;
  const { actor, now } = metadata;
  if (actor.nip !== facts.employee) return refuse({ _tag: 'NotTheEmployee', employee: facts.employee, actor: actor.nip });
  const { deliveredAt, objectionDeadline } = facts;
  if (facts.status !== 'delivered' || deliveredAt === null || objectionDeadline === null)
    return refuse({ _tag: 'EvaluationNotDelivered', status: facts.status });
  // BR-10: the deadline is the one the evaluation recorded at delivery (day 14 ends 23:59:59.999 local time).
  if (now.getTime() > objectionDeadline.getTime()) return refuse({ _tag: 'ObjectionWindowClosed', deadline: objectionDeadline });
  if (!hasReasons(data.reasons)) return refuse({ _tag: 'NoReasons' });
  const decisionDeadline = deadlineAfter(now, policy.decisionPeriod, calendar);
  if (isLeft(decisionDeadline)) return refuse(decisionDeadline.left);
  return accept({
    type: 'ObjectionFiled',
    data: {
      evaluation: data.evaluation,
      objection: data.objection,
      reasons: [...data.reasons],
      employee: facts.employee,
      appraiser: facts.appraiser,
      addressee: facts.appraiserSuperior,
      unit: facts.unit,
      unitPeriod: facts.unitPeriod,
      ruleBook: facts.ruleBook,
      deliveredAt,
      objectionDeadline,
      decisionDeadline: decisionDeadline.right,
      policy: { decisionPeriod: { days: policy.decisionPeriod.days, kind: policy.decisionPeriod.kind } },
      articles: [...FILING_ARTICLES],
      filedBy: actor.nip,
      at: now,
    },
  });
};

const partyOf = (actor: Actor, state: FiledObjection): ObjectionParty | undefined =>
  actor.nip === state.appraiser ? 'appraiser' : actor.nip === state.employee ? 'employee' : undefined;

const recordExplanation = ({ data, metadata }: RecordExplanation, state: FiledObjection): Decision => {
  const party = partyOf(metadata.actor, state);
  if (party === undefined)
    return refuse({ _tag: 'NotAParty', employee: state.employee, appraiser: state.appraiser, actor: metadata.actor.nip });
  const already = state.explanations[party];
  if (already !== null) return refuse({ _tag: 'ExplanationAlreadyRecorded', party, recordedAt: already.at });
  return accept({
    type: 'ExplanationRecorded',
    data: {
      evaluation: data.evaluation,
      objection: data.objection,
      party,
      explanation: data.explanation,
      recordedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const decideObjection = ({ data, metadata }: DecideObjection, state: FiledObjection): Decision => {
  const { actor, now } = metadata;
  if (actor.nip !== state.addressee) return refuse({ _tag: 'NotTheAddressee', addressee: state.addressee, actor: actor.nip });
  // BR-11: both sides are heard first; the error names who is missing.
  const missing = missingExplanations(state);
  if (missing.length > 0) return refuse({ _tag: 'ExplanationsMissing', missing });
  if (!hasReasons(data.reasons)) return refuse({ _tag: 'NoReasons' });
  const common = {
    evaluation: data.evaluation,
    objection: data.objection,
    reasons: [...data.reasons],
    decidedBy: actor.nip,
    authority: OBJECTION_AUTHORITY,
    articles: [...DECISION_ARTICLES],
    afterDeadline: isPast(state.decisionDeadline, now),
    at: now,
  } as const;
  if (data.outcome === 'rejected') return accept({ type: 'ObjectionRejected', data: common });

  // New ratings are in the regime of the evaluation's recorded rule book; the evaluation assesses them when the
  // process manager revises it (and the rule book's other refusals surface there).
  const book = ruleBookByRef(state.ruleBook);
  if (book === undefined) return refuse({ _tag: 'UnknownRuleBook', ruleBook: state.ruleBook });
  if (book.regime !== data.rating.regime)
    return refuse({ _tag: 'WrongRegime', ruleBook: state.ruleBook, expected: book.regime, given: data.rating.regime });
  const rating = appraisalOf(data.rating);
  return accept(
    data.outcome === 'upheld'
      ? { type: 'ObjectionUpheld', data: { ...common, rating } }
      : { type: 'ObjectionPartlyUpheld', data: { ...common, rating } },
  );
};

const withdrawObjection = ({ data, metadata }: WithdrawObjection, state: FiledObjection): Decision => {
  if (metadata.actor.nip !== state.employee)
    return refuse({ _tag: 'NotTheEmployee', employee: state.employee, actor: metadata.actor.nip });
  return accept({
    type: 'ObjectionWithdrawn',
    data: {
      evaluation: data.evaluation,
      objection: data.objection,
      ...optional('reason', data.reason),
      withdrawnBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const escalateObjection = ({ data, metadata }: EscalateObjection, state: FiledObjection): Decision => {
  const { actor, now } = metadata;
  if (actor.role !== 'sistem') return refuse({ _tag: 'NotSystem', actor: actor.nip, role: actor.role });
  if (state.escalation !== null) return refuse({ _tag: 'AlreadyEscalated', escalatedAt: state.escalation.at });
  if (!isPast(state.decisionDeadline, now)) return refuse({ _tag: 'DecisionNotOverdue', deadline: state.decisionDeadline.endsAt });
  return accept({
    type: 'ObjectionDecisionOverdue',
    data: {
      evaluation: data.evaluation,
      objection: data.objection,
      addressee: state.addressee,
      deadline: state.decisionDeadline,
      escalatedBy: actor.nip,
      authority: ESCALATION_AUTHORITY,
      articles: [...ESCALATION_ARTICLES],
      at: now,
    },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: ObjectionCommand, state: ObjectionState): Decision => {
  // Guards every command shares, first to last: FileObjection answers for itself (BR-11, also once closed); a
  // closed objection refuses everything else; nothing happens before filing; a command for another evaluation or
  // objection was routed to the wrong stream.
  if (command.type === 'FileObjection') return fileObjection(command, state);
  if (isTerminal(state))
    return refuse({ _tag: 'ObjectionClosed', objection: state.objection, status: state.status, closedAt: closedAt(state) });
  if (state.status === 'empty') return refuse({ _tag: 'ObjectionNotFiled', evaluation: command.data.evaluation });
  if (command.data.evaluation !== state.evaluation)
    return refuse({ _tag: 'WrongEvaluation', evaluation: state.evaluation, given: command.data.evaluation });
  if (command.data.objection !== state.objection)
    return refuse({ _tag: 'WrongObjection', objection: state.objection, given: command.data.objection });

  switch (command.type) {
    case 'RecordExplanation':
      return recordExplanation(command, state);
    case 'DecideObjection':
      return decideObjection(command, state);
    case 'WithdrawObjection':
      return withdrawObjection(command, state);
    case 'EscalateObjection':
      return escalateObjection(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const objectionDecider: Decider<ObjectionState, ObjectionCommand, ObjectionEvent, ObjectionError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};

// ---------------------------------------------------------------------------------------------------------------
// Timer
// ---------------------------------------------------------------------------------------------------------------

/**
 * The commands whose deadline has passed at `now`, to be sent as `actor` (role `sistem`): the escalation of an
 * undecided objection once its decision deadline is past, once. Nothing for an objection not filed, already
 * escalated, decided or withdrawn. (The filing window, BR-10, is the evaluation's timer, not this one.)
 */
export const due = (now: Date, state: ObjectionState, actor: Actor): ReadonlyArray<EscalateObjection> => {
  if (state.status !== 'filed' || state.escalation !== null || !isPast(state.decisionDeadline, now)) return [];
  const metadata: CommandMetadata = { now, actor };
  return [{ type: 'EscalateObjection', data: { evaluation: state.evaluation, objection: state.objection }, metadata }];
};
