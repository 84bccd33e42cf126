/**
 * The unit period's commands and `decide`: one function per command, each answering with the facts it causes or
 * the reason it is refused (ADR 0001). Facts the aggregate cannot see in its own stream (who heads the unit, who
 * is above them, the tenant's policy) arrive in `OpenUnitPeriod` and are recorded on `UnitPeriodOpened`.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { isLeft } from 'fp-ts/Either';
import {
  evaluationIdParts,
  unitPeriodIdOf,
  type Command,
  type CommandMetadata,
  type Decider,
  type EvaluationId,
  type UnitPeriodId,
} from '../core';
import type { Evidence } from '../plan/plan';
import type { Assessment } from '../rulebook/rule-book';
import type { OrganisationalResult } from '../rulebook/vocabulary';
import type { UnitPeriodError } from './errors';
import { checkCurve, finalResultOf, isIncomplete } from './settlement';
import {
  evolve,
  findProposal,
  headerOf,
  initialState,
  type OpenUnitPeriodState,
  type Proposal,
  type SettledUnitPeriod,
  type UnitPeriodEvent,
  type UnitPeriodFacts,
  type UnitPeriodHeader,
  type UnitPeriodState,
} from './unit-period';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its unit period, so a routing mistake is caught (WrongUnitPeriod).
// ---------------------------------------------------------------------------------------------------------------

/** Issued by an operator or the system, with the roster and policy facts filled in by the engine. */
export type OpenUnitPeriod = Command<'OpenUnitPeriod', UnitPeriodHeader & Readonly<{ facts: UnitPeriodFacts }>>;

/** By the authorised official (the unit head's superior). May be repeated until settlement; the last one counts. */
export type SetOrganisationalResult = Command<
  'SetOrganisationalResult',
  Readonly<{
    unitPeriod: UnitPeriodId;
    result: OrganisationalResult;
    justification: string;
    /** Bukti dukung, e.g. complaint-handling figures; may be empty. */
    evidence: ReadonlyArray<Evidence>;
  }>
>;

/** By the system, from an evaluation's `EvaluationRated`. A later one for the same evaluation replaces it. */
export type RecordProposal = Command<'RecordProposal', Proposal & Readonly<{ unitPeriod: UnitPeriodId }>>;

/** By an operator or the system, e.g. when the employee left the unit before settlement. */
export type WithdrawProposal = Command<
  'WithdrawProposal',
  Readonly<{ unitPeriod: UnitPeriodId; evaluation: EvaluationId; reason: string }>
>;

/** By the authorised official: makes every proposed predikat final in one decision (BR-03..BR-09). */
export type SettleUnitPeriod = Command<'SettleUnitPeriod', Readonly<{ unitPeriod: UnitPeriodId }>>;

/** By the system, after an upheld objection (BR-11): recompute one settled result from a new assessment. */
export type ReviseSettledResult = Command<
  'ReviseSettledResult',
  Readonly<{ unitPeriod: UnitPeriodId; evaluation: EvaluationId; assessment: Assessment }>
>;

export type UnitPeriodCommand =
  | OpenUnitPeriod
  | SetOrganisationalResult
  | RecordProposal
  | WithdrawProposal
  | SettleUnitPeriod
  | ReviseSettledResult;

type Decision = Either<UnitPeriodError, ReadonlyArray<UnitPeriodEvent>>;

const refuse = (error: UnitPeriodError): Decision => left(error);
const accept = (...events: ReadonlyArray<UnitPeriodEvent>): Decision => right(events);

// ---------------------------------------------------------------------------------------------------------------
// Who may
// ---------------------------------------------------------------------------------------------------------------

const operatorOrSystem = ({ actor }: CommandMetadata): UnitPeriodError | undefined =>
  actor.role === 'operator' || actor.role === 'sistem'
    ? undefined
    : { _tag: 'NotOperatorOrSystem', actor: actor.nip, role: actor.role };

const system = ({ actor }: CommandMetadata): UnitPeriodError | undefined =>
  actor.role === 'sistem' ? undefined : { _tag: 'NotSystem', actor: actor.nip, role: actor.role };

