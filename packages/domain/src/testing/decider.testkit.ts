/** Running a decider over a list of commands the way the engine does, and the laws every history obeys. */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { fold, replay, type Decider } from '../core/decider';
import { deepEqual } from './equality';
import { specFor, type Then } from './given';

/** One command and what it did: the state before and after, and the events or the refusal. */
export type DeciderStep<State, Command, Event, Error> = Readonly<{
  command: Command;
  before: State;
  outcome: Readonly<{ refused: Error } | { events: ReadonlyArray<Event> }>;
  after: State;
}>;

/** Runs commands one after the other as the engine would: a refused command changes nothing. */
export const runCommands = <State, Command, Event, Error>(
  decider: Decider<State, Command, Event, Error>,
  commands: ReadonlyArray<Command>,
  from: State = decider.initialState(),
) => {
  const steps: DeciderStep<State, Command, Event, Error>[] = [];
  const events: Event[] = [];
  let state = from;
  for (const command of commands) {
    const before = state;
    const result = decider.decide(command, state);
    if (isLeft(result)) {
      steps.push({ command, before, outcome: { refused: result.left }, after: state });
      continue;
    }
    for (const event of result.right) state = decider.evolve(state, event);
    events.push(...result.right);
    steps.push({ command, before, outcome: { events: result.right }, after: state });
  }
  return { steps, events, state };
};

// ---------------------------------------------------------------------------------------------------------------
// Laws every decider obeys, as jest expectations over a run (the specs name them and choose the histories)
// ---------------------------------------------------------------------------------------------------------------

/** Replaying `events` gives `state`, and so does resuming from the state after any prefix (`cut`, any whole number). */
export const expectReplaysTo = <State, Event>(
  decider: Pick<Decider<State, never, Event, never>, 'evolve' | 'initialState'>,
  events: ReadonlyArray<Event>,
  state: State,
  cut: number,
): void => {
  const at = events.length === 0 ? 0 : cut % events.length;
  expect(deepEqual(replay(decider, events), state)).toBe(true);
  const resumed = fold(decider.evolve, replay(decider, events.slice(0, at)), events.slice(at));
  expect(deepEqual(resumed, state)).toBe(true);
};

/** Deciding each step's command again on the state it met gives the same events or the same refusal. */
export const expectDecidesAlike = <State, Command, Event, Error>(
  decider: Decider<State, Command, Event, Error>,
  steps: ReadonlyArray<DeciderStep<State, Command, Event, Error>>,
): void => {
  for (const step of steps) {
    const again = decider.decide(step.command, step.before);
    const first = 'events' in step.outcome ? step.outcome.events : step.outcome.refused;
    expect(deepEqual(isLeft(again) ? again.left : again.right, first)).toBe(true);
  }
};

/**
 * Decide and evolve agree: every event decided changes the state it is folded into, except those `mayRepeat` says
 * are facts by design with the same decision state.
 */
export const expectEvolveChangesState = <State, Command, Event, Error>(
  decider: Decider<State, Command, Event, Error>,
  steps: ReadonlyArray<DeciderStep<State, Command, Event, Error>>,
  mayRepeat: (event: Event) => boolean = () => false,
): void => {
  for (const { before, outcome } of steps) {
    if (!('events' in outcome)) continue;
    let state = before;
    for (const event of outcome.events) {
      const next = decider.evolve(state, event);
      if (!mayRepeat(event)) expect(deepEqual(next, state)).toBe(false);
      state = next;
    }
  }
};

/** Every refusal is described in one sentence of ten characters or more. */
export const expectRefusalsDescribed = <Error>(
  steps: ReadonlyArray<DeciderStep<unknown, unknown, unknown, Error>>,
  describeError: (error: Error) => string,
): void => {
  for (const { outcome } of steps) if ('refused' in outcome) expect(describeError(outcome.refused)).toMatch(/^[^\n]{10,}$/);
};

/**
 * A history to run: the usual lifecycle with up to three plausible commands before each of its first `slots`
 * steps and after it (which may derail it, as people do), or plausible commands only (5 to `maxAlone`).
 */
export const arbLifecycleWithNoise = <Command>(
  lifecycle: fc.Arbitrary<ReadonlyArray<Command>>,
  plausible: fc.Arbitrary<Command>,
  o: Readonly<{ slots: number; maxAlone: number }>,
): fc.Arbitrary<ReadonlyArray<Command>> =>
  fc.oneof(
    fc
      .tuple(lifecycle, fc.array(fc.array(plausible, { maxLength: 3 }), { minLength: o.slots, maxLength: o.slots }))
      .map(([steps, noise]) => [...steps.flatMap((step, i) => [...(noise[i] ?? []), step]), ...(noise[steps.length] ?? [])]),
    fc.array(plausible, { minLength: 5, maxLength: o.maxAlone, size: 'max' }),
  );

/**
 * `specFor`, recording which refusal tags and which commands a spec file has specified, so that its last test can
 * require every one of them; each refusal must also read as a sentence (`describeError` prints no `undefined`).
 */
export const coverageSpecFor = <State, Command extends Readonly<{ type: string }>, Event, Error extends Readonly<{ _tag: string }>>(
  decider: Decider<State, Command, Event, Error>,
  describeError: (error: Error) => string,
) => {
  const refusalsSeen = new Set<string>();
  const successesSeen = new Set<string>();
  const spec = specFor(decider);
  const given = (events: ReadonlyArray<Event>) => ({
    when: (command: Command): Then<Event, Error> => {
      const then = spec(events).when(command);
      return {
        then: (expected) => {
          then.then(expected);
          successesSeen.add(command.type);
        },
        thenFails: (tag, details) => {
          const error = then.thenFails(tag, details);
          refusalsSeen.add(tag);
          expect(describeError(error)).not.toMatch(/undefined|\[object/);
          return error;
        },
        thenNothingHappened: () => {
          then.thenNothingHappened();
          successesSeen.add(command.type);
        },
      };
    },
  });
  return { given, refusalsSeen: refusalsSeen as ReadonlySet<string>, successesSeen: successesSeen as ReadonlySet<string> };
};
