/**
 * Timers turn deadlines into commands (ARCHITECTURE.md, step 7). Each timed aggregate has a pure
 * `due…(now, state, actor)` in the domain that returns the commands whose time has come; `fireDue` loads one
 * stream, asks it, and sends each command through the pipeline as the system.
 *
 * | category         | timer                 | commands                                        | rule      |
 * |------------------|-----------------------|-------------------------------------------------|-----------|
 * | `evaluation`     | `dueEvaluation` below | FinalizeEvaluation after the objection window   | BR-10     |
 * | `keberatan`      | `dueObjection`        | EscalateObjection past the decision deadline    | BR-11     |
 * | `disiplin`       | `dueDiscipline`       | RecordDeliveryOverdue, RecordServed             | BR-22     |
 * | `keberatanadmin` | `dueAppeal`           | DeemGranted after 21 working days               | BR-21     |
 * | `banding`        | `dueAppeal`           | MarkPpkResponseOverdue after 21 working days    | BR-20     |
 * | `kinerjarendah`  | `duePoorPerformance`  | EndImprovementPeriod, EndTemporaryPost          | BR-26     |
 * | `pengaduan`      | `dueComplaint`        | EscalateComplaint past a recorded SLA deadline  | BR-23     |
 *
 * Rewards have `dueReward`, which never returns a command: their streams are not scanned.
 *
 * Idempotent: a command's id is `${streamId}@${version}/due-${type}-${n}`, the version being the one the timer
 * read. Firing twice at the same version replays the first outcome; after the command was appended, the state no
 * longer asks for it (each domain timer returns a command once).
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  dueAppeal,
  dueComplaint,
  dueDiscipline,
  dueObjection,
  duePoorPerformance,
  type Actor,
  type EvaluationState,
  type FinalizeEvaluation,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import {
  appealAggregate,
  disciplineAggregate,
  evaluationAggregate,
  objectionAggregate,
  poorPerformanceAggregate,
} from '../aggregates';
import type { CommandFailure } from '../catalog/catalog';
import { complaintAggregate } from '../catalog/complaint';
import { categoryOf, tenantOfStream } from '../catalog/streams';
import { handle, loadStream, type Aggregate, type CommandContext } from '../pipeline';

/**
 * BR-10: a delivered evaluation whose objection window has passed without an objection becomes final. The
 * evaluation's decider refuses FinalizeEvaluation inside the window (`ObjectionWindowOpen`); this timer sends it
 * once the window's recorded end has passed.
 */
export const dueEvaluation = (now: Date, state: EvaluationState, actor: Actor): ReadonlyArray<FinalizeEvaluation> =>
  state.status === 'delivered' && now.getTime() > state.delivery.objectionDeadline.getTime()
    ? [{ type: 'FinalizeEvaluation', data: { evaluation: state.evaluation }, metadata: { now, actor } }]
    : [];

type Timer<State, Command> = Readonly<{
  aggregate: Aggregate<State, Command, unknown, Readonly<{ _tag: string }>>;
  due: (now: Date, state: State, actor: Actor) => ReadonlyArray<Command & Readonly<{ type: string }>>;
}>;

/** A timer whose types are not known statically (the stream's category says which it is). */
type SomeTimer = Timer<unknown, unknown>;
const timer = <S, C extends Readonly<{ type: string }>, E, Er extends Readonly<{ _tag: string }>>(
  aggregate: Aggregate<S, C, E, Er>,
  due: (now: Date, state: S, actor: Actor) => ReadonlyArray<C>,
): SomeTimer => ({ aggregate, due }) as unknown as SomeTimer;

const TIMERS: Readonly<Record<string, SomeTimer>> = {
  evaluation: timer(evaluationAggregate, dueEvaluation),
  keberatan: timer(objectionAggregate, dueObjection),
  disiplin: timer(disciplineAggregate, dueDiscipline),
  keberatanadmin: timer(appealAggregate, dueAppeal),
  banding: timer(appealAggregate, dueAppeal),
  kinerjarendah: timer(poorPerformanceAggregate, duePoorPerformance),
  pengaduan: timer(complaintAggregate, dueComplaint),
};

/** The stream prefixes whose aggregates have timers (`readAll`'s `streamPrefixes` filter takes them as they are). */
export const TIMED_STREAM_PREFIXES: ReadonlyArray<string> = Object.keys(TIMERS).map((category) => `${category}-`);

export type NotTimed = Readonly<{ _tag: 'NotTimed'; streamId: string }>;
export type TimerFailure = CommandFailure | NotTimed;

export type Fired = Readonly<{ streamId: string; fired: number }>;

/** Sends the commands that are due on `streamId` at `now`, as `system`; `fired` counts them (replays included). */
export const fireDue = async (store: EventStore, streamId: string, now: Date, system: Actor): Promise<Either<TimerFailure, Fired>> => {
  const found = TIMERS[categoryOf(streamId)];
  const tenant = tenantOfStream(streamId);
  if (found === undefined || tenant === undefined) return left({ _tag: 'NotTimed', streamId });
  const loaded = await loadStream(store, found.aggregate, streamId);
  if (isLeft(loaded)) return loaded;
  const version = loaded.right.envelopes.length - 1;
  const commands = found.due(now, loaded.right.state, system);
  for (const [n, command] of commands.entries()) {
    const context: CommandContext = {
      tenant,
      commandId: `${streamId}@${version}/due-${command.type}-${n}`,
      actor: system,
      issuedAt: now,
    };
    const outcome = await handle(store, found.aggregate, streamId, command, context);
    if (isLeft(outcome)) return outcome;
  }
  return right({ streamId, fired: commands.length });
};

export type FiredAll = Readonly<{
  /** Timed streams looked at. */
  streams: number;
  /** Commands sent. */
  fired: number;
  /** Streams whose timer failed, with why; the others went on. */
  failures: ReadonlyArray<Readonly<{ streamId: string; failure: TimerFailure }>>;
}>;

/**
 * Fires every timed stream of the log at `now`: one pass over the timed categories (`readAll` filtered by
 * prefix), then `fireDue` per stream. For a periodic host (the service's timer, `kinerja`); its cost grows with
 * the timed streams' events, which is fine for a city's volume and can move to a deadline index later.
 */
export const fireAllDue = async (store: EventStore, now: Date, system: Actor): Promise<FiredAll> => {
  const streams = new Set<string>();
  for await (const envelope of store.readAll(0, { filter: { streamPrefixes: TIMED_STREAM_PREFIXES } })) streams.add(envelope.streamId);
  let fired = 0;
  const failures: Array<Readonly<{ streamId: string; failure: TimerFailure }>> = [];
  for (const streamId of streams) {
    const result = await fireDue(store, streamId, now, system);
    if (isLeft(result)) failures.push({ streamId, failure: result.left });
    else fired += result.right.fired;
  }
  return { streams: streams.size, fired, failures };
};
