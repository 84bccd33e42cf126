/**
 * BR-04..BR-08 at settlement: a unit period settles its predikat as one decision only when the final counts fit
 * the kurva distribusi of its organisational result (SE MenPANRB 3/2023); otherwise settling is refused with an
 * error naming every broken bound's rule, its count and the allowed range, and nothing is recorded.
 * [policy] caps round down, minimums round up; units smaller than `exemptBelow` are not checked.
 * (The pure curve is specified in br-04-08-kurva-distribusi; here the aggregate applies it.)
 */
import { isLeft, isRight } from 'fp-ts/Either';
import {
  describeUnitPeriodError,
  type CurveRule,
  type DistributionViolated,
  type Nip,
  type OrganisationalResult,
  type PeriodId,
  type Predikat,
  type UnitId,
  type UnitPeriodPolicy,
  type UnitPeriodSettled,
} from '@kinerja/domain';
import { DEFAULT_POLICY, fullCounts, ratedAs, unitPeriodOf, UnitPeriodStream } from './unit-period-fixtures';

const kepalaPelaksana = '197805122005012001' as Nip;
const now = new Date('2026-01-20T10:00:00+07:00');
const bpbd = unitPeriodOf({
  unit: 'bpbd' as UnitId,
  period: '2025' as PeriodId,
  unitHead: kepalaPelaksana,
  official: '196901011990031003' as Nip,
  asOf: '2026-01-02',
  now: () => now,
});

/** Staff member i of the unit (the head's own proposal is left out here: BR-09 has its own specification). */
const staffMember = (i: number) => `19900303201701${1 + (i % 2)}${String(i + 1).padStart(3, '0')}` as Nip;

type Unit = Partial<Record<Predikat, number>>;

/** Opens a unit period, proposes `unit`'s predikat (one employee each), sets `result`, and asks to settle. */
const settle = (result: OrganisationalResult, staff: Unit, policy: UnitPeriodPolicy = DEFAULT_POLICY) => {
  const predikat = (Object.entries(staff) as Array<[Predikat, number]>).flatMap(([p, n]) => Array<Predikat>(n).fill(p));
  const stream = new UnitPeriodStream();
  stream.apply(bpbd.open(policy));
  predikat.forEach((p, i) => stream.apply(bpbd.propose(staffMember(i), ratedAs(p))));
  stream.apply(bpbd.setResult(result, 'Responsivitas dan ketepatan waktu penanganan bencana 2025'));
  return stream.attempt(bpbd.settle());
};

/** Settling succeeds with one decision listing everyone, checked against `rule`. */
const accepted = (rule: CurveRule, result: OrganisationalResult, staff: Unit) => {
  const decision = settle(result, staff);
  if (isLeft(decision)) throw new Error(describeUnitPeriodError(decision.left));
  expect(decision.right).toHaveLength(1);
  const event = decision.right[0] as UnitPeriodSettled;
  expect(event.type).toBe('UnitPeriodSettled');
  expect(event.data.counts).toEqual(fullCounts(staff));
  expect(event.data.results).toHaveLength(Object.values(staff).reduce((a, b) => a + b, 0));
  expect(event.data.curve.rule).toBe(rule);
  expect(event.data.curve.exempt).toBe(false);
  for (const r of event.data.results) expect(r.basis.articles).toContain(rule);
  return event;
};

/** Settling is refused; returns the error, which must name the rule, the counts and the allowed range. */
const refused = (result: OrganisationalResult, staff: Unit): DistributionViolated => {
  const decision = settle(result, staff);
  if (isRight(decision)) throw new Error(`expected a refusal, got ${decision.right.map((e) => e.type).join(', ')}`);
  const error = decision.left;
  if (error._tag !== 'DistributionViolated') throw new Error(describeUnitPeriodError(error));
  expect(error.organisationalResult).toBe(result);
  expect(error.counts).toEqual(fullCounts(staff));
  return error;
};
const brokenBounds = (error: DistributionViolated) =>
  error.violations.map((v) => ({ rule: v.rule, predikat: v.predikat, count: v.count, allowed: v.allowed }));

