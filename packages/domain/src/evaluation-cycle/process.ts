/**
 * The evaluation cycle's process manager (ARCHITECTURE.md, step 7): pure functions from a fact of one aggregate to
 * the commands it causes in another. The host (the engine) runs them for each committed event, with the state of
 * the stream the event came from, and sends the commands with the system actor and the event as their cause.
 *
 * - An evaluation rated (or re-rated) → its proposal to the unit period of its unit and period (BR-03: a predikat
 *   is settled there, never on the evaluation alone).
 * - A unit period settled → one `SettleEvaluation` per employee, carrying the final predikat, its basis and its
 *   consequences (BR-04..BR-09, BR-24, BR-25).
 */
import { monthsOfPeriod, unitPeriodIdOf, type CommandMetadata } from '../core';
import type { EvaluationEvent, EvaluationState, SettleEvaluation } from '../evaluation';
import type { RecordProposal, UnitPeriodEvent } from '../unit-period';

/** `EvaluationRated` → the unit period's `RecordProposal`; every other evaluation event causes nothing here. */
export const reactToEvaluation = (
  event: EvaluationEvent,
  state: EvaluationState,
  metadata: CommandMetadata,
): ReadonlyArray<RecordProposal> => {
  if (event.type !== 'EvaluationRated' || state.status === 'empty') return [];
  const header = state.facts.plan.header;
  return [
    {
      type: 'RecordProposal',
      data: {
        unitPeriod: unitPeriodIdOf(header.unit, state.period),
        evaluation: event.data.evaluation,
        employee: header.employee,
        assessment: event.data.assessment,
        isUnitHead: state.facts.roster.isUnitHead,
        jenjang: state.facts.roster.jenjang,
        months: monthsOfPeriod(state.period),
      },
      metadata,
    },
  ];
};

/** `UnitPeriodSettled` → one `SettleEvaluation` per settled result; every other unit-period event causes nothing. */
export const reactToUnitPeriod = (event: UnitPeriodEvent, metadata: CommandMetadata): ReadonlyArray<SettleEvaluation> => {
  if (event.type !== 'UnitPeriodSettled') return [];
  return event.data.results.map((result) => ({
    type: 'SettleEvaluation',
    data: {
      evaluation: result.evaluation,
      unitPeriod: event.data.unitPeriod,
      organisationalResult: event.data.organisationalResult,
      predikat: result.predikat,
      label: result.label,
      ...(result.hasilKerja === undefined ? {} : { hasilKerja: result.hasilKerja }),
      ...(result.perilaku === undefined ? {} : { perilaku: result.perilaku }),
      articles: result.basis.articles,
      consequences: result.consequences,
    },
    metadata,
  }));
};
