/**
 * `kinerja replay <stream> --as-of <instant> [--effective] [--known-at <instant>] [--json]`: a stream's state as
 * of an instant and the events that made it (packages/engine/src/time-travel.ts). By recorded time by default (as
 * the store held it then); `--effective` by the time the facts occurred, so a later correction shows where it
 * applies. `--employee <nip> --tenant <tenant>` instead of a stream replays the employee's whole file.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { isLeft } from 'fp-ts/Either';
import { Nip, TenantId } from '@kinerja/domain';
import {
  employeeFileAsOf,
  employeeStreamIds,
  employeeStreamPrefixes,
  streamAsOf,
  type AsOf,
  type Locations,
  type StreamAsOf,
  type TimeTravelError,
} from '@kinerja/engine';
import { auditTrailForEmployee } from '@kinerja/projections';
import type { EventStore } from '@kinerja/eventstore';
import { decoded, instant } from '../arguments';
import { printJson, printLine, table, toJson, type CliIo } from '../cli-io';
import { locationsOf, storeUnavailable, withReadModels, withStore } from '../data-access';
import { CliFailure, EXIT, notFound, usageError } from '../exit-codes';
import type { CliContext } from '../context';

type ReplayOptions = Readonly<{
  asOf: Date;
  effective?: boolean;
  knownAt?: Date;
  employee?: Nip;
  tenant?: TenantId;
  json?: boolean;
}>;

const describeAsOf = (asOf: AsOf): string =>
  asOf.by === 'recorded'
    ? `as recorded at ${asOf.at.toISOString()}`
    : `as effective at ${asOf.at.toISOString()}${asOf.knownAt === undefined ? ', as known now' : `, as known at ${asOf.knownAt.toISOString()}`}`;

/** The JSON form of one stream as of an instant: everything, envelopes whole (hashes included). */
const streamJson = (result: StreamAsOf) => ({
  streamId: result.streamId,
  aggregate: result.aggregate ?? null,
  asOf: result.asOf,
  version: result.version,
  eventCount: result.envelopes.length,
  laterEvents: result.laterEvents,
  recordedLater: result.recordedLater.map((e) => e.eventId),
  state: result.state ?? null,
  events: result.envelopes,
});

const printStream = async (io: CliIo, result: StreamAsOf): Promise<void> => {
  const later = new Set(result.recordedLater.map((e) => e.eventId));
  await printLine(io, `${result.streamId}${result.aggregate === undefined ? '' : ` (${result.aggregate})`} ${describeAsOf(result.asOf)}`);
  await printLine(
    io,
    `${result.envelopes.length} event${result.envelopes.length === 1 ? '' : 's'}, version ${result.version}` +
      (result.laterEvents > 0 ? `; ${result.laterEvents} later event${result.laterEvents === 1 ? '' : 's'} not counted` : ''),
  );
  if (result.envelopes.length > 0) {
    await printLine(io);
    const rows = table([
      ['', 'v', 'recorded at', 'occurred at', 'type', 'actor', 'event id'],
      ...result.envelopes.map((e) => [
        later.has(e.eventId) ? '*' : '',
        String(e.streamVersion),
        e.metadata.recordedAt,
        e.metadata.occurredAt,
        e.type,
        `${e.metadata.actor.nip} (${e.metadata.actor.role})`,
        e.eventId,
      ]),
    ]);
    for (const row of rows) await printLine(io, `  ${row}`);
    if (later.size > 0) await printLine(io, '  * recorded after the instant: a later entry or correction that applies then');
  }
  await printLine(io);
  if (result.aggregate === undefined) await printLine(io, 'state: (no aggregate owns this stream category: events only)');
  else await printLine(io, `state:\n${toJson(result.state)}`);
};

const failOn = (locations: Locations, error: TimeTravelError): CliFailure =>
  error._tag === 'Unavailable'
    ? storeUnavailable(locations, error.reason)
    : new CliFailure(EXIT.failed, `stream ${error.streamId} cannot be folded: event at version ${error.streamVersion}: ${error.problem}`);

const streamExists = async (store: EventStore, streamId: string): Promise<boolean> => {
  const read = await store.readStream(streamId, { maxCount: 1 });
  return read._tag === 'Right' && read.right.length > 0;
};

type EmployeeStreams = Readonly<{
  /** The employee's own streams (plans, evaluations, objections, cases, ...): replayed. */
  own: ReadonlyArray<string>;
  /** Other streams with events about the employee (unit periods, the roster): listed, not replayed. */
  related: ReadonlyArray<string>;
  source: 'the audit-trail read model' | 'a scan of the log';
}>;

