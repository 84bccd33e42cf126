/**
 * io-ts codecs for the plan's commands (input from outside: unknown fields are refused, naming each) and events
 * (stored facts: unknown fields are stripped, upcasters handle schema changes). Dates are ISO-8601 on the wire.
 *
 * Codecs check shapes only. Business bounds (targets above zero, at least one aspect, at least one bukti dukung
 * or reason) are the decider's, so that a client gets the same tagged error whichever door it came through.
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import {
  byType,
  commandCodec,
  eventCodec,
  FiniteNumber,
  Instant,
  LocalDate,
  literals,
  Nip,
  PeriodId,
  PlanId,
  strictObject,
  strippingObject,
  text,
  UnitId,
  type ObjectCodec,
} from '../core';
import type {
  AddIki,
  AddRhk,
  ApprovePlan,
  ChangeIki,
  ChangeRhk,
  ClearLeaderExpectation,
  ClosePlan,
  DraftPlan,
  PlanCommand,
  RecordFeedback,
  RecordRealisation,
  RemoveIki,
  RemoveRhk,
  ReturnPlan,
  SetLeaderExpectation,
  StartAmendment,
  SubmitPlan,
} from './decide';
import { IkiId, RhkId } from './ids';
import {
  APPROACHES,
  CORE_VALUES,
  FEEDBACK_KINDS,
  OPEN_PLAN_STATUSES,
  RHK_KINDS,
  WAKTU_UNITS,
  type FeedbackRecorded,
  type IkiAdded,
  type IkiChanged,
  type IkiRemoved,
  type LeaderExpectationCleared,
  type LeaderExpectationSet,
  type PlanAmendmentStarted,
  type PlanApproved,
  type PlanClosed,
  type PlanDrafted,
  type PlanEvent,
  type PlanHeader,
  type PlanReturned,
  type PlanSubmitted,
  type RealisationRecorded,
  type RhkAdded,
  type RhkChanged,
  type RhkRemoved,
} from './plan';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export const ApproachCodec = literals('Approach', APPROACHES);
export const RhkKindCodec = literals('RhkKind', RHK_KINDS);
export const WaktuUnitCodec = literals('WaktuUnit', WAKTU_UNITS);
export const CoreValueCodec = literals('CoreValue', CORE_VALUES);
export const FeedbackKindCodec = literals('FeedbackKind', FEEDBACK_KINDS);
export const OpenPlanStatusCodec = literals('OpenPlanStatus', OPEN_PLAN_STATUSES);

/** Text limits, in characters: enough for the SKP form's fields, small enough to keep a stream light. */
export const PLAN_TEXT_LIMITS = {
  description: 1000,
  unit: 40,
  expectation: 2000,
  reason: 2000,
  note: 4000,
  evidenceRef: 500,
} as const;

const description = text(PLAN_TEXT_LIMITS.description);
const reason = text(PLAN_TEXT_LIMITS.reason);

const isRevision = (u: unknown): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0;

/** A revision number: a whole number, zero or more. */
const Revision = new t.Type<number, number, unknown>(
  'Revision',
  isRevision,
  (u, c) => (isRevision(u) ? t.success(u) : t.failure(u, c, `expected a revision (0, 1, 2, ...), got ${JSON.stringify(u)}`)),
  (a) => a,
);

/** The SKP header's fields. */
const header = {
  plan: PlanId,
  employee: Nip,
  appraiser: Nip,
  appraiserSuperior: Nip,
  unit: UnitId,
  period: PeriodId,
  periodStart: Instant,
  periodEnd: Instant,
  approach: ApproachCodec,
};

/**
 * The nested shapes, built once for commands (strict) and once for events (stripping) from one description, so
 * the two never drift apart.
 */
