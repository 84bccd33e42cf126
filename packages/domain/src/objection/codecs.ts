/**
 * io-ts codecs for the objection's commands (input from outside: unknown fields are refused, naming each) and
 * events (stored facts: unknown fields are stripped, upcasters handle schema changes). Dates are ISO-8601 on the
 * wire.
 *
 * Codecs check shapes only (non-blank texts, three rating levels, all seven BerAKHLAK values). Business rules (at
 * least one reason, the window, who may) are the decider's, so a client gets the same tagged error whichever door
 * it came through. The HTTP edge decodes `FileObjectionRequestCodec`, which has no engine-filled `facts`.
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import { calendarShapes, DayCountCodec } from '../calendar/codecs';
import {
  byKey,
  byType,
  commandCodec,
  EvaluationId,
  eventCodec,
  FiniteNumber,
  Instant,
  literals,
  Nip,
  strictObject,
  strippingObject,
  text,
  totalRecord,
  UnitId,
  UnitPeriodId,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import { EVALUATION_STATUSES } from '../evaluation/evaluation';
import { CORE_VALUES } from '../plan/plan';
import { ruleBookValueCodecs } from '../rulebook/codecs';
import { RatingLevelCodec } from '../rulebook/vocabulary';
import type {
  DecideObjection,
  EscalateObjection,
  FileObjection,
  FileObjectionRequest,
  ObjectionCommand,
  RecordExplanation,
  WithdrawObjection,
} from './decide';
import {
  ESCALATION_AUTHORITY,
  OBJECTION_AUTHORITY,
  OBJECTION_PARTIES,
  type ExplanationRecorded,
  type ObjectionDecisionOverdue,
  type ObjectionEvent,
  type ObjectionFiled,
  type ObjectionPartlyUpheld,
  type ObjectionPolicy,
  type ObjectionRejected,
  type ObjectionUpheld,
  type ObjectionWithdrawn,
} from './objection';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

/** Text limits, in characters (`objection` as the evaluation's NoteObjection takes it). */
export const OBJECTION_TEXT_LIMITS = {
  objection: 200,
  reason: 4000,
  explanation: 8000,
  justification: 4000,
  notes: 4000,
} as const;

export const ObjectionPartyCodec = literals('ObjectionParty', OBJECTION_PARTIES);
const EvaluationStatusCodec = literals('EvaluationStatus', EVALUATION_STATUSES);

const objection = text(OBJECTION_TEXT_LIMITS.objection);
const reasons = t.readonlyArray(text(OBJECTION_TEXT_LIMITS.reason));
const explanation = text(OBJECTION_TEXT_LIMITS.explanation);
const articles = t.readonlyArray(text(200));
/** A number of days of a period of the law: 1 to 366. */
const Days = wholeNumber('Days', 1, 366);

/**
 * The nested shapes, built once for commands (strict) and once for events (stripping) from one description, so
 * the two never drift apart.
 */
const shapes = (object: ObjectCodec, ruleBookValues: (typeof ruleBookValueCodecs)['strict']) => {
  const { ruleBookRef } = ruleBookValues;
  const policy = object('ObjectionPolicy', { decisionPeriod: object('DecisionPeriod', { days: Days, kind: DayCountCodec }) });
  const { calendar, deadline } = calendarShapes(object);
  const evaluationFacts = object('ObjectionEvaluationFacts', {
    employee: Nip,
    appraiser: Nip,
    appraiserSuperior: Nip,
    unit: UnitId,
    unitPeriod: UnitPeriodId,
    ruleBook: ruleBookRef,
    status: EvaluationStatusCodec,
    deliveredAt: t.union([Instant, t.null]),
    objectionDeadline: t.union([Instant, t.null]),
  });
  const facts = object('ObjectionFacts', { evaluation: evaluationFacts, calendar, policy });
  const justification = text(OBJECTION_TEXT_LIMITS.justification);
  const notes = text(OBJECTION_TEXT_LIMITS.notes);
  /** The same Appraisal a RateEvaluation carries (the evaluation's regime decides which). */
  const appraisal = byKey('Appraisal', 'regime', {
    rated: object(
      'RatedAppraisal',
      { regime: t.literal('rated'), hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec, justification },
      { effortNotes: notes },
    ),
    numeric: object(
      'NumericAppraisal',
      {
        regime: t.literal('numeric'),
        behaviour: totalRecord(object, 'CoreValueScores', CORE_VALUES, FiniteNumber),
        innovation: t.boolean,
        justification,
      },
      { effortNotes: notes },
    ),
  });
  return { ruleBookRef, policy, facts, deadline, appraisal };
};

const wire = shapes(strictObject, ruleBookValueCodecs.strict);
const stored = shapes(strippingObject, ruleBookValueCodecs.stripping);

/** An objection policy supplied as tenant data (e.g. from a settings file). */
export const ObjectionPolicyCodec: t.Type<ObjectionPolicy, unknown, unknown> = wire.policy;

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

const filing = { evaluation: EvaluationId, objection, reasons };
const named = { evaluation: EvaluationId, objection };

/** The FileObjection body a client may send: no `facts` (the engine looks them up; a client sending them is refused). */
export const FileObjectionRequestCodec: t.Type<FileObjectionRequest, unknown, unknown> = strictObject('FileObjectionRequest', filing);

