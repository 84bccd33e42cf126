/**
 * Bearer tokens: verified with jose (signature, `exp`/`nbf`, issuer `kinerja`, audience `kinerja-api`), then the
 * claims decoded with io-ts: `sub` a NIP, `tenant` a tenant id, `roles` a list of the domain's roles.
 *
 * - HS256 with a shared secret (`KINERJA_JWT_SECRET`, or the demo's generated `<data>/jwt-secret`): local use;
 *   `kinerja token --nip … --tenant … --roles …` mints with the same secret;
 * - RS256 public keys (`KINERJA_JWT_KEYS`): a PEM file with one or more `-----BEGIN PUBLIC KEY-----` blocks (a
 *   token verifies when any key does), or a JWKS file (`{ "keys": [...] }`, the key picked by `kid`).
 */
import { readFileSync } from 'node:fs';
import { isLeft } from 'fp-ts/Either';
import * as t from 'io-ts';
import { createLocalJWKSet, errors, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { describeErrors, Nip, RoleCodec, TenantId } from '@kinerja/domain';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type JwtVerification, type Principal } from '../contracts';

/** Why a token was not accepted (the 401's detail). */
export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

export type TokenVerifier = Readonly<{ verify: (token: string) => Promise<Principal> }>;

const ClaimsCodec = t.type({ sub: Nip, tenant: TenantId, roles: t.readonlyArray(RoleCodec) });

const principalOf = (payload: JWTPayload): Principal => {
  const decoded = ClaimsCodec.decode(payload);
  if (isLeft(decoded))
    throw new InvalidToken(`the token's claims are not valid: ${describeErrors(decoded.left).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return { nip: decoded.right.sub, tenant: decoded.right.tenant, roles: decoded.right.roles };
};

const reasonOf = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not valid: ${error.reason}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm this service does not accept';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no configured key matches the token';
  if (error instanceof errors.JOSEError) return `the token is not valid (${error.code})`;
  return 'the token is not valid';
};

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

/** The RS256 keys of a PEM or JWKS file. */
const loadKeys = async (path: string): Promise<ReadonlyArray<KeyLike> | JWTVerifyGetKey> => {
  const text = readFileSync(path, 'utf8');
  if (text.trimStart().startsWith('{')) {
    const jwks = JSON.parse(text) as Parameters<typeof createLocalJWKSet>[0];
    return createLocalJWKSet(jwks);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error(`KINERJA_JWT_KEYS: ${path} has no "-----BEGIN PUBLIC KEY-----" block and is not a JWKS file`);
  return Promise.all(blocks.map((pem) => importSPKI(pem, 'RS256')));
};

const options = (algorithms: ReadonlyArray<string>) => ({ issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [...algorithms] });

export const createTokenVerifier = async (jwt: JwtVerification): Promise<TokenVerifier> => {
  if (jwt.kind === 'secret') {
    const key = new TextEncoder().encode(jwt.secret);
    return {
      verify: async (token) => {
        try {
          return principalOf((await jwtVerify(token, key, options(['HS256']))).payload);
        } catch (error) {
          throw error instanceof InvalidToken ? error : new InvalidToken(reasonOf(error));
        }
      },
    };
  }
  const keys = await loadKeys(jwt.path);
  return {
    verify: async (token) => {
      try {
        if (typeof keys === 'function') return principalOf((await jwtVerify(token, keys, options(['RS256']))).payload);
        let last: unknown;
        for (const key of keys) {
          try {
            return principalOf((await jwtVerify(token, key, options(['RS256']))).payload);
          } catch (error) {
            // Another key of the file may have signed it; any other failure is final.
            if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw error;
            last = error;
          }
        }
        throw last;
      } catch (error) {
        throw error instanceof InvalidToken ? error : new InvalidToken(reasonOf(error));
      }
    },
  };
};
