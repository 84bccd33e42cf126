/**
 * The process managers, in-process (ARCHITECTURE.md, step 7): a subscription to the global log from a checkpoint
 * runs `reactToEvent` (engine: every manager that handles the event) for each committed event, in order, and
 * records the position it reached in `<data>/process-managers.json`.
 *
 * A reaction that fails for a transient reason (the store unavailable) is retried with a growing pause; any other
 * failure (a refusal the manager did not expect, a corrupt stream) is logged and the event passed over, so one bad
 * stream never stops every manager. The commands carry deterministic ids, so re-running an event is harmless.
 *
 * The timers learn of the streams with deadlines from the same feed (`onEvent`).
 */
import { isLeft } from 'fp-ts/Either';
import type { Actor } from '@kinerja/domain';
import { reactToEvent } from '@kinerja/engine';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import type { CheckpointFile } from './checkpoint-file';
import type { RuntimeLog } from './runtime-log';

export type ProcessManagerHost = Readonly<{
  /** The position of the last event reacted to. */
  position: () => number;
  /** Resolves when every event up to `position` has been reacted to (tests, orderly shutdown). */
  caughtUpTo: (position: number, timeoutMs: number) => Promise<boolean>;
  stop: () => Promise<void>;
}>;

export type ProcessManagerOptions = Readonly<{
  store: EventStore;
  system: Actor;
  checkpoint: CheckpointFile;
  log: RuntimeLog;
  /** Every event seen (after its reaction). */
  onEvent?: (envelope: EventEnvelope) => void;
  /** First pause after a transient failure; doubles up to 30 s. */
  retryMs?: number;
}>;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

export const startProcessManagers = (options: ProcessManagerOptions): ProcessManagerHost => {
  const { store, system, checkpoint, log } = options;
  const abort = new AbortController();
  let position = checkpoint.position();
  let subscription = store.subscribe(position);
  const waiters = new Set<Readonly<{ position: number; resolve: (reached: boolean) => void }>>();
  const wake = () => {
    for (const waiter of waiters)
      if (waiter.position <= position) {
        waiters.delete(waiter);
        waiter.resolve(true);
      }
  };

  const react = async (envelope: EventEnvelope): Promise<void> => {
    let pause = options.retryMs ?? 500;
    for (;;) {
      let outcome: Awaited<ReturnType<typeof reactToEvent>>;
      try {
        outcome = await reactToEvent(store, envelope, system);
      } catch (error) {
        log.error('process manager: a reaction threw; the event is passed over', { position: envelope.globalPosition, type: envelope.type, error: String(error) });
        return;
      }
      if (!isLeft(outcome)) return;
      if (outcome.left._tag !== 'Unavailable' || abort.signal.aborted) {
        log.warn('process manager: a reaction failed; the event is passed over', { position: envelope.globalPosition, type: envelope.type, failure: outcome.left });
        return;
      }
      await sleep(pause, abort.signal);
      pause = Math.min(pause * 2, 30_000);
    }
  };

  const run = async (): Promise<void> => {
    let pause = options.retryMs ?? 500;
    while (!abort.signal.aborted) {
      try {
        for await (const envelope of subscription) {
          await react(envelope);
          position = envelope.globalPosition;
          checkpoint.advance(position);
          options.onEvent?.(envelope);
          wake();
          pause = options.retryMs ?? 500;
        }
        return;
      } catch (error) {
        if (abort.signal.aborted) return;
        // The store could not be read: resubscribe from where we are after a pause.
        log.warn('process manager: the subscription failed; resubscribing', { position, error: String(error) });
        await sleep(pause, abort.signal);
        pause = Math.min(pause * 2, 30_000);
        subscription = store.subscribe(position);
      }
    }
  };

  const running = run();
  return {
    position: () => position,
    caughtUpTo: (target, timeoutMs) =>
      target <= position
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const waiter = { position: target, resolve };
            waiters.add(waiter);
            setTimeout(() => {
              if (waiters.delete(waiter)) resolve(false);
            }, timeoutMs).unref();
          }),
    stop: async () => {
      abort.abort();
      await subscription.close();
      await running;
      checkpoint.flush();
      for (const waiter of waiters) waiter.resolve(false);
      waiters.clear();
    },
  };
};
