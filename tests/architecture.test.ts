/**
 * The import direction of the folders: text/ is a leaf; rules/ sees only text/ and the contract (output/); pipeline/
 * sees rules/, text/ and output/; analyze/ adds pipeline/; cli/ sees all of these; nothing in production imports
 * tools/, bench/ or tests/. Read from every import of every .ts file (static and dynamic).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** For each folder, the folders its files may import from (besides itself). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  text: [],
  output: ['text'],
  rules: ['text', 'output'],
  pipeline: ['text', 'output', 'rules'],
  analyze: ['text', 'output', 'rules', 'pipeline'],
  cli: ['text', 'output', 'rules', 'pipeline', 'analyze'],
  '.': ['text', 'output', 'rules', 'pipeline'],
};

/** The top folder of a repository path ('.' for a file at the root). */
const folderOf = (path: string): string => {
  const rel = relative(ROOT, path);
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '.';
};

/** A source file: its path and its text. */
interface Source {
  path: string;
  text: string;
}

/** Every relative import of a file (static or dynamic), resolved to the imported file. */
function importsOf(file: Source): string[] {
  return [...file.text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/gu)].map((m) => resolve(dirname(file.path), m[1]!));
}

/** The imports that break ALLOWED, as `file → imported file`. */
function violations(files: readonly Source[]): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const from = folderOf(file.path);
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to !== from && !(ALLOWED[from] ?? []).includes(to)) bad.push(`${relative(ROOT, file.path)} → ${relative(ROOT, target)}`);
    }
  }
  return bad;
}

const production = (): Source[] => [
  join(ROOT, 'index.ts'),
  ...Object.keys(ALLOWED)
    .filter((d) => d !== '.')
    .flatMap((d) => readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' }).map((f) => join(ROOT, d, f)))
    .filter((f) => f.endsWith('.ts')),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('import direction of the folders', () => {
  it('reads the imports of every production file', () => {
    expect(production().length).toBeGreaterThan(80);
    expect(production().reduce((n, f) => n + importsOf(f).length, 0)).toBeGreaterThan(300);
  });

  it('no folder imports against the direction text ← output ← rules ← pipeline ← analyze ← cli', () => {
    expect(violations(production())).toEqual([]);
  });

  it.each([
    ['rules/x.ts', "import { processText } from '../pipeline/process.js';"],
    ['text/x.ts', "import type { Rule } from '../rules/ruleTypes.js';"],
    ['pipeline/extract/x.ts', "const m = await import('../../cli/main.js');"],
    ['analyze/x.ts', "export { UsageError } from '../cli/usageError.js';"],
    ['output/x.ts', "import { rulesVersion } from '../pipeline/ruleRegistry.js';"],
    ['cli/x.ts', "import { evaluate } from '../tools/eval.js';"],
  ])('an import against the direction is caught: %s: %s', (path, text) => {
    expect(violations([{ path: join(ROOT, path), text }])).toHaveLength(1);
  });

  it('imports along the direction pass', () => {
    expect(violations([{ path: join(ROOT, 'pipeline/x.ts'), text: "import { MARKER_RULES } from '../rules/markers.js';\nimport { CharClass } from '../text/charClass.js';" }])).toEqual([]);
  });
});
