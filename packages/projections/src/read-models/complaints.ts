/**
 * Complaint SLA compliance per unit and per employee (BR-23; DOMAIN.md §4), read model `complaint_sla`, from the
 * complaint aggregate's events (issue 6). Every complaint event names its complaint, unit, SLA class, the employee
 * the citizen named, the assignee and the cycle; each handling event names its handler, the deadline it was
 * measured against and whether it was met. Nothing about the citizen is kept: the contact details and the tracking
 * code of `ComplaintFiled` (`COMPLAINT_PERSONAL_DATA`) and the description never reach a row.
 *
 * The figures mean what the domain's `unitComplaintSummary` and `employeeComplaintIndicators` mean:
 * - per unit: complaints filed; first responses (acknowledgements) and how many met the first-response deadline;
 *   resolutions and how many met their cycle's resolution deadline; escalations; satisfaction ratings and their
 *   mean;
 * - per employee (as handler): responses and how many met the cycle's resolution deadline; first responses and
 *   the mean time from filing; resolutions and how many the citizen reopened (the reopen rate, an accuracy proxy);
 *   and the complaints naming them (spam excluded) with their mean satisfaction.
 * A window filters by the instant of each step (filing, response, ...), `[from, to)`.
 */
import type Database from 'better-sqlite3';
import type { EventEnvelope } from '@kinerja/eventstore';
import type { Row, RowChange } from '../projection';
import { each, instant, num, optStr, readModel, str, upsert, type Handler, type Obj } from './read-model';
import { prepared } from './statements';

const ref = (e: EventEnvelope, d: Obj): Row => ({ stream: e.streamId, tenant: e.metadata.tenant, complaint: str(d, 'complaint'), unit: str(d, 'unit') });

/** A handling step (acknowledgement, response, resolution) of a cycle. */
const step =
  (name: 'acknowledged' | 'responded' | 'resolved'): Handler =>
  (e, d) => {
    const at = instant(d, 'at');
    const changes: RowChange[] = [
      upsert('step', {
        ...ref(e, d),
        cycle: num(d, 'cycle'),
        step: name,
        handler: str(d, 'handler'),
        within_sla: d['withinSla'] === true ? 1 : 0,
        at,
        ms: Date.parse(at) - Date.parse(instant(d, 'receivedAt')),
        reopened: 0,
      }),
    ];
    changes.push(upsert('complaint', { ...ref(e, d), status: name }));
    return changes;
  };

const finished =
  (status: string): Handler =>
  (e, d) => [upsert('complaint', { ...ref(e, d), status })];

