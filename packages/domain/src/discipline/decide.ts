/**
 * What a discipline case decides: the commands it accepts, one function per command, then `decide`, which runs the
 * guards every command shares, and `disciplineDecider`.
 *
 * Each function checks, in this order: who asks, whether the case is in a status that allows it, then what is
 * asked. The first rule broken is the answer; nothing is appended for a refused command.
 *
 * Facts from other streams arrive in the command, filled in by the engine; the HTTP edge decodes the `*Request`
 * codecs, which have no such fields (ADR 0001, point 3): the roster facts and the tenant's discipline policy
 * (ReportBreach), the tenant calendar (SummonEmployee, DecideSanction) and the deciding official's standing
 * (DecideSanction, DismissCase).
 */
import { left, right, type Either } from 'fp-ts/Either';
import {
  addDays,
  addWorkingDays,
  deadlineAfter,
  isPast,
  localDateOf,
  startOfLocalDay,
  type TenantCalendar,
} from '../calendar';
import type { Command, CommandMetadata, Decider, LocalDate, Nip, Role } from '../core';
import { BR_16_ARTICLE, BR_16_CONSECUTIVE_DAYS, BR_16_SANCTION, cumulativeBand } from '../absence/rules';
import {
  anyAuthorityFor,
  authorityFor,
  officialsAuthorisedFor,
  type AuthorityFacts,
  type AuthorityRule,
} from './authority';
import {
  evolve,
  initialState,
  isEvidenceOnly,
  isTerminal,
  latestSummons,
  mustExceed,
  proposedSanction,
  REQUIRED_TIM_ELEMENTS,
  REVIEW_RULE_BOOK,
  type BreachSource,
  type DisciplineCaseFile,
  type DecidedCase,
  type DecisionAuthority,
  type DeliveredCase,
  type DisciplineEvent,
  type DisciplineState,
  type OpenDisciplineCase,
  type ReportedCase,
  type BreachReportFacts,
  type ReviewOutcome,
  type ReviewSource,
  type ServedCase,
  type TimMember,
} from './discipline';
import type { DisciplineError } from './errors';
import { disciplineCaseIdParts, type DisciplineCaseId } from './ids';
import type { DisciplinePolicy } from './policy';
import {
  completeSanction,
  inForcePeriod,
  MAX_SEVERITY,
  levelOfSanction,
  SANCTION_CATALOGUE,
  sameSanction,
  sanctionOf,
  severityOf,
  sanctionChoiceOf,
  type ReviewedSanctionInput,
  type Sanction,
  type SanctionChoice,
} from './sanctions';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its caseId: the engine loads the stream from it.
// ---------------------------------------------------------------------------------------------------------------

/** What a client may send to report a breach; the engine adds `facts` and `policy`. */
export type ReportBreachRequest = Readonly<{
  caseId: DisciplineCaseId;
  employee: Nip;
  allegation: string;
  source: BreachSource;
}>;

/**
 * Opens a case. Who may: for source `superior`, someone in the employee's line of superiors; `complaint`, an
 * operator (or the system) with the complaint's reference; `absence`, the system (the absence process manager) or
 * an operator; `superior-inaction` (BR-18), a superior of the accused superior or the PPK.
 */
export type ReportBreach = Command<
  'ReportBreach',
  ReportBreachRequest & Readonly<{ facts: BreachReportFacts; policy: DisciplinePolicy }>
>;

export type SummonEmployeeRequest = Readonly<{ caseId: DisciplineCaseId; date: LocalDate; place?: string }>;
/** A written summons (PP 94/2021 Ps 26); the engine adds the tenant's calendar. */
export type SummonEmployee = Command<'SummonEmployee', SummonEmployeeRequest & Readonly<{ calendar: TenantCalendar }>>;

/** The employee did not appear on the date of the latest summons. */
export type RecordSummonsIgnored = Command<'RecordSummonsIgnored', Readonly<{ caseId: DisciplineCaseId }>>;

