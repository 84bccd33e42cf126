import { isLeft, isRight } from 'fp-ts/Either';
import { INDONESIA_2025_2027 } from '../calendar';
import { decodeWith, LocalDate, replay, TenantId } from '../core';
import {
  APPEAL_OUTCOMES,
  appealStreamId,
  basisOfAppeal,
  evolve,
  type AppealEvent,
  type AppealState,
} from './appeal';
import {
  AFTER_PPK_DEADLINE,
  appealDecided,
  appealFiled,
  BPASN,
  CASE,
  deemGranted,
  DELIVERED_AT,
  DISMISSAL,
  decideAppeal,
  EMPLOYEE,
  fileAppeal,
  fileObjection,
  FILING_DEADLINE,
  histories,
  markOverdue,
  objectionDeemedGranted,
  objectionFiled,
  OTHER_CASE,
  OUTSIDER,
  PPK,
  PPK_DEADLINE,
  ppkResponseRecorded,
  recordPpkResponse,
  responseOverdue,
  RINGAN,
  SEDANG,
  SYSTEM,
  valid,
  LIGHTER,
  HEAVIER,
  DECIDED_AT,
} from './appeal.testkit';
import { AppealCommandCodec, appealCommandCodecs, AppealEventCodec, FileAdministrativeObjectionCodec, FileAppealRequestCodec } from './codecs';
import { appealDecider, appealKindOf, appealStreamIdOf, dueAppeal, type AppealCommand } from './decide';
import { describeAppealError, type AppealErrorTag } from './errors';
import { coverageSpecFor } from '../testing/decider.testkit';

// Every refusal tag and every command's success must be specified below; the last test checks it.
const { given, refusalsSeen, successesSeen } = coverageSpecFor(appealDecider, describeAppealError);

const stateAfter = (events: ReadonlyArray<AppealEvent>): AppealState => replay(appealDecider, events);
const SURABAYA_TENANT = valid(TenantId, 'surabaya');
const { keberatanFiled, bandingFiled, bandingResponded, bandingOverdue } = histories;

