/** The one table of diagnostic codes (output/diagnosticCodes.ts): the README lists it, and every code in it is made
 *  somewhere in the source. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_CODE_LIST } from '../output/diagnosticCodes.js';
import { readmeWithCodes } from '../tools/readmeCodes.js';
import { ROOT } from './helpers.js';

/** The TypeScript source files of the production folders. */
function sources(): string[] {
  return ['pipeline', 'cli', 'analyze', 'output', 'rules', 'text']
    .flatMap((d) => readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' }).map((f) => join(ROOT, d, f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('diagnosticCodes.ts') && !f.endsWith('.generated.ts'));
}

describe('diagnostic codes', () => {
  it('the README’s table is the table of output/diagnosticCodes.ts (run npm run schema:write when this fails)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithCodes(readme));
  });

  it('every code is family/name, with a severity and a meaning', () => {
    for (const code of DIAGNOSTIC_CODE_LIST) {
      expect(code).toMatch(/^[a-z]+\/[a-z0-9-]+$/u);
      expect(['error', 'warning', 'info']).toContain(DIAGNOSTIC_CODES[code].severity);
      expect(DIAGNOSTIC_CODES[code].meaning.length).toBeGreaterThan(10);
    }
  });

  it('every code of the table is made somewhere in the source (no dead codes)', () => {
    const text = sources()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const dead = DIAGNOSTIC_CODE_LIST.filter((c) => !text.includes(`'${c}'`));
    expect(dead).toEqual([]);
  });
});
