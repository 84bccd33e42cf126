/**
 * The unit period aggregate (DOMAIN.md §2.3): one stream per unit and evaluation period, where the organisational
 * result is set and the unit's predikat are settled against the kurva distribusi in one decision. `decide` and
 * `evolve` are exported under unit-period names (they are also on `unitPeriodDecider`) so that the package's root
 * index can re-export every aggregate side by side.
 */
export {
  decide as decideUnitPeriod,
  unitPeriodDecider,
  type OpenUnitPeriod,
  type RecordProposal,
  type ReviseSettledResult,
  type SetOrganisationalResult,
  type SettleUnitPeriod,
  type UnitPeriodCommand,
  type WithdrawProposal,
} from './decide';
export {
  countsOf as distributionCountsOf,
  evolve as evolveUnitPeriod,
  initialState as initialUnitPeriodState,
  proposalCounts,
  settledResults,
  unitPeriodStreamId,
  type CurrentOrganisationalResult,
  type CurveApplied,
  type EmptyUnitPeriod,
  type OpenUnitPeriodState,
  type OrganisationalResultSet,
  type Proposal,
  type ProposalRecorded,
  type ProposalWithdrawn,
  type SettledResult,
  type SettledResultRevised,
  type SettledUnitPeriod,
  type Settlement,
  type SettlementBasis,
  type UnitPeriodBody,
  type UnitPeriodEvent,
  type UnitPeriodFacts,
  type UnitPeriodHeader,
  type UnitPeriodOpened,
  type UnitPeriodPolicy,
  type UnitPeriodRosterFacts,
  type UnitPeriodSettled,
  type UnitPeriodState,
  type UnitPeriodStatus,
} from './unit-period';
export { finalResultOf } from './settlement';
export * from './errors';
export * from './codecs';
export { unitPeriodPolicyOf, unitPeriodRosterFactsFor } from './facts';
