/**
 * What may be asked of the roster, and the answer to each request: the facts it causes, or the reason it is
 * refused. Commands → one function per command → `decide` → `rosterDecider`.
 *
 * Every roster command is issued by BKPSDM staff acting as `operator`. An identical repeated command is simply
 * decided again (and usually refused, e.g. `UnitAlreadyRegistered`): idempotency by command id is the engine's.
 */
import { left, right, type Either } from 'fp-ts/Either';
import type { Command, Decider, LocalDate, Nip, PositionId, UnitId } from '../core';
import type { RosterError } from './errors';
import { lookup, valuesOf } from './persistent-map';
import { parentUnitOf, superiorPositionOf, tenuresOf } from './queries';
import {
  contentsOf,
  evolve,
  initialState,
  isStructural,
  openAssignmentOf,
  STRUCTURAL_RANK,
  type ActiveRoster,
  type Assignment,
  type DepartureReason,
  type Employment,
  type Jenjang,
  type Level,
  type Position,
  type PositionLevel,
  type RosterEvent,
  type RosterState,
  type Tenure,
  type Timeline,
} from './roster';

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

export type RegisterUnit = Command<'RegisterUnit', Readonly<{ unit: UnitId; name: string; parent?: UnitId }>>;

/** Moves a unit under another unit (or under none, `parent` absent) from `effectiveFrom`. */
export type ChangeParentUnit = Command<
  'ChangeParentUnit',
  Readonly<{ unit: UnitId; parent?: UnitId; effectiveFrom: LocalDate }>
>;

/** `jenjang` is given for a `jf` position and only then; `head` (default false) marks the unit's head position. */
export type CreatePosition = Command<
  'CreatePosition',
  Readonly<{
    position: PositionId;
    unit: UnitId;
    title: string;
    level: Level;
    jenjang?: Jenjang;
    reportsTo?: PositionId;
    head?: boolean;
  }>
>;

/** From `effectiveFrom` the position reports to `reportsTo`, or to no position when it is absent. */
export type ChangeReportingLine = Command<
  'ChangeReportingLine',
  Readonly<{ position: PositionId; reportsTo?: PositionId; effectiveFrom: LocalDate }>
>;

export type AppointEmployee = Command<
  'AppointEmployee',
  Readonly<{ nip: Nip; name: string; employment: Employment; position: PositionId; effectiveFrom: LocalDate }>
>;

export type TransferEmployee = Command<
  'TransferEmployee',
  Readonly<{ nip: Nip; position: PositionId; effectiveFrom: LocalDate }>
>;

/** From `effectiveFrom` the employee holds no position (pensiun, berhenti, diberhentikan, meninggal, pindah keluar). */
export type RecordDeparture = Command<
  'RecordDeparture',
  Readonly<{ nip: Nip; reason: DepartureReason; effectiveFrom: LocalDate }>
>;

export type RosterCommand =
  | RegisterUnit
  | ChangeParentUnit
  | CreatePosition
  | ChangeReportingLine
  | AppointEmployee
  | TransferEmployee
  | RecordDeparture;

type Decision = Either<RosterError, ReadonlyArray<RosterEvent>>;

// ---------------------------------------------------------------------------------------------------------------
// Rules shared by several commands
// ---------------------------------------------------------------------------------------------------------------

/** The date of a timeline's last dated change; undefined while it holds its initial value. */
const lastChangeOf = <V>(timeline: Timeline<V>): LocalDate | undefined => timeline[timeline.length - 1]?.since;
const currentValueOf = <V>(timeline: Timeline<V>): V | undefined => timeline[timeline.length - 1]?.value;

/**
 * The cycle that pointing `node` at `target` from `from` on would close, if any. Lines change over time and a
 * change recorded earlier may take effect later, so the walk up from `target` is made on `from` and again on
 * every later date on which any line changes (`changeDates`); the first walk that comes back to `node` is the
 * cycle, from `node` back to `node`.
 */
const cycleThrough = <K extends string>(
  node: K,
  target: K,
  from: LocalDate,
  lineOn: (key: K, date: LocalDate) => K | undefined,
  changeDates: Iterable<LocalDate>,
): Readonly<{ cycle: ReadonlyArray<K>; on: LocalDate }> | undefined => {
  const dates = [from, ...[...new Set(changeDates)].filter((d) => d > from).sort()];
  for (const date of dates) {
    const path: K[] = [node];
    const seen = new Set<K>();
    let current: K | undefined = target;
    while (current !== undefined && !seen.has(current)) {
      path.push(current);
      if (current === node) return { cycle: path, on: date };
      seen.add(current);
      current = lineOn(current, date);
    }
  }
  return undefined;
};

