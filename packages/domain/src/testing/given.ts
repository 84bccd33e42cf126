/**
 * Specifications for deciders: `given(events).when(command).then(events)`, `.thenFails('Tag')`,
 * `.thenNothingHappened()`. Runner-agnostic: a failed expectation throws an Error with both sides printed,
 * so it works under jest, node:test, mocha or vitest.
 */
import { isLeft } from 'fp-ts/Either';
import { replay, type Decider } from '../core/decider';
import { deepEqual, show } from './equality';

export class SpecificationError extends Error {
  override readonly name = 'SpecificationError';
}

type Tagged = { readonly _tag: string };

export type Then<Event, Error extends Tagged> = {
  /** The command succeeds and produces exactly these events, in this order. */
  readonly then: (expected: ReadonlyArray<Event>) => void;
  /** The command is refused with this tag; `details`, when given, must match the error's fields. Returns the error. */
  readonly thenFails: <Tag extends Error['_tag']>(
    tag: Tag,
    details?: Partial<Extract<Error, { _tag: Tag }>>,
  ) => Extract<Error, { _tag: Tag }>;
  /** The command succeeds and produces no event (an idempotent repeat). */
  readonly thenNothingHappened: () => void;
};

export type When<Command, Event, Error extends Tagged> = {
  readonly when: (command: Command) => Then<Event, Error>;
};

/** `const given = specFor(planDecider); given([drafted]).when(submit).then([submitted])`. */
export const specFor =
  <State, Command, Event, Error extends Tagged>(decider: Decider<State, Command, Event, Error>) =>
  (events: ReadonlyArray<Event>): When<Command, Event, Error> => ({
    when: (command) => {
      const run = () => decider.decide(command, replay(decider, events));
      return {
        then: (expected) => {
          const result = run();
          if (isLeft(result))
            throw new SpecificationError(`expected events but the command was refused:\n${show(result.left)}\nexpected:\n${show(expected)}`);
          if (!deepEqual(result.right, expected))
            throw new SpecificationError(`events differ\nexpected:\n${show(expected)}\nactual:\n${show(result.right)}`);
        },
        thenFails: (tag, details) => {
          const result = run();
          if (!isLeft(result))
            throw new SpecificationError(`expected the command to fail with ${tag} but it produced:\n${show(result.right)}`);
          if (result.left._tag !== tag)
            throw new SpecificationError(`expected failure ${tag} but got ${result.left._tag}:\n${show(result.left)}`);
          if (details !== undefined)
            for (const [key, value] of Object.entries(details))
              if (!deepEqual((result.left as Record<string, unknown>)[key], value))
                throw new SpecificationError(`${tag}.${key} differs\nexpected:\n${show(value)}\nactual:\n${show((result.left as Record<string, unknown>)[key])}`);
          return result.left as Extract<Error, { _tag: typeof tag }>;
        },
        thenNothingHappened: () => {
          const result = run();
          if (isLeft(result)) throw new SpecificationError(`expected no events but the command was refused:\n${show(result.left)}`);
          if (result.right.length !== 0) throw new SpecificationError(`expected no events but got:\n${show(result.right)}`);
        },
      };
    },
  });
