/**
 * Token verification with each kind of key the service is configured with: the HS256 secret, RS256 public keys
 * from a PEM file (several blocks: any may have signed), and a JWKS file (the key picked by `kid`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../contracts';
import { createTokenVerifier, InvalidToken } from './tokens';

const nip = '198706122015032004';
const claims = { tenant: 'salatiga', roles: ['pejabat-penilai'] };

const sign = (key: KeyLike | Uint8Array, alg: string, options: Readonly<{ kid?: string; exp?: number | string; audience?: string }> = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, ...(options.kid === undefined ? {} : { kid: options.kid }) })
    .setSubject(nip)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(options.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(key);

describe('token verification', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('HS256: accepts the secret, refuses another secret, an RS256 token and unsigned tokens', async () => {
    const secret = 'a-local-secret-of-at-least-32-characters';
    const verifier = await createTokenVerifier({ kind: 'secret', secret });
    await expect(verifier.verify(await sign(new TextEncoder().encode(secret), 'HS256'))).resolves.toEqual({ nip, ...claims });
    await expect(verifier.verify(await sign(new TextEncoder().encode(`${secret}!`), 'HS256'))).rejects.toThrow('the token signature is not valid');
    const { privateKey } = await generateKeyPair('RS256');
    await expect(verifier.verify(await sign(privateKey, 'RS256'))).rejects.toBeInstanceOf(InvalidToken);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: nip, ...claims, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })).toString('base64url')}.`;
    await expect(verifier.verify(unsigned)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('RS256 from a PEM file: any of its keys may have signed; other keys, expiry and the audience are checked', async () => {
    const first = await generateKeyPair('RS256');
    const second = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    const path = join(dir, 'keys.pem');
    writeFileSync(path, `${await exportSPKI(first.publicKey)}\n${await exportSPKI(second.publicKey)}\n`);
    const verifier = await createTokenVerifier({ kind: 'keys', path });
    await expect(verifier.verify(await sign(first.privateKey, 'RS256'))).resolves.toMatchObject({ nip });
    await expect(verifier.verify(await sign(second.privateKey, 'RS256'))).resolves.toMatchObject({ tenant: 'salatiga' });
    await expect(verifier.verify(await sign(stranger.privateKey, 'RS256'))).rejects.toThrow('signature');
    await expect(verifier.verify(await sign(first.privateKey, 'RS256', { exp: Math.floor(Date.now() / 1000) - 120 }))).rejects.toThrow('the token has expired');
    await expect(verifier.verify(await sign(first.privateKey, 'RS256', { audience: 'another-api' }))).rejects.toThrow('"aud"');
  });

  it('RS256 from a JWKS file, by kid', async () => {
    const key = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const path = join(dir, 'jwks.json');
    writeFileSync(path, JSON.stringify({ keys: [{ ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] }));
    const verifier = await createTokenVerifier({ kind: 'keys', path });
    await expect(verifier.verify(await sign(key.privateKey, 'RS256', { kid: 'k1' }))).resolves.toMatchObject({ nip });
    await expect(verifier.verify(await sign(other.privateKey, 'RS256', { kid: 'k2' }))).rejects.toThrow('no configured key matches the token');
  });

  it('refuses claims that are not a kinerja principal', async () => {
    const secret = 'a-local-secret-of-at-least-32-characters';
    const verifier = await createTokenVerifier({ kind: 'secret', secret });
    const token = await new SignJWT({ tenant: 'salatiga', roles: ['raja'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(nip)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    await expect(verifier.verify(token)).rejects.toThrow('roles');
  });
});
