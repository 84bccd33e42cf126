/**
 * Test support for the unit period: fixtures (people, dates, ids, the default policy), builders that make commands
 * and the events they should cause with the same defaults, ready-made histories, a runner, and fast-check
 * arbitraries (any valid wire value, for codec laws; plausible histories, for the settlement laws).
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import {
  evaluationIdOf,
  LocalDate,
  Nip,
  PeriodId,
  planIdOf,
  TenantId,
  UnitId,
  unitPeriodIdOf,
  type CommandMetadata,
  type EvaluationId,
  type Role,
  type UnitPeriodId,
} from '../core';
import { arbTotalRecord, nipArb as arbNip } from '../core/core.testkit';
import type { Evidence } from '../plan/plan';
import {
  arbCommandOf,
  arbEvaluationId,
  arbEventOf,
  arbEvidence,
  arbInstant,
  arbLocalDate,
  arbPeriod,
  arbText,
  arbUnit,
  arbUnitPeriodId,
  PERIOD_END,
  PERIOD_START,
  valid,
} from '../plan/plan.testkit';
import { DEFAULT_POLICY_SETTINGS } from '../policy/tenants';
import { consequencesOf } from '../rulebook/consequences';
import type { DistributionCounts } from '../rulebook/curve';
import { PERMENPANRB_6_2022 } from '../rulebook/permenpanrb-6-2022';
import { PP_30_2019_REF } from '../rulebook/pp-30-2019';
import type { Assessment } from '../rulebook/rule-book';
import {
  arbArticles,
  arbAssessment,
  arbConsequences,
  arbCurveBound,
  arbCurveRule,
  arbDistributionCounts,
  arbPredikat,
  arbRuleBookRef,
} from '../rulebook/rulebook.testkit';
import {
  JENJANG,
  ORGANISATIONAL_RESULTS,
  PREDIKAT,
  RATING_LEVELS,
  type Jenjang,
  type OrganisationalResult,
  type Predikat,
  type RatingLevel,
} from '../rulebook/vocabulary';
import { runCommands, type DeciderStep } from '../testing/decider.testkit';
import {
  unitPeriodDecider,
  type OpenUnitPeriod,
  type RecordProposal,
  type ReviseSettledResult,
  type SetOrganisationalResult,
  type SettleUnitPeriod,
  type UnitPeriodCommand,
  type WithdrawProposal,
} from './decide';
import type { UnitPeriodError } from './errors';
import { unitPeriodPolicyOf } from './facts';
import type {
  CurveApplied,
  OrganisationalResultSet,
  Proposal,
  ProposalRecorded,
  ProposalWithdrawn,
  SettledResult,
  SettledResultRevised,
  UnitPeriodEvent,
  UnitPeriodFacts,
  UnitPeriodOpened,
  UnitPeriodPolicy,
  UnitPeriodRosterFacts,
  UnitPeriodSettled,
  UnitPeriodState,
} from './unit-period';

export { valid };

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

export const TENANT = valid(TenantId, 'surabaya');
export const UNIT = valid(UnitId, 'dinkes');
export const PERIOD = valid(PeriodId, '2025');
export const UNIT_PERIOD: UnitPeriodId = unitPeriodIdOf(UNIT, PERIOD);
export const OTHER_UNIT_PERIOD: UnitPeriodId = unitPeriodIdOf(valid(UnitId, 'dinas-pendidikan'), PERIOD);

/** The unit head's superior (the Sekretaris Daerah, say): sets the organisational result and settles. */
export const OFFICIAL = valid(Nip, '196901011990031003');
/** The Kepala Dinas: the unit head, whose hasil kerja follows the unit's result (BR-09). */
export const HEAD = valid(Nip, '197805122005012001');
export const OPERATOR = valid(Nip, '198001012005011001');
/** The process manager acts as `sistem` under this NIP. */
export const SYSTEM = valid(Nip, '197001011995031001');
export const OUTSIDER = valid(Nip, '199001012015011001');

/** Staff members of the unit: `staff(1)`, `staff(2)`, ... (distinct valid NIPs). */
export const staff = (i: number): Nip => valid(Nip, `19900202201601${i % 2 === 0 ? '2' : '1'}${String(i).padStart(3, '0')}`);
export const STAFF: ReadonlyArray<Nip> = Array.from({ length: 12 }, (_, i) => staff(i + 1));

