/**
 * Sanctions in force (DOMAIN.md §4; BR-14, PP 94/2021), read model `sanctions`: one row per discipline case with
 * the sanction that stands (as imposed, or as a keberatan or banding changed it: `SanctionReviewed`), its level,
 * who decided it under which authority, and its dates.
 *
 * A sanction is in force on a local date D when `from ≤ D` and (`until` is null or `D < until`) — the domain's
 * `appliesOn` — and it was not annulled on review on or before D. The dates are those the delivery recorded
 * (`DecisionDelivered.inForce`: the decision's own date, or the day after receipt that the policy gives); before
 * delivery, an imposed sanction has no dates and is in force nowhere. A review keeps the first day and replaces
 * the sanction and its end. A dismissal has no end.
 */
import type Database from 'better-sqlite3';
import { appliesOn, levelOfSanction, localDateOf, SANCTION_TYPES, type LocalDate, type SanctionType, type TimeZone } from '@kinerja/domain';
import type { Row } from '../projection';
import { employeeOfStream, isObj, obj, optObj, optStr, readModel, str, upsert, type Obj } from './read-model';
import { prepared } from './statements';

const sanctionColumns = (s: Obj | null): Row =>
  s === null
    ? { sanction: null, months: null, dismissal_kind: null }
    : {
        sanction: str(s, 'type'),
        months: typeof s['months'] === 'number' ? s['months'] : null,
        dismissal_kind: optStr(s, 'kind'),
      };

const inForceColumns = (f: Obj | null): Row =>
  f === null ? { in_force_from: null, in_force_until: null } : { in_force_from: str(f, 'from'), in_force_until: optStr(f, 'until') };

const authorityText = (a: unknown): string | null =>
  typeof a === 'string' ? a : isObj(a) ? [a['official'], a['scope'], a['table'], a['article']].filter((x) => typeof x === 'string').join(' · ') : null;

/** BR-14: the level of a sanction type (null for a type this build does not know). */
const levelOf = (s: Obj): string | null => {
  const type = str(s, 'type');
  return (SANCTION_TYPES as ReadonlyArray<string>).includes(type) ? levelOfSanction({ type: type as SanctionType }) : null;
};

/** Every row names its case and tenant, and the employee (the case id starts with the NIP). */
const caseKey = (tenant: string, caseId: string, streamId: string): Row => ({
  case_id: caseId,
  tenant,
  employee: employeeOfStream(streamId) ?? caseId.slice(0, 18),
});

export const sanctionsProjection = readModel({
  name: 'sanctions',
  version: 1,
  description: 'Disciplinary sanctions per case (PP 94/2021): kind, level, authority, in force from/until, reviews',
  tables: [
    {
      name: 'sanction',
      columns: {
        case_id: 'TEXT',
        tenant: 'TEXT',
        employee: 'TEXT',
        unit: 'TEXT',
        status: 'TEXT',
        sanction: 'TEXT',
        months: 'INTEGER',
        dismissal_kind: 'TEXT',
        level: 'TEXT',
        decided_by: 'TEXT',
        authority: 'TEXT',
        decided_at: 'TEXT',
        time_zone: 'TEXT',
        delivered_at: 'TEXT',
        in_force_from: 'TEXT',
        in_force_until: 'TEXT',
        review_outcome: 'TEXT',
        annulled_at: 'TEXT',
        event_id: 'TEXT',
      },
      primaryKey: ['case_id'],
      indexes: [['tenant', 'employee']],
    },
  ],
  handlers: {
    BreachReported: (e, d) => [
      upsert('sanction', {
        ...caseKey(e.metadata.tenant, str(d, 'caseId'), e.streamId),
        unit: optStr(obj(d, 'facts'), 'employeeUnit'),
        status: 'reported',
      }),
    ],
    SanctionImposed: (e, d) => [
      upsert('sanction', {
        ...caseKey(e.metadata.tenant, str(d, 'caseId'), e.streamId),
        status: 'imposed',
        ...sanctionColumns(obj(d, 'sanction')),
        level: str(d, 'level'),
        decided_by: str(d, 'decidedBy'),
        authority: authorityText(d['authority']),
        decided_at: str(d, 'at'),
        time_zone: str(obj(d, 'deliveryDeadline'), 'timeZone'),
        event_id: e.eventId,
      }),
    ],
    CaseDismissed: (e, d) => [
      upsert('sanction', {
        ...caseKey(e.metadata.tenant, str(d, 'caseId'), e.streamId),
        status: 'dismissed',
        decided_by: str(d, 'decidedBy'),
        authority: authorityText(d['authority']),
        decided_at: str(d, 'at'),
        event_id: e.eventId,
      }),
    ],
    DecisionDelivered: (e, d) => [
      upsert('sanction', {
        ...caseKey(e.metadata.tenant, str(d, 'caseId'), e.streamId),
        status: 'in-force',
        ...sanctionColumns(obj(d, 'sanction')),
        delivered_at: str(d, 'at'),
        ...inForceColumns(obj(d, 'inForce')),
      }),
    ],
    SanctionServed: (e, d) => [upsert('sanction', { ...caseKey(e.metadata.tenant, str(d, 'caseId'), e.streamId), status: 'served' })],
    SanctionReviewed: (e, d) => {
      const sanction = optObj(d, 'sanction');
      return [
        upsert('sanction', {
          ...caseKey(e.metadata.tenant, str(d, 'caseId'), e.streamId),
          review_outcome: str(d, 'outcome'),
          event_id: e.eventId,
          ...(sanction === null
            ? { status: 'annulled', annulled_at: str(d, 'at') }
            : { status: 'in-force', ...sanctionColumns(sanction), level: levelOf(sanction), ...inForceColumns(optObj(d, 'inForce')) }),
        }),
      ];
    },
  },
});

