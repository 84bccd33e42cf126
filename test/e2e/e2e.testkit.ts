/**
 * Helpers of the e2e suites, over the service's own test kit (`apps/api/src/service.testkit.ts`: `startService`
 * in-process on 127.0.0.1, port 0, a temp data directory, demo seed off, an HS256 secret, tokens minted with
 * jose, requests with `fetch`, `close()` removes the directory): problem+json assertions, a settable clock, and
 * tokens per person.
 */
import type { Role } from '@kinerja/domain';
import { mintToken, startTestService, type TestResponse, type TestService, type TestServiceOptions } from '../../apps/api/src/service.testkit';

export { mintToken, startTestService, type TestResponse, type TestService, type TestServiceOptions };

export type Problem = Readonly<{ type: string; title: string; status: number; detail?: string; [extension: string]: unknown }>;

/** Asserts that an answer is an RFC 9457 problem with the given status, and returns its body. */
export const problemOf = (answer: TestResponse, status: number): Problem => {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text.slice(0, 600)}`);
  const contentType = answer.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) throw new Error(`expected application/problem+json, got "${contentType}": ${answer.text.slice(0, 300)}`);
  const body = answer.body as Partial<Problem> | undefined;
  if (typeof body?.type !== 'string' || typeof body.title !== 'string' || body.status !== status || typeof body.detail !== 'string')
    throw new Error(`not a problem body with type, title, status and detail: ${answer.text.slice(0, 600)}`);
  return body as Problem;
};

/** Asserts a 2xx answer and returns its body. */
export const okBody = <A = Record<string, unknown>>(answer: TestResponse): A => {
  if (answer.status < 200 || answer.status > 299) throw new Error(`expected 2xx, got ${answer.status}: ${answer.text.slice(0, 800)}`);
  return answer.body as A;
};

/** A clock the test moves: the service stamps commands' `issuedAt` with it. */
export const settableClock = (start: string): Readonly<{ now: () => Date; set: (iso: string) => void }> => {
  let current = new Date(start);
  return { now: () => new Date(current), set: (iso) => (current = new Date(iso)) };
};

/** Tokens of one tenant, one per person and role set (cached). */
export const tokensFor = (tenant: string) => {
  const cache = new Map<string, Promise<string>>();
  return (nip: string, ...roles: ReadonlyArray<Role>): Promise<string> => {
    const key = `${nip}|${roles.join(',')}`;
    const found = cache.get(key);
    if (found !== undefined) return found;
    const minted = mintToken({ nip, tenant, roles });
    cache.set(key, minted);
    return minted;
  };
};
