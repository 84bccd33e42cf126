/**
 * Importing a roster file (CSV, one row per employee) into a tenant's roster stream.
 *
 * The file is parsed with csv-parse; the domain's `planRosterImport` turns the records into commands or into
 * every problem of every bad line; the resulting events are appended in ONE append with the expected version
 * of the roster stream, so an import is all or nothing even if the process dies half-way.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { parse } from 'csv-parse/sync';
import {
  fold,
  planRosterImport,
  ROSTER_COLUMNS,
  rosterDecider,
  rosterStreamId,
  type RosterEvent,
  type RosterImportRow,
  type RowProblems,
  type TenantId,
} from '@kinerja/domain';
import type { AppendError, EventStore, ReadError } from '@kinerja/eventstore';
import { eventIdFor, eventMetadata, loadStream, type CommandContext, type CorruptStream } from './pipeline';
import { rosterAggregate } from './aggregates';

export const rosterSerde = rosterAggregate.serde;

/** Parses a roster CSV (header row required) into records with the line each starts on. */
export const parseRosterCsv = (text: string): Either<ReadonlyArray<RowProblems>, ReadonlyArray<RosterImportRow>> => {
  let parsed: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  try {
    parsed = parse(text, { columns: true, info: true, raw: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return left([{ line: e.lines ?? 1, problems: [`the file is not valid CSV: ${e.message ?? String(error)}`] }]);
  }
  const header = parsed[0] === undefined ? [] : Object.keys(parsed[0].record);
  const missing = ROSTER_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(ROSTER_COLUMNS as ReadonlyArray<string>).includes(c));
  if (parsed.length === 0) return left([{ line: 1, problems: ['the file has no data rows'] }]);
  if (missing.length > 0 || unknown.length > 0)
    return left([
      {
        line: 1,
        problems: [
          ...(missing.length > 0 ? [`missing columns: ${missing.join(', ')}`] : []),
          ...(unknown.length > 0 ? [`unknown columns: ${unknown.join(', ')}`] : []),
        ],
      },
    ]);
  // csv-parse reports the line a record ends on; a quoted cell may span lines, so count back to its start.
  return right(
    parsed.map(({ record, info, raw }) => ({ line: info.lines - (raw.trimEnd().split('\n').length - 1), record })),
  );
};

export type RosterImportError =
  | Readonly<{ _tag: 'InvalidRows'; rows: ReadonlyArray<RowProblems> }>
  | CorruptStream
  | AppendError
  | ReadError;

export type RosterImported = Readonly<{ commands: number; events: number; position: number }>;

/** Imports `csv` into the tenant's roster: every command of the file, or nothing. */
export const importRosterCsv = async (
  store: EventStore,
  tenant: TenantId,
  csv: string,
  context: CommandContext,
): Promise<Either<RosterImportError, RosterImported>> => {
  const rows = parseRosterCsv(csv);
  if (isLeft(rows)) return left({ _tag: 'InvalidRows', rows: rows.left });

  const streamId = rosterStreamId(tenant);
  const loaded = await loadStream(store, rosterAggregate, streamId);
  if (isLeft(loaded)) return loaded;
  let state = loaded.right.state;

  const metadata = { now: context.issuedAt, actor: context.actor };
  const planned = planRosterImport(rows.right, state, metadata);
  if (isLeft(planned)) return left({ _tag: 'InvalidRows', rows: planned.left });

  const events: RosterEvent[] = [];
  for (const command of planned.right) {
    const decided = rosterDecider.decide(command, state);
    // planRosterImport has already run every command through the decider; a refusal here is a bug.
    if (isLeft(decided)) throw new Error(`roster import: a planned command was refused: ${JSON.stringify(decided.left)}`);
    events.push(...decided.right);
    state = fold(rosterDecider.evolve, state, decided.right);
  }
  if (events.length === 0) return right({ commands: 0, events: 0, position: 0 });

  const version = loaded.right.envelopes.length - 1;
  const appended = await store.append(
    streamId,
    events.map((event, index) => ({
      eventId: eventIdFor(context.commandId, index),
      ...rosterSerde.serialize(event),
      metadata: eventMetadata({ ...context, tenant }),
    })),
    version < 0 ? 'no-stream' : version,
  );
  if (isLeft(appended)) return appended;
  return right({ commands: planned.right.length, events: events.length, position: appended.right.lastPosition });
};
