export * from './local-time';
export * from './holidays';
export * from './working-days';
export * from './tenant-calendar';
export * from './codecs';
