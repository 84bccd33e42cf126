/**
 * Where a catalog command lives on the wire: `POST /v1/tenants/{tenant}/{aggregate}/{command}`, the command's
 * type in kebab-case (`ApprovePlan` → `/v1/tenants/salatiga/plan/approve-plan`). The OpenAPI document and the
 * controllers use these same functions, so a route and its documentation cannot disagree.
 */
import type { CommandSpec } from '@kinerja/engine';

/** `ApprovePlan` → `approve-plan`; `ImportRoster` → `import-roster`; `SetIKIs` → `set-ikis`. */
export const kebabCase = (type: string): string =>
  type
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** The controller prefix of an aggregate's commands (Nest path syntax). */
export const aggregatePrefix = (aggregate: string): string => `v1/tenants/:tenant/${aggregate}`;

/** The OpenAPI path of a command (`{tenant}` syntax). */
export const commandPath = (spec: CommandSpec): string => `/v1/tenants/{tenant}/${spec.aggregate}/${kebabCase(spec.type)}`;
