/**
 * The organisation roster of one tenant (DOMAIN.md §2.8): its units (OPD), their positions (jabatan), who reports
 * to whom, and who holds which position, over time. Its vocabulary, the facts that happen to it, the state those
 * facts add up to, and `evolve`, which folds one fact into the state.
 *
 * Authority checks and rankings ask the roster "as of the decision date" (who was this employee's superior on
 * 3 March?), so the state keeps the whole effective-dated history, never only today's picture.
 *
 * Dates. Every change carries its legal effective date (TMT) as a `LocalDate`. A fact dated D holds from D
 * inclusive: an assignment covers the half-open interval [from, until), and a departure dated D means the
 * employee no longer holds the position on D. Units and positions carry no date of creation: they exist from the
 * start of the stream, with the parent unit and the reporting line they were created with until a dated change.
 * Dissolving, merging or renaming units and abolishing positions are not modelled yet.
 *
 * The head of a unit (Pimpinan Unit) is explicit: a position is created with `head: true` or not. The decider
 * keeps the flag consistent with the rule "the head holds the unit's highest structural position, the one that
 * reports to no position inside the same unit": a head position is structural, a unit has at most one, and it
 * never reports to a position of its own unit. An explicit flag avoids an ambiguous answer while a unit is being
 * set up (two positions that do not report to anyone yet) and makes the head a fact an auditor can read.
 */
import type { Event, LocalDate, Nip, PositionId, TenantId, UnitId } from '../core';
import { adjust, emptyMap, insert, lookup, type PersistentMap } from './persistent-map';

