import { isLeft, isRight } from 'fp-ts/Either';
import { decodeWith, replay, TenantId } from '../core';
import { evaluationDecider } from '../evaluation/decide';
import * as ev from '../evaluation/evaluation.testkit';
import { GrantIncentiveCodec, GrantIncentiveRequestCodec, rewardCommandCodecs, RewardEventCodec } from './codecs';
import { dueReward, rewardDecider, type RewardCommand } from './decide';
import { describeRewardError, type RewardErrorTag } from './errors';
import { rewardEvaluationFactOf } from './facts';
import { basisOfReward, evolve, REWARD_POLICY_DEFAULTS, rewardStreamId, type RewardEvent } from './reward';
import {
  ANNUAL,
  EMPLOYEE,
  EXCELLENT,
  grantIncentive,
  grantRecognition,
  incentiveGranted,
  LAST_YEAR,
  NOT_FINAL,
  OTHER,
  OTHERS,
  POOR,
  PPK,
  prioritise,
  prioritised,
  Q4,
  recognitionGranted,
  recommendTraining,
  trainingRecommended,
  UNIT_HEAD,
  valid,
  YEAR,
} from './reward.testkit';
import { coverageSpecFor } from '../testing/decider.testkit';

const { given, refusalsSeen, successesSeen } = coverageSpecFor(rewardDecider, describeRewardError);

