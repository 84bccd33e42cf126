/**
 * A tenant's calendar: its time zone and its holiday calendar. Deadlines of the law are stated in calendar days
 * or working days; `deadlineAfter` computes either, ending at 23:59:59.999 local time of the last day.
 *
 * Deciders get the calendar in the command (filled in by the engine from the tenant's settings), compute the
 * deadline once and record it, with the calendar's id, in the event: a replay never needs the calendar again,
 * and a later change of the holiday list never moves a recorded deadline.
 */
import { right, type Either } from 'fp-ts/Either';
import type { HolidayCalendar } from './holidays';
import { calendarDeadline, type TimeZone } from './local-time';
import { workingDayDeadline, type CalendarNotCovering } from './working-days';

export type TenantCalendar = Readonly<{ timeZone: TimeZone; holidays: HolidayCalendar }>;

export const DAY_COUNTS = ['calendar', 'working'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

/** A period of the law: `days` calendar days or working days. */
export type Period = Readonly<{ days: number; kind: DayCount }>;

/** A deadline as recorded in an event: when it ends, and what it was computed from. */
export type RecordedDeadline = Readonly<{ endsAt: Date; days: number; kind: DayCount; calendar: string; timeZone: TimeZone }>;

/** The end of the `period` that starts the day after the local day of `from`. */
export const deadlineAfter = (
  from: Date,
  period: Period,
  calendar: TenantCalendar,
): Either<CalendarNotCovering, RecordedDeadline> => {
  const endsAt =
    period.kind === 'calendar'
      ? right(calendarDeadline(from, period.days, calendar.timeZone))
      : workingDayDeadline(from, period.days, calendar.timeZone, calendar.holidays);
  return endsAt._tag === 'Left'
    ? endsAt
    : right({
        endsAt: endsAt.right,
        days: period.days,
        kind: period.kind,
        calendar: calendar.holidays.id,
        timeZone: calendar.timeZone,
      });
};

/** A deadline is met by anything up to and including its last millisecond. */
export const isPast = (deadline: Readonly<{ endsAt: Date }>, now: Date): boolean => now.getTime() > deadline.endsAt.getTime();
