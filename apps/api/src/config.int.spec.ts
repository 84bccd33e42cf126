import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, DEFAULTS } from './config';

describe('configFromEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults: 127.0.0.1:3000, sqlite under the data directory, and a demo secret generated once into <data>/jwt-secret', () => {
    const data = join(dir, 'data');
    const config = configFromEnv({ KINERJA_DATA: data });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, seedDemo: true, bodyLimitBytes: DEFAULTS.bodyLimitBytes, logLevel: 'info' });
    expect(config.locations.store).toEqual({ kind: 'sqlite', path: join(data, 'kinerja.db') });
    expect(config.demoSecretPath).toBe(join(data, 'jwt-secret'));
    if (config.jwt.kind !== 'secret') throw new Error('expected a secret');
    expect(config.jwt.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(data, 'jwt-secret')).mode & 0o077).toBe(0);
    expect(readFileSync(join(data, 'jwt-secret'), 'utf8').trim()).toBe(config.jwt.secret);
    // The same secret on the next start.
    expect(configFromEnv({ KINERJA_DATA: data }).jwt).toEqual(config.jwt);
  });

  it('reads every variable', () => {
    const keys = join(dir, 'keys.pem');
    writeFileSync(keys, '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n');
    const config = configFromEnv({
      KINERJA_PORT: '8080',
      KINERJA_HOST: '0.0.0.0',
      KINERJA_DATA: dir,
      KINERJA_STORE: 'esdb://localhost:2113?tls=false',
      KINERJA_JWT_KEYS: keys,
      KINERJA_LOG_LEVEL: 'warn',
      KINERJA_SEED_DEMO: 'false',
      KINERJA_BODY_LIMIT: '2048',
      KINERJA_PUBLIC_RATE_LIMIT: '5',
    });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 8080, jwt: { kind: 'keys', path: keys }, logLevel: 'warn', seedDemo: false, bodyLimitBytes: 2048, publicRateLimitPerMinute: 5 });
    expect(config.locations.store).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
    expect(config.demoSecretPath).toBeUndefined();
    expect(configFromEnv({ KINERJA_DATA: dir, KINERJA_JWT_SECRET: 'a-secret-of-enough-length' }).jwt).toEqual({ kind: 'secret', secret: 'a-secret-of-enough-length' });
  });

  it.each([
    [{ KINERJA_PORT: 'http' }, 'KINERJA_PORT'],
    [{ KINERJA_PORT: '70000' }, 'KINERJA_PORT'],
    [{ KINERJA_LOG_LEVEL: 'loud' }, 'KINERJA_LOG_LEVEL'],
    [{ KINERJA_SEED_DEMO: 'maybe' }, 'KINERJA_SEED_DEMO'],
    [{ KINERJA_JWT_SECRET: 'short' }, 'KINERJA_JWT_SECRET'],
    [{ KINERJA_JWT_KEYS: '/no/such/file.pem' }, 'KINERJA_JWT_KEYS'],
    [{ KINERJA_STORE: 'postgres://x' }, 'KINERJA_STORE'],
  ])('refuses %j, naming the variable', (env, name) => {
    expect(() => configFromEnv({ KINERJA_DATA: dir, ...env })).toThrow(name);
  });
});
