/**
 * Codecs for the rule-book values that commands and events carry (RuleBookRef, AssessmentInput, Assessment and
 * its Scores, Consequences and AngkaKredit, DistributionCounts, CurvePolicy, CurveBound), and for rule-book refs
 * in policies supplied as data.
 *
 * Each value is described once (`shapes`) and built twice: strict (`ruleBookValueCodecs.strict`, unknown fields
 * refused: commands, policies) and stripping (`ruleBookValueCodecs.stripping`, unknown fields dropped: stored events,
 * which a newer version may have written with more fields), so the two cannot drift apart.
 *
 * A ref decodes only when this build has that rule book at that version (`KnownRuleBookRefCodec`), or whenever it
 * is well formed (`RuleBookRefCodec`, and inside events, which must decode even if a later build dropped a version).
 */
import * as t from 'io-ts';
import {
  byKey,
  FiniteNumber,
  literals,
  strictObject,
  strippingObject,
  text,
  totalRecord,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import { IkiId } from '../plan/ids';
import { ASPECTS, CORE_VALUES } from '../plan/plan';
import type { AngkaKredit, Consequences } from './consequences';
import { CURVE_RULES, type CurveBound, type CurvePolicy, type CurveRule, type DistributionCounts } from './curve';
import { ruleBookByRef } from './registry';
import { RULE_BOOK_IDS, type Assessment, type RuleBookRef, type Scores } from './rule-book';
import { JenjangCodec, PREDIKAT, PredikatCodec, RatingLevelCodec } from './vocabulary';

/** Text limits of the rule-book values, in characters. */
export const RULE_BOOK_TEXT_LIMITS = {
  label: 100,
  article: 200,
} as const;

export const RuleBookIdCodec = literals('RuleBookId', RULE_BOOK_IDS);
export const CurveRuleCodec = literals<CurveRule>('CurveRule', Object.values(CURVE_RULES));

/** A rule book version: 1, 2, ... */
const Version = wholeNumber('RuleBookVersion', 1);
/** A count of employees: 0, 1, 2, ... */
const Count = wholeNumber('Count', 0);

/** The rule-book values, built with `object` (`strictObject` or `strippingObject`). */
const shapes = (object: ObjectCodec) => {
  const ruleBookRef = object('RuleBookRef', { id: RuleBookIdCodec, version: Version });
  const label = text(RULE_BOOK_TEXT_LIMITS.label);
  const articles = t.readonlyArray(text(RULE_BOOK_TEXT_LIMITS.article));
  /** A number per aspect of an IKI (targets, realisations, achievements): any of the four, each optional. */
  const aspectNumbers = object(
    'AspectNumbers',
    {},
    Object.fromEntries(ASPECTS.map((a) => [a, FiniteNumber])) as Record<(typeof ASPECTS)[number], typeof FiniteNumber>,
  );
  /** A score per BerAKHLAK value, all seven. */
  const behaviourScores = totalRecord(object, 'CoreValueScores', CORE_VALUES, FiniteNumber);
  const assessmentInput = byKey('AssessmentInput', 'regime', {
    rated: object('RatedInput', { regime: t.literal('rated'), hasilKerja: RatingLevelCodec, perilaku: RatingLevelCodec }),
    numeric: object('NumericInput', {
      regime: t.literal('numeric'),
      measures: t.readonlyArray(object('IkiMeasure', { iki: IkiId, target: aspectNumbers, realised: aspectNumbers })),
      behaviour: behaviourScores,
      peerInputUsed: t.boolean,
      innovation: t.boolean,
    }),
  });
  const scores = object('Scores', {
    perIki: t.readonlyArray(object('IkiScore', { iki: IkiId, aspects: aspectNumbers, score: FiniteNumber })),
    skp: FiniteNumber,
    behaviour: FiniteNumber,
    weights: object('Weights', { skp: FiniteNumber, behaviour: FiniteNumber }),
    total: FiniteNumber,
  });
  const assessment = object(
    'Assessment',
    { ruleBook: ruleBookRef, predikat: PredikatCodec, label, articles },
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
  const distributionCounts = totalRecord(object, 'DistributionCounts', PREDIKAT, Count);
  /** BR-04..08 [policy]: units with fewer employees than `exemptBelow` are not checked; 1 = none. */
  const curvePolicy = object('CurvePolicy', { exemptBelow: wholeNumber('exemptBelow', 1, 1_000_000) });
  const curveBound = object('CurveBound', {
    rule: CurveRuleCodec,
    predikat: t.readonlyArray(PredikatCodec),
    statement: t.union([
      object('ShareStatement', { kind: literals('ShareKind', ['max', 'min'] as const), share: FiniteNumber }),
      object('CountStatement', { kind: t.literal('min-count'), count: Count }),
    ]),
    allowed: object('AllowedCounts', { min: Count, max: Count }),
  });
  return {
    ruleBookRef,
    label,
    articles,
    aspectNumbers,
    behaviourScores,
    assessmentInput,
    scores,
    assessment,
    angkaKredit,
    consequences,
    distributionCounts,
    curvePolicy,
    curveBound,
  };
};

/** The rule-book values' codecs: `strict` for commands and policies, `stripping` for stored events. */
export const ruleBookValueCodecs = { strict: shapes(strictObject), stripping: shapes(strippingObject) } as const;

// The strict codecs under their own names, annotated with the hand-written types, so the compiler proves they agree.
export const RuleBookRefCodec: t.Type<RuleBookRef, RuleBookRef, unknown> = ruleBookValueCodecs.strict.ruleBookRef;
export const ScoresCodec: t.Type<Scores, unknown, unknown> = ruleBookValueCodecs.strict.scores;
export const AssessmentCodec: t.Type<Assessment, unknown, unknown> = ruleBookValueCodecs.strict.assessment;
export const AngkaKreditCodec: t.Type<AngkaKredit, unknown, unknown> = ruleBookValueCodecs.strict.angkaKredit;
export const ConsequencesCodec: t.Type<Consequences, unknown, unknown> = ruleBookValueCodecs.strict.consequences;
export const DistributionCountsCodec: t.Type<DistributionCounts, unknown, unknown> = ruleBookValueCodecs.strict.distributionCounts;
export const CurvePolicyCodec: t.Type<CurvePolicy, CurvePolicy, unknown> = ruleBookValueCodecs.strict.curvePolicy;
export const CurveBoundCodec: t.Type<CurveBound, unknown, unknown> = ruleBookValueCodecs.strict.curveBound;

/** A well-formed ref that this build can look up with `ruleBookByRef`. */
export const KnownRuleBookRefCodec = new t.Type<RuleBookRef, RuleBookRef, unknown>(
  'KnownRuleBookRef',
  (u): u is RuleBookRef => RuleBookRefCodec.is(u) && ruleBookByRef(u) !== undefined,
  (u, c) => {
    const ref = RuleBookRefCodec.validate(u, c);
    if (ref._tag === 'Left') return ref;
    return ruleBookByRef(ref.right) === undefined
      ? t.failure(u, c, `this build has no rule book ${ref.right.id} version ${ref.right.version}`)
      : t.success(ref.right);
  },
  RuleBookRefCodec.encode,
);
