/**
 * io-ts codecs for the unit period's commands (input from outside: unknown fields are refused, naming each) and
 * events (stored facts: unknown fields are stripped). The rule-book values they carry (Assessment, Consequences,
 * CurvePolicy, CurveBound, DistributionCounts) are rulebook/codecs.ts's. Dates are ISO-8601 on the wire.
 *
 * Codecs check shapes only. Business bounds (months 1..12, an evaluation of this employee and period) are the
 * decider's, so that a client gets the same tagged error whichever door it came through.
 */
import * as t from 'io-ts';
import {
  byType,
  commandCodec,
  EvaluationId,
  eventCodec,
  FiniteNumber,
  Instant,
  LocalDate,
  Nip,
  PeriodId,
  strictObject,
  strippingObject,
  text,
  UnitId,
  UnitPeriodId,
  type ObjectCodec,
} from '../core';
import { planValueCodecs, PLAN_TEXT_LIMITS } from '../plan/codecs';
import { policyValueCodecs } from '../policy/codecs';
import { CurveRuleCodec, RULE_BOOK_TEXT_LIMITS, ruleBookValueCodecs } from '../rulebook/codecs';
import { JenjangCodec, OrganisationalResultCodec, PredikatCodec, RatingLevelCodec } from '../rulebook/vocabulary';
import type {
  OpenUnitPeriod,
  RecordProposal,
  ReviseSettledResult,
  SetOrganisationalResult,
  SettleUnitPeriod,
  UnitPeriodCommand,
  WithdrawProposal,
} from './decide';
import type {
  OrganisationalResultSet,
  ProposalRecorded,
  ProposalWithdrawn,
  SettledResultRevised,
  UnitPeriodEvent,
  UnitPeriodHeader,
  UnitPeriodOpened,
  UnitPeriodSettled,
} from './unit-period';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

/** Text limits, in characters. */
export const UNIT_PERIOD_TEXT_LIMITS = {
  justification: 4000,
  reason: 2000,
  label: RULE_BOOK_TEXT_LIMITS.label,
  article: RULE_BOOK_TEXT_LIMITS.article,
  evidenceRef: PLAN_TEXT_LIMITS.evidenceRef,
  description: PLAN_TEXT_LIMITS.description,
} as const;

/**
 * The nested shapes, built once for commands (strict) and once for events (stripping) from one description, so
 * the two never drift apart. The rule-book values (Assessment, Consequences, CurveBound, ...), the policy
 * settings and the bukti dukung are those of rulebook/, policy/ and plan/, built the same way.
 */
const shapes = (
  object: ObjectCodec,
  ruleBook: (typeof ruleBookValueCodecs)['strict'],
  policy: (typeof policyValueCodecs)['strict'],
  plan: (typeof planValueCodecs)['strict'],
) => {
  const { assessment, consequences, articles, curveBound } = ruleBook;
  const roster = object('UnitPeriodRosterFacts', {
    asOf: LocalDate,
    unitHead: t.union([Nip, t.null]),
    authorisedOfficial: Nip,
  });
  const settledResult = object(
    'SettledResult',
    {
      evaluation: EvaluationId,
      employee: Nip,
      isUnitHead: t.boolean,
      proposedPredikat: PredikatCodec,
      predikat: PredikatCodec,
      label: ruleBook.label,
      basis: object('SettlementBasis', { ruleBook: ruleBook.ruleBookRef, articles }),
      consequences,
    },
    { hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec },
  );
  return {
    assessment,
    counts: ruleBook.distributionCounts,
    curve: object('CurveApplied', { rule: CurveRuleCodec, exempt: t.boolean, bounds: t.readonlyArray(curveBound) }),
    facts: object('UnitPeriodFacts', {
      roster,
      policy: object('UnitPeriodPolicy', { ...policy, angkaKreditProRata: t.boolean }),
    }),
    evidence: plan.evidence,
    settledResult,
    proposal: {
      evaluation: EvaluationId,
      employee: Nip,
      assessment,
      isUnitHead: t.boolean,
      jenjang: t.union([JenjangCodec, t.null]),
      months: FiniteNumber,
    },
  };
};

const wire = shapes(strictObject, ruleBookValueCodecs.strict, policyValueCodecs.strict, planValueCodecs.strict);
const stored = shapes(strippingObject, ruleBookValueCodecs.stripping, policyValueCodecs.stripping, planValueCodecs.stripping);

/** The unit period header's fields. */
const header = { unitPeriod: UnitPeriodId, unit: UnitId, period: PeriodId, periodStart: Instant, periodEnd: Instant };

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

/**
 * The OpenUnitPeriod body a client may send: the header only. The roster and policy facts are filled in by the
 * engine, so a request that carries `facts` is refused as an unknown field.
 */
export const OpenUnitPeriodRequestCodec: t.Type<UnitPeriodHeader, unknown, unknown> = strictObject(
  'OpenUnitPeriodRequest',
  header,
);

