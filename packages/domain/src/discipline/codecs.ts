/**
 * io-ts codecs for the discipline case's commands (input from outside: unknown fields are refused, naming each)
 * and events (stored facts: unknown fields are stripped, upcasters handle schema changes). Dates are ISO-8601 on
 * the wire; local dates `yyyy-mm-dd`.
 *
 * Codecs check shapes only. Business rules (authority, notice, BR-17, BR-18) are the decider's, so that a client
 * gets the same tagged error whichever door it came through. Each codec is annotated with the hand-written type it
 * decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import {
  byKey,
  byType,
  commandCodec,
  eventCodec,
  Instant,
  literals,
  LocalDate,
  Nip,
  strictObject,
  strippingObject,
  text,
  UnitId,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import {
  AUTHORITY_SCOPES,
  EMPLOYEE_GRADES,
  OFFICIAL_RANKS,
  type AuthorityFacts,
  type AuthorityTable,
} from './authority';
import { TimeZone } from '../calendar';
import { calendarShapes } from '../calendar/codecs';
import type {
  ApplyReviewOutcome,
  DecideSanction,
  DecideSanctionRequest,
  DeliverDecision,
  DisciplineCommand,
  DismissCase,
  DismissCaseRequest,
  FormTimPemeriksa,
  RecordDeliveryOverdue,
  RecordExamination,
  RecordServed,
  RecordSummonsIgnored,
  ReportBreach,
  ReportBreachRequest,
  SummonEmployee,
  SummonEmployeeRequest,
} from './decide';
import {
  ABSENCE_RULES,
  EXAMINERS,
  REVIEW_OUTCOMES,
  REVIEW_SOURCES,
  TIM_ELEMENTS,
  type BreachReported,
  type BreachSource,
  type CaseDismissed,
  type DecisionAuthority,
  type DecisionDelivered,
  type DeliveryOverdue,
  type DisciplineEvent,
  type ExaminationRecorded,
  type BreachReportFacts,
  type SanctionImposed,
  type SanctionReviewed,
  type SanctionServed,
  type SummonsIgnored,
  type SummonsIssued,
  type TimPemeriksaFormed,
} from './discipline';
import { DisciplineCaseId } from './ids';
import type { DisciplinePolicy } from './policy';
import { DISMISSAL_KINDS, SANCTION_LEVELS, SANCTION_TYPES, type InForce, type ReviewedSanctionInput, type Sanction, type SanctionChoice } from './sanctions';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export const SanctionTypeCodec = literals('SanctionType', SANCTION_TYPES);
export const SanctionLevelCodec = literals('SanctionLevel', SANCTION_LEVELS);
export const DismissalKindCodec = literals('DismissalKind', DISMISSAL_KINDS);
export const OfficialRankCodec = literals('OfficialRank', OFFICIAL_RANKS);
export const AuthorityScopeCodec = literals('AuthorityScope', AUTHORITY_SCOPES);
export const EmployeeGradeCodec = literals('EmployeeGrade', EMPLOYEE_GRADES);
export const TimElementCodec = literals('TimElement', TIM_ELEMENTS);
export const ExaminerCodec = literals('Examiner', EXAMINERS);
export const ReviewSourceCodec = literals('ReviewSource', REVIEW_SOURCES);
export const ReviewOutcomeCodec = literals('ReviewOutcome', REVIEW_OUTCOMES);
const AbsenceRuleCodec = literals('AbsenceRule', ABSENCE_RULES);

const TukinMonths = t.union([t.literal(6), t.literal(9), t.literal(12)], 'TukinCutMonths');
const SummonsNumber = t.union([t.literal(1), t.literal(2)], 'SummonsNumber');
const Count = wholeNumber('Count', 0);

/** Text limits, in characters. */
export const DISCIPLINE_TEXT_LIMITS = {
  allegation: 4000,
  findings: 8000,
  reference: 500,
  place: 500,
  reason: 4000,
  ruleBook: 100,
  article: 200,
} as const;

const reference = text(DISCIPLINE_TEXT_LIMITS.reference);
const article = text(DISCIPLINE_TEXT_LIMITS.article);

