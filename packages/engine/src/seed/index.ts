/**
 * The seed: a deterministic, realistic history of the five tenants through the real engine (`kinerja seed`, the
 * service's demo data, the benchmark workload). See docs/seed.md.
 */
export {
  DEFAULT_SEED_START_YEAR,
  SEED_SYSTEM_NIP,
  seedHistory,
  type SeedOptions,
  type SeedProgress,
  type SeedReport,
  type TenantReport,
} from './history';
export type { Refusal } from './host';
export { generateOrganisations, MIN_EMPLOYEES_PER_TENANT, SEED_TENANTS, type SeedEmployee, type SeedUnit, type TenantOrganisation } from './organisation';
