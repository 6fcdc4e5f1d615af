/** Shared test helpers: where the repository and ../shared are, and a visible note when ../shared is absent. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared (seeds, real notices, external data); absent on a fresh clone elsewhere. */
export const SHARED = resolve(ROOT, '../shared');
/** True when ../shared is present. */
export const hasShared = existsSync(join(SHARED, 'seeds', 'seed.txt'));

/** Print a visible note that a test group is skipped because ../shared is absent. */
export function noteSkipped(what: string): void {
  if (!hasShared) console.warn(`[skipped] ${what}: ${SHARED} is absent (tests that read ../shared run only where it exists)`);
}

/** The project's corpus notices: [file name, absolute path, gold]. */
export function corpusNotices(): Array<{ name: string; path: string; gold: Record<string, unknown> }> {
  const dir = join(ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((g) => {
      const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as Record<string, unknown>;
      const name = typeof gold['file'] === 'string' ? gold['file'] : g.replace(/\.gold\.json$/u, '.txt');
      return { name, path: join(dir, name), gold };
    });
}
