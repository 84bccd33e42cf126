/**
 * The numeric regime of PP 46/2011 with its implementing rules, Perka BKN 1/2013 (BR-13). Pure; `assess` never
 * throws.
 *
 * Arithmetic (version 1), per Perka BKN 1/2013 (penghitungan per aspek dalam SKP):
 * - kuantitas = realised / target × 100; kualitas = realised / target × 100.
 * - waktu and biaya: first the efficiency `100 − realised / target × 100` (percent saved against the target).
 *   - efficiency ≤ 24% (including over-runs, where it is negative): `(1.76 × target − realised) / target × 100`.
 *     On target gives 76; 24% saved gives 100; 5 days planned, done in 4 (20% saved) gives 96.
 *   - efficiency > 24%: `76 − ((((1.76 × target − realised) / target) × 100) − 100)`, which simplifies to
 *     `realised / target × 100`: saving much more than planned reads as poor planning (6 of 12 months ⇒ 50).
 *   The comparison is made as `100·realised ≥ 76·target` (cut to 12 significant digits), without the noise of a
 *   percentage computed in binary.
 *   1.76 is the weight (nilai tertimbang) that makes 24% saved score exactly 100.
 * - An aspect with a target but nothing realised scores 0 (Perka BKN 1/2013: a kegiatan not carried out scores
 *   0). [policy] An aspect never scores below 0: beyond 176% of the target time or cost the formula would go
 *   negative, and no worse than "not carried out" is counted.
 * - Aspects with a target of 0 (the form's "-", e.g. no budget) are not measured and are left out of the mean.
 * - IKI score (nilai capaian per kegiatan) = mean of its measured aspects; SKP = mean over IKI.
 * - behaviour = mean of the seven BerAKHLAK scores (0..100).
 * - total = 0.6·SKP + 0.4·behaviour (PP 46/2011 weights; peer input and innovation do not matter here). Not
 *   capped: the top band is open ("91 ke atas"), and an auditor redoing the arithmetic finds the same number.
 *
 * Bands (BR-13: ≥ 91 Sangat Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang, ≤ 50 Buruk). [policy] The bands are
 * stated on whole numbers; a score between two of them (90.5) belongs to the lower band: a band is reached when
 * the score, rounded half up to 2 decimals, reaches the band's stated minimum (91, 76, 61, 51). So 90.99 is Baik,
 * 75.5 Cukup, 50.99 Buruk; 90.995 rounds to 91 and is Sangat Baik. No one is given a band whose stated minimum
 * they did not reach.
 *
 * [policy] mapping onto the common predikat scale: Sangat Baik → sangat-baik, Baik → baik, Cukup →
 * butuh-perbaikan, Kurang → kurang, Buruk → sangat-kurang.
 */
import { chain, left, right, type Either } from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { checkedNumericInput, refusedRegime, regimeOf, ratioPercent, round2, scoresOf, type AspectFormula, type ScoreBand, type WeightsPercent } from './numeric';
import type { Assessment, NumericInput, RuleBook, RuleBookError, RuleBookRef } from './rule-book';

export const PP_46_2011_REF: RuleBookRef = { id: 'pp-46-2011', version: 1 };

/** BR-13 weights in percent. */
export const PP46_WEIGHTS: WeightsPercent = { skp: 60, behaviour: 40 };

/** Perka BKN 1/2013 for waktu and biaya: see the header. `target` is above 0. */
export const perkaBkn2013EfficiencyScore = (target: number, realised: number): number => {
  const weighted = (176 * target - 100 * realised) / target; // ((1.76 × target − realised) / target) × 100
  // Cut to 12 significant digits before comparing: 100 × 9.12 is 911.9999999999999 in binary, and 9.12 of 12
  // months is exactly 24% saved.
  const withinEfficiency = Number((100 * realised).toPrecision(12)) >= Number((76 * target).toPrecision(12));
  const score = withinEfficiency ? weighted : 76 - (weighted - 100);
  return Math.max(0, score);
};

/** Perka BKN 1/2013 per aspect. */
export const pp46AspectScore: AspectFormula = (aspect, target, realised) => {
  if (realised === undefined) return 0;
  switch (aspect) {
    case 'kuantitas':
    case 'kualitas':
      return ratioPercent(target, realised);
    case 'waktu':
    case 'biaya':
      return perkaBkn2013EfficiencyScore(target, realised);
  }
};

/** BR-13 bands on the score rounded to 2 decimals; between two bands the lower one (see the header). */
export const pp46BandOf = (score: number): ScoreBand => {
  const s = round2(score);
  if (s >= 91) return { predikat: 'sangat-baik', label: 'Sangat Baik' };
  if (s >= 76) return { predikat: 'baik', label: 'Baik' };
  if (s >= 61) return { predikat: 'butuh-perbaikan', label: 'Cukup' };
  if (s >= 51) return { predikat: 'kurang', label: 'Kurang' };
  return { predikat: 'sangat-kurang', label: 'Buruk' };
};

const ARTICLES = ['BR-13', 'PP 46/2011', 'Perka BKN 1/2013'] as const;

const assessNumeric = (input: NumericInput): Either<RuleBookError, Assessment> =>
  pipe(
    checkedNumericInput(PP_46_2011_REF, input),
    chain((checked) => {
      const scores = scoresOf(checked, pp46AspectScore, PP46_WEIGHTS, (total) => total);
      const band = pp46BandOf(scores.total);
      return right({ ruleBook: PP_46_2011_REF, predikat: band.predikat, label: band.label, scores, articles: ARTICLES });
    }),
  );

export const PP_46_2011: RuleBook = {
  ref: PP_46_2011_REF,
  title: 'PP 46/2011 (Perka BKN 1/2013): nilai prestasi kerja from SKP and behaviour scores',
  regime: 'numeric',
  assess: (input) => (regimeOf(input) === 'numeric' && input.regime === 'numeric' ? assessNumeric(input) : left(refusedRegime(PP_46_2011_REF, 'numeric', input))),
};
