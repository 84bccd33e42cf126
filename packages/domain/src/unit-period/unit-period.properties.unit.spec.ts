import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { fold, replay } from '../core';
import { checkDistribution, type DistributionCounts } from '../rulebook/curve';
import { predikatOf } from '../rulebook/registry';
import { PREDIKAT, type OrganisationalResult, type Predikat } from '../rulebook/vocabulary';
import { deepEqual } from '../testing';
import { describeCodecLaws, throughJson } from '../testing/codec-laws.testkit';
import {
  expectDecidesAlike,
  expectEvolveChangesState,
  expectRefusalsDescribed,
  expectReplaysTo,
} from '../testing/decider.testkit';
import { UnitPeriodCommandCodec, UnitPeriodEventCodec } from './codecs';
import { unitPeriodDecider } from './decide';
import { describeUnitPeriodError } from './errors';
import type { Proposal, SettledResult, UnitPeriodPolicy, UnitPeriodState } from './unit-period';
import {
  arbCommand,
  arbEvent,
  arbScenario,
  commandArbitraries,
  eventArbitraries,
  OFFICIAL,
  run,
  SYSTEM,
  type Step,
} from './unit-period.testkit';

describeCodecLaws('unit period codecs', {
  commandCodec: UnitPeriodCommandCodec,
  commandArbitraries,
  eventCodec: UnitPeriodEventCodec,
  eventArbitraries,
});

// ---------------------------------------------------------------------------------------------------------------
// The settlement, computed again here from DOMAIN.md's words rather than from the aggregate's code
// ---------------------------------------------------------------------------------------------------------------

/** BR-09 as the spec states it: a rated unit head's hasil kerja is the policy's level for the unit's result. */
const expectedFinalPredikat = (p: Proposal, result: OrganisationalResult, policy: UnitPeriodPolicy): Predikat => {
  const { hasilKerja, perilaku, predikat } = p.assessment;
  if (!p.isUnitHead || hasilKerja === undefined || perilaku === undefined) return predikat;
  return predikatOf(policy.unitHeadHasilKerja[result], perilaku);
};

const tally = (predikat: ReadonlyArray<Predikat>): DistributionCounts => {
  const counts = Object.fromEntries(PREDIKAT.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const p of predikat) counts[p] += 1;
  return counts;
};

type Open = Extract<UnitPeriodState, { status: 'open' }>;

/** The settle steps that were asked of an open unit period with an organisational result and proposals. */
const settleSteps = (steps: ReadonlyArray<Step>) =>
  steps.flatMap((step) => {
    const { before, command } = step;
    if (command.type !== 'SettleUnitPeriod' || before.status !== 'open') return [];
    if (before.organisationalResult === null || before.proposals.length === 0) return [];
    if (command.metadata.actor.nip !== OFFICIAL) return [];
    return [{ step, before: before as Open, result: before.organisationalResult.result }];
  });

const expectHeadFollowsOrganisation = (r: SettledResult, result: OrganisationalResult, policy: UnitPeriodPolicy) => {
  if (!r.isUnitHead || r.perilaku === undefined) return;
  expect(r.hasilKerja).toBe(policy.unitHeadHasilKerja[result]);
  expect(r.predikat).toBe(predikatOf(policy.unitHeadHasilKerja[result], r.perilaku));
  expect(r.basis.articles).toContain('BR-09');
};

