import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { PeriodId, TenantId } from '../core';
import { TenantPolicyCodec } from './codecs';
import type { TenantPolicy } from './tenant-policy';
import { DEFAULT_POLICY_SETTINGS, policyFor, ruleBookFor, TENANT_POLICIES } from './tenants';

const period = (s: string): PeriodId => {
  const d = PeriodId.decode(s);
  if (isLeft(d)) throw new Error(s);
  return d.right;
};
const tenant = (s: string): TenantId => {
  const d = TenantId.decode(s);
  if (isLeft(d)) throw new Error(s);
  return d.right;
};
const policy = (id: string): TenantPolicy => {
  const p = policyFor(tenant(id));
  if (p === undefined) throw new Error(`no policy for ${id}`);
  return p;
};

describe('the five tenant policies (DOMAIN.md §1)', () => {
  it('ships exactly surabaya, salatiga, samarinda, semarang and palembang', () => {
    expect(TENANT_POLICIES.map((p) => p.tenant)).toEqual(['surabaya', 'salatiga', 'samarinda', 'semarang', 'palembang']);
  });

  it('Samarinda is in WITA (Asia/Makassar), the others in WIB (Asia/Jakarta)', () => {
    expect(Object.fromEntries(TENANT_POLICIES.map((p) => [p.tenant, p.timeZone]))).toEqual({
      surabaya: 'Asia/Jakarta',
      salatiga: 'Asia/Jakarta',
      samarinda: 'Asia/Makassar',
      semarang: 'Asia/Jakarta',
      palembang: 'Asia/Jakarta',
    });
  });

  it('peers give feedback in Surabaya and Samarinda; Semarang keeps self-evaluation notes', () => {
    expect(TENANT_POLICIES.filter((p) => p.peerFeedback).map((p) => p.tenant)).toEqual(['surabaya', 'samarinda']);
    expect(TENANT_POLICIES.filter((p) => p.selfEvaluation).map((p) => p.tenant)).toEqual(['semarang']);
  });

  it('every other setting is the regulation default', () => {
    for (const p of TENANT_POLICIES) {
      const { tenant: _t, name: _n, timeZone: _z, peerFeedback: _p, selfEvaluation: _s, ...rest } = p;
      const { peerFeedback: _dp, selfEvaluation: _ds, ...defaults } = DEFAULT_POLICY_SETTINGS;
      expect(rest).toEqual(defaults);
    }
  });

  it('the defaults are those DOMAIN.md gives', () => {
    expect(DEFAULT_POLICY_SETTINGS).toEqual({
      evaluationFrequency: 'quarterly',
      ruleBooks: [
        { fromYear: 2014, ruleBook: { id: 'pp-46-2011', version: 1 } },
        { fromYear: 2021, ruleBook: { id: 'pp-30-2019', version: 1 } },
        { fromYear: 2023, ruleBook: { id: 'permenpanrb-6-2022', version: 1 } },
      ],
      peerFeedback: false,
      selfEvaluation: false,
      curve: { exemptBelow: 1 },
      unitHeadHasilKerja: {
        istimewa: 'di-atas-ekspektasi',
        baik: 'sesuai-ekspektasi',
        'butuh-perbaikan': 'di-bawah-ekspektasi',
        kurang: 'di-bawah-ekspektasi',
        'sangat-kurang': 'di-bawah-ekspektasi',
      },
      allowancePercent: { 'sangat-baik': 100, baik: 100, 'butuh-perbaikan': 90, kurang: 85, 'sangat-kurang': 80 },
      angkaKreditProRata: true,
      objectionWindow: { days: 14, kind: 'calendar' },
    });
  });

  it('policyFor knows no other tenant', () => {
    expect(policyFor(tenant('bandung'))).toBeUndefined();
  });
});

