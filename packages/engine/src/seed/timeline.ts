/**
 * When things happen in the generated history: instants computed from the calendar and the seed, never from the
 * clock. Office work happens on working days (weekends and the national holidays and cuti bersama of the tenant's
 * calendar skipped; outside the years the calendar covers, weekends only) during office hours in the tenant's zone.
 */
import {
  addDays,
  INDONESIA_2025_2027,
  isWorkingDay,
  startOfLocalDay,
  weekdayOf,
  type LocalDate,
  type TimeZone,
} from '@kinerja/domain';
import type { Rng } from './random';

const pad = (n: number): string => String(n).padStart(2, '0');

export const localDate = (year: number, month: number, day: number): LocalDate => `${year}-${pad(month)}-${pad(day)}` as LocalDate;

const workingDayCache = new Map<LocalDate, boolean>();

/** Whether `date` is a working day in Indonesia (weekends only outside the holiday calendar's years). */
export const isOfficeDay = (date: LocalDate): boolean => {
  const cached = workingDayCache.get(date);
  if (cached !== undefined) return cached;
  const known = isWorkingDay(date, INDONESIA_2025_2027);
  const weekday = weekdayOf(date);
  const working = known._tag === 'Right' ? known.right : weekday !== 0 && weekday !== 6;
  workingDayCache.set(date, working);
  return working;
};

/** The first working day on or after `date`. */
export const workingDayFrom = (date: LocalDate): LocalDate => {
  let current = date;
  while (!isOfficeDay(current)) current = addDays(current, 1);
  return current;
};

/** The `n`-th working day after `date` (n ≥ 1; `date` itself is not counted). */
export const workingDaysAfter = (date: LocalDate, n: number): LocalDate => {
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isOfficeDay(current)) counted += 1;
  }
  return current;
};

const midnights = new Map<string, number>();

/** The instant of `hh:mm` local time on `date` in `zone`. */
export const instantAt = (date: LocalDate, hour: number, minute: number, zone: TimeZone): Date => {
  const key = `${zone} ${date}`;
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    midnight = startOfLocalDay(date, zone).getTime();
    midnights.set(key, midnight);
  }
  return new Date(midnight + (hour * 60 + minute) * 60_000);
};

/** A moment of office hours (08:00–15:59) on a working day within `spread` working days from `from`. */
export const officeMoment = (rng: Rng, from: LocalDate, spread: number, zone: TimeZone): Readonly<{ date: LocalDate; at: Date }> => {
  const first = workingDayFrom(from);
  const offset = spread <= 0 ? 0 : rng.int(0, spread);
  const date = offset === 0 ? first : workingDaysAfter(first, offset);
  return { date, at: instantAt(date, rng.int(8, 15), rng.int(0, 59), zone) };
};

/** `at` plus `minutes`: for the steps of one sitting (a plan's RHK and IKI typed in one after another). */
export const later = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/** The periods of a year a tenant evaluates: quarters (the default frequency) and the year. */
export type EvaluationPeriod = Readonly<{
  id: string;
  kind: 'periodic' | 'annual';
  start: LocalDate;
  /** The first day after the period. */
  end: LocalDate;
  /** 1-based months the period covers. */
  months: ReadonlyArray<number>;
}>;

/** The periodic periods of `year` under a frequency, then the annual one. */
export const periodsOf = (year: number, frequency: 'monthly' | 'quarterly' | 'semester', periodic: boolean): ReadonlyArray<EvaluationPeriod> => {
  const annual: EvaluationPeriod = {
    id: String(year),
    kind: 'annual',
    start: localDate(year, 1, 1),
    end: localDate(year + 1, 1, 1),
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  };
  if (!periodic) return [annual];
  const span = frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 6;
  const periods: EvaluationPeriod[] = [];
  for (let first = 1, n = 1; first <= 12; first += span, n++) {
    const months = Array.from({ length: span }, (_, i) => first + i);
    const id =
      frequency === 'monthly' ? `${year}-M${pad(first)}` : frequency === 'quarterly' ? `${year}-Q${n}` : `${year}-S${n}`;
    const end = first + span > 12 ? localDate(year + 1, 1, 1) : localDate(year, first + span, 1);
    periods.push({ id, kind: 'periodic', start: localDate(year, first, 1), end, months });
  }
  return [...periods, annual];
};
