/**
 * Test support for appeals: fixtures (people, dates, decisions under review), builders that make commands and the
 * events they should cause with the same defaults, ready-made histories, and fast-check arbitraries.
 *
 * The default dates are in Surabaya (WIB) in October–November 2025, a stretch without holidays: delivered Monday
 * 6 October, the 14 working days end Friday 24 October; filed Friday 10 October, the PPK's 21 working days end
 * Monday 10 November.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { DAY_COUNTS, INDONESIA_2025_2027, TimeZone, type RecordedDeadline, type TenantCalendar } from '../calendar';
import { Nip, ROLES, type CommandMetadata, type Role } from '../core';
import { nipArb as arbNip } from '../core/core.testkit';
import {
  APPEAL_ARTICLES,
  APPEAL_KINDS,
  APPEAL_OUTCOME_EVENT,
  APPEAL_OUTCOMES,
  APPEAL_POLICY_DEFAULTS,
  APPEAL_SANCTION_LEVELS,
  APPEAL_SANCTION_SETTING_OUTCOMES,
  reviewedSanctionOf,
  type AdministrativeObjectionFiled,
  type AppealDecisionEvent,
  type AppealEvent,
  type AppealFiled,
  type AppealKind,
  type AppealOutcome,
  type AppealPolicy,
  type ObjectionDeemedGranted,
  type PpkResponseOverdue,
  type PpkResponseRecorded,
  type ReviewedDecision,
  type ReviewedSanction,
} from './appeal';
import type {
  AppealCommand,
  DecideAppeal,
  DeemGranted,
  FileAdministrativeObjection,
  FileAppeal,
  MarkPpkResponseOverdue,
  RecordPpkResponse,
} from './decide';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

/** Decodes a literal that the test knows to be valid (throws otherwise: tests only). */
export const valid = <A>(codec: t.Decoder<unknown, A>, input: unknown): A => {
  const result = codec.decode(input);
  if (isLeft(result)) throw new Error(`fixture ${JSON.stringify(input)} is not a valid ${codec.name}`);
  return result.right;
};

export const EMPLOYEE = valid(Nip, '198503152010011002');
export const PPK = valid(Nip, '196901011990031003');
export const BPASN = valid(Nip, '197001011995031001');
export const SYSTEM = valid(Nip, '198001012005011001');
export const OUTSIDER = valid(Nip, '199001012015011001');

export const CASE = '198503152010011002.2025-1';
export const OTHER_CASE = '198503152010011002.2025-2';

export const WIB = valid(TimeZone, 'Asia/Jakarta');
export const WITA = valid(TimeZone, 'Asia/Makassar');
export const SURABAYA: TenantCalendar = { timeZone: WIB, holidays: INDONESIA_2025_2027 };
export const SAMARINDA: TenantCalendar = { timeZone: WITA, holidays: INDONESIA_2025_2027 };

export const DELIVERED_AT = new Date('2025-10-06T10:00:00+07:00');
export const FILED_AT = new Date('2025-10-10T09:00:00+07:00');
export const RESPONDED_AT = new Date('2025-10-20T09:00:00+07:00');
export const DECIDED_AT = new Date('2025-10-27T09:00:00+07:00');
/** The first instant after the PPK's 21 working days. */
export const AFTER_PPK_DEADLINE = new Date('2025-11-11T00:00:00+07:00');

const deadline = (endsAt: string, days: number): RecordedDeadline => ({
  endsAt: new Date(endsAt),
  days,
  kind: 'working',
  calendar: INDONESIA_2025_2027.id,
  timeZone: WIB,
});
export const FILING_DEADLINE = deadline('2025-10-24T23:59:59.999+07:00', 14);
export const PPK_DEADLINE = deadline('2025-11-10T23:59:59.999+07:00', 21);

/** A *sedang* sanction: the usual subject of a keberatan (BR-21). */
export const SEDANG: ReviewedDecision = {
  caseId: CASE,
  sanctionLevel: 'sedang',
  sanctionType: 'potongan-tukin-25',
  isDismissal: false,
  deliveredAt: DELIVERED_AT,
  employee: EMPLOYEE,
};
export const RINGAN: ReviewedDecision = { ...SEDANG, sanctionLevel: 'ringan', sanctionType: 'teguran-tertulis' };
/** A dismissal: the subject of a banding (BR-20). */
export const DISMISSAL: ReviewedDecision = { ...SEDANG, sanctionLevel: 'berat', sanctionType: 'pemberhentian', isDismissal: true };

