/**
 * Test support for rewards and development: fixtures, builders that make commands and the events they should
 * cause with the same defaults, and fast-check arbitraries.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { EvaluationId, Nip, PeriodId, ROLES, type CommandMetadata, type Role } from '../core';
import { nipArb as arbNip } from '../core/core.testkit';
import { CORE_VALUES } from '../plan/plan';
import { PREDIKAT, RATING_LEVELS } from '../rulebook/vocabulary';
import type { GrantIncentive, GrantRecognition, PrioritiseForTalentPool, RecommendTraining, RewardCommand } from './decide';
import {
  REWARD_ARTICLES,
  REWARD_AUTHORITIES,
  REWARD_POLICY_DEFAULTS,
  type IncentiveAward,
  type IncentiveGranted,
  type RecognitionGranted,
  type RewardAuthority,
  type RewardEvaluationFact,
  type RewardEvent,
  type RewardPolicy,
  type TalentPoolPrioritised,
  type TrainingRecommended,
  type TrainingTopic,
} from './reward';

export const valid = <A>(codec: t.Decoder<unknown, A>, input: unknown): A => {
  const result = codec.decode(input);
  if (isLeft(result)) throw new Error(`fixture ${JSON.stringify(input)} is not a valid ${codec.name}`);
  return result.right;
};

export const EMPLOYEE = valid(Nip, '199203142019031008');
export const PPK = valid(Nip, '196501011990031001');
export const UNIT_HEAD = valid(Nip, '197505101998031003');
export const OTHER = valid(Nip, '199510202022032011');
export const YEAR = 2025;
export const DECIDED_AT = new Date('2026-03-02T10:00:00+07:00');

const evaluationId = (period: string, nip: Nip = EMPLOYEE): EvaluationId => valid(EvaluationId, `${nip}.${period.slice(0, 4)}.${period}`);

/** The annual 2025 evaluation: final, Baik, nothing below expectation. */
export const ANNUAL: RewardEvaluationFact = {
  evaluation: evaluationId('2025'),
  kind: 'annual',
  period: valid(PeriodId, '2025'),
  final: true,
  predikat: 'baik',
  perilaku: 'sesuai-ekspektasi',
  valuesBelowExpectation: [],
};
/** The 2025-Q4 evaluation: final, Sangat Baik; its feedback put Kolaboratif below expectation. */
export const Q4: RewardEvaluationFact = {
  evaluation: evaluationId('2025-Q4'),
  kind: 'periodic',
  period: valid(PeriodId, '2025-Q4'),
  final: true,
  predikat: 'sangat-baik',
  perilaku: 'di-atas-ekspektasi',
  valuesBelowExpectation: ['kolaboratif'],
};
export const EXCELLENT: RewardEvaluationFact = { ...ANNUAL, predikat: 'sangat-baik', perilaku: 'di-atas-ekspektasi' };
export const POOR: RewardEvaluationFact = { ...ANNUAL, predikat: 'kurang', perilaku: 'di-bawah-ekspektasi' };
export const NOT_FINAL: RewardEvaluationFact = { ...ANNUAL, evaluation: evaluationId('2025-Q3'), period: valid(PeriodId, '2025-Q3'), kind: 'periodic', final: false };
export const OTHERS: RewardEvaluationFact = { ...ANNUAL, evaluation: evaluationId('2025', OTHER) };
export const LAST_YEAR: RewardEvaluationFact = { ...ANNUAL, evaluation: valid(EvaluationId, `${EMPLOYEE}.2024.2024`), period: valid(PeriodId, '2024') };

export const REASONS: ReadonlyArray<string> = ['Capaian SKP 2025 melampaui target layanan imunisasi.'];
export const BASIS: ReadonlyArray<string> = ['Perwali Surabaya tentang TPP'];

