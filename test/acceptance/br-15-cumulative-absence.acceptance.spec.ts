/**
 * BR-15: unexcused absence from work, counted in working days cumulatively over a calendar year, gives a sanction
 * [reg: PP 94/2021 Ps 9–11]: 3 days teguran lisan; 4–6 teguran tertulis; 7–10 pernyataan tidak puas; 11–13 a 25%
 * cut of tunjangan kinerja for 6 months; 14–16 for 9 months; 17–20 for 12 months; 21–24 demotion for 12 months;
 * 25–27 release to pelaksana for 12 months; 28 and more dismissal. The absence records compute the count; the
 * process manager opens one discipline case per threshold reached, proposing that band's sanction.
 */
import { isLeft } from 'fp-ts/Either';
import {
  absenceDecider,
  addWorkingDays,
  cumulativeSanction,
  DISCIPLINE_POLICY_DEFAULTS,
  disciplineDecider,
  INDONESIA_2025_2027,
  reactToAbsence,
  type AbsenceEvent,
  type AbsenceState,
  type CommandMetadata,
  type DisciplineCommand,
  type LocalDate,
  type Nip,
  type ReportBreachProposal,
  type TenantCalendar,
  type TimeZone,
} from '@kinerja/domain';

const EMPLOYEE = '199001012015031001' as Nip;
const KABID = '198001012005011003' as Nip;
const SURABAYA: TenantCalendar = { timeZone: 'Asia/Jakarta' as TimeZone, holidays: INDONESIA_2025_2027 };
const system = (now = new Date('2026-12-31T12:00:00+07:00')): CommandMetadata => ({ now, actor: { nip: '200001012024011009' as Nip, role: 'sistem' } });

/** `n` working days, every other one from the start of `year` (never two in a row: BR-16 stays out of it). */
const scattered = (n: number, year = 2025): ReadonlyArray<LocalDate> => {
  const days: LocalDate[] = [];
  let current = `${year - 1}-12-31` as LocalDate;
  for (let i = 0; i < n; i++) {
    const next = addWorkingDays(current, i === 0 ? 1 : 2, INDONESIA_2025_2027);
    if (isLeft(next)) throw new Error('calendar');
    current = next.right;
    days.push(current);
  }
  return days;
};

/** Records the absences in one year's stream and returns, per event, what the process manager proposed. */
const record = (entries: ReadonlyArray<Readonly<{ date: LocalDate; excused?: boolean }>>) => {
  let state: AbsenceState = absenceDecider.initialState();
  const events: AbsenceEvent[] = [];
  const proposals: ReportBreachProposal[] = [];
  for (const { date, excused } of entries) {
    const result = absenceDecider.decide(
      { type: 'RecordAbsence', data: { employee: EMPLOYEE, date, excused: excused ?? false, calendar: SURABAYA }, metadata: system() },
      state,
    );
    if (isLeft(result)) throw new Error(JSON.stringify(result.left));
    for (const event of result.right) {
      events.push(event);
      state = absenceDecider.evolve(state, event);
      proposals.push(...reactToAbsence(event, state, system()));
    }
  }
  return { events, proposals };
};

