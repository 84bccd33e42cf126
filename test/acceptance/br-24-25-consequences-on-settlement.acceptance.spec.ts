/**
 * BR-24 and BR-25 on the settlement event: each final predikat of a unit period carries its consequences.
 * - BR-24 angka kredit (functional positions): credits = share × annual coefficient of the jenjang (Ahli Muda +
 *   Baik ⇒ 25); periods shorter than a year earn pro rata by months [policy, recorded when the period opens].
 * - BR-25: next year's tunjangan kinerja at 90% / 85% / 80% for Butuh Perbaikan / Kurang / Sangat Kurang
 *   [practice: per tenant table]; a predikat below Baik blocks promotion to the next jenjang.
 * The consequences follow the FINAL predikat, i.e. after BR-09 for the unit head.
 */
import type {
  Assessment,
  Jenjang,
  Nip,
  OrganisationalResult,
  PeriodId,
  Predikat,
  SettledResult,
  UnitId,
  UnitPeriodPolicy,
} from '@kinerja/domain';
import { DEFAULT_POLICY, rated, ratedAs, unitPeriodOf, UnitPeriodStream } from './unit-period-fixtures';

const kepalaDinas = '197805122005012001' as Nip;
const now = new Date('2026-01-20T10:00:00+07:00');

const guru = (i: number) => `19910404201901${1 + (i % 2)}${String(i + 1).padStart(3, '0')}` as Nip;

type Proposed = Readonly<{ employee: Nip; predikat: Predikat; jenjang?: Jenjang; assessment?: Assessment }>;

/**
 * Settles one unit period of `period` (`2025` is 12 months, `2025-S1` 6) under `result` and returns the results.
 * The months of the evaluation period come with each proposal, as the evaluation knows them.
 */
const settle = (
  proposals: ReadonlyArray<Proposed>,
  o: Readonly<{ period?: PeriodId; months?: number; result?: OrganisationalResult; policy?: UnitPeriodPolicy }> = {},
): ReadonlyArray<SettledResult> => {
  const disdik = unitPeriodOf({
    unit: 'dinas-pendidikan' as UnitId,
    period: o.period ?? ('2025' as PeriodId),
    unitHead: kepalaDinas,
    official: '196901011990031003' as Nip,
    asOf: '2026-01-02',
    periodEnd: new Date(o.months === 6 ? '2025-07-01T00:00:00+07:00' : '2026-01-01T00:00:00+07:00'),
    now: () => now,
  });
  const stream = new UnitPeriodStream();
  stream.apply(disdik.open(o.policy ?? DEFAULT_POLICY));
  for (const p of proposals)
    stream.apply(
      disdik.propose(p.employee, p.assessment ?? ratedAs(p.predikat), {
        jenjang: p.jenjang ?? null,
        months: o.months ?? 12,
        planPeriod: '2025' as PeriodId,
      }),
    );
  stream.apply(disdik.setResult(o.result ?? 'istimewa', 'Capaian program pendidikan 2025'));
  stream.apply(disdik.settle());
  const settled = stream.events.find((e) => e.type === 'UnitPeriodSettled');
  if (settled?.type !== 'UnitPeriodSettled') throw new Error('no settlement');
  return settled.data.results;
};

const of = (results: ReadonlyArray<SettledResult>, employee: Nip): SettledResult => {
  const found = results.find((r) => r.employee === employee);
  if (found === undefined) throw new Error(`no result for ${employee}`);
  return found;
};

/** One of each predikat fits Istimewa's curve (1 Sangat Baik of 5 ≤ 70%). */
const everyPredikat: ReadonlyArray<Proposed> = [
  { employee: guru(0), predikat: 'sangat-baik', jenjang: 'ahli-muda' },
  { employee: guru(1), predikat: 'baik', jenjang: 'ahli-muda' },
  { employee: guru(2), predikat: 'butuh-perbaikan', jenjang: 'ahli-muda' },
  { employee: guru(3), predikat: 'kurang', jenjang: 'ahli-muda' },
  { employee: guru(4), predikat: 'sangat-kurang', jenjang: 'ahli-muda' },
];

