/**
 * Planning a roster import: from the rows of a roster file (one row per employee) to the commands that build the
 * roster, or to every problem of every bad row. Pure: the engine parses the CSV file with a library and hands the
 * records over; nothing is appended here.
 *
 * All or nothing. Each row is decoded (a wrong cell is named by its column), then the commands are run through
 * the decider against the accumulating state, so a row the decider would refuse is reported by its line too. If
 * any row has a problem, no command is returned: a roster is never half imported.
 *
 * Units and positions are created the first time a row names them, parents and superior positions first
 * whatever the order of the file; a later row that defines the same unit or position differently is a problem on
 * that later line. A unit or position that already exists in the roster is used as it is, and a row that
 * describes it differently is a problem (an import does not restructure the roster).
 *
 * The head of a unit is not a column: a new position is its unit's head when it is structural and reports to no
 * position of its own unit (the rule documented at the top of roster.ts). A unit with two such positions gets
 * `UnitAlreadyHasHead` on the second one's line: usually a missing `reports_to_position_id`.
 *
 * Out of scope: rows for employees already in the roster (re-importing to update them). Such a row is reported
 * as a problem; changes to an existing employee are made with TransferEmployee and RecordDeparture.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import * as t from 'io-ts';
import {
  decodeWith,
  fold,
  LocalDate,
  Nip,
  PositionId,
  strictObject,
  text,
  UnitId,
  type CommandMetadata,
} from '../core';
import { EmploymentCodec, JenjangCodec, LevelCodec } from './codecs';
import { decide, type RosterCommand } from './decide';
import { describeRosterError } from './errors';
import { findEmployee, findPosition, findUnit } from './queries';
import {
  evolve,
  isStructural,
  positionLevelOf,
  type Jenjang,
  type Level,
  type RosterState,
  type Timeline,
} from './roster';

/** The columns of a roster file, in the documented order. */
export const ROSTER_COLUMNS = [
  'nip',
  'name',
  'employment',
  'unit_id',
  'unit_name',
  'parent_unit_id',
  'position_id',
  'position_title',
  'level',
  'jenjang',
  'reports_to_position_id',
  'effective_from',
] as const;

/** One record of the file, by column name, and its line in the file (for the report). */
export type RosterImportRow = Readonly<{ line: number; record: Readonly<Record<string, string>> }>;

/** Everything wrong with one line, in words for the operator who will fix the file. */
export type RowProblems = Readonly<{ line: number; problems: ReadonlyArray<string> }>;

// ---------------------------------------------------------------------------------------------------------------
// Decoding a row
// ---------------------------------------------------------------------------------------------------------------

/** An optional cell: empty or blank means absent. A missing column counts as empty. */
const optionalCell = <A>(codec: t.Type<A, string, unknown>) =>
  new t.Type<A | undefined, string, unknown>(
    `Optional<${codec.name}>`,
    (u): u is A | undefined => u === undefined || codec.is(u),
    (u, c) =>
      u === undefined || (typeof u === 'string' && u.trim() === '') ? t.success(undefined) : codec.validate(u, c),
    (a) => (a === undefined ? '' : codec.encode(a)),
  );

/**
 * A row of the roster file. Unknown columns are refused, each named: a misspelt header (`report_to`) would
 * otherwise silently drop a whole column.
 */
const RosterRowCodec = strictObject(
  'RosterRow',
  {
    nip: Nip,
    name: text(200),
    employment: EmploymentCodec,
    unit_id: UnitId,
    unit_name: text(200),
    position_id: PositionId,
    position_title: text(200),
    level: LevelCodec,
    effective_from: LocalDate,
  },
  {
    parent_unit_id: optionalCell(UnitId),
    jenjang: optionalCell(JenjangCodec),
    reports_to_position_id: optionalCell(PositionId),
  },
);
type RosterRecord = t.TypeOf<typeof RosterRowCodec>;
type DecodedRow = Readonly<{ line: number; row: RosterRecord }>;

// ---------------------------------------------------------------------------------------------------------------
// Units and positions, as the file defines them
// ---------------------------------------------------------------------------------------------------------------

type UnitDefinition = Readonly<{ line: number; unit: UnitId; name: string; parent: UnitId | undefined }>;

type PositionDefinition = Readonly<{
  line: number;
  position: PositionId;
  unit: UnitId;
  title: string;
  level: Level;
  jenjang: Jenjang | undefined;
  reportsTo: PositionId | undefined;
}>;

