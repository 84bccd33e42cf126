/**
 * The one exception filter: whatever a route, a guard or fastify throws is answered as
 * `application/problem+json` (see `problem.ts` for the mapping). A 500 is logged with its cause; a client never
 * sees a stack trace.
 */
import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, problemOfError } from './problem';

/** The little of fastify's request and reply the filter touches. */
type HttpRequest = Readonly<{ id?: string | number; url?: string; method?: string }>;
type HttpReply = {
  sent?: boolean;
  status: (code: number) => HttpReply;
  header: (name: string, value: string) => HttpReply;
  send: (body: string) => unknown;
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();
    const { problem, headers } = problemOfError(exception);
    if (problem.status >= 500 && problem.status !== 503)
      this.logger.error(
        `${request.method ?? '?'} ${request.url ?? '?'} failed (correlation id ${String(request.id)}): ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
    if (reply.sent === true) return;
    const path = (request.url ?? '').split('?')[0] ?? '';
    const body = {
      ...problem,
      ...(problem.instance === undefined && path !== '' ? { instance: path } : {}),
      ...(request.id === undefined ? {} : { correlationId: String(request.id) }),
    };
    reply.status(problem.status);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    reply.header('content-type', PROBLEM_CONTENT_TYPE);
    reply.send(JSON.stringify(body));
  }
}
