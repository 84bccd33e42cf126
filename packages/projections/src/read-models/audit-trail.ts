/**
 * The audit trail queries (issue 7: "audit trail per employee and per stream: when, who, role, what, basis,
 * hash"), over the audit read model's views. An entry is the same record as a provenance node.
 */
import type Database from 'better-sqlite3';
import { nodeOf, type ProvenanceNode } from './provenance';
import { prepared } from './statements';

export type AuditEntry = ProvenanceNode;

export type EmployeeTrailOptions = Readonly<{
  tenant?: string;
  /** Only events recorded at or after / before this instant (ISO-8601, UTC). */
  recordedFrom?: string;
  recordedTo?: string;
  limit?: number;
}>;

type Row = Parameters<typeof nodeOf>[0];

/**
 * Every event about one employee, oldest first: their own streams' events, events that name them (a proposal, a
 * roster change, a complaint naming them) and the unit settlements that settled their predikat.
 */
export const auditTrailForEmployee = (db: Database.Database, nip: string, options: EmployeeTrailOptions = {}): ReadonlyArray<AuditEntry> => {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (options.tenant !== undefined) {
    where.push('e.tenant = ?');
    params.push(options.tenant);
  }
  if (options.recordedFrom !== undefined) {
    where.push('e.recorded >= ?');
    params.push(options.recordedFrom);
  }
  if (options.recordedTo !== undefined) {
    where.push('e.recorded <= ?');
    params.push(options.recordedTo);
  }
  const extra = where.length === 0 ? '' : ` AND ${where.join(' AND ')}`;
  const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
  const rows = prepared(db, 
      `SELECT e.* FROM audit_event e WHERE e.employee = ?${extra}
       UNION
       SELECT e.* FROM audit_subject s JOIN audit_event e ON e.position = s.position WHERE s.nip = ?${extra}
       ORDER BY position${limit}`,
    )
    .all(nip, ...params, nip, ...params) as Row[];
  return rows.map(nodeOf);
};

/** Every event of one stream, in stream order. */
export const auditTrailForStream = (db: Database.Database, streamId: string): ReadonlyArray<AuditEntry> =>
  (prepared(db, 'SELECT * FROM audit_event WHERE stream = ? ORDER BY version').all(streamId) as Row[]).map(nodeOf);