const unitDefinition = ({ line, row }: DecodedRow): UnitDefinition => ({
  line,
  unit: row.unit_id,
  name: row.unit_name,
  parent: row.parent_unit_id,
});

const positionDefinition = ({ line, row }: DecodedRow): PositionDefinition => ({
  line,
  position: row.position_id,
  unit: row.unit_id,
  title: row.position_title,
  level: row.level,
  jenjang: row.jenjang,
  reportsTo: row.reports_to_position_id,
});

/** The cells of a definition that matter when comparing two, by column name. */
const unitCells = (d: Omit<UnitDefinition, 'line'>) => ({ unit_name: d.name, parent_unit_id: d.parent });
const positionCells = (d: Omit<PositionDefinition, 'line'>) => ({
  unit_id: d.unit,
  position_title: d.title,
  level: d.level,
  jenjang: d.jenjang,
  reports_to_position_id: d.reportsTo,
});

const cell = (value: string | undefined): string => (value === undefined ? 'empty' : JSON.stringify(value));

/** "level: "pengawas" there, "administrator" here; …", or undefined when the two agree. */
const differences = (
  there: Readonly<Record<string, string | undefined>>,
  here: Readonly<Record<string, string | undefined>>,
): string | undefined => {
  const diffs = Object.keys(here)
    .filter((column) => there[column] !== here[column])
    .map((column) => `${column}: ${cell(there[column])} there, ${cell(here[column])} here`);
  return diffs.length === 0 ? undefined : diffs.join('; ');
};

const currentOf = <V>(timeline: Timeline<V>): V | undefined => timeline[timeline.length - 1]?.value;

// ---------------------------------------------------------------------------------------------------------------
// Order
// ---------------------------------------------------------------------------------------------------------------

/**
 * `ids` ordered so that each comes after its parent when the parent is among them too, otherwise in their
 * original order; and the cycles among them (each from an id back to itself), whose members cannot be ordered.
 * Iterative, so a long chain in a big file cannot overflow the stack.
 */
const parentsFirst = <K>(ids: ReadonlyArray<K>, parentOf: (id: K) => K | undefined) => {
  const order: K[] = [];
  const cycles: Array<ReadonlyArray<K>> = [];
  const placed = new Set<K>();
  for (const id of ids) {
    const path: K[] = [];
    const onPath = new Set<K>();
    let current: K | undefined = id;
    while (current !== undefined && !placed.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = parentOf(current);
    }
    if (current !== undefined && onPath.has(current)) cycles.push([...path.slice(path.indexOf(current)), current]);
    for (const k of path.reverse()) {
      placed.add(k);
      order.push(k);
    }
  }
  return { order, cycles };
};

// ---------------------------------------------------------------------------------------------------------------
// Problems, by line, and the run of commands against the accumulating state
// ---------------------------------------------------------------------------------------------------------------

class ProblemsByLine {
  private readonly byLine = new Map<number, string[]>();

  add(line: number, problem: string): void {
    const list = this.byLine.get(line) ?? [];
    if (!list.includes(problem)) list.push(problem);
    this.byLine.set(line, list);
  }

  /** "… could not be created (see line 4)", unless that is this very line, which already says why. */
  dependsOnFailed(line: number, what: string, failedAt: number): void {
    if (failedAt !== line) this.add(line, `${what} could not be created (see line ${failedAt})`);
  }

  get any(): boolean {
    return this.byLine.size > 0;
  }

  list(): ReadonlyArray<RowProblems> {
    return [...this.byLine].sort(([a], [b]) => a - b).map(([line, problems]) => ({ line, problems }));
  }
}

/** Runs each command through the decider as the import would, keeping the accepted ones and the refusals. */
class ImportRun {
  readonly problems = new ProblemsByLine();
  readonly commands: RosterCommand[] = [];
  /** Where a unit or position could not be created: its defining line. Rows that need it say so, once each. */
  readonly failedUnits = new Map<UnitId, number>();
  readonly failedPositions = new Map<PositionId, number>();
  private current: RosterState;

  constructor(
    /** The roster before the import. */
    readonly before: RosterState,
    readonly metadata: CommandMetadata,
  ) {
    this.current = before;
  }