/** The nested shapes, built once for commands (strict) and once for events (stripping) from one description. */
const shapes = (object: ObjectCodec) => {
  const sanctionMembers = {
    'teguran-lisan': object('Sanction.teguran-lisan', { type: t.literal('teguran-lisan') }),
    'teguran-tertulis': object('Sanction.teguran-tertulis', { type: t.literal('teguran-tertulis') }),
    'pernyataan-tidak-puas': object('Sanction.pernyataan-tidak-puas', { type: t.literal('pernyataan-tidak-puas') }),
    'potongan-tukin-25': object('Sanction.potongan-tukin-25', { type: t.literal('potongan-tukin-25'), months: TukinMonths }),
    'penurunan-jabatan-12-bulan': object('Sanction.penurunan-jabatan-12-bulan', {
      type: t.literal('penurunan-jabatan-12-bulan'),
    }),
    'pembebasan-jabatan-12-bulan': object('Sanction.pembebasan-jabatan-12-bulan', {
      type: t.literal('pembebasan-jabatan-12-bulan'),
    }),
  };
  const sanction: t.Type<Sanction, unknown, unknown> = byKey('Sanction', 'type', {
    ...sanctionMembers,
    pemberhentian: object('Sanction.pemberhentian', { type: t.literal('pemberhentian'), kind: DismissalKindCodec }),
  });
  const choice: t.Type<SanctionChoice, unknown, unknown> = byKey('SanctionChoice', 'type', {
    ...sanctionMembers,
    pemberhentian: object('SanctionChoice.pemberhentian', { type: t.literal('pemberhentian') }, { kind: DismissalKindCodec }),
  });
  const source: t.Type<BreachSource, unknown, unknown> = byKey('BreachSource', 'kind', {
    superior: object('BreachSource.superior', { kind: t.literal('superior') }),
    complaint: object('BreachSource.complaint', { kind: t.literal('complaint'), complaint: reference }),
    absence: object(
      'BreachSource.absence',
      {
        kind: t.literal('absence'),
        rule: AbsenceRuleCodec,
        year: wholeNumber('Year', 1900, 9999),
        unexcusedDays: Count,
        consecutiveWorkingDays: Count,
        dates: t.readonlyArray(LocalDate),
        proposed: sanction,
      },
      { salaryStopsFrom: LocalDate },
    ),
    'superior-inaction': object('BreachSource.superior-inaction', {
      kind: t.literal('superior-inaction'),
      originalCase: DisciplineCaseId,
      originalEmployee: Nip,
      originalSanction: sanction,
    }),
  });
  const facts: t.Type<BreachReportFacts, unknown, unknown> = object('ReportFacts', {
    asOf: LocalDate,
    employeeGrade: t.union([EmployeeGradeCodec, t.null]),
    employeeUnit: t.union([UnitId, t.null]),
    superiors: t.readonlyArray(Nip),
  });
  const { calendar, period, deadline } = calendarShapes(object);
  const authorityTable: t.Type<AuthorityTable, unknown, unknown> = object('AuthorityTable', {
    id: text(100),
    note: t.string,
    rules: t.readonlyArray(
      object('AuthorityRule', {
        official: OfficialRankCodec,
        scope: AuthorityScopeCodec,
        grades: t.readonlyArray(EmployeeGradeCodec),
        sanctions: t.readonlyArray(SanctionTypeCodec),
        article,
      }),
    ),
  });
  const policy: t.Type<DisciplinePolicy, unknown, unknown> = object('DisciplinePolicy', {
    ruleBook: text(DISCIPLINE_TEXT_LIMITS.ruleBook),
    summonsNotice: period,
    delivery: period,
    inForceAfterDays: Count,
    dismissalKind: DismissalKindCodec,
    authority: authorityTable,
  });
  const authorityFacts: t.Type<AuthorityFacts, unknown, unknown> = object('AuthorityFacts', {
    asOf: LocalDate,
    officialRank: t.union([OfficialRankCodec, t.null]),
    officialIsSuperior: t.boolean,
    employeeGrade: t.union([EmployeeGradeCodec, t.null]),
  });
  const reviewed: t.Type<ReviewedSanctionInput, unknown, unknown> = object(
    'ReviewedSanction',
    { type: SanctionTypeCodec },
    { level: SanctionLevelCodec, months: wholeNumber('Months', 0), kind: DismissalKindCodec },
  );
  const timMember = object('TimMember', { nip: Nip, element: TimElementCodec });
  const inForce: t.Type<InForce, unknown, unknown> = object('InForce', { from: LocalDate, until: t.union([LocalDate, t.null]) });
  const decisionAuthority: t.Type<DecisionAuthority, unknown, unknown> = object('DecisionAuthority', {
    table: text(100),
    official: OfficialRankCodec,
    scope: AuthorityScopeCodec,
    article,
    asOf: LocalDate,
    officialIsSuperior: t.boolean,
    employeeGrade: EmployeeGradeCodec,
  });
  return {
    sanction,
    choice,
    source,
    facts,
    calendar,
    deadline,
    authorityTable,
    policy,
    authorityFacts,
    timMember,
    inForce,
    decisionAuthority,
    reviewed,
  };
};

