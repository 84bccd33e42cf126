import { isLeft, isRight } from 'fp-ts/Either';
import { deepEqual, specFor } from '../testing';
import { INDONESIA_2025_2027, type RecordedDeadline } from '../calendar';
import { replay, type LocalDate } from '../core';
import { evaluationDecider } from '../evaluation/decide';
import { histories as evaluationHistories, Q1 } from '../evaluation/evaluation.testkit';
import { DecideObjectionCodec, FileObjectionCodec, FileObjectionRequestCodec } from './codecs';
import { objectionDecider, due } from './decide';
import { describeObjectionError } from './errors';
import { objectionFactsOf } from './facts';
import { basisOf, evolve, initialState, OBJECTION_POLICY_DEFAULTS, type ObjectionEvent, type ObjectionState } from './objection';
import {
  APPRAISER,
  APPRAISER_SUPERIOR,
  DEADLINE,
  DECIDED_AT,
  DECISION_DEADLINE,
  decideObjection,
  decisionPaths,
  DELIVERED_AT,
  EMPLOYEE,
  escalateObjection,
  EVALUATION,
  explanationRecorded,
  fileObjection,
  FILED_AT,
  histories,
  JAKARTA,
  MAKASSAR,
  NEW_RATING,
  numericAppraisal,
  OBJECTION,
  objectionDecisionOverdue,
  objectionFacts,
  objectionFiled,
  objectionPartlyUpheld,
  objectionRejected,
  objectionUpheld,
  objectionWithdrawn,
  OPERATOR,
  OUTSIDER,
  OVERDUE_AT,
  partlyUpheld,
  PP_30_2019_REF,
  ratedAppraisal,
  recordExplanation,
  rejected,
  run,
  SAMARINDA,
  SURABAYA,
  SYSTEM,
  UNIT,
  UNIT_PERIOD,
  upheld,
  withdrawObjection,
  WITHDRAWN_AT,
} from './objection.testkit';

const given = specFor(objectionDecider);
const at = (iso: string) => new Date(iso);
const OTHER_EVALUATION = `${EVALUATION.slice(0, EVALUATION.lastIndexOf('.'))}.2025-Q2` as typeof EVALUATION;
const stateOf = (events: ReadonlyArray<ObjectionEvent>): ObjectionState => replay(objectionDecider, events);
const working = (endsAt: string, timeZone = JAKARTA): RecordedDeadline => ({
  endsAt: at(endsAt),
  days: 14,
  kind: 'working',
  calendar: INDONESIA_2025_2027.id,
  timeZone,
});

