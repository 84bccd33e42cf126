/**
 * The global guard: every route needs a valid bearer token unless it is marked `@PublicRoute()` (health,
 * metrics, docs, the citizen complaint filing). Then:
 *
 * 1. the token is verified (401 otherwise, with `WWW-Authenticate: Bearer error="invalid_token"`), and the
 *    caller is attached to the request as `request.principal`;
 * 2. a `:tenant` in the path must be a tenant the service knows (404) and the token's tenant (403): a token of
 *    one tenant never reads or writes another;
 * 3. the route's roles (`@Roles(...)`, or the command spec's roles on command routes) must meet the token's roles
 *    (403 naming the roles needed).
 *
 * The domain's own authority checks (the appraiser named on the plan, the unit's official) stand behind this.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { policyFor, type Role, type TenantId } from '@kinerja/domain';
import { PUBLIC_KEY, ROLES_KEY, type Principal } from '../contracts';
import { problemException } from '../problems/problem';
import { InvalidToken, type TokenVerifier } from './tokens';

/** The `TokenVerifier` (auth/tokens.ts). */
export const TOKEN_VERIFIER = Symbol('kinerja.TokenVerifier');

type GuardedRequest = {
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;
  params?: Readonly<Record<string, string | undefined>>;
  principal?: Principal;
};

const bearerOf = (header: string | ReadonlyArray<string> | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : (header as string | undefined);
  if (value === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
};

const unauthenticated = (detail: string, error?: 'invalid_token') =>
  problemException('unauthenticated', detail, {}, {
    'www-authenticate': error === undefined ? 'Bearer realm="kinerja"' : `Bearer realm="kinerja", error="${error}", error_description="${detail.replace(/"/g, "'")}"`,
  });

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();

    const token = bearerOf(request.headers['authorization']);
    if (token === undefined) throw unauthenticated('this route needs a bearer token (Authorization: Bearer <token>)');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw unauthenticated(error.message, 'invalid_token');
      throw error;
    }
    request.principal = principal;

    const tenant = request.params?.['tenant'];
    if (tenant !== undefined) {
      if (policyFor(tenant as TenantId) === undefined) throw problemException('not-found', `no tenant "${tenant}"`, { tenant });
      if (tenant !== principal.tenant)
        throw problemException('forbidden', `the token is for tenant "${principal.tenant}", not "${tenant}"`, {
          tenant,
          tokenTenant: principal.tenant,
        });
    }

    const roles = this.reflector.getAllAndOverride<ReadonlyArray<Role> | undefined>(ROLES_KEY, targets);
    if (roles !== undefined && roles.length > 0 && !roles.some((role) => principal.roles.includes(role)))
      throw problemException('forbidden', `this route needs one of the roles ${roles.join(', ')}; the token has ${principal.roles.join(', ') || 'none'}`, {
        requiredRoles: roles,
        tokenRoles: principal.roles,
      });
    return true;
  }
}
