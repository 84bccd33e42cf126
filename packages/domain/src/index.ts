/** `@kinerja/domain`: pure deciders, typed commands, events and errors, io-ts codecs. No I/O. */
export * from './core';
export * from './calendar';
export * from './roster';
export * from './plan';
export * from './rulebook';
export * from './policy';
export * from './evaluation';
export * from './unit-period';
export * from './evaluation-cycle';
export * from './objection';
export * from './discipline';
export * from './absence';
export * from './appeal';
export * from './poor-performance';
export * from './reward';
export * from './complaint';
