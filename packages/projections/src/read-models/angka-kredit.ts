/**
 * The angka kredit ledger (BR-24, DOMAIN.md §4), read model `angka_kredit`: one entry per settled evaluation of
 * an employee in a functional position, with the credits the settlement recorded (`EvaluationSettled.consequences.
 * angkaKredit`: jenjang, predikat, share, coefficient, months, credits), replaced by the revision of an upheld
 * objection (`EvaluationRevised`). The recorded credits are used as they are: replaying a 2025 settlement today
 * gives its 2025 credits, whatever the tables say now.
 *
 * Which entries count: the annual evaluation of each plan (`<nip>.<plan period>.<plan period>`; a plan period
 * shorter than a year after a change of position is pro rata by the BR-24 policy). Periodic evaluations (quarterly
 * and the like) also carry credits in their consequences; they are listed with `counted: false` so that a year is
 * not counted twice.
 */
import type Database from 'better-sqlite3';
import type { Predikat } from '@kinerja/domain';
import type { RowChange } from '../projection';
import { evaluationParts, num, obj, optObj, readModel, remove, str, unitPeriodParts, upsert, type Obj } from './read-model';
import { prepared } from './statements';

const entryOf = (evaluation: string, consequences: Obj, rest: Readonly<Record<string, string | number>>): RowChange => {
  const ak = optObj(consequences, 'angkaKredit');
  if (ak === null) return remove('entry', { evaluation });
  const parts = evaluationParts(evaluation);
  return upsert('entry', {
    evaluation,
    employee: parts.employee,
    period: parts.period,
    plan_period: parts.planPeriod,
    kind: parts.kind,
    jenjang: str(ak, 'jenjang'),
    predikat: str(ak, 'predikat'),
    share: num(ak, 'share'),
    coefficient: num(ak, 'coefficient'),
    months: num(ak, 'months'),
    credits: num(ak, 'credits'),
    ...rest,
  });
};

export const angkaKreditProjection = readModel({
  name: 'angka_kredit',
  version: 1,
  description: 'BR-24 angka kredit per settled evaluation of a functional position, as the settlement recorded it',
  tables: [
    {
      name: 'entry',
      columns: {
        evaluation: 'TEXT',
        tenant: 'TEXT',
        unit: 'TEXT',
        employee: 'TEXT',
        period: 'TEXT',
        plan_period: 'TEXT',
        kind: 'TEXT',
        jenjang: 'TEXT',
        predikat: 'TEXT',
        share: 'REAL',
        coefficient: 'REAL',
        months: 'REAL',
        credits: 'REAL',
        stage: 'TEXT',
        at: 'TEXT',
        event_id: 'TEXT',
      },
      primaryKey: ['evaluation'],
      indexes: [['tenant', 'employee']],
    },
  ],
  handlers: {
    EvaluationSettled: (e, d) => [
      entryOf(str(d, 'evaluation'), obj(d, 'consequences'), {
        tenant: e.metadata.tenant,
        unit: unitPeriodParts(str(d, 'unitPeriod')).unit,
        stage: 'settled',
        at: str(d, 'at'),
        event_id: e.eventId,
      }),
    ],
    EvaluationRevised: (e, d) => [
      entryOf(str(d, 'evaluation'), obj(d, 'consequences'), { tenant: e.metadata.tenant, stage: 'revised', at: str(d, 'at'), event_id: e.eventId }),
    ],
  },
});

export type AngkaKreditEntry = Readonly<{
  tenant: string;
  unit: string | null;
  employee: string;
  evaluation: string;
  period: string;
  planPeriod: string;
  kind: 'annual' | 'periodic';
  jenjang: string;
  predikat: Predikat;
  share: number;
  coefficient: number;
  months: number;
  credits: number;
  stage: 'settled' | 'revised';
  at: string;
  /** The event that recorded the credits (explain it for the provenance). */
  eventId: string;
  /** Counted in the employee's total (annual evaluations only). */
  counted: boolean;
  /** The employee's counted credits up to and including this entry. */
  cumulative: number;
}>;

export type AngkaKreditFilter = Readonly<{ tenant: string; employee?: string; unit?: string; period?: string }>;

type EntryRow = Readonly<{
  evaluation: string;
  tenant: string;
  unit: string | null;
  employee: string;
  period: string;
  plan_period: string;
  kind: 'annual' | 'periodic';
  jenjang: string;
  predikat: Predikat;
  share: number;
  coefficient: number;
  months: number;
  credits: number;
  stage: 'settled' | 'revised';
  at: string;
  event_id: string;
}>;

/** The ledger, per employee in period order, with a running total of the counted (annual) credits. */
export const angkaKreditLedger = (db: Database.Database, filter: AngkaKreditFilter): ReadonlyArray<AngkaKreditEntry> => {
  const clauses = ['tenant = ?'];
  const params = [filter.tenant];
  if (filter.employee !== undefined) {
    clauses.push('employee = ?');
    params.push(filter.employee);
  }
  if (filter.unit !== undefined) {
    clauses.push('unit = ?');
    params.push(filter.unit);
  }
  const rows = prepared(db, `SELECT * FROM angka_kredit_entry WHERE ${clauses.join(' AND ')} ORDER BY employee, plan_period, kind, period`)
    .all(...params) as EntryRow[];
  const totals = new Map<string, number>();
  const ledger = rows.map((r): AngkaKreditEntry => {
    const counted = r.kind === 'annual';
    const cumulative = Math.round(((totals.get(r.employee) ?? 0) + (counted ? r.credits : 0)) * 10_000) / 10_000;
    totals.set(r.employee, cumulative);
    return {
      tenant: r.tenant,
      unit: r.unit,
      employee: r.employee,
      evaluation: r.evaluation,
      period: r.period,
      planPeriod: r.plan_period,
      kind: r.kind,
      jenjang: r.jenjang,
      predikat: r.predikat,
      share: r.share,
      coefficient: r.coefficient,
      months: r.months,
      credits: r.credits,
      stage: r.stage,
      at: r.at,
      eventId: r.event_id,
      counted,
      cumulative,
    };
  });
  return filter.period === undefined ? ledger : ledger.filter((e) => e.period === filter.period || e.planPeriod === filter.period);
};