/** The annual evaluation of `nip`'s plan for the period. */
export const evaluationOf = (nip: Nip, period: PeriodId = PERIOD): EvaluationId =>
  evaluationIdOf(planIdOf(nip, PERIOD), period);

/** Calendar year 2025 in Surabaya (WIB), as the plan's. */
export { PERIOD_END, PERIOD_START };
export const OPEN_DAY = valid(LocalDate, '2026-01-02');
export const OPENED_AT = new Date('2026-01-02T08:00:00+07:00');
export const RATED_AT = new Date('2026-01-10T10:00:00+07:00');
export const RESULT_AT = new Date('2026-01-15T10:00:00+07:00');
export const SETTLED_AT = new Date('2026-01-20T10:00:00+07:00');
export const REVISED_AT = new Date('2026-02-10T10:00:00+07:00');

export const ROSTER: UnitPeriodRosterFacts = { asOf: OPEN_DAY, unitHead: HEAD, authorisedOfficial: OFFICIAL };
/** The regulation defaults (policy/tenants.ts): none exempt, Istimewa → di atas, ..., 100/100/90/85/80, pro rata. */
export const POLICY: UnitPeriodPolicy = unitPeriodPolicyOf(DEFAULT_POLICY_SETTINGS);
export const FACTS: UnitPeriodFacts = { roster: ROSTER, policy: POLICY };

export const EVIDENCE: ReadonlyArray<Evidence> = [
  { ref: 'https://lapor.example/dinkes-2025.pdf', description: 'Capaian IKU dan penanganan pengaduan 2025' },
];

// ---------------------------------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------------------------------

/** A rated assessment as the PermenPANRB 6/2022 rule book gives it (BR-01). */
export const ratedAssessment = (hasilKerja: RatingLevel, perilaku: RatingLevel): Assessment => {
  const assessed = PERMENPANRB_6_2022.assess({ regime: 'rated', hasilKerja, perilaku });
  if (isLeft(assessed)) throw new Error(`fixture: the rule book refused ${hasilKerja}/${perilaku}`);
  return assessed.right;
};

/** Levels that give each predikat under BR-01 (one cell of the matrix each). */
export const LEVELS_FOR: Readonly<Record<Predikat, readonly [RatingLevel, RatingLevel]>> = {
  'sangat-baik': ['di-atas-ekspektasi', 'di-atas-ekspektasi'],
  baik: ['sesuai-ekspektasi', 'sesuai-ekspektasi'],
  'butuh-perbaikan': ['di-bawah-ekspektasi', 'sesuai-ekspektasi'],
  kurang: ['sesuai-ekspektasi', 'di-bawah-ekspektasi'],
  'sangat-kurang': ['di-bawah-ekspektasi', 'di-bawah-ekspektasi'],
};

/** A rated assessment with this predikat. */
export const rated = (predikat: Predikat): Assessment => ratedAssessment(...LEVELS_FOR[predikat]);

const NUMERIC_LABELS: Readonly<Record<Predikat, string>> = {
  'sangat-baik': 'Sangat Baik',
  baik: 'Baik',
  'butuh-perbaikan': 'Cukup',
  kurang: 'Kurang',
  'sangat-kurang': 'Sangat Kurang',
};

/** A numeric (PP 30/2019, BR-12) assessment with this predikat: scores, no levels. */
export const numeric = (predikat: Predikat, total = 95): Assessment => ({
  ruleBook: PP_30_2019_REF,
  predikat,
  label: NUMERIC_LABELS[predikat],
  scores: { perIki: [], skp: total, behaviour: total, weights: { skp: 0.7, behaviour: 0.3 }, total },
  articles: ['BR-12', 'PP 30/2019'],
});

// ---------------------------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------------------------

/** Who issues a command, and when. */
export type As = Readonly<{ by?: Nip; role?: Role; now?: Date }>;

const says = (defaultActor: Nip, defaultRole: Role, defaultNow: Date, as: As): CommandMetadata => ({
  now: as.now ?? defaultNow,
  actor: { nip: as.by ?? defaultActor, role: as.role ?? defaultRole },
});