const shapes = (object: ObjectCodec) => {
  const rhkRef = object('RhkRef', { plan: PlanId, rhk: RhkId });
  return {
    header: object('PlanHeader', header),
    rhk: {
      required: { plan: PlanId, rhk: RhkId, kind: RhkKindCodec, description },
      optional: { intervenesIn: rhkRef },
    },
    targets: object(
      'Targets',
      {},
      {
        kuantitas: object('KuantitasTarget', { value: FiniteNumber, unit: text(PLAN_TEXT_LIMITS.unit) }),
        kualitas: object('KualitasTarget', { percent: FiniteNumber }),
        waktu: object('WaktuTarget', { value: FiniteNumber, unit: WaktuUnitCodec }),
        biaya: object('BiayaTarget', { rupiah: FiniteNumber }),
      },
    ),
    realised: object(
      'Realised',
      {},
      { kuantitas: FiniteNumber, kualitas: FiniteNumber, waktu: FiniteNumber, biaya: FiniteNumber },
    ),
    evidence: object('Evidence', { ref: text(PLAN_TEXT_LIMITS.evidenceRef) }, { description }),
    roster: object('RosterFacts', {
      asOf: LocalDate,
      employeeUnit: t.union([UnitId, t.null]),
      employeeSuperior: t.union([Nip, t.null]),
      appraiserSuperior: t.union([Nip, t.null]),
    }),
  };
};

/** The plan's values (header, targets, realisations, bukti dukung, ...): `strict` for commands, `stripping` for events. */
export const planValueCodecs = { strict: shapes(strictObject), stripping: shapes(strippingObject) } as const;
const wire = planValueCodecs.strict;
const stored = planValueCodecs.stripping;

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

/**
 * The DraftPlan body a client may send: the header only. The roster facts are looked up by the engine, so a
 * request that carries `roster` is refused as an unknown field.
 */
export const DraftPlanRequestCodec: t.Type<PlanHeader, unknown, unknown> = strictObject('DraftPlanRequest', header);

export const DraftPlanCodec: t.Type<DraftPlan, unknown, unknown> = commandCodec(
  'DraftPlan',
  strictObject('DraftPlan.data', { ...header, roster: wire.roster }),
);
export const AddRhkCodec: t.Type<AddRhk, unknown, unknown> = commandCodec(
  'AddRhk',
  strictObject('AddRhk.data', wire.rhk.required, wire.rhk.optional),
);
export const ChangeRhkCodec: t.Type<ChangeRhk, unknown, unknown> = commandCodec(
  'ChangeRhk',
  strictObject('ChangeRhk.data', wire.rhk.required, wire.rhk.optional),
);
export const RemoveRhkCodec: t.Type<RemoveRhk, unknown, unknown> = commandCodec(
  'RemoveRhk',
  strictObject('RemoveRhk.data', { plan: PlanId, rhk: RhkId }),
);
export const AddIkiCodec: t.Type<AddIki, unknown, unknown> = commandCodec(
  'AddIki',
  strictObject('AddIki.data', { plan: PlanId, rhk: RhkId, iki: IkiId, description, targets: wire.targets }),
);
export const ChangeIkiCodec: t.Type<ChangeIki, unknown, unknown> = commandCodec(
  'ChangeIki',
  strictObject('ChangeIki.data', { plan: PlanId, iki: IkiId, description, targets: wire.targets }),
);
export const RemoveIkiCodec: t.Type<RemoveIki, unknown, unknown> = commandCodec(
  'RemoveIki',
  strictObject('RemoveIki.data', { plan: PlanId, iki: IkiId }),
);
export const SetLeaderExpectationCodec: t.Type<SetLeaderExpectation, unknown, unknown> = commandCodec(
  'SetLeaderExpectation',
  strictObject('SetLeaderExpectation.data', {
    plan: PlanId,
    value: CoreValueCodec,
    expectation: text(PLAN_TEXT_LIMITS.expectation),
  }),
);
export const ClearLeaderExpectationCodec: t.Type<ClearLeaderExpectation, unknown, unknown> = commandCodec(
  'ClearLeaderExpectation',
  strictObject('ClearLeaderExpectation.data', { plan: PlanId, value: CoreValueCodec }),
);
export const SubmitPlanCodec: t.Type<SubmitPlan, unknown, unknown> = commandCodec(
  'SubmitPlan',
  strictObject('SubmitPlan.data', { plan: PlanId }),
);
export const ApprovePlanCodec: t.Type<ApprovePlan, unknown, unknown> = commandCodec(
  'ApprovePlan',
  strictObject('ApprovePlan.data', { plan: PlanId }),
);
export const ReturnPlanCodec: t.Type<ReturnPlan, unknown, unknown> = commandCodec(
  'ReturnPlan',
  strictObject('ReturnPlan.data', { plan: PlanId, reasons: t.readonlyArray(reason) }),
);
export const StartAmendmentCodec: t.Type<StartAmendment, unknown, unknown> = commandCodec(
  'StartAmendment',
  strictObject('StartAmendment.data', { plan: PlanId, reason }),
);
export const RecordRealisationCodec: t.Type<RecordRealisation, unknown, unknown> = commandCodec(
  'RecordRealisation',
  strictObject('RecordRealisation.data', {
    plan: PlanId,
    iki: IkiId,
    realised: wire.realised,
    evidence: t.readonlyArray(wire.evidence),
  }),
);
export const RecordFeedbackCodec: t.Type<RecordFeedback, unknown, unknown> = commandCodec(
  'RecordFeedback',
  strictObject('RecordFeedback.data', { plan: PlanId, kind: FeedbackKindCodec, note: text(PLAN_TEXT_LIMITS.note) }),
);
export const ClosePlanCodec: t.Type<ClosePlan, unknown, unknown> = commandCodec(
  'ClosePlan',
  strictObject('ClosePlan.data', { plan: PlanId }),
);

