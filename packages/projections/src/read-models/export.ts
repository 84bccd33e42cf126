/**
 * `exportReadModel(db, name, { tenant?, period?, unit? })`: one read model's query results as flat rows, for
 * `kinerja export <read model> --format csv|json` and the API. `READ_MODEL_NAMES` lists what can be exported.
 *
 * Rows are flat records of strings, numbers and nulls: a nested object of plain values becomes dotted columns
 * (`counts.sangat-baik`), booleans become 1/0 (as SQLite stores them), and lists become JSON text. Without a
 * tenant, every tenant the read model holds is exported, one after the other. Filters a read model has no use for
 * are ignored (the audit trail has no unit or period).
 */
import type Database from 'better-sqlite3';
import type { Value } from '../projection';
import { angkaKreditLedger } from './angka-kredit';
import { complaintSlaByEmployee, complaintSlaByUnit } from './complaints';
import { distribution, rankingByTenant, rankingByUnit, unitRanking } from './ranking';
import { trainingNeeds } from './training-needs';
import { deadlinesDue, objectionsAwaitingDecision, plansAwaitingApproval } from './work-queues';
import { prepared } from './statements';

export type ExportFilter = Readonly<{ tenant?: string; period?: string; unit?: string }>;
export type ExportRow = Readonly<Record<string, Value>>;

const isPlain = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

const cell = (v: unknown): Value =>
  v === null || v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);

/** A record as a flat row (see the header). */
export const flatRow = (record: Readonly<Record<string, unknown>>): ExportRow => {
  const row: Record<string, Value> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isPlain(value) && Object.values(value).every((x) => !isPlain(x) && !Array.isArray(x)))
      for (const [sub, x] of Object.entries(value)) row[`${key}.${sub}`] = cell(x);
    else row[key] = cell(value);
  }
  return row;
};

const tenantsOf = (db: Database.Database, view: string, filter: ExportFilter): ReadonlyArray<string> =>
  filter.tenant !== undefined
    ? [filter.tenant]
    : (prepared(db, `SELECT DISTINCT tenant FROM ${view} WHERE tenant IS NOT NULL ORDER BY tenant`).all() as Array<{ tenant: string }>).map((r) => r.tenant);

const opt = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

type Exporter = Readonly<{
  description: string;
  /** The view whose tenants are exported when no tenant is given. */
  view: string;
  rows: (db: Database.Database, tenant: string, filter: ExportFilter) => ReadonlyArray<Readonly<Record<string, unknown>>>;
}>;

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/** What `kinerja export` accepts. */
export const READ_MODEL_NAMES = [
  'ranking',
  'tenant-ranking',
  'unit-ranking',
  'distribution',
  'audit-trail',
  'provenance',
  'complaint-sla',
  'complaint-sla-employees',
  'training-needs',
  'angka-kredit',
  'sanctions',
  'plan-queue',
  'objection-queue',
  'deadlines',
] as const;

export type ReadModelName = (typeof READ_MODEL_NAMES)[number];

