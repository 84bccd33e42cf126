/**
 * BR-11: the objection's decision may change the ratings, and it is final: a second objection on the same
 * evaluation is refused [reg]. At the evaluation level: one objection is noted, a second is refused while the first
 * is pending and after it was decided; an upheld objection revises the result by the rule book recorded when the
 * evaluation opened, and the result it replaces stays in the history for the employee and auditors to see.
 * (Recording both parties' explanations before deciding is the objection aggregate's, a later issue.)
 */
import { isLeft, isRight } from 'fp-ts/Either';
import { currentResult, resultHistory } from '@kinerja/domain';
import { deliveredIn, finalize, noteObjection, rated, revise } from './br-evaluation-fixtures';

const delivered = () => deliveredIn('surabaya', '2025-04-10T10:00:00+07:00');
const objected = () => {
  const stream = delivered();
  stream.apply(noteObjection('2025-04-15T09:00:00+07:00'));
  return stream;
};

describe('BR-11 one objection per evaluation; its decision is final', () => {
  it('refuses a second objection while the first is pending, naming the first', () => {
    const stream = objected();
    const second = stream.attempt(noteObjection('2025-04-16T09:00:00+07:00', 'keberatan-0002'));
    expect(isLeft(second) && second.left).toEqual({ _tag: 'ObjectionAlreadyFiled', objection: 'keberatan-0001' });
  });

  it.each(['rejected', 'withdrawn'] as const)('refuses a new objection once the first was %s', (outcome) => {
    const stream = objected();
    stream.apply(finalize('2025-05-10T09:00:00+07:00', outcome));
    expect(stream.state.status).toBe('final');
    expect(stream.refusal(noteObjection('2025-04-20T09:00:00+07:00', 'keberatan-0002'))).toBe('EvaluationFinal');
    expect(currentResult(stream.state)).toMatchObject({ stage: 'settled', predikat: 'baik' });
  });

  it('an upheld objection produces a new result and keeps the old one in the history', () => {
    const stream = objected();
    const [event] = stream.apply(revise(rated('di-atas-ekspektasi', 'di-atas-ekspektasi', 'Bukti baru: laporan April lengkap'), '2025-05-10T09:00:00+07:00'));
    expect(event?.type).toBe('EvaluationRevised');
    if (event?.type !== 'EvaluationRevised') return;
    expect(event.data.previous).toMatchObject({ stage: 'settled', predikat: 'baik', label: 'Baik' });
    expect(event.data.assessment).toMatchObject({ predikat: 'sangat-baik', ruleBook: { id: 'permenpanrb-6-2022' } });
    expect(event.data.articles).toContain('BR-11');
    expect(resultHistory(stream.state).map((r) => [r.stage, r.predikat])).toEqual([
      ['proposed', 'baik'],
      ['settled', 'baik'],
      ['revised', 'sangat-baik'],
    ]);
    expect(currentResult(stream.state)).toMatchObject({ stage: 'revised', predikat: 'sangat-baik' });
    expect(stream.refusal(noteObjection('2025-04-20T09:00:00+07:00', 'keberatan-0002'))).toBe('EvaluationFinal');
  });

  it('a partly upheld objection revises to the rating decided (here: perilaku raised, hasil kerja kept)', () => {
    const stream = objected();
    const result = stream.attempt(revise(rated('sesuai-ekspektasi', 'di-atas-ekspektasi'), '2025-05-10T09:00:00+07:00', 'keberatan-0001', 'partly-upheld'));
    expect(isRight(result)).toBe(true);
    expect(currentResult(stream.state)).toMatchObject({ stage: 'revised', predikat: 'baik', perilaku: 'di-atas-ekspektasi' });
  });

  it('revises only for the objection that was noted', () => {
    const stream = objected();
    expect(stream.refusal(revise(rated('di-atas-ekspektasi', 'di-atas-ekspektasi'), '2025-05-10T09:00:00+07:00', 'keberatan-9999'))).toBe(
      'WrongObjection',
    );
    expect(stream.state.status).toBe('objected');
  });
});
