/**
 * The facts an OpenUnitPeriod carries. The unit period decider cannot read the roster stream or the tenant's
 * policy; the engine calls these with what it loaded, so the facts a settlement was taken from are recorded on
 * `UnitPeriodOpened` (ADR 0001, point 3).
 */
import type { LocalDate, Nip, PositionId, UnitId } from '../core';
import type { TenantPolicy } from '../policy/tenant-policy';
import { headOf, headPositionOf, holdersOf, superiorPositionOf } from '../roster/queries';
import type { RosterState } from '../roster/roster';
import type { UnitPeriodPolicy, UnitPeriodRosterFacts } from './unit-period';

/**
 * The holder of the position the unit's head position reports to on `asOf`, following the line further up while a
 * position is vacant (as `superiorOf` does for a person). Found even while the head position itself is vacant.
 */
const officialAbove = (roster: RosterState, unit: UnitId, asOf: LocalDate): Nip | undefined => {
  const head = headPositionOf(roster, unit);
  if (head === undefined) return undefined;
  const seen = new Set<PositionId>([head]);
  let current = superiorPositionOf(roster, head, asOf);
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const [holder] = holdersOf(roster, current, asOf);
    if (holder !== undefined) return holder;
    current = superiorPositionOf(roster, current, asOf);
  }
  return undefined;
};

/**
 * The unit head and the unit head's superior (who sets the organisational result and settles) on `asOf`.
 * Undefined when the unit has no head position or nobody above it holds a position: no one could settle.
 */
export const unitPeriodRosterFactsFor = (
  roster: RosterState,
  unit: UnitId,
  asOf: LocalDate,
): UnitPeriodRosterFacts | undefined => {
  const authorisedOfficial = officialAbove(roster, unit, asOf);
  if (authorisedOfficial === undefined) return undefined;
  return { asOf, unitHead: headOf(roster, unit, asOf) ?? null, authorisedOfficial };
};

/** The parts of a tenant's policy (or of the default settings) a unit period records when it opens. */
export const unitPeriodPolicyOf = (
  policy: Pick<TenantPolicy, 'curve' | 'unitHeadHasilKerja' | 'allowancePercent' | 'angkaKreditProRata'>,
): UnitPeriodPolicy => ({
  curve: policy.curve,
  unitHeadHasilKerja: policy.unitHeadHasilKerja,
  allowancePercent: policy.allowancePercent,
  angkaKreditProRata: policy.angkaKreditProRata,
});
