/**
 * The facts a FileObjection carries. The objection decider cannot read the evaluation's stream or the tenant's
 * settings; the engine calls this with what it loaded, so the facts the filing was admitted on are recorded on
 * `ObjectionFiled` (ADR 0001, point 3).
 */
import type { TenantCalendar } from '../calendar';
import { unitPeriodIdOf } from '../core';
import type { EvaluationState } from '../evaluation/evaluation';
import type { ObjectionFacts, ObjectionPolicy } from './objection';

/**
 * The facts for filing an objection against the evaluation in `state`: who was evaluated, by whom, who is above the
 * appraiser (the addressee, from the plan header recorded when the evaluation opened), the unit period that settled
 * it, its rule book, its status and, once delivered, the delivery and the BR-10 deadline it recorded. Undefined
 * for an evaluation that has not been opened (there is nothing to object to).
 */
export const objectionFactsOf = (
  state: EvaluationState,
  calendar: TenantCalendar,
  policy: ObjectionPolicy,
): ObjectionFacts | undefined => {
  if (state.status === 'empty') return undefined;
  const { header } = state.facts.plan;
  const delivery =
    state.status === 'delivered' || state.status === 'objected' || state.status === 'final' ? state.delivery : null;
  return {
    evaluation: {
      employee: header.employee,
      appraiser: header.appraiser,
      appraiserSuperior: header.appraiserSuperior,
      unit: header.unit,
      unitPeriod: unitPeriodIdOf(header.unit, state.period),
      ruleBook: state.ruleBook,
      status: state.status,
      deliveredAt: delivery?.deliveredAt ?? null,
      objectionDeadline: delivery?.objectionDeadline ?? null,
    },
    calendar,
    policy,
  };
};
