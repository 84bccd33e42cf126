/**
 * The command catalog: every command of every aggregate (`COMMANDS`), looked up by aggregate and type, the BR rule
 * behind each refusal, and the aggregate of a stream. The service builds its routes and OpenAPI document from
 * `COMMANDS`; the CLI, the seed and the tests run commands through it.
 */
import type { AggregateName, CommandSpec } from './catalog';
import { absenceCommands } from './absence';
import { appealCommands } from './appeal';
import { complaintCommands } from './complaint';
import { disciplineCommands } from './discipline';
import { evaluationCommands } from './evaluation';
import { objectionCommands } from './objection';
import { planCommands } from './plan';
import { poorPerformanceCommands } from './poor-performance';
import { rewardCommands } from './reward';
import { rosterCommands } from './roster';
import { unitPeriodCommands } from './unit-period';

export { absenceCommands } from './absence';
export { appealCommands } from './appeal';
export { complaintAggregate, complaintCommands, complaintIdentityForCommand } from './complaint';
export { disciplineCommands } from './discipline';
export { evaluationCommands } from './evaluation';
export { objectionCommands } from './objection';
export { planCommands } from './plan';
export { PathEvaluationRequestCodec, poorPerformanceCommands } from './poor-performance';
export { rewardCommands } from './reward';
export { ImportRosterRequestCodec, rosterCommands, type ImportRosterRequest } from './roster';
export { unitPeriodCommands } from './unit-period';
export { requestOf } from './request';
export { factsSpec, plainSpec, type Gather, type SpecHeader } from './spec';
export { RULE_OF_REFUSAL, ruleOfRefusal } from './refusals';
export {
  aggregateOfStream,
  categoryOf,
  STREAM_CATEGORIES,
  streamCategoryOf,
  tenantOfStream,
  type SomeAggregate,
  type StreamCategory,
} from './streams';

/** Every command of every aggregate, one spec each, in the order of `AGGREGATE_NAMES`. */
export const COMMANDS: ReadonlyArray<CommandSpec> = [
  ...rosterCommands,
  ...planCommands,
  ...evaluationCommands,
  ...unitPeriodCommands,
  ...objectionCommands,
  ...disciplineCommands,
  ...absenceCommands,
  ...appealCommands,
  ...poorPerformanceCommands,
  ...rewardCommands,
  ...complaintCommands,
];

const byKey = new Map(COMMANDS.map((spec) => [`${spec.aggregate}/${spec.type}`, spec]));

/** The spec of `type` in `aggregate`; undefined when there is none. */
export const commandSpecFor = (aggregate: AggregateName, type: string): CommandSpec | undefined => byKey.get(`${aggregate}/${type}`);
