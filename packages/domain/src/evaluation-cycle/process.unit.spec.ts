/**
 * The evaluation cycle through the deciders only: an evaluation is rated, the process manager proposes it to the
 * unit period, the authorised official settles the unit, and the process manager settles the evaluation with the
 * final predikat, its basis and consequences.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import { replay, unitPeriodIdOf, type CommandMetadata, type Nip } from '../core';
import {
  evaluationDecider,
  type EvaluationCommand,
  type EvaluationEvent,
  type EvaluationState,
} from '../evaluation';
import * as ev from '../evaluation/evaluation.testkit';
import { unitPeriodDecider, type UnitPeriodCommand, type UnitPeriodEvent } from '../unit-period';
import * as up from '../unit-period/unit-period.testkit';
import { reactToEvaluation, reactToUnitPeriod } from './process';

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`refused: ${JSON.stringify(either.left)}`);
  return either.right;
};

const system = (now: Date): CommandMetadata => ({ now, actor: { nip: ev.SYSTEM, role: 'sistem' } });
const UNIT_PERIOD = unitPeriodIdOf(ev.UNIT, ev.Q1);
const OFFICIAL = ev.APPRAISER_SUPERIOR;
const HEAD = up.HEAD as Nip;

const decideEvaluation = (history: EvaluationEvent[], command: EvaluationCommand): EvaluationEvent[] => {
  const events = rightOf(evaluationDecider.decide(command, replay(evaluationDecider, history)));
  history.push(...events);
  return [...events];
};
const decideUnit = (history: UnitPeriodEvent[], command: UnitPeriodCommand): UnitPeriodEvent[] => {
  const events = rightOf(unitPeriodDecider.decide(command, replay(unitPeriodDecider, history)));
  history.push(...events);
  return [...events];
};

describe('the evaluation cycle process manager', () => {
  const unitPeriodOpen = (): UnitPeriodEvent[] => {
    const history: UnitPeriodEvent[] = [];
    decideUnit(
      history,
      up.openUnitPeriod({
        unitPeriod: UNIT_PERIOD,
        unit: ev.UNIT,
        period: ev.Q1,
        periodStart: ev.Q1_START,
        periodEnd: ev.Q1_END,
        facts: { ...up.FACTS, roster: { ...up.ROSTER, unitHead: HEAD, authorisedOfficial: OFFICIAL } },
        now: ev.OPENED_AT,
      }),
    );
    return history;
  };

  it('a rated evaluation becomes a proposal; a settled unit period settles the evaluation with its basis', () => {
    const evaluation: EvaluationEvent[] = [];
    decideEvaluation(evaluation, ev.openEvaluation());
    const [rated] = decideEvaluation(evaluation, ev.rateEvaluation(ev.ratedAppraisal('di-atas-ekspektasi', 'sesuai-ekspektasi')));
    if (rated === undefined) throw new Error('not rated');

    const proposals = reactToEvaluation(rated, replay(evaluationDecider, evaluation), system(ev.RATED_AT));
    expect(proposals).toHaveLength(1);
    expect(proposals[0]?.data).toMatchObject({
      unitPeriod: UNIT_PERIOD,
      evaluation: ev.EVALUATION,
      employee: ev.EMPLOYEE,
      isUnitHead: false,
      months: 3,
      assessment: { predikat: 'baik', hasilKerja: 'di-atas-ekspektasi', perilaku: 'sesuai-ekspektasi' },
    });

    const unit = unitPeriodOpen();
    for (const proposal of proposals) decideUnit(unit, proposal);
    decideUnit(unit, up.setOrganisationalResult('istimewa', { unitPeriod: UNIT_PERIOD, by: OFFICIAL, now: ev.RATED_AT }));
    const [settled] = decideUnit(unit, up.settleUnitPeriod({ unitPeriod: UNIT_PERIOD, by: OFFICIAL, now: ev.SETTLED_AT }));
    if (settled === undefined) throw new Error('not settled');

    const settlements = reactToUnitPeriod(settled, system(ev.SETTLED_AT));
    expect(settlements).toHaveLength(1);
    const [evaluationSettled] = decideEvaluation(evaluation, settlements[0] as EvaluationCommand);
    expect(evaluationSettled).toMatchObject({
      type: 'EvaluationSettled',
      data: { unitPeriod: UNIT_PERIOD, organisationalResult: 'istimewa', predikat: 'baik', label: 'Baik' },
    });
    expect(evaluationSettled?.type === 'EvaluationSettled' && evaluationSettled.data.articles).toEqual(
      expect.arrayContaining(['BR-01', 'BR-03', 'BR-04']),
    );
    const state: EvaluationState = replay(evaluationDecider, evaluation);
    expect(state.status).toBe('settled');
  });

  it('no other event causes a command', () => {
    const evaluation: EvaluationEvent[] = [];
    const [opened] = decideEvaluation(evaluation, ev.openEvaluation());
    if (opened === undefined) throw new Error('not opened');
    expect(reactToEvaluation(opened, replay(evaluationDecider, evaluation), system(ev.OPENED_AT))).toEqual([]);
    const [unitOpened] = unitPeriodOpen();
    if (unitOpened === undefined) throw new Error('not opened');
    expect(reactToUnitPeriod(unitOpened, system(ev.OPENED_AT))).toEqual([]);
  });
});
