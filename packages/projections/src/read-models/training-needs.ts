/**
 * Training needs (DOMAIN.md §4: "training needs (BerAKHLAK values rated below expectation)"), read model
 * `training_needs`.
 *
 * Behaviour is rated per BerAKHLAK value in two places of the log:
 * - 360° feedback (`FeedbackGiven.levels`): a level for each of the seven values from each peer or subordinate;
 *   a value is below expectation when more answers put it di bawah ekspektasi than sesuai and di atas together,
 *   the rule the domain's `rewardEvaluationFactOf` applies before a `TrainingRecommended` decision;
 * - numeric rule books (PP 30/2019, PP 46/2011): the appraiser's score 0..100 per value (`EvaluationRated.input.
 *   behaviour`); a value is below expectation under `numericThreshold` [default 76: the lowest score of "Baik"
 *   in BR-13's bands].
 * The rated rule book (PermenPANRB 6/2022) has one perilaku level for all values: it names no value, so it adds
 * no row. Training already recommended for a value (`TrainingRecommended`, topic `core-value`) is shown beside it.
 */
import type Database from 'better-sqlite3';
import { CORE_VALUES, RATING_LEVELS, type CoreValue } from '@kinerja/domain';
import type { Row } from '../projection';
import { evaluationParts, num, obj, objs, optObj, readModel, remove, str, upsert, type Obj } from './read-model';
import { prepared } from './statements';

/** A column name for a value (`berorientasi-pelayanan` → `berorientasi_pelayanan`). */
const col = (value: CoreValue): string => value.replace(/-/g, '_');

/** Feedback levels as -1 (di bawah), 0 (sesuai), 1 (di atas). */
const levelValue = (level: string): number => {
  const i = (RATING_LEVELS as ReadonlyArray<string>).indexOf(level);
  if (i < 0) throw new Error(`unknown rating level ${JSON.stringify(level)}`);
  return i - 1;
};

const VALUE_COLUMNS_INT = Object.fromEntries(CORE_VALUES.map((v) => [col(v), 'INTEGER' as const]));
const VALUE_COLUMNS_REAL = Object.fromEntries(CORE_VALUES.map((v) => [col(v), 'REAL' as const]));

const behaviourScores = (evaluation: string, input: Obj) => {
  const behaviour = optObj(input, 'behaviour');
  if (input['regime'] !== 'numeric' || behaviour === null) return [remove('appraisal', { evaluation })];
  return [upsert('appraisal', { evaluation, ...Object.fromEntries(CORE_VALUES.map((v) => [col(v), num(behaviour, v)])) })];
};

