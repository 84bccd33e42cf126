/**
 * The read models (issue 7): each a `Projection` (pure `apply(envelope) → RowChange[]`), with query functions that
 * read only their views (`<projection>_<table>`). See docs/projections.md, "Read models".
 */
import type { Projection } from '../projection';
import { angkaKreditProjection } from './angka-kredit';
import { auditProjection } from './audit';
import { complaintSlaProjection } from './complaints';
import { rankingProjection } from './ranking';
import { sanctionsProjection } from './sanctions';
import { trainingNeedsProjection } from './training-needs';
import { workQueueProjection } from './work-queues';

/** Every read model the runner keeps. */
export const READ_MODELS: ReadonlyArray<Projection> = [
  auditProjection,
  rankingProjection,
  trainingNeedsProjection,
  angkaKreditProjection,
  sanctionsProjection,
  workQueueProjection,
  complaintSlaProjection,
];

export { auditProjection, AUDIT_EVENT_TYPES, causeOf } from './audit';
export { auditTrailForEmployee, auditTrailForStream, type AuditEntry, type EmployeeTrailOptions } from './audit-trail';
export {
  edgesOf,
  explain,
  explainText,
  provenanceOf,
  type ExplainGraph,
  type ExplainOptions,
  type ProvenanceEdge,
  type ProvenanceNode,
} from './provenance';
export {
  rankingProjection,
  distribution,
  ikiAchievementOf,
  rankingByTenant,
  rankingByUnit,
  rankWithTies,
  unitRanking,
  type CurveCheck,
  type RankedEmployee,
  type RankedUnit,
  type RankingFilter,
  type TenantRankedEmployee,
  type UnitDistribution,
  type UnitFilter,
} from './ranking';
export {
  trainingNeedsProjection,
  trainingNeeds,
  NUMERIC_BELOW_EXPECTATION,
  type TrainingNeed,
  type TrainingNeedsFilter,
} from './training-needs';
export { angkaKreditProjection, angkaKreditLedger, type AngkaKreditEntry, type AngkaKreditFilter } from './angka-kredit';
export { sanctionsProjection, sanctionsInForce, type SanctionInForce, type SanctionsFilter } from './sanctions';
export {
  workQueueProjection,
  deadlinesDue,
  deadlinesThisWeek,
  objectionsAwaitingDecision,
  plansAwaitingApproval,
  weekOf,
  type DeadlineFilter,
  type ObjectionAwaitingDecision,
  type OpenDeadline,
  type PlanAwaitingApproval,
} from './work-queues';
export {
  complaintSlaProjection,
  complaintSlaByEmployee,
  complaintSlaByUnit,
  type ComplaintSlaFilter,
  type EmployeeComplaintSla,
  type SlaWindow,
  type UnitComplaintSla,
} from './complaints';
export {
  exportReadModel,
  flatRow,
  isReadModelName,
  READ_MODEL_DESCRIPTIONS,
  READ_MODEL_NAMES,
  type ExportFilter,
  type ExportRow,
  type ReadModelName,
} from './export';
export { skippedEvents, type SkippedEvent } from './skipped';
export { ShapeError, employeeOfStream, streamParts } from './read-model';
