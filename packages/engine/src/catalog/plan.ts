/**
 * The plan (SKP) commands (DOMAIN.md §2.1). The employee drafts, edits and submits; the appraiser named on the plan
 * sets leader expectations, approves or returns; both record realisations' feedback; either of them, an operator
 * or the system closes it. DraftPlan gets the roster facts as of the draft date (the request has none).
 */
import {
  AddIkiCodec,
  AddRhkCodec,
  ApprovePlanCodec,
  ChangeIkiCodec,
  ChangeRhkCodec,
  ClearLeaderExpectationCodec,
  ClosePlanCodec,
  DraftPlanRequestCodec,
  planStreamId,
  RecordFeedbackCodec,
  RecordRealisationCodec,
  RemoveIkiCodec,
  RemoveRhkCodec,
  ReturnPlanCodec,
  SetLeaderExpectationCodec,
  StartAmendmentCodec,
  SubmitPlanCodec,
  type PlanCommand,
  type Role,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { planAggregate } from '../aggregates';
import { draftPlanCommand } from '../facts/evaluation-cycle';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec } from './spec';

const EMPLOYEE: ReadonlyArray<Role> = ['pegawai'];
const APPRAISER: ReadonlyArray<Role> = ['pejabat-penilai'];

const command = <C extends PlanCommand>(type: C['type'], codec: t.Type<C, unknown, unknown>, roles: ReadonlyArray<Role>, summary: string) =>
  plainSpec(planAggregate, {
    aggregate: 'plan',
    type,
    summary,
    request: requestOf(type, codec),
    roles,
    streamOf: (tenant, request) => planStreamId(tenant, request.plan),
  });

export const planCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    planAggregate,
    {
      aggregate: 'plan',
      type: 'DraftPlan',
      summary: "Draft an SKP for a period (the roster's view of employee and appraiser is looked up)",
      request: DraftPlanRequestCodec,
      roles: EMPLOYEE,
      streamOf: (tenant, request) => planStreamId(tenant, request.plan),
    },
    draftPlanCommand,
  ),
  command('AddRhk', AddRhkCodec, EMPLOYEE, 'Add an RHK (planned result) to a draft plan'),
  command('ChangeRhk', ChangeRhkCodec, EMPLOYEE, "Change an RHK's kind, description or intervention"),
  command('RemoveRhk', RemoveRhkCodec, EMPLOYEE, 'Remove an RHK with its IKI'),
  command('AddIki', AddIkiCodec, EMPLOYEE, 'Add an IKI (indicator with targets) to an RHK'),
  command('ChangeIki', ChangeIkiCodec, EMPLOYEE, "Change an IKI's description and targets"),
  command('RemoveIki', RemoveIkiCodec, EMPLOYEE, 'Remove an IKI'),
  command('SetLeaderExpectation', SetLeaderExpectationCodec, APPRAISER, 'Set the ekspektasi khusus pimpinan for a BerAKHLAK value'),
  command('ClearLeaderExpectation', ClearLeaderExpectationCodec, APPRAISER, 'Clear the ekspektasi khusus pimpinan for a BerAKHLAK value'),
  command('SubmitPlan', SubmitPlanCodec, EMPLOYEE, 'Submit the plan to the appraiser'),
  command('ApprovePlan', ApprovePlanCodec, APPRAISER, 'Approve a submitted plan'),
  command('ReturnPlan', ReturnPlanCodec, APPRAISER, 'Return a submitted plan with reasons'),
  command('StartAmendment', StartAmendmentCodec, EMPLOYEE, 'Start amending an approved plan'),
  command('RecordRealisation', RecordRealisationCodec, ['pegawai', 'pejabat-penilai'], 'Record the realisation of an IKI with bukti dukung'),
  command('RecordFeedback', RecordFeedbackCodec, ['pegawai', 'pejabat-penilai'], 'Record feedback or a coaching note on the plan'),
  command('ClosePlan', ClosePlanCodec, ['pegawai', 'pejabat-penilai', 'operator', 'sistem'], 'Close the plan at the end of its period'),
];
