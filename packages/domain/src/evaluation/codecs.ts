/**
 * io-ts codecs for the evaluation's commands (input from outside: unknown fields are refused, naming each) and
 * events (stored facts: unknown fields are stripped, upcasters handle schema changes). Dates are ISO-8601 on the
 * wire.
 *
 * Codecs check shapes only (three rating levels, all seven BerAKHLAK values, non-blank justifications). Business
 * bounds (scores within 0..100, at least one bukti dukung, a realised value per targeted aspect) are the
 * decider's or the rule book's, so a client gets the same tagged error whichever door it came through.
 *
 * The HTTP edge decodes the request codecs (`OpenEvaluationRequestCodec`, `InviteFeedbackRequestCodec`), which
 * have no engine-filled facts: a client cannot supply what the plan, roster or tenant policy say.
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import { TimeZone } from '../calendar';
import {
  byKey,
  byType,
  commandCodec,
  EvaluationId,
  eventCodec,
  FiniteNumber,
  Instant,
  LocalDate,
  literals,
  Nip,
  PeriodId,
  strictObject,
  strippingObject,
  text,
  totalRecord,
  UnitId,
  UnitPeriodId,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import { OpenPlanStatusCodec, planValueCodecs, PLAN_TEXT_LIMITS } from '../plan/codecs';
import { IkiId, RhkId } from '../plan/ids';
import { CORE_VALUES, type PlanStatus } from '../plan/plan';
import { RULE_BOOK_TEXT_LIMITS, ruleBookValueCodecs } from '../rulebook/codecs';
import {
  EvaluationFrequencyCodec,
  JenjangCodec,
  OrganisationalResultCodec,
  PREDIKAT,
  PredikatCodec,
  RatingLevelCodec,
} from '../rulebook/vocabulary';
import type {
  DeliverEvaluation,
  EvaluationCommand,
  FinalizeEvaluation,
  GiveFeedback,
  InviteFeedback,
  InviteFeedbackRequest,
  NoteObjection,
  OpenEvaluation,
  OpenEvaluationRequest,
  RateEvaluation,
  RecordEvaluationRealisation,
  RecordSelfEvaluation,
  ReviseEvaluation,
  SettleEvaluation,
} from './decide';
import {
  CLOSING_OUTCOMES,
  EVALUATION_KINDS,
  FEEDBACK_RELATIONS,
  RESULT_STAGES,
  REVISING_OUTCOMES,
  type EvaluationDelivered,
  type EvaluationEvent,
  type EvaluationFinalized,
  type EvaluationObjected,
  type EvaluationOpened,
  type EvaluationRated,
  type EvaluationRealisationRecorded,
  type EvaluationRevised,
  type EvaluationSettled,
  type FeedbackGiven,
  type FeedbackInvited,
  type SelfEvaluationRecorded,
} from './evaluation';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export const EvaluationKindCodec = literals('EvaluationKind', EVALUATION_KINDS);
export const FeedbackRelationCodec = literals('FeedbackRelation', FEEDBACK_RELATIONS);
export const RevisingOutcomeCodec = literals('RevisingOutcome', REVISING_OUTCOMES);
export const ClosingOutcomeCodec = literals('ClosingOutcome', CLOSING_OUTCOMES);
const ResultStageCodec = literals('ResultStage', RESULT_STAGES);
const FinalizedReasonCodec = literals('FinalizedReason', ['window-passed', 'objection-rejected', 'objection-withdrawn'] as const);
const PLAN_STATUSES = ['empty', 'draft', 'submitted', 'approved', 'closed'] as const satisfies ReadonlyArray<PlanStatus>;
const PlanStatusCodec = literals('PlanStatus', PLAN_STATUSES);

/** Text limits, in characters. */
export const EVALUATION_TEXT_LIMITS = {
  justification: 4000,
  notes: 4000,
  comment: 2000,
  description: PLAN_TEXT_LIMITS.description,
  unit: PLAN_TEXT_LIMITS.unit,
  evidenceRef: PLAN_TEXT_LIMITS.evidenceRef,
  label: RULE_BOOK_TEXT_LIMITS.label,
  article: RULE_BOOK_TEXT_LIMITS.article,
  objection: 200,
} as const;

