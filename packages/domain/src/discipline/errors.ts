/**
 * Why a discipline case refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs
 * to correct the request.
 */
import type { CalendarNotCovering } from '../calendar';
import type { LocalDate, Nip, Role } from '../core';
import type { AuthorisedOfficial, EmployeeGrade, OfficialRank } from './authority';
import type { BreachSourceKind, DisciplineStatus, ReviewOutcome, ReviewSource, TimElement } from './discipline';
import type { DisciplineCaseId } from './ids';
import { describeSanction, type Sanction, type SanctionLevel, type SanctionType } from './sanctions';

export type DisciplineError =
  // --- which case -------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'CaseNotReported'; caseId: DisciplineCaseId }>
  | Readonly<{ _tag: 'CaseAlreadyReported'; caseId: DisciplineCaseId }>
  /** Dismissed (not proven) or annulled on review: every command is refused. */
  | Readonly<{ _tag: 'CaseClosed'; caseId: DisciplineCaseId; status: 'dismissed' | 'annulled' }>
  | Readonly<{ _tag: 'WrongCase'; caseId: DisciplineCaseId; given: DisciplineCaseId }>

  // --- the report -------------------------------------------------------------------------------------------------
  /** A case id starts with the NIP of the employee it is against. */
  | Readonly<{ _tag: 'CaseIdMismatch'; caseId: DisciplineCaseId; employee: Nip }>
  | Readonly<{ _tag: 'EmployeeNotInRoster'; employee: Nip; asOf: LocalDate }>
  /** A report "from a superior" comes from someone in the employee's line of superiors. */
  | Readonly<{ _tag: 'NotASuperior'; employee: Nip; actor: Nip; superiors: ReadonlyArray<Nip> }>
  | Readonly<{ _tag: 'NotAllowedToReport'; source: BreachSourceKind; actor: Nip; role: Role }>
  /** BR-15/BR-16: the proposed sanction is not the one the absence rule gives for the counted days. */
  | Readonly<{ _tag: 'ProposalInconsistent'; rule: 'BR-15' | 'BR-16'; expected: Sanction | null; given: Sanction }>
  /** BR-18: the case against a superior names the superior, not the employee of the original case. */
  | Readonly<{ _tag: 'InactionAgainstSameEmployee'; employee: Nip }>

  // --- who may ----------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'NotAllowedToSummon'; actor: Nip; role: Role }>
  | Readonly<{ _tag: 'NotAllowedToFormTim'; actor: Nip; role: Role }>
  | Readonly<{ _tag: 'NotAnExaminer'; actor: Nip }>
  | Readonly<{ _tag: 'NotAllowedToDeliver'; actor: Nip; role: Role }>
  | Readonly<{ _tag: 'NotSystem'; actor: Nip; role: Role }>
  | Readonly<{ _tag: 'NotSystemOrOperator'; actor: Nip; role: Role }>
  | Readonly<{ _tag: 'OfficialIsEmployee'; employee: Nip }>
  /** BR-19: the official holds no authority for this sanction on this employee; `authorised` names who does. */
  | Readonly<{
      _tag: 'NotAuthorised';
      official: Nip;
      officialRank: OfficialRank | null;
      officialIsSuperior: boolean;
      employeeGrade: EmployeeGrade | null;
      sanction: SanctionType;
      level: SanctionLevel;
      asOf: LocalDate;
      table: string;
      authorised: ReadonlyArray<AuthorisedOfficial>;
    }>
  | Readonly<{
      _tag: 'NotAuthorisedToDismiss';
      official: Nip;
      officialRank: OfficialRank | null;
      employeeGrade: EmployeeGrade | null;
      asOf: LocalDate;
      table: string;
    }>

  // --- when -------------------------------------------------------------------------------------------------------
  /** Summons, Tim, examination and decision belong to a reported case that is not decided yet. */
  | Readonly<{ _tag: 'CaseAlreadyDecided'; status: DisciplineStatus }>
  | Readonly<{ _tag: 'NoDecision'; status: DisciplineStatus }>
  | Readonly<{ _tag: 'DecisionAlreadyDelivered'; deliveredAt: Date }>
  | Readonly<{ _tag: 'DecisionNotDelivered'; status: DisciplineStatus }>
  | Readonly<{ _tag: 'SanctionAlreadyServed'; servedAt: Date }>

  // --- summons and examination ------------------------------------------------------------------------------------
  /** PP 94/2021 Ps 26: the date is at least the notice (7 working days) after the day of the summons. */
  | Readonly<{ _tag: 'SummonsTooSoon'; earliest: LocalDate; given: LocalDate }>
  | Readonly<{ _tag: 'SummonsLimitReached' }>
  /** A second summons follows a first one the employee ignored. */
  | Readonly<{ _tag: 'FirstSummonsNotIgnored'; date: LocalDate }>
  | Readonly<{ _tag: 'NoSummons' }>
  | Readonly<{ _tag: 'SummonsAlreadyIgnored'; n: 1 | 2 }>
  /** An examination was recorded since the summons: the employee came. */
  | Readonly<{ _tag: 'SummonsAttended'; n: 1 | 2 }>
  | Readonly<{ _tag: 'SummonsDateNotPassed'; n: 1 | 2; date: LocalDate }>
  /** The employee did not appear on the latest summons: summon again, or decide on the evidence after the second. */
  | Readonly<{ _tag: 'EmployeeDidNotAppear'; n: 1 | 2 }>
  | Readonly<{ _tag: 'ExaminationBeforeSummonsDate'; date: LocalDate }>
  | CalendarNotCovering

  // --- Tim Pemeriksa ----------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'TimAlreadyFormed'; formedAt: Date }>
  /** A Tim Pemeriksa has the superior, oversight and personnel among its members. */
  | Readonly<{ _tag: 'TimIncomplete'; missing: ReadonlyArray<TimElement> }>
  | Readonly<{ _tag: 'TimAtasanNotSuperior'; nip: Nip; superiors: ReadonlyArray<Nip> }>
  | Readonly<{ _tag: 'EmployeeOnTim'; employee: Nip }>
  | Readonly<{ _tag: 'TimMembersNotDistinct'; nip: Nip }>

  // --- the decision -----------------------------------------------------------------------------------------------
  /** No sanction without an examination, unless the employee ignored the second summons. */
  | Readonly<{ _tag: 'NotExamined' }>
  /** BR-17: a berat sanction needs the Tim Pemeriksa's examination (or, on evidence only, a Tim formed). */
  | Readonly<{ _tag: 'TimPemeriksaRequired'; sanction: SanctionType; timFormed: boolean; evidenceOnly: boolean }>
  /** BR-18: the superior who did not act gets a heavier sanction than the original case's. */
  | Readonly<{ _tag: 'SanctionNotHeavier'; mustExceed: Sanction; given: Sanction }>
  /** BR-15/BR-16: absence-based cases impose the sanction the rule gives (or are dismissed). */
  | Readonly<{ _tag: 'SanctionNotAsProposed'; proposed: Sanction; given: Sanction }>
  | Readonly<{ _tag: 'EffectiveDateBeforeDecision'; inForceFrom: LocalDate; decidedOn: LocalDate }>

  // --- delivery, served -------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'DeliveryNotOverdue'; deadline: Date }>
  | Readonly<{ _tag: 'OverdueAlreadyRecorded' }>
  | Readonly<{ _tag: 'SanctionStillInForce'; from: LocalDate; until: LocalDate | null }>

  // --- review (BR-20, BR-21) --------------------------------------------------------------------------------------
  /** Banding (BPASN) is against a dismissal; keberatan against any other sanction. */
  | Readonly<{ _tag: 'WrongReviewSource'; source: ReviewSource; sanction: Sanction }>
  | Readonly<{ _tag: 'AlreadyReviewed'; source: ReviewSource; outcome: ReviewOutcome }>
  | Readonly<{ _tag: 'ReviewSanctionMissing'; outcome: ReviewOutcome }>
  /** The review names a sanction BR-14 does not have (a wrong level, a cut of 3 months, a kind on a teguran). */
  | Readonly<{ _tag: 'ReviewSanctionInvalid'; problem: string }>
  | Readonly<{ _tag: 'ReviewSanctionUnexpected'; outcome: ReviewOutcome }>
  | Readonly<{ _tag: 'ReviewSanctionNotLighter'; previous: Sanction; given: Sanction }>
  | Readonly<{ _tag: 'ReviewSanctionNotHeavier'; previous: Sanction; given: Sanction }>
  | Readonly<{ _tag: 'ReviewSanctionUnchanged'; sanction: Sanction }>;

