/**
 * `kinerja status [--json]`: each projection's declared and active version, state, checkpoint and lag behind the
 * store's head (`runner.status()`), and a rebuild's own checkpoint while one runs or waits to resume.
 */
import { Command } from 'commander';
import { createProjectionRunner, READ_MODELS, skippedEvents } from '@kinerja/projections';
import { printJson, printLine, table } from '../cli-io';
import { describeStore, locationsOf, storeUnavailable, withReadModels, withStore } from '../data-access';
import type { CliContext } from '../context';

export const statusCommand = (context: CliContext): Command =>
  new Command('status')
    .description("each projection's version, checkpoint and lag behind the log")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const locations = locationsOf(command, context.io);
      await withStore(locations, 'existing', async (store) => {
        const head = await store.headPosition();
        if (head._tag === 'Left') throw storeUnavailable(locations, head.left.reason);
        await withReadModels(locations, 'create', async (db) => {
          const runner = createProjectionRunner({ store, db, projections: READ_MODELS });
          const statuses = await runner.status();
          // The skipped-events views exist once every projection has been built.
          const skipped = statuses.every((s) => s.activeVersion !== undefined) ? skippedEvents(db, READ_MODELS) : [];
          if (options.json === true) {
            await printJson(context.io, { store: describeStore(locations), readModels: locations.readModels, head: head.right, projections: statuses, skippedEvents: skipped });
            return;
          }
          await printLine(context.io, `store ${describeStore(locations)}: head position ${head.right}`);
          await printLine(context.io, `read models ${locations.readModels}`);
          await printLine(context.io);
          const rows = table([
            ['projection', 'declared', 'active', 'state', 'checkpoint', 'lag', 'rebuild at'],
            ...statuses.map((s) => [
              s.name,
              `v${s.declaredVersion}`,
              s.activeVersion === undefined ? '-' : `v${s.activeVersion}`,
              s.state,
              String(s.checkpoint),
              String(s.lag),
              s.rebuildCheckpoint === undefined ? '' : String(s.rebuildCheckpoint),
            ]),
          ]);
          for (const row of rows) await printLine(context.io, row);
          if (skipped.length > 0) await printLine(context.io, `\n${skipped.length} event(s) skipped by a projection (shape not understood): see --json or the *_skipped views`);
        });
      });
    });
