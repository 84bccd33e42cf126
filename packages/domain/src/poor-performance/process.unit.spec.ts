import { PeriodId, replay } from '../core';
import { evaluationDecider } from '../evaluation/decide';
import type { EvaluationEvent } from '../evaluation/evaluation';
import * as ev from '../evaluation/evaluation.testkit';
import type { Predikat } from '../rulebook/vocabulary';
import { poorPerformanceDecider } from './decide';
import { POOR_PERFORMANCE_POLICY_DEFAULTS, poorPerformanceIdOf, type PoorPerformanceEvent, type PoorPerformancePolicy } from './poor-performance';
import {
  APPRAISER,
  APPRAISER_SUPERIOR,
  EMPLOYEE,
  evaluationId,
  pathOpened,
  poorYearRecorded,
  SYSTEM,
  transferDecided,
  improvementPeriodEnded,
  competenceTestRecorded,
  improved,
  valid,
  WIB,
  GOOD_Q2_2026,
} from './poor-performance.testkit';
import { finalEvaluationFactOf, reactToEvaluationFinal, type PoorPerformanceReactionContext } from './process';

const NOW = new Date('2025-04-25T00:00:01+07:00');
const metadata = { now: NOW, actor: { nip: SYSTEM, role: 'sistem' as const } };

/** The 2025 evaluation of the evaluation testkit's employee, final (window passed) with `predikat`. */
const finalHistory = (predikat: Predikat, kind: 'annual' | 'periodic' = 'annual'): ReadonlyArray<EvaluationEvent> => [
  ev.evaluationOpened(kind === 'annual' ? ev.annual : {}),
  ev.evaluationRated(),
  ev.evaluationSettled({ predikat }),
  ev.evaluationDelivered(),
  ev.evaluationFinalized('window-passed'),
];
const react = (history: ReadonlyArray<EvaluationEvent>, context: Partial<PoorPerformanceReactionContext> = {}) => {
  const event = history[history.length - 1];
  if (event === undefined) throw new Error('empty history');
  return reactToEvaluationFinal(event, replay(evaluationDecider, history), {
    latestPath: undefined,
    policy: POOR_PERFORMANCE_POLICY_DEFAULTS,
    level: 'pelaksana',
    timeZone: WIB,
    metadata,
    ...context,
  });
};
const pathAfter = (events: ReadonlyArray<PoorPerformanceEvent>) => replay(poorPerformanceDecider, events);

const FINAL_AT = ev.AFTER_WINDOW;
const fact2025 = (predikat: Predikat) => ({
  evaluation: ev.ANNUAL_EVALUATION,
  kind: 'annual' as const,
  period: ev.YEAR,
  predikat,
  finalizedAt: FINAL_AT,
});
/** A path opened on 10 February 2025 for the 2024 annual evaluation. */
const POOR_2024 = {
  evaluation: evaluationId(2024),
  kind: 'annual' as const,
  period: valid(PeriodId, '2024'),
  predikat: 'butuh-perbaikan' as const,
  finalizedAt: new Date('2025-02-09T12:00:00+07:00'),
};
const openedFor2024 = (policy: PoorPerformancePolicy = POOR_PERFORMANCE_POLICY_DEFAULTS) =>
  pathOpened({ now: new Date('2025-02-10T09:00:00+07:00'), evaluation: POOR_2024, policy, improvementEnds: new Date('2025-08-10T23:59:59.999+07:00') });

/** The 2024 path, through the test to a transfer in 2025. */
const transferredPath = () =>
  pathAfter([openedFor2024(), improvementPeriodEnded(), competenceTestRecorded(), transferDecided({ now: new Date('2025-03-01T09:00:00+07:00') })]);