export type As = Readonly<{ by?: Nip; role?: Role; now?: Date }>;
const ROLE_OF = new Map<Nip, Role>([
  [PPK, 'ppk'],
  [UNIT_HEAD, 'pimpinan-unit'],
  [EMPLOYEE, 'pegawai'],
]);
const metadata = (as: As): CommandMetadata => {
  const nip = as.by ?? PPK;
  return { now: as.now ?? DECIDED_AT, actor: { nip, role: as.role ?? ROLE_OF.get(nip) ?? 'operator' } };
};

type Options = As &
  Readonly<{
    decision?: string;
    employee?: Nip;
    year?: number;
    evaluations?: ReadonlyArray<RewardEvaluationFact>;
    reasons?: ReadonlyArray<string>;
    basis?: ReadonlyArray<string>;
    policy?: RewardPolicy;
  }>;

const request = (o: Options, defaultDecision: string, defaultEvaluations: ReadonlyArray<RewardEvaluationFact>) => ({
  employee: o.employee ?? EMPLOYEE,
  year: o.year ?? YEAR,
  decision: o.decision ?? defaultDecision,
  reasons: o.reasons ?? REASONS,
  basis: o.basis ?? BASIS,
  evaluations: o.evaluations ?? defaultEvaluations,
  policy: o.policy ?? REWARD_POLICY_DEFAULTS,
});

const decided = (o: Options, defaultDecision: string, defaultEvaluations: ReadonlyArray<RewardEvaluationFact>, regulation: ReadonlyArray<string>) => {
  const m = metadata(o);
  const evaluations = o.evaluations ?? defaultEvaluations;
  return {
    employee: o.employee ?? EMPLOYEE,
    year: o.year ?? YEAR,
    decision: o.decision ?? defaultDecision,
    evaluations: evaluations.flatMap((f) => (f.predikat === null ? [] : [{ evaluation: f.evaluation, predikat: f.predikat }])),
    reasons: o.reasons ?? REASONS,
    decidedBy: m.actor.nip,
    authority: m.actor.role as RewardAuthority,
    articles: [...regulation, ...(o.basis ?? BASIS)],
    at: m.now,
  };
};

export const grantRecognition = (o: Options & Readonly<{ title?: string }> = {}): GrantRecognition => ({
  type: 'GrantRecognition',
  data: { ...request(o, 'SK-PH-01', [ANNUAL]), title: o.title ?? 'ASN Teladan Dinas Kesehatan 2025' },
  metadata: metadata(o),
});
export const recognitionGranted = (o: Options & Readonly<{ title?: string }> = {}): RecognitionGranted => ({
  type: 'RecognitionGranted',
  data: {
    ...decided(o, 'SK-PH-01', [ANNUAL], REWARD_ARTICLES.recognition),
    title: o.title ?? 'ASN Teladan Dinas Kesehatan 2025',
    minimum: (o.policy ?? REWARD_POLICY_DEFAULTS).recognitionMinimum,
  },
});

export const AWARD: IncentiveAward = { kind: 'amount', rupiah: 2_500_000 };
export const grantIncentive = (o: Options & Readonly<{ award?: IncentiveAward }> = {}): GrantIncentive => ({
  type: 'GrantIncentive',
  data: { ...request(o, 'SK-INS-01', [ANNUAL]), award: o.award ?? AWARD },
  metadata: metadata(o),
});
export const incentiveGranted = (o: Options & Readonly<{ award?: IncentiveAward }> = {}): IncentiveGranted => ({
  type: 'IncentiveGranted',
  data: {
    ...decided(o, 'SK-INS-01', [ANNUAL], REWARD_ARTICLES.incentive),
    award: o.award ?? AWARD,
    minimum: (o.policy ?? REWARD_POLICY_DEFAULTS).incentiveMinimum,
  },
});

