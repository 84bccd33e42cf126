/**
 * The service's configuration from environment variables (README, "Configuration"):
 *
 * | variable | default | |
 * |---|---|---|
 * | `KINERJA_PORT` | 3000 | 0 picks a free port |
 * | `KINERJA_HOST` | 127.0.0.1 | bind address |
 * | `KINERJA_DATA` | `./data` | data directory (SQLite log, read models, demo secret) |
 * | `KINERJA_STORE` | `sqlite:<data>/kinerja.db` | or an `esdb://` connection string |
 * | `KINERJA_JWT_SECRET` | — | HS256 secret (local use) |
 * | `KINERJA_JWT_KEYS` | — | RS256 public keys: a PEM file or a JWKS file (production) |
 * | `KINERJA_SEED_DEMO` | `true` | seed the five demo tenants when the store is empty |
 * | `KINERJA_BODY_LIMIT` | 1048576 | largest request body, bytes |
 * | `KINERJA_PUBLIC_RATE_LIMIT` | 10 | complaint filings per minute per address |
 * | `KINERJA_READY_MAX_LAG` | 1000 | `/health/ready` fails above this projection lag |
 * | `KINERJA_LOG_LEVEL` | `info` | fatal, error, warn, info, debug, trace, silent |
 *
 * Without a secret or keys, the service generates a random secret into `<data>/jwt-secret` (mode 0600) on first
 * start and uses it from then on; `kinerja token` reads the same file, so the demo needs no setup.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, resolveLocations } from '@kinerja/engine';
import type { JwtVerification, ServiceConfig } from './contracts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  bodyLimitBytes: 1024 * 1024,
  publicRateLimitPerMinute: 10,
  readyMaxLag: 1000,
  logLevel: 'info',
} as const;

/** The demo secret's file inside the data directory. */
export const DEMO_SECRET_FILE = 'jwt-secret';

const wholeNumber = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new ConfigurationError(`${name} must be a whole number within ${min}..${max}, got "${raw}"`);
  return value;
};

const flag = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigurationError(`${name} must be true or false, got "${env[name] ?? ''}"`);
};

/** Reads `<data>/jwt-secret`, creating it with 32 random bytes (hex) when it does not exist. */
export const ensureDemoSecret = (dataDir: string): Readonly<{ secret: string; path: string; created: boolean }> => {
  const path = join(dataDir, DEMO_SECRET_FILE);
  if (existsSync(path)) return { secret: readFileSync(path, 'utf8').trim(), path, created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, path, created: true };
};

export type ConfigFromEnv = ServiceConfig & Readonly<{ demoSecretPath?: string }>;

export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): ConfigFromEnv => {
  const locations = resolveLocations({}, env);
  const logLevel = (env['KINERJA_LOG_LEVEL'] ?? DEFAULTS.logLevel).trim().toLowerCase();
  if (!(LOG_LEVELS as ReadonlyArray<string>).includes(logLevel))
    throw new ConfigurationError(`KINERJA_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const secret = env['KINERJA_JWT_SECRET'];
  const keys = env['KINERJA_JWT_KEYS'];
  if (secret !== undefined && secret !== '' && keys !== undefined && keys !== '')
    throw new ConfigurationError('set KINERJA_JWT_SECRET or KINERJA_JWT_KEYS, not both');
  let jwt: JwtVerification;
  let demoSecretPath: string | undefined;
  if (keys !== undefined && keys !== '') {
    if (!existsSync(keys)) throw new ConfigurationError(`KINERJA_JWT_KEYS: no file ${keys}`);
    jwt = { kind: 'keys', path: keys };
  } else if (secret !== undefined && secret !== '') {
    if (secret.length < 16) throw new ConfigurationError('KINERJA_JWT_SECRET must have at least 16 characters');
    jwt = { kind: 'secret', secret };
  } else {
    const demo = ensureDemoSecret(locations.dataDir);
    jwt = { kind: 'secret', secret: demo.secret };
    demoSecretPath = demo.path;
  }

  return {
    host: env['KINERJA_HOST']?.trim() || DEFAULTS.host,
    port: wholeNumber(env, 'KINERJA_PORT', DEFAULTS.port, 0, 65535),
    locations,
    jwt,
    seedDemo: flag(env, 'KINERJA_SEED_DEMO', true),
    bodyLimitBytes: wholeNumber(env, 'KINERJA_BODY_LIMIT', DEFAULTS.bodyLimitBytes, 1024, 64 * 1024 * 1024),
    publicRateLimitPerMinute: wholeNumber(env, 'KINERJA_PUBLIC_RATE_LIMIT', DEFAULTS.publicRateLimitPerMinute, 1, 1_000_000),
    readyMaxLag: wholeNumber(env, 'KINERJA_READY_MAX_LAG', DEFAULTS.readyMaxLag, 0, Number.MAX_SAFE_INTEGER),
    logLevel: logLevel as ServiceConfig['logLevel'],
    ...(demoSecretPath === undefined ? {} : { demoSecretPath }),
  };
};
