export * from './decider';
export * from './ids';
export * from './time';
export * from './codec';
export * from './periods';
export * from './json-schema';
