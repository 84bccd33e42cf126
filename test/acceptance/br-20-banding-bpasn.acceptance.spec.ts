/**
 * BR-20: an administrative appeal (banding administratif) against a dismissal goes to BPASN within 14 working
 * days of receipt; the PPK responds within 21 working days; BPASN decides with one of five outcomes (memperkuat,
 * memperingan, memperberat, mengubah, membatalkan), and its decision is binding [reg: PP 79/2021]. Working days
 * skip weekends and the tenant's holidays and cuti bersama; a deadline ends at 23:59:59.999 local time.
 */
import { isLeft } from 'fp-ts/Either';
import { appealStreamId, dueAppeal, reactToAppeal, TenantId, type AppealOutcome, type ReviewedSanction } from '@kinerja/domain';
import {
  bpasn,
  caseId,
  decide,
  decision,
  DISMISSAL,
  fileAppeal,
  fileObjection,
  newStream,
  ppk,
  ppkResponds,
  refusalOnFresh,
  samarinda,
  SEDANG,
  systemActor,
  systemAt,
  valid,
  type AppealStream,
} from './br-20-21-appeal-fixtures';

/** A dismissal delivered in Surabaya on Thursday 20 March 2025, before Nyepi and Idul Fitri. */
const dismissal = decision('2025-03-20T10:00:00+07:00', DISMISSAL);
/** 14 working days after 20 March: 21, 24–27 March (28 cuti Nyepi, 31 Mar–7 Apr Idul Fitri and cuti bersama),
 *  8–11 and 14–17 April (18 Good Friday), then Monday 21 April is the 14th. */
const FILING_DEADLINE = new Date('2025-04-21T23:59:59.999+07:00');

const filed = (at = '2025-04-10T09:00:00+07:00'): AppealStream => {
  const stream = newStream();
  stream.apply(fileAppeal(dismissal, at));
  return stream;
};

