/**
 * `kinerja rebuild [name...] [--fresh] [--json]`: blue/green rebuild of the named read models (default: all) from
 * the log, by the projection runner (`createProjectionRunner(...).rebuild`). The views keep answering from the old
 * tables until the new ones have caught up, so the service can keep serving meanwhile. Progress with an ETA on
 * stderr (a bar on a terminal, plain lines otherwise).
 *
 * Resumable: every batch is committed with its checkpoint, so a rebuild that is killed (or interrupted with Ctrl-C,
 * exit 130) goes on from its checkpoint when run again; `--fresh` starts over from position 0 instead.
 */
import { Command } from 'commander';
import { createProjectionRunner, type RebuildReport } from '@kinerja/projections';
import { wholeNumber } from '../arguments';
import { noteLine, printJson, printLine, table } from '../cli-io';
import { locationsOf, withEventLoopTurns, withReadModels, withStore } from '../data-access';
import { EXIT } from '../exit-codes';
import { formatSeconds, progressFor } from '../progress';
import type { CliContext } from '../context';
import { PROJECTION_NAMES, projectionsNamed } from './read-model-names';

type RebuildCliOptions = Readonly<{ fresh?: boolean; json?: boolean; batchSize?: number }>;

const printReport = async (context: CliContext, report: RebuildReport): Promise<void> => {
  const rows = table([
    ['projection', 'version', 'build', 'resumed from', 'checkpoint', 'swapped'],
    ...report.projections.map((p) => [p.name, String(p.version), String(p.build), String(p.resumedFrom), String(p.checkpoint), p.swapped ? 'yes' : 'no']),
  ]);
  for (const row of rows) await printLine(context.io, row);
  await printLine(
    context.io,
    `${report.complete ? 'rebuilt' : 'interrupted'}: ${report.eventsRead} events read in ${formatSeconds(report.seconds)} (${Math.round(report.eventsPerSecond)} events/s)`,
  );
};

export const rebuildCommand = (context: CliContext): Command =>
  new Command('rebuild')
    .description('rebuild read models from the log (blue/green, resumable), with progress and ETA')
    .argument('[name...]', `projections to rebuild (default: all): ${PROJECTION_NAMES.join(', ')}`)
    .option('--fresh', 'start from position 0 even when an interrupted rebuild could resume')
    .option('--batch-size <n>', 'events per transaction (default 1000): smaller commits more often', wholeNumber(1))
    .option('--json', 'print the report as JSON')
    .action(async (names: ReadonlyArray<string>, options: RebuildCliOptions, command: Command) => {
      const projections = projectionsNamed(names);
      const locations = locationsOf(command, context.io);
      await withStore(locations, 'existing', (store) =>
        withReadModels(locations, 'create', async (db) => {
          const runner = createProjectionRunner({ store: withEventLoopTurns(store), db, projections, ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }) });
          const progress = progressFor(context.io, { title: 'rebuild', unit: 'events' });
          const label = projections.length === 1 ? projections[0]?.name : `${projections.length} read models`;
          // Ctrl-C / SIGTERM: stop the runner, which ends the rebuild after its current batch (committed with its
          // checkpoint), so that the next run resumes; the report then says it is not complete.
          let interrupted = false;
          const interrupt = (): void => {
            if (interrupted) return;
            interrupted = true;
            progress.stop();
            void noteLine(context.io, 'kinerja: interrupted; stopping after the current batch (run rebuild again to resume)');
            void runner.stop();
          };
          const removeInterrupt = context.onInterrupt(interrupt);
          let report: RebuildReport;
          try {
            report = await runner.rebuild(
              projections.map((p) => p.name),
              {
                // All the projections read the log together: one position for all of them.
                onProgress: (p) => progress.update(p.done, p.total, label),
                ...(options.fresh === true ? { fresh: true } : {}),
              },
            );
          } finally {
            progress.stop();
            removeInterrupt();
            await runner.stop();
          }
          if (options.json === true) await printJson(context.io, report);
          else await printReport(context, report);
          if (!report.complete) context.exitCode = EXIT.interrupted;
        }),
      );
    });