export type FormTimPemeriksa = Command<
  'FormTimPemeriksa',
  Readonly<{ caseId: DisciplineCaseId; members: ReadonlyArray<TimMember> }>
>;

export type RecordExamination = Command<
  'RecordExamination',
  Readonly<{ caseId: DisciplineCaseId; bap: string; findings: string }>
>;

export type DecideSanctionRequest = Readonly<{
  caseId: DisciplineCaseId;
  sanction: SanctionChoice;
  findings: string;
  inForceFrom?: LocalDate;
}>;
/** The authorised official's decision (BR-19); the engine adds the official's standing and the tenant calendar. */
export type DecideSanction = Command<
  'DecideSanction',
  DecideSanctionRequest & Readonly<{ authority: AuthorityFacts; calendar: TenantCalendar }>
>;

export type DismissCaseRequest = Readonly<{ caseId: DisciplineCaseId; reason: string }>;
/** No breach proven; the engine adds the official's standing. */
export type DismissCase = Command<'DismissCase', DismissCaseRequest & Readonly<{ authority: AuthorityFacts }>>;

export type DeliverDecision = Command<'DeliverDecision', Readonly<{ caseId: DisciplineCaseId }>>;

/** Sent by the timer (role `sistem`) when the BR-22 delivery deadline has passed. */
export type RecordDeliveryOverdue = Command<'RecordDeliveryOverdue', Readonly<{ caseId: DisciplineCaseId }>>;

/** The sanction has run its course; sent by the timer or an operator. */
export type RecordServed = Command<'RecordServed', Readonly<{ caseId: DisciplineCaseId }>>;

/**
 * Sent by the review aggregates (role `sistem`, the appeal's process manager) with the outcome of a keberatan
 * (BR-21) or a banding to BPASN (BR-20). `sanction` is the new sanction for memperingan, memperberat, mengubah and
 * (optionally) deemed-granted, in the shape the appeal records it (`{ type, level?, months?, kind? }`).
 */
export type ApplyReviewOutcome = Command<
  'ApplyReviewOutcome',
  Readonly<{
    caseId: DisciplineCaseId;
    source: ReviewSource;
    outcome: ReviewOutcome;
    sanction?: ReviewedSanctionInput;
    decidedBy?: Nip;
    reference?: string;
  }>
>;

export type DisciplineCommand =
  | ReportBreach
  | SummonEmployee
  | RecordSummonsIgnored
  | FormTimPemeriksa
  | RecordExamination
  | DecideSanction
  | DismissCase
  | DeliverDecision
  | RecordDeliveryOverdue
  | RecordServed
  | ApplyReviewOutcome;

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<DisciplineError, ReadonlyArray<DisciplineEvent>>;

const refuse = (error: DisciplineError): Decision => left(error);
const accept = (...events: ReadonlyArray<DisciplineEvent>): Decision => right(events);

const AUTHORISED_ROLES: ReadonlyArray<Role> = ['ppk', 'pejabat-berwenang-menghukum'];

const isSuperior = (file: DisciplineCaseFile, nip: Nip): boolean => file.facts.superiors.includes(nip);
const isTimMember = (file: DisciplineCaseFile, nip: Nip): boolean => file.tim?.members.some((m) => m.nip === nip) ?? false;

/** The superiors of the employee, the Tim Pemeriksa, and the officials authorised to punish run the examination. */
const isCaseOfficial = (file: DisciplineCaseFile, metadata: CommandMetadata): boolean =>
  isSuperior(file, metadata.actor.nip) || isTimMember(file, metadata.actor.nip) || AUTHORISED_ROLES.includes(metadata.actor.role);

const unique = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)];

type AbsenceSource = Extract<BreachSource, Readonly<{ kind: 'absence' }>>;

/** The sanction the absence rule gives for the counts of a proposal (BR-15, BR-16); undefined: none. */
const expectedAbsenceSanction = (source: AbsenceSource): Sanction | undefined =>
  source.rule === 'BR-15'
    ? cumulativeBand(source.unexcusedDays)?.sanction
    : source.consecutiveWorkingDays >= BR_16_CONSECUTIVE_DAYS
      ? BR_16_SANCTION
      : undefined;