export const FileObjectionCodec: t.Type<FileObjection, unknown, unknown> = commandCodec(
  'FileObjection',
  strictObject('FileObjection.data', { ...filing, facts: wire.facts }),
);
export const RecordExplanationCodec: t.Type<RecordExplanation, unknown, unknown> = commandCodec(
  'RecordExplanation',
  strictObject('RecordExplanation.data', { ...named, explanation }),
);
export const DecideObjectionCodec: t.Type<DecideObjection, unknown, unknown> = commandCodec(
  'DecideObjection',
  byKey('DecideObjection.data', 'outcome', {
    upheld: strictObject('DecideObjection.data', { ...named, reasons, outcome: t.literal('upheld'), rating: wire.appraisal }),
    'partly-upheld': strictObject('DecideObjection.data', {
      ...named,
      reasons,
      outcome: t.literal('partly-upheld'),
      rating: wire.appraisal,
    }),
    rejected: strictObject('DecideObjection.data', { ...named, reasons, outcome: t.literal('rejected') }),
  }),
);
export const WithdrawObjectionCodec: t.Type<WithdrawObjection, unknown, unknown> = commandCodec(
  'WithdrawObjection',
  strictObject('WithdrawObjection.data', named, { reason: text(OBJECTION_TEXT_LIMITS.reason) }),
);
export const EscalateObjectionCodec: t.Type<EscalateObjection, unknown, unknown> = commandCodec(
  'EscalateObjection',
  strictObject('EscalateObjection.data', named),
);

type CommandCodecs = { readonly [K in ObjectionCommand['type']]: t.Type<Extract<ObjectionCommand, { type: K }>, unknown, unknown> };

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const objectionCommandCodecs: CommandCodecs = {
  FileObjection: FileObjectionCodec,
  RecordExplanation: RecordExplanationCodec,
  DecideObjection: DecideObjectionCodec,
  WithdrawObjection: WithdrawObjectionCodec,
  EscalateObjection: EscalateObjectionCodec,
};

export const ObjectionCommandCodec: t.Type<ObjectionCommand, unknown, unknown> = byType('ObjectionCommand', objectionCommandCodecs);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

const decision = {
  ...named,
  reasons,
  decidedBy: Nip,
  authority: t.literal(OBJECTION_AUTHORITY),
  articles,
  afterDeadline: t.boolean,
  at: Instant,
};

export const ObjectionFiledCodec: t.Type<ObjectionFiled, unknown, unknown> = eventCodec(
  'ObjectionFiled',
  strippingObject('ObjectionFiled.data', {
    ...filing,
    employee: Nip,
    appraiser: Nip,
    addressee: Nip,
    unit: UnitId,
    unitPeriod: UnitPeriodId,
    ruleBook: stored.ruleBookRef,
    deliveredAt: Instant,
    objectionDeadline: Instant,
    decisionDeadline: stored.deadline,
    policy: stored.policy,
    articles,
    filedBy: Nip,
    at: Instant,
  }),
);
export const ExplanationRecordedCodec: t.Type<ExplanationRecorded, unknown, unknown> = eventCodec(
  'ExplanationRecorded',
  strippingObject('ExplanationRecorded.data', {
    ...named,
    party: ObjectionPartyCodec,
    explanation,
    recordedBy: Nip,
    at: Instant,
  }),
);
export const ObjectionUpheldCodec: t.Type<ObjectionUpheld, unknown, unknown> = eventCodec(
  'ObjectionUpheld',
  strippingObject('ObjectionUpheld.data', { ...decision, rating: stored.appraisal }),
);
export const ObjectionPartlyUpheldCodec: t.Type<ObjectionPartlyUpheld, unknown, unknown> = eventCodec(
  'ObjectionPartlyUpheld',
  strippingObject('ObjectionPartlyUpheld.data', { ...decision, rating: stored.appraisal }),
);
export const ObjectionRejectedCodec: t.Type<ObjectionRejected, unknown, unknown> = eventCodec(
  'ObjectionRejected',
  strippingObject('ObjectionRejected.data', decision),
);
export const ObjectionWithdrawnCodec: t.Type<ObjectionWithdrawn, unknown, unknown> = eventCodec(
  'ObjectionWithdrawn',
  strippingObject('ObjectionWithdrawn.data', { ...named, withdrawnBy: Nip, at: Instant }, { reason: text(OBJECTION_TEXT_LIMITS.reason) }),
);
export const ObjectionDecisionOverdueCodec: t.Type<ObjectionDecisionOverdue, unknown, unknown> = eventCodec(
  'ObjectionDecisionOverdue',
  strippingObject('ObjectionDecisionOverdue.data', {
    ...named,
    addressee: Nip,
    deadline: stored.deadline,
    escalatedBy: Nip,
    authority: t.literal(ESCALATION_AUTHORITY),
    articles,
    at: Instant,
  }),
);

type EventCodecs = { readonly [K in ObjectionEvent['type']]: t.Type<Extract<ObjectionEvent, { type: K }>, unknown, unknown> };

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const objectionEventCodecs: EventCodecs = {
  ObjectionFiled: ObjectionFiledCodec,
  ExplanationRecorded: ExplanationRecordedCodec,
  ObjectionUpheld: ObjectionUpheldCodec,
  ObjectionPartlyUpheld: ObjectionPartlyUpheldCodec,
  ObjectionRejected: ObjectionRejectedCodec,
  ObjectionWithdrawn: ObjectionWithdrawnCodec,
  ObjectionDecisionOverdue: ObjectionDecisionOverdueCodec,
};

export const ObjectionEventCodec: t.Type<ObjectionEvent, unknown, unknown> = byType('ObjectionEvent', objectionEventCodecs);
