/** Why the absence records refuse a command. */
import type { CalendarNotCovering } from '../calendar';
import type { LocalDate, Nip, Role } from '../core';

export type AbsenceError =
  | Readonly<{ _tag: 'NotSystemOrOperator'; actor: Nip; role: Role }>
  /** The command names another employee or year than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongAbsenceYear'; employee: Nip; year: number; given: Readonly<{ employee: Nip; date: LocalDate }> }>
  | Readonly<{ _tag: 'AbsenceAlreadyRecorded'; date: LocalDate; excused: boolean }>
  /** Absence is counted in working days: a weekend or a holiday of the tenant's calendar is not one. */
  | Readonly<{ _tag: 'NotAWorkingDay'; date: LocalDate }>
  | Readonly<{ _tag: 'AbsenceInFuture'; date: LocalDate; today: LocalDate }>
  | CalendarNotCovering;

export type AbsenceErrorTag = AbsenceError['_tag'];

export const describeAbsenceError = (error: AbsenceError): string => {
  switch (error._tag) {
    case 'NotSystemOrOperator':
      return `absences are recorded by an operator or the system; ${error.actor} acts as ${error.role}`;
    case 'WrongAbsenceYear':
      return `these are the ${error.year} records of ${error.employee}, not of ${error.given.employee} on ${error.given.date}`;
    case 'AbsenceAlreadyRecorded':
      return `an absence on ${error.date} is already recorded (${error.excused ? 'excused' : 'unexcused'})`;
    case 'NotAWorkingDay':
      return `${error.date} is not a working day`;
    case 'AbsenceInFuture':
      return `${error.date} is after today (${error.today})`;
    case 'CalendarNotCovering':
      return `the holiday calendar ${error.calendar} does not cover ${error.date}`;
  }
};