/** The article of PP 94/2021 an absence proposal rests on. */
const absenceArticle = (source: AbsenceSource): string =>
  source.rule === 'BR-15' ? (cumulativeBand(source.unexcusedDays)?.article ?? 'PP 94/2021 Ps 9') : BR_16_ARTICLE;

/** What an absence proposal must be, given its counts (BR-15, BR-16). */
const absenceProblem = (source: BreachSource): DisciplineError | undefined => {
  if (source.kind !== 'absence') return undefined;
  const expected = expectedAbsenceSanction(source);
  if (expected !== undefined && expected.type === source.proposed.type && severityOf(expected) === severityOf(source.proposed))
    return undefined;
  return { _tag: 'ProposalInconsistent', rule: source.rule, expected: expected ?? null, given: source.proposed };
};

const reporterProblem = (command: ReportBreach): DisciplineError | undefined => {
  const { data, metadata } = command;
  const { nip, role } = metadata.actor;
  const notAllowed: DisciplineError = { _tag: 'NotAllowedToReport', source: data.source.kind, actor: nip, role };
  switch (data.source.kind) {
    case 'superior':
      return data.facts.superiors.includes(nip)
        ? undefined
        : { _tag: 'NotASuperior', employee: data.employee, actor: nip, superiors: data.facts.superiors };
    case 'complaint':
    case 'absence':
      return role === 'operator' || role === 'sistem' ? undefined : notAllowed;
    case 'superior-inaction':
      return data.facts.superiors.includes(nip) || role === 'ppk' ? undefined : notAllowed;
  }
};

const decisionAuthority = (
  rule: AuthorityRule,
  facts: AuthorityFacts,
  table: string,
): DecisionAuthority | undefined =>
  facts.officialRank === null || facts.employeeGrade === null
    ? undefined
    : {
        table,
        official: facts.officialRank,
        scope: rule.scope,
        article: rule.article,
        asOf: facts.asOf,
        officialIsSuperior: facts.officialIsSuperior,
        employeeGrade: facts.employeeGrade,
      };

