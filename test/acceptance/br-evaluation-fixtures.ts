/**
 * Shared fixtures for the evaluation acceptance tests (BR-02, BR-10, BR-11, BR-12/13 at the evaluation level, the
 * lifecycle): people, an approved plan's facts, commands built from a model tenant's shipped policy the way the
 * engine builds them, and a runner that applies commands to the evaluation decider through the public API only.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import {
  CORE_VALUES,
  consequencesOf,
  evaluationDecider,
  evaluationIdOf,
  evaluationPolicyOf,
  IkiId,
  LocalDate,
  Nip,
  PeriodId,
  planIdOf,
  RhkId,
  ruleBookFor,
  TENANT_POLICIES,
  UnitId,
  unitPeriodIdOf,
  type Appraisal,
  type CommandMetadata,
  type CoreValue,
  type EvaluationCommand,
  type EvaluationError,
  type EvaluationEvent,
  type EvaluationFacts,
  type EvaluationId,
  type EvaluationPlanFacts,
  type EvaluationRosterFacts,
  type EvaluationState,
  type Predikat,
  type RatingLevel,
  type Role,
  type RuleBookRef,
  type TenantPolicy,
} from '@kinerja/domain';
import { DeciderStream } from './decider-stream';

/** Decodes a literal the test knows to be valid (throws otherwise: tests only). */
export const valid = <A>(codec: Readonly<{ name: string; decode: (u: unknown) => Either<unknown, A> }>, input: unknown): A => {
  const result = codec.decode(input);
  if (isLeft(result)) throw new Error(`fixture ${JSON.stringify(input)} is not a valid ${codec.name}`);
  return result.right;
};

// People of a Dinas Kesehatan (the same NIPs serve every tenant: tenants never share streams).
export const employee = valid(Nip, '199203142019031008'); // perawat pelaksana
export const appraiser = valid(Nip, '198706122015032004'); // Kepala Bidang
export const appraiserSuperior = valid(Nip, '197505101998031003'); // Kepala Dinas
export const peer = valid(Nip, '199510202022032011');
export const subordinate = valid(Nip, '199707072020121003');
export const system = valid(Nip, '198001012005011001');

export const unit = valid(UnitId, 'dinkes');
export const year = valid(PeriodId, '2025');
export const q1 = valid(PeriodId, '2025-Q1');
export const plan = planIdOf(employee, year);
export const evaluation: EvaluationId = evaluationIdOf(plan, q1);
export const I1 = valid(IkiId, 'I1');
export const I2 = valid(IkiId, 'I2');
const R1 = valid(RhkId, 'R1');

export const policyOf = (tenant: string): TenantPolicy => {
  const found = TENANT_POLICIES.find((p) => p.tenant === tenant);
  if (found === undefined) throw new Error(`no shipped policy for ${tenant}`);
  return found;
};

/** An approved 2025 plan: I1 (12 laporan, kualitas 100 %), I2 (4 kegiatan); I1 realised 3 laporan at 90 %. */
export const approvedPlan = (zone: string): EvaluationPlanFacts => {
  const offset = zone === 'Asia/Makassar' ? '+08:00' : '+07:00';
  return {
    header: {
      plan,
      employee,
      appraiser,
      appraiserSuperior,
      unit,
      period: year,
      periodStart: new Date(`2025-01-01T00:00:00${offset}`),
      periodEnd: new Date(`2026-01-01T00:00:00${offset}`),
      approach: 'kuantitatif',
    },
    status: 'approved',
    closedFrom: null,
    revision: 1,
    iki: [
      { rhk: R1, iki: I1, description: 'Laporan pelayanan imunisasi', targets: { kuantitas: { value: 12, unit: 'laporan' }, kualitas: { percent: 100 } } },
      { rhk: R1, iki: I2, description: 'Kegiatan posyandu', targets: { kuantitas: { value: 4, unit: 'kegiatan' } } },
    ],
    realisations: [
      {
        iki: I1,
        realised: { kuantitas: 3, kualitas: 90 },
        evidence: [{ ref: 'https://drive.example/laporan-maret.pdf' }],
        recordedAt: new Date(`2025-03-28T15:00:00${offset}`),
      },
    ],
  };
};

/** The facts the engine puts in OpenEvaluation: the plan, the rule book and policy of the tenant, the roster. */
export const factsFor = (
  policy: TenantPolicy,
  o: Readonly<{ ruleBook?: RuleBookRef; roster?: Partial<EvaluationRosterFacts> }> = {},
): EvaluationFacts => {
  const ruleBook = o.ruleBook ?? ruleBookFor(policy, q1);
  if (ruleBook === undefined) throw new Error('no rule book for 2025');
  return {
    plan: approvedPlan(policy.timeZone),
    ruleBook,
    policy: evaluationPolicyOf(policy),
    roster: { asOf: valid(LocalDate, '2025-04-01'), isUnitHead: false, jenjang: null, ...o.roster },
  };
};

const roleOf = (nip: Nip): Role =>
  nip === employee ? 'pegawai' : nip === appraiser ? 'pejabat-penilai' : nip === system ? 'sistem' : 'rekan-kerja';

export const as = (nip: Nip, at: string | Date): CommandMetadata => ({
  now: typeof at === 'string' ? new Date(at) : at,
  actor: { nip, role: roleOf(nip) },
});