type CommandCodecs = { readonly [K in PlanCommand['type']]: t.Type<Extract<PlanCommand, { type: K }>, unknown, unknown> };

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const planCommandCodecs: CommandCodecs = {
  DraftPlan: DraftPlanCodec,
  AddRhk: AddRhkCodec,
  ChangeRhk: ChangeRhkCodec,
  RemoveRhk: RemoveRhkCodec,
  AddIki: AddIkiCodec,
  ChangeIki: ChangeIkiCodec,
  RemoveIki: RemoveIkiCodec,
  SetLeaderExpectation: SetLeaderExpectationCodec,
  ClearLeaderExpectation: ClearLeaderExpectationCodec,
  SubmitPlan: SubmitPlanCodec,
  ApprovePlan: ApprovePlanCodec,
  ReturnPlan: ReturnPlanCodec,
  StartAmendment: StartAmendmentCodec,
  RecordRealisation: RecordRealisationCodec,
  RecordFeedback: RecordFeedbackCodec,
  ClosePlan: ClosePlanCodec,
};

export const PlanCommandCodec: t.Type<PlanCommand, unknown, unknown> = byType('PlanCommand', planCommandCodecs);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

export const PlanDraftedCodec: t.Type<PlanDrafted, unknown, unknown> = eventCodec(
  'PlanDrafted',
  strippingObject('PlanDrafted.data', { ...header, roster: stored.roster, at: Instant }),
);
export const RhkAddedCodec: t.Type<RhkAdded, unknown, unknown> = eventCodec(
  'RhkAdded',
  strippingObject('RhkAdded.data', stored.rhk.required, stored.rhk.optional),
);
export const RhkChangedCodec: t.Type<RhkChanged, unknown, unknown> = eventCodec(
  'RhkChanged',
  strippingObject('RhkChanged.data', stored.rhk.required, stored.rhk.optional),
);
export const RhkRemovedCodec: t.Type<RhkRemoved, unknown, unknown> = eventCodec(
  'RhkRemoved',
  strippingObject('RhkRemoved.data', { plan: PlanId, rhk: RhkId, removedIki: t.readonlyArray(IkiId) }),
);
export const IkiAddedCodec: t.Type<IkiAdded, unknown, unknown> = eventCodec(
  'IkiAdded',
  strippingObject('IkiAdded.data', { plan: PlanId, rhk: RhkId, iki: IkiId, description, targets: stored.targets }),
);
export const IkiChangedCodec: t.Type<IkiChanged, unknown, unknown> = eventCodec(
  'IkiChanged',
  strippingObject('IkiChanged.data', { plan: PlanId, rhk: RhkId, iki: IkiId, description, targets: stored.targets }),
);
export const IkiRemovedCodec: t.Type<IkiRemoved, unknown, unknown> = eventCodec(
  'IkiRemoved',
  strippingObject('IkiRemoved.data', { plan: PlanId, rhk: RhkId, iki: IkiId }),
);
export const LeaderExpectationSetCodec: t.Type<LeaderExpectationSet, unknown, unknown> = eventCodec(
  'LeaderExpectationSet',
  strippingObject('LeaderExpectationSet.data', {
    plan: PlanId,
    value: CoreValueCodec,
    expectation: text(PLAN_TEXT_LIMITS.expectation),
    setBy: Nip,
    at: Instant,
  }),
);
export const LeaderExpectationClearedCodec: t.Type<LeaderExpectationCleared, unknown, unknown> = eventCodec(
  'LeaderExpectationCleared',
  strippingObject('LeaderExpectationCleared.data', { plan: PlanId, value: CoreValueCodec, clearedBy: Nip, at: Instant }),
);
export const PlanSubmittedCodec: t.Type<PlanSubmitted, unknown, unknown> = eventCodec(
  'PlanSubmitted',
  strippingObject('PlanSubmitted.data', { plan: PlanId, submittedBy: Nip, at: Instant }),
);
export const PlanApprovedCodec: t.Type<PlanApproved, unknown, unknown> = eventCodec(
  'PlanApproved',
  strippingObject('PlanApproved.data', { plan: PlanId, revision: Revision, approvedBy: Nip, at: Instant }),
);
export const PlanReturnedCodec: t.Type<PlanReturned, unknown, unknown> = eventCodec(
  'PlanReturned',
  strippingObject('PlanReturned.data', { plan: PlanId, reasons: t.readonlyArray(reason), returnedBy: Nip, at: Instant }),
);
export const PlanAmendmentStartedCodec: t.Type<PlanAmendmentStarted, unknown, unknown> = eventCodec(
  'PlanAmendmentStarted',
  strippingObject('PlanAmendmentStarted.data', { plan: PlanId, reason, revision: Revision, startedBy: Nip, at: Instant }),
);
export const RealisationRecordedCodec: t.Type<RealisationRecorded, unknown, unknown> = eventCodec(
  'RealisationRecorded',
  strippingObject('RealisationRecorded.data', {
    plan: PlanId,
    rhk: RhkId,
    iki: IkiId,
    revision: Revision,
    realised: stored.realised,
    evidence: t.readonlyArray(stored.evidence),
    recordedBy: Nip,
    at: Instant,
  }),
);
export const FeedbackRecordedCodec: t.Type<FeedbackRecorded, unknown, unknown> = eventCodec(
  'FeedbackRecorded',
  strippingObject('FeedbackRecorded.data', {
    plan: PlanId,
    kind: FeedbackKindCodec,
    note: text(PLAN_TEXT_LIMITS.note),
    recordedBy: Nip,
    at: Instant,
  }),
);
export const PlanClosedCodec: t.Type<PlanClosed, unknown, unknown> = eventCodec(
  'PlanClosed',
  strippingObject('PlanClosed.data', {
    plan: PlanId,
    closedFrom: OpenPlanStatusCodec,
    revision: Revision,
    closedBy: Nip,
    at: Instant,
  }),
);

type EventCodecs = { readonly [K in PlanEvent['type']]: t.Type<Extract<PlanEvent, { type: K }>, unknown, unknown> };

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const planEventCodecs: EventCodecs = {
  PlanDrafted: PlanDraftedCodec,
  RhkAdded: RhkAddedCodec,
  RhkChanged: RhkChangedCodec,
  RhkRemoved: RhkRemovedCodec,
  IkiAdded: IkiAddedCodec,
  IkiChanged: IkiChangedCodec,
  IkiRemoved: IkiRemovedCodec,
  LeaderExpectationSet: LeaderExpectationSetCodec,
  LeaderExpectationCleared: LeaderExpectationClearedCodec,
  PlanSubmitted: PlanSubmittedCodec,
  PlanApproved: PlanApprovedCodec,
  PlanReturned: PlanReturnedCodec,
  PlanAmendmentStarted: PlanAmendmentStartedCodec,
  RealisationRecorded: RealisationRecordedCodec,
  FeedbackRecorded: FeedbackRecordedCodec,
  PlanClosed: PlanClosedCodec,
};

export const PlanEventCodec: t.Type<PlanEvent, unknown, unknown> = byType('PlanEvent', planEventCodecs);
