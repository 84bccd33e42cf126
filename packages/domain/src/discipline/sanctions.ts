/**
 * Disciplinary sanctions (BR-14, PP 94/2021 Ps 8) as data: three levels, seven types, and the duration of each,
 * exactly as the regulation states them.
 *
 * | level  | type                           | duration                 | PP 94/2021 Ps 8       |
 * |--------|--------------------------------|--------------------------|-----------------------|
 * | ringan | teguran-lisan                  | none (0 months)          | ayat (2) huruf a      |
 * | ringan | teguran-tertulis               | none (0 months)          | ayat (2) huruf b      |
 * | ringan | pernyataan-tidak-puas          | none (0 months)          | ayat (2) huruf c      |
 * | sedang | potongan-tukin-25 (25% cut)    | 6, 9 or 12 months        | ayat (3) huruf a-c    |
 * | berat  | penurunan-jabatan-12-bulan     | 12 months                | ayat (4) huruf a      |
 * | berat  | pembebasan-jabatan-12-bulan    | 12 months (to pelaksana) | ayat (4) huruf b      |
 * | berat  | pemberhentian                  | permanent                | ayat (4) huruf c      |
 *
 * The dismissal's kind (with honour not at own request, or without honour) is data: PP 94 says the former, the 2023
 * ASN act reads differently for some breaches [policy]; the tenant's default is in `DisciplinePolicy`.
 *
 * In force: a sanction with a duration runs from its first day `from` to `until` = `from` + its months, by calendar
 * months (the same day of the month, or the month's last day when it has no such day: 31 Aug + 6 months = 28 Feb),
 * `until` being the first day it no longer applies. A ringan sanction has 0 months (`until` = `from`: it takes
 * effect and is done); a dismissal has no end (`until` null).
 */
import { left, right, type Either } from 'fp-ts/Either';
import { addCalendarMonths } from '../calendar';
import type { LocalDate } from '../core';

export const SANCTION_LEVELS = ['ringan', 'sedang', 'berat'] as const;
export type SanctionLevel = (typeof SANCTION_LEVELS)[number];

export const SANCTION_TYPES = [
  'teguran-lisan',
  'teguran-tertulis',
  'pernyataan-tidak-puas',
  'potongan-tukin-25',
  'penurunan-jabatan-12-bulan',
  'pembebasan-jabatan-12-bulan',
  'pemberhentian',
] as const;
export type SanctionType = (typeof SANCTION_TYPES)[number];

/** The three lengths of a 25% tunjangan kinerja cut (BR-14 sedang). */
export const TUKIN_CUT_MONTHS = [6, 9, 12] as const;
export type TukinCutMonths = (typeof TUKIN_CUT_MONTHS)[number];

/** With honour not at own request (PP 94/2021 Ps 8 ayat (4) huruf c), or without honour [policy]. */
export const DISMISSAL_KINDS = ['dengan-hormat-tidak-atas-permintaan-sendiri', 'tidak-dengan-hormat'] as const;
export type DismissalKind = (typeof DISMISSAL_KINDS)[number];

export type Sanction =
  | Readonly<{ type: 'teguran-lisan' }>
  | Readonly<{ type: 'teguran-tertulis' }>
  | Readonly<{ type: 'pernyataan-tidak-puas' }>
  | Readonly<{ type: 'potongan-tukin-25'; months: TukinCutMonths }>
  | Readonly<{ type: 'penurunan-jabatan-12-bulan' }>
  | Readonly<{ type: 'pembebasan-jabatan-12-bulan' }>
  | Readonly<{ type: 'pemberhentian'; kind: DismissalKind }>;

/**
 * A sanction as an official chooses it: a dismissal may leave out its kind, which the tenant's policy then fills in
 * (`completeSanction`). Every event records the complete `Sanction`.
 */
