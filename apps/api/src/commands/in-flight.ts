/**
 * Commands being handled right now, so that a graceful shutdown lets them finish (and their appends commit)
 * before the store closes; after `close()` no new command starts (503).
 */
import { Injectable } from '@nestjs/common';
import { problemException, RETRY_AFTER_SECONDS } from '../problems/problem';

@Injectable()
export class InFlightCommands {
  private running = 0;
  private closing = false;
  private idle: Array<() => void> = [];

  get count(): number {
    return this.running;
  }

  async track<A>(work: () => Promise<A>): Promise<A> {
    if (this.closing)
      throw problemException('unavailable', 'the service is shutting down', {}, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Refuses new commands and resolves when the running ones have finished. */
  drain(): Promise<void> {
    this.closing = true;
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}
