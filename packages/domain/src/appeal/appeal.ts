/**
 * Administrative objection and appeal (upaya administratif, PP 79/2021; DOMAIN.md §2.4, BR-20, BR-21) against a
 * disciplinary decision: its vocabulary, the facts the engine hands it, the facts that happen to it, the state
 * they add up to, `evolve`, and the basis of each event.
 *
 * One aggregate with a `kind`, two stream categories:
 *
 * - **keberatan** (administrative objection, BR-21) against a decision that is not a dismissal, e.g. a *sedang*
 *   sanction: filed within 14 working days of receipt; the PPK decides within 21 working days; undecided by then,
 *   it is deemed granted (fiktif positif) when the tenant's policy says so (default on). Stream
 *   `keberatanadmin-<tenant>.<caseId>`.
 * - **banding** (administrative appeal to BPASN, BR-20) against a dismissal: filed within 14 working days of
 *   receipt; the PPK responds within 21 working days; BPASN decides, and its decision is binding. Stream
 *   `banding-<tenant>.<caseId>`.
 *
 * Both are decided with one of the five outcomes of PP 79/2021 (memperkuat, memperingan, memperberat, mengubah,
 * membatalkan), each its own event; the process manager (`process.ts`) turns a decision into the discipline
 * case's `ApplyReviewOutcome`. Why one aggregate: the two share the decision under review, the filing window,
 * the outcomes and their checks; they differ in who decides and in the 21-working-day step, which `kind` selects.
 *
 * Lifecycle:
 *
 *   empty ─FileAdministrativeObjection→ filed ─DecideAppeal (ppk)→ decided
 *                                         └──DeemGranted (sistem, after 21 working days, policy on)→ decided
 *   empty ─FileAppeal→ filed ─RecordPpkResponse→ responded ─DecideAppeal (bpasn)→ decided
 *                        └─MarkPpkResponseOverdue (sistem, after 21 working days)→ filed (overdue noted)
 */
