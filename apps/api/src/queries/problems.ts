/**
 * The problems the query routes raise themselves, built with the service's problem kit (`../problems/problem`),
 * so the one filter writes them as `application/problem+json`.
 */
import type { FieldProblem } from '@kinerja/domain';
import { ProblemException, invalidRequest, problemException, problemType } from '../problems/problem';

/** 400: a path or query parameter did not decode; `errors` names each failing field. */
export const invalidParameters = (errors: ReadonlyArray<FieldProblem>): ProblemException => invalidRequest(errors);

/** 404: nothing known under that id (in this tenant). */
export const notFound = (detail: string, extensions: Readonly<Record<string, unknown>> = {}): ProblemException =>
  problemException('not-found', detail, extensions);

/** 503: the event store (time travel) or the read-model database could not be read. */
export const unavailable = (reason: string): ProblemException => problemException('unavailable', reason, {}, { 'retry-after': '5' });

/** Seconds a client waits before asking again when the read models are behind. */
export const READ_MODEL_RETRY_AFTER_SECONDS = 1;

/** 503: the read models did not reach the position the client asked for within the bound (read your writes). */
export const readModelBehind = (minPosition: number, reached: number | undefined, waitedMs: number): ProblemException =>
  new ProblemException(
    {
      type: problemType('read-model-behind'),
      title: 'The read models have not yet reached the position asked for',
      status: 503,
      detail: `the read models did not reach position ${minPosition} within ${waitedMs} ms${reached === undefined ? '' : ` (they are at ${reached})`}; retry shortly`,
      minPosition,
      ...(reached === undefined ? {} : { position: reached }),
    },
    { 'retry-after': String(READ_MODEL_RETRY_AFTER_SECONDS) },
  );
