/** fast-check arbitraries for the core ids, and generic builders, shared by every aggregate's properties. */
import * as fc from 'fast-check';
import type { Nip } from './ids';

/** Any valid NIP: a real birth date, an appointment 19-38 years later, a sex digit and a non-zero sequence. */
export const nipArb: fc.Arbitrary<Nip> = fc
  .tuple(
    fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2004-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom('1', '2'),
    fc.integer({ min: 1, max: 999 }),
  )
  .map(([birth, years, month, sex, sequence]) => {
    const iso = birth.toISOString();
    const appointment = `${birth.getUTCFullYear() + 18 + years}${String(month).padStart(2, '0')}`;
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${appointment}${sex}${String(sequence).padStart(3, '0')}` as Nip;
  });

/** A record with every key of a closed vocabulary, each value drawn from `value` (a total record). */
export const arbTotalRecord = <K extends string, A>(
  keys: ReadonlyArray<K>,
  value: fc.Arbitrary<A>,
): fc.Arbitrary<Readonly<Record<K, A>>> =>
  fc.record(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, fc.Arbitrary<A>>);
