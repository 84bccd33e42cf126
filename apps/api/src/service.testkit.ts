/**
 * The real service for tests: `startService` on a temporary data directory (SQLite store and read models), port 0
 * on 127.0.0.1, demo seed off, silent logs, a known HS256 secret; tokens minted with jose like `kinerja token`;
 * requests over real HTTP with fetch. `close()` shuts the service down and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/Either';
import { SignJWT } from 'jose';
import type { Role } from '@kinerja/domain';
import { resolveLocations } from '@kinerja/engine';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type ServiceConfig } from './contracts';
import { startService, type RunningService, type StartOptions } from './main';
import { createRuntimeLog } from './runtime/runtime-log';

export const TEST_SECRET = 'a-test-secret-of-at-least-32-characters';

export type TokenClaims = Readonly<{ nip: string; tenant: string; roles: ReadonlyArray<Role> }>;
export type TokenOptions = Readonly<{ secret?: string; expiresIn?: string; expiresAt?: number; issuer?: string; audience?: string }>;

export const mintToken = (claims: TokenClaims, options: TokenOptions = {}): Promise<string> => {
  const jwt = new SignJWT({ tenant: claims.tenant, roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.nip)
    .setIssuer(options.issuer ?? TOKEN_ISSUER)
    .setAudience(options.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt();
  if (options.expiresAt !== undefined) jwt.setExpirationTime(options.expiresAt);
  else jwt.setExpirationTime(options.expiresIn ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
};

export type TestResponse = Readonly<{ status: number; headers: Headers; body: unknown; text: string }>;

export type RequestOptions = Readonly<{
  token?: string;
  /** A JSON value, sent as application/json unless `raw` is given. */
  body?: unknown;
  /** A body sent as it is, with the given content type (or none). */
  raw?: Readonly<{ text: string; contentType?: string }>;
  headers?: Readonly<Record<string, string>>;
}>;

export type TestService = Readonly<{
  service: RunningService;
  url: string;
  dir: string;
  request: (method: string, path: string, options?: RequestOptions) => Promise<TestResponse>;
  /** `POST /v1/tenants/<tenant>/<aggregate>/<command>` with a JSON body. */
  command: (tenant: string, aggregate: string, command: string, body: unknown, options?: Omit<RequestOptions, 'body'>) => Promise<TestResponse>;
  headPosition: () => Promise<number>;
  close: () => Promise<void>;
}>;

export type TestServiceOptions = Readonly<{ config?: Partial<ServiceConfig>; start?: StartOptions }>;

export const startTestService = async (options: TestServiceOptions = {}): Promise<TestService> => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-api-'));
  const config: ServiceConfig = {
    host: '127.0.0.1',
    port: 0,
    locations: resolveLocations({ data: dir }, {}),
    jwt: { kind: 'secret', secret: TEST_SECRET },
    seedDemo: false,
    bodyLimitBytes: 64 * 1024,
    publicRateLimitPerMinute: 3,
    readyMaxLag: 1000,
    logLevel: 'silent',
    ...options.config,
  };
  let service: RunningService;
  try {
    service = await startService(config, { log: createRuntimeLog('silent'), ...options.start });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const request = async (method: string, path: string, o: RequestOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token !== undefined) headers['authorization'] = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.raw !== undefined) {
      body = o.raw.text;
      if (o.raw.contentType !== undefined) headers['content-type'] = o.raw.contentType;
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${service.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  return {
    service,
    url: service.url,
    dir,
    request,
    command: (tenant, aggregate, command, body, o = {}) => request('POST', `/v1/tenants/${tenant}/${aggregate}/${command}`, { ...o, body }),
    headPosition: async () => {
      const head = await service.runtime.store.headPosition();
      if (isLeft(head)) throw new Error(head.left.reason);
      return head.right;
    },
    close: async () => {
      try {
        await service.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
};