describe('BR-04 Istimewa: Sangat Baik ≤ 70%', () => {
  it('settles 7 Sangat Baik of 10 (the bound)', () => {
    accepted('BR-04', 'istimewa', { 'sangat-baik': 7, baik: 3 });
  });

  it('refuses 8 Sangat Baik of 10, naming the rule, the count and the allowed range', () => {
    const error = refused('istimewa', { 'sangat-baik': 8, baik: 2 });
    expect(brokenBounds(error)).toEqual([{ rule: 'BR-04', predikat: ['sangat-baik'], count: 8, allowed: { min: 0, max: 7 } }]);
    expect(describeUnitPeriodError(error)).toContain('BR-04: Sangat Baik is 8, allowed 0..7');
  });

  it('rounds the cap down: of 9, 70% is 6.3, so 6 Sangat Baik settle and 7 do not', () => {
    accepted('BR-04', 'istimewa', { 'sangat-baik': 6, baik: 3 });
    expect(brokenBounds(refused('istimewa', { 'sangat-baik': 7, baik: 2 }))).toEqual([
      { rule: 'BR-04', predikat: ['sangat-baik'], count: 7, allowed: { min: 0, max: 6 } },
    ]);
  });
});

describe('BR-05 Baik: Baik ≤ 70%, and at least one Butuh Perbaikan or Kurang/Misconduct', () => {
  it('settles 7 Baik and 1 Butuh Perbaikan of 10 (both bounds)', () => {
    accepted('BR-05', 'baik', { 'sangat-baik': 2, baik: 7, 'butuh-perbaikan': 1 });
  });

  it('refuses 8 Baik of 10', () => {
    expect(brokenBounds(refused('baik', { 'sangat-baik': 1, baik: 8, kurang: 1 }))).toEqual([
      { rule: 'BR-05', predikat: ['baik'], count: 8, allowed: { min: 0, max: 7 } },
    ]);
  });

  it('refuses a unit with no Butuh Perbaikan and no Kurang/Misconduct', () => {
    expect(brokenBounds(refused('baik', { 'sangat-baik': 3, baik: 7 }))).toEqual([
      { rule: 'BR-05', predikat: ['butuh-perbaikan', 'kurang'], count: 0, allowed: { min: 1, max: 10 } },
    ]);
  });
});

describe('BR-06 Butuh Perbaikan: Butuh Perbaikan ≥ 60%, Sangat Baik ≤ 10%', () => {
  it('settles 6 Butuh Perbaikan and 1 Sangat Baik of 10 (both bounds)', () => {
    accepted('BR-06', 'butuh-perbaikan', { 'butuh-perbaikan': 6, 'sangat-baik': 1, baik: 3 });
  });

  it('refuses 5 Butuh Perbaikan of 10', () => {
    expect(brokenBounds(refused('butuh-perbaikan', { 'butuh-perbaikan': 5, 'sangat-baik': 1, baik: 4 }))).toEqual([
      { rule: 'BR-06', predikat: ['butuh-perbaikan'], count: 5, allowed: { min: 6, max: 10 } },
    ]);
  });

  it('refuses 2 Sangat Baik of 10', () => {
    expect(brokenBounds(refused('butuh-perbaikan', { 'butuh-perbaikan': 6, 'sangat-baik': 2, baik: 2 }))).toEqual([
      { rule: 'BR-06', predikat: ['sangat-baik'], count: 2, allowed: { min: 0, max: 1 } },
    ]);
  });

  it('rounds the minimum up: of 9, 60% is 5.4, so 6 Butuh Perbaikan settle and 5 do not', () => {
    accepted('BR-06', 'butuh-perbaikan', { 'butuh-perbaikan': 6, baik: 3 });
    expect(brokenBounds(refused('butuh-perbaikan', { 'butuh-perbaikan': 5, baik: 4 }))).toEqual([
      { rule: 'BR-06', predikat: ['butuh-perbaikan'], count: 5, allowed: { min: 6, max: 9 } },
    ]);
  });
});

