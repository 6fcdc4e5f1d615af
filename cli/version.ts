/**
 * `zhenggai --version`: the package version, and the versions that say what a document is — the output contract's
 * (schemaVersion) and the rules' (rulesVersion) — so that a user can tell which results a zhenggai will reproduce.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../output/version.js';

/** The version in the package.json of this package (found upwards from this module: dist/cli/ or cli/). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'zhenggai' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: look further up
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** The lines `--version` prints. The rule tables are loaded only here, not for every command. */
export async function versionText(): Promise<string> {
  const { rulesVersion } = await import('../pipeline/ruleRegistry.js');
  return `zhenggai ${packageVersion()}\nschema ${SCHEMA_NAME} ${SCHEMA_VERSION}\nrules ${rulesVersion()}\n`;
}
