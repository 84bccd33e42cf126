/**
 * Administrative objection (keberatan, BR-21) and appeal to BPASN (banding, BR-20) against a disciplinary decision
 * (PP 79/2021). The sanctioned employee files (a dismissal goes to banding, any other decision to keberatan); the
 * PPK decides a keberatan and responds to a banding; BPASN decides a banding; the system's timer deems an undecided
 * keberatan granted and notes an overdue PPK response. The decision under review, the calendar and the policy are
 * the engine's, read from the discipline case.
 */
import {
  appealStreamId,
  DecideAppealCodec,
  DeemGrantedCodec,
  FileAppealRequestCodec,
  MarkPpkResponseOverdueCodec,
  RecordPpkResponseCodec,
  type AppealCommand,
  type AppealKind,
  type Role,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { appealAggregate } from '../aggregates';
import { fileAdministrativeObjectionCommand, fileAppealCommand } from '../facts/appeal';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec } from './spec';

const command = <C extends AppealCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  kind: AppealKind | ((data: C['data']) => AppealKind),
  roles: ReadonlyArray<Role>,
  summary: string,
) =>
  plainSpec(appealAggregate, {
    aggregate: 'appeal',
    type,
    summary,
    request: requestOf(type, codec),
    roles,
    streamOf: (tenant, request) => appealStreamId(tenant, typeof kind === 'function' ? kind(request) : kind, request.caseId),
  });

export const appealCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    appealAggregate,
    {
      aggregate: 'appeal',
      type: 'FileAdministrativeObjection',
      summary: 'File a keberatan against a non-dismissal sanction within 14 working days of receipt (BR-21)',
      request: FileAppealRequestCodec,
      roles: ['pegawai'],
      streamOf: (tenant, request) => appealStreamId(tenant, 'keberatan', request.caseId),
    },
    fileAdministrativeObjectionCommand,
  ),
  factsSpec(
    appealAggregate,
    {
      aggregate: 'appeal',
      type: 'FileAppeal',
      summary: 'File a banding to BPASN against a dismissal within 14 working days of receipt (BR-20)',
      request: FileAppealRequestCodec,
      roles: ['pegawai'],
      streamOf: (tenant, request) => appealStreamId(tenant, 'banding', request.caseId),
    },
    fileAppealCommand,
  ),
  command('RecordPpkResponse', RecordPpkResponseCodec, 'banding', ['ppk'], "Record the PPK's response (tanggapan) to a banding (BR-20)"),
  command('MarkPpkResponseOverdue', MarkPpkResponseOverdueCodec, 'banding', ['sistem'], "Note that the PPK's 21 working days to respond passed (timer)"),
  command(
    'DecideAppeal',
    DecideAppealCodec,
    (data) => data.kind,
    ['ppk', 'bpasn'],
    'Decide a keberatan (PPK) or banding (BPASN): memperkuat, memperingan, memperberat, mengubah or membatalkan',
  ),
  command('DeemGranted', DeemGrantedCodec, 'keberatan', ['sistem'], 'Deem an undecided keberatan granted after 21 working days (timer, BR-21)'),
];
