/**
 * Who to be in the demo: a unit head (the appraiser of the unit's members) and one of the members of a Salatiga
 * unit, from the same generator and seed the demo was written with, for the start-up banner's token examples.
 */
import { DEFAULT_SEED_START_YEAR, generateOrganisations } from '@kinerja/engine';
import { DEMO_SEED } from './runtime';

export type DemoPeople = Readonly<{ tenant: string; unit: string; appraiser: string; employee: string }>;

export const demoPeople = (tenant = 'salatiga'): DemoPeople | undefined => {
  const organisation = generateOrganisations(DEMO_SEED.employees, DEMO_SEED.seed, DEFAULT_SEED_START_YEAR).find((o) => o.tenant === tenant);
  const unit = organisation?.units.find((u) => u.members.some((m) => m !== u.head));
  const employee = unit?.members.find((m) => m !== unit.head);
  if (unit === undefined || employee === undefined) return undefined;
  return { tenant, unit: unit.id, appraiser: unit.head, employee };
};
