/**
 * `kinerja explain <eventId> [--depth n] [--json]`: the provenance of a decision (ARCHITECTURE.md, "inspectorate
 * checking provenance"): who decided, in what role and with what authority, under which rule book and articles,
 * from which input events, followed back `--depth` levels (a settled predikat → its unit's settlement → the
 * proposals and the curve check → the appraisers' ratings). Read from the provenance read model.
 */
import { Command } from 'commander';
import { explain, explainText } from '@kinerja/projections';
import { wholeNumber } from '../arguments';
import { printJson, printLine } from '../cli-io';
import { locationsOf, withReadModels } from '../data-access';
import { notFound } from '../exit-codes';
import type { CliContext } from '../context';

export const explainCommand = (context: CliContext): Command =>
  new Command('explain')
    .description('the provenance of a decision: actors, authority, rule book, articles and input events')
    .argument('<eventId>', 'the id of the decision event (see `kinerja replay` or `kinerja export audit-trail`)')
    .option('--depth <n>', 'how many levels of inputs to follow back', wholeNumber(0), 3)
    .option('--json', 'print the provenance graph as JSON (nodes and edges)')
    .action(async (eventId: string, options: { depth: number; json?: boolean }, command: Command) => {
      const locations = locationsOf(command, context.io);
      await withReadModels(locations, 'existing', async (db) => {
        const graph = explain(db, eventId, { depth: options.depth });
        if (graph === undefined)
          throw notFound(`no event ${eventId} in the read models at ${locations.readModels} (if it is recent, run "kinerja rebuild" or let the service catch up)`);
        if (options.json === true) await printJson(context.io, graph);
        else await printLine(context.io, explainText(graph));
      });
    });
