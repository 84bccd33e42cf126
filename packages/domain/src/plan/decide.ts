/**
 * What the plan decides: the commands it accepts, one function per command, then `decide`, which runs the guards
 * every command shares before handing over, and `planDecider`.
 *
 * Each function checks, in this order: who asks, whether the plan is in a status that allows it, then what is
 * asked. The first rule broken is the answer; nothing is appended for a refused command.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { planIdOf, type Command, type CommandMetadata, type Decider, type PlanId } from '../core';
import type { PlanError } from './errors';
import type { IkiId, RhkId } from './ids';
import {
  ASPECTS,
  evolve,
  findIki,
  findRhk,
  headerOf,
  initialState,
  isTerminal,
  targetValue,
  type CoreValue,
  type DraftedPlan,
  type EmptyPlan,
  type Evidence,
  type FeedbackKind,
  type OpenPlan,
  type PlanEvent,
  type PlanHeader,
  type PlanState,
  type Realised,
  type RhkKind,
  type RhkRef,
  type RosterFacts,
  type SubmittedPlan,
  type Targets,
} from './plan';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its plan: the engine loads the stream from it.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The employee drafts their plan. `roster` is not the client's to give: the engine reads the roster as of the
 * draft date and fills it in (the HTTP edge decodes `DraftPlanRequestCodec`, which has no such field).
 */
export type DraftPlan = Command<'DraftPlan', PlanHeader & Readonly<{ roster: RosterFacts }>>;

type RhkFields = Readonly<{ plan: PlanId; rhk: RhkId; kind: RhkKind; description: string; intervenesIn?: RhkRef }>;
export type AddRhk = Command<'AddRhk', RhkFields>;
/** Replaces the RHK's kind, description and intervention; its IKI stay. */
export type ChangeRhk = Command<'ChangeRhk', RhkFields>;
/** Removes the RHK with its IKI. */
export type RemoveRhk = Command<'RemoveRhk', Readonly<{ plan: PlanId; rhk: RhkId }>>;

type IkiFields = Readonly<{ plan: PlanId; iki: IkiId; description: string; targets: Targets }>;
export type AddIki = Command<'AddIki', IkiFields & Readonly<{ rhk: RhkId }>>;
/** Replaces the IKI's description and targets (an aspect left out is no longer targeted). */
export type ChangeIki = Command<'ChangeIki', IkiFields>;
export type RemoveIki = Command<'RemoveIki', Readonly<{ plan: PlanId; iki: IkiId }>>;

export type SetLeaderExpectation = Command<
  'SetLeaderExpectation',
  Readonly<{ plan: PlanId; value: CoreValue; expectation: string }>
>;
export type ClearLeaderExpectation = Command<'ClearLeaderExpectation', Readonly<{ plan: PlanId; value: CoreValue }>>;

export type SubmitPlan = Command<'SubmitPlan', Readonly<{ plan: PlanId }>>;
export type ApprovePlan = Command<'ApprovePlan', Readonly<{ plan: PlanId }>>;
export type ReturnPlan = Command<'ReturnPlan', Readonly<{ plan: PlanId; reasons: ReadonlyArray<string> }>>;
export type StartAmendment = Command<'StartAmendment', Readonly<{ plan: PlanId; reason: string }>>;

export type RecordRealisation = Command<
  'RecordRealisation',
  Readonly<{ plan: PlanId; iki: IkiId; realised: Realised; evidence: ReadonlyArray<Evidence> }>
>;
export type RecordFeedback = Command<'RecordFeedback', Readonly<{ plan: PlanId; kind: FeedbackKind; note: string }>>;

export type ClosePlan = Command<'ClosePlan', Readonly<{ plan: PlanId }>>;

export type PlanCommand =
  | DraftPlan
  | AddRhk
  | ChangeRhk
  | RemoveRhk
  | AddIki
  | ChangeIki
  | RemoveIki
  | SetLeaderExpectation
  | ClearLeaderExpectation
  | SubmitPlan
  | ApprovePlan
  | ReturnPlan
  | StartAmendment
  | RecordRealisation
  | RecordFeedback
  | ClosePlan;

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<PlanError, ReadonlyArray<PlanEvent>>;

const refuse = (error: PlanError): Decision => left(error);
const accept = (...events: ReadonlyArray<PlanEvent>): Decision => right(events);
/** Accepted, and nothing changes: the plan already reads as asked (a repeat is harmless). */
const alreadySo: Decision = right([]);