describe('the evaluation objection (keberatan), BR-10 and BR-11', () => {
  describe('FileObjection, before any objection', () => {
    it('files the objection to the Atasan Pejabat Penilai with a decision deadline of 14 working days [policy]', () => {
      given([]).when(fileObjection()).then([objectionFiled()]);
    });

    it('counts the decision deadline in working days of the tenant calendar, skipping Good Friday and Labour Day', () => {
      // Monday 14 April 2025 + 14 working days (18 April and 1 May are holidays) = Tuesday 6 May 2025 (testkit).
      expect(DECISION_DEADLINE.endsAt).toEqual(at('2025-05-06T16:59:59.999Z'));
      given([]).when(fileObjection({ now: FILED_AT })).then([objectionFiled({ deadline: DECISION_DEADLINE })]);
    });

    it('BR-10: accepts the filing in the last millisecond of day 14; the decision period runs from that day', () => {
      // Thursday 24 April + 14 working days, skipping 1 May (Labour Day), 12 May (Waisak) and 13 May (cuti bersama).
      const deadline = working('2025-05-19T23:59:59.999+07:00');
      given([]).when(fileObjection({ now: DEADLINE })).then([objectionFiled({ now: DEADLINE, deadline })]);
    });

    it('BR-10: refuses the filing from the first millisecond of day 15, naming the evaluation’s deadline', () => {
      given([])
        .when(fileObjection({ now: new Date(DEADLINE.getTime() + 1) }))
        .thenFails('ObjectionWindowClosed', { deadline: DEADLINE });
    });

    it('BR-10: judges the window by the deadline the evaluation recorded, not by a recount', () => {
      const recorded = at('2025-04-30T23:59:59.999+07:00'); // e.g. a working-day window recorded on the evaluation
      const facts = objectionFacts({ evaluation: { objectionDeadline: recorded } });
      const now = at('2025-04-28T09:00:00+07:00');
      const deadline = working('2025-05-21T23:59:59.999+07:00');
      given([])
        .when(fileObjection({ facts, now }))
        .then([objectionFiled({ evaluation: { objectionDeadline: recorded }, now, deadline })]);
    });

    it('near midnight, the same instant gives a different decision deadline in Surabaya (WIB) and Samarinda (WITA)', () => {
      const now = at('2025-04-14T16:30:00Z'); // Monday 23:30 WIB, Tuesday 00:30 WITA
      given([])
        .when(fileObjection({ now, facts: objectionFacts({ calendar: SURABAYA }) }))
        .then([objectionFiled({ now, deadline: working('2025-05-06T23:59:59.999+07:00') })]);
      given([])
        .when(fileObjection({ now, facts: objectionFacts({ calendar: SAMARINDA }) }))
        .then([objectionFiled({ now, deadline: working('2025-05-07T23:59:59.999+08:00', MAKASSAR) })]);
    });

    it('counts calendar days when the tenant’s policy says so', () => {
      const policy = { decisionPeriod: { days: 14, kind: 'calendar' as const } };
      const deadline: RecordedDeadline = { ...working('2025-04-28T23:59:59.999+07:00'), kind: 'calendar' };
      given([])
        .when(fileObjection({ facts: objectionFacts({ policy }) }))
        .then([objectionFiled({ policy, deadline })]);
    });

    it('is the evaluated employee’s alone', () => {
      for (const by of [APPRAISER, APPRAISER_SUPERIOR, OUTSIDER])
        given([]).when(fileObjection({ by })).thenFails('NotTheEmployee', { employee: EMPLOYEE, actor: by });
    });

    it.each(['open', 'rated', 'settled', 'objected', 'final'] as const)('refuses an evaluation that is %s', (status) => {
      given([])
        .when(fileObjection({ facts: objectionFacts({ evaluation: { status } }) }))
        .thenFails('EvaluationNotDelivered', { status });
    });

    it('refuses facts that say delivered without a delivery (the engine filled them in wrong)', () => {
      given([])
        .when(fileObjection({ facts: objectionFacts({ evaluation: { objectionDeadline: null } }) }))
        .thenFails('EvaluationNotDelivered', { status: 'delivered' });
    });

    it('needs written reasons', () => {
      given([]).when(fileObjection({ reasons: [] })).thenFails('NoReasons');
      given([]).when(fileObjection({ reasons: ['  '] })).thenFails('NoReasons');
    });

    it('refuses when the tenant calendar does not cover the decision period, rather than guess', () => {
      const facts = objectionFacts({
        evaluation: { deliveredAt: at('2027-12-15T10:00:00+07:00'), objectionDeadline: at('2027-12-29T23:59:59.999+07:00') },
      });
      given([])
        .when(fileObjection({ facts, now: at('2027-12-20T10:00:00+07:00') }))
        .thenFails('CalendarNotCovering', { calendar: INDONESIA_2025_2027.id, date: '2028-01-01' as LocalDate });
    });
  });

  describe('BR-11: one objection per evaluation', () => {
    it.each([
      ['pending', histories.filed],
      ['escalated', histories.escalated],
      ['upheld', histories.upheld],
      ['rejected', histories.rejected],
      ['withdrawn', histories.withdrawn],
    ] as const)('refuses a second objection when the first is %s, naming the first', (_, history) => {
      given(history)
        .when(fileObjection({ objection: 'keberatan-2025-0002', now: at('2025-04-15T09:00:00+07:00') }))
        .thenFails('ObjectionAlreadyFiled', { objection: OBJECTION, filedAt: FILED_AT });
    });
  });

  describe('RecordExplanation (BR-11: both sides are heard)', () => {
    it('records the appraiser’s and the employee’s explanations, the party taken from who asks', () => {
      given(histories.filed).when(recordExplanation('appraiser')).then([explanationRecorded('appraiser')]);
      given(histories.filed).when(recordExplanation('employee')).then([explanationRecorded('employee')]);
      given(histories.appraiserExplained).when(recordExplanation('employee')).then([explanationRecorded('employee')]);
    });

    it('takes one explanation per side', () => {
      given(histories.appraiserExplained)
        .when(recordExplanation('appraiser', { explanation: 'Tambahan' }))
        .thenFails('ExplanationAlreadyRecorded', { party: 'appraiser', recordedAt: explanationRecorded('appraiser').data.at });
    });

    it('is for the two parties only: not the addressee, not anyone else', () => {
      for (const by of [APPRAISER_SUPERIOR, OUTSIDER, SYSTEM])
        given(histories.filed)
          .when(recordExplanation('appraiser', { by }))
          .thenFails('NotAParty', { employee: EMPLOYEE, appraiser: APPRAISER, actor: by });
    });

    it('is still taken after the decision was escalated as overdue', () => {
      given(histories.escalated).when(recordExplanation('appraiser')).then([explanationRecorded('appraiser')]);
    });

    it('needs an objection, and the one on this evaluation', () => {
      given([]).when(recordExplanation('appraiser')).thenFails('ObjectionNotFiled', { evaluation: EVALUATION });
      given(histories.filed)
        .when(recordExplanation('appraiser', { objection: 'keberatan-lain' }))
        .thenFails('WrongObjection', { objection: OBJECTION, given: 'keberatan-lain' });
      const routed = recordExplanation('appraiser');
      given(histories.filed)
        .when({ ...routed, data: { ...routed.data, evaluation: OTHER_EVALUATION } })
        .thenFails('WrongEvaluation', { evaluation: EVALUATION, given: OTHER_EVALUATION });
    });
  });

  describe('DecideObjection', () => {
    it('BR-11: is refused before both explanations are recorded, naming who is missing', () => {
      given(histories.filed).when(decideObjection()).thenFails('ExplanationsMissing', { missing: ['appraiser', 'employee'] });
      given(histories.appraiserExplained).when(decideObjection()).thenFails('ExplanationsMissing', { missing: ['employee'] });
      given(histories.employeeExplained).when(decideObjection(rejected)).thenFails('ExplanationsMissing', { missing: ['appraiser'] });
    });

    it('upholds with the new rating, naming who decided, in what authority, on what basis', () => {
      given(histories.heard).when(decideObjection(upheld())).then([objectionUpheld(NEW_RATING)]);
      expect(objectionUpheld().data).toMatchObject({
        decidedBy: APPRAISER_SUPERIOR,
        authority: 'atasan-pejabat-penilai',
        articles: ['BR-10', 'BR-11', 'PP 30/2019 Ps 59'],
      });
    });

    it('upholds in part with the rating as decided', () => {
      const rating = ratedAppraisal('sesuai-ekspektasi', 'di-atas-ekspektasi');
      given(histories.heard).when(decideObjection(partlyUpheld(rating))).then([objectionPartlyUpheld(rating)]);
    });

    it('rejects: the settled result stands', () => {
      given(histories.heard).when(decideObjection(rejected)).then([objectionRejected()]);
    });

    it('records the rating field by field: nothing else rides along', () => {
      const sloppy = { ...NEW_RATING, note: 'not part of an appraisal' } as unknown as typeof NEW_RATING;
      given(histories.heard).when(decideObjection(upheld(sloppy))).then([objectionUpheld(NEW_RATING)]);
    });

    it('is the Atasan Pejabat Penilai’s named on the plan, no one else’s', () => {
      for (const by of [APPRAISER, EMPLOYEE, OUTSIDER, SYSTEM])
        given(histories.heard).when(decideObjection(upheld(), { by })).thenFails('NotTheAddressee', {
          addressee: APPRAISER_SUPERIOR,
          actor: by,
        });
    });

    it('needs written reasons', () => {
      given(histories.heard).when(decideObjection(rejected, { reasons: [] })).thenFails('NoReasons');
    });

    it('takes new ratings in the regime of the evaluation’s recorded rule book', () => {
      given(histories.heard)
        .when(decideObjection(upheld(numericAppraisal())))
        .thenFails('WrongRegime', { expected: 'rated', given: 'numeric' });
      const numeric = [
        objectionFiled({ evaluation: { ruleBook: PP_30_2019_REF } }),
        explanationRecorded('appraiser'),
        explanationRecorded('employee'),
      ];
      given(numeric).when(decideObjection(upheld(numericAppraisal()))).then([objectionUpheld(numericAppraisal())]);
      given(numeric).when(decideObjection(upheld(NEW_RATING))).thenFails('WrongRegime', { expected: 'numeric', given: 'rated' });
    });

    it('refuses a rating for a rule book this build does not know', () => {
      const ruleBook = { id: 'pp-30-2019' as const, version: 99 };
      given([objectionFiled({ evaluation: { ruleBook } }), explanationRecorded('appraiser'), explanationRecorded('employee')])
        .when(decideObjection(upheld(numericAppraisal())))
        .thenFails('UnknownRuleBook', { ruleBook });
    });

    it('is in time up to the last millisecond of the decision deadline, and still taken (marked late) after it', () => {
      given(histories.heard)
        .when(decideObjection(rejected, { now: DECISION_DEADLINE.endsAt }))
        .then([objectionRejected({ now: DECISION_DEADLINE.endsAt, afterDeadline: false })]);
      given([...histories.heard, objectionDecisionOverdue()])
        .when(decideObjection(rejected, { now: OVERDUE_AT }))
        .then([objectionRejected({ now: OVERDUE_AT, afterDeadline: true })]);
    });
  });

  describe('WithdrawObjection', () => {
    it('is the employee’s, before the decision, with or without a reason', () => {
      given(histories.filed).when(withdrawObjection()).then([objectionWithdrawn()]);
      given(histories.heard)
        .when(withdrawObjection({ reason: 'Sudah dijelaskan' }))
        .then([objectionWithdrawn({ reason: 'Sudah dijelaskan' })]);
    });

    it('is refused to anyone else', () => {
      for (const by of [APPRAISER, APPRAISER_SUPERIOR, OUTSIDER])
        given(histories.filed).when(withdrawObjection({ by })).thenFails('NotTheEmployee', { employee: EMPLOYEE, actor: by });
    });
  });

  describe('EscalateObjection (the decision deadline passed undecided) and the timer', () => {
    it('escalates once the deadline has passed; the objection stays open for the decision', () => {
      given(histories.filed).when(escalateObjection()).then([objectionDecisionOverdue()]);
      const state = stateOf([...histories.filed, objectionDecisionOverdue()]);
      expect(state.status).toBe('filed');
      given([...histories.heard, objectionDecisionOverdue()]).when(decideObjection(upheld(), { now: OVERDUE_AT })).then([
        objectionUpheld(NEW_RATING, { now: OVERDUE_AT, afterDeadline: true }),
      ]);
    });

    it('not before: the deadline is met up to its last millisecond', () => {
      given(histories.filed)
        .when(escalateObjection({ now: DECISION_DEADLINE.endsAt }))
        .thenFails('DecisionNotOverdue', { deadline: DECISION_DEADLINE.endsAt });
    });

    it('only once', () => {
      given(histories.escalated)
        .when(escalateObjection({ now: at('2025-05-20T00:00:00+07:00') }))
        .thenFails('AlreadyEscalated', { escalatedAt: OVERDUE_AT });
    });

    it('is the system’s', () => {
      given(histories.filed).when(escalateObjection({ by: OPERATOR })).thenFails('NotSystem', { actor: OPERATOR, role: 'operator' });
      given(histories.filed).when(escalateObjection({ by: APPRAISER_SUPERIOR })).thenFails('NotSystem');
    });

    const system = { nip: SYSTEM, role: 'sistem' as const };
    it('due: nothing before filing, before or at the deadline, after escalation, or once closed', () => {
      expect(due(OVERDUE_AT, initialState(), system)).toEqual([]);
      expect(due(FILED_AT, stateOf(histories.filed), system)).toEqual([]);
      expect(due(DECISION_DEADLINE.endsAt, stateOf(histories.filed), system)).toEqual([]);
      for (const history of [histories.escalated, histories.upheld, histories.rejected, histories.withdrawn])
        expect(due(at('2025-06-01T00:00:00+07:00'), stateOf(history), system)).toEqual([]);
    });

    it('due: the escalation once the deadline has passed, which the decider accepts', () => {
      const state = stateOf(histories.heard);
      const commands = due(OVERDUE_AT, state, system);
      expect(commands).toEqual([escalateObjection()]);
      given(histories.heard).when(commands[0] ?? escalateObjection()).then([objectionDecisionOverdue()]);
    });
  });

  describe('after a decision or a withdrawal (BR-11: final)', () => {
    const closed = [
      ['upheld', histories.upheld, DECIDED_AT],
      ['partly-upheld', histories.partlyUpheld, DECIDED_AT],
      ['rejected', histories.rejected, DECIDED_AT],
      ['withdrawn', histories.withdrawn, WITHDRAWN_AT],
    ] as const;
    it.each(closed)('refuses every command when %s, naming when it closed', (status, history, closedAt) => {
      for (const command of [
        recordExplanation('appraiser'),
        decideObjection(rejected),
        decideObjection(upheld()),
        withdrawObjection(),
        escalateObjection({ now: at('2025-06-01T00:00:00+07:00') }),
      ])
        given(history).when(command).thenFails('ObjectionClosed', { objection: OBJECTION, status, closedAt });
    });
  });

  describe('evolve', () => {
    it('keeps the decision, the explanations and the escalation in the state', () => {
      const state = stateOf([...histories.escalated, explanationRecorded('appraiser'), explanationRecorded('employee'), objectionUpheld()]);
      expect(state).toMatchObject({
        status: 'upheld',
        addressee: APPRAISER_SUPERIOR,
        unitPeriod: UNIT_PERIOD,
        decisionDeadline: DECISION_DEADLINE,
        escalation: { escalatedBy: SYSTEM, at: OVERDUE_AT },
        decision: { outcome: 'upheld', rating: NEW_RATING, decidedBy: APPRAISER_SUPERIOR },
      });
    });

    it('ignores events that do not fit the state', () => {
      expect(evolve(initialState(), explanationRecorded('appraiser'))).toEqual(initialState());
      expect(evolve(initialState(), objectionUpheld())).toEqual(initialState());
      const rejectedState = stateOf(histories.rejected);
      expect(evolve(rejectedState, objectionUpheld())).toBe(rejectedState);
      expect(evolve(rejectedState, objectionWithdrawn())).toBe(rejectedState);
      const filed = stateOf(histories.filed);
      expect(evolve(filed, objectionFiled({ objection: 'keberatan-lain' }))).toBe(filed);
      const heard = stateOf(histories.heard);
      expect(evolve(heard, explanationRecorded('appraiser', { explanation: 'lain' }))).toBe(heard);
      const escalated = stateOf(histories.escalated);
      expect(evolve(escalated, objectionDecisionOverdue({ now: at('2025-06-01T00:00:00+07:00') }))).toBe(escalated);
    });
  });

  describe('basisOfObjection', () => {
    it('gives the filing, every decision and the escalation their rule book and articles; explanations and withdrawals none', () => {
      expect(basisOf(objectionFiled())).toEqual({ ruleBook: 'pp-30-2019@1', articles: ['BR-10', 'PP 30/2019 Ps 59'] });
      for (const event of [objectionUpheld(), objectionPartlyUpheld(), objectionRejected()])
        expect(basisOf(event)).toEqual({ ruleBook: 'pp-30-2019@1', articles: ['BR-10', 'BR-11', 'PP 30/2019 Ps 59'] });
      expect(basisOf(objectionDecisionOverdue())).toEqual({
        ruleBook: 'pp-30-2019@1',
        articles: ['BR-11', 'policy:objection.decisionPeriod'],
      });
      expect(basisOf(explanationRecorded('employee'))).toBeUndefined();
      expect(basisOf(objectionWithdrawn())).toBeUndefined();
    });
  });

  describe('objectionFactsOf (what the engine puts in FileObjection)', () => {
    it('reads the evaluation: the people of the plan header, the unit period, the rule book, the delivery and its deadline', () => {
      const state = replay(evaluationDecider, evaluationHistories.delivered);
      expect(objectionFactsOf(state, SURABAYA, OBJECTION_POLICY_DEFAULTS)).toEqual({
        evaluation: {
          employee: EMPLOYEE,
          appraiser: APPRAISER,
          appraiserSuperior: APPRAISER_SUPERIOR,
          unit: UNIT,
          unitPeriod: UNIT_PERIOD,
          ruleBook: { id: 'permenpanrb-6-2022', version: 1 },
          status: 'delivered',
          deliveredAt: DELIVERED_AT,
          objectionDeadline: DEADLINE,
        },
        calendar: SURABAYA,
        policy: OBJECTION_POLICY_DEFAULTS,
      });
      expect(UNIT_PERIOD).toBe(`${UNIT}.${Q1}`);
    });

    it('gives no delivery before the evaluation is delivered, and nothing for an evaluation never opened', () => {
      const rated = objectionFactsOf(replay(evaluationDecider, evaluationHistories.rated), SURABAYA, OBJECTION_POLICY_DEFAULTS);
      expect(rated?.evaluation).toMatchObject({ status: 'rated', deliveredAt: null, objectionDeadline: null });
      expect(objectionFactsOf(evaluationDecider.initialState(), SURABAYA, OBJECTION_POLICY_DEFAULTS)).toBeUndefined();
    });

    it('facts read from a delivered evaluation are accepted for filing', () => {
      const facts = objectionFactsOf(replay(evaluationDecider, evaluationHistories.delivered), SURABAYA, OBJECTION_POLICY_DEFAULTS);
      if (facts === undefined) throw new Error('expected facts');
      given([]).when(fileObjection({ facts })).then([objectionFiled()]);
    });
  });

  describe('describeObjectionError', () => {
    it('names the missing party in plain words', () => {
      expect(describeObjectionError({ _tag: 'ExplanationsMissing', missing: ['appraiser'] })).toContain('the appraiser');
      expect(describeObjectionError({ _tag: 'ObjectionWindowClosed', deadline: DEADLINE })).toContain('BR-10');
    });
  });
});

