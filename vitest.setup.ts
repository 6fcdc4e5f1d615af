/**
 * vitest's global setup: build dist/ once before any test file runs, since the CLI, batch and worker tests spawn the
 * compiled program (bin/zhenggai.js, worker threads). `npx vitest run` then works on a fresh clone as `npm test` does.
 *
 * The test files make their folders with mkdtemp under the system's temporary folder and leave them there (a run of
 * .ci/run left 185 folders, 800 MB). TMPDIR points to one folder for the run (the test workers and the programs they
 * start inherit it), removed when the run ends.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const root = dirname(fileURLToPath(import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  const scratch = mkdtempSync(join(tmpdir(), 'zhenggai-tests-'));
  // Like /tmp: anyone may make files there (a test runs the program as another user, whose temporary store goes there).
  chmodSync(scratch, 0o1777);
  process.env['TMPDIR'] = scratch;
  return () => {
    try {
      rmSync(scratch, { recursive: true, force: true });
    } catch (e) {
      process.stderr.write(`note: the tests' temporary folder ${scratch} could not be removed (${String(e)})\n`);
    }
  };
}
