// The benchmarks' temporary directory: one per run, under BENCH_DIR or the OS temp dir, removed at exit (also
// on Ctrl-C). Database files must live on a real disk for fsync figures to mean anything: not on tmpfs.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

let dir;
let counter = 0;

const removeScratch = () => {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
};

const scratchDir = () => {
  if (dir === undefined) {
    dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'kinerja-bench-'));
    process.once('exit', removeScratch);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        removeScratch();
        process.exit(130);
      });
    }
  }
  return dir;
};

/** A new file name in the scratch directory (the file is not created). */
const scratchFile = (stem) => {
  counter += 1;
  return path.join(scratchDir(), `${stem}-${counter}.db`);
};

module.exports = { removeScratch, scratchDir, scratchFile };