const wire = shapes(strictObject);
const stored = shapes(strippingObject);

export const SanctionCodec = wire.sanction;
export const SanctionChoiceCodec = wire.choice;
export const BreachSourceCodec = wire.source;
export const AuthorityTableCodec = wire.authorityTable;
export const DisciplinePolicyCodec = wire.policy;
export const AuthorityFactsCodec = wire.authorityFacts;
export const BreachReportFactsCodec = wire.facts;

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

const reportRequest = {
  caseId: DisciplineCaseId,
  employee: Nip,
  allegation: text(DISCIPLINE_TEXT_LIMITS.allegation),
  source: wire.source,
};
const summonsRequest = { required: { caseId: DisciplineCaseId, date: LocalDate }, optional: { place: text(DISCIPLINE_TEXT_LIMITS.place) } };
const decideRequest = {
  required: { caseId: DisciplineCaseId, sanction: wire.choice, findings: text(DISCIPLINE_TEXT_LIMITS.findings) },
  optional: { inForceFrom: LocalDate },
};
const dismissRequest = { caseId: DisciplineCaseId, reason: text(DISCIPLINE_TEXT_LIMITS.reason) };

/** What a client sends to report a breach: the engine adds the roster facts and the tenant's policy. */
export const ReportBreachRequestCodec: t.Type<ReportBreachRequest, unknown, unknown> = strictObject(
  'ReportBreachRequest',
  reportRequest,
);
/** What a client sends to summon: the engine adds the tenant calendar. */
export const SummonEmployeeRequestCodec: t.Type<SummonEmployeeRequest, unknown, unknown> = strictObject(
  'SummonEmployeeRequest',
  summonsRequest.required,
  summonsRequest.optional,
);
/** What the official sends to decide: the engine adds their standing in the roster and the tenant calendar. */
export const DecideSanctionRequestCodec: t.Type<DecideSanctionRequest, unknown, unknown> = strictObject(
  'DecideSanctionRequest',
  decideRequest.required,
  decideRequest.optional,
);
export const DismissCaseRequestCodec: t.Type<DismissCaseRequest, unknown, unknown> = strictObject(
  'DismissCaseRequest',
  dismissRequest,
);

export const ReportBreachCodec: t.Type<ReportBreach, unknown, unknown> = commandCodec(
  'ReportBreach',
  strictObject('ReportBreach.data', { ...reportRequest, facts: wire.facts, policy: wire.policy }),
);
export const SummonEmployeeCodec: t.Type<SummonEmployee, unknown, unknown> = commandCodec(
  'SummonEmployee',
  strictObject('SummonEmployee.data', { ...summonsRequest.required, calendar: wire.calendar }, summonsRequest.optional),
);
export const RecordSummonsIgnoredCodec: t.Type<RecordSummonsIgnored, unknown, unknown> = commandCodec(
  'RecordSummonsIgnored',
  strictObject('RecordSummonsIgnored.data', { caseId: DisciplineCaseId }),
);
export const FormTimPemeriksaCodec: t.Type<FormTimPemeriksa, unknown, unknown> = commandCodec(
  'FormTimPemeriksa',
  strictObject('FormTimPemeriksa.data', { caseId: DisciplineCaseId, members: t.readonlyArray(wire.timMember) }),
);
export const RecordExaminationCodec: t.Type<RecordExamination, unknown, unknown> = commandCodec(
  'RecordExamination',
  strictObject('RecordExamination.data', {
    caseId: DisciplineCaseId,
    bap: reference,
    findings: text(DISCIPLINE_TEXT_LIMITS.findings),
  }),
);
export const DecideSanctionCodec: t.Type<DecideSanction, unknown, unknown> = commandCodec(
  'DecideSanction',
  strictObject(
    'DecideSanction.data',
    { ...decideRequest.required, authority: wire.authorityFacts, calendar: wire.calendar },
    decideRequest.optional,
  ),
);
export const DismissCaseCodec: t.Type<DismissCase, unknown, unknown> = commandCodec(
  'DismissCase',
  strictObject('DismissCase.data', { ...dismissRequest, authority: wire.authorityFacts }),
);
export const DeliverDecisionCodec: t.Type<DeliverDecision, unknown, unknown> = commandCodec(
  'DeliverDecision',
  strictObject('DeliverDecision.data', { caseId: DisciplineCaseId }),
);
export const RecordDeliveryOverdueCodec: t.Type<RecordDeliveryOverdue, unknown, unknown> = commandCodec(
  'RecordDeliveryOverdue',
  strictObject('RecordDeliveryOverdue.data', { caseId: DisciplineCaseId }),
);
export const RecordServedCodec: t.Type<RecordServed, unknown, unknown> = commandCodec(
  'RecordServed',
  strictObject('RecordServed.data', { caseId: DisciplineCaseId }),
);
export const ApplyReviewOutcomeCodec: t.Type<ApplyReviewOutcome, unknown, unknown> = commandCodec(
  'ApplyReviewOutcome',
  strictObject(
    'ApplyReviewOutcome.data',
    { caseId: DisciplineCaseId, source: ReviewSourceCodec, outcome: ReviewOutcomeCodec },
    { sanction: wire.reviewed, decidedBy: Nip, reference },
  ),
);

