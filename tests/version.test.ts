/** `zhenggai --version` (issue 15, item 5, the --version part): the package, schema and rules versions. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../output/version.js';
import { rulesVersion } from '../pipeline/ruleRegistry.js';
import { ROOT } from './helpers.js';

const zhenggai = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'zhenggai.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('zhenggai --version', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const expected = { code: 0, stdout: `zhenggai ${pkg.version}\nschema ${SCHEMA_NAME} ${SCHEMA_VERSION}\nrules ${rulesVersion()}\n`, stderr: '' };

  it('prints the package version (from package.json), the schema version and the rules version; -V too', () => {
    expect(zhenggai('--version')).toEqual(expected);
    expect(zhenggai('-V')).toEqual(expected);
  });

  it('is listed in --help', () => {
    expect(zhenggai('--help').stdout).toMatch(/-V, --version +print the package, schema and rules/u);
  });
});