const ended = (metadata: CommandMetadata, header: PlanHeader): boolean =>
  metadata.now.getTime() >= header.periodEnd.getTime();

/** RHK, IKI and submission: the employee's, on a draft. An approved plan is amended first. */
const employeeOnDraft = (
  metadata: CommandMetadata,
  state: OpenPlan,
  then: (plan: DraftedPlan) => Decision,
): Decision => {
  if (metadata.actor.nip !== state.header.employee)
    return refuse({ _tag: 'NotTheEmployee', employee: state.header.employee, actor: metadata.actor.nip });
  if (state.status !== 'draft') return refuse({ _tag: 'PlanNotEditable', status: state.status });
  return then(state);
};

/** Ekspektasi khusus pimpinan: the appraiser's, while the plan is not yet approved. */
const appraiserBeforeApproval = (
  metadata: CommandMetadata,
  state: OpenPlan,
  then: (plan: DraftedPlan | SubmittedPlan) => Decision,
): Decision => {
  if (metadata.actor.nip !== state.header.appraiser)
    return refuse({ _tag: 'NotTheAppraiser', appraiser: state.header.appraiser, actor: metadata.actor.nip });
  if (state.status === 'approved') return refuse({ _tag: 'PlanNotEditable', status: state.status });
  return then(state);
};

/** Approve and return: the appraiser named on the plan, on a submitted plan. */
const appraiserOnSubmitted = (
  metadata: CommandMetadata,
  state: OpenPlan,
  then: (plan: SubmittedPlan) => Decision,
): Decision => {
  if (metadata.actor.nip !== state.header.appraiser)
    return refuse({ _tag: 'NotTheAppraiser', appraiser: state.header.appraiser, actor: metadata.actor.nip });
  if (state.status !== 'submitted') return refuse({ _tag: 'PlanNotSubmitted', status: state.status });
  return then(state);
};

/** Realisations and feedback: the two people the plan is between. */
const participant = (metadata: CommandMetadata, state: OpenPlan): PlanError | undefined => {
  const { employee, appraiser } = state.header;
  return metadata.actor.nip === employee || metadata.actor.nip === appraiser
    ? undefined
    : { _tag: 'NotAParticipant', employee, appraiser, actor: metadata.actor.nip };
};

/**
 * An RHK cascades from an RHK of the appraiser's own plan for the same year. Plan ids are `<nip>.<period>` and
 * periods start with the year, so the prefix says both. Whether that RHK exists is the engine's to check: the
 * decider sees only this plan.
 */
const interventionProblem = (header: PlanHeader, ref: RhkRef | undefined): PlanError | undefined =>
  ref === undefined || ref.plan.startsWith(`${header.appraiser}.${header.period.slice(0, 4)}`)
    ? undefined
    : { _tag: 'InterventionNotInAppraiserPlan', appraiser: header.appraiser, given: ref };

/** At least one aspect; every target above zero; kualitas a percentage. */
const targetsProblem = (iki: IkiId, targets: Targets): PlanError | undefined => {
  const aspects = ASPECTS.filter((aspect) => targetValue(targets, aspect) !== undefined);
  if (aspects.length === 0) return { _tag: 'IkiWithoutTarget', iki };
  for (const aspect of aspects) {
    const value = targetValue(targets, aspect) ?? Number.NaN;
    // Written as "not above zero" so that NaN, which a typed caller could pass, is refused too.
    if (!(value > 0)) return { _tag: 'TargetNotPositive', iki, aspect, value };
  }
  const percent = targets.kualitas?.percent;
  return percent !== undefined && percent > 100 ? { _tag: 'KualitasAbove100', iki, percent } : undefined;
};

const sameRef = (a: RhkRef | undefined, b: RhkRef | undefined): boolean => a?.plan === b?.plan && a?.rhk === b?.rhk;

const sameTargets = (a: Targets, b: Targets): boolean =>
  ASPECTS.every((aspect) => targetValue(a, aspect) === targetValue(b, aspect)) &&
  a.kuantitas?.unit === b.kuantitas?.unit &&
  a.waktu?.unit === b.waktu?.unit;

