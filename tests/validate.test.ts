/** validateDocument: a document that breaks the contract is never written; the error says which rule it broke. */
import { describe, expect, it } from 'vitest';
import { notice } from './helpers.js';
import { FileError } from '../pipeline/fileError.js';
import { validateDocument } from '../pipeline/validate/validateDocument.js';

const good = () => structuredClone(notice('一、整改总体情况\n针对巡察反馈意见，加强组织领导，召开会议3次。\n欢迎监督。\n测试单位\n2024年3月25日'));

describe('validateDocument', () => {
  it('passes a document the pipeline made', () => {
    expect(validateDocument(good()).status).toBe('ok');
  });

  it('rejects a count whose text is not text.slice(span) with internal/span-invariant', () => {
    const doc = good();
    doc.counts[0]!.span = { start: doc.counts[0]!.span.start + 1, end: doc.counts[0]!.span.end };
    const e = (() => {
      try {
        validateDocument(doc);
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(FileError);
    expect((e as FileError).code).toBe('internal/span-invariant');
    expect((e as FileError).message).toMatch(/counts\[0\]\.text: text is not text\.slice\(span\)/u);
  });

  it('rejects a field outside the schema with internal/schema', () => {
    const doc = good() as unknown as Record<string, unknown>;
    doc['status'] = 'fine';
    expect(() => validateDocument(doc)).toThrow(expect.objectContaining({ code: 'internal/schema' }));
  });
});
