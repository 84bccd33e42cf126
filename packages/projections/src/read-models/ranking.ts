/**
 * Ranking (pemeringkatan, DOMAIN.md §4) and the predikat distribution per unit against the curve: one read model,
 * `ranking`, over the unit periods' events (proposals, the organisational result, the settlement and its
 * revisions) and the evaluations' IKI targets and realisations.
 *
 * Tables:
 * - `unit`: one row per unit period (organisational result, curve exemption, when it was settled);
 * - `member`: one row per evaluation proposed to a unit period: its predikat at its latest stage (proposed,
 *   settled, revised), hasil kerja and perilaku as numbers (rated rule books: the level 0..2; numeric rule books:
 *   the SKP and behaviour scores), whether the employee heads the unit;
 * - `iki`: one row per evaluation and IKI: the targets (from `EvaluationOpened`), the realisation in force (the
 *   plan's at opening, replaced by the appraiser's `EvaluationRealisationRecorded`) and, under numeric rule books,
 *   the IKI score the rating computed.
 *
 * Order (DOMAIN.md §4): predikat (best first), then hasil kerja, then perilaku, then the mean achievement of the
 * IKI targets (higher first; an evaluation without IKI comes last); ties share a rank (1, 1, 3: SQL's RANK()).
 * An IKI's achievement is its numeric score when the rule book computed one, else the mean over its targeted
 * aspects of the Perka BKN 1/2013 formula the domain uses for BR-13 (`pp46AspectScore`: realised / target × 100
 * for kuantitas and kualitas, the efficiency formula for waktu and biaya; an aspect not realised counts 0). The
 * mean is rounded to 2 decimals before comparing, so that equal work ranks equal.
 *
 * Units of a tenant rank by organisational result (Istimewa first), then by their employees' predikat
 * distribution summarised as the mean predikat score (Sangat Baik 5 … Sangat Kurang 1), then by the share of
 * Sangat Baik and Baik; ties share a rank. Only units whose organisational result is set are ranked.
 */
import type Database from 'better-sqlite3';
import {
  ASPECTS,
  checkDistribution,
  curveBounds,
  ORGANISATIONAL_RESULTS,
  pp46AspectScore,
  PREDIKAT,
  RATING_LEVELS,
  totalOf,
  type CurveBound,
  type DistributionCounts,
  type OrganisationalResult,
  type Predikat,
  type RatingLevel,
} from '@kinerja/domain';
import type { Row, RowChange } from '../projection';
import {
  isObj,
  num,
  obj,
  objs,
  optNum,
  optObj,
  optStr,
  readModel,
  remove,
  str,
  unitPeriodParts,
  upsert,
  type Obj,
} from './read-model';
import { prepared } from './statements';

// ---------------------------------------------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------------------------------------------

const predikatOrder = (p: string): number => {
  const i = (PREDIKAT as ReadonlyArray<string>).indexOf(p);
  if (i < 0) throw new Error(`unknown predikat ${JSON.stringify(p)}`);
  return i;
};

const levelIndex = (level: string): number => {
  const i = (RATING_LEVELS as ReadonlyArray<string>).indexOf(level);
  if (i < 0) throw new Error(`unknown rating level ${JSON.stringify(level)}`);
  return i;
};

/** Hasil kerja and perilaku as numbers: levels 0..2 (rated) or the SKP and behaviour scores (numeric). */
const measuresOf = (a: Obj): Row => {
  const hasil = optStr(a, 'hasilKerja');
  const perilaku = optStr(a, 'perilaku');
  if (hasil !== null && perilaku !== null) return { regime: 'rated', hasil: levelIndex(hasil), perilaku: levelIndex(perilaku) };
  const scores = optObj(a, 'scores');
  if (scores !== null) return { regime: 'numeric', hasil: num(scores, 'skp'), perilaku: num(scores, 'behaviour') };
  return {};
};

const unitPeriodKey = (tenant: string, unitPeriod: string): Row => {
  const { unit, period } = unitPeriodParts(unitPeriod);
  return { tenant, unit_period: unitPeriod, unit, period };
};