type OpenData = OpenUnitPeriod['data'];
const openData = (o: Partial<OpenData>): OpenData => ({
  unitPeriod: UNIT_PERIOD,
  unit: UNIT,
  period: PERIOD,
  periodStart: PERIOD_START,
  periodEnd: PERIOD_END,
  facts: FACTS,
  ...o,
});

export const openUnitPeriod = (o: Partial<OpenData> & As = {}): OpenUnitPeriod => {
  const { by: _by, role: _role, now: _now, ...data } = o;
  return { type: 'OpenUnitPeriod', data: openData(data), metadata: says(OPERATOR, 'operator', OPENED_AT, o) };
};
export const unitPeriodOpened = (o: Partial<OpenData> & Readonly<{ openedBy?: Nip; at?: Date }> = {}): UnitPeriodOpened => {
  const { openedBy, at, ...data } = o;
  return { type: 'UnitPeriodOpened', data: { ...openData(data), openedBy: openedBy ?? OPERATOR, at: at ?? OPENED_AT } };
};

type ResultOptions = Readonly<{ justification?: string; evidence?: ReadonlyArray<Evidence>; unitPeriod?: UnitPeriodId }>;
const JUSTIFICATION = 'Capaian indikator kinerja utama dinas tahun 2025';

export const setOrganisationalResult = (
  result: OrganisationalResult,
  o: ResultOptions & As = {},
): SetOrganisationalResult => ({
  type: 'SetOrganisationalResult',
  data: {
    unitPeriod: o.unitPeriod ?? UNIT_PERIOD,
    result,
    justification: o.justification ?? JUSTIFICATION,
    evidence: o.evidence ?? EVIDENCE,
  },
  metadata: says(OFFICIAL, 'atasan-pejabat-penilai', RESULT_AT, o),
});
export const organisationalResultSet = (
  result: OrganisationalResult,
  o: ResultOptions & Readonly<{ setBy?: Nip; at?: Date }> = {},
): OrganisationalResultSet => ({
  type: 'OrganisationalResultSet',
  data: {
    unitPeriod: UNIT_PERIOD,
    result,
    justification: o.justification ?? JUSTIFICATION,
    evidence: o.evidence ?? EVIDENCE,
    setBy: o.setBy ?? OFFICIAL,
    at: o.at ?? RESULT_AT,
  },
});

type ProposalOptions = Partial<Omit<Proposal, 'employee' | 'assessment'>> & Readonly<{ unitPeriod?: UnitPeriodId }>;
const proposalData = (employee: Nip, assessment: Assessment, o: ProposalOptions): Proposal & { unitPeriod: UnitPeriodId } => ({
  unitPeriod: o.unitPeriod ?? UNIT_PERIOD,
  evaluation: o.evaluation ?? evaluationOf(employee),
  employee,
  assessment,
  isUnitHead: o.isUnitHead ?? employee === HEAD,
  jenjang: o.jenjang === undefined ? null : o.jenjang,
  months: o.months ?? 12,
});

export const recordProposal = (employee: Nip, assessment: Assessment, o: ProposalOptions & As = {}): RecordProposal => ({
  type: 'RecordProposal',
  data: proposalData(employee, assessment, o),
  metadata: says(SYSTEM, 'sistem', RATED_AT, o),
});
export const proposalRecorded = (
  employee: Nip,
  assessment: Assessment,
  o: ProposalOptions & Readonly<{ recordedBy?: Nip; at?: Date }> = {},
): ProposalRecorded => ({
  type: 'ProposalRecorded',
  data: { ...proposalData(employee, assessment, o), recordedBy: o.recordedBy ?? SYSTEM, at: o.at ?? RATED_AT },
});

const REASON = 'Pegawai dimutasi ke unit lain sebelum penetapan';
export const withdrawProposal = (evaluation: EvaluationId, o: Readonly<{ reason?: string }> & As = {}): WithdrawProposal => ({
  type: 'WithdrawProposal',
  data: { unitPeriod: UNIT_PERIOD, evaluation, reason: o.reason ?? REASON },
  metadata: says(OPERATOR, 'operator', RATED_AT, o),
});
export const proposalWithdrawn = (
  employee: Nip,
  o: Readonly<{ evaluation?: EvaluationId; reason?: string; withdrawnBy?: Nip; at?: Date }> = {},
): ProposalWithdrawn => ({
  type: 'ProposalWithdrawn',
  data: {
    unitPeriod: UNIT_PERIOD,
    evaluation: o.evaluation ?? evaluationOf(employee),
    employee,
    reason: o.reason ?? REASON,
    withdrawnBy: o.withdrawnBy ?? OPERATOR,
    at: o.at ?? RATED_AT,
  },
});

