/**
 * The BR rule each domain refusal enforces (DOMAIN.md §3), so a 422 can name it. Only where the rule clearly
 * applies; a refusal that enforces no BR rule (a wrong stream, a command out of order, the plan's own lifecycle)
 * has no entry.
 *
 * A key is either a plain tag, when the tag means the same rule in every aggregate that has it, or
 * `<aggregate>.<tag>` when the same tag means different things in different aggregates (`NotAuthorised` is BR-19 in
 * a discipline case and BR-20/BR-21 in an appeal; `NotTheEmployee` is BR-10 in an objection and no BR rule in a
 * plan). Look refusals up with `ruleOfRefusal(aggregate, tag)`, which tries the qualified key first.
 */
import type { AggregateName, RuleOfRefusal } from './catalog';
import { COMPLAINT_RULE_OF_REFUSAL } from './complaint';

export const RULE_OF_REFUSAL: RuleOfRefusal = {
  // --- evaluation, objection: the window and the single objection (BR-10, BR-11) ---------------------------------
  ObjectionWindowClosed: 'BR-10',
  ObjectionWindowOpen: 'BR-10',
  WorkingDayWindowUnsupported: 'BR-10',
  ObjectionAlreadyFiled: 'BR-11',
  'objection.NotTheEmployee': 'BR-10',
  'objection.EvaluationNotDelivered': 'BR-10',
  NoReasons: 'BR-10',
  NotTheAddressee: 'BR-10',
  NotAParty: 'BR-11',
  ExplanationAlreadyRecorded: 'BR-11',
  ExplanationsMissing: 'BR-11',
  ObjectionClosed: 'BR-11',

  // --- unit period: organisational result, curve, unit head (BR-03..BR-09) ----------------------------------------
  OrganisationalResultNotSet: 'BR-03',
  DistributionViolated: 'BR-04..BR-08',
  AuthorisedOfficialIsUnitHead: 'BR-09',
  UnitHeadMismatch: 'BR-09',

  // --- discipline (BR-14..BR-19, BR-22) ----------------------------------------------------------------------------
  ReviewSanctionInvalid: 'BR-14',
  ProposalInconsistent: 'BR-15/BR-16',
  SanctionNotAsProposed: 'BR-15/BR-16',
  TimPemeriksaRequired: 'BR-17',
  InactionAgainstSameEmployee: 'BR-18',
  'discipline.SanctionNotHeavier': 'BR-18',
  'discipline.NotAuthorised': 'BR-19',
  NotAuthorisedToDismiss: 'BR-19',
  DeliveryNotOverdue: 'BR-22',

  // --- appeal: banding to BPASN (BR-20), administrative objection (BR-21) ------------------------------------------
  BandingOnlyAgainstDismissal: 'BR-20',
  AwaitingPpkResponse: 'BR-20',
  PpkResponseNotOverdue: 'BR-20',
  DismissalGoesToBanding: 'BR-21',
  RinganNotObjectable: 'BR-21',
  DecisionPeriodOver: 'BR-21',
  DecisionPeriodNotOver: 'BR-21',
  DeemedGrantedDisabled: 'BR-21',
  FilingWindowClosed: 'BR-20/BR-21',
  NotTheSanctionedEmployee: 'BR-20/BR-21',
  AppealDecided: 'BR-20/BR-21',
  'appeal.NotAuthorised': 'BR-20/BR-21',
  'appeal.SanctionNotHeavier': 'BR-20/BR-21',
  SanctionNotLighter: 'BR-20/BR-21',

  // --- poor-performance path (BR-26) ----------------------------------------------------------------------------
  PredikatNotPoor: 'BR-26',
  PeriodicEvaluationDoesNotOpen: 'BR-26',
  NotAnImprovement: 'BR-26',
  ImprovementPeriodRunning: 'BR-26',
  TemporaryPostNotForLevel: 'BR-26',
  TemporaryPostTooLong: 'BR-26',
  TemporaryPostRunning: 'BR-26',
  DismissalNotYet: 'BR-26',
  ConsecutiveYearsRuleOff: 'BR-26',
  NotEnoughPoorYears: 'BR-26',

  // --- complaint (BR-23): the complaint's own table (catalog/complaint.ts) ---------------------------------------
  ...COMPLAINT_RULE_OF_REFUSAL,
};

/** The BR id a refusal of `aggregate` with `tag` enforces, if any. */
export const ruleOfRefusal = (aggregate: AggregateName, tag: string): string | undefined =>
  RULE_OF_REFUSAL[`${aggregate}.${tag}`] ?? RULE_OF_REFUSAL[tag];
