/**
 * BR-09 (at settlement): when the evaluated employee heads the unit, their hasil kerja rating is the unit's
 * organisational result (Istimewa → di atas; Baik → sesuai; lower → di bawah) [reg rule; mapping is policy],
 * whatever the appraiser proposed. Their perilaku stays as rated and BR-01 gives the predikat again; the final
 * result cites BR-09. Numeric rule books (BR-12, BR-13) have scores, not a hasil kerja level, so the unit head's
 * numeric proposal is kept.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import {
  DEFAULT_POLICY_SETTINGS,
  describeUnitPeriodError,
  PP_30_2019_REF,
  unitPeriodPolicyOf,
  type Assessment,
  type Nip,
  type OrganisationalResult,
  type PeriodId,
  type RatingLevel,
  type SettledResult,
  type UnitId,
  type UnitPeriodPolicy,
} from '@kinerja/domain';
import { rated, unitPeriodOf, UnitPeriodStream } from './unit-period-fixtures';

const kepalaDinas = '197805122005012001' as Nip;
const staff: ReadonlyArray<Nip> = ['199002022016011001', '199002022016012002', '199002022016011003', '199002022016012004'].map(
  (s) => s as Nip,
);
const now = new Date('2026-01-20T10:00:00+07:00');
const dinkes = unitPeriodOf({
  unit: 'dinkes' as UnitId,
  period: '2025' as PeriodId,
  unitHead: kepalaDinas,
  official: '196901011990031003' as Nip,
  asOf: '2026-01-02',
  now: () => now,
});

const ATAS: RatingLevel = 'di-atas-ekspektasi';
const SESUAI: RatingLevel = 'sesuai-ekspektasi';
const BAWAH: RatingLevel = 'di-bawah-ekspektasi';

const numeric = (predikat: Assessment['predikat'], label: string): Assessment => ({
  ruleBook: PP_30_2019_REF,
  predikat,
  label,
  scores: { perIki: [], skp: 80, behaviour: 80, weights: { skp: 0.7, behaviour: 0.3 }, total: 80 },
  articles: ['BR-12', 'PP 30/2019'],
});

/** Opens the unit period, records the proposals (the head's last), sets the result, settles; returns the decision. */
const settle = (
  result: OrganisationalResult,
  proposals: ReadonlyArray<readonly [Nip, Assessment]>,
  policy: UnitPeriodPolicy = unitPeriodPolicyOf(DEFAULT_POLICY_SETTINGS),
) => {
  const stream = new UnitPeriodStream();
  stream.apply(dinkes.open(policy));
  for (const [employee, assessment] of proposals) stream.apply(dinkes.propose(employee, assessment));
  stream.apply(dinkes.setResult(result, 'Capaian kinerja Dinas Kesehatan 2025'));
  return stream.attempt(dinkes.settle());
};

const resultsOf = (decision: ReturnType<typeof settle>): ReadonlyArray<SettledResult> => {
  if (isLeft(decision)) throw new Error(describeUnitPeriodError(decision.left));
  const [event] = decision.right;
  if (event?.type !== 'UnitPeriodSettled') throw new Error('expected one settlement');
  return event.data.results;
};
const headOf = (results: ReadonlyArray<SettledResult>) => results.find((r) => r.employee === kepalaDinas);

