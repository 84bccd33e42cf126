/** Test support for the absence records: commands, a runner, and working days of 2025 to fill a year with. */
import { isLeft } from 'fp-ts/Either';
import { addWorkingDays, INDONESIA_2025_2027, type TenantCalendar, type TimeZone } from '../calendar';
import type { CommandMetadata, LocalDate, Nip } from '../core';
import type { AbsenceEvent, AbsenceState } from './absence';
import { absenceDecider, type RecordAbsence } from './decide';

export const EMPLOYEE = '199001012015031001' as Nip;
export const OPERATOR = '199501012020121008' as Nip;
export const SYSTEM = '200001012024011009' as Nip;
export const SURABAYA: TenantCalendar = { timeZone: 'Asia/Jakarta' as TimeZone, holidays: INDONESIA_2025_2027 };

export const d = (s: string): LocalDate => s as LocalDate;
export const system = (now: Date = new Date('2025-12-31T12:00:00+07:00')): CommandMetadata => ({
  now,
  actor: { nip: SYSTEM, role: 'sistem' },
});

export const recordAbsence = (
  date: LocalDate,
  excused = false,
  metadata: CommandMetadata = system(),
  calendar: TenantCalendar = SURABAYA,
): RecordAbsence => ({ type: 'RecordAbsence', data: { employee: EMPLOYEE, date, excused, calendar }, metadata });

export const stateOfAbsences = (events: ReadonlyArray<AbsenceEvent>): AbsenceState =>
  events.reduce(absenceDecider.evolve, absenceDecider.initialState());

/** Records each absence in turn; a refusal throws. Returns every event. */
export const recordAll = (
  commands: ReadonlyArray<RecordAbsence>,
  from: ReadonlyArray<AbsenceEvent> = [],
): ReadonlyArray<AbsenceEvent> => {
  const events = [...from];
  for (const command of commands) {
    const result = absenceDecider.decide(command, stateOfAbsences(events));
    if (isLeft(result)) throw new Error(`${command.data.date} refused: ${JSON.stringify(result.left)}`);
    events.push(...result.right);
  }
  return events;
};

/** `n` working days of 2025, `gap` working days apart (gap 1: consecutive), from the first working day after `after`. */
export const workingDays = (n: number, gap = 2, after: LocalDate = d('2025-01-01')): ReadonlyArray<LocalDate> => {
  const days: LocalDate[] = [];
  let current = after;
  for (let i = 0; i < n; i++) {
    const next = addWorkingDays(current, i === 0 ? 1 : gap, INDONESIA_2025_2027);
    if (isLeft(next)) throw new Error(JSON.stringify(next.left));
    current = next.right;
    days.push(current);
  }
  return days;
};
