import { isRight } from 'fp-ts/Either';
import { specFor } from '../testing';
import { DisciplineCommandCodec } from './codecs';
import type { RecordedDeadline } from '../calendar';
import type { Nip } from '../core';
import { disciplineDecider } from './decide';
import type { BreachReported, DisciplineEvent, SanctionImposed } from './discipline';
import type { Sanction } from './sanctions';
import { describeDisciplineError, type DisciplineError } from './errors';
import { disciplineCaseIdOf } from './ids';
import {
  asOperator,
  asPpk,
  asSuperior,
  asSystem,
  at,
  BKPSDM,
  CASE,
  d,
  decidedHistory,
  decideSanction,
  deliveredHistory,
  deliver,
  dismissCase,
  EMPLOYEE,
  evidenceOnlyHistory,
  examine,
  examinedHistory,
  formTim,
  ignoreSummons,
  INSPEKTUR,
  KABID,
  KADIS,
  KASI,
  meta,
  OPERATOR,
  POLICY,
  PPK,
  recordOverdue,
  recordServed,
  REPORT_FACTS,
  reportBreach,
  review,
  run,
  SAMARINDA,
  standing,
  stateOf,
  STRANGER,
  summon,
  SYSTEM,
  T,
  TIM,
  timExaminedHistory,
  WIB,
} from './discipline.testkit';

const given = specFor(disciplineDecider);

const CALENDAR_ID = 'id-2025-2027.v1';
const deadline = (endsAt: string): RecordedDeadline => ({
  endsAt: new Date(endsAt),
  days: 14,
  kind: 'working',
  calendar: CALENDAR_ID,
  timeZone: WIB,
});
/** BR-22: decided Monday 20 October 2025 → delivered by Friday 7 November, 23:59:59.999 WIB. */
const DEADLINE = deadline('2025-11-07T23:59:59.999+07:00');

const reported: BreachReported = {
  type: 'BreachReported',
  data: {
    caseId: CASE,
    employee: EMPLOYEE,
    allegation: 'Left the puskesmas during service hours without permission',
    source: { kind: 'superior' },
    facts: REPORT_FACTS,
    policy: POLICY,
    reportedBy: KASI,
    at: T.reported,
  },
};

const kasiAuthority = {
  table: 'pp-94-2021-kota.v1',
  official: 'pengawas',
  scope: 'bawahan',
  article: 'PP 94/2021 Ps 23',
  asOf: d('2025-10-20'),
  officialIsSuperior: true,
  employeeGrade: 'pelaksana',
} as const;

