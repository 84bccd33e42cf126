/**
 * The discipline case commands (PP 94/2021; DOMAIN.md §2.5; BR-14..BR-19, BR-22). A superior, an operator (for a
 * complaint or absence), the system (the absence process manager) or, for a superior's inaction (BR-18), a higher
 * superior or the PPK reports a breach; the case officials summon and examine; the PPK or an official authorised
 * to punish forms the Tim Pemeriksa and decides (BR-17, BR-19); the decision is delivered within 14 working days
 * (BR-22), which the system's timer watches, as it watches the sanction's end. Reviews come from the appeal's
 * process manager. The roster facts, the calendar and the tenant's policy are the engine's.
 */
import {
  ApplyReviewOutcomeCodec,
  DecideSanctionRequestCodec,
  DeliverDecisionCodec,
  disciplineStreamId,
  DismissCaseRequestCodec,
  FormTimPemeriksaCodec,
  RecordDeliveryOverdueCodec,
  RecordExaminationCodec,
  RecordServedCodec,
  RecordSummonsIgnoredCodec,
  ReportBreachRequestCodec,
  SummonEmployeeRequestCodec,
  type DisciplineCaseId,
  type DisciplineCommand,
  type Role,
  type TenantId,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { disciplineAggregate } from '../aggregates';
import { decideSanctionCommand, dismissCaseCommand, reportBreachCommand, summonEmployeeCommand } from '../facts/discipline';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec, type Gather } from './spec';

/** Those who punish (BR-19): the PPK and the officials authorised to impose a sanction. */
const AUTHORISED: ReadonlyArray<Role> = ['ppk', 'pejabat-berwenang-menghukum'];
/** The employee's superiors act in the role their token gives them for the employee's line. */
const SUPERIORS: ReadonlyArray<Role> = ['pejabat-penilai', 'atasan-pejabat-penilai', 'pimpinan-unit'];
/** Who runs the examination: the superiors, the Tim Pemeriksa and those who punish (the domain checks who is which). */
const CASE_OFFICIALS: ReadonlyArray<Role> = [...SUPERIORS, ...AUTHORISED, 'tim-pemeriksa'];

const streamOf = (tenant: TenantId, request: Readonly<{ caseId: DisciplineCaseId }>) => disciplineStreamId(tenant, request.caseId);

const command = <C extends DisciplineCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
) => plainSpec(disciplineAggregate, { aggregate: 'discipline', type, summary, request: requestOf(type, codec), roles, streamOf });

const withFacts = <Request extends Readonly<{ caseId: DisciplineCaseId }>, C extends DisciplineCommand>(
  type: C['type'],
  request: t.Type<Request, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
  gather: Gather<Request, C>,
) => factsSpec(disciplineAggregate, { aggregate: 'discipline', type, summary, request, roles, streamOf }, gather);

export const disciplineCommands: ReadonlyArray<CommandSpec> = [
  withFacts(
    'ReportBreach',
    ReportBreachRequestCodec,
    [...SUPERIORS, ...AUTHORISED, 'operator', 'sistem'],
    "Report a breach and open a case (the employee's roster standing and the tenant's policy are looked up)",
    reportBreachCommand,
  ),
  withFacts('SummonEmployee', SummonEmployeeRequestCodec, CASE_OFFICIALS, 'Summon the employee in writing (PP 94/2021 Ps 26)', summonEmployeeCommand),
  command('RecordSummonsIgnored', RecordSummonsIgnoredCodec, [...CASE_OFFICIALS, 'operator'], 'Record that the employee did not appear on the summons date'),
  command('FormTimPemeriksa', FormTimPemeriksaCodec, AUTHORISED, 'Form the Tim Pemeriksa (BR-17)'),
  command('RecordExamination', RecordExaminationCodec, [...SUPERIORS, 'tim-pemeriksa', ...AUTHORISED], 'Record an examination (BAP) by the superior or the Tim Pemeriksa'),
  withFacts(
    'DecideSanction',
    DecideSanctionRequestCodec,
    AUTHORISED,
    "Impose a sanction (BR-14, BR-17, BR-19; the official's standing in the roster is looked up)",
    decideSanctionCommand,
  ),
  withFacts('DismissCase', DismissCaseRequestCodec, AUTHORISED, 'Close the case: no breach proven', dismissCaseCommand),
  command('DeliverDecision', DeliverDecisionCodec, [...SUPERIORS, ...AUTHORISED, 'operator'], 'Deliver the decision to the employee (BR-22)'),
  command('RecordDeliveryOverdue', RecordDeliveryOverdueCodec, ['sistem'], 'Record that the BR-22 delivery deadline passed (timer)'),
  command('RecordServed', RecordServedCodec, ['sistem', 'operator'], 'Record that the sanction has run its course'),
  command('ApplyReviewOutcome', ApplyReviewOutcomeCodec, ['sistem'], 'Apply the outcome of a keberatan or banding (process manager, BR-20, BR-21)'),
];
