/**
 * What a seeded store must show, read back from the log: settled units under the curve, final evaluations, and the
 * complaints and discipline cases with the facts their events record.
 */
import { checkDistribution, PREDIKAT, type DistributionCounts, type OrganisationalResult, type Predikat } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';

export type SeededLog = Readonly<{
  /** Unit ids registered per tenant (roster streams). */
  unitsByTenant: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per UnitPeriodSettled and SettledResultRevised: the rule checked, and whether the curve holds for its counts. */
  curveChecks: ReadonlyArray<Readonly<{ unitPeriod: string; result: OrganisationalResult; counts: DistributionCounts; holds: boolean; tallied: boolean }>>;
  /** Evaluation streams, and those whose last event made them final. */
  evaluations: number;
  finals: number;
  types: ReadonlyMap<string, number>;
  /** Events per stream category (`pengaduan`, `absensi`, `disiplin`, `keberatanadmin`, ...). */
  categories: ReadonlyMap<string, number>;
  complaints: ReadonlyArray<ComplaintLog>;
  cases: ReadonlyArray<CaseLog>;
  /** The earliest and latest instant (`occurredAt`) of the complaint, absence, discipline and appeal events. */
  span: Readonly<{ first: string; last: string }> | undefined;
}>;

/** One complaint stream: its tenant, its events' types in order, and what they record. */
export type ComplaintLog = {
  tenant: string;
  types: string[];
  escalatedTo: string[];
  satisfaction: number | undefined;
  acknowledgedWithinSla: boolean | undefined;
};

/** One discipline case stream: its tenant, its events' types in order, and what they record. */
export type CaseLog = {
  tenant: string;
  types: string[];
  source: Readonly<{ kind: string; rule?: string; proposed?: Readonly<{ type: string }> }> | undefined;
  imposed: Readonly<{ type: string }> | undefined;
  level: string | undefined;
  examiners: string[];
  authority: string | undefined;
};

const categoryOfStream = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));
const EXTRA_CATEGORIES = ['pengaduan', 'absensi', 'disiplin', 'keberatanadmin', 'banding'];

const tally = (results: ReadonlyArray<Readonly<{ predikat: Predikat }>>): DistributionCounts => {
  const counts = Object.fromEntries(PREDIKAT.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const r of results) counts[r.predikat] += 1;
  return counts;
};

const sameCounts = (a: DistributionCounts, b: DistributionCounts): boolean => PREDIKAT.every((p) => a[p] === b[p]);

export const readSeededLog = async (store: EventStore): Promise<SeededLog> => {
  const unitsByTenant = new Map<string, Set<string>>();
  const curveChecks: Array<SeededLog['curveChecks'][number]> = [];
  const lastOfEvaluation = new Map<string, string>();
  const types = new Map<string, number>();
  const settled = new Map<string, { result: OrganisationalResult; results: Array<{ evaluation: string; predikat: Predikat }> }>();
  const categories = new Map<string, number>();
  const complaints = new Map<string, ComplaintLog>();
  const cases = new Map<string, CaseLog>();
  let span: { first: string; last: string } | undefined;
  for await (const e of store.readAll(0)) {
    types.set(e.type, (types.get(e.type) ?? 0) + 1);
    const category = categoryOfStream(e.streamId);
    categories.set(category, (categories.get(category) ?? 0) + 1);
    const data = e.data as Record<string, unknown>;
    if (EXTRA_CATEGORIES.includes(category)) {
      const at = e.metadata.occurredAt;
      span = span === undefined ? { first: at, last: at } : { first: at < span.first ? at : span.first, last: at > span.last ? at : span.last };
    }
    if (category === 'pengaduan') {
      const c = complaints.get(e.streamId) ?? { tenant: e.metadata.tenant, types: [], escalatedTo: [], satisfaction: undefined, acknowledgedWithinSla: undefined };
      c.types.push(e.type);
      if (e.type === 'ComplaintEscalated') c.escalatedTo.push(String(data['to']));
      if (e.type === 'ComplaintClosed') c.satisfaction = Number(data['satisfaction']);
      if (e.type === 'ComplaintAcknowledged') c.acknowledgedWithinSla = data['withinSla'] === true;
      complaints.set(e.streamId, c);
    }
    if (category === 'disiplin') {
      const c = cases.get(e.streamId) ?? { tenant: e.metadata.tenant, types: [], source: undefined, imposed: undefined, level: undefined, examiners: [], authority: undefined };
      c.types.push(e.type);
      if (e.type === 'BreachReported') c.source = data['source'] as CaseLog['source'];
      if (e.type === 'ExaminationRecorded') c.examiners.push(String(data['examiner']));
      if (e.type === 'SanctionImposed') {
        c.imposed = data['sanction'] as CaseLog['imposed'];
        c.level = String(data['level']);
        c.authority = String((data['authority'] as Record<string, unknown>)['official']);
      }
      cases.set(e.streamId, c);
    }
    if (e.type === 'UnitRegistered') {
      const set = unitsByTenant.get(e.metadata.tenant) ?? new Set<string>();
      set.add(String(data['unit']));
      unitsByTenant.set(e.metadata.tenant, set);
    }
    if (e.streamId.startsWith('evaluation-')) lastOfEvaluation.set(e.streamId, e.type);
    if (e.type === 'UnitPeriodSettled') {
      const result = data['organisationalResult'] as OrganisationalResult;
      const counts = data['counts'] as DistributionCounts;
      const results = (data['results'] as Array<{ evaluation: string; predikat: Predikat }>).map((r) => ({ evaluation: r.evaluation, predikat: r.predikat }));
      settled.set(e.streamId, { result, results });
      curveChecks.push({
        unitPeriod: String(data['unitPeriod']),
        result,
        counts,
        holds: checkDistribution(result, counts, { exemptBelow: 1 })._tag === 'Right',
        tallied: sameCounts(tally(results), counts),
      });
    }
    if (e.type === 'SettledResultRevised') {
      const unit = settled.get(e.streamId);
      const revised = data['result'] as { evaluation: string; predikat: Predikat };
      if (unit === undefined) throw new Error(`a revision before settlement in ${e.streamId}`);
      unit.results = unit.results.map((r) => (r.evaluation === revised.evaluation ? { evaluation: r.evaluation, predikat: revised.predikat } : r));
      const counts = data['counts'] as DistributionCounts;
      curveChecks.push({
        unitPeriod: String(data['unitPeriod']),
        result: unit.result,
        counts,
        holds: checkDistribution(unit.result, counts, { exemptBelow: 1 })._tag === 'Right',
        tallied: sameCounts(tally(unit.results), counts),
      });
    }
  }
  const finals = [...lastOfEvaluation.values()].filter((t) => t === 'EvaluationFinalized' || t === 'EvaluationRevised').length;
  return {
    unitsByTenant,
    curveChecks,
    evaluations: lastOfEvaluation.size,
    finals,
    types,
    categories,
    complaints: [...complaints.values()],
    cases: [...cases.values()],
    span,
  };
};