describe('discipline caseId: reporting a breach', () => {
  it('a superior in the employee’s line reports: BreachReported with the roster facts and the policy', () => {
    given([]).when(reportBreach()).then([reported]);
    given([])
      .when(reportBreach({}, asSuperior(KADIS, T.reported)))
      .then([{ ...reported, data: { ...reported.data, reportedBy: KADIS } }]);
  });

  it('refuses a "superior" report from someone outside the line of superiors', () => {
    given([])
      .when(reportBreach({}, asSuperior(STRANGER, T.reported)))
      .thenFails('NotASuperior', { employee: EMPLOYEE, actor: STRANGER, superiors: [KASI, KABID, KADIS] });
  });

  it('an operator reports from a complaint, with its reference', () => {
    const source = { kind: 'complaint', complaint: 'PGD/2025/0042' } as const;
    given([])
      .when(reportBreach({ source }, asOperator(T.reported)))
      .then([{ ...reported, data: { ...reported.data, source, reportedBy: OPERATOR } }]);
    given([]).when(reportBreach({ source }, asSuperior(KASI, T.reported))).thenFails('NotAllowedToReport', {
      source: 'complaint',
      role: 'pejabat-penilai',
    });
  });

  it('refuses an absence report whose proposal is not the one BR-15 gives', () => {
    given([])
      .when(
        reportBreach(
          {
            source: {
              kind: 'absence',
              rule: 'BR-15',
              year: 2025,
              unexcusedDays: 11,
              consecutiveWorkingDays: 2,
              dates: [],
              proposed: { type: 'teguran-tertulis' },
            },
          },
          asSystem(T.reported),
        ),
      )
      .thenFails('ProposalInconsistent', { expected: { type: 'potongan-tukin-25', months: 6 } });
  });

  it('refuses a case id that does not start with the employee’s NIP, and an employee without a position', () => {
    given([])
      .when(reportBreach({ caseId: disciplineCaseIdOf(KASI, 2025, '1') }))
      .thenFails('CaseIdMismatch', { employee: EMPLOYEE });
    given([])
      .when(reportBreach({ facts: { ...REPORT_FACTS, employeeGrade: null } }))
      .thenFails('EmployeeNotInRoster', { employee: EMPLOYEE });
  });

  it('BR-18: refuses an inaction case against the employee of the original case, and reporters other than the line or the PPK', () => {
    const source = {
      kind: 'superior-inaction',
      originalCase: disciplineCaseIdOf(EMPLOYEE, 2025, '1'),
      originalEmployee: EMPLOYEE,
      originalSanction: { type: 'teguran-lisan' },
    } as const;
    given([]).when(reportBreach({ source }, asPpk(T.reported))).thenFails('InactionAgainstSameEmployee');
    given([])
      .when(reportBreach({ source: { ...source, originalEmployee: STRANGER } }, asOperator(T.reported)))
      .thenFails('NotAllowedToReport', { source: 'superior-inaction' });
  });

  it('a case is reported once; every other command needs a reported case', () => {
    given([reported]).when(reportBreach()).thenFails('CaseAlreadyReported', { caseId: CASE });
    given([]).when(summon()).thenFails('CaseNotReported', { caseId: CASE });
  });

  it('a command for another case was routed to the wrong stream', () => {
    const other = disciplineCaseIdOf(EMPLOYEE, 2025, '2');
    given([reported])
      .when({ ...summon(), data: { ...summon().data, caseId: other } })
      .thenFails('WrongCase', { caseId: CASE, given: other });
  });
});

