/** The domain's aggregates as the pipeline needs them: a decider, how its events are stored, and their basis. */
import {
  evaluationDecider,
  EvaluationEventCodec,
  planDecider,
  PlanEventCodec,
  rosterDecider,
  RosterEventCodec,
  unitPeriodDecider,
  UnitPeriodEventCodec,
  type Assessment,
  type EvaluationCommand,
  type EvaluationError,
  type EvaluationEvent,
  type EvaluationState,
  type PlanCommand,
  type PlanError,
  type PlanEvent,
  type PlanState,
  type RosterCommand,
  type RosterError,
  type RosterEvent,
  type RosterState,
  type RuleBookRef,
  type SettledResult,
  type UnitPeriodCommand,
  type UnitPeriodError,
  type UnitPeriodEvent,
  type UnitPeriodState,
} from '@kinerja/domain';
import type { Aggregate, DecisionBasis } from './pipeline';
import { serdeFromCodec } from './serde';

export const rosterAggregate: Aggregate<RosterState, RosterCommand, RosterEvent, RosterError> = {
  decider: rosterDecider,
  serde: serdeFromCodec<RosterEvent>(RosterEventCodec),
};

export const planAggregate: Aggregate<PlanState, PlanCommand, PlanEvent, PlanError> = {
  decider: planDecider,
  serde: serdeFromCodec<PlanEvent>(PlanEventCodec),
};

/** `permenpanrb-6-2022@1`: how a rule book is named in an envelope's basis. */
export const ruleBookName = (ref: RuleBookRef): string => `${ref.id}@${ref.version}`;

const assessmentBasis = (assessment: Assessment, more: ReadonlyArray<string> = []): DecisionBasis => ({
  ruleBook: ruleBookName(assessment.ruleBook),
  articles: [...new Set([...assessment.articles, ...more])],
});

export const evaluationAggregate: Aggregate<EvaluationState, EvaluationCommand, EvaluationEvent, EvaluationError> = {
  decider: evaluationDecider,
  serde: serdeFromCodec<EvaluationEvent>(EvaluationEventCodec),
  basisOf: (event) => {
    switch (event.type) {
      case 'EvaluationRated':
        return assessmentBasis(event.data.assessment);
      case 'EvaluationRevised':
        return assessmentBasis(event.data.assessment, event.data.articles);
      case 'EvaluationSettled':
        return { ruleBook: 'se-menpanrb-3-2023@1', articles: event.data.articles }; // settled under the kurva distribusi
      default:
        return undefined;
    }
  },
};

/** The basis of a settlement: every rule book its results rest on, and every article applied. */
const settlementBasis = (results: ReadonlyArray<SettledResult>): DecisionBasis => ({
  ruleBook: [...new Set(results.map((r) => ruleBookName(r.basis.ruleBook)))].sort().join(' '),
  articles: [...new Set(results.flatMap((r) => r.basis.articles))].sort(),
});

export const unitPeriodAggregate: Aggregate<UnitPeriodState, UnitPeriodCommand, UnitPeriodEvent, UnitPeriodError> = {
  decider: unitPeriodDecider,
  serde: serdeFromCodec<UnitPeriodEvent>(UnitPeriodEventCodec),
  basisOf: (event) => {
    switch (event.type) {
      case 'UnitPeriodSettled':
        return settlementBasis(event.data.results);
      case 'SettledResultRevised':
        return settlementBasis([event.data.result]);
      default:
        return undefined;
    }
  },
};