const EXPORTERS: Readonly<Record<ReadModelName, Exporter>> = {
  ranking: {
    description: 'employees ranked within their unit per period (DOMAIN.md §4)',
    view: 'ranking_member',
    rows: (db, tenant, f) => rankingByUnit(db, { tenant, ...opt('period', f.period), ...opt('unit', f.unit) }),
  },
  'tenant-ranking': {
    description: "employees ranked across the tenant's units per period",
    view: 'ranking_member',
    rows: (db, tenant, f) => rankingByTenant(db, { tenant, ...opt('period', f.period) }).filter((r) => f.unit === undefined || r.unit === f.unit),
  },
  'unit-ranking': {
    description: 'units ranked by organisational result and predikat distribution',
    view: 'ranking_unit',
    rows: (db, tenant, f) => unitRanking(db, { tenant, ...opt('period', f.period) }).filter((r) => f.unit === undefined || r.unit === f.unit),
  },
  distribution: {
    description: 'predikat counts per unit and period against the kurva distribusi (BR-04..08)',
    view: 'ranking_unit',
    rows: (db, tenant, f) =>
      distribution(db, { tenant, ...opt('period', f.period), ...opt('unit', f.unit) }).map(({ bounds, ...rest }) => ({
        ...rest,
        bounds: bounds.map((b) => `${b.rule} ${b.predikat.join('+')} ${b.count} in ${b.allowed.min}..${b.allowed.max}${b.ok ? '' : ' VIOLATED'}`).join('; '),
      })),
  },
  'audit-trail': {
    description: 'every event: when, who, role, what, basis, hash',
    view: 'audit_event',
    rows: (db, tenant) =>
      prepared(db, 
          `SELECT position, event_id, stream, version, type, occurred, recorded, actor, role, employee, summary, rule_book, articles, hash
           FROM audit_event WHERE tenant = ? ORDER BY position`,
        )
        .all(tenant) as ReadonlyArray<Record<string, unknown>>,
  },
  provenance: {
    description: 'every decision: actor, authority, rule book, articles, input events',
    view: 'audit_event',
    rows: (db, tenant) =>
      prepared(db, 
          `SELECT event_id, type, stream, occurred, actor, role, decided_by, authority, rule_book, articles, inputs, cause
           FROM audit_event WHERE tenant = ? AND (rule_book IS NOT NULL OR authority IS NOT NULL) ORDER BY position`,
        )
        .all(tenant) as ReadonlyArray<Record<string, unknown>>,
  },
  'complaint-sla': {
    description: 'BR-23 complaint handling per unit',
    view: 'complaint_sla_complaint',
    rows: (db, tenant, f) => complaintSlaByUnit(db, { tenant, ...opt('unit', f.unit) }),
  },
  'complaint-sla-employees': {
    description: 'BR-23 complaint handling per employee',
    view: 'complaint_sla_complaint',
    rows: (db, tenant, f) => complaintSlaByEmployee(db, { tenant, ...opt('unit', f.unit) }),
  },
  'training-needs': {
    description: 'BerAKHLAK values rated below expectation',
    view: 'training_needs_evaluation',
    rows: (db, tenant, f) => trainingNeeds(db, { tenant, ...opt('period', f.period), ...opt('unit', f.unit) }),
  },
  'angka-kredit': {
    description: 'BR-24 angka kredit ledger',
    view: 'angka_kredit_entry',
    rows: (db, tenant, f) => angkaKreditLedger(db, { tenant, ...opt('period', f.period), ...opt('unit', f.unit) }),
  },
  sanctions: {
    description: 'disciplinary cases with their sanction and dates in force (PP 94/2021)',
    view: 'sanctions_sanction',
    rows: (db, tenant, f) =>
      prepared(db, 
          `SELECT case_id, employee, unit, status, sanction, months, dismissal_kind, level, decided_by, authority, decided_at, in_force_from,
                  in_force_until, review_outcome, annulled_at FROM sanctions_sanction WHERE tenant = ?${f.unit === undefined ? '' : ' AND unit = ?'} ORDER BY employee, case_id`,
        )
        .all(tenant, ...(f.unit === undefined ? [] : [f.unit])) as ReadonlyArray<Record<string, unknown>>,
  },
  'plan-queue': {
    description: 'plans waiting for their appraiser’s approval',
    view: 'work_queue_plan',
    rows: (db, tenant, f) => plansAwaitingApproval(db, { tenant, ...opt('unit', f.unit) }),
  },
  'objection-queue': {
    description: 'objections waiting for a decision',
    view: 'work_queue_objection',
    rows: (db, tenant) => objectionsAwaitingDecision(db, { tenant }),
  },
  deadlines: {
    description: 'open deadlines with who must act',
    view: 'work_queue_deadline',
    rows: (db, tenant, f) => deadlinesDue(db, { tenant, to: FAR_FUTURE }).filter((d) => f.unit === undefined || d.unit === f.unit),
  },
};

/** One line per exportable read model, for `--help`. */
export const READ_MODEL_DESCRIPTIONS: Readonly<Record<ReadModelName, string>> = Object.fromEntries(
  READ_MODEL_NAMES.map((name) => [name, EXPORTERS[name].description]),
) as Readonly<Record<ReadModelName, string>>;

export const isReadModelName = (name: string): name is ReadModelName => Object.prototype.hasOwnProperty.call(EXPORTERS, name);

/** The rows of one read model; throws on a name not in `READ_MODEL_NAMES` (check with `isReadModelName`). */
export const exportReadModel = (db: Database.Database, name: string, filter: ExportFilter = {}): ReadonlyArray<ExportRow> => {
  if (!isReadModelName(name)) throw new Error(`unknown read model ${JSON.stringify(name)}; one of ${READ_MODEL_NAMES.join(', ')}`);
  const exporter = EXPORTERS[name];
  return tenantsOf(db, exporter.view, filter).flatMap((tenant) => exporter.rows(db, tenant, filter).map(flatRow));
};
