// `pnpm bench`: writes docs/performance.md. No figure is measured yet: the store, the service and the
// workload generator arrive with issues 3, 7 and 8, and issue 9 gives this script its benchmarks.
console.log('pnpm bench: no benchmarks yet (the first ones arrive with the event store; see docs/performance.md).');
