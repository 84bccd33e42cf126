/** What every command's action gets: the I/O, the clock, interrupts, and where to leave its exit code. */
import type { CliIo } from './cli-io';

export type CliContext = {
  readonly io: CliIo;
  /** The clock (`--as-of now`, token issue times); tests may fix it. */
  readonly now: () => Date;
  /**
   * Calls `handler` on the first Ctrl-C (SIGINT) or SIGTERM, so that long work can stop cleanly; a second one
   * ends the process at once (exit 130). Returns the function that removes the handler.
   */
  readonly onInterrupt: (handler: () => void) => () => void;
  /** Set by an action whose answer is not "ok" without being an error (`verify` finding a broken link). */
  exitCode: number;
};

/** Interrupts from the process's own signals (the binary). */
export const processInterrupts =
  (exit: (code: number) => void, interruptedCode: number) =>
  (handler: () => void): (() => void) => {
    let seen = 0;
    const listener = (): void => {
      seen += 1;
      if (seen === 1) handler();
      else exit(interruptedCode);
    };
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return () => {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    };
  };
