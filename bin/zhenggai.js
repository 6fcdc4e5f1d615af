#!/usr/bin/env node
// Entry point of the `zhenggai` command: runs the compiled CLI (npm run build writes dist/).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`zhenggai: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
