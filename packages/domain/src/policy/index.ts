export * from './tenant-policy';
