/**
 * BR-13, last paragraph: the rule book (regime) that applies is chosen per tenant and period, recorded on the
 * evaluation when it opens, and used again on every replay: a 2019 evaluation replayed today gives its 2019
 * result. So an assessment depends on the recorded ref and the input only, never on a tenant's current policy.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import {
  CORE_VALUES,
  DEFAULT_POLICY_SETTINGS,
  IkiId,
  PeriodId,
  RATING_LEVELS,
  RULE_BOOKS,
  ruleBookByRef,
  ruleBookFor,
  TENANT_POLICIES,
  type AssessmentInput,
  type CoreValue,
  type RuleBookRef,
  type TenantPolicy,
} from '@kinerja/domain';

const period = (s: string): PeriodId => {
  const d = PeriodId.decode(s);
  if (isLeft(d)) throw new Error(s);
  return d.right;
};
const I1 = ((): IkiId => {
  const d = IkiId.decode('I1');
  if (isLeft(d)) throw new Error('I1');
  return d.right;
})();

const arbRated: fc.Arbitrary<AssessmentInput> = fc.record({
  regime: fc.constant('rated' as const),
  hasilKerja: fc.constantFrom(...RATING_LEVELS),
  perilaku: fc.constantFrom(...RATING_LEVELS),
});
const arbNumeric: fc.Arbitrary<AssessmentInput> = fc.record({
  regime: fc.constant('numeric' as const),
  measures: fc
    .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 36 }))
    .map(([target, realised, waktu, waktuRealised]) => [{ iki: I1, target: { kuantitas: target, waktu }, realised: { kuantitas: realised, waktu: waktuRealised } }]),
  behaviour: fc.tuple(...CORE_VALUES.map(() => fc.integer({ min: 0, max: 100 }))).map((xs) => Object.fromEntries(CORE_VALUES.map((v, i) => [v, xs[i] ?? 0])) as Record<CoreValue, number>),
  peerInputUsed: fc.boolean(),
  innovation: fc.boolean(),
});

/** Any policy a tenant might switch to later: another schedule, other settings. */
const arbPolicyChange = (base: TenantPolicy): fc.Arbitrary<TenantPolicy> =>
  fc.record({
    fromYear: fc.integer({ min: 2000, max: 2040 }),
    ruleBook: fc.constantFrom(...RULE_BOOKS.map((b) => b.ref)),
    exemptBelow: fc.integer({ min: 1, max: 20 }),
    peerFeedback: fc.boolean(),
  }).map(({ fromYear, ruleBook, exemptBelow, peerFeedback }) => ({ ...base, ruleBooks: [{ fromYear, ruleBook }], curve: { exemptBelow }, peerFeedback }));

describe('BR-13 the rule book per tenant and period', () => {
  it.each(TENANT_POLICIES.map((p) => [p.tenant, p] as const))('%s: PP 46 for 2015, PP 30 for 2021, PermenPANRB 6/2022 for 2024', (_t, policy) => {
    expect(ruleBookFor(policy, period('2015'))).toEqual({ id: 'pp-46-2011', version: 1 });
    expect(ruleBookFor(policy, period('2021-Q2'))).toEqual({ id: 'pp-30-2019', version: 1 });
    expect(ruleBookFor(policy, period('2024-S1'))).toEqual({ id: 'permenpanrb-6-2022', version: 1 });
    expect(ruleBookFor(policy, period('2013'))).toBeUndefined();
  });

  it('every scheduled ref names a rule book this build has', () => {
    for (const policy of TENANT_POLICIES) for (const entry of policy.ruleBooks) expect(ruleBookByRef(entry.ruleBook)?.ref).toEqual(entry.ruleBook);
  });

  it('property: assessing with a recorded ref gives the same result whatever the tenant’s policy is now', () => {
    let switched = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...TENANT_POLICIES),
        fc.integer({ min: 2014, max: 2030 }),
        fc.oneof(arbRated, arbNumeric),
        fc.constantFrom(...TENANT_POLICIES).chain(arbPolicyChange),
        (policy, year, input, later) => {
          // The evaluation opened under the policy of its time and recorded the ref.
          const recorded = ruleBookFor(policy, period(String(year))) as RuleBookRef;
          const then = ruleBookByRef(recorded)?.assess(input);
          expect(then).toBeDefined();
          // Later the tenant's policy says something else for that year (often another rule book) ...
          if (ruleBookFor(later, period(String(year)))?.id !== recorded.id) switched += 1;
          // ... and the replay, which looks the rule book up by the recorded ref, gives the same result, made
          // under the recorded rule book.
          const replayed = ruleBookByRef({ ...recorded })?.assess(structuredClone(input));
          expect(replayed).toEqual(then);
          if (then !== undefined) expect(then._tag === 'Right' ? then.right.ruleBook : then.left.ruleBook).toEqual(recorded);
        },
      ),
      { numRuns: 300 },
    );
    expect(switched).toBeGreaterThan(0);
  });

  it('a 2019 evaluation replayed after a switch keeps its PP 46 result', () => {
    const recorded = ruleBookFor(TENANT_POLICIES[0] as TenantPolicy, period('2019'));
    expect(recorded?.id).toBe('pp-46-2011');
    const input: AssessmentInput = {
      regime: 'numeric',
      measures: [{ iki: I1, target: { kuantitas: 100 }, realised: { kuantitas: 72 } }],
      behaviour: Object.fromEntries(CORE_VALUES.map((v) => [v, 80])) as Record<CoreValue, number>,
      peerInputUsed: false,
      innovation: false,
    };
    // 0.6·72 + 0.4·80 = 75.2: Cukup under PP 46 (61–75 … below 76), Cukup too under PP 30 (70–<90), but the label
    // and the weights are PP 46's, because the ref says so.
    const result = ruleBookByRef(recorded as RuleBookRef)?.assess(input);
    expect(result).toMatchObject({ _tag: 'Right', right: { ruleBook: { id: 'pp-46-2011', version: 1 }, label: 'Cukup', scores: { weights: { skp: 0.6, behaviour: 0.4 } } } });
    expect(DEFAULT_POLICY_SETTINGS.ruleBooks.at(-1)?.ruleBook.id).toBe('permenpanrb-6-2022');
  });
});
