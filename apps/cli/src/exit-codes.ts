/**
 * The exit codes of `kinerja`, which scripts can rely on (docs/cli.md, "Exit codes"). They follow the BSD
 * sysexits spirit where one exists (70 = EX_SOFTWARE) and keep the small numbers for what a script acts on.
 */
export const EXIT = {
  /** Done; for `verify`, every chain holds. */
  ok: 0,
  /** The answer is "no": a chain is broken (`verify`), or what was asked for does not exist (event, stream, read model). */
  failed: 1,
  /** The command line is wrong: unknown command or option, a missing or malformed argument, a bad setting. */
  usage: 2,
  /** The event store or the read-model database cannot be opened or read (missing, locked, unreachable). */
  unavailable: 3,
  /** Interrupted (Ctrl-C, SIGTERM) before it finished; `rebuild` and `seed` can be re-run to go on. */
  interrupted: 130,
  /** A bug: an unexpected exception (its stack goes to stderr). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports in one line on stderr and ends with `exitCode`. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export const usageError = (message: string): CliFailure => new CliFailure(EXIT.usage, message);
export const notFound = (message: string): CliFailure => new CliFailure(EXIT.failed, message);
export const unavailable = (message: string): CliFailure => new CliFailure(EXIT.unavailable, message);
