/**
 * The little of fastify's reply the operations routes touch (the `fastify` package itself is a dependency of
 * the Nest adapter, not of this app, so its types are not imported here).
 */
export type ReplyHeaders = Readonly<{
  status: (code: number) => unknown;
  header: (name: string, value: string) => unknown;
}>;