export type SanctionInForce = Readonly<{
  tenant: string;
  caseId: string;
  employee: string;
  unit: string | null;
  sanction: string;
  months: number | null;
  dismissalKind: string | null;
  level: string | null;
  decidedBy: string | null;
  authority: string | null;
  decidedAt: string | null;
  from: LocalDate;
  until: LocalDate | null;
  reviewOutcome: string | null;
  /** The decision event (the imposition, or the review that set this sanction). */
  eventId: string | null;
}>;

type SanctionRow = Readonly<{
  case_id: string;
  tenant: string;
  employee: string;
  unit: string | null;
  status: string;
  sanction: string | null;
  months: number | null;
  dismissal_kind: string | null;
  level: string | null;
  decided_by: string | null;
  authority: string | null;
  decided_at: string | null;
  time_zone: string | null;
  in_force_from: string | null;
  in_force_until: string | null;
  review_outcome: string | null;
  annulled_at: string | null;
  event_id: string | null;
}>;

export type SanctionsFilter = Readonly<{ tenant: string; asOf: LocalDate; unit?: string; employee?: string }>;

/** The sanctions in force on `asOf` (a local date), per employee. */
export const sanctionsInForce = (db: Database.Database, filter: SanctionsFilter): ReadonlyArray<SanctionInForce> => {
  const clauses = ['tenant = ?', 'in_force_from IS NOT NULL', 'in_force_from <= ?'];
  const params: string[] = [filter.tenant, filter.asOf];
  if (filter.unit !== undefined) {
    clauses.push('unit = ?');
    params.push(filter.unit);
  }
  if (filter.employee !== undefined) {
    clauses.push('employee = ?');
    params.push(filter.employee);
  }
  const rows = prepared(db, `SELECT * FROM sanctions_sanction WHERE ${clauses.join(' AND ')} ORDER BY employee, in_force_from`).all(...params) as SanctionRow[];
  return rows.flatMap((r) => {
    if (r.sanction === null || r.in_force_from === null) return [];
    const period = { from: r.in_force_from as LocalDate, until: r.in_force_until as LocalDate | null };
    if (!appliesOn(period, filter.asOf)) return [];
    if (r.annulled_at !== null) {
      const annulledOn = r.time_zone === null ? r.annulled_at.slice(0, 10) : localDateOf(new Date(r.annulled_at), r.time_zone as TimeZone);
      if (annulledOn <= filter.asOf) return [];
    }
    return [
      {
        tenant: r.tenant,
        caseId: r.case_id,
        employee: r.employee,
        unit: r.unit,
        sanction: r.sanction,
        months: r.months,
        dismissalKind: r.dismissal_kind,
        level: r.level,
        decidedBy: r.decided_by,
        authority: r.authority,
        decidedAt: r.decided_at,
        from: period.from,
        until: period.until,
        reviewOutcome: r.review_outcome,
        eventId: r.event_id,
      },
    ];
  });
};
