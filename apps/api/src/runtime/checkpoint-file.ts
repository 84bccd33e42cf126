/**
 * A position kept in a small JSON file in the data directory (the process managers' checkpoint), written
 * atomically (a temporary file renamed over the old one) and at most every `everyMs`, plus on `flush()`.
 * Losing the last few positions costs only time: the reactions are idempotent (deterministic command ids).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export type CheckpointFile = Readonly<{
  /** The position recorded last (at open: the file's, or 0 when it does not exist or cannot be read). */
  position: () => number;
  /** Records a position; written to disk when `everyMs` has passed since the last write. */
  advance: (position: number) => void;
  flush: () => void;
}>;

export const openCheckpointFile = (path: string, everyMs = 250): CheckpointFile => {
  let initial = 0;
  if (existsSync(path)) {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as { position?: unknown };
      if (typeof parsed.position === 'number' && Number.isSafeInteger(parsed.position) && parsed.position >= 0) initial = parsed.position;
    } catch {
      initial = 0;
    }
  }
  let position = initial;
  let written = initial;
  let lastWrite = 0;
  const write = () => {
    if (position === written) return;
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ position, at: new Date().toISOString() })}\n`);
    renameSync(temporary, path);
    written = position;
    lastWrite = Date.now();
  };
  return {
    position: () => position,
    advance: (next) => {
      position = Math.max(position, next);
      if (Date.now() - lastWrite >= everyMs) write();
    },
    flush: write,
  };
};