const parentChangeDates = function* (roster: ActiveRoster): Iterable<LocalDate> {
  for (const unit of valuesOf(roster.units)) for (const { since } of unit.parent) if (since !== undefined) yield since;
};

const reportingChangeDates = function* (roster: ActiveRoster): Iterable<LocalDate> {
  for (const position of valuesOf(roster.positions))
    for (const { since } of position.reportsTo) if (since !== undefined) yield since;
};

/** Whether `parent` exists and may hold `unit` (the cycle check for dated changes is `cycleThrough`). */
const parentProblem = (roster: ActiveRoster, unit: UnitId, parent: UnitId): RosterError | undefined => {
  if (parent === unit) return { _tag: 'ParentUnitCycle', unit, parent, cycle: [unit, unit], on: null };
  if (lookup(roster.units, parent) === undefined) return { _tag: 'ParentUnitNotFound', unit, parent };
  return undefined;
};

/** The facts about a position that decide whom it may report to. */
type Subordinate = Readonly<{ id: PositionId; unit: UnitId; head: boolean; level: Level }>;

/** Whether `subordinate` may report to `reportsTo` (the cycle check for dated changes is `cycleThrough`). */
const superiorProblem = (
  roster: ActiveRoster,
  subordinate: Subordinate,
  reportsTo: PositionId,
): RosterError | undefined => {
  const position = subordinate.id;
  if (reportsTo === position)
    return { _tag: 'ReportingLineCycle', position, reportsTo, cycle: [position, position], on: null };
  const superior = lookup(roster.positions, reportsTo);
  if (superior === undefined) return { _tag: 'SuperiorPositionNotFound', position, reportsTo };
  if (!isStructural(superior.level))
    return { _tag: 'SuperiorNotStructural', position, reportsTo, superiorLevel: superior.level };
  if (isStructural(subordinate.level) && STRUCTURAL_RANK[superior.level] < STRUCTURAL_RANK[subordinate.level])
    return { _tag: 'SuperiorLevelLower', position, level: subordinate.level, reportsTo, superiorLevel: superior.level };
  if (subordinate.head && superior.unit === subordinate.unit)
    return { _tag: 'HeadReportsWithinUnit', position, unit: subordinate.unit, reportsTo };
  return undefined;
};

/**
 * The tenure that keeps `position` from taking a new holder from `from` on: for a structural position, any
 * tenure still running on or after `from` (including one that starts later, recorded in advance). Pelaksana and
 * jf positions take any number of holders.
 */
const blockingTenure = (roster: ActiveRoster, position: Position, from: LocalDate): Tenure | undefined =>
  isStructural(position.level)
    ? tenuresOf(roster, position.id).find((t) => t.until === undefined || t.until > from)
    : undefined;

const occupied = (position: PositionId, tenure: Tenure): RosterError => ({
  _tag: 'PositionOccupied',
  position,
  holder: tenure.nip,
  since: tenure.from,
});

/** The employee's open assignment, or why there is none. */
const activeAssignment = (roster: ActiveRoster, nip: Nip): Either<RosterError, Assignment> => {
  const employee = lookup(roster.employees, nip);
  if (employee === undefined) return left({ _tag: 'EmployeeNotFound', nip });
  const current = openAssignmentOf(employee);
  if (current !== undefined) return right(current);
  const departure = employee.departures[employee.departures.length - 1];
  // An employee without an open assignment has left: `evolve` records a departure whenever it closes the last one.
  return departure === undefined
    ? left({ _tag: 'EmployeeNotFound', nip })
    : left({ _tag: 'EmployeeNotActive', nip, leftOn: departure.effectiveFrom, reason: departure.reason });
};

/** Transfers and departures take effect after the current assignment started: no rewriting of history. */
const backdated = (nip: Nip, current: Assignment, effectiveFrom: LocalDate): RosterError | undefined =>
  effectiveFrom > current.from
    ? undefined
    : {
        _tag: 'EffectiveDateNotAfterAssignmentStart',
        nip,
        position: current.position,
        effectiveFrom,
        assignmentStart: current.from,
      };