describe('BR-24 angka kredit on the settlement event', () => {
  it('Ahli Muda + Baik for a year ⇒ 25 credits', () => {
    const results = settle(everyPredikat);
    expect(of(results, guru(1)).consequences.angkaKredit).toEqual({
      jenjang: 'ahli-muda',
      predikat: 'baik',
      share: 1,
      coefficient: 25,
      months: 12,
      credits: 25,
    });
    expect(of(results, guru(1)).consequences.articles).toContain('BR-24');
  });

  it('applies the share of each predikat: 150% / 100% / 75% / 50% / 25% of 25', () => {
    const results = settle(everyPredikat);
    expect(everyPredikat.map((p) => of(results, p.employee).consequences.angkaKredit?.credits)).toEqual([37.5, 25, 18.75, 12.5, 6.25]);
  });

  it('pro rata for a semester: Ahli Muda + Baik over 6 months ⇒ 12.5 credits [policy: on by default]', () => {
    const results = settle(everyPredikat, { period: '2025-S1' as PeriodId, months: 6 });
    expect(of(results, guru(1)).consequences.angkaKredit).toMatchObject({ months: 6, credits: 12.5 });
  });

  it('a tenant without pro rata earns the annual amount for a semester', () => {
    const results = settle(everyPredikat, {
      period: '2025-S1' as PeriodId,
      months: 6,
      policy: { ...DEFAULT_POLICY, angkaKreditProRata: false },
    });
    expect(of(results, guru(1)).consequences.angkaKredit).toMatchObject({ months: 12, credits: 25 });
  });

  it('a structural or pelaksana position (no jenjang) earns no angka kredit', () => {
    const results = settle([
      { employee: guru(0), predikat: 'baik' },
      { employee: guru(1), predikat: 'baik', jenjang: 'terampil' },
    ]);
    expect(of(results, guru(0)).consequences.angkaKredit).toBeNull();
    expect(of(results, guru(1)).consequences.angkaKredit).toMatchObject({ coefficient: 5, credits: 5 });
  });
});

describe('BR-25 allowance and promotion on the settlement event', () => {
  it('next year’s tunjangan kinerja: 100 / 100 / 90 / 85 / 80 % by predikat (default table)', () => {
    const results = settle(everyPredikat);
    expect(everyPredikat.map((p) => of(results, p.employee).consequences.allowancePercent)).toEqual([100, 100, 90, 85, 80]);
    expect(of(results, guru(2)).consequences.articles).toContain('BR-25');
  });

  it('uses the tenant’s own table as recorded when the unit period opened [per tenant]', () => {
    const table = { 'sangat-baik': 110, baik: 100, 'butuh-perbaikan': 95, kurang: 90, 'sangat-kurang': 85 };
    const results = settle(everyPredikat, { policy: { ...DEFAULT_POLICY, allowancePercent: table } });
    expect(everyPredikat.map((p) => of(results, p.employee).consequences.allowancePercent)).toEqual([110, 100, 95, 90, 85]);
  });

  it('a predikat below Baik blocks promotion to the next jenjang', () => {
    const results = settle(everyPredikat);
    expect(everyPredikat.map((p) => [p.predikat, of(results, p.employee).consequences.promotionEligible])).toEqual([
      ['sangat-baik', true],
      ['baik', true],
      ['butuh-perbaikan', false],
      ['kurang', false],
      ['sangat-kurang', false],
    ]);
  });

  it('follows the final predikat: a unit head proposed Butuh Perbaikan in an Istimewa unit is settled Sangat Baik (BR-09)', () => {
    const head = of(
      settle([
        { employee: guru(0), predikat: 'baik' },
        {
          employee: kepalaDinas,
          predikat: 'butuh-perbaikan',
          jenjang: 'ahli-madya',
          assessment: rated('di-bawah-ekspektasi', 'di-atas-ekspektasi'),
        },
      ]),
      kepalaDinas,
    );
    expect(head.predikat).toBe('sangat-baik');
    expect(head.consequences).toMatchObject({ allowancePercent: 100, promotionEligible: true });
    expect(head.consequences.angkaKredit).toMatchObject({ predikat: 'sangat-baik', share: 1.5, coefficient: 37.5, credits: 56.25 });
  });
});
