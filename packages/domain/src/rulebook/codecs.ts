/**
 * Codecs for rule-book refs, for events and for tenant policies supplied as data. A ref decodes only when this
 * build has that rule book at that version (`KnownRuleBookRefCodec`), or whenever it is well formed
 * (`RuleBookRefCodec`, for stored events, which must decode even if a later build dropped a version).
 */
import * as t from 'io-ts';
import { literals, strictObject } from '../core';
import { ruleBookByRef } from './registry';
import { RULE_BOOK_IDS, type RuleBookRef } from './rule-book';

export const RuleBookIdCodec = literals('RuleBookId', RULE_BOOK_IDS);

/** A whole number of at least 1. */
const Version = new t.Type<number, number, unknown>(
  'RuleBookVersion',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 1
      ? t.success(u)
      : t.failure(u, c, `a rule book version is a whole number of 1 or more, got ${JSON.stringify(u)}`),
  (a) => a,
);

export const RuleBookRefCodec: t.Type<RuleBookRef, RuleBookRef, unknown> = strictObject('RuleBookRef', {
  id: RuleBookIdCodec,
  version: Version,
});

/** A well-formed ref that this build can look up with `ruleBookByRef`. */
export const KnownRuleBookRefCodec = new t.Type<RuleBookRef, RuleBookRef, unknown>(
  'KnownRuleBookRef',
  (u): u is RuleBookRef => RuleBookRefCodec.is(u) && ruleBookByRef(u) !== undefined,
  (u, c) => {
    const ref = RuleBookRefCodec.validate(u, c);
    if (ref._tag === 'Left') return ref;
    return ruleBookByRef(ref.right) === undefined
      ? t.failure(u, c, `this build has no rule book ${ref.right.id} version ${ref.right.version}`)
      : t.success(ref.right);
  },
  RuleBookRefCodec.encode,
);
