import { isLeft, isRight } from 'fp-ts/Either';
import { PeriodId, replay, TenantId, type LocalDate } from '../core';
import { PoorPerformanceCommandCodec, poorPerformanceCommandCodecs, PoorPerformanceEventCodec } from './codecs';
import { addCalendarMonths } from '../calendar';
import { duePoorPerformance, poorPerformanceDecider, type PoorPerformanceCommand } from './decide';
import { describePoorPerformanceError, type PoorPerformanceErrorTag } from './errors';
import {
  basisOfPoorPerformance,
  consecutivePoorYears,
  evolve,
  POOR_PERFORMANCE_POLICY_DEFAULTS,
  poorPerformanceStreamId,
  type PoorPerformanceEvent,
  type PoorPerformanceState,
} from './poor-performance';
import {
  AFTER_IMPROVEMENT,
  AFTER_POST,
  APPRAISER,
  APPRAISER_SUPERIOR,
  assignTemporaryPost,
  coachingRecorded,
  competenceTestRecorded,
  decideTransfer,
  dismissalProposed,
  EMPLOYEE,
  endImprovementPeriod,
  endTemporaryPost,
  evaluationId,
  GOOD_Q2_2026,
  histories,
  IMPROVEMENT_ENDS,
  improved,
  improvementPeriodEnded,
  OPENED_AT,
  openPath,
  OTHER,
  OTHER_PATH,
  PATH,
  pathOpened,
  POOR_2025,
  POOR_2026,
  poorYearRecorded,
  POST_ENDS,
  PPK,
  proposeDismissal,
  recordCoaching,
  recordCompetenceTest,
  recordImprovement,
  recordPoorYear,
  SYSTEM,
  temporaryPostAssigned,
  temporaryPostEnded,
  transferDecided,
  valid,
} from './poor-performance.testkit';
import { coverageSpecFor } from '../testing/decider.testkit';

const { given, refusalsSeen, successesSeen } = coverageSpecFor(poorPerformanceDecider, describePoorPerformanceError);

const stateAfter = (events: ReadonlyArray<PoorPerformanceEvent>): PoorPerformanceState => replay(poorPerformanceDecider, events);
const streakOf = (events: ReadonlyArray<PoorPerformanceEvent>): number => {
  const state = stateAfter(events);
  return state.status === 'empty' ? 0 : consecutivePoorYears(state);
};
const { opened, testDue, tested, temporaryPost, postEnded } = histories;
const N_YEARS_ON = { ...POOR_PERFORMANCE_POLICY_DEFAULTS, consecutivePoorYearsDismissal: 2 };