export const LIGHTER: ReviewedSanction = { level: 'ringan', type: 'pernyataan-tidak-puas' };
export const HEAVIER: ReviewedSanction = { level: 'berat', type: 'penurunan-jabatan-12-bulan', months: 12 };
export const OTHER_SEDANG: ReviewedSanction = { level: 'sedang', type: 'potongan-tukin-25', months: 6 };
export const DEMOTION: ReviewedSanction = { level: 'berat', type: 'penurunan-jabatan-12-bulan', months: 12 };

/** A sanction each outcome may set on a decision of `level` (undefined: the outcome sets none). */
export const sanctionFor = (outcome: AppealOutcome, decision: ReviewedDecision): ReviewedSanction | undefined => {
  switch (outcome) {
    case 'memperkuat':
    case 'membatalkan':
      return undefined;
    case 'memperingan':
      return decision.isDismissal ? DEMOTION : LIGHTER;
    case 'memperberat':
      return decision.isDismissal ? { level: 'berat', type: 'pemberhentian-tidak-dengan-hormat' } : HEAVIER;
    case 'mengubah':
      return decision.isDismissal ? { level: 'berat', type: 'pembebasan-jabatan-12-bulan', months: 12 } : OTHER_SEDANG;
  }
};

export const REASONS: ReadonlyArray<string> = ['Ketidakhadiran telah disertai surat keterangan dokter.'];
export const DECISION_REASONS: ReadonlyArray<string> = ['Bukti baru menunjukkan ketidakhadiran sebagian beralasan.'];
export const RESPONSE = 'Tanggapan PPK: hukuman dijatuhkan sesuai PP 94/2021 berdasarkan hasil pemeriksaan.';

// ---------------------------------------------------------------------------------------------------------------
// Builders: a command and the event it should cause share their defaults, so a spec only states what matters.
// ---------------------------------------------------------------------------------------------------------------

/** Who issues a command, and when. */
export type As = Readonly<{ by?: Nip; role?: Role; now?: Date }>;

const ROLE_OF = new Map<Nip, Role>([
  [EMPLOYEE, 'pegawai'],
  [PPK, 'ppk'],
  [BPASN, 'bpasn'],
  [SYSTEM, 'sistem'],
]);

const metadata = (defaultActor: Nip, defaultNow: Date, as: As): CommandMetadata => {
  const nip = as.by ?? defaultActor;
  return { now: as.now ?? defaultNow, actor: { nip, role: as.role ?? ROLE_OF.get(nip) ?? 'operator' } };
};
const actorOf = (defaultActor: Nip, as: As): Nip => as.by ?? defaultActor;

type FilingOptions = As &
  Readonly<{
    caseId?: string;
    reasons?: ReadonlyArray<string>;
    decision?: ReviewedDecision;
    calendar?: TenantCalendar;
    policy?: AppealPolicy;
    filingDeadline?: RecordedDeadline;
    ppkDeadline?: RecordedDeadline;
  }>;

export const fileObjection = (o: FilingOptions = {}): FileAdministrativeObjection => ({
  type: 'FileAdministrativeObjection',
  data: {
    caseId: o.caseId ?? CASE,
    reasons: o.reasons ?? REASONS,
    decision: o.decision ?? SEDANG,
    calendar: o.calendar ?? SURABAYA,
    policy: o.policy ?? APPEAL_POLICY_DEFAULTS,
  },
  metadata: metadata(EMPLOYEE, FILED_AT, o),
});

const filing = (o: FilingOptions, decision: ReviewedDecision) => ({
  caseId: o.caseId ?? CASE,
  employee: decision.employee,
  decision,
  reasons: o.reasons ?? REASONS,
  filingDeadline: o.filingDeadline ?? FILING_DEADLINE,
  filedBy: actorOf(EMPLOYEE, o),
  at: o.now ?? FILED_AT,
});

