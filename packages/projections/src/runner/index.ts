/** The projection runner: catch-up, live follow, blue/green rebuilds that resume, status and read-your-writes. */
export { openReadModelDb, type ReadModelDbOptions } from './schema';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildReport,
  type RebuiltProjection,
} from './runner';
export { ProjectionFailed } from './batch';
export { measureRebuild, type MeasureRebuildOptions, type RebuildMeasurement } from './measure';
export { physicalTableName, viewName } from './tables';
