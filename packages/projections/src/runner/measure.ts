/**
 * What `pnpm bench` measures of the runner (issue 9: "rebuild of all read models over ≥ 1M events; peak RSS"):
 * one blue/green rebuild, timed, with the process's resident memory sampled while it runs.
 */
import type Database from 'better-sqlite3';
import type { EventStore } from '@kinerja/eventstore';
import type { Projection } from '../projection';
import { createProjectionRunner, type RebuildReport } from './runner';

export type RebuildMeasurement = Readonly<{
  /** Events read from the store (all the projections' types, or everything when they handle many types). */
  events: number;
  /** The log's head position when the rebuild ended. */
  positions: number;
  seconds: number;
  eventsPerSecond: number;
  /** The highest resident set size sampled during the rebuild (every `sampleMs` and after every batch). */
  peakRssBytes: number;
  /** RSS just before the rebuild began: what the process held already (the peak includes it). */
  rssBeforeBytes: number;
  report: RebuildReport;
}>;

export type MeasureRebuildOptions = Readonly<{
  store: EventStore;
  /** A read-model database (`openReadModelDb`); the rebuild leaves its results there. */
  db: Database.Database;
  projections: ReadonlyArray<Projection>;
  /** Default: all the projections. */
  names?: ReadonlyArray<string>;
  batchSize?: number;
  /** Default 50 ms. */
  sampleMs?: number;
}>;

/** Rebuilds (blue/green, from position 0) and reports throughput and peak RSS. */
export const measureRebuild = async (options: MeasureRebuildOptions): Promise<RebuildMeasurement> => {
  const runner = createProjectionRunner({
    store: options.store,
    db: options.db,
    projections: options.projections,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  const rssBeforeBytes = process.memoryUsage.rss();
  let peakRssBytes = rssBeforeBytes;
  const sample = (): void => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, options.sampleMs ?? 50);
  sampler.unref();
  const started = process.hrtime.bigint();
  let report: RebuildReport;
  let positions = 0;
  try {
    report = await runner.rebuild(options.names, {
      onProgress: (progress) => {
        positions = Math.max(positions, progress.total);
        sample();
      },
    });
  } finally {
    clearInterval(sampler);
    await runner.stop();
  }
  sample();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    events: report.eventsRead,
    positions: Math.max(positions, ...report.projections.map((p) => p.checkpoint)),
    seconds,
    eventsPerSecond: seconds > 0 ? report.eventsRead / seconds : 0,
    peakRssBytes,
    rssBeforeBytes,
    report,
  };
};
