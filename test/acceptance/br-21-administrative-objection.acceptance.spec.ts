/**
 * BR-21: an administrative objection (keberatan) against a disciplinary decision that is not a dismissal, e.g. a
 * sedang sanction, is filed within 14 working days of receipt; the PPK decides within 21 working days; undecided by
 * then, it is deemed granted [reg deadlines, PP 79/2021; deemed-granted is policy, default on]. Whether ringan
 * sanctions can be objected to is policy (default yes).
 */
import { APPEAL_POLICY_DEFAULTS, appealStreamId, dueAppeal, reactToAppeal, TenantId } from '@kinerja/domain';
import {
  caseId,
  decide,
  decision,
  deemGranted,
  fileObjection,
  newStream,
  ppk,
  refusalOnFresh,
  RINGAN,
  SEDANG,
  systemActor,
  systemAt,
  valid,
  type AppealStream,
} from './br-20-21-appeal-fixtures';

/** A sedang sanction (25% tunjangan kinerja cut) delivered in Surabaya on Monday 5 May 2025. */
const sedang = decision('2025-05-05T10:00:00+07:00', SEDANG);
/** 6–9 May, (12 Waisak, 13 cuti bersama) 14–16, 19–23, 26–27 May: Tuesday 27 May is the 14th working day. */
const FILING_DEADLINE = new Date('2025-05-27T23:59:59.999+07:00');
/**
 * Filed Wednesday 7 May: 8–9, 14–16, 19–23, 26–28 May (29 Ascension, 30 cuti bersama), 2–5 June (1 June Pancasila
 * is a Sunday, 6 June Idul Adha, 9 June cuti bersama), 10–13 June: Friday 13 June is the PPK's 21st working day.
 */
const DECISION_DEADLINE = new Date('2025-06-13T23:59:59.999+07:00');
const FILED_AT = '2025-05-07T10:00:00+07:00';
const AFTER = '2025-06-14T00:00:00+07:00';

const filed = (policy = APPEAL_POLICY_DEFAULTS): AppealStream => {
  const stream = newStream();
  stream.apply(fileObjection(sedang, FILED_AT, { policy }));
  return stream;
};

