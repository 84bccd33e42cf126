/**
 * BR-23 complaint SLA [reg: national complaint channel]: first response ≤ 3 days; information or complaint ≤ 5;
 * dispute without field check ≤ 14; with field check ≤ 60. Regional variant in working days: ringan 2, normatif 5,
 * non-pengawasan 14, pengawasan 60. Surabaya: response ≤ 48 h, else escalation to the mayor. SLA table per tenant.
 *
 * Deadlines are computed once, when the complaint is filed, in the tenant's zone and calendar, and recorded; a
 * first response or a resolution in the last minute of the SLA is within it, one in the first minute after is not,
 * and only then may the system escalate. Every deadline below is counted by hand.
 */
import { isLeft } from 'fp-ts/Either';
import { acknowledge, assign, escalate, filedIn, last, refusalOn, resolve, respond, type ComplaintStream } from './complaint-fixtures';

const endsAt = (stream: ComplaintStream, which: 'responseDeadline' | 'resolutionDeadline'): Date =>
  last(stream, 'ComplaintFiled').data[which].endsAt;

const acknowledgedWithinSla = (build: () => ComplaintStream, at: string): boolean => {
  const stream = build();
  stream.apply(acknowledge(at));
  return last(stream, 'ComplaintAcknowledged').data.withinSla;
};

const resolvedWithinSla = (build: () => ComplaintStream, tenant: string, at: string): boolean => {
  const stream = build();
  stream.apply(acknowledge(new Date(last(stream, 'ComplaintFiled').data.at.getTime() + 3_600_000).toISOString()));
  stream.apply(respond(at));
  stream.apply(resolve(tenant, at));
  return last(stream, 'ComplaintResolved').data.withinSla;
};

