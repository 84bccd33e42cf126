/**
 * Test support for the roster: a small city to test against (units, positions, people), builders for commands
 * and events, and fast-check arbitraries for the properties.
 */
import * as fc from 'fast-check';
import {
  ROLES,
  type CommandMetadata,
  type LocalDate,
  type Nip,
  type PositionId,
  type Role,
  type UnitId,
} from '../core';
import type { RosterCommand } from './decide';
import {
  DEPARTURE_REASONS,
  EMPLOYMENTS,
  JENJANG,
  LEVELS,
  LEVELS_WITHOUT_JENJANG,
  type DepartureReason,
  type Employment,
  type PositionLevel,
  type RosterEvent,
} from './roster';

// ---------------------------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------------------------

export const day = (s: string): LocalDate => s as LocalDate;
export const unit = (s: string): UnitId => s as UnitId;
export const pos = (s: string): PositionId => s as PositionId;

type CommandType = RosterCommand['type'];
type CommandOf<T extends CommandType> = Extract<RosterCommand, { type: T }>;
type EventType = RosterEvent['type'];
type EventOf<T extends EventType> = Extract<RosterEvent, { type: T }>;

/** The BKPSDM operator who keeps the roster. */
export const OPERATOR = '198001012005011001' as Nip;

export const metadata = (role: Role = 'operator'): CommandMetadata => ({
  now: new Date('2025-01-15T08:00:00+07:00'),
  actor: { nip: OPERATOR, role },
});

export const command = <T extends CommandType>(
  type: T,
  data: CommandOf<T>['data'],
  role: Role = 'operator',
): CommandOf<T> => ({ type, data, metadata: metadata(role) }) as CommandOf<T>;

export const event = <T extends EventType>(type: T, data: EventOf<T>['data']): EventOf<T> =>
  ({ type, data }) as EventOf<T>;

// ---------------------------------------------------------------------------------------------------------------
// A small city: Sekretariat Daerah, Dinas Kesehatan under it, a UPT Puskesmas under that
// ---------------------------------------------------------------------------------------------------------------

export const SETDA = unit('setda');
export const DINKES = unit('dinkes');
export const PUSKESMAS = unit('puskesmas-kenjeran');

export const SEKDA = pos('sekda');
export const KADIS = pos('dinkes-kadis');
export const SEKRETARIS = pos('dinkes-sekretaris');
export const KABID = pos('dinkes-kabid-p2p');
export const KASUBBAG = pos('dinkes-kasubbag-umum');
export const STAF = pos('dinkes-pengadministrasi-umum');
export const DOKTER = pos('dinkes-dokter-ahli-muda');
export const KAPUS = pos('puskesmas-kenjeran-kepala');

export const setdaRegistered = event('UnitRegistered', { unit: SETDA, name: 'Sekretariat Daerah' });
export const dinkesRegistered = event('UnitRegistered', { unit: DINKES, name: 'Dinas Kesehatan', parent: SETDA });
export const puskesmasRegistered = event('UnitRegistered', {
  unit: PUSKESMAS,
  name: 'UPT Puskesmas Kenjeran',
  parent: DINKES,
});
export const units: ReadonlyArray<RosterEvent> = [setdaRegistered, dinkesRegistered, puskesmasRegistered];

