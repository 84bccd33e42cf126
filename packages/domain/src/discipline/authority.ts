/**
 * Who may impose which sanction on whom (BR-19, PP 94/2021 Ps 16–23), as data a tenant can replace.
 *
 * PP 94/2021 Ps 16 names the officials authorised to punish (pejabat yang berwenang menghukum): the President, the
 * PPK, a head of mission, and officials at JPT madya, JPT pratama, administrator and pengawas level (or equivalent).
 * Ps 17–23 then say, per official, for which employees and which sanctions. The default table
 * `PP_94_AUTHORITY_KOTA` transcribes the rules that apply in a city or regency government (instansi daerah
 * kabupaten/kota), the kind of tenant this library serves:
 *
 * - PPK (the mayor, Ps 18): JPT pratama, every sanction; JF ahli utama, ringan, sedang and the two 12-month berat
 *   sanctions (their dismissal is the President's, Ps 17); administrator and below, sedang and berat; other JF, berat.
 * - JPT pratama (Ps 21): one level below (administrator) ringan; two levels below (pengawas) sedang; JF in their
 *   line, ringan and sedang.
 * - Administrator (Ps 22): one level below (pengawas) ringan; two levels below (pelaksana) sedang; JF in their line,
 *   ringan and sedang.
 * - Pengawas (Ps 23): one level below (pelaksana) ringan.
 *
 * "In their line" (`scope: 'bawahan'`) means the official is the employee's superior, directly or further up the
 * roster's reporting line, on the decision date; the PPK's rules cover the whole government (`scope: 'instansi'`).
 * Not in the default table (a tenant adds them as rules): a JF ahli madya or ahli muda the PPK designates where a
 * unit has no administrator or pengawas, and the regulation's fallback that the next higher official decides when no
 * authorised official exists. The President and heads of mission have no place in a city's table.
 *
 * The engine fills in the deciding official's facts (`AuthorityFacts`); the decider looks the sanction up in the
 * table recorded on the case (`authorityFor`) and refuses with the officials who would be authorised.
 */
import type { LocalDate } from '../core';
import { JENJANG, type Jenjang, type PositionLevel } from '../roster/roster';
import { SANCTION_TYPES, sanctionTypesOf, type SanctionType } from './sanctions';

/** The official's standing for the table: the PPK, or the structural level of the position they hold. */
export const OFFICIAL_RANKS = ['ppk', 'jpt-madya', 'jpt-pratama', 'administrator', 'pengawas'] as const;
export type OfficialRank = (typeof OFFICIAL_RANKS)[number];

/** `instansi`: any employee of the government; `bawahan`: only employees the official is a superior of. */
export const AUTHORITY_SCOPES = ['instansi', 'bawahan'] as const;
export type AuthorityScope = (typeof AUTHORITY_SCOPES)[number];

export const JF_GRADES = JENJANG.map((j) => `jf-${j}` as const);
export type JfGrade = `jf-${Jenjang}`;

/** The employee's standing for the table: a structural level, pelaksana, or a functional position with its jenjang. */
export const EMPLOYEE_GRADES = ['jpt-madya', 'jpt-pratama', 'administrator', 'pengawas', 'pelaksana', ...JF_GRADES] as const;
export type EmployeeGrade = (typeof EMPLOYEE_GRADES)[number];

/** A roster level as a grade: `{ level: 'jf', jenjang: 'ahli-muda' }` is `jf-ahli-muda`. */
export const gradeOf = (level: PositionLevel): EmployeeGrade => (level.level === 'jf' ? `jf-${level.jenjang}` : level.level);

export type AuthorityRule = Readonly<{
  official: OfficialRank;
  scope: AuthorityScope;
  grades: ReadonlyArray<EmployeeGrade>;
  sanctions: ReadonlyArray<SanctionType>;
  /** Where the rule comes from, recorded on the decision. */
  article: string;
}>;

export type AuthorityTable = Readonly<{
  /** Names the table and its edition, e.g. `pp-94-2021-kota.v1`: recorded with every decision taken under it. */
  id: string;
  note: string;
  rules: ReadonlyArray<AuthorityRule>;
}>;

/** What the roster says about the deciding official and the employee on the decision date (engine-filled). */
export type AuthorityFacts = Readonly<{
  asOf: LocalDate;
  /** Null: the official holds no position that the table knows (a pelaksana, a JF, nobody in the roster). */
  officialRank: OfficialRank | null;
  /** The official is the employee's superior, directly or further up the reporting line, on `asOf`. */
  officialIsSuperior: boolean;
  /** Null: the employee holds no position on `asOf`. */
  employeeGrade: EmployeeGrade | null;
}>;

/** An official who would be authorised, as the refusal names it. */
export type AuthorisedOfficial = Readonly<{ official: OfficialRank; scope: AuthorityScope; article: string }>;