export const trainingNeedsProjection = readModel({
  name: 'training_needs',
  version: 1,
  description: 'BerAKHLAK values rated below expectation per evaluation: 360° feedback levels, numeric behaviour scores, training recommended',
  tables: [
    {
      name: 'evaluation',
      columns: { evaluation: 'TEXT', tenant: 'TEXT', unit: 'TEXT', employee: 'TEXT', period: 'TEXT', kind: 'TEXT' },
      primaryKey: ['evaluation'],
      indexes: [['tenant', 'period']],
    },
    { name: 'answer', columns: { evaluation: 'TEXT', invitee: 'TEXT', relation: 'TEXT', ...VALUE_COLUMNS_INT }, primaryKey: ['evaluation', 'invitee'] },
    { name: 'appraisal', columns: { evaluation: 'TEXT', ...VALUE_COLUMNS_REAL }, primaryKey: ['evaluation'] },
    {
      name: 'recommended',
      columns: { tenant: 'TEXT', employee: 'TEXT', year: 'INTEGER', decision: 'TEXT', value: 'TEXT', decided_by: 'TEXT', at: 'TEXT' },
      primaryKey: ['tenant', 'employee', 'year', 'decision', 'value'],
    },
  ],
  handlers: {
    EvaluationOpened: (e, d) => {
      const evaluation = str(d, 'evaluation');
      const header = obj(obj(obj(d, 'facts'), 'plan'), 'header');
      return [
        upsert('evaluation', {
          evaluation,
          tenant: e.metadata.tenant,
          unit: str(header, 'unit'),
          employee: evaluationParts(evaluation).employee,
          period: str(d, 'period'),
          kind: str(d, 'kind'),
        }),
      ];
    },
    FeedbackGiven: (_e, d) => {
      const levels = obj(d, 'levels');
      const row: Row = {
        evaluation: str(d, 'evaluation'),
        invitee: str(d, 'invitee'),
        relation: str(d, 'relation'),
        ...Object.fromEntries(CORE_VALUES.map((v) => [col(v), levelValue(str(levels, v))])),
      };
      return [upsert('answer', row)];
    },
    EvaluationRated: (_e, d) => behaviourScores(str(d, 'evaluation'), obj(d, 'input')),
    EvaluationRevised: (_e, d) => behaviourScores(str(d, 'evaluation'), obj(d, 'input')),
    TrainingRecommended: (e, d) =>
      objs(d, 'topics').flatMap((t) =>
        t['kind'] === 'core-value'
          ? [
              upsert('recommended', {
                tenant: e.metadata.tenant,
                employee: str(d, 'employee'),
                year: num(d, 'year'),
                decision: str(d, 'decision'),
                value: str(t, 'value'),
                decided_by: str(d, 'decidedBy'),
                at: str(d, 'at'),
              }),
            ]
          : [],
      ),
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------------------------------

export type TrainingNeed = Readonly<{
  tenant: string;
  unit: string;
  employee: string;
  evaluation: string;
  period: string;
  kind: string;
  value: CoreValue;
  /** 360° answers for this value. */
  feedback: Readonly<{ below: number; meets: number; above: number }>;
  belowByFeedback: boolean;
  /** Numeric rule books: the appraiser's score for this value. */
  appraiserScore: number | null;
  belowByAppraiser: boolean;
  /** Training for this value was already recommended in the evaluation's year. */
  recommended: boolean;
}>;

export type TrainingNeedsFilter = Readonly<{
  tenant: string;
  period?: string;
  unit?: string;
  employee?: string;
  /** A numeric behaviour score under this is below expectation; default 76. */
  numericThreshold?: number;
}>;

export const NUMERIC_BELOW_EXPECTATION = 76;

/** Every BerAKHLAK value below expectation per evaluation, by feedback or by the appraiser's score. */
export const trainingNeeds = (db: Database.Database, filter: TrainingNeedsFilter): ReadonlyArray<TrainingNeed> => {
  const threshold = filter.numericThreshold ?? NUMERIC_BELOW_EXPECTATION;
  const clauses = ['e.tenant = ?'];
  const params: string[] = [filter.tenant];
  for (const [key, column] of [
    ['period', 'e.period'],
    ['unit', 'e.unit'],
    ['employee', 'e.employee'],
  ] as const) {
    const v = filter[key];
    if (v !== undefined) {
      clauses.push(`${column} = ?`);
      params.push(v);
    }
  }
  const sums = CORE_VALUES.map((v) => {
    const c = col(v);
    return `SUM(CASE WHEN a.${c} = -1 THEN 1 ELSE 0 END) AS ${c}_below, SUM(CASE WHEN a.${c} = 0 THEN 1 ELSE 0 END) AS ${c}_meets, SUM(CASE WHEN a.${c} = 1 THEN 1 ELSE 0 END) AS ${c}_above`;
  }).join(', ');
  const rows = prepared(db, 
      `SELECT e.*, ${sums}, ${CORE_VALUES.map((v) => `p.${col(v)} AS ${col(v)}_score`).join(', ')}
       FROM training_needs_evaluation e
       LEFT JOIN training_needs_answer a ON a.evaluation = e.evaluation
       LEFT JOIN training_needs_appraisal p ON p.evaluation = e.evaluation
       WHERE ${clauses.join(' AND ')}
       GROUP BY e.evaluation ORDER BY e.unit, e.employee, e.period`,
    )
    .all(...params) as Array<Record<string, string | number | null>>;
  const recommended = new Set(
    (
      prepared(db, 'SELECT employee, year, value FROM training_needs_recommended WHERE tenant = ?').all(filter.tenant) as Array<{
        employee: string;
        year: number;
        value: string;
      }>
    ).map((r) => `${r.employee}|${r.year}|${r.value}`),
  );
  return rows.flatMap((r) =>
    CORE_VALUES.flatMap((value) => {
      const c = col(value);
      const below = Number(r[`${c}_below`] ?? 0);
      const meets = Number(r[`${c}_meets`] ?? 0);
      const above = Number(r[`${c}_above`] ?? 0);
      const score = r[`${c}_score`];
      const belowByFeedback = below > meets + above;
      const belowByAppraiser = typeof score === 'number' && score < threshold;
      if (!belowByFeedback && !belowByAppraiser) return [];
      const period = String(r['period']);
      return [
        {
          tenant: String(r['tenant']),
          unit: String(r['unit']),
          employee: String(r['employee']),
          evaluation: String(r['evaluation']),
          period,
          kind: String(r['kind']),
          value,
          feedback: { below, meets, above },
          belowByFeedback,
          appraiserScore: typeof score === 'number' ? score : null,
          belowByAppraiser,
          recommended: recommended.has(`${String(r['employee'])}|${Number(period.slice(0, 4))}|${value}`),
        },
      ];
    }),
  );
};