describe('appeal (keberatan and banding, PP 79/2021)', () => {
  it('has two stream categories per case: keberatanadmin and banding (never under the evaluation objection’s keberatan- prefix)', () => {
    expect(appealStreamId(SURABAYA_TENANT, 'keberatan', CASE)).toBe('keberatanadmin-surabaya.198503152010011002.2025-1');
    expect(appealStreamId(SURABAYA_TENANT, 'banding', CASE)).toBe('banding-surabaya.198503152010011002.2025-1');
    expect(appealStreamIdOf(SURABAYA_TENANT, deemGranted())).toBe('keberatanadmin-surabaya.198503152010011002.2025-1');
    expect(appealStreamIdOf(SURABAYA_TENANT, recordPpkResponse())).toBe('banding-surabaya.198503152010011002.2025-1');
    expect(appealKindOf(decideAppeal('banding', 'memperkuat'))).toBe('banding');
  });

  describe('before anything is filed', () => {
    it.each<[string, AppealCommand]>([
      ['RecordPpkResponse', recordPpkResponse()],
      ['MarkPpkResponseOverdue', markOverdue()],
      ['DecideAppeal', decideAppeal('keberatan', 'memperkuat')],
      ['DeemGranted', deemGranted()],
    ])('refuses %s: nothing has been filed', (_name, command) => {
      given([]).when(command).thenFails('AppealNotFiled', { caseId: CASE });
    });
  });

  describe('BR-21 filing a keberatan', () => {
    it('files a keberatan against a sedang sanction, with the deadlines in the tenant calendar', () => {
      given([]).when(fileObjection()).then([objectionFiled()]);
    });

    it('files against a ringan sanction when the policy allows it (default)', () => {
      given([]).when(fileObjection({ decision: RINGAN })).then([objectionFiled({ decision: RINGAN })]);
    });

    it('refuses a ringan sanction when the policy does not allow it', () => {
      const policy = { objectionDeemedGranted: true, ringanObjectable: false };
      given([]).when(fileObjection({ decision: RINGAN, policy })).thenFails('RinganNotObjectable', { caseId: CASE });
      given([]).when(fileObjection({ policy })).then([objectionFiled({ policy })]);
    });

    it('refuses a dismissal: that goes to BPASN', () => {
      given([]).when(fileObjection({ decision: DISMISSAL })).thenFails('DismissalGoesToBanding', { sanctionType: 'pemberhentian' });
    });

    it('is filed by the sanctioned employee only', () => {
      given([]).when(fileObjection({ by: OUTSIDER })).thenFails('NotTheSanctionedEmployee', { employee: EMPLOYEE, actor: OUTSIDER });
    });

    it('refuses a request whose case is not the decision looked up', () => {
      given([]).when(fileObjection({ caseId: OTHER_CASE })).thenFails('DecisionOfAnotherCase', {
        caseId: OTHER_CASE,
        decisionCaseId: CASE,
      });
    });

    it('needs written reasons', () => {
      given([]).when(fileObjection({ reasons: [] })).thenFails('NoReasonsGiven');
    });

    it('cannot be filed before the decision is delivered', () => {
      given([])
        .when(fileObjection({ now: new Date('2025-10-06T09:59:59+07:00') }))
        .thenFails('DecisionNotYetDelivered', { deliveredAt: DELIVERED_AT });
    });

    it('accepts day 14 up to its last millisecond and refuses day 15', () => {
      given([])
        .when(fileObjection({ now: FILING_DEADLINE.endsAt }))
        .then([objectionFiled({ now: FILING_DEADLINE.endsAt, ppkDeadline: { ...PPK_DEADLINE, endsAt: new Date('2025-11-24T23:59:59.999+07:00') } })]);
      given([])
        .when(fileObjection({ now: new Date(FILING_DEADLINE.endsAt.getTime() + 1) }))
        .thenFails('FilingWindowClosed', { deadline: FILING_DEADLINE.endsAt });
    });

    it('refuses when the holiday calendar does not cover the deadline, rather than guess', () => {
      const late = { ...SEDANG, deliveredAt: new Date('2027-12-20T10:00:00+07:00') };
      given([])
        .when(fileObjection({ decision: late, now: new Date('2027-12-21T10:00:00+07:00') }))
        .thenFails('CalendarNotCovering', { calendar: INDONESIA_2025_2027.id, date: valid(LocalDate, '2028-01-01') });
    });

    it('refuses the PPK deadline too when only the filing window is covered', () => {
      const late = { ...SEDANG, deliveredAt: new Date('2027-12-09T10:00:00+07:00') };
      given([])
        .when(fileObjection({ decision: late, now: new Date('2027-12-10T10:00:00+07:00') }))
        .thenFails('CalendarNotCovering', { date: valid(LocalDate, '2028-01-01') });
    });

    it('is filed once', () => {
      given(keberatanFiled).when(fileObjection()).thenFails('AppealAlreadyFiled', { kind: 'keberatan', caseId: CASE });
    });
  });

  describe('BR-20 filing a banding', () => {
    it('files a banding against a dismissal', () => {
      given([]).when(fileAppeal()).then([appealFiled()]);
    });

    it('refuses anything but a dismissal: that is a keberatan', () => {
      given([]).when(fileAppeal({ decision: SEDANG })).thenFails('BandingOnlyAgainstDismissal', { caseId: CASE });
    });

    it('refuses day 15', () => {
      given([])
        .when(fileAppeal({ now: new Date('2025-10-25T00:00:00+07:00') }))
        .thenFails('FilingWindowClosed', { deadline: FILING_DEADLINE.endsAt });
    });

    it('is filed once', () => {
      given(bandingFiled).when(fileAppeal()).thenFails('AppealAlreadyFiled', { kind: 'banding' });
    });
  });

  describe('routing', () => {
    it('refuses a command for another case or the other kind', () => {
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperkuat', { caseId: OTHER_CASE }))
        .thenFails('WrongAppeal', { caseId: CASE, givenCaseId: OTHER_CASE });
      given(keberatanFiled).when(recordPpkResponse()).thenFails('WrongAppeal', { kind: 'keberatan', givenKind: 'banding' });
      given(bandingFiled).when(deemGranted()).thenFails('WrongAppeal', { kind: 'banding', givenKind: 'keberatan' });
    });
  });

  describe('BR-20 the PPK’s response to a banding', () => {
    it('records the PPK’s response within 21 working days', () => {
      given(bandingFiled).when(recordPpkResponse()).then([ppkResponseRecorded()]);
    });

    it('records a late response as late', () => {
      given(bandingFiled)
        .when(recordPpkResponse({ now: AFTER_PPK_DEADLINE }))
        .then([ppkResponseRecorded({ now: AFTER_PPK_DEADLINE, late: true })]);
      given(bandingOverdue)
        .when(recordPpkResponse({ now: AFTER_PPK_DEADLINE }))
        .then([ppkResponseRecorded({ now: AFTER_PPK_DEADLINE, late: true })]);
    });

    it('is the PPK’s', () => {
      given(bandingFiled).when(recordPpkResponse({ by: OUTSIDER, role: 'operator' })).thenFails('NotAuthorised', {
        required: 'ppk',
        actor: OUTSIDER,
        role: 'operator',
      });
    });

    it('is recorded once', () => {
      given(bandingResponded).when(recordPpkResponse()).thenFails('PpkResponseAlreadyRecorded');
    });

    it('is noted overdue by the system after the 21 working days, once', () => {
      given(bandingFiled).when(markOverdue()).then([responseOverdue()]);
      given(bandingOverdue).when(markOverdue()).thenFails('PpkResponseOverdueAlreadyNoted', { notedAt: AFTER_PPK_DEADLINE });
    });

    it('is not overdue on day 21', () => {
      given(bandingFiled).when(markOverdue({ now: PPK_DEADLINE.endsAt })).thenFails('PpkResponseNotOverdue', { deadline: PPK_DEADLINE.endsAt });
    });

    it('is not overdue once given, and only the system notes it', () => {
      given(bandingResponded).when(markOverdue()).thenFails('PpkResponseAlreadyRecorded');
      given(bandingFiled).when(markOverdue({ by: PPK })).thenFails('NotSystem', { actor: PPK, role: 'ppk' });
    });
  });

  describe('deciding a keberatan (the PPK, BR-21)', () => {
    it.each(APPEAL_OUTCOMES)('decides %s: one event per outcome, with the PPK’s authority and the articles', (outcome) => {
      given(keberatanFiled).when(decideAppeal('keberatan', outcome)).then([appealDecided('keberatan', outcome)]);
    });

    it('is the PPK’s decision, not BPASN’s', () => {
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperkuat', { by: BPASN }))
        .thenFails('NotAuthorised', { required: 'ppk', actor: BPASN, role: 'bpasn' });
    });

    it('refuses a decision after the 21 working days when the objection is deemed granted (policy on)', () => {
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperkuat', { now: AFTER_PPK_DEADLINE }))
        .thenFails('DecisionPeriodOver', { deadline: PPK_DEADLINE.endsAt });
    });

    it('takes a late decision, recorded as late, when the policy does not deem it granted', () => {
      const policy = { objectionDeemedGranted: false, ringanObjectable: true };
      given([objectionFiled({ policy })])
        .when(decideAppeal('keberatan', 'membatalkan', { now: AFTER_PPK_DEADLINE }))
        .then([appealDecided('keberatan', 'membatalkan', { now: AFTER_PPK_DEADLINE, late: true })]);
    });

    it('decides on day 21 in time', () => {
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperkuat', { now: PPK_DEADLINE.endsAt }))
        .then([appealDecided('keberatan', 'memperkuat', { now: PPK_DEADLINE.endsAt })]);
    });

    it('needs reasons', () => {
      given(keberatanFiled).when(decideAppeal('keberatan', 'memperkuat', { reasons: [] })).thenFails('NoReasonsGiven');
    });

    it('names the new sanction for memperingan, memperberat and mengubah, and none for the others', () => {
      for (const outcome of ['memperingan', 'memperberat', 'mengubah'] as const)
        given(keberatanFiled).when(decideAppeal('keberatan', outcome, { sanction: null })).thenFails('NewSanctionRequired', { outcome });
      for (const outcome of ['memperkuat', 'membatalkan'] as const)
        given(keberatanFiled).when(decideAppeal('keberatan', outcome, { sanction: LIGHTER })).thenFails('NewSanctionNotAllowed', { outcome });
    });

    it('memperingan sets a sanction of the same or a lower level', () => {
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperingan', { sanction: HEAVIER }))
        .thenFails('SanctionNotLighter', { previous: 'sedang', given: 'berat' });
      const shorter = { level: 'sedang' as const, type: 'potongan-tukin-25', months: 6 };
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperingan', { sanction: shorter }))
        .then([appealDecided('keberatan', 'memperingan', { sanction: shorter })]);
    });

    it('memperberat sets a sanction of the same or a higher level', () => {
      given(keberatanFiled)
        .when(decideAppeal('keberatan', 'memperberat', { sanction: LIGHTER }))
        .thenFails('SanctionNotHeavier', { previous: 'sedang', given: 'ringan' });
    });

    it('a new sanction differs from the one under review', () => {
      const same = { level: 'sedang' as const, type: 'potongan-tukin-25' };
      given(keberatanFiled).when(decideAppeal('keberatan', 'mengubah', { sanction: same })).thenFails('SanctionUnchanged', { sanction: same });
    });
  });

  describe('BR-21 deemed granted', () => {
    it('is deemed granted by the system after 21 working days undecided (policy on)', () => {
      given(keberatanFiled).when(deemGranted()).then([objectionDeemedGranted()]);
    });

    it('not on day 21', () => {
      given(keberatanFiled).when(deemGranted({ now: PPK_DEADLINE.endsAt })).thenFails('DecisionPeriodNotOver', { deadline: PPK_DEADLINE.endsAt });
    });

    it('never with the policy off', () => {
      given([objectionFiled({ policy: { objectionDeemedGranted: false, ringanObjectable: true } })])
        .when(deemGranted())
        .thenFails('DeemedGrantedDisabled');
    });

    it('only by the system', () => {
      given(keberatanFiled).when(deemGranted({ by: PPK })).thenFails('NotSystem', { actor: PPK, role: 'ppk' });
    });
  });

  describe('deciding a banding (BPASN, BR-20)', () => {
    it.each(APPEAL_OUTCOMES)('decides %s after the PPK’s response', (outcome) => {
      given(bandingResponded).when(decideAppeal('banding', outcome)).then([appealDecided('banding', outcome)]);
    });

    it('decides without the response once its 21 working days have passed', () => {
      given(bandingOverdue)
        .when(decideAppeal('banding', 'membatalkan', { now: AFTER_PPK_DEADLINE }))
        .then([appealDecided('banding', 'membatalkan', { now: AFTER_PPK_DEADLINE })]);
      given(bandingFiled)
        .when(decideAppeal('banding', 'membatalkan', { now: AFTER_PPK_DEADLINE }))
        .then([appealDecided('banding', 'membatalkan', { now: AFTER_PPK_DEADLINE })]);
    });

    it('waits for the PPK’s response while its time runs', () => {
      given(bandingFiled).when(decideAppeal('banding', 'memperkuat')).thenFails('AwaitingPpkResponse', { deadline: PPK_DEADLINE.endsAt });
    });

    it('is BPASN’s decision, not the PPK’s', () => {
      given(bandingResponded)
        .when(decideAppeal('banding', 'memperkuat', { by: PPK }))
        .thenFails('NotAuthorised', { required: 'bpasn', actor: PPK, role: 'ppk' });
    });

    it('is binding: after it every command is refused', () => {
      const decided = histories.bandingDecided;
      for (const command of [
        decideAppeal('banding', 'membatalkan'),
        recordPpkResponse(),
        markOverdue(),
        fileAppeal(),
        deemGranted(),
      ])
        given(decided).when(command).thenFails('AppealDecided', { kind: 'banding', caseId: CASE, decidedAt: DECIDED_AT });
    });
  });

  describe('timers: dueAppeal', () => {
    const system = { nip: SYSTEM, role: 'sistem' as const };

    it('deems a keberatan granted after 21 working days, with the policy on only', () => {
      expect(dueAppeal(PPK_DEADLINE.endsAt, stateAfter(keberatanFiled), system)).toEqual([]);
      expect(dueAppeal(AFTER_PPK_DEADLINE, stateAfter(keberatanFiled), system)).toEqual([deemGranted()]);
      const off = stateAfter([objectionFiled({ policy: { objectionDeemedGranted: false, ringanObjectable: true } })]);
      expect(dueAppeal(AFTER_PPK_DEADLINE, off, system)).toEqual([]);
    });

    it('notes an overdue PPK response once, and nothing after a response', () => {
      expect(dueAppeal(AFTER_PPK_DEADLINE, stateAfter(bandingFiled), system)).toEqual([markOverdue()]);
      expect(dueAppeal(AFTER_PPK_DEADLINE, stateAfter(bandingOverdue), system)).toEqual([]);
      expect(dueAppeal(AFTER_PPK_DEADLINE, stateAfter(bandingResponded), system)).toEqual([]);
    });

    it('has nothing due before filing or after the decision', () => {
      expect(dueAppeal(AFTER_PPK_DEADLINE, stateAfter([]), system)).toEqual([]);
      expect(dueAppeal(AFTER_PPK_DEADLINE, stateAfter(histories.keberatanDecided), system)).toEqual([]);
    });

    it('what is due is accepted', () => {
      for (const history of [keberatanFiled, bandingFiled])
        for (const command of dueAppeal(AFTER_PPK_DEADLINE, stateAfter(history), system))
          expect(isRight(appealDecider.decide(command, stateAfter(history)))).toBe(true);
    });
  });

  describe('basis', () => {
    it('every event rests on PP 79/2021 and its BR articles', () => {
      expect(basisOfAppeal(objectionFiled())).toEqual({ ruleBook: 'pp-79-2021@1', articles: ['BR-21', 'PP 79/2021'] });
      expect(basisOfAppeal(appealDecided('banding', 'memperkuat'))).toEqual({ ruleBook: 'pp-79-2021@1', articles: ['BR-20', 'PP 79/2021'] });
      expect(basisOfAppeal(objectionDeemedGranted())?.articles).toContain('BR-21');
    });
  });

  describe('evolve', () => {
    it('ignores events that do not fit the state and types it does not know', () => {
      const filed = stateAfter(keberatanFiled);
      expect(evolve(filed, ppkResponseRecorded())).toBe(filed);
      expect(evolve(filed, responseOverdue())).toBe(filed);
      expect(evolve(filed, objectionFiled())).toBe(filed);
      expect(evolve(filed, appealDecided('banding', 'memperkuat'))).toBe(filed);
      const banding = stateAfter(bandingFiled);
      expect(evolve(banding, objectionDeemedGranted())).toBe(banding);
      expect(evolve(stateAfter([]), appealDecided('keberatan', 'memperkuat'))).toEqual({ status: 'empty' });
      expect(evolve(filed, { type: 'AppealRenamed', data: {} } as unknown as AppealEvent)).toBe(filed);
    });

    it('keeps the ruling and the PPK’s response once decided', () => {
      const state = stateAfter([...bandingResponded, appealDecided('banding', 'memperingan')]);
      expect(state.status === 'decided' && state.ruling.outcome).toBe('memperingan');
      expect(state.status === 'decided' && state.ppkResponse?.response).toBeDefined();
      const deemed = stateAfter(histories.keberatanDeemedGranted);
      expect(deemed.status === 'decided' && deemed.ruling).toMatchObject({ outcome: 'deemed-granted', authority: 'fiktif-positif' });
    });
  });

  describe('codecs at the edge', () => {
    it('refuses the engine’s facts from a client', () => {
      const body = (FileAdministrativeObjectionCodec.encode(fileObjection()) as { data: Record<string, unknown> }).data;
      const result = decodeWith(FileAppealRequestCodec)(body);
      expect(isLeft(result) && result.left.map((p) => p.path).sort()).toEqual(['calendar', 'decision', 'policy']);
      expect(isRight(FileAppealRequestCodec.decode({ caseId: CASE, reasons: ['x'] }))).toBe(true);
    });

    it('refuses an unknown outcome and unknown fields', () => {
      const wire = AppealCommandCodec.encode(decideAppeal('keberatan', 'memperkuat')) as { data: object };
      expect(isLeft(AppealCommandCodec.decode({ ...wire, data: { ...wire.data, outcome: 'menolak' } }))).toBe(true);
      expect(isLeft(AppealCommandCodec.decode({ ...wire, data: { ...wire.data, note: 'x' } }))).toBe(true);
    });

    it('strips unknown fields from stored events', () => {
      const wire = AppealEventCodec.encode(objectionFiled()) as { data: object };
      const back = AppealEventCodec.decode({ ...wire, data: { ...wire.data, comment: 'x' } });
      expect(isRight(back) && back.right).toEqual(objectionFiled());
    });
  });

  it('specifies every command’s success and every refusal', () => {
    const tags: { readonly [K in AppealErrorTag]: null } = {
      AppealNotFiled: null,
      AppealAlreadyFiled: null,
      AppealDecided: null,
      WrongAppeal: null,
      DecisionOfAnotherCase: null,
      NotTheSanctionedEmployee: null,
      DismissalGoesToBanding: null,
      BandingOnlyAgainstDismissal: null,
      RinganNotObjectable: null,
      DecisionNotYetDelivered: null,
      FilingWindowClosed: null,
      NoReasonsGiven: null,
      CalendarNotCovering: null,
      NotAuthorised: null,
      NotSystem: null,
      PpkResponseAlreadyRecorded: null,
      PpkResponseNotOverdue: null,
      PpkResponseOverdueAlreadyNoted: null,
      AwaitingPpkResponse: null,
      DecisionPeriodOver: null,
      NewSanctionRequired: null,
      NewSanctionNotAllowed: null,
      SanctionNotLighter: null,
      SanctionNotHeavier: null,
      SanctionUnchanged: null,
      DeemedGrantedDisabled: null,
      DecisionPeriodNotOver: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag as AppealErrorTag))).toEqual([]);
    expect(Object.keys(appealCommandCodecs).filter((type) => !successesSeen.has(type as AppealCommand['type']))).toEqual([]);
  });
});