const RINGAN = sanctionTypesOf('ringan');
const SEDANG = sanctionTypesOf('sedang');
const BERAT = sanctionTypesOf('berat');
const TWELVE_MONTH_BERAT: ReadonlyArray<SanctionType> = ['penurunan-jabatan-12-bulan', 'pembebasan-jabatan-12-bulan'];
const JF_BUT_AHLI_UTAMA: ReadonlyArray<EmployeeGrade> = JF_GRADES.filter((g) => g !== 'jf-ahli-utama');

/** BR-19 defaults for a city or regency government (PP 94/2021 Ps 18, 21, 22, 23). See the top of this file. */
export const PP_94_AUTHORITY_KOTA: AuthorityTable = {
  id: 'pp-94-2021-kota.v1',
  note:
    'PP 94/2021 Ps 16-23 for instansi daerah kabupaten/kota. Designated JF ahli madya/ahli muda (Ps 22, 23) and the ' +
    'fallback to the next higher official are not included: add them as rules per tenant.',
  rules: [
    { official: 'ppk', scope: 'instansi', grades: ['jpt-pratama'], sanctions: SANCTION_TYPES, article: 'PP 94/2021 Ps 18' },
    {
      official: 'ppk',
      scope: 'instansi',
      grades: ['jf-ahli-utama'],
      sanctions: [...RINGAN, ...SEDANG, ...TWELVE_MONTH_BERAT],
      article: 'PP 94/2021 Ps 18',
    },
    {
      official: 'ppk',
      scope: 'instansi',
      grades: ['administrator', 'pengawas', 'pelaksana'],
      sanctions: [...SEDANG, ...BERAT],
      article: 'PP 94/2021 Ps 18',
    },
    { official: 'ppk', scope: 'instansi', grades: JF_BUT_AHLI_UTAMA, sanctions: BERAT, article: 'PP 94/2021 Ps 18' },
    { official: 'jpt-pratama', scope: 'bawahan', grades: ['administrator'], sanctions: RINGAN, article: 'PP 94/2021 Ps 21' },
    { official: 'jpt-pratama', scope: 'bawahan', grades: ['pengawas'], sanctions: SEDANG, article: 'PP 94/2021 Ps 21' },
    {
      official: 'jpt-pratama',
      scope: 'bawahan',
      grades: JF_GRADES,
      sanctions: [...RINGAN, ...SEDANG],
      article: 'PP 94/2021 Ps 21',
    },
    { official: 'administrator', scope: 'bawahan', grades: ['pengawas'], sanctions: RINGAN, article: 'PP 94/2021 Ps 22' },
    { official: 'administrator', scope: 'bawahan', grades: ['pelaksana'], sanctions: SEDANG, article: 'PP 94/2021 Ps 22' },
    {
      official: 'administrator',
      scope: 'bawahan',
      grades: JF_GRADES,
      sanctions: [...RINGAN, ...SEDANG],
      article: 'PP 94/2021 Ps 22',
    },
    { official: 'pengawas', scope: 'bawahan', grades: ['pelaksana'], sanctions: RINGAN, article: 'PP 94/2021 Ps 23' },
  ],
};

const covers = (rule: AuthorityRule, grade: EmployeeGrade, sanction: SanctionType): boolean =>
  rule.grades.includes(grade) && rule.sanctions.includes(sanction);

/** The rule that makes the official competent to impose `sanction`, if any (BR-19). */
export const authorityFor = (
  table: AuthorityTable,
  facts: AuthorityFacts,
  sanction: SanctionType,
): AuthorityRule | undefined => {
  const { officialRank, employeeGrade, officialIsSuperior } = facts;
  if (officialRank === null || employeeGrade === null) return undefined;
  return table.rules.find(
    (rule) =>
      rule.official === officialRank &&
      (rule.scope === 'instansi' || officialIsSuperior) &&
      covers(rule, employeeGrade, sanction),
  );
};

/** Whether the official holds any authority over the employee at all (e.g. to close a case as not proven). */
export const anyAuthorityFor = (table: AuthorityTable, facts: AuthorityFacts): AuthorityRule | undefined =>
  SANCTION_TYPES.map((type) => authorityFor(table, facts, type)).find((rule) => rule !== undefined);

/** Every official the table authorises to impose `sanction` on an employee of `grade`: what a refusal names. */
export const officialsAuthorisedFor = (
  table: AuthorityTable,
  grade: EmployeeGrade | null,
  sanction: SanctionType,
): ReadonlyArray<AuthorisedOfficial> =>
  grade === null
    ? []
    : table.rules
        .filter((rule) => covers(rule, grade, sanction))
        .map((rule) => ({ official: rule.official, scope: rule.scope, article: rule.article }));
