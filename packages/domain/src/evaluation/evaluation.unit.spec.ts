import { isLeft, isRight } from 'fp-ts/Either';
import { evaluationIdOf, PeriodId, replay, TenantId, unitPeriodIdOf, type Nip } from '../core';
import { I1, I2, ikiId } from '../plan/plan.testkit';
import type { AssessmentInput } from '../rulebook/rule-book';
import {
  evaluationCommandCodecs,
  GiveFeedbackCodec,
  InviteFeedbackRequestCodec,
  OpenEvaluationCodec,
  OpenEvaluationRequestCodec,
  RateEvaluationCodec,
} from './codecs';
import { evaluationDecider, type EvaluationCommand } from './decide';
import { describeEvaluationError, type EvaluationErrorTag } from './errors';
import {
  currentResult,
  evaluationStreamId,
  feedbackDetail,
  feedbackSummary,
  resultHistory,
  type EvaluationEvent,
  type EvaluationState,
} from './evaluation';
import {
  AFTER_WINDOW,
  annual,
  APPRAISER,
  APPRAISER_SUPERIOR,
  assessed,
  consequencesFor,
  DEADLINE,
  deliverEvaluation,
  DECIDED_AT,
  EMPLOYEE,
  EVALUATION,
  evaluationDelivered,
  evaluationFinalized,
  evaluationObjected,
  evaluationOpened,
  evaluationRated,
  evaluationRealisationRecorded,
  evaluationRevised,
  evaluationSettled,
  facts,
  feedbackGiven,
  feedbackInvited,
  finalizeEvaluation,
  giveFeedback,
  histories,
  inviteeFacts,
  inviteFeedback,
  levelsAll,
  MAKASSAR,
  noteObjection,
  numericAppraisal,
  OBJECTION,
  OPERATOR,
  openEvaluation,
  OTHER_EVALUATION,
  OTHER_UNIT,
  OTHER_UNIT_COLLEAGUE,
  OUTSIDER,
  PEER,
  PEER_2,
  PERMENPANRB_6_2022_REF,
  PLAN,
  PP_30_2019_REF,
  PP_46_2011_REF,
  Q1,
  Q1_END,
  Q1_START,
  rateEvaluation,
  ratedAppraisal,
  recordEvaluationRealisation,
  recordSelfEvaluation,
  reviseEvaluation,
  scoresAll,
  selfEvaluationRecorded,
  settledResult,
  settleEvaluation,
  SUBORDINATE,
  SYSTEM,
  UNIT,
  UNIT_PERIOD,
  valid,
} from './evaluation.testkit';
import { coverageSpecFor } from '../testing/decider.testkit';

// Every refusal tag and every command's success must be specified below; the last test checks it.
const { given, refusalsSeen, successesSeen } = coverageSpecFor(evaluationDecider, describeEvaluationError);

const stateAfter = (events: ReadonlyArray<EvaluationEvent>): EvaluationState => replay(evaluationDecider, events);

const { opened, invited, answered, rated, settled, delivered, objected, final, revised } = histories;

/** The numeric input of the fixture plan: I1 realised 3 of 12 laporan at 90 % (plan), I2 as given. */
const numericInput = (
  o: Readonly<{ i2?: Readonly<{ kuantitas?: number }>; peerInputUsed?: boolean; behaviour?: number; innovation?: boolean }> = {},
): AssessmentInput => ({
  regime: 'numeric',
  measures: [
    { iki: I1, target: { kuantitas: 12, kualitas: 100, waktu: 12 }, realised: { kuantitas: 3, kualitas: 90 } },
    { iki: I2, target: { kuantitas: 4 }, realised: o.i2 ?? {} },
  ],
  behaviour: scoresAll(o.behaviour ?? 90),
  peerInputUsed: o.peerInputUsed ?? false,
  innovation: o.innovation ?? false,
});

const numericOpened = (ref = PP_30_2019_REF) => [evaluationOpened({ facts: facts({ ruleBook: ref }) })];

