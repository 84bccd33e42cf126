/**
 * Identifiers of the discipline case (hukuman disiplin, PP 94/2021).
 *
 * A case id is `<nip>.<yyyy>-<slug>`: the NIP of the employee the case is against, the year it was opened, and a
 * slug unique within that employee and year, e.g. `198503152010011002.2025-1` (the first case of 2025, numbered by
 * the unit that opens it) or `198503152010011002.2025-absensi-11` (opened by the absence process manager when the
 * 11th unexcused day of 2025 was recorded, BR-15). Deterministic slugs make the process manager idempotent: a second
 * report for the same id is refused, so running it twice for one event opens one case.
 */
import type * as t from 'io-ts';
import { brandedString, nipProblem, type Nip } from '../core';

const CASE_ID = /^(\d{18})\.(\d{4})-([a-z0-9][a-z0-9-]{0,39})$/;

export const DisciplineCaseId = brandedString('DisciplineCaseId', (s) => {
  const m = CASE_ID.exec(s);
  if (m === null)
    return `DisciplineCaseId must be <nip>.<yyyy>-<slug> (slug: 1-40 lowercase letters, digits or '-'), got ${JSON.stringify(s)}`;
  const nip = nipProblem(m[1] ?? '');
  return nip === undefined ? undefined : `DisciplineCaseId: ${nip}`;
});
export type DisciplineCaseId = t.TypeOf<typeof DisciplineCaseId>;

/** `<nip>.<yyyy>-<slug>`; the slug must be 1-40 lowercase letters, digits or '-' (the codec refuses others). */
export const disciplineCaseIdOf = (employee: Nip, year: number, slug: string): DisciplineCaseId =>
  `${employee}.${String(year).padStart(4, '0')}-${slug}` as DisciplineCaseId;

/** The employee, year and slug of a case id (the inverse of `disciplineCaseIdOf`). */
export const disciplineCaseIdParts = (id: DisciplineCaseId): Readonly<{ employee: Nip; year: number; slug: string }> => ({
  employee: id.slice(0, 18) as Nip,
  year: Number(id.slice(19, 23)),
  slug: id.slice(24),
});
