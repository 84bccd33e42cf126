/**
 * Who may read what, beyond the route's `@Roles` (which the global guard checks with the token's tenant):
 *
 * - the inspectorate and auditors read everything of their tenant (`READ_ALL_ROLES`);
 * - an employee (pegawai) reads their own file: routes that name a NIP or a stream answer only when it is theirs;
 * - officials read their own work queues; a reader-all may look at anyone's queue.
 *
 * The tenant in the path is the token's (the guard refuses others), and a stream id or event named in a path
 * must belong to that tenant too, so a token of one tenant never reads another's streams by naming them.
 */
import { ForbiddenException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { employeeStreamPrefixes, tenantOfStream } from '@kinerja/engine';
import type { Nip, Role, TenantId } from '@kinerja/domain';
import type { Principal } from '../contracts';

/** Roles that read everything of their tenant (DOMAIN.md §1: the inspectorate reads everything, writes nothing). */
export const READ_ALL_ROLES: ReadonlyArray<Role> = ['inspektorat', 'auditor'];

/** The authenticated caller (set by the auth guard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  // The guard runs before every non-public route; a query route without a principal is a wiring bug.
  if (principal === undefined) throw new ForbiddenException('no authenticated principal on this request');
  return principal;
});

export const readsAll = (principal: Principal): boolean => principal.roles.some((role) => READ_ALL_ROLES.includes(role));

/** A reader-all, or the employee named. */
export const assertMayReadEmployee = (principal: Principal, nip: string): void => {
  if (readsAll(principal) || principal.nip === nip) return;
  throw new ForbiddenException(`only the employee ${nip} or the roles ${READ_ALL_ROLES.join(', ')} may read this employee's file`);
};

/** The stream must be the tenant's (403 otherwise, like any cross-tenant attempt). */
export const assertStreamOfTenant = (streamId: string, tenant: string): void => {
  if (tenantOfStream(streamId) !== tenant) throw new ForbiddenException(`the stream ${streamId} is not of tenant ${tenant}`);
};

/** True when the stream is one of the employee's own (plan, evaluation, objection, discipline, ...). */
export const isEmployeeStream = (streamId: string, tenant: string, nip: string): boolean =>
  employeeStreamPrefixes(tenant as TenantId, nip as Nip).some((prefix) => streamId.startsWith(prefix));

/** A reader-all, or the employee whose stream it is. */
export const assertMayReadStream = (principal: Principal, streamId: string, tenant: string): void => {
  assertStreamOfTenant(streamId, tenant);
  if (readsAll(principal) || isEmployeeStream(streamId, tenant, principal.nip)) return;
  throw new ForbiddenException(`only the roles ${READ_ALL_ROLES.join(', ')} or the employee it concerns may read the stream ${streamId}`);
};

/** Whose queue: the caller's own, or, for a reader-all, the NIP asked for. */
export const queueOwner = (principal: Principal, requested: string | undefined): string => {
  if (requested === undefined || requested === principal.nip) return principal.nip;
  if (readsAll(principal)) return requested;
  throw new ForbiddenException(`only the roles ${READ_ALL_ROLES.join(', ')} may read another official's queue`);
};