/** The event data of an RHK, field by field, so that nothing a caller added rides along into the log. */
const rhkData = (data: RhkFields): RhkFields => ({
  plan: data.plan,
  rhk: data.rhk,
  kind: data.kind,
  description: data.description,
  ...(data.intervenesIn === undefined ? {} : { intervenesIn: data.intervenesIn }),
});

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const draftPlan = ({ data, metadata }: DraftPlan, state: EmptyPlan | OpenPlan): Decision => {
  if (state.status !== 'empty') return refuse({ _tag: 'PlanAlreadyDrafted', plan: state.header.plan });
  const { employee, appraiser, appraiserSuperior, roster } = data;
  if (metadata.actor.nip !== employee) return refuse({ _tag: 'NotTheEmployee', employee, actor: metadata.actor.nip });
  const expected = planIdOf(employee, data.period);
  if (data.plan !== expected) return refuse({ _tag: 'PlanIdMismatch', expected, given: data.plan });
  if (data.periodEnd.getTime() <= data.periodStart.getTime())
    return refuse({ _tag: 'PeriodEndNotAfterStart', periodStart: data.periodStart, periodEnd: data.periodEnd });
  if (ended(metadata, data)) return refuse({ _tag: 'PeriodEnded', periodEnd: data.periodEnd });
  if (new Set([employee, appraiser, appraiserSuperior]).size !== 3)
    return refuse({ _tag: 'HeaderNipsNotDistinct', employee, appraiser, appraiserSuperior });
  // The header must agree with the roster on the draft date [reg: the header names the direct superior].
  if (roster.employeeSuperior !== appraiser)
    return refuse({ _tag: 'AppraiserNotSuperior', expected: roster.employeeSuperior, given: appraiser, asOf: roster.asOf });
  if (roster.appraiserSuperior !== appraiserSuperior)
    return refuse({
      _tag: 'AppraiserSuperiorMismatch',
      expected: roster.appraiserSuperior,
      given: appraiserSuperior,
      asOf: roster.asOf,
    });
  if (roster.employeeUnit !== data.unit)
    return refuse({ _tag: 'UnitMismatch', expected: roster.employeeUnit, given: data.unit, asOf: roster.asOf });
  return accept({
    type: 'PlanDrafted',
    data: {
      ...headerOf(data),
      roster: {
        asOf: roster.asOf,
        employeeUnit: roster.employeeUnit,
        employeeSuperior: roster.employeeSuperior,
        appraiserSuperior: roster.appraiserSuperior,
      },
      at: metadata.now,
    },
  });
};

const addRhk = ({ data, metadata }: AddRhk, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    if (findRhk(plan.rhk, data.rhk) !== undefined) return refuse({ _tag: 'DuplicateRhk', rhk: data.rhk });
    const intervention = interventionProblem(plan.header, data.intervenesIn);
    if (intervention !== undefined) return refuse(intervention);
    return accept({ type: 'RhkAdded', data: rhkData(data) });
  });

const changeRhk = ({ data, metadata }: ChangeRhk, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    const current = findRhk(plan.rhk, data.rhk);
    if (current === undefined) return refuse({ _tag: 'UnknownRhk', rhk: data.rhk });
    const intervention = interventionProblem(plan.header, data.intervenesIn);
    if (intervention !== undefined) return refuse(intervention);
    const unchanged =
      current.kind === data.kind && current.description === data.description && sameRef(current.intervenesIn, data.intervenesIn);
    return unchanged ? alreadySo : accept({ type: 'RhkChanged', data: rhkData(data) });
  });

const removeRhk = ({ data, metadata }: RemoveRhk, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    const current = findRhk(plan.rhk, data.rhk);
    if (current === undefined) return refuse({ _tag: 'UnknownRhk', rhk: data.rhk });
    return accept({ type: 'RhkRemoved', data: { plan: data.plan, rhk: data.rhk, removedIki: current.iki.map((i) => i.id) } });
  });

const addIki = ({ data, metadata }: AddIki, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    if (findRhk(plan.rhk, data.rhk) === undefined) return refuse({ _tag: 'UnknownRhk', rhk: data.rhk });
    if (findIki(plan.rhk, data.iki) !== undefined) return refuse({ _tag: 'DuplicateIki', iki: data.iki });
    const problem = targetsProblem(data.iki, data.targets);
    if (problem !== undefined) return refuse(problem);
    const { plan: id, rhk, iki, description, targets } = data;
    return accept({ type: 'IkiAdded', data: { plan: id, rhk, iki, description, targets } });
  });