/** The level and jenjang of a new position: a jenjang for jf, and for jf only. */
const levelFor = (data: CreatePosition['data']): Either<RosterError, PositionLevel> => {
  const { position, level, jenjang } = data;
  if (level === 'jf')
    return jenjang === undefined ? left({ _tag: 'JenjangMissing', position }) : right({ level, jenjang });
  return jenjang === undefined ? right({ level }) : left({ _tag: 'JenjangNotApplicable', position, level, jenjang });
};

const refuse = (error: RosterError): Decision => left(error);
const accept = (...events: ReadonlyArray<RosterEvent>): Decision => right(events);

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const registerUnit = ({ data }: RegisterUnit, roster: ActiveRoster): Decision => {
  const existing = lookup(roster.units, data.unit);
  if (existing !== undefined) return refuse({ _tag: 'UnitAlreadyRegistered', unit: data.unit, name: existing.name });
  const problem = data.parent === undefined ? undefined : parentProblem(roster, data.unit, data.parent);
  if (problem !== undefined) return refuse(problem);
  return accept({
    type: 'UnitRegistered',
    data: { unit: data.unit, name: data.name, ...(data.parent === undefined ? {} : { parent: data.parent }) },
  });
};

const changeParentUnit = ({ data }: ChangeParentUnit, roster: ActiveRoster): Decision => {
  const { unit, parent, effectiveFrom } = data;
  const found = lookup(roster.units, unit);
  if (found === undefined) return refuse({ _tag: 'UnitNotFound', unit });
  const problem = parent === undefined ? undefined : parentProblem(roster, unit, parent);
  if (problem !== undefined) return refuse(problem);
  if (currentValueOf(found.parent) === parent)
    return refuse({ _tag: 'ParentUnitUnchanged', unit, parent: parent ?? null });
  const lastChange = lastChangeOf(found.parent);
  if (lastChange !== undefined && effectiveFrom <= lastChange)
    return refuse({ _tag: 'ParentUnitChangeBackdated', unit, effectiveFrom, lastChange });
  if (parent !== undefined) {
    const parentOn = (u: UnitId, d: LocalDate) => parentUnitOf(roster, u, d);
    const cycle = cycleThrough(unit, parent, effectiveFrom, parentOn, parentChangeDates(roster));
    if (cycle !== undefined) return refuse({ _tag: 'ParentUnitCycle', unit, parent, ...cycle });
  }
  return accept({
    type: 'ParentUnitChanged',
    data: { unit, ...(parent === undefined ? {} : { parent }), effectiveFrom },
  });
};

const createPosition = ({ data }: CreatePosition, roster: ActiveRoster): Decision => {
  const { position, unit, title, reportsTo } = data;
  const head = data.head ?? false;
  const existing = lookup(roster.positions, position);
  if (existing !== undefined)
    return refuse({ _tag: 'PositionAlreadyExists', position, unit: existing.unit, title: existing.title });
  const owner = lookup(roster.units, unit);
  if (owner === undefined) return refuse({ _tag: 'UnitNotFound', unit });
  const level = levelFor(data);
  if (level._tag === 'Left') return level;
  if (head && !isStructural(data.level)) return refuse({ _tag: 'HeadNotStructural', position, level: data.level });
  if (head && owner.head !== undefined) return refuse({ _tag: 'UnitAlreadyHasHead', unit, head: owner.head });
  const subordinate = { id: position, unit, head, level: data.level };
  const problem = reportsTo === undefined ? undefined : superiorProblem(roster, subordinate, reportsTo);
  if (problem !== undefined) return refuse(problem);
  return accept({
    type: 'PositionCreated',
    data: { position, unit, title, head, ...(reportsTo === undefined ? {} : { reportsTo }), ...level.right },
  });
};

