/**
 * A projection's tables in SQLite: checking the declared specs, naming a build's physical tables, creating them
 * and their views, and writing row changes through prepared statements cached per (table, column set).
 *
 * Names (see projection.ts): a build's physical table is `<projection>_v<version>_b<build>_<table>`; the view
 * that queries read is `<projection>_<table>`. The build number (unique in the file, never reused) is what lets
 * a rebuild at the same version fill fresh tables while the old ones keep answering.
 */
import type Database from 'better-sqlite3';
import type { Projection, RowChange, TableSpec, Value } from '../projection';

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const COLUMN = /^[a-z_][a-z0-9_]*$/;

/** Identifiers are checked against IDENTIFIER/COLUMN before use; quoting is belt and braces. */
export const quote = (name: string): string => `"${name}"`;

export const physicalTableName = (projection: string, version: number, build: number, table: string): string =>
  `${projection}_v${version}_b${build}_${table}`;

export const viewName = (projection: string, table: string): string => `${projection}_${table}`;

/**
 * Checks the projections the runner is given: names usable as SQL identifiers, every primary-key and index
 * column declared, no two views with the same name, nothing in the runner's `runner_` namespace. Throws: a
 * mistake here is a bug in the code that declares the projection.
 */
export const checkProjections = (projections: ReadonlyArray<Projection>): void => {
  const names = new Set<string>();
  const views = new Map<string, string>();
  for (const p of projections) {
    const where = `projection ${JSON.stringify(p.name)}`;
    if (!IDENTIFIER.test(p.name)) throw new Error(`${where}: a name is lower-case letters, digits and underscores, starting with a letter`);
    if (p.name === 'runner' || p.name.startsWith('runner_')) throw new Error(`${where}: the runner_ prefix is the runner's own`);
    if (names.has(p.name)) throw new Error(`${where} is declared twice`);
    names.add(p.name);
    if (!Number.isSafeInteger(p.version) || p.version < 1) throw new Error(`${where}: version must be a positive integer`);
    const tables = new Set<string>();
    for (const table of p.tables) {
      const at = `${where}, table ${JSON.stringify(table.name)}`;
      if (!IDENTIFIER.test(table.name)) throw new Error(`${at}: a table name is lower-case letters, digits and underscores`);
      if (/^v\d+_b\d+_/.test(table.name)) throw new Error(`${at}: the name looks like a physical table name`);
      if (tables.has(table.name)) throw new Error(`${at} is declared twice`);
      tables.add(table.name);
      const columns = Object.keys(table.columns);
      if (columns.length === 0) throw new Error(`${at} has no columns`);
      for (const column of columns) {
        if (!COLUMN.test(column)) throw new Error(`${at}: column ${JSON.stringify(column)} is not lower-case letters, digits and underscores`);
        const type = table.columns[column];
        if (type !== 'TEXT' && type !== 'INTEGER' && type !== 'REAL') throw new Error(`${at}: column ${column} has type ${String(type)}`);
      }
      if (table.primaryKey.length === 0) throw new Error(`${at} has no primary key`);
      for (const column of [...table.primaryKey, ...(table.indexes ?? []).flat()]) {
        if (!Object.hasOwn(table.columns, column)) throw new Error(`${at}: key or index column ${JSON.stringify(column)} is not a column`);
      }
      const view = viewName(p.name, table.name);
      const other = views.get(view);
      if (other !== undefined) throw new Error(`${at}: its view ${view} is also ${other}'s`);
      views.set(view, `projection ${p.name}, table ${table.name}`);
    }
  }
};

/**
 * The table specs in a canonical JSON form (columns sorted), recorded with each build: a build whose recorded
 * specs differ from the declared ones was made by other code.
 */
export const tablesFingerprint = (tables: ReadonlyArray<TableSpec>): string =>
  JSON.stringify(
    tables.map((t) => ({
      name: t.name,
      columns: Object.keys(t.columns)
        .sort()
        .map((c) => [c, t.columns[c]]),
      primaryKey: t.primaryKey,
      indexes: t.indexes ?? [],
    })),
  );

