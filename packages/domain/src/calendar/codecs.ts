/**
 * Codecs for the calendar values that commands and events carry: the tenant calendar a command brings
 * (engine-filled), a period of the law, and the deadline an event records. Built once per object kind (strict for
 * commands, stripping for stored events) by `calendarShapes`.
 */
import * as t from 'io-ts';
import { HOLIDAY_KINDS, type HolidayCalendar } from './holidays';
import { TimeZone } from './local-time';
import { DAY_COUNTS, type Period, type RecordedDeadline, type TenantCalendar } from './tenant-calendar';
import { Instant, literals, LocalDate, strictObject, strippingObject, text, wholeNumber, type ObjectCodec } from '../core';

export const DayCountCodec = literals('DayCount', DAY_COUNTS);
export const HolidayKindCodec = literals('HolidayKind', HOLIDAY_KINDS);

export const calendarShapes = (object: ObjectCodec) => {
  const holidays: t.Type<HolidayCalendar, unknown, unknown> = object('HolidayCalendar', {
    id: text(100),
    note: t.string,
    fromYear: wholeNumber('Year', 1900, 9999),
    toYear: wholeNumber('Year', 1900, 9999),
    holidays: t.readonlyArray(object('Holiday', { date: LocalDate, name: text(200), kind: HolidayKindCodec })),
  });
  const calendar: t.Type<TenantCalendar, unknown, unknown> = object('TenantCalendar', { timeZone: TimeZone, holidays });
  const period: t.Type<Period, unknown, unknown> = object('Period', { days: wholeNumber('Days', 1), kind: DayCountCodec });
  const deadline: t.Type<RecordedDeadline, unknown, unknown> = object('RecordedDeadline', {
    endsAt: Instant,
    days: wholeNumber('Days', 1),
    kind: DayCountCodec,
    calendar: text(100),
    timeZone: TimeZone,
  });
  return { calendar, period, deadline };
};

/** A tenant's calendar as the engine puts it in a command (strict), and a deadline as an event records it (stripping). */
export const TenantCalendarCodec: t.Type<TenantCalendar, unknown, unknown> = calendarShapes(strictObject).calendar;
export const RecordedDeadlineCodec: t.Type<RecordedDeadline, unknown, unknown> = calendarShapes(strippingObject).deadline;
