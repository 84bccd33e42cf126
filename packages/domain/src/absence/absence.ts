/**
 * Absence records (presensi) of one employee for one calendar year: the working days they were absent, excused or
 * not. The unexcused ones feed the discipline rules BR-15 (cumulative per year) and BR-16 (consecutive working
 * days) through the process manager in `process.ts`.
 *
 * Each record is decided with the tenant's holiday calendar (engine-filled), which is also what the counts are
 * computed with: `AbsenceRecorded` carries the unexcused days of the year and the longest run of consecutive working
 * days after it, and the run before it, so that neither `evolve` nor the process manager needs the calendar again.
 * A run that crosses the new year is not joined across the two streams (a known limit, see docs/discipline.md).
 */
import type { Event, LocalDate, Nip, TenantId } from '../core';

/** One stream per employee and year, category first: `absensi-<tenant>.<nip>.<yyyy>`. */
export const absenceStreamId = (tenant: TenantId, employee: Nip, year: number): string =>
  `absensi-${tenant}.${employee}.${String(year).padStart(4, '0')}`;

export type AbsenceRecorded = Event<
  'AbsenceRecorded',
  Readonly<{
    employee: Nip;
    year: number;
    date: LocalDate;
    excused: boolean;
    reason?: string;
    /** After this record: unexcused working days in the year (BR-15). */
    unexcusedDays: number;
    /** After this record: the longest run of consecutive unexcused working days, and its last day (BR-16). */
    longestRun: number;
    longestRunEnd: LocalDate | null;
    /** Before this record. */
    previousLongestRun: number;
    /** The holiday calendar the working days were counted in. */
    calendar: string;
    recordedBy: Nip;
    at: Date;
  }>
>;

export type AbsenceEvent = AbsenceRecorded;

export type AbsenceEntry = Readonly<{ date: LocalDate; excused: boolean }>;

export type EmptyAbsenceYear = Readonly<{ status: 'empty' }>;
export type RecordingAbsenceYear = Readonly<{
  status: 'recording';
  employee: Nip;
  year: number;
  /** Every record, oldest date first. */
  entries: ReadonlyArray<AbsenceEntry>;
  /** The unexcused dates, oldest first. */
  unexcused: ReadonlyArray<LocalDate>;
  longestRun: number;
  longestRunEnd: LocalDate | null;
}>;
export type AbsenceState = EmptyAbsenceYear | RecordingAbsenceYear;

export const initialState = (): AbsenceState => ({ status: 'empty' });

const byDate = (a: AbsenceEntry, b: AbsenceEntry): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Total and quiet: a record of another employee or year, or of a date already recorded, changes nothing. */
export const evolve = (state: AbsenceState, event: AbsenceEvent): AbsenceState => {
  const { employee, year, date, excused } = event.data;
  if (state.status === 'recording' && (state.employee !== employee || state.year !== year)) return state;
  const entries = state.status === 'empty' ? [] : state.entries;
  if (entries.some((e) => e.date === date)) return state;
  const nextEntries = [...entries, { date, excused }].sort(byDate);
  return {
    status: 'recording',
    employee,
    year,
    entries: nextEntries,
    unexcused: nextEntries.filter((e) => !e.excused).map((e) => e.date),
    longestRun: event.data.longestRun,
    longestRunEnd: event.data.longestRunEnd,
  };
};