export type SanctionChoice =
  | Exclude<Sanction, Readonly<{ type: 'pemberhentian' }>>
  | Readonly<{ type: 'pemberhentian'; kind?: DismissalKind }>;

export type SanctionDefinition = Readonly<{
  level: SanctionLevel;
  /** Where PP 94/2021 names it. */
  article: string;
  description: string;
}>;

/** BR-14: each type's level and article. Durations are `durationMonths`. */
export const SANCTION_CATALOGUE: Readonly<Record<SanctionType, SanctionDefinition>> = {
  'teguran-lisan': { level: 'ringan', article: 'PP 94/2021 Ps 8 ayat (2) huruf a', description: 'teguran lisan' },
  'teguran-tertulis': { level: 'ringan', article: 'PP 94/2021 Ps 8 ayat (2) huruf b', description: 'teguran tertulis' },
  'pernyataan-tidak-puas': {
    level: 'ringan',
    article: 'PP 94/2021 Ps 8 ayat (2) huruf c',
    description: 'pernyataan tidak puas secara tertulis',
  },
  'potongan-tukin-25': {
    level: 'sedang',
    article: 'PP 94/2021 Ps 8 ayat (3)',
    description: 'pemotongan tunjangan kinerja sebesar 25% selama 6, 9 atau 12 bulan',
  },
  'penurunan-jabatan-12-bulan': {
    level: 'berat',
    article: 'PP 94/2021 Ps 8 ayat (4) huruf a',
    description: 'penurunan jabatan setingkat lebih rendah selama 12 bulan',
  },
  'pembebasan-jabatan-12-bulan': {
    level: 'berat',
    article: 'PP 94/2021 Ps 8 ayat (4) huruf b',
    description: 'pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan',
  },
  pemberhentian: {
    level: 'berat',
    article: 'PP 94/2021 Ps 8 ayat (4) huruf c',
    description: 'pemberhentian sebagai PNS',
  },
};

/** The types of a level, lightest first. */
export const sanctionTypesOf = (level: SanctionLevel): ReadonlyArray<SanctionType> =>
  SANCTION_TYPES.filter((type) => SANCTION_CATALOGUE[type].level === level);

export const levelOfSanction = (sanction: Readonly<{ type: SanctionType }>): SanctionLevel =>
  SANCTION_CATALOGUE[sanction.type].level;

/** BR-14: how long a sanction runs, in months: 0 for ringan (no duration), null for a dismissal (no end). */
export const durationMonths = (sanction: Sanction | SanctionChoice): number | null => {
  switch (sanction.type) {
    case 'teguran-lisan':
    case 'teguran-tertulis':
    case 'pernyataan-tidak-puas':
      return 0;
    case 'potongan-tukin-25':
      return sanction.months;
    case 'penurunan-jabatan-12-bulan':
    case 'pembebasan-jabatan-12-bulan':
      return 12;
    case 'pemberhentian':
      return null;
  }
};

/**
 * Severity, lightest 1 to heaviest 9: the order of PP 94/2021 Ps 8, a longer cut being heavier than a shorter one.
 * "Heavier" (BR-18, memperberat) and "lighter" (memperingan) compare it; the dismissal's kind does not change it.
 */
export const severityOf = (sanction: Sanction | SanctionChoice): number => {
  switch (sanction.type) {
    case 'teguran-lisan':
      return 1;
    case 'teguran-tertulis':
      return 2;
    case 'pernyataan-tidak-puas':
      return 3;
    case 'potongan-tukin-25':
      return sanction.months === 6 ? 4 : sanction.months === 9 ? 5 : 6;
    case 'penurunan-jabatan-12-bulan':
      return 7;
    case 'pembebasan-jabatan-12-bulan':
      return 8;
    case 'pemberhentian':
      return 9;
  }
};

export const MAX_SEVERITY = 9;