describe('discipline caseId: summons (PP 94/2021 Ps 26)', () => {
  it('the first summons names a date at least 7 working days ahead: 15 October for a summons on Monday 6 October', () => {
    given([reported])
      .when(summon())
      .then([
        {
          type: 'SummonsIssued',
          data: {
            caseId: CASE,
            n: 1,
            date: d('2025-10-15'),
            earliest: d('2025-10-15'),
            calendar: CALENDAR_ID,
            timeZone: WIB,
            issuedBy: KASI,
            at: T.summoned,
          },
        },
      ]);
  });

  it('refuses a date sooner than the notice, naming the earliest allowed date', () => {
    given([reported]).when(summon(d('2025-10-14'))).thenFails('SummonsTooSoon', {
      earliest: d('2025-10-15'),
      given: d('2025-10-14'),
    });
  });

  it('counts in the tenant’s zone: at 23:30 WIB on 6 October it is already 7 October in Samarinda (WITA)', () => {
    const lateEvening = at('2025-10-06T23:30:00+07:00');
    const surabaya = disciplineDecider.decide(summon(d('2025-10-15'), asSuperior(KASI, lateEvening)), stateOf([reported]));
    expect(surabaya._tag === 'Right' && surabaya.right[0]?.type === 'SummonsIssued' && surabaya.right[0].data.earliest).toBe('2025-10-15');
    given([reported])
      .when(summon(d('2025-10-15'), asSuperior(KASI, lateEvening), SAMARINDA))
      .thenFails('SummonsTooSoon', { earliest: d('2025-10-16') });
  });

  it('only the line of superiors, the Tim Pemeriksa or an authorised official summons', () => {
    given([reported]).when(summon(T.summonsDate, asOperator(T.summoned))).thenFails('NotAllowedToSummon');
    given([reported]).when(summon(T.summonsDate, meta(PPK, 'ppk', T.summoned))).then([
      {
        type: 'SummonsIssued',
        data: { caseId: CASE, n: 1, date: T.summonsDate, earliest: T.summonsDate, calendar: CALENDAR_ID, timeZone: WIB, issuedBy: PPK, at: T.summoned },
      },
    ]);
  });

  it('a second summons follows a first one that was ignored; a third is refused', () => {
    const first = run([summon()], [reported]);
    given(first).when(summon(d('2025-10-27'), asSuperior(KASI, at('2025-10-16T10:00:00+07:00')))).thenFails(
      'FirstSummonsNotIgnored',
      { date: d('2025-10-15') },
    );
    const ignored = run([ignoreSummons(asSuperior(KASI, at('2025-10-16T09:00:00+07:00')))], first);
    given(ignored)
      .when(summon(d('2025-10-27'), asSuperior(KASI, at('2025-10-16T10:00:00+07:00'))))
      .then([
        {
          type: 'SummonsIssued',
          data: {
            caseId: CASE,
            n: 2,
            date: d('2025-10-27'),
            earliest: d('2025-10-27'),
            calendar: CALENDAR_ID,
            timeZone: WIB,
            issuedBy: KASI,
            at: at('2025-10-16T10:00:00+07:00'),
          },
        },
      ]);
    given(evidenceOnlyHistory())
      .when(summon(d('2025-11-20'), asSuperior(KASI, at('2025-10-29T10:00:00+07:00'))))
      .thenFails('SummonsLimitReached');
  });

  it('a summons is recorded as ignored only after its day has passed, once, and not after an examination', () => {
    const summoned = run([summon()], [reported]);
    given(summoned)
      .when(ignoreSummons(asSuperior(KASI, at('2025-10-15T23:59:59+07:00'))))
      .thenFails('SummonsDateNotPassed', { n: 1, date: d('2025-10-15') });
    given(summoned)
      .when(ignoreSummons(asOperator(at('2025-10-16T00:00:00+07:00'))))
      .then([
        {
          type: 'SummonsIgnored',
          data: { caseId: CASE, n: 1, date: d('2025-10-15'), recordedBy: OPERATOR, at: at('2025-10-16T00:00:00+07:00') },
        },
      ]);
    const ignored = run([ignoreSummons(asOperator(at('2025-10-16T00:00:00+07:00')))], summoned);
    given(ignored).when(ignoreSummons(asOperator(at('2025-10-17T00:00:00+07:00')))).thenFails('SummonsAlreadyIgnored');
    given(examinedHistory()).when(ignoreSummons(asOperator(at('2025-10-17T00:00:00+07:00')))).thenFails('SummonsAttended');
    given([reported]).when(ignoreSummons(asOperator(at('2025-10-17T00:00:00+07:00')))).thenFails('NoSummons');
    given(summoned)
      .when(ignoreSummons(meta(STRANGER, 'pegawai', at('2025-10-17T00:00:00+07:00'))))
      .thenFails('NotAllowedToSummon');
  });
});

