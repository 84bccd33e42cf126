export * from './tenant-policy';
export * from './tenants';
export * from './codecs';
