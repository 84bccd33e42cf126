/**
 * Branded identifiers with io-ts codecs. A branded value can only be obtained by decoding, so a `Nip` in a
 * type signature is always a valid NIP.
 */
import * as t from 'io-ts';
import { withJsonSchema, type JsonSchema } from './json-schema';

/** A string codec whose `check` returns why a string is invalid, or undefined when it is valid. */
export const brandedString = <B extends string>(
  name: B,
  check: (s: string) => string | undefined,
): t.Type<string & t.Brand<{ readonly [K in B]: symbol }>, string, unknown> => {
  type Branded = string & t.Brand<{ readonly [K in B]: symbol }>;
  const is = (u: unknown): u is Branded => typeof u === 'string' && check(u) === undefined;
  const codec = new t.Type<Branded, string, unknown>(
    name,
    is,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, `${name} must be a string`);
      const problem = check(u);
      return problem === undefined ? t.success(u as Branded) : t.failure(u, c, problem);
    },
    (a) => a,
  );
  // A string; the ids below add the pattern their check implies (the check may be stricter: NIP dates).
  return withJsonSchema(codec, { title: name, type: 'string' });
};

/** Describes a branded id for JSON Schema: the pattern its check implies, and an example. */
const describeId = <C extends object>(codec: C, title: string, schema: JsonSchema): C =>
  withJsonSchema(codec, { title, type: 'string', ...schema });

/** Regular-expression sources shared by the id patterns below. */
const NIP_PATTERN = '\\d{18}';
const PERIOD_PATTERN = '\\d{4}(-(Q[1-4]|S[12]|M(0[1-9]|1[0-2])|P[1-9]))?';
const SLUG_PATTERN = '[a-z0-9][a-z0-9-]{0,63}';

const isCalendarDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
};

/**
 * NIP (Nomor Induk Pegawai), 18 digits: birth date yyyymmdd (1–8), appointment yyyymm (9–14),
 * sex 1 = male, 2 = female (15), sequence (16–18).
 */
export const nipProblem = (s: string): string | undefined => {
  if (!/^\d{18}$/.test(s)) return `NIP must be exactly 18 digits, got ${JSON.stringify(s)}`;
  const by = Number(s.slice(0, 4));
  const bm = Number(s.slice(4, 6));
  const bd = Number(s.slice(6, 8));
  if (by < 1900 || !isCalendarDate(by, bm, bd))
    return `NIP birth date part (digits 1-8) "${s.slice(0, 8)}" is not a valid date yyyymmdd`;
  const ay = Number(s.slice(8, 12));
  const am = Number(s.slice(12, 14));
  if (am < 1 || am > 12) return `NIP appointment part (digits 9-14) "${s.slice(8, 14)}" has no valid month (yyyymm)`;
  if (ay * 100 + am <= by * 100 + bm)
    return `NIP appointment part (digits 9-14) "${s.slice(8, 14)}" is not after the birth date "${s.slice(0, 8)}"`;
  const sex = s.charAt(14);
  if (sex !== '1' && sex !== '2') return `NIP sex part (digit 15) must be 1 or 2, got "${sex}"`;
  if (s.slice(15) === '000') return 'NIP sequence part (digits 16-18) must not be 000';
  return undefined;
};
export const Nip = describeId(brandedString('Nip', nipProblem), 'Nip', {
  description: 'NIP: 18 digits, birth date yyyymmdd, appointment yyyymm, sex (1|2), sequence',
  pattern: `^${NIP_PATTERN}$`,
  examples: ['198706122015032004'],
});
export type Nip = t.TypeOf<typeof Nip>;

export type NipParts = Readonly<{
  birthDate: string;
  appointment: string;
  sex: 'male' | 'female';
  sequence: string;
}>;

/** The parts of a valid NIP: birth date as yyyy-mm-dd, appointment as yyyy-mm. */
export const nipParts = (nip: Nip): NipParts => ({
  birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
  appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
  sex: nip.charAt(14) === '1' ? 'male' : 'female',
  sequence: nip.slice(15),
});

const slug = (what: string, max: number) => (s: string) =>
  new RegExp(`^[a-z0-9][a-z0-9-]{0,${max - 1}}$`).test(s)
    ? undefined
    : `${what} must be 1-${max} lowercase letters, digits or '-', starting with a letter or digit, got ${JSON.stringify(s)}`;

/** A tenant: one government (pemerintah daerah), e.g. `surabaya`. */
export const TenantId = describeId(
  brandedString('TenantId', (s) =>
    /^[a-z][a-z0-9-]{1,39}$/.test(s)
      ? undefined
      : `TenantId must be 2-40 lowercase letters, digits or '-', starting with a letter, got ${JSON.stringify(s)}`,
  ),
  'TenantId',
  { pattern: '^[a-z][a-z0-9-]{1,39}$', examples: ['salatiga'] },
);
export type TenantId = t.TypeOf<typeof TenantId>;

/** A unit (OPD, Organisasi Perangkat Daerah), e.g. `dinkes`. */
export const UnitId = describeId(brandedString('UnitId', slug('UnitId', 64)), 'UnitId', {
  pattern: `^${SLUG_PATTERN}$`,
  examples: ['dukcapil-pelayanan'],
});
export type UnitId = t.TypeOf<typeof UnitId>;