describe('unit period laws', () => {
  it('replays deterministically: the same events always give the same state, however they are split', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), ({ commands }, cut) => {
        const { events, state } = run(commands);
        expectReplaysTo(unitPeriodDecider, events, state, cut);
      }),
    );
  });

  it('replays a stored history (encoded, serialised, decoded) to the same state', () => {
    fc.assert(
      fc.property(arbScenario, ({ commands }) => {
        const { events, state } = run(commands);
        const decoded = events.map((e) => throughJson(UnitPeriodEventCodec, e)).flatMap((e) => (isRight(e) ? [e.right] : []));
        expect(decoded).toHaveLength(events.length);
        expect(deepEqual(replay(unitPeriodDecider, decoded), state)).toBe(true);
      }),
    );
  });

  it('decides deterministically: the same command on the same state gives the same answer', () => {
    fc.assert(
      fc.property(arbScenario, ({ commands }) => expectDecidesAlike(unitPeriodDecider, run(commands).steps)),
    );
  });

  it('settles exactly when the curve accepts the final counts, listing exactly the proposals (BR-03..BR-09)', () => {
    let settledCount = 0;
    let refusedCount = 0;
    fc.assert(
      fc.property(arbScenario, ({ commands }) => {
        for (const { step, before, result } of settleSteps(run(commands).steps)) {
          const { policy } = before.facts;
          const finals = before.proposals.map((p) => expectedFinalPredikat(p, result, policy));
          const curve = checkDistribution(result, tally(finals), policy.curve);
          if (isLeft(curve)) {
            refusedCount += 1;
            expect('refused' in step.outcome && step.outcome.refused).toEqual(curve.left);
            continue;
          }
          settledCount += 1;
          expect('events' in step.outcome).toBe(true);
          const [event, ...more] = 'events' in step.outcome ? step.outcome.events : [];
          expect(more).toEqual([]);
          if (event?.type !== 'UnitPeriodSettled') throw new Error(`expected UnitPeriodSettled, got ${event?.type}`);
          expect(event.data.organisationalResult).toBe(result);
          expect(event.data.results.map((r) => [r.evaluation, r.employee, r.proposedPredikat])).toEqual(
            before.proposals.map((p) => [p.evaluation, p.employee, p.assessment.predikat]),
          );
          expect(event.data.results.map((r) => r.predikat)).toEqual(finals);
          expect(event.data.counts).toEqual(tally(finals));
          for (const r of event.data.results) {
            expect(r.basis.articles).toEqual(expect.arrayContaining([event.data.curve.rule, 'BR-03']));
            expect(r.consequences.promotionEligible).toBe(r.predikat === 'sangat-baik' || r.predikat === 'baik');
            expect(r.consequences.allowancePercent).toBe(policy.allowancePercent[r.predikat]);
          }
        }
      }),
      { numRuns: 300 },
    );
    // Both outcomes must have been exercised, or the property proved nothing.
    expect(settledCount).toBeGreaterThan(20);
    expect(refusedCount).toBeGreaterThan(20);
  });

  it('gives the unit head the BR-09 hasil kerja in every settlement and revision', () => {
    let heads = 0;
    fc.assert(
      fc.property(arbScenario, ({ commands }) => {
        for (const { outcome, after } of run(commands).steps) {
          if (!('events' in outcome) || after.status !== 'settled') continue;
          const { policy } = after.facts;
          const { organisationalResult } = after.settlement;
          for (const event of outcome.events) {
            const results =
              event.type === 'UnitPeriodSettled' ? event.data.results : event.type === 'SettledResultRevised' ? [event.data.result] : [];
            for (const r of results) {
              if (r.isUnitHead && r.perilaku !== undefined) heads += 1;
              expectHeadFollowsOrganisation(r, organisationalResult, policy);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(heads).toBeGreaterThan(10);
  });

  it('never keeps a settlement or a revision whose counts break the curve', () => {
    fc.assert(
      fc.property(arbScenario, ({ commands }) => {
        const { state } = run(commands);
        if (state.status !== 'settled') return;
        const { results, counts, organisationalResult } = state.settlement;
        expect(counts).toEqual(tally(results.map((r) => r.predikat)));
        expect(isRight(checkDistribution(organisationalResult, counts, state.facts.policy.curve))).toBe(true);
      }),
    );
  });

  it('refuses everything but a revision once settled, and revisions only from the system', () => {
    fc.assert(
      fc.property(arbScenario, arbCommand, ({ commands }, command) => {
        const { state } = run(commands);
        if (state.status !== 'settled') return;
        const result = unitPeriodDecider.decide(command, state);
        if (isRight(result)) {
          expect(command.type).toBe('ReviseSettledResult');
          expect(command.metadata.actor.role).toBe('sistem');
        }
      }),
    );
  });

  it('lets only the named people cause its facts', () => {
    fc.assert(
      fc.property(arbScenario, ({ commands }) => {
        for (const { command, outcome } of run(commands).steps) {
          if (!('events' in outcome)) continue;
          const { nip, role } = command.metadata.actor;
          for (const event of outcome.events)
            switch (event.type) {
              case 'UnitPeriodOpened':
              case 'ProposalWithdrawn':
                expect(['operator', 'sistem']).toContain(role);
                break;
              case 'OrganisationalResultSet':
              case 'UnitPeriodSettled':
                expect(nip).toBe(OFFICIAL);
                break;
              case 'ProposalRecorded':
              case 'SettledResultRevised':
                expect(role).toBe('sistem');
                expect(nip).toBe(SYSTEM);
                break;
            }
        }
      }),
    );
  });

  it('never decides an event that evolve would ignore (decide and evolve agree)', () => {
    fc.assert(
      fc.property(arbScenario, ({ commands }) =>
        // Setting the same result again, re-recording an identical proposal or revising a result to what it was
        // (an objection upheld without a change of rating) is a new fact with the same decision state.
        expectEvolveChangesState(
          unitPeriodDecider,
          run(commands).steps,
          (event) =>
            event.type === 'OrganisationalResultSet' ||
            event.type === 'ProposalRecorded' ||
            (event.type === 'SettledResultRevised' && deepEqual(event.data.previous, event.data.result)),
        ),
      ),
    );
  });

  it('describes every refusal in a sentence', () => {
    fc.assert(
      fc.property(arbScenario, ({ commands }) => expectRefusalsDescribed(run(commands).steps, describeUnitPeriodError)),
    );
  });

  it('evolves any sequence of events, even ones no decider would emit, without throwing', () => {
    fc.assert(
      fc.property(arbScenario, fc.array(arbEvent, { maxLength: 20 }), ({ commands }, events) => {
        const state = fold(unitPeriodDecider.evolve, run(commands).state, events);
        expect(['empty', 'open', 'settled']).toContain(state.status);
      }),
    );
  });
});