describe('ruleBookFor', () => {
  it.each([
    ['2013', undefined],
    ['2014', 'pp-46-2011'],
    ['2015-Q3', 'pp-46-2011'],
    ['2020-M12', 'pp-46-2011'],
    ['2021', 'pp-30-2019'],
    ['2022-S2', 'pp-30-2019'],
    ['2023-Q1', 'permenpanrb-6-2022'],
    ['2024', 'permenpanrb-6-2022'],
    ['2031-P2', 'permenpanrb-6-2022'],
  ])('%s ⇒ %s', (p, id) => {
    expect(ruleBookFor(policy('salatiga'), period(p))?.id).toBe(id);
  });

  it('takes the latest entry not after the year, whatever the order of the entries', () => {
    const shuffled: TenantPolicy = { ...policy('palembang'), ruleBooks: [...DEFAULT_POLICY_SETTINGS.ruleBooks].reverse() };
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const p = period(String(year));
        return ruleBookFor(shuffled, p) === ruleBookFor(policy('palembang'), p);
      }),
    );
  });
});

describe('TenantPolicyCodec', () => {
  const throughJson = (p: TenantPolicy) => TenantPolicyCodec.decode(JSON.parse(JSON.stringify(TenantPolicyCodec.encode(p))));

  it.each(TENANT_POLICIES.map((p) => [p.tenant, p] as const))('round-trips %s through JSON', (_id, p) => {
    expect(throughJson(p)).toEqual({ _tag: 'Right', right: p });
  });

  const wire = () => JSON.parse(JSON.stringify(TenantPolicyCodec.encode(policy('semarang')))) as Record<string, unknown>;

  it.each([
    ['an unknown field', (w: Record<string, unknown>) => ({ ...w, ranking: 'by-name' })],
    ['an unknown time zone', (w: Record<string, unknown>) => ({ ...w, timeZone: 'Asia/Semarang' })],
    ['a fourth evaluation frequency', (w: Record<string, unknown>) => ({ ...w, evaluationFrequency: 'weekly' })],
    ['a schedule out of order', (w: Record<string, unknown>) => ({ ...w, ruleBooks: [...(w['ruleBooks'] as unknown[])].reverse() })],
    ['an empty schedule', (w: Record<string, unknown>) => ({ ...w, ruleBooks: [] })],
    ['a rule book this build does not have', (w: Record<string, unknown>) => ({ ...w, ruleBooks: [{ fromYear: 2023, ruleBook: { id: 'permenpanrb-6-2022', version: 9 } }] })],
    ['a BR-09 mapping without sangat-kurang', (w: Record<string, unknown>) => ({ ...w, unitHeadHasilKerja: { istimewa: 'di-atas-ekspektasi', baik: 'sesuai-ekspektasi', 'butuh-perbaikan': 'di-bawah-ekspektasi', kurang: 'di-bawah-ekspektasi' } })],
    ['an allowance for a sixth predikat', (w: Record<string, unknown>) => ({ ...w, allowancePercent: { ...(w['allowancePercent'] as object), istimewa: 120 } })],
    ['a negative allowance', (w: Record<string, unknown>) => ({ ...w, allowancePercent: { ...(w['allowancePercent'] as object), kurang: -5 } })],
    ['exemptBelow 0', (w: Record<string, unknown>) => ({ ...w, curve: { exemptBelow: 0 } })],
    ['a window of 14.5 days', (w: Record<string, unknown>) => ({ ...w, objectionWindow: { days: 14.5, kind: 'calendar' } })],
    ['a blank name', (w: Record<string, unknown>) => ({ ...w, name: ' ' })],
  ])('refuses %s', (_what, change) => {
    expect(isLeft(TenantPolicyCodec.decode(change(wire())))).toBe(true);
  });

  it('accepts a tenant of its own with working-day objections and a later switch', () => {
    const own = {
      ...wire(),
      tenant: 'kota-baru',
      name: 'Pemerintah Kota Baru',
      objectionWindow: { days: 14, kind: 'working' },
      ruleBooks: [{ fromYear: 2024, ruleBook: { id: 'permenpanrb-6-2022', version: 1 } }],
    };
    const decoded = TenantPolicyCodec.decode(own);
    expect(decoded._tag).toBe('Right');
    if (decoded._tag === 'Right') expect(ruleBookFor(decoded.right, period('2023'))).toBeUndefined();
  });
});
