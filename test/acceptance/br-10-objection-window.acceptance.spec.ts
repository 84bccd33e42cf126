/**
 * BR-10: an evaluation objection is filed within 14 days of delivery: day 14 accepted, day 15 refused [reg: PP
 * 30/2019 Ps 59; calendar days by default]. Days are counted in the tenant's time zone and a deadline ends at
 * 23:59:59.999 local time of its last day (DOMAIN.md §3, "Days"), so the same instant can be in time in Surabaya
 * (WIB, UTC+7) and late in Samarinda (WITA, UTC+8). The objection itself is a later issue; the evaluation models
 * the window: `EvaluationDelivered.objectionDeadline`, `NoteObjection` refused after it, `FinalizeEvaluation`
 * refused before it.
 */
import { isLeft } from 'fp-ts/Either';
import { policyOf, deliveredIn, factsFor, finalize, noteObjection, open, Stream } from './br-evaluation-fixtures';

const deadlineOf = (stream: Stream): Date | undefined => {
  const delivered = stream.events.find((e) => e.type === 'EvaluationDelivered');
  return delivered?.type === 'EvaluationDelivered' ? delivered.data.objectionDeadline : undefined;
};

describe('BR-10 the objection window: 14 days after delivery, in the tenant’s time zone', () => {
  describe('Surabaya (WIB): delivered Thursday 10 April 2025, 10:00', () => {
    const delivered = () => deliveredIn('surabaya', '2025-04-10T10:00:00+07:00');

    it('ends at 23:59:59.999 WIB on 24 April, day 14', () => {
      expect(deadlineOf(delivered())).toEqual(new Date('2025-04-24T23:59:59.999+07:00'));
    });

    it('accepts an objection on day 1, on day 14 in the morning and in the last millisecond of day 14', () => {
      for (const at of ['2025-04-11T08:00:00+07:00', '2025-04-24T08:00:00+07:00', '2025-04-24T23:59:59.999+07:00'])
        expect(delivered().refusal(noteObjection(at))).toBeUndefined();
    });

    it('refuses an objection on day 15, from its first millisecond, naming the deadline', () => {
      for (const at of ['2025-04-25T00:00:00+07:00', '2025-04-25T09:00:00+07:00', '2025-05-30T09:00:00+07:00']) {
        const result = delivered().attempt(noteObjection(at));
        expect(isLeft(result) && result.left).toEqual({
          _tag: 'ObjectionWindowClosed',
          deadline: new Date('2025-04-24T23:59:59.999+07:00'),
        });
      }
    });

    it('counts from the local day of delivery, not the UTC day: delivered at 00:30 WIB (17:30 UTC the day before)', () => {
      const early = deliveredIn('surabaya', '2025-04-10T00:30:00+07:00');
      expect(deadlineOf(early)).toEqual(new Date('2025-04-24T23:59:59.999+07:00'));
    });

    it('becomes final only once the window has passed', () => {
      const stream = delivered();
      expect(stream.refusal(finalize('2025-04-24T23:59:59.999+07:00'))).toBe('ObjectionWindowOpen');
      expect(stream.refusal(finalize('2025-04-25T00:00:00+07:00'))).toBeUndefined();
      expect(stream.state.status).toBe('final');
      expect(stream.refusal(noteObjection('2025-04-25T00:00:01+07:00'))).toBe('EvaluationFinal');
    });
  });

  describe('WIB against WITA: the same delivery instant, 10 April 2025 10:00 WIB = 11:00 WITA', () => {
    const instant = '2025-04-10T10:00:00+07:00';
    const lateEvening = '2025-04-24T23:30:00+07:00'; // 24 April 23:30 in Surabaya, 25 April 00:30 in Samarinda

    it('ends at the end of 24 April local time in each zone: an hour earlier in Samarinda', () => {
      expect(deadlineOf(deliveredIn('surabaya', instant))).toEqual(new Date('2025-04-24T16:59:59.999Z'));
      expect(deadlineOf(deliveredIn('samarinda', instant))).toEqual(new Date('2025-04-24T15:59:59.999Z'));
    });

    it('an instant still on day 14 in Jakarta is accepted in Surabaya and, already day 15 in Makassar, refused in Samarinda', () => {
      expect(deliveredIn('surabaya', instant).refusal(noteObjection(lateEvening))).toBeUndefined();
      expect(deliveredIn('samarinda', instant).refusal(noteObjection(lateEvening))).toBe('ObjectionWindowClosed');
    });

    it('the last millisecond of day 14 in Makassar is still in time in Samarinda', () => {
      expect(deliveredIn('samarinda', instant).refusal(noteObjection('2025-04-24T23:59:59.999+08:00'))).toBeUndefined();
    });
  });

  it('a tenant policy in working days is refused when the evaluation opens, until holiday calendars exist', () => {
    const working = { ...policyOf('palembang'), objectionWindow: { days: 14, kind: 'working' as const } };
    expect(new Stream().refusal(open(factsFor(working)))).toBe('WorkingDayWindowUnsupported');
  });
});
