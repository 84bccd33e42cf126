/**
 * BR-22: a sanction decision is delivered to the employee within 14 working days of being set [reg: PP 94/2021].
 * The deadline is computed once, when the decision is taken, in the tenant's calendar (time zone, holidays and cuti
 * bersama) and recorded on `SanctionImposed`; it ends at 23:59:59.999 local time of the 14th working day. Delivery
 * after it is recorded as late (the law requires delivery; lateness does not void the decision), and the timer
 * escalates an undelivered decision once the deadline has passed.
 */
import {
  dueDiscipline,
  type Nip,
} from '@kinerja/domain';
import { at, CASE, examinedCase, OFFICIALS, OPERATOR, SAMARINDA, SURABAYA, SYSTEM } from './br-14-22-discipline-fixtures';

const system = { nip: SYSTEM, role: 'sistem' } as const;
const decideAt = (now: Date, calendar = SURABAYA) => {
  const stream = examinedCase();
  const result = stream.decide({ type: 'teguran-tertulis' }, OFFICIALS.kasi, now, { calendar });
  return { stream, result };
};

describe('BR-22 delivery within 14 working days', () => {
  it('decided Thursday 16 October 2025 (WIB): the 14th working day is Wednesday 5 November', () => {
    const { stream } = decideAt(at('2025-10-16T10:00:00+07:00'));
    expect(stream.last('SanctionImposed').data.deliveryDeadline).toEqual({
      endsAt: at('2025-11-05T23:59:59.999+07:00'),
      days: 14,
      kind: 'working',
      calendar: 'id-2025-2027.v1',
      timeZone: 'Asia/Jakarta',
    });
    expect(stream.last('SanctionImposed').data.articles).toContain('BR-22');
  });

  it('across Christmas, cuti bersama and New Year: decided Monday 15 December 2025, due Wednesday 7 January 2026', () => {
    // 16–19, 22–24 Dec (7), 25 Natal, 26 cuti, 29–31 Dec (10), 1 Jan Tahun Baru, 2 Jan (11), 5–7 Jan (14).
    const { stream } = decideAt(at('2025-12-15T10:00:00+07:00'));
    expect(stream.last('SanctionImposed').data.deliveryDeadline.endsAt).toEqual(at('2026-01-07T23:59:59.999+07:00'));
  });

  it('delivered on the last day is in time, up to its last millisecond; a millisecond later is late', () => {
    const deliveredAt = (iso: string) => {
      const { stream } = decideAt(at('2025-10-16T10:00:00+07:00'));
      stream.deliver(at(iso));
      return stream.last('DecisionDelivered').data.late;
    };
    expect(deliveredAt('2025-11-05T09:00:00+07:00')).toBe(false);
    expect(deliveredAt('2025-11-05T23:59:59.999+07:00')).toBe(false);
    expect(deliveredAt('2025-11-06T00:00:00+07:00')).toBe(true);
  });

  it('the timer escalates an undelivered decision from the first instant after the deadline, once', () => {
    const { stream } = decideAt(at('2025-10-16T10:00:00+07:00'));
    expect(dueDiscipline(at('2025-11-05T23:59:59.999+07:00'), stream.state, system)).toEqual([]);
    const due = dueDiscipline(at('2025-11-06T00:00:00+07:00'), stream.state, system);
    expect(due).toEqual([{ type: 'RecordDeliveryOverdue', data: { caseId: CASE }, metadata: { now: at('2025-11-06T00:00:00+07:00'), actor: system } }]);
    for (const command of due) stream.do(command);
    expect(stream.last('DeliveryOverdue').data).toMatchObject({ decidedBy: OFFICIALS.kasi.nip, articles: ['BR-22'] });
    expect(dueDiscipline(at('2025-11-10T00:00:00+07:00'), stream.state, system)).toEqual([]);
    // Still deliverable, and recorded as late.
    stream.deliver(at('2025-11-10T09:00:00+07:00'), { nip: OPERATOR as Nip, role: 'operator' });
    expect(stream.last('DecisionDelivered').data.late).toBe(true);
  });

  describe('WIB against WITA near midnight: decided at 16:30 UTC on 16 October 2025', () => {
    const instant = at('2025-10-16T16:30:00Z'); // Thursday 23:30 in Surabaya, Friday 00:30 in Samarinda

    it('counts from Thursday in Surabaya (due Wed 5 Nov) and from Friday in Samarinda (due Thu 6 Nov)', () => {
      const surabaya = decideAt(instant, SURABAYA).stream.last('SanctionImposed').data.deliveryDeadline;
      const samarinda = decideAt(instant, SAMARINDA).stream.last('SanctionImposed').data.deliveryDeadline;
      expect(surabaya.endsAt).toEqual(at('2025-11-05T16:59:59.999Z'));
      expect(samarinda.endsAt).toEqual(at('2025-11-06T15:59:59.999Z'));
      expect(samarinda.timeZone).toBe('Asia/Makassar');
    });

    it('so delivery at 17:30 UTC on 5 November is late in Surabaya (00:30 Thursday) and in time in Samarinda (01:30 Thursday)', () => {
      const delivery = at('2025-11-05T17:30:00Z');
      const late = (calendar: typeof SURABAYA) => {
        const { stream } = decideAt(instant, calendar);
        stream.deliver(delivery);
        return stream.last('DecisionDelivered').data.late;
      };
      expect(late(SURABAYA)).toBe(true);
      expect(late(SAMARINDA)).toBe(false);
    });
  });

  it('a deadline the holiday calendar does not cover is refused, not guessed', () => {
    const { result } = decideAt(at('2027-12-20T10:00:00+07:00'));
    expect(result).toEqual({ _tag: 'Left', left: { _tag: 'CalendarNotCovering', calendar: 'id-2025-2027.v1', date: '2028-01-01' } });
  });
});