/** A position (jabatan) in the roster, e.g. `dinkes-kadis`. */
export const PositionId = describeId(brandedString('PositionId', slug('PositionId', 64)), 'PositionId', {
  pattern: `^${SLUG_PATTERN}$`,
  examples: ['dukcapil-kadis'],
});
export type PositionId = t.TypeOf<typeof PositionId>;

/**
 * A performance period: a year (`2025`), a quarter (`2025-Q1`), a semester (`2025-S1`), a month (`2025-M03`),
 * or the n-th plan period of a year after a change of position (`2025-P2`).
 */
export const PeriodId = describeId(
  brandedString('PeriodId', (s) =>
    /^\d{4}(-(Q[1-4]|S[12]|M(0[1-9]|1[0-2])|P[1-9]))?$/.test(s)
      ? undefined
      : `PeriodId must be yyyy, yyyy-Q1..Q4, yyyy-S1..S2, yyyy-M01..M12 or yyyy-P1..P9, got ${JSON.stringify(s)}`,
  ),
  'PeriodId',
  { pattern: `^${PERIOD_PATTERN}$`, examples: ['2025', '2025-Q1'] },
);
export type PeriodId = t.TypeOf<typeof PeriodId>;

/** A plan (SKP): one per employee and period, `<nip>.<period>`. */
export const PlanId = describeId(brandedString('PlanId', (s) => {
  const dot = s.indexOf('.');
  if (dot < 0) return `PlanId must be <nip>.<period>, got ${JSON.stringify(s)}`;
  const nip = nipProblem(s.slice(0, dot));
  if (nip !== undefined) return `PlanId: ${nip}`;
  const period = PeriodId.decode(s.slice(dot + 1));
  return period._tag === 'Left' ? `PlanId: ${String(period.left[0]?.message)}` : undefined;
}), 'PlanId', { description: '<nip>.<period>', pattern: `^${NIP_PATTERN}\\.${PERIOD_PATTERN}$`, examples: ['199203142019031008.2025'] });
export type PlanId = t.TypeOf<typeof PlanId>;

export const planIdOf = (nip: Nip, period: PeriodId): PlanId => `${nip}.${period}` as PlanId;

/** The employee and the period of a plan id (the inverse of `planIdOf`). */
export const planIdParts = (plan: PlanId): Readonly<{ employee: Nip; period: PeriodId }> => {
  const dot = plan.indexOf('.');
  return { employee: plan.slice(0, dot) as Nip, period: plan.slice(dot + 1) as PeriodId };
};

/**
 * An evaluation (penilaian kinerja): one per plan and evaluation period, `<plan>.<evaluation period>`, e.g.
 * `199001012015031001.2025.2025-Q1` (a quarterly evaluation of the 2025 plan) or `….2025.2025` (the annual one).
 */
export const EvaluationId = describeId(brandedString('EvaluationId', (s) => {
  const dot = s.lastIndexOf('.');
  if (dot < 0) return `EvaluationId must be <plan>.<evaluation period>, got ${JSON.stringify(s)}`;
  const plan = PlanId.decode(s.slice(0, dot));
  if (plan._tag === 'Left') return `EvaluationId: ${String(plan.left[0]?.message)}`;
  const period = PeriodId.decode(s.slice(dot + 1));
  return period._tag === 'Left' ? `EvaluationId: ${String(period.left[0]?.message)}` : undefined;
}), 'EvaluationId', {
  description: '<plan>.<evaluation period>',
  pattern: `^${NIP_PATTERN}\\.${PERIOD_PATTERN}\\.${PERIOD_PATTERN}$`,
  examples: ['199203142019031008.2025.2025'],
});
export type EvaluationId = t.TypeOf<typeof EvaluationId>;

export const evaluationIdOf = (plan: PlanId, period: PeriodId): EvaluationId => `${plan}.${period}` as EvaluationId;

/**
 * The parts of an evaluation id (the inverse of `evaluationIdOf`): the plan, its employee and period, and the
 * evaluation period.
 */
export const evaluationIdParts = (
  evaluation: EvaluationId,
): Readonly<{ plan: PlanId; employee: Nip; planPeriod: PeriodId; period: PeriodId }> => {
  const dot = evaluation.lastIndexOf('.');
  const plan = evaluation.slice(0, dot) as PlanId;
  const { employee, period: planPeriod } = planIdParts(plan);
  return { plan, employee, planPeriod, period: evaluation.slice(dot + 1) as PeriodId };
};

/** A unit period: one per unit and evaluation period, `<unit>.<period>`, e.g. `dinkes.2025`. */
export const UnitPeriodId = describeId(brandedString('UnitPeriodId', (s) => {
  const dot = s.indexOf('.');
  if (dot < 0) return `UnitPeriodId must be <unit>.<period>, got ${JSON.stringify(s)}`;
  const unit = UnitId.decode(s.slice(0, dot));
  if (unit._tag === 'Left') return `UnitPeriodId: ${String(unit.left[0]?.message)}`;
  const period = PeriodId.decode(s.slice(dot + 1));
  return period._tag === 'Left' ? `UnitPeriodId: ${String(period.left[0]?.message)}` : undefined;
}), 'UnitPeriodId', { description: '<unit>.<period>', pattern: `^${SLUG_PATTERN}\\.${PERIOD_PATTERN}$`, examples: ['dukcapil-pelayanan.2025'] });
export type UnitPeriodId = t.TypeOf<typeof UnitPeriodId>;

export const unitPeriodIdOf = (unit: UnitId, period: PeriodId): UnitPeriodId => `${unit}.${period}` as UnitPeriodId;
