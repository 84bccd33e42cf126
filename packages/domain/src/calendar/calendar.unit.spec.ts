import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import type { LocalDate } from '../core';
import {
  addDays,
  addWorkingDays,
  calendarDeadline,
  deadlineAfter,
  endOfLocalDay,
  INDONESIA_2025_2027,
  isPast,
  isWorkingDay,
  localDateOf,
  startOfLocalDay,
  TimeZone,
  weekdayOf,
  workingDayDeadline,
  type HolidayCalendar,
} from '.';

const WIB = 'Asia/Jakarta' as TimeZone;
const WITA = 'Asia/Makassar' as TimeZone;
const d = (s: string) => s as LocalDate;
const rightOf = <A>(e: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (e._tag === 'Left') throw new Error(JSON.stringify(e.left));
  return e.right;
};

describe('local time in a tenant zone', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isRight(TimeZone.decode('Asia/Makassar'))).toBe(true);
    expect(isRight(TimeZone.decode('Asia/Atlantis'))).toBe(false);
    expect(isRight(TimeZone.decode('WIB'))).toBe(false);
  });

  it('an instant falls on different local days in WIB and WITA', () => {
    // 16:30 UTC is 23:30 WIB (still 31 Jan) and 00:30 WITA (already 1 Feb).
    const instant = new Date('2025-01-31T16:30:00Z');
    expect(localDateOf(instant, WIB)).toBe('2025-01-31');
    expect(localDateOf(instant, WITA)).toBe('2025-02-01');
  });

  it('a local day starts at local midnight and ends at 23:59:59.999 local time', () => {
    expect(startOfLocalDay(d('2025-03-01'), WIB).toISOString()).toBe('2025-02-28T17:00:00.000Z');
    expect(endOfLocalDay(d('2025-03-01'), WIB).toISOString()).toBe('2025-03-01T16:59:59.999Z');
    expect(endOfLocalDay(d('2025-03-01'), WITA).toISOString()).toBe('2025-03-01T15:59:59.999Z');
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2025-03-01'), -1)).toBe('2025-02-28');
  });

  it('a 14-day deadline ends at the end of the 14th local day after the day of `from`', () => {
    const delivered = new Date('2025-01-31T16:30:00Z'); // 31 Jan in WIB, 1 Feb in WITA
    expect(calendarDeadline(delivered, 14, WIB).toISOString()).toBe('2025-02-14T16:59:59.999Z');
    expect(calendarDeadline(delivered, 14, WITA).toISOString()).toBe('2025-02-15T15:59:59.999Z');
  });

  it('property: the deadline is the last instant of its local day, and one millisecond later is the next day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01Z'), max: new Date('2040-01-01Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(WIB, WITA, 'Asia/Jayapura' as TimeZone),
        (from, days, zone) => {
          const deadline = calendarDeadline(from, days, zone);
          expect(localDateOf(deadline, zone)).toBe(addDays(localDateOf(from, zone), days));
          expect(localDateOf(new Date(deadline.getTime() + 1), zone)).toBe(addDays(localDateOf(from, zone), days + 1));
        },
      ),
    );
  });
});

