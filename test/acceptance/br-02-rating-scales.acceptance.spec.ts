/**
 * BR-02: exactly 3 rating levels, exactly 5 employee predikat, exactly 5 organisational results; the codecs at
 * the edge refuse anything else.
 */
import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import {
  ORGANISATIONAL_RESULTS,
  OrganisationalResultCodec,
  PREDIKAT,
  PredikatCodec,
  RATING_LEVELS,
  RatingLevelCodec,
} from '@kinerja/domain';

const SCALES = [
  ['rating level', RATING_LEVELS, RatingLevelCodec, ['di-bawah-ekspektasi', 'sesuai-ekspektasi', 'di-atas-ekspektasi']],
  ['predikat', PREDIKAT, PredikatCodec, ['sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang']],
  ['organisational result', ORGANISATIONAL_RESULTS, OrganisationalResultCodec, ['istimewa', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang']],
] as const;

describe('BR-02 three levels, five predikat, five organisational results', () => {
  it.each(SCALES)('the %s scale is exactly the one the rule names', (_what, values, _codec, expected) => {
    expect([...values]).toEqual([...expected]);
  });

  it.each(SCALES)('the %s codec accepts each value', (_what, values, codec) => {
    for (const v of values) expect(codec.decode(v)).toEqual({ _tag: 'Right', right: v });
  });

  it.each(SCALES)('the %s codec refuses anything else', (_what, values, codec) => {
    fc.assert(
      fc.property(fc.anything(), (u) => (values as ReadonlyArray<unknown>).includes(u) || isLeft(codec.decode(u))),
    );
    for (const near of ['Baik', 'BAIK', 'sangat baik', 'cukup', 'buruk', 'istimewa ', 'luar-biasa', '', 3])
      if (!(values as ReadonlyArray<unknown>).includes(near)) expect(isLeft(codec.decode(near))).toBe(true);
  });

  it('Cukup and Buruk of the older regimes are labels, not predikat: they map onto the five', () => {
    expect(isRight(PredikatCodec.decode('butuh-perbaikan'))).toBe(true);
    expect(isLeft(PredikatCodec.decode('cukup'))).toBe(true);
  });
});