describe('evaluation (penilaian kinerja)', () => {
  it('has one stream per tenant and evaluation, category first', () => {
    expect(evaluationStreamId(valid(TenantId, 'surabaya'), EVALUATION)).toBe(
      'evaluation-surabaya.198503152010011002.2025.2025-Q1',
    );
  });

  describe('before it is opened', () => {
    it('opens a periodic evaluation of an approved plan, keeping the facts it was opened with', () => {
      given([]).when(openEvaluation()).then([evaluationOpened()]);
    });

    it('opens the annual evaluation for the plan year', () => {
      given([]).when(openEvaluation(annual)).then([evaluationOpened(annual)]);
    });

    it('is opened by the system or an operator when a timer opens it', () => {
      given([]).when(openEvaluation({ by: SYSTEM })).then([evaluationOpened({ by: SYSTEM })]);
      given([]).when(openEvaluation({ by: OPERATOR })).then([evaluationOpened({ by: OPERATOR })]);
    });

    it('opens for a plan that was closed while approved', () => {
      const closedPlan = facts({ plan: { status: 'closed', closedFrom: 'approved' } });
      given([]).when(openEvaluation({ facts: closedPlan })).then([evaluationOpened({ facts: closedPlan })]);
    });

    it.each([
      ['monthly', '2025-M03'],
      ['semester', '2025-S1'],
    ] as const)('opens a %s evaluation for %s', (frequency, code) => {
      const period = valid(PeriodId, code);
      const o = { evaluation: evaluationIdOf(PLAN, period), period, facts: facts({ policy: { frequency } }) };
      given([]).when(openEvaluation(o)).then([evaluationOpened(o)]);
    });

    it.each<[string, EvaluationCommand]>([
      ['RecordEvaluationRealisation', recordEvaluationRealisation(I1)],
      ['InviteFeedback', inviteFeedback(PEER)],
      ['GiveFeedback', giveFeedback(PEER)],
      ['RecordSelfEvaluation', recordSelfEvaluation()],
      ['RateEvaluation', rateEvaluation()],
      ['SettleEvaluation', settleEvaluation()],
      ['DeliverEvaluation', deliverEvaluation()],
      ['NoteObjection', noteObjection()],
      ['FinalizeEvaluation', finalizeEvaluation()],
      ['ReviseEvaluation', reviseEvaluation()],
    ])('refuses %s: there is no evaluation yet', (_name, command) => {
      given([]).when(command).thenFails('EvaluationNotOpened', { evaluation: EVALUATION });
    });

    it('is opened by the appraiser named on the plan, the system or an operator only', () => {
      given([])
        .when(openEvaluation({ by: EMPLOYEE }))
        .thenFails('NotAllowedToOpen', { appraiser: APPRAISER, actor: EMPLOYEE, role: 'pegawai' });
      given([]).when(openEvaluation({ by: OUTSIDER, role: 'pejabat-penilai' })).thenFails('NotAllowedToOpen');
    });

    it('refuses an evaluation id that is not <plan>.<period>', () => {
      given([])
        .when(openEvaluation({ evaluation: OTHER_EVALUATION }))
        .thenFails('EvaluationIdMismatch', { expected: EVALUATION, given: OTHER_EVALUATION });
    });

    it.each([
      ['never approved', { status: 'draft', revision: 0 }],
      ['submitted for its first approval', { status: 'submitted', revision: 0 }],
      ['being amended', { status: 'draft', revision: 1 }],
      ['closed unfinished', { status: 'closed', closedFrom: 'draft', revision: 1 }],
    ] as const)('refuses a plan that is %s', (_name, plan) => {
      given([])
        .when(openEvaluation({ facts: facts({ plan }) }))
        .thenFails('PlanNotApproved', { plan: PLAN, status: plan.status, revision: plan.revision });
    });

    it("refuses a period whose form does not fit the kind and the tenant's frequency", () => {
      given([])
        .when(openEvaluation({ kind: 'annual' }))
        .thenFails('PeriodNotOfKind', { kind: 'annual', period: Q1 });
      given([])
        .when(openEvaluation({ ...annual, kind: 'periodic' }))
        .thenFails('PeriodNotOfKind', { kind: 'periodic', frequency: 'quarterly' });
      const s1 = valid(PeriodId, '2025-S1');
      given([])
        .when(openEvaluation({ evaluation: evaluationIdOf(PLAN, s1), period: s1 }))
        .thenFails('PeriodNotOfKind', { frequency: 'quarterly', period: s1 });
    });

    it("refuses a period outside the plan's year", () => {
      const q4 = valid(PeriodId, '2024-Q4');
      given([])
        .when(openEvaluation({ evaluation: evaluationIdOf(PLAN, q4), period: q4 }))
        .thenFails('PeriodOutsidePlanYear', { period: q4, planYear: '2025' });
    });

    it('refuses a period that does not end after it starts', () => {
      given([])
        .when(openEvaluation({ periodEnd: Q1_START }))
        .thenFails('PeriodEndNotAfterStart', { periodStart: Q1_START, periodEnd: Q1_START });
    });

    it('refuses a rule book this build does not know', () => {
      const ruleBook = { id: 'pp-30-2019', version: 99 } as const;
      given([]).when(openEvaluation({ facts: facts({ ruleBook }) })).thenFails('UnknownRuleBook', { ruleBook });
    });

    it('refuses an objection window in working days until the holiday calendars exist (BR-10)', () => {
      given([])
        .when(openEvaluation({ facts: facts({ policy: { objectionWindow: { days: 14, kind: 'working' } } }) }))
        .thenFails('WorkingDayWindowUnsupported', { days: 14 });
    });
  });

  describe('when open', () => {
    it('is opened once', () => {
      given(opened).when(openEvaluation()).thenFails('EvaluationAlreadyOpened', { evaluation: EVALUATION });
    });

    it('refuses a command for another evaluation (routed to the wrong stream)', () => {
      const command = rateEvaluation();
      given(opened)
        .when({ ...command, data: { ...command.data, evaluation: OTHER_EVALUATION } })
        .thenFails('WrongEvaluation', { evaluation: EVALUATION, given: OTHER_EVALUATION });
    });

    describe('realisations', () => {
      it('records the appraiser’s realisation of an IKI with bukti dukung', () => {
        given(opened).when(recordEvaluationRealisation(I2)).then([evaluationRealisationRecorded(I2)]);
      });

      it('overrides the plan’s realisation, and an earlier one of its own, for that IKI', () => {
        const events = [
          ...opened,
          evaluationRealisationRecorded(I1, { realised: { kuantitas: 5 } }),
          evaluationRealisationRecorded(I1, { realised: { kuantitas: 6 } }),
        ];
        const state = stateAfter(events);
        expect(state.status === 'open' && state.realisations.map((r) => r.realised)).toEqual([{ kuantitas: 6 }]);
      });

      it('is recorded by the appraiser only', () => {
        given(opened)
          .when(recordEvaluationRealisation(I1, { by: EMPLOYEE }))
          .thenFails('NotTheAppraiser', { appraiser: APPRAISER, actor: EMPLOYEE });
      });

      it('refuses an IKI that is not in the approved plan', () => {
        const i3 = ikiId('I3');
        given(opened).when(recordEvaluationRealisation(i3)).thenFails('UnknownIki', { iki: i3 });
      });

      it('refuses a realisation without bukti dukung', () => {
        given(opened).when(recordEvaluationRealisation(I1, { evidence: [] })).thenFails('NoEvidence', { iki: I1 });
      });

      it('refuses a realisation without a value, for an untargeted aspect, negative or kualitas above 100', () => {
        given(opened).when(recordEvaluationRealisation(I1, { realised: {} })).thenFails('NoRealisedValue');
        given(opened)
          .when(recordEvaluationRealisation(I2, { realised: { kualitas: 90 } }))
          .thenFails('AspectNotTargeted', { iki: I2, aspect: 'kualitas' });
        given(opened)
          .when(recordEvaluationRealisation(I1, { realised: { kuantitas: -1 } }))
          .thenFails('RealisedValueNegative', { aspect: 'kuantitas', value: -1 });
        given(opened)
          .when(recordEvaluationRealisation(I1, { realised: { kualitas: 101 } }))
          .thenFails('KualitasAbove100', { percent: 101 });
      });
    });

    describe('behaviour feedback (360°)', () => {
      it('invites a peer of the same unit', () => {
        given(opened).when(inviteFeedback(PEER)).then([feedbackInvited(PEER)]);
      });

      it('invites a subordinate who reports to the employee', () => {
        given(opened).when(inviteFeedback(SUBORDINATE)).then([feedbackInvited(SUBORDINATE)]);
      });

      it('is invited by the appraiser only', () => {
        given(opened)
          .when(inviteFeedback(PEER, { by: EMPLOYEE }))
          .thenFails('NotTheAppraiser', { appraiser: APPRAISER, actor: EMPLOYEE });
      });

      it("refuses invitations when the tenant's policy does not use peer feedback", () => {
        given([evaluationOpened({ facts: facts({ policy: { peerFeedback: false } }) })])
          .when(inviteFeedback(PEER))
          .thenFails('PeerFeedbackDisabled');
      });

      it('never invites the evaluated employee, nor the appraiser', () => {
        given(opened).when(inviteFeedback(EMPLOYEE)).thenFails('InviteeIsEmployee', { invitee: EMPLOYEE });
        given(opened).when(inviteFeedback(APPRAISER)).thenFails('InviteeIsAppraiser', { invitee: APPRAISER });
      });

      it("refuses someone outside the evaluation's unit on the invitation date", () => {
        given(opened)
          .when(inviteFeedback(OTHER_UNIT_COLLEAGUE, { inviteeFacts: inviteeFacts({ unit: OTHER_UNIT }) }))
          .thenFails('InviteeNotInUnit', { invitee: OTHER_UNIT_COLLEAGUE, inviteeUnit: OTHER_UNIT });
        given(opened)
          .when(inviteFeedback(PEER, { inviteeFacts: inviteeFacts({ unit: null }) }))
          .thenFails('InviteeNotInUnit', { inviteeUnit: null });
      });

      it('refuses a "subordinate" who does not report to the employee', () => {
        given(opened)
          .when(inviteFeedback(PEER, { relation: 'subordinate' , inviteeFacts: inviteeFacts() }))
          .thenFails('InviteeNotSubordinate', { invitee: PEER, employee: EMPLOYEE, superior: APPRAISER });
      });

      it('invites each person once', () => {
        given(invited).when(inviteFeedback(PEER)).thenFails('AlreadyInvited', { invitee: PEER });
      });

      it('takes an invitee’s level per BerAKHLAK value, with or without a comment', () => {
        given(invited)
          .when(giveFeedback(PEER, { comment: 'Sigap melayani' }))
          .then([feedbackGiven(PEER, { comment: 'Sigap melayani' })]);
        given(invited)
          .when(giveFeedback(SUBORDINATE, { levels: levelsAll('di-atas-ekspektasi') }))
          .then([feedbackGiven(SUBORDINATE, { levels: levelsAll('di-atas-ekspektasi') })]);
      });

      it('takes feedback from invitees only, once each', () => {
        given(invited).when(giveFeedback(PEER_2)).thenFails('NotInvited', { actor: PEER_2 });
        given(invited).when(giveFeedback(EMPLOYEE)).thenFails('NotInvited', { actor: EMPLOYEE });
        given(answered).when(giveFeedback(PEER)).thenFails('FeedbackAlreadyGiven', { invitee: PEER });
      });
    });

    describe('self-evaluation', () => {
      it('records the employee’s notes', () => {
        given(opened).when(recordSelfEvaluation()).then([selfEvaluationRecorded()]);
      });

      it('is the employee’s', () => {
        given(opened)
          .when(recordSelfEvaluation('Catatan', { by: APPRAISER }))
          .thenFails('NotTheEmployee', { employee: EMPLOYEE, actor: APPRAISER });
      });

      it("is refused when the tenant's policy does not use it", () => {
        given([evaluationOpened({ facts: facts({ policy: { selfEvaluation: false } }) })])
          .when(recordSelfEvaluation())
          .thenFails('SelfEvaluationDisabled');
      });
    });

    describe('rating, rated regime (PermenPANRB 6/2022, BR-01)', () => {
      it('rates hasil kerja and perilaku with a justification; the BR-01 matrix gives the predikat', () => {
        const appraisal = ratedAppraisal('di-atas-ekspektasi', 'di-atas-ekspektasi');
        given(opened).when(rateEvaluation(appraisal)).then([evaluationRated({ appraisal })]);
        const state = stateAfter([...opened, evaluationRated({ appraisal })]);
        expect(currentResult(state)).toMatchObject({ stage: 'proposed', predikat: 'sangat-baik', label: 'Sangat Baik' });
      });

      it('records the process and effort cited (an initiative not fully achieved, still rated well)', () => {
        const appraisal = ratedAppraisal('di-atas-ekspektasi', 'sesuai-ekspektasi', {
          effortNotes: 'Inisiatif imunisasi keliling belum mencapai target, tetapi cakupan naik 20%',
        });
        given(opened).when(rateEvaluation(appraisal)).then([evaluationRated({ appraisal })]);
      });

      it('closes the invitations that were not answered, and counts the answers', () => {
        given(answered)
          .when(rateEvaluation())
          .then([evaluationRated({ closedInvitations: [SUBORDINATE], feedbackCount: 1 })]);
      });

      it('is rated by the appraiser named on the plan only', () => {
        given(opened)
          .when(rateEvaluation(ratedAppraisal(), { by: APPRAISER_SUPERIOR }))
          .thenFails('NotTheAppraiser', { appraiser: APPRAISER, actor: APPRAISER_SUPERIOR });
      });

      it('refuses numeric scores under a rated rule book', () => {
        given(opened)
          .when(rateEvaluation(numericAppraisal()))
          .thenFails('WrongRegime', { ruleBook: PERMENPANRB_6_2022_REF, expected: 'rated', given: 'numeric' });
      });
    });

    describe('rating, numeric regimes (BR-12, BR-13)', () => {
      it("builds the input from the plan's IKI targets and realisations; PP 30: 0.7·SKP + 0.3·behaviour without peers", () => {
        const input = numericInput();
        given(numericOpened())
          .when(rateEvaluation(numericAppraisal()))
          .then([evaluationRated({ appraisal: numericAppraisal(), input, ruleBook: PP_30_2019_REF })]);
        // I1: (25 + 90 + 0) / 3; I2: 0 (not realised); SKP 19.17; 0.7·19.17 + 0.3·90 = 40.42 ⇒ Sangat Kurang.
        const assessment = assessed(PP_30_2019_REF, input);
        expect(assessment.scores?.skp).toBeCloseTo(19.1667, 3);
        expect(assessment.scores?.total).toBeCloseTo(40.4167, 3);
        expect(assessment.predikat).toBe('sangat-kurang');
      });

      it("uses the evaluation's own realisation over the plan's, and 0.6/0.4 once a peer answered (BR-12)", () => {
        const history = [
          ...numericOpened(),
          feedbackInvited(PEER),
          feedbackGiven(PEER),
          evaluationRealisationRecorded(I2, { realised: { kuantitas: 4 } }),
        ];
        const input = numericInput({ i2: { kuantitas: 4 }, peerInputUsed: true });
        given(history)
          .when(rateEvaluation(numericAppraisal()))
          .then([evaluationRated({ appraisal: numericAppraisal(), input, ruleBook: PP_30_2019_REF, feedbackCount: 1 })]);
        // SKP (38.33 + 100) / 2 = 69.17; 0.6·69.17 + 0.4·90 = 77.5 ⇒ Cukup.
        const assessment = assessed(PP_30_2019_REF, input);
        expect(assessment.scores?.total).toBeCloseTo(77.5, 6);
        expect([assessment.predikat, assessment.label]).toEqual(['butuh-perbaikan', 'Cukup']);
      });

      it('assesses with the PP 46/2011 rule book when that is the one recorded', () => {
        const input = numericInput({ i2: { kuantitas: 4 } });
        given([...numericOpened(PP_46_2011_REF), evaluationRealisationRecorded(I2, { realised: { kuantitas: 4 } })])
          .when(rateEvaluation(numericAppraisal()))
          .then([evaluationRated({ appraisal: numericAppraisal(), input, ruleBook: PP_46_2011_REF })]);
      });

      it('passes on what the rule book refuses: a behaviour score above 100, levels under a numeric book', () => {
        given(numericOpened())
          .when(rateEvaluation(numericAppraisal({ behaviour: { ...scoresAll(90), loyal: 101 } })))
          .thenFails('InvalidScoreInput', { ruleBook: PP_30_2019_REF });
        given(numericOpened())
          .when(rateEvaluation(ratedAppraisal()))
          .thenFails('WrongRegime', { expected: 'numeric', given: 'rated' });
      });
    });

    it.each<[string, EvaluationCommand, EvaluationErrorTag]>([
      ['SettleEvaluation', settleEvaluation(), 'EvaluationNotRated'],
      ['DeliverEvaluation', deliverEvaluation(), 'EvaluationNotSettled'],
      ['NoteObjection', noteObjection(), 'EvaluationNotDelivered'],
      ['FinalizeEvaluation', finalizeEvaluation(), 'EvaluationNotDelivered'],
      ['ReviseEvaluation', reviseEvaluation(), 'NoObjectionPending'],
    ])('refuses %s before the rating', (_name, command, tag) => {
      given(opened).when(command).thenFails(tag, { status: 'open' });
    });
  });

  describe('when rated (proposed to the unit period)', () => {
    it('can be rated again (e.g. after the unit period refused the curve); the proposals stay in history', () => {
      const appraisal = ratedAppraisal('sesuai-ekspektasi', 'di-bawah-ekspektasi');
      given(rated).when(rateEvaluation(appraisal)).then([evaluationRated({ appraisal })]);
      const state = stateAfter([...rated, evaluationRated({ appraisal })]);
      expect(resultHistory(state).map((r) => [r.stage, r.predikat])).toEqual([
        ['proposed', 'baik'],
        ['proposed', 'kurang'],
      ]);
    });

    it('closes invitations once: a re-rating closes nothing more', () => {
      const history = [...answered, evaluationRated({ closedInvitations: [SUBORDINATE], feedbackCount: 1 })];
      given(history).when(rateEvaluation()).then([evaluationRated({ feedbackCount: 1 })]);
    });

    it('takes no more invitations, feedback, realisations or self-evaluation', () => {
      const history = [...answered, evaluationRated({ closedInvitations: [SUBORDINATE], feedbackCount: 1 })];
      given(history).when(inviteFeedback(PEER_2)).thenFails('InvitationsClosed', { status: 'rated' });
      given(history).when(giveFeedback(SUBORDINATE)).thenFails('InvitationsClosed', { status: 'rated' });
      given(history).when(recordEvaluationRealisation(I1)).thenFails('EvaluationNotOpen', { status: 'rated' });
      given(history).when(recordSelfEvaluation()).thenFails('EvaluationNotOpen', { status: 'rated' });
    });

    it('is settled by the unit period, through the system', () => {
      given(rated).when(settleEvaluation()).then([evaluationSettled()]);
    });

    it('is settled by the system only', () => {
      given(rated)
        .when(settleEvaluation({ by: APPRAISER }))
        .thenFails('NotSystem', { actor: APPRAISER, role: 'pejabat-penilai' });
    });

    it('is settled by the unit period of its unit and period, no other', () => {
      const q2 = unitPeriodIdOf(UNIT, valid(PeriodId, '2025-Q2'));
      given(rated)
        .when(settleEvaluation({ unitPeriod: q2 }))
        .thenFails('WrongUnitPeriod', { expected: UNIT_PERIOD, given: q2 });
    });

    it('refuses a settlement of a predikat other than the proposal in force (a stale settlement)', () => {
      given(rated)
        .when(settleEvaluation({ predikat: 'sangat-baik', label: 'Sangat Baik' }))
        .thenFails('SettlementMismatch', { proposed: 'baik', settled: 'sangat-baik' });
    });

    it("settles the unit head's result as the unit period computed it (BR-09: hasil kerja is the organisational result)", () => {
      const head = [evaluationOpened({ facts: facts({ roster: { isUnitHead: true } }) }), evaluationRated()];
      const settlement = {
        organisationalResult: 'istimewa',
        predikat: 'baik',
        hasilKerja: 'di-atas-ekspektasi',
        perilaku: 'sesuai-ekspektasi',
        articles: ['BR-01', 'BR-09'],
      } as const;
      given(head).when(settleEvaluation(settlement)).then([evaluationSettled(settlement)]);
      const lower = {
        organisationalResult: 'kurang',
        predikat: 'butuh-perbaikan',
        label: 'Butuh Perbaikan',
        hasilKerja: 'di-bawah-ekspektasi',
        perilaku: 'sesuai-ekspektasi',
        articles: ['BR-01', 'BR-09'],
      } as const;
      given(head).when(settleEvaluation(lower)).then([evaluationSettled(lower)]);
    });
  });

  describe('when settled', () => {
    it('keeps the settled result as the one in force', () => {
      expect(currentResult(stateAfter(settled))).toEqual(settledResult());
    });

    it('can no longer be rated, nor settled again', () => {
      given(settled).when(rateEvaluation()).thenFails('RatingClosed', { status: 'settled' });
      given(settled).when(settleEvaluation()).thenFails('EvaluationNotRated', { status: 'settled' });
    });

    it('is delivered by the appraiser; the objection window ends at the end of local day 14 (BR-10)', () => {
      given(settled).when(deliverEvaluation()).then([evaluationDelivered()]);
    });

    it("computes the deadline in the tenant's zone: WITA for Samarinda", () => {
      const wita = [evaluationOpened({ facts: facts({ policy: { timeZone: MAKASSAR } }) }), evaluationRated(), evaluationSettled()];
      const now = new Date('2025-04-10T10:00:00+08:00');
      given(wita)
        .when(deliverEvaluation({ now }))
        .then([evaluationDelivered({ now, deadline: new Date('2025-04-24T23:59:59.999+08:00') })]);
    });

    it('counts the days the policy says', () => {
      const seven = [evaluationOpened({ facts: facts({ policy: { objectionWindow: { days: 7, kind: 'calendar' } } }) }), evaluationRated(), evaluationSettled()];
      given(seven)
        .when(deliverEvaluation())
        .then([evaluationDelivered({ days: 7, deadline: new Date('2025-04-17T23:59:59.999+07:00') })]);
    });

    it('is delivered by the appraiser only', () => {
      given(settled).when(deliverEvaluation({ by: EMPLOYEE })).thenFails('NotTheAppraiser', { actor: EMPLOYEE });
    });
  });

  describe('when delivered', () => {
    it('cannot be delivered twice', () => {
      given(delivered).when(deliverEvaluation()).thenFails('EvaluationNotSettled', { status: 'delivered' });
    });

    it('notes an objection on day 14, up to 23:59:59.999 local time (BR-10)', () => {
      given(delivered).when(noteObjection({ now: DEADLINE })).then([evaluationObjected({ now: DEADLINE })]);
    });

    it('refuses an objection on day 15 (BR-10)', () => {
      given(delivered).when(noteObjection({ now: AFTER_WINDOW })).thenFails('ObjectionWindowClosed', { deadline: DEADLINE });
    });

    it('notes objections from the system only (the objection aggregate sends them)', () => {
      given(delivered)
        .when(noteObjection({ by: EMPLOYEE }))
        .thenFails('NotSystem', { actor: EMPLOYEE, role: 'pegawai' });
    });

    it('becomes final once the window has passed', () => {
      given(delivered).when(finalizeEvaluation()).then([evaluationFinalized('window-passed')]);
      given(delivered)
        .when(finalizeEvaluation(undefined, { by: OPERATOR }))
        .then([evaluationFinalized('window-passed', { by: OPERATOR })]);
    });

    it('refuses to become final while the window is open', () => {
      given(delivered)
        .when(finalizeEvaluation(undefined, { now: DEADLINE }))
        .thenFails('ObjectionWindowOpen', { deadline: DEADLINE });
    });

    it('is finalized by the system or an operator only', () => {
      given(delivered)
        .when(finalizeEvaluation(undefined, { by: APPRAISER }))
        .thenFails('NotAllowedToFinalize', { actor: APPRAISER, role: 'pejabat-penilai' });
    });

    it('has no objection outcome to finalize with', () => {
      given(delivered).when(finalizeEvaluation('rejected')).thenFails('NoObjectionPending', { status: 'delivered' });
      given(delivered).when(reviseEvaluation()).thenFails('NoObjectionPending', { status: 'delivered' });
    });
  });

  describe('when objected', () => {
    it('refuses a second objection (BR-11)', () => {
      given(objected)
        .when(noteObjection({ objection: 'keberatan-2025-0002' }))
        .thenFails('ObjectionAlreadyFiled', { objection: OBJECTION });
    });

    it('becomes final when the objection is rejected or withdrawn', () => {
      given(objected).when(finalizeEvaluation('rejected')).then([evaluationFinalized('objection-rejected')]);
      given(objected).when(finalizeEvaluation('withdrawn')).then([evaluationFinalized('objection-withdrawn')]);
    });

    it('waits for the objection’s outcome', () => {
      given(objected).when(finalizeEvaluation()).thenFails('ObjectionOutcomeMissing', { objection: OBJECTION });
    });

    it('is revised after an upheld objection, by the recorded rule book, keeping the settled result as previous', () => {
      given(objected).when(reviseEvaluation()).then([evaluationRevised()]);
      given(objected)
        .when(reviseEvaluation(undefined, { outcome: 'partly-upheld' }))
        .then([evaluationRevised({ outcome: 'partly-upheld' })]);
    });

    it('recomputes the consequences of the revised predikat from the policy recorded at opening (BR-24, BR-25)', () => {
      const fungsional = [
        evaluationOpened({ facts: facts({ roster: { jenjang: 'ahli-muda' } }) }),
        evaluationRated(),
        evaluationSettled(),
        evaluationDelivered(),
        evaluationObjected(),
      ];
      const result = evaluationDecider.decide(reviseEvaluation(), stateAfter(fungsional));
      const revisedEvent = isRight(result) ? result.right[0] : undefined;
      // Sangat Baik in Ahli Muda for one quarter, pro rata: 1.5 × 25 × 3 / 12 = 9.375.
      expect(revisedEvent?.type === 'EvaluationRevised' && revisedEvent.data.consequences).toEqual({
        angkaKredit: { jenjang: 'ahli-muda', predikat: 'sangat-baik', share: 1.5, coefficient: 25, months: 3, credits: 9.375 },
        allowancePercent: 100,
        promotionEligible: true,
        articles: ['BR-24', 'Peraturan BKN 3/2023', 'BR-25'],
      });
    });

    it("keeps the unit head's hasil kerja at the organisational result's (BR-09) when revising", () => {
      const settlement = { organisationalResult: 'istimewa', hasilKerja: 'di-atas-ekspektasi', articles: ['BR-01', 'BR-09'] } as const;
      const head = [
        evaluationOpened({ facts: facts({ roster: { isUnitHead: true } }) }),
        evaluationRated(),
        evaluationSettled(settlement),
        evaluationDelivered(),
        evaluationObjected(),
      ];
      const appraisal = ratedAppraisal('sesuai-ekspektasi', 'di-atas-ekspektasi');
      const input = { regime: 'rated', hasilKerja: 'di-atas-ekspektasi', perilaku: 'di-atas-ekspektasi' } as const;
      const consequences = consequencesFor('sangat-baik');
      given(head)
        .when(reviseEvaluation(appraisal))
        .then([
          evaluationRevised({
            appraisal,
            input,
            previous: settledResult(settlement),
            articles: ['BR-01', 'PermenPANRB 6/2022', 'BR-09', 'BR-11', 'BR-25'],
            consequences,
          }),
        ]);
    });

    it('is revised for the pending objection only, through the system', () => {
      given(objected)
        .when(reviseEvaluation(undefined, { objection: 'keberatan-lain' }))
        .thenFails('WrongObjection', { objection: OBJECTION, given: 'keberatan-lain' });
      given(objected).when(reviseEvaluation(undefined, { by: APPRAISER_SUPERIOR })).thenFails('NotSystem');
    });

    it('refuses a revised rating in another regime than the recorded rule book', () => {
      given(objected).when(reviseEvaluation(numericAppraisal())).thenFails('WrongRegime');
    });
  });

  describe('when final', () => {
    it.each<[string, EvaluationCommand]>([
      ['OpenEvaluation', openEvaluation()],
      ['RecordEvaluationRealisation', recordEvaluationRealisation(I1)],
      ['InviteFeedback', inviteFeedback(PEER)],
      ['GiveFeedback', giveFeedback(PEER)],
      ['RecordSelfEvaluation', recordSelfEvaluation()],
      ['RateEvaluation', rateEvaluation()],
      ['SettleEvaluation', settleEvaluation()],
      ['DeliverEvaluation', deliverEvaluation()],
      ['NoteObjection', noteObjection()],
      ['FinalizeEvaluation', finalizeEvaluation()],
      ['ReviseEvaluation', reviseEvaluation()],
    ])('refuses %s', (_name, command) => {
      given(final).when(command).thenFails('EvaluationFinal', { evaluation: EVALUATION, finalizedAt: AFTER_WINDOW });
      given(revised).when(command).thenFails('EvaluationFinal', { finalizedAt: DECIDED_AT });
    });

    it('keeps the old result in history after a revision (BR-11)', () => {
      const state = stateAfter(revised);
      expect(resultHistory(state).map((r) => [r.stage, r.predikat])).toEqual([
        ['proposed', 'baik'],
        ['settled', 'baik'],
        ['revised', 'sangat-baik'],
      ]);
      expect(currentResult(state)).toMatchObject({ stage: 'revised', predikat: 'sangat-baik', decidedBy: APPRAISER_SUPERIOR });
      expect(evaluationDecider.isTerminal?.(state)).toBe(true);
    });
  });

  describe('what each reader sees of the feedback', () => {
    const history = [
      ...opened,
      feedbackInvited(PEER),
      feedbackInvited(PEER_2),
      feedbackInvited(SUBORDINATE),
      feedbackGiven(PEER, { comment: 'Sigap melayani', levels: { ...levelsAll('sesuai-ekspektasi'), loyal: 'di-atas-ekspektasi' } }),
      feedbackGiven(SUBORDINATE, { comment: 'Arahan jelas', levels: levelsAll('di-atas-ekspektasi') }),
    ];

    it('the employee: counts per value and level, and comments, without who gave them', () => {
      const summary = feedbackSummary(stateAfter(history));
      expect(summary.invited).toBe(3);
      expect(summary.answered).toBe(2);
      expect(summary.perValue.loyal).toEqual({ 'di-bawah-ekspektasi': 0, 'sesuai-ekspektasi': 0, 'di-atas-ekspektasi': 2 });
      expect(summary.perValue.akuntabel).toEqual({ 'di-bawah-ekspektasi': 0, 'sesuai-ekspektasi': 1, 'di-atas-ekspektasi': 1 });
      expect(summary.comments).toEqual(['Arahan jelas', 'Sigap melayani']);
      const shown = JSON.stringify(summary);
      for (const nip of [PEER, PEER_2, SUBORDINATE] as ReadonlyArray<Nip>) expect(shown).not.toContain(nip);
    });

    it('an auditor: who was invited, who answered what, whose invitation closed unanswered', () => {
      const detail = feedbackDetail(stateAfter([...history, evaluationRated({ closedInvitations: [PEER_2], feedbackCount: 2 })]));
      expect(detail.map((d) => [d.invitee, d.relation, d.answer?.comment ?? null, d.closedAt])).toEqual([
        [PEER, 'peer', 'Sigap melayani', null],
        [PEER_2, 'peer', null, new Date('2025-04-07T10:00:00+07:00')],
        [SUBORDINATE, 'subordinate', 'Arahan jelas', null],
      ]);
    });

    it('nothing before the evaluation is opened', () => {
      expect(feedbackSummary(stateAfter([])).answered).toBe(0);
      expect(feedbackDetail(stateAfter([]))).toEqual([]);
      expect(currentResult(stateAfter([]))).toBeUndefined();
    });
  });

  describe('evolve', () => {
    it('ignores events that do not fit the state (a replay never throws)', () => {
      const state = stateAfter(opened);
      const ignored: ReadonlyArray<EvaluationEvent> = [
        evaluationOpened(),
        feedbackGiven(PEER),
        evaluationSettled(),
        evaluationDelivered(),
        evaluationObjected(),
        evaluationFinalized('objection-rejected'),
        evaluationRevised(),
        evaluationRealisationRecorded(ikiId('I9')),
      ];
      for (const event of ignored) expect(evaluationDecider.evolve(state, event)).toEqual(state);
      const unknown = { type: 'EvaluationTeleported', data: {} } as unknown as EvaluationEvent;
      expect(evaluationDecider.evolve(state, unknown)).toBe(state);
    });

    it('does not finalize an objected evaluation on "window passed"', () => {
      const state = stateAfter(objected);
      expect(evaluationDecider.evolve(state, evaluationFinalized('window-passed'))).toBe(state);
    });
  });

  describe('codecs at the edge', () => {
    it('accepts an open request without facts, and refuses one that carries them (the engine fills them in)', () => {
      const request = { evaluation: EVALUATION, kind: 'periodic', period: Q1, periodStart: Q1_START.toISOString(), periodEnd: Q1_END.toISOString() };
      expect(isRight(OpenEvaluationRequestCodec.decode(request))).toBe(true);
      expect(isLeft(OpenEvaluationRequestCodec.decode({ ...request, facts: facts() }))).toBe(true);
      expect(isRight(OpenEvaluationCodec.decode(OpenEvaluationCodec.encode(openEvaluation())))).toBe(true);
    });

    it('accepts an invitation request without roster facts, and refuses one that carries them', () => {
      const request = { evaluation: EVALUATION, invitee: PEER, relation: 'peer' };
      expect(isRight(InviteFeedbackRequestCodec.decode(request))).toBe(true);
      expect(isLeft(InviteFeedbackRequestCodec.decode({ ...request, inviteeFacts: inviteeFacts() }))).toBe(true);
    });

    it('requires a level for all seven BerAKHLAK values, one of the three of BR-02', () => {
      const wire = GiveFeedbackCodec.encode(giveFeedback(PEER)) as { data: { levels: Record<string, string> } };
      const { loyal: _loyal, ...six } = wire.data.levels;
      expect(isLeft(GiveFeedbackCodec.decode({ ...wire, data: { ...wire.data, levels: six } }))).toBe(true);
      expect(
        isLeft(GiveFeedbackCodec.decode({ ...wire, data: { ...wire.data, levels: { ...wire.data.levels, loyal: 'istimewa' } } })),
      ).toBe(true);
    });

    it('decodes a rating by its regime, naming the regimes it knows', () => {
      const wire = RateEvaluationCodec.encode(rateEvaluation()) as { data: object };
      const result = RateEvaluationCodec.decode({ ...wire, data: { ...wire.data, regime: 'holistic' } });
      expect(isLeft(result) && result.left[0]?.message).toMatch(/rated, numeric/);
    });
  });

  it('specifies every refusal and every command', () => {
    const tags: Record<EvaluationErrorTag, null> = {
      EvaluationNotOpened: null,
      EvaluationAlreadyOpened: null,
      EvaluationFinal: null,
      WrongEvaluation: null,
      EvaluationIdMismatch: null,
      PlanNotApproved: null,
      PeriodNotOfKind: null,
      PeriodOutsidePlanYear: null,
      PeriodEndNotAfterStart: null,
      WorkingDayWindowUnsupported: null,
      NotAllowedToOpen: null,
      NotTheAppraiser: null,
      NotTheEmployee: null,
      NotInvited: null,
      NotSystem: null,
      NotAllowedToFinalize: null,
      EvaluationNotOpen: null,
      InvitationsClosed: null,
      RatingClosed: null,
      EvaluationNotRated: null,
      EvaluationNotSettled: null,
      EvaluationNotDelivered: null,
      NoObjectionPending: null,
      UnknownIki: null,
      NoEvidence: null,
      NoRealisedValue: null,
      AspectNotTargeted: null,
      RealisedValueNegative: null,
      KualitasAbove100: null,
      PeerFeedbackDisabled: null,
      SelfEvaluationDisabled: null,
      InviteeIsEmployee: null,
      InviteeIsAppraiser: null,
      InviteeNotInUnit: null,
      InviteeNotSubordinate: null,
      AlreadyInvited: null,
      FeedbackAlreadyGiven: null,
      WrongUnitPeriod: null,
      SettlementMismatch: null,
      ObjectionWindowClosed: null,
      ObjectionWindowOpen: null,
      ObjectionAlreadyFiled: null,
      ObjectionOutcomeMissing: null,
      WrongObjection: null,
      UnknownRuleBook: null,
      WrongRegime: null,
      InvalidScoreInput: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag as EvaluationErrorTag))).toEqual([]);
    expect(Object.keys(evaluationCommandCodecs).filter((type) => !successesSeen.has(type as EvaluationCommand['type']))).toEqual(
      [],
    );
  });
});
