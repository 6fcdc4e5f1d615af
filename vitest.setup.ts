/**
 * vitest's global setup: build dist/ once before any test file runs, since the CLI, batch and worker tests spawn the
 * compiled program (bin/zhenggai.js, worker threads). `npx vitest run` then works on a fresh clone as `npm test` does.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = dirname(fileURLToPath(import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