export const settleUnitPeriod = (o: Readonly<{ unitPeriod?: UnitPeriodId }> & As = {}): SettleUnitPeriod => ({
  type: 'SettleUnitPeriod',
  data: { unitPeriod: o.unitPeriod ?? UNIT_PERIOD },
  metadata: says(OFFICIAL, 'atasan-pejabat-penilai', SETTLED_AT, o),
});

export const reviseSettledResult = (
  evaluation: EvaluationId,
  assessment: Assessment,
  o: As = {},
): ReviseSettledResult => ({
  type: 'ReviseSettledResult',
  data: { unitPeriod: UNIT_PERIOD, evaluation, assessment },
  metadata: says(SYSTEM, 'sistem', REVISED_AT, o),
});

/**
 * The result a spec expects for one employee, spelled out: final predikat and levels, the articles in order, and
 * the consequences of that predikat (BR-24/BR-25, computed by the rule-book functions from the stated inputs).
 */
export const expectedResult = (
  employee: Nip,
  assessment: Assessment,
  o: Readonly<{
    predikat?: Predikat;
    label?: string;
    hasilKerja?: RatingLevel;
    articles: ReadonlyArray<string>;
    jenjang?: Jenjang | null;
    months?: number;
    policy?: UnitPeriodPolicy;
  }>,
): SettledResult => {
  const predikat = o.predikat ?? assessment.predikat;
  const policy = o.policy ?? POLICY;
  const hasilKerja = o.hasilKerja ?? assessment.hasilKerja;
  return {
    evaluation: evaluationOf(employee),
    employee,
    isUnitHead: employee === HEAD,
    proposedPredikat: assessment.predikat,
    predikat,
    label: o.label ?? assessment.label,
    ...(hasilKerja === undefined ? {} : { hasilKerja }),
    ...(assessment.perilaku === undefined ? {} : { perilaku: assessment.perilaku }),
    basis: { ruleBook: assessment.ruleBook, articles: o.articles },
    consequences: consequencesOf({
      predikat,
      jenjang: o.jenjang ?? null,
      months: o.months ?? 12,
      proRata: policy.angkaKreditProRata,
      allowanceTable: policy.allowancePercent,
    }),
  };
};

/** A full count over the five predikat from the ones given. */
export const counts = (given: Partial<Record<Predikat, number>>): DistributionCounts =>
  Object.fromEntries(PREDIKAT.map((p) => [p, given[p] ?? 0])) as Record<Predikat, number>;

export const unitPeriodSettled = (
  organisationalResult: OrganisationalResult,
  results: ReadonlyArray<SettledResult>,
  o: Readonly<{ curve: CurveApplied; settledBy?: Nip; at?: Date }>,
): UnitPeriodSettled => {
  const tally = counts({});
  for (const r of results) (tally as Record<Predikat, number>)[r.predikat] += 1;
  return {
    type: 'UnitPeriodSettled',
    data: {
      unitPeriod: UNIT_PERIOD,
      organisationalResult,
      counts: tally,
      curve: o.curve,
      results,
      settledBy: o.settledBy ?? OFFICIAL,
      at: o.at ?? SETTLED_AT,
    },
  };
};

// ---------------------------------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------------------------------

export const opened: ReadonlyArray<UnitPeriodEvent> = [unitPeriodOpened()];

/** Opened, with these proposals recorded (rated, annual, no jenjang). */
export const proposing = (proposals: ReadonlyArray<readonly [Nip, Assessment]>): ReadonlyArray<UnitPeriodEvent> => [
  ...opened,
  ...proposals.map(([nip, assessment]) => proposalRecorded(nip, assessment)),
];

// ---------------------------------------------------------------------------------------------------------------
// Running commands
// ---------------------------------------------------------------------------------------------------------------

export type Step = DeciderStep<UnitPeriodState, UnitPeriodCommand, UnitPeriodEvent, UnitPeriodError>;