describe('poor-performance process manager: a final evaluation → the official’s path (BR-26)', () => {
  it('reads the final result of a final evaluation, and nothing from one that is not final', () => {
    expect(finalEvaluationFactOf(replay(evaluationDecider, finalHistory('kurang')))).toEqual(fact2025('kurang'));
    expect(finalEvaluationFactOf(replay(evaluationDecider, finalHistory('kurang').slice(0, 4)))).toBeUndefined();
  });

  it('opens path 1 on a final annual predikat below Baik, with the supervisors of the plan evaluated', () => {
    expect(react(finalHistory('butuh-perbaikan'))).toEqual([
      {
        type: 'OpenPoorPerformancePath',
        data: {
          path: poorPerformanceIdOf(EMPLOYEE, 1),
          employee: EMPLOYEE,
          evaluation: fact2025('butuh-perbaikan'),
          level: 'pelaksana',
          supervisors: { appraiser: APPRAISER, appraiserSuperior: APPRAISER_SUPERIOR },
          timeZone: WIB,
          policy: POOR_PERFORMANCE_POLICY_DEFAULTS,
          priorPoorYears: 0,
        },
        metadata,
      },
    ]);
  });

  it('what it opens is accepted by the path', () => {
    for (const command of react(finalHistory('sangat-kurang')))
      expect(poorPerformanceDecider.decide(command, pathAfter([]))._tag).toBe('Right');
  });

  it.each(['baik', 'sangat-baik'] as const)('does nothing on %s without a path', (predikat) => {
    expect(react(finalHistory(predikat))).toEqual([]);
  });

  it('a periodic evaluation opens no path by default, one when the policy says so', () => {
    expect(react(finalHistory('kurang', 'periodic'))).toEqual([]);
    const policy = { ...POOR_PERFORMANCE_POLICY_DEFAULTS, periodicOpens: true };
    expect(react(finalHistory('kurang', 'periodic'), { policy }).map((c) => c.type)).toEqual(['OpenPoorPerformancePath']);
  });

  it('reacts to final evaluations only', () => {
    const history = finalHistory('kurang');
    const rated = history[1];
    if (rated === undefined) throw new Error('no rated event');
    expect(reactToEvaluationFinal(rated, replay(evaluationDecider, history), {
      latestPath: undefined,
      policy: POOR_PERFORMANCE_POLICY_DEFAULTS,
      level: 'pelaksana',
      timeZone: WIB,
      metadata,
    })).toEqual([]);
  });

  it('an upheld objection that revises the result to Baik or better opens nothing; one that leaves it poor does', () => {
    const revisedGood = [...finalHistory('butuh-perbaikan').slice(0, 4), ev.evaluationObjected(), ev.evaluationRevised()];
    expect(react(revisedGood)).toEqual([]);
    const revisedPoor = [
      ...finalHistory('sangat-kurang').slice(0, 4),
      ev.evaluationObjected(),
      ev.evaluationRevised({ appraisal: ev.ratedAppraisal('di-bawah-ekspektasi', 'sesuai-ekspektasi') }),
    ];
    expect(react(revisedPoor).map((c) => c.type)).toEqual(['OpenPoorPerformancePath']);
  });

  describe('with an open path', () => {
    const latestPath = pathAfter([openedFor2024()]);

    it('a later result at or above the threshold closes it by improvement', () => {
      expect(react(finalHistory('baik'), { latestPath })).toEqual([
        { type: 'RecordImprovement', data: { path: poorPerformanceIdOf(EMPLOYEE, 1), evaluation: fact2025('baik') }, metadata },
      ]);
    });

    it('a further poor annual year is recorded; no dismissal with the N-years policy off', () => {
      expect(react(finalHistory('kurang'), { latestPath })).toEqual([
        { type: 'RecordPoorYear', data: { path: poorPerformanceIdOf(EMPLOYEE, 1), evaluation: fact2025('kurang') }, metadata },
      ]);
    });

    it('with the N-years policy on (N = 2), the second consecutive poor year proposes dismissal with honour', () => {
      const on = pathAfter([openedFor2024({ ...POOR_PERFORMANCE_POLICY_DEFAULTS, consecutivePoorYearsDismissal: 2 })]);
      const commands = react(finalHistory('kurang'), { latestPath: on });
      expect(commands.map((c) => c.type)).toEqual(['RecordPoorYear', 'ProposeDismissalWithHonour']);
      expect(commands[1]?.data).toMatchObject({ ground: 'consecutive-poor-years' });
      // And the path takes both, in order.
      let state = on;
      for (const command of commands) {
        const result = poorPerformanceDecider.decide(command, state);
        expect(result._tag).toBe('Right');
        if (result._tag === 'Right') state = result.right.reduce(poorPerformanceDecider.evolve, state);
      }
      expect(state).toMatchObject({ status: 'closed', reason: 'dismissal-proposed' });
    });

    it('ignores an evaluation final before the path opened, a periodic poor result and a year already recorded', () => {
      const late = pathAfter([pathOpened({ now: new Date('2025-05-01T09:00:00+07:00'), evaluation: POOR_2024 })]);
      expect(react(finalHistory('baik'), { latestPath: late })).toEqual([]);
      expect(react(finalHistory('kurang', 'periodic'), { latestPath })).toEqual([]);
      const recorded = pathAfter([openedFor2024(), poorYearRecorded({ evaluation: fact2025('kurang'), year: 2025 })]);
      expect(react(finalHistory('kurang'), { latestPath: recorded })).toEqual([]);
    });
  });

  describe('after a closed path', () => {
    it('(the fixture path is closed by the transfer)', () => {
      expect(transferredPath()).toMatchObject({ status: 'closed', reason: 'transferred' });
    });

    it('opens the next path, carrying the poor year just before it when the last one was not improved', () => {
      const transferred = transferredPath();
      const [open] = react(finalHistory('kurang'), { latestPath: transferred });
      expect(open?.data).toMatchObject({ path: poorPerformanceIdOf(EMPLOYEE, 2), priorPoorYears: 1 });
    });

    it('carries nothing after an improvement', () => {
      const better = pathAfter([openedFor2024(), improved({ now: new Date('2025-03-01T09:00:00+07:00'), evaluation: { ...GOOD_Q2_2026, finalizedAt: new Date('2025-03-01T08:00:00+07:00') } })]);
      const [open] = react(finalHistory('kurang'), { latestPath: better });
      expect(open?.data).toMatchObject({ path: poorPerformanceIdOf(EMPLOYEE, 2), priorPoorYears: 0 });
    });

    it('with the N-years policy on (N = 2), opens and proposes dismissal at once on the second consecutive poor year', () => {
      const transferred = transferredPath();
      const policy = { ...POOR_PERFORMANCE_POLICY_DEFAULTS, consecutivePoorYearsDismissal: 2 };
      expect(react(finalHistory('kurang'), { latestPath: transferred, policy }).map((c) => c.type)).toEqual([
        'OpenPoorPerformancePath',
        'ProposeDismissalWithHonour',
      ]);
    });
  });
});
