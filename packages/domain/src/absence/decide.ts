/**
 * What the absence records decide: one command, `RecordAbsence`, by an operator or the system (the attendance
 * system's import). The engine adds the tenant calendar: absences are working days, counted in the tenant's zone.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { isWorkingDay, localDateOf, type TenantCalendar } from '../calendar';
import type { Command, Decider, LocalDate, Nip } from '../core';
import { longestWorkingDayRun } from './rules';
import { evolve, initialState, type AbsenceEvent, type AbsenceState } from './absence';
import type { AbsenceError } from './errors';

export type RecordAbsenceRequest = Readonly<{ employee: Nip; date: LocalDate; excused: boolean; reason?: string }>;
export type RecordAbsence = Command<'RecordAbsence', RecordAbsenceRequest & Readonly<{ calendar: TenantCalendar }>>;

export type AbsenceCommand = RecordAbsence;

type Decision = Either<AbsenceError, ReadonlyArray<AbsenceEvent>>;

const recordAbsence = ({ data, metadata }: RecordAbsence, state: AbsenceState): Decision => {
  const { nip, role } = metadata.actor;
  if (role !== 'operator' && role !== 'sistem') return left({ _tag: 'NotSystemOrOperator', actor: nip, role });
  const year = Number(data.date.slice(0, 4));
  if (state.status === 'recording' && (state.employee !== data.employee || state.year !== year))
    return left({ _tag: 'WrongAbsenceYear', employee: state.employee, year: state.year, given: { employee: data.employee, date: data.date } });
  const entries = state.status === 'recording' ? state.entries : [];
  const existing = entries.find((e) => e.date === data.date);
  if (existing !== undefined) return left({ _tag: 'AbsenceAlreadyRecorded', date: data.date, excused: existing.excused });
  const today = localDateOf(metadata.now, data.calendar.timeZone);
  if (data.date > today) return left({ _tag: 'AbsenceInFuture', date: data.date, today });
  const working = isWorkingDay(data.date, data.calendar.holidays);
  if (working._tag === 'Left') return working;
  if (!working.right) return left({ _tag: 'NotAWorkingDay', date: data.date });

  const before = state.status === 'recording' ? state.unexcused : [];
  const after = data.excused ? before : [...before, data.date];
  const previousRun = state.status === 'recording' ? state.longestRun : 0;
  const run = longestWorkingDayRun(after, data.calendar.holidays);
  if (run._tag === 'Left') return run;
  return right([
    {
      type: 'AbsenceRecorded',
      data: {
        employee: data.employee,
        year,
        date: data.date,
        excused: data.excused,
        ...(data.reason === undefined ? {} : { reason: data.reason }),
        unexcusedDays: after.length,
        longestRun: run.right.length,
        longestRunEnd: run.right.end,
        previousLongestRun: previousRun,
        calendar: data.calendar.holidays.id,
        recordedBy: nip,
        at: metadata.now,
      },
    },
  ]);
};

export const decide = (command: AbsenceCommand, state: AbsenceState): Decision => {
  switch (command.type) {
    case 'RecordAbsence':
      return recordAbsence(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
};

export const absenceDecider: Decider<AbsenceState, AbsenceCommand, AbsenceEvent, AbsenceError> = {
  decide,
  evolve,
  initialState,
};
