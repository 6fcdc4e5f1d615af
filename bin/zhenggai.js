#!/usr/bin/env node
// Entry point of the `zhenggai` command: runs the compiled CLI (npm run build writes dist/; in a clone, npm ci runs
// the build through the prepare script). The V8 flags (heap flags for every command, then a batch run's own or the
// analysis commands') are set before anything else is loaded (cli/run/v8Tuning.ts says why).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = dirname(import.meta.dirname);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  process.stderr.write(`zhenggai: the compiled program is missing (${join(root, 'dist')}): run \`npm run build\` in ${root} (npm ci does it unless scripts are skipped)\n`);
  process.exit(70);
}
const { setAnalysisFlags, setBatchFlags } = await import('../dist/cli/run/v8Tuning.js');

const argv = process.argv.slice(2);
if (argv[0] === 'run') setBatchFlags();
else setAnalysisFlags();
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
