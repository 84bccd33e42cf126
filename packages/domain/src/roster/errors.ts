/**
 * Why the roster refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs to
 * correct the request (the conflicting holder and since when, the cycle that would form, the last change's date).
 * `null` in a field means "none" (no parent unit, no superior position, no date).
 */
import type { LocalDate, Nip, PositionId, Role, UnitId } from '../core';
import type { DepartureReason, Jenjang, Level, LevelWithoutJenjang, StructuralLevel } from './roster';

export type RosterError =
  // --- who may ----------------------------------------------------------------------------------------------------
  /** The roster is kept by BKPSDM staff acting as `operator`; every other role is refused. */
  | Readonly<{ _tag: 'NotAnOperator'; actor: Nip; role: Role }>

  // --- units ------------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'UnitAlreadyRegistered'; unit: UnitId; name: string }>
  | Readonly<{ _tag: 'UnitNotFound'; unit: UnitId }>
  | Readonly<{ _tag: 'ParentUnitNotFound'; unit: UnitId; parent: UnitId }>
  /**
   * A unit may not sit under itself or under one of its own sub-units. `cycle` runs from the unit back to it;
   * `on` is the first date the cycle would exist (null: from the start).
   */
  | Readonly<{
      _tag: 'ParentUnitCycle';
      unit: UnitId;
      parent: UnitId;
      cycle: ReadonlyArray<UnitId>;
      on: LocalDate | null;
    }>
  | Readonly<{ _tag: 'ParentUnitUnchanged'; unit: UnitId; parent: UnitId | null }>
  /** History is not rewritten: a change takes effect after the unit's last change. */
  | Readonly<{ _tag: 'ParentUnitChangeBackdated'; unit: UnitId; effectiveFrom: LocalDate; lastChange: LocalDate }>

  // --- positions --------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'PositionAlreadyExists'; position: PositionId; unit: UnitId; title: string }>
  | Readonly<{ _tag: 'PositionNotFound'; position: PositionId }>
  /** A functional position (jf) always has a jenjang. */
  | Readonly<{ _tag: 'JenjangMissing'; position: PositionId }>
  /** Only a functional position (jf) has a jenjang. */
  | Readonly<{ _tag: 'JenjangNotApplicable'; position: PositionId; level: LevelWithoutJenjang; jenjang: Jenjang }>
  /** A unit's head position is structural (JPT, administrator or pengawas): it has exactly one holder. */
  | Readonly<{ _tag: 'HeadNotStructural'; position: PositionId; level: Level }>
  | Readonly<{ _tag: 'UnitAlreadyHasHead'; unit: UnitId; head: PositionId }>

  // --- reporting lines --------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'SuperiorPositionNotFound'; position: PositionId; reportsTo: PositionId }>
  /**
   * A position reports to a structural position: one holder, so "the superior" is one person. (Functional
   * coordinators who lead teams after the 2021 simplification of the bureaucracy are not modelled as superiors.)
   */
  | Readonly<{ _tag: 'SuperiorNotStructural'; position: PositionId; reportsTo: PositionId; superiorLevel: Level }>
  /**
   * A structural position reports to a structural position of the same or a higher level, never a lower one.
   * The same level is allowed: levels group several eselon grades (a lurah, administrator IIIb, reports to the
   * camat, administrator IIIa).
   */
  | Readonly<{
      _tag: 'SuperiorLevelLower';
      position: PositionId;
      level: StructuralLevel;
      reportsTo: PositionId;
      superiorLevel: StructuralLevel;
    }>
  /** The head position reports to no position of its own unit (it is the unit's highest position). */
  | Readonly<{ _tag: 'HeadReportsWithinUnit'; position: PositionId; unit: UnitId; reportsTo: PositionId }>
  /**
   * A position may not report to itself or to one of its own subordinates. `cycle` runs from the position back
   * to it; `on` is the first date the cycle would exist (null: from the start).
   */
  | Readonly<{
      _tag: 'ReportingLineCycle';
      position: PositionId;
      reportsTo: PositionId;
      cycle: ReadonlyArray<PositionId>;
      on: LocalDate | null;
    }>
  | Readonly<{ _tag: 'ReportingLineUnchanged'; position: PositionId; reportsTo: PositionId | null }>
  /** History is not rewritten: a change takes effect after the position's last change. */
  | Readonly<{
      _tag: 'ReportingLineChangeBackdated';
      position: PositionId;
      effectiveFrom: LocalDate;
      lastChange: LocalDate;
    }>

  // --- employees --------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'EmployeeNotFound'; nip: Nip }>
  /** An employee holds one position at a time: an active employee is transferred, not appointed again. */
  | Readonly<{ _tag: 'EmployeeAlreadyActive'; nip: Nip; position: PositionId; since: LocalDate }>
  /** Transfers and departures are for employees who hold a position. */
  | Readonly<{ _tag: 'EmployeeNotActive'; nip: Nip; leftOn: LocalDate; reason: DepartureReason }>
  | Readonly<{ _tag: 'EmployeeDeceased'; nip: Nip; since: LocalDate }>
  /** A structural position has at most one holder on any date; `since` is when the conflicting tenure starts. */
  | Readonly<{ _tag: 'PositionOccupied'; position: PositionId; holder: Nip; since: LocalDate }>
  | Readonly<{ _tag: 'TransferToSamePosition'; nip: Nip; position: PositionId }>
  /**
   * History is not rewritten: a transfer or departure takes effect after the current assignment started (a
   * same-day change would erase that assignment; correcting a wrong appointment is not modelled yet).
   */
  | Readonly<{
      _tag: 'EffectiveDateNotAfterAssignmentStart';
      nip: Nip;
      position: PositionId;
      effectiveFrom: LocalDate;
      assignmentStart: LocalDate;
    }>
  /** A returning employee is appointed on or after the day they left. */
  | Readonly<{ _tag: 'AppointmentBeforeDeparture'; nip: Nip; effectiveFrom: LocalDate; leftOn: LocalDate }>;

