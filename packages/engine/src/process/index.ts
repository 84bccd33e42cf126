/** The process managers' host (`reactToEvent`) and the timers (`fireDue`, `fireAllDue`). */
export { reactionContext, reactToEvent, type EventReaction, type ReactionError } from './react';
export {
  dueEvaluation,
  fireAllDue,
  fireDue,
  TIMED_STREAM_PREFIXES,
  type Fired,
  type FiredAll,
  type NotTimed,
  type TimerFailure,
} from './timers';
