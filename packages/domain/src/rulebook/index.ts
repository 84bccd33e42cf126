export * from './vocabulary';
export * from './rule-book';
export * from './curve';
export * from './consequences';
export * from './registry';