describe('BR-20 banding to BPASN against a dismissal', () => {
  it('is kept in its own stream category, banding-<tenant>.<case>', () => {
    expect(appealStreamId(valid(TenantId, 'surabaya'), 'banding', caseId)).toBe(`banding-surabaya.${caseId}`);
  });

  describe('filing within 14 working days of receipt', () => {
    it('counts working days across Nyepi, Idul Fitri with its cuti bersama and Good Friday: the 14th is 21 April', () => {
      const [event] = filed().events;
      expect(event?.type === 'AppealFiled' && event.data.filingDeadline).toMatchObject({
        endsAt: FILING_DEADLINE,
        days: 14,
        kind: 'working',
        calendar: 'id-2025-2027.v1',
      });
    });

    it('accepts a filing 21 calendar days after receipt, which 14 calendar days would have refused', () => {
      expect(refusalOnFresh(fileAppeal(dismissal, '2025-04-10T09:00:00+07:00'))).toBeUndefined();
    });

    it('accepts day 14 up to its last millisecond, refuses day 15 from its first, naming the deadline', () => {
      expect(refusalOnFresh(fileAppeal(dismissal, '2025-04-21T23:59:59.999+07:00'))).toBeUndefined();
      expect(refusalOnFresh(fileAppeal(dismissal, '2025-04-22T00:00:00+07:00'))).toEqual({ _tag: 'FilingWindowClosed', deadline: FILING_DEADLINE });
    });

    it('an instant near midnight is Thursday in WIB and Friday in WITA: Samarinda’s 14th working day is a day later', () => {
      const delivered = '2025-10-09T16:30:00Z'; // Thu 23:30 WIB, Fri 00:30 WITA
      const at = '2025-10-30T10:00:00+08:00'; // Thursday 30 October, 09:00 WIB
      // WIB: 10, 13–17, 20–24, 27–29 October → Wed 29. WITA: 13–17, 20–24, 27–30 October → Thu 30.
      expect(refusalOnFresh(fileAppeal(decision(delivered, DISMISSAL), at))).toEqual({
        _tag: 'FilingWindowClosed',
        deadline: new Date('2025-10-29T23:59:59.999+07:00'),
      });
      expect(refusalOnFresh(fileAppeal(decision(delivered, DISMISSAL), at, samarinda))).toBeUndefined();
    });

    it('only a dismissal goes to BPASN; a dismissal is not objected to', () => {
      expect(refusalOnFresh(fileAppeal(decision('2025-03-20T10:00:00+07:00', SEDANG), '2025-03-21T09:00:00+07:00'))?._tag).toBe(
        'BandingOnlyAgainstDismissal',
      );
      expect(refusalOnFresh(fileObjection(dismissal, '2025-03-21T09:00:00+07:00'))?._tag).toBe('DismissalGoesToBanding');
    });
  });

  describe('the PPK responds within 21 working days of the filing', () => {
    // Filed Thursday 10 April: 11, 14–17, 21–25, 28–30 April (1 May Labour Day), 2, 5–9, 14, 15 May (12 Waisak,
    // 13 cuti bersama) → Thursday 15 May is the 21st.
    const RESPONSE_DEADLINE = new Date('2025-05-15T23:59:59.999+07:00');

    it('records the deadline with the filing', () => {
      const [event] = filed().events;
      expect(event?.type === 'AppealFiled' && event.data.responseDeadline.endsAt).toEqual(RESPONSE_DEADLINE);
    });

    it('a response on day 21 is in time; one after is taken and recorded late', () => {
      const onTime = filed();
      onTime.apply(ppkResponds('2025-05-15T16:00:00+07:00'));
      expect(onTime.events[1]).toMatchObject({ type: 'PpkResponseRecorded', data: { late: false, respondedBy: ppk } });
      const late = filed();
      late.apply(ppkResponds('2025-05-16T08:00:00+07:00'));
      expect(late.events[1]).toMatchObject({ type: 'PpkResponseRecorded', data: { late: true, deadline: RESPONSE_DEADLINE } });
    });

    it('BPASN waits for the response while its time runs; after it, the timer notes it overdue and BPASN may decide', () => {
      const stream = filed();
      expect(stream.refusal(decide('banding', 'memperkuat', '2025-05-15T10:00:00+07:00'))).toBe('AwaitingPpkResponse');
      expect(dueAppeal(RESPONSE_DEADLINE, stream.state, systemActor)).toEqual([]);
      const due = dueAppeal(new Date('2025-05-16T00:00:00+07:00'), stream.state, systemActor);
      expect(due.map((c) => c.type)).toEqual(['MarkPpkResponseOverdue']);
      for (const command of due) stream.apply(command);
      stream.apply(decide('banding', 'membatalkan', '2025-05-20T10:00:00+07:00'));
      expect(stream.state.status).toBe('decided');
    });
  });

  describe('BPASN decides with one of five outcomes, each changing the sanction through the discipline case', () => {
    const newSanction: Readonly<Record<AppealOutcome, ReviewedSanction | undefined>> = {
      memperkuat: undefined,
      memperingan: { level: 'berat', type: 'penurunan-jabatan-12-bulan', months: 12 },
      memperberat: { level: 'berat', type: 'pemberhentian-tidak-dengan-hormat' },
      mengubah: { level: 'berat', type: 'pembebasan-jabatan-12-bulan', months: 12 },
      membatalkan: undefined,
    };
    const eventType: Readonly<Record<AppealOutcome, string>> = {
      memperkuat: 'SanctionAffirmedOnReview',
      memperingan: 'SanctionLightenedOnReview',
      memperberat: 'SanctionIncreasedOnReview',
      mengubah: 'SanctionAlteredOnReview',
      membatalkan: 'SanctionAnnulledOnReview',
    };

    it.each(Object.keys(eventType) as AppealOutcome[])('%s: one event by BPASN, and ApplyReviewOutcome for the case', (outcome) => {
      const stream = filed();
      stream.apply(ppkResponds('2025-04-25T10:00:00+07:00'));
      const sanction = newSanction[outcome];
      const [event] = stream.apply(decide('banding', outcome, '2025-05-20T10:00:00+07:00', sanction === undefined ? {} : { sanction }));
      expect(event).toMatchObject({
        type: eventType[outcome],
        data: { kind: 'banding', decidedBy: bpasn, authority: 'bpasn', articles: ['BR-20', 'PP 79/2021'], previous: { level: 'berat', type: 'pemberhentian' } },
      });
      if (event === undefined) throw new Error('no event');
      const metadata = systemAt('2025-05-20T10:00:01+07:00');
      expect(reactToAppeal(event, metadata)).toEqual([
        {
          type: 'ApplyReviewOutcome',
          data: { caseId, source: 'banding', outcome, ...(sanction === undefined ? {} : { sanction }) },
          metadata,
        },
      ]);
    });

    it('is BPASN’s decision: the PPK cannot decide a banding', () => {
      const stream = filed();
      stream.apply(ppkResponds('2025-04-25T10:00:00+07:00'));
      expect(stream.refusal(decide('banding', 'membatalkan', '2025-05-20T10:00:00+07:00', { nip: ppk, role: 'ppk' }))).toBe('NotAuthorised');
    });

    it('is binding: after it, no second decision, response or filing is taken', () => {
      const stream = filed();
      stream.apply(ppkResponds('2025-04-25T10:00:00+07:00'));
      stream.apply(decide('banding', 'memperkuat', '2025-05-20T10:00:00+07:00'));
      for (const command of [
        decide('banding', 'membatalkan', '2025-05-21T10:00:00+07:00'),
        ppkResponds('2025-05-21T10:00:00+07:00'),
        fileAppeal(dismissal, '2025-04-11T10:00:00+07:00'),
      ]) {
        const result = stream.attempt(command);
        expect(isLeft(result) && result.left._tag).toBe('AppealDecided');
      }
      expect(stream.events).toHaveLength(3);
    });
  });
});
