// The benchmark harness: runs each figure's two sides in interleaved rounds and summarises them.
//
// A figure is a plain object (see `Figure` below). Each call of `ours()` or `baseline()` is one round: it sets
// up what it needs, times only the work being measured, cleans up, and resolves with a rate or a duration in
// the figure's unit. The harness alternates them (ours, baseline, ours, baseline, …) so that a machine that
// slows down or speeds up during the run (these vary by up to 25%) affects both sides alike, and reports the
// median of each side, its spread, and ratio = median ours / median baseline.

/**
 * @typedef {object} Target
 * @property {string} label          how the target reads in the table, e.g. "ratio ≥ 0.5"
 * @property {(ratio: number | undefined, ours: number) => boolean | undefined} met
 *   undefined: informational, nothing to meet
 */

/**
 * @typedef {object} Figure
 * @property {string} name                        one line, as it appears in the table
 * @property {string} unit                        e.g. "appends/s", "events/s", "ms" (pick targets to match:
 *                                                a duration wants ratioAtMost)
 * @property {() => Promise<number>} ours         one round of kinerja, in `unit`
 * @property {() => Promise<number>} [baseline]   one round of the baseline, in `unit`
 * @property {string} [baselineWhat]              what the baseline is, in a few words (the table's cell)
 * @property {Target} target
 * @property {string} notes                       markdown: what is measured, how, and how to read it
 * @property {() => Promise<void>} [setup]        once before the rounds (seeding a log, starting a server)
 * @property {() => Promise<void>} [teardown]     once after the rounds, even if one failed
 * @property {() => string | undefined} [details] markdown appended to the notes after the rounds (counters)
 */

/** @typedef {{ median: number, min: number, max: number, spreadPct: number, samples: number[] }} Summary */

/** Targets: build them with these, or write your own `{ label, met }`. */
const targets = {
  /** @returns {Target} */
  ratioAtLeast: (min, why = '') => ({ label: `ratio ≥ ${min}${why ? ` ${why}` : ''}`, met: (ratio) => (ratio === undefined ? undefined : ratio >= min) }),
  /** @returns {Target} */
  ratioAtMost: (max, why = '') => ({ label: `ratio ≤ ${max}${why ? ` ${why}` : ''}`, met: (ratio) => (ratio === undefined ? undefined : ratio <= max) }),
  /** An absolute target on our median, in the figure's unit. @returns {Target} */
  atLeast: (min, unit) => ({ label: `≥ ${min.toLocaleString('en-US')} ${unit}`, met: (_ratio, ours) => ours >= min }),
  /** @returns {Target} */
  atMost: (max, unit) => ({ label: `≤ ${max.toLocaleString('en-US')} ${unit}`, met: (_ratio, ours) => ours <= max }),
  /** Nothing to meet; `label` says why or what the later target is. @returns {Target} */
  informational: (label = 'informational') => ({ label, met: () => undefined }),
};

const positiveInt = (value, fallback) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

/** The run's settings, from the environment (see README of `pnpm bench` in run.js). */
const configFromEnv = (env = process.env) => {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  return {
    quick,
    rounds: positiveInt(env.BENCH_ROUNDS, quick ? 3 : 5),
    // Untimed rounds of each side before the measured ones (JIT, page cache, file system).
    warmup: env.BENCH_WARMUP === undefined ? 1 : Math.max(0, Number.parseInt(env.BENCH_WARMUP, 10) || 0),
    /** Only figures whose name contains this (case-insensitive). */
    only: env.BENCH_ONLY ? env.BENCH_ONLY.toLowerCase() : undefined,
  };
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** @returns {Summary} */
const summarise = (samples) => {
  const m = median(samples);
  const min = Math.min(...samples);
  const max = Math.max(...samples);
  return { median: m, min, max, spreadPct: m === 0 ? 0 : ((max - min) / m) * 100, samples };
};

/** Collects garbage between rounds when node runs with --expose-gc, so that one side does not pay for the other's. */
const settle = () => {
  if (typeof global.gc === 'function') global.gc();
};

/** Times `work` and returns `count` per second of it: for rates measured inside a round. */
const perSecond = async (count, work) => {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
};

/** Times `work` in milliseconds: for durations and latencies. */
const milliseconds = async (work) => {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const short = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));

/**
 * Runs one figure: setup, warm-up rounds, then `rounds` interleaved rounds, teardown.
 * @param {Figure} figure
 */
const runFigure = async (figure, config, log = (line) => process.stdout.write(`${line}\n`)) => {
  const ours = [];
  const baseline = [];
  const started = Date.now();
  await figure.setup?.();
  try {
    for (let i = 0; i < config.warmup; i++) {
      settle();
      await figure.ours();
      if (figure.baseline) {
        settle();
        await figure.baseline();
      }
    }
    for (let round = 1; round <= config.rounds; round++) {
      settle();
      ours.push(await figure.ours());
      if (figure.baseline) {
        settle();
        baseline.push(await figure.baseline());
      }
      const last = (xs) => (xs.length > 0 ? short(xs[xs.length - 1]) : '—');
      log(`  round ${round}/${config.rounds}: kinerja ${last(ours)}, baseline ${last(baseline)} ${figure.unit}`);
    }
  } finally {
    await figure.teardown?.();
  }
  const oursSummary = summarise(ours);
  const baselineSummary = baseline.length > 0 ? summarise(baseline) : undefined;
  const ratio = baselineSummary === undefined ? undefined : oursSummary.median / baselineSummary.median;
  return {
    figure,
    ours: oursSummary,
    baseline: baselineSummary,
    ratio,
    met: figure.target.met(ratio, oursSummary.median),
    details: figure.details?.(),
    seconds: (Date.now() - started) / 1000,
  };
};

module.exports = { configFromEnv, median, milliseconds, perSecond, runFigure, summarise, targets };
