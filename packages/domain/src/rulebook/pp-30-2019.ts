/**
 * The numeric regime of PP 30/2019 as implemented by PermenPANRB 8/2021 (BR-12). Pure; `assess` never throws.
 *
 * Arithmetic (version 1):
 * - capaian per aspect of an IKI [reg: PermenPANRB 8/2021, Lampiran, capaian IKI]: kuantitas and kualitas
 *   `realised / target × 100`; waktu and biaya, where less is better, by the "kondisi khusus" formula
 *   `(1 + (1 − realised / target)) × 100` (target 7 months, realised 6.5 ⇒ 107.14; target 8, realised 9 ⇒ 87.5),
 *   never below 0 (beyond twice the target the formula would go negative). An aspect with a target but nothing
 *   realised scores 0. Aspects with a target of 0 are not measured.
 * - IKI score = mean of its measured aspects; SKP = mean over IKI; behaviour = mean of the seven BerAKHLAK scores.
 * - total = 0.6·SKP + 0.4·behaviour when peer or subordinate input was used, else 0.7·SKP + 0.3·behaviour.
 * - [policy] the total is capped at 120, the top of the regulation's scale (Baik 90–120, Sangat Baik 110–120);
 *   individual aspects are not capped, so an IKI realised above its target counts in full against a weak one.
 * - [policy] the predikat is decided on the total rounded half up to 2 decimals (89.995 ⇒ 90 ⇒ Baik); the
 *   unrounded numbers stay in `scores`.
 *
 * Bands (BR-12): Sangat Baik 110–120 and an innovation recorded; Baik 90–120 (so 115 without innovation is Baik);
 * Cukup 70–<90; Kurang 50–<70; Sangat Kurang <50.
 *
 * [policy] mapping onto the common predikat scale: Sangat Baik → sangat-baik, Baik → baik, Cukup →
 * butuh-perbaikan (the middle step of both five-step scales), Kurang → kurang, Sangat Kurang → sangat-kurang.
 */
import { chain, right, left, type Either } from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { checkedNumericInput, refusedRegime, regimeOf, ratioPercent, round2, scoresOf, type AspectFormula, type ScoreBand, type WeightsPercent } from './numeric';
import type { Assessment, NumericInput, RuleBook, RuleBookError, RuleBookRef } from './rule-book';

export const PP_30_2019_REF: RuleBookRef = { id: 'pp-30-2019', version: 1 };

/** BR-12 weights in percent. */
export const PP30_WEIGHTS_WITH_PEERS: WeightsPercent = { skp: 60, behaviour: 40 };
export const PP30_WEIGHTS_WITHOUT_PEERS: WeightsPercent = { skp: 70, behaviour: 30 };

/** [policy] The top of the PP 30 scale. */
export const PP30_MAX_SCORE = 120;

/** PermenPANRB 8/2021 capaian per aspect (see the header). */
export const pp30AspectScore: AspectFormula = (aspect, target, realised) => {
  if (realised === undefined) return 0;
  switch (aspect) {
    case 'kuantitas':
    case 'kualitas':
      return ratioPercent(target, realised);
    case 'waktu':
    case 'biaya':
      return Math.max(0, 200 - ratioPercent(target, realised));
  }
};

/** BR-12 bands on the score rounded to 2 decimals; Sangat Baik only with an innovation recorded. */
export const pp30BandOf = (score: number, innovation: boolean): ScoreBand => {
  const s = round2(Math.min(score, PP30_MAX_SCORE));
  if (s >= 110 && innovation) return { predikat: 'sangat-baik', label: 'Sangat Baik' };
  if (s >= 90) return { predikat: 'baik', label: 'Baik' };
  if (s >= 70) return { predikat: 'butuh-perbaikan', label: 'Cukup' };
  if (s >= 50) return { predikat: 'kurang', label: 'Kurang' };
  return { predikat: 'sangat-kurang', label: 'Sangat Kurang' };
};

const ARTICLES = ['BR-12', 'PP 30/2019', 'PermenPANRB 8/2021'] as const;

const assessNumeric = (input: NumericInput): Either<RuleBookError, Assessment> =>
  pipe(
    checkedNumericInput(PP_30_2019_REF, input),
    chain((checked) => {
      const weights = checked.peerInputUsed ? PP30_WEIGHTS_WITH_PEERS : PP30_WEIGHTS_WITHOUT_PEERS;
      const scores = scoresOf(checked, pp30AspectScore, weights, (total) => Math.min(total, PP30_MAX_SCORE));
      const band = pp30BandOf(scores.total, checked.innovation);
      return right({ ruleBook: PP_30_2019_REF, predikat: band.predikat, label: band.label, scores, articles: ARTICLES });
    }),
  );

export const PP_30_2019: RuleBook = {
  ref: PP_30_2019_REF,
  title: 'PP 30/2019 (PermenPANRB 8/2021): weighted SKP and behaviour scores',
  regime: 'numeric',
  assess: (input) => (regimeOf(input) === 'numeric' && input.regime === 'numeric' ? assessNumeric(input) : left(refusedRegime(PP_30_2019_REF, 'numeric', input))),
};
