/**
 * The entry point of `kinerja` (bin/kinerja.js calls `main(process.argv)` and exits with the code it returns).
 * Results go to stdout, messages and progress to stderr; every failure ends in one of the exit codes of
 * exit-codes.ts.
 */
import { CommanderError } from 'commander';
import { StoreUnavailableError } from '@kinerja/eventstore';
import { processIo, type CliIo } from './cli-io';
import { processInterrupts, type CliContext } from './context';
import { CliFailure, EXIT } from './exit-codes';
import { buildProgram } from './program';

export { EXIT } from './exit-codes';

export type MainOptions = Readonly<{
  /** Default: the process's stdout, stderr and environment. */
  io?: CliIo;
  now?: () => Date;
  /** Default: the process's SIGINT and SIGTERM when `io` is the process's own, none otherwise. */
  onInterrupt?: CliContext['onInterrupt'];
}>;

const isBrokenPipe = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';

/** Maps what ended a run to its exit code, writing the message to stderr. */
const exitCodeOf = (error: unknown, io: CliIo): number => {
  // The reader went away (`kinerja export ... | head`): nothing more to say, as with any Unix filter.
  if (isBrokenPipe(error)) return EXIT.ok;
  if (error instanceof CommanderError) {
    // Commander has already written its message (and the help hint) to stderr.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof CliFailure) {
    io.stderr.write(`kinerja: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof StoreUnavailableError) {
    io.stderr.write(`kinerja: ${error.message}\n`);
    return EXIT.unavailable;
  }
  io.stderr.write(`kinerja: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
};

/** Runs one command line (`argv` as in `process.argv`: node, script, then the arguments); resolves to the exit code. */
export const main = async (argv: ReadonlyArray<string>, options: MainOptions = {}): Promise<number> => {
  const io = options.io ?? processIo();
  if (options.io === undefined)
    // A write after the reader closed the pipe also arrives as an 'error' event: end quietly.
    process.stdout.on('error', (error: unknown) => process.exit(exitCodeOf(error, io)));
  const onInterrupt =
    options.onInterrupt ??
    (options.io === undefined ? processInterrupts((code) => process.exit(code), EXIT.interrupted) : () => () => undefined);
  const context: CliContext = { io, now: options.now ?? (() => new Date()), onInterrupt, exitCode: EXIT.ok };
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return context.exitCode;
  } catch (error: unknown) {
    return exitCodeOf(error, io);
  }
};
