/**
 * The facts an OpenEvaluation and an InviteFeedback carry. The evaluation decider cannot read the plan stream, the
 * roster stream or the tenant's policy; the engine calls these with what it loaded, so the facts a decision was
 * taken from are recorded on the evaluation's events (ADR 0001, point 3).
 */
import type { LocalDate, Nip, UnitId } from '../core';
import { evolve as evolvePlan, initialState as initialPlanState, type PlanEvent, type PlanState } from '../plan/plan';
import type { TenantPolicy } from '../policy/tenant-policy';
import { isHeadOf, levelOf, superiorOf, unitOf } from '../roster/queries';
import type { RosterState } from '../roster/roster';
import type {
  EvaluationPlanFacts,
  EvaluationPolicy,
  EvaluationRosterFacts,
  InviteeFacts,
  PlanRealisationFact,
} from './evaluation';

/** The parts of a tenant's policy an evaluation records when it opens. */
export const evaluationPolicyOf = (
  policy: Pick<
    TenantPolicy,
    | 'timeZone'
    | 'evaluationFrequency'
    | 'peerFeedback'
    | 'selfEvaluation'
    | 'objectionWindow'
    | 'allowancePercent'
    | 'angkaKreditProRata'
  >,
): EvaluationPolicy => ({
  timeZone: policy.timeZone,
  frequency: policy.evaluationFrequency,
  peerFeedback: policy.peerFeedback,
  selfEvaluation: policy.selfEvaluation,
  objectionWindow: policy.objectionWindow,
  allowancePercent: policy.allowancePercent,
  angkaKreditProRata: policy.angkaKreditProRata,
});

/** Whether the employee heads `unit` (BR-09), and their jenjang when they hold a functional position (BR-24). */
export const evaluationRosterFactsFor = (
  roster: RosterState,
  employee: Nip,
  unit: UnitId,
  asOf: LocalDate,
): EvaluationRosterFacts => {
  const level = levelOf(roster, employee, asOf);
  return {
    asOf,
    isUnitHead: isHeadOf(roster, employee, unit, asOf),
    jenjang: level !== undefined && level.level === 'jf' ? level.jenjang : null,
  };
};

/** Where an invitee sits in the roster on the invitation date. */
export const inviteeFactsFor = (roster: RosterState, invitee: Nip, asOf: LocalDate): InviteeFacts => ({
  asOf,
  unit: unitOf(roster, invitee, asOf) ?? null,
  superior: superiorOf(roster, invitee, asOf) ?? null,
});

/**
 * What a plan's stream says for an evaluation: its header, status and approved revision, the approved revision's
 * IKI in plan order, and the latest realisation of each of those IKI. An empty stream gives `status: 'empty'`
 * (which OpenEvaluation refuses), hence `undefined` here: there is no header to speak of.
 */
export const evaluationPlanFactsOf = (events: ReadonlyArray<PlanEvent>): EvaluationPlanFacts | undefined => {
  let state: PlanState = initialPlanState();
  const latest = new Map<string, PlanRealisationFact>();
  for (const event of events) {
    state = evolvePlan(state, event);
    if (event.type === 'RealisationRecorded') {
      const { iki, realised, evidence, at } = event.data;
      latest.set(iki, { iki, realised, evidence, recordedAt: at });
    }
  }
  if (state.status === 'empty') return undefined;
  const iki = state.approvedRhk.flatMap((rhk) =>
    rhk.iki.map((i) => ({ rhk: rhk.id, iki: i.id, description: i.description, targets: i.targets })),
  );
  return {
    header: state.header,
    status: state.status,
    closedFrom: state.status === 'closed' ? state.closedFrom : null,
    revision: state.revision,
    iki,
    realisations: iki.flatMap((i) => {
      const found = latest.get(i.iki);
      return found === undefined ? [] : [found];
    }),
  };
};