const Count = wholeNumber('Count', 0);
const Positive = wholeNumber('PositiveWholeNumber', 1);

const justification = text(EVALUATION_TEXT_LIMITS.justification);
const notes = text(EVALUATION_TEXT_LIMITS.notes);
const { label, articles } = ruleBookValueCodecs.strict;
const objection = text(EVALUATION_TEXT_LIMITS.objection);

/**
 * The nested shapes, built once for commands (strict) and once for events (stripping) from one description, so
 * the two never drift apart. The plan's values (header, targets, realisations, bukti dukung) and the rule-book
 * values (AssessmentInput, Assessment, Consequences, ...) are those of plan/ and rulebook/, built the same way.
 */
const shapes = (
  object: ObjectCodec,
  plan: (typeof planValueCodecs)['strict'],
  ruleBook: (typeof ruleBookValueCodecs)['strict'],
) => {
  const { realised, evidence, targets } = plan;
  const { assessment, consequences } = ruleBook;
  const facts = object('EvaluationFacts', {
    plan: object('EvaluationPlanFacts', {
      header: plan.header,
      status: PlanStatusCodec,
      closedFrom: t.union([OpenPlanStatusCodec, t.null]),
      revision: Count,
      iki: t.readonlyArray(
        object('EvaluationIki', { rhk: RhkId, iki: IkiId, description: text(EVALUATION_TEXT_LIMITS.description), targets }),
      ),
      realisations: t.readonlyArray(
        object('PlanRealisationFact', { iki: IkiId, realised, evidence: t.readonlyArray(evidence), recordedAt: Instant }),
      ),
    }),
    ruleBook: ruleBook.ruleBookRef,
    policy: object('EvaluationPolicy', {
      timeZone: TimeZone,
      frequency: EvaluationFrequencyCodec,
      peerFeedback: t.boolean,
      selfEvaluation: t.boolean,
      objectionWindow: object('ObjectionWindow', { days: Positive, kind: literals('WindowKind', ['calendar', 'working'] as const) }),
      allowancePercent: totalRecord(object, 'AllowancePercent', PREDIKAT, FiniteNumber),
      angkaKreditProRata: t.boolean,
    }),
    roster: object('EvaluationRosterFacts', {
      asOf: LocalDate,
      isUnitHead: t.boolean,
      jenjang: t.union([JenjangCodec, t.null]),
    }),
  });
  const inviteeFacts = object('InviteeFacts', {
    asOf: LocalDate,
    unit: t.union([UnitId, t.null]),
    superior: t.union([Nip, t.null]),
  });
  const levels = totalRecord(object, 'CoreValueLevels', CORE_VALUES, RatingLevelCodec);
  const appraisalFields = <E extends t.Props>(extra: E) => ({
    rated: object(
      'RatedAppraisal',
      {
        ...extra,
        regime: t.literal('rated'),
        hasilKerja: RatingLevelCodec,
        perilaku: RatingLevelCodec,
        justification,
      },
      { effortNotes: notes },
    ),
    numeric: object(
      'NumericAppraisal',
      {
        ...extra,
        regime: t.literal('numeric'),
        behaviour: ruleBook.behaviourScores,
        innovation: t.boolean,
        justification,
      },
      { effortNotes: notes },
    ),
  });
  const result = object(
    'EvaluationResult',
    { stage: ResultStageCodec, ruleBook: ruleBook.ruleBookRef, predikat: PredikatCodec, label, articles, decidedBy: Nip, at: Instant },
    {
      hasilKerja: RatingLevelCodec,
      perilaku: RatingLevelCodec,
      score: FiniteNumber,
      organisationalResult: OrganisationalResultCodec,
      consequences,
    },
  );
  return {
    realised,
    evidence,
    facts,
    inviteeFacts,
    levels,
    appraisalFields,
    input: ruleBook.assessmentInput,
    assessment,
    consequences,
    result,
  };
};