type CommandCodecs = {
  readonly [K in DisciplineCommand['type']]: t.Type<Extract<DisciplineCommand, { type: K }>, unknown, unknown>;
};

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const disciplineCommandCodecs: CommandCodecs = {
  ReportBreach: ReportBreachCodec,
  SummonEmployee: SummonEmployeeCodec,
  RecordSummonsIgnored: RecordSummonsIgnoredCodec,
  FormTimPemeriksa: FormTimPemeriksaCodec,
  RecordExamination: RecordExaminationCodec,
  DecideSanction: DecideSanctionCodec,
  DismissCase: DismissCaseCodec,
  DeliverDecision: DeliverDecisionCodec,
  RecordDeliveryOverdue: RecordDeliveryOverdueCodec,
  RecordServed: RecordServedCodec,
  ApplyReviewOutcome: ApplyReviewOutcomeCodec,
};

export const DisciplineCommandCodec: t.Type<DisciplineCommand, unknown, unknown> = byType(
  'DisciplineCommand',
  disciplineCommandCodecs,
);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

const basis = { ruleBook: text(DISCIPLINE_TEXT_LIMITS.ruleBook), articles: t.readonlyArray(article) };

export const BreachReportedCodec: t.Type<BreachReported, unknown, unknown> = eventCodec(
  'BreachReported',
  strippingObject('BreachReported.data', {
    caseId: DisciplineCaseId,
    employee: Nip,
    allegation: text(DISCIPLINE_TEXT_LIMITS.allegation),
    source: stored.source,
    facts: stored.facts,
    policy: stored.policy,
    reportedBy: Nip,
    at: Instant,
  }),
);
export const SummonsIssuedCodec: t.Type<SummonsIssued, unknown, unknown> = eventCodec(
  'SummonsIssued',
  strippingObject(
    'SummonsIssued.data',
    {
      caseId: DisciplineCaseId,
      n: SummonsNumber,
      date: LocalDate,
      earliest: LocalDate,
      calendar: text(100),
      timeZone: TimeZone,
      issuedBy: Nip,
      at: Instant,
    },
    { place: text(DISCIPLINE_TEXT_LIMITS.place) },
  ),
);
export const SummonsIgnoredCodec: t.Type<SummonsIgnored, unknown, unknown> = eventCodec(
  'SummonsIgnored',
  strippingObject('SummonsIgnored.data', {
    caseId: DisciplineCaseId,
    n: SummonsNumber,
    date: LocalDate,
    recordedBy: Nip,
    at: Instant,
  }),
);
export const TimPemeriksaFormedCodec: t.Type<TimPemeriksaFormed, unknown, unknown> = eventCodec(
  'TimPemeriksaFormed',
  strippingObject('TimPemeriksaFormed.data', {
    caseId: DisciplineCaseId,
    members: t.readonlyArray(stored.timMember),
    formedBy: Nip,
    at: Instant,
  }),
);
export const ExaminationRecordedCodec: t.Type<ExaminationRecorded, unknown, unknown> = eventCodec(
  'ExaminationRecorded',
  strippingObject('ExaminationRecorded.data', {
    caseId: DisciplineCaseId,
    examiner: ExaminerCodec,
    bap: reference,
    findings: text(DISCIPLINE_TEXT_LIMITS.findings),
    examinedBy: Nip,
    at: Instant,
  }),
);
export const SanctionImposedCodec: t.Type<SanctionImposed, unknown, unknown> = eventCodec(
  'SanctionImposed',
  strippingObject(
    'SanctionImposed.data',
    {
      caseId: DisciplineCaseId,
      employee: Nip,
      sanction: stored.sanction,
      level: SanctionLevelCodec,
      findings: text(DISCIPLINE_TEXT_LIMITS.findings),
      evidenceOnly: t.boolean,
      deliveryDeadline: stored.deadline,
      decidedBy: Nip,
      authority: stored.decisionAuthority,
      ...basis,
      at: Instant,
    },
    { inForceFrom: LocalDate },
  ),
);
export const CaseDismissedCodec: t.Type<CaseDismissed, unknown, unknown> = eventCodec(
  'CaseDismissed',
  strippingObject('CaseDismissed.data', {
    caseId: DisciplineCaseId,
    employee: Nip,
    reason: text(DISCIPLINE_TEXT_LIMITS.reason),
    decidedBy: Nip,
    authority: stored.decisionAuthority,
    ...basis,
    at: Instant,
  }),
);
export const DecisionDeliveredCodec: t.Type<DecisionDelivered, unknown, unknown> = eventCodec(
  'DecisionDelivered',
  strippingObject('DecisionDelivered.data', {
    caseId: DisciplineCaseId,
    sanction: stored.sanction,
    deadline: stored.deadline,
    late: t.boolean,
    inForce: stored.inForce,
    deliveredBy: Nip,
    ...basis,
    at: Instant,
  }),
);
export const DeliveryOverdueCodec: t.Type<DeliveryOverdue, unknown, unknown> = eventCodec(
  'DeliveryOverdue',
  strippingObject('DeliveryOverdue.data', {
    caseId: DisciplineCaseId,
    deadline: stored.deadline,
    decidedBy: Nip,
    recordedBy: Nip,
    ...basis,
    at: Instant,
  }),
);
export const SanctionServedCodec: t.Type<SanctionServed, unknown, unknown> = eventCodec(
  'SanctionServed',
  strippingObject('SanctionServed.data', {
    caseId: DisciplineCaseId,
    sanction: stored.sanction,
    inForce: stored.inForce,
    recordedBy: Nip,
    at: Instant,
  }),
);
export const SanctionReviewedCodec: t.Type<SanctionReviewed, unknown, unknown> = eventCodec(
  'SanctionReviewed',
  strippingObject(
    'SanctionReviewed.data',
    {
      caseId: DisciplineCaseId,
      source: ReviewSourceCodec,
      outcome: ReviewOutcomeCodec,
      previous: stored.sanction,
      sanction: t.union([stored.sanction, t.null]),
      inForce: t.union([stored.inForce, t.null]),
      reviewedBy: Nip,
      authority: text(200),
      ...basis,
      at: Instant,
    },
    { decidedBy: Nip, reference },
  ),
);

type EventCodecs = {
  readonly [K in DisciplineEvent['type']]: t.Type<Extract<DisciplineEvent, { type: K }>, unknown, unknown>;
};

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const disciplineEventCodecs: EventCodecs = {
  BreachReported: BreachReportedCodec,
  SummonsIssued: SummonsIssuedCodec,
  SummonsIgnored: SummonsIgnoredCodec,
  TimPemeriksaFormed: TimPemeriksaFormedCodec,
  ExaminationRecorded: ExaminationRecordedCodec,
  SanctionImposed: SanctionImposedCodec,
  CaseDismissed: CaseDismissedCodec,
  DecisionDelivered: DecisionDeliveredCodec,
  DeliveryOverdue: DeliveryOverdueCodec,
  SanctionServed: SanctionServedCodec,
  SanctionReviewed: SanctionReviewedCodec,
};

export const DisciplineEventCodec: t.Type<DisciplineEvent, unknown, unknown> = byType(
  'DisciplineEvent',
  disciplineEventCodecs,
);
