/** Parsers for option and argument values: a bad value is a usage error (exit 2) naming the option. */
import { InvalidArgumentError } from 'commander';
import { isLeft } from 'fp-ts/Either';
import type { Decoder } from 'io-ts';
import { describeErrors } from '@kinerja/domain';

/** A whole number ≥ `min`. */
export const wholeNumber =
  (min: number) =>
  (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number ≥ ${min}, got "${value}"`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}, got "${value}"`);
    return n;
  };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// An instant must say its offset (Z or ±hh:mm): "2025-06-30T10:00" alone would depend on the machine's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant for `--as-of`: `now`, an ISO-8601 instant with its offset (`2025-06-30T17:00:00+07:00`,
 * `2025-06-30T10:00:00Z`), or a date alone, meaning the end of that day in UTC (`2025-06-30` =
 * `2025-06-30T23:59:59.999Z`).
 */
export const instant =
  (now: () => Date = () => new Date()) =>
  (value: string): Date => {
    const text = value.trim();
    if (text === 'now') return now();
    const date = DATE_ONLY.test(text) ? new Date(`${text}T23:59:59.999Z`) : INSTANT.test(text) ? new Date(text) : undefined;
    // JavaScript rolls 30 February over to 2 March; a calendar date must name a real day.
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    const realDay = day !== null && date !== undefined && new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))).getUTCDate() === Number(day[3]);
    if (date === undefined || Number.isNaN(date.getTime()) || !realDay)
      throw new InvalidArgumentError(
        `expected an instant such as 2025-06-30T17:00:00+07:00, 2025-06-30T10:00:00Z, 2025-06-30 (end of that day, UTC) or now; got "${value}"`,
      );
    return date;
  };

/** Decodes an option's value with a domain codec; the codec's own message when it fails (a usage error). */
export const decoded =
  <A>(codec: Decoder<unknown, A>) =>
  (value: string): A => {
    const result = codec.decode(value);
    if (isLeft(result)) throw new InvalidArgumentError(describeErrors(result.left).map((p) => p.message).join('; '));
    return result.right;
  };
