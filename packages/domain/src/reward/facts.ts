/**
 * The facts a reward decision carries about the evaluations it rests on. The reward decider cannot read the
 * evaluation streams; the engine calls `rewardEvaluationFactOf` with each linked evaluation's state and puts the
 * results in the command, so the decision and what it rested on are recorded together (ADR 0001, point 3).
 */
import { currentResult, feedbackSummary, type EvaluationState } from '../evaluation/evaluation';
import { CORE_VALUES } from '../plan/plan';
import type { RewardEvaluationFact } from './reward';

/**
 * An evaluation as a reward decision sees it: final or not, its predikat and the appraiser's perilaku level in
 * force, and the BerAKHLAK values that the feedback put below expectation: those that more invitees rated
 * di bawah ekspektasi than sesuai and di atas together. Undefined for an evaluation never opened.
 */
export const rewardEvaluationFactOf = (state: EvaluationState): RewardEvaluationFact | undefined => {
  if (state.status === 'empty') return undefined;
  const result = currentResult(state);
  const { perValue } = feedbackSummary(state);
  return {
    evaluation: state.evaluation,
    kind: state.kind,
    period: state.period,
    final: state.status === 'final',
    predikat: result?.predikat ?? null,
    perilaku: result?.perilaku ?? null,
    valuesBelowExpectation: CORE_VALUES.filter((value) => {
      const counts = perValue[value];
      return counts['di-bawah-ekspektasi'] > counts['sesuai-ekspektasi'] + counts['di-atas-ekspektasi'];
    }),
  };
};
