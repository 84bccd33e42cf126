import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { fold, replay } from '../core';
import { deepEqual } from '../testing';
import { describeCodecLaws, throughJson } from '../testing/codec-laws.testkit';
import { ObjectionCommandCodec, ObjectionEventCodec } from './codecs';
import { objectionDecider } from './decide';
import { describeObjectionError } from './errors';
import { basisOf, OBJECTION_STATUSES, type ObjectionEvent, type ObjectionState } from './objection';
import {
  APPRAISER_SUPERIOR,
  arbCommand,
  arbEvent,
  arbPlausibleCommand,
  arbPlausibleCommands,
  commandArbitraries,
  decisionPaths,
  eventArbitraries,
  run,
  SYSTEM,
  toDecision,
} from './objection.testkit';

describeCodecLaws('objection codecs', {
  commandCodec: ObjectionCommandCodec,
  commandArbitraries,
  eventCodec: ObjectionEventCodec,
  eventArbitraries,
});

const DECISIONS = new Set<ObjectionEvent['type']>(['ObjectionUpheld', 'ObjectionPartlyUpheld', 'ObjectionRejected', 'ObjectionDecisionOverdue']);

/** Every rule a reachable state must satisfy, whatever happened before. */
const expectConsistent = (state: ObjectionState): void => {
  expect(objectionDecider.isTerminal?.(state)).toBe(!['empty', 'filed'].includes(state.status));
  if (state.status === 'empty') return;
  expect(state.addressee).toBe(APPRAISER_SUPERIOR);
  expect(state.decisionDeadline.endsAt.getTime()).toBeGreaterThan(state.filedAt.getTime());
  expect(state.filedAt.getTime()).toBeLessThanOrEqual(state.objectionDeadline.getTime());
  if (state.escalation !== null) expect(state.escalation.at.getTime()).toBeGreaterThan(state.decisionDeadline.endsAt.getTime());
  if (state.status === 'upheld' || state.status === 'partly-upheld' || state.status === 'rejected') {
    // BR-11: both sides were heard, before the decision.
    for (const explanation of Object.values(state.explanations)) expect(explanation).not.toBeNull();
    expect(state.decision.decidedBy).toBe(state.addressee);
    expect(state.decision.rating === undefined).toBe(state.status === 'rejected');
  }
};

describe('objection laws', () => {
  it('replays deterministically: the same events always give the same state, however they are split', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.nat(), (commands, cut) => {
        const { events, state } = run(commands);
        const at = events.length === 0 ? 0 : cut % events.length;
        expect(deepEqual(replay(objectionDecider, events), state)).toBe(true);
        const resumed = fold(objectionDecider.evolve, replay(objectionDecider, events.slice(0, at)), events.slice(at));
        expect(deepEqual(resumed, state)).toBe(true);
      }),
    );
  });

  it('replays a stored history (encoded, serialised, decoded) to the same state', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        const { events, state } = run(commands);
        const decoded = events.map((e) => throughJson(ObjectionEventCodec, e)).flatMap((e) => (isRight(e) ? [e.right] : []));
        expect(decoded).toHaveLength(events.length);
        expect(deepEqual(replay(objectionDecider, decoded), state)).toBe(true);
      }),
    );
  });

  it('keeps every reachable state consistent (BR-11: a decision only after both explanations, by the addressee)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const step of run(commands).steps) expectConsistent(step.after);
      }),
    );
  });

  it('never decides an event that evolve would ignore (decide and evolve agree)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const { before, outcome } of run(commands).steps) {
          if (!('events' in outcome)) continue;
          let state = before;
          for (const event of outcome.events) {
            const next = objectionDecider.evolve(state, event);
            expect(deepEqual(next, state)).toBe(false);
            state = next;
          }
        }
      }),
    );
  });

  it('every decision event carries who decided, in what authority, and its basis (rule book and articles)', () => {
    fc.assert(
      fc.property(fc.oneof(arbPlausibleCommands, fc.constantFrom(...decisionPaths)), (commands) => {
        for (const { command, outcome } of run(commands).steps) {
          if (!('events' in outcome)) continue;
          for (const event of outcome.events) {
            const basis = basisOf(event);
            if (!DECISIONS.has(event.type)) continue;
            const data = event.data as Readonly<{ decidedBy?: string; escalatedBy?: string; authority?: string; articles?: ReadonlyArray<string> }>;
            expect(data.decidedBy ?? data.escalatedBy).toBe(command.metadata.actor.nip);
            expect(data.authority).toBe(event.type === 'ObjectionDecisionOverdue' ? 'sistem' : 'atasan-pejabat-penilai');
            expect(basis?.ruleBook).toBe('pp-30-2019@1');
            expect(basis?.articles).toContain('BR-11');
            expect(basis?.articles).toEqual(data.articles);
          }
        }
      }),
    );
  });

  it('escalations come from the system only, decisions from the addressee only', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const { command, outcome } of run(commands).steps)
          if ('events' in outcome)
            for (const event of outcome.events) {
              if (event.type === 'ObjectionDecisionOverdue') expect(command.metadata.actor.nip).toBe(SYSTEM);
              if (event.type === 'ObjectionUpheld' || event.type === 'ObjectionPartlyUpheld' || event.type === 'ObjectionRejected')
                expect(command.metadata.actor.nip).toBe(APPRAISER_SUPERIOR);
            }
      }),
    );
  });

  it('describes every refusal in a sentence', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const { outcome } of run(commands).steps)
          if ('refused' in outcome) expect(describeObjectionError(outcome.refused)).toMatch(/^[^\n]{10,}$/);
      }),
    );
  });

  it('BR-11: after a decision or a withdrawal every command fails (a new filing with ObjectionAlreadyFiled)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.oneof(arbCommand, arbPlausibleCommand), (commands, command) => {
        const { state } = run([...commands, ...toDecision]);
        expect(objectionDecider.isTerminal?.(state)).toBe(true);
        const result = objectionDecider.decide(command, state);
        expect(isLeft(result) && result.left._tag).toBe(command.type === 'FileObjection' ? 'ObjectionAlreadyFiled' : 'ObjectionClosed');
      }),
    );
  });

  it('evolves any sequence of events, even ones no decider would emit, without throwing', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.array(arbEvent, { maxLength: 30 }), (commands, events) => {
        const state = fold(objectionDecider.evolve, run(commands).state, events);
        expect(OBJECTION_STATUSES).toContain(state.status);
      }),
    );
  });
});