const changeIki = ({ data, metadata }: ChangeIki, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    const found = findIki(plan.rhk, data.iki);
    if (found === undefined) return refuse({ _tag: 'UnknownIki', iki: data.iki });
    const problem = targetsProblem(data.iki, data.targets);
    if (problem !== undefined) return refuse(problem);
    if (found.iki.description === data.description && sameTargets(found.iki.targets, data.targets)) return alreadySo;
    const { plan: id, iki, description, targets } = data;
    return accept({ type: 'IkiChanged', data: { plan: id, rhk: found.rhk.id, iki, description, targets } });
  });

const removeIki = ({ data, metadata }: RemoveIki, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    const found = findIki(plan.rhk, data.iki);
    if (found === undefined) return refuse({ _tag: 'UnknownIki', iki: data.iki });
    return accept({ type: 'IkiRemoved', data: { plan: data.plan, rhk: found.rhk.id, iki: data.iki } });
  });

const setLeaderExpectation = ({ data, metadata }: SetLeaderExpectation, state: OpenPlan): Decision =>
  appraiserBeforeApproval(metadata, state, (plan) =>
    plan.expectations[data.value] === data.expectation
      ? alreadySo
      : accept({
          type: 'LeaderExpectationSet',
          data: { plan: data.plan, value: data.value, expectation: data.expectation, setBy: metadata.actor.nip, at: metadata.now },
        }),
  );

const clearLeaderExpectation = ({ data, metadata }: ClearLeaderExpectation, state: OpenPlan): Decision =>
  appraiserBeforeApproval(metadata, state, (plan) =>
    plan.expectations[data.value] === undefined
      ? alreadySo
      : accept({
          type: 'LeaderExpectationCleared',
          data: { plan: data.plan, value: data.value, clearedBy: metadata.actor.nip, at: metadata.now },
        }),
  );

const submitPlan = ({ data, metadata }: SubmitPlan, state: OpenPlan): Decision =>
  employeeOnDraft(metadata, state, (plan) => {
    if (!plan.rhk.some((r) => r.kind === 'utama' && r.iki.length > 0)) return refuse({ _tag: 'NoRhkUtamaWithIki' });
    const unmeasured = plan.rhk.find((r) => r.iki.length === 0);
    if (unmeasured !== undefined) return refuse({ _tag: 'RhkWithoutIki', rhk: unmeasured.id });
    return accept({ type: 'PlanSubmitted', data: { plan: data.plan, submittedBy: metadata.actor.nip, at: metadata.now } });
  });

const approvePlan = ({ data, metadata }: ApprovePlan, state: OpenPlan): Decision =>
  appraiserOnSubmitted(metadata, state, (plan) =>
    accept({
      type: 'PlanApproved',
      data: { plan: data.plan, revision: plan.revision + 1, approvedBy: metadata.actor.nip, at: metadata.now },
    }),
  );

const returnPlan = ({ data, metadata }: ReturnPlan, state: OpenPlan): Decision =>
  appraiserOnSubmitted(metadata, state, () =>
    data.reasons.length === 0
      ? refuse({ _tag: 'NoReturnReason' })
      : accept({
          type: 'PlanReturned',
          data: { plan: data.plan, reasons: [...data.reasons], returnedBy: metadata.actor.nip, at: metadata.now },
        }),
  );

const startAmendment = ({ data, metadata }: StartAmendment, state: OpenPlan): Decision => {
  const { employee, periodEnd } = state.header;
  if (metadata.actor.nip !== employee) return refuse({ _tag: 'NotTheEmployee', employee, actor: metadata.actor.nip });
  if (state.status !== 'approved') return refuse({ _tag: 'PlanNotApproved', status: state.status });
  if (ended(metadata, state.header)) return refuse({ _tag: 'PeriodEnded', periodEnd });
  return accept({
    type: 'PlanAmendmentStarted',
    data: { plan: data.plan, reason: data.reason, revision: state.revision, startedBy: metadata.actor.nip, at: metadata.now },
  });
};

/** Checks each realised value against the approved IKI: targeted aspects only, not negative, kualitas ≤ 100 %. */
const realisedProblem = (iki: IkiId, targets: Targets, realised: Realised): PlanError | undefined => {
  const aspects = ASPECTS.filter((aspect) => realised[aspect] !== undefined);
  if (aspects.length === 0) return { _tag: 'NoRealisedValue', iki };
  for (const aspect of aspects) {
    const value = realised[aspect] ?? Number.NaN;
    if (targetValue(targets, aspect) === undefined) return { _tag: 'AspectNotTargeted', iki, aspect };
    if (!(value >= 0)) return { _tag: 'RealisedValueNegative', iki, aspect, value };
    if (aspect === 'kualitas' && value > 100) return { _tag: 'KualitasAbove100', iki, percent: value };
  }
  return undefined;
};