describe('BR-21 administrative objection (keberatan) against a non-dismissal decision', () => {
  it('is kept in its own stream category, keberatanadmin-<tenant>.<case>, apart from evaluation objections', () => {
    const stream = appealStreamId(valid(TenantId, 'surabaya'), 'keberatan', caseId);
    expect(stream).toBe(`keberatanadmin-surabaya.${caseId}`);
    expect(stream.startsWith('keberatan-')).toBe(false);
  });

  describe('filing within 14 working days of receipt', () => {
    it('skips Waisak and its cuti bersama: day 14 is 27 May, accepted to its last millisecond', () => {
      const [event] = filed().events;
      expect(event?.type === 'AdministrativeObjectionFiled' && event.data.filingDeadline.endsAt).toEqual(FILING_DEADLINE);
      expect(refusalOnFresh(fileObjection(sedang, '2025-05-27T23:59:59.999+07:00'))).toBeUndefined();
    });

    it('refuses day 15 from its first millisecond, naming the deadline', () => {
      expect(refusalOnFresh(fileObjection(sedang, '2025-05-28T00:00:00+07:00'))).toEqual({ _tag: 'FilingWindowClosed', deadline: FILING_DEADLINE });
    });
  });

  describe('ringan sanctions [policy, default: they can be objected to]', () => {
    const ringan = decision('2025-05-05T10:00:00+07:00', RINGAN);

    it('by default a teguran tertulis can be objected to', () => {
      expect(refusalOnFresh(fileObjection(ringan, FILED_AT))).toBeUndefined();
    });

    it('a tenant that says no refuses it, and still takes objections to sedang sanctions', () => {
      const policy = { ...APPEAL_POLICY_DEFAULTS, ringanObjectable: false };
      expect(refusalOnFresh(fileObjection(ringan, FILED_AT, { policy }))?._tag).toBe('RinganNotObjectable');
      expect(refusalOnFresh(fileObjection(sedang, FILED_AT, { policy }))).toBeUndefined();
    });
  });

  describe('the PPK decides within 21 working days', () => {
    it('records the deadline with the filing', () => {
      const [event] = filed().events;
      expect(event?.type === 'AdministrativeObjectionFiled' && event.data.decisionDeadline.endsAt).toEqual(DECISION_DEADLINE);
    });

    it('a decision on day 21 changes the sanction through the discipline case', () => {
      const stream = filed();
      const sanction = { level: 'ringan' as const, type: 'pernyataan-tidak-puas' };
      const [event] = stream.apply(decide('keberatan', 'memperingan', '2025-06-13T15:00:00+07:00', { sanction }));
      expect(event).toMatchObject({
        type: 'SanctionLightenedOnReview',
        data: { kind: 'keberatan', decidedBy: ppk, authority: 'ppk', late: false, articles: ['BR-21', 'PP 79/2021'], sanction },
      });
      if (event === undefined) throw new Error('no event');
      const metadata = systemAt('2025-06-13T15:00:01+07:00');
      expect(reactToAppeal(event, metadata)).toEqual([
        { type: 'ApplyReviewOutcome', data: { caseId, source: 'keberatan', outcome: 'memperingan', sanction }, metadata },
      ]);
    });

    it('is the PPK’s decision', () => {
      expect(filed().refusal(decide('keberatan', 'membatalkan', '2025-06-02T10:00:00+07:00', { nip: ppk, role: 'pejabat-berwenang-menghukum' }))).toBe(
        'NotAuthorised',
      );
    });
  });

  describe('undecided after 21 working days: deemed granted [policy on, the default]', () => {
    it('nothing is due on day 21; from the first instant after it, the timer deems the objection granted', () => {
      const stream = filed();
      expect(dueAppeal(DECISION_DEADLINE, stream.state, systemActor)).toEqual([]);
      expect(stream.refusal(deemGranted('2025-06-13T23:59:59.999+07:00'))).toBe('DecisionPeriodNotOver');
      const due = dueAppeal(new Date(AFTER), stream.state, systemActor);
      expect(due).toEqual([deemGranted(AFTER)]);
      for (const command of due) stream.apply(command);
      const granted = stream.events[1];
      expect(granted).toMatchObject({
        type: 'ObjectionDeemedGranted',
        data: { deadline: DECISION_DEADLINE, authority: 'fiktif-positif', previous: { level: 'sedang', type: 'potongan-tukin-25' } },
      });
      if (granted === undefined) throw new Error('no event');
      const metadata = systemAt(AFTER);
      expect(reactToAppeal(granted, metadata)).toEqual([
        { type: 'ApplyReviewOutcome', data: { caseId, source: 'keberatan', outcome: 'deemed-granted' }, metadata },
      ]);
    });

    it('a late PPK decision is refused, before the timer ran and after', () => {
      const stream = filed();
      expect(stream.refusal(decide('keberatan', 'memperkuat', '2025-06-16T09:00:00+07:00'))).toBe('DecisionPeriodOver');
      stream.apply(deemGranted(AFTER));
      expect(stream.refusal(decide('keberatan', 'memperkuat', '2025-06-16T09:00:00+07:00'))).toBe('AppealDecided');
    });
  });

  describe('with the deemed-granted policy off', () => {
    const off = { ...APPEAL_POLICY_DEFAULTS, objectionDeemedGranted: false };

    it('nothing is due and nothing is deemed granted after 21 working days', () => {
      const stream = filed(off);
      expect(dueAppeal(new Date(AFTER), stream.state, systemActor)).toEqual([]);
      expect(stream.refusal(deemGranted(AFTER))).toBe('DeemedGrantedDisabled');
    });

    it('the PPK still decides, and the decision is recorded as late', () => {
      const stream = filed(off);
      const [event] = stream.apply(decide('keberatan', 'memperkuat', '2025-06-20T09:00:00+07:00'));
      expect(event).toMatchObject({ type: 'SanctionAffirmedOnReview', data: { late: true } });
    });
  });
});
