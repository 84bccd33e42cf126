/**
 * `kinerja verify [--stream s] [--json]`: recomputes every hash chain (ARCHITECTURE.md, "Integrity"). Exit 0 when
 * every chain holds; 1 naming the first broken link (stream, version, what is wrong); 3 when the store cannot be read.
 */
import { Command } from 'commander';
import { verify, type BrokenLink, type VerifyReport } from '@kinerja/eventstore';
import { printJson, printLine } from '../cli-io';
import { describeStore, locationsOf, storeUnavailable, withStore } from '../data-access';
import { EXIT, notFound } from '../exit-codes';
import type { CliContext } from '../context';

/** What a broken link means, in words an auditor can act on. */
export const describeLink = (link: BrokenLink): string => {
  switch (link.problem) {
    case 'hash':
      return `the stored hash does not match the event's content (the event was altered after it was written): recomputed ${link.expected}, stored ${link.found}`;
    case 'prev-hash':
      return `its prevHash does not match the hash of the event before it (that event was altered and rehashed, or removed): expected ${link.expected}, found ${link.found}`;
    case 'version-gap':
      return `expected stream version ${link.expected} here, found ${link.found} (an event is missing or out of place)`;
  }
};

const summary = (report: VerifyReport): string =>
  `${report.eventsChecked} event${report.eventsChecked === 1 ? '' : 's'} in ${report.streamsChecked} stream${report.streamsChecked === 1 ? '' : 's'}`;

export const verifyCommand = (context: CliContext): Command =>
  new Command('verify')
    .description('recompute every hash chain; exit 0 when all hold, 1 naming the first broken link')
    .option('--stream <streamId>', 'only this stream')
    .option('--json', 'print the report as JSON')
    .action(async (options: { stream?: string; json?: boolean }, command: Command) => {
      const locations = locationsOf(command, context.io);
      const result = await withStore(locations, 'existing', (store) =>
        verify(store, options.stream === undefined ? {} : { stream: options.stream }),
      );
      if (result._tag === 'Left') throw storeUnavailable(locations, result.left.reason);
      const report = result.right;
      if (options.stream !== undefined && report.eventsChecked === 0)
        throw notFound(`no stream ${options.stream} in ${describeStore(locations)}: nothing to verify`);
      if (options.json === true) {
        await printJson(context.io, {
          intact: report._tag === 'Intact',
          store: describeStore(locations),
          ...report,
          ...(report._tag === 'Broken' ? { explanation: describeLink(report.link) } : {}),
        });
      } else if (report._tag === 'Intact') {
        await printLine(context.io, `intact: every chain holds (${summary(report)} checked)`);
      } else {
        const { link } = report;
        await printLine(context.io, `BROKEN: stream ${link.streamId}, version ${link.streamVersion}: ${link.problem}`);
        await printLine(context.io, `  ${describeLink(link)}`);
        await printLine(context.io, `  (${summary(report)} checked up to and including this link)`);
      }
      context.exitCode = report._tag === 'Intact' ? EXIT.ok : EXIT.failed;
    });