export type RosterErrorTag = RosterError['_tag'];

/** The error with tag `Tag`, e.g. `RosterErrorOf<'PositionOccupied'>`. */
export type RosterErrorOf<Tag extends RosterErrorTag> = Extract<RosterError, Readonly<{ _tag: Tag }>>;

const none = (value: string | null, what: string): string => (value === null ? what : `"${value}"`);
const cycle = (ids: ReadonlyArray<string>, on: LocalDate | null): string =>
  `a cycle ${ids.join(' → ')}${on === null ? '' : ` from ${on}`}`;
const rewritesFrom = (effectiveFrom: LocalDate): string => `from ${effectiveFrom} would rewrite history`;
const rewrites = (lastChange: LocalDate, effectiveFrom: LocalDate): string =>
  `was last changed from ${lastChange}; a change ${rewritesFrom(effectiveFrom)}`;

/** One sentence a person can act on, e.g. for an import report or a CLI; the HTTP service maps tags itself. */
export const describeRosterError = (error: RosterError): string => {
  switch (error._tag) {
    case 'NotAnOperator':
      return `only an operator may change the roster; ${error.actor} acts as ${error.role}`;
    case 'UnitAlreadyRegistered':
      return `unit "${error.unit}" is already registered (as "${error.name}")`;
    case 'UnitNotFound':
      return `unit "${error.unit}" is not registered`;
    case 'ParentUnitNotFound':
      return `parent unit "${error.parent}" of unit "${error.unit}" is not registered`;
    case 'ParentUnitCycle':
      return `unit "${error.unit}" cannot sit under "${error.parent}": the units would form ${cycle(error.cycle, error.on)}`;
    case 'ParentUnitUnchanged':
      return `unit "${error.unit}" already sits under ${none(error.parent, 'no unit')}`;
    case 'ParentUnitChangeBackdated':
      return `unit "${error.unit}" ${rewrites(error.lastChange, error.effectiveFrom)}`;
    case 'PositionAlreadyExists':
      return `position "${error.position}" already exists ("${error.title}" in unit "${error.unit}")`;
    case 'PositionNotFound':
      return `position "${error.position}" does not exist`;
    case 'JenjangMissing':
      return `position "${error.position}" is a jabatan fungsional (jf) and needs a jenjang`;
    case 'JenjangNotApplicable':
      return `position "${error.position}" is ${error.level}: only jf has a jenjang (got "${error.jenjang}")`;
    case 'HeadNotStructural':
      return `position "${error.position}" is ${error.level}; a unit's head position is structural (JPT, administrator, pengawas)`;
    case 'UnitAlreadyHasHead':
      return `unit "${error.unit}" already has a head position, "${error.head}"`;
    case 'SuperiorPositionNotFound':
      return `position "${error.position}" cannot report to "${error.reportsTo}": no such position`;
    case 'SuperiorNotStructural':
      return `position "${error.position}" cannot report to "${error.reportsTo}" (${error.superiorLevel}): superiors are structural`;
    case 'SuperiorLevelLower':
      return `position "${error.position}" (${error.level}) cannot report to "${error.reportsTo}" (${error.superiorLevel}), a lower level`;
    case 'HeadReportsWithinUnit':
      return `position "${error.position}" heads unit "${error.unit}" and cannot report to "${error.reportsTo}" of the same unit`;
    case 'ReportingLineCycle':
      return `position "${error.position}" cannot report to "${error.reportsTo}": the lines would form ${cycle(error.cycle, error.on)}`;
    case 'ReportingLineUnchanged':
      return `position "${error.position}" already reports to ${none(error.reportsTo, 'no position')}`;
    case 'ReportingLineChangeBackdated':
      return `the reporting line of "${error.position}" ${rewrites(error.lastChange, error.effectiveFrom)}`;
    case 'EmployeeNotFound':
      return `employee ${error.nip} is not in the roster`;
    case 'EmployeeAlreadyActive':
      return `employee ${error.nip} already holds position "${error.position}" since ${error.since}`;
    case 'EmployeeNotActive':
      return `employee ${error.nip} left on ${error.leftOn} (${error.reason}) and holds no position`;
    case 'EmployeeDeceased':
      return `employee ${error.nip} is recorded as deceased since ${error.since}`;
    case 'PositionOccupied':
      return `position "${error.position}" is held by ${error.holder} from ${error.since}; it takes one holder at a time`;
    case 'TransferToSamePosition':
      return `employee ${error.nip} already holds position "${error.position}"`;
    case 'EffectiveDateNotAfterAssignmentStart':
      return `employee ${error.nip} holds "${error.position}" from ${error.assignmentStart}; a change ${rewritesFrom(error.effectiveFrom)}`;
    case 'AppointmentBeforeDeparture':
      return `employee ${error.nip} left on ${error.leftOn}; an appointment from ${error.effectiveFrom} would overlap`;
  }
};
