import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { fold, replay } from '../core';
import { deepEqual } from '../testing';
import { describeCodecLaws, throughJson } from '../testing/codec-laws.testkit';
import {
  expectDecidesAlike,
  expectEvolveChangesState,
  expectRefusalsDescribed,
  expectReplaysTo,
} from '../testing/decider.testkit';
import { PlanCommandCodec, PlanEventCodec } from './codecs';
import { planDecider, type PlanCommand } from './decide';
import { describePlanError } from './errors';
import { ASPECTS, targetValue, type PlanEvent, type PlanState, type Rhk } from './plan';
import {
  APPRAISER,
  arbCommand,
  arbEvent,
  arbPlausibleCommand,
  arbPlausibleCommands,
  closePlan,
  commandArbitraries,
  EMPLOYEE,
  eventArbitraries,
  run,
} from './plan.testkit';

describeCodecLaws('plan codecs', {
  commandCodec: PlanCommandCodec,
  commandArbitraries,
  eventCodec: PlanEventCodec,
  eventArbitraries,
});

/** Every rule a reachable state must satisfy, whatever happened before. */
const expectConsistent = (state: PlanState): void => {
  expect(planDecider.isTerminal?.(state)).toBe(state.status === 'closed');
  if (state.status === 'empty') return;
  const measurable = (rhks: ReadonlyArray<Rhk>) =>
    rhks.some((r) => r.kind === 'utama' && r.iki.length > 0) && rhks.every((r) => r.iki.length > 0);

  const rhkIds = state.rhk.map((r) => r.id);
  const ikis = state.rhk.flatMap((r) => r.iki);
  expect(new Set(rhkIds).size).toBe(rhkIds.length);
  expect(new Set(ikis.map((i) => i.id)).size).toBe(ikis.length);
  for (const iki of ikis) {
    const values = ASPECTS.map((aspect) => targetValue(iki.targets, aspect)).filter((v) => v !== undefined);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toBeGreaterThan(0);
    expect(iki.targets.kualitas?.percent ?? 0).toBeLessThanOrEqual(100);
  }
  if (state.status === 'submitted' || state.status === 'approved') expect(measurable(state.rhk)).toBe(true);
  if (state.status === 'approved') {
    expect(deepEqual(state.approvedRhk, state.rhk)).toBe(true);
    expect(state.amendment).toBeNull();
  }
  if (state.revision === 0) expect(state.approvedRhk).toEqual([]);
  else expect(measurable(state.approvedRhk)).toBe(true);
  if (state.amendment !== null) expect(state.revision).toBeGreaterThan(0);
};

/** Who may cause each fact (DOMAIN.md §1 roles as named on the plan header). */
const expectAuthorised = (event: PlanEvent, command: PlanCommand): void => {
  const { nip, role } = command.metadata.actor;
  switch (event.type) {
    case 'PlanDrafted':
    case 'RhkAdded':
    case 'RhkChanged':
    case 'RhkRemoved':
    case 'IkiAdded':
    case 'IkiChanged':
    case 'IkiRemoved':
    case 'PlanSubmitted':
    case 'PlanAmendmentStarted':
      expect(nip).toBe(EMPLOYEE);
      return;
    case 'LeaderExpectationSet':
    case 'LeaderExpectationCleared':
    case 'PlanApproved':
    case 'PlanReturned':
      expect(nip).toBe(APPRAISER);
      return;
    case 'RealisationRecorded':
    case 'FeedbackRecorded':
      expect([EMPLOYEE, APPRAISER]).toContain(nip);
      return;
    case 'PlanClosed':
      expect(nip === EMPLOYEE || nip === APPRAISER || role === 'operator' || role === 'sistem').toBe(true);
      return;
  }
};

describe('plan laws', () => {
  it('replays deterministically: the same events always give the same state, however they are split', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.nat(), (commands, cut) => {
        const { events, state } = run(commands);
        expectReplaysTo(planDecider, events, state, cut);
        expect(deepEqual(replay(planDecider, events), replay(planDecider, events))).toBe(true);
      }),
    );
  });

  it('decides deterministically: the same command on the same state gives the same answer', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => expectDecidesAlike(planDecider, run(commands).steps)),
    );
  });

  it('replays a stored history (encoded, serialised, decoded) to the same state', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        const { events, state } = run(commands);
        const stored = events.map((e) => throughJson(PlanEventCodec, e));
        const decoded = stored.flatMap((e) => (isRight(e) ? [e.right] : []));
        expect(decoded).toHaveLength(events.length);
        expect(deepEqual(replay(planDecider, decoded), state)).toBe(true);
      }),
    );
  });

  it('keeps every reachable state consistent (unique ids, valid targets, measurable when submitted)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const step of run(commands).steps) expectConsistent(step.after);
      }),
    );
  });

  it('never lowers the revision, and counts one per approval', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        let approvals = 0;
        for (const { before, after, outcome } of run(commands).steps) {
          const revision = (s: PlanState) => (s.status === 'empty' ? 0 : s.revision);
          expect(revision(after)).toBeGreaterThanOrEqual(revision(before));
          if ('events' in outcome)
            for (const event of outcome.events)
              if (event.type === 'PlanApproved') expect(event.data.revision).toBe(++approvals);
          expect(revision(after)).toBe(approvals);
        }
      }),
    );
  });

  it('only lets the people the plan names cause its facts', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => {
        for (const { command, outcome } of run(commands).steps)
          if ('events' in outcome) for (const event of outcome.events) expectAuthorised(event, command);
      }),
    );
  });

  it('never decides an event that evolve would ignore (decide and evolve agree)', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) =>
        // Realisations and feedback are facts for projections: by design they change no decision state.
        expectEvolveChangesState(
          planDecider,
          run(commands).steps,
          (event) => event.type === 'RealisationRecorded' || event.type === 'FeedbackRecorded',
        ),
      ),
    );
  });

  it('describes every refusal in a sentence', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, (commands) => expectRefusalsDescribed(run(commands).steps, describePlanError)),
    );
  });

  it('refuses every command after close, with PlanClosed', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.oneof(arbCommand, arbPlausibleCommand), (commands, command) => {
        const { state } = run([...commands, closePlan({ by: EMPLOYEE })]);
        expect(state.status).toBe('closed');
        const result = planDecider.decide(command, state);
        expect(isLeft(result) && result.left._tag).toBe('PlanClosed');
      }),
    );
  });

  it('evolves any sequence of events, even ones no decider would emit, without throwing', () => {
    fc.assert(
      fc.property(arbPlausibleCommands, fc.array(arbEvent, { maxLength: 30 }), (commands, events) => {
        const state = fold(planDecider.evolve, run(commands).state, events);
        expect(['empty', 'draft', 'submitted', 'approved', 'closed']).toContain(state.status);
      }),
    );
  });
});
