/**
 * Local time in a tenant's time zone (DOMAIN.md §3, "Days"): which local day an instant falls on, calendar-day
 * arithmetic, and deadlines that end at 23:59:59.999 local time of their last day.
 *
 * Time zones are IANA names (`Asia/Jakarta` for WIB, `Asia/Makassar` for WITA, `Asia/Jayapura` for WIT). The
 * zone rules come from the JavaScript runtime's `Intl` data: deterministic for a given runtime, no I/O. Working
 * days and holiday calendars build on this (see the calendars of the objections issue).
 */
import { brandedString, type LocalDate } from '../core';
import type * as t from 'io-ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
};

const isKnownZone = (zone: string): boolean => {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone name that this runtime knows, e.g. `Asia/Jakarta`. */
export const TimeZone = brandedString('TimeZone', (s) =>
  isKnownZone(s) ? undefined : `TimeZone must be an IANA time zone such as Asia/Jakarta, got ${JSON.stringify(s)}`,
);
export type TimeZone = t.TypeOf<typeof TimeZone>;

type Wall = Readonly<{ year: number; month: number; day: number; hour: number; minute: number; second: number }>;

/** The wall clock of `zone` at `instant`, read from the runtime's time-zone data (Intl). */
const wallClockOfIntl = (instant: Date, zone: TimeZone): Wall => {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
};

/**
 * Offsets are looked up once per zone and quarter of an hour: zones change their offset only at whole quarters
 * of an hour (DST and legislated changes happen at :00, :30 or :45), so within one quarter the offset is that of
 * its first instant. Reading Intl for every instant cost more than a whole decision on the complaint path.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_CACHED_OFFSETS = 10_000;
const offsets = new Map<string, number>();

/** The zone's offset from UTC at `instant`, in milliseconds (WIB: +7 h). */
const offsetAt = (instant: Date, zone: TimeZone): number => {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const key = `${zone} ${quarter}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const start = new Date(quarter * QUARTER_HOUR_MS);
  const w = wallClockOfIntl(start, zone);
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start.getTime();
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
};

const wallClock = (instant: Date, zone: TimeZone): Wall => {
  const local = new Date(instant.getTime() + offsetAt(instant, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const parseLocalDate = (date: LocalDate): Readonly<{ year: number; month: number; day: number }> => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

/** The local day `instant` falls on in `zone`: 2025-01-31T17:30Z is 2025-02-01 in WIB and in WITA, 2025-01-31 in UTC. */
export const localDateOf = (instant: Date, zone: TimeZone): LocalDate => {
  const w = wallClock(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}` as LocalDate;
};

/** `date` plus `days` calendar days (negative goes back). */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` as LocalDate;
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `date` plus `months` calendar months: the same day of the month, or the last day of the target month when it is
 * shorter (31 Aug 2025 + 6 = 28 Feb 2026; 29 Feb 2024 + 12 = 28 Feb 2025).
 */
export const addCalendarMonths = (date: LocalDate, months: number): LocalDate => {
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInMonth(y, m)), 2)}` as LocalDate;
};

/** The first instant of `date` in `zone` (local midnight). */
export const startOfLocalDay = (date: LocalDate, zone: TimeZone): Date => {
  const { year, month, day } = parseLocalDate(date);
  const wallAsUtc = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even on a day whose offset changes (not in Indonesia, but in IANA in general).
  const first = wallAsUtc - offsetAt(new Date(wallAsUtc), zone);
  return new Date(wallAsUtc - offsetAt(new Date(first), zone));
};

/** The last instant of `date` in `zone`: 23:59:59.999 local time, when a deadline on that day ends. */
export const endOfLocalDay = (date: LocalDate, zone: TimeZone): Date =>
  new Date(startOfLocalDay(addDays(date, 1), zone).getTime() - 1);

/**
 * A deadline `days` calendar days after the local day of `from`: it ends at the end of that local day. Filed on
 * day 14 is in time, on day 15 late (BR-10 with the default calendar-day policy).
 */
export const calendarDeadline = (from: Date, days: number, zone: TimeZone): Date =>
  endOfLocalDay(addDays(localDateOf(from, zone), days), zone);
