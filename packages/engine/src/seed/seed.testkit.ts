/** What a seeded store must show, read back from the log: settled units under the curve, final evaluations. */
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
}>;

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
  for await (const e of store.readAll(0)) {
    types.set(e.type, (types.get(e.type) ?? 0) + 1);
    const data = e.data as Record<string, unknown>;
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
  return { unitsByTenant, curveChecks, evaluations: lastOfEvaluation.size, finals, types };
};