  /** Decides `command` against the state so far; a refusal becomes a problem of `line`. */
  run(line: number, command: RosterCommand): boolean {
    const decision = decide(command, this.current);
    if (isLeft(decision)) {
      this.problems.add(line, describeRosterError(decision.left));
      return false;
    }
    this.commands.push(command);
    this.current = fold(evolve, this.current, decision.right);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The steps
// ---------------------------------------------------------------------------------------------------------------

const decodeRows = (rows: ReadonlyArray<RosterImportRow>, problems: ProblemsByLine): ReadonlyArray<DecodedRow> => {
  const decoded: DecodedRow[] = [];
  for (const { line, record } of rows) {
    const result = decodeWith(RosterRowCodec)(record);
    if (isLeft(result)) for (const { path, message } of result.left) problems.add(line, `column ${path}: ${message}`);
    else decoded.push({ line, row: result.right });
  }
  return decoded;
};

/**
 * The units and positions the file adds to the roster, each at its first definition. Every other row that names
 * one is checked against that definition, or against the roster when it is already there.
 */
const collectDefinitions = (rows: ReadonlyArray<DecodedRow>, state: RosterState, problems: ProblemsByLine) => {
  const units = new Map<UnitId, UnitDefinition>();
  const positions = new Map<PositionId, PositionDefinition>();
  for (const row of rows) {
    const { line } = row;
    const unit = unitDefinition(row);
    const existingUnit = findUnit(state, unit.unit);
    const firstUnit = units.get(unit.unit);
    if (existingUnit !== undefined) {
      const inRoster = { unit: existingUnit.id, name: existingUnit.name, parent: currentOf(existingUnit.parent) };
      const diff = differences(unitCells(inRoster), unitCells(unit));
      if (diff !== undefined) problems.add(line, `unit "${unit.unit}" differs from the roster (${diff})`);
    } else if (firstUnit === undefined) units.set(unit.unit, unit);
    else {
      const diff = differences(unitCells(firstUnit), unitCells(unit));
      if (diff !== undefined)
        problems.add(line, `unit "${unit.unit}" differs from its definition on line ${firstUnit.line} (${diff})`);
    }

    const position = positionDefinition(row);
    const existingPosition = findPosition(state, position.position);
    const firstPosition = positions.get(position.position);
    if (existingPosition !== undefined) {
      const level = positionLevelOf(existingPosition);
      const inRoster = {
        position: existingPosition.id,
        unit: existingPosition.unit,
        title: existingPosition.title,
        level: level.level,
        jenjang: level.level === 'jf' ? level.jenjang : undefined,
        reportsTo: currentOf(existingPosition.reportsTo),
      };
      const diff = differences(positionCells(inRoster), positionCells(position));
      if (diff !== undefined) problems.add(line, `position "${position.position}" differs from the roster (${diff})`);
    } else if (firstPosition === undefined) positions.set(position.position, position);
    else {
      const diff = differences(positionCells(firstPosition), positionCells(position));
      if (diff !== undefined)
        problems.add(
          line,
          `position "${position.position}" differs from its definition on line ${firstPosition.line} (${diff})`,
        );
    }
  }
  return { units, positions };
};

/** Registers the new units, parents first. */
const registerUnits = (units: ReadonlyMap<UnitId, UnitDefinition>, run: ImportRun): void => {
  const { order, cycles } = parentsFirst([...units.keys()], (id) => {
    const parent = units.get(id)?.parent;
    return parent !== undefined && units.has(parent) ? parent : undefined;
  });
  for (const cycle of cycles)
    for (const id of cycle.slice(1)) {
      const line = units.get(id)?.line ?? 0;
      run.problems.add(line, `unit "${id}" would sit under itself: the parent units form a cycle ${cycle.join(' → ')}`);
      run.failedUnits.set(id, line);
    }
  for (const id of order) {
    const unit = units.get(id);
    if (unit === undefined || run.failedUnits.has(id)) continue;
    const parentFailedAt = unit.parent === undefined ? undefined : run.failedUnits.get(unit.parent);
    if (parentFailedAt !== undefined) {
      run.problems.dependsOnFailed(unit.line, `parent unit "${unit.parent}"`, parentFailedAt);
      run.failedUnits.set(id, unit.line);
      continue;
    }
    const data = { unit: id, name: unit.name, ...(unit.parent === undefined ? {} : { parent: unit.parent }) };
    if (!run.run(unit.line, { type: 'RegisterUnit', data, metadata: run.metadata })) run.failedUnits.set(id, unit.line);
  }
};

/**
 * Creates the new positions, superiors first. A new position heads its unit when it is structural and reports
 * to no position of its own unit (see the top of this file); an unknown superior is left to the decider
 * (`SuperiorPositionNotFound`) and does not make a head.
 */
const createPositions = (positions: ReadonlyMap<PositionId, PositionDefinition>, run: ImportRun): void => {
  const { order, cycles } = parentsFirst([...positions.keys()], (id) => {
    const superior = positions.get(id)?.reportsTo;
    return superior !== undefined && positions.has(superior) ? superior : undefined;
  });
  for (const cycle of cycles)
    for (const id of cycle.slice(1)) {
      const line = positions.get(id)?.line ?? 0;
      const path = cycle.join(' → ');
      run.problems.add(line, `position "${id}" would report to itself: the reporting lines form a cycle ${path}`);
      run.failedPositions.set(id, line);
    }
  for (const id of order) {
    const position = positions.get(id);
    if (position === undefined || run.failedPositions.has(id)) continue;
    const { line, unit, title, level, jenjang, reportsTo } = position;
    // One reason is enough: the unit if it failed, else the superior position.
    const unitFailedAt = run.failedUnits.get(unit);
    const superiorFailedAt = reportsTo === undefined ? undefined : run.failedPositions.get(reportsTo);
    if (unitFailedAt !== undefined) run.problems.dependsOnFailed(line, `unit "${unit}"`, unitFailedAt);
    else if (superiorFailedAt !== undefined)
      run.problems.dependsOnFailed(line, `position "${reportsTo}"`, superiorFailedAt);
    if (unitFailedAt !== undefined || superiorFailedAt !== undefined) {
      run.failedPositions.set(id, line);
      continue;
    }
    const superiorUnit =
      reportsTo === undefined
        ? undefined
        : (positions.get(reportsTo)?.unit ?? findPosition(run.before, reportsTo)?.unit);
    const reportsOutsideUnit = reportsTo === undefined || (superiorUnit !== undefined && superiorUnit !== unit);
    const data = {
      position: id,
      unit,
      title,
      level,
      head: isStructural(level) && reportsOutsideUnit,
      ...(jenjang === undefined ? {} : { jenjang }),
      ...(reportsTo === undefined ? {} : { reportsTo }),
    };
    if (!run.run(line, { type: 'CreatePosition', data, metadata: run.metadata })) run.failedPositions.set(id, line);
  }
};

/** Appoints the employee of each row, in file order. */
const appointEmployees = (rows: ReadonlyArray<DecodedRow>, run: ImportRun): void => {
  for (const { line, row } of rows) {
    if (findEmployee(run.before, row.nip) !== undefined) {
      run.problems.add(
        line,
        `employee ${row.nip} is already in the roster; an import only adds new employees ` +
          '(use TransferEmployee or RecordDeparture)',
      );
      continue;
    }
    const positionFailedAt = run.failedPositions.get(row.position_id);
    if (positionFailedAt !== undefined) {
      run.problems.dependsOnFailed(line, `position "${row.position_id}"`, positionFailedAt);
      continue;
    }
    const data = {
      nip: row.nip,
      name: row.name,
      employment: row.employment,
      position: row.position_id,
      effectiveFrom: row.effective_from,
    };
    run.run(line, { type: 'AppointEmployee', data, metadata: run.metadata });
  }
};

// ---------------------------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------------------------

/**
 * The commands that import `rows` into the roster `state`: units, then positions, then one appointment per row;
 * or, when any row is wrong, every problem of every row by line and no command at all.
 */
export const planRosterImport = (
  rows: ReadonlyArray<RosterImportRow>,
  state: RosterState,
  metadata: CommandMetadata,
): Either<ReadonlyArray<RowProblems>, ReadonlyArray<RosterCommand>> => {
  const run = new ImportRun(state, metadata);

  // The role is the same for every command: say it once per line rather than as a cascade of refusals.
  const { actor } = metadata;
  if (actor.role !== 'operator') {
    const refusal = describeRosterError({ _tag: 'NotAnOperator', actor: actor.nip, role: actor.role });
    for (const { line } of rows) run.problems.add(line, refusal);
  } else {
    const decoded = decodeRows(rows, run.problems);
    const { units, positions } = collectDefinitions(decoded, state, run.problems);
    registerUnits(units, run);
    createPositions(positions, run);
    appointEmployees(decoded, run);
  }

  return run.problems.any ? left(run.problems.list()) : right(run.commands);
};
