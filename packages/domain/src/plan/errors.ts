/**
 * Why the plan refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs to
 * correct the request (the expected and the given value, the status the plan is in).
 */
import type { LocalDate, Nip, PlanId, Role, UnitId } from '../core';
import type { IkiId, RhkId } from './ids';
import type { Aspect, PlanStatus, RhkRef } from './plan';

export type PlanError =
  // --- which plan -------------------------------------------------------------------------------------------------
  /** Any command but DraftPlan on a plan that has not been drafted. */
  | Readonly<{ _tag: 'PlanNotDrafted'; plan: PlanId }>
  /** A plan is drafted once per employee and period. */
  | Readonly<{ _tag: 'PlanAlreadyDrafted'; plan: PlanId }>
  /** After close, every command is refused with this. */
  | Readonly<{ _tag: 'PlanClosed'; plan: PlanId; closedAt: Date }>
  /** The command names another plan than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongPlan'; plan: PlanId; given: PlanId }>

  // --- the header (DraftPlan) -------------------------------------------------------------------------------------
  /** A plan id is `<employee nip>.<period>`. */
  | Readonly<{ _tag: 'PlanIdMismatch'; expected: PlanId; given: PlanId }>
  | Readonly<{ _tag: 'PeriodEndNotAfterStart'; periodStart: Date; periodEnd: Date }>
  /** No plan is drafted, and no approved plan amended, once its period is over. */
  | Readonly<{ _tag: 'PeriodEnded'; periodEnd: Date }>
  /** Employee, appraiser and the appraiser's superior are three different people. */
  | Readonly<{ _tag: 'HeaderNipsNotDistinct'; employee: Nip; appraiser: Nip; appraiserSuperior: Nip }>
  /** The appraiser must be the employee's superior in the roster on the draft date; `expected` null: none there. */
  | Readonly<{ _tag: 'AppraiserNotSuperior'; expected: Nip | null; given: Nip; asOf: LocalDate }>
  | Readonly<{ _tag: 'AppraiserSuperiorMismatch'; expected: Nip | null; given: Nip; asOf: LocalDate }>
  | Readonly<{ _tag: 'UnitMismatch'; expected: UnitId | null; given: UnitId; asOf: LocalDate }>

  // --- who may ----------------------------------------------------------------------------------------------------
  /** Drafting, editing, submitting and starting an amendment are the employee's. */
  | Readonly<{ _tag: 'NotTheEmployee'; employee: Nip; actor: Nip }>
  /** Approving, returning and leader expectations are the appraiser's named on the plan. */
  | Readonly<{ _tag: 'NotTheAppraiser'; appraiser: Nip; actor: Nip }>
  /** Realisations and feedback come from the employee or the appraiser. */
  | Readonly<{ _tag: 'NotAParticipant'; employee: Nip; appraiser: Nip; actor: Nip }>
  /** Closing is for the employee, the appraiser, an operator or the system. */
  | Readonly<{ _tag: 'NotAllowedToClose'; actor: Nip; role: Role }>

  // --- when -------------------------------------------------------------------------------------------------------
  /** RHK, IKI and submission need a draft; leader expectations a draft or a submitted plan. Approved: amend first. */
  | Readonly<{ _tag: 'PlanNotEditable'; status: PlanStatus }>
  | Readonly<{ _tag: 'PlanNotSubmitted'; status: PlanStatus }>
  /** Only an approved plan can be amended. */
  | Readonly<{ _tag: 'PlanNotApproved'; status: PlanStatus }>
  /** Realisations count against approved targets: none before the first approval. */
  | Readonly<{ _tag: 'RealisationBeforeApproval'; status: PlanStatus }>
  | Readonly<{ _tag: 'PeriodNotEnded'; periodEnd: Date }>

  // --- RHK and IKI ------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'DuplicateRhk'; rhk: RhkId }>
  | Readonly<{ _tag: 'UnknownRhk'; rhk: RhkId }>
  | Readonly<{ _tag: 'DuplicateIki'; iki: IkiId }>
  | Readonly<{ _tag: 'UnknownIki'; iki: IkiId }>
  /** The IKI is in the working plan but not in the approved revision (added during an amendment). */
  | Readonly<{ _tag: 'IkiNotApproved'; iki: IkiId }>
  /** An RHK cascades only from an RHK of the appraiser's own plan for the same year. */
  | Readonly<{ _tag: 'InterventionNotInAppraiserPlan'; appraiser: Nip; given: RhkRef }>
  | Readonly<{ _tag: 'IkiWithoutTarget'; iki: IkiId }>
  | Readonly<{ _tag: 'TargetNotPositive'; iki: IkiId; aspect: Aspect; value: number }>
  /** Kualitas is a percentage: a target or a realised value above 100 is a typing mistake. */
  | Readonly<{ _tag: 'KualitasAbove100'; iki: IkiId; percent: number }>

  // --- submit and return ------------------------------------------------------------------------------------------
  /** A plan is submitted with at least one RHK utama that has at least one IKI. */
  | Readonly<{ _tag: 'NoRhkUtamaWithIki' }>
  /** Every RHK is measured by at least one IKI before the plan is submitted. */
  | Readonly<{ _tag: 'RhkWithoutIki'; rhk: RhkId }>
  | Readonly<{ _tag: 'NoReturnReason' }>

  // --- realisation ------------------------------------------------------------------------------------------------
  /** A realisation is backed by at least one bukti dukung. */
  | Readonly<{ _tag: 'NoEvidence'; iki: IkiId }>
  | Readonly<{ _tag: 'NoRealisedValue'; iki: IkiId }>
  /** A value for an aspect the IKI set no target for. */
  | Readonly<{ _tag: 'AspectNotTargeted'; iki: IkiId; aspect: Aspect }>
  | Readonly<{ _tag: 'RealisedValueNegative'; iki: IkiId; aspect: Aspect; value: number }>;

