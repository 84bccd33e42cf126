/**
 * The codec of a tenant policy, so that a tenant can supply its own policy as data (JSON or YAML read by the
 * engine): unknown fields are refused, every record must name each of its keys, the rule-book schedule must be
 * ordered by year and name only rule books this build has.
 */
import * as t from 'io-ts';
import { TimeZone } from '../calendar';
import { literals, NonNegativeNumber, strictObject, TenantId, text } from '../core';
import { KnownRuleBookRefCodec } from '../rulebook/codecs';
import {
  EvaluationFrequencyCodec,
  ORGANISATIONAL_RESULTS,
  PREDIKAT,
  RatingLevelCodec,
} from '../rulebook/vocabulary';
import type { CurvePolicy } from '../rulebook/curve';
import type { RuleBookSchedule, TenantPolicy } from './tenant-policy';

/** A whole number within `min..max`. */
const wholeNumber = (name: string, min: number, max: number) =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max,
    (u, c) =>
      typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max
        ? t.success(u)
        : t.failure(u, c, `${name} must be a whole number within ${min}..${max}, got ${JSON.stringify(u)}`),
    (a) => a,
  );

/** An object with exactly the keys `keys`, each decoded by `value`. */
const everyKey = <K extends string, C extends t.Mixed>(name: string, keys: ReadonlyArray<K>, value: C) =>
  strictObject(name, Object.fromEntries(keys.map((k) => [k, value])) as Record<K, C>);

const ScheduleEntryCodec = strictObject('RuleBookScheduleEntry', {
  fromYear: wholeNumber('fromYear', 1900, 9999),
  ruleBook: KnownRuleBookRefCodec,
});

const entries = t.readonlyArray(ScheduleEntryCodec);

/** At least one entry, `fromYear` strictly increasing. */
export const RuleBookScheduleCodec: t.Type<RuleBookSchedule, RuleBookSchedule, unknown> = new t.Type<RuleBookSchedule, RuleBookSchedule, unknown>(
  'RuleBookSchedule',
  (u): u is RuleBookSchedule => entries.is(u) && u.length > 0 && u.every((e, i) => i === 0 || (u[i - 1]?.fromYear ?? Infinity) < e.fromYear),
  (u, c) => {
    const decoded = entries.validate(u, c);
    if (decoded._tag === 'Left') return decoded;
    const list = decoded.right;
    if (list.length === 0) return t.failure(u, c, 'the rule-book schedule needs at least one entry');
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1];
      const entry = list[i];
      if (before !== undefined && entry !== undefined && before.fromYear >= entry.fromYear)
        return t.failure(u, c, `the rule-book schedule must be ordered by fromYear, each year once: ${entry.fromYear} follows ${before.fromYear}`);
    }
    return t.success(list);
  },
  entries.encode,
);

export const CurvePolicyCodec: t.Type<CurvePolicy, CurvePolicy, unknown> = strictObject('CurvePolicy', { exemptBelow: wholeNumber('exemptBelow', 1, 1_000_000) });

export const ObjectionWindowCodec: t.Type<TenantPolicy['objectionWindow'], TenantPolicy['objectionWindow'], unknown> = strictObject('ObjectionWindow', {
  days: wholeNumber('days', 1, 366),
  kind: literals('ObjectionWindowKind', ['calendar', 'working'] as const),
});

export const TenantPolicyCodec: t.Type<TenantPolicy, unknown, unknown> = strictObject('TenantPolicy', {
  tenant: TenantId,
  name: text(200),
  timeZone: TimeZone,
  evaluationFrequency: EvaluationFrequencyCodec,
  ruleBooks: RuleBookScheduleCodec,
  peerFeedback: t.boolean,
  selfEvaluation: t.boolean,
  curve: CurvePolicyCodec,
  unitHeadHasilKerja: everyKey('UnitHeadHasilKerja', ORGANISATIONAL_RESULTS, RatingLevelCodec),
  allowancePercent: everyKey('AllowancePercent', PREDIKAT, NonNegativeNumber),
  angkaKreditProRata: t.boolean,
  objectionWindow: ObjectionWindowCodec,
});