describe('poor-performance path (BR-26)', () => {
  it('has one stream per official and path, category first', () => {
    expect(poorPerformanceStreamId(valid(TenantId, 'salatiga'), PATH)).toBe('kinerjarendah-salatiga.198503152010011002.1');
  });

  describe('opening', () => {
    it('opens on a final annual predikat below Baik, with 6 months to improve ending at 23:59:59.999 local time', () => {
      given([]).when(openPath()).then([pathOpened()]);
    });

    it.each(['kurang', 'sangat-kurang'] as const)('opens on %s too', (predikat) => {
      const evaluation = { ...POOR_2025, predikat };
      given([]).when(openPath({ evaluation })).then([pathOpened({ evaluation })]);
    });

    it.each(['baik', 'sangat-baik'] as const)('does not open on %s (default threshold)', (predikat) => {
      given([])
        .when(openPath({ evaluation: { ...POOR_2025, predikat } }))
        .thenFails('PredikatNotPoor', { predikat, threshold: 'baik' });
    });

    it('follows a tenant threshold: at "butuh-perbaikan", only Kurang and Sangat Kurang open the path', () => {
      const policy = { ...POOR_PERFORMANCE_POLICY_DEFAULTS, threshold: 'butuh-perbaikan' as const };
      given([]).when(openPath({ policy })).thenFails('PredikatNotPoor', { predikat: 'butuh-perbaikan', threshold: 'butuh-perbaikan' });
    });

    it('opens on a periodic evaluation only when the policy says so', () => {
      const periodic = { ...GOOD_Q2_2026, predikat: 'kurang' as const };
      given([]).when(openPath({ evaluation: periodic })).thenFails('PeriodicEvaluationDoesNotOpen', { evaluation: periodic.evaluation });
      const policy = { ...POOR_PERFORMANCE_POLICY_DEFAULTS, periodicOpens: true };
      given([]).when(openPath({ evaluation: periodic, policy })).then([pathOpened({ evaluation: periodic, policy })]);
    });

    it('is opened by the system (the process manager) or an operator', () => {
      given([]).when(openPath({ by: PPK })).thenFails('NotAuthorised', { allowed: ['sistem', 'operator'], actor: PPK, role: 'ppk' });
    });

    it('refuses a path id of another official and an evaluation of another official', () => {
      given([]).when(openPath({ path: PATH, employee: OTHER })).thenFails('PathIdMismatch', { path: PATH, employee: OTHER });
      const foreign = { ...POOR_2025, evaluation: evaluationId(2025, '2025', OTHER) };
      given([]).when(openPath({ evaluation: foreign })).thenFails('EvaluationOfAnotherEmployee', { employee: EMPLOYEE });
    });

    it('is opened once', () => {
      given(opened).when(openPath()).thenFails('PathAlreadyOpened', { path: PATH });
    });

    it.each<[string, PoorPerformanceCommand]>([
      ['RecordCoaching', recordCoaching()],
      ['EndImprovementPeriod', endImprovementPeriod()],
      ['ProposeDismissalWithHonour', proposeDismissal()],
    ])('refuses %s before it opens', (_name, command) => {
      given([]).when(command).thenFails('PathNotOpened', { path: PATH });
    });

    it('refuses a command for another path', () => {
      given(opened)
        .when({ ...endImprovementPeriod(), data: { path: OTHER_PATH } })
        .thenFails('WrongPath', { path: PATH, given: OTHER_PATH });
    });
  });

  describe('during the 6 months to improve', () => {
    it('the appraiser and their superior record coaching; nobody else', () => {
      given(opened).when(recordCoaching()).then([coachingRecorded({ authority: 'pejabat-penilai' })]);
      given(opened).when(recordCoaching({ by: APPRAISER_SUPERIOR })).then([coachingRecorded({ by: APPRAISER_SUPERIOR, authority: 'atasan-pejabat-penilai' })]);
      given(opened).when(recordCoaching({ by: PPK })).thenFails('NotASupervisor', { appraiser: APPRAISER, actor: PPK });
    });

    it('a later predikat at or above the threshold closes the path by improvement', () => {
      given(opened).when(recordImprovement()).then([improved()]);
      expect(stateAfter([...opened, improved()])).toMatchObject({ status: 'closed', reason: 'improved' });
    });

    it('is not improved by a predikat below the threshold, nor by an evaluation final before the path opened', () => {
      given(opened)
        .when(recordImprovement({ evaluation: { ...GOOD_Q2_2026, predikat: 'butuh-perbaikan' } }))
        .thenFails('NotAnImprovement', { predikat: 'butuh-perbaikan', threshold: 'baik' });
      given(opened)
        .when(recordImprovement({ evaluation: { ...GOOD_Q2_2026, finalizedAt: OPENED_AT } }))
        .thenFails('EvaluationBeforePath', { openedAt: OPENED_AT });
      given(opened)
        .when(recordImprovement({ evaluation: { ...GOOD_Q2_2026, evaluation: evaluationId(2026, '2026-Q2', OTHER) } }))
        .thenFails('EvaluationOfAnotherEmployee');
    });

    it('improvement comes from the system only', () => {
      given(opened).when(recordImprovement({ by: PPK })).thenFails('NotAuthorised', { allowed: ['sistem'] });
    });

    it('ends by the timer after the 6 months, not on their last day', () => {
      given(opened).when(endImprovementPeriod()).then([improvementPeriodEnded()]);
      given(opened).when(endImprovementPeriod({ now: IMPROVEMENT_ENDS })).thenFails('ImprovementPeriodRunning', { endsAt: IMPROVEMENT_ENDS });
    });

    it('no competence test, transfer or dismissal yet', () => {
      given(opened).when(recordCompetenceTest()).thenFails('StepNotAllowedNow', { command: 'RecordCompetenceTest', status: 'improving' });
      given(opened).when(decideTransfer()).thenFails('StepNotAllowedNow', { command: 'DecideTransfer', status: 'improving' });
      given(opened).when(assignTemporaryPost()).thenFails('StepNotAllowedNow', { command: 'AssignTemporaryPost', status: 'improving' });
      given(opened).when(proposeDismissal()).thenFails('DismissalNotYet', { status: 'improving', level: 'pelaksana' });
      given(opened).when(endTemporaryPost()).thenFails('StepNotAllowedNow', { status: 'improving' });
    });
  });

  describe('the competence test', () => {
    it('is recorded by an operator or the PPK once the 6 months are over', () => {
      given(testDue).when(recordCompetenceTest()).then([competenceTestRecorded()]);
      given(testDue).when(recordCompetenceTest({ by: PPK, result: 'passed' })).then([competenceTestRecorded({ by: PPK, result: 'passed' })]);
      given(testDue).when(recordCompetenceTest({ by: APPRAISER })).thenFails('NotAuthorised', { allowed: ['ppk', 'operator'] });
    });

    it('the improvement period ends once', () => {
      given(testDue).when(endImprovementPeriod()).thenFails('StepNotAllowedNow', { command: 'EndImprovementPeriod', status: 'test-due' });
    });
  });

  describe('after the test: transfer, temporary post, dismissal', () => {
    it('the PPK transfers the official to a suitable or lower post: a final decision that closes the path', () => {
      given(tested).when(decideTransfer()).then([transferDecided()]);
      given(tested).when(decideTransfer({ kind: 'suitable' })).then([transferDecided({ kind: 'suitable' })]);
      expect(stateAfter(histories.transferred)).toMatchObject({ status: 'closed', reason: 'transferred' });
    });

    it('a transfer is the PPK’s, with reasons', () => {
      given(tested).when(decideTransfer({ by: SYSTEM })).thenFails('NotAuthorised', { allowed: ['ppk'] });
      given(tested).when(decideTransfer({ reasons: [] })).thenFails('NoReasonsGiven');
    });

    it('without a vacancy, a temporary post of at most 12 months for jabatan administrasi and fungsional', () => {
      given(tested).when(assignTemporaryPost()).then([temporaryPostAssigned()]);
      given(tested).when(assignTemporaryPost({ months: 13 })).thenFails('TemporaryPostTooLong', { months: 13, max: 12 });
      given(tested).when(assignTemporaryPost({ reasons: [] })).thenFails('NoReasonsGiven');
    });

    it('no temporary post for a JPT: the path goes to the dismissal proposal', () => {
      const jpt = [pathOpened({ level: 'jpt-pratama' }), improvementPeriodEnded(), competenceTestRecorded()];
      given(jpt).when(assignTemporaryPost()).thenFails('TemporaryPostNotForLevel', { level: 'jpt-pratama' });
      given(jpt).when(proposeDismissal()).then([dismissalProposed({ now: new Date('2027-09-20T10:00:00+07:00') })]);
    });

    it('dismissal of an administrator or functional official waits for the temporary post', () => {
      given(tested).when(proposeDismissal()).thenFails('DismissalNotYet', { status: 'tested', level: 'pelaksana' });
      given(temporaryPost).when(proposeDismissal()).thenFails('DismissalNotYet', { status: 'temporary-post' });
    });

    it('the temporary post ends by the timer after its months, not on its last day', () => {
      given(temporaryPost).when(endTemporaryPost()).then([temporaryPostEnded()]);
      given(temporaryPost).when(endTemporaryPost({ now: POST_ENDS })).thenFails('TemporaryPostRunning', { endsAt: POST_ENDS });
      given(temporaryPost).when(assignTemporaryPost()).thenFails('StepNotAllowedNow', { status: 'temporary-post' });
    });

    it('a vacancy during or after the temporary post: transfer', () => {
      given(temporaryPost).when(decideTransfer()).then([transferDecided()]);
      given(postEnded).when(decideTransfer()).then([transferDecided()]);
    });

    it('after the temporary post, the PPK proposes dismissal with honour: the path closes', () => {
      given(postEnded).when(proposeDismissal()).then([dismissalProposed()]);
      given(postEnded).when(proposeDismissal({ reasons: [] })).thenFails('NoReasonsGiven');
      given(postEnded).when(proposeDismissal({ by: SYSTEM })).thenFails('NotAuthorised', { allowed: ['ppk'] });
      expect(stateAfter(histories.dismissalProposed)).toMatchObject({ status: 'closed', reason: 'dismissal-proposed' });
    });

    it('improvement still closes the path at any open step', () => {
      const later = { ...GOOD_Q2_2026, finalizedAt: new Date('2027-02-08T12:00:00+07:00') };
      for (const history of [testDue, tested, temporaryPost, postEnded])
        given(history).when(recordImprovement({ evaluation: later })).then([improved({ evaluation: later })]);
    });
  });

  describe('poor years and the "N consecutive poor years" policy (off by default)', () => {
    it('records a further poor annual year, counting the streak', () => {
      given(opened).when(recordPoorYear()).then([poorYearRecorded()]);
      given(opened).when(recordPoorYear({ evaluation: { ...POOR_2026, kind: 'periodic', period: GOOD_Q2_2026.period } })).thenFails('NotAnAnnualEvaluation');
      given(opened).when(recordPoorYear({ evaluation: { ...POOR_2026, predikat: 'baik' } })).thenFails('PredikatNotPoor');
      given([...opened, poorYearRecorded()]).when(recordPoorYear()).thenFails('YearAlreadyRecorded', { year: 2026, lastYear: 2026 });
      given(opened).when(recordPoorYear({ by: PPK })).thenFails('NotAuthorised');
    });

    it('with the policy off, no dismissal on consecutive poor years', () => {
      given([...opened, poorYearRecorded()])
        .when(proposeDismissal({ by: SYSTEM, ground: 'consecutive-poor-years' }))
        .thenFails('ConsecutiveYearsRuleOff');
    });

    it('with the policy on (N = 2), dismissal is proposed after 2 consecutive poor years, not before', () => {
      const on = [pathOpened({ policy: N_YEARS_ON })];
      given(on).when(proposeDismissal({ by: SYSTEM, ground: 'consecutive-poor-years' })).thenFails('NotEnoughPoorYears', { years: 1, required: 2 });
      given([...on, poorYearRecorded()])
        .when(proposeDismissal({ by: SYSTEM, ground: 'consecutive-poor-years' }))
        .then([dismissalProposed({ by: SYSTEM, ground: 'consecutive-poor-years', poorYears: 2 })]);
    });

    it('counts poor years carried from the previous path, and only consecutive ones', () => {
      expect(streakOf([pathOpened({ priorPoorYears: 1 })])).toBe(2);
      expect(streakOf([pathOpened({ priorPoorYears: 1 }), poorYearRecorded()])).toBe(3);
      const gap = { ...POOR_2026, evaluation: evaluationId(2027), period: valid(PeriodId, '2027') };
      expect(streakOf([pathOpened({ priorPoorYears: 1 }), poorYearRecorded({ evaluation: gap, year: 2027 })])).toBe(1);
    });
  });

  describe('after the path closes, every command is refused', () => {
    it('names how and when it closed', () => {
      for (const command of [recordImprovement(), endImprovementPeriod(), decideTransfer(), openPath(), recordCoaching()])
        given(histories.improved).when(command).thenFails('PathClosed', { path: PATH, reason: 'improved' });
    });
  });

  describe('timers: duePoorPerformance', () => {
    const system = { nip: SYSTEM, role: 'sistem' as const };
    it('ends the improvement period after 6 months and the temporary post after its months', () => {
      expect(duePoorPerformance(IMPROVEMENT_ENDS, stateAfter(opened), system)).toEqual([]);
      expect(duePoorPerformance(AFTER_IMPROVEMENT, stateAfter(opened), system)).toEqual([endImprovementPeriod()]);
      expect(duePoorPerformance(POST_ENDS, stateAfter(temporaryPost), system)).toEqual([]);
      expect(duePoorPerformance(AFTER_POST, stateAfter(temporaryPost), system)).toEqual([endTemporaryPost()]);
      for (const history of [[], testDue, tested, postEnded, histories.improved])
        expect(duePoorPerformance(AFTER_POST, stateAfter(history), system)).toEqual([]);
    });
  });

  describe('calendar months', () => {
    it('adds months keeping the day, or the last day of a shorter month', () => {
      const d = (s: string) => s as LocalDate;
      expect(addCalendarMonths(d('2026-02-10'), 6)).toBe('2026-08-10');
      expect(addCalendarMonths(d('2025-08-31'), 6)).toBe('2026-02-28');
      expect(addCalendarMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
      expect(addCalendarMonths(d('2025-11-15'), 3)).toBe('2026-02-15');
    });
  });

  describe('basis and evolve', () => {
    it('every step rests on PP 30/2019 and BR-26', () => {
      expect(basisOfPoorPerformance(pathOpened())).toEqual({ ruleBook: 'pp-30-2019@1', articles: ['BR-26', 'PP 30/2019 Ps 56-58', 'PP 30/2019 Ps 56'] });
    });

    it('ignores events that do not fit the state and types it does not know', () => {
      const state = stateAfter(opened);
      for (const event of [pathOpened(), competenceTestRecorded(), transferDecided(), temporaryPostAssigned(), temporaryPostEnded(), coachingRecorded()])
        expect(evolve(state, event)).toBe(state);
      expect(evolve({ status: 'empty' }, improved())).toEqual({ status: 'empty' });
      expect(evolve(state, { type: 'PathRenamed', data: {} } as unknown as PoorPerformanceEvent)).toBe(state);
      const withYear = stateAfter([...opened, poorYearRecorded()]);
      expect(evolve(withYear, poorYearRecorded())).toBe(withYear);
    });
  });

  describe('codecs', () => {
    it('refuses unknown fields in commands and strips them from events', () => {
      const wire = PoorPerformanceCommandCodec.encode(decideTransfer()) as { data: object };
      expect(isLeft(PoorPerformanceCommandCodec.decode({ ...wire, data: { ...wire.data, note: 'x' } }))).toBe(true);
      const stored = PoorPerformanceEventCodec.encode(pathOpened()) as { data: object };
      const back = PoorPerformanceEventCodec.decode({ ...stored, data: { ...stored.data, note: 'x' } });
      expect(isRight(back) && back.right).toEqual(pathOpened());
    });
  });

  it('specifies every command’s success and every refusal', () => {
    const tags: { readonly [K in PoorPerformanceErrorTag]: null } = {
      PathNotOpened: null,
      PathAlreadyOpened: null,
      PathClosed: null,
      WrongPath: null,
      PathIdMismatch: null,
      EvaluationOfAnotherEmployee: null,
      NotAuthorised: null,
      NotASupervisor: null,
      PredikatNotPoor: null,
      PeriodicEvaluationDoesNotOpen: null,
      NotAnImprovement: null,
      EvaluationBeforePath: null,
      NotAnAnnualEvaluation: null,
      YearAlreadyRecorded: null,
      StepNotAllowedNow: null,
      ImprovementPeriodRunning: null,
      TemporaryPostNotForLevel: null,
      TemporaryPostTooLong: null,
      TemporaryPostRunning: null,
      DismissalNotYet: null,
      NoReasonsGiven: null,
      ConsecutiveYearsRuleOff: null,
      NotEnoughPoorYears: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag as PoorPerformanceErrorTag))).toEqual([]);
    expect(Object.keys(poorPerformanceCommandCodecs).filter((type) => !successesSeen.has(type as PoorPerformanceCommand['type']))).toEqual([]);
  });
});
