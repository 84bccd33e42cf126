/**
 * `kinerja export <read model> --format csv|json [--tenant t] [--period p] [--unit u] [--out file]`: one read
 * model's rows (`exportReadModel`) as CSV (csv-stringify, with a header row) or as a JSON array, to stdout or a
 * file. Rows are written as they are formatted, with backpressure, so a large export does not build one huge
 * string.
 */
import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify';
import { PeriodId, TenantId, UnitId } from '@kinerja/domain';
import { exportReadModel, isReadModelName, READ_MODEL_DESCRIPTIONS, READ_MODEL_NAMES, type ExportFilter, type ExportRow } from '@kinerja/projections';
import { decoded } from '../arguments';
import { noteLine, write } from '../cli-io';
import { locationsOf, withReadModels } from '../data-access';
import { usageError } from '../exit-codes';
import type { CliContext } from '../context';

type ExportOptions = Readonly<{ format: 'csv' | 'json'; tenant?: string; period?: string; unit?: string; out?: string }>;

/** Every column any row has, in the order first seen. */
const columnsOf = (rows: ReadonlyArray<ExportRow>): ReadonlyArray<string> => {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
};

const writeCsv = async (rows: ReadonlyArray<ExportRow>, out: Writable): Promise<void> => {
  const columns = columnsOf(rows);
  if (columns.length === 0) return;
  const csv = Readable.from(rows).pipe(stringify({ header: true, columns: [...columns], cast: { number: (n) => String(n) } }));
  for await (const chunk of csv) await write(out, String(chunk));
};

const writeJson = async (rows: ReadonlyArray<ExportRow>, out: Writable): Promise<void> => {
  await write(out, rows.length === 0 ? '[]\n' : '[\n');
  for (let i = 0; i < rows.length; i++) await write(out, `  ${JSON.stringify(rows[i])}${i === rows.length - 1 ? '\n]\n' : ',\n'}`);
};

const listing = READ_MODEL_NAMES.map((name) => `  ${name.padEnd(24)} ${READ_MODEL_DESCRIPTIONS[name]}`).join('\n');

export const exportCommand = (context: CliContext): Command =>
  new Command('export')
    .description('export a read model as CSV or JSON')
    .argument('<readModel>', `one of: ${READ_MODEL_NAMES.join(', ')}`)
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--tenant <tenant>', 'only this tenant (default: every tenant, one after the other)', decoded(TenantId))
    .option('--period <period>', 'only this period, e.g. 2025', decoded(PeriodId))
    .option('--unit <unit>', 'only this unit', decoded(UnitId))
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', `\nRead models:\n${listing}`)
    .action(async (name: string, options: ExportOptions, command: Command) => {
      if (!isReadModelName(name)) throw usageError(`unknown read model "${name}"; one of ${READ_MODEL_NAMES.join(', ')}`);
      const filter: ExportFilter = {
        ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
        ...(options.period === undefined ? {} : { period: options.period }),
        ...(options.unit === undefined ? {} : { unit: options.unit }),
      };
      const locations = locationsOf(command, context.io);
      const rows = await withReadModels(locations, 'existing', async (db) => exportReadModel(db, name, filter));
      const format = options.format === 'json' ? writeJson : writeCsv;
      if (options.out === undefined) {
        await format(rows, context.io.stdout);
        return;
      }
      let fd: number;
      try {
        fd = openSync(options.out, 'w');
      } catch (error: unknown) {
        throw usageError(`--out: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const file = createWriteStream('', { fd });
      await format(rows, file);
      file.end();
      await once(file, 'finish');
      await noteLine(context.io, `wrote ${rows.length} row${rows.length === 1 ? '' : 's'} of ${name} to ${options.out}`);
    });