export const prioritise = (o: Options = {}): PrioritiseForTalentPool => ({
  type: 'PrioritiseForTalentPool',
  data: request(o, 'SK-TAL-01', [EXCELLENT]),
  metadata: metadata(o),
});
export const prioritised = (o: Options = {}): TalentPoolPrioritised => ({
  type: 'TalentPoolPrioritised',
  data: {
    ...decided(o, 'SK-TAL-01', [EXCELLENT], REWARD_ARTICLES.talentPool),
    minimum: (o.policy ?? REWARD_POLICY_DEFAULTS).talentPoolMinimum,
  },
});

export const TOPICS: ReadonlyArray<TrainingTopic> = [
  { kind: 'core-value', value: 'kolaboratif' },
  { kind: 'competence-gap', competence: 'Manajemen rantai dingin vaksin' },
];
export const recommendTraining = (o: Options & Readonly<{ topics?: ReadonlyArray<TrainingTopic> }> = {}): RecommendTraining => ({
  type: 'RecommendTraining',
  data: { ...request(o, 'REK-DIKLAT-01', [Q4]), topics: o.topics ?? TOPICS },
  metadata: metadata(o),
});
export const trainingRecommended = (o: Options & Readonly<{ topics?: ReadonlyArray<TrainingTopic> }> = {}): TrainingRecommended => ({
  type: 'TrainingRecommended',
  data: { ...decided(o, 'REK-DIKLAT-01', [Q4], REWARD_ARTICLES.training), topics: o.topics ?? TOPICS },
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------------

const arbInstant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true });
const arbText = (max = 40) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const arbTexts = fc.array(arbText(), { maxLength: 3 });
const arbNumber = fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true })).map((n) => (Object.is(n, -0) ? 0 : n));
const arbDecisionNumber = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9./_-]{0,20}$/);
const arbPredikat = fc.constantFrom(...PREDIKAT);
const arbFact: fc.Arbitrary<RewardEvaluationFact> = fc
  .record({
    nip: arbNip,
    year: fc.integer({ min: 2014, max: 2099 }),
    suffix: fc.constantFrom('', '-Q1', '-S2'),
    final: fc.boolean(),
    predikat: fc.option(arbPredikat, { nil: null }),
    perilaku: fc.option(fc.constantFrom(...RATING_LEVELS), { nil: null }),
    valuesBelowExpectation: fc.subarray([...CORE_VALUES]),
  })
  .map(({ nip, year, suffix, ...rest }) => ({
    evaluation: valid(EvaluationId, `${nip}.${year}.${year}${suffix}`),
    kind: suffix === '' ? ('annual' as const) : ('periodic' as const),
    period: valid(PeriodId, `${year}${suffix}`),
    ...rest,
  }));
const arbPolicy: fc.Arbitrary<RewardPolicy> = fc.record({
  recognitionMinimum: arbPredikat,
  incentiveMinimum: arbPredikat,
  talentPoolMinimum: arbPredikat,
  incentiveMaxPercent: arbNumber,
});
const arbAward: fc.Arbitrary<IncentiveAward> = fc.oneof(
  arbNumber.map((rupiah) => ({ kind: 'amount' as const, rupiah })),
  arbNumber.map((percent) => ({ kind: 'percent' as const, percent })),
);
const arbTopic: fc.Arbitrary<TrainingTopic> = fc.oneof(
  fc.constantFrom(...CORE_VALUES).map((value) => ({ kind: 'core-value' as const, value })),
  arbText().map((competence) => ({ kind: 'competence-gap' as const, competence })),
);
const arbMetadata: fc.Arbitrary<CommandMetadata> = fc.record({ now: arbInstant, actor: fc.record({ nip: arbNip, role: fc.constantFrom(...ROLES) }) });
const arbRequest = fc.record({
  employee: arbNip,
  year: fc.integer({ min: 1900, max: 9999 }),
  decision: arbDecisionNumber,
  reasons: arbTexts,
  basis: arbTexts,
  evaluations: fc.array(arbFact, { maxLength: 3 }),
  policy: arbPolicy,
});