export const objectionFiled = (o: FilingOptions = {}): AdministrativeObjectionFiled => ({
  type: 'AdministrativeObjectionFiled',
  data: {
    ...filing(o, o.decision ?? SEDANG),
    decisionDeadline: o.ppkDeadline ?? PPK_DEADLINE,
    policy: o.policy ?? APPEAL_POLICY_DEFAULTS,
    articles: [...APPEAL_ARTICLES.keberatan],
  },
});

export const fileAppeal = (o: FilingOptions = {}): FileAppeal => ({
  type: 'FileAppeal',
  data: {
    caseId: o.caseId ?? CASE,
    reasons: o.reasons ?? REASONS,
    decision: o.decision ?? DISMISSAL,
    calendar: o.calendar ?? SURABAYA,
  },
  metadata: metadata(EMPLOYEE, FILED_AT, o),
});

export const appealFiled = (o: FilingOptions = {}): AppealFiled => ({
  type: 'AppealFiled',
  data: {
    ...filing(o, o.decision ?? DISMISSAL),
    responseDeadline: o.ppkDeadline ?? PPK_DEADLINE,
    articles: [...APPEAL_ARTICLES.banding],
  },
});

export const recordPpkResponse = (o: As & Readonly<{ caseId?: string; response?: string }> = {}): RecordPpkResponse => ({
  type: 'RecordPpkResponse',
  data: { caseId: o.caseId ?? CASE, response: o.response ?? RESPONSE },
  metadata: metadata(PPK, RESPONDED_AT, o),
});

export const ppkResponseRecorded = (o: As & Readonly<{ response?: string; late?: boolean }> = {}): PpkResponseRecorded => ({
  type: 'PpkResponseRecorded',
  data: {
    caseId: CASE,
    response: o.response ?? RESPONSE,
    respondedBy: actorOf(PPK, o),
    authority: 'ppk',
    deadline: PPK_DEADLINE.endsAt,
    late: o.late ?? false,
    at: o.now ?? RESPONDED_AT,
    articles: [...APPEAL_ARTICLES.banding],
  },
});

export const markOverdue = (o: As & Readonly<{ caseId?: string }> = {}): MarkPpkResponseOverdue => ({
  type: 'MarkPpkResponseOverdue',
  data: { caseId: o.caseId ?? CASE },
  metadata: metadata(SYSTEM, AFTER_PPK_DEADLINE, o),
});

export const responseOverdue = (o: As = {}): PpkResponseOverdue => ({
  type: 'PpkResponseOverdue',
  data: {
    caseId: CASE,
    deadline: PPK_DEADLINE.endsAt,
    notedBy: actorOf(SYSTEM, o),
    at: o.now ?? AFTER_PPK_DEADLINE,
    articles: [...APPEAL_ARTICLES.banding],
  },
});

type DecideOptions = As &
  Readonly<{ caseId?: string; reasons?: ReadonlyArray<string>; sanction?: ReviewedSanction | null }>;

const decider = (kind: AppealKind): Nip => (kind === 'keberatan' ? PPK : BPASN);

/** The decision `outcome` on a keberatan (by the PPK) or a banding (by BPASN), with the matching new sanction. */
export const decideAppeal = (kind: AppealKind, outcome: AppealOutcome, o: DecideOptions = {}): DecideAppeal => {
  const sanction = o.sanction === null ? undefined : (o.sanction ?? sanctionFor(outcome, kind === 'keberatan' ? SEDANG : DISMISSAL));
  return {
    type: 'DecideAppeal',
    data: {
      kind,
      caseId: o.caseId ?? CASE,
      outcome,
      reasons: o.reasons ?? DECISION_REASONS,
      ...(sanction === undefined ? {} : { sanction }),
    },
    metadata: metadata(decider(kind), DECIDED_AT, o),
  };
};

