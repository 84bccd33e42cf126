/**
 * BR-19: only an official authorised for that level and that employee may impose a sanction [reg: PP 94/2021 Ps
 * 16–23; the table's details are policy]. The table is data: the PP 94 defaults for a city ship as
 * `PP_94_AUTHORITY_KOTA`, a tenant may replace it, and the table in the tenant's policy when the case is reported is
 * the one the case is decided by. The engine fills in the official's standing (rank, whether they are in the
 * employee's line of superiors); a refusal names the officials who would be authorised.
 */
import {
  DISCIPLINE_POLICY_DEFAULTS,
  PP_94_AUTHORITY_KOTA,
  SANCTION_TYPES,
  type AuthorityTable,
} from '@kinerja/domain';
import { at, day, examinedCase, OFFICIALS, type Official } from './br-14-22-discipline-fixtures';

const decidedAt = at('2025-10-20T10:00:00+07:00');
const refusal = (result: ReturnType<ReturnType<typeof examinedCase>['decide']>) => (result._tag === 'Left' ? result.left : undefined);

describe('BR-19 who may impose which sanction on whom', () => {
  it('the direct superior (pengawas) imposes a ringan sanction on a pelaksana in their line, and the decision says why', () => {
    const stream = examinedCase();
    expect(stream.decide({ type: 'teguran-lisan' }, OFFICIALS.kasi, decidedAt)._tag).toBe('Right');
    expect(stream.last('SanctionImposed').data).toMatchObject({
      decidedBy: OFFICIALS.kasi.nip,
      authority: {
        table: 'pp-94-2021-kota.v1',
        official: 'pengawas',
        scope: 'bawahan',
        article: 'PP 94/2021 Ps 23',
        asOf: '2025-10-20',
        officialIsSuperior: true,
        employeeGrade: 'pelaksana',
      },
    });
    expect(stream.last('SanctionImposed').data.articles).toEqual(expect.arrayContaining(['BR-19', 'PP 94/2021 Ps 16', 'PP 94/2021 Ps 23']));
  });

  it('refuses the same pengawas for a sedang sanction, naming who may impose it', () => {
    expect(refusal(examinedCase().decide({ type: 'potongan-tukin-25', months: 6 }, OFFICIALS.kasi, decidedAt))).toEqual({
      _tag: 'NotAuthorised',
      official: OFFICIALS.kasi.nip,
      officialRank: 'pengawas',
      officialIsSuperior: true,
      employeeGrade: 'pelaksana',
      sanction: 'potongan-tukin-25',
      level: 'sedang',
      asOf: '2025-10-20',
      table: 'pp-94-2021-kota.v1',
      authorised: [
        { official: 'ppk', scope: 'instansi', article: 'PP 94/2021 Ps 18' },
        { official: 'administrator', scope: 'bawahan', article: 'PP 94/2021 Ps 22' },
      ],
    });
  });

  it('refuses a pengawas who is not in the employee’s line, though of the right rank', () => {
    const outsider: Official = { ...OFFICIALS.kasi, superior: false };
    expect(refusal(examinedCase().decide({ type: 'teguran-lisan' }, outsider, decidedAt))?._tag).toBe('NotAuthorised');
  });

  it('the PPK decides sedang and berat for a pelaksana, but ringan belongs to the lower officials', () => {
    expect(refusal(examinedCase().decide({ type: 'teguran-lisan' }, OFFICIALS.ppk, decidedAt))).toMatchObject({
      _tag: 'NotAuthorised',
      authorised: [{ official: 'pengawas', scope: 'bawahan', article: 'PP 94/2021 Ps 23' }],
    });
    expect(examinedCase().decide({ type: 'potongan-tukin-25', months: 9 }, OFFICIALS.ppk, decidedAt)._tag).toBe('Right');
  });

  it('the kadis (JPT pratama) imposes a cut on a pengawas (two levels down) but not on a pelaksana (three)', () => {
    const onPengawas = examinedCase({ employeeGrade: 'pengawas' });
    expect(onPengawas.decide({ type: 'potongan-tukin-25', months: 12 }, OFFICIALS.kadis, decidedAt)._tag).toBe('Right');
    expect(refusal(examinedCase().decide({ type: 'potongan-tukin-25', months: 12 }, OFFICIALS.kadis, decidedAt))?._tag).toBe('NotAuthorised');
  });

  it('every level has an authorised official for a pelaksana in a city', () => {
    for (const type of SANCTION_TYPES)
      expect(PP_94_AUTHORITY_KOTA.rules.some((r) => r.grades.includes('pelaksana') && r.sanctions.includes(type))).toBe(true);
  });

  describe('a tenant’s own table', () => {
    // E.g. a city whose PPK keeps every ringan sanction of its pelaksana to the kadis, in writing.
    const table: AuthorityTable = {
      id: 'surabaya-2025.v1',
      note: 'Ringan sanctions of pelaksana by the kadis (Perwali)',
      rules: [
        ...DISCIPLINE_POLICY_DEFAULTS.authority.rules.filter((r) => r.official !== 'pengawas'),
        { official: 'jpt-pratama', scope: 'bawahan', grades: ['pelaksana'], sanctions: ['teguran-lisan', 'teguran-tertulis', 'pernyataan-tidak-puas'], article: 'Perwali Surabaya 2025 Ps 3' },
      ],
    };
    const policy = { ...DISCIPLINE_POLICY_DEFAULTS, authority: table };

    it('replaces the defaults: the kadis may now, the pengawas may not', () => {
      const byKadis = examinedCase({ policy });
      expect(byKadis.decide({ type: 'teguran-tertulis' }, OFFICIALS.kadis, decidedAt)._tag).toBe('Right');
      expect(byKadis.last('SanctionImposed').data.authority).toMatchObject({ table: 'surabaya-2025.v1', article: 'Perwali Surabaya 2025 Ps 3' });
      expect(refusal(examinedCase({ policy }).decide({ type: 'teguran-tertulis' }, OFFICIALS.kasi, decidedAt))).toMatchObject({
        _tag: 'NotAuthorised',
        table: 'surabaya-2025.v1',
        authorised: [{ official: 'jpt-pratama', scope: 'bawahan', article: 'Perwali Surabaya 2025 Ps 3' }],
      });
    });

    it('a case keeps the table it was reported under', () => {
      const underDefaults = examinedCase();
      expect(underDefaults.decide({ type: 'teguran-tertulis' }, OFFICIALS.kadis, decidedAt)._tag).toBe('Left');
      expect(underDefaults.decide({ type: 'teguran-tertulis' }, OFFICIALS.kasi, decidedAt)._tag).toBe('Right');
    });
  });

  it('closing a case as not proven also takes an official with authority over the employee', () => {
    const stream = examinedCase();
    const dismiss = (official: Official, employeeGrade: 'pelaksana' | null = 'pelaksana') =>
      stream.refusal({
        type: 'DismissCase',
        data: {
          caseId: stream.last('BreachReported').data.caseId,
          reason: 'Not proven',
          authority: { asOf: day('2025-10-20'), officialRank: official.rank, officialIsSuperior: official.superior, employeeGrade },
        },
        metadata: { now: decidedAt, actor: { nip: official.nip, role: official.role } },
      });
    expect(dismiss({ ...OFFICIALS.kasi, rank: null })?._tag).toBe('NotAuthorisedToDismiss');
    expect(dismiss(OFFICIALS.kasi)).toBeUndefined();
    expect(stream.state.status).toBe('dismissed');
  });
});
