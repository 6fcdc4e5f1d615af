#!/usr/bin/env node
// Entry point of the `zhenggai` command: runs the compiled CLI (npm run build writes dist/). A batch run's V8 flags
// are set before anything else is loaded (cli/run/v8Tuning.ts says why).
import { setBatchFlags } from '../dist/cli/run/v8Tuning.js';

const argv = process.argv.slice(2);
if (argv[0] === 'run') setBatchFlags();
const { main } = await import('../dist/cli/main.js');

main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`zhenggai: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