import type { RecordedDeadline } from '../calendar';
import type { Event, Nip, TenantId } from '../core';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** keberatan (BR-21, non-dismissal decisions) or banding to BPASN (BR-20, dismissals). */
export const APPEAL_KINDS = ['keberatan', 'banding'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/**
 * The stream of a keberatan or a banding against the decision of discipline case `caseId`, category first. The
 * category has no '-' of its own (`keberatanadmin`, not `keberatan-admin`): a category ends at the first '-'
 * (EventStoreDB's `$ce-` streams, the stores' prefix filters), and `keberatan-` is the evaluation objection's.
 */
export const appealStreamId = (tenant: TenantId, kind: AppealKind, caseId: string): string =>
  `${kind === 'keberatan' ? 'keberatanadmin' : 'banding'}-${tenant}.${caseId}`;

/** BR-14: the three levels of disciplinary sanction, lightest first. */
export const APPEAL_SANCTION_LEVELS = ['ringan', 'sedang', 'berat'] as const;
export type AppealSanctionLevel = (typeof APPEAL_SANCTION_LEVELS)[number];

/** The five outcomes of PP 79/2021, for keberatan and banding alike (BR-20). */
export const APPEAL_OUTCOMES = ['memperkuat', 'memperingan', 'memperberat', 'mengubah', 'membatalkan'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The outcomes that set a new sanction (and must name it); the other two must not. */
export const APPEAL_SANCTION_SETTING_OUTCOMES = ['memperingan', 'memperberat', 'mengubah'] as const satisfies ReadonlyArray<AppealOutcome>;

/**
 * What made a decision competent: the PPK (keberatan, BR-21; and the PPK's response in a banding, BR-20), BPASN
 * (banding, BR-20), or the lapse of the PPK's 21 working days under the deemed-granted policy (fiktif positif).
 */
export const APPEAL_AUTHORITIES = ['ppk', 'bpasn', 'fiktif-positif'] as const;
export type AppealAuthority = (typeof APPEAL_AUTHORITIES)[number];

/** The rule book an appeal's events rest on, as the engine stamps it into `basis`. */
export const APPEAL_RULE_BOOK = 'pp-79-2021@1';

/**
 * The periods of the law, all in working days of the tenant's calendar [reg]: filing within 14 of receipt of the
 * decision (BR-20, BR-21); the PPK decides a keberatan within 21 of its filing (BR-21); the PPK responds to a
 * banding within 21 of its filing (BR-20).
 */
export const APPEAL_PERIODS = {
  filing: { days: 14, kind: 'working' },
  ppkDecision: { days: 21, kind: 'working' },
  ppkResponse: { days: 21, kind: 'working' },
} as const;

/** The tenant's settings for appeals [policy], recorded on the filing event. */
export type AppealPolicy = Readonly<{
  /** BR-21: a keberatan the PPK leaves undecided for 21 working days is deemed granted [policy, default on]. */
  objectionDeemedGranted: boolean;
  /** BR-21: whether *ringan* sanctions can be objected to [policy, default yes]. */
  ringanObjectable: boolean;
}>;

/** DOMAIN.md BR-21 defaults. */
export const APPEAL_POLICY_DEFAULTS: AppealPolicy = { objectionDeemedGranted: true, ringanObjectable: true };

/** Articles each fact rests on (BR ids first, then the regulation). */
export const APPEAL_ARTICLES = {
  keberatan: ['BR-21', 'PP 79/2021'],
  banding: ['BR-20', 'PP 79/2021'],
  /** Fiktif positif: an objection left undecided past its period is deemed granted. */
  deemedGranted: ['BR-21', 'PP 79/2021', 'UU 30/2014 Ps 77(5)'],
} as const satisfies Readonly<Record<string, ReadonlyArray<string>>>;

// ---------------------------------------------------------------------------------------------------------------
// Facts from outside the stream, filled in by the engine (ADR 0001, point 3)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The disciplinary decision under review, as the discipline case recorded it: looked up by the engine from the
 * case's `SanctionImposed` and delivery, never accepted from a client.
 */
export type ReviewedDecision = Readonly<{
  caseId: string;
  sanctionLevel: AppealSanctionLevel;
  /** The sanction type code of the discipline case (BR-14), e.g. `teguran-tertulis`. */
  sanctionType: string;
  isDismissal: boolean;
  /** When the employee received the decision: the 14 working days of filing run from this day. */
  deliveredAt: Date;
  employee: Nip;
}>;

/** A sanction as a reviewing official sets it (memperingan, memperberat, mengubah). */
export type ReviewedSanction = Readonly<{
  level: AppealSanctionLevel;
  type: string;
  /** For sanctions that run for a time (BR-14: 6, 9 or 12 months). */
  months?: number;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome. Every event names its case and carries its articles.
// ---------------------------------------------------------------------------------------------------------------

type FilingData = Readonly<{
  caseId: string;
  employee: Nip;
  decision: ReviewedDecision;
  reasons: ReadonlyArray<string>;
  /** 14 working days from receipt of the decision, in the tenant's calendar (BR-20, BR-21). */
  filingDeadline: RecordedDeadline;
  filedBy: Nip;
  at: Date;
  articles: ReadonlyArray<string>;
}>;

/** A keberatan filed in time (BR-21); the PPK's 21 working days to decide start. */
export type AdministrativeObjectionFiled = Event<
  'AdministrativeObjectionFiled',
  FilingData & Readonly<{ decisionDeadline: RecordedDeadline; policy: AppealPolicy }>
>;

/** A banding to BPASN filed in time (BR-20); the PPK's 21 working days to respond start. */
export type AppealFiled = Event<'AppealFiled', FilingData & Readonly<{ responseDeadline: RecordedDeadline }>>;

/** The PPK's response (tanggapan) to a banding (BR-20); `late` when after the 21 working days. */
export type PpkResponseRecorded = Event<
  'PpkResponseRecorded',
  Readonly<{
    caseId: string;
    response: string;
    respondedBy: Nip;
    authority: 'ppk';
    deadline: Date;
    late: boolean;
    at: Date;
    articles: ReadonlyArray<string>;
  }>
>;

/** The PPK's 21 working days passed without a response to the banding (BR-20): BPASN may decide without it. */
export type PpkResponseOverdue = Event<
  'PpkResponseOverdue',
  Readonly<{ caseId: string; deadline: Date; notedBy: Nip; at: Date; articles: ReadonlyArray<string> }>
>;

/** What every decision on a keberatan or banding records: who, by what authority, on what basis, when. */
type DecisionData = Readonly<{
  caseId: string;
  kind: AppealKind;
  /** The sanction as the decision under review set it. */
  previous: ReviewedSanction;
  reasons: ReadonlyArray<string>;
  decidedBy: Nip;
  authority: 'ppk' | 'bpasn';
  articles: ReadonlyArray<string>;
  /** A keberatan decided after the PPK's 21 working days (only possible with deemed-granted off); banding: false. */
  late: boolean;
  at: Date;
}>;

/** The decision under review stands (memperkuat). */
export type SanctionAffirmedOnReview = Event<'SanctionAffirmedOnReview', DecisionData>;
/** A lighter sanction replaces it (memperingan). */
export type SanctionLightenedOnReview = Event<'SanctionLightenedOnReview', DecisionData & Readonly<{ sanction: ReviewedSanction }>>;
/** A heavier sanction replaces it (memperberat). */
export type SanctionIncreasedOnReview = Event<'SanctionIncreasedOnReview', DecisionData & Readonly<{ sanction: ReviewedSanction }>>;
/** Another sanction replaces it (mengubah). */
export type SanctionAlteredOnReview = Event<'SanctionAlteredOnReview', DecisionData & Readonly<{ sanction: ReviewedSanction }>>;
/** The sanction is annulled (membatalkan). */
export type SanctionAnnulledOnReview = Event<'SanctionAnnulledOnReview', DecisionData>;

/**
 * BR-21 [policy]: the PPK did not decide the keberatan within 21 working days, so it is deemed granted
 * (fiktif positif). `decidedBy` is the system actor that noted it; the authority is the lapse of time.
 */
export type ObjectionDeemedGranted = Event<
  'ObjectionDeemedGranted',
  Readonly<{
    caseId: string;
    previous: ReviewedSanction;
    deadline: Date;
    decidedBy: Nip;
    authority: 'fiktif-positif';
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

export type AppealDecisionEvent =
  | SanctionAffirmedOnReview
  | SanctionLightenedOnReview
  | SanctionIncreasedOnReview
  | SanctionAlteredOnReview
  | SanctionAnnulledOnReview
  | ObjectionDeemedGranted;

export type AppealEvent =
  | AdministrativeObjectionFiled
  | AppealFiled
  | PpkResponseRecorded
  | PpkResponseOverdue
  | AppealDecisionEvent;

/** The event type that records each outcome. */
export const APPEAL_OUTCOME_EVENT: Readonly<Record<AppealOutcome, AppealDecisionEvent['type']>> = {
  memperkuat: 'SanctionAffirmedOnReview',
  memperingan: 'SanctionLightenedOnReview',
  memperberat: 'SanctionIncreasedOnReview',
  mengubah: 'SanctionAlteredOnReview',
  membatalkan: 'SanctionAnnulledOnReview',
};

/** The outcome a decision event records (`deemed-granted` for fiktif positif). */
export const outcomeOfAppealEvent = (event: AppealDecisionEvent): AppealOutcome | 'deemed-granted' => {
  switch (event.type) {
    case 'SanctionAffirmedOnReview':
      return 'memperkuat';
    case 'SanctionLightenedOnReview':
      return 'memperingan';
    case 'SanctionIncreasedOnReview':
      return 'memperberat';
    case 'SanctionAlteredOnReview':
      return 'mengubah';
    case 'SanctionAnnulledOnReview':
      return 'membatalkan';
    case 'ObjectionDeemedGranted':
      return 'deemed-granted';
  }
};

const DECISION_TYPES: ReadonlySet<string> = new Set<AppealDecisionEvent['type']>([
  'SanctionAffirmedOnReview',
  'SanctionLightenedOnReview',
  'SanctionIncreasedOnReview',
  'SanctionAlteredOnReview',
  'SanctionAnnulledOnReview',
  'ObjectionDeemedGranted',
]);

export const isAppealDecisionEvent = (event: AppealEvent): event is AppealDecisionEvent => DECISION_TYPES.has(event.type);

/** For the engine: every appeal event rests on PP 79/2021 and the articles it names. */
export const basisOfAppeal = (event: AppealEvent): Readonly<{ ruleBook: string; articles: string[] }> | undefined => ({
  ruleBook: APPEAL_RULE_BOOK,
  articles: [...event.data.articles],
});

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export type PpkResponse = Readonly<{ response: string; respondedBy: Nip; at: Date; late: boolean }>;

export type AppealBody = Readonly<{
  kind: AppealKind;
  caseId: string;
  employee: Nip;
  decision: ReviewedDecision;
  reasons: ReadonlyArray<string>;
  filedBy: Nip;
  filedAt: Date;
  filingDeadline: RecordedDeadline;
  /** keberatan: the PPK's 21 working days to decide; banding: the PPK's 21 working days to respond. */
  ppkDeadline: RecordedDeadline;
  /** The tenant's settings recorded on a keberatan; null for a banding, which has none. */
  policy: AppealPolicy | null;
  /** banding: when the PPK's response was noted overdue. */
  responseOverdueAt: Date | null;
}>;

/** How a keberatan or banding was decided. */
export type AppealRuling = Readonly<{
  outcome: AppealOutcome | 'deemed-granted';
  sanction: ReviewedSanction | null;
  decidedBy: Nip;
  authority: AppealAuthority;
  at: Date;
}>;

export type EmptyAppeal = Readonly<{ status: 'empty' }>;
/** keberatan awaiting the PPK's decision; banding awaiting the PPK's response (or overdue: BPASN may decide). */
export type FiledAppeal = Readonly<{ status: 'filed' }> & AppealBody;
/** banding only: the PPK's response is on file; BPASN decides. */
export type RespondedAppeal = Readonly<{ status: 'responded'; ppkResponse: PpkResponse }> & AppealBody;
export type DecidedAppeal = Readonly<{ status: 'decided'; ppkResponse: PpkResponse | null; ruling: AppealRuling }> &
  AppealBody;

export type AppealState = EmptyAppeal | FiledAppeal | RespondedAppeal | DecidedAppeal;
export type AppealStatus = AppealState['status'];

export const initialState = (): AppealState => ({ status: 'empty' });

/** A decided keberatan or banding accepts no command (BR-20: the banding decision is binding). */
export const isTerminal = (state: AppealState): boolean => state.status === 'decided';

/** The sanction a decision under review set. */
export const reviewedSanctionOf = (decision: ReviewedDecision): ReviewedSanction => ({
  level: decision.sanctionLevel,
  type: decision.sanctionType,
});

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

const ignoreUnknown = (_event: never, state: AppealState): AppealState => state;

const bodyOf = (
  kind: AppealKind,
  d: FilingData,
  ppkDeadline: RecordedDeadline,
  policy: AppealPolicy | null,
): AppealBody => ({
  kind,
  caseId: d.caseId,
  employee: d.employee,
  decision: d.decision,
  reasons: d.reasons,
  filedBy: d.filedBy,
  filedAt: d.at,
  filingDeadline: d.filingDeadline,
  ppkDeadline,
  policy,
  responseOverdueAt: null,
});

const decided = (
  state: FiledAppeal | RespondedAppeal,
  ruling: AppealRuling,
): DecidedAppeal => ({
  ...state,
  status: 'decided',
  ppkResponse: state.status === 'responded' ? state.ppkResponse : null,
  ruling,
});

export const evolve = (state: AppealState, event: AppealEvent): AppealState => {
  switch (event.type) {
    case 'AdministrativeObjectionFiled':
      if (state.status !== 'empty') return state;
      return { status: 'filed', ...bodyOf('keberatan', event.data, event.data.decisionDeadline, event.data.policy) };

    case 'AppealFiled':
      if (state.status !== 'empty') return state;
      return { status: 'filed', ...bodyOf('banding', event.data, event.data.responseDeadline, null) };

    case 'PpkResponseRecorded': {
      if (state.status !== 'filed' || state.kind !== 'banding') return state;
      const { response, respondedBy, at, late } = event.data;
      return { ...state, status: 'responded', ppkResponse: { response, respondedBy, at, late } };
    }

    case 'PpkResponseOverdue':
      if (state.status !== 'filed' || state.kind !== 'banding' || state.responseOverdueAt !== null) return state;
      return { ...state, responseOverdueAt: event.data.at };

    case 'SanctionAffirmedOnReview':
    case 'SanctionLightenedOnReview':
    case 'SanctionIncreasedOnReview':
    case 'SanctionAlteredOnReview':
    case 'SanctionAnnulledOnReview': {
      if (state.status !== 'filed' && state.status !== 'responded') return state;
      if (event.data.kind !== state.kind) return state;
      const sanction = 'sanction' in event.data ? event.data.sanction : null;
      return decided(state, {
        outcome: outcomeOfAppealEvent(event),
        sanction,
        decidedBy: event.data.decidedBy,
        authority: event.data.authority,
        at: event.data.at,
      });
    }

    case 'ObjectionDeemedGranted':
      if (state.status !== 'filed' || state.kind !== 'keberatan') return state;
      return decided(state, {
        outcome: 'deemed-granted',
        sanction: null,
        decidedBy: event.data.decidedBy,
        authority: event.data.authority,
        at: event.data.at,
      });

    default:
      return ignoreUnknown(event, state);
  }
};
