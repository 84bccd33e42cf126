#!/usr/bin/env node
// The `kinerja` binary: runs the compiled CLI (`pnpm build` first; the root `pnpm kinerja` script does both).
'use strict';
require('../dist/main.js').main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exitCode = 70;
  },
);