const authorisedOfficial = (
  { actor }: CommandMetadata,
  state: OpenUnitPeriodState | SettledUnitPeriod,
): UnitPeriodError | undefined => {
  const expected = state.facts.roster.authorisedOfficial;
  return actor.nip === expected ? undefined : { _tag: 'NotTheAuthorisedOfficial', expected, actor: actor.nip };
};

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const openUnitPeriod = ({ data, metadata }: OpenUnitPeriod, state: UnitPeriodState): Decision => {
  const notAllowed = operatorOrSystem(metadata);
  if (notAllowed !== undefined) return refuse(notAllowed);
  if (state.status !== 'empty')
    return refuse({ _tag: 'UnitPeriodAlreadyOpen', unitPeriod: state.header.unitPeriod, status: state.status });
  const expected = unitPeriodIdOf(data.unit, data.period);
  if (data.unitPeriod !== expected) return refuse({ _tag: 'UnitPeriodIdMismatch', expected, given: data.unitPeriod });
  if (data.periodEnd.getTime() <= data.periodStart.getTime())
    return refuse({ _tag: 'PeriodEndNotAfterStart', periodStart: data.periodStart, periodEnd: data.periodEnd });
  const { roster } = data.facts;
  if (roster.unitHead === roster.authorisedOfficial)
    return refuse({ _tag: 'AuthorisedOfficialIsUnitHead', nip: roster.authorisedOfficial, asOf: roster.asOf });
  return accept({
    type: 'UnitPeriodOpened',
    data: { ...headerOf(data), facts: data.facts, openedBy: metadata.actor.nip, at: metadata.now },
  });
};