/** Runs commands one after the other as the engine would: a refused command changes nothing. */
export const run = (commands: ReadonlyArray<UnitPeriodCommand>, from: UnitPeriodState = unitPeriodDecider.initialState()) =>
  runCommands(unitPeriodDecider, commands, from);

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid value of each wire type (for codec laws)
// ---------------------------------------------------------------------------------------------------------------

const arbLevel = fc.constantFrom(...RATING_LEVELS);
const arbResult = fc.constantFrom(...ORGANISATIONAL_RESULTS);
const arbJenjang = fc.constantFrom(...JENJANG);

export const arbCurveApplied: fc.Arbitrary<CurveApplied> = fc.record({
  rule: arbCurveRule,
  exempt: fc.boolean(),
  bounds: fc.array(arbCurveBound, { maxLength: 3 }),
});
const arbPercent = fc.integer({ min: 0, max: 200 });
export const arbPolicy: fc.Arbitrary<UnitPeriodPolicy> = fc.record({
  curve: fc.record({ exemptBelow: fc.integer({ min: 1, max: 30 }) }),
  unitHeadHasilKerja: arbTotalRecord(ORGANISATIONAL_RESULTS, arbLevel),
  allowancePercent: arbTotalRecord(PREDIKAT, arbPercent),
  angkaKreditProRata: fc.boolean(),
});
export const arbFacts: fc.Arbitrary<UnitPeriodFacts> = fc.record({
  roster: fc.record({ asOf: arbLocalDate, unitHead: fc.option(arbNip, { nil: null }), authorisedOfficial: arbNip }),
  policy: arbPolicy,
});
export const arbSettledResult: fc.Arbitrary<SettledResult> = fc.record(
  {
    evaluation: arbEvaluationId,
    employee: arbNip,
    isUnitHead: fc.boolean(),
    proposedPredikat: arbPredikat,
    predikat: arbPredikat,
    label: arbText(),
    hasilKerja: arbLevel,
    perilaku: arbLevel,
    basis: fc.record({
      ruleBook: arbRuleBookRef,
      articles: arbArticles,
    }),
    consequences: arbConsequences,
  },
  {
    requiredKeys: ['evaluation', 'employee', 'isUnitHead', 'proposedPredikat', 'predikat', 'label', 'basis', 'consequences'],
  },
);
const arbHeader = fc.record({
  unitPeriod: arbUnitPeriodId,
  unit: arbUnit,
  period: arbPeriod,
  periodStart: arbInstant,
  periodEnd: arbInstant,
});
const arbProposal: fc.Arbitrary<Proposal> = fc.record({
  evaluation: arbEvaluationId,
  employee: arbNip,
  assessment: arbAssessment,
  isUnitHead: fc.boolean(),
  jenjang: fc.option(arbJenjang, { nil: null }),
  months: fc.integer({ min: -2, max: 14 }),
});

const command = arbCommandOf;

/** One arbitrary per command type: the mapped type makes a missing command a compile error. */
export const commandArbitraries: {
  readonly [K in UnitPeriodCommand['type']]: fc.Arbitrary<Extract<UnitPeriodCommand, { type: K }>>;
} = {
  OpenUnitPeriod: command<OpenUnitPeriod>(
    'OpenUnitPeriod',
    fc.record({ header: arbHeader, facts: arbFacts }).map(({ header, facts }) => ({ ...header, facts })),
  ),
  SetOrganisationalResult: command<SetOrganisationalResult>(
    'SetOrganisationalResult',
    fc.record({
      unitPeriod: arbUnitPeriodId,
      result: arbResult,
      justification: arbText(),
      evidence: fc.array(arbEvidence, { maxLength: 3 }),
    }),
  ),
  RecordProposal: command<RecordProposal>(
    'RecordProposal',
    fc.record({ unitPeriod: arbUnitPeriodId, proposal: arbProposal }).map(({ unitPeriod, proposal }) => ({ unitPeriod, ...proposal })),
  ),
  WithdrawProposal: command<WithdrawProposal>(
    'WithdrawProposal',
    fc.record({ unitPeriod: arbUnitPeriodId, evaluation: arbEvaluationId, reason: arbText() }),
  ),
  SettleUnitPeriod: command<SettleUnitPeriod>('SettleUnitPeriod', fc.record({ unitPeriod: arbUnitPeriodId })),
  ReviseSettledResult: command<ReviseSettledResult>(
    'ReviseSettledResult',
    fc.record({ unitPeriod: arbUnitPeriodId, evaluation: arbEvaluationId, assessment: arbAssessment }),
  ),
};