const changeReportingLine = ({ data }: ChangeReportingLine, roster: ActiveRoster): Decision => {
  const { position, reportsTo, effectiveFrom } = data;
  const found = lookup(roster.positions, position);
  if (found === undefined) return refuse({ _tag: 'PositionNotFound', position });
  if (currentValueOf(found.reportsTo) === reportsTo)
    return refuse({ _tag: 'ReportingLineUnchanged', position, reportsTo: reportsTo ?? null });
  const lastChange = lastChangeOf(found.reportsTo);
  if (lastChange !== undefined && effectiveFrom <= lastChange)
    return refuse({ _tag: 'ReportingLineChangeBackdated', position, effectiveFrom, lastChange });
  if (reportsTo !== undefined) {
    const subordinate = { id: position, unit: found.unit, head: found.head, level: found.level };
    const problem = superiorProblem(roster, subordinate, reportsTo);
    if (problem !== undefined) return refuse(problem);
    const superiorOn = (p: PositionId, d: LocalDate) => superiorPositionOf(roster, p, d);
    const cycle = cycleThrough(position, reportsTo, effectiveFrom, superiorOn, reportingChangeDates(roster));
    if (cycle !== undefined) return refuse({ _tag: 'ReportingLineCycle', position, reportsTo, ...cycle });
  }
  return accept({
    type: 'ReportingLineChanged',
    data: { position, ...(reportsTo === undefined ? {} : { reportsTo }), effectiveFrom },
  });
};

const appointEmployee = ({ data }: AppointEmployee, roster: ActiveRoster): Decision => {
  const { nip, name, employment, position, effectiveFrom } = data;
  const target = lookup(roster.positions, position);
  if (target === undefined) return refuse({ _tag: 'PositionNotFound', position });
  const known = lookup(roster.employees, nip);
  if (known !== undefined) {
    const current = openAssignmentOf(known);
    if (current !== undefined)
      return refuse({ _tag: 'EmployeeAlreadyActive', nip, position: current.position, since: current.from });
    const departure = known.departures[known.departures.length - 1];
    if (departure?.reason === 'deceased')
      return refuse({ _tag: 'EmployeeDeceased', nip, since: departure.effectiveFrom });
    if (departure !== undefined && effectiveFrom < departure.effectiveFrom)
      return refuse({ _tag: 'AppointmentBeforeDeparture', nip, effectiveFrom, leftOn: departure.effectiveFrom });
  }
  const blocking = blockingTenure(roster, target, effectiveFrom);
  if (blocking !== undefined) return refuse(occupied(position, blocking));
  return accept({ type: 'EmployeeAppointed', data: { nip, name, employment, position, effectiveFrom } });
};

const transferEmployee = ({ data }: TransferEmployee, roster: ActiveRoster): Decision => {
  const { nip, position, effectiveFrom } = data;
  const current = activeAssignment(roster, nip);
  if (current._tag === 'Left') return current;
  const previousPosition = current.right.position;
  if (previousPosition === position) return refuse({ _tag: 'TransferToSamePosition', nip, position });
  const target = lookup(roster.positions, position);
  if (target === undefined) return refuse({ _tag: 'PositionNotFound', position });
  const tooEarly = backdated(nip, current.right, effectiveFrom);
  if (tooEarly !== undefined) return refuse(tooEarly);
  const blocking = blockingTenure(roster, target, effectiveFrom);
  if (blocking !== undefined) return refuse(occupied(position, blocking));
  return accept({ type: 'EmployeeTransferred', data: { nip, previousPosition, position, effectiveFrom } });
};

const recordDeparture = ({ data }: RecordDeparture, roster: ActiveRoster): Decision => {
  const { nip, reason, effectiveFrom } = data;
  const current = activeAssignment(roster, nip);
  if (current._tag === 'Left') return current;
  const tooEarly = backdated(nip, current.right, effectiveFrom);
  if (tooEarly !== undefined) return refuse(tooEarly);
  return accept({ type: 'EmployeeLeft', data: { nip, position: current.right.position, reason, effectiveFrom } });
};

// ---------------------------------------------------------------------------------------------------------------
// decide and the decider
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: RosterCommand, state: RosterState): Decision => {
  const { actor } = command.metadata;
  if (actor.role !== 'operator') return refuse({ _tag: 'NotAnOperator', actor: actor.nip, role: actor.role });
  const roster = contentsOf(state);
  switch (command.type) {
    case 'RegisterUnit':
      return registerUnit(command, roster);
    case 'ChangeParentUnit':
      return changeParentUnit(command, roster);
    case 'CreatePosition':
      return createPosition(command, roster);
    case 'ChangeReportingLine':
      return changeReportingLine(command, roster);
    case 'AppointEmployee':
      return appointEmployee(command, roster);
    case 'TransferEmployee':
      return transferEmployee(command, roster);
    case 'RecordDeparture':
      return recordDeparture(command, roster);
    default: {
      // Unreachable for a decoded command: the compiler proves every command type has its case.
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const rosterDecider: Decider<RosterState, RosterCommand, RosterEvent, RosterError> = {
  decide,
  evolve,
  initialState,
};
