/**
 * The `kinerja` program: global options and one subcommand per file in `commands/`. Built afresh for each run, so
 * that in-process tests do not share parsed state.
 */
import { Command, Option } from 'commander';
import type { CliContext } from './context';
import { explainCommand } from './commands/explain';
import { exportCommand } from './commands/export';
import { rebuildCommand } from './commands/rebuild';
import { replayCommand } from './commands/replay';
import { seedCommand } from './commands/seed';
import { statusCommand } from './commands/status';
import { tokenCommand } from './commands/token';
import { verifyCommand } from './commands/verify';

export const buildProgram = (context: CliContext): Command => {
  const program = new Command('kinerja')
    .description("kinerja: the operators' and auditors' command line (event-sourced ASN performance management)")
    .addOption(new Option('--data <dir>', 'data directory (default: KINERJA_DATA, else ./data)'))
    .addOption(new Option('--store <location>', 'event store: sqlite:<path> or esdb://... (default: KINERJA_STORE, else sqlite:<data>/kinerja.db)'))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    })
    .exitOverride();
  for (const make of [seedCommand, rebuildCommand, statusCommand, replayCommand, verifyCommand, explainCommand, exportCommand, tokenCommand]) {
    const command = make(context)
      .showHelpAfterError('(run with --help for usage)')
      .configureOutput({
        writeOut: (text) => context.io.stdout.write(text),
        writeErr: (text) => context.io.stderr.write(text),
      })
      .exitOverride();
    program.addCommand(command);
  }
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 verification failed or not found, 2 usage error, 3 store unavailable, 70 internal error, 130 interrupted.\nSee docs/cli.md.',
  );
  return program;
};
