/**
 * io-ts codecs for the poor-performance path's commands (unknown fields refused, naming each) and events (unknown
 * fields stripped). Dates are ISO-8601 on the wire. Shapes only: business bounds (a temporary post of at most 12
 * months) are the decider's, so a client gets the same tagged error whichever door it came through.
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import { TimeZone } from '../calendar';
import {
  byType,
  commandCodec,
  EvaluationId,
  eventCodec,
  Instant,
  LocalDate,
  literals,
  Nip,
  PeriodId,
  PositionId,
  strictObject,
  strippingObject,
  text,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import { EVALUATION_KINDS } from '../evaluation/evaluation';
import { LevelCodec } from '../roster/codecs';
import { PredikatCodec } from '../rulebook/vocabulary';
import type {
  AssignTemporaryPost,
  DecideTransfer,
  EndImprovementPeriod,
  EndTemporaryPost,
  OpenPoorPerformancePath,
  PoorPerformanceCommand,
  ProposeDismissalWithHonour,
  RecordCoaching,
  RecordCompetenceTest,
  RecordImprovement,
  RecordPoorYear,
} from './decide';
import {
  COMPETENCE_TEST_RESULTS,
  DISMISSAL_GROUNDS,
  POOR_PERFORMANCE_AUTHORITIES,
  PoorPerformanceId,
  TRANSFER_KINDS,
  type CoachingRecorded,
  type CompetenceTestRecorded,
  type DismissalWithHonourProposed,
  type ImprovementPeriodEnded,
  type PoorPerformanceEvent,
  type PoorPerformanceImproved,
  type PoorPerformancePathOpened,
  type PoorYearRecorded,
  type TemporaryPostAssigned,
  type TemporaryPostEnded,
  type TransferDecided,
} from './poor-performance';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export const TransferKindCodec = literals('TransferKind', TRANSFER_KINDS);
export const CompetenceTestResultCodec = literals('CompetenceTestResult', COMPETENCE_TEST_RESULTS);
export const DismissalGroundCodec = literals('DismissalGround', DISMISSAL_GROUNDS);
const AuthorityCodec = literals('PoorPerformanceAuthority', POOR_PERFORMANCE_AUTHORITIES);

/** Text limits, in characters. */
export const POOR_PERFORMANCE_TEXT_LIMITS = { note: 4000, reason: 4000, article: 200 } as const;

const note = text(POOR_PERFORMANCE_TEXT_LIMITS.note);
const reasons = t.readonlyArray(text(POOR_PERFORMANCE_TEXT_LIMITS.reason));
const articles = t.readonlyArray(text(POOR_PERFORMANCE_TEXT_LIMITS.article));
const Count = wholeNumber('Count', 0);
const Months = wholeNumber('Months', 1);
const Year = wholeNumber('Year', 1900, 9999);

const shapes = (object: ObjectCodec) => ({
  fact: object('FinalEvaluationFact', {
    evaluation: EvaluationId,
    kind: literals('EvaluationKind', EVALUATION_KINDS),
    period: PeriodId,
    predikat: PredikatCodec,
    finalizedAt: Instant,
  }),
  supervisors: object('Supervisors', { appraiser: Nip, appraiserSuperior: Nip }),
  policy: object('PoorPerformancePolicy', {
    threshold: PredikatCodec,
    periodicOpens: t.boolean,
    consecutivePoorYearsDismissal: t.union([wholeNumber('Years', 1), t.null]),
  }),
  deadline: object('MonthsDeadline', { startsAt: Instant, endsAt: Instant, months: Months, timeZone: TimeZone }),
});

const wire = shapes(strictObject);
const stored = shapes(strippingObject);

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

const path = { path: PoorPerformanceId };

