/**
 * JSON-lines logging for what runs beside the HTTP server (seeding, projections, process managers, timers), in
 * the same shape as the request logs (`level`, `time`, `msg`, fields), filtered by the configured level.
 */
import type { ServiceConfig } from '../contracts';

export type RuntimeLog = Readonly<{
  error: (msg: string, fields?: Readonly<Record<string, unknown>>) => void;
  warn: (msg: string, fields?: Readonly<Record<string, unknown>>) => void;
  info: (msg: string, fields?: Readonly<Record<string, unknown>>) => void;
  debug: (msg: string, fields?: Readonly<Record<string, unknown>>) => void;
}>;

/** pino's numeric levels, which the request logs use too. */
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;

export const createRuntimeLog = (level: ServiceConfig['logLevel'], write: (line: string) => void = (line) => process.stdout.write(line)): RuntimeLog => {
  const threshold = LEVELS[level];
  const at = (name: 'error' | 'warn' | 'info' | 'debug') => (msg: string, fields: Readonly<Record<string, unknown>> = {}) => {
    if (LEVELS[name] < threshold) return;
    write(`${JSON.stringify({ level: LEVELS[name], time: Date.now(), name: 'kinerja', msg, ...fields })}\n`);
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
};
