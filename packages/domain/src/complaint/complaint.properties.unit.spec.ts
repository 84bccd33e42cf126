import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { fold, replay } from '../core';
import { deepEqual } from '../testing';
import { describeCodecLaws, throughJson } from '../testing/codec-laws.testkit';
import { expectReplaysTo } from '../testing/decider.testkit';
import { ComplaintCommandCodec, ComplaintEventCodec } from './codecs';
import {
  basisOf,
  COMPLAINT_STATUSES,
  statusAfter,
  VALID_TRANSITIONS,
  type ComplaintEvent,
  type ComplaintState,
  type ComplaintStatus,
} from './complaint';
import { complaintDecider, due } from './decide';
import { describeComplaintError } from './errors';
import {
  arbCommand,
  arbEvent,
  arbLifecycle,
  arbPlausibleCommand,
  arbPlausibleCommands,
  commandArbitraries,
  eventArbitraries,
  MOMENTS,
  run,
  SYSTEM,
  toClosed,
} from './complaint.testkit';

describeCodecLaws('complaint codecs', {
  commandCodec: ComplaintCommandCodec,
  commandArbitraries,
  eventCodec: ComplaintEventCodec,
  eventArbitraries,
});

const arbHistory = fc.oneof(arbPlausibleCommands, arbLifecycle);
const DECISIONS = new Set<ComplaintEvent['type']>([
  'ComplaintFiled',
  'ComplaintEscalated',
  'ComplaintClosed',
  'ComplaintMergedAsDuplicate',
  'ComplaintRejectedAsSpam',
]);

/** The statuses a history passes through, one per event (assignment and escalation keep the status). */
const statusPath = (events: ReadonlyArray<ComplaintEvent>): ReadonlyArray<ComplaintStatus> => {
  const path: ComplaintStatus[] = ['empty'];
  let state: ComplaintState = complaintDecider.initialState();
  for (const event of events) {
    state = complaintDecider.evolve(state, event);
    path.push(state.status);
  }
  return path;
};

/** Each step stays or follows an edge of the lifecycle graph. */
const expectValidPath = (path: ReadonlyArray<ComplaintStatus>): void => {
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1] as ComplaintStatus;
    const to = path[i] as ComplaintStatus;
    if (from !== to) expect({ from, to, allowed: VALID_TRANSITIONS[from].includes(to) }).toEqual({ from, to, allowed: true });
  }
};

/** Every rule a reachable state must satisfy, whatever happened before. */
const expectConsistent = (state: ComplaintState): void => {
  expect(complaintDecider.isTerminal?.(state)).toBe(['closed', 'merged', 'rejected-as-spam'].includes(state.status));
  if (state.status === 'empty') return;
  expect(state.responseDeadline.endsAt.getTime()).toBeGreaterThan(state.filedAt.getTime());
  expect(state.resolutionDeadline.endsAt.getTime()).toBeGreaterThan(state.cycleStartedAt.getTime());
  // Each deadline is escalated at most once per cycle.
  const keys = state.escalations.map((e) => `${e.deadlineKind}#${e.cycle}`);
  expect(new Set(keys).size).toBe(keys.length);
  if (state.acknowledgement !== null)
    expect(state.acknowledgement.withinSla).toBe(state.acknowledgement.at.getTime() <= state.responseDeadline.endsAt.getTime());
  if (state.response !== null) expect(state.response.withinSla).toBe(state.response.at.getTime() <= state.resolutionDeadline.endsAt.getTime());
  if (['responded', 'resolved', 'closed'].includes(state.status)) expect(state.response).not.toBeNull();
  if (['resolved', 'closed'].includes(state.status)) expect(state.resolution).not.toBeNull();
  if (state.status === 'closed') expect([1, 2, 3, 4, 5]).toContain(state.satisfaction);
};

