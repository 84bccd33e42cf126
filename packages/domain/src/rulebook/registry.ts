/**
 * The rule books this build knows, by ref. TODO(helper): implement with the three rule books.
 */
import type { Predikat, RatingLevel } from './vocabulary';
import type { RuleBook, RuleBookRef } from './rule-book';

/** BR-01: the predikat matrix of PermenPANRB 6/2022 (rows hasil kerja, columns perilaku). Total over the 9 cells. */
export declare const predikatOf: (hasilKerja: RatingLevel, perilaku: RatingLevel) => Predikat;
export declare const RULE_BOOKS: ReadonlyArray<RuleBook>;
/** The rule book with exactly this id and version, or undefined. */
export declare const ruleBookByRef: (ref: RuleBookRef) => RuleBook | undefined;