const setOrganisationalResult = ({ data, metadata }: SetOrganisationalResult, state: OpenUnitPeriodState): Decision => {
  const notAllowed = authorisedOfficial(metadata, state);
  if (notAllowed !== undefined) return refuse(notAllowed);
  return accept({
    type: 'OrganisationalResultSet',
    data: {
      unitPeriod: data.unitPeriod,
      result: data.result,
      justification: data.justification,
      evidence: [...data.evidence],
      setBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const recordProposal = ({ data, metadata }: RecordProposal, state: OpenUnitPeriodState): Decision => {
  const notAllowed = system(metadata);
  if (notAllowed !== undefined) return refuse(notAllowed);
  const { evaluation, employee, assessment, isUnitHead, months } = data;
  if (!Number.isInteger(months) || months < 1 || months > 12) return refuse({ _tag: 'MonthsOutOfRange', months });
  const parts = evaluationIdParts(evaluation);
  if (parts.employee !== employee) return refuse({ _tag: 'EvaluationNotOfEmployee', evaluation, employee });
  if (parts.period !== state.header.period)
    return refuse({ _tag: 'EvaluationOutsidePeriod', evaluation, period: state.header.period });
  const { unitHead } = state.facts.roster;
  if (isUnitHead !== (employee === unitHead)) return refuse({ _tag: 'UnitHeadMismatch', employee, isUnitHead, unitHead });
  if (isIncomplete(assessment)) return refuse({ _tag: 'IncompleteAssessment', evaluation });
  const other = state.proposals.find((p) => p.employee === employee && p.evaluation !== evaluation);
  if (other !== undefined) return refuse({ _tag: 'EmployeeAlreadyProposed', employee, evaluation: other.evaluation });
  return accept({
    type: 'ProposalRecorded',
    data: {
      unitPeriod: data.unitPeriod,
      evaluation,
      employee,
      assessment,
      isUnitHead,
      jenjang: data.jenjang,
      months,
      recordedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const withdrawProposal = ({ data, metadata }: WithdrawProposal, state: OpenUnitPeriodState): Decision => {
  const notAllowed = operatorOrSystem(metadata);
  if (notAllowed !== undefined) return refuse(notAllowed);
  const proposal = findProposal(state.proposals, data.evaluation);
  if (proposal === undefined) return refuse({ _tag: 'UnknownProposal', evaluation: data.evaluation });
  return accept({
    type: 'ProposalWithdrawn',
    data: {
      unitPeriod: data.unitPeriod,
      evaluation: data.evaluation,
      employee: proposal.employee,
      reason: data.reason,
      withdrawnBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const settleUnitPeriod = ({ data, metadata }: SettleUnitPeriod, state: OpenUnitPeriodState): Decision => {
  const notAllowed = authorisedOfficial(metadata, state);
  if (notAllowed !== undefined) return refuse(notAllowed);
  // BR-03: nothing is final before the organisational result is set.
  if (state.organisationalResult === null) return refuse({ _tag: 'OrganisationalResultNotSet', unitPeriod: data.unitPeriod });
  if (state.proposals.length === 0) return refuse({ _tag: 'NoProposals', unitPeriod: data.unitPeriod });
  const organisationalResult = state.organisationalResult.result;
  const { policy } = state.facts;
  const results = state.proposals.map((p) => finalResultOf(p, organisationalResult, policy));
  const checked = checkCurve(results, organisationalResult, policy);
  if (isLeft(checked)) return refuse(checked.left);
  return accept({
    type: 'UnitPeriodSettled',
    data: {
      unitPeriod: data.unitPeriod,
      organisationalResult,
      counts: checked.right.counts,
      curve: checked.right.curve,
      results,
      settledBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const reviseSettledResult = ({ data, metadata }: ReviseSettledResult, state: SettledUnitPeriod): Decision => {
  const notAllowed = system(metadata);
  if (notAllowed !== undefined) return refuse(notAllowed);
  const { evaluation, assessment } = data;
  const { settlement } = state;
  const previous = settlement.results.find((r) => r.evaluation === evaluation);
  const proposal = findProposal(state.proposals, evaluation);
  if (previous === undefined || proposal === undefined) return refuse({ _tag: 'UnknownProposal', evaluation });
  if (isIncomplete(assessment)) return refuse({ _tag: 'IncompleteAssessment', evaluation });
  // Recomputed exactly as at settlement: BR-09 again for the unit head, under the settled organisational result.
  const result = finalResultOf({ ...proposal, assessment }, settlement.organisationalResult, state.facts.policy);
  const results = settlement.results.map((r) => (r.evaluation === evaluation ? result : r));
  const checked = checkCurve(results, settlement.organisationalResult, state.facts.policy);
  if (isLeft(checked)) return refuse(checked.left);
  return accept({
    type: 'SettledResultRevised',
    data: {
      unitPeriod: data.unitPeriod,
      evaluation,
      assessment,
      previous,
      result,
      counts: checked.right.counts,
      curve: checked.right.curve,
      revisedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: UnitPeriodCommand, state: UnitPeriodState): Decision => {
  // Guards every command shares, first to last: only OpenUnitPeriod starts a unit period; a command for another
  // unit period was routed to the wrong stream; a revision needs a settlement, everything else an open period.
  if (command.type === 'OpenUnitPeriod') return openUnitPeriod(command, state);
  if (state.status === 'empty') return refuse({ _tag: 'UnitPeriodNotOpen', unitPeriod: command.data.unitPeriod });
  const { unitPeriod } = state.header;
  if (command.data.unitPeriod !== unitPeriod) return refuse({ _tag: 'WrongUnitPeriod', unitPeriod, given: command.data.unitPeriod });
  if (command.type === 'ReviseSettledResult')
    return state.status === 'settled'
      ? reviseSettledResult(command, state)
      : refuse({ _tag: 'UnitPeriodNotSettled', unitPeriod });
  if (state.status === 'settled')
    return refuse({ _tag: 'AlreadySettled', unitPeriod, settledAt: state.settlement.settledAt });

  switch (command.type) {
    case 'SetOrganisationalResult':
      return setOrganisationalResult(command, state);
    case 'RecordProposal':
      return recordProposal(command, state);
    case 'WithdrawProposal':
      return withdrawProposal(command, state);
    case 'SettleUnitPeriod':
      return settleUnitPeriod(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

/**
 * No `isTerminal`: a settled unit period still accepts `ReviseSettledResult` (an upheld objection), so no state
 * refuses every command.
 */
export const unitPeriodDecider: Decider<UnitPeriodState, UnitPeriodCommand, UnitPeriodEvent, UnitPeriodError> = {
  decide,
  evolve,
  initialState,
};
