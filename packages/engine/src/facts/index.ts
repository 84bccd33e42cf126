/**
 * Facts gathering: for each command that needs facts from other streams or the tenant's settings, a function that
 * reads them (as of the command's issue date in the tenant's zone) and returns the complete domain command. The
 * catalog's `run` and the process managers' host use them; a client never supplies these facts.
 */
export * from './problems';
export * from './tenant';
export * from './evaluation-cycle';
export * from './objection';
export * from './discipline';
export * from './absence';
export * from './appeal';
export * from './poor-performance';
export * from './reward';