export const sekdaCreated = event('PositionCreated', {
  position: SEKDA,
  unit: SETDA,
  title: 'Sekretaris Daerah',
  head: true,
  level: 'jpt-madya',
});
export const kadisCreated = event('PositionCreated', {
  position: KADIS,
  unit: DINKES,
  title: 'Kepala Dinas Kesehatan',
  head: true,
  reportsTo: SEKDA,
  level: 'jpt-pratama',
});
export const sekretarisCreated = event('PositionCreated', {
  position: SEKRETARIS,
  unit: DINKES,
  title: 'Sekretaris Dinas Kesehatan',
  head: false,
  reportsTo: KADIS,
  level: 'administrator',
});
export const kabidCreated = event('PositionCreated', {
  position: KABID,
  unit: DINKES,
  title: 'Kepala Bidang Pencegahan dan Pengendalian Penyakit',
  head: false,
  reportsTo: KADIS,
  level: 'administrator',
});
export const kasubbagCreated = event('PositionCreated', {
  position: KASUBBAG,
  unit: DINKES,
  title: 'Kepala Subbagian Umum dan Kepegawaian',
  head: false,
  reportsTo: SEKRETARIS,
  level: 'pengawas',
});
export const stafCreated = event('PositionCreated', {
  position: STAF,
  unit: DINKES,
  title: 'Pengadministrasi Umum',
  head: false,
  reportsTo: KASUBBAG,
  level: 'pelaksana',
});
export const dokterCreated = event('PositionCreated', {
  position: DOKTER,
  unit: DINKES,
  title: 'Dokter Ahli Muda',
  head: false,
  reportsTo: KABID,
  level: 'jf',
  jenjang: 'ahli-muda',
});
export const kapusCreated = event('PositionCreated', {
  position: KAPUS,
  unit: PUSKESMAS,
  title: 'Kepala UPT Puskesmas Kenjeran',
  head: true,
  reportsTo: KADIS,
  level: 'pengawas',
});
export const positions: ReadonlyArray<RosterEvent> = [
  sekdaCreated,
  kadisCreated,
  sekretarisCreated,
  kabidCreated,
  kasubbagCreated,
  stafCreated,
  dokterCreated,
  kapusCreated,
];

/** Units and positions, nobody appointed yet. */
export const structure: ReadonlyArray<RosterEvent> = [...units, ...positions];

export const STRUCTURAL_POSITIONS = [SEKDA, KADIS, SEKRETARIS, KABID, KASUBBAG, KAPUS] as const;
export const ALL_POSITIONS = [...STRUCTURAL_POSITIONS, STAF, DOKTER] as const;
export const ALL_UNITS = [SETDA, DINKES, PUSKESMAS] as const;

// People (valid NIPs: birth date, appointment month, sex, sequence).
export const ANI = '197203041998032001' as Nip;
export const BUDI = '197505101999031002' as Nip;
export const CITRA = '198208172006042003' as Nip;
export const DEDI = '198611232010011004' as Nip;
export const EKA = '199001152014022005' as Nip;
export const FAJAR = '199304302019031006' as Nip;
export const STAFF = [ANI, BUDI, CITRA, DEDI, EKA, FAJAR] as const;

const NAMES: Readonly<Record<string, string>> = {
  [ANI]: 'Ani Wulandari',
  [BUDI]: 'Budi Santoso',
  [CITRA]: 'Citra Lestari',
  [DEDI]: 'Dedi Kurniawan',
  [EKA]: 'Eka Putri',
  [FAJAR]: 'Fajar Nugroho',
};
export const nameOf = (nip: Nip): string => NAMES[nip] ?? 'Pegawai';

export const appointed = (nip: Nip, position: PositionId, effectiveFrom: string, employment: Employment = 'pns') =>
  event('EmployeeAppointed', { nip, name: nameOf(nip), employment, position, effectiveFrom: day(effectiveFrom) });

export const transferred = (nip: Nip, previousPosition: PositionId, position: PositionId, effectiveFrom: string) =>
  event('EmployeeTransferred', { nip, previousPosition, position, effectiveFrom: day(effectiveFrom) });

export const departed = (nip: Nip, position: PositionId, reason: DepartureReason, effectiveFrom: string) =>
  event('EmployeeLeft', { nip, position, reason, effectiveFrom: day(effectiveFrom) });

export const appoint = (nip: Nip, position: PositionId, effectiveFrom: string, employment: Employment = 'pns') =>
  command('AppointEmployee', { nip, name: nameOf(nip), employment, position, effectiveFrom: day(effectiveFrom) });

export const transfer = (nip: Nip, position: PositionId, effectiveFrom: string) =>
  command('TransferEmployee', { nip, position, effectiveFrom: day(effectiveFrom) });

export const recordDeparture = (nip: Nip, reason: DepartureReason, effectiveFrom: string) =>
  command('RecordDeparture', { nip, reason, effectiveFrom: day(effectiveFrom) });

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any well-formed value (for codec round trips)
// ---------------------------------------------------------------------------------------------------------------

import { nipArb } from '../core/core.testkit';

export { nipArb };

const slugArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,23}$/);
export const unitIdArb: fc.Arbitrary<UnitId> = slugArb.map(unit);
export const positionIdArb: fc.Arbitrary<PositionId> = slugArb.map(pos);

export const localDateArb: fc.Arbitrary<LocalDate> = fc
  .date({ min: new Date('1960-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => day(d.toISOString().slice(0, 10)));

/** Non-blank text within the codecs' limit of 200 characters, sometimes with Indonesian letters and spaces. */
export const nameArb: fc.Arbitrary<string> = fc
  .string({ minLength: 1, maxLength: 80, unit: fc.constantFrom('a', 'B', ' ', 'é', '-', '.', 'ŋ', '1') })
  .filter((s) => s.trim().length > 0);

export const metadataArb: fc.Arbitrary<CommandMetadata> = fc.record({
  now: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  actor: fc.record({ nip: nipArb, role: fc.constantFrom(...ROLES) }),
});

export const positionLevelArb: fc.Arbitrary<PositionLevel> = fc.oneof(
  fc.constantFrom(...LEVELS_WITHOUT_JENJANG).map((level): PositionLevel => ({ level })),
  fc.constantFrom(...JENJANG).map((jenjang): PositionLevel => ({ level: 'jf', jenjang })),
);

/** `{}` or `{ [key]: value }`: an optional field is absent, never present and undefined. */
const optional = <K extends string, V>(key: K, arb: fc.Arbitrary<V>): fc.Arbitrary<Partial<Record<K, V>>> =>
  fc
    .option(arb, { nil: undefined })
    .map((value) => (value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>)));

const commandArb = <T extends CommandType>(
  type: T,
  data: fc.Arbitrary<CommandOf<T>['data']>,
): fc.Arbitrary<CommandOf<T>> =>
  fc.tuple(data, metadataArb).map(([d, m]) => ({ type, data: d, metadata: m }) as CommandOf<T>);

const eventArb = <T extends EventType>(type: T, data: fc.Arbitrary<EventOf<T>['data']>): fc.Arbitrary<EventOf<T>> =>
  data.map((d) => ({ type, data: d }) as EventOf<T>);

const employmentArb = fc.constantFrom(...EMPLOYMENTS);
const reasonArb = fc.constantFrom(...DEPARTURE_REASONS);

/** One arbitrary per command type: a property over all of them covers every command. */
export const commandArbs: { readonly [T in CommandType]: fc.Arbitrary<CommandOf<T>> } = {
  RegisterUnit: commandArb(
    'RegisterUnit',
    fc
      .tuple(unitIdArb, nameArb, optional('parent', unitIdArb))
      .map(([unit, name, parent]) => ({ unit, name, ...parent })),
  ),
  ChangeParentUnit: commandArb(
    'ChangeParentUnit',
    fc
      .tuple(unitIdArb, optional('parent', unitIdArb), localDateArb)
      .map(([unit, parent, effectiveFrom]) => ({ unit, ...parent, effectiveFrom })),
  ),
  CreatePosition: commandArb(
    'CreatePosition',
    fc
      .tuple(
        positionIdArb,
        unitIdArb,
        nameArb,
        fc.constantFrom(...LEVELS),
        optional('jenjang', fc.constantFrom(...JENJANG)),
        optional('reportsTo', positionIdArb),
        optional('head', fc.boolean()),
      )
      .map(([position, unit, title, level, jenjang, reportsTo, head]) => ({
        position,
        unit,
        title,
        level,
        ...jenjang,
        ...reportsTo,
        ...head,
      })),
  ),
  ChangeReportingLine: commandArb(
    'ChangeReportingLine',
    fc
      .tuple(positionIdArb, optional('reportsTo', positionIdArb), localDateArb)
      .map(([position, reportsTo, effectiveFrom]) => ({ position, ...reportsTo, effectiveFrom })),
  ),
  AppointEmployee: commandArb(
    'AppointEmployee',
    fc.record({
      nip: nipArb,
      name: nameArb,
      employment: employmentArb,
      position: positionIdArb,
      effectiveFrom: localDateArb,
    }),
  ),
  TransferEmployee: commandArb(
    'TransferEmployee',
    fc.record({ nip: nipArb, position: positionIdArb, effectiveFrom: localDateArb }),
  ),
  RecordDeparture: commandArb(
    'RecordDeparture',
    fc.record({ nip: nipArb, reason: reasonArb, effectiveFrom: localDateArb }),
  ),
};

/** One arbitrary per event type. */
export const eventArbs: { readonly [T in EventType]: fc.Arbitrary<EventOf<T>> } = {
  UnitRegistered: eventArb(
    'UnitRegistered',
    fc
      .tuple(unitIdArb, nameArb, optional('parent', unitIdArb))
      .map(([unit, name, parent]) => ({ unit, name, ...parent })),
  ),
  ParentUnitChanged: eventArb(
    'ParentUnitChanged',
    fc
      .tuple(unitIdArb, optional('parent', unitIdArb), localDateArb)
      .map(([unit, parent, effectiveFrom]) => ({ unit, ...parent, effectiveFrom })),
  ),
  PositionCreated: eventArb(
    'PositionCreated',
    fc
      .tuple(positionIdArb, unitIdArb, nameArb, fc.boolean(), optional('reportsTo', positionIdArb), positionLevelArb)
      .map(([position, unit, title, head, reportsTo, level]) => ({
        position,
        unit,
        title,
        head,
        ...reportsTo,
        ...level,
      })),
  ),
  ReportingLineChanged: eventArb(
    'ReportingLineChanged',
    fc
      .tuple(positionIdArb, optional('reportsTo', positionIdArb), localDateArb)
      .map(([position, reportsTo, effectiveFrom]) => ({ position, ...reportsTo, effectiveFrom })),
  ),
  EmployeeAppointed: eventArb(
    'EmployeeAppointed',
    fc.record({
      nip: nipArb,
      name: nameArb,
      employment: employmentArb,
      position: positionIdArb,
      effectiveFrom: localDateArb,
    }),
  ),
  EmployeeTransferred: eventArb(
    'EmployeeTransferred',
    fc.record({ nip: nipArb, previousPosition: positionIdArb, position: positionIdArb, effectiveFrom: localDateArb }),
  ),
  EmployeeLeft: eventArb(
    'EmployeeLeft',
    fc.record({ nip: nipArb, position: positionIdArb, reason: reasonArb, effectiveFrom: localDateArb }),
  ),
};

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: plausible work on the small city (for laws over accepted sequences)
// ---------------------------------------------------------------------------------------------------------------

/** Few dates, so that random commands often collide on the same positions and days. */
export const LAW_DATES = ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01', '2025-04-01'].map(day);

const lawDateArb = fc.constantFrom(...LAW_DATES);
const staffArb = fc.constantFrom(...STAFF);
const positionArb = fc.constantFrom(...ALL_POSITIONS);
const unitArb = fc.constantFrom(...ALL_UNITS);

/** Reporting-line changes among the small city's positions: the way a cycle could sneak in. */
export const reorganisationArb: fc.Arbitrary<RosterCommand> = fc.oneof(
  fc
    .tuple(positionArb, fc.option(positionArb, { nil: undefined }), lawDateArb)
    .map(([position, reportsTo, effectiveFrom]) =>
      command('ChangeReportingLine', { position, ...(reportsTo === undefined ? {} : { reportsTo }), effectiveFrom }),
    ),
  fc
    .tuple(unitArb, fc.option(unitArb, { nil: undefined }), lawDateArb)
    .map(([u, parent, effectiveFrom]) =>
      command('ChangeParentUnit', { unit: u, ...(parent === undefined ? {} : { parent }), effectiveFrom }),
    ),
);

/** Commands an operator might issue against `structure`; many will be refused, which is the point. */
export const workArb: fc.Arbitrary<RosterCommand> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(staffArb, positionArb, lawDateArb).map(([n, p, d]) => appoint(n, p, d)) },
  { weight: 4, arbitrary: fc.tuple(staffArb, positionArb, lawDateArb).map(([n, p, d]) => transfer(n, p, d)) },
  { weight: 2, arbitrary: fc.tuple(staffArb, reasonArb, lawDateArb).map(([n, r, d]) => recordDeparture(n, r, d)) },
  { weight: 3, arbitrary: reorganisationArb },
);