/** Whether an examination was recorded from `from` (the start of the latest summons' day) on. */
const examinedSinceLatestSummons = (file: DisciplineCaseFile, from: Date | undefined): boolean =>
  from !== undefined && file.examinations.some((e) => e.at.getTime() >= from.getTime());

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const reportBreach = (command: ReportBreach): Decision => {
  const { data, metadata } = command;
  const reporter = reporterProblem(command);
  if (reporter !== undefined) return refuse(reporter);
  if (disciplineCaseIdParts(data.caseId).employee !== data.employee)
    return refuse({ _tag: 'CaseIdMismatch', caseId: data.caseId, employee: data.employee });
  if (data.facts.employeeGrade === null)
    return refuse({ _tag: 'EmployeeNotInRoster', employee: data.employee, asOf: data.facts.asOf });
  const absence = absenceProblem(data.source);
  if (absence !== undefined) return refuse(absence);
  if (data.source.kind === 'superior-inaction' && data.source.originalEmployee === data.employee)
    return refuse({ _tag: 'InactionAgainstSameEmployee', employee: data.employee });
  return accept({
    type: 'BreachReported',
    data: {
      caseId: data.caseId,
      employee: data.employee,
      allegation: data.allegation,
      source: data.source,
      facts: data.facts,
      policy: data.policy,
      reportedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const summonEmployee = ({ data, metadata }: SummonEmployee, state: ReportedCase): Decision => {
  if (!isCaseOfficial(state, metadata))
    return refuse({ _tag: 'NotAllowedToSummon', actor: metadata.actor.nip, role: metadata.actor.role });
  const latest = latestSummons(state);
  if (latest !== undefined && latest.n === 2) return refuse({ _tag: 'SummonsLimitReached' });
  if (latest !== undefined && !latest.ignored) return refuse({ _tag: 'FirstSummonsNotIgnored', date: latest.date });
  const notice = state.policy.summonsNotice;
  const today = localDateOf(metadata.now, data.calendar.timeZone);
  const earliest =
    notice.kind === 'working' ? addWorkingDays(today, notice.days, data.calendar.holidays) : right(addDays(today, notice.days));
  if (earliest._tag === 'Left') return refuse(earliest.left);
  if (data.date < earliest.right) return refuse({ _tag: 'SummonsTooSoon', earliest: earliest.right, given: data.date });
  return accept({
    type: 'SummonsIssued',
    data: {
      caseId: data.caseId,
      n: latest === undefined ? 1 : 2,
      date: data.date,
      earliest: earliest.right,
      calendar: data.calendar.holidays.id,
      timeZone: data.calendar.timeZone,
      ...(data.place === undefined ? {} : { place: data.place }),
      issuedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

/** The start of the latest summons' date: an examination from then on means the employee came. */
const summonsStart = (state: ReportedCase): Date | undefined => {
  const latest = latestSummons(state);
  return latest === undefined ? undefined : startOfLocalDay(latest.date, latest.timeZone);
};

const recordSummonsIgnored = ({ data, metadata }: RecordSummonsIgnored, state: ReportedCase): Decision => {
  if (!isCaseOfficial(state, metadata) && metadata.actor.role !== 'operator')
    return refuse({ _tag: 'NotAllowedToSummon', actor: metadata.actor.nip, role: metadata.actor.role });
  const latest = latestSummons(state);
  if (latest === undefined) return refuse({ _tag: 'NoSummons' });
  if (latest.ignored) return refuse({ _tag: 'SummonsAlreadyIgnored', n: latest.n });
  if (examinedSinceLatestSummons(state, summonsStart(state))) return refuse({ _tag: 'SummonsAttended', n: latest.n });
  if (localDateOf(metadata.now, latest.timeZone) <= latest.date)
    return refuse({ _tag: 'SummonsDateNotPassed', n: latest.n, date: latest.date });
  return accept({
    type: 'SummonsIgnored',
    data: { caseId: data.caseId, n: latest.n, date: latest.date, recordedBy: metadata.actor.nip, at: metadata.now },
  });
};

const formTimPemeriksa = ({ data, metadata }: FormTimPemeriksa, state: ReportedCase): Decision => {
  if (!AUTHORISED_ROLES.includes(metadata.actor.role))
    return refuse({ _tag: 'NotAllowedToFormTim', actor: metadata.actor.nip, role: metadata.actor.role });
  if (state.tim !== null) return refuse({ _tag: 'TimAlreadyFormed', formedAt: state.tim.at });
  const seen = new Set<Nip>();
  for (const member of data.members) {
    if (member.nip === state.employee) return refuse({ _tag: 'EmployeeOnTim', employee: state.employee });
    if (seen.has(member.nip)) return refuse({ _tag: 'TimMembersNotDistinct', nip: member.nip });
    seen.add(member.nip);
  }
  const missing = REQUIRED_TIM_ELEMENTS.filter((element) => !data.members.some((m) => m.element === element));
  if (missing.length > 0) return refuse({ _tag: 'TimIncomplete', missing });
  // PP 94/2021: the superior on the Tim is the direct superior, or the next one up when the direct one is involved.
  const atasan = data.members.find((m) => m.element === 'atasan' && !isSuperior(state, m.nip));
  if (atasan !== undefined) return refuse({ _tag: 'TimAtasanNotSuperior', nip: atasan.nip, superiors: state.facts.superiors });
  return accept({
    type: 'TimPemeriksaFormed',
    data: {
      caseId: data.caseId,
      members: data.members.map((m) => ({ nip: m.nip, element: m.element })),
      formedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const recordExamination = ({ data, metadata }: RecordExamination, state: ReportedCase): Decision => {
  const actor = metadata.actor.nip;
  const examiner = isTimMember(state, actor) ? 'tim-pemeriksa' : isSuperior(state, actor) ? 'atasan' : undefined;
  if (examiner === undefined) return refuse({ _tag: 'NotAnExaminer', actor });
  const latest = latestSummons(state);
  if (latest === undefined) return refuse({ _tag: 'NoSummons' });
  if (latest.ignored) return refuse({ _tag: 'EmployeeDidNotAppear', n: latest.n });
  if (localDateOf(metadata.now, latest.timeZone) < latest.date)
    return refuse({ _tag: 'ExaminationBeforeSummonsDate', date: latest.date });
  return accept({
    type: 'ExaminationRecorded',
    data: { caseId: data.caseId, examiner, bap: data.bap, findings: data.findings, examinedBy: actor, at: metadata.now },
  });
};

/** The decision's articles: what it rests on, for the basis and for an inspector reading the event. */
const decisionArticles = (state: ReportedCase, sanction: Sanction, rule: AuthorityRule, evidenceOnly: boolean): ReadonlyArray<string> => {
  const source = state.source;
  return unique([
    'BR-14',
    SANCTION_CATALOGUE[sanction.type].article,
    'BR-19',
    'PP 94/2021 Ps 16',
    rule.article,
    ...(levelOfSanction(sanction) === 'berat' ? ['BR-17'] : []),
    ...(source.kind === 'absence' ? [source.rule, absenceArticle(source)] : []),
    ...(source.kind === 'superior-inaction' ? ['BR-18', 'PP 94/2021 Ps 28'] : []),
    ...(evidenceOnly ? ['PP 94/2021 Ps 26'] : []),
    'BR-22',
  ]);
};

const decideSanction = ({ data, metadata }: DecideSanction, state: ReportedCase): Decision => {
  const official = metadata.actor.nip;
  if (official === state.employee) return refuse({ _tag: 'OfficialIsEmployee', employee: state.employee });
  const sanction = sanctionOf(completeSanction(data.sanction, state.policy.dismissalKind));
  const level = levelOfSanction(sanction);
  const table = state.policy.authority;
  const rule = authorityFor(table, data.authority, sanction.type);
  const authority = rule === undefined ? undefined : decisionAuthority(rule, data.authority, table.id);
  if (rule === undefined || authority === undefined)
    return refuse({
      _tag: 'NotAuthorised',
      official,
      officialRank: data.authority.officialRank,
      officialIsSuperior: data.authority.officialIsSuperior,
      employeeGrade: data.authority.employeeGrade,
      sanction: sanction.type,
      level,
      asOf: data.authority.asOf,
      table: table.id,
      authorised: officialsAuthorisedFor(table, data.authority.employeeGrade, sanction.type),
    });

  const evidenceOnly = isEvidenceOnly(state);
  if (state.examinations.length === 0 && !evidenceOnly) return refuse({ _tag: 'NotExamined' });
  // BR-17: berat only after the Tim Pemeriksa examined; on evidence only (second summons ignored), a Tim formed.
  if (level === 'berat') {
    const timExamined = state.examinations.some((e) => e.examiner === 'tim-pemeriksa');
    if (!(timExamined || (evidenceOnly && state.tim !== null)))
      return refuse({ _tag: 'TimPemeriksaRequired', sanction: sanction.type, timFormed: state.tim !== null, evidenceOnly });
  }
  const proposed = proposedSanction(state);
  if (proposed !== undefined && !(proposed.type === sanction.type && severityOf(proposed) === severityOf(sanction)))
    return refuse({ _tag: 'SanctionNotAsProposed', proposed, given: sanction });
  // BR-18: heavier than the original case's sanction; nothing is heavier than a dismissal, so a dismissal matches one.
  const floor = mustExceed(state);
  if (floor !== undefined) {
    const heavier = severityOf(sanction) > severityOf(floor) || (severityOf(floor) === MAX_SEVERITY && severityOf(sanction) === MAX_SEVERITY);
    if (!heavier) return refuse({ _tag: 'SanctionNotHeavier', mustExceed: floor, given: sanction });
  }
  const decidedOn = localDateOf(metadata.now, data.calendar.timeZone);
  if (data.inForceFrom !== undefined && data.inForceFrom < decidedOn)
    return refuse({ _tag: 'EffectiveDateBeforeDecision', inForceFrom: data.inForceFrom, decidedOn });
  const deadline = deadlineAfter(metadata.now, state.policy.delivery, data.calendar);
  if (deadline._tag === 'Left') return refuse(deadline.left);
  return accept({
    type: 'SanctionImposed',
    data: {
      caseId: data.caseId,
      employee: state.employee,
      sanction,
      level,
      findings: data.findings,
      evidenceOnly,
      ...(data.inForceFrom === undefined ? {} : { inForceFrom: data.inForceFrom }),
      deliveryDeadline: deadline.right,
      decidedBy: official,
      authority,
      ruleBook: state.policy.ruleBook,
      articles: decisionArticles(state, sanction, rule, evidenceOnly),
      at: metadata.now,
    },
  });
};

const dismissCase = ({ data, metadata }: DismissCase, state: ReportedCase): Decision => {
  const official = metadata.actor.nip;
  if (official === state.employee) return refuse({ _tag: 'OfficialIsEmployee', employee: state.employee });
  const table = state.policy.authority;
  const proposed = proposedSanction(state);
  // The official who could have imposed the proposed sanction may find it not proven; otherwise any authority over
  // the employee will do (BR-19).
  const rule =
    proposed === undefined ? anyAuthorityFor(table, data.authority) : authorityFor(table, data.authority, proposed.type);
  const authority = rule === undefined ? undefined : decisionAuthority(rule, data.authority, table.id);
  if (rule === undefined || authority === undefined)
    return refuse({
      _tag: 'NotAuthorisedToDismiss',
      official,
      officialRank: data.authority.officialRank,
      employeeGrade: data.authority.employeeGrade,
      asOf: data.authority.asOf,
      table: table.id,
    });
  if (state.examinations.length === 0 && !isEvidenceOnly(state)) return refuse({ _tag: 'NotExamined' });
  return accept({
    type: 'CaseDismissed',
    data: {
      caseId: data.caseId,
      employee: state.employee,
      reason: data.reason,
      decidedBy: official,
      authority,
      ruleBook: state.policy.ruleBook,
      articles: unique(['BR-19', 'PP 94/2021 Ps 16', rule.article]),
      at: metadata.now,
    },
  });
};

const deliverDecision = ({ data, metadata }: DeliverDecision, state: DecidedCase): Decision => {
  const { nip, role } = metadata.actor;
  const mayDeliver =
    nip === state.decision.decidedBy || isSuperior(state, nip) || AUTHORISED_ROLES.includes(role) || role === 'operator';
  if (!mayDeliver) return refuse({ _tag: 'NotAllowedToDeliver', actor: nip, role });
  const deadline = state.decision.deliveryDeadline;
  const receivedOn = localDateOf(metadata.now, deadline.timeZone);
  // PP 94/2021: a decision takes effect on the 15th day after receipt, unless it names its own effective date.
  const from = state.decision.inForceFrom ?? addDays(receivedOn, state.policy.inForceAfterDays);
  return accept({
    type: 'DecisionDelivered',
    data: {
      caseId: data.caseId,
      sanction: state.decision.sanction,
      deadline,
      late: isPast(deadline, metadata.now),
      inForce: inForcePeriod(from, state.decision.sanction),
      deliveredBy: nip,
      ruleBook: state.policy.ruleBook,
      articles: ['BR-22'],
      at: metadata.now,
    },
  });
};

const recordDeliveryOverdue = ({ data, metadata }: RecordDeliveryOverdue, state: DecidedCase): Decision => {
  if (metadata.actor.role !== 'sistem') return refuse({ _tag: 'NotSystem', actor: metadata.actor.nip, role: metadata.actor.role });
  const deadline = state.decision.deliveryDeadline;
  if (!isPast(deadline, metadata.now)) return refuse({ _tag: 'DeliveryNotOverdue', deadline: deadline.endsAt });
  if (state.decision.overdueRecorded) return refuse({ _tag: 'OverdueAlreadyRecorded' });
  return accept({
    type: 'DeliveryOverdue',
    data: {
      caseId: data.caseId,
      deadline,
      decidedBy: state.decision.decidedBy,
      recordedBy: metadata.actor.nip,
      ruleBook: state.policy.ruleBook,
      articles: ['BR-22'],
      at: metadata.now,
    },
  });
};

/** The first instant the sanction is over: the start of `until`, or for a dismissal the start of `from`. */
export const servedFrom = (state: DeliveredCase | ServedCase): Date => {
  const { from, until } = state.delivery.inForce;
  return startOfLocalDay(until ?? from, state.decision.deliveryDeadline.timeZone);
};

const recordServed = ({ data, metadata }: RecordServed, state: DeliveredCase): Decision => {
  const { nip, role } = metadata.actor;
  if (role !== 'sistem' && role !== 'operator') return refuse({ _tag: 'NotSystemOrOperator', actor: nip, role });
  if (metadata.now.getTime() < servedFrom(state).getTime())
    return refuse({ _tag: 'SanctionStillInForce', from: state.delivery.inForce.from, until: state.delivery.inForce.until });
  return accept({
    type: 'SanctionServed',
    data: {
      caseId: data.caseId,
      sanction: state.decision.sanction,
      inForce: state.delivery.inForce,
      recordedBy: nip,
      at: metadata.now,
    },
  });
};

/** The new sanction a review outcome leads to (null: annulled), or why it cannot. */
const reviewedSanction = (
  outcome: ReviewOutcome,
  previous: Sanction,
  given: Sanction | undefined,
): Either<DisciplineError, Sanction | null> => {
  switch (outcome) {
    case 'memperkuat':
      return given === undefined ? right(previous) : left({ _tag: 'ReviewSanctionUnexpected', outcome });
    case 'membatalkan':
      return given === undefined ? right(null) : left({ _tag: 'ReviewSanctionUnexpected', outcome });
    case 'deemed-granted':
      // BR-21: an objection left undecided is granted: annulled, or the lighter sanction it asked for.
      if (given === undefined) return right(null);
      return severityOf(given) < severityOf(previous) ? right(given) : left({ _tag: 'ReviewSanctionNotLighter', previous, given });
    case 'memperingan':
      if (given === undefined) return left({ _tag: 'ReviewSanctionMissing', outcome });
      return severityOf(given) < severityOf(previous) ? right(given) : left({ _tag: 'ReviewSanctionNotLighter', previous, given });
    case 'memperberat':
      if (given === undefined) return left({ _tag: 'ReviewSanctionMissing', outcome });
      return severityOf(given) > severityOf(previous) ? right(given) : left({ _tag: 'ReviewSanctionNotHeavier', previous, given });
    case 'mengubah':
      if (given === undefined) return left({ _tag: 'ReviewSanctionMissing', outcome });
      return sameSanction(given, previous) ? left({ _tag: 'ReviewSanctionUnchanged', sanction: previous }) : right(given);
  }
};

const applyReviewOutcome = ({ data, metadata }: ApplyReviewOutcome, state: DeliveredCase | ServedCase): Decision => {
  if (metadata.actor.role !== 'sistem') return refuse({ _tag: 'NotSystem', actor: metadata.actor.nip, role: metadata.actor.role });
  const review = state.decision.review;
  if (review !== null) return refuse({ _tag: 'AlreadyReviewed', source: review.source, outcome: review.outcome });
  const previous = state.decision.sanction;
  // BR-20: banding to BPASN is against a dismissal; BR-21: keberatan against any other sanction.
  if ((data.source === 'banding') !== (previous.type === 'pemberhentian'))
    return refuse({ _tag: 'WrongReviewSource', source: data.source, sanction: previous });
  const choice = data.sanction === undefined ? undefined : sanctionChoiceOf(data.sanction);
  if (choice !== undefined && choice._tag === 'Left') return refuse({ _tag: 'ReviewSanctionInvalid', problem: choice.left });
  const given = choice === undefined ? undefined : sanctionOf(completeSanction(choice.right, state.policy.dismissalKind));
  const next = reviewedSanction(data.outcome, previous, given);
  if (next._tag === 'Left') return refuse(next.left);
  const sanction = next.right;
  return accept({
    type: 'SanctionReviewed',
    data: {
      caseId: data.caseId,
      source: data.source,
      outcome: data.outcome,
      previous,
      sanction,
      inForce: sanction === null ? null : inForcePeriod(state.delivery.inForce.from, sanction),
      ...(data.decidedBy === undefined ? {} : { decidedBy: data.decidedBy }),
      ...(data.reference === undefined ? {} : { reference: data.reference }),
      reviewedBy: metadata.actor.nip,
      authority: data.source === 'banding' ? 'BPASN (banding administratif)' : 'PPK (keberatan)',
      ruleBook: REVIEW_RULE_BOOK,
      articles: data.source === 'banding' ? ['BR-20', 'PP 79/2021'] : ['BR-21', 'PP 79/2021'],
      at: metadata.now,
    },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

const whenReported = (state: OpenDisciplineCase, run: (state: ReportedCase) => Decision): Decision =>
  state.status === 'reported' ? run(state) : refuse({ _tag: 'CaseAlreadyDecided', status: state.status });

const whenDecided = (state: OpenDisciplineCase, run: (state: DecidedCase) => Decision): Decision => {
  switch (state.status) {
    case 'decided':
      return run(state);
    case 'reported':
      return refuse({ _tag: 'NoDecision', status: state.status });
    case 'delivered':
    case 'served':
      return refuse({ _tag: 'DecisionAlreadyDelivered', deliveredAt: state.delivery.deliveredAt });
  }
};

export const decide = (command: DisciplineCommand, state: DisciplineState): Decision => {
  // Guards every command shares: a closed case refuses everything; only ReportBreach opens one; a command for
  // another case was routed to the wrong stream.
  if (state.status === 'dismissed' || state.status === 'annulled')
    return refuse({ _tag: 'CaseClosed', caseId: state.caseId, status: state.status });
  if (command.type === 'ReportBreach')
    return state.status === 'empty' ? reportBreach(command) : refuse({ _tag: 'CaseAlreadyReported', caseId: state.caseId });
  if (state.status === 'empty') return refuse({ _tag: 'CaseNotReported', caseId: command.data.caseId });
  if (command.data.caseId !== state.caseId) return refuse({ _tag: 'WrongCase', caseId: state.caseId, given: command.data.caseId });

  switch (command.type) {
    case 'SummonEmployee':
      return whenReported(state, (s) => summonEmployee(command, s));
    case 'RecordSummonsIgnored':
      return whenReported(state, (s) => recordSummonsIgnored(command, s));
    case 'FormTimPemeriksa':
      return whenReported(state, (s) => formTimPemeriksa(command, s));
    case 'RecordExamination':
      return whenReported(state, (s) => recordExamination(command, s));
    case 'DecideSanction':
      return whenReported(state, (s) => decideSanction(command, s));
    case 'DismissCase':
      return whenReported(state, (s) => dismissCase(command, s));
    case 'DeliverDecision':
      return whenDecided(state, (s) => deliverDecision(command, s));
    case 'RecordDeliveryOverdue':
      return whenDecided(state, (s) => recordDeliveryOverdue(command, s));
    case 'RecordServed':
      if (state.status === 'served') return refuse({ _tag: 'SanctionAlreadyServed', servedAt: state.servedAt });
      return state.status === 'delivered' ? recordServed(command, state) : refuse({ _tag: 'DecisionNotDelivered', status: state.status });
    case 'ApplyReviewOutcome':
      return state.status === 'delivered' || state.status === 'served'
        ? applyReviewOutcome(command, state)
        : refuse({ _tag: 'DecisionNotDelivered', status: state.status });
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const disciplineDecider: Decider<DisciplineState, DisciplineCommand, DisciplineEvent, DisciplineError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};
