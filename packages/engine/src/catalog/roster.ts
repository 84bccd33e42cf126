/**
 * The organisation roster's commands (DOMAIN.md §2.8): units, positions, reporting lines and appointments, kept by
 * the operator; and the roster file import (`ImportRoster`, a CSV of one row per employee, all or nothing).
 */
import { isLeft, left, right } from 'fp-ts/Either';
import * as t from 'io-ts';
import {
  AppointEmployeeCodec,
  ChangeParentUnitCodec,
  ChangeReportingLineCodec,
  CreatePositionCodec,
  RecordDepartureCodec,
  RegisterUnitCodec,
  rosterStreamId,
  strictObject,
  TransferEmployeeCodec,
  type RosterCommand,
  type RosterEvent,
  type TenantId,
} from '@kinerja/domain';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import { rosterAggregate } from '../aggregates';
import { loadStream, type CommandContext, type Handled, type HandleOptions } from '../pipeline';
import { importRosterCsv } from '../roster-import';
import type { CommandOutcome, CommandSpec } from './catalog';
import { requestOf } from './request';
import { plainSpec } from './spec';

const OPERATOR = ['operator'] as const;

const command = <C extends RosterCommand>(type: C['type'], codec: t.Type<C, unknown, unknown>, summary: string) =>
  plainSpec(rosterAggregate, {
    aggregate: 'roster',
    type,
    summary,
    request: requestOf(type, codec),
    roles: OPERATOR,
    streamOf: (tenant) => rosterStreamId(tenant),
  });

/** A roster file as the client sends it: the CSV text, header row first (`ROSTER_COLUMNS`). */
export type ImportRosterRequest = Readonly<{ csv: string }>;
export const ImportRosterRequestCodec: t.Type<ImportRosterRequest, unknown, unknown> = strictObject('ImportRosterRequest', {
  csv: t.string,
});

/** What this command id appended to the roster: the first import's result when the request is retried. */
const importedBy = async (
  store: EventStore,
  tenant: TenantId,
  commandId: string,
): Promise<CommandOutcome | undefined> => {
  const loaded = await loadStream(store, rosterAggregate, rosterStreamId(tenant));
  if (isLeft(loaded)) return loaded;
  const mine = loaded.right.envelopes.filter((e: EventEnvelope) => e.metadata.commandId === commandId);
  if (mine.length === 0) return undefined;
  const handled: Handled<RosterEvent> = {
    events: mine.map((e) => loaded.right.events[e.streamVersion] as RosterEvent),
    envelopes: mine,
    streamVersion: loaded.right.envelopes.length - 1,
    position: Math.max(...mine.map((e) => e.globalPosition)),
    replayed: true,
  };
  return right(handled);
};

const importRoster = async (
  store: EventStore,
  tenant: TenantId,
  request: ImportRosterRequest,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<CommandOutcome> => {
  // A retried import (same command id) returns the first result: the import itself would refuse every row whose
  // employee is already in the roster.
  const before = await importedBy(store, tenant, context.commandId);
  if (before !== undefined) return before;
  if (options.expectedVersion !== undefined) {
    const streamId = rosterStreamId(tenant);
    const read = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (isLeft(read)) return read;
    const head = read.right[0];
    const current = head === undefined ? 'no-stream' : head.streamVersion;
    if (current !== options.expectedVersion) return left({ _tag: 'StaleVersion', streamId, expected: options.expectedVersion, current });
  }
  const imported = await importRosterCsv(store, tenant, request.csv, { ...context, tenant });
  if (isLeft(imported)) return left(imported.left);
  const after = await importedBy(store, tenant, context.commandId);
  if (after !== undefined) return isLeft(after) ? after : right({ ...after.right, replayed: false });
  // Nothing to import (no command): nothing appended; the roster's version is what it was.
  const head = await store.readStream(rosterStreamId(tenant), { direction: 'backwards', maxCount: 1 });
  if (isLeft(head)) return head;
  return right({ events: [], envelopes: [], streamVersion: head.right[0]?.streamVersion ?? -1, position: 0, replayed: false });
};

export const rosterCommands: ReadonlyArray<CommandSpec> = [
  command('RegisterUnit', RegisterUnitCodec, 'Register a unit (OPD or part of one)'),
  command('ChangeParentUnit', ChangeParentUnitCodec, 'Move a unit under another unit from a date'),
  command('CreatePosition', CreatePositionCodec, 'Create a position in a unit'),
  command('ChangeReportingLine', ChangeReportingLineCodec, 'Change whom a position reports to from a date'),
  command('AppointEmployee', AppointEmployeeCodec, 'Appoint an employee to a position'),
  command('TransferEmployee', TransferEmployeeCodec, 'Transfer an employee to another position'),
  command('RecordDeparture', RecordDepartureCodec, 'Record that an employee left'),
  {
    aggregate: 'roster',
    type: 'ImportRoster',
    summary: 'Import a roster file (CSV, one row per employee): every row or none',
    request: ImportRosterRequestCodec as t.Type<unknown, unknown, unknown>,
    roles: OPERATOR,
    streamOf: (tenant) => rosterStreamId(tenant),
    // The whole file is appended in one append against the version read: a concurrent change fails it whole.
    run: (store, tenant, request, context, options) => importRoster(store, tenant, request as ImportRosterRequest, context, options),
  },
];