/** One roster stream per tenant, category first so that EventStoreDB's `$ce-roster` category stream sees them all. */
export const rosterStreamId = (tenant: TenantId): string => `roster-${tenant}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Managerial positions (jabatan struktural), highest first. Each is held by at most one employee at a time. */
export const STRUCTURAL_LEVELS = ['jpt-madya', 'jpt-pratama', 'administrator', 'pengawas'] as const;
export type StructuralLevel = (typeof STRUCTURAL_LEVELS)[number];

/** Every level but `jf`: the levels that carry no jenjang. */
export const LEVELS_WITHOUT_JENJANG = [...STRUCTURAL_LEVELS, 'pelaksana'] as const;
export type LevelWithoutJenjang = (typeof LEVELS_WITHOUT_JENJANG)[number];

/** `pelaksana` (executing staff) and `jf` (jabatan fungsional) positions may be held by many employees at once. */
export const LEVELS = [...LEVELS_WITHOUT_JENJANG, 'jf'] as const;
export type Level = (typeof LEVELS)[number];

/** The grades of a functional position (Peraturan BKN 3/2023), skill track then expert track, lowest first. */
export const JENJANG = [
  'pemula',
  'terampil',
  'mahir',
  'penyelia',
  'ahli-pertama',
  'ahli-muda',
  'ahli-madya',
  'ahli-utama',
] as const;
export type Jenjang = (typeof JENJANG)[number];

/** A level as it is held: a functional position always has a jenjang, no other position has one. */
export type PositionLevel = Readonly<{ level: LevelWithoutJenjang }> | Readonly<{ level: 'jf'; jenjang: Jenjang }>;

export const isStructural = (level: Level): level is StructuralLevel =>
  (STRUCTURAL_LEVELS as ReadonlyArray<Level>).includes(level);

/** Structural levels by seniority: a structural position never reports to a structural position of a lower rank. */
export const STRUCTURAL_RANK: Readonly<Record<StructuralLevel, number>> = {
  'jpt-madya': 4,
  'jpt-pratama': 3,
  administrator: 2,
  pengawas: 1,
};

/** The level and jenjang of anything that carries them (a position, a command, an event), and nothing else. */
export const positionLevelOf = (value: PositionLevel): PositionLevel =>
  value.level === 'jf' ? { level: 'jf', jenjang: value.jenjang } : { level: value.level };

export const EMPLOYMENTS = ['pns', 'pppk'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

/** Why an employee leaves the tenant's roster. `transferred-out`: moved to another government (another tenant). */
export const DEPARTURE_REASONS = ['retired', 'resigned', 'dismissed', 'deceased', 'transferred-out'] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

/** A unit (OPD) is registered, optionally under a parent unit (e.g. a UPT Puskesmas under Dinas Kesehatan). */
export type UnitRegistered = Event<'UnitRegistered', Readonly<{ unit: UnitId; name: string; parent?: UnitId }>>;

/** From `effectiveFrom` the unit sits under `parent`, or under no unit when `parent` is absent. */
export type ParentUnitChanged = Event<
  'ParentUnitChanged',
  Readonly<{ unit: UnitId; parent?: UnitId; effectiveFrom: LocalDate }>
>;

/** A position is created in a unit; `reportsTo` absent: it reports to no position (yet). */
export type PositionCreated = Event<'PositionCreated', PositionCreatedData>;
export type PositionCreatedData = Readonly<{
  position: PositionId;
  unit: UnitId;
  title: string;
  /** The unit's head position (see the top of this file). */
  head: boolean;
  reportsTo?: PositionId;
}> &
  PositionLevel;

/** From `effectiveFrom` the position reports to `reportsTo`, or to no position when it is absent. */
export type ReportingLineChanged = Event<
  'ReportingLineChanged',
  Readonly<{ position: PositionId; reportsTo?: PositionId; effectiveFrom: LocalDate }>
>;

/** An employee who holds no position in the roster is appointed to one (first appointment, or after leaving). */
export type EmployeeAppointed = Event<
  'EmployeeAppointed',
  Readonly<{ nip: Nip; name: string; employment: Employment; position: PositionId; effectiveFrom: LocalDate }>
>;

/** An active employee moves to another position of the same tenant (mutasi, promosi). */
export type EmployeeTransferred = Event<
  'EmployeeTransferred',
  Readonly<{ nip: Nip; previousPosition: PositionId; position: PositionId; effectiveFrom: LocalDate }>
>;

/** An active employee leaves the roster: from `effectiveFrom` they hold no position. */
export type EmployeeLeft = Event<
  'EmployeeLeft',
  Readonly<{ nip: Nip; position: PositionId; reason: DepartureReason; effectiveFrom: LocalDate }>
>;

export type RosterEvent =
  | UnitRegistered
  | ParentUnitChanged
  | PositionCreated
  | ReportingLineChanged
  | EmployeeAppointed
  | EmployeeTransferred
  | EmployeeLeft;

// ---------------------------------------------------------------------------------------------------------------
// State: everything with its dates, plus two indexes so that queries never scan the whole roster.
// ---------------------------------------------------------------------------------------------------------------

/**
 * A value that changes over time, oldest first. Each entry holds from `since` (inclusive) until the next entry's
 * `since`; the first entry has no `since` and holds from the start (units and positions carry no creation date).
 */
export type Timeline<V> = ReadonlyArray<Readonly<{ since?: LocalDate; value: V }>>;

/** The value of a timeline on `date`; undefined when it holds none then. */
export const valueOn = <V>(timeline: Timeline<V>, date: LocalDate): V | undefined => {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i];
    if (entry !== undefined && (entry.since === undefined || entry.since <= date)) return entry.value;
  }
  return undefined;
};

export type Unit = Readonly<{
  id: UnitId;
  name: string;
  parent: Timeline<UnitId | undefined>;
  /** The unit's head position, once one is created. */
  head?: PositionId;
}>;

export type Position = Readonly<{
  id: PositionId;
  unit: UnitId;
  title: string;
  head: boolean;
  reportsTo: Timeline<PositionId | undefined>;
}> &
  PositionLevel;

/** An employee in a position over [from, until); `until` absent: still there. */
export type Assignment = Readonly<{ position: PositionId; employment: Employment; from: LocalDate; until?: LocalDate }>;

export type Departure = Readonly<{ position: PositionId; reason: DepartureReason; effectiveFrom: LocalDate }>;

export type Employee = Readonly<{
  nip: Nip;
  /** As given on the latest appointment. */
  name: string;
  /** Oldest first and never overlapping; only the last one may be open (no `until`). */
  assignments: ReadonlyArray<Assignment>;
  /** Oldest first; an employee may leave, be appointed again (e.g. after a dismissal is annulled), and leave again. */
  departures: ReadonlyArray<Departure>;
}>;

/** One holder of a position over [from, until): the same fact as an `Assignment`, indexed by position. */
export type Tenure = Readonly<{ nip: Nip; from: LocalDate; until?: LocalDate }>;

export type EmptyRoster = Readonly<{ status: 'empty' }>;

export type ActiveRoster = Readonly<{
  status: 'active';
  units: PersistentMap<UnitId, Unit>;
  positions: PersistentMap<PositionId, Position>;
  employees: PersistentMap<Nip, Employee>;
  /** Index: the positions of each unit, in order of creation. */
  positionsOfUnit: PersistentMap<UnitId, ReadonlyArray<PositionId>>;
  /** Index: every tenure of each position, in order of appointment, for "who holds it on D" and vacancy checks. */
  tenures: PersistentMap<PositionId, ReadonlyArray<Tenure>>;
}>;

/** Empty until the first unit is registered. */
export type RosterState = EmptyRoster | ActiveRoster;
export type RosterStatus = RosterState['status'];

export const initialState = (): RosterState => ({ status: 'empty' });

const NOTHING_YET: ActiveRoster = {
  status: 'active',
  units: emptyMap(),
  positions: emptyMap(),
  employees: emptyMap(),
  positionsOfUnit: emptyMap(),
  tenures: emptyMap(),
};

/**
 * The roster's contents, with an empty roster seen as one with no units yet: every lookup then simply finds
 * nothing, and neither `decide` nor the queries need a separate path for it.
 */
export const contentsOf = (state: RosterState): ActiveRoster => (state.status === 'active' ? state : NOTHING_YET);

/** The assignment an employee holds now or from a future date: the last one, when it is still open. */
export const openAssignmentOf = (employee: Employee): Assignment | undefined => {
  const last = employee.assignments[employee.assignments.length - 1];
  return last !== undefined && last.until === undefined ? last : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state (an unknown unit, position or employee, a
// duplicate id, an employee who is not active, a date earlier than the history it would extend) leaves the state
// as it is, so a replay never throws and the timelines stay in date order.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whether a dated change may follow a timeline: it must be later than the timeline's last change, so that
 * timelines stay in date order (the decider refuses back-dated changes; this keeps a hand-edited log harmless).
 */
const followsLastChange = <V>(timeline: Timeline<V>, since: LocalDate): boolean => {
  const last = timeline[timeline.length - 1];
  return last?.since === undefined || last.since < since;
};

const append = <K extends string, V>(map: PersistentMap<K, ReadonlyArray<V>>, key: K, value: V) =>
  insert(map, key, [...(lookup(map, key) ?? []), value]);

/** Ends the open tenure of `nip` in `position` on `until`. */
const endTenure = (tenures: ActiveRoster['tenures'], position: PositionId, nip: Nip, until: LocalDate) =>
  adjust(tenures, position, (list) => list.map((t) => (t.nip === nip && t.until === undefined ? { ...t, until } : t)));

/** Ends the employee's open assignment on `until`. */
const endAssignment = (employee: Employee, until: LocalDate): ReadonlyArray<Assignment> =>
  employee.assignments.map((a) => (a.until === undefined ? { ...a, until } : a));

const unitRegistered = (state: RosterState, data: UnitRegistered['data']): RosterState => {
  const roster = contentsOf(state);
  if (lookup(roster.units, data.unit) !== undefined) return state;
  const unit: Unit = { id: data.unit, name: data.name, parent: [{ value: data.parent }] };
  return { ...roster, units: insert(roster.units, data.unit, unit) };
};

const parentUnitChanged = (state: RosterState, data: ParentUnitChanged['data']): RosterState => {
  const roster = contentsOf(state);
  const unit = lookup(roster.units, data.unit);
  if (unit === undefined || !followsLastChange(unit.parent, data.effectiveFrom)) return state;
  const change = { since: data.effectiveFrom, value: data.parent };
  return { ...roster, units: adjust(roster.units, data.unit, (u) => ({ ...u, parent: [...u.parent, change] })) };
};

const positionCreated = (state: RosterState, data: PositionCreatedData): RosterState => {
  const roster = contentsOf(state);
  const unit = lookup(roster.units, data.unit);
  if (unit === undefined || lookup(roster.positions, data.position) !== undefined) return state;
  const position: Position = {
    id: data.position,
    unit: data.unit,
    title: data.title,
    head: data.head,
    reportsTo: [{ value: data.reportsTo }],
    ...positionLevelOf(data),
  };
  const becomesHead = data.head && unit.head === undefined;
  return {
    ...roster,
    units: becomesHead ? insert(roster.units, unit.id, { ...unit, head: data.position }) : roster.units,
    positions: insert(roster.positions, data.position, position),
    positionsOfUnit: append(roster.positionsOfUnit, data.unit, data.position),
  };
};

const reportingLineChanged = (state: RosterState, data: ReportingLineChanged['data']): RosterState => {
  const roster = contentsOf(state);
  const position = lookup(roster.positions, data.position);
  if (position === undefined || !followsLastChange(position.reportsTo, data.effectiveFrom)) return state;
  const change = { since: data.effectiveFrom, value: data.reportsTo };
  return {
    ...roster,
    positions: adjust(roster.positions, data.position, (p) => ({ ...p, reportsTo: [...p.reportsTo, change] })),
  };
};

const employeeAppointed = (state: RosterState, data: EmployeeAppointed['data']): RosterState => {
  const roster = contentsOf(state);
  if (lookup(roster.positions, data.position) === undefined) return state;
  const known = lookup(roster.employees, data.nip);
  if (known !== undefined && openAssignmentOf(known) !== undefined) return state;
  const lastDeparture = known?.departures[known.departures.length - 1];
  if (lastDeparture !== undefined && data.effectiveFrom < lastDeparture.effectiveFrom) return state;
  const assignment: Assignment = { position: data.position, employment: data.employment, from: data.effectiveFrom };
  const employee: Employee = {
    nip: data.nip,
    name: data.name,
    assignments: [...(known?.assignments ?? []), assignment],
    departures: known?.departures ?? [],
  };
  return {
    ...roster,
    employees: insert(roster.employees, data.nip, employee),
    tenures: append(roster.tenures, data.position, { nip: data.nip, from: data.effectiveFrom }),
  };
};

const employeeTransferred = (state: RosterState, data: EmployeeTransferred['data']): RosterState => {
  const roster = contentsOf(state);
  const employee = lookup(roster.employees, data.nip);
  const current = employee === undefined ? undefined : openAssignmentOf(employee);
  if (
    employee === undefined ||
    current === undefined ||
    data.effectiveFrom <= current.from ||
    lookup(roster.positions, data.position) === undefined
  )
    return state;
  const next: Assignment = { position: data.position, employment: current.employment, from: data.effectiveFrom };
  const moved: Employee = { ...employee, assignments: [...endAssignment(employee, data.effectiveFrom), next] };
  const tenures = endTenure(roster.tenures, current.position, data.nip, data.effectiveFrom);
  return {
    ...roster,
    employees: insert(roster.employees, data.nip, moved),
    tenures: append(tenures, data.position, { nip: data.nip, from: data.effectiveFrom }),
  };
};

const employeeLeft = (state: RosterState, data: EmployeeLeft['data']): RosterState => {
  const roster = contentsOf(state);
  const employee = lookup(roster.employees, data.nip);
  const current = employee === undefined ? undefined : openAssignmentOf(employee);
  if (employee === undefined || current === undefined || data.effectiveFrom <= current.from) return state;
  const departure: Departure = { position: current.position, reason: data.reason, effectiveFrom: data.effectiveFrom };
  const left: Employee = {
    ...employee,
    assignments: endAssignment(employee, data.effectiveFrom),
    departures: [...employee.departures, departure],
  };
  return {
    ...roster,
    employees: insert(roster.employees, data.nip, left),
    tenures: endTenure(roster.tenures, current.position, data.nip, data.effectiveFrom),
  };
};

/** Compile time: `evolve` handles every event type. Run time: a type this version does not know changes nothing. */
const ignoreUnknown = (_event: never, state: RosterState): RosterState => state;

export const evolve = (state: RosterState, event: RosterEvent): RosterState => {
  switch (event.type) {
    case 'UnitRegistered':
      return unitRegistered(state, event.data);
    case 'ParentUnitChanged':
      return parentUnitChanged(state, event.data);
    case 'PositionCreated':
      return positionCreated(state, event.data);
    case 'ReportingLineChanged':
      return reportingLineChanged(state, event.data);
    case 'EmployeeAppointed':
      return employeeAppointed(state, event.data);
    case 'EmployeeTransferred':
      return employeeTransferred(state, event.data);
    case 'EmployeeLeft':
      return employeeLeft(state, event.data);
    default:
      return ignoreUnknown(event, state);
  }
};
