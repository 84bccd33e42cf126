export * from './pipeline';
export * from './serde';
export * from './roster-import';
export * from './aggregates';
export * from './evaluation-cycle';