/** A settled result onto its member row; hasil kerja and perilaku only when the result has levels (numeric: kept from the proposal). */
const settledMember = (tenant: string, unitPeriod: string, r: Obj, stage: 'settled' | 'revised'): Row => {
  const hasil = optStr(r, 'hasilKerja');
  const perilaku = optStr(r, 'perilaku');
  return {
    evaluation: str(r, 'evaluation'),
    ...unitPeriodKey(tenant, unitPeriod),
    employee: str(r, 'employee'),
    stage,
    predikat: str(r, 'predikat'),
    predikat_order: predikatOrder(str(r, 'predikat')),
    label: str(r, 'label'),
    is_unit_head: r['isUnitHead'] === true ? 1 : 0,
    ...(hasil !== null && perilaku !== null ? { regime: 'rated', hasil: levelIndex(hasil), perilaku: levelIndex(perilaku) } : {}),
  };
};

const targetOf = (targets: Obj, aspect: string): number | null => {
  const t = optObj(targets, aspect);
  if (t === null) return null;
  return aspect === 'kualitas' ? num(t, 'percent') : aspect === 'biaya' ? num(t, 'rupiah') : num(t, 'value');
};

const realisedColumns = (realised: Obj | null): Row =>
  Object.fromEntries(ASPECTS.map((a) => [`r_${a}`, realised === null ? null : optNum(realised, a)]));

/** Numeric rule books: each IKI's score as the rating computed it. */
const ikiScores = (evaluation: string, assessment: Obj): ReadonlyArray<RowChange> => {
  const scores = optObj(assessment, 'scores');
  if (scores === null) return [];
  return objs(scores, 'perIki').map((p) => upsert('iki', { evaluation, iki: str(p, 'iki'), score: num(p, 'score') }));
};