const wire = shapes(strictObject, planValueCodecs.strict, ruleBookValueCodecs.strict);
const stored = shapes(strippingObject, planValueCodecs.stripping, ruleBookValueCodecs.stripping);

const periodFields = {
  evaluation: EvaluationId,
  kind: EvaluationKindCodec,
  period: PeriodId,
  periodStart: Instant,
  periodEnd: Instant,
};

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

/** The OpenEvaluation body a client may send: no `facts` (the engine looks them up; a request carrying them is refused). */
export const OpenEvaluationRequestCodec: t.Type<OpenEvaluationRequest, unknown, unknown> = strictObject(
  'OpenEvaluationRequest',
  periodFields,
);

/** The InviteFeedback body a client may send: no `inviteeFacts`. */
export const InviteFeedbackRequestCodec: t.Type<InviteFeedbackRequest, unknown, unknown> = strictObject(
  'InviteFeedbackRequest',
  { evaluation: EvaluationId, invitee: Nip, relation: FeedbackRelationCodec },
);

export const OpenEvaluationCodec: t.Type<OpenEvaluation, unknown, unknown> = commandCodec(
  'OpenEvaluation',
  strictObject('OpenEvaluation.data', { ...periodFields, facts: wire.facts }),
);
export const RecordEvaluationRealisationCodec: t.Type<RecordEvaluationRealisation, unknown, unknown> = commandCodec(
  'RecordEvaluationRealisation',
  strictObject('RecordEvaluationRealisation.data', {
    evaluation: EvaluationId,
    iki: IkiId,
    realised: wire.realised,
    evidence: t.readonlyArray(wire.evidence),
  }),
);
export const InviteFeedbackCodec: t.Type<InviteFeedback, unknown, unknown> = commandCodec(
  'InviteFeedback',
  strictObject('InviteFeedback.data', {
    evaluation: EvaluationId,
    invitee: Nip,
    relation: FeedbackRelationCodec,
    inviteeFacts: wire.inviteeFacts,
  }),
);
export const GiveFeedbackCodec: t.Type<GiveFeedback, unknown, unknown> = commandCodec(
  'GiveFeedback',
  strictObject(
    'GiveFeedback.data',
    { evaluation: EvaluationId, levels: wire.levels },
    { comment: text(EVALUATION_TEXT_LIMITS.comment) },
  ),
);
export const RecordSelfEvaluationCodec: t.Type<RecordSelfEvaluation, unknown, unknown> = commandCodec(
  'RecordSelfEvaluation',
  strictObject('RecordSelfEvaluation.data', { evaluation: EvaluationId, notes }),
);
export const RateEvaluationCodec: t.Type<RateEvaluation, unknown, unknown> = commandCodec(
  'RateEvaluation',
  byKey('RateEvaluation.data', 'regime', wire.appraisalFields({ evaluation: EvaluationId })),
);
export const SettleEvaluationCodec: t.Type<SettleEvaluation, unknown, unknown> = commandCodec(
  'SettleEvaluation',
  strictObject(
    'SettleEvaluation.data',
    {
      evaluation: EvaluationId,
      unitPeriod: UnitPeriodId,
      organisationalResult: OrganisationalResultCodec,
      predikat: PredikatCodec,
      label,
      articles,
      consequences: wire.consequences,
    },
    { hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec },
  ),
);
export const DeliverEvaluationCodec: t.Type<DeliverEvaluation, unknown, unknown> = commandCodec(
  'DeliverEvaluation',
  strictObject('DeliverEvaluation.data', { evaluation: EvaluationId }),
);
export const NoteObjectionCodec: t.Type<NoteObjection, unknown, unknown> = commandCodec(
  'NoteObjection',
  strictObject('NoteObjection.data', { evaluation: EvaluationId, objection }),
);
export const FinalizeEvaluationCodec: t.Type<FinalizeEvaluation, unknown, unknown> = commandCodec(
  'FinalizeEvaluation',
  strictObject('FinalizeEvaluation.data', { evaluation: EvaluationId }, { outcome: ClosingOutcomeCodec }),
);
export const ReviseEvaluationCodec: t.Type<ReviseEvaluation, unknown, unknown> = commandCodec(
  'ReviseEvaluation',
  strictObject('ReviseEvaluation.data', {
    evaluation: EvaluationId,
    objection,
    outcome: RevisingOutcomeCodec,
    rating: byKey('Appraisal', 'regime', wire.appraisalFields({})),
    decidedBy: Nip,
  }),
);