describe('the testkit’s decision paths (used by the laws) reach every decision', () => {
  it('each path ends in its decision, after an escalation', () => {
    expect(decisionPaths.map((path) => run(path).events.map((e) => e.type))).toEqual(
      ['ObjectionRejected', 'ObjectionUpheld', 'ObjectionPartlyUpheld'].map((decision) => [
        'ObjectionFiled',
        'ExplanationRecorded',
        'ObjectionDecisionOverdue',
        'ExplanationRecorded',
        decision,
      ]),
    );
  });
});

describe('codecs at the edge', () => {
  it('a FileObjection as the engine builds it (shipped holiday calendar included) survives the wire', () => {
    const command = fileObjection();
    const back = FileObjectionCodec.decode(JSON.parse(JSON.stringify(FileObjectionCodec.encode(command))));
    expect(isRight(back) && deepEqual(back.right, command)).toBe(true);
  });

  it('a client cannot send the facts: the request codec refuses them as an unknown field', () => {
    const { facts, ...request } = fileObjection().data;
    expect(isRight(FileObjectionRequestCodec.decode(request))).toBe(true);
    const wire = FileObjectionCodec.encode(fileObjection()) as { data: { facts: unknown } };
    const withFacts = FileObjectionRequestCodec.decode(JSON.parse(JSON.stringify({ ...request, facts: wire.data.facts })));
    expect(isLeft(withFacts)).toBe(true);
    expect(facts.calendar).toBe(SURABAYA);
  });

  it('a decision names its outcome; a rating without an upholding outcome is refused', () => {
    const encoded = DecideObjectionCodec.encode(decideObjection(rejected)) as { data: object };
    expect(isLeft(DecideObjectionCodec.decode({ ...encoded, data: { ...encoded.data, rating: NEW_RATING } }))).toBe(true);
    const upheldWire = DecideObjectionCodec.encode(decideObjection(upheld())) as { data: Record<string, unknown> };
    const { rating: _rating, ...noRating } = upheldWire.data;
    expect(isLeft(DecideObjectionCodec.decode({ ...upheldWire, data: noRating }))).toBe(true);
  });
});
