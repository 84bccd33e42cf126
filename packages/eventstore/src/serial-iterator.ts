/**
 * The iterator behind every adapter's subscription: concurrent `next()` calls are served one after the other,
 * so each gets its own event, and `return()` (a `break` out of `for await`) closes the subscription.
 */
import type { EventEnvelope } from './envelope';

export const serialIterator = (
  pull: () => Promise<IteratorResult<EventEnvelope, undefined>>,
  close: () => Promise<void>,
): AsyncIterator<EventEnvelope, undefined> => {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    next: () => {
      const result = queue.then(pull);
      queue = result.catch(() => undefined);
      return result;
    },
    return: async () => {
      await close();
      return { done: true, value: undefined };
    },
  };
};