describe('complaint laws', () => {
  it('replays deterministically: the same events always give the same state, however they are split', () => {
    fc.assert(
      fc.property(arbHistory, fc.nat(), (commands, cut) => {
        const { events, state } = run(commands);
        expectReplaysTo(complaintDecider, events, state, cut);
      }),
    );
  });

  it('replays a stored history (encoded, serialised, decoded) to the same state', () => {
    fc.assert(
      fc.property(arbHistory, (commands) => {
        const { events, state } = run(commands);
        const decoded = events.map((e) => throughJson(ComplaintEventCodec, e)).flatMap((e) => (isRight(e) ? [e.right] : []));
        expect(decoded).toHaveLength(events.length);
        expect(deepEqual(replay(complaintDecider, decoded), state)).toBe(true);
      }),
    );
  });

  it("a complaint's status history is always a valid path of the lifecycle, and each event leads to its status", () => {
    fc.assert(
      fc.property(arbHistory, (commands) => {
        const { events } = run(commands);
        const path = statusPath(events);
        expectValidPath(path);
        events.forEach((event, i) => {
          const to = statusAfter(event.type);
          expect(path[i + 1]).toBe(to ?? path[i]);
        });
      }),
    );
  });

  it('folding any sequence of events, even ones no decider would emit, still walks a valid path and never throws', () => {
    fc.assert(
      fc.property(arbHistory, fc.array(arbEvent, { maxLength: 30 }), (commands, noise) => {
        const { events } = run(commands);
        const path = statusPath([...events, ...noise]);
        expectValidPath(path);
        expect(COMPLAINT_STATUSES).toContain(path[path.length - 1]);
      }),
    );
  });

  it('the usual path with noise ends in a valid state each step, and reaches closed when nothing derails it', () => {
    fc.assert(
      fc.property(arbHistory, (commands) => {
        for (const step of run(commands).steps) expectConsistent(step.after);
      }),
    );
    expect(run(toClosed).state.status).toBe('closed');
  });

  it('never decides an event that evolve would ignore (decide and evolve agree)', () => {
    fc.assert(
      fc.property(arbHistory, (commands) => {
        for (const { before, outcome } of run(commands).steps) {
          if (!('events' in outcome)) continue;
          let state = before;
          for (const event of outcome.events) {
            const next = complaintDecider.evolve(state, event);
            expect(deepEqual(next, state)).toBe(false);
            state = next;
          }
        }
      }),
    );
  });

  it('every decision event has a basis naming BR-23; escalations come from the system only', () => {
    fc.assert(
      fc.property(arbHistory, (commands) => {
        for (const { command, outcome } of run(commands).steps)
          if ('events' in outcome)
            for (const event of outcome.events) {
              const basis = basisOf(event);
              expect(basis !== undefined).toBe(DECISIONS.has(event.type));
              if (basis !== undefined) expect(basis.articles).toContain('BR-23');
              if (event.type === 'ComplaintEscalated') expect(command.metadata.actor).toEqual({ nip: SYSTEM, role: 'sistem' });
            }
      }),
    );
  });

  it('the timer only proposes escalations the decider accepts, and none twice', () => {
    fc.assert(
      fc.property(arbHistory, fc.constantFrom(...MOMENTS), (commands, now) => {
        const { state } = run(commands);
        const proposed = due(now, state, { nip: SYSTEM, role: 'sistem' });
        let current = state;
        for (const command of proposed) {
          const decided = complaintDecider.decide(command, current);
          expect(isRight(decided)).toBe(true);
          if (isRight(decided)) current = fold(complaintDecider.evolve, current, decided.right);
        }
        expect(due(now, current, { nip: SYSTEM, role: 'sistem' })).toEqual([]);
      }),
    );
  });

  it('describes every refusal in a sentence', () => {
    fc.assert(
      fc.property(arbHistory, (commands) => {
        for (const { outcome } of run(commands).steps)
          if ('refused' in outcome) expect(describeComplaintError(outcome.refused)).toMatch(/^[^\n]{10,}$/);
      }),
    );
  });

  it('once closed, merged or rejected as spam every command fails (a new filing with ComplaintAlreadyFiled)', () => {
    fc.assert(
      fc.property(arbHistory, fc.oneof(arbCommand, arbPlausibleCommand), (commands, command) => {
        const { state } = run(commands);
        if (!complaintDecider.isTerminal?.(state)) return;
        const result = complaintDecider.decide(command, state);
        expect(isLeft(result) && result.left._tag).toBe(command.type === 'FileComplaint' ? 'ComplaintAlreadyFiled' : 'ComplaintFinished');
      }),
    );
  });
});