export const OpenPoorPerformancePathCodec: t.Type<OpenPoorPerformancePath, unknown, unknown> = commandCodec(
  'OpenPoorPerformancePath',
  strictObject('OpenPoorPerformancePath.data', {
    ...path,
    employee: Nip,
    evaluation: wire.fact,
    level: LevelCodec,
    supervisors: wire.supervisors,
    timeZone: TimeZone,
    policy: wire.policy,
    priorPoorYears: Count,
  }),
);
export const RecordCoachingCodec: t.Type<RecordCoaching, unknown, unknown> = commandCodec(
  'RecordCoaching',
  strictObject('RecordCoaching.data', { ...path, note }),
);
export const RecordImprovementCodec: t.Type<RecordImprovement, unknown, unknown> = commandCodec(
  'RecordImprovement',
  strictObject('RecordImprovement.data', { ...path, evaluation: wire.fact }),
);
export const RecordPoorYearCodec: t.Type<RecordPoorYear, unknown, unknown> = commandCodec(
  'RecordPoorYear',
  strictObject('RecordPoorYear.data', { ...path, evaluation: wire.fact }),
);
export const EndImprovementPeriodCodec: t.Type<EndImprovementPeriod, unknown, unknown> = commandCodec(
  'EndImprovementPeriod',
  strictObject('EndImprovementPeriod.data', path),
);
export const RecordCompetenceTestCodec: t.Type<RecordCompetenceTest, unknown, unknown> = commandCodec(
  'RecordCompetenceTest',
  strictObject('RecordCompetenceTest.data', { ...path, result: CompetenceTestResultCodec, heldOn: LocalDate, notes: note }),
);
export const DecideTransferCodec: t.Type<DecideTransfer, unknown, unknown> = commandCodec(
  'DecideTransfer',
  strictObject('DecideTransfer.data', { ...path, kind: TransferKindCodec, position: PositionId, effectiveOn: LocalDate, reasons }),
);
export const AssignTemporaryPostCodec: t.Type<AssignTemporaryPost, unknown, unknown> = commandCodec(
  'AssignTemporaryPost',
  strictObject('AssignTemporaryPost.data', { ...path, position: PositionId, months: Months, reasons }),
);
export const EndTemporaryPostCodec: t.Type<EndTemporaryPost, unknown, unknown> = commandCodec(
  'EndTemporaryPost',
  strictObject('EndTemporaryPost.data', path),
);
export const ProposeDismissalWithHonourCodec: t.Type<ProposeDismissalWithHonour, unknown, unknown> = commandCodec(
  'ProposeDismissalWithHonour',
  strictObject('ProposeDismissalWithHonour.data', { ...path, ground: DismissalGroundCodec, reasons }),
);

type CommandCodecs = {
  readonly [K in PoorPerformanceCommand['type']]: t.Type<Extract<PoorPerformanceCommand, { type: K }>, unknown, unknown>;
};

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const poorPerformanceCommandCodecs: CommandCodecs = {
  OpenPoorPerformancePath: OpenPoorPerformancePathCodec,
  RecordCoaching: RecordCoachingCodec,
  RecordImprovement: RecordImprovementCodec,
  RecordPoorYear: RecordPoorYearCodec,
  EndImprovementPeriod: EndImprovementPeriodCodec,
  RecordCompetenceTest: RecordCompetenceTestCodec,
  DecideTransfer: DecideTransferCodec,
  AssignTemporaryPost: AssignTemporaryPostCodec,
  EndTemporaryPost: EndTemporaryPostCodec,
  ProposeDismissalWithHonour: ProposeDismissalWithHonourCodec,
};

export const PoorPerformanceCommandCodec: t.Type<PoorPerformanceCommand, unknown, unknown> = byType(
  'PoorPerformanceCommand',
  poorPerformanceCommandCodecs,
);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

const step = { ...path, decidedBy: Nip, authority: AuthorityCodec, articles, at: Instant };

