import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { KnownRuleBookRefCodec, RuleBookRefCodec } from './codecs';
import { round2 } from './numeric';
import { pp30BandOf } from './pp-30-2019';
import { pp46BandOf } from './pp-46-2011';
import { assessWith, RULE_BOOKS, ruleBookByRef } from './registry';
import { RULE_BOOK_IDS, type AssessmentInput } from './rule-book';
import { arbNumericInput, arbRatedInput } from './rulebook.testkit';

const arbInput: fc.Arbitrary<AssessmentInput> = fc.oneof(arbRatedInput, arbNumericInput);

/** Inputs that claim a regime but have garbage in one field (as data built by hand or decoded elsewhere might). */
const arbCorrupt: fc.Arbitrary<unknown> = fc
  .tuple(arbInput, fc.constantFrom('hasilKerja', 'perilaku', 'measures', 'behaviour', 'peerInputUsed', 'innovation'), fc.anything())
  .map(([input, field, junk]) => ({ ...input, [field]: junk }));
const arbCorruptMeasure: fc.Arbitrary<unknown> = fc
  .tuple(arbNumericInput, fc.anything(), fc.constantFrom('iki', 'target', 'realised'), fc.anything())
  .map(([input, whole, field, junk]) => ({ ...input, measures: [whole, { ...input.measures[0], [field]: junk }] }));

describe('rule books: laws', () => {
  it.each(RULE_BOOKS.map((b) => [b.ref.id, b] as const))('%s is total: any input, even garbage, gives Left or Right', (_id, book) => {
    fc.assert(
      fc.property(fc.oneof(arbInput, fc.anything() as fc.Arbitrary<unknown>, arbCorrupt, arbCorruptMeasure), (input) => {
        let result;
        try {
          result = book.assess(input as AssessmentInput);
        } catch {
          return false;
        }
        return isLeft(result) || isRight(result);
      }),
      { numRuns: 500 },
    );
  });

  it.each(RULE_BOOKS.map((b) => [b.ref.id, b] as const))('%s accepts its own regime and refuses the other', (_id, book) => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = book.assess(input);
        return input.regime === book.regime ? isRight(result) : isLeft(result) && result.left._tag === 'WrongRegime';
      }),
    );
  });

  it('a numeric assessment is its own arithmetic: total from skp, behaviour and weights; predikat from the total', () => {
    fc.assert(
      fc.property(arbNumericInput, (input) => {
        for (const id of ['pp-30-2019', 'pp-46-2011'] as const) {
          const result = assessWith({ id, version: 1 }, input);
          if (isLeft(result) || result.right.scores === undefined) return false;
          const s = result.right.scores;
          const weighted = s.weights.skp * s.skp + s.weights.behaviour * s.behaviour;
          const expectedTotal = id === 'pp-30-2019' ? Math.min(120, weighted) : weighted;
          if (Math.abs(s.total - expectedTotal) > 1e-9) return false;
          const band = id === 'pp-30-2019' ? pp30BandOf(s.total, input.innovation) : pp46BandOf(s.total);
          if (band.predikat !== result.right.predikat || band.label !== result.right.label) return false;
        }
        return true;
      }),
    );
  });

  it('the same ref and input always give the same assessment', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_BOOKS.map((b) => b.ref)), arbInput, (ref, input) => {
        expect(assessWith(ref, input)).toEqual(assessWith({ ...ref }, structuredClone(input)));
      }),
    );
  });

  it('ruleBookByRef finds each rule book by id and version, and nothing else', () => {
    for (const book of RULE_BOOKS) expect(ruleBookByRef(book.ref)).toBe(book);
    for (const id of RULE_BOOK_IDS) expect(ruleBookByRef({ id, version: 2 })).toBeUndefined();
    expect(assessWith({ id: 'pp-30-2019', version: 2 }, { regime: 'rated', hasilKerja: 'sesuai-ekspektasi', perilaku: 'sesuai-ekspektasi' })).toEqual({
      _tag: 'Left',
      left: { _tag: 'UnknownRuleBook', ruleBook: { id: 'pp-30-2019', version: 2 } },
    });
  });

  it('RULE_BOOKS holds the three rule books at version 1, once each', () => {
    expect(RULE_BOOKS.map((b) => `${b.ref.id}@${b.ref.version}`).sort()).toEqual(['permenpanrb-6-2022@1', 'pp-30-2019@1', 'pp-46-2011@1']);
  });
});

describe('round2', () => {
  it.each([
    [89.995, 90],
    [89.994, 89.99],
    [90.995, 91],
    [1.005, 1.01],
    [110, 110],
  ])('%d ⇒ %d', (x, rounded) => expect(round2(x)).toBe(rounded));

  it('never moves a number by more than half a hundredth', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (x) => Math.abs(round2(x) - x) <= 0.005 + 1e-9));
  });
});

describe('rule-book ref codecs', () => {
  it('round-trip every known ref', () => {
    for (const book of RULE_BOOKS) {
      expect(RuleBookRefCodec.decode(JSON.parse(JSON.stringify(RuleBookRefCodec.encode(book.ref))))).toEqual({ _tag: 'Right', right: book.ref });
    }
  });

  it('refuse an unknown id, a version that is not a whole number of 1 or more, and unknown fields', () => {
    for (const bad of [{ id: 'pp-53-2010', version: 1 }, { id: 'pp-30-2019', version: 0 }, { id: 'pp-30-2019', version: 1.5 }, { id: 'pp-30-2019', version: 1, note: 'x' }])
      expect(isLeft(RuleBookRefCodec.decode(bad))).toBe(true);
  });

  it('KnownRuleBookRefCodec refuses a well-formed ref this build does not have', () => {
    expect(isRight(RuleBookRefCodec.decode({ id: 'pp-30-2019', version: 2 }))).toBe(true);
    expect(isLeft(KnownRuleBookRefCodec.decode({ id: 'pp-30-2019', version: 2 }))).toBe(true);
    expect(isRight(KnownRuleBookRefCodec.decode({ id: 'pp-30-2019', version: 1 }))).toBe(true);
  });
});