export const rankingProjection = readModel({
  name: 'ranking',
  version: 1,
  description: 'Predikat, hasil kerja, perilaku and IKI achievement per evaluation of a unit period; unit results and curve settings',
  tables: [
    {
      name: 'unit',
      columns: {
        tenant: 'TEXT',
        unit_period: 'TEXT',
        unit: 'TEXT',
        period: 'TEXT',
        org_result: 'TEXT',
        exempt_below: 'INTEGER',
        settled_at: 'TEXT',
        settled_event: 'TEXT',
      },
      primaryKey: ['tenant', 'unit_period'],
    },
    {
      name: 'member',
      columns: {
        evaluation: 'TEXT',
        tenant: 'TEXT',
        unit_period: 'TEXT',
        unit: 'TEXT',
        period: 'TEXT',
        employee: 'TEXT',
        stage: 'TEXT',
        predikat: 'TEXT',
        predikat_order: 'INTEGER',
        label: 'TEXT',
        regime: 'TEXT',
        hasil: 'REAL',
        perilaku: 'REAL',
        is_unit_head: 'INTEGER',
      },
      primaryKey: ['evaluation'],
      indexes: [['tenant', 'period', 'unit']],
    },
    {
      name: 'iki',
      columns: {
        evaluation: 'TEXT',
        iki: 'TEXT',
        ...Object.fromEntries(ASPECTS.flatMap((a) => [[`t_${a}`, 'REAL' as const], [`r_${a}`, 'REAL' as const]])),
        score: 'REAL',
      },
      primaryKey: ['evaluation', 'iki'],
    },
  ],
  handlers: {
    UnitPeriodOpened: (e, d) => {
      const facts = obj(d, 'facts');
      return [
        upsert('unit', {
          ...unitPeriodKey(e.metadata.tenant, str(d, 'unitPeriod')),
          exempt_below: num(obj(obj(facts, 'policy'), 'curve'), 'exemptBelow'),
        }),
      ];
    },
    OrganisationalResultSet: (e, d) => [upsert('unit', { ...unitPeriodKey(e.metadata.tenant, str(d, 'unitPeriod')), org_result: str(d, 'result') })],
    ProposalRecorded: (e, d) => {
      const a = obj(d, 'assessment');
      return [
        upsert('member', {
          evaluation: str(d, 'evaluation'),
          ...unitPeriodKey(e.metadata.tenant, str(d, 'unitPeriod')),
          employee: str(d, 'employee'),
          stage: 'proposed',
          predikat: str(a, 'predikat'),
          predikat_order: predikatOrder(str(a, 'predikat')),
          label: str(a, 'label'),
          regime: null,
          hasil: null,
          perilaku: null,
          ...measuresOf(a),
          is_unit_head: d['isUnitHead'] === true ? 1 : 0,
        }),
      ];
    },
    ProposalWithdrawn: (_e, d) => [remove('member', { evaluation: str(d, 'evaluation') })],
    UnitPeriodSettled: (e, d) => {
      const tenant = e.metadata.tenant;
      const unitPeriod = str(d, 'unitPeriod');
      return [
        upsert('unit', {
          ...unitPeriodKey(tenant, unitPeriod),
          org_result: str(d, 'organisationalResult'),
          settled_at: str(d, 'at'),
          settled_event: e.eventId,
        }),
        ...objs(d, 'results').map((r) => upsert('member', settledMember(tenant, unitPeriod, r, 'settled'))),
      ];
    },
    SettledResultRevised: (e, d) => {
      const unitPeriod = str(d, 'unitPeriod');
      const assessment = obj(d, 'assessment');
      const numeric = isObj(assessment['scores']) ? measuresOf(assessment) : {};
      return [upsert('member', { ...settledMember(e.metadata.tenant, unitPeriod, obj(d, 'result'), 'revised'), ...numeric })];
    },
    EvaluationOpened: (_e, d) => {
      const evaluation = str(d, 'evaluation');
      const plan = obj(obj(d, 'facts'), 'plan');
      const realised = new Map(objs(plan, 'realisations').map((r) => [str(r, 'iki'), obj(r, 'realised')]));
      return objs(plan, 'iki').map((i) => {
        const targets = obj(i, 'targets');
        const iki = str(i, 'iki');
        return upsert('iki', {
          evaluation,
          iki,
          ...Object.fromEntries(ASPECTS.map((a) => [`t_${a}`, targetOf(targets, a)])),
          ...realisedColumns(realised.get(iki) ?? null),
        });
      });
    },
    EvaluationRealisationRecorded: (_e, d) => [
      upsert('iki', { evaluation: str(d, 'evaluation'), iki: str(d, 'iki'), ...realisedColumns(obj(d, 'realised')) }),
    ],
    EvaluationRated: (_e, d) => ikiScores(str(d, 'evaluation'), obj(d, 'assessment')),
    EvaluationRevised: (_e, d) => ikiScores(str(d, 'evaluation'), obj(d, 'assessment')),
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

type MemberRow = Readonly<{
  evaluation: string;
  tenant: string;
  unit_period: string;
  unit: string;
  period: string;
  employee: string;
  stage: 'proposed' | 'settled' | 'revised';
  predikat: Predikat;
  predikat_order: number;
  label: string;
  regime: 'rated' | 'numeric' | null;
  hasil: number | null;
  perilaku: number | null;
  is_unit_head: number;
}>;

type IkiRow = Readonly<Record<string, number | string | null>> & Readonly<{ evaluation: string; iki: string; score: number | null }>;

export type RankedEmployee = Readonly<{
  /** 1 is best; ties share a rank. */
  rank: number;
  tenant: string;
  unit: string;
  period: string;
  evaluation: string;
  employee: string;
  stage: 'proposed' | 'settled' | 'revised';
  predikat: Predikat;
  label: string;
  /** Rated rule books: the levels; numeric: null (see the scores). */
  hasilKerja: RatingLevel | null;
  perilaku: RatingLevel | null;
  /** Numeric rule books: the SKP and behaviour scores; rated: the level index 0..2. */
  hasilScore: number | null;
  perilakuScore: number | null;
  /** Mean achievement of the IKI targets, in percent, rounded to 2 decimals; null without IKI. */
  ikiAchievement: number | null;
  isUnitHead: boolean;
}>;

export type RankingFilter = Readonly<{
  tenant: string;
  period?: string;
  unit?: string;
  /** Also rank results that are only proposed (the unit period is not settled yet); default false. */
  includeProposed?: boolean;
}>;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One IKI's achievement in percent: the rule book's score, else the mean of its targeted aspects (BR-13 formula). */
export const ikiAchievementOf = (row: IkiRow): number | null => {
  if (row.score !== null) return row.score;
  const scores: number[] = [];
  for (const aspect of ASPECTS) {
    const target = row[`t_${aspect}`];
    if (typeof target !== 'number' || target <= 0) continue;
    const realised = row[`r_${aspect}`];
    scores.push(pp46AspectScore(aspect, target, typeof realised === 'number' ? realised : undefined));
  }
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
};

const whereOf = (filter: RankingFilter, alias: string): { sql: string; params: string[] } => {
  const clauses = [`${alias}.tenant = ?`];
  const params = [filter.tenant];
  if (filter.period !== undefined) {
    clauses.push(`${alias}.period = ?`);
    params.push(filter.period);
  }
  if (filter.unit !== undefined) {
    clauses.push(`${alias}.unit = ?`);
    params.push(filter.unit);
  }
  if (filter.includeProposed !== true) clauses.push(`${alias}.stage <> 'proposed'`);
  return { sql: clauses.join(' AND '), params };
};

const membersOf = (db: Database.Database, filter: RankingFilter): ReadonlyArray<MemberRow> => {
  const w = whereOf(filter, 'm');
  return prepared(db, `SELECT m.* FROM ranking_member m WHERE ${w.sql}`).all(...w.params) as MemberRow[];
};

const ikiMeans = (db: Database.Database, filter: RankingFilter): Map<string, number> => {
  const w = whereOf(filter, 'm');
  const rows = prepared(db, `SELECT i.* FROM ranking_iki i JOIN ranking_member m ON m.evaluation = i.evaluation WHERE ${w.sql}`)
    .all(...w.params) as IkiRow[];
  const sums = new Map<string, { sum: number; n: number }>();
  for (const row of rows) {
    const a = ikiAchievementOf(row);
    if (a === null) continue;
    const s = sums.get(row.evaluation) ?? { sum: 0, n: 0 };
    sums.set(row.evaluation, { sum: s.sum + a, n: s.n + 1 });
  }
  return new Map([...sums].map(([evaluation, s]) => [evaluation, round2(s.sum / s.n)]));
};

type Keyed = Readonly<{ member: MemberRow; iki: number | null }>;

/** DOMAIN.md §4: negative when `a` ranks before `b`, 0 for a tie. */
const compare = (a: Keyed, b: Keyed): number =>
  a.member.predikat_order - b.member.predikat_order ||
  (b.member.hasil ?? -Infinity) - (a.member.hasil ?? -Infinity) ||
  (b.member.perilaku ?? -Infinity) - (a.member.perilaku ?? -Infinity) ||
  (a.iki === null ? (b.iki === null ? 0 : 1) : b.iki === null ? -1 : b.iki - a.iki);

/**
 * Competition ranking (1, 1, 3: SQL's RANK()) of `items` by `cmp` within groups of equal `group` keys; `order`
 * only orders tied items for a stable listing.
 */
export const rankWithTies = <T>(
  items: ReadonlyArray<T>,
  group: (t: T) => string,
  cmp: (a: T, b: T) => number,
  order: (t: T) => string = () => '',
): ReadonlyArray<[T, number]> => {
  const groupCmp = (a: T, b: T): number => (group(a) < group(b) ? -1 : group(a) > group(b) ? 1 : 0);
  const sorted = [...items].sort((a, b) => groupCmp(a, b) || cmp(a, b) || (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const out: Array<[T, number]> = [];
  let groupStart = 0;
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    if (prev === undefined || group(prev[0]) !== group(item)) {
      groupStart = i;
      out.push([item, 1]);
    } else out.push([item, cmp(prev[0], item) === 0 ? prev[1] : i - groupStart + 1]);
  });
  return out;
};

const levelOf = (m: MemberRow, v: number | null): RatingLevel | null =>
  m.regime === 'rated' && v !== null ? (RATING_LEVELS[v] ?? null) : null;

const ranked = (k: Keyed, rank: number): RankedEmployee => ({
  rank,
  tenant: k.member.tenant,
  unit: k.member.unit,
  period: k.member.period,
  evaluation: k.member.evaluation,
  employee: k.member.employee,
  stage: k.member.stage,
  predikat: k.member.predikat,
  label: k.member.label,
  hasilKerja: levelOf(k.member, k.member.hasil),
  perilaku: levelOf(k.member, k.member.perilaku),
  hasilScore: k.member.hasil,
  perilakuScore: k.member.perilaku,
  ikiAchievement: k.iki,
  isUnitHead: k.member.is_unit_head === 1,
});

const keyed = (db: Database.Database, filter: RankingFilter): ReadonlyArray<Keyed> => {
  const means = ikiMeans(db, filter);
  return membersOf(db, filter).map((member) => ({ member, iki: means.get(member.evaluation) ?? null }));
};

const byUnit = (k: Keyed): string => `${k.member.period}\u0000${k.member.unit}`;
const byEmployee = (k: Keyed): string => k.member.evaluation;

/** Employees of each unit ranked per period (DOMAIN.md §4); filter by period and unit. Ordered by unit, period, rank. */
export const rankingByUnit = (db: Database.Database, filter: RankingFilter): ReadonlyArray<RankedEmployee> =>
  rankWithTies(keyed(db, filter), byUnit, compare, byEmployee).map(([k, rank]) => ranked(k, rank));

export type TenantRankedEmployee = RankedEmployee & Readonly<{ unitRank: number }>;

/** Employees of a tenant ranked across its units per period, with their rank within their unit too. */
export const rankingByTenant = (db: Database.Database, filter: Omit<RankingFilter, 'unit'>): ReadonlyArray<TenantRankedEmployee> => {
  const items = keyed(db, filter);
  const unitRanks = new Map(rankWithTies(items, byUnit, compare, byEmployee).map(([k, r]) => [k.member.evaluation, r]));
  return rankWithTies(items, (k) => k.member.period, compare, byEmployee).map(([k, rank]) => ({ ...ranked(k, rank), unitRank: unitRanks.get(k.member.evaluation) ?? rank }));
};

// ---------------------------------------------------------------------------------------------------------------
// Units: ranking and distribution against the curve (BR-04..BR-08)
// ---------------------------------------------------------------------------------------------------------------

type UnitRow = Readonly<{
  tenant: string;
  unit_period: string;
  unit: string;
  period: string;
  org_result: OrganisationalResult | null;
  exempt_below: number | null;
  settled_at: string | null;
  settled_event: string | null;
}>;

export type UnitFilter = Readonly<{ tenant: string; period?: string; unit?: string }>;

const unitsOf = (db: Database.Database, filter: UnitFilter): ReadonlyArray<UnitRow> => {
  const clauses = ['tenant = ?'];
  const params = [filter.tenant];
  if (filter.period !== undefined) {
    clauses.push('period = ?');
    params.push(filter.period);
  }
  if (filter.unit !== undefined) {
    clauses.push('unit = ?');
    params.push(filter.unit);
  }
  return prepared(db, `SELECT * FROM ranking_unit WHERE ${clauses.join(' AND ')} ORDER BY period, unit`).all(...params) as UnitRow[];
};

const emptyCounts = (): Record<Predikat, number> => ({ 'sangat-baik': 0, baik: 0, 'butuh-perbaikan': 0, kurang: 0, 'sangat-kurang': 0 });

/** The current predikat counts of each unit period (settled results once settled, else the proposals). */
const countsByUnitPeriod = (db: Database.Database, filter: UnitFilter): Map<string, Record<Predikat, number>> => {
  const w = whereOf({ ...filter, includeProposed: true }, 'm');
  const rows = prepared(db, `SELECT m.unit_period AS up, m.predikat AS predikat, COUNT(*) AS n FROM ranking_member m WHERE ${w.sql} GROUP BY m.unit_period, m.predikat`)
    .all(...w.params) as Array<{ up: string; predikat: Predikat; n: number }>;
  const out = new Map<string, Record<Predikat, number>>();
  for (const r of rows) {
    const counts = out.get(r.up) ?? emptyCounts();
    if (r.predikat in counts) counts[r.predikat] += r.n;
    out.set(r.up, counts);
  }
  return out;
};

export type CurveCheck = CurveBound & Readonly<{ count: number; ok: boolean }>;

export type UnitDistribution = Readonly<{
  tenant: string;
  unit: string;
  period: string;
  unitPeriod: string;
  /** Null until the unit's organisational result is set (BR-03): no curve applies yet. */
  organisationalResult: OrganisationalResult | null;
  settled: boolean;
  settledEvent: string | null;
  total: number;
  counts: DistributionCounts;
  /** Exempt by the tenant's policy (fewer employees than `exemptBelow`), or empty. */
  exempt: boolean;
  /** Each bound of the curve (BR-04..BR-08) for this many employees, with the count in it. */
  bounds: ReadonlyArray<CurveCheck>;
  /** Whether the counts fit the curve (`checkDistribution`); null without an organisational result. */
  ok: boolean | null;
}>;

/** The predikat distribution of each unit period against the kurva distribusi, with `curveBounds` and `checkDistribution`. */
export const distribution = (db: Database.Database, filter: UnitFilter): ReadonlyArray<UnitDistribution> => {
  const counts = countsByUnitPeriod(db, filter);
  return unitsOf(db, filter).map((u) => {
    const c = counts.get(u.unit_period) ?? emptyCounts();
    const total = totalOf(c);
    const exemptBelow = u.exempt_below ?? 1;
    const result = u.org_result;
    const checked = result === null ? null : checkDistribution(result, c, { exemptBelow });
    const exempt = total === 0 || total < exemptBelow;
    const bounds =
      result === null || exempt
        ? []
        : curveBounds(result, total).map((b) => {
            const count = b.predikat.reduce((s, p) => s + c[p], 0);
            return { ...b, count, ok: count >= b.allowed.min && count <= b.allowed.max };
          });
    return {
      tenant: u.tenant,
      unit: u.unit,
      period: u.period,
      unitPeriod: u.unit_period,
      organisationalResult: result,
      settled: u.settled_at !== null,
      settledEvent: u.settled_event,
      total,
      counts: c,
      exempt,
      bounds,
      ok: checked === null ? null : checked._tag === 'Right',
    };
  });
};

export type RankedUnit = Readonly<{
  rank: number;
  tenant: string;
  unit: string;
  period: string;
  organisationalResult: OrganisationalResult;
  settled: boolean;
  employees: number;
  counts: DistributionCounts;
  /** Mean predikat score: Sangat Baik 5, Baik 4, Butuh Perbaikan 3, Kurang 2, Sangat Kurang 1; null without employees. */
  meanPredikat: number | null;
  /** Share of Sangat Baik and Baik, 0..1; null without employees. */
  goodShare: number | null;
}>;

/** The units of a tenant ranked per period (see the header for the order). */
export const unitRanking = (db: Database.Database, filter: Omit<UnitFilter, 'unit'>): ReadonlyArray<RankedUnit> => {
  const units = distribution(db, filter).flatMap((d) => {
    if (d.organisationalResult === null) return [];
    const n = d.total;
    const score = PREDIKAT.reduce((s, p, i) => s + d.counts[p] * (PREDIKAT.length - i), 0);
    return [
      {
        tenant: d.tenant,
        unit: d.unit,
        period: d.period,
        organisationalResult: d.organisationalResult,
        settled: d.settled,
        employees: n,
        counts: d.counts,
        meanPredikat: n === 0 ? null : round2(score / n),
        goodShare: n === 0 ? null : round2((d.counts['sangat-baik'] + d.counts.baik) / n),
      },
    ];
  });
  const cmp = (a: (typeof units)[number], b: (typeof units)[number]): number =>
    ORGANISATIONAL_RESULTS.indexOf(a.organisationalResult) - ORGANISATIONAL_RESULTS.indexOf(b.organisationalResult) ||
    (b.meanPredikat ?? -1) - (a.meanPredikat ?? -1) ||
    (b.goodShare ?? -1) - (a.goodShare ?? -1);
  return rankWithTies(units, (u) => u.period, cmp, (u) => u.unit).map(([u, rank]) => ({ rank, ...u }));
};
