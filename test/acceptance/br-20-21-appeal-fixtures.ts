/**
 * Shared fixtures for the administrative objection (BR-21) and appeal (BR-20) acceptance tests: people, the
 * model tenants' calendars (Surabaya in WIB, Samarinda in WITA, the shipped 2025–2027 holidays), the disciplinary
 * decisions under review as the engine hands them over, and command builders over the public API only.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import {
  APPEAL_POLICY_DEFAULTS,
  appealDecider,
  describeAppealError,
  INDONESIA_2025_2027,
  Nip,
  TimeZone,
  type AppealCommand,
  type AppealError,
  type AppealEvent,
  type AppealKind,
  type AppealOutcome,
  type AppealPolicy,
  type AppealState,
  type CommandMetadata,
  type ReviewedDecision,
  type ReviewedSanction,
  type Role,
  type TenantCalendar,
} from '@kinerja/domain';
import { DeciderStream } from './decider-stream';

export const valid = <A>(codec: Readonly<{ name: string; decode: (u: unknown) => Either<unknown, A> }>, input: unknown): A => {
  const result = codec.decode(input);
  if (isLeft(result)) throw new Error(`fixture ${JSON.stringify(input)} is not a valid ${codec.name}`);
  return result.right;
};

export const employee = valid(Nip, '199203142019031008');
export const ppk = valid(Nip, '196501011990031001');
export const bpasn = valid(Nip, '196803031993031004');
export const system = valid(Nip, '198001012005011001');

export const surabaya: TenantCalendar = { timeZone: valid(TimeZone, 'Asia/Jakarta'), holidays: INDONESIA_2025_2027 };
export const samarinda: TenantCalendar = { timeZone: valid(TimeZone, 'Asia/Makassar'), holidays: INDONESIA_2025_2027 };

export const caseId = '199203142019031008.2025-1';

/** The decision under review, delivered at `deliveredAt`, as the engine reads it from the discipline case. */
export const decision = (deliveredAt: string, sanction: Omit<ReviewedDecision, 'caseId' | 'deliveredAt' | 'employee'>): ReviewedDecision => ({
  caseId,
  deliveredAt: new Date(deliveredAt),
  employee,
  ...sanction,
});
export const SEDANG = { sanctionLevel: 'sedang', sanctionType: 'potongan-tukin-25', isDismissal: false } as const;
export const RINGAN = { sanctionLevel: 'ringan', sanctionType: 'teguran-tertulis', isDismissal: false } as const;
export const DISMISSAL = { sanctionLevel: 'berat', sanctionType: 'pemberhentian', isDismissal: true } as const;

const by = (nip: Nip, role: Role, at: string): CommandMetadata => ({ now: new Date(at), actor: { nip, role } });

export const fileObjection = (
  reviewed: ReviewedDecision,
  at: string,
  o: Readonly<{ calendar?: TenantCalendar; policy?: AppealPolicy }> = {},
): AppealCommand => ({
  type: 'FileAdministrativeObjection',
  data: {
    caseId,
    reasons: ['Ketidakhadiran telah disertai surat keterangan dokter.'],
    decision: reviewed,
    calendar: o.calendar ?? surabaya,
    policy: o.policy ?? APPEAL_POLICY_DEFAULTS,
  },
  metadata: by(employee, 'pegawai', at),
});

export const fileAppeal = (reviewed: ReviewedDecision, at: string, calendar: TenantCalendar = surabaya): AppealCommand => ({
  type: 'FileAppeal',
  data: { caseId, reasons: ['Pemberhentian tidak sebanding dengan pelanggaran.'], decision: reviewed, calendar },
  metadata: by(employee, 'pegawai', at),
});

export const ppkResponds = (at: string): AppealCommand => ({
  type: 'RecordPpkResponse',
  data: { caseId, response: 'Hukuman dijatuhkan berdasarkan hasil pemeriksaan Tim Pemeriksa.' },
  metadata: by(ppk, 'ppk', at),
});

export const decide = (
  kind: AppealKind,
  outcome: AppealOutcome,
  at: string,
  o: Readonly<{ sanction?: ReviewedSanction; nip?: Nip; role?: Role }> = {},
): AppealCommand => ({
  type: 'DecideAppeal',
  data: {
    kind,
    caseId,
    outcome,
    reasons: ['Pertimbangan atas bukti dan keterangan para pihak.'],
    ...(o.sanction === undefined ? {} : { sanction: o.sanction }),
  },
  metadata: by(o.nip ?? (kind === 'keberatan' ? ppk : bpasn), o.role ?? (kind === 'keberatan' ? 'ppk' : 'bpasn'), at),
});

export const deemGranted = (at: string): AppealCommand => ({ type: 'DeemGranted', data: { caseId }, metadata: by(system, 'sistem', at) });

export const systemActor = { nip: system, role: 'sistem' as const };
export const systemAt = (at: string): CommandMetadata => by(system, 'sistem', at);

export type AppealStream = DeciderStream<AppealState, AppealCommand, AppealEvent, AppealError>;
export const newStream = (): AppealStream => new DeciderStream(appealDecider, describeAppealError);

/** The refusal of `command` on a fresh stream, or undefined when it was accepted. */
export const refusalOnFresh = (command: AppealCommand): AppealError | undefined => {
  const result = newStream().attempt(command);
  return isLeft(result) ? result.left : undefined;
};
