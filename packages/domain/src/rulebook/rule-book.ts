/**
 * A rule book: the rules of one regulation regime for turning an appraiser's ratings (or scores) into a
 * predikat. Pure data and functions. An evaluation records the `RuleBookRef` (id and version) when it opens and
 * looks the rule book up by that ref on every decision and replay, so a tenant that changes its policy never
 * changes a past result (BR-13, last paragraph).
 *
 * Regimes:
 * - `rated` (`permenpanrb-6-2022`): the appraiser gives hasil kerja and perilaku one of three levels each; the
 *   BR-01 matrix gives the predikat.
 * - `numeric` (`pp-30-2019`, BR-12; `pp-46-2011`, BR-13): scores are computed from the realisations of the SKP's
 *   IKI and the behaviour scores; the predikat follows the regime's bands.
 */
import type { Either } from 'fp-ts/Either';
import type { IkiId } from '../plan/ids';
import type { Aspect, CoreValue } from '../plan/plan';
import type { Predikat, RatingLevel } from './vocabulary';

export const RULE_BOOK_IDS = ['permenpanrb-6-2022', 'pp-30-2019', 'pp-46-2011'] as const;
export type RuleBookId = (typeof RULE_BOOK_IDS)[number];

/** Which rule book, exactly: a published rule book never changes; a correction is a new version. */
export type RuleBookRef = Readonly<{ id: RuleBookId; version: number }>;

export type Regime = 'rated' | 'numeric';

/** The rated regime's input: the appraiser's two levels (BR-02). */
export type RatedInput = Readonly<{ regime: 'rated'; hasilKerja: RatingLevel; perilaku: RatingLevel }>;

/** One IKI's targets and realisations, one number per aspect it measures (see `targetValue` in the plan). */
export type IkiMeasure = Readonly<{
  iki: IkiId;
  target: Readonly<Partial<Record<Aspect, number>>>;
  realised: Readonly<Partial<Record<Aspect, number>>>;
}>;

/** The numeric regimes' input. */
export type NumericInput = Readonly<{
  regime: 'numeric';
  /** Every IKI of the approved plan with its realisation (an IKI without realisation has `realised: {}`). */
  measures: ReadonlyArray<IkiMeasure>;
  /** The appraiser's behaviour score per BerAKHLAK value, 0..100; all seven are required. */
  behaviour: Readonly<Record<CoreValue, number>>;
  /** BR-12: peer or subordinate feedback was used (weights 60/40), else 70/30. Ignored by PP 46 (always 60/40). */
  peerInputUsed: boolean;
  /** BR-12: Sangat Baik needs an innovation recorded. Ignored by PP 46. */
  innovation: boolean;
}>;

export type AssessmentInput = RatedInput | NumericInput;

/** The numeric regimes' arithmetic, kept on the result so that an auditor can redo it (PP 30 totals are capped at 120). */
export type Scores = Readonly<{
  /** Per IKI: the mean of its aspects' achievement (BR-13). */
  perIki: ReadonlyArray<Readonly<{ iki: IkiId; aspects: Readonly<Partial<Record<Aspect, number>>>; score: number }>>;
  skp: number;
  behaviour: number;
  weights: Readonly<{ skp: number; behaviour: number }>;
  total: number;
}>;

/** What a rule book concludes, with its basis. */
export type Assessment = Readonly<{
  ruleBook: RuleBookRef;
  /** On the common five-step scale (curve, ranking, consequences read this). */
  predikat: Predikat;
  /** The rule book's own word for it: `Kurang/Misconduct`, `Cukup`, `Buruk`, ... */
  label: string;
  /** Rated regime: the two levels. Numeric regimes: absent. */
  hasilKerja?: RatingLevel;
  perilaku?: RatingLevel;
  /** Numeric regimes: the arithmetic. */
  scores?: Scores;
  /** The rules and articles applied, e.g. `['BR-01', 'PermenPANRB 6/2022 Lampiran II']`. */
  articles: ReadonlyArray<string>;
}>;

/** Why a rule book cannot assess an input. */
export type RuleBookError =
  /** A rated input given to a numeric rule book or the other way round. */
  | Readonly<{ _tag: 'WrongRegime'; ruleBook: RuleBookRef; expected: Regime; given: Regime }>
  /** The rule book (or this version of it) is not known to this build. */
  | Readonly<{ _tag: 'UnknownRuleBook'; ruleBook: RuleBookRef }>
  /** A numeric input the arithmetic cannot use (no IKI, a target of 0, a score outside 0..100, ...). */
  | Readonly<{ _tag: 'InvalidScoreInput'; ruleBook: RuleBookRef; problem: string }>;

export type RuleBook = Readonly<{
  ref: RuleBookRef;
  title: string;
  regime: Regime;
  /** Total over its inputs: every input gets a predikat or a `RuleBookError`; never throws. */
  assess: (input: AssessmentInput) => Either<RuleBookError, Assessment>;
}>;