type CommandCodecs = {
  readonly [K in EvaluationCommand['type']]: t.Type<Extract<EvaluationCommand, { type: K }>, unknown, unknown>;
};

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const evaluationCommandCodecs: CommandCodecs = {
  OpenEvaluation: OpenEvaluationCodec,
  RecordEvaluationRealisation: RecordEvaluationRealisationCodec,
  InviteFeedback: InviteFeedbackCodec,
  GiveFeedback: GiveFeedbackCodec,
  RecordSelfEvaluation: RecordSelfEvaluationCodec,
  RateEvaluation: RateEvaluationCodec,
  SettleEvaluation: SettleEvaluationCodec,
  DeliverEvaluation: DeliverEvaluationCodec,
  NoteObjection: NoteObjectionCodec,
  FinalizeEvaluation: FinalizeEvaluationCodec,
  ReviseEvaluation: ReviseEvaluationCodec,
};

export const EvaluationCommandCodec: t.Type<EvaluationCommand, unknown, unknown> = byType(
  'EvaluationCommand',
  evaluationCommandCodecs,
);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

export const EvaluationOpenedCodec: t.Type<EvaluationOpened, unknown, unknown> = eventCodec(
  'EvaluationOpened',
  strippingObject('EvaluationOpened.data', { ...periodFields, facts: stored.facts, openedBy: Nip, at: Instant }),
);
export const EvaluationRealisationRecordedCodec: t.Type<EvaluationRealisationRecorded, unknown, unknown> = eventCodec(
  'EvaluationRealisationRecorded',
  strippingObject('EvaluationRealisationRecorded.data', {
    evaluation: EvaluationId,
    rhk: RhkId,
    iki: IkiId,
    realised: stored.realised,
    evidence: t.readonlyArray(stored.evidence),
    recordedBy: Nip,
    at: Instant,
  }),
);
export const FeedbackInvitedCodec: t.Type<FeedbackInvited, unknown, unknown> = eventCodec(
  'FeedbackInvited',
  strippingObject('FeedbackInvited.data', {
    evaluation: EvaluationId,
    invitee: Nip,
    relation: FeedbackRelationCodec,
    inviteeFacts: stored.inviteeFacts,
    invitedBy: Nip,
    at: Instant,
  }),
);
export const FeedbackGivenCodec: t.Type<FeedbackGiven, unknown, unknown> = eventCodec(
  'FeedbackGiven',
  strippingObject(
    'FeedbackGiven.data',
    { evaluation: EvaluationId, invitee: Nip, relation: FeedbackRelationCodec, levels: stored.levels, at: Instant },
    { comment: text(EVALUATION_TEXT_LIMITS.comment) },
  ),
);
export const SelfEvaluationRecordedCodec: t.Type<SelfEvaluationRecorded, unknown, unknown> = eventCodec(
  'SelfEvaluationRecorded',
  strippingObject('SelfEvaluationRecorded.data', { evaluation: EvaluationId, notes, recordedBy: Nip, at: Instant }),
);
export const EvaluationRatedCodec: t.Type<EvaluationRated, unknown, unknown> = eventCodec(
  'EvaluationRated',
  strippingObject(
    'EvaluationRated.data',
    {
      evaluation: EvaluationId,
      input: stored.input,
      assessment: stored.assessment,
      justification,
      closedInvitations: t.readonlyArray(Nip),
      feedbackCount: Count,
      ratedBy: Nip,
      at: Instant,
    },
    { effortNotes: notes },
  ),
);
export const EvaluationSettledCodec: t.Type<EvaluationSettled, unknown, unknown> = eventCodec(
  'EvaluationSettled',
  strippingObject(
    'EvaluationSettled.data',
    {
      evaluation: EvaluationId,
      unitPeriod: UnitPeriodId,
      organisationalResult: OrganisationalResultCodec,
      predikat: PredikatCodec,
      label,
      articles,
      consequences: stored.consequences,
      settledBy: Nip,
      at: Instant,
    },
    { hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec },
  ),
);
export const EvaluationDeliveredCodec: t.Type<EvaluationDelivered, unknown, unknown> = eventCodec(
  'EvaluationDelivered',
  strippingObject('EvaluationDelivered.data', {
    evaluation: EvaluationId,
    deliveredBy: Nip,
    deliveredAt: Instant,
    objectionDeadline: Instant,
    window: strippingObject('DeliveredWindow', { days: Positive, kind: t.literal('calendar') }),
  }),
);
export const EvaluationObjectedCodec: t.Type<EvaluationObjected, unknown, unknown> = eventCodec(
  'EvaluationObjected',
  strippingObject('EvaluationObjected.data', { evaluation: EvaluationId, objection, notedBy: Nip, at: Instant }),
);
export const EvaluationFinalizedCodec: t.Type<EvaluationFinalized, unknown, unknown> = eventCodec(
  'EvaluationFinalized',
  strippingObject('EvaluationFinalized.data', {
    evaluation: EvaluationId,
    reason: FinalizedReasonCodec,
    finalizedBy: Nip,
    at: Instant,
  }),
);
export const EvaluationRevisedCodec: t.Type<EvaluationRevised, unknown, unknown> = eventCodec(
  'EvaluationRevised',
  strippingObject(
    'EvaluationRevised.data',
    {
      evaluation: EvaluationId,
      objection,
      outcome: RevisingOutcomeCodec,
      previous: stored.result,
      input: stored.input,
      assessment: stored.assessment,
      justification,
      consequences: stored.consequences,
      articles,
      decidedBy: Nip,
      revisedBy: Nip,
      at: Instant,
    },
    { effortNotes: notes },
  ),
);

type EventCodecs = {
  readonly [K in EvaluationEvent['type']]: t.Type<Extract<EvaluationEvent, { type: K }>, unknown, unknown>;
};

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const evaluationEventCodecs: EventCodecs = {
  EvaluationOpened: EvaluationOpenedCodec,
  EvaluationRealisationRecorded: EvaluationRealisationRecordedCodec,
  FeedbackInvited: FeedbackInvitedCodec,
  FeedbackGiven: FeedbackGivenCodec,
  SelfEvaluationRecorded: SelfEvaluationRecordedCodec,
  EvaluationRated: EvaluationRatedCodec,
  EvaluationSettled: EvaluationSettledCodec,
  EvaluationDelivered: EvaluationDeliveredCodec,
  EvaluationObjected: EvaluationObjectedCodec,
  EvaluationFinalized: EvaluationFinalizedCodec,
  EvaluationRevised: EvaluationRevisedCodec,
};

export const EvaluationEventCodec: t.Type<EvaluationEvent, unknown, unknown> = byType(
  'EvaluationEvent',
  evaluationEventCodecs,
);
