import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { fold, replay } from '../core';
import { RULE_BOOKS } from '../rulebook/registry';
import type { RuleBookRef } from '../rulebook/rule-book';
import { RATING_LEVELS } from '../rulebook/vocabulary';
import { deepEqual } from '../testing';
import { describeCodecLaws, throughJson } from '../testing/codec-laws.testkit';
import {
  expectDecidesAlike,
  expectEvolveChangesState,
  expectRefusalsDescribed,
  expectReplaysTo,
} from '../testing/decider.testkit';
import { EvaluationCommandCodec, EvaluationEventCodec } from './codecs';
import { evaluationDecider } from './decide';
import { describeEvaluationError } from './errors';
import { currentResult, resultHistory, type EvaluationEvent, type EvaluationState } from './evaluation';
import {
  APPRAISER,
  arbCommand,
  arbEvent,
  arbPlausibleCommand,
  arbPlausibleCommands,
  assessed,
  commandArbitraries,
  EMPLOYEE,
  evaluationOpened,
  eventArbitraries,
  facts,
  feedbackGiven,
  feedbackInvited,
  numericAppraisal,
  openEvaluation,
  PEER,
  rateEvaluation,
  ratedAppraisal,
  run,
  scoresAll,
  toFinal,
} from './evaluation.testkit';

describeCodecLaws('evaluation codecs', {
  commandCodec: EvaluationCommandCodec,
  commandArbitraries,
  eventCodec: EvaluationEventCodec,
  eventArbitraries,
});

/** Every rule a reachable state must satisfy, whatever happened before. */
const expectConsistent = (state: EvaluationState): void => {
  expect(evaluationDecider.isTerminal?.(state)).toBe(state.status === 'final');
  if (state.status === 'empty') return;
  const invitees = state.invitations.map((i) => i.invitee);
  expect(new Set(invitees).size).toBe(invitees.length);
  expect(invitees).not.toContain(EMPLOYEE);
  expect(invitees).not.toContain(APPRAISER);
  // Invitations are open exactly while the evaluation is: the first rating closes every unanswered one.
  for (const i of state.invitations) {
    expect(i.answer !== null && i.closedAt !== null).toBe(false);
    if (state.status !== 'open') expect(i.answer !== null || i.closedAt !== null).toBe(true);
    else expect(i.closedAt).toBeNull();
  }
  const ikis = state.realisations.map((r) => r.iki);
  expect(new Set(ikis).size).toBe(ikis.length);
  // Every result is assessed under the recorded rule book.
  for (const result of resultHistory(state)) expect(result.ruleBook).toEqual(state.ruleBook);
  if (state.status === 'open') expect(state.history).toEqual([]);
  else {
    expect(state.rating.assessment.ruleBook).toEqual(state.ruleBook);
    expect(state.history.length).toBeGreaterThan(0);
  }
  if (state.status === 'settled' || state.status === 'delivered' || state.status === 'objected')
    expect(currentResult(state)?.stage).toBe('settled');
  if (state.status === 'delivered' || state.status === 'objected')
    expect(state.delivery.objectionDeadline.getTime()).toBeGreaterThan(state.delivery.deliveredAt.getTime());
};

describe('evaluation laws', () => {
  it('replays deterministically: the same events always give the same state, however they are split', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.nat(), (commands, cut) => {
        const { events, state } = run(commands);
        expectReplaysTo(evaluationDecider, events, state, cut);
      }),
    );
  });

  it('decides deterministically: the same command on the same state gives the same answer', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => expectDecidesAlike(evaluationDecider, run(commands).steps)),
    );
  });

  it('replays a stored history (encoded, serialised, decoded) to the same state and the same result', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        const { events, state } = run(commands);
        const decoded = events.map((e) => throughJson(EvaluationEventCodec, e)).flatMap((e) => (isRight(e) ? [e.right] : []));
        expect(decoded).toHaveLength(events.length);
        const replayed = replay(evaluationDecider, decoded);
        expect(deepEqual(replayed, state)).toBe(true);
        expect(deepEqual(currentResult(replayed), currentResult(state))).toBe(true);
      }),
    );
  });

  it('keeps every reachable state consistent', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const step of run(commands).steps) expectConsistent(step.after);
      }),
    );
  });

  it('never decides an event that evolve would ignore (decide and evolve agree)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => expectEvolveChangesState(evaluationDecider, run(commands).steps)),
    );
  });

  it('keeps every result once recorded: history only grows, and a revision keeps what it replaced (BR-11)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const { before, after, outcome } of run(commands).steps) {
          const was = resultHistory(before);
          expect(deepEqual(resultHistory(after).slice(0, was.length), was)).toBe(true);
          if ('events' in outcome)
            for (const event of outcome.events)
              if (event.type === 'EvaluationRevised') expect(deepEqual(event.data.previous, currentResult(before))).toBe(true);
        }
      }),
    );
  });

  it('describes every refusal in a sentence', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => expectRefusalsDescribed(run(commands).steps, describeEvaluationError)),
    );
  });

  it('refuses every command after final, with EvaluationFinal', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.oneof(arbCommand, arbPlausibleCommand), (commands, command) => {
        const { state } = run([...commands, ...toFinal]);
        expect(state.status).toBe('final');
        const result = evaluationDecider.decide(command, state);
        expect(isLeft(result) && result.left._tag).toBe('EvaluationFinal');
      }),
    );
  });

  it('evolves any sequence of events, even ones no decider would emit, without throwing', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.array(arbEvent, { maxLength: 30 }), (commands, events) => {
        const state = fold(evaluationDecider.evolve, run(commands).state, events);
        expect(['empty', 'open', 'rated', 'settled', 'delivered', 'objected', 'final']).toContain(state.status);
      }),
    );
  });
});

