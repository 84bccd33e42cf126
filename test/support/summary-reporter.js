// A jest reporter that ends the run with the plain line CI reads: "N passed, N failed[, N skipped]".
// It also writes the line to .jest-summary so that .ci/run can repeat it as its very last line.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load has no failed test of its own: count it as a failure.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    writeFileSync(join(this.rootDir, '.jest-summary'), `${line}\n`);
    process.stdout.write(`${line}\n`);
  }
}

module.exports = SummaryReporter;
