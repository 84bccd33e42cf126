import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { replay } from '../core';
import { deepEqual } from '../testing';
import { basisOfAppeal, isAppealDecisionEvent, type AppealEvent } from './appeal';
import {
  arbCommand,
  arbEvent,
  arbPlausibleDecision,
  commandArbitraries,
  decidedHistories,
  deemGranted,
  eventArbitraries,
  histories,
} from './appeal.testkit';
import { AppealCommandCodec, AppealEventCodec } from './codecs';
import { appealDecider, type AppealCommand } from './decide';
import { describeAppealError } from './errors';

/** What goes over the wire: encode, serialise, parse, decode. */
const throughJson = <A>(codec: t.Type<A, unknown, unknown>, value: A) =>
  codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));

const withExtraField = (encoded: unknown): unknown => {
  const wire = encoded as { data: object };
  return { ...wire, data: { ...wire.data, notInTheSchema: 1 } };
};

const commandCases = Object.entries(commandArbitraries) as ReadonlyArray<[string, fc.Arbitrary<AppealCommand>]>;
const eventCases = Object.entries(eventArbitraries) as ReadonlyArray<[string, fc.Arbitrary<AppealEvent>]>;

describe('appeal codecs', () => {
  describe.each(commandCases)('command %s', (_type, arbitrary) => {
    it('round-trips through JSON', () => {
      fc.assert(
        fc.property(arbitrary, (command) => {
          const back = throughJson(AppealCommandCodec, command);
          return isRight(back) && deepEqual(back.right, command);
        }),
        { numRuns: 50 },
      );
    });

    it('refuses a field it does not know', () => {
      fc.assert(
        fc.property(arbitrary, (command) => isLeft(AppealCommandCodec.decode(withExtraField(AppealCommandCodec.encode(command))))),
        { numRuns: 50 },
      );
    });
  });

  describe.each(eventCases)('event %s', (_type, arbitrary) => {
    it('round-trips through JSON', () => {
      fc.assert(
        fc.property(arbitrary, (event) => {
          const back = throughJson(AppealEventCodec, event);
          return isRight(back) && deepEqual(back.right, event);
        }),
      );
    });

    it('strips a field it does not know (written by a newer version)', () => {
      fc.assert(
        fc.property(arbitrary, (event) => {
          const back = AppealEventCodec.decode(withExtraField(AppealEventCodec.encode(event)));
          return isRight(back) && deepEqual(back.right, event);
        }),
      );
    });
  });
});

describe('appeal laws', () => {
  it('evolve is total: any sequence of events replays without throwing', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 6 }), (events) => {
        const state = replay(appealDecider, events);
        expect(['empty', 'filed', 'responded', 'decided']).toContain(state.status);
      }),
    );
  });

  it('after the decision (BR-20 binding, BR-21 decided or deemed granted) every command fails with AppealDecided', () => {
    fc.assert(
      fc.property(fc.constantFrom(...decidedHistories), arbCommand, (history, command) => {
        const state = replay(appealDecider, history);
        expect(appealDecider.isTerminal?.(state)).toBe(true);
        const result = appealDecider.decide(command, state);
        expect(isLeft(result) && result.left._tag).toBe('AppealDecided');
        if (isLeft(result)) expect(describeAppealError(result.left)).not.toMatch(/undefined|\[object/);
      }),
    );
  });

  it('every decision event carries who decided, their authority and its basis; the deciding role is the competent one', () => {
    const pending = [histories.keberatanFiled, histories.bandingFiled, histories.bandingResponded, histories.bandingOverdue];
    const decided = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...pending), fc.oneof(arbPlausibleDecision, fc.constant(deemGranted())), (history, command) => {
        const result = appealDecider.decide(command, replay(appealDecider, history));
        if (isLeft(result)) return;
        for (const event of result.right) {
          decided.add(event.type);
          expect(isAppealDecisionEvent(event)).toBe(true);
          if (!isAppealDecisionEvent(event)) continue;
          const { decidedBy, authority, articles } = event.data;
          expect(decidedBy).toBe(command.metadata.actor.nip);
          const role = command.metadata.actor.role;
          expect(authority).toBe(role === 'sistem' ? 'fiktif-positif' : role);
          const kind = event.type === 'ObjectionDeemedGranted' ? 'keberatan' : event.data.kind;
          expect(authority === 'bpasn').toBe(kind === 'banding');
          expect(articles).toContain(kind === 'banding' ? 'BR-20' : 'BR-21');
          expect(basisOfAppeal(event)).toEqual({ ruleBook: 'pp-79-2021@1', articles: [...articles] });
          expect(isRight(AppealEventCodec.decode(AppealEventCodec.encode(event)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: every decision event type was produced and checked.
    expect([...decided].sort()).toEqual([
      'ObjectionDeemedGranted',
      'SanctionAffirmedOnReview',
      'SanctionAlteredOnReview',
      'SanctionAnnulledOnReview',
      'SanctionIncreasedOnReview',
      'SanctionLightenedOnReview',
    ]);
  });
});