describe('rule books are recorded, not looked up (BR-12, BR-13: a changed policy never changes a past result)', () => {
  const refs: ReadonlyArray<RuleBookRef> = RULE_BOOKS.map((b) => b.ref);
  const regimeOf = (ref: RuleBookRef) => RULE_BOOKS.find((b) => b.ref.id === ref.id && b.ref.version === ref.version)?.regime;
  const arbRef = fc.constantFrom(...refs);
  const arbAppraisalFor = (ref: RuleBookRef) =>
    regimeOf(ref) === 'rated'
      ? fc.tuple(fc.constantFrom(...RATING_LEVELS), fc.constantFrom(...RATING_LEVELS)).map(([h, p]) => ratedAppraisal(h, p))
      : fc
          .tuple(fc.integer({ min: 0, max: 100 }), fc.boolean())
          .map(([score, innovation]) => numericAppraisal({ behaviour: scoresAll(score), innovation }));

  it('rates by the rule book recorded at opening, whatever rule book the tenant policy names today', () => {
    fc.assert(
      fc.property(
        arbRef.chain((recorded) => fc.tuple(fc.constant(recorded), arbRef, arbAppraisalFor(recorded), fc.boolean())),
        ([recorded, today, appraisal, withPeer]) => {
          const history: ReadonlyArray<EvaluationEvent> = [
            evaluationOpened({ facts: facts({ ruleBook: recorded }) }),
            ...(withPeer ? [feedbackInvited(PEER), feedbackGiven(PEER)] : []),
          ];
          const state = replay(evaluationDecider, history);
          const rate = rateEvaluation(appraisal);
          const before = evaluationDecider.decide(rate, state);

          // The engine builds OpenEvaluation from today's policy: it cannot replace the recorded rule book.
          const reopen = evaluationDecider.decide(openEvaluation({ facts: facts({ ruleBook: today }) }), state);
          expect(isLeft(reopen) && reopen.left._tag).toBe('EvaluationAlreadyOpened');

          const after = evaluationDecider.decide(rate, replay(evaluationDecider, history));
          expect(isRight(before)).toBe(true);
          expect(deepEqual(after, before)).toBe(true);
          const rated = isRight(before) ? before.right[0] : undefined;
          if (rated?.type !== 'EvaluationRated') throw new Error('expected EvaluationRated');
          expect(rated.data.assessment.ruleBook).toEqual(recorded);
          expect(deepEqual(rated.data.assessment, assessed(recorded, rated.data.input))).toBe(true);

          // A rating in today's regime, when it differs, is refused by the recorded rule book.
          if (regimeOf(today) !== regimeOf(recorded)) {
            const other = evaluationDecider.decide(
              rateEvaluation(regimeOf(today) === 'rated' ? ratedAppraisal() : numericAppraisal()),
              state,
            );
            expect(isLeft(other) && other.left).toMatchObject({ _tag: 'WrongRegime', ruleBook: recorded });
          }

          // Replaying the stored stream later gives the same result.
          const stored = [...history, rated].map((e) => throughJson(EvaluationEventCodec, e));
          const replayed = replay(evaluationDecider, stored.flatMap((e) => (isRight(e) ? [e.right] : [])));
          expect(deepEqual(currentResult(replayed), currentResult(replay(evaluationDecider, [...history, rated])))).toBe(true);
          expect(currentResult(replayed)?.ruleBook).toEqual(recorded);
        },
      ),
    );
  });

  it('an evaluation opened under PP 30/2019 keeps its numeric result after the tenant moved to PermenPANRB 6/2022', () => {
    const pp30 = refs.find((r) => r.id === 'pp-30-2019');
    const permenpan = refs.find((r) => r.id === 'permenpanrb-6-2022');
    if (pp30 === undefined || permenpan === undefined) throw new Error('rule books missing');
    const history = [evaluationOpened({ facts: facts({ ruleBook: pp30 }) })];
    const rate = rateEvaluation(numericAppraisal({ behaviour: scoresAll(95), innovation: true }));
    const then = evaluationDecider.decide(rate, replay(evaluationDecider, history));
    evaluationDecider.decide(openEvaluation({ facts: facts({ ruleBook: permenpan }) }), replay(evaluationDecider, history));
    const now = evaluationDecider.decide(rate, replay(evaluationDecider, history));
    expect(deepEqual(now, then)).toBe(true);
    const event = isRight(now) ? now.right[0] : undefined;
    expect(event?.type === 'EvaluationRated' && [event.data.assessment.ruleBook, event.data.assessment.scores !== undefined]).toEqual([
      pp30,
      true,
    ]);
  });
});
