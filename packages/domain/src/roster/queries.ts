/**
 * Questions to the roster, each as of a date: who holds which position, in which unit, at which level, who is
 * whose superior, who heads a unit. Authority checks and rankings ask them as of the decision date.
 *
 * Pure reads of the state. Every answer goes through the state's maps (by NIP, position id, unit id) and its
 * indexes (positions of a unit, tenures of a position): no query scans all of a city's ~20k employees.
 */
import type { LocalDate, Nip, PositionId, UnitId } from '../core';
import { lookup, valuesOf } from './persistent-map';
import {
  contentsOf,
  positionLevelOf,
  valueOn,
  type Assignment,
  type Employee,
  type Employment,
  type Position,
  type PositionLevel,
  type RosterState,
  type Tenure,
  type Unit,
} from './roster';

// ---------------------------------------------------------------------------------------------------------------
// By id
// ---------------------------------------------------------------------------------------------------------------

export const findUnit = (state: RosterState, unit: UnitId): Unit | undefined => lookup(contentsOf(state).units, unit);

export const findPosition = (state: RosterState, position: PositionId): Position | undefined =>
  lookup(contentsOf(state).positions, position);

export const findEmployee = (state: RosterState, nip: Nip): Employee | undefined =>
  lookup(contentsOf(state).employees, nip);

/** Every unit, by id. */
export const unitsOf = (state: RosterState): ReadonlyArray<Unit> =>
  [...valuesOf(contentsOf(state).units)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The positions of a unit, in order of creation. */
export const positionsIn = (state: RosterState, unit: UnitId): ReadonlyArray<Position> => {
  const roster = contentsOf(state);
  const ids = lookup(roster.positionsOfUnit, unit) ?? [];
  return ids.flatMap((id) => lookup(roster.positions, id) ?? []);
};

// ---------------------------------------------------------------------------------------------------------------
// An employee on a date
// ---------------------------------------------------------------------------------------------------------------

const covers = (period: Readonly<{ from: LocalDate; until?: LocalDate }>, date: LocalDate): boolean =>
  period.from <= date && (period.until === undefined || date < period.until);

/** The assignment that covers `date`, if any (none before the first appointment, after leaving, or in a gap). */
export const assignmentOn = (employee: Employee, date: LocalDate): Assignment | undefined => {
  for (let i = employee.assignments.length - 1; i >= 0; i--) {
    const assignment = employee.assignments[i];
    if (assignment !== undefined && covers(assignment, date)) return assignment;
  }
  return undefined;
};

export const assignmentOf = (state: RosterState, nip: Nip, date: LocalDate): Assignment | undefined => {
  const employee = findEmployee(state, nip);
  return employee === undefined ? undefined : assignmentOn(employee, date);
};

/** The position the employee holds on `date`. */
export const positionOf = (state: RosterState, nip: Nip, date: LocalDate): PositionId | undefined =>
  assignmentOf(state, nip, date)?.position;

/** The unit of the position the employee holds on `date`. */
export const unitOf = (state: RosterState, nip: Nip, date: LocalDate): UnitId | undefined => {
  const position = positionOf(state, nip, date);
  return position === undefined ? undefined : findPosition(state, position)?.unit;
};

/** The level of the position the employee holds on `date`, with its jenjang for a functional position. */
export const levelOf = (state: RosterState, nip: Nip, date: LocalDate): PositionLevel | undefined => {
  const position = positionOf(state, nip, date);
  const found = position === undefined ? undefined : findPosition(state, position);
  return found === undefined ? undefined : positionLevelOf(found);
};

/** PNS or PPPK on `date`. */
export const employmentOf = (state: RosterState, nip: Nip, date: LocalDate): Employment | undefined =>
  assignmentOf(state, nip, date)?.employment;

// ---------------------------------------------------------------------------------------------------------------
// A position or a unit on a date
// ---------------------------------------------------------------------------------------------------------------

/** The tenures of a position, oldest first. */
export const tenuresOf = (state: RosterState, position: PositionId): ReadonlyArray<Tenure> =>
  lookup(contentsOf(state).tenures, position) ?? [];

/** Who holds the position on `date`, in order of appointment: at most one for a structural position. */
export const holdersOf = (state: RosterState, position: PositionId, date: LocalDate): ReadonlyArray<Nip> =>
  tenuresOf(state, position)
    .filter((t) => covers(t, date))
    .map((t) => t.nip);

/** The position that `position` reports to on `date`. */
export const superiorPositionOf = (
  state: RosterState,
  position: PositionId,
  date: LocalDate,
): PositionId | undefined => {
  const found = findPosition(state, position);
  return found === undefined ? undefined : valueOn(found.reportsTo, date);
};

/** The unit that `unit` sits under on `date`. */
export const parentUnitOf = (state: RosterState, unit: UnitId, date: LocalDate): UnitId | undefined => {
  const found = findUnit(state, unit);
  return found === undefined ? undefined : valueOn(found.parent, date);
};

/** Who holds any position of the unit on `date` (not of its sub-units), by position in order of creation. */
export const employeesOf = (state: RosterState, unit: UnitId, date: LocalDate): ReadonlyArray<Nip> =>
  positionsIn(state, unit).flatMap((p) => holdersOf(state, p.id, date));

// ---------------------------------------------------------------------------------------------------------------
// Superiors and heads
// ---------------------------------------------------------------------------------------------------------------

/**
 * The employee's superior on `date` (their Pejabat Penilai Kinerja): the holder of the position their position
 * reports to on that date. When that position is vacant on that date (a retirement, a post not yet filled),
 * the line is followed further up to the first occupied position: the next official up the line appraises while
 * the post is empty. Acting officials (Plt.) are not modelled: an employee holds one position at a time. Undefined
 * when the employee holds no position on `date`, or nobody up the line does.
 */
export const superiorOf = (state: RosterState, nip: Nip, date: LocalDate): Nip | undefined => {
  const own = positionOf(state, nip, date);
  if (own === undefined) return undefined;
  // The decider keeps reporting lines free of cycles; `seen` keeps a hand-edited log from looping forever.
  const seen = new Set<PositionId>([own]);
  let current = superiorPositionOf(state, own, date);
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const [holder] = holdersOf(state, current, date);
    if (holder !== undefined) return holder;
    current = superiorPositionOf(state, current, date);
  }
  return undefined;
};

/** The unit's head position (see the top of roster.ts). */
export const headPositionOf = (state: RosterState, unit: UnitId): PositionId | undefined => findUnit(state, unit)?.head;

/** The head of the unit (Pimpinan Unit) on `date`: the holder of its head position; undefined while it is vacant. */
export const headOf = (state: RosterState, unit: UnitId, date: LocalDate): Nip | undefined => {
  const position = headPositionOf(state, unit);
  return position === undefined ? undefined : holdersOf(state, position, date)[0];
};

export const isHeadOf = (state: RosterState, nip: Nip, unit: UnitId, date: LocalDate): boolean =>
  headOf(state, unit, date) === nip;
