/**
 * Prepared statements of the read-model queries, kept per connection and SQL text: a query served many times a
 * second (the ranking behind the HTTP service) prepares its SQL once. SQLite re-prepares a statement by itself
 * when the schema changes, as it does when a rebuild swaps a projection's views.
 */
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Holds at most this many statements per connection (the queries build their SQL from a few filter shapes). */
const MAX_STATEMENTS = 500;

export const prepared = (db: Database.Database, sql: string): Database.Statement => {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
};
