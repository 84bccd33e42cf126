/**
 * BR-09 (pure part): when the evaluated employee heads the unit, their hasil kerja rating is the unit's
 * organisational result, mapped by the tenant's policy [reg rule; mapping is policy]. The default mapping:
 * Istimewa → di atas; Baik → sesuai; lower → di bawah. (The aggregate that applies it is tested elsewhere.)
 */
import {
  DEFAULT_POLICY_SETTINGS,
  ORGANISATIONAL_RESULTS,
  predikatOf,
  TENANT_POLICIES,
  type OrganisationalResult,
  type RatingLevel,
} from '@kinerja/domain';

const EXPECTED: ReadonlyArray<readonly [OrganisationalResult, RatingLevel]> = [
  ['istimewa', 'di-atas-ekspektasi'],
  ['baik', 'sesuai-ekspektasi'],
  ['butuh-perbaikan', 'di-bawah-ekspektasi'],
  ['kurang', 'di-bawah-ekspektasi'],
  ['sangat-kurang', 'di-bawah-ekspektasi'],
];

describe('BR-09 the unit head’s hasil kerja from the organisational result', () => {
  it.each(EXPECTED)('default: %s ⇒ %s', (result, level) => {
    expect(DEFAULT_POLICY_SETTINGS.unitHeadHasilKerja[result]).toBe(level);
  });

  it('the mapping covers every organisational result', () => {
    expect(Object.keys(DEFAULT_POLICY_SETTINGS.unitHeadHasilKerja).sort()).toEqual([...ORGANISATIONAL_RESULTS].sort());
  });

  it.each(TENANT_POLICIES.map((p) => [p.tenant, p] as const))('%s uses the default mapping', (_tenant, policy) => {
    expect(policy.unitHeadHasilKerja).toEqual(DEFAULT_POLICY_SETTINGS.unitHeadHasilKerja);
  });

  it('a unit head of an Istimewa unit with perilaku di atas gets Sangat Baik; of a Kurang unit at best Butuh Perbaikan', () => {
    const map = DEFAULT_POLICY_SETTINGS.unitHeadHasilKerja;
    expect(predikatOf(map.istimewa, 'di-atas-ekspektasi')).toBe('sangat-baik');
    expect(predikatOf(map.kurang, 'di-atas-ekspektasi')).toBe('butuh-perbaikan');
  });
});
