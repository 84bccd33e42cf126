/**
 * Codecs for the calendar values commands and events of the discipline case and the absence records carry: the
 * tenant calendar a command brings (engine-filled) and the deadline an event records. The calendar module has no
 * codecs of its own yet; if it gets some, these should go there.
 */
import * as t from 'io-ts';
import {
  DAY_COUNTS,
  HOLIDAY_KINDS,
  TimeZone,
  type HolidayCalendar,
  type Period,
  type RecordedDeadline,
  type TenantCalendar,
} from '../calendar';
import { Instant, literals, LocalDate, text, wholeNumber, type ObjectCodec } from '../core';

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