describe('working days', () => {
  const calendar = INDONESIA_2025_2027;

  it('weekends and holidays are not working days', () => {
    expect(rightOf(isWorkingDay(d('2025-01-04'), calendar))).toBe(false); // Saturday
    expect(rightOf(isWorkingDay(d('2025-01-05'), calendar))).toBe(false); // Sunday
    expect(rightOf(isWorkingDay(d('2025-01-01'), calendar))).toBe(false); // Tahun Baru, a Wednesday
    expect(rightOf(isWorkingDay(d('2025-04-02'), calendar))).toBe(false); // cuti bersama Idul Fitri
    expect(rightOf(isWorkingDay(d('2025-01-02'), calendar))).toBe(true);
  });

  it('the shipped holidays fall on the days they name, and no date is listed twice', () => {
    const dates = calendar.holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) expect(date.slice(0, 4) >= '2025' && date.slice(0, 4) <= '2027').toBe(true);
  });

  it('counts from the day after, skipping weekends: Friday + 1 working day is Monday', () => {
    expect(rightOf(addWorkingDays(d('2025-01-10'), 1, calendar))).toBe('2025-01-13');
  });

  it('skips the Idul Fitri 2025 holidays and cuti bersama', () => {
    // Thu 27 Mar 2025; 28 Mar cuti, 29–30 weekend, 31 Mar–1 Apr Idul Fitri, 2–4 Apr cuti, 5–6 weekend, 7 Apr cuti.
    expect(rightOf(addWorkingDays(d('2025-03-27'), 1, calendar))).toBe('2025-04-08');
  });

  it('14 working days from a Monday without holidays end on the Friday of the third week', () => {
    expect(rightOf(addWorkingDays(d('2025-10-06'), 14, calendar))).toBe('2025-10-24');
  });

  it('refuses to count beyond the years the calendar covers', () => {
    expect(addWorkingDays(d('2027-12-20'), 14, calendar)).toEqual({
      _tag: 'Left',
      left: { _tag: 'CalendarNotCovering', calendar: calendar.id, date: '2028-01-01' },
    });
  });

  it('the working-day deadline ends at the end of the last working day in the tenant zone', () => {
    const received = new Date('2025-10-06T03:00:00Z');
    expect(rightOf(workingDayDeadline(received, 14, WIB, calendar)).toISOString()).toBe('2025-10-24T16:59:59.999Z');
    expect(rightOf(workingDayDeadline(received, 14, WITA, calendar)).toISOString()).toBe('2025-10-24T15:59:59.999Z');
  });

  it('property: the n-th working day is a working day, and exactly n working days lie after the start up to it', () => {
    const noHolidays: HolidayCalendar = { ...calendar, holidays: [] };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * 365 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(calendar, noHolidays),
        (offset, n, cal) => {
          const start = addDays(d('2025-01-01'), offset);
          const last = rightOf(addWorkingDays(start, n, cal));
          expect(rightOf(isWorkingDay(last, cal))).toBe(true);
          let count = 0;
          for (let day = addDays(start, 1); day <= last; day = addDays(day, 1)) if (rightOf(isWorkingDay(day, cal))) count++;
          expect(count).toBe(n);
          if (cal === noHolidays) expect([1, 2, 3, 4, 5]).toContain(weekdayOf(last));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('deadlines of the law in a tenant calendar', () => {
  const surabaya = { timeZone: WIB, holidays: INDONESIA_2025_2027 };
  const samarinda = { timeZone: WITA, holidays: INDONESIA_2025_2027 };

  it('14 calendar days and 14 working days from the same instant, recorded with the calendar they came from', () => {
    const from = new Date('2025-03-20T02:00:00Z'); // Thursday 20 March 2025, before Nyepi and Idul Fitri
    expect(rightOf(deadlineAfter(from, { days: 14, kind: 'calendar' }, surabaya))).toEqual({
      endsAt: new Date('2025-04-03T16:59:59.999Z'),
      days: 14,
      kind: 'calendar',
      calendar: INDONESIA_2025_2027.id,
      timeZone: WIB,
    });
    // Working days after 20 Mar: 21, 24, 25, 26, 27 (28 cuti), then 8–11, 14–17 Apr (13th), 18 Good Friday → 14th is Mon 21 Apr.
    expect(rightOf(deadlineAfter(from, { days: 14, kind: 'working' }, surabaya)).endsAt).toEqual(new Date('2025-04-21T16:59:59.999Z'));
  });

  it('near midnight the same instant gives different deadlines in WIB and WITA', () => {
    const from = new Date('2025-10-09T16:30:00Z'); // Thursday 23:30 WIB, Friday 00:30 WITA
    expect(rightOf(deadlineAfter(from, { days: 1, kind: 'working' }, surabaya)).endsAt).toEqual(new Date('2025-10-10T16:59:59.999Z'));
    expect(rightOf(deadlineAfter(from, { days: 1, kind: 'working' }, samarinda)).endsAt).toEqual(new Date('2025-10-13T15:59:59.999Z'));
  });

  it('a deadline is met up to its last millisecond', () => {
    const deadline = rightOf(deadlineAfter(new Date('2025-10-06T03:00:00Z'), { days: 14, kind: 'calendar' }, surabaya));
    expect(isPast(deadline, deadline.endsAt)).toBe(false);
    expect(isPast(deadline, new Date(deadline.endsAt.getTime() + 1))).toBe(true);
  });
});

describe('localDateOf agrees with the runtime time-zone data for any instant (offsets cached per quarter hour)', () => {
  const reference = (instant: Date, zone: string): string => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
  it('in the Indonesian zones, UTC, and zones with daylight saving and quarter-hour offsets', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms);
        expect(localDateOf(instant, zone as TimeZone)).toBe(reference(instant, zone));
      }),
      { numRuns: 2_000 },
    );
  });
});
