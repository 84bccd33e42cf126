/**
 * io-ts codecs for the roster's commands (input from outside: unknown fields are refused, each named) and events
 * (stored facts: unknown fields are stripped, upcasters handle schema changes). Each codec is annotated with the
 * hand-written type it must produce, so the compiler keeps the two in step.
 */
import * as t from 'io-ts';
import { byType, commandCodec, eventCodec, LocalDate, Nip, PositionId, strictObject, text, UnitId } from '../core';
import type {
  AppointEmployee,
  ChangeParentUnit,
  ChangeReportingLine,
  CreatePosition,
  RecordDeparture,
  RegisterUnit,
  RosterCommand,
  TransferEmployee,
} from './decide';
import {
  DEPARTURE_REASONS,
  EMPLOYMENTS,
  JENJANG,
  LEVELS,
  LEVELS_WITHOUT_JENJANG,
  type DepartureReason,
  type EmployeeAppointed,
  type EmployeeLeft,
  type EmployeeTransferred,
  type Employment,
  type Jenjang,
  type Level,
  type LevelWithoutJenjang,
  type ParentUnitChanged,
  type PositionCreated,
  type PositionLevel,
  type ReportingLineChanged,
  type RosterEvent,
  type UnitRegistered,
} from './roster';

/** One of a fixed list of codes; the error lists them (`expected one of pns, pppk, got "honorer"`). */
const oneOf = <V extends string>(name: string, values: ReadonlyArray<V>): t.Type<V, V, unknown> => {
  const is = (u: unknown): u is V => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u);
  return new t.Type<V, V, unknown>(
    name,
    is,
    (u, c) =>
      is(u) ? t.success(u) : t.failure(u, c, `expected one of ${values.join(', ')}, got ${JSON.stringify(u)}`),
    (a) => a,
  );
};

export const LevelCodec: t.Type<Level, Level, unknown> = oneOf('Level', LEVELS);
export const LevelWithoutJenjangCodec: t.Type<LevelWithoutJenjang, LevelWithoutJenjang, unknown> = oneOf(
  'LevelWithoutJenjang',
  LEVELS_WITHOUT_JENJANG,
);
export const JenjangCodec: t.Type<Jenjang, Jenjang, unknown> = oneOf('Jenjang', JENJANG);
export const EmploymentCodec: t.Type<Employment, Employment, unknown> = oneOf('Employment', EMPLOYMENTS);
export const DepartureReasonCodec: t.Type<DepartureReason, DepartureReason, unknown> = oneOf(
  'DepartureReason',
  DEPARTURE_REASONS,
);

/** Names and titles from outside: non-blank, bounded. */
const Name = text(200);

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

export const RegisterUnitCodec: t.Type<RegisterUnit, unknown, unknown> = commandCodec(
  'RegisterUnit',
  strictObject('RegisterUnit.data', { unit: UnitId, name: Name }, { parent: UnitId }),
);

export const ChangeParentUnitCodec: t.Type<ChangeParentUnit, unknown, unknown> = commandCodec(
  'ChangeParentUnit',
  strictObject('ChangeParentUnit.data', { unit: UnitId, effectiveFrom: LocalDate }, { parent: UnitId }),
);

export const CreatePositionCodec: t.Type<CreatePosition, unknown, unknown> = commandCodec(
  'CreatePosition',
  strictObject(
    'CreatePosition.data',
    { position: PositionId, unit: UnitId, title: Name, level: LevelCodec },
    // Whether jenjang fits the level is a business rule: the decider refuses it with a tagged error.
    { jenjang: JenjangCodec, reportsTo: PositionId, head: t.boolean },
  ),
);

export const ChangeReportingLineCodec: t.Type<ChangeReportingLine, unknown, unknown> = commandCodec(
  'ChangeReportingLine',
  strictObject(
    'ChangeReportingLine.data',
    { position: PositionId, effectiveFrom: LocalDate },
    { reportsTo: PositionId },
  ),
);

export const AppointEmployeeCodec: t.Type<AppointEmployee, unknown, unknown> = commandCodec(
  'AppointEmployee',
  strictObject('AppointEmployee.data', {
    nip: Nip,
    name: Name,
    employment: EmploymentCodec,
    position: PositionId,
    effectiveFrom: LocalDate,
  }),
);

export const TransferEmployeeCodec: t.Type<TransferEmployee, unknown, unknown> = commandCodec(
  'TransferEmployee',
  strictObject('TransferEmployee.data', { nip: Nip, position: PositionId, effectiveFrom: LocalDate }),
);

