/**
 * docs/output-contract.md cannot drift from the zod schema (issue 15, item 8): its field reference and codes are the
 * generated ones, every field has a meaning, every example satisfies the schema, every link inside it leads to a
 * heading, and the README points to it (never to ../shared, which users do not have).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Count, DateMention, Diagnostic, IndexRecord, Indicator, Measure, NoticeDocument, Regulation, Section } from '../output/schema.js';
import { contractDocWith, contractReference } from '../tools/contractDoc.js';
import { ROOT } from './helpers.js';

const DOC = readFileSync(join(ROOT, 'docs', 'output-contract.md'), 'utf8');
const EXAMPLE_SCHEMAS: Record<string, z.ZodType> = { NoticeDocument, Section, Measure, Count, DateMention, Regulation, Indicator, Diagnostic, IndexRecord };

/** The examples of the document: [schema name, JSON text]. */
function examples(): Array<[string, string]> {
  return [...DOC.matchAll(/<!-- example: (\w+) -->\n```json\n([\s\S]*?)\n```/gu)].map((m) => [m[1]!, m[2]!]);
}

/** GitHub's anchor of a heading. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /gu, '-');

describe('docs/output-contract.md', () => {
  it('holds the field reference and codes generated from output/schema.ts (run npm run schema:write when this fails)', () => {
    expect(DOC).toBe(contractDocWith(DOC));
  });

  it('gives every field of the schema a meaning', () => {
    expect(contractReference().missing).toEqual([]);
  });

  it('every example satisfies the schema it names (update it when the schema changes)', () => {
    const found = examples();
    expect(new Set(found.map(([name]) => name))).toEqual(new Set(Object.keys(EXAMPLE_SCHEMAS)));
    for (const [name, json] of found) {
      const parsed = EXAMPLE_SCHEMAS[name]!.safeParse(JSON.parse(json));
      expect(parsed.success ? null : parsed.error.issues, `${name}: ${json.slice(0, 80)}`).toBeNull();
    }
  });

  it('every link within the page leads to one of its headings', () => {
    const headings = new Set([...DOC.matchAll(/^#{1,4} (.+)$/gmu)].map((m) => anchor(m[1]!)));
    const links = [...DOC.matchAll(/\]\(#([^)]+)\)/gu)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !headings.has(l))).toEqual([]);
  });

  it('the README links to it, in both languages, and never to ../shared', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.match(/\(docs\/output-contract\.md\)/gu)?.length).toBe(2);
    expect(readme).not.toMatch(/\.\.\/shared\/docs/u);
  });
});
