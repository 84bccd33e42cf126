import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { fold, replay, type CommandMetadata } from '../core';
import { evaluationDecider, type EvaluationCommand } from '../evaluation/decide';
import type { EvaluationError } from '../evaluation/errors';
import type { EvaluationEvent, EvaluationState } from '../evaluation/evaluation';
import * as ev from '../evaluation/evaluation.testkit';
import { RATING_LEVELS, type Predikat } from '../rulebook/vocabulary';
import { deepEqual } from '../testing';
import { unitPeriodDecider, type UnitPeriodCommand } from '../unit-period/decide';
import type { UnitPeriodError } from '../unit-period/errors';
import type { UnitPeriodEvent, UnitPeriodState } from '../unit-period/unit-period';
import * as up from '../unit-period/unit-period.testkit';
import { reactToObjection, type ObjectionReaction } from './process';
import {
  explanationRecorded,
  NEW_RATING,
  objectionDecisionOverdue,
  objectionFiled,
  objectionPartlyUpheld,
  objectionRejected,
  objectionUpheld,
  objectionWithdrawn,
  OBJECTION,
  SYSTEM,
} from './objection.testkit';

const REACTED_AT = new Date('2025-05-02T08:00:00+07:00');
const system: CommandMetadata = { now: REACTED_AT, actor: { nip: SYSTEM, role: 'sistem' } };
const evaluationOf = (events: ReadonlyArray<EvaluationEvent>): EvaluationState => replay(evaluationDecider, events);

// The evaluation of evaluation.testkit (settled Baik under a Baik organisational result, delivered 10 April 2025).
const delivered = evaluationOf(ev.histories.delivered);
const objected = evaluationOf(ev.histories.objected);

