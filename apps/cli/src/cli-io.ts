/**
 * Where the CLI writes and what it reads from its surroundings: stdout for results, stderr for progress and
 * errors, and the environment. The binary passes the process's own; in-process tests pass their own streams.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export type OutputStream = Writable & Readonly<{ isTTY?: boolean; columns?: number }>;

export type CliIo = Readonly<{
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
}>;

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Writes and waits when the stream's buffer is full (large exports to a pipe). */
export const write = async (stream: Writable, text: string): Promise<void> => {
  if (!stream.write(text)) await once(stream, 'drain');
};

/** One line of text on stdout (a result). */
export const printLine = (io: CliIo, line = ''): Promise<void> => write(io.stdout, `${line}\n`);

/** One line on stderr (a message, a warning, plain progress). */
export const noteLine = (io: CliIo, line: string): Promise<void> => write(io.stderr, `${line}\n`);

/**
 * JSON as the CLI prints it: Dates as ISO strings (their own toJSON), Maps as objects, Sets as arrays, so a
 * folded domain state prints whole.
 */
export const toJson = (value: unknown, indent = 2): string =>
  JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof Map) return Object.fromEntries(v);
      if (v instanceof Set) return [...v];
      if (typeof v === 'bigint') return v.toString();
      return v;
    },
    indent,
  );

export const printJson = (io: CliIo, value: unknown): Promise<void> => write(io.stdout, `${toJson(value)}\n`);

/** Rows as left-aligned columns separated by two spaces (the first row is usually the header). */
export const table = (rows: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};
