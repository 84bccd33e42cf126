/**
 * Time on the wire and inside. Inside the domain an instant is a `Date`; on the wire it is an ISO-8601 string
 * with an explicit offset (`Z` or `+07:00`), so a time never depends on the reader's zone. A calendar date
 * that the law states as a day (an appointment's effective date, TMT) is a `LocalDate`, `yyyy-mm-dd`.
 */
import * as t from 'io-ts';
import { brandedString } from './ids';
import { withJsonSchema } from './json-schema';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

const validDate = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

export const instantProblem = (s: string): string | undefined => {
  const m = ISO_INSTANT.exec(s);
  if (m === null) return `expected an ISO-8601 date-time with offset (e.g. 2025-01-31T08:00:00+07:00), got ${JSON.stringify(s)}`;
  const [, y, mo, d, h, mi, sec, , oh, om] = m;
  if (!validDate(Number(y), Number(mo), Number(d))) return `${JSON.stringify(s)} names a day that does not exist`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return `${JSON.stringify(s)} has an invalid time of day`;
  if (oh !== undefined && (Number(oh) > 14 || Number(om) > 59)) return `${JSON.stringify(s)} has an invalid offset`;
  return undefined;
};

/** `Date` inside, ISO-8601 with offset on the wire (encoded in UTC, `Z`). */
export const Instant = withJsonSchema(new t.Type<Date, string, unknown>(
  'Instant',
  (u): u is Date => u instanceof Date && !Number.isNaN(u.getTime()),
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'expected an ISO-8601 date-time string with offset');
    const problem = instantProblem(u);
    return problem === undefined ? t.success(new Date(u)) : t.failure(u, c, problem);
  },
  (d) => d.toISOString(),
), {
  // Not `format: date-time`: RFC 3339 requires seconds, which an Instant may leave out.
  title: 'Instant',
  type: 'string',
  description: 'ISO-8601 date-time with an explicit offset (Z or +07:00)',
  pattern: ISO_INSTANT.source,
  examples: ['2025-01-31T08:00:00+07:00'],
});

/** A calendar day, `yyyy-mm-dd`; compares correctly as a string. */
export const LocalDate = withJsonSchema(
  brandedString('LocalDate', (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m === null) return `expected a date yyyy-mm-dd, got ${JSON.stringify(s)}`;
    return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ? undefined : `${JSON.stringify(s)} is not a day that exists`;
  }),
  { title: 'LocalDate', type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2025-01-06'] },
);
export type LocalDate = t.TypeOf<typeof LocalDate>;
