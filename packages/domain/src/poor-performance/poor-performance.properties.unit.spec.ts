import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { replay } from '../core';
import { deepEqual } from '../testing';
import { PoorPerformanceCommandCodec, PoorPerformanceEventCodec } from './codecs';
import { poorPerformanceDecider, type PoorPerformanceCommand } from './decide';
import { describePoorPerformanceError } from './errors';
import { basisOfPoorPerformance, type PoorPerformanceEvent, type PoorPerformanceState } from './poor-performance';
import {
  arbCommand,
  arbEvent,
  arbPlausibleCommand,
  closedHistories,
  commandArbitraries,
  eventArbitraries,
  histories,
} from './poor-performance.testkit';

const throughJson = <A>(codec: t.Type<A, unknown, unknown>, value: A) =>
  codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));
const withExtraField = (encoded: unknown): unknown => {
  const wire = encoded as { data: object };
  return { ...wire, data: { ...wire.data, notInTheSchema: 1 } };
};

const commandCases = Object.entries(commandArbitraries) as ReadonlyArray<[string, fc.Arbitrary<PoorPerformanceCommand>]>;
const eventCases = Object.entries(eventArbitraries) as ReadonlyArray<[string, fc.Arbitrary<PoorPerformanceEvent>]>;

describe('poor-performance codecs', () => {
  describe.each(commandCases)('command %s', (_type, arbitrary) => {
    it('round-trips through JSON and refuses unknown fields', () => {
      fc.assert(
        fc.property(arbitrary, (command) => {
          const back = throughJson(PoorPerformanceCommandCodec, command);
          expect(isRight(back) && deepEqual(back.right, command)).toBe(true);
          expect(isLeft(PoorPerformanceCommandCodec.decode(withExtraField(PoorPerformanceCommandCodec.encode(command))))).toBe(true);
        }),
        { numRuns: 50 },
      );
    });
  });

  describe.each(eventCases)('event %s', (_type, arbitrary) => {
    it('round-trips through JSON and strips unknown fields', () => {
      fc.assert(
        fc.property(arbitrary, (event) => {
          const back = throughJson(PoorPerformanceEventCodec, event);
          expect(isRight(back) && deepEqual(back.right, event)).toBe(true);
          const stripped = PoorPerformanceEventCodec.decode(withExtraField(PoorPerformanceEventCodec.encode(event)));
          expect(isRight(stripped) && deepEqual(stripped.right, event)).toBe(true);
        }),
        { numRuns: 50 },
      );
    });
  });
});

const STEP_ORDER: Readonly<Record<PoorPerformanceState['status'], number>> = {
  empty: 0,
  improving: 1,
  'test-due': 2,
  tested: 3,
  'temporary-post': 4,
  'post-ended': 5,
  closed: 6,
};

describe('poor-performance laws', () => {
  it('evolve is total: any sequence of events replays without throwing', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 6 }), (events) => {
        expect(Object.keys(STEP_ORDER)).toContain(replay(poorPerformanceDecider, events).status);
      }),
    );
  });

  it('after the path closes (improved, transferred, dismissal proposed) every command fails with PathClosed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...closedHistories), arbCommand, (history, command) => {
        const state = replay(poorPerformanceDecider, history);
        expect(poorPerformanceDecider.isTerminal?.(state)).toBe(true);
        const result = poorPerformanceDecider.decide(command, state);
        expect(isLeft(result) && result.left._tag).toBe('PathClosed');
        if (isLeft(result)) expect(describePoorPerformanceError(result.left)).not.toMatch(/undefined|\[object/);
      }),
    );
  });

  it('steps go forward only, and every step carries who took it, in what role, and its basis', () => {
    const seen = new Set<string>();
    const starts = [[], histories.opened, histories.testDue, histories.tested, histories.temporaryPost, histories.postEnded];
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(arbPlausibleCommand, { maxLength: 12 }), (start, commands) => {
        let state = replay(poorPerformanceDecider, start);
        for (const command of commands) {
          const result = poorPerformanceDecider.decide(command, state);
          if (isLeft(result)) continue;
          for (const event of result.right) {
            seen.add(event.type);
            expect(event.data.decidedBy).toBe(command.metadata.actor.nip);
            const { role } = command.metadata.actor;
            if (event.type !== 'CoachingRecorded') expect(event.data.authority).toBe(role);
            expect(event.data.articles).toContain('BR-26');
            expect(basisOfPoorPerformance(event)).toEqual({ ruleBook: 'pp-30-2019@1', articles: [...event.data.articles] });
            const next = poorPerformanceDecider.evolve(state, event);
            expect(STEP_ORDER[next.status]).toBeGreaterThanOrEqual(STEP_ORDER[state.status]);
            state = next;
          }
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: every kind of step was taken and checked.
    expect([...seen].sort()).toEqual(Object.keys(eventArbitraries).sort());
  });
});