export const arbCommand: fc.Arbitrary<UnitPeriodCommand> = fc.oneof(...Object.values(commandArbitraries));

const event = arbEventOf;

/** One arbitrary per event type: the mapped type makes a missing event a compile error. */
export const eventArbitraries: {
  readonly [K in UnitPeriodEvent['type']]: fc.Arbitrary<Extract<UnitPeriodEvent, { type: K }>>;
} = {
  UnitPeriodOpened: event<UnitPeriodOpened>(
    'UnitPeriodOpened',
    fc
      .record({ header: arbHeader, facts: arbFacts, openedBy: arbNip, at: arbInstant })
      .map(({ header, ...rest }) => ({ ...header, ...rest })),
  ),
  OrganisationalResultSet: event<OrganisationalResultSet>(
    'OrganisationalResultSet',
    fc.record({
      unitPeriod: arbUnitPeriodId,
      result: arbResult,
      justification: arbText(),
      evidence: fc.array(arbEvidence, { maxLength: 3 }),
      setBy: arbNip,
      at: arbInstant,
    }),
  ),
  ProposalRecorded: event<ProposalRecorded>(
    'ProposalRecorded',
    fc
      .record({ unitPeriod: arbUnitPeriodId, proposal: arbProposal, recordedBy: arbNip, at: arbInstant })
      .map(({ proposal, ...rest }) => ({ ...proposal, ...rest })),
  ),
  ProposalWithdrawn: event<ProposalWithdrawn>(
    'ProposalWithdrawn',
    fc.record({
      unitPeriod: arbUnitPeriodId,
      evaluation: arbEvaluationId,
      employee: arbNip,
      reason: arbText(),
      withdrawnBy: arbNip,
      at: arbInstant,
    }),
  ),
  UnitPeriodSettled: event<UnitPeriodSettled>(
    'UnitPeriodSettled',
    fc.record({
      unitPeriod: arbUnitPeriodId,
      organisationalResult: arbResult,
      counts: arbDistributionCounts,
      curve: arbCurveApplied,
      results: fc.array(arbSettledResult, { maxLength: 4 }),
      settledBy: arbNip,
      at: arbInstant,
    }),
  ),
  SettledResultRevised: event<SettledResultRevised>(
    'SettledResultRevised',
    fc.record({
      unitPeriod: arbUnitPeriodId,
      evaluation: arbEvaluationId,
      assessment: arbAssessment,
      previous: arbSettledResult,
      result: arbSettledResult,
      counts: arbDistributionCounts,
      curve: arbCurveApplied,
      revisedBy: arbNip,
      at: arbInstant,
    }),
  ),
};

/** Any event of any type (not necessarily one a decider would emit: for totality of `evolve`). */
export const arbEvent: fc.Arbitrary<UnitPeriodEvent> = fc.oneof(...Object.values(eventArbitraries));

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: plausible histories of the fixture unit period (for the settlement laws). A small pool of people,
// assessments biased toward what each curve needs, so that random settlements both pass and fail the curve.
// ---------------------------------------------------------------------------------------------------------------

const weighted = <A>(weight: number, arbitrary: fc.Arbitrary<A>) => ({ weight, arbitrary });

/** The predikat that each organisational result's curve needs most of (or allows most of). */
const FAVOURED: Readonly<Record<OrganisationalResult, ReadonlyArray<Predikat>>> = {
  istimewa: ['sangat-baik', 'baik'],
  baik: ['baik', 'butuh-perbaikan', 'sangat-baik'],
  'butuh-perbaikan': ['butuh-perbaikan'],
  kurang: ['kurang', 'butuh-perbaikan'],
  'sangat-kurang': ['sangat-kurang', 'kurang'],
};

