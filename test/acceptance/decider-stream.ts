/**
 * A stream as the engine keeps it, for the acceptance tests: commands applied one by one to a decider from the
 * public API; a refused command appends nothing.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import type { Decider } from '@kinerja/domain';

export class DeciderStream<State, Command extends Readonly<{ type: string }>, Event, Error extends Readonly<{ _tag: string }>> {
  readonly events: Event[] = [];
  state: State;
  readonly #decider: Decider<State, Command, Event, Error>;
  readonly #describe: (error: Error) => string;

  /** `describe` words a refusal in the error `apply` throws (JSON by default). */
  constructor(
    decider: Decider<State, Command, Event, Error>,
    describe: (error: Error) => string = (error) => JSON.stringify(error),
  ) {
    this.#decider = decider;
    this.#describe = describe;
    this.state = decider.initialState();
  }

  /** Applies the command; returns the refusal, if any (the stream is then unchanged). */
  attempt(command: Command): Either<Error, ReadonlyArray<Event>> {
    const result = this.#decider.decide(command, this.state);
    if (!isLeft(result)) {
      for (const event of result.right) this.state = this.#decider.evolve(this.state, event);
      this.events.push(...result.right);
    }
    return result;
  }

  /** Applies a command that must succeed. */
  apply(command: Command): ReadonlyArray<Event> {
    const result = this.attempt(command);
    if (isLeft(result)) throw new Error(`${command.type} refused: ${this.#describe(result.left)}`);
    return result.right;
  }

  /** The tag of the refusal, or undefined when the command was accepted. */
  refusal(command: Command): string | undefined {
    const result = this.attempt(command);
    return isLeft(result) ? result.left._tag : undefined;
  }
}
