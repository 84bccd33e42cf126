/**
 * The arithmetic the two numeric rule books share (BR-12, BR-13): checking a numeric input, scoring each IKI as
 * the mean of its aspects, the SKP as the mean over IKI, behaviour as the mean of the seven BerAKHLAK scores,
 * weighting the two, and rounding for the predikat decision. Each rule book brings its own aspect formula and
 * bands. Pure; never throws.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { ASPECTS, CORE_VALUES, type Aspect } from '../plan/plan';
import type { IkiMeasure, NumericInput, Regime, RuleBookError, RuleBookRef, Scores } from './rule-book';
import type { Predikat } from './vocabulary';

/**
 * One aspect's achievement, given its positive target and its realised value (undefined when nothing was
 * realised for that aspect).
 */
export type AspectFormula = (aspect: Aspect, target: number, realised: number | undefined) => number;

/** A band of a numeric scale: the predikat on the common scale and the rule book's own word for it. */
export type ScoreBand = Readonly<{ predikat: Predikat; label: string }>;

/** Weights in whole percent, so that `60·skp + 40·behaviour` is computed before the one division by 100. */
export type WeightsPercent = Readonly<{ skp: number; behaviour: number }>;

const isFiniteNumber = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u);

/** A value for an error message, without calling anything on it (an object may have no `toString`). */
export const shown = (u: unknown): string => (typeof u === 'number' || typeof u === 'boolean' ? String(u) : typeof u === 'string' ? JSON.stringify(u) : typeof u);

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

const isMeasureShaped = (u: unknown): u is IkiMeasure =>
  isObject(u) && typeof u['iki'] === 'string' && isObject(u['target']) && isObject(u['realised']);

/**
 * The regime an input claims, or undefined when it is not an assessment input at all. Inputs are typed, but a
 * rule book stays total over data that was built by hand or decoded elsewhere.
 */
export const regimeOf = (input: unknown): Regime | undefined => {
  if (!isObject(input)) return undefined;
  const regime = input['regime'];
  return regime === 'rated' || regime === 'numeric' ? regime : undefined;
};

/** The refusal for an input whose regime is not the rule book's, or that is no assessment input at all. */
export const refusedRegime = (ref: RuleBookRef, expected: Regime, input: unknown): RuleBookError => {
  const given = regimeOf(input);
  return given === undefined
    ? { _tag: 'InvalidScoreInput', ruleBook: ref, problem: 'not an assessment input: regime must be rated or numeric' }
    : { _tag: 'WrongRegime', ruleBook: ref, expected, given };
};

/**
 * A score rounded half up to 2 decimals, as printed on the form. The product with 100 is first cut to 12
 * significant digits, so that binary noise (89.995 is stored as 89.99499999…) does not decide the rounding:
 * 89.995 rounds to 90, 89.994 to 89.99.
 */
export const round2 = (x: number): number => Math.round(Number((x * 100).toPrecision(12))) / 100;

/** A number rounded half up to `decimals` decimals with the same guard against binary noise. */
export const roundTo = (x: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(Number((x * factor).toPrecision(12))) / factor;
};

const mean = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Why a numeric input cannot be scored, or undefined when it can: at least one IKI, IKI ids unique, every target
 * and realised value a finite number of 0 or more, every IKI with at least one aspect whose target is above 0
 * (aspects with a target of 0 are not measured and are left out), all seven BerAKHLAK scores present and within
 * 0..100, and the two flags booleans.
 */
export const numericInputProblem = (input: NumericInput): string | undefined => {
  if (!Array.isArray(input.measures) || input.measures.length === 0) return 'the plan has no IKI to score';
  const seen = new Set<string>();
  for (const m of input.measures as ReadonlyArray<unknown>) {
    if (!isMeasureShaped(m)) return 'every IKI needs an id, its targets and its realised values';
    if (seen.has(m.iki)) return `IKI ${m.iki} appears more than once`;
    seen.add(m.iki);
    let measured = 0;
    for (const aspect of ASPECTS) {
      const target = m.target[aspect];
      const realised = m.realised[aspect];
      if (target !== undefined && (!isFiniteNumber(target) || target < 0))
        return `IKI ${m.iki}: the ${aspect} target must be a finite number of 0 or more, got ${shown(target)}`;
      if (realised !== undefined && (!isFiniteNumber(realised) || realised < 0))
        return `IKI ${m.iki}: the realised ${aspect} must be a finite number of 0 or more, got ${shown(realised)}`;
      if (target !== undefined && target > 0) measured += 1;
    }
    if (measured === 0) return `IKI ${m.iki} has no aspect with a target above 0`;
  }
  const behaviour = input.behaviour as Readonly<Record<string, unknown>> | undefined;
  if (typeof behaviour !== 'object' || behaviour === null) return 'the behaviour scores are missing';
  for (const value of CORE_VALUES) {
    const score = behaviour[value];
    if (score === undefined) return `the behaviour score for ${value} is missing`;
    if (!isFiniteNumber(score) || score < 0 || score > 100)
      return `the behaviour score for ${value} must be a number within 0..100, got ${shown(score)}`;
  }
  if (typeof input.peerInputUsed !== 'boolean') return 'peerInputUsed must be true or false';
  if (typeof input.innovation !== 'boolean') return 'innovation must be true or false';
  return undefined;
};

/** Left with `InvalidScoreInput` naming the first problem, or Right with the input. */
export const checkedNumericInput = (ref: RuleBookRef, input: NumericInput): Either<RuleBookError, NumericInput> => {
  const problem = numericInputProblem(input);
  return problem === undefined ? right(input) : left({ _tag: 'InvalidScoreInput', ruleBook: ref, problem });
};

/**
 * The scores of a checked input: per IKI the mean of its measured aspects (target above 0), the SKP as the mean
 * over IKI, behaviour as the mean of the seven values, and `total = (w.skp·skp + w.behaviour·behaviour) / 100`,
 * then `cap` applied to the total (PP 30 caps at 120; PP 46 does not cap). Full precision is kept: rounding is
 * for the predikat decision only.
 */
export const scoresOf = (
  input: NumericInput,
  formula: AspectFormula,
  weights: WeightsPercent,
  cap: (total: number) => number,
): Scores => {
  const perIki = input.measures.map((m) => {
    const aspects: Partial<Record<Aspect, number>> = {};
    const values: number[] = [];
    for (const aspect of ASPECTS) {
      const target = m.target[aspect];
      if (target === undefined || target <= 0) continue;
      const score = formula(aspect, target, m.realised[aspect]);
      aspects[aspect] = score;
      values.push(score);
    }
    return { iki: m.iki, aspects, score: mean(values) };
  });
  const skp = mean(perIki.map((p) => p.score));
  const behaviour = mean(CORE_VALUES.map((v) => input.behaviour[v]));
  const total = cap((weights.skp * skp + weights.behaviour * behaviour) / 100);
  return { perIki, skp, behaviour, weights: { skp: weights.skp / 100, behaviour: weights.behaviour / 100 }, total };
};

/** `realised / target × 100` (kuantitas and kualitas in both regimes). */
export const ratioPercent = (target: number, realised: number): number => (realised * 100) / target;
