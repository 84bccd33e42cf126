/**
 * The absence rules of PP 94/2021 as pure functions (DOMAIN.md BR-15, BR-16).
 *
 * BR-15: unexcused absence from work (tidak masuk kerja tanpa alasan yang sah), counted in working days and
 * cumulatively over a calendar year, gives a sanction by band:
 *
 * | days    | sanction                            | PP 94/2021 |
 * |---------|-------------------------------------|------------|
 * | 3       | teguran lisan                       | Ps 9       |
 * | 4–6     | teguran tertulis                    | Ps 9       |
 * | 7–10    | pernyataan tidak puas secara tertulis | Ps 9     |
 * | 11–13   | 25% tunjangan kinerja cut, 6 months | Ps 10      |
 * | 14–16   | 25% cut, 9 months                   | Ps 10      |
 * | 17–20   | 25% cut, 12 months                  | Ps 10      |
 * | 21–24   | demotion one level, 12 months       | Ps 11      |
 * | 25–27   | release to pelaksana, 12 months     | Ps 11      |
 * | ≥ 28    | dismissal with honour not at own request | Ps 11 |
 *
 * BR-16: 10 consecutive working days of unexcused absence give a dismissal proposal, and the salary stops from the
 * next month. A weekend or a holiday between two absences does not break the run (it is not a working day); a
 * working day without a recorded unexcused absence does (the employee was at work, or excused).
 */
import { right, type Either } from 'fp-ts/Either';
import { addWorkingDays, isWorkingDay, type CalendarNotCovering, type HolidayCalendar } from '../calendar';
import type { LocalDate } from '../core';
import type { Sanction } from '../discipline/sanctions';

export type AbsenceBand = Readonly<{
  /** The first and last count of the band; `to` null: and above. */
  from: number;
  to: number | null;
  sanction: Sanction;
  article: string;
}>;

const DISMISSAL: Sanction = { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' };

/** BR-15, exactly as the regulation states it. */
export const BR_15_BANDS: ReadonlyArray<AbsenceBand> = [
  { from: 3, to: 3, sanction: { type: 'teguran-lisan' }, article: 'PP 94/2021 Ps 9' },
  { from: 4, to: 6, sanction: { type: 'teguran-tertulis' }, article: 'PP 94/2021 Ps 9' },
  { from: 7, to: 10, sanction: { type: 'pernyataan-tidak-puas' }, article: 'PP 94/2021 Ps 9' },
  { from: 11, to: 13, sanction: { type: 'potongan-tukin-25', months: 6 }, article: 'PP 94/2021 Ps 10' },
  { from: 14, to: 16, sanction: { type: 'potongan-tukin-25', months: 9 }, article: 'PP 94/2021 Ps 10' },
  { from: 17, to: 20, sanction: { type: 'potongan-tukin-25', months: 12 }, article: 'PP 94/2021 Ps 10' },
  { from: 21, to: 24, sanction: { type: 'penurunan-jabatan-12-bulan' }, article: 'PP 94/2021 Ps 11' },
  { from: 25, to: 27, sanction: { type: 'pembebasan-jabatan-12-bulan' }, article: 'PP 94/2021 Ps 11' },
  { from: 28, to: null, sanction: DISMISSAL, article: 'PP 94/2021 Ps 11' },
];

/** The counts at which a new BR-15 band starts: each is a threshold the process manager reports once. */
export const BR_15_THRESHOLDS: ReadonlyArray<number> = BR_15_BANDS.map((b) => b.from);

/** BR-16: this many consecutive working days of unexcused absence give a dismissal proposal. */
export const BR_16_CONSECUTIVE_DAYS = 10;
export const BR_16_SANCTION: Sanction = DISMISSAL;
export const BR_16_ARTICLE = 'PP 94/2021 Ps 11';

/** The BR-15 band `count` unexcused days of a year fall in; undefined below 3. */
export const cumulativeBand = (count: number): AbsenceBand | undefined =>
  BR_15_BANDS.find((band) => count >= band.from && (band.to === null || count <= band.to));

/** BR-15: the sanction for `count` unexcused working days in a calendar year; undefined below 3. */
export const cumulativeSanction = (count: number): Sanction | undefined => cumulativeBand(count)?.sanction;

/** The longest run of consecutive working days, and its last day (the earliest such run on a tie; null: no run). */
export type WorkingDayRun = Readonly<{ length: number; end: LocalDate | null }>;

/**
 * BR-16: the longest run of `dates` on consecutive working days of `calendar`, with its last day. Dates that are
 * not working days (a weekend, a holiday) count for nothing and break nothing; duplicates count once.
 */
export const longestWorkingDayRun = (
  dates: ReadonlyArray<LocalDate>,
  calendar: HolidayCalendar,
): Either<CalendarNotCovering, WorkingDayRun> => {
  const working: LocalDate[] = [];
  for (const date of [...new Set(dates)].sort()) {
    const isWorking = isWorkingDay(date, calendar);
    if (isWorking._tag === 'Left') return isWorking;
    if (isWorking.right) working.push(date);
  }
  let longest: WorkingDayRun = { length: 0, end: null };
  let run = 0;
  let previous: LocalDate | undefined;
  for (const date of working) {
    if (previous === undefined) run = 1;
    else {
      const next = addWorkingDays(previous, 1, calendar);
      if (next._tag === 'Left') return next;
      run = next.right === date ? run + 1 : 1;
    }
    if (run > longest.length) longest = { length: run, end: date };
    previous = date;
  }
  return right(longest);
};

/** BR-16: the length of the longest run of `dates` on consecutive working days of `calendar`. */
export const longestConsecutiveWorkingDays = (
  dates: ReadonlyArray<LocalDate>,
  calendar: HolidayCalendar,
): Either<CalendarNotCovering, number> => {
  const run = longestWorkingDayRun(dates, calendar);
  return run._tag === 'Left' ? run : right(run.right.length);
};

/** BR-16: "salary stops from the next month": the first day of the month after `date`. */
export const salaryStopsFrom = (date: LocalDate): LocalDate => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01` as LocalDate;
};