describe('BR-23 complaint SLA per tenant', () => {
  describe('Surabaya: answered within 48 hours, else escalated to the mayor', () => {
    // Friday 10 October 2025, 10:00 WIB: the 48 hours run through the weekend, to Sunday 12 October 10:00 WIB.
    const filed = () => filedIn('surabaya', '2025-10-10T10:00:00+07:00');

    it('records 48 hours to the minute, in WIB, for the app and for the national channel alike', () => {
      expect(last(filed(), 'ComplaintFiled').data.responseDeadline).toEqual({
        endsAt: new Date('2025-10-12T10:00:00+07:00'),
        hours: 48,
        kind: 'hours',
        timeZone: 'Asia/Jakarta',
      });
      const national = filedIn('surabaya', '2025-10-10T10:00:00+07:00', { channel: 'national' });
      expect(endsAt(national, 'responseDeadline')).toEqual(new Date('2025-10-12T10:00:00+07:00'));
    });

    it('a first response in the last minute of the 48 hours is within the SLA, one in the first minute after is not', () => {
      expect(acknowledgedWithinSla(filed, '2025-10-12T09:59:00+07:00')).toBe(true);
      expect(acknowledgedWithinSla(filed, '2025-10-12T10:00:00+07:00')).toBe(true);
      expect(acknowledgedWithinSla(filed, '2025-10-12T10:01:00+07:00')).toBe(false);
    });

    it('escalates to the mayor only after the 48 hours', () => {
      expect(refusalOn(filed, escalate('2025-10-12T10:00:00+07:00', 'first-response'))).toBe('DeadlineNotPassed');
      const stream = filed();
      stream.apply(escalate('2025-10-12T10:01:00+07:00', 'first-response'));
      expect(last(stream, 'ComplaintEscalated').data).toMatchObject({
        deadlineKind: 'first-response',
        to: 'walikota',
        slaTable: 'complaint-sla.surabaya@1',
        articles: ['BR-23', 'policy:complaint.escalation'],
      });
    });

    it('keeps BR-23’s resolution classes: normatif, 5 working days over the weekend (13-17 October)', () => {
      expect(endsAt(filed(), 'resolutionDeadline')).toEqual(new Date('2025-10-17T23:59:59.999+07:00'));
      expect(resolvedWithinSla(filed, 'surabaya', '2025-10-17T23:59:00+07:00')).toBe(true);
      expect(resolvedWithinSla(filed, 'surabaya', '2025-10-18T00:00:00+07:00')).toBe(false);
    });
  });

  describe.each([
    ['salatiga', '+07:00'],
    ['samarinda', '+08:00'],
    ['semarang', '+07:00'],
    ['palembang', '+07:00'],
  ])('%s: the regional variant in working days (offset %s)', (tenant, offset) => {
    // Friday 10 October 2025, 10:00 local time; no holiday in October 2025.
    const local = (dateTime: string) => `${dateTime}${offset}`;
    const filed = () => filedIn(tenant, local('2025-10-10T10:00:00'), { category: 'informasi' });

    it('first response within 3 working days [policy]: Monday, Tuesday, Wednesday 15 October, to its last minute', () => {
      expect(endsAt(filed(), 'responseDeadline')).toEqual(new Date(local('2025-10-15T23:59:59.999')));
      expect(acknowledgedWithinSla(filed, local('2025-10-15T23:59:00'))).toBe(true);
      expect(acknowledgedWithinSla(filed, local('2025-10-16T00:00:00'))).toBe(false);
    });

    it('escalates to the head of the unit only from the first minute after', () => {
      expect(refusalOn(filed, escalate(local('2025-10-15T23:59:00'), 'first-response'))).toBe('DeadlineNotPassed');
      const stream = filed();
      stream.apply(escalate(local('2025-10-16T00:00:00'), 'first-response'));
      expect(last(stream, 'ComplaintEscalated').data.to).toBe('pimpinan-unit');
    });

    it('ringan (information): 2 working days across the weekend, Tuesday 14 October', () => {
      expect(last(filed(), 'ComplaintFiled').data.slaClass).toBe('ringan');
      expect(endsAt(filed(), 'resolutionDeadline')).toEqual(new Date(local('2025-10-14T23:59:59.999')));
      expect(resolvedWithinSla(filed, tenant, local('2025-10-14T23:59:00'))).toBe(true);
      expect(resolvedWithinSla(filed, tenant, local('2025-10-15T00:00:00'))).toBe(false);
    });

    it('non-pengawasan (dispute without field check): 14 working days, Thursday 30 October', () => {
      const dispute = filedIn(tenant, local('2025-10-10T10:00:00'), { category: 'sengketa' });
      expect(last(dispute, 'ComplaintFiled').data.slaClass).toBe('non-pengawasan');
      expect(endsAt(dispute, 'resolutionDeadline')).toEqual(new Date(local('2025-10-30T23:59:59.999')));
    });
  });

  describe('working days skip holidays: Salatiga, Thursday 27 March 2025 (Nyepi, Idul Fitri and cuti bersama ahead)', () => {
    // 28 Mar cuti, 29–30 weekend, 31 Mar–1 Apr Idul Fitri, 2–4 Apr cuti, 5–6 weekend, 7 Apr cuti: 8 Apr is day 1.
    const filed = () => filedIn('salatiga', '2025-03-27T10:00:00+07:00');

    it('first response by Thursday 10 April (8, 9, 10), normatif by Monday 14 April (8, 9, 10, 11, 14)', () => {
      expect(endsAt(filed(), 'responseDeadline')).toEqual(new Date('2025-04-10T23:59:59.999+07:00'));
      expect(endsAt(filed(), 'resolutionDeadline')).toEqual(new Date('2025-04-14T23:59:59.999+07:00'));
      expect(acknowledgedWithinSla(filed, '2025-04-10T23:59:00+07:00')).toBe(true);
      expect(acknowledgedWithinSla(filed, '2025-04-11T00:00:00+07:00')).toBe(false);
    });
  });

  describe('the national channel (SP4N-LAPOR) in calendar days: Palembang, Friday 10 October 2025', () => {
    const filed = (category: 'informasi' | 'pengaduan' | 'sengketa' | 'sengketa-lapangan') => () =>
      filedIn('palembang', '2025-10-10T10:00:00+07:00', { channel: 'national', category });

    it('first response within 3 days, weekend included: Monday 13 October', () => {
      expect(endsAt(filed('pengaduan')(), 'responseDeadline')).toEqual(new Date('2025-10-13T23:59:59.999+07:00'));
      expect(acknowledgedWithinSla(filed('pengaduan'), '2025-10-13T23:59:00+07:00')).toBe(true);
      expect(acknowledgedWithinSla(filed('pengaduan'), '2025-10-14T00:00:00+07:00')).toBe(false);
    });

    it('information or complaint 5 days, dispute 14, dispute with field check 60', () => {
      expect(endsAt(filed('informasi')(), 'resolutionDeadline')).toEqual(new Date('2025-10-15T23:59:59.999+07:00'));
      expect(endsAt(filed('pengaduan')(), 'resolutionDeadline')).toEqual(new Date('2025-10-15T23:59:59.999+07:00'));
      expect(endsAt(filed('sengketa')(), 'resolutionDeadline')).toEqual(new Date('2025-10-24T23:59:59.999+07:00'));
      // 10 Oct + 60: 21 days to 31 Oct, 30 in November, 9 in December.
      expect(endsAt(filed('sengketa-lapangan')(), 'resolutionDeadline')).toEqual(new Date('2025-12-09T23:59:59.999+07:00'));
      expect(last(filed('sengketa-lapangan')(), 'ComplaintFiled').data.sla).toMatchObject({
        schedule: 'national',
        slaClass: 'sengketa-dengan-pemeriksaan-lapangan',
        resolution: { amount: 60, unit: 'calendar-days' },
      });
    });
  });

  describe('the same instant in WIB and WITA', () => {
    it('a first response at 23:30 WIB on the last day is in time in Semarang and late in Samarinda (00:30 WITA)', () => {
      const at = '2025-10-15T23:30:00+07:00';
      expect(acknowledgedWithinSla(() => filedIn('semarang', '2025-10-10T10:00:00+07:00'), at)).toBe(true);
      expect(acknowledgedWithinSla(() => filedIn('samarinda', '2025-10-10T10:00:00+07:00'), at)).toBe(false);
    });
  });

  it('deadlines are recorded once: the assignee changing or time passing never moves them', () => {
    const stream = filedIn('semarang', '2025-10-10T10:00:00+07:00');
    const before = last(stream, 'ComplaintFiled').data.resolutionDeadline;
    stream.apply(acknowledge('2025-10-13T09:00:00+07:00'));
    stream.apply(assign('2025-10-13T10:00:00+07:00'));
    stream.apply(respond('2025-10-20T10:00:00+07:00'));
    expect(last(stream, 'ComplaintResponded').data.deadline).toEqual(before);
    const result = stream.attempt(escalate('2025-10-17T23:59:59.999+07:00', 'resolution'));
    expect(isLeft(result) && result.left._tag).toBe('DeadlineNotPassed');
  });
});
