/**
 * BR-14: the disciplinary sanctions of PP 94/2021 Ps 8, with their levels and exact durations [reg]: ringan (teguran
 * lisan, teguran tertulis, pernyataan tidak puas secara tertulis); sedang (tunjangan kinerja cut 25% for 6, 9 or 12
 * months); berat (demotion one level for 12 months, release to pelaksana for 12 months, dismissal). The dismissal's
 * kind is data [policy]. A delivered decision takes effect on the 15th day after receipt unless it names its own
 * date, and runs for its duration by calendar months.
 */
import { isRight } from 'fp-ts/Either';
import {
  DISCIPLINE_POLICY_DEFAULTS,
  SANCTION_CATALOGUE,
  SANCTION_TYPES,
  SanctionChoiceCodec,
  type Sanction,
} from '@kinerja/domain';
import { at, day, examinedCase, OFFICIALS, SYSTEM, type Official } from './br-14-22-discipline-fixtures';

const decidedAt = at('2025-10-20T10:00:00+07:00'); // Monday
const deliveredAt = at('2025-10-22T10:00:00+07:00'); // in force from Thursday 6 November (day 15 after receipt)

const CASES: ReadonlyArray<readonly [Sanction, 'ringan' | 'sedang' | 'berat', string | null, Official]> = [
  [{ type: 'teguran-lisan' }, 'ringan', '2025-11-06', OFFICIALS.kasi],
  [{ type: 'teguran-tertulis' }, 'ringan', '2025-11-06', OFFICIALS.kasi],
  [{ type: 'pernyataan-tidak-puas' }, 'ringan', '2025-11-06', OFFICIALS.kasi],
  [{ type: 'potongan-tukin-25', months: 6 }, 'sedang', '2026-05-06', OFFICIALS.kabid],
  [{ type: 'potongan-tukin-25', months: 9 }, 'sedang', '2026-08-06', OFFICIALS.kabid],
  [{ type: 'potongan-tukin-25', months: 12 }, 'sedang', '2026-11-06', OFFICIALS.kabid],
  [{ type: 'penurunan-jabatan-12-bulan' }, 'berat', '2026-11-06', OFFICIALS.ppk],
  [{ type: 'pembebasan-jabatan-12-bulan' }, 'berat', '2026-11-06', OFFICIALS.ppk],
  [{ type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' }, 'berat', null, OFFICIALS.ppk],
];

describe('BR-14 sanction types, levels and durations (PP 94/2021 Ps 8)', () => {
  it('there are exactly seven types: three ringan, one sedang (in three lengths), three berat', () => {
    expect(SANCTION_TYPES.map((t) => SANCTION_CATALOGUE[t].level)).toEqual([
      'ringan',
      'ringan',
      'ringan',
      'sedang',
      'berat',
      'berat',
      'berat',
    ]);
  });

  it.each(CASES)('%j is %s and, delivered on 22 Oct 2025, runs from 6 Nov 2025 until %s', (sanction, level, until, official) => {
    const stream = examinedCase({ tim: level === 'berat' });
    expect(stream.decide(sanction, official, decidedAt)._tag).toBe('Right');
    const imposed = stream.last('SanctionImposed');
    expect(imposed.data.sanction).toEqual(sanction);
    expect(imposed.data.level).toBe(level);
    expect(imposed.data.articles).toEqual(expect.arrayContaining(['BR-14', SANCTION_CATALOGUE[sanction.type].article]));
    stream.deliver(deliveredAt);
    expect(stream.last('DecisionDelivered').data.inForce).toEqual({ from: day('2025-11-06'), until: until === null ? null : day(until) });
  });

  it('a sanction is served from the first day after its period, not a millisecond sooner', () => {
    const stream = examinedCase();
    stream.decide({ type: 'potongan-tukin-25', months: 9 }, OFFICIALS.kabid, decidedAt);
    stream.deliver(deliveredAt);
    const served = (now: string) => stream.refusal({ type: 'RecordServed', data: { caseId: stream.last('DecisionDelivered').data.caseId }, metadata: { now: at(now), actor: { nip: SYSTEM, role: 'sistem' } } });
    expect(served('2026-08-05T23:59:59.999+07:00')?._tag).toBe('SanctionStillInForce');
    expect(served('2026-08-06T00:00:00+07:00')).toBeUndefined();
    expect(stream.state.status).toBe('served');
  });

  it('a decision that names its own first day runs from it, by calendar months (31 Oct + 6 months = 30 Apr)', () => {
    const stream = examinedCase();
    stream.decide({ type: 'potongan-tukin-25', months: 6 }, OFFICIALS.kabid, decidedAt, { inForceFrom: day('2025-10-31') });
    stream.deliver(deliveredAt);
    expect(stream.last('DecisionDelivered').data.inForce).toEqual({ from: '2025-10-31', until: '2026-04-30' });
  });

  it('no other type or length exists: a 3-month cut or a 1-year "penundaan kenaikan gaji" (PP 53/2010) is not a sanction', () => {
    expect(isRight(SanctionChoiceCodec.decode({ type: 'potongan-tukin-25', months: 6 }))).toBe(true);
    expect(isRight(SanctionChoiceCodec.decode({ type: 'potongan-tukin-25', months: 3 }))).toBe(false);
    expect(isRight(SanctionChoiceCodec.decode({ type: 'penundaan-kenaikan-gaji-berkala' }))).toBe(false);
    expect(isRight(SanctionChoiceCodec.decode({ type: 'penurunan-jabatan-12-bulan', months: 6 }))).toBe(false);
  });

  describe('the dismissal’s kind is data [policy]', () => {
    const dismiss = (policyKind: 'dengan-hormat-tidak-atas-permintaan-sendiri' | 'tidak-dengan-hormat', chosen?: 'tidak-dengan-hormat') => {
      const stream = examinedCase({ tim: true, policy: { ...DISCIPLINE_POLICY_DEFAULTS, dismissalKind: policyKind } });
      stream.decide(chosen === undefined ? { type: 'pemberhentian' } : { type: 'pemberhentian', kind: chosen }, OFFICIALS.ppk, decidedAt);
      return stream.last('SanctionImposed').data.sanction;
    };

    it('by default PP 94’s: with honour, not at own request', () => {
      expect(DISCIPLINE_POLICY_DEFAULTS.dismissalKind).toBe('dengan-hormat-tidak-atas-permintaan-sendiri');
      expect(dismiss('dengan-hormat-tidak-atas-permintaan-sendiri')).toEqual({
        type: 'pemberhentian',
        kind: 'dengan-hormat-tidak-atas-permintaan-sendiri',
      });
    });

    it('a tenant may read the 2023 ASN act differently, and a decision may name the kind itself', () => {
      expect(dismiss('tidak-dengan-hormat')).toEqual({ type: 'pemberhentian', kind: 'tidak-dengan-hormat' });
      expect(dismiss('dengan-hormat-tidak-atas-permintaan-sendiri', 'tidak-dengan-hormat')).toEqual({
        type: 'pemberhentian',
        kind: 'tidak-dengan-hormat',
      });
    });
  });
});
