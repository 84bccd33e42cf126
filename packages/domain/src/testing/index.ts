/** `@kinerja/domain/testing`: helpers for services that embed the domain and for our own specs. */
export { specFor, SpecificationError, type Then, type When } from './given';
export { deepEqual } from './equality';