/**
 * The employee's streams: from the audit-trail read model when it has been built (fast, and it also knows the
 * related streams), else by scanning the log for the employee's stream-id prefixes.
 */
const employeeStreams = async (store: EventStore, locations: Locations, tenant: TenantId, nip: Nip): Promise<EmployeeStreams> => {
  if (existsSync(locations.readModels)) {
    const prefixes = employeeStreamPrefixes(tenant, nip);
    const streams = await withReadModels(locations, 'existing', async (db) => [...new Set(auditTrailForEmployee(db, nip, { tenant }).map((e) => e.stream))]);
    const own = streams.filter((s) => prefixes.some((p) => s.startsWith(p))).sort();
    // An empty answer may only mean the read models are behind: the log has the last word.
    if (own.length > 0) return { own, related: streams.filter((s) => !own.includes(s)).sort(), source: 'the audit-trail read model' };
  }
  const scanned = await employeeStreamIds(store, tenant, nip);
  if (isLeft(scanned)) throw storeUnavailable(locations, scanned.left.reason);
  return { own: scanned.right, related: [], source: 'a scan of the log' };
};

export const replayCommand = (context: CliContext): Command =>
  new Command('replay')
    .description("a stream's state as of an instant and the events that made it (or an employee's whole file)")
    .argument('[stream]', 'the stream id, e.g. plan-surabaya.198503152010011002.2025')
    .requiredOption('--as-of <instant>', 'the instant: 2025-06-30T17:00:00+07:00, 2025-06-30 (end of day, UTC) or now', instant(context.now))
    .option('--effective', 'by the time facts occurred (metadata.occurredAt) instead of the time they were recorded')
    .option('--known-at <instant>', 'with --effective: only what had been recorded by this instant', instant(context.now))
    .option('--employee <nip>', "instead of a stream: the employee's whole file (with --tenant)", decoded(Nip))
    .option('--tenant <tenant>', 'the tenant of --employee', decoded(TenantId))
    .option('--json', 'print JSON: the state and the whole envelopes')
    .action(async (stream: string | undefined, options: ReplayOptions, command: Command) => {
      if ((stream === undefined) === (options.employee === undefined))
        throw usageError('replay needs either a stream id or --employee <nip> --tenant <tenant>, not both');
      if (options.knownAt !== undefined && options.effective !== true) throw usageError('--known-at needs --effective');
      if (options.employee !== undefined && options.tenant === undefined) throw usageError('--employee needs --tenant');
      const asOf: AsOf =
        options.effective === true
          ? { by: 'effective', at: options.asOf, ...(options.knownAt === undefined ? {} : { knownAt: options.knownAt }) }
          : { by: 'recorded', at: options.asOf };
      const locations = locationsOf(command, context.io);

      await withStore(locations, 'existing', async (store) => {
        if (stream !== undefined) {
          const result = await streamAsOf(store, stream, asOf);
          if (isLeft(result)) throw failOn(locations, result.left);
          if (result.right.envelopes.length === 0 && !(await streamExists(store, stream))) throw notFound(`no stream ${stream}`);
          if (options.json === true) await printJson(context.io, streamJson(result.right));
          else await printStream(context.io, result.right);
          return;
        }
        const nip = options.employee;
        const tenant = options.tenant;
        if (nip === undefined || tenant === undefined) return; // checked above
        const found = await employeeStreams(store, locations, tenant, nip);
        if (found.own.length === 0) throw notFound(`no streams of employee ${nip} in tenant ${tenant}`);
        const file = await employeeFileAsOf(store, found.own, asOf);
        if (isLeft(file)) throw failOn(locations, file.left);
        if (options.json === true) {
          await printJson(context.io, {
            employee: nip,
            tenant,
            asOf,
            source: found.source,
            streams: file.right.streams.map(streamJson),
            notYet: file.right.notYet,
            related: found.related,
          });
          return;
        }
        await printLine(
          context.io,
          `file of ${nip} (${tenant}) ${describeAsOf(asOf)}: ${file.right.streams.length} of ${found.own.length} streams (found by ${found.source})`,
        );
        for (const result of file.right.streams) {
          await printLine(context.io, '');
          await printLine(context.io, '—'.repeat(40));
          await printStream(context.io, result);
        }
        if (file.right.notYet.length > 0) await printLine(context.io, `\nnot yet then: ${file.right.notYet.join(', ')}`);
        if (found.related.length > 0) await printLine(context.io, `related streams (replay them by id): ${found.related.join(', ')}`);
      });
    });
