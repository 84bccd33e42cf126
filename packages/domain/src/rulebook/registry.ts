/**
 * The rule books this build knows, by ref (DOMAIN.md BR-13, last paragraph). An evaluation records the ref of
 * its rule book when it opens and looks it up here on every decision and replay: a published rule book never
 * changes, a correction is a new version beside the old one, so a 2019 evaluation replayed today gives its 2019
 * result whatever the tenant's policy says now.
 */
import { left, type Either } from 'fp-ts/Either';
import { PERMENPANRB_6_2022 } from './permenpanrb-6-2022';
import { PP_30_2019 } from './pp-30-2019';
import { PP_46_2011 } from './pp-46-2011';
import type { Assessment, AssessmentInput, RuleBook, RuleBookError, RuleBookRef } from './rule-book';

/** BR-01: the predikat matrix of PermenPANRB 6/2022 (rows hasil kerja, columns perilaku). Total over the 9 cells. */
export { predikatOf } from './permenpanrb-6-2022';

/** Every rule book of this build, each at every version it has had (all at version 1 so far). */
export const RULE_BOOKS: ReadonlyArray<RuleBook> = [PERMENPANRB_6_2022, PP_30_2019, PP_46_2011];

/** The rule book with exactly this id and version, or undefined. */
export const ruleBookByRef = (ref: RuleBookRef): RuleBook | undefined =>
  RULE_BOOKS.find((book) => book.ref.id === ref.id && book.ref.version === ref.version);

/** Assesses `input` with the rule book `ref` names; `UnknownRuleBook` when this build does not have it. */
export const assessWith = (ref: RuleBookRef, input: AssessmentInput): Either<RuleBookError, Assessment> => {
  const book = ruleBookByRef(ref);
  return book === undefined ? left({ _tag: 'UnknownRuleBook', ruleBook: { id: ref.id, version: ref.version } }) : book.assess(input);
};