describe('BR-09 the unit head’s hasil kerja follows the organisational result', () => {
  it('Istimewa → di atas: proposed Butuh Perbaikan (di bawah / di atas), settled Sangat Baik', () => {
    const results = resultsOf(
      settle('istimewa', [
        [staff[0]!, rated(SESUAI, SESUAI)],
        [staff[1]!, rated(ATAS, ATAS)],
        [kepalaDinas, rated(BAWAH, ATAS)],
      ]),
    );
    expect(headOf(results)).toMatchObject({
      proposedPredikat: 'butuh-perbaikan',
      hasilKerja: ATAS,
      perilaku: ATAS,
      predikat: 'sangat-baik',
      label: 'Sangat Baik',
    });
    expect(headOf(results)?.basis.articles).toEqual(['BR-01', 'PermenPANRB 6/2022', 'BR-09', 'BR-04', 'BR-03']);
  });

  it('Baik → sesuai: with perilaku sesuai the head is Baik even though the appraiser proposed di bawah hasil', () => {
    const results = resultsOf(
      settle('baik', [
        [staff[0]!, rated(ATAS, ATAS)],
        [staff[1]!, rated(SESUAI, SESUAI)],
        [staff[2]!, rated(BAWAH, SESUAI)],
        [kepalaDinas, rated(BAWAH, SESUAI)],
      ]),
    );
    expect(headOf(results)).toMatchObject({ proposedPredikat: 'butuh-perbaikan', hasilKerja: SESUAI, predikat: 'baik', label: 'Baik' });
  });

  it('lower → di bawah: a head proposed Baik under a Kurang unit is settled Butuh Perbaikan, and counts so in the curve', () => {
    // Kurang (BR-07) needs ≥ 60% Kurang and ≥ 10% Butuh Perbaikan: of 5, at least 3 and 1. Only the head's BR-09
    // result supplies the Butuh Perbaikan, so the settlement passes because BR-09 is applied first.
    const decision = settle('kurang', [
      [staff[0]!, rated(SESUAI, BAWAH)],
      [staff[1]!, rated(SESUAI, BAWAH)],
      [staff[2]!, rated(ATAS, BAWAH)],
      [staff[3]!, rated(SESUAI, SESUAI)],
      [kepalaDinas, rated(SESUAI, SESUAI)],
    ]);
    const results = resultsOf(decision);
    expect(headOf(results)).toMatchObject({ proposedPredikat: 'baik', hasilKerja: BAWAH, predikat: 'butuh-perbaikan' });
    const [event] = isRight(decision) ? decision.right : [];
    expect(event?.type === 'UnitPeriodSettled' && event.data.counts).toEqual({
      'sangat-baik': 0,
      baik: 1,
      'butuh-perbaikan': 1,
      kurang: 3,
      'sangat-kurang': 0,
    });
  });

  it.each<[OrganisationalResult, RatingLevel]>([
    ['butuh-perbaikan', BAWAH],
    ['sangat-kurang', BAWAH],
  ])('%s → %s with the default mapping', (result, level) => {
    // A unit of one (the head alone) is exempted by a policy of exemptBelow 2, so only BR-09 is at work here.
    const policy = { ...unitPeriodPolicyOf(DEFAULT_POLICY_SETTINGS), curve: { exemptBelow: 2 } };
    const results = resultsOf(settle(result, [[kepalaDinas, rated(ATAS, SESUAI)]], policy));
    expect(headOf(results)?.hasilKerja).toBe(level);
  });

  it('leaves the staff’s proposals as rated', () => {
    const results = resultsOf(
      settle('istimewa', [
        [staff[0]!, rated(BAWAH, SESUAI)],
        [staff[1]!, rated(SESUAI, BAWAH)],
        [kepalaDinas, rated(BAWAH, BAWAH)],
      ]),
    );
    expect(results.filter((r) => !r.isUnitHead).map((r) => [r.proposedPredikat, r.predikat, r.hasilKerja])).toEqual([
      ['butuh-perbaikan', 'butuh-perbaikan', BAWAH],
      ['kurang', 'kurang', SESUAI],
    ]);
    expect(results.filter((r) => !r.isUnitHead).every((r) => !r.basis.articles.includes('BR-09'))).toBe(true);
  });

  it('follows the mapping the tenant had when the unit period opened [policy]', () => {
    const generous = { ...unitPeriodPolicyOf(DEFAULT_POLICY_SETTINGS), unitHeadHasilKerja: { ...DEFAULT_POLICY_SETTINGS.unitHeadHasilKerja, baik: ATAS } };
    const results = resultsOf(
      settle(
        'baik',
        [
          [staff[0]!, rated(SESUAI, SESUAI)],
          [staff[1]!, rated(BAWAH, SESUAI)],
          [kepalaDinas, rated(SESUAI, ATAS)],
        ],
        generous,
      ),
    );
    expect(headOf(results)).toMatchObject({ hasilKerja: ATAS, predikat: 'sangat-baik' });
  });

  it('keeps a numeric rule book’s proposal for the head: BR-09 maps a level, PP 30/2019 has a score', () => {
    const results = resultsOf(
      settle('istimewa', [
        [staff[0]!, numeric('baik', 'Baik')],
        [kepalaDinas, numeric('butuh-perbaikan', 'Cukup')],
      ]),
    );
    expect(headOf(results)).toMatchObject({ proposedPredikat: 'butuh-perbaikan', predikat: 'butuh-perbaikan', label: 'Cukup' });
    expect(headOf(results)?.hasilKerja).toBeUndefined();
    expect(headOf(results)?.basis.articles).not.toContain('BR-09');
  });
});
