/**
 * The complaint's identifiers. Both are derived by the engine from the filing's command id (`complaintIdentityOf`
 * over a hex digest of it), so a retried filing with the same Idempotency-Key names the same complaint and gets
 * the same tracking code back.
 */
import * as t from 'io-ts';
import { brandedString, withJsonSchema } from '../core';

/** A complaint, e.g. `adu-3f9a1c2b7d4e`: 3-64 lowercase letters, digits or '-', no '.' (it is part of a stream id). */
export const ComplaintId = brandedString('ComplaintId', (s) =>
  /^[a-z0-9][a-z0-9-]{2,63}$/.test(s)
    ? undefined
    : `ComplaintId must be 3-64 lowercase letters, digits or '-', starting with a letter or digit, got ${JSON.stringify(s)}`,
);
export type ComplaintId = t.TypeOf<typeof ComplaintId>;

/** Crockford's base-32 alphabet: no I, L, O or U, so a code read over the phone is not misheard. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export const trackingCodeProblem = (s: string): string | undefined =>
  TRACKING_CODE.test(s)
    ? undefined
    : `tracking code must be three groups of four characters of 0-9 and A-Z without I, L, O, U (e.g. 7K3M-Q9XD-2HRT), got ${JSON.stringify(s)}`;

type TrackingCodeBrand = { readonly TrackingCode: unique symbol };
/** The code the citizen gets back when filing, `XXXX-XXXX-XXXX` (60 bits): it lets them reopen or rate the complaint. */
export type TrackingCode = string & t.Brand<TrackingCodeBrand>;

/** Decodes a tracking code, accepting lower case and surrounding spaces (as a citizen may type it) and upper-casing it. */
export const TrackingCode = withJsonSchema(
  new t.Type<TrackingCode, string, unknown>(
  'TrackingCode',
  (u): u is TrackingCode => typeof u === 'string' && trackingCodeProblem(u) === undefined,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'tracking code must be a string');
    const normal = u.trim().toUpperCase();
    const problem = trackingCodeProblem(normal);
    return problem === undefined ? t.success(normal as TrackingCode) : t.failure(u, c, problem);
  },
  (a) => a,
  ),
  {
    type: 'string',
    description: 'The tracking code the filing returned, XXXX-XXXX-XXXX (case and surrounding spaces do not matter)',
    pattern: '^\\s*[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}\\s*$',
  },
);

/**
 * The complaint id and tracking code from a hex digest of the filing's command id (at least 30 hex digits, e.g. a
 * SHA-256): the id from the first 12 digits, the code from the next 15 (60 bits), so knowing the id (which read
 * models show) tells nothing about the code. Undefined when `hex` is too short or not hex.
 */
export const complaintIdentityOf = (hex: string): Readonly<{ complaint: ComplaintId; trackingCode: TrackingCode }> | undefined => {
  if (!/^[0-9a-f]{27,}$/i.test(hex)) return undefined;
  const lower = hex.toLowerCase();
  let bits = BigInt(`0x${lower.slice(12, 27)}`);
  let code = '';
  for (let i = 0; i < 12; i++) {
    code = (CROCKFORD[Number(bits & 31n)] ?? '0') + code;
    bits >>= 5n;
  }
  return {
    complaint: `adu-${lower.slice(0, 12)}` as ComplaintId,
    trackingCode: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}` as TrackingCode,
  };
};
