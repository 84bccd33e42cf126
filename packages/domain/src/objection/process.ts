/**
 * The objection's process manager (ARCHITECTURE.md, step 7): a pure function from a fact of the objection to the
 * commands it causes in the evaluation and the unit period. The host (the engine) runs it for each committed
 * objection event, with the current state of the evaluation objected to, and sends the commands with the system
 * actor given in `metadata` and the event as their cause.
 *
 * - `ObjectionFiled` → the evaluation's `NoteObjection` (the evaluation is `objected` from then on).
 * - `ObjectionRejected` / `ObjectionWithdrawn` → the evaluation's `FinalizeEvaluation { outcome }`: the settled
 *   result stands and is final.
 * - `ObjectionUpheld` / `ObjectionPartlyUpheld` → first the unit period's `ReviseSettledResult` (the kurva
 *   distribusi re-check, BR-04..BR-08), then the evaluation's `ReviseEvaluation` (BR-11).
 * - Explanations and the escalation cause no command here (an escalation is a notification, the host's job).
 *
 * **Order and refusals.** The commands are returned in the order they must be sent, and the host stops at the first
 * refusal. That matters for an upheld objection: when the unit period refuses `ReviseSettledResult` (e.g.
 * `DistributionViolated`: the new predikat would break the unit's curve) the evaluation must NOT be revised, so
 * `ReviseEvaluation` is not sent. The objection stays decided (the decision is a fact, BR-11) and the evaluation
 * stays `objected` with the settled result in force; the host reports the refusal with its counts and bounds to
 * the operators and the unit period's authorised official. Because the evaluation is still `objected`, running
 * this reaction again later gives the same two commands: a retry succeeds once the unit's distribution allows it.
 *
 * **Idempotence.** A command whose effect the evaluation already shows is not sent again (a redelivered event, a
 * retry after success): nothing is returned then. Anything else is returned even when the evaluation will refuse it
 * (e.g. it became final by its window timer first), so that the refusal reaches the host instead of vanishing.
 */
import { isLeft } from 'fp-ts/Either';
import type { CommandMetadata } from '../core';
import { revisedAssessmentOf, type FinalizeEvaluation, type NoteObjection, type ReviseEvaluation } from '../evaluation/decide';
import type { EvaluationState } from '../evaluation/evaluation';
import type { ReviseSettledResult } from '../unit-period/decide';
import type { ObjectionEvent, ObjectionPartlyUpheld, ObjectionUpheld } from './objection';

export type ObjectionReaction = NoteObjection | FinalizeEvaluation | ReviseSettledResult | ReviseEvaluation;

/** The objection the evaluation has noted, if any. */
const notedObjection = (evaluation: EvaluationState): string | undefined =>
  evaluation.status === 'objected' || evaluation.status === 'final' ? evaluation.objection?.objection : undefined;

/** The evaluation is final after this objection: its effect (finalize or revise) is already there. */
const settledBy = (evaluation: EvaluationState, objection: string): boolean =>
  evaluation.status === 'final' && notedObjection(evaluation) === objection;

const revise = (
  event: ObjectionUpheld | ObjectionPartlyUpheld,
  evaluation: EvaluationState,
  metadata: CommandMetadata,
): ReadonlyArray<ObjectionReaction> => {
  const { objection, rating, decidedBy } = event.data;
  const reviseEvaluation: ReviseEvaluation = {
    type: 'ReviseEvaluation',
    data: {
      evaluation: event.data.evaluation,
      objection,
      outcome: event.type === 'ObjectionUpheld' ? 'upheld' : 'partly-upheld',
      rating,
      decidedBy,
    },
    metadata,
  };
  if (evaluation.status !== 'objected' || evaluation.objection.objection !== objection) return [reviseEvaluation];
  // The very assessment ReviseEvaluation will record: same rule book, same inputs, BR-09 for the unit head.
  const revised = revisedAssessmentOf(evaluation, rating);
  // The rule book refuses the rating: the evaluation will refuse ReviseEvaluation with the same error, and the unit
  // period is left alone.
  if (isLeft(revised)) return [reviseEvaluation];
  const reviseSettledResult: ReviseSettledResult = {
    type: 'ReviseSettledResult',
    data: {
      unitPeriod: evaluation.settlement.unitPeriod,
      evaluation: event.data.evaluation,
      assessment: revised.right.assessment,
    },
    metadata,
  };
  return [reviseSettledResult, reviseEvaluation];
};

/**
 * The commands `event` causes, given the current state of the evaluation objected to, sent as `metadata` (the
 * system actor and the instant of the reaction). `NoteObjection` is sent as of the filing instant instead: BR-10
 * judges the filing, which the objection admitted within the window, not the moment the host got round to it.
 */
export const reactToObjection = (
  event: ObjectionEvent,
  evaluation: EvaluationState,
  metadata: CommandMetadata,
): ReadonlyArray<ObjectionReaction> => {
  switch (event.type) {
    case 'ObjectionFiled': {
      if (notedObjection(evaluation) === event.data.objection) return [];
      return [
        {
          type: 'NoteObjection',
          data: { evaluation: event.data.evaluation, objection: event.data.objection },
          metadata: { ...metadata, now: event.data.at },
        },
      ];
    }
    case 'ObjectionRejected':
    case 'ObjectionWithdrawn': {
      if (settledBy(evaluation, event.data.objection)) return [];
      return [
        {
          type: 'FinalizeEvaluation',
          data: { evaluation: event.data.evaluation, outcome: event.type === 'ObjectionRejected' ? 'rejected' : 'withdrawn' },
          metadata,
        },
      ];
    }
    case 'ObjectionUpheld':
    case 'ObjectionPartlyUpheld':
      return settledBy(evaluation, event.data.objection) ? [] : revise(event, evaluation, metadata);
    case 'ExplanationRecorded':
    case 'ObjectionDecisionOverdue':
      return [];
  }
};
