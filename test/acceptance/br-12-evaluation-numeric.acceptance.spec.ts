/**
 * BR-12 at the evaluation: under the PP 30/2019 rule book the evaluation computes the SKP score from the plan's
 * IKI targets and the realisations (the evaluation's own, entered by the appraiser with bukti dukung, override the
 * plan's), takes the appraiser's BerAKHLAK scores, and weights 0.6·SKP + 0.4·behaviour when a peer or subordinate
 * answered the invitation, else 0.7·SKP + 0.3·behaviour; Sangat Baik needs 110–120 and an innovation recorded.
 * (The rule book's own arithmetic is specified in br-12-pp-30-numeric.)
 */
import { isLeft } from 'fp-ts/Either';
import { CORE_VALUES, currentResult, PP_30_2019_REF, type CoreValue, type EvaluationCommand, type NumericAppraisal } from '@kinerja/domain';
import { appraiser, as, evaluation, factsFor, giveFeedback, I1, I2, invite, open, peer, policyOf, rate, Stream } from './br-evaluation-fixtures';

/** A tenant whose schedule keeps PP 30/2019 in 2025 (a policy supplied as data). */
const pp30Tenant = { ...policyOf('surabaya'), ruleBooks: [{ fromYear: 2021, ruleBook: PP_30_2019_REF }] };

const scores = (score: number) => Object.fromEntries(CORE_VALUES.map((v) => [v, score])) as Record<CoreValue, number>;
const numeric = (behaviour: number, innovation: boolean, effortNotes?: string): NumericAppraisal => ({
  regime: 'numeric',
  behaviour: scores(behaviour),
  innovation,
  justification: 'Skor dihitung dari realisasi dan perilaku',
  ...(effortNotes === undefined ? {} : { effortNotes }),
});
const realise = (iki: typeof I1, realised: Readonly<Record<string, number>>): EvaluationCommand => ({
  type: 'RecordEvaluationRealisation',
  data: { evaluation, iki, realised, evidence: [{ ref: 'https://drive.example/bukti.pdf', description: 'Rekap April' }] },
  metadata: as(appraiser, '2025-04-03T10:00:00+07:00'),
});
const invitePeer = invite(peer, 'peer');
const peerAnswers = giveFeedback(peer, 'di-atas-ekspektasi');

const ratedScores = (stream: Stream) => {
  const rated = [...stream.events].reverse().find((e) => e.type === 'EvaluationRated');
  if (rated?.type !== 'EvaluationRated') throw new Error('not rated');
  return { input: rated.data.input, assessment: rated.data.assessment };
};

/** Opened under PP 30; I1 (12 laporan, kualitas 100 %) and I2 (4 kegiatan) realised above target by the appraiser. */
const strongQuarter = () => {
  const stream = new Stream();
  stream.apply(open(factsFor(pp30Tenant)));
  stream.apply(realise(I1, { kuantitas: 14, kualitas: 100 }));
  stream.apply(realise(I2, { kuantitas: 5 }));
  return stream;
};

describe('BR-12 PP 30/2019 at the evaluation', () => {
  it("opens with the PP 30 rule book the tenant's schedule names for 2025", () => {
    const stream = new Stream();
    stream.apply(open(factsFor(pp30Tenant)));
    expect(stream.state.status === 'open' && stream.state.ruleBook).toEqual(PP_30_2019_REF);
  });

  it("uses the plan's realisation where the appraiser entered none (I2 unrealised scores 0)", () => {
    const stream = new Stream();
    stream.apply(open(factsFor(pp30Tenant)));
    stream.apply(rate(numeric(95, false)));
    const { input, assessment } = ratedScores(stream);
    expect(input).toMatchObject({ measures: [{ iki: I1, realised: { kuantitas: 3, kualitas: 90 } }, { iki: I2, realised: {} }] });
    // I1: (25 + 90) / 2 = 57.5; I2: 0; SKP 28.75; 0.7 · 28.75 + 0.3 · 95 = 48.625 ⇒ Sangat Kurang.
    expect(assessment.scores?.skp).toBeCloseTo(28.75, 9);
    expect(assessment.scores?.total).toBeCloseTo(48.625, 9);
    expect([assessment.predikat, assessment.label]).toEqual(['sangat-kurang', 'Sangat Kurang']);
  });

  it('weights 0.7 / 0.3 without peer input: 111.67 with an innovation is Sangat Baik, without one Baik', () => {
    for (const [innovation, label] of [
      [true, 'Sangat Baik'],
      [false, 'Baik'],
    ] as const) {
      const stream = strongQuarter();
      stream.apply(rate(numeric(100, innovation)));
      const { input, assessment } = ratedScores(stream);
      expect(input).toMatchObject({ regime: 'numeric', peerInputUsed: false, innovation });
      // I1: (116.67 + 100) / 2 = 108.33; I2: 125; SKP 116.67; 0.7 · 116.67 + 0.3 · 100 = 111.67.
      expect(assessment.scores?.weights).toEqual({ skp: 0.7, behaviour: 0.3 });
      expect(assessment.scores?.total).toBeCloseTo(111.6667, 3);
      expect(assessment.label).toBe(label);
    }
  });

  it('an invitation nobody answered is no peer input; an answered one switches to 0.6 / 0.4', () => {
    const unanswered = strongQuarter();
    unanswered.apply(invitePeer);
    unanswered.apply(rate(numeric(100, true)));
    expect(ratedScores(unanswered).assessment.scores?.weights).toEqual({ skp: 0.7, behaviour: 0.3 });

    const answered = strongQuarter();
    answered.apply(invitePeer);
    answered.apply(peerAnswers);
    answered.apply(rate(numeric(100, true)));
    const { input, assessment } = ratedScores(answered);
    expect(input).toMatchObject({ peerInputUsed: true });
    // 0.6 · 116.67 + 0.4 · 100 = 110 ⇒ Sangat Baik with the innovation.
    expect(assessment.scores?.weights).toEqual({ skp: 0.6, behaviour: 0.4 });
    expect(assessment.scores?.total).toBeCloseTo(110, 9);
    expect(assessment.label).toBe('Sangat Baik');
  });

  it('records the process and effort the appraiser cited with the scores', () => {
    const stream = strongQuarter();
    const effort = 'Imunisasi keliling di tiga kelurahan, meski cakupan belum penuh';
    const [event] = stream.apply(rate(numeric(80, false, effort)));
    expect(event?.type === 'EvaluationRated' && event.data.effortNotes).toBe(effort);
    expect(currentResult(stream.state)).toMatchObject({ stage: 'proposed', ruleBook: PP_30_2019_REF });
  });

  it('refuses behaviour scores outside 0..100 and a rating in levels, as the rule book says', () => {
    const stream = strongQuarter();
    const tooHigh = stream.attempt(rate({ ...numeric(90, false), behaviour: { ...scores(90), adaptif: 120 } }));
    expect(isLeft(tooHigh) && tooHigh.left._tag).toBe('InvalidScoreInput');
    expect(stream.refusal(rate({ regime: 'rated', hasilKerja: 'sesuai-ekspektasi', perilaku: 'sesuai-ekspektasi', justification: 'x' }))).toBe(
      'WrongRegime',
    );
  });
});