describe('BR-07 Kurang: Kurang/Misconduct ≥ 60%, Butuh Perbaikan ≥ 10%, Sangat Baik ≤ 10%', () => {
  it('settles 6 Kurang, 1 Butuh Perbaikan and 1 Sangat Baik of 10 (every bound)', () => {
    accepted('BR-07', 'kurang', { kurang: 6, 'butuh-perbaikan': 1, 'sangat-baik': 1, baik: 2 });
  });

  it('refuses 5 Kurang of 10', () => {
    expect(brokenBounds(refused('kurang', { kurang: 5, 'butuh-perbaikan': 1, 'sangat-baik': 1, baik: 3 }))).toEqual([
      { rule: 'BR-07', predikat: ['kurang'], count: 5, allowed: { min: 6, max: 10 } },
    ]);
  });

  it('refuses no Butuh Perbaikan and 2 Sangat Baik, naming both bounds', () => {
    expect(brokenBounds(refused('kurang', { kurang: 7, 'sangat-baik': 2, baik: 1 }))).toEqual([
      { rule: 'BR-07', predikat: ['butuh-perbaikan'], count: 0, allowed: { min: 1, max: 10 } },
      { rule: 'BR-07', predikat: ['sangat-baik'], count: 2, allowed: { min: 0, max: 1 } },
    ]);
  });
});

describe('BR-08 Sangat Kurang: Sangat Kurang ≥ 60%, Kurang/Misconduct + Butuh Perbaikan ≥ 10%, no Sangat Baik', () => {
  it('settles 6 Sangat Kurang and 1 Kurang of 10 with no Sangat Baik (every bound)', () => {
    accepted('BR-08', 'sangat-kurang', { 'sangat-kurang': 6, kurang: 1, baik: 3 });
  });

  it('refuses 5 Sangat Kurang of 10', () => {
    expect(brokenBounds(refused('sangat-kurang', { 'sangat-kurang': 5, 'butuh-perbaikan': 1, baik: 4 }))).toEqual([
      { rule: 'BR-08', predikat: ['sangat-kurang'], count: 5, allowed: { min: 6, max: 10 } },
    ]);
  });

  it('refuses a single Sangat Baik', () => {
    expect(brokenBounds(refused('sangat-kurang', { 'sangat-kurang': 6, kurang: 1, 'sangat-baik': 1, baik: 2 }))).toEqual([
      { rule: 'BR-08', predikat: ['sangat-baik'], count: 1, allowed: { min: 0, max: 0 } },
    ]);
  });

  it('refuses no Kurang/Misconduct and no Butuh Perbaikan', () => {
    expect(brokenBounds(refused('sangat-kurang', { 'sangat-kurang': 7, baik: 3 }))).toEqual([
      { rule: 'BR-08', predikat: ['kurang', 'butuh-perbaikan'], count: 0, allowed: { min: 1, max: 10 } },
    ]);
  });
});

describe('BR-04..08 [policy] exemption of small units', () => {
  it('settles a unit smaller than the tenant’s exemptBelow without checking, and records that it was exempt', () => {
    const decision = settle('istimewa', { 'sangat-baik': 4 }, { ...DEFAULT_POLICY, curve: { exemptBelow: 5 } });
    const [event] = isRight(decision) ? decision.right : [];
    expect(event?.type === 'UnitPeriodSettled' && event.data.curve).toEqual({ rule: 'BR-04', exempt: true, bounds: [] });
  });

  it('checks the same unit under the default policy (none exempt)', () => {
    expect(brokenBounds(refused('istimewa', { 'sangat-baik': 4 }))).toEqual([
      { rule: 'BR-04', predikat: ['sangat-baik'], count: 4, allowed: { min: 0, max: 2 } },
    ]);
  });
});