export type PlanErrorTag = PlanError['_tag'];

/** The error with tag `Tag`, e.g. `PlanErrorOf<'NotTheAppraiser'>`. */
export type PlanErrorOf<Tag extends PlanErrorTag> = Extract<PlanError, Readonly<{ _tag: Tag }>>;

const who = (nip: Nip | null): string => (nip === null ? 'nobody' : nip);
const iso = (d: Date): string => d.toISOString();
const ref = (r: RhkRef): string => `RHK "${r.rhk}" of plan ${r.plan}`;

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describePlanError = (error: PlanError): string => {
  switch (error._tag) {
    case 'PlanNotDrafted':
      return `plan ${error.plan} has not been drafted`;
    case 'PlanAlreadyDrafted':
      return `plan ${error.plan} is already drafted`;
    case 'PlanClosed':
      return `plan ${error.plan} was closed at ${iso(error.closedAt)} and accepts no more changes`;
    case 'WrongPlan':
      return `the command is for plan ${error.given} but was run against plan ${error.plan}`;
    case 'PlanIdMismatch':
      return `a plan id is <employee nip>.<period>: expected ${error.expected}, got ${error.given}`;
    case 'PeriodEndNotAfterStart':
      return `the period must end after it starts (${iso(error.periodStart)} → ${iso(error.periodEnd)})`;
    case 'PeriodEnded':
      return `the period ended at ${iso(error.periodEnd)}`;
    case 'HeaderNipsNotDistinct':
      return `employee ${error.employee}, appraiser ${error.appraiser} and the appraiser's superior ${error.appraiserSuperior} must be three different people`;
    case 'AppraiserNotSuperior':
      return `the appraiser must be the employee's superior on ${error.asOf}: the roster names ${who(error.expected)}, the plan ${error.given}`;
    case 'AppraiserSuperiorMismatch':
      return `the appraiser's superior on ${error.asOf} is ${who(error.expected)} in the roster, not ${error.given}`;
    case 'UnitMismatch':
      return `the employee's unit on ${error.asOf} is ${error.expected ?? 'none'} in the roster, not ${error.given}`;
    case 'NotTheEmployee':
      return `only the employee ${error.employee} may do this; ${error.actor} may not`;
    case 'NotTheAppraiser':
      return `only the appraiser ${error.appraiser} named on the plan may do this; ${error.actor} may not`;
    case 'NotAParticipant':
      return `only the employee ${error.employee} or the appraiser ${error.appraiser} may do this; ${error.actor} may not`;
    case 'NotAllowedToClose':
      return `a plan is closed by its employee, its appraiser, an operator or the system; ${error.actor} acts as ${error.role}`;
    case 'PlanNotEditable':
      return error.status === 'approved'
        ? 'the plan is approved: start an amendment to change it'
        : `the plan is ${error.status} and cannot be changed now`;
    case 'PlanNotSubmitted':
      return `the plan is ${error.status}, not submitted`;
    case 'PlanNotApproved':
      return `only an approved plan can be amended; the plan is ${error.status}`;
    case 'RealisationBeforeApproval':
      return `realisations are recorded once the plan has been approved; it is ${error.status} and was never approved`;
    case 'PeriodNotEnded':
      return `the plan can be closed from ${iso(error.periodEnd)}, when its period ends`;
    case 'DuplicateRhk':
      return `the plan already has an RHK "${error.rhk}"`;
    case 'UnknownRhk':
      return `the plan has no RHK "${error.rhk}"`;
    case 'DuplicateIki':
      return `the plan already has an IKI "${error.iki}"`;
    case 'UnknownIki':
      return `the plan has no IKI "${error.iki}"`;
    case 'IkiNotApproved':
      return `IKI "${error.iki}" is not in the approved plan yet; realisations count against approved targets`;
    case 'InterventionNotInAppraiserPlan':
      return `an RHK can only intervene in an RHK of the appraiser's (${error.appraiser}) own plan for the same year, not ${ref(error.given)}`;
    case 'IkiWithoutTarget':
      return `IKI "${error.iki}" needs a target for at least one aspect (kuantitas, kualitas, waktu, biaya)`;
    case 'TargetNotPositive':
      return `IKI "${error.iki}": the ${error.aspect} target must be above 0, got ${error.value}`;
    case 'KualitasAbove100':
      return `IKI "${error.iki}": kualitas is a percentage of at most 100, got ${error.percent}`;
    case 'NoRhkUtamaWithIki':
      return 'a plan is submitted with at least one RHK utama that has at least one IKI';
    case 'RhkWithoutIki':
      return `RHK "${error.rhk}" has no IKI to measure it`;
    case 'NoReturnReason':
      return 'a plan is returned with at least one reason';
    case 'NoEvidence':
      return `a realisation of IKI "${error.iki}" needs at least one bukti dukung`;
    case 'NoRealisedValue':
      return `a realisation of IKI "${error.iki}" needs a value for at least one aspect`;
    case 'AspectNotTargeted':
      return `IKI "${error.iki}" has no ${error.aspect} target, so no ${error.aspect} realisation`;
    case 'RealisedValueNegative':
      return `IKI "${error.iki}": the realised ${error.aspect} must be 0 or more, got ${error.value}`;
  }
};
