/**
 * What the query handlers share around the read-model database: its type (better-sqlite3's `Database`, as the
 * read-model functions take it), reading with SQLite's transient failures turned into 503, and narrowing a report
 * to the caller's own rows when the caller reads only as an employee.
 */
import type { Role, TenantId } from '@kinerja/domain';
import { localDateOf, policyFor, type LocalDate, type TimeZone } from '@kinerja/domain';
import type { explain } from '@kinerja/projections';
import type { Principal } from '../contracts';
import { assertMayReadEmployee } from './access';
import { unavailable } from './problems';

/** The read-model database (the `READ_MODEL_DB` provider). */
export type ReadModelDb = Parameters<typeof explain>[0];

const isTransient = (error: unknown): boolean => {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|NOMEM|INTERRUPT)/.test(code);
};

/** Runs a read; a busy, locked or failing database is a 503 (retry), anything else a bug. */
export const read = <A>(query: () => A): A => {
  try {
    return query();
  } catch (error) {
    if (isTransient(error)) throw unavailable(`the read models cannot be read now (${(error as { code: string }).code})`);
    throw error;
  }
};

/**
 * The employee a report is narrowed to: a caller with one of `broadRoles` reads what they asked for (every
 * employee when `requested` is undefined); a caller who reads only as an employee (pegawai) reads their own rows,
 * and asking for someone else's is a 403.
 */
export const employeeScope = (principal: Principal, requested: string | undefined, broadRoles: ReadonlyArray<Role>): string | undefined => {
  if (principal.roles.some((role) => broadRoles.includes(role))) return requested;
  if (requested !== undefined) assertMayReadEmployee(principal, requested);
  return principal.nip;
};

/** Today in the tenant's time zone (UTC for a tenant without a policy). */
export const todayIn = (tenant: TenantId, now: Date = new Date()): LocalDate => localDateOf(now, policyFor(tenant)?.timeZone ?? ('UTC' as TimeZone));
