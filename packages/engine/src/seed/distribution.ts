/**
 * The ratings of one unit in one period, chosen so that the unit period settles: an organisational result for the
 * unit, and for every member a predikat such that the final counts satisfy the kurva distribusi (BR-04..BR-08)
 * under that result, with the unit head's final predikat as BR-09 makes it. Then the two levels (hasil kerja,
 * perilaku) the appraiser gives for each predikat (BR-01). The domain's own `checkDistribution` is the judge: a
 * plan it refuses is a bug of this module, and throws.
 */
import {
  checkDistribution,
  PREDIKAT,
  predikatOf,
  type CurvePolicy,
  type DistributionCounts,
  type OrganisationalResult,
  type Predikat,
  type RatingLevel,
} from '@kinerja/domain';
import type { Rng } from './random';

export type UnitRatingPlan = Readonly<{
  result: OrganisationalResult;
  /** The levels the appraiser gives each member, in the order of `members`; the head's hasil kerja is BR-09's. */
  ratings: ReadonlyArray<Readonly<{ hasilKerja: RatingLevel; perilaku: RatingLevel; predikat: Predikat }>>;
  counts: DistributionCounts;
}>;

const zero = (): Record<Predikat, number> => ({ 'sangat-baik': 0, baik: 0, 'butuh-perbaikan': 0, kurang: 0, 'sangat-kurang': 0 });

/** The levels an appraiser gives for a predikat (BR-01), varied where the matrix allows. */
export const levelsFor = (rng: Rng, predikat: Predikat): Readonly<{ hasilKerja: RatingLevel; perilaku: RatingLevel }> => {
  switch (predikat) {
    case 'sangat-baik':
      return { hasilKerja: 'di-atas-ekspektasi', perilaku: 'di-atas-ekspektasi' };
    case 'baik':
      return rng.weighted([
        [{ hasilKerja: 'sesuai-ekspektasi', perilaku: 'sesuai-ekspektasi' }, 70],
        [{ hasilKerja: 'di-atas-ekspektasi', perilaku: 'sesuai-ekspektasi' }, 15],
        [{ hasilKerja: 'sesuai-ekspektasi', perilaku: 'di-atas-ekspektasi' }, 15],
      ] as const);
    case 'butuh-perbaikan':
      return rng.chance(0.8)
        ? { hasilKerja: 'di-bawah-ekspektasi', perilaku: 'sesuai-ekspektasi' }
        : { hasilKerja: 'di-bawah-ekspektasi', perilaku: 'di-atas-ekspektasi' };
    case 'kurang':
      return { hasilKerja: rng.chance(0.7) ? 'sesuai-ekspektasi' : 'di-atas-ekspektasi', perilaku: 'di-bawah-ekspektasi' };
    case 'sangat-kurang':
      return { hasilKerja: 'di-bawah-ekspektasi', perilaku: 'di-bawah-ekspektasi' };
  }
};

/**
 * The predikat of the members other than the head, best first, for `n` members in all under `result`, given the
 * head's final predikat. Shares are drawn around what agencies report (most Baik, some Sangat Baik, a few below)
 * and then fitted into the curve's bounds.
 */
