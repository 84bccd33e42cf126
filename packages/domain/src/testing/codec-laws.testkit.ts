/**
 * The codec laws every aggregate's commands and events obey, as jest blocks over fast-check arbitraries (one per
 * command or event type):
 * - a command round-trips through JSON (`decode(parse(stringify(encode(x))))` equals `x`) and a field it does not
 *   know is refused (input from outside);
 * - an event round-trips through JSON and a field it does not know is stripped (a newer version may have written it).
 */
import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { deepEqual } from './equality';

type Codec<A> = t.Type<A, unknown, unknown>;
type Arbitraries<A> = Readonly<Record<string, fc.Arbitrary<A>>>;

/** What goes over the wire: encode, serialise, parse, decode. */
export const throughJson = <A>(codec: Codec<A>, value: A) => codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));

/** The encoded `{ type, data, ... }` with one more field in `data`. */
export const withExtraField = (encoded: unknown): unknown => {
  const wire = encoded as { data: object };
  return { ...wire, data: { ...wire.data, notInTheSchema: 1 } };
};

/** `describe(name)` with the round-trip and unknown-field laws for every command and event type. */
export const describeCodecLaws = <C, E>(
  name: string,
  laws: Readonly<{
    commandCodec: Codec<C>;
    commandArbitraries: Arbitraries<C>;
    eventCodec: Codec<E>;
    eventArbitraries: Arbitraries<E>;
  }>,
): void => {
  const { commandCodec, eventCodec } = laws;
  const commandCases = Object.entries(laws.commandArbitraries);
  const eventCases = Object.entries(laws.eventArbitraries);

  describe(name, () => {
    describe.each(commandCases)('command %s', (_type, arbitrary) => {
      it('round-trips: decode(encode(x)) equals x, through JSON', () => {
        fc.assert(
          fc.property(arbitrary, (command) => {
            const back = throughJson(commandCodec, command);
            return isRight(back) && deepEqual(back.right, command);
          }),
        );
      });

      it('refuses a field it does not know', () => {
        fc.assert(fc.property(arbitrary, (command) => isLeft(commandCodec.decode(withExtraField(commandCodec.encode(command))))));
      });
    });

    describe.each(eventCases)('event %s', (_type, arbitrary) => {
      it('round-trips: decode(encode(x)) equals x, through JSON', () => {
        fc.assert(
          fc.property(arbitrary, (event) => {
            const back = throughJson(eventCodec, event);
            return isRight(back) && deepEqual(back.right, event);
          }),
        );
      });

      it('strips a field it does not know (written by a newer version)', () => {
        fc.assert(
          fc.property(arbitrary, (event) => {
            const back = eventCodec.decode(withExtraField(eventCodec.encode(event)));
            return isRight(back) && deepEqual(back.right, event);
          }),
        );
      });
    });
  });
};
