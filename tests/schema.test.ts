import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../output/schema.js';
import { FileError } from '../pipeline/fileError.js';
import { validateDocument } from '../pipeline/validate/validateDocument.js';
import { SCHEMA_FILE, schemaFileText, VALIDATOR_FILE, validatorFileText } from '../tools/writeSchema.js';
import { corpusNotices, notice, noticeBytes } from './helpers.js';

/** The schema error validateDocument throws for a value, or null when it passes the schema. */
function schemaError(value: unknown): FileError | null {
  try {
    validateDocument(value);
    return null;
  } catch (e) {
    if (e instanceof FileError && e.code === 'internal/schema') return e;
    throw e;
  }
}

describe('the contract', () => {
  it('output/notice.schema.json is the zod schema exported (run npm run schema:write when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it('output/noticeValidator.generated.ts is that schema compiled by ajv (run npm run schema:write when this fails)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorFileText());
  });

  it('rejects a document whose span does not slice to its text', () => {
    const doc = notice('一、整改情况\n2024年3月1日召开会议。\n');
    const bad = { ...doc, dates: doc.dates.map((d) => ({ ...d, text: `${d.text}x` })) };
    expect(() => validateDocument(bad)).toThrow(/span invariants/u);
  });

  it('rejects a document that misses a contract field', () => {
    const { meta: _meta, ...rest } = notice('一、整改情况\n正文。\n');
    expect(() => validateDocument(rest)).toThrow(/schema/u);
  });
});

describe('the compiled validator agrees with zod', () => {
  const docs = corpusNotices().map((n) => noticeBytes(readFileSync(n.path), n.name));

  it('every corpus document passes both, and zod’s parse changes no byte of it (same keys, same order)', async () => {
    expect(docs.length).toBeGreaterThanOrEqual(16);
    for (const pending of docs) {
      const doc = JSON.parse(JSON.stringify(await pending)) as unknown;
      expect(schemaError(doc)).toBeNull();
      expect(JSON.stringify(NoticeDocument.parse(doc))).toBe(JSON.stringify(doc));
    }
  });

  /** A document as plain JSON, to be broken on purpose. */
  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- the mutations reach into arbitrary places of the JSON */
  type Mutable = Record<string, any>;

  // Each mutation breaks the contract in one place; zod and the compiled validator must both refuse it.
  const MUTATIONS: Array<[string, (d: Mutable) => void]> = [
    ['an unknown status', (d) => (d.status = 'fine')],
    ['a wrong schema name', (d) => (d.schema = 'other')],
    ['a missing measures list', (d) => delete d.measures],
    ['a negative span start', (d) => (d.counts[0].span.start = -1)],
    ['a fractional offset', (d) => (d.dates[0].span.end = 1.5)],
    ['a count value as a string', (d) => (d.counts[0].value = '3')],
    ['a section id that is not a dotted path', (d) => (d.sections[0].id = 'a')],
    ['a nested section with an unknown marker style', (d) => (d.sections[0].children[0].style = 'roman')],
    ['a date start that is not ISO', (d) => (d.dates[0].start = '2024/03/01')],
    ['a diagnostic code without a family', (d) => (d.diagnostics = [{ severity: 'info', code: 'nofamily', message: 'x', span: null }])],
    ['an empty diagnostic message', (d) => (d.diagnostics = [{ severity: 'info', code: 'a/b', message: '', span: null }])],
    ['null where an item must carry its rule', (d) => (d.measures[0].rule = null)],
    ['a number that is not finite', (d) => (d.counts[0].value = Number.POSITIVE_INFINITY)],
  ];

  it('refuses a field outside the contract, which zod’s parse would silently drop (documents are written as built)', async () => {
    for (const mutate of [(d: Mutable) => (d.extra = 1), (d: Mutable) => (d.counts[0].note = 'x')]) {
      const doc = JSON.parse(JSON.stringify(await docs[0]!)) as Mutable;
      mutate(doc);
      expect(schemaError(doc)?.message).toMatch(/must NOT have additional properties/u);
    }
  });

  it.each(MUTATIONS)('both refuse %s', async (_what, mutate) => {
    const doc = JSON.parse(JSON.stringify(await docs[0]!)) as Mutable;
    mutate(doc);
    expect(NoticeDocument.safeParse(doc).success).toBe(false);
    expect(schemaError(doc)).not.toBeNull();
  });
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access */
});
