#!/usr/bin/env node
// Entry point of the `zhenggai` command: runs the compiled CLI (npm run build writes dist/; in a clone, npm ci runs
// the build through the prepare script). The command's V8 flags are set before anything else is loaded
// (cli/run/v8Tuning.ts says which and why).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = dirname(import.meta.dirname);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  process.stderr.write(`zhenggai: the compiled program is missing (${join(root, 'dist')}): run \`npm run build\` in ${root} (npm ci does it unless scripts are skipped)\n`);
  process.exit(70);
}
const { setCommandFlags } = await import('../dist/cli/run/v8Tuning.js');

const argv = process.argv.slice(2);
setCommandFlags(argv[0]);
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
