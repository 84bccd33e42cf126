/**
 * Progress for long work (rebuild, seed) on stderr: a cli-progress bar with the ETA when stderr is a terminal,
 * plain lines otherwise (CI logs, pipes, tests), at most one every `intervalMs` plus the last one.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './cli-io';

export type Progress = Readonly<{
  /** `done` of `total` units; `label` names what is being worked on (a read model, a tenant). */
  update: (done: number, total: number, label?: string) => void;
  /** Ends the bar (or writes the last plain line). Safe to call twice. */
  stop: () => void;
}>;

/** `75s` → `1m15s`. */
export const formatSeconds = (seconds: number): string => {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
};

export type ProgressOptions = Readonly<{
  /** What is progressing, e.g. `rebuild`. */
  title: string;
  /** The unit counted, e.g. `events`. */
  unit: string;
  /** Plain lines: at most one per interval, and the last one when stopped. Default 2 s. */
  intervalMs?: number;
  /** The clock, for ETA and throttling (tests). */
  now?: () => number;
}>;

const plainProgress = (io: CliIo, options: ProgressOptions): Progress => {
  const now = options.now ?? (() => Date.now());
  const interval = options.intervalMs ?? 2_000;
  const started = now();
  // The first line comes after one interval: short work prints only its last line.
  let lastPrinted = started;
  let last: { done: number; total: number; label: string | undefined } | undefined;
  let printedLast = true;
  let stopped = false;
  const print = (): void => {
    if (last === undefined) return;
    const { done, total, label } = last;
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const eta = done >= total ? 'done' : rate > 0 ? `ETA ${formatSeconds((total - done) / rate)}` : 'ETA ?';
    io.stderr.write(
      `${options.title}${label === undefined ? '' : ` ${label}`}: ${done}/${total} ${options.unit} (${percent}%), ${Math.round(rate)} ${options.unit}/s, ${eta}\n`,
    );
    lastPrinted = now();
    printedLast = true;
  };
  return {
    update: (done, total, label) => {
      if (stopped) return;
      last = { done, total, label };
      printedLast = false;
      if (now() - lastPrinted >= interval) print();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      if (!printedLast) print();
    },
  };
};

const barProgress = (io: CliIo, options: ProgressOptions): Progress => {
  const bar = new SingleBar(
    {
      stream: io.stderr,
      format: `${options.title} {label} [{bar}] {percentage}% | {value}/{total} ${options.unit} | {speed}/s | ETA {eta_formatted}`,
      // Left visible: a process killed mid-bar would otherwise leave the terminal's cursor hidden.
      hideCursor: false,
      etaBuffer: 50,
      fps: 5,
    },
    Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  const t0 = Date.now();
  return {
    update: (done, total, label) => {
      const speed = Math.round(done / Math.max(0.001, (Date.now() - t0) / 1000));
      const payload = { label: label ?? '', speed };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop: () => {
      if (stopped || !started) return;
      stopped = true;
      bar.stop();
    },
  };
};

/** `KINERJA_PROGRESS_INTERVAL_MS`: how often plain progress lines are written (default 2000; 0 = every update). */
export const PROGRESS_INTERVAL_VARIABLE = 'KINERJA_PROGRESS_INTERVAL_MS';

/** A bar when stderr is a terminal, plain lines otherwise. */
export const progressFor = (io: CliIo, options: ProgressOptions): Progress => {
  if (io.stderr.isTTY === true) return barProgress(io, options);
  const setting = io.env[PROGRESS_INTERVAL_VARIABLE];
  const interval = setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : options.intervalMs;
  return plainProgress(io, interval === undefined ? options : { ...options, intervalMs: interval });
};
