/**
 * The evaluation commands (DOMAIN.md §2.2; BR-01, BR-02, BR-09..BR-13). The appraiser named on the plan opens (or
 * an operator, or the system), records realisations, invites 360° feedback, rates and delivers; invitees give
 * feedback; the employee records self-evaluation notes. Settling, noting an objection and revising are the
 * system's (the process managers); finalizing after the objection window is the system's timer or an operator's.
 * OpenEvaluation and InviteFeedback get their facts from the plan, the roster and the tenant policy.
 */
import {
  DeliverEvaluationCodec,
  evaluationStreamId,
  FinalizeEvaluationCodec,
  GiveFeedbackCodec,
  InviteFeedbackRequestCodec,
  NoteObjectionCodec,
  OpenEvaluationRequestCodec,
  RateEvaluationCodec,
  RecordEvaluationRealisationCodec,
  RecordSelfEvaluationCodec,
  ReviseEvaluationCodec,
  SettleEvaluationCodec,
  type EvaluationCommand,
  type Role,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { evaluationAggregate } from '../aggregates';
import { inviteFeedbackCommand, openEvaluationCommand } from '../facts/evaluation-cycle';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec } from './spec';

const APPRAISER: ReadonlyArray<Role> = ['pejabat-penilai'];
const SYSTEM: ReadonlyArray<Role> = ['sistem'];

const command = <C extends EvaluationCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
) =>
  plainSpec(evaluationAggregate, {
    aggregate: 'evaluation',
    type,
    summary,
    request: requestOf(type, codec),
    roles,
    streamOf: (tenant, request) => evaluationStreamId(tenant, request.evaluation),
  });

export const evaluationCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    evaluationAggregate,
    {
      aggregate: 'evaluation',
      type: 'OpenEvaluation',
      summary: "Open a periodic or annual evaluation of an approved plan (plan, roster and the period's rule book looked up)",
      request: OpenEvaluationRequestCodec,
      roles: ['pejabat-penilai', 'operator', 'sistem'],
      streamOf: (tenant, request) => evaluationStreamId(tenant, request.evaluation),
    },
    openEvaluationCommand,
  ),
  command('RecordEvaluationRealisation', RecordEvaluationRealisationCodec, APPRAISER, "Record the appraiser's realisation of an IKI"),
  factsSpec(
    evaluationAggregate,
    {
      aggregate: 'evaluation',
      type: 'InviteFeedback',
      summary: 'Invite a peer or subordinate to give 360° behaviour feedback (the roster is checked)',
      request: InviteFeedbackRequestCodec,
      roles: APPRAISER,
      streamOf: (tenant, request) => evaluationStreamId(tenant, request.evaluation),
    },
    inviteFeedbackCommand,
  ),
  // Invitees act as the ASN they are: the token may say `rekan-kerja` or `pegawai`; the domain checks the invitation.
  command('GiveFeedback', GiveFeedbackCodec, ['rekan-kerja', 'pegawai'], 'Give behaviour feedback on the seven BerAKHLAK values'),
  command('RecordSelfEvaluation', RecordSelfEvaluationCodec, ['pegawai'], "Record the employee's self-evaluation notes"),
  command('RateEvaluation', RateEvaluationCodec, APPRAISER, 'Rate hasil kerja and perilaku kerja (BR-01, BR-02) or the numeric inputs (BR-12, BR-13)'),
  command('SettleEvaluation', SettleEvaluationCodec, SYSTEM, "Settle the evaluation with its unit's settled predikat (process manager)"),
  command('DeliverEvaluation', DeliverEvaluationCodec, APPRAISER, 'Deliver the settled evaluation; the BR-10 objection window starts'),
  command('NoteObjection', NoteObjectionCodec, SYSTEM, 'Note that an objection was filed (process manager, BR-10)'),
  command('FinalizeEvaluation', FinalizeEvaluationCodec, ['sistem', 'operator'], 'Make the result final after the objection window or the objection'),
  command('ReviseEvaluation', ReviseEvaluationCodec, SYSTEM, 'Revise the result after an upheld objection (process manager, BR-11)'),
];
