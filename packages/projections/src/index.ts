/** `@kinerja/projections`: read models over the event log, the runner that keeps them, and blue/green rebuilds. */
export * from './projection';
export * from './runner';
export * from './read-models';