describe('rewards and development', () => {
  it('has one stream per official and year, category first', () => {
    expect(rewardStreamId(valid(TenantId, 'semarang'), EMPLOYEE, YEAR)).toBe('penghargaan-semarang.199203142019031008.2025');
  });

  describe('recognition', () => {
    it('is granted by the PPK on a final Baik, naming the evaluation, the official and the basis', () => {
      given([]).when(grantRecognition()).then([recognitionGranted()]);
    });

    it('is granted by the unit head too', () => {
      given([]).when(grantRecognition({ by: UNIT_HEAD })).then([recognitionGranted({ by: UNIT_HEAD })]);
    });

    it('is refused below the policy minimum (default Baik)', () => {
      given([]).when(grantRecognition({ evaluations: [POOR] })).thenFails('PredikatBelowMinimum', { predikat: 'kurang', minimum: 'baik' });
    });
  });

  describe('incentive', () => {
    it('is granted as an amount or a percentage', () => {
      given([]).when(grantIncentive()).then([incentiveGranted()]);
      const award = { kind: 'percent' as const, percent: 10 };
      given([]).when(grantIncentive({ award })).then([incentiveGranted({ award })]);
    });

    it('is refused for a predikat below Baik [policy]', () => {
      given([]).when(grantIncentive({ evaluations: [{ ...ANNUAL, predikat: 'butuh-perbaikan' }] })).thenFails('PredikatBelowMinimum', {
        predikat: 'butuh-perbaikan',
        minimum: 'baik',
      });
      const strict = { ...REWARD_POLICY_DEFAULTS, incentiveMinimum: 'sangat-baik' as const };
      given([]).when(grantIncentive({ policy: strict })).thenFails('PredikatBelowMinimum', { predikat: 'baik', minimum: 'sangat-baik' });
    });

    it('is granted once per evaluation', () => {
      given([incentiveGranted()])
        .when(grantIncentive({ decision: 'SK-INS-02' }))
        .thenFails('IncentiveAlreadyGranted', { evaluation: ANNUAL.evaluation, decision: 'SK-INS-01' });
      given([incentiveGranted()]).when(grantIncentive({ decision: 'SK-INS-02', evaluations: [Q4] })).then([
        incentiveGranted({ decision: 'SK-INS-02', evaluations: [Q4] }),
      ]);
    });

    it('is more than nothing, and within the percentage the tenant allows', () => {
      given([]).when(grantIncentive({ award: { kind: 'amount', rupiah: 0 } })).thenFails('IncentiveNotPositive');
      given([]).when(grantIncentive({ award: { kind: 'percent', percent: 150 } })).thenFails('IncentivePercentTooHigh', { percent: 150, max: 100 });
    });
  });

  describe('talent pool', () => {
    it('prioritises a Sangat Baik official, once a year', () => {
      given([]).when(prioritise()).then([prioritised()]);
      given([prioritised()]).when(prioritise({ decision: 'SK-TAL-02' })).thenFails('AlreadyPrioritised', { decision: 'SK-TAL-01' });
    });

    it('not a Baik one by default [policy]', () => {
      given([]).when(prioritise({ evaluations: [ANNUAL] })).thenFails('PredikatBelowMinimum', { predikat: 'baik', minimum: 'sangat-baik' });
    });
  });

  describe('training', () => {
    it('recommends training on a value the feedback put below expectation, and on a competence gap', () => {
      given([]).when(recommendTraining()).then([trainingRecommended()]);
    });

    it('on any value when the appraiser rated perilaku below expectation', () => {
      const topics = [{ kind: 'core-value' as const, value: 'akuntabel' as const }];
      given([]).when(recommendTraining({ evaluations: [POOR], topics })).then([trainingRecommended({ evaluations: [POOR], topics })]);
    });

    it('refuses a value no linked evaluation puts below expectation, and no topic at all', () => {
      given([])
        .when(recommendTraining({ evaluations: [EXCELLENT], topics: [{ kind: 'core-value', value: 'loyal' }] }))
        .thenFails('ValueNotBelowExpectation', { value: 'loyal' });
      given([]).when(recommendTraining({ topics: [] })).thenFails('NoTrainingTopic');
    });
  });

  describe('what every decision needs', () => {
    it('is taken by the PPK or the unit head', () => {
      given([]).when(grantRecognition({ by: OTHER, role: 'atasan-pejabat-penilai' })).thenFails('NotAuthorised', {
        allowed: ['ppk', 'pimpinan-unit'],
        actor: OTHER,
        role: 'atasan-pejabat-penilai',
      });
    });

    it('rests on at least one final evaluation of the official in that year', () => {
      given([]).when(grantRecognition({ evaluations: [] })).thenFails('NoEvaluationLinked');
      given([]).when(grantRecognition({ evaluations: [NOT_FINAL] })).thenFails('EvaluationNotFinal', { evaluation: NOT_FINAL.evaluation });
      given([]).when(recommendTraining({ evaluations: [NOT_FINAL] })).thenFails('EvaluationNotFinal');
      given([]).when(grantIncentive({ evaluations: [OTHERS] })).thenFails('EvaluationOfAnotherEmployee', { employee: EMPLOYEE });
      given([]).when(grantIncentive({ evaluations: [LAST_YEAR] })).thenFails('EvaluationOutsideYear', { year: YEAR });
    });

    it('needs reasons and a decision number not used before in the year', () => {
      given([]).when(grantRecognition({ reasons: [] })).thenFails('NoReasonsGiven');
      given([recognitionGranted()]).when(grantIncentive({ decision: 'SK-PH-01' })).thenFails('DecisionAlreadyRecorded', { decision: 'SK-PH-01' });
    });

    it('goes to the official’s own year stream', () => {
      given([recognitionGranted()]).when(grantIncentive({ year: 2026 })).thenFails('WrongRewardYear', { year: YEAR, givenYear: 2026 });
    });

    it('links each evaluation once', () => {
      given([]).when(grantRecognition({ evaluations: [ANNUAL, ANNUAL] })).then([recognitionGranted()]);
    });
  });

  describe('facts, basis, timers, evolve', () => {
    it('reads an evaluation: final or not, predikat, perilaku, values the feedback put below expectation', () => {
      const history = [
        ev.evaluationOpened(ev.annual),
        ev.feedbackInvited(ev.PEER),
        ev.feedbackInvited(ev.PEER_2),
        ev.feedbackGiven(ev.PEER, { levels: { ...ev.levelsAll('sesuai-ekspektasi'), kolaboratif: 'di-bawah-ekspektasi' } }),
        ev.feedbackGiven(ev.PEER_2, { levels: { ...ev.levelsAll('sesuai-ekspektasi'), kolaboratif: 'di-bawah-ekspektasi', loyal: 'di-bawah-ekspektasi' } }),
        ev.evaluationRated(),
        ev.evaluationSettled(),
        ev.evaluationDelivered(),
      ];
      const delivered = rewardEvaluationFactOf(replay(evaluationDecider, history));
      expect(delivered).toMatchObject({ final: false, predikat: 'baik', perilaku: 'sesuai-ekspektasi', valuesBelowExpectation: ['kolaboratif'] });
      const final = rewardEvaluationFactOf(replay(evaluationDecider, [...history, ev.evaluationFinalized()]));
      expect(final).toMatchObject({ evaluation: ev.ANNUAL_EVALUATION, kind: 'annual', final: true });
      expect(rewardEvaluationFactOf(replay(evaluationDecider, []))).toBeUndefined();
    });

    it('rests on PP 30/2019 and the official’s own basis', () => {
      expect(basisOfReward(incentiveGranted())).toEqual({
        ruleBook: 'pp-30-2019@1',
        articles: ['PP 30/2019 (tindak lanjut: penghargaan)', 'Perwali Surabaya tentang TPP'],
      });
    });

    it('has nothing due', () => {
      expect(dueReward(new Date(), replay(rewardDecider, [incentiveGranted()]), { nip: PPK, role: 'sistem' })).toEqual([]);
    });

    it('ignores a repeated decision, another official’s year and unknown types', () => {
      const state = replay(rewardDecider, [recognitionGranted()]);
      expect(evolve(state, recognitionGranted())).toBe(state);
      expect(evolve(state, recognitionGranted({ year: 2026, decision: 'X' }))).toBe(state);
      expect(evolve(state, { type: 'RewardRevoked', data: {} } as unknown as RewardEvent)).toBe(state);
    });
  });

  describe('codecs', () => {
    it('a client names evaluations by id; the engine’s facts and the policy are refused from it', () => {
      const body = (GrantIncentiveCodec.encode(grantIncentive()) as { data: Record<string, unknown> }).data;
      const result = decodeWith(GrantIncentiveRequestCodec)(body);
      expect(isLeft(result) && result.left.map((p) => p.path).sort()).toEqual(['evaluationIds', 'evaluations', 'policy']);
      const { evaluations: _e, policy: _p, ...rest } = body;
      expect(isRight(GrantIncentiveRequestCodec.decode({ ...rest, evaluationIds: [ANNUAL.evaluation] }))).toBe(true);
    });

    it('strips unknown fields from stored events', () => {
      const wire = RewardEventCodec.encode(trainingRecommended()) as { data: object };
      const back = RewardEventCodec.decode({ ...wire, data: { ...wire.data, x: 1 } });
      expect(isRight(back) && back.right).toEqual(trainingRecommended());
    });
  });

  it('specifies every command’s success and every refusal', () => {
    const tags: { readonly [K in RewardErrorTag]: null } = {
      WrongRewardYear: null,
      NotAuthorised: null,
      DecisionAlreadyRecorded: null,
      NoReasonsGiven: null,
      NoEvaluationLinked: null,
      EvaluationOfAnotherEmployee: null,
      EvaluationOutsideYear: null,
      EvaluationNotFinal: null,
      PredikatBelowMinimum: null,
      IncentiveAlreadyGranted: null,
      IncentiveNotPositive: null,
      IncentivePercentTooHigh: null,
      AlreadyPrioritised: null,
      NoTrainingTopic: null,
      ValueNotBelowExpectation: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag as RewardErrorTag))).toEqual([]);
    expect(Object.keys(rewardCommandCodecs).filter((type) => !successesSeen.has(type as RewardCommand['type']))).toEqual([]);
  });
});