const arbAnyAssessment: fc.Arbitrary<Assessment> = fc.oneof(
  weighted(8, fc.tuple(arbLevel, arbLevel).map(([h, p]) => ratedAssessment(h, p))),
  weighted(2, arbPredikat.map((p) => numeric(p))),
);
const arbAssessmentFor = (result: OrganisationalResult): fc.Arbitrary<Assessment> =>
  fc.oneof(weighted(3, fc.constantFrom(...FAVOURED[result]).map(rated)), weighted(2, arbAnyAssessment));

/** The person a command is meant for most of the time; now and then someone else. */
const arbAs = (natural: Nip, role: Role): fc.Arbitrary<As> =>
  fc.oneof(
    weighted(12, fc.constant<As>({ by: natural, role })),
    weighted(1, fc.constant<As>({ by: OUTSIDER, role: 'pegawai' })),
    weighted(1, fc.constantFrom<As>({ by: natural, role: 'pegawai' }, { by: HEAD, role: 'pimpinan-unit' })),
  );

const POOL: ReadonlyArray<Nip> = [HEAD, ...STAFF.slice(0, 8)];

/** A plausible proposal of someone in the pool under `result`: right head flag, months and jenjang vary. */
const arbPlausibleProposal = (result: OrganisationalResult): fc.Arbitrary<RecordProposal> =>
  fc
    .record({
      employee: fc.constantFrom(...POOL),
      assessment: arbAssessmentFor(result),
      jenjang: fc.option(arbJenjang, { nil: null }),
      months: fc.oneof(weighted(9, fc.constantFrom(12, 6, 3)), weighted(1, fc.constantFrom(0, 13))),
      lyingAboutHead: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
      as: arbAs(SYSTEM, 'sistem'),
    })
    .map(({ employee, assessment, jenjang, months, lyingAboutHead, as }) =>
      recordProposal(employee, assessment, {
        jenjang,
        months,
        isUnitHead: lyingAboutHead ? employee !== HEAD : employee === HEAD,
        ...as,
      }),
    );

/** Any command on the fixture unit period, under the scenario's organisational result. */
export const arbPlausibleCommand = (result: OrganisationalResult): fc.Arbitrary<UnitPeriodCommand> =>
  fc.oneof(
    weighted(1, arbAs(OPERATOR, 'operator').map((as) => openUnitPeriod(as))),
    weighted(2, fc.tuple(fc.oneof(weighted(4, fc.constant(result)), weighted(1, arbResult)), arbAs(OFFICIAL, 'atasan-pejabat-penilai')).map(([r, as]) => setOrganisationalResult(r, as))),
    weighted(8, arbPlausibleProposal(result)),
    weighted(1, fc.tuple(fc.constantFrom(...POOL), arbAs(OPERATOR, 'operator')).map(([nip, as]) => withdrawProposal(evaluationOf(nip), as))),
    weighted(2, arbAs(OFFICIAL, 'atasan-pejabat-penilai').map((as) => settleUnitPeriod(as))),
    weighted(
      2,
      fc
        .tuple(fc.constantFrom(...POOL), arbAssessmentFor(result), arbAs(SYSTEM, 'sistem'))
        .map(([nip, assessment, as]) => reviseSettledResult(evaluationOf(nip), assessment, as)),
    ),
  );

/** A plausible life of the unit period under one organisational result and one policy, some commands refused. */
export const arbScenario: fc.Arbitrary<
  Readonly<{ result: OrganisationalResult; policy: UnitPeriodPolicy; commands: ReadonlyArray<UnitPeriodCommand> }>
> = fc
  .record({
    result: arbResult,
    policy: fc.oneof(weighted(3, fc.constant(POLICY)), weighted(2, arbPolicy)),
  })
  .chain(({ result, policy }) =>
    fc
      .record({
        proposals: fc.array(arbPlausibleProposal(result), { minLength: 1, maxLength: 10 }),
        before: fc.array(arbPlausibleCommand(result), { maxLength: 10 }),
        after: fc.array(arbPlausibleCommand(result), { maxLength: 10 }),
        settleFirst: fc.boolean(),
      })
      .map(({ proposals, before, after, settleFirst }) => ({
        result,
        policy,
        commands: [
          openUnitPeriod({ facts: { roster: ROSTER, policy } }),
          ...(settleFirst ? [settleUnitPeriod()] : []),
          ...proposals,
          setOrganisationalResult(result),
          ...before,
          settleUnitPeriod(),
          ...after,
        ],
      })),
  );