describe('discipline caseId: Tim Pemeriksa and examination', () => {
  const formedAt = at('2025-10-07T09:00:00+07:00');

  it('the PPK forms a Tim Pemeriksa of the superior, oversight and personnel', () => {
    given([reported])
      .when(formTim())
      .then([{ type: 'TimPemeriksaFormed', data: { caseId: CASE, members: TIM, formedBy: PPK, at: formedAt } }]);
  });

  it('refuses an incomplete Tim, a superior outside the line, the employee, a member twice, a second Tim, and other formers', () => {
    given([reported]).when(formTim(asPpk(formedAt), TIM.slice(0, 2))).thenFails('TimIncomplete', { missing: ['kepegawaian'] });
    given([reported])
      .when(formTim(asPpk(formedAt), [{ nip: STRANGER, element: 'atasan' }, ...TIM.slice(1)]))
      .thenFails('TimAtasanNotSuperior', { nip: STRANGER });
    given([reported])
      .when(formTim(asPpk(formedAt), [...TIM, { nip: EMPLOYEE, element: 'lainnya' }]))
      .thenFails('EmployeeOnTim');
    given([reported])
      .when(formTim(asPpk(formedAt), [...TIM, { nip: BKPSDM, element: 'lainnya' }]))
      .thenFails('TimMembersNotDistinct', { nip: BKPSDM });
    given(run([formTim()], [reported])).when(formTim()).thenFails('TimAlreadyFormed', { formedAt });
    given([reported]).when(formTim(asSuperior(KASI, formedAt))).thenFails('NotAllowedToFormTim');
  });

  it('the superior examines on the summons date: ExaminationRecorded by the atasan', () => {
    given(run([summon()], [reported]))
      .when(examine())
      .then([
        {
          type: 'ExaminationRecorded',
          data: {
            caseId: CASE,
            examiner: 'atasan',
            bap: 'BAP/123/2025',
            findings: 'The employee admits leaving without permission',
            examinedBy: KASI,
            at: T.examined,
          },
        },
      ]);
  });

  it('a Tim member examines as the Tim Pemeriksa', () => {
    const history = run([formTim(), summon()], [reported]);
    const when = at('2025-10-16T10:00:00+07:00');
    given(history)
      .when(examine(meta(INSPEKTUR, 'tim-pemeriksa', when)))
      .then([
        {
          type: 'ExaminationRecorded',
          data: {
            caseId: CASE,
            examiner: 'tim-pemeriksa',
            bap: 'BAP/123/2025',
            findings: 'The employee admits leaving without permission',
            examinedBy: INSPEKTUR,
            at: when,
          },
        },
      ]);
  });

  it('refuses an examination without a summons, before its date, after the employee did not appear, or by someone else', () => {
    given([reported]).when(examine()).thenFails('NoSummons');
    given(run([summon()], [reported]))
      .when(examine(asSuperior(KASI, at('2025-10-14T23:00:00+07:00'))))
      .thenFails('ExaminationBeforeSummonsDate', { date: d('2025-10-15') });
    given(run([summon(), ignoreSummons(asOperator(at('2025-10-16T08:00:00+07:00')))], [reported]))
      .when(examine(asSuperior(KASI, at('2025-10-16T09:00:00+07:00'))))
      .thenFails('EmployeeDidNotAppear', { n: 1 });
    given(run([summon()], [reported])).when(examine(meta(STRANGER, 'pegawai', T.examined))).thenFails('NotAnExaminer');
  });
});

const imposed = (overrides: Partial<SanctionImposed['data']> = {}): SanctionImposed => ({
  type: 'SanctionImposed',
  data: {
    caseId: CASE,
    employee: EMPLOYEE,
    sanction: { type: 'teguran-tertulis' },
    level: 'ringan',
    findings: 'Proven by the BAP and two witnesses',
    evidenceOnly: false,
    deliveryDeadline: DEADLINE,
    decidedBy: KASI,
    authority: kasiAuthority,
    ruleBook: 'pp-94-2021@1',
    articles: ['BR-14', 'PP 94/2021 Ps 8 ayat (2) huruf b', 'BR-19', 'PP 94/2021 Ps 16', 'PP 94/2021 Ps 23', 'BR-22'],
    at: T.decided,
    ...overrides,
  },
});