/** The event `decideAppeal(kind, outcome, o)` should cause. */
export const appealDecided = (
  kind: AppealKind,
  outcome: AppealOutcome,
  o: DecideOptions & Readonly<{ late?: boolean; decision?: ReviewedDecision }> = {},
): AppealDecisionEvent => {
  const decision = o.decision ?? (kind === 'keberatan' ? SEDANG : DISMISSAL);
  const data = {
    caseId: o.caseId ?? CASE,
    kind,
    previous: reviewedSanctionOf(decision),
    reasons: o.reasons ?? DECISION_REASONS,
    decidedBy: actorOf(decider(kind), o),
    authority: kind === 'keberatan' ? ('ppk' as const) : ('bpasn' as const),
    articles: [...APPEAL_ARTICLES[kind]],
    late: o.late ?? false,
    at: o.now ?? DECIDED_AT,
  };
  const sanction = o.sanction === null ? undefined : (o.sanction ?? sanctionFor(outcome, decision));
  const type = APPEAL_OUTCOME_EVENT[outcome];
  switch (type) {
    case 'SanctionAffirmedOnReview':
    case 'SanctionAnnulledOnReview':
      return { type, data };
    case 'SanctionLightenedOnReview':
    case 'SanctionIncreasedOnReview':
    case 'SanctionAlteredOnReview':
      if (sanction === undefined) throw new Error(`${outcome} needs a sanction`);
      return { type, data: { ...data, sanction } };
    default:
      throw new Error(`no decision event for ${outcome}`);
  }
};

export const deemGranted = (o: As & Readonly<{ caseId?: string }> = {}): DeemGranted => ({
  type: 'DeemGranted',
  data: { caseId: o.caseId ?? CASE },
  metadata: metadata(SYSTEM, AFTER_PPK_DEADLINE, o),
});

export const objectionDeemedGranted = (o: As & Readonly<{ decision?: ReviewedDecision }> = {}): ObjectionDeemedGranted => ({
  type: 'ObjectionDeemedGranted',
  data: {
    caseId: CASE,
    previous: reviewedSanctionOf(o.decision ?? SEDANG),
    deadline: PPK_DEADLINE.endsAt,
    decidedBy: actorOf(SYSTEM, o),
    authority: 'fiktif-positif',
    articles: [...APPEAL_ARTICLES.deemedGranted],
    at: o.now ?? AFTER_PPK_DEADLINE,
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------------------------------

export const histories = {
  keberatanFiled: [objectionFiled()],
  keberatanDecided: [objectionFiled(), appealDecided('keberatan', 'memperkuat')],
  keberatanDeemedGranted: [objectionFiled(), objectionDeemedGranted()],
  bandingFiled: [appealFiled()],
  bandingResponded: [appealFiled(), ppkResponseRecorded()],
  bandingOverdue: [appealFiled(), responseOverdue()],
  bandingDecided: [appealFiled(), ppkResponseRecorded(), appealDecided('banding', 'memperkuat')],
} satisfies Readonly<Record<string, ReadonlyArray<AppealEvent>>>;

/** Every way an appeal ends: each outcome of each kind, and a keberatan deemed granted. */
export const decidedHistories: ReadonlyArray<ReadonlyArray<AppealEvent>> = [
  ...APPEAL_OUTCOMES.map((outcome) => [objectionFiled(), appealDecided('keberatan', outcome)]),
  ...APPEAL_OUTCOMES.map((outcome) => [appealFiled(), ppkResponseRecorded(), appealDecided('banding', outcome)]),
  ...APPEAL_OUTCOMES.map((outcome) => [appealFiled(), responseOverdue(), appealDecided('banding', outcome, { now: AFTER_PPK_DEADLINE })]),
  histories.keberatanDeemedGranted,
];

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid value of each wire type (for codec laws and properties)
// ---------------------------------------------------------------------------------------------------------------

export { arbNip };

export const arbInstant: fc.Arbitrary<Date> = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2199-12-31T23:59:59Z'),
  noInvalidDate: true,
});
export const arbText = (max = 40): fc.Arbitrary<string> =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const arbTexts = fc.array(arbText(), { maxLength: 3 });
export const arbCaseId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);
export const arbKind: fc.Arbitrary<AppealKind> = fc.constantFrom(...APPEAL_KINDS);
export const arbOutcome: fc.Arbitrary<AppealOutcome> = fc.constantFrom(...APPEAL_OUTCOMES);
export const arbRole: fc.Arbitrary<Role> = fc.constantFrom(...ROLES);
export const arbMetadata: fc.Arbitrary<CommandMetadata> = fc.record({
  now: arbInstant,
  actor: fc.record({ nip: arbNip, role: arbRole }),
});
export const arbSanction: fc.Arbitrary<ReviewedSanction> = fc.record(
  {
    level: fc.constantFrom(...APPEAL_SANCTION_LEVELS),
    type: fc.constantFrom('teguran-lisan', 'potongan-tukin-25', 'penurunan-jabatan-12-bulan', 'pemberhentian'),
    months: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: ['level', 'type'] },
);
export const arbDecision: fc.Arbitrary<ReviewedDecision> = fc.record({
  caseId: arbCaseId,
  sanctionLevel: fc.constantFrom(...APPEAL_SANCTION_LEVELS),
  sanctionType: fc.constantFrom('teguran-lisan', 'potongan-tukin-25', 'pemberhentian'),
  isDismissal: fc.boolean(),
  deliveredAt: arbInstant,
  employee: arbNip,
});
export const arbPolicy: fc.Arbitrary<AppealPolicy> = fc.record({ objectionDeemedGranted: fc.boolean(), ringanObjectable: fc.boolean() });
export const arbDeadline: fc.Arbitrary<RecordedDeadline> = fc.record({
  endsAt: arbInstant,
  days: fc.integer({ min: 1, max: 60 }),
  kind: fc.constantFrom(...DAY_COUNTS),
  calendar: fc.constant(INDONESIA_2025_2027.id),
  timeZone: fc.constantFrom(WIB, WITA),
});
const arbCalendar: fc.Arbitrary<TenantCalendar> = fc.constantFrom(SURABAYA, SAMARINDA, {
  timeZone: WIB,
  holidays: { ...INDONESIA_2025_2027, holidays: INDONESIA_2025_2027.holidays.slice(0, 3) },
});
const arbArticles = fc.array(arbText(), { minLength: 1, maxLength: 3 });