describe('BR-15 cumulative unexcused absence per calendar year', () => {
  it.each([
    [2, undefined],
    [3, { type: 'teguran-lisan' }],
    [4, { type: 'teguran-tertulis' }],
    [6, { type: 'teguran-tertulis' }],
    [7, { type: 'pernyataan-tidak-puas' }],
    [10, { type: 'pernyataan-tidak-puas' }],
    [11, { type: 'potongan-tukin-25', months: 6 }],
    [13, { type: 'potongan-tukin-25', months: 6 }],
    [14, { type: 'potongan-tukin-25', months: 9 }],
    [16, { type: 'potongan-tukin-25', months: 9 }],
    [17, { type: 'potongan-tukin-25', months: 12 }],
    [20, { type: 'potongan-tukin-25', months: 12 }],
    [21, { type: 'penurunan-jabatan-12-bulan' }],
    [24, { type: 'penurunan-jabatan-12-bulan' }],
    [25, { type: 'pembebasan-jabatan-12-bulan' }],
    [27, { type: 'pembebasan-jabatan-12-bulan' }],
    [28, { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' }],
    [60, { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' }],
  ])('%i days ⇒ %j', (days, sanction) => {
    expect(cumulativeSanction(days)).toEqual(sanction);
  });

  it('recorded absences open one case at each band’s first day, never twice, with the dates counted', () => {
    const days = scattered(30);
    const { proposals } = record(days.map((date) => ({ date })));
    expect(proposals.map((p) => (p.data.source.kind === 'absence' ? [p.data.source.unexcusedDays, p.data.source.proposed.type] : []))).toEqual([
      [3, 'teguran-lisan'],
      [4, 'teguran-tertulis'],
      [7, 'pernyataan-tidak-puas'],
      [11, 'potongan-tukin-25'],
      [14, 'potongan-tukin-25'],
      [17, 'potongan-tukin-25'],
      [21, 'penurunan-jabatan-12-bulan'],
      [25, 'pembebasan-jabatan-12-bulan'],
      [28, 'pemberhentian'],
    ]);
    const eleventh = proposals[3];
    expect(eleventh?.data.source).toMatchObject({ rule: 'BR-15', year: 2025, dates: days.slice(0, 11), proposed: { months: 6 } });
    expect(new Set(proposals.map((p) => p.data.caseId)).size).toBe(proposals.length);
  });

  it('excused days do not count: 2 unexcused among 10 absences open nothing', () => {
    const days = scattered(10);
    const { proposals, events } = record(days.map((date, i) => ({ date, excused: i >= 2 })));
    expect(proposals).toEqual([]);
    expect(events[events.length - 1]?.data.unexcusedDays).toBe(2);
  });

  it('the count restarts each calendar year: the 2026 stream starts again at 1', () => {
    const in2026 = record(scattered(2, 2026).map((date) => ({ date })));
    expect(in2026.events.map((e) => e.data.unexcusedDays)).toEqual([1, 2]);
    expect(in2026.proposals).toEqual([]);
  });

  it('the case opened from a proposal must impose the proposed sanction (or be dismissed as not proven)', () => {
    const { proposals } = record(scattered(11).map((date) => ({ date })));
    const proposal = proposals.find((p) => p.data.source.kind === 'absence' && p.data.source.unexcusedDays === 11);
    if (proposal === undefined) throw new Error('no proposal for 11 days');
    const kabid = { nip: KABID, role: 'pejabat-berwenang-menghukum' } as const;
    const standing = { asOf: '2025-03-17' as LocalDate, officialRank: 'administrator', officialIsSuperior: true, employeeGrade: 'pelaksana' } as const;
    let state = disciplineDecider.initialState();
    const run = (command: DisciplineCommand) => {
      const result = disciplineDecider.decide(command, state);
      if (isLeft(result)) return result.left._tag;
      state = result.right.reduce(disciplineDecider.evolve, state);
      return result.right.map((e) => e.type).join();
    };
    const facts = { asOf: '2025-03-03' as LocalDate, employeeGrade: 'pelaksana', employeeUnit: null, superiors: [KABID] } as const;
    const caseId = proposal.data.caseId;
    expect(run({ ...proposal, data: { ...proposal.data, facts, policy: DISCIPLINE_POLICY_DEFAULTS }, metadata: system(new Date('2025-03-03T08:00:00+07:00')) })).toBe('BreachReported');
    expect(run({ type: 'SummonEmployee', data: { caseId: caseId, date: '2025-03-12' as LocalDate, calendar: SURABAYA }, metadata: { now: new Date('2025-03-03T09:00:00+07:00'), actor: kabid } })).toBe('SummonsIssued');
    expect(run({ type: 'RecordExamination', data: { caseId: caseId, bap: 'BAP/2025/31', findings: 'No valid reason given' }, metadata: { now: new Date('2025-03-12T09:00:00+07:00'), actor: kabid } })).toBe('ExaminationRecorded');
    const decide = (months: 6 | 9) =>
      run({
        type: 'DecideSanction',
        data: { caseId: caseId, sanction: { type: 'potongan-tukin-25', months }, findings: '11 days', authority: standing, calendar: SURABAYA },
        metadata: { now: new Date('2025-03-17T09:00:00+07:00'), actor: kabid },
      });
    expect(decide(9)).toBe('SanctionNotAsProposed');
    expect(decide(6)).toBe('SanctionImposed');
  });
});
