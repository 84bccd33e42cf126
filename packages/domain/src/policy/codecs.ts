/**
 * The codec of a tenant policy, so that a tenant can supply its own policy as data (JSON or YAML read by the
 * engine): unknown fields are refused, every record must name each of its keys, the rule-book schedule must be
 * ordered by year and name only rule books this build has. The settings an aggregate records when it opens are
 * built from the same description for its commands (strict) and stored events (stripping): `policyValueCodecs`.
 */
import * as t from 'io-ts';
import { TimeZone } from '../calendar';
import {
  literals,
  NonNegativeNumber,
  strictObject,
  strippingObject,
  TenantId,
  text,
  totalRecord,
  wholeNumber,
  type ObjectCodec,
} from '../core';
import { CurvePolicyCodec, KnownRuleBookRefCodec, ruleBookValueCodecs } from '../rulebook/codecs';
import {
  EvaluationFrequencyCodec,
  ORGANISATIONAL_RESULTS,
  PREDIKAT,
  RatingLevelCodec,
} from '../rulebook/vocabulary';
import type { RuleBookSchedule, TenantPolicy } from './tenant-policy';

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

/** The policy settings an aggregate records when it opens (the unit period's curve, BR-09 mapping and BR-25 table). */
const shapes = (object: ObjectCodec, ruleBook: (typeof ruleBookValueCodecs)['strict']) => ({
  curve: ruleBook.curvePolicy,
  unitHeadHasilKerja: totalRecord(object, 'UnitHeadHasilKerja', ORGANISATIONAL_RESULTS, RatingLevelCodec),
  allowancePercent: totalRecord(object, 'AllowancePercent', PREDIKAT, NonNegativeNumber),
});

/** The policy settings' codecs: `strict` for commands and policies, `stripping` for stored events. */
export const policyValueCodecs = {
  strict: shapes(strictObject, ruleBookValueCodecs.strict),
  stripping: shapes(strippingObject, ruleBookValueCodecs.stripping),
} as const;

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
  unitHeadHasilKerja: policyValueCodecs.strict.unitHeadHasilKerja,
  allowancePercent: policyValueCodecs.strict.allowancePercent,
  angkaKreditProRata: t.boolean,
  objectionWindow: ObjectionWindowCodec,
});
