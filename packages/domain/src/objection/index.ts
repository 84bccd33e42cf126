/**
 * The evaluation objection (keberatan) aggregate (DOMAIN.md §2.4; BR-10, BR-11): one stream per evaluation.
 * `decide`, `evolve`, `initialState`, `isTerminal`, `due` and `basisOf` are exported under objection-specific names
 * (the first four are also on `objectionDecider`) so that the package's root index can re-export every aggregate
 * side by side.
 */
export {
  decide as decideObjection,
  due as dueObjection,
  objectionDecider,
  type DecideObjection,
  type EscalateObjection,
  type FileObjection,
  type FileObjectionRequest,
  type ObjectionCommand,
  type ObjectionRuling,
  type RecordExplanation,
  type WithdrawObjection,
} from './decide';
export {
  basisOf as basisOfObjection,
  closedAt as objectionClosedAt,
  DECISION_ARTICLES as OBJECTION_DECISION_ARTICLES,
  ESCALATION_ARTICLES as OBJECTION_ESCALATION_ARTICLES,
  ESCALATION_AUTHORITY as OBJECTION_ESCALATION_AUTHORITY,
  evolve as evolveObjection,
  FILING_ARTICLES as OBJECTION_FILING_ARTICLES,
  initialState as initialObjectionState,
  isTerminal as isObjectionClosed,
  missingExplanations,
  OBJECTION_AUTHORITY,
  OBJECTION_OUTCOMES,
  OBJECTION_PARTIES,
  OBJECTION_POLICY_DEFAULTS,
  OBJECTION_RULE_BOOK,
  OBJECTION_STATUSES,
  objectionStreamId,
  outcomeOf as objectionOutcomeOf,
  type ClosedObjection,
  type DecidedObjection,
  type EmptyObjection,
  type ExplanationRecorded,
  type FiledObjection,
  type ObjectionBody,
  type ObjectionDecided,
  type ObjectionDecision,
  type ObjectionDecisionOverdue,
  type ObjectionEscalation,
  type ObjectionEvaluationFacts,
  type ObjectionEvent,
  type ObjectionExplanation,
  type ObjectionFacts,
  type ObjectionFiled,
  type ObjectionOutcome,
  type ObjectionPartlyUpheld,
  type ObjectionParty,
  type ObjectionPolicy,
  type ObjectionRejected,
  type ObjectionState,
  type ObjectionStatus,
  type ObjectionUpheld,
  type ObjectionWithdrawal,
  type ObjectionWithdrawn,
  type WithdrawnObjection,
} from './objection';
export { objectionFactsOf } from './facts';
export { reactToObjection, type ObjectionReaction } from './process';
export * from './errors';
export * from './codecs';
