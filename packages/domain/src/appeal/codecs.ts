/**
 * io-ts codecs for the appeal's commands (input from outside: unknown fields are refused, naming each) and events
 * (stored facts: unknown fields are stripped). Dates are ISO-8601 on the wire.
 *
 * The HTTP edge decodes `FileAppealRequestCodec`, which has no engine-filled facts: a client cannot supply the
 * decision under review, the calendar or the policy.
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import { RecordedDeadlineCodec, TenantCalendarCodec } from '../calendar';
import {
  byType,
  commandCodec,
  eventCodec,
  Instant,
  literals,
  Nip,
  strictObject,
  strippingObject,
  text,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import {
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEAL_SANCTION_LEVELS,
  type AdministrativeObjectionFiled,
  type AppealEvent,
  type AppealFiled,
  type ObjectionDeemedGranted,
  type PpkResponseOverdue,
  type PpkResponseRecorded,
  type SanctionAffirmedOnReview,
  type SanctionAlteredOnReview,
  type SanctionAnnulledOnReview,
  type SanctionIncreasedOnReview,
  type SanctionLightenedOnReview,
} from './appeal';
import type {
  AppealCommand,
  DecideAppeal,
  DeemGranted,
  FileAdministrativeObjection,
  FileAppeal,
  FileAppealRequest,
  MarkPpkResponseOverdue,
  RecordPpkResponse,
} from './decide';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export const AppealKindCodec = literals('AppealKind', APPEAL_KINDS);
export const AppealOutcomeCodec = literals('AppealOutcome', APPEAL_OUTCOMES);
export const AppealSanctionLevelCodec = literals('AppealSanctionLevel', APPEAL_SANCTION_LEVELS);

/** Text limits, in characters. */
export const APPEAL_TEXT_LIMITS = {
  reason: 4000,
  response: 8000,
  sanctionType: 80,
  article: 200,
  calendarNote: 1000,
} as const;

/** The id of the discipline case whose decision is contested, as that aggregate names it (e.g. `<nip>.<yyyy>-<slug>`). */
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const isCaseId = (u: unknown): u is string => typeof u === 'string' && CASE_ID.test(u);
export const AppealCaseId = new t.Type<string, string, unknown>(
  'AppealCaseId',
  isCaseId,
  (u, c) =>
    isCaseId(u)
      ? t.success(u)
      : t.failure(u, c, `a case id is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit, got ${JSON.stringify(u)}`),
  (a) => a,
);

const reason = text(APPEAL_TEXT_LIMITS.reason);
const reasons = t.readonlyArray(reason);
const article = text(APPEAL_TEXT_LIMITS.article);
const articles = t.readonlyArray(article);
const Months = wholeNumber('Months', 1, 12);

/** The nested shapes, built once for commands (strict) and once for events (stripping), so the two never drift. */
const shapes = (object: ObjectCodec) => ({
  decision: object('ReviewedDecision', {
    caseId: AppealCaseId,
    sanctionLevel: AppealSanctionLevelCodec,
    sanctionType: text(APPEAL_TEXT_LIMITS.sanctionType),
    isDismissal: t.boolean,
    deliveredAt: Instant,
    employee: Nip,
  }),
  sanction: object(
    'ReviewedSanction',
    { level: AppealSanctionLevelCodec, type: text(APPEAL_TEXT_LIMITS.sanctionType) },
    { months: Months },
  ),
  policy: object('AppealPolicy', { objectionDeemedGranted: t.boolean, ringanObjectable: t.boolean }),
});

const wire = shapes(strictObject);
const stored = shapes(strippingObject);

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

const requestFields = { caseId: AppealCaseId, reasons };

/** What a client may send to file a keberatan or a banding: the case and the reasons. */
export const FileAppealRequestCodec: t.Type<FileAppealRequest, unknown, unknown> = strictObject('FileAppealRequest', requestFields);

export const FileAdministrativeObjectionCodec: t.Type<FileAdministrativeObjection, unknown, unknown> = commandCodec(
  'FileAdministrativeObjection',
  strictObject('FileAdministrativeObjection.data', {
    ...requestFields,
    decision: wire.decision,
    calendar: TenantCalendarCodec,
    policy: wire.policy,
  }),
);
export const FileAppealCodec: t.Type<FileAppeal, unknown, unknown> = commandCodec(
  'FileAppeal',
  strictObject('FileAppeal.data', { ...requestFields, decision: wire.decision, calendar: TenantCalendarCodec }),
);
export const RecordPpkResponseCodec: t.Type<RecordPpkResponse, unknown, unknown> = commandCodec(
  'RecordPpkResponse',
  strictObject('RecordPpkResponse.data', { caseId: AppealCaseId, response: text(APPEAL_TEXT_LIMITS.response) }),
);
export const MarkPpkResponseOverdueCodec: t.Type<MarkPpkResponseOverdue, unknown, unknown> = commandCodec(
  'MarkPpkResponseOverdue',
  strictObject('MarkPpkResponseOverdue.data', { caseId: AppealCaseId }),
);
export const DecideAppealCodec: t.Type<DecideAppeal, unknown, unknown> = commandCodec(
  'DecideAppeal',
  strictObject(
    'DecideAppeal.data',
    { kind: AppealKindCodec, caseId: AppealCaseId, outcome: AppealOutcomeCodec, reasons },
    { sanction: wire.sanction },
  ),
);
export const DeemGrantedCodec: t.Type<DeemGranted, unknown, unknown> = commandCodec(
  'DeemGranted',
  strictObject('DeemGranted.data', { caseId: AppealCaseId }),
);