const recordRealisation = ({ data, metadata }: RecordRealisation, state: OpenPlan): Decision => {
  const notParticipant = participant(metadata, state);
  if (notParticipant !== undefined) return refuse(notParticipant);
  // Also during an amendment: the revision approved before it stays in force until the next approval.
  if (state.revision === 0) return refuse({ _tag: 'RealisationBeforeApproval', status: state.status });
  const found = findIki(state.approvedRhk, data.iki);
  if (found === undefined)
    return refuse({ _tag: findIki(state.rhk, data.iki) === undefined ? 'UnknownIki' : 'IkiNotApproved', iki: data.iki });
  if (data.evidence.length === 0) return refuse({ _tag: 'NoEvidence', iki: data.iki });
  const problem = realisedProblem(data.iki, found.iki.targets, data.realised);
  if (problem !== undefined) return refuse(problem);
  return accept({
    type: 'RealisationRecorded',
    data: {
      plan: data.plan,
      rhk: found.rhk.id,
      iki: data.iki,
      revision: state.revision,
      realised: data.realised,
      evidence: [...data.evidence],
      recordedBy: metadata.actor.nip,
      at: metadata.now,
    },
  });
};

const recordFeedback = ({ data, metadata }: RecordFeedback, state: OpenPlan): Decision => {
  const notParticipant = participant(metadata, state);
  if (notParticipant !== undefined) return refuse(notParticipant);
  return accept({
    type: 'FeedbackRecorded',
    data: { plan: data.plan, kind: data.kind, note: data.note, recordedBy: metadata.actor.nip, at: metadata.now },
  });
};

const closePlan = ({ data, metadata }: ClosePlan, state: OpenPlan): Decision => {
  const { actor } = metadata;
  const { employee, appraiser, periodEnd } = state.header;
  const mayClose = actor.nip === employee || actor.nip === appraiser || actor.role === 'operator' || actor.role === 'sistem';
  if (!mayClose) return refuse({ _tag: 'NotAllowedToClose', actor: actor.nip, role: actor.role });
  if (!ended(metadata, state.header)) return refuse({ _tag: 'PeriodNotEnded', periodEnd });
  return accept({
    type: 'PlanClosed',
    data: { plan: data.plan, closedFrom: state.status, revision: state.revision, closedBy: actor.nip, at: metadata.now },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: PlanCommand, state: PlanState): Decision => {
  // Guards every command shares, first to last: a closed plan refuses everything, whatever is asked; only
  // DraftPlan starts a plan; a command for another plan was routed to the wrong stream.
  if (state.status === 'closed') return refuse({ _tag: 'PlanClosed', plan: state.header.plan, closedAt: state.closedAt });
  if (command.type === 'DraftPlan') return draftPlan(command, state);
  if (state.status === 'empty') return refuse({ _tag: 'PlanNotDrafted', plan: command.data.plan });
  if (command.data.plan !== state.header.plan)
    return refuse({ _tag: 'WrongPlan', plan: state.header.plan, given: command.data.plan });

  switch (command.type) {
    case 'AddRhk':
      return addRhk(command, state);
    case 'ChangeRhk':
      return changeRhk(command, state);
    case 'RemoveRhk':
      return removeRhk(command, state);
    case 'AddIki':
      return addIki(command, state);
    case 'ChangeIki':
      return changeIki(command, state);
    case 'RemoveIki':
      return removeIki(command, state);
    case 'SetLeaderExpectation':
      return setLeaderExpectation(command, state);
    case 'ClearLeaderExpectation':
      return clearLeaderExpectation(command, state);
    case 'SubmitPlan':
      return submitPlan(command, state);
    case 'ApprovePlan':
      return approvePlan(command, state);
    case 'ReturnPlan':
      return returnPlan(command, state);
    case 'StartAmendment':
      return startAmendment(command, state);
    case 'RecordRealisation':
      return recordRealisation(command, state);
    case 'RecordFeedback':
      return recordFeedback(command, state);
    case 'ClosePlan':
      return closePlan(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent, PlanError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};
