/**
 * The timer loop (ARCHITECTURE.md, step 7: timers turn deadlines into commands): every `intervalMs`, `fireDue`
 * (engine) runs the `due…` commands of streams whose aggregate has deadlines (objections, discipline cases,
 * administrative objections and appeals, the poor-performance path, complaints).
 *
 * The candidate streams are learnt from the log: at start, one background read of the timed categories
 * (`TIMED_STREAM_PREFIXES`, up to the head position then), and from then on the process-manager feed, which
 * reports every committed event. Each tick visits at most `perTick` of them, round robin, so a tick is bounded
 * however many streams there are; a stream whose `fireDue` finds nothing due stays a candidate (its deadline may
 * come later).
 */
import { isLeft } from 'fp-ts/Either';
import type { Actor } from '@kinerja/domain';
import { fireDue, TIMED_STREAM_PREFIXES } from '@kinerja/engine';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import type { RuntimeLog } from './runtime-log';

const isTimed = (streamId: string): boolean => TIMED_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));

export type TimerLoop = Readonly<{
  /** Tells the loop of a committed event (its stream becomes a candidate when it is in a timer category). */
  observe: (envelope: EventEnvelope) => void;
  /** Resolves when the start-up read of the timed streams is done. */
  scanned: Promise<void>;
  /** Runs one tick now (tests); resolves with the number of commands handled. */
  tick: () => Promise<number>;
  candidates: () => number;
  stop: () => Promise<void>;
}>;

export type TimerOptions = Readonly<{
  store: EventStore;
  system: Actor;
  log: RuntimeLog;
  clock?: () => Date;
  intervalMs?: number;
  perTick?: number;
}>;

export const startTimers = (options: TimerOptions): TimerLoop => {
  const { store, system, log } = options;
  const clock = options.clock ?? (() => new Date());
  const perTick = options.perTick ?? 500;
  const streams: string[] = [];
  const known = new Set<string>();
  let cursor = 0;
  let current: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const tick = async (): Promise<number> => {
    let handled = 0;
    const now = clock();
    const visits = Math.min(perTick, streams.length);
    for (let i = 0; i < visits && !stopped; i++) {
      const streamId = streams[cursor % streams.length] as string;
      cursor = (cursor + 1) % streams.length;
      try {
        const outcome = await fireDue(store, streamId, now, system);
        if (isLeft(outcome)) log.warn('timers: a due command failed', { streamId, failure: outcome.left });
        else handled += outcome.right.fired;
      } catch (error) {
        log.error('timers: fireDue threw', { streamId, error: String(error) });
      }
    }
    if (handled > 0) log.info('timers: deadlines fired', { handled });
    return handled;
  };

  const observeStream = (streamId: string) => {
    if (known.has(streamId) || !isTimed(streamId)) return;
    known.add(streamId);
    streams.push(streamId);
  };

  const scan = async (): Promise<void> => {
    const head = await store.headPosition();
    if (isLeft(head)) {
      log.warn('timers: could not read the head position; only new streams will be watched', { reason: head.left.reason });
      return;
    }
    try {
      for await (const envelope of store.readAll(0, { filter: { streamPrefixes: TIMED_STREAM_PREFIXES } })) {
        if (stopped || envelope.globalPosition > head.right) break;
        observeStream(envelope.streamId);
      }
    } catch (error) {
      log.warn('timers: the start-up read of timed streams failed; only new streams will be watched', { error: String(error) });
    }
  };
  const scanned = scan();

  const runTick = (): Promise<number> => {
    current = current.then(tick, tick);
    return current;
  };
  const timer = setInterval(() => void runTick(), options.intervalMs ?? 30_000);
  timer.unref();

  return {
    observe: (envelope) => observeStream(envelope.streamId),
    scanned,
    tick: runTick,
    candidates: () => streams.length,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await scanned;
      await current.catch(() => 0);
    },
  };
};
