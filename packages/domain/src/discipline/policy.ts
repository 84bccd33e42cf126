/**
 * A tenant's discipline settings, with the defaults of PP 94/2021 and DOMAIN.md. The engine passes them in the
 * report that opens a case (`ReportBreach.policy`) and the case records them on `BreachReported`: a later change of
 * the tenant's settings never changes how an open case is decided.
 */
import type { Period } from '../calendar';
import { PP_94_AUTHORITY_KOTA, type AuthorityTable } from './authority';
import type { DismissalKind } from './sanctions';

export type DisciplinePolicy = Readonly<{
  /** The rule book named in every decision's basis, e.g. `pp-94-2021@1`. */
  ruleBook: string;
  /** A summons names a date at least this far after the day it is issued (PP 94/2021 Ps 26: 7 working days) [reg]. */
  summonsNotice: Period;
  /** BR-22: a decision is delivered within this period of being set (14 working days) [reg]. */
  delivery: Period;
  /** A delivered decision takes effect on this day after receipt (PP 94/2021: "hari ke-15 sejak diterima") [reg]. */
  inForceAfterDays: number;
  /** BR-14: the kind of a dismissal whose decision does not name one [policy]. */
  dismissalKind: DismissalKind;
  /** BR-19: who may impose what on whom [reg; table details policy]. */
  authority: AuthorityTable;
}>;

export const DISCIPLINE_POLICY_DEFAULTS: DisciplinePolicy = {
  ruleBook: 'pp-94-2021@1',
  summonsNotice: { days: 7, kind: 'working' },
  delivery: { days: 14, kind: 'working' },
  inForceAfterDays: 15,
  dismissalKind: 'dengan-hormat-tidak-atas-permintaan-sendiri',
  authority: PP_94_AUTHORITY_KOTA,
};