export const RecordDepartureCodec: t.Type<RecordDeparture, unknown, unknown> = commandCodec(
  'RecordDeparture',
  strictObject('RecordDeparture.data', { nip: Nip, reason: DepartureReasonCodec, effectiveFrom: LocalDate }),
);

type CommandCodecs = { readonly [K in RosterCommand['type']]: t.Type<Extract<RosterCommand, { type: K }>, unknown, unknown> };

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const rosterCommandCodecs: CommandCodecs = {
  RegisterUnit: RegisterUnitCodec,
  ChangeParentUnit: ChangeParentUnitCodec,
  CreatePosition: CreatePositionCodec,
  ChangeReportingLine: ChangeReportingLineCodec,
  AppointEmployee: AppointEmployeeCodec,
  TransferEmployee: TransferEmployeeCodec,
  RecordDeparture: RecordDepartureCodec,
};

export const RosterCommandCodec: t.Type<RosterCommand, unknown, unknown> = byType('RosterCommand', rosterCommandCodecs);

// ---------------------------------------------------------------------------------------------------------------
// Events. Text fields decode as any string: a stored fact stays readable if the limits for new input change.
// ---------------------------------------------------------------------------------------------------------------

/** Required and optional fields, unknown ones stripped. */
const eventData = <R extends t.Props, O extends t.Props>(name: string, required: R, optional: O) =>
  t.intersection([t.exact(t.type(required)), t.exact(t.partial(optional))], name);

export const PositionLevelCodec: t.Type<PositionLevel, unknown, unknown> = t.union(
  [
    t.exact(t.type({ level: LevelWithoutJenjangCodec })),
    t.exact(t.type({ level: t.literal('jf'), jenjang: JenjangCodec })),
  ],
  'PositionLevel',
);

export const UnitRegisteredCodec: t.Type<UnitRegistered, unknown, unknown> = eventCodec(
  'UnitRegistered',
  eventData('UnitRegistered.data', { unit: UnitId, name: t.string }, { parent: UnitId }),
);

export const ParentUnitChangedCodec: t.Type<ParentUnitChanged, unknown, unknown> = eventCodec(
  'ParentUnitChanged',
  eventData('ParentUnitChanged.data', { unit: UnitId, effectiveFrom: LocalDate }, { parent: UnitId }),
);

export const PositionCreatedCodec: t.Type<PositionCreated, unknown, unknown> = eventCodec(
  'PositionCreated',
  t.intersection(
    [
      eventData(
        'PositionCreated.data',
        { position: PositionId, unit: UnitId, title: t.string, head: t.boolean },
        { reportsTo: PositionId },
      ),
      PositionLevelCodec,
    ],
    'PositionCreated.data',
  ),
);

export const ReportingLineChangedCodec: t.Type<ReportingLineChanged, unknown, unknown> = eventCodec(
  'ReportingLineChanged',
  eventData('ReportingLineChanged.data', { position: PositionId, effectiveFrom: LocalDate }, { reportsTo: PositionId }),
);

export const EmployeeAppointedCodec: t.Type<EmployeeAppointed, unknown, unknown> = eventCodec(
  'EmployeeAppointed',
  eventData(
    'EmployeeAppointed.data',
    { nip: Nip, name: t.string, employment: EmploymentCodec, position: PositionId, effectiveFrom: LocalDate },
    {},
  ),
);

export const EmployeeTransferredCodec: t.Type<EmployeeTransferred, unknown, unknown> = eventCodec(
  'EmployeeTransferred',
  eventData(
    'EmployeeTransferred.data',
    { nip: Nip, previousPosition: PositionId, position: PositionId, effectiveFrom: LocalDate },
    {},
  ),
);

export const EmployeeLeftCodec: t.Type<EmployeeLeft, unknown, unknown> = eventCodec(
  'EmployeeLeft',
  eventData(
    'EmployeeLeft.data',
    { nip: Nip, position: PositionId, reason: DepartureReasonCodec, effectiveFrom: LocalDate },
    {},
  ),
);

export const RosterEventCodec: t.Type<RosterEvent, unknown, unknown> = byType('RosterEvent', {
  UnitRegistered: UnitRegisteredCodec,
  ParentUnitChanged: ParentUnitChangedCodec,
  PositionCreated: PositionCreatedCodec,
  ReportingLineChanged: ReportingLineChangedCodec,
  EmployeeAppointed: EmployeeAppointedCodec,
  EmployeeTransferred: EmployeeTransferredCodec,
  EmployeeLeft: EmployeeLeftCodec,
});