export const PoorPerformancePathOpenedCodec: t.Type<PoorPerformancePathOpened, unknown, unknown> = eventCodec(
  'PoorPerformancePathOpened',
  strippingObject('PoorPerformancePathOpened.data', {
    ...step,
    employee: Nip,
    evaluation: stored.fact,
    level: LevelCodec,
    supervisors: stored.supervisors,
    policy: stored.policy,
    priorPoorYears: Count,
    improvementPeriod: stored.deadline,
  }),
);
export const CoachingRecordedCodec: t.Type<CoachingRecorded, unknown, unknown> = eventCodec(
  'CoachingRecorded',
  strippingObject('CoachingRecorded.data', { ...step, note }),
);
export const PoorPerformanceImprovedCodec: t.Type<PoorPerformanceImproved, unknown, unknown> = eventCodec(
  'PoorPerformanceImproved',
  strippingObject('PoorPerformanceImproved.data', { ...step, evaluation: stored.fact }),
);
export const PoorYearRecordedCodec: t.Type<PoorYearRecorded, unknown, unknown> = eventCodec(
  'PoorYearRecorded',
  strippingObject('PoorYearRecorded.data', { ...step, evaluation: stored.fact, year: Year, consecutiveYears: Count }),
);
export const ImprovementPeriodEndedCodec: t.Type<ImprovementPeriodEnded, unknown, unknown> = eventCodec(
  'ImprovementPeriodEnded',
  strippingObject('ImprovementPeriodEnded.data', { ...step, deadline: Instant }),
);
export const CompetenceTestRecordedCodec: t.Type<CompetenceTestRecorded, unknown, unknown> = eventCodec(
  'CompetenceTestRecorded',
  strippingObject('CompetenceTestRecorded.data', { ...step, result: CompetenceTestResultCodec, heldOn: LocalDate, notes: note }),
);
export const TransferDecidedCodec: t.Type<TransferDecided, unknown, unknown> = eventCodec(
  'TransferDecided',
  strippingObject('TransferDecided.data', { ...step, kind: TransferKindCodec, position: PositionId, effectiveOn: LocalDate, reasons }),
);
export const TemporaryPostAssignedCodec: t.Type<TemporaryPostAssigned, unknown, unknown> = eventCodec(
  'TemporaryPostAssigned',
  strippingObject('TemporaryPostAssigned.data', { ...step, position: PositionId, period: stored.deadline, reasons }),
);
export const TemporaryPostEndedCodec: t.Type<TemporaryPostEnded, unknown, unknown> = eventCodec(
  'TemporaryPostEnded',
  strippingObject('TemporaryPostEnded.data', { ...step, deadline: Instant }),
);
export const DismissalWithHonourProposedCodec: t.Type<DismissalWithHonourProposed, unknown, unknown> = eventCodec(
  'DismissalWithHonourProposed',
  strippingObject('DismissalWithHonourProposed.data', { ...step, ground: DismissalGroundCodec, poorYears: Count, reasons }),
);

type EventCodecs = {
  readonly [K in PoorPerformanceEvent['type']]: t.Type<Extract<PoorPerformanceEvent, { type: K }>, unknown, unknown>;
};

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const poorPerformanceEventCodecs: EventCodecs = {
  PoorPerformancePathOpened: PoorPerformancePathOpenedCodec,
  CoachingRecorded: CoachingRecordedCodec,
  PoorPerformanceImproved: PoorPerformanceImprovedCodec,
  PoorYearRecorded: PoorYearRecordedCodec,
  ImprovementPeriodEnded: ImprovementPeriodEndedCodec,
  CompetenceTestRecorded: CompetenceTestRecordedCodec,
  TransferDecided: TransferDecidedCodec,
  TemporaryPostAssigned: TemporaryPostAssignedCodec,
  TemporaryPostEnded: TemporaryPostEndedCodec,
  DismissalWithHonourProposed: DismissalWithHonourProposedCodec,
};

export const PoorPerformanceEventCodec: t.Type<PoorPerformanceEvent, unknown, unknown> = byType(
  'PoorPerformanceEvent',
  poorPerformanceEventCodecs,
);