describe('reactToObjection: the objection’s process manager', () => {
  describe('ObjectionFiled → the evaluation’s NoteObjection', () => {
    it('notes the objection on the evaluation, as of the filing instant (BR-10 judges the filing)', () => {
      const filed = objectionFiled({ now: ev.OBJECTED_AT });
      expect(reactToObjection(filed, delivered, system)).toEqual([
        {
          type: 'NoteObjection',
          data: { evaluation: ev.EVALUATION, objection: OBJECTION },
          metadata: { now: ev.OBJECTED_AT, actor: system.actor },
        },
      ]);
    });

    it('a filing in the last millisecond of day 14 is noted even when the host reacts on day 15', () => {
      const [note] = reactToObjection(objectionFiled({ now: ev.DEADLINE }), delivered, { ...system, now: ev.AFTER_WINDOW });
      const result = evaluationDecider.decide(note as EvaluationCommand, delivered);
      expect(isRight(result) && result.right.map((e) => e.type)).toEqual(['EvaluationObjected']);
    });

    it('sends nothing when the evaluation has noted this objection already (a redelivered event)', () => {
      expect(reactToObjection(objectionFiled({ now: ev.OBJECTED_AT }), objected, system)).toEqual([]);
    });

    it('still sends it when the evaluation cannot take it, so that its refusal reaches the host', () => {
      const final = evaluationOf(ev.histories.final);
      const commands = reactToObjection(objectionFiled(), final, system);
      expect(commands.map((c) => c.type)).toEqual(['NoteObjection']);
      const result = evaluationDecider.decide(commands[0] as EvaluationCommand, final);
      expect(isLeft(result) && result.left._tag).toBe('EvaluationFinal');
    });
  });

  describe('ObjectionRejected / ObjectionWithdrawn → the evaluation’s FinalizeEvaluation', () => {
    it.each([
      ['rejected', objectionRejected(), 'objection-rejected'],
      ['withdrawn', objectionWithdrawn(), 'objection-withdrawn'],
    ] as const)('%s: the settled result becomes final', (outcome, event, reason) => {
      const commands = reactToObjection(event, objected, system);
      expect(commands).toEqual([{ type: 'FinalizeEvaluation', data: { evaluation: ev.EVALUATION, outcome }, metadata: system }]);
      const result = evaluationDecider.decide(commands[0] as EvaluationCommand, objected);
      expect(isRight(result) && result.right).toEqual([
        { type: 'EvaluationFinalized', data: { evaluation: ev.EVALUATION, reason, finalizedBy: SYSTEM, at: REACTED_AT } },
      ]);
    });

    it('sends nothing once the evaluation is final after this objection', () => {
      const finalized = evaluationOf([...ev.histories.objected, ev.evaluationFinalized('objection-rejected')]);
      expect(reactToObjection(objectionRejected(), finalized, system)).toEqual([]);
    });
  });

  describe('ObjectionUpheld / ObjectionPartlyUpheld → ReviseSettledResult, then ReviseEvaluation', () => {
    it('sends the curve re-check first, with the assessment the evaluation will record, then the revision', () => {
      const commands = reactToObjection(objectionUpheld(NEW_RATING), objected, system);
      expect(commands.map((c) => c.type)).toEqual(['ReviseSettledResult', 'ReviseEvaluation']);
      const [check, revise] = commands;
      expect(revise).toEqual({
        type: 'ReviseEvaluation',
        data: { evaluation: ev.EVALUATION, objection: OBJECTION, outcome: 'upheld', rating: NEW_RATING, decidedBy: ev.APPRAISER_SUPERIOR },
        metadata: system,
      });
      const revised = evaluationDecider.decide(revise as EvaluationCommand, objected);
      const recorded = isRight(revised) && revised.right[0]?.type === 'EvaluationRevised' ? revised.right[0].data.assessment : undefined;
      expect(recorded).toMatchObject({ predikat: 'sangat-baik' });
      expect(check).toEqual({
        type: 'ReviseSettledResult',
        data: { unitPeriod: ev.UNIT_PERIOD, evaluation: ev.EVALUATION, assessment: recorded },
        metadata: system,
      });
    });

    it('a partly upheld objection revises with outcome partly-upheld', () => {
      const rating = ev.ratedAppraisal('sesuai-ekspektasi', 'di-atas-ekspektasi');
      const commands = reactToObjection(objectionPartlyUpheld(rating), objected, system);
      expect(commands[1]).toMatchObject({ type: 'ReviseEvaluation', data: { outcome: 'partly-upheld', rating } });
    });

    it('property: the curve re-check always carries exactly the assessment the evaluation records (BR-09 for the unit head)', () => {
      const arbLevel = fc.constantFrom(...RATING_LEVELS);
      fc.assert(
        fc.property(arbLevel, arbLevel, arbLevel, fc.boolean(), (hasilKerja, perilaku, settledHasilKerja, isUnitHead) => {
          const state = evaluationOf([
            ev.evaluationOpened({ facts: ev.facts({ roster: { isUnitHead } }) }),
            ev.evaluationRated(),
            ev.evaluationSettled({ hasilKerja: settledHasilKerja }),
            ev.evaluationDelivered(),
            ev.evaluationObjected(),
          ]);
          const [check, revise] = reactToObjection(objectionUpheld(ev.ratedAppraisal(hasilKerja, perilaku)), state, system);
          if (check?.type !== 'ReviseSettledResult' || revise === undefined) throw new Error('expected both commands');
          const result = evaluationDecider.decide(revise as EvaluationCommand, state);
          const event = isRight(result) ? result.right[0] : undefined;
          if (event?.type !== 'EvaluationRevised') throw new Error('expected EvaluationRevised');
          expect(deepEqual(check.data.assessment, event.data.assessment)).toBe(true);
          // BR-09: the unit head keeps the settled hasil kerja whatever the new rating says.
          expect(check.data.assessment.hasilKerja).toBe(isUnitHead ? settledHasilKerja : hasilKerja);
        }),
      );
    });

    /** The fixture evaluation under PP 30/2019 (numeric), optionally with a peer's answer, settled and objected to. */
    const numericObjected = (withPeer: boolean): EvaluationState => {
      const opening: ReadonlyArray<EvaluationCommand> = [
        ev.openEvaluation({ facts: ev.facts({ ruleBook: ev.PP_30_2019_REF }) }),
        ...(withPeer ? [ev.inviteFeedback(ev.PEER), ev.giveFeedback(ev.PEER)] : []),
        ev.rateEvaluation(ev.numericAppraisal()),
      ];
      const rated = ev.run(opening).state;
      if (rated.status !== 'rated') throw new Error('expected a rated evaluation');
      const { predikat, label } = rated.rating.assessment;
      // A numeric result is settled without levels.
      const { hasilKerja: _h, perilaku: _p, ...settled } = ev.settleEvaluation({ predikat, label }).data;
      const { state } = ev.run(
        [
          { ...ev.settleEvaluation(), data: settled },
          ev.deliverEvaluation(),
          ev.noteObjection(),
        ],
        rated,
      );
      if (state.status !== 'objected') throw new Error('expected an objected evaluation');
      return state;
    };

    it('numeric rule books: the same realisations and peer input as the evaluation’s own assessment (BR-12)', () => {
      const state = numericObjected(true);
      const rating = ev.numericAppraisal({ behaviour: ev.scoresAll(100), innovation: true });
      const [check, revise] = reactToObjection(objectionUpheld(rating), state, system);
      if (check?.type !== 'ReviseSettledResult' || revise === undefined) throw new Error('expected both commands');
      const result = evaluationDecider.decide(revise as EvaluationCommand, state);
      const event = isRight(result) ? result.right[0] : undefined;
      expect(event?.type === 'EvaluationRevised' && event.data.input).toMatchObject({ regime: 'numeric', peerInputUsed: true });
      expect(event?.type === 'EvaluationRevised' && deepEqual(event.data.assessment, check.data.assessment)).toBe(true);
      expect(check.data.assessment.scores?.weights).toEqual({ skp: 0.6, behaviour: 0.4 });
    });

    it('when the rule book refuses the rating, sends only the revision, which the evaluation refuses the same way', () => {
      const state = numericObjected(false);
      const commands = reactToObjection(objectionUpheld(ev.numericAppraisal({ behaviour: ev.scoresAll(150) })), state, system);
      expect(commands.map((c) => c.type)).toEqual(['ReviseEvaluation']);
      const result = evaluationDecider.decide(commands[0] as EvaluationCommand, state);
      expect(isLeft(result) && result.left._tag).toBe('InvalidScoreInput');
    });

    it('sends nothing once the evaluation has been revised for this objection', () => {
      expect(reactToObjection(objectionUpheld(), evaluationOf(ev.histories.revised), system)).toEqual([]);
    });
  });

  it('explanations and the escalation cause no command', () => {
    expect(reactToObjection(explanationRecorded('appraiser'), objected, system)).toEqual([]);
    expect(reactToObjection(objectionDecisionOverdue(), objected, system)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The host's contract, end to end: commands in order, stop at the first refusal (the curve must not be bypassed)
// ---------------------------------------------------------------------------------------------------------------

type Streams = { evaluation: EvaluationState; unitPeriod: UnitPeriodState };
type Refusal = EvaluationError | UnitPeriodError;

/** What a host does with the reaction: send each command to its stream in order; stop at the first refusal. */
const host = (commands: ReadonlyArray<ObjectionReaction>, streams: Streams): Readonly<{ streams: Streams; refused?: Refusal }> => {
  let { evaluation, unitPeriod } = streams;
  for (const command of commands) {
    if (command.type === 'ReviseSettledResult') {
      const result = unitPeriodDecider.decide(command as UnitPeriodCommand, unitPeriod);
      if (isLeft(result)) return { streams: { evaluation, unitPeriod }, refused: result.left };
      unitPeriod = fold(unitPeriodDecider.evolve, unitPeriod, result.right as ReadonlyArray<UnitPeriodEvent>);
    } else {
      const result = evaluationDecider.decide(command, evaluation);
      if (isLeft(result)) return { streams: { evaluation, unitPeriod }, refused: result.left };
      evaluation = fold(evaluationDecider.evolve, evaluation, result.right);
    }
  }
  return { streams: { evaluation, unitPeriod } };
};

describe('an upheld objection through the host: the kurva distribusi is re-checked before the evaluation is revised', () => {
  const Q1_UNIT_PERIOD = ev.UNIT_PERIOD;
  const colleague = (i: number) => up.staff(i);
  const evaluationOfColleague = (i: number) => up.evaluationOf(colleague(i), ev.Q1);

  /** A settled Q1 unit period under a Baik result: the fixture employee with `predikat`, four colleagues as given. */
  const unitPeriodWith = (predikat: Predikat, colleagues: ReadonlyArray<Predikat>): UnitPeriodState =>
    up.run([
      up.openUnitPeriod({ unitPeriod: Q1_UNIT_PERIOD, period: ev.Q1 }),
      up.recordProposal(ev.EMPLOYEE, up.rated(predikat), { unitPeriod: Q1_UNIT_PERIOD, evaluation: ev.EVALUATION, months: 3 }),
      ...colleagues.map((p, i) =>
        up.recordProposal(colleague(i + 1), up.rated(p), { unitPeriod: Q1_UNIT_PERIOD, evaluation: evaluationOfColleague(i + 1), months: 3 }),
      ),
      up.setOrganisationalResult('baik', { unitPeriod: Q1_UNIT_PERIOD }),
      up.settleUnitPeriod({ unitPeriod: Q1_UNIT_PERIOD }),
    ]).state;

  /** The fixture evaluation, settled with `predikat` and objected to. */
  const objectedWith = (hasilKerja: (typeof RATING_LEVELS)[number], perilaku: (typeof RATING_LEVELS)[number], predikat: Predikat, label: string) =>
    evaluationOf([
      ev.evaluationOpened(),
      ev.evaluationRated({ appraisal: ev.ratedAppraisal(hasilKerja, perilaku) }),
      ev.evaluationSettled({ predikat, label, hasilKerja, perilaku }),
      ev.evaluationDelivered(),
      ev.evaluationObjected(),
    ]);

  it('Baik → Sangat Baik fits the curve: the unit period and the evaluation are both revised', () => {
    const unitPeriod = unitPeriodWith('baik', ['baik', 'baik', 'butuh-perbaikan', 'sangat-baik']);
    expect(unitPeriod.status).toBe('settled');
    const evaluation = objectedWith('sesuai-ekspektasi', 'sesuai-ekspektasi', 'baik', 'Baik');
    const outcome = host(reactToObjection(objectionUpheld(NEW_RATING), evaluation, system), { evaluation, unitPeriod });
    expect(outcome.refused).toBeUndefined();
    expect(outcome.streams.evaluation.status).toBe('final');
    const settled = outcome.streams.unitPeriod.status === 'settled' ? outcome.streams.unitPeriod.settlement : undefined;
    expect(settled?.results.find((r) => r.evaluation === ev.EVALUATION)?.predikat).toBe('sangat-baik');
    expect(settled?.counts).toMatchObject({ 'sangat-baik': 2, baik: 2, 'butuh-perbaikan': 1 });
  });

  it('Butuh Perbaikan → Baik would break BR-05: refused with DistributionViolated, and the evaluation is NOT revised', () => {
    const unitPeriod = unitPeriodWith('butuh-perbaikan', ['baik', 'baik', 'baik', 'sangat-baik']);
    expect(unitPeriod.status).toBe('settled');
    const evaluation = objectedWith('di-bawah-ekspektasi', 'sesuai-ekspektasi', 'butuh-perbaikan', 'Butuh Perbaikan');
    const reaction = reactToObjection(objectionUpheld(ev.ratedAppraisal('sesuai-ekspektasi', 'sesuai-ekspektasi')), evaluation, system);
    const outcome = host(reaction, { evaluation, unitPeriod });
    expect(outcome.refused).toMatchObject({ _tag: 'DistributionViolated', organisationalResult: 'baik' });
    expect(outcome.streams.evaluation).toBe(evaluation);
    expect(outcome.streams.evaluation.status).toBe('objected');
    expect(outcome.streams.unitPeriod).toBe(unitPeriod);
    // The reaction can be retried later: it gives the same commands while the evaluation is still objected.
    expect(reactToObjection(objectionUpheld(ev.ratedAppraisal('sesuai-ekspektasi', 'sesuai-ekspektasi')), evaluation, system)).toEqual(reaction);
  });
});