/** Creates a build's physical tables (primary keys only: secondary indexes wait for `createIndexes`). */
export const createTables = (db: Database.Database, projection: string, version: number, build: number, tables: ReadonlyArray<TableSpec>): void => {
  for (const table of tables) {
    const pk = new Set(table.primaryKey);
    const columns = Object.entries(table.columns).map(([name, type]) => `${quote(name)} ${type}${pk.has(name) ? ' NOT NULL' : ''}`);
    // STRICT: a projection that writes text into an INTEGER column fails loudly instead of storing it.
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${quote(physicalTableName(projection, version, build, table.name))} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})) STRICT`,
    );
  }
};

/**
 * Secondary indexes, made when a build has caught up, just before its swap: filling a table and then indexing
 * it is faster than keeping its indexes up to date row by row. One transaction per index keeps each hold on the
 * write lock short.
 */
export const createIndexes = (db: Database.Database, projection: string, version: number, build: number, tables: ReadonlyArray<TableSpec>): void => {
  for (const table of tables) {
    const physical = physicalTableName(projection, version, build, table.name);
    (table.indexes ?? []).forEach((columns, i) => {
      db.transaction(() => {
        db.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${physical}_ix${i}`)} ON ${quote(physical)} (${columns.map(quote).join(', ')})`);
      }).immediate();
    });
  }
};

export const dropTables = (db: Database.Database, projection: string, version: number, build: number, tables: ReadonlyArray<TableSpec>): void => {
  for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${quote(physicalTableName(projection, version, build, table.name))}`);
};

/** Points the views of `projection` at a build's tables (drops the views of tables the build does not have). */
export const pointViews = (
  db: Database.Database,
  projection: string,
  build: Readonly<{ version: number; build: number; tables: ReadonlyArray<TableSpec> }>,
  previousTables: ReadonlyArray<TableSpec>,
): void => {
  const keep = new Set(build.tables.map((t) => t.name));
  for (const old of previousTables) if (!keep.has(old.name)) db.exec(`DROP VIEW IF EXISTS ${quote(viewName(projection, old.name))}`);
  for (const table of build.tables) {
    const view = quote(viewName(projection, table.name));
    const columns = Object.keys(table.columns).map(quote).join(', ');
    db.exec(`DROP VIEW IF EXISTS ${view}`);
    db.exec(`CREATE VIEW ${view} AS SELECT ${columns} FROM ${quote(physicalTableName(projection, build.version, build.build, table.name))}`);
  }
};

/**
 * Before a projection's first build is swapped in, its views exist and answer no rows (with the declared
 * columns), so that a query made while the service is still catching up gets an empty answer, not an error.
 * `status()` tells such a projection by its `activeVersion` being undefined.
 */
export const createEmptyViews = (db: Database.Database, projection: string, tables: ReadonlyArray<TableSpec>): void => {
  for (const table of tables) {
    const columns = Object.keys(table.columns)
      .map((c) => `NULL AS ${quote(c)}`)
      .join(', ');
    db.exec(`CREATE VIEW IF NOT EXISTS ${quote(viewName(projection, table.name))} AS SELECT ${columns} WHERE 0`);
  }
};

// ---------------------------------------------------------------------------------------------------------
// Writing row changes

type Bound = Record<string, Value>;

/** A prepared upsert for one column set, with the array its values are bound from (reused: runs are synchronous). */
type Upsert = Readonly<{ columns: ReadonlyArray<string>; args: Value[]; statement: Database.Statement<[Value[]]> }>;

/** True when the row's own keys are exactly `columns`, in that order; allocates nothing. */
const hasColumns = (row: Bound, columns: ReadonlyArray<string>): boolean => {
  let i = 0;
  for (const key in row) {
    if (key !== columns[i]) return false;
    i += 1;
  }
  return i === columns.length;
};

