import { EvaluationEventCodec, RewardEventCodec, type RewardEvent } from '@kinerja/domain';
import {
  EVALUATION,
  evaluationOpened,
  evaluationRated,
  feedbackGiven,
  levelsAll,
  numericAppraisal,
  PEER,
  PEER_2,
  scoresAll,
  SUBORDINATE,
} from '../../../domain/src/evaluation/evaluation.testkit';
import { EMPLOYEE, UNIT } from '../../../domain/src/plan/plan.testkit';
import { trainingNeeds, trainingNeedsProjection } from './training-needs';
import { applyEvents, createReadModelDb, envelopeFactory, envelopesOf } from './read-models.testkit';

const tenant = 'surabaya';
const stream = `evaluation-${tenant}.${EVALUATION}`;

describe('training needs: BerAKHLAK values rated below expectation', () => {
  it('by 360° feedback: a value more answers put di bawah than sesuai and di atas together', () => {
    const make = envelopeFactory();
    const below = { ...levelsAll('sesuai-ekspektasi'), kompeten: 'di-bawah-ekspektasi', adaptif: 'di-bawah-ekspektasi' } as const;
    const events = envelopesOf(
      make,
      EvaluationEventCodec,
      [
        evaluationOpened(),
        feedbackGiven(PEER, { levels: below }),
        feedbackGiven(PEER_2, { levels: { ...below, adaptif: 'di-atas-ekspektasi' } }),
        feedbackGiven(SUBORDINATE, { levels: { ...levelsAll('sesuai-ekspektasi'), kompeten: 'di-bawah-ekspektasi' } }),
      ],
      { tenant, streamId: stream },
    );
    const db = createReadModelDb([trainingNeedsProjection]);
    applyEvents(db, [trainingNeedsProjection], events);
    const needs = trainingNeeds(db, { tenant });
    // kompeten: 3 below of 3; adaptif: 1 below, 1 sesuai, 1 di atas → not below.
    expect(needs).toEqual([
      expect.objectContaining({
        employee: EMPLOYEE,
        unit: UNIT,
        evaluation: EVALUATION,
        value: 'kompeten',
        feedback: { below: 3, meets: 0, above: 0 },
        belowByFeedback: true,
        belowByAppraiser: false,
        recommended: false,
      }),
    ]);
    expect(trainingNeeds(db, { tenant, unit: 'other' })).toEqual([]);
    expect(trainingNeeds(db, { tenant: 'palembang' })).toEqual([]);
  });

  it('by a numeric rule book: a value the appraiser scored under 76; training already recommended is shown', () => {
    const make = envelopeFactory();
    const behaviour = { ...scoresAll(90), akuntabel: 60, loyal: 75.5 };
    const appraisal = numericAppraisal({ behaviour });
    const input = {
      regime: 'numeric' as const,
      measures: [{ iki: 'I1' as never, target: { kuantitas: 10 }, realised: { kuantitas: 10 } }],
      behaviour,
      peerInputUsed: false,
      innovation: false,
    };
    const evaluationEvents = envelopesOf(make, EvaluationEventCodec, [evaluationOpened(), evaluationRated({ appraisal, input, ruleBook: { id: 'pp-30-2019', version: 1 } })], {
      tenant,
      streamId: stream,
    });
    const recommended: RewardEvent = {
      type: 'TrainingRecommended',
      data: {
        employee: EMPLOYEE,
        year: 2025,
        decision: 'SK-DIKLAT-1',
        evaluations: [{ evaluation: EVALUATION, predikat: 'baik' }],
        reasons: ['Akuntabilitas pelaporan'],
        decidedBy: '197001011995031005' as never,
        authority: 'ppk',
        articles: ['PP 30/2019'],
        topics: [{ kind: 'core-value', value: 'akuntabel' }, { kind: 'competence-gap', competence: 'SPSE' }],
        at: new Date('2025-05-01T09:00:00+07:00'),
      },
    };
    const rewardEvents = envelopesOf(make, RewardEventCodec, [recommended], { tenant, streamId: `penghargaan-${tenant}.${EMPLOYEE}.2025` });
    const db = createReadModelDb([trainingNeedsProjection]);
    applyEvents(db, [trainingNeedsProjection], [...evaluationEvents, ...rewardEvents]);
    const needs = trainingNeeds(db, { tenant });
    expect(needs.map((n) => [n.value, n.appraiserScore, n.belowByAppraiser, n.recommended])).toEqual([
      ['akuntabel', 60, true, true],
      ['loyal', 75.5, true, false],
    ]);
    expect(trainingNeeds(db, { tenant, numericThreshold: 70 }).map((n) => n.value)).toEqual(['akuntabel']);
  });

  it('the rated rule book names no value: an appraiser’s perilaku level alone adds no row', () => {
    const make = envelopeFactory();
    const db = createReadModelDb([trainingNeedsProjection]);
    applyEvents(db, [trainingNeedsProjection], envelopesOf(make, EvaluationEventCodec, [evaluationOpened(), evaluationRated()], { tenant, streamId: stream }));
    expect(trainingNeeds(db, { tenant })).toEqual([]);
  });
});
