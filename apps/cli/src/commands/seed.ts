/**
 * `kinerja seed --employees N --years Y --seed S [--tenants a,b] [--start-year 2025] [--no-periodic] [--json]`: a
 * deterministic, realistic history for the five tenants (or the ones named), written through the real engine by
 * `seedHistory` (docs/seed.md). The same options give the same events; every command has an id derived from the
 * seed, so re-running a seed that was interrupted (or ran before) appends only what is missing.
 */
import { Command, InvalidArgumentError } from 'commander';
import { MIN_EMPLOYEES_PER_TENANT, SEED_TENANTS, seedHistory, type SeedReport } from '@kinerja/engine';
import type { TenantId } from '@kinerja/domain';
import { wholeNumber } from '../arguments';
import { printJson, printLine, table } from '../cli-io';
import { describeStore, locationsOf, withStore } from '../data-access';
import { EXIT, usageError } from '../exit-codes';
import { formatSeconds, progressFor } from '../progress';
import type { CliContext } from '../context';

type SeedCliOptions = Readonly<{
  employees: number;
  years: number;
  seed: string;
  tenants?: ReadonlyArray<TenantId>;
  startYear?: number;
  periodic: boolean;
  json?: boolean;
}>;

const SEED_TENANT_IDS: ReadonlyArray<TenantId> = SEED_TENANTS.map((t) => t.tenant);

const tenantList = (value: string): ReadonlyArray<TenantId> => {
  const names = [...new Set(value.split(',').map((t) => t.trim()).filter((t) => t.length > 0))];
  const tenants = SEED_TENANT_IDS.filter((t) => names.includes(t));
  const unknown = names.filter((n) => !tenants.some((t) => t === n));
  if (names.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(`the seed knows the tenants ${SEED_TENANT_IDS.join(', ')}${unknown.length > 0 ? `; not ${unknown.join(', ')}` : ''}`);
  return tenants;
};

const printReport = async (context: CliContext, report: SeedReport, store: string): Promise<void> => {
  await printLine(
    context.io,
    `seeded ${store}: ${report.events} events from ${report.commands} commands in ${formatSeconds(report.seconds)} (${Math.round(report.eventsPerSecond)} events/s)` +
      (report.replayed > 0 ? `; ${report.replayed} commands had been handled before` : ''),
  );
  await printLine(context.io);
  const rows = table([
    ['tenant', 'employees', 'units', 'plans', 'evaluations', 'unit periods', 'events'],
    ...Object.entries(report.perTenant).map(([tenant, t]) => [tenant, String(t.employees), String(t.units), String(t.plans), String(t.evaluations), String(t.unitPeriods), String(t.events)]),
  ]);
  for (const row of rows) await printLine(context.io, row);
};

export const seedCommand = (context: CliContext): Command =>
  new Command('seed')
    .description('write a deterministic, realistic history for the five tenants through the engine')
    .option('--employees <n>', `employees in all (at least ${MIN_EMPLOYEES_PER_TENANT} per tenant)`, wholeNumber(1), 250)
    .option('--years <n>', 'years of history, each a full cycle from plans to final evaluations', wholeNumber(1), 1)
    .option('--seed <seed>', 'the seed: the same seed gives the same history', 'kinerja')
    .option('--tenants <list>', `comma-separated subset of ${SEED_TENANT_IDS.join(', ')}`, tenantList)
    .option('--start-year <year>', 'first year (2023 or later)', wholeNumber(2023))
    .option('--no-periodic', 'annual evaluations only (no quarterly or monthly ones)')
    .option('--json', 'print the seed report as JSON')
    .action(async (options: SeedCliOptions, command: Command) => {
      const tenants = options.tenants ?? SEED_TENANT_IDS;
      const minimum = MIN_EMPLOYEES_PER_TENANT * tenants.length;
      if (options.employees < minimum)
        throw usageError(`--employees: the seed needs at least ${minimum} employees for ${tenants.length} tenant(s) (${MIN_EMPLOYEES_PER_TENANT} each), got ${options.employees}`);
      if (options.years > 50) throw usageError(`--years: at most 50, got ${options.years}`);
      // A seed of digits is the number (as the service's demo seed is), anything else the string.
      const seed: number | string = /^\d{1,15}$/.test(options.seed) ? Number(options.seed) : options.seed;
      const locations = locationsOf(command, context.io);
      await withStore(locations, 'create', async (store) => {
        const progress = progressFor(context.io, { title: 'seed', unit: 'steps' });
        let report: SeedReport;
        try {
          report = await seedHistory({
            store,
            employees: options.employees,
            years: options.years,
            seed,
            tenants,
            periodic: options.periodic,
            ...(options.startYear === undefined ? {} : { startYear: options.startYear }),
            onProgress: (p) => progress.update(p.done, p.total, p.phase),
          });
        } finally {
          progress.stop();
        }
        if (options.json === true) await printJson(context.io, report);
        else await printReport(context, report, describeStore(locations));
        if (report.refusals > 0) {
          const first = report.firstRefusals[0];
          context.io.stderr.write(
            `kinerja: ${report.refusals} seed command(s) were refused (${Object.entries(report.refusalsByTag).map(([tag, n]) => `${tag} ×${n}`).join(', ')})` +
              (first === undefined ? '' : `; first: ${JSON.stringify(first)}`) +
              '\n',
          );
          context.exitCode = EXIT.failed;
        }
      });
    });
