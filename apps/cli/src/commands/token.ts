/**
 * `kinerja token --nip <nip> --tenant <tenant> --roles <r1,r2> [--expires 8h] [--json]`: mints a local bearer token
 * for the service (issue 8, "Security"): HS256, signed with the UTF-8 bytes of `KINERJA_JWT_SECRET`, the secret the
 * service verifies local tokens with. Claims: `sub` = the NIP, `tenant`, `roles` (an array), `iat`, `exp`, issuer
 * `kinerja`, audience `kinerja-api`.
 *
 * The secret is read from the environment, else from the demo secret the service generated into
 * `<data>/jwt-secret` (so the demo needs no setup), never from an option: options end up in shell histories and
 * process lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SignJWT } from 'jose';
import { Nip, ROLES, TenantId, type Role } from '@kinerja/domain';
import { decoded } from '../arguments';
import { locationsOf } from '../data-access';
import { printJson, printLine } from '../cli-io';
import { usageError } from '../exit-codes';
import type { CliContext } from '../context';

/**
 * The issuer and audience of a kinerja token. The service declares the same two strings as `TOKEN_ISSUER` and
 * `TOKEN_AUDIENCE` in apps/api/src/contracts.ts; an app must not import another app, so they are repeated here,
 * and test/cli/cli.e2e.spec.ts fails if the two copies ever differ.
 */
export const TOKEN_ISSUER = 'kinerja';
export const TOKEN_AUDIENCE = 'kinerja-api';

export const JWT_SECRET_VARIABLE = 'KINERJA_JWT_SECRET';

const roleList = (value: string): ReadonlyArray<Role> => {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const unknown = roles.filter((r) => !(ROLES as ReadonlyArray<string>).includes(r));
  if (roles.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(
      `${roles.length === 0 ? 'no role given' : `unknown role${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}`}; roles are ${ROLES.join(', ')}`,
    );
  return [...new Set(roles)] as ReadonlyArray<Role>;
};

/** Seconds per unit of a relative expiry. */
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };

/** `30m`, `8h`, `7d`, `2w`, `90s`: a relative expiry, in seconds. */
export const durationSeconds = (value: string): number => {
  const match = /^(\d+)(s|m|h|d|w)$/.exec(value.trim());
  const n = Number(match?.[1]);
  const unit = UNIT_SECONDS[match?.[2] ?? ''];
  if (unit === undefined || !Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a duration such as 30m, 8h, 7d (units s, m, h, d, w); got "${value}"`);
  return n * unit;
};

export type TokenOptions = Readonly<{ nip: Nip; tenant: TenantId; roles: ReadonlyArray<Role>; expires: number; json?: boolean }>;

/** Signs the token; `iat` is `now` and `exp` is `now` plus the duration, in whole seconds. */
export const mintToken = async (options: TokenOptions, secret: string, now: Date): Promise<Readonly<{ token: string; iat: number; exp: number }>> => {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + options.expires;
  const token = await new SignJWT({ tenant: options.tenant, roles: [...options.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.nip)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
  return { token, iat, exp };
};

/** The secret the service generated for the demo (`<data>/jwt-secret`), when there is one. */
const demoSecret = (dataDir: string): string | undefined => {
  try {
    return readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
  } catch {
    return undefined;
  }
};

export const tokenCommand = (context: CliContext): Command =>
  new Command('token')
    .description(`mint a local HS256 bearer token for the service, signed with ${JWT_SECRET_VARIABLE}`)
    .requiredOption('--nip <nip>', 'the subject: an 18-digit NIP', decoded(Nip))
    .requiredOption('--tenant <tenant>', 'the tenant the token acts for, e.g. surabaya', decoded(TenantId))
    .requiredOption('--roles <roles>', `comma-separated roles (${ROLES.join(', ')})`, roleList)
    .addOption(new Option('--expires <duration>', 'how long it is valid: 30m, 8h, 7d').argParser(durationSeconds).default(8 * 3_600, '8h'))
    .option('--json', 'print the token with its claims and expiry as JSON')
    .action(async (options: TokenOptions, command: Command) => {
      const secret = context.io.env[JWT_SECRET_VARIABLE] || demoSecret(locationsOf(command, context.io).dataDir);
      if (secret === undefined || secret.length === 0)
        throw usageError(`${JWT_SECRET_VARIABLE} is not set and there is no demo secret in the data directory: export the secret the service verifies tokens with`);
      const { token, iat, exp } = await mintToken(options, secret, context.now());
      if (options.json !== true) {
        await printLine(context.io, token);
        return;
      }
      await printJson(context.io, {
        token,
        claims: { sub: options.nip, tenant: options.tenant, roles: options.roles, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE },
        issuedAt: new Date(iat * 1000).toISOString(),
        expiresAt: new Date(exp * 1000).toISOString(),
      });
    });
