/**
 * The event types of every aggregate, checked against the domain's event unions at compile time: a type added to
 * an aggregate and not listed here fails the build (and a read model that reads every event, like the audit trail,
 * then raises its version).
 */
import type {
  AbsenceEvent,
  AppealEvent,
  ComplaintEvent,
  DisciplineEvent,
  EvaluationEvent,
  ObjectionEvent,
  PlanEvent,
  PoorPerformanceEvent,
  RewardEvent,
  RosterEvent,
  UnitPeriodEvent,
} from '@kinerja/domain';

/** `types` must list every member of `T` (and nothing else). */
const every =
  <T extends string>() =>
  <const L extends ReadonlyArray<T>>(...types: L & ([T] extends [L[number]] ? unknown : never)): ReadonlyArray<T> =>
    types;

export const ROSTER_EVENT_TYPES = every<RosterEvent['type']>()(
  'UnitRegistered',
  'ParentUnitChanged',
  'PositionCreated',
  'ReportingLineChanged',
  'EmployeeAppointed',
  'EmployeeTransferred',
  'EmployeeLeft',
);

export const PLAN_EVENT_TYPES = every<PlanEvent['type']>()(
  'PlanDrafted',
  'RhkAdded',
  'RhkChanged',
  'RhkRemoved',
  'IkiAdded',
  'IkiChanged',
  'IkiRemoved',
  'LeaderExpectationSet',
  'LeaderExpectationCleared',
  'PlanSubmitted',
  'PlanApproved',
  'PlanReturned',
  'PlanAmendmentStarted',
  'RealisationRecorded',
  'FeedbackRecorded',
  'PlanClosed',
);

export const EVALUATION_EVENT_TYPES = every<EvaluationEvent['type']>()(
  'EvaluationOpened',
  'EvaluationRealisationRecorded',
  'FeedbackInvited',
  'FeedbackGiven',
  'SelfEvaluationRecorded',
  'EvaluationRated',
  'EvaluationSettled',
  'EvaluationDelivered',
  'EvaluationObjected',
  'EvaluationFinalized',
  'EvaluationRevised',
);

export const UNIT_PERIOD_EVENT_TYPES = every<UnitPeriodEvent['type']>()(
  'UnitPeriodOpened',
  'OrganisationalResultSet',
  'ProposalRecorded',
  'ProposalWithdrawn',
  'UnitPeriodSettled',
  'SettledResultRevised',
);

export const OBJECTION_EVENT_TYPES = every<ObjectionEvent['type']>()(
  'ObjectionFiled',
  'ExplanationRecorded',
  'ObjectionUpheld',
  'ObjectionPartlyUpheld',
  'ObjectionRejected',
  'ObjectionWithdrawn',
  'ObjectionDecisionOverdue',
);

export const DISCIPLINE_EVENT_TYPES = every<DisciplineEvent['type']>()(
  'BreachReported',
  'SummonsIssued',
  'SummonsIgnored',
  'TimPemeriksaFormed',
  'ExaminationRecorded',
  'SanctionImposed',
  'CaseDismissed',
  'DecisionDelivered',
  'DeliveryOverdue',
  'SanctionServed',
  'SanctionReviewed',
);

export const ABSENCE_EVENT_TYPES = every<AbsenceEvent['type']>()('AbsenceRecorded');

export const APPEAL_EVENT_TYPES = every<AppealEvent['type']>()(
  'AdministrativeObjectionFiled',
  'AppealFiled',
  'PpkResponseRecorded',
  'PpkResponseOverdue',
  'SanctionAffirmedOnReview',
  'SanctionLightenedOnReview',
  'SanctionIncreasedOnReview',
  'SanctionAlteredOnReview',
  'SanctionAnnulledOnReview',
  'ObjectionDeemedGranted',
);

export const POOR_PERFORMANCE_EVENT_TYPES = every<PoorPerformanceEvent['type']>()(
  'PoorPerformancePathOpened',
  'CoachingRecorded',
  'PoorPerformanceImproved',
  'PoorYearRecorded',
  'ImprovementPeriodEnded',
  'CompetenceTestRecorded',
  'TransferDecided',
  'TemporaryPostAssigned',
  'TemporaryPostEnded',
  'DismissalWithHonourProposed',
);

export const REWARD_EVENT_TYPES = every<RewardEvent['type']>()(
  'RecognitionGranted',
  'IncentiveGranted',
  'TalentPoolPrioritised',
  'TrainingRecommended',
);

export const COMPLAINT_EVENT_TYPES = every<ComplaintEvent['type']>()(
  'ComplaintFiled',
  'ComplaintAcknowledged',
  'ComplaintAssigned',
  'ComplaintResponded',
  'ComplaintResolved',
  'ComplaintReopened',
  'ComplaintEscalated',
  'ComplaintClosed',
  'ComplaintMergedAsDuplicate',
  'ComplaintRejectedAsSpam',
);

/** The ledger keeper's digest (`@kinerja/eventstore`): part of the log an auditor reads. */
export const LEDGER_EVENT_TYPES: ReadonlyArray<string> = ['LedgerDigestRecorded'];
