import { isRight } from 'fp-ts/Either';
import { DisciplineCaseId } from './ids';
import {
  authorityFor,
  gradeOf,
  officialsAuthorisedFor,
  PP_94_AUTHORITY_KOTA,
  type AuthorityFacts,
} from './authority';
import { addCalendarMonths } from '../calendar';
import {
  completeSanction,
  durationMonths,
  inForcePeriod,
  sameSanction,
  sanctionTypesOf,
  severityOf,
  SANCTION_TYPES,
  type Sanction,
} from './sanctions';
import { d } from './discipline.testkit';

describe('sanctions', () => {
  it('adds calendar months, keeping the day or taking the last day of a shorter month', () => {
    expect(addCalendarMonths(d('2025-03-15'), 6)).toBe('2025-09-15');
    expect(addCalendarMonths(d('2025-08-31'), 6)).toBe('2026-02-28');
    expect(addCalendarMonths(d('2023-08-31'), 6)).toBe('2024-02-29');
    expect(addCalendarMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addCalendarMonths(d('2025-11-30'), 9)).toBe('2026-08-30');
    expect(addCalendarMonths(d('2025-12-31'), 0)).toBe('2025-12-31');
  });

  it('orders the seven types and three cut lengths from lightest to heaviest', () => {
    const all: ReadonlyArray<Sanction> = [
      { type: 'teguran-lisan' },
      { type: 'teguran-tertulis' },
      { type: 'pernyataan-tidak-puas' },
      { type: 'potongan-tukin-25', months: 6 },
      { type: 'potongan-tukin-25', months: 9 },
      { type: 'potongan-tukin-25', months: 12 },
      { type: 'penurunan-jabatan-12-bulan' },
      { type: 'pembebasan-jabatan-12-bulan' },
      { type: 'pemberhentian', kind: 'tidak-dengan-hormat' },
    ];
    expect(all.map(severityOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sanctionTypesOf('berat')).toEqual(['penurunan-jabatan-12-bulan', 'pembebasan-jabatan-12-bulan', 'pemberhentian']);
    expect(SANCTION_TYPES).toHaveLength(7);
  });

  it('fills in the dismissal’s kind from the policy only when the decision leaves it out', () => {
    expect(completeSanction({ type: 'pemberhentian' }, 'tidak-dengan-hormat')).toEqual({ type: 'pemberhentian', kind: 'tidak-dengan-hormat' });
    expect(
      completeSanction({ type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' }, 'tidak-dengan-hormat'),
    ).toEqual({ type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' });
    expect(sameSanction({ type: 'potongan-tukin-25', months: 6 }, { type: 'potongan-tukin-25', months: 9 })).toBe(false);
  });

  it('a ringan sanction takes effect and is done; a dismissal has no end', () => {
    expect(durationMonths({ type: 'teguran-lisan' })).toBe(0);
    expect(inForcePeriod(d('2025-11-06'), { type: 'teguran-lisan' })).toEqual({ from: '2025-11-06', until: '2025-11-06' });
    expect(inForcePeriod(d('2025-11-06'), { type: 'pemberhentian', kind: 'tidak-dengan-hormat' })).toEqual({
      from: '2025-11-06',
      until: null,
    });
  });
});

describe('case ids', () => {
  it('are <nip>.<yyyy>-<slug>', () => {
    expect(isRight(DisciplineCaseId.decode('199001012015031001.2025-1'))).toBe(true);
    expect(isRight(DisciplineCaseId.decode('199001012015031001.2025-absensi-11'))).toBe(true);
    for (const bad of ['199001012015031001.2025', '199001012015031001-2025-1', '199013012015031001.2025-1', '199001012015031001.2025-A'])
      expect(isRight(DisciplineCaseId.decode(bad))).toBe(false);
  });
});

describe('the PP 94 authority table for a city', () => {
  const facts = (officialRank: AuthorityFacts['officialRank'], officialIsSuperior: boolean, employeeGrade: AuthorityFacts['employeeGrade']): AuthorityFacts => ({
    asOf: d('2025-10-20'),
    officialRank,
    officialIsSuperior,
    employeeGrade,
  });

  it('gives the grade of a roster level', () => {
    expect(gradeOf({ level: 'jf', jenjang: 'ahli-muda' })).toBe('jf-ahli-muda');
    expect(gradeOf({ level: 'pengawas' })).toBe('pengawas');
  });

  it('lower officials act only on employees in their line; the PPK on the whole government', () => {
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts('pengawas', true, 'pelaksana'), 'teguran-lisan')?.article).toBe('PP 94/2021 Ps 23');
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts('pengawas', false, 'pelaksana'), 'teguran-lisan')).toBeUndefined();
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts('ppk', false, 'pelaksana'), 'pemberhentian')?.article).toBe('PP 94/2021 Ps 18');
  });

  it('the dismissal of a JF ahli utama is not the PPK’s (it is the President’s, Ps 17)', () => {
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts('ppk', false, 'jf-ahli-utama'), 'penurunan-jabatan-12-bulan')).toBeDefined();
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts('ppk', false, 'jf-ahli-utama'), 'pemberhentian')).toBeUndefined();
    expect(officialsAuthorisedFor(PP_94_AUTHORITY_KOTA, 'jf-ahli-utama', 'pemberhentian')).toEqual([]);
  });

  it('JPT pratama: ringan one level down, sedang two levels down, ringan and sedang on JF', () => {
    const kadis = (grade: AuthorityFacts['employeeGrade'], type: Parameters<typeof authorityFor>[2]) =>
      authorityFor(PP_94_AUTHORITY_KOTA, facts('jpt-pratama', true, grade), type) !== undefined;
    expect([kadis('administrator', 'teguran-lisan'), kadis('administrator', 'potongan-tukin-25')]).toEqual([true, false]);
    expect([kadis('pengawas', 'teguran-lisan'), kadis('pengawas', 'potongan-tukin-25')]).toEqual([false, true]);
    expect([kadis('jf-ahli-madya', 'pernyataan-tidak-puas'), kadis('jf-ahli-madya', 'potongan-tukin-25')]).toEqual([true, true]);
    expect(kadis('jf-ahli-madya', 'penurunan-jabatan-12-bulan')).toBe(false);
  });

  it('nobody without a position has authority, and nothing is authorised over an employee without one', () => {
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts(null, true, 'pelaksana'), 'teguran-lisan')).toBeUndefined();
    expect(authorityFor(PP_94_AUTHORITY_KOTA, facts('ppk', false, null), 'pemberhentian')).toBeUndefined();
  });
});