export const OpenUnitPeriodCodec: t.Type<OpenUnitPeriod, unknown, unknown> = commandCodec(
  'OpenUnitPeriod',
  strictObject('OpenUnitPeriod.data', { ...header, facts: wire.facts }),
);
export const SetOrganisationalResultCodec: t.Type<SetOrganisationalResult, unknown, unknown> = commandCodec(
  'SetOrganisationalResult',
  strictObject('SetOrganisationalResult.data', {
    unitPeriod: UnitPeriodId,
    result: OrganisationalResultCodec,
    justification: text(UNIT_PERIOD_TEXT_LIMITS.justification),
    evidence: t.readonlyArray(wire.evidence),
  }),
);
export const RecordProposalCodec: t.Type<RecordProposal, unknown, unknown> = commandCodec(
  'RecordProposal',
  strictObject('RecordProposal.data', { unitPeriod: UnitPeriodId, ...wire.proposal }),
);
export const WithdrawProposalCodec: t.Type<WithdrawProposal, unknown, unknown> = commandCodec(
  'WithdrawProposal',
  strictObject('WithdrawProposal.data', {
    unitPeriod: UnitPeriodId,
    evaluation: EvaluationId,
    reason: text(UNIT_PERIOD_TEXT_LIMITS.reason),
  }),
);
export const SettleUnitPeriodCodec: t.Type<SettleUnitPeriod, unknown, unknown> = commandCodec(
  'SettleUnitPeriod',
  strictObject('SettleUnitPeriod.data', { unitPeriod: UnitPeriodId }),
);
export const ReviseSettledResultCodec: t.Type<ReviseSettledResult, unknown, unknown> = commandCodec(
  'ReviseSettledResult',
  strictObject('ReviseSettledResult.data', {
    unitPeriod: UnitPeriodId,
    evaluation: EvaluationId,
    assessment: wire.assessment,
  }),
);

type CommandCodecs = {
  readonly [K in UnitPeriodCommand['type']]: t.Type<Extract<UnitPeriodCommand, { type: K }>, unknown, unknown>;
};

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const unitPeriodCommandCodecs: CommandCodecs = {
  OpenUnitPeriod: OpenUnitPeriodCodec,
  SetOrganisationalResult: SetOrganisationalResultCodec,
  RecordProposal: RecordProposalCodec,
  WithdrawProposal: WithdrawProposalCodec,
  SettleUnitPeriod: SettleUnitPeriodCodec,
  ReviseSettledResult: ReviseSettledResultCodec,
};

export const UnitPeriodCommandCodec: t.Type<UnitPeriodCommand, unknown, unknown> = byType(
  'UnitPeriodCommand',
  unitPeriodCommandCodecs,
);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

export const UnitPeriodOpenedCodec: t.Type<UnitPeriodOpened, unknown, unknown> = eventCodec(
  'UnitPeriodOpened',
  strippingObject('UnitPeriodOpened.data', { ...header, facts: stored.facts, openedBy: Nip, at: Instant }),
);
export const OrganisationalResultSetCodec: t.Type<OrganisationalResultSet, unknown, unknown> = eventCodec(
  'OrganisationalResultSet',
  strippingObject('OrganisationalResultSet.data', {
    unitPeriod: UnitPeriodId,
    result: OrganisationalResultCodec,
    justification: text(UNIT_PERIOD_TEXT_LIMITS.justification),
    evidence: t.readonlyArray(stored.evidence),
    setBy: Nip,
    at: Instant,
  }),
);
export const ProposalRecordedCodec: t.Type<ProposalRecorded, unknown, unknown> = eventCodec(
  'ProposalRecorded',
  strippingObject('ProposalRecorded.data', { unitPeriod: UnitPeriodId, ...stored.proposal, recordedBy: Nip, at: Instant }),
);
export const ProposalWithdrawnCodec: t.Type<ProposalWithdrawn, unknown, unknown> = eventCodec(
  'ProposalWithdrawn',
  strippingObject('ProposalWithdrawn.data', {
    unitPeriod: UnitPeriodId,
    evaluation: EvaluationId,
    employee: Nip,
    reason: text(UNIT_PERIOD_TEXT_LIMITS.reason),
    withdrawnBy: Nip,
    at: Instant,
  }),
);
export const UnitPeriodSettledCodec: t.Type<UnitPeriodSettled, unknown, unknown> = eventCodec(
  'UnitPeriodSettled',
  strippingObject('UnitPeriodSettled.data', {
    unitPeriod: UnitPeriodId,
    organisationalResult: OrganisationalResultCodec,
    counts: stored.counts,
    curve: stored.curve,
    results: t.readonlyArray(stored.settledResult),
    settledBy: Nip,
    at: Instant,
  }),
);
export const SettledResultRevisedCodec: t.Type<SettledResultRevised, unknown, unknown> = eventCodec(
  'SettledResultRevised',
  strippingObject('SettledResultRevised.data', {
    unitPeriod: UnitPeriodId,
    evaluation: EvaluationId,
    assessment: stored.assessment,
    previous: stored.settledResult,
    result: stored.settledResult,
    counts: stored.counts,
    curve: stored.curve,
    revisedBy: Nip,
    at: Instant,
  }),
);

type EventCodecs = {
  readonly [K in UnitPeriodEvent['type']]: t.Type<Extract<UnitPeriodEvent, { type: K }>, unknown, unknown>;
};

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const unitPeriodEventCodecs: EventCodecs = {
  UnitPeriodOpened: UnitPeriodOpenedCodec,
  OrganisationalResultSet: OrganisationalResultSetCodec,
  ProposalRecorded: ProposalRecordedCodec,
  ProposalWithdrawn: ProposalWithdrawnCodec,
  UnitPeriodSettled: UnitPeriodSettledCodec,
  SettledResultRevised: SettledResultRevisedCodec,
};

export const UnitPeriodEventCodec: t.Type<UnitPeriodEvent, unknown, unknown> = byType(
  'UnitPeriodEvent',
  unitPeriodEventCodecs,
);
