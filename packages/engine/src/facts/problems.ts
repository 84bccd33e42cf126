/**
 * Why the engine could not gather the facts a command needs, before the domain decided anything. The edges map
 * them like the pipeline's own errors: a missing stream (`PlanNotFound`, `EvaluationNotFound`, `CaseNotFound`) is
 * a 404, the rest a 422 naming what is missing.
 */
import type { DisciplineStatus, EvaluationId, EvaluationStatus, LocalDate, Nip, PeriodId, PlanId, UnitId } from '@kinerja/domain';
import type { ReadError } from '@kinerja/eventstore';
import type { CorruptStream } from '../pipeline';
import type { UnknownTenant } from './tenant';

export type MissingFact =
  | UnknownTenant
  | Readonly<{ _tag: 'NoRuleBookForPeriod'; tenant: string; period: PeriodId }>
  | Readonly<{ _tag: 'PlanNotFound'; plan: PlanId }>
  | Readonly<{ _tag: 'EvaluationNotFound'; evaluation: EvaluationId }>
  /** A poor-performance step rests on a final evaluation (BR-26). */
  | Readonly<{ _tag: 'EvaluationNotFinal'; evaluation: EvaluationId; status: EvaluationStatus }>
  | Readonly<{ _tag: 'NoAuthorisedOfficial'; unit: UnitId; asOf: LocalDate }>
  /** The discipline case a keberatan or banding names has not been reported (BR-20, BR-21). */
  | Readonly<{ _tag: 'CaseNotFound'; caseId: string }>
  /** A keberatan or banding is against a delivered decision (BR-20, BR-21: the window runs from receipt). */
  | Readonly<{ _tag: 'SanctionNotDelivered'; caseId: string; status: DisciplineStatus }>
  | Readonly<{ _tag: 'EmployeeNotInRoster'; employee: Nip; asOf: LocalDate }>;

/** What gathering facts can end in instead of a command: a missing fact, or a stream that cannot be read. */
export type GatherError = MissingFact | CorruptStream | ReadError;
