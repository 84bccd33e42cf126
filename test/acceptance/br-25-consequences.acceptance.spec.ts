/**
 * BR-25: a predikat below Baik blocks promotion to the next jenjang [reg]; next year's tunjangan kinerja at
 * 90% / 85% / 80% for Butuh Perbaikan / Kurang / Sangat Kurang [practice: one ministry's table; per tenant].
 */
import {
  allowancePercentFor,
  consequencesOf,
  PREDIKAT,
  promotionEligible,
  TENANT_POLICIES,
  type Predikat,
} from '@kinerja/domain';

const EXPECTED_TABLE: Readonly<Record<Predikat, number>> = { 'sangat-baik': 100, baik: 100, 'butuh-perbaikan': 90, kurang: 85, 'sangat-kurang': 80 };

describe('BR-25 tunjangan kinerja per tenant', () => {
  it.each(TENANT_POLICIES.map((p) => [p.tenant, p] as const))('%s: 100 / 100 / 90 / 85 / 80', (_tenant, policy) => {
    for (const predikat of PREDIKAT) expect(allowancePercentFor(predikat, policy.allowancePercent)).toBe(EXPECTED_TABLE[predikat]);
  });

  it('the table is the tenant’s: another table gives other percentages', () => {
    const own = { ...EXPECTED_TABLE, 'butuh-perbaikan': 95, 'sangat-kurang': 70 };
    expect(allowancePercentFor('butuh-perbaikan', own)).toBe(95);
    expect(allowancePercentFor('sangat-kurang', own)).toBe(70);
  });
});

describe('BR-25 promotion to the next jenjang', () => {
  it.each([
    ['sangat-baik', true],
    ['baik', true],
    ['butuh-perbaikan', false],
    ['kurang', false],
    ['sangat-kurang', false],
  ] as const)('%s ⇒ eligible: %s', (predikat, eligible) => {
    expect(promotionEligible(predikat)).toBe(eligible);
  });

  it('consequencesOf puts it together and cites BR-24 and BR-25', () => {
    const policy = TENANT_POLICIES.find((p) => p.tenant === 'palembang');
    if (policy === undefined) throw new Error('palembang ships');
    expect(
      consequencesOf({ predikat: 'kurang', jenjang: 'ahli-pertama', months: 12, proRata: policy.angkaKreditProRata, allowanceTable: policy.allowancePercent }),
    ).toEqual({
      angkaKredit: { jenjang: 'ahli-pertama', predikat: 'kurang', share: 0.5, coefficient: 12.5, months: 12, credits: 6.25 },
      allowancePercent: 85,
      promotionEligible: false,
      articles: ['BR-24', 'Peraturan BKN 3/2023', 'BR-25'],
    });
  });
});