const arbRequest = fc.record({ caseId: arbCaseId, reasons: arbTexts });
export const commandArbitraries: { readonly [K in AppealCommand['type']]: fc.Arbitrary<Extract<AppealCommand, { type: K }>> } = {
  FileAdministrativeObjection: fc
    .record({ request: arbRequest, decision: arbDecision, calendar: arbCalendar, policy: arbPolicy, metadata: arbMetadata })
    .map(({ request, decision, calendar, policy, metadata }) => ({
      type: 'FileAdministrativeObjection' as const,
      data: { ...request, decision, calendar, policy },
      metadata,
    })),
  FileAppeal: fc
    .record({ request: arbRequest, decision: arbDecision, calendar: arbCalendar, metadata: arbMetadata })
    .map(({ request, decision, calendar, metadata }) => ({
      type: 'FileAppeal' as const,
      data: { ...request, decision, calendar },
      metadata,
    })),
  RecordPpkResponse: fc
    .record({ caseId: arbCaseId, response: arbText(), metadata: arbMetadata })
    .map(({ caseId, response, metadata }) => ({ type: 'RecordPpkResponse' as const, data: { caseId, response }, metadata })),
  MarkPpkResponseOverdue: fc
    .record({ caseId: arbCaseId, metadata: arbMetadata })
    .map(({ caseId, metadata }) => ({ type: 'MarkPpkResponseOverdue' as const, data: { caseId }, metadata })),
  DecideAppeal: fc
    .record(
      { kind: arbKind, caseId: arbCaseId, outcome: arbOutcome, reasons: arbTexts, sanction: arbSanction, metadata: arbMetadata },
      { requiredKeys: ['kind', 'caseId', 'outcome', 'reasons', 'metadata'] },
    )
    .map(({ metadata, ...data }) => ({ type: 'DecideAppeal' as const, data, metadata })),
  DeemGranted: fc
    .record({ caseId: arbCaseId, metadata: arbMetadata })
    .map(({ caseId, metadata }) => ({ type: 'DeemGranted' as const, data: { caseId }, metadata })),
};

export const arbCommand: fc.Arbitrary<AppealCommand> = fc.oneof(...Object.values(commandArbitraries));

const arbFiling = fc.record({
  caseId: arbCaseId,
  employee: arbNip,
  decision: arbDecision,
  reasons: arbTexts,
  filingDeadline: arbDeadline,
  filedBy: arbNip,
  at: arbInstant,
  articles: arbArticles,
});
const arbDecisionData = fc.record({
  caseId: arbCaseId,
  kind: arbKind,
  previous: arbSanction,
  reasons: arbTexts,
  decidedBy: arbNip,
  authority: fc.constantFrom('ppk' as const, 'bpasn' as const),
  articles: arbArticles,
  late: fc.boolean(),
  at: arbInstant,
});
const withSanction = arbDecisionData.chain((data) => arbSanction.map((sanction) => ({ ...data, sanction })));

