/**
 * The roster facts a DraftPlan carries, looked up in the roster as of the draft date. The plan decider cannot
 * read the roster stream; the engine calls this with the roster state it loaded, so the facts the decision was
 * taken from are recorded on `PlanDrafted` (ADR 0001, point 3).
 */
import type { LocalDate, Nip } from '../core';
import { superiorOf, unitOf } from '../roster/queries';
import type { RosterState } from '../roster/roster';
import type { RosterFacts } from './plan';

export const rosterFactsFor = (roster: RosterState, employee: Nip, appraiser: Nip, asOf: LocalDate): RosterFacts => ({
  asOf,
  employeeUnit: unitOf(roster, employee, asOf) ?? null,
  employeeSuperior: superiorOf(roster, employee, asOf) ?? null,
  appraiserSuperior: superiorOf(roster, appraiser, asOf) ?? null,
});
