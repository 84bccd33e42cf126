/**
 * Which aggregate a stream belongs to, from its category (the part of the id before the first '-': every stream id
 * function of the domain puts its category first, and no category contains a '-'). The replay and time-travel
 * tools fold any stream with it; the timers find the aggregate of a due stream with it.
 */
import type { Aggregate } from '../pipeline';
import {
  absenceAggregate,
  appealAggregate,
  disciplineAggregate,
  evaluationAggregate,
  objectionAggregate,
  planAggregate,
  poorPerformanceAggregate,
  rewardAggregate,
  rosterAggregate,
  unitPeriodAggregate,
} from '../aggregates';
import type { AggregateName } from './catalog';
import { complaintAggregate } from './complaint';

/** An aggregate whose types are not known statically (the stream id says which it is). */
export type SomeAggregate = Aggregate<unknown, unknown, unknown, unknown>;

export type StreamCategory = Readonly<{ category: string; aggregate: AggregateName; engine: SomeAggregate }>;

const some = <S, C, E, Er>(aggregate: Aggregate<S, C, E, Er>): SomeAggregate => aggregate as unknown as SomeAggregate;

/** Every stream category of kinerja, e.g. `plan` for `plan-surabaya.<plan>` (the stream id functions of the domain). */
export const STREAM_CATEGORIES: ReadonlyArray<StreamCategory> = [
  { category: 'roster', aggregate: 'roster', engine: some(rosterAggregate) },
  { category: 'plan', aggregate: 'plan', engine: some(planAggregate) },
  { category: 'evaluation', aggregate: 'evaluation', engine: some(evaluationAggregate) },
  { category: 'unitperiod', aggregate: 'unit-period', engine: some(unitPeriodAggregate) },
  { category: 'keberatan', aggregate: 'objection', engine: some(objectionAggregate) },
  { category: 'disiplin', aggregate: 'discipline', engine: some(disciplineAggregate) },
  { category: 'absensi', aggregate: 'absence', engine: some(absenceAggregate) },
  { category: 'keberatanadmin', aggregate: 'appeal', engine: some(appealAggregate) },
  { category: 'banding', aggregate: 'appeal', engine: some(appealAggregate) },
  { category: 'kinerjarendah', aggregate: 'poor-performance', engine: some(poorPerformanceAggregate) },
  { category: 'penghargaan', aggregate: 'reward', engine: some(rewardAggregate) },
  { category: 'pengaduan', aggregate: 'complaint', engine: some(complaintAggregate) },
];

/** The category of a stream id: what comes before the first '-'. */
export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

/** The tenant of a stream id: `<category>-<tenant>` or `<category>-<tenant>.<rest>` (a tenant id has no '.'). */
export const tenantOfStream = (streamId: string): string | undefined => {
  const dash = streamId.indexOf('-');
  if (dash < 0) return undefined;
  const rest = streamId.slice(dash + 1);
  const dot = rest.indexOf('.');
  const tenant = dot < 0 ? rest : rest.slice(0, dot);
  return tenant.length > 0 ? tenant : undefined;
};

export const streamCategoryOf = (streamId: string): StreamCategory | undefined => {
  const category = categoryOf(streamId);
  return STREAM_CATEGORIES.find((c) => c.category === category);
};

/** The engine aggregate of a stream, by its category; undefined for a stream kinerja does not know (e.g. the ledger). */
export const aggregateOfStream = (streamId: string): SomeAggregate | undefined => streamCategoryOf(streamId)?.engine;
