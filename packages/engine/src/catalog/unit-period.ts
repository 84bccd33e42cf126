/**
 * The unit period commands (DOMAIN.md §2.3; BR-03..BR-09). The unit head's superior (role `pimpinan-unit`) sets the
 * organisational result and settles the unit's predikat under the kurva distribusi; proposals and revisions are
 * the process managers'. OpenUnitPeriod gets the unit head, the authorised official and the curve settings.
 */
import {
  OpenUnitPeriodRequestCodec,
  RecordProposalCodec,
  ReviseSettledResultCodec,
  SetOrganisationalResultCodec,
  SettleUnitPeriodCodec,
  unitPeriodStreamId,
  WithdrawProposalCodec,
  type Role,
  type UnitPeriodCommand,
} from '@kinerja/domain';
import type * as t from 'io-ts';
import { unitPeriodAggregate } from '../aggregates';
import { openUnitPeriodCommand } from '../facts/evaluation-cycle';
import type { CommandSpec } from './catalog';
import { requestOf } from './request';
import { factsSpec, plainSpec } from './spec';

const OFFICIAL: ReadonlyArray<Role> = ['pimpinan-unit'];

const command = <C extends UnitPeriodCommand>(
  type: C['type'],
  codec: t.Type<C, unknown, unknown>,
  roles: ReadonlyArray<Role>,
  summary: string,
) =>
  plainSpec(unitPeriodAggregate, {
    aggregate: 'unit-period',
    type,
    summary,
    request: requestOf(type, codec),
    roles,
    streamOf: (tenant, request) => unitPeriodStreamId(tenant, request.unitPeriod),
  });

export const unitPeriodCommands: ReadonlyArray<CommandSpec> = [
  factsSpec(
    unitPeriodAggregate,
    {
      aggregate: 'unit-period',
      type: 'OpenUnitPeriod',
      summary: "Open a unit's period (the roster's unit head and authorised official, the tenant's curve settings)",
      request: OpenUnitPeriodRequestCodec,
      roles: ['operator', 'sistem'],
      streamOf: (tenant, request) => unitPeriodStreamId(tenant, request.unitPeriod),
    },
    openUnitPeriodCommand,
  ),
  command('SetOrganisationalResult', SetOrganisationalResultCodec, OFFICIAL, "Set the unit's organisational result (BR-02, BR-03)"),
  command('RecordProposal', RecordProposalCodec, ['sistem'], "Propose a rated evaluation's predikat to the unit (process manager)"),
  command('WithdrawProposal', WithdrawProposalCodec, ['operator', 'sistem'], 'Withdraw a proposal, e.g. when the employee left the unit'),
  command('SettleUnitPeriod', SettleUnitPeriodCodec, OFFICIAL, "Settle every predikat of the unit under the kurva distribusi (BR-04..BR-08)"),
  command('ReviseSettledResult', ReviseSettledResultCodec, ['sistem'], 'Re-check the curve for a revised result after an upheld objection'),
];
