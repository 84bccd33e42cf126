/**
 * Working days (hari kerja): Monday to Friday, except the holidays of the tenant's calendar (DOMAIN.md §3).
 * "Within N working days of X" counts from the first working day after X's local date: the deadline is the end
 * (23:59:59.999 local time) of the N-th working day after it.
 */
import { left, right, type Either } from 'fp-ts/Either';
import type { LocalDate } from '../core';
import type { HolidayCalendar } from './holidays';
import { addDays, endOfLocalDay, localDateOf, type TimeZone } from './local-time';

/** The calendar does not cover a day that the count needed: no guess is made. */
export type CalendarNotCovering = Readonly<{ _tag: 'CalendarNotCovering'; calendar: string; date: LocalDate }>;

const holidaySets = new WeakMap<HolidayCalendar, ReadonlySet<string>>();

const holidaysOf = (calendar: HolidayCalendar): ReadonlySet<string> => {
  let set = holidaySets.get(calendar);
  if (set === undefined) {
    set = new Set(calendar.holidays.map((h) => h.date));
    holidaySets.set(calendar, set);
  }
  return set;
};

/** 0 = Sunday … 6 = Saturday, for a calendar date (no time zone involved). */
export const weekdayOf = (date: LocalDate): number =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();

const covers = (calendar: HolidayCalendar, date: LocalDate): boolean => {
  const year = Number(date.slice(0, 4));
  return year >= calendar.fromYear && year <= calendar.toYear;
};

export const isWorkingDay = (date: LocalDate, calendar: HolidayCalendar): Either<CalendarNotCovering, boolean> => {
  if (!covers(calendar, date)) return left({ _tag: 'CalendarNotCovering', calendar: calendar.id, date });
  const weekday = weekdayOf(date);
  return right(weekday !== 0 && weekday !== 6 && !holidaysOf(calendar).has(date));
}

/** The `n`-th working day after `date` (n ≥ 1); `date` itself is never counted. */
export const addWorkingDays = (
  date: LocalDate,
  n: number,
  calendar: HolidayCalendar,
): Either<CalendarNotCovering, LocalDate> => {
  let current = date;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, 1);
    const working = isWorkingDay(current, calendar);
    if (working._tag === 'Left') return working;
    if (working.right) counted += 1;
  }
  return right(current);
};

/** The end of the `n`-th working day after the local day of `from`, in `zone`. */
export const workingDayDeadline = (
  from: Date,
  n: number,
  zone: TimeZone,
  calendar: HolidayCalendar,
): Either<CalendarNotCovering, Date> => {
  const last = addWorkingDays(localDateOf(from, zone), n, calendar);
  return last._tag === 'Left' ? last : right(endOfLocalDay(last.right, zone));
};
