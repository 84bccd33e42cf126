/**
 * The discipline case's timers and its basis, for any host (ARCHITECTURE.md, step 7):
 *
 * - `dueDiscipline(now, state, actor)`: the commands whose time has come. A decided case whose BR-22 delivery
 *   deadline has passed gets `RecordDeliveryOverdue` (once); a delivered sanction whose period has ended (for a
 *   dismissal: that has taken effect) gets `RecordServed`.
 * - `basisOfDiscipline(event)`: the rule book and articles a decision event rests on, for the envelope's `basis`.
 */
import { isPast } from '../calendar';
import type { Actor } from '../core';
import { servedFrom, type DisciplineCommand } from './decide';
import type { DisciplineEvent, DisciplineState } from './discipline';

export const dueDiscipline = (now: Date, state: DisciplineState, actor: Actor): ReadonlyArray<DisciplineCommand> => {
  const metadata = { now, actor };
  switch (state.status) {
    case 'decided':
      return !state.decision.overdueRecorded && isPast(state.decision.deliveryDeadline, now)
        ? [{ type: 'RecordDeliveryOverdue', data: { caseId: state.caseId }, metadata }]
        : [];
    case 'delivered':
      return now.getTime() >= servedFrom(state).getTime() ? [{ type: 'RecordServed', data: { caseId: state.caseId }, metadata }] : [];
    default:
      return [];
  }
};

/** The basis of the events that record a decision or a legal deadline; undefined for the others. */
export const basisOfDiscipline = (
  event: DisciplineEvent,
): Readonly<{ ruleBook: string; articles: ReadonlyArray<string> }> | undefined => {
  switch (event.type) {
    case 'SanctionImposed':
    case 'CaseDismissed':
    case 'DecisionDelivered':
    case 'DeliveryOverdue':
    case 'SanctionReviewed':
      return { ruleBook: event.data.ruleBook, articles: event.data.articles };
    default:
      return undefined;
  }
};
