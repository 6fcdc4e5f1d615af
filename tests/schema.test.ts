import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../tools/writeSchema.js';
import { processText } from '../pipeline/process.js';
import { validateDocument } from '../pipeline/validate/validateDocument.js';

describe('the contract', () => {
  it('output/notice.schema.json is the zod schema exported (run npm run schema:write when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it('rejects a document whose span does not slice to its text', () => {
    const doc = processText('一、整改情况\n2024年3月1日召开会议。\n');
    const bad = { ...doc, dates: doc.dates.map((d) => ({ ...d, text: `${d.text}x` })) };
    expect(() => validateDocument(bad)).toThrow(/span invariants/u);
  });

  it('rejects a document that misses a contract field', () => {
    const { meta: _meta, ...rest } = processText('一、整改情况\n正文。\n');
    expect(() => validateDocument(rest)).toThrow(/schema/u);
  });
});
