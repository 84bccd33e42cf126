/**
 * BR-17: a berat sanction needs a Tim Pemeriksa examination first; for sedang it is optional [reg: PP 94/2021]. The
 * Tim is formed by the PPK (or an official authorised to punish) from the superior, oversight (pengawasan) and
 * personnel (kepegawaian). When the employee ignores the second summons the case is decided on the evidence without
 * an examination; a berat sanction then still needs a Tim formed.
 */
import type { Sanction, TimMember } from '@kinerja/domain';
import {
  at,
  CASE,
  examinedCase,
  ignoredTwiceCase,
  INSPEKTUR,
  KASI,
  OFFICIALS,
  PPK,
  type CaseStream,
} from './br-14-22-discipline-fixtures';

const decidedAt = at('2025-10-20T10:00:00+07:00');
const BERAT: ReadonlyArray<Sanction> = [
  { type: 'penurunan-jabatan-12-bulan' },
  { type: 'pembebasan-jabatan-12-bulan' },
  { type: 'pemberhentian', kind: 'dengan-hormat-tidak-atas-permintaan-sendiri' },
];

const refusalOf = (result: ReturnType<CaseStream['decide']>) => (result._tag === 'Left' ? result.left : undefined);

describe('BR-17 Tim Pemeriksa before a berat sanction', () => {
  it.each(BERAT)('%j is refused after the superior’s examination alone', (sanction) => {
    expect(refusalOf(examinedCase().decide(sanction, OFFICIALS.ppk, decidedAt))).toEqual({
      _tag: 'TimPemeriksaRequired',
      sanction: sanction.type,
      timFormed: false,
      evidenceOnly: false,
    });
  });

  it.each(BERAT)('%j is refused while the Tim is formed but has not examined', (sanction) => {
    const stream = examinedCase();
    stream.formTim(at('2025-10-16T09:00:00+07:00'));
    expect(refusalOf(stream.decide(sanction, OFFICIALS.ppk, decidedAt))).toMatchObject({ _tag: 'TimPemeriksaRequired', timFormed: true });
  });

  it.each(BERAT)('%j is imposed after the Tim Pemeriksa examined, citing BR-17', (sanction) => {
    const stream = examinedCase({ tim: true });
    expect(stream.decide(sanction, OFFICIALS.ppk, decidedAt)._tag).toBe('Right');
    expect(stream.last('SanctionImposed').data).toMatchObject({ level: 'berat', sanction });
    expect(stream.last('SanctionImposed').data.articles).toContain('BR-17');
    expect(stream.last('ExaminationRecorded').data).toMatchObject({ examiner: 'tim-pemeriksa', examinedBy: INSPEKTUR });
  });

  it('sedang: the Tim is optional: imposed with or without it, and BR-17 is not cited', () => {
    for (const tim of [false, true]) {
      const stream = examinedCase({ tim });
      expect(stream.decide({ type: 'potongan-tukin-25', months: 12 }, OFFICIALS.kabid, decidedAt)._tag).toBe('Right');
      expect(stream.last('SanctionImposed').data.articles).not.toContain('BR-17');
    }
  });

  it('on the evidence only (second summons ignored): berat needs a Tim formed; sedang does not', () => {
    const later = at('2025-10-29T10:00:00+07:00');
    expect(refusalOf(ignoredTwiceCase().decide({ type: 'pemberhentian' }, OFFICIALS.ppk, later))).toMatchObject({
      _tag: 'TimPemeriksaRequired',
      evidenceOnly: true,
      timFormed: false,
    });
    expect(ignoredTwiceCase().decide({ type: 'potongan-tukin-25', months: 6 }, OFFICIALS.kabid, later)._tag).toBe('Right');
    const withTim = ignoredTwiceCase({ tim: true });
    expect(withTim.decide({ type: 'pemberhentian' }, OFFICIALS.ppk, later)._tag).toBe('Right');
    expect(withTim.last('SanctionImposed').data.evidenceOnly).toBe(true);
  });

  it('the Tim has the superior, oversight and personnel, and only the PPK or an authorised official forms it', () => {
    const stream = examinedCase();
    const form = (members: ReadonlyArray<TimMember>, actor: Parameters<CaseStream['examine']>[1] = { nip: PPK, role: 'ppk' }) =>
      stream.refusal({ type: 'FormTimPemeriksa', data: { caseId: CASE, members }, metadata: { now: at('2025-10-16T09:00:00+07:00'), actor } });
    expect(form([{ nip: KASI, element: 'atasan' }, { nip: INSPEKTUR, element: 'pengawasan' }])).toEqual({
      _tag: 'TimIncomplete',
      missing: ['kepegawaian'],
    });
    expect(form([{ nip: KASI, element: 'atasan' }], { nip: KASI, role: 'pejabat-penilai' })?._tag).toBe('NotAllowedToFormTim');
  });
});
