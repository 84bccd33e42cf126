import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { replay } from '../core';
import { deepEqual } from '../testing';
import { RewardCommandCodec, RewardEventCodec } from './codecs';
import { rewardDecider, type RewardCommand } from './decide';
import { basisOfReward, type RewardEvent } from './reward';
import { arbEvent, arbPlausibleCommand, commandArbitraries, eventArbitraries } from './reward.testkit';
import { PREDIKAT } from '../rulebook/vocabulary';

const throughJson = <A>(codec: t.Type<A, unknown, unknown>, value: A) =>
  codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));
const withExtraField = (encoded: unknown): unknown => {
  const wire = encoded as { data: object };
  return { ...wire, data: { ...wire.data, notInTheSchema: 1 } };
};

describe('reward codecs', () => {
  describe.each(Object.entries(commandArbitraries) as ReadonlyArray<[string, fc.Arbitrary<RewardCommand>]>)('command %s', (_t, arbitrary) => {
    it('round-trips through JSON and refuses unknown fields', () => {
      fc.assert(
        fc.property(arbitrary, (command) => {
          const back = throughJson(RewardCommandCodec, command);
          expect(isRight(back) && deepEqual(back.right, command)).toBe(true);
          expect(isLeft(RewardCommandCodec.decode(withExtraField(RewardCommandCodec.encode(command))))).toBe(true);
        }),
        { numRuns: 50 },
      );
    });
  });

  describe.each(Object.entries(eventArbitraries) as ReadonlyArray<[string, fc.Arbitrary<RewardEvent>]>)('event %s', (_t, arbitrary) => {
    it('round-trips through JSON and strips unknown fields', () => {
      fc.assert(
        fc.property(arbitrary, (event) => {
          const back = throughJson(RewardEventCodec, event);
          expect(isRight(back) && deepEqual(back.right, event)).toBe(true);
          const stripped = RewardEventCodec.decode(withExtraField(RewardEventCodec.encode(event)));
          expect(isRight(stripped) && deepEqual(stripped.right, event)).toBe(true);
        }),
      );
    });
  });
});

describe('reward laws', () => {
  it('evolve is total', () => {
    fc.assert(fc.property(fc.array(arbEvent, { maxLength: 6 }), (events) => expect(['empty', 'active']).toContain(replay(rewardDecider, events).status)));
  });

  it('every decision carries who took it, their authority and its basis, and rests on final evaluations that reach the minimum', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(arbPlausibleCommand, { maxLength: 6 }), (commands) => {
        let state = rewardDecider.initialState();
        for (const command of commands) {
          const result = rewardDecider.decide(command, state);
          if (isLeft(result)) continue;
          for (const event of result.right) {
            seen.add(event.type);
            expect(event.data.decidedBy).toBe(command.metadata.actor.nip);
            expect(event.data.authority).toBe(command.metadata.actor.role);
            expect(['ppk', 'pimpinan-unit']).toContain(event.data.authority);
            expect(event.data.articles.length).toBeGreaterThan(0);
            expect(basisOfReward(event)).toEqual({ ruleBook: 'pp-30-2019@1', articles: [...event.data.articles] });
            expect(event.data.evaluations.length).toBeGreaterThan(0);
            for (const linked of event.data.evaluations) {
              const fact = command.data.evaluations.find((f) => f.evaluation === linked.evaluation);
              expect(fact?.final).toBe(true);
              if ('minimum' in event.data) expect(PREDIKAT.indexOf(linked.predikat)).toBeLessThanOrEqual(PREDIKAT.indexOf(event.data.minimum));
            }
            state = rewardDecider.evolve(state, event);
          }
          // A decision number is used once: the same command again is refused.
          expect(isLeft(rewardDecider.decide(command, state))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(Object.keys(eventArbitraries).sort());
  });
});