/**
 * Row changes for one build's tables. Statements are prepared on first use and cached per (table, column set):
 * an upsert is `INSERT … ON CONFLICT (pk) DO UPDATE SET` the given non-key columns (`DO NOTHING` when only the
 * key is given), a delete is `DELETE … WHERE` every key column; values are always bound, never spliced in.
 */
export type TableWriter = Readonly<{ write: (change: RowChange) => void }>;

export const tableWriter = (
  db: Database.Database,
  projection: string,
  version: number,
  build: number,
  tables: ReadonlyArray<TableSpec>,
): TableWriter => {
  type TableEntry = {
    readonly spec: TableSpec;
    readonly physical: string;
    readonly pk: ReadonlySet<string>;
    readonly upserts: Map<string, Upsert>;
    /** The column set used last: a projection mostly writes the same shape to a table, so try it first. */
    last?: Upsert;
    deleter?: (key: Bound) => void;
  };
  const byName = new Map<string, TableEntry>(
    tables.map((spec) => [
      spec.name,
      { spec, physical: quote(physicalTableName(projection, version, build, spec.name)), pk: new Set(spec.primaryKey), upserts: new Map() },
    ]),
  );

  const tableOf = (name: string): TableEntry => {
    const entry = byName.get(name);
    if (entry === undefined) throw new Error(`projection ${projection} wrote to table ${JSON.stringify(name)}, which it does not declare`);
    return entry;
  };

  const prepareUpsert = (entry: TableEntry, columns: ReadonlyArray<string>): Upsert => {
    for (const column of columns) {
      if (!Object.hasOwn(entry.spec.columns, column)) {
        throw new Error(`projection ${projection}, table ${entry.spec.name}: column ${JSON.stringify(column)} is not declared`);
      }
    }
    for (const key of entry.spec.primaryKey) {
      if (!columns.includes(key)) throw new Error(`projection ${projection}, table ${entry.spec.name}: an upsert without key column ${key}`);
    }
    const set = columns.filter((c) => !entry.pk.has(c));
    const sql =
      `INSERT INTO ${entry.physical} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${entry.spec.primaryKey.map(quote).join(', ')}) ` +
      (set.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${set.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`);
    return { columns, args: new Array<Value>(columns.length).fill(null), statement: db.prepare<[Value[]]>(sql) };
  };

  const upsertFor = (entry: TableEntry, row: Bound): Upsert => {
    if (entry.last !== undefined && hasColumns(row, entry.last.columns)) return entry.last;
    const columns = Object.keys(row);
    const shape = columns.join(',');
    let upsert = entry.upserts.get(shape);
    if (upsert === undefined) {
      upsert = prepareUpsert(entry, columns);
      entry.upserts.set(shape, upsert);
    }
    entry.last = upsert;
    return upsert;
  };

  const deleter = (entry: TableEntry): ((key: Bound) => void) => {
    const keys = entry.spec.primaryKey;
    const statement = db.prepare<[Value[]]>(`DELETE FROM ${entry.physical} WHERE ${keys.map((c) => `${quote(c)} = ?`).join(' AND ')}`);
    const args = new Array<Value>(keys.length).fill(null);
    return (key) => {
      if (!hasColumns(key, keys) && (Object.keys(key).length !== keys.length || !keys.every((k) => Object.hasOwn(key, k)))) {
        throw new Error(`projection ${projection}, table ${entry.spec.name}: a delete must give exactly the key (${keys.join(', ')}), got ${Object.keys(key).join(', ')}`);
      }
      keys.forEach((k, i) => {
        args[i] = key[k] ?? null;
      });
      statement.run(args);
    };
  };

  const write = (change: RowChange): void => {
    const entry = tableOf(change.table);
    if (change.kind === 'delete') {
      entry.deleter ??= deleter(entry);
      entry.deleter(change.key as Bound);
      return;
    }
    const row = change.row as Bound;
    const { columns, args, statement } = upsertFor(entry, row);
    for (let i = 0; i < columns.length; i++) args[i] = row[columns[i] as string] as Value;
    statement.run(args);
  };

  return { write };
};