export const eventArbitraries: { readonly [K in AppealEvent['type']]: fc.Arbitrary<Extract<AppealEvent, { type: K }>> } = {
  AdministrativeObjectionFiled: fc
    .record({ filing: arbFiling, decisionDeadline: arbDeadline, policy: arbPolicy })
    .map(({ filing, ...rest }) => ({ type: 'AdministrativeObjectionFiled' as const, data: { ...filing, ...rest } })),
  AppealFiled: fc
    .record({ filing: arbFiling, responseDeadline: arbDeadline })
    .map(({ filing, ...rest }) => ({ type: 'AppealFiled' as const, data: { ...filing, ...rest } })),
  PpkResponseRecorded: fc
    .record({
      caseId: arbCaseId,
      response: arbText(),
      respondedBy: arbNip,
      authority: fc.constant('ppk' as const),
      deadline: arbInstant,
      late: fc.boolean(),
      at: arbInstant,
      articles: arbArticles,
    })
    .map((data) => ({ type: 'PpkResponseRecorded' as const, data })),
  PpkResponseOverdue: fc
    .record({ caseId: arbCaseId, deadline: arbInstant, notedBy: arbNip, at: arbInstant, articles: arbArticles })
    .map((data) => ({ type: 'PpkResponseOverdue' as const, data })),
  SanctionAffirmedOnReview: arbDecisionData.map((data) => ({ type: 'SanctionAffirmedOnReview' as const, data })),
  SanctionLightenedOnReview: withSanction.map((data) => ({ type: 'SanctionLightenedOnReview' as const, data })),
  SanctionIncreasedOnReview: withSanction.map((data) => ({ type: 'SanctionIncreasedOnReview' as const, data })),
  SanctionAlteredOnReview: withSanction.map((data) => ({ type: 'SanctionAlteredOnReview' as const, data })),
  SanctionAnnulledOnReview: arbDecisionData.map((data) => ({ type: 'SanctionAnnulledOnReview' as const, data })),
  ObjectionDeemedGranted: fc
    .record({
      caseId: arbCaseId,
      previous: arbSanction,
      deadline: arbInstant,
      decidedBy: arbNip,
      authority: fc.constant('fiktif-positif' as const),
      articles: arbArticles,
      at: arbInstant,
    })
    .map((data) => ({ type: 'ObjectionDeemedGranted' as const, data })),
};

export const arbEvent: fc.Arbitrary<AppealEvent> = fc.oneof(...Object.values(eventArbitraries));

/**
 * A decision command that may well succeed on `histories.keberatanFiled` or `bandingResponded`: the right kind
 * and case, an outcome with a sanction of any level (or none), by the competent role or another, at any time
 * around the deadlines.
 */
export const arbPlausibleDecision: fc.Arbitrary<DecideAppeal> = fc
  .record({
    kind: arbKind,
    outcome: arbOutcome,
    sanction: fc.option(arbSanction, { nil: undefined }),
    /** Mostly the competent role (PPK for a keberatan, BPASN for a banding), sometimes another. */
    competent: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    otherRole: fc.constantFrom<Role>('ppk', 'bpasn', 'pegawai', 'sistem', 'operator'),
    by: fc.constantFrom(PPK, BPASN, OUTSIDER),
    now: fc.constantFrom(DECIDED_AT, PPK_DEADLINE.endsAt, AFTER_PPK_DEADLINE),
    /** Mostly the typical sanction of the outcome (none for memperkuat and membatalkan), sometimes any. */
    typical: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  })
  .map(({ kind, outcome, sanction, competent, otherRole, by, now, typical }) => {
    const role: Role = competent ? (kind === 'keberatan' ? 'ppk' : 'bpasn') : otherRole;
    const usual = sanctionFor(outcome, kind === 'keberatan' ? SEDANG : DISMISSAL);
    return decideAppeal(kind, outcome, { role, by, now, sanction: typical ? (usual ?? null) : (sanction ?? null) });
  });

/** The outcomes that set a new sanction. */
export const settingOutcomes: ReadonlyArray<AppealOutcome> = APPEAL_SANCTION_SETTING_OUTCOMES;
