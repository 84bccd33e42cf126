import { isLeft, isRight } from 'fp-ts/Either';
import { decodeWith, PeriodId, planIdOf, replay, TenantId, UnitId, type PlanId } from '../core';
import {
  AddIkiCodec,
  DraftPlanCodec,
  DraftPlanRequestCodec,
  planCommandCodecs,
  PlanCommandCodec,
  PlanEventCodec,
} from './codecs';
import { planDecider, type PlanCommand } from './decide';
import { describePlanError, type PlanErrorTag } from './errors';
import { evolve, initialState, planStreamId, type PlanEvent, type PlanState } from './plan';
import {
  addIki,
  addRhk,
  AFTER_END,
  amendmentStarted,
  APPRAISER,
  APPRAISER_PLAN,
  APPRAISER_SUPERIOR,
  approvePlan,
  changeIki,
  changeRhk,
  clearLeaderExpectation,
  closePlan,
  DRAFT_DAY,
  draftPlan,
  DURING,
  EMPLOYEE,
  feedbackRecorded,
  histories,
  I1,
  I2,
  ikiAdded,
  ikiChanged,
  ikiId,
  ikiRemoved,
  leaderExpectationCleared,
  leaderExpectationSet,
  OTHER_PLAN,
  OUTSIDER,
  PERIOD_END,
  PERIOD_START,
  PLAN,
  planApproved,
  planClosed,
  planDrafted,
  planReturned,
  planSubmitted,
  R1,
  R2,
  realisationRecorded,
  recordFeedback,
  recordRealisation,
  removeIki,
  removeRhk,
  returnPlan,
  rhkAdded,
  rhkChanged,
  rhkRemoved,
  ROSTER,
  setLeaderExpectation,
  startAmendment,
  submitPlan,
  TARGETS,
  UNIT,
  valid,
} from './plan.testkit';
import { coverageSpecFor } from '../testing/decider.testkit';

// Every refusal tag and every command's success must be specified below; the last test checks it.
const { given, refusalsSeen, successesSeen } = coverageSpecFor(planDecider, describePlanError);

const stateAfter = (events: ReadonlyArray<PlanEvent>): PlanState => replay(planDecider, events);

const { drafted, measured, submitted, approved, amending, closed } = histories;
const returned: ReadonlyArray<PlanEvent> = [...submitted, planReturned()];