/** The same sanction: type, months of a cut and kind of a dismissal. */
export const sameSanction = (a: Sanction, b: Sanction): boolean =>
  a.type === b.type &&
  (a.type !== 'potongan-tukin-25' || (b.type === 'potongan-tukin-25' && a.months === b.months)) &&
  (a.type !== 'pemberhentian' || (b.type === 'pemberhentian' && a.kind === b.kind));

/**
 * A sanction as a review decision names it (the appeal aggregates send this shape with `ApplyReviewOutcome`): the
 * type, optionally the level it belongs to, the months of a cut (a 12-month berat type may say 12), and the kind of
 * a dismissal.
 */
export type ReviewedSanctionInput = Readonly<{
  type: SanctionType;
  level?: SanctionLevel;
  months?: number;
  kind?: DismissalKind;
}>;

/** The sanction a review names, or why it names none of BR-14's. */
export const sanctionChoiceOf = (input: ReviewedSanctionInput): Either<string, SanctionChoice> => {
  const { type, level, months, kind } = input;
  const definition = SANCTION_CATALOGUE[type];
  if (level !== undefined && level !== definition.level) return left(`${type} is ${definition.level}, not ${level}`);
  if (kind !== undefined && type !== 'pemberhentian') return left(`only a dismissal has a kind, not ${type}`);
  switch (type) {
    case 'potongan-tukin-25':
      return months === 6 || months === 9 || months === 12
        ? right({ type, months })
        : left(`a tunjangan kinerja cut runs 6, 9 or 12 months, not ${months ?? 'unspecified'}`);
    case 'penurunan-jabatan-12-bulan':
    case 'pembebasan-jabatan-12-bulan':
      return months === undefined || months === 12 ? right({ type }) : left(`${type} runs 12 months, not ${months}`);
    case 'pemberhentian':
      return months === undefined ? right(kind === undefined ? { type } : { type, kind }) : left('a dismissal has no months');
    default:
      return months === undefined ? right({ type }) : left(`${type} has no months`);
  }
};

/** A choice with the dismissal's kind filled in from the tenant's default. */
export const completeSanction = (choice: SanctionChoice, defaultKind: DismissalKind): Sanction =>
  choice.type === 'pemberhentian' ? { type: 'pemberhentian', kind: choice.kind ?? defaultKind } : choice;

/** A plain copy with nothing but the sanction's own fields (commands may carry a choice object built elsewhere). */
export const sanctionOf = (sanction: Sanction): Sanction => {
  switch (sanction.type) {
    case 'potongan-tukin-25':
      return { type: sanction.type, months: sanction.months };
    case 'pemberhentian':
      return { type: sanction.type, kind: sanction.kind };
    default:
      return { type: sanction.type };
  }
};

/** "potongan-tukin-25 (9 bulan)", "pemberhentian (dengan-hormat-…)", "teguran-lisan". */
export const describeSanction = (sanction: Sanction | SanctionChoice): string => {
  switch (sanction.type) {
    case 'potongan-tukin-25':
      return `${sanction.type} (${sanction.months} bulan)`;
    case 'pemberhentian':
      return sanction.kind === undefined ? sanction.type : `${sanction.type} (${sanction.kind})`;
    default:
      return sanction.type;
  }
};

// ---------------------------------------------------------------------------------------------------------------
// In force
// ---------------------------------------------------------------------------------------------------------------

/** `from` inclusive to `until` exclusive; `until` null: no end (a dismissal). */
export type InForce = Readonly<{ from: LocalDate; until: LocalDate | null }>;

/** When a sanction applies if it takes effect on `from`: its end is always `from` + its duration (BR-14). */
export const inForcePeriod = (from: LocalDate, sanction: Sanction): InForce => {
  const months = durationMonths(sanction);
  return { from, until: months === null ? null : addCalendarMonths(from, months) };
};

/** Whether a sanction in force over `period` applies on `date`. */
export const appliesOn = (period: InForce, date: LocalDate): boolean =>
  period.from <= date && (period.until === null || date < period.until);
