/**
 * io-ts codecs for the unit period's commands (input from outside: unknown fields are refused, naming each) and
 * events (stored facts: unknown fields are stripped), and for the rule-book values they carry (Assessment,
 * Consequences, CurvePolicy, CurveBound, DistributionCounts). Dates are ISO-8601 on the wire.
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
  literals,
  NonNegativeNumber,
  Nip,
  PeriodId,
  strictObject,
  text,
  UnitId,
  UnitPeriodId,
} from '../core';
import { IkiId } from '../plan/ids';
import { ASPECTS } from '../plan/plan';
import type { AngkaKredit, Consequences } from '../rulebook/consequences';
import { CURVE_RULES, type CurveBound, type CurveRule, type DistributionCounts } from '../rulebook/curve';
import { RuleBookIdCodec } from '../rulebook/codecs';
import type { Assessment, Scores } from '../rulebook/rule-book';
import {
  JenjangCodec,
  ORGANISATIONAL_RESULTS,
  OrganisationalResultCodec,
  PREDIKAT,
  PredikatCodec,
  RatingLevelCodec,
} from '../rulebook/vocabulary';
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
  label: 100,
  article: 200,
  evidenceRef: 500,
  description: 1000,
} as const;

export const CurveRuleCodec = literals<CurveRule>('CurveRule', Object.values(CURVE_RULES));

const whole = (name: string, min: number) => {
  const is = (u: unknown): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min;
  return new t.Type<number, number, unknown>(
    name,
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c, `expected a whole number of ${min} or more, got ${JSON.stringify(u)}`)),
    (a) => a,
  );
};
/** A count of employees: 0, 1, 2, ... */
const Count = whole('Count', 0);
/** A rule book version: 1, 2, ... */
const Version = whole('RuleBookVersion', 1);
/** BR-04..08 [policy]: units with fewer employees than this are exempt; 1 = none. */
const ExemptBelow = whole('ExemptBelow', 1);

type ObjectOf<R extends t.Props, O extends t.Props> = t.Type<
  t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>,
  t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>,
  unknown
>;

/**
 * Like `strictObject`, but strips unknown fields instead of refusing them: what stored events need, since an
 * event written by a newer version may carry a field this one does not know.
 */
const strippingObject = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional?: O,
): ObjectOf<R, O> => t.exact(t.intersection([t.type(required), t.partial(optional ?? ({} as O))]), name);

type ObjectCodec = typeof strictObject;

/** An object with exactly one field per key, all of the same codec (a total record over a closed vocabulary). */
const totalRecord = <K extends string, C extends t.Mixed>(object: ObjectCodec, name: string, keys: ReadonlyArray<K>, codec: C) =>
  object(name, Object.fromEntries(keys.map((k) => [k, codec])) as Record<K, C>);

/**
 * The nested shapes, built once for commands (strict) and once for events (stripping) from one description, so
 * the two never drift apart.
 */
const shapes = (object: ObjectCodec) => {
  const ruleBookRef = object('RuleBookRef', { id: RuleBookIdCodec, version: Version });
  const aspects = object('AspectScores', {}, Object.fromEntries(ASPECTS.map((a) => [a, FiniteNumber])) as Record<
    (typeof ASPECTS)[number],
    typeof FiniteNumber
  >);
  const scores = object('Scores', {
    perIki: t.readonlyArray(object('IkiScore', { iki: IkiId, aspects, score: FiniteNumber })),
    skp: FiniteNumber,
    behaviour: FiniteNumber,
    weights: object('Weights', { skp: FiniteNumber, behaviour: FiniteNumber }),
    total: FiniteNumber,
  });
  const articles = t.readonlyArray(text(UNIT_PERIOD_TEXT_LIMITS.article));
  const assessment = object(
    'Assessment',
    { ruleBook: ruleBookRef, predikat: PredikatCodec, label: text(UNIT_PERIOD_TEXT_LIMITS.label), articles },
    { hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec, scores },
  );
  const angkaKredit = object('AngkaKredit', {
    jenjang: JenjangCodec,
    predikat: PredikatCodec,
    share: FiniteNumber,
    coefficient: FiniteNumber,
    months: FiniteNumber,
    credits: FiniteNumber,
  });
  const consequences = object('Consequences', {
    angkaKredit: t.union([angkaKredit, t.null]),
    allowancePercent: FiniteNumber,
    promotionEligible: t.boolean,
    articles,
  });
  const counts = totalRecord(object, 'DistributionCounts', PREDIKAT, Count);
  const curvePolicy = object('CurvePolicy', { exemptBelow: ExemptBelow });
  const curveBound = object('CurveBound', {
    rule: CurveRuleCodec,
    predikat: t.readonlyArray(PredikatCodec),
    statement: t.union([
      object('ShareStatement', { kind: literals('ShareKind', ['max', 'min'] as const), share: FiniteNumber }),
      object('CountStatement', { kind: t.literal('min-count'), count: Count }),
    ]),
    allowed: object('AllowedCounts', { min: Count, max: Count }),
  });
  const policy = object('UnitPeriodPolicy', {
    curve: curvePolicy,
    unitHeadHasilKerja: totalRecord(object, 'UnitHeadHasilKerja', ORGANISATIONAL_RESULTS, RatingLevelCodec),
    allowancePercent: totalRecord(object, 'AllowancePercent', PREDIKAT, NonNegativeNumber),
    angkaKreditProRata: t.boolean,
  });
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
      label: text(UNIT_PERIOD_TEXT_LIMITS.label),
      basis: object('SettlementBasis', { ruleBook: ruleBookRef, articles }),
      consequences,
    },
    { hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec },
  );
  return {
    ruleBookRef,
    scores,
    assessment,
    angkaKredit,
    consequences,
    counts,
    curvePolicy,
    curveBound,
    curve: object('CurveApplied', { rule: CurveRuleCodec, exempt: t.boolean, bounds: t.readonlyArray(curveBound) }),
    facts: object('UnitPeriodFacts', { roster, policy }),
    evidence: object(
      'Evidence',
      { ref: text(UNIT_PERIOD_TEXT_LIMITS.evidenceRef) },
      { description: text(UNIT_PERIOD_TEXT_LIMITS.description) },
    ),
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

const wire = shapes(strictObject);
const stored = shapes(strippingObject);

// The rule-book values, as input (strict). Annotated with the hand-written types, so the compiler proves they agree.
// (`RuleBookRefCodec` is rulebook/codecs.ts's and `CurvePolicyCodec` policy/codecs.ts's; the shapes here follow
// the same rules: a version of 1 or more, `exemptBelow` of 1 or more.)
export const ScoresCodec: t.Type<Scores, unknown, unknown> = wire.scores;
export const AssessmentCodec: t.Type<Assessment, unknown, unknown> = wire.assessment;
export const AngkaKreditCodec: t.Type<AngkaKredit, unknown, unknown> = wire.angkaKredit;
export const ConsequencesCodec: t.Type<Consequences, unknown, unknown> = wire.consequences;
export const DistributionCountsCodec: t.Type<DistributionCounts, unknown, unknown> = wire.counts;
export const CurveBoundCodec: t.Type<CurveBound, unknown, unknown> = wire.curveBound;

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