const othersFor = (rng: Rng, result: OrganisationalResult, n: number, head: Predikat): Predikat[] => {
  const others = n - 1;
  const counts = zero();
  counts[head] += 1;
  const add = (p: Predikat, k: number) => {
    counts[p] += k;
  };
  switch (result) {
    case 'istimewa': {
      // BR-04: Sangat Baik ≤ 70%.
      const capSb = Math.floor((70 * n) / 100) - counts['sangat-baik'];
      const sb = Math.max(0, Math.min(capSb, Math.round(others * rng.between(0.3, 0.6))));
      const bp = others - sb > 1 && rng.chance(0.3) ? 1 : 0;
      add('sangat-baik', sb);
      add('butuh-perbaikan', bp);
      add('baik', others - sb - bp);
      break;
    }
    case 'baik': {
      // BR-05: Baik ≤ 70%, and at least one Butuh Perbaikan or Kurang.
      const needLow = counts['butuh-perbaikan'] + counts.kurang > 0 ? 0 : 1;
      const low = Math.min(others, Math.max(needLow, Math.round(others * rng.between(0.03, 0.12))));
      const kurang = low > 1 && rng.chance(0.25) ? 1 : 0;
      add('kurang', kurang);
      add('butuh-perbaikan', low - kurang);
      const capBaik = Math.floor((70 * n) / 100) - counts.baik;
      const rest = others - low;
      const baik = Math.max(0, Math.min(capBaik, Math.round(rest * rng.between(0.6, 0.85))));
      add('baik', baik);
      add('sangat-baik', rest - baik);
      break;
    }
    case 'butuh-perbaikan': {
      // BR-06: Butuh Perbaikan ≥ 60%, Sangat Baik ≤ 10%.
      const needBp = Math.max(0, Math.ceil((60 * n) / 100) - counts['butuh-perbaikan']);
      const bp = Math.min(others, needBp + (others - needBp > 2 && rng.chance(0.5) ? 1 : 0));
      const capSb = Math.floor((10 * n) / 100) - counts['sangat-baik'];
      const sb = Math.max(0, Math.min(capSb, others - bp > 1 && rng.chance(0.3) ? 1 : 0));
      add('butuh-perbaikan', bp);
      add('sangat-baik', sb);
      add('baik', others - bp - sb);
      break;
    }
    case 'kurang':
    case 'sangat-kurang':
      throw new Error(`seed: the generator does not plan a unit rated ${result}`);
  }
  counts[head] -= 1;
  return PREDIKAT.flatMap((p) => Array.from({ length: counts[p] }, () => p));
};

/**
 * The ratings of a unit whose members are given best first by aptitude; `members[0]` is the unit head. Units under
 * five members are always Baik or Istimewa; Butuh Perbaikan is rare (about 3% of unit periods).
 */
export const planUnitRatings = (
  rng: Rng,
  aptitudeOrder: ReadonlyArray<number>,
  unitHeadHasilKerja: Readonly<Record<OrganisationalResult, RatingLevel>>,
  curve: CurvePolicy,
): UnitRatingPlan => {
  const n = aptitudeOrder.length;
  if (n < 2) throw new Error('seed: a unit needs at least two members to be rated under the curve');
  const result: OrganisationalResult = rng.weighted<OrganisationalResult>([
    ['istimewa', 12],
    ['baik', 85],
    ['butuh-perbaikan', n >= 5 ? 3 : 0],
  ]);
  // The head: hasil kerja follows the organisational result (BR-09); perilaku as the appraiser sees it.
  const headHasil = unitHeadHasilKerja[result];
  const headPerilaku: RatingLevel =
    result === 'istimewa' && n >= 4 && rng.chance(0.5) ? 'di-atas-ekspektasi' : rng.chance(0.2) ? 'di-atas-ekspektasi' : 'sesuai-ekspektasi';
  const headPredikat = predikatOf(headHasil, headPerilaku);
  const others = othersFor(rng, result, n, headPredikat);
  // Better aptitude, better predikat: members 1..n-1 sorted by aptitude (with noise) get the list best first.
  const order = aptitudeOrder
    .map((aptitude, index) => ({ index, score: aptitude + rng.between(-0.15, 0.15) }))
    .slice(1)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const ratings: Array<Readonly<{ hasilKerja: RatingLevel; perilaku: RatingLevel; predikat: Predikat }>> = new Array(n);
  ratings[0] = { hasilKerja: headHasil, perilaku: headPerilaku, predikat: headPredikat };
  order.forEach(({ index }, rank) => {
    const predikat = others[rank] as Predikat;
    ratings[index] = { ...levelsFor(rng, predikat), predikat };
  });
  const counts = zero();
  for (const r of ratings) counts[r.predikat] += 1;
  const checked = checkDistribution(result, counts, curve);
  if (checked._tag === 'Left') throw new Error(`seed: planned a distribution the curve refuses: ${JSON.stringify(checked.left)}`);
  return { result, ratings, counts };
};