type CommandCodecs = { readonly [K in AppealCommand['type']]: t.Type<Extract<AppealCommand, { type: K }>, unknown, unknown> };

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const appealCommandCodecs: CommandCodecs = {
  FileAdministrativeObjection: FileAdministrativeObjectionCodec,
  FileAppeal: FileAppealCodec,
  RecordPpkResponse: RecordPpkResponseCodec,
  MarkPpkResponseOverdue: MarkPpkResponseOverdueCodec,
  DecideAppeal: DecideAppealCodec,
  DeemGranted: DeemGrantedCodec,
};

export const AppealCommandCodec: t.Type<AppealCommand, unknown, unknown> = byType('AppealCommand', appealCommandCodecs);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

const filingFields = {
  caseId: AppealCaseId,
  employee: Nip,
  decision: stored.decision,
  reasons,
  filingDeadline: RecordedDeadlineCodec,
  filedBy: Nip,
  at: Instant,
  articles,
};

export const AdministrativeObjectionFiledCodec: t.Type<AdministrativeObjectionFiled, unknown, unknown> = eventCodec(
  'AdministrativeObjectionFiled',
  strippingObject('AdministrativeObjectionFiled.data', {
    ...filingFields,
    decisionDeadline: RecordedDeadlineCodec,
    policy: stored.policy,
  }),
);
export const AppealFiledCodec: t.Type<AppealFiled, unknown, unknown> = eventCodec(
  'AppealFiled',
  strippingObject('AppealFiled.data', { ...filingFields, responseDeadline: RecordedDeadlineCodec }),
);
export const PpkResponseRecordedCodec: t.Type<PpkResponseRecorded, unknown, unknown> = eventCodec(
  'PpkResponseRecorded',
  strippingObject('PpkResponseRecorded.data', {
    caseId: AppealCaseId,
    response: text(APPEAL_TEXT_LIMITS.response),
    respondedBy: Nip,
    authority: t.literal('ppk'),
    deadline: Instant,
    late: t.boolean,
    at: Instant,
    articles,
  }),
);
export const PpkResponseOverdueCodec: t.Type<PpkResponseOverdue, unknown, unknown> = eventCodec(
  'PpkResponseOverdue',
  strippingObject('PpkResponseOverdue.data', { caseId: AppealCaseId, deadline: Instant, notedBy: Nip, at: Instant, articles }),
);

const decisionFields = {
  caseId: AppealCaseId,
  kind: AppealKindCodec,
  previous: stored.sanction,
  reasons,
  decidedBy: Nip,
  authority: literals('DecidingAuthority', ['ppk', 'bpasn'] as const),
  articles,
  late: t.boolean,
  at: Instant,
};

export const SanctionAffirmedOnReviewCodec: t.Type<SanctionAffirmedOnReview, unknown, unknown> = eventCodec(
  'SanctionAffirmedOnReview',
  strippingObject('SanctionAffirmedOnReview.data', decisionFields),
);
export const SanctionLightenedOnReviewCodec: t.Type<SanctionLightenedOnReview, unknown, unknown> = eventCodec(
  'SanctionLightenedOnReview',
  strippingObject('SanctionLightenedOnReview.data', { ...decisionFields, sanction: stored.sanction }),
);
export const SanctionIncreasedOnReviewCodec: t.Type<SanctionIncreasedOnReview, unknown, unknown> = eventCodec(
  'SanctionIncreasedOnReview',
  strippingObject('SanctionIncreasedOnReview.data', { ...decisionFields, sanction: stored.sanction }),
);
export const SanctionAlteredOnReviewCodec: t.Type<SanctionAlteredOnReview, unknown, unknown> = eventCodec(
  'SanctionAlteredOnReview',
  strippingObject('SanctionAlteredOnReview.data', { ...decisionFields, sanction: stored.sanction }),
);
export const SanctionAnnulledOnReviewCodec: t.Type<SanctionAnnulledOnReview, unknown, unknown> = eventCodec(
  'SanctionAnnulledOnReview',
  strippingObject('SanctionAnnulledOnReview.data', decisionFields),
);
export const ObjectionDeemedGrantedCodec: t.Type<ObjectionDeemedGranted, unknown, unknown> = eventCodec(
  'ObjectionDeemedGranted',
  strippingObject('ObjectionDeemedGranted.data', {
    caseId: AppealCaseId,
    previous: stored.sanction,
    deadline: Instant,
    decidedBy: Nip,
    authority: t.literal('fiktif-positif'),
    articles,
    at: Instant,
  }),
);

type EventCodecs = { readonly [K in AppealEvent['type']]: t.Type<Extract<AppealEvent, { type: K }>, unknown, unknown> };

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const appealEventCodecs: EventCodecs = {
  AdministrativeObjectionFiled: AdministrativeObjectionFiledCodec,
  AppealFiled: AppealFiledCodec,
  PpkResponseRecorded: PpkResponseRecordedCodec,
  PpkResponseOverdue: PpkResponseOverdueCodec,
  SanctionAffirmedOnReview: SanctionAffirmedOnReviewCodec,
  SanctionLightenedOnReview: SanctionLightenedOnReviewCodec,
  SanctionIncreasedOnReview: SanctionIncreasedOnReviewCodec,
  SanctionAlteredOnReview: SanctionAlteredOnReviewCodec,
  SanctionAnnulledOnReview: SanctionAnnulledOnReviewCodec,
  ObjectionDeemedGranted: ObjectionDeemedGrantedCodec,
};

export const AppealEventCodec: t.Type<AppealEvent, unknown, unknown> = byType('AppealEvent', appealEventCodecs);
