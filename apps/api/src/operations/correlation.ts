/**
 * Correlation ids on the wire: fastify gives every request an id (`request.id`: the client's
 * `X-Correlation-Id` when it sent one, else a generated one; see the adapter's `requestIdHeader`/`genReqId`), and
 * its pino logger writes it as `reqId` on every line of that request. This hook sends the same id back in the
 * `X-Correlation-Id` response header, so a client can quote it and an operator can find the log lines.
 */
export const CORRELATION_HEADER = 'x-correlation-id';

type HookRequest = Readonly<{ id: string | number }>;
type HookReply = Readonly<{ header: (name: string, value: string) => unknown }>;
export type HookHost = Readonly<{
  addHook: (name: 'onRequest', hook: (request: HookRequest, reply: HookReply, done: () => void) => void) => unknown;
}>;

export const installCorrelationHook = (fastify: HookHost): void => {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, String(request.id));
    done();
  });
};
