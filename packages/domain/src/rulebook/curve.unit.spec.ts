import { isLeft, isRight } from 'fp-ts/Either';
import { checkDistribution, curveBounds, totalOf } from './curve';
import { countsOf } from './rulebook.testkit';

const NONE_EXEMPT = { exemptBelow: 1 };

describe('curveBounds', () => {
  it('BR-04 Istimewa, 10 employees: at most 7 Sangat Baik', () => {
    expect(curveBounds('istimewa', 10)).toEqual([
      { rule: 'BR-04', predikat: ['sangat-baik'], statement: { kind: 'max', share: 0.7 }, allowed: { min: 0, max: 7 } },
    ]);
  });

  it('BR-05 Baik, 10 employees: at most 7 Baik, at least one Butuh Perbaikan or Kurang', () => {
    expect(curveBounds('baik', 10)).toEqual([
      { rule: 'BR-05', predikat: ['baik'], statement: { kind: 'max', share: 0.7 }, allowed: { min: 0, max: 7 } },
      { rule: 'BR-05', predikat: ['butuh-perbaikan', 'kurang'], statement: { kind: 'min-count', count: 1 }, allowed: { min: 1, max: 10 } },
    ]);
  });

  it('BR-06 Butuh Perbaikan, 9 employees: at least 6 (ceil 5.4) Butuh Perbaikan, at most 0 (floor 0.9) Sangat Baik', () => {
    expect(curveBounds('butuh-perbaikan', 9).map((b) => b.allowed)).toEqual([
      { min: 6, max: 9 },
      { min: 0, max: 0 },
    ]);
  });

  it('BR-07 Kurang, 20 employees: at least 12 Kurang, at least 2 Butuh Perbaikan, at most 2 Sangat Baik', () => {
    expect(curveBounds('kurang', 20).map((b) => [b.predikat, b.allowed])).toEqual([
      [['kurang'], { min: 12, max: 20 }],
      [['butuh-perbaikan'], { min: 2, max: 20 }],
      [['sangat-baik'], { min: 0, max: 2 }],
    ]);
  });

  it('BR-08 Sangat Kurang, 11 employees: at least 7 Sangat Kurang, at least 2 Kurang + Butuh Perbaikan, no Sangat Baik', () => {
    expect(curveBounds('sangat-kurang', 11).map((b) => [b.predikat, b.statement, b.allowed])).toEqual([
      [['sangat-kurang'], { kind: 'min', share: 0.6 }, { min: 7, max: 11 }],
      [['kurang', 'butuh-perbaikan'], { kind: 'min', share: 0.1 }, { min: 2, max: 11 }],
      [['sangat-baik'], { kind: 'max', share: 0 }, { min: 0, max: 0 }],
    ]);
  });

  it('rounds on whole numbers: 70% of 10 is 7 and 60% of 10 is 6, exactly', () => {
    expect(curveBounds('istimewa', 10)[0]?.allowed.max).toBe(7);
    expect(curveBounds('butuh-perbaikan', 10)[0]?.allowed.min).toBe(6);
    expect(curveBounds('kurang', 10)[1]?.allowed.min).toBe(1);
    expect(curveBounds('istimewa', 100)[0]?.allowed.max).toBe(70);
  });
});

describe('checkDistribution', () => {
  it('passes a fitting distribution with the bounds it checked', () => {
    const result = checkDistribution('istimewa', countsOf({ 'sangat-baik': 7, baik: 3 }), NONE_EXEMPT);
    expect(result).toEqual({ _tag: 'Right', right: curveBounds('istimewa', 10) });
  });

  it('names every broken bound with its count and allowed range', () => {
    const counts = countsOf({ 'sangat-baik': 2, kurang: 3, baik: 5 });
    const result = checkDistribution('kurang', counts, NONE_EXEMPT);
    expect(result).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'DistributionViolated',
        organisationalResult: 'kurang',
        total: 10,
        counts,
        violations: [
          { rule: 'BR-07', predikat: ['kurang'], statement: { kind: 'min', share: 0.6 }, allowed: { min: 6, max: 10 }, count: 3 },
          { rule: 'BR-07', predikat: ['butuh-perbaikan'], statement: { kind: 'min', share: 0.1 }, allowed: { min: 1, max: 10 }, count: 0 },
          { rule: 'BR-07', predikat: ['sangat-baik'], statement: { kind: 'max', share: 0.1 }, allowed: { min: 0, max: 1 }, count: 2 },
        ],
      },
    });
  });

  it('a unit with no employees has nothing to check', () => {
    expect(checkDistribution('baik', countsOf({}), NONE_EXEMPT)).toEqual({ _tag: 'Right', right: [] });
  });

  it('a unit smaller than exemptBelow is not checked [policy]', () => {
    const counts = countsOf({ 'sangat-baik': 4 });
    expect(isLeft(checkDistribution('istimewa', counts, NONE_EXEMPT))).toBe(true);
    expect(checkDistribution('istimewa', counts, { exemptBelow: 5 })).toEqual({ _tag: 'Right', right: [] });
    expect(isLeft(checkDistribution('istimewa', counts, { exemptBelow: 4 }))).toBe(true);
  });

  it('a one-employee unit under Baik passes only when that employee is Butuh Perbaikan or Kurang', () => {
    expect(isRight(checkDistribution('baik', countsOf({ kurang: 1 }), NONE_EXEMPT))).toBe(true);
    expect(isLeft(checkDistribution('baik', countsOf({ baik: 1 }), NONE_EXEMPT))).toBe(true);
  });

  it('totalOf adds the five counts', () => {
    expect(totalOf(countsOf({ 'sangat-baik': 1, baik: 2, 'butuh-perbaikan': 3, kurang: 4, 'sangat-kurang': 5 }))).toBe(15);
  });
});
