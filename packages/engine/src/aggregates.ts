/** The domain's aggregates as the pipeline needs them: a decider, how its events are stored, and their basis. */
import {
  absenceDecider,
  AbsenceEventCodec,
  appealDecider,
  AppealEventCodec,
  basisOfAppeal,
  basisOfDiscipline,
  basisOfObjection,
  basisOfPoorPerformance,
  basisOfReward,
  disciplineDecider,
  DisciplineEventCodec,
  objectionDecider,
  ObjectionEventCodec,
  poorPerformanceDecider,
  PoorPerformanceEventCodec,
  rewardDecider,
  RewardEventCodec,
  type AbsenceCommand,
  type AbsenceError,
  type AbsenceEvent,
  type AbsenceState,
  type AppealCommand,
  type AppealError,
  type AppealEvent,
  type AppealState,
  type DisciplineCommand,
  type DisciplineError,
  type DisciplineEvent,
  type DisciplineState,
  type ObjectionCommand,
  type ObjectionError,
  type ObjectionEvent,
  type ObjectionState,
  type PoorPerformanceCommand,
  type PoorPerformanceError,
  type PoorPerformanceEvent,
  type PoorPerformanceState,
  type RewardCommand,
  type RewardError,
  type RewardEvent,
  type RewardState,
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

/** The evaluation objection (keberatan, BR-10, BR-11): filings, decisions and escalations carry their basis. */
export const objectionAggregate: Aggregate<ObjectionState, ObjectionCommand, ObjectionEvent, ObjectionError> = {
  decider: objectionDecider,
  serde: serdeFromCodec<ObjectionEvent>(ObjectionEventCodec),
  basisOf: basisOfObjection,
};

/** The discipline case (PP 94/2021, BR-14..BR-19, BR-22). */
export const disciplineAggregate: Aggregate<DisciplineState, DisciplineCommand, DisciplineEvent, DisciplineError> = {
  decider: disciplineDecider,
  serde: serdeFromCodec<DisciplineEvent>(DisciplineEventCodec),
  basisOf: basisOfDiscipline,
};

/** Absence records (BR-15, BR-16): records, not decisions, so no basis; the discipline case they cause has one. */
export const absenceAggregate: Aggregate<AbsenceState, AbsenceCommand, AbsenceEvent, AbsenceError> = {
  decider: absenceDecider,
  serde: serdeFromCodec<AbsenceEvent>(AbsenceEventCodec),
};

/** Administrative objection (BR-21) and appeal to BPASN (BR-20): one aggregate, two stream categories. */
export const appealAggregate: Aggregate<AppealState, AppealCommand, AppealEvent, AppealError> = {
  decider: appealDecider,
  serde: serdeFromCodec<AppealEvent>(AppealEventCodec),
  basisOf: basisOfAppeal,
};

/** The poor-performance path (BR-26). */
export const poorPerformanceAggregate: Aggregate<PoorPerformanceState, PoorPerformanceCommand, PoorPerformanceEvent, PoorPerformanceError> = {
  decider: poorPerformanceDecider,
  serde: serdeFromCodec<PoorPerformanceEvent>(PoorPerformanceEventCodec),
  basisOf: basisOfPoorPerformance,
};

/** Rewards and development decisions, one stream per official and year. */
export const rewardAggregate: Aggregate<RewardState, RewardCommand, RewardEvent, RewardError> = {
  decider: rewardDecider,
  serde: serdeFromCodec<RewardEvent>(RewardEventCodec),
  basisOf: basisOfReward,
};