export type DisciplineErrorTag = DisciplineError['_tag'];

/** The error with tag `Tag`, e.g. `DisciplineErrorOf<'NotAuthorised'>`. */
export type DisciplineErrorOf<Tag extends DisciplineErrorTag> = Extract<DisciplineError, Readonly<{ _tag: Tag }>>;

const iso = (d: Date): string => d.toISOString();
const list = (xs: ReadonlyArray<string>): string => (xs.length === 0 ? 'nobody' : xs.join(', '));

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeDisciplineError = (error: DisciplineError): string => {
  switch (error._tag) {
    case 'CaseNotReported':
      return `discipline case ${error.caseId} has not been reported`;
    case 'CaseAlreadyReported':
      return `discipline case ${error.caseId} is already reported`;
    case 'CaseClosed':
      return `discipline case ${error.caseId} is ${error.status} and accepts nothing more`;
    case 'WrongCase':
      return `the command is for case ${error.given} but was run against case ${error.caseId}`;
    case 'CaseIdMismatch':
      return `a case id starts with the NIP of its employee: ${error.caseId} is not a case against ${error.employee}`;
    case 'EmployeeNotInRoster':
      return `employee ${error.employee} holds no position in the roster on ${error.asOf}`;
    case 'NotASuperior':
      return `${error.actor} is not a superior of ${error.employee} (the line of superiors is ${list(error.superiors)})`;
    case 'NotAllowedToReport':
      return `${error.actor}, acting as ${error.role}, may not report a breach from source ${error.source}`;
    case 'ProposalInconsistent':
      return `${error.rule}: the counted days give ${error.expected === null ? 'no sanction' : describeSanction(error.expected)}, not ${describeSanction(error.given)}`;
    case 'InactionAgainstSameEmployee':
      return `BR-18: a case for a superior's inaction is against the superior, not the employee ${error.employee} of the original case`;
    case 'NotAllowedToSummon':
      return `${error.actor}, acting as ${error.role}, is neither a superior of the employee, a Tim Pemeriksa member nor an authorised official`;
    case 'NotAllowedToFormTim':
      return `a Tim Pemeriksa is formed by the PPK or an official authorised to punish; ${error.actor} acts as ${error.role}`;
    case 'NotAnExaminer':
      return `${error.actor} is neither a superior of the employee nor a member of the Tim Pemeriksa`;
    case 'NotAllowedToDeliver':
      return `${error.actor}, acting as ${error.role}, may not deliver the decision`;
    case 'NotSystem':
      return `only the system may do this; ${error.actor} acts as ${error.role}`;
    case 'NotSystemOrOperator':
      return `only the system or an operator may do this; ${error.actor} acts as ${error.role}`;
    case 'OfficialIsEmployee':
      return `${error.employee} cannot decide their own case`;
    case 'NotAuthorised':
      return `BR-19: ${error.official} (${error.officialRank ?? 'no authorised position'}${error.officialIsSuperior ? ', a superior' : ', not a superior'}) may not impose ${error.sanction} (${error.level}) on a ${error.employeeGrade ?? 'employee without position'} on ${error.asOf} under ${error.table}; authorised: ${list(error.authorised.map((a) => `${a.official} (${a.scope}, ${a.article})`))}`;
    case 'NotAuthorisedToDismiss':
      return `BR-19: ${error.official} (${error.officialRank ?? 'no authorised position'}) holds no authority over a ${error.employeeGrade ?? 'employee without position'} on ${error.asOf} under ${error.table}`;
    case 'CaseAlreadyDecided':
      return `the case is ${error.status}: it has been decided`;
    case 'NoDecision':
      return `the case is ${error.status}: no sanction has been decided`;
    case 'DecisionAlreadyDelivered':
      return `the decision was delivered at ${iso(error.deliveredAt)}`;
    case 'DecisionNotDelivered':
      return `the case is ${error.status}: the decision has not been delivered`;
    case 'SanctionAlreadyServed':
      return `the sanction was recorded as served at ${iso(error.servedAt)}`;
    case 'SummonsTooSoon':
      return `a summons gives at least the notice the policy sets: the earliest date is ${error.earliest}, not ${error.given}`;
    case 'SummonsLimitReached':
      return 'the employee has been summoned twice; decide on the evidence there is';
    case 'FirstSummonsNotIgnored':
      return `a second summons follows a first summons the employee ignored (the first is for ${error.date})`;
    case 'NoSummons':
      return 'the employee has not been summoned';
    case 'SummonsAlreadyIgnored':
      return `summons ${error.n} is already recorded as ignored`;
    case 'SummonsAttended':
      return `the employee was examined after summons ${error.n}`;
    case 'SummonsDateNotPassed':
      return `summons ${error.n} is for ${error.date}: it can be recorded as ignored once that day has passed`;
    case 'EmployeeDidNotAppear':
      return `the employee did not appear on summons ${error.n}`;
    case 'ExaminationBeforeSummonsDate':
      return `the examination is on or after the summons date ${error.date}`;
    case 'CalendarNotCovering':
      return `the holiday calendar ${error.calendar} does not cover ${error.date}`;
    case 'TimAlreadyFormed':
      return `a Tim Pemeriksa was formed at ${iso(error.formedAt)}`;
    case 'TimIncomplete':
      return `a Tim Pemeriksa needs the elements ${error.missing.join(', ')}`;
    case 'TimAtasanNotSuperior':
      return `${error.nip} sits on the Tim as the superior but is not in the employee's line of superiors (${list(error.superiors)})`;
    case 'EmployeeOnTim':
      return `the employee ${error.employee} cannot sit on their own Tim Pemeriksa`;
    case 'TimMembersNotDistinct':
      return `${error.nip} is named twice on the Tim Pemeriksa`;
    case 'NotExamined':
      return 'no examination has been recorded and the employee did not ignore a second summons';
    case 'TimPemeriksaRequired':
      return `BR-17: ${error.sanction} is berat: it needs ${error.evidenceOnly ? 'a Tim Pemeriksa formed' : "the Tim Pemeriksa's examination"}`;
    case 'SanctionNotHeavier':
      return `BR-18: the superior who did not act gets a sanction heavier than ${describeSanction(error.mustExceed)}, not ${describeSanction(error.given)}`;
    case 'SanctionNotAsProposed':
      return `the absence records give ${describeSanction(error.proposed)}, not ${describeSanction(error.given)}; dismiss the case if the absences are not proven`;
    case 'EffectiveDateBeforeDecision':
      return `the sanction cannot take effect on ${error.inForceFrom}, before the decision (${error.decidedOn})`;
    case 'DeliveryNotOverdue':
      return `the delivery deadline ${iso(error.deadline)} has not passed`;
    case 'OverdueAlreadyRecorded':
      return 'the overdue delivery has already been escalated';
    case 'SanctionStillInForce':
      return `the sanction runs from ${error.from}${error.until === null ? '' : ` until ${error.until}`}`;
    case 'WrongReviewSource':
      return `${error.source === 'banding' ? 'banding goes against a dismissal' : 'keberatan goes against a sanction other than dismissal'}, not ${describeSanction(error.sanction)}`;
    case 'AlreadyReviewed':
      return `the sanction was already reviewed (${error.source}: ${error.outcome})`;
    case 'ReviewSanctionMissing':
      return `a review that ${error.outcome} names the new sanction`;
    case 'ReviewSanctionInvalid':
      return `the review names no sanction of BR-14: ${error.problem}`;
    case 'ReviewSanctionUnexpected':
      return `a review that ${error.outcome} names no new sanction`;
    case 'ReviewSanctionNotLighter':
      return `${describeSanction(error.given)} is not lighter than ${describeSanction(error.previous)}`;
    case 'ReviewSanctionNotHeavier':
      return `${describeSanction(error.given)} is not heavier than ${describeSanction(error.previous)}`;
    case 'ReviewSanctionUnchanged':
      return `the review changes nothing: the sanction is ${describeSanction(error.sanction)} already`;
  }
};