describe('plan (SKP)', () => {
  it('has one stream per tenant and plan, category first', () => {
    expect(planStreamId(valid(TenantId, 'surabaya'), PLAN)).toBe('plan-surabaya.198503152010011002.2025');
  });

  describe('before it is drafted', () => {
    it('drafts the plan, keeping the roster facts it was checked against', () => {
      given([]).when(draftPlan()).then([planDrafted()]);
    });

    it('drafts a plan with the kualitatif approach', () => {
      given([]).when(draftPlan({ approach: 'kualitatif' })).then([planDrafted({ approach: 'kualitatif' })]);
    });

    it.each<[string, PlanCommand]>([
      ['AddRhk', addRhk(R1)],
      ['SubmitPlan', submitPlan()],
      ['RecordFeedback', recordFeedback()],
      ['ClosePlan', closePlan()],
    ])('refuses %s: there is no plan yet', (_name, command) => {
      given([]).when(command).thenFails('PlanNotDrafted', { plan: PLAN });
    });

    it('is drafted by the employee only', () => {
      given([]).when(draftPlan({ by: APPRAISER })).thenFails('NotTheEmployee', { employee: EMPLOYEE, actor: APPRAISER });
    });

    it('refuses a plan id that is not <employee nip>.<period>', () => {
      given([]).when(draftPlan({ plan: OTHER_PLAN })).thenFails('PlanIdMismatch', { expected: PLAN, given: OTHER_PLAN });
    });

    it('refuses a period that does not end after it starts', () => {
      given([])
        .when(draftPlan({ periodEnd: PERIOD_START }))
        .thenFails('PeriodEndNotAfterStart', { periodStart: PERIOD_START, periodEnd: PERIOD_START });
    });

    it('refuses a plan for a period that is already over', () => {
      given([]).when(draftPlan({ now: AFTER_END })).thenFails('PeriodEnded', { periodEnd: PERIOD_END });
    });

    it('refuses a header where one person holds two roles', () => {
      given([])
        .when(draftPlan({ appraiserSuperior: APPRAISER, roster: { ...ROSTER, appraiserSuperior: APPRAISER } }))
        .thenFails('HeaderNipsNotDistinct', { employee: EMPLOYEE, appraiser: APPRAISER, appraiserSuperior: APPRAISER });
    });

    it("refuses an appraiser who is not the employee's superior in the roster on the draft date", () => {
      given([])
        .when(draftPlan({ appraiser: OUTSIDER }))
        .thenFails('AppraiserNotSuperior', { expected: APPRAISER, given: OUTSIDER, asOf: DRAFT_DAY });
    });

    it('refuses any appraiser when the roster has no superior for the employee', () => {
      given([])
        .when(draftPlan({ roster: { ...ROSTER, employeeSuperior: null } }))
        .thenFails('AppraiserNotSuperior', { expected: null, given: APPRAISER });
    });

    it("refuses an appraiser's superior other than the roster's", () => {
      given([])
        .when(draftPlan({ roster: { ...ROSTER, appraiserSuperior: OUTSIDER } }))
        .thenFails('AppraiserSuperiorMismatch', { expected: OUTSIDER, given: APPRAISER_SUPERIOR, asOf: DRAFT_DAY });
    });

    it("refuses a unit other than the employee's unit in the roster", () => {
      const pendidikan = valid(UnitId, 'dinas-pendidikan');
      given([])
        .when(draftPlan({ unit: pendidikan }))
        .thenFails('UnitMismatch', { expected: UNIT, given: pendidikan, asOf: DRAFT_DAY });
    });
  });

  describe('when drafted', () => {
    it('is drafted once', () => {
      given(drafted).when(draftPlan()).thenFails('PlanAlreadyDrafted', { plan: PLAN });
    });

    it('refuses a command for another plan (routed to the wrong stream)', () => {
      const command = addRhk(R1);
      given(drafted)
        .when({ ...command, data: { ...command.data, plan: OTHER_PLAN } })
        .thenFails('WrongPlan', { plan: PLAN, given: OTHER_PLAN });
    });

    describe('RHK', () => {
      it('adds an RHK utama', () => {
        given(drafted).when(addRhk(R1)).then([rhkAdded(R1)]);
      });

      it("adds an RHK tambahan that intervenes in an RHK of the appraiser's plan", () => {
        const intervenesIn = { plan: APPRAISER_PLAN, rhk: R2 };
        given(drafted)
          .when(addRhk(R1, { kind: 'tambahan', intervenesIn }))
          .then([rhkAdded(R1, { kind: 'tambahan', intervenesIn })]);
      });

      it('is edited by the employee only', () => {
        given(drafted)
          .when(addRhk(R1, { by: APPRAISER }))
          .thenFails('NotTheEmployee', { employee: EMPLOYEE, actor: APPRAISER });
      });

      it('refuses a second RHK with the same id', () => {
        given([...drafted, rhkAdded(R1)]).when(addRhk(R1)).thenFails('DuplicateRhk', { rhk: R1 });
      });

      it.each<[string, PlanId]>([
        ["someone else's plan", OTHER_PLAN],
        ["the appraiser's plan of another year", planIdOf(APPRAISER, valid(PeriodId, '2024'))],
      ])('refuses an intervention in %s', (_what, plan) => {
        given(drafted)
          .when(addRhk(R1, { intervenesIn: { plan, rhk: R1 } }))
          .thenFails('InterventionNotInAppraiserPlan', { appraiser: APPRAISER, given: { plan, rhk: R1 } });
      });

      it('changes an RHK', () => {
        const intervenesIn = { plan: planIdOf(APPRAISER, valid(PeriodId, '2025-S1')), rhk: R2 };
        given([...drafted, rhkAdded(R1)])
          .when(changeRhk(R1, { kind: 'tambahan', description: 'Laporan imunisasi', intervenesIn }))
          .then([rhkChanged(R1, { kind: 'tambahan', description: 'Laporan imunisasi', intervenesIn })]);
      });

      it('stops an intervention when the change leaves it out', () => {
        const intervenesIn = { plan: APPRAISER_PLAN, rhk: R2 };
        given([...drafted, rhkAdded(R1, { intervenesIn })]).when(changeRhk(R1)).then([rhkChanged(R1)]);
      });

      it('changes nothing when the RHK already reads as asked', () => {
        given([...drafted, rhkAdded(R1)]).when(changeRhk(R1)).thenNothingHappened();
      });

      it('refuses to change an unknown RHK', () => {
        given(drafted).when(changeRhk(R1)).thenFails('UnknownRhk', { rhk: R1 });
      });

      it('refuses to change an RHK to intervene outside the appraiser plan', () => {
        given([...drafted, rhkAdded(R1)])
          .when(changeRhk(R1, { intervenesIn: { plan: OTHER_PLAN, rhk: R1 } }))
          .thenFails('InterventionNotInAppraiserPlan');
      });

      it('removes an RHK with its IKI', () => {
        given([...measured, ikiAdded(R1, I2)]).when(removeRhk(R1)).then([rhkRemoved(R1, [I1, I2])]);
        expect(stateAfter([...measured, rhkRemoved(R1, [I1])])).toMatchObject({ status: 'draft', rhk: [] });
      });

      it('refuses to remove an unknown RHK', () => {
        given(drafted).when(removeRhk(R1)).thenFails('UnknownRhk', { rhk: R1 });
      });
    });

    describe('IKI', () => {
      const withRhk = [...drafted, rhkAdded(R1)];

      it('adds an IKI with targets', () => {
        given(withRhk).when(addIki(R1, I1)).then([ikiAdded(R1, I1)]);
      });

      it('adds an IKI with a biaya target only', () => {
        const targets = { biaya: { rupiah: 25_000_000 } };
        given(withRhk).when(addIki(R1, I1, { targets })).then([ikiAdded(R1, I1, { targets })]);
      });

      it('refuses an IKI for an unknown RHK', () => {
        given(drafted).when(addIki(R1, I1)).thenFails('UnknownRhk', { rhk: R1 });
      });

      it('refuses an IKI id already used in the plan, under any RHK', () => {
        given([...measured, rhkAdded(R2)]).when(addIki(R2, I1)).thenFails('DuplicateIki', { iki: I1 });
      });

      it('refuses an IKI without any target', () => {
        given(withRhk).when(addIki(R1, I1, { targets: {} })).thenFails('IkiWithoutTarget', { iki: I1 });
      });

      it.each([
        ['kuantitas', { kuantitas: { value: 0, unit: 'laporan' } }, 0],
        ['kualitas', { kualitas: { percent: -5 } }, -5],
        ['waktu', { waktu: { value: -1, unit: 'hari' as const } }, -1],
        ['biaya', { biaya: { rupiah: 0 } }, 0],
      ] as const)('refuses a %s target that is not above zero', (aspect, targets, value) => {
        given(withRhk).when(addIki(R1, I1, { targets })).thenFails('TargetNotPositive', { iki: I1, aspect, value });
      });

      it('refuses a kualitas target above 100 %', () => {
        given(withRhk)
          .when(addIki(R1, I1, { targets: { kualitas: { percent: 101 } } }))
          .thenFails('KualitasAbove100', { iki: I1, percent: 101 });
      });

      it('is edited by the employee only', () => {
        given(withRhk).when(addIki(R1, I1, { by: OUTSIDER })).thenFails('NotTheEmployee', { actor: OUTSIDER });
      });

      it('changes an IKI, naming its RHK in the event', () => {
        const targets = { ...TARGETS, waktu: { value: 250, unit: 'hari' as const } };
        given(measured)
          .when(changeIki(I1, { description: 'Dokumen terbit ≤ 1 hari', targets }))
          .then([ikiChanged(R1, I1, { description: 'Dokumen terbit ≤ 1 hari', targets })]);
      });

      it('changes nothing when the IKI already reads as asked', () => {
        given(measured).when(changeIki(I1)).thenNothingHappened();
      });

      it('refuses to change an unknown IKI', () => {
        given(measured).when(changeIki(I2)).thenFails('UnknownIki', { iki: I2 });
      });

      it('refuses a change that leaves a target at zero', () => {
        given(measured)
          .when(changeIki(I1, { targets: { kuantitas: { value: 0, unit: 'laporan' } } }))
          .thenFails('TargetNotPositive', { aspect: 'kuantitas' });
      });

      it('removes an IKI', () => {
        given(measured).when(removeIki(I1)).then([ikiRemoved(R1, I1)]);
      });

      it('refuses to remove an unknown IKI', () => {
        given(measured).when(removeIki(I2)).thenFails('UnknownIki', { iki: I2 });
      });
    });

    describe('behaviour expectations (BerAKHLAK)', () => {
      it('lets the appraiser set an ekspektasi khusus pimpinan for a core value', () => {
        given(drafted)
          .when(setLeaderExpectation('berorientasi-pelayanan', 'Menanggapi aduan ≤ 2×24 jam'))
          .then([leaderExpectationSet('berorientasi-pelayanan', 'Menanggapi aduan ≤ 2×24 jam')]);
      });

      it('changes nothing when the same expectation is set again', () => {
        given([...drafted, leaderExpectationSet('akuntabel', 'Laporan tepat waktu')])
          .when(setLeaderExpectation('akuntabel', 'Laporan tepat waktu'))
          .thenNothingHappened();
      });

      it('replaces an expectation with a new text', () => {
        given([...drafted, leaderExpectationSet('akuntabel', 'Laporan tepat waktu')])
          .when(setLeaderExpectation('akuntabel', 'Laporan lengkap'))
          .then([leaderExpectationSet('akuntabel', 'Laporan lengkap')]);
      });

      it('is the appraiser’s only', () => {
        given(drafted)
          .when(setLeaderExpectation('loyal', 'x', { by: EMPLOYEE }))
          .thenFails('NotTheAppraiser', { appraiser: APPRAISER, actor: EMPLOYEE });
      });

      it('clears an expectation', () => {
        given([...drafted, leaderExpectationSet('adaptif', 'Cepat belajar aplikasi baru')])
          .when(clearLeaderExpectation('adaptif'))
          .then([leaderExpectationCleared('adaptif')]);
      });

      it('changes nothing when clearing an expectation that is not set', () => {
        given(drafted).when(clearLeaderExpectation('adaptif')).thenNothingHappened();
      });

      it('keeps the expectations in the state', () => {
        const state = stateAfter([
          ...drafted,
          leaderExpectationSet('harmonis', 'A'),
          leaderExpectationSet('kompeten', 'B'),
          leaderExpectationCleared('harmonis'),
        ]);
        expect(state).toMatchObject({ expectations: { kompeten: 'B' } });
        expect(state.status !== 'empty' && 'harmonis' in state.expectations).toBe(false);
      });
    });

    describe('submit', () => {
      it('submits a plan with an RHK utama that has an IKI', () => {
        given(measured).when(submitPlan()).then([planSubmitted()]);
      });

      it('is submitted by the employee only', () => {
        given(measured).when(submitPlan({ by: APPRAISER })).thenFails('NotTheEmployee');
      });

      it.each<[string, ReadonlyArray<PlanEvent>]>([
        ['no RHK', drafted],
        ['an RHK utama without IKI', [...drafted, rhkAdded(R1)]],
        ['only an RHK tambahan with an IKI', [...drafted, rhkAdded(R2, { kind: 'tambahan' }), ikiAdded(R2, I1)]],
      ])('refuses a plan with %s', (_what, history) => {
        given(history).when(submitPlan()).thenFails('NoRhkUtamaWithIki');
      });

      it('refuses a plan with an RHK that has no IKI', () => {
        given([...measured, rhkAdded(R2, { kind: 'tambahan' })]).when(submitPlan()).thenFails('RhkWithoutIki', { rhk: R2 });
      });
    });

    it.each<[string, PlanCommand]>([
      ['ApprovePlan', approvePlan()],
      ['ReturnPlan', returnPlan()],
    ])('refuses %s: not submitted', (_name, command) => {
      given(measured).when(command).thenFails('PlanNotSubmitted', { status: 'draft' });
    });

    it('refuses an amendment: nothing approved to amend', () => {
      given(measured).when(startAmendment()).thenFails('PlanNotApproved', { status: 'draft' });
    });

    it('refuses a realisation before the first approval', () => {
      given(measured).when(recordRealisation(I1)).thenFails('RealisationBeforeApproval', { status: 'draft' });
    });

    it('records coaching notes from the employee', () => {
      given(drafted)
        .when(recordFeedback('coaching', 'Minta bimbingan penyusunan IKI', { by: EMPLOYEE }))
        .then([feedbackRecorded('coaching', 'Minta bimbingan penyusunan IKI', { by: EMPLOYEE })]);
    });

    it('refuses feedback from someone outside the plan', () => {
      given(drafted)
        .when(recordFeedback('feedback', 'Bagus', { by: OUTSIDER }))
        .thenFails('NotAParticipant', { employee: EMPLOYEE, appraiser: APPRAISER, actor: OUTSIDER });
    });

    it('is closed as a draft at period end, never approved', () => {
      given(measured).when(closePlan({ by: EMPLOYEE })).then([planClosed('draft', 0, { by: EMPLOYEE })]);
    });

    it('is not closed before its period ends', () => {
      given(measured).when(closePlan({ now: DURING })).thenFails('PeriodNotEnded', { periodEnd: PERIOD_END });
    });
  });

  describe('when submitted', () => {
    it.each<[string, PlanCommand]>([
      ['AddRhk', addRhk(R2)],
      ['ChangeRhk', changeRhk(R1, { description: 'baru' })],
      ['RemoveRhk', removeRhk(R1)],
      ['AddIki', addIki(R1, I2)],
      ['ChangeIki', changeIki(I1, { description: 'baru' })],
      ['RemoveIki', removeIki(I1)],
      ['SubmitPlan', submitPlan()],
    ])('refuses %s: the plan waits for the appraiser', (_name, command) => {
      given(submitted).when(command).thenFails('PlanNotEditable', { status: 'submitted' });
    });

    it('still takes the appraiser’s expectations', () => {
      given(submitted)
        .when(setLeaderExpectation('kolaboratif', 'Aktif di tim lintas bidang'))
        .then([leaderExpectationSet('kolaboratif', 'Aktif di tim lintas bidang')]);
    });

    it('is approved by the appraiser as revision 1', () => {
      given(submitted).when(approvePlan()).then([planApproved(1)]);
    });

    it.each([
      ['the employee', EMPLOYEE],
      ["the appraiser's superior", APPRAISER_SUPERIOR],
    ])('is not approved by %s', (_who, nip) => {
      given(submitted).when(approvePlan({ by: nip })).thenFails('NotTheAppraiser', { appraiser: APPRAISER, actor: nip });
    });

    it('is returned with reasons', () => {
      const reasons = ['Target kuantitas terlalu rendah', 'Tambahkan IKI waktu'];
      given(submitted).when(returnPlan(reasons)).then([planReturned(reasons)]);
    });

    it('is not returned without a reason', () => {
      given(submitted).when(returnPlan([])).thenFails('NoReturnReason');
    });

    it('is returned by the appraiser only', () => {
      given(submitted).when(returnPlan(undefined, { by: EMPLOYEE })).thenFails('NotTheAppraiser');
    });

    it('is closed as submitted at period end', () => {
      given(submitted).when(closePlan()).then([planClosed('submitted', 0)]);
    });
  });

  describe('when returned', () => {
    it('is editable again, and keeps the reasons', () => {
      given(returned).when(addIki(R1, I2)).then([ikiAdded(R1, I2)]);
      const lastReturn = { reasons: ['Target kuantitas terlalu rendah'], returnedBy: APPRAISER };
      expect(stateAfter(returned)).toMatchObject({ status: 'draft', lastReturn });
      expect(stateAfter([...returned, ikiAdded(R1, I2), planSubmitted()])).toMatchObject({ status: 'submitted', lastReturn });
    });

    it('is submitted again', () => {
      given(returned).when(submitPlan()).then([planSubmitted()]);
    });
  });

  describe('when approved', () => {
    it.each<[string, PlanCommand]>([
      ['AddRhk', addRhk(R2)],
      ['ChangeIki', changeIki(I1, { description: 'baru' })],
      ['SubmitPlan', submitPlan()],
      ['SetLeaderExpectation', setLeaderExpectation('loyal', 'x')],
      ['ClearLeaderExpectation', clearLeaderExpectation('loyal')],
    ])('refuses %s: amend first', (_name, command) => {
      given(approved).when(command).thenFails('PlanNotEditable', { status: 'approved' });
    });

    it('is not approved twice', () => {
      given(approved).when(approvePlan()).thenFails('PlanNotSubmitted', { status: 'approved' });
    });

    describe('realisation', () => {
      it('is recorded by the employee against the approved revision, with bukti dukung', () => {
        given(approved).when(recordRealisation(I1)).then([realisationRecorded(R1, I1)]);
      });

      it('is recorded by the appraiser, with evidence that has no description', () => {
        const evidence = [{ ref: 'SPJ-2025-06-001' }];
        given(approved)
          .when(recordRealisation(I1, { by: APPRAISER, evidence, realised: { waktu: 0 } }))
          .then([realisationRecorded(R1, I1, { by: APPRAISER, evidence, realised: { waktu: 0 } })]);
      });

      it('is not recorded by someone outside the plan', () => {
        given(approved).when(recordRealisation(I1, { by: OUTSIDER })).thenFails('NotAParticipant', { actor: OUTSIDER });
      });

      it('refuses an unknown IKI', () => {
        given(approved).when(recordRealisation(I2)).thenFails('UnknownIki', { iki: I2 });
      });

      it('needs at least one bukti dukung', () => {
        given(approved).when(recordRealisation(I1, { evidence: [] })).thenFails('NoEvidence', { iki: I1 });
      });

      it('needs at least one realised value', () => {
        given(approved).when(recordRealisation(I1, { realised: {} })).thenFails('NoRealisedValue', { iki: I1 });
      });

      it('refuses a value for an aspect the IKI has no target for', () => {
        given(approved)
          .when(recordRealisation(I1, { realised: { kuantitas: 3, biaya: 1_000_000 } }))
          .thenFails('AspectNotTargeted', { iki: I1, aspect: 'biaya' });
      });

      it('refuses a negative value', () => {
        given(approved)
          .when(recordRealisation(I1, { realised: { kuantitas: -2 } }))
          .thenFails('RealisedValueNegative', { iki: I1, aspect: 'kuantitas', value: -2 });
      });

      it('refuses a kualitas above 100 %', () => {
        given(approved)
          .when(recordRealisation(I1, { realised: { kualitas: 120 } }))
          .thenFails('KualitasAbove100', { iki: I1, percent: 120 });
      });
    });

    it('records feedback from the appraiser', () => {
      given(approved).when(recordFeedback()).then([feedbackRecorded()]);
    });

    describe('amendment', () => {
      it('is started by the employee with a reason', () => {
        given(approved)
          .when(startAmendment('Tugas tambahan vaksinasi'))
          .then([amendmentStarted(1, 'Tugas tambahan vaksinasi')]);
      });

      it('is started by the employee only', () => {
        given(approved).when(startAmendment(undefined, { by: APPRAISER })).thenFails('NotTheEmployee', { actor: APPRAISER });
      });

      it('is not started once the period is over', () => {
        given(approved).when(startAmendment(undefined, { now: AFTER_END })).thenFails('PeriodEnded', { periodEnd: PERIOD_END });
      });
    });

    describe('close', () => {
      it.each([
        ['the appraiser', APPRAISER, 'pejabat-penilai'],
        ['the employee', EMPLOYEE, 'pegawai'],
        ['an operator', OUTSIDER, 'operator'],
        ['the system', OUTSIDER, 'sistem'],
      ] as const)('is closed by %s at period end', (_who, by, role) => {
        given(approved).when(closePlan({ by, role })).then([planClosed('approved', 1, { by })]);
      });

      it('is closed at the very instant the period ends', () => {
        given(approved).when(closePlan({ now: PERIOD_END })).then([planClosed('approved', 1, { now: PERIOD_END })]);
      });

      it.each([
        ['a colleague', OUTSIDER, 'rekan-kerja'],
        ["the appraiser's superior", APPRAISER_SUPERIOR, 'atasan-pejabat-penilai'],
      ] as const)('is not closed by %s', (_who, by, role) => {
        given(approved).when(closePlan({ by, role })).thenFails('NotAllowedToClose', { actor: by, role });
      });

      it('is not closed before its period ends', () => {
        given(approved)
          .when(closePlan({ now: new Date(PERIOD_END.getTime() - 1) }))
          .thenFails('PeriodNotEnded', { periodEnd: PERIOD_END });
      });
    });
  });

  describe('when amending', () => {
    it('is editable again', () => {
      given(amending).when(addIki(R1, I2)).then([ikiAdded(R1, I2)]);
    });

    it('keeps taking realisations against the approved revision', () => {
      given(amending).when(recordRealisation(I1)).then([realisationRecorded(R1, I1, { revision: 1 })]);
    });

    it('takes realisations for an approved IKI even after the amendment removed it', () => {
      given([...amending, ikiAdded(R1, I2), ikiRemoved(R1, I1)])
        .when(recordRealisation(I1))
        .then([realisationRecorded(R1, I1)]);
    });

    it('refuses a realisation for an IKI the amendment added but nobody approved yet', () => {
      given([...amending, ikiAdded(R1, I2)]).when(recordRealisation(I2)).thenFails('IkiNotApproved', { iki: I2 });
    });

    it('is not amended twice at once', () => {
      given(amending).when(startAmendment()).thenFails('PlanNotApproved', { status: 'draft' });
    });

    it('is approved again as the next revision, and realisations then count against it', () => {
      const resubmitted = [...amending, ikiAdded(R1, I2), planSubmitted()];
      given(resubmitted).when(approvePlan()).then([planApproved(2)]);
      given([...resubmitted, planApproved(2)]).when(recordRealisation(I2)).then([realisationRecorded(R1, I2, { revision: 2 })]);
      expect(stateAfter([...resubmitted, planApproved(2)])).toMatchObject({ status: 'approved', revision: 2, amendment: null });
    });

    it('is closed from the draft, with the revision still in force', () => {
      given(amending).when(closePlan()).then([planClosed('draft', 1)]);
    });
  });

  describe('when closed', () => {
    const oneOfEach: { readonly [K in PlanCommand['type']]: Extract<PlanCommand, { type: K }> } = {
      DraftPlan: draftPlan(),
      AddRhk: addRhk(R2),
      ChangeRhk: changeRhk(R1),
      RemoveRhk: removeRhk(R1),
      AddIki: addIki(R1, I2),
      ChangeIki: changeIki(I1),
      RemoveIki: removeIki(I1),
      SetLeaderExpectation: setLeaderExpectation('loyal', 'x'),
      ClearLeaderExpectation: clearLeaderExpectation('loyal'),
      SubmitPlan: submitPlan(),
      ApprovePlan: approvePlan(),
      ReturnPlan: returnPlan(),
      StartAmendment: startAmendment(),
      RecordRealisation: recordRealisation(I1),
      RecordFeedback: recordFeedback(),
      ClosePlan: closePlan(),
    };

    it.each(Object.entries(oneOfEach))('refuses %s', (_type, command) => {
      given(closed).when(command).thenFails('PlanClosed', { plan: PLAN, closedAt: AFTER_END });
    });

    it('is terminal', () => {
      expect(planDecider.isTerminal?.(stateAfter(closed))).toBe(true);
      expect(planDecider.isTerminal?.(stateAfter(approved))).toBe(false);
      expect(stateAfter(closed)).toMatchObject({ status: 'closed', closedFrom: 'approved', revision: 1 });
    });
  });

  describe('evolve', () => {
    it('ignores events that do not apply to the state', () => {
      const state = stateAfter(submitted);
      const notForASubmittedPlan = [planDrafted(), rhkAdded(R2), ikiRemoved(R1, I1), planSubmitted(), amendmentStarted()];
      for (const event of notForASubmittedPlan) expect(evolve(state, event)).toBe(state);
      expect(evolve(initialState(), rhkAdded(R1))).toEqual(initialState());
      expect(evolve(stateAfter(closed), planDrafted())).toEqual(stateAfter(closed));
    });

    it('ignores duplicate ids and references to unknown RHK', () => {
      const state = stateAfter(measured);
      expect(evolve(state, rhkAdded(R1))).toBe(state);
      expect(evolve(state, ikiAdded(R1, I1))).toBe(state);
      expect(evolve(state, ikiAdded(R2, ikiId('I9')))).toEqual(state);
    });

    it('ignores an event type it does not know', () => {
      const state = stateAfter(measured);
      expect(evolve(state, { type: 'PlanRenamed', data: {} } as unknown as PlanEvent)).toBe(state);
    });
  });

  describe('codecs at the edge', () => {
    it('refuses roster facts from a client', () => {
      const body = (DraftPlanCodec.encode(draftPlan()) as { data: Record<string, unknown> }).data;
      const result = decodeWith(DraftPlanRequestCodec)(body);
      expect(isLeft(result) && result.left).toEqual([{ path: 'roster', message: 'unknown field "roster"' }]);
      const { roster: _roster, ...header } = body;
      expect(isRight(DraftPlanRequestCodec.decode(header))).toBe(true);
    });

    it('refuses unknown fields in a command, naming them', () => {
      const wire = PlanCommandCodec.encode(addRhk(R1)) as { data: object };
      const result = decodeWith(PlanCommandCodec)({ ...wire, data: { ...wire.data, weight: 30 } });
      expect(isLeft(result) && result.left).toEqual([{ path: 'data.weight', message: 'unknown field "weight"' }]);
    });

    it('lets a non-positive target through, so the decider names the aspect', () => {
      const wire = AddIkiCodec.encode(addIki(R1, I1)) as { data: object };
      const decoded = AddIkiCodec.decode({ ...wire, data: { ...wire.data, targets: { biaya: { rupiah: -1 } } } });
      expect(isRight(decoded)).toBe(true);
      if (isRight(decoded))
        given([...drafted, rhkAdded(R1)]).when(decoded.right).thenFails('TargetNotPositive', { aspect: 'biaya', value: -1 });
    });

    it('strips unknown fields from stored events and refuses a negative revision', () => {
      const wire = PlanEventCodec.encode(planApproved(1)) as { data: object };
      const stripped = PlanEventCodec.decode({ ...wire, data: { ...wire.data, comment: 'x' } });
      expect(isRight(stripped) && stripped.right).toEqual(planApproved(1));
      expect(isLeft(PlanEventCodec.decode({ ...wire, data: { ...wire.data, revision: -1 } }))).toBe(true);
    });
  });

  it('specifies every command’s success and every refusal', () => {
    const tags: { readonly [K in PlanErrorTag]: null } = {
      PlanNotDrafted: null,
      PlanAlreadyDrafted: null,
      PlanClosed: null,
      WrongPlan: null,
      PlanIdMismatch: null,
      PeriodEndNotAfterStart: null,
      PeriodEnded: null,
      HeaderNipsNotDistinct: null,
      AppraiserNotSuperior: null,
      AppraiserSuperiorMismatch: null,
      UnitMismatch: null,
      NotTheEmployee: null,
      NotTheAppraiser: null,
      NotAParticipant: null,
      NotAllowedToClose: null,
      PlanNotEditable: null,
      PlanNotSubmitted: null,
      PlanNotApproved: null,
      RealisationBeforeApproval: null,
      PeriodNotEnded: null,
      DuplicateRhk: null,
      UnknownRhk: null,
      DuplicateIki: null,
      UnknownIki: null,
      IkiNotApproved: null,
      InterventionNotInAppraiserPlan: null,
      IkiWithoutTarget: null,
      TargetNotPositive: null,
      KualitasAbove100: null,
      NoRhkUtamaWithIki: null,
      RhkWithoutIki: null,
      NoReturnReason: null,
      NoEvidence: null,
      NoRealisedValue: null,
      AspectNotTargeted: null,
      RealisedValueNegative: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag as PlanErrorTag))).toEqual([]);
    expect(Object.keys(planCommandCodecs).filter((type) => !successesSeen.has(type as PlanCommand['type']))).toEqual([]);
  });
});