export const open = (facts: EvaluationFacts, at = '2025-04-01T08:00:00+07:00'): EvaluationCommand => ({
  type: 'OpenEvaluation',
  data: {
    evaluation,
    kind: 'periodic',
    period: q1,
    periodStart: new Date(`2025-01-01T00:00:00${facts.policy.timeZone === 'Asia/Makassar' ? '+08:00' : '+07:00'}`),
    periodEnd: new Date(`2025-04-01T00:00:00${facts.policy.timeZone === 'Asia/Makassar' ? '+08:00' : '+07:00'}`),
    facts,
  },
  metadata: as(appraiser, at),
});

export const rated = (
  hasilKerja: 'di-bawah-ekspektasi' | 'sesuai-ekspektasi' | 'di-atas-ekspektasi',
  perilaku: 'di-bawah-ekspektasi' | 'sesuai-ekspektasi' | 'di-atas-ekspektasi',
  justification = 'Laporan lengkap; pelayanan ramah',
): Appraisal => ({ regime: 'rated', hasilKerja, perilaku, justification });

/** The appraiser invites a colleague; the engine fills in where the roster puts them on the invitation day. */
export const invite = (
  invitee: Nip,
  relation: 'peer' | 'subordinate',
  where: Readonly<{ unit?: UnitId | null; superior?: Nip | null }> = {},
  at = '2025-04-03T10:00:00+07:00',
): EvaluationCommand => ({
  type: 'InviteFeedback',
  data: {
    evaluation,
    invitee,
    relation,
    inviteeFacts: {
      asOf: valid(LocalDate, at.slice(0, 10)),
      unit: where.unit === undefined ? unit : where.unit,
      superior: where.superior === undefined ? (relation === 'subordinate' ? employee : appraiser) : where.superior,
    },
  },
  metadata: as(appraiser, at),
});

/** An invitee's level per BerAKHLAK value (the same for all seven unless `levels` says otherwise). */
export const giveFeedback = (
  by: Nip,
  level: RatingLevel,
  o: Readonly<{ levels?: Partial<Record<CoreValue, RatingLevel>>; comment?: string; at?: string }> = {},
): EvaluationCommand => ({
  type: 'GiveFeedback',
  data: {
    evaluation,
    levels: { ...(Object.fromEntries(CORE_VALUES.map((v) => [v, level])) as Record<CoreValue, RatingLevel>), ...o.levels },
    ...(o.comment === undefined ? {} : { comment: o.comment }),
  },
  metadata: as(by, o.at ?? '2025-04-04T10:00:00+07:00'),
});

export const rate = (appraisal: Appraisal, at = '2025-04-07T10:00:00+07:00'): EvaluationCommand => ({
  type: 'RateEvaluation',
  data: { evaluation, ...appraisal },
  metadata: as(appraiser, at),
});

/** What the process manager sends when the unit period settles: the proposal as settled, with its consequences. */
export const settle = (predikat: Predikat, label: string, at = '2025-04-09T10:00:00+07:00'): EvaluationCommand => ({
  type: 'SettleEvaluation',
  data: {
    evaluation,
    unitPeriod: unitPeriodIdOf(unit, q1),
    organisationalResult: 'baik',
    predikat,
    label,
    articles: ['BR-01', 'BR-05'],
    consequences: consequencesOf({
      predikat,
      jenjang: null,
      months: 3,
      proRata: true,
      allowanceTable: { 'sangat-baik': 100, baik: 100, 'butuh-perbaikan': 90, kurang: 85, 'sangat-kurang': 80 },
    }),
  },
  metadata: as(system, at),
});

export const deliver = (at: string | Date): EvaluationCommand => ({
  type: 'DeliverEvaluation',
  data: { evaluation },
  metadata: as(appraiser, at),
});

export const noteObjection = (at: string | Date, objection = 'keberatan-0001'): EvaluationCommand => ({
  type: 'NoteObjection',
  data: { evaluation, objection },
  metadata: as(system, at),
});

export const finalize = (at: string | Date, outcome?: 'rejected' | 'withdrawn'): EvaluationCommand => ({
  type: 'FinalizeEvaluation',
  data: { evaluation, ...(outcome === undefined ? {} : { outcome }) },
  metadata: as(system, at),
});

export const revise = (
  appraisal: Appraisal,
  at: string | Date,
  objection = 'keberatan-0001',
  outcome: 'upheld' | 'partly-upheld' = 'upheld',
): EvaluationCommand => ({
  type: 'ReviseEvaluation',
  data: { evaluation, objection, outcome, rating: appraisal, decidedBy: appraiserSuperior },
  metadata: as(system, at),
});

/** An evaluation as the engine keeps it: commands applied one by one; a refused one appends nothing. */
export class Stream extends DeciderStream<EvaluationState, EvaluationCommand, EvaluationEvent, EvaluationError> {
  constructor() {
    super(evaluationDecider);
  }
}

/** A Q1 evaluation of `tenant`, rated Baik, settled and delivered at `deliveredAt`. */
export const deliveredIn = (tenant: string, deliveredAt: string | Date): Stream => {
  const stream = new Stream();
  stream.apply(open(factsFor(policyOf(tenant))));
  stream.apply(rate(rated('sesuai-ekspektasi', 'sesuai-ekspektasi')));
  stream.apply(settle('baik', 'Baik'));
  stream.apply(deliver(deliveredAt));
  return stream;
};
