/** `@kinerja/domain`: pure deciders, typed commands, events and errors, io-ts codecs. No I/O. */
export * from './core';
export * from './roster';
export * from './plan';
