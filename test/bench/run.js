// `pnpm bench`: builds, runs every figure, prints the table and writes docs/performance.md.
//
// Environment:
//   BENCH_ROUNDS=n   measured rounds per side (default 5; 3 in quick mode)
//   BENCH_WARMUP=n   untimed rounds per side before them (default 1)
//   BENCH_QUICK=1    fewer operations per round: checks that everything runs, in seconds. The figures are not
//                    worth keeping, so docs/performance.md is left alone unless BENCH_OUT says otherwise.
//   BENCH_ONLY=text  only the figures whose name contains `text` (case-insensitive); also leaves the doc alone
//   BENCH_OUT=path   where to write the markdown (default docs/performance.md for a full run of every figure)
//   BENCH_DIR=path   where the temporary database files go (default the OS temp dir; use a real disk, not tmpfs)
//
// Run with `node --expose-gc` (as the root script does) to collect garbage between rounds.
const fs = require('node:fs');
const path = require('node:path');
const { configFromEnv, runFigure } = require('./harness');
const { environment, markdown, table } = require('./report');
const { removeScratch, scratchDir } = require('./scratch');

/** The sets of figures, in the order of the table. A new set is a module like eventstore.figures.js. */
const figureSets = [require('./eventstore.figures'), require('./commands.figures'), require('./history.figures'), require('./http.figures')];

const root = path.resolve(__dirname, '../..');

const main = async () => {
  const config = configFromEnv();
  const started = Date.now();
  const sets = [];
  for (const set of figureSets) {
    const figures = set.figures(config).filter((f) => config.only === undefined || f.name.toLowerCase().includes(config.only));
    const results = [];
    for (const figure of figures) {
      process.stdout.write(`${figure.name}\n`);
      const result = await runFigure(figure, config);
      process.stdout.write(`  → ratio ${result.ratio === undefined ? '—' : result.ratio.toFixed(2)} (${result.seconds.toFixed(0)} s)\n`);
      results.push(result);
    }
    if (results.length > 0) sets.push({ title: set.title, intro: set.intro, results });
  }

  const env = environment(config, scratchDir());
  process.stdout.write(`\n${table(sets.flatMap((s) => s.results))}\n\n`);

  const out = process.env.BENCH_OUT ?? (config.quick || config.only !== undefined ? undefined : path.join(root, 'docs/performance.md'));
  if (out === undefined) {
    process.stdout.write('Quick or partial run: docs/performance.md left as it was (set BENCH_OUT=path to write one).\n');
  } else {
    fs.writeFileSync(out, markdown({ env, sets }));
    process.stdout.write(`Wrote ${path.relative(process.cwd(), out) || out}.\n`);
  }
  process.stdout.write(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
};

main()
  .catch((error) => {
    process.stderr.write(`pnpm bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(removeScratch);
