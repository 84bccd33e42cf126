/**
 * The facts a discipline command carries, read from the roster by the engine (ADR 0001, point 3): the employee's
 * standing and line of superiors when a breach is reported, and the deciding official's standing when a sanction
 * is decided (BR-19).
 */
import type { LocalDate, Nip } from '../core';
import { levelOf, superiorOf, unitOf } from '../roster/queries';
import { isStructural, type RosterState } from '../roster/roster';
import { gradeOf, type AuthorityFacts, type OfficialRank } from './authority';
import type { BreachReportFacts } from './discipline';

/** The employee's line of superiors on `asOf`, the direct superior first (a hand-edited cycle stops the walk). */
export const superiorLineOf = (roster: RosterState, employee: Nip, asOf: LocalDate): ReadonlyArray<Nip> => {
  const line: Nip[] = [];
  const seen = new Set<Nip>([employee]);
  let current = superiorOf(roster, employee, asOf);
  while (current !== undefined && !seen.has(current)) {
    line.push(current);
    seen.add(current);
    current = superiorOf(roster, current, asOf);
  }
  return line;
};

export const disciplineReportFactsFor = (roster: RosterState, employee: Nip, asOf: LocalDate): BreachReportFacts => {
  const level = levelOf(roster, employee, asOf);
  return {
    asOf,
    employeeGrade: level === undefined ? null : gradeOf(level),
    employeeUnit: unitOf(roster, employee, asOf) ?? null,
    superiors: superiorLineOf(roster, employee, asOf),
  };
};

/**
 * The official's standing for the authority table: `ppk` when they are the tenant's PPK (the mayor, or the
 * official the PPK delegated to, as the engine's settings say), else the structural level of the position they
 * hold on `asOf`; and whether they are in the employee's line of superiors then.
 */
export const disciplineAuthorityFactsFor = (
  roster: RosterState,
  args: Readonly<{ official: Nip; employee: Nip; asOf: LocalDate; ppk: ReadonlyArray<Nip> }>,
): AuthorityFacts => {
  const { official, employee, asOf, ppk } = args;
  const officialLevel = levelOf(roster, official, asOf);
  const officialRank: OfficialRank | null = ppk.includes(official)
    ? 'ppk'
    : officialLevel !== undefined && isStructural(officialLevel.level)
      ? officialLevel.level
      : null;
  const employeeLevel = levelOf(roster, employee, asOf);
  return {
    asOf,
    officialRank,
    officialIsSuperior: superiorLineOf(roster, employee, asOf).includes(official),
    employeeGrade: employeeLevel === undefined ? null : gradeOf(employeeLevel),
  };
};