export const complaintSlaProjection = readModel({
  name: 'complaint_sla',
  version: 1,
  description: 'BR-23 complaint handling per complaint and cycle: first response, response, resolution within SLA, escalations, satisfaction (no personal data)',
  tables: [
    {
      name: 'complaint',
      columns: {
        stream: 'TEXT',
        tenant: 'TEXT',
        complaint: 'TEXT',
        unit: 'TEXT',
        category: 'TEXT',
        channel: 'TEXT',
        sla_class: 'TEXT',
        named_employee: 'TEXT',
        filed_at: 'TEXT',
        status: 'TEXT',
        satisfaction: 'INTEGER',
        closed_at: 'TEXT',
      },
      primaryKey: ['stream'],
      indexes: [['tenant', 'unit']],
    },
    {
      name: 'step',
      columns: {
        stream: 'TEXT',
        cycle: 'INTEGER',
        step: 'TEXT',
        tenant: 'TEXT',
        complaint: 'TEXT',
        unit: 'TEXT',
        handler: 'TEXT',
        within_sla: 'INTEGER',
        at: 'TEXT',
        ms: 'INTEGER',
        reopened: 'INTEGER',
      },
      primaryKey: ['stream', 'cycle', 'step'],
      indexes: [['tenant', 'unit']],
    },
  ],
  handlers: {
    ComplaintFiled: (e, d) => [
      upsert('complaint', {
        ...ref(e, d),
        category: str(d, 'category'),
        channel: str(d, 'channel'),
        sla_class: str(d, 'slaClass'),
        named_employee: optStr(d, 'namedEmployee'),
        filed_at: instant(d, 'at'),
        status: 'filed',
      }),
    ],
    ComplaintAcknowledged: step('acknowledged'),
    ComplaintResponded: step('responded'),
    ComplaintResolved: step('resolved'),
    ComplaintReopened: (e, d) => [
      upsert('complaint', { ...ref(e, d), status: 'reopened' }),
      // The resolution of the cycle before was reopened (the reopen rate of its handler).
      upsert('step', { ...ref(e, d), cycle: num(d, 'cycle') - 1, step: 'resolved', handler: str(d, 'previousHandler'), reopened: 1 }),
    ],
    ComplaintEscalated: (e, d) => [
      upsert('step', {
        ...ref(e, d),
        cycle: num(d, 'cycle'),
        step: `escalated-${str(d, 'deadlineKind')}`,
        handler: null,
        within_sla: 0,
        at: instant(d, 'at'),
      }),
    ],
    ComplaintClosed: (e, d) => [
      upsert('complaint', { ...ref(e, d), status: 'closed', satisfaction: num(d, 'satisfaction'), closed_at: instant(d, 'at') }),
    ],
    ...each(['ComplaintMergedAsDuplicate'], finished('merged')),
    ...each(['ComplaintRejectedAsSpam'], finished('rejected-as-spam')),
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

export type SlaWindow = Readonly<{ from: string; to: string }>;

export type UnitComplaintSla = Readonly<{
  tenant: string;
  unit: string;
  filed: number;
  open: number;
  acknowledged: number;
  acknowledgedWithinSla: number;
  firstResponseCompliance: number | null;
  resolved: number;
  resolvedWithinSla: number;
  resolutionCompliance: number | null;
  escalated: number;
  rated: number;
  meanSatisfaction: number | null;
}>;

export type ComplaintSlaFilter = Readonly<{ tenant: string; unit?: string; window?: SlaWindow }>;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const windowClause = (column: string, window: SlaWindow | undefined, params: string[]): string => {
  if (window === undefined) return '';
  params.push(new Date(window.from).toISOString(), new Date(window.to).toISOString());
  return ` AND ${column} >= ? AND ${column} < ?`;
};

const OPEN = "('filed', 'acknowledged', 'responded', 'resolved', 'reopened')";

/** BR-23 compliance per unit of a tenant. */
export const complaintSlaByUnit = (db: Database.Database, filter: ComplaintSlaFilter): ReadonlyArray<UnitComplaintSla> => {
  const unitClause = filter.unit === undefined ? '' : ' AND unit = ?';
  const unitParams = filter.unit === undefined ? [] : [filter.unit];
  const cParams = [filter.tenant, ...unitParams];
  const filed = prepared(db, 
      `SELECT unit, COUNT(*) AS filed, SUM(CASE WHEN status IN ${OPEN} THEN 1 ELSE 0 END) AS open
       FROM complaint_sla_complaint WHERE tenant = ?${unitClause}${windowClause('filed_at', filter.window, cParams)} GROUP BY unit`,
    )
    .all(...cParams) as Array<{ unit: string; filed: number; open: number }>;
  const rParams = [filter.tenant, ...unitParams];
  const rated = prepared(db, 
      `SELECT unit, COUNT(*) AS rated, AVG(satisfaction) AS mean FROM complaint_sla_complaint
       WHERE tenant = ? AND satisfaction IS NOT NULL${unitClause}${windowClause('closed_at', filter.window, rParams)} GROUP BY unit`,
    )
    .all(...rParams) as Array<{ unit: string; rated: number; mean: number }>;
  const sParams = [filter.tenant, ...unitParams];
  const steps = prepared(db, 
      `SELECT unit, step, COUNT(*) AS n, SUM(within_sla) AS within FROM complaint_sla_step
       WHERE tenant = ? AND at IS NOT NULL${unitClause}${windowClause('at', filter.window, sParams)} GROUP BY unit, step`,
    )
    .all(...sParams) as Array<{ unit: string; step: string; n: number; within: number }>;
  const units = new Set([...filed.map((r) => r.unit), ...rated.map((r) => r.unit), ...steps.map((r) => r.unit)]);
  return [...units].sort().map((unit) => {
    const f = filed.find((r) => r.unit === unit);
    const r = rated.find((x) => x.unit === unit);
    const s = (name: string) => steps.find((x) => x.unit === unit && x.step === name);
    const ack = s('acknowledged');
    const res = s('resolved');
    const escalated = steps.filter((x) => x.unit === unit && x.step.startsWith('escalated-')).reduce((a, x) => a + x.n, 0);
    return {
      tenant: filter.tenant,
      unit,
      filed: f?.filed ?? 0,
      open: f?.open ?? 0,
      acknowledged: ack?.n ?? 0,
      acknowledgedWithinSla: ack?.within ?? 0,
      firstResponseCompliance: ratio(ack?.within ?? 0, ack?.n ?? 0),
      resolved: res?.n ?? 0,
      resolvedWithinSla: res?.within ?? 0,
      resolutionCompliance: ratio(res?.within ?? 0, res?.n ?? 0),
      escalated,
      rated: r?.rated ?? 0,
      meanSatisfaction: r === undefined ? null : r.mean,
    };
  });
};

export type EmployeeComplaintSla = Readonly<{
  tenant: string;
  employee: string;
  answered: number;
  answeredWithinSla: number;
  shareAnsweredWithinSla: number | null;
  firstResponses: number;
  meanTimeToFirstResponseMs: number | null;
  resolved: number;
  reopened: number;
  reopenRate: number | null;
  /** Complaints naming the employee (spam excluded), and the citizens' mean satisfaction with them. */
  named: number;
  namedMeanSatisfaction: number | null;
}>;

/** BR-23 handling per employee (as handler) of a tenant, or of one unit's complaints. */
export const complaintSlaByEmployee = (
  db: Database.Database,
  filter: ComplaintSlaFilter & Readonly<{ employee?: string }>,
): ReadonlyArray<EmployeeComplaintSla> => {
  const clauses = ['tenant = ?', 'handler IS NOT NULL', 'at IS NOT NULL'];
  const params = [filter.tenant];
  if (filter.unit !== undefined) {
    clauses.push('unit = ?');
    params.push(filter.unit);
  }
  if (filter.employee !== undefined) {
    clauses.push('handler = ?');
    params.push(filter.employee);
  }
  const steps = prepared(db, 
      `SELECT handler, step, COUNT(*) AS n, SUM(within_sla) AS within, AVG(ms) AS ms, SUM(reopened) AS reopened
       FROM complaint_sla_step WHERE ${clauses.join(' AND ')}${windowClause('at', filter.window, params)} GROUP BY handler, step`,
    )
    .all(...params) as Array<{ handler: string; step: string; n: number; within: number; ms: number; reopened: number }>;
  const nClauses = ["tenant = ?", 'named_employee IS NOT NULL', "status <> 'rejected-as-spam'"];
  const nParams = [filter.tenant];
  if (filter.unit !== undefined) {
    nClauses.push('unit = ?');
    nParams.push(filter.unit);
  }
  if (filter.employee !== undefined) {
    nClauses.push('named_employee = ?');
    nParams.push(filter.employee);
  }
  const named = prepared(db, 
      `SELECT named_employee AS employee, COUNT(*) AS n, AVG(satisfaction) AS mean FROM complaint_sla_complaint
       WHERE ${nClauses.join(' AND ')}${windowClause('filed_at', filter.window, nParams)} GROUP BY named_employee`,
    )
    .all(...nParams) as Array<{ employee: string; n: number; mean: number | null }>;
  const employees = new Set([...steps.map((s) => s.handler), ...named.map((n) => n.employee)]);
  return [...employees].sort().map((employee) => {
    const s = (name: string) => steps.find((x) => x.handler === employee && x.step === name);
    const responded = s('responded');
    const ack = s('acknowledged');
    const resolved = s('resolved');
    const n = named.find((x) => x.employee === employee);
    return {
      tenant: filter.tenant,
      employee,
      answered: responded?.n ?? 0,
      answeredWithinSla: responded?.within ?? 0,
      shareAnsweredWithinSla: ratio(responded?.within ?? 0, responded?.n ?? 0),
      firstResponses: ack?.n ?? 0,
      meanTimeToFirstResponseMs: ack === undefined ? null : ack.ms,
      resolved: resolved?.n ?? 0,
      reopened: resolved?.reopened ?? 0,
      reopenRate: ratio(resolved?.reopened ?? 0, resolved?.n ?? 0),
      named: n?.n ?? 0,
      namedMeanSatisfaction: n?.mean ?? null,
    };
  });
};
