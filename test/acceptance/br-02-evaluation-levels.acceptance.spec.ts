/**
 * BR-02 at the evaluation's doors: the appraiser's rating, a revision after an objection and a colleague's
 * behaviour feedback each take one of exactly three levels, and a settlement one of exactly five predikat and five
 * organisational results. A fourth level (`istimewa`, `sangat-di-atas-ekspektasi`, a numeric 4) is refused by the
 * codec at the edge, naming the field, before any decider runs; so is a stored event that carries one.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import {
  CORE_VALUES,
  describeErrors,
  EvaluationCommandCodec,
  EvaluationEventCodec,
  RATING_LEVELS,
  type CoreValue,
  type EvaluationCommand,
  type RatingLevel,
} from '@kinerja/domain';
import { as, evaluation, peer, rate, rated, revise, settle, system } from './br-evaluation-fixtures';

const FOURTH_LEVELS = ['istimewa', 'sangat-di-atas-ekspektasi', 'kurang-ekspektasi', 'Sesuai Ekspektasi', 4, null] as const;

const wire = (command: EvaluationCommand) => EvaluationCommandCodec.encode(command) as { type: string; data: Record<string, unknown>; metadata: unknown };
const problemsOf = (input: unknown) => {
  const result = EvaluationCommandCodec.decode(input);
  return isLeft(result) ? describeErrors(result.left) : [];
};

const feedback: EvaluationCommand = {
  type: 'GiveFeedback',
  data: { evaluation, levels: Object.fromEntries(CORE_VALUES.map((v) => [v, 'sesuai-ekspektasi'])) as Record<CoreValue, RatingLevel> },
  metadata: as(peer, '2025-04-03T10:00:00+07:00'),
};

describe('BR-02 three rating levels at the evaluation', () => {
  it('accepts each of the three levels for hasil kerja, perilaku and every BerAKHLAK value', () => {
    for (const level of RATING_LEVELS) {
      expect(isRight(EvaluationCommandCodec.decode(wire(rate(rated(level, level)))))).toBe(true);
      const w = wire(feedback);
      const levels = Object.fromEntries(CORE_VALUES.map((v) => [v, level]));
      expect(isRight(EvaluationCommandCodec.decode({ ...w, data: { ...w.data, levels } }))).toBe(true);
    }
  });

  it.each(FOURTH_LEVELS)('refuses %p as hasil kerja or perilaku, naming the field', (level) => {
    const w = wire(rate(rated('sesuai-ekspektasi', 'sesuai-ekspektasi')));
    expect(problemsOf({ ...w, data: { ...w.data, hasilKerja: level } }).map((p) => p.path)).toContain('data.hasilKerja');
    expect(problemsOf({ ...w, data: { ...w.data, perilaku: level } }).map((p) => p.path)).toContain('data.perilaku');
  });

  it.each(FOURTH_LEVELS)('refuses %p in a revision after an objection', (level) => {
    const w = wire(revise(rated('sesuai-ekspektasi', 'sesuai-ekspektasi'), '2025-05-10T09:00:00+07:00'));
    const rating = { ...(w.data['rating'] as object), perilaku: level };
    expect(problemsOf({ ...w, data: { ...w.data, rating } }).length).toBeGreaterThan(0);
  });

  it.each(FOURTH_LEVELS)('refuses %p for a BerAKHLAK value in feedback', (level) => {
    const w = wire(feedback);
    const levels = { ...(w.data['levels'] as object), kolaboratif: level };
    expect(problemsOf({ ...w, data: { ...w.data, levels } }).map((p) => p.path)).toContain('data.levels.kolaboratif');
  });

  it('refuses a settlement with a sixth predikat or organisational result', () => {
    const w = wire(settle('baik', 'Baik'));
    expect(problemsOf({ ...w, data: { ...w.data, predikat: 'cukup' } }).map((p) => p.path)).toContain('data.predikat');
    expect(problemsOf({ ...w, data: { ...w.data, organisationalResult: 'luar-biasa' } }).map((p) => p.path)).toContain(
      'data.organisationalResult',
    );
  });

  it('does not read a stored rating with a fourth level', () => {
    const stored = {
      type: 'EvaluationRated',
      data: {
        evaluation,
        input: { regime: 'rated', hasilKerja: 'istimewa', perilaku: 'sesuai-ekspektasi' },
        assessment: { ruleBook: { id: 'permenpanrb-6-2022', version: 1 }, predikat: 'baik', label: 'Baik', articles: ['BR-01'] },
        justification: 'x',
        closedInvitations: [],
        feedbackCount: 0,
        ratedBy: system,
        at: '2025-04-07T10:00:00+07:00',
      },
    };
    expect(isLeft(EvaluationEventCodec.decode(stored))).toBe(true);
    expect(isRight(EvaluationEventCodec.decode({ ...stored, data: { ...stored.data, input: { ...stored.data.input, hasilKerja: 'di-atas-ekspektasi' } } }))).toBe(true);
  });
});