describe('discipline caseId: the decision', () => {
  it('the authorised superior imposes a ringan sanction after the examination, with authority, basis and the BR-22 deadline', () => {
    given(examinedHistory()).when(decideSanction({ type: 'teguran-tertulis' })).then([imposed()]);
  });

  it('records an effective date the decision names', () => {
    given(examinedHistory())
      .when(decideSanction({ type: 'teguran-tertulis' }, 'kasi', { inForceFrom: d('2025-11-01') }))
      .then([imposed({ inForceFrom: d('2025-11-01') })]);
    given(examinedHistory())
      .when(decideSanction({ type: 'teguran-tertulis' }, 'kasi', { inForceFrom: d('2025-10-19') }))
      .thenFails('EffectiveDateBeforeDecision', { decidedOn: d('2025-10-20') });
  });

  it('BR-19: refuses an official without authority, naming who has it', () => {
    given(examinedHistory())
      .when(decideSanction({ type: 'potongan-tukin-25', months: 6 }, 'kasi'))
      .thenFails('NotAuthorised', {
        official: KASI,
        officialRank: 'pengawas',
        sanction: 'potongan-tukin-25',
        level: 'sedang',
        authorised: [
          { official: 'ppk', scope: 'instansi', article: 'PP 94/2021 Ps 18' },
          { official: 'administrator', scope: 'bawahan', article: 'PP 94/2021 Ps 22' },
        ],
      });
  });

  it('refuses a decision before any examination, and the employee deciding their own case', () => {
    given(run([summon()], [reported])).when(decideSanction({ type: 'teguran-lisan' })).thenFails('NotExamined');
    given(examinedHistory())
      .when({ ...decideSanction({ type: 'teguran-lisan' }), metadata: meta(EMPLOYEE, 'pegawai', T.decided) })
      .thenFails('OfficialIsEmployee');
  });

  it('after the second summons is ignored, decides on the evidence there is (no examination)', () => {
    const history = evidenceOnlyHistory();
    const now = at('2025-10-29T10:00:00+07:00');
    given(history)
      .when(decideSanction({ type: 'teguran-lisan' }, 'kasi', { now }))
      .then([
        imposed({
          sanction: { type: 'teguran-lisan' },
          evidenceOnly: true,
          deliveryDeadline: deadline('2025-11-18T23:59:59.999+07:00'),
          articles: ['BR-14', 'PP 94/2021 Ps 8 ayat (2) huruf a', 'BR-19', 'PP 94/2021 Ps 16', 'PP 94/2021 Ps 23', 'PP 94/2021 Ps 26', 'BR-22'],
          at: now,
        }),
      ]);
  });

  it('BR-17: refuses berat without the Tim Pemeriksa’s examination; accepts it after', () => {
    const demotion = { type: 'penurunan-jabatan-12-bulan' } as const;
    given(examinedHistory()).when(decideSanction(demotion, 'ppk')).thenFails('TimPemeriksaRequired', { timFormed: false });
    const result = disciplineDecider.decide(decideSanction(demotion, 'ppk'), stateOf(timExaminedHistory()));
    expect(result._tag === 'Right' && result.right[0]?.type).toBe('SanctionImposed');
  });

  it('BR-18: a superior who did not act gets a heavier sanction than the original; after a dismissal, a dismissal', () => {
    const inaction = (originalSanction: Sanction) =>
      timExaminedHistory(
        reportBreach(
          { source: { kind: 'superior-inaction', originalCase: disciplineCaseIdOf(STRANGER, 2025, '7'), originalEmployee: STRANGER, originalSanction } },
          asPpk(T.reported),
        ),
      );
    const dismissal: Sanction = { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' };
    given(inaction(dismissal))
      .when(decideSanction({ type: 'pembebasan-jabatan-12-bulan' }, 'ppk'))
      .thenFails('SanctionNotHeavier', { mustExceed: dismissal });
    const result = disciplineDecider.decide(decideSanction({ type: 'pemberhentian' }, 'ppk'), stateOf(inaction(dismissal)));
    expect(result._tag === 'Right' && result.right[0]?.type === 'SanctionImposed' && result.right[0].data.articles).toEqual(
      expect.arrayContaining(['BR-17', 'BR-18', 'PP 94/2021 Ps 28']),
    );
    given(inaction({ type: 'potongan-tukin-25', months: 6 }))
      .when(decideSanction({ type: 'potongan-tukin-25', months: 6 }, 'kabid'))
      .thenFails('SanctionNotHeavier');
  });

  it('dismisses the case when no breach is proven, by an official with authority over the employee', () => {
    given(examinedHistory())
      .when(dismissCase('kasi'))
      .then([
        {
          type: 'CaseDismissed',
          data: {
            caseId: CASE,
            employee: EMPLOYEE,
            reason: 'The witnesses contradict each other',
            decidedBy: KASI,
            authority: { ...kasiAuthority },
            ruleBook: 'pp-94-2021@1',
            articles: ['BR-19', 'PP 94/2021 Ps 16', 'PP 94/2021 Ps 23'],
            at: T.decided,
          },
        },
      ]);
    given(run([summon()], [reported])).when(dismissCase('kasi')).thenFails('NotExamined');
    given(examinedHistory())
      .when({
        ...dismissCase('kasi'),
        data: { ...dismissCase('kasi').data, authority: standing(null, false) },
        metadata: meta(STRANGER, 'pegawai', T.decided),
      })
      .thenFails('NotAuthorisedToDismiss', { official: STRANGER });
  });

  it('a dismissed case refuses everything', () => {
    const dismissed = run([dismissCase('kasi')], examinedHistory());
    given(dismissed).when(summon()).thenFails('CaseClosed', { status: 'dismissed' });
    given(dismissed).when(reportBreach()).thenFails('CaseClosed', { status: 'dismissed' });
  });

  it('once decided, the examination stage is over', () => {
    given(decidedHistory()).when(examine()).thenFails('CaseAlreadyDecided', { status: 'decided' });
    given(decidedHistory()).when(decideSanction({ type: 'teguran-lisan' })).thenFails('CaseAlreadyDecided');
  });
});

describe('discipline caseId: delivery (BR-22), overdue, served', () => {
  it('delivered within the deadline: not late, in force from the 15th day after receipt', () => {
    given(decidedHistory())
      .when(deliver())
      .then([
        {
          type: 'DecisionDelivered',
          data: {
            caseId: CASE,
            sanction: { type: 'teguran-tertulis' },
            deadline: DEADLINE,
            late: false,
            inForce: { from: d('2025-11-06'), until: d('2025-11-06') },
            deliveredBy: KASI,
            ruleBook: 'pp-94-2021@1',
            articles: ['BR-22'],
            at: T.delivered,
          },
        },
      ]);
  });

  it('delivered after the deadline: recorded as late (the law says deliver; it does not annul the decision)', () => {
    const late = at('2025-11-08T00:00:00+07:00');
    const result = disciplineDecider.decide(deliver(asOperator(late)), stateOf(decidedHistory()));
    expect(result._tag === 'Right' && result.right[0]?.type === 'DecisionDelivered' && result.right[0].data.late).toBe(true);
  });

  it('refuses delivery by someone with no part in it, before a decision, and twice', () => {
    given(decidedHistory()).when(deliver(meta(STRANGER, 'pegawai', T.delivered))).thenFails('NotAllowedToDeliver');
    given(examinedHistory()).when(deliver()).thenFails('NoDecision', { status: 'reported' });
    given(deliveredHistory()).when(deliver()).thenFails('DecisionAlreadyDelivered', { deliveredAt: T.delivered });
  });

  it('the overdue delivery is escalated once, by the system, after the deadline', () => {
    const after = at('2025-11-08T00:00:00+07:00');
    given(decidedHistory())
      .when(recordOverdue(after))
      .then([
        {
          type: 'DeliveryOverdue',
          data: {
            caseId: CASE,
            deadline: DEADLINE,
            decidedBy: KASI,
            recordedBy: SYSTEM,
            ruleBook: 'pp-94-2021@1',
            articles: ['BR-22'],
            at: after,
          },
        },
      ]);
    given(decidedHistory()).when(recordOverdue(at('2025-11-07T23:59:59.999+07:00'))).thenFails('DeliveryNotOverdue');
    given(run([recordOverdue(after)], decidedHistory())).when(recordOverdue(after)).thenFails('OverdueAlreadyRecorded');
    given(decidedHistory())
      .when({ ...recordOverdue(after), metadata: asOperator(after) })
      .thenFails('NotSystem');
    given(deliveredHistory()).when(recordOverdue(after)).thenFails('DecisionAlreadyDelivered');
  });

  it('a sanction is served once its period has ended: a 6-month cut delivered 22 October runs 6 Nov – 6 May', () => {
    const cut = { type: 'potongan-tukin-25', months: 6 } as const;
    const history = run([deliver()], run([decideSanction(cut, 'kabid')], examinedHistory()));
    const delivered = history[history.length - 1] as DisciplineEvent;
    expect(delivered.type === 'DecisionDelivered' && delivered.data.inForce).toEqual({ from: d('2025-11-06'), until: d('2026-05-06') });
    given(history)
      .when(recordServed(asSystem(at('2026-05-05T23:59:59.999+07:00'))))
      .thenFails('SanctionStillInForce', { from: d('2025-11-06'), until: d('2026-05-06') });
    given(history)
      .when(recordServed(asSystem(at('2026-05-06T00:00:00+07:00'))))
      .then([
        {
          type: 'SanctionServed',
          data: {
            caseId: CASE,
            sanction: cut,
            inForce: { from: d('2025-11-06'), until: d('2026-05-06') },
            recordedBy: SYSTEM,
            at: at('2026-05-06T00:00:00+07:00'),
          },
        },
      ]);
    given(history).when(recordServed(meta(KASI, 'pejabat-penilai', at('2026-06-01T00:00:00+07:00')))).thenFails('NotSystemOrOperator');
    given(decidedHistory()).when(recordServed(asSystem(at('2026-06-01T00:00:00+07:00')))).thenFails('DecisionNotDelivered');
    const served = run([recordServed(asSystem(at('2026-05-06T00:00:00+07:00')))], history);
    given(served).when(recordServed(asSystem(at('2026-06-01T00:00:00+07:00')))).thenFails('SanctionAlreadyServed');
  });
});

describe('discipline caseId: review outcomes (BR-20, BR-21), sent by the review aggregates', () => {
  const cutHistory = (months: 6 | 9 | 12 = 9) =>
    run([deliver()], run([decideSanction({ type: 'potongan-tukin-25', months }, 'kabid')], examinedHistory()));
  const reviewedAt = at('2025-11-20T10:00:00+07:00');
  const reviewed = (outcome: string, previous: object, sanction: object | null, inForce: object | null, source = 'keberatan') => ({
    type: 'SanctionReviewed',
    data: {
      caseId: CASE,
      source,
      outcome,
      previous,
      sanction,
      inForce,
      reviewedBy: SYSTEM,
      authority: source === 'banding' ? 'BPASN (banding administratif)' : 'PPK (keberatan)',
      ruleBook: 'pp-79-2021@1',
      articles: source === 'banding' ? ['BR-20', 'PP 79/2021'] : ['BR-21', 'PP 79/2021'],
      at: reviewedAt,
    },
  });
  const nine = { type: 'potongan-tukin-25', months: 9 } as const;
  const six = { type: 'potongan-tukin-25', months: 6 } as const;

  it('memperingan: a lighter sanction from the same first day', () => {
    given(cutHistory())
      .when(review('keberatan', 'memperingan', six))
      .then([reviewed('memperingan', nine, six, { from: d('2025-11-06'), until: d('2026-05-06') }) as DisciplineEvent]);
  });

  it('memperkuat keeps the sanction; membatalkan annuls the case', () => {
    given(cutHistory())
      .when(review('keberatan', 'memperkuat'))
      .then([reviewed('memperkuat', nine, nine, { from: d('2025-11-06'), until: d('2026-08-06') }) as DisciplineEvent]);
    const annulled = run([review('keberatan', 'membatalkan')], cutHistory());
    expect(stateOf(annulled).status).toBe('annulled');
    given(annulled).when(recordServed(asSystem(at('2027-01-01T00:00:00+07:00')))).thenFails('CaseClosed', { status: 'annulled' });
  });

  it('deemed granted (BR-21): annulled, or the lighter sanction asked for', () => {
    given(cutHistory())
      .when(review('keberatan', 'deemed-granted'))
      .then([reviewed('deemed-granted', nine, null, null) as DisciplineEvent]);
    given(cutHistory()).when(review('keberatan', 'deemed-granted', { type: 'pemberhentian' })).thenFails('ReviewSanctionNotLighter');
  });

  it('refuses a review in the wrong direction, without or with a sanction it should not have, twice, or by anyone but the system', () => {
    given(cutHistory()).when(review('keberatan', 'memperingan', { type: 'potongan-tukin-25', months: 12 })).thenFails('ReviewSanctionNotLighter');
    given(cutHistory()).when(review('keberatan', 'memperberat', six)).thenFails('ReviewSanctionNotHeavier');
    given(cutHistory()).when(review('keberatan', 'mengubah', nine)).thenFails('ReviewSanctionUnchanged');
    given(cutHistory()).when(review('keberatan', 'mengubah')).thenFails('ReviewSanctionMissing');
    given(cutHistory()).when(review('keberatan', 'memperkuat', six)).thenFails('ReviewSanctionUnexpected');
    given(run([review('keberatan', 'memperkuat')], cutHistory()))
      .when(review('keberatan', 'memperingan', six))
      .thenFails('AlreadyReviewed', { source: 'keberatan', outcome: 'memperkuat' });
    given(cutHistory())
      .when({ ...review('keberatan', 'memperkuat'), metadata: asOperator(reviewedAt) })
      .thenFails('NotSystem');
    given(decidedHistory()).when(review('keberatan', 'memperkuat')).thenFails('DecisionNotDelivered');
  });

  it('banding goes against a dismissal only, keberatan against anything else', () => {
    given(cutHistory()).when(review('banding', 'memperkuat')).thenFails('WrongReviewSource', { source: 'banding' });
    const dismissal = run(
      [deliver()],
      run([decideSanction({ type: 'pemberhentian' }, 'ppk')], timExaminedHistory()),
    );
    given(dismissal).when(review('keberatan', 'memperkuat')).thenFails('WrongReviewSource', { source: 'keberatan' });
    const demotion = { type: 'penurunan-jabatan-12-bulan' } as const;
    const dismissed = { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' } as const;
    given(dismissal)
      .when(review('banding', 'memperingan', demotion))
      .then([reviewed('memperingan', dismissed, demotion, { from: d('2025-11-06'), until: d('2026-11-06') }, 'banding') as DisciplineEvent]);
  });

  it('takes the sanction in the shape the appeal sends it: { level, type, months }, checked against BR-14', () => {
    const sent = {
      type: 'ApplyReviewOutcome',
      data: { caseId: CASE, source: 'keberatan', outcome: 'memperingan', sanction: { level: 'sedang', type: 'potongan-tukin-25', months: 6 } },
      metadata: { now: '2025-11-20T03:00:00.000Z', actor: { nip: SYSTEM, role: 'sistem' } },
    };
    const decoded = DisciplineCommandCodec.decode(sent);
    expect(isRight(decoded)).toBe(true);
    if (isRight(decoded))
      given(cutHistory())
        .when(decoded.right)
        .then([reviewed('memperingan', nine, six, { from: d('2025-11-06'), until: d('2026-05-06') }) as DisciplineEvent]);
    given(cutHistory())
      .when(review('keberatan', 'memperingan', { level: 'ringan', type: 'potongan-tukin-25', months: 6 }))
      .thenFails('ReviewSanctionInvalid', { problem: 'potongan-tukin-25 is sedang, not ringan' });
    given(cutHistory())
      .when(review('keberatan', 'memperingan', { type: 'potongan-tukin-25', months: 3 }))
      .thenFails('ReviewSanctionInvalid');
    given(cutHistory())
      .when(review('keberatan', 'memperingan', { type: 'teguran-tertulis', kind: 'tidak-dengan-hormat' }))
      .thenFails('ReviewSanctionInvalid', { problem: 'only a dismissal has a kind, not teguran-tertulis' });
  });

  it('a review after the sanction was served puts the new sanction in force again', () => {
    const served = run([recordServed(asSystem(at('2026-08-06T00:00:00+07:00')))], cutHistory());
    const after = run([review('keberatan', 'memperberat', { type: 'potongan-tukin-25', months: 12 }, at('2026-08-10T00:00:00+07:00'))], served);
    const state = stateOf(after);
    expect(state.status).toBe('delivered');
    expect(state.status === 'delivered' && state.delivery.inForce).toEqual({ from: d('2025-11-06'), until: d('2026-11-06') });
  });
});

describe('describeDisciplineError', () => {
  it('gives every refusal met above a sentence that names its subject', () => {
    const errors: ReadonlyArray<DisciplineError> = [
      { _tag: 'SummonsTooSoon', earliest: d('2025-10-15'), given: d('2025-10-14') },
      { _tag: 'TimPemeriksaRequired', sanction: 'pemberhentian', timFormed: false, evidenceOnly: false },
      { _tag: 'NotASuperior', employee: EMPLOYEE, actor: STRANGER as Nip, superiors: [KASI] },
    ];
    expect(errors.map(describeDisciplineError)).toEqual([
      'a summons gives at least the notice the policy sets: the earliest date is 2025-10-15, not 2025-10-14',
      "BR-17: pemberhentian is berat: it needs the Tim Pemeriksa's examination",
      `${STRANGER} is not a superior of ${EMPLOYEE} (the line of superiors is ${KASI})`,
    ]);
  });
});