export const commandArbitraries: { readonly [K in RewardCommand['type']]: fc.Arbitrary<Extract<RewardCommand, { type: K }>> } = {
  GrantRecognition: fc
    .record({ request: arbRequest, title: arbText(), metadata: arbMetadata })
    .map(({ request, title, metadata }) => ({ type: 'GrantRecognition' as const, data: { ...request, title }, metadata })),
  GrantIncentive: fc
    .record({ request: arbRequest, award: arbAward, metadata: arbMetadata })
    .map(({ request, award, metadata }) => ({ type: 'GrantIncentive' as const, data: { ...request, award }, metadata })),
  PrioritiseForTalentPool: fc
    .record({ request: arbRequest, metadata: arbMetadata })
    .map(({ request, metadata }) => ({ type: 'PrioritiseForTalentPool' as const, data: request, metadata })),
  RecommendTraining: fc
    .record({ request: arbRequest, topics: fc.array(arbTopic, { maxLength: 3 }), metadata: arbMetadata })
    .map(({ request, topics, metadata }) => ({ type: 'RecommendTraining' as const, data: { ...request, topics }, metadata })),
};

const arbDecided = fc.record({
  employee: arbNip,
  year: fc.integer({ min: 1900, max: 9999 }),
  decision: arbDecisionNumber,
  evaluations: fc.array(arbFact.filter((f) => f.predikat !== null).map((f) => ({ evaluation: f.evaluation, predikat: f.predikat ?? 'baik' })), { maxLength: 3 }),
  reasons: arbTexts,
  decidedBy: arbNip,
  authority: fc.constantFrom(...REWARD_AUTHORITIES),
  articles: fc.array(arbText(), { minLength: 1, maxLength: 3 }),
  at: arbInstant,
});

export const eventArbitraries: { readonly [K in RewardEvent['type']]: fc.Arbitrary<Extract<RewardEvent, { type: K }>> } = {
  RecognitionGranted: fc
    .record({ d: arbDecided, title: arbText(), minimum: arbPredikat })
    .map(({ d, ...rest }) => ({ type: 'RecognitionGranted' as const, data: { ...d, ...rest } })),
  IncentiveGranted: fc
    .record({ d: arbDecided, award: arbAward, minimum: arbPredikat })
    .map(({ d, ...rest }) => ({ type: 'IncentiveGranted' as const, data: { ...d, ...rest } })),
  TalentPoolPrioritised: fc
    .record({ d: arbDecided, minimum: arbPredikat })
    .map(({ d, ...rest }) => ({ type: 'TalentPoolPrioritised' as const, data: { ...d, ...rest } })),
  TrainingRecommended: fc
    .record({ d: arbDecided, topics: fc.array(arbTopic, { maxLength: 3 }) })
    .map(({ d, ...rest }) => ({ type: 'TrainingRecommended' as const, data: { ...d, ...rest } })),
};

export const arbEvent: fc.Arbitrary<RewardEvent> = fc.oneof(...Object.values(eventArbitraries));

/** A decision by a random role on the fixture's facts: mostly the PPK or the unit head. */
export const arbPlausibleCommand: fc.Arbitrary<RewardCommand> = fc
  .record({
    pick: fc.integer({ min: 0, max: 3 }),
    role: fc.constantFrom<Role>('ppk', 'pimpinan-unit', 'ppk', 'pimpinan-unit', 'pegawai', 'operator'),
    evaluations: fc.subarray([ANNUAL, Q4, EXCELLENT, POOR, NOT_FINAL], { minLength: 1 }),
    decision: fc.constantFrom('SK-1', 'SK-2', 'SK-3'),
  })
  .map(({ pick, role, evaluations, decision }) => {
    const o: Options = { role, evaluations, decision, by: role === 'pimpinan-unit' ? UNIT_HEAD : PPK };
    return pick === 0 ? grantRecognition(o) : pick === 1 ? grantIncentive(o) : pick === 2 ? prioritise(o) : recommendTraining(o);
  });
