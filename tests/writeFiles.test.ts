/** The per-file writers (output/writeFiles.ts): the bytes a batch writes are serializeDocument's, exactly. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentBytes, serializeDocument } from '../output/writeFiles.js';
import { failedDocument, processBytes, sha256Hex } from '../pipeline/process.js';
import { corpusNotices } from './helpers.js';

describe('documentBytes', () => {
  it('gives the UTF-8 bytes of serializeDocument for every corpus notice, the buffer reused between calls', async () => {
    const docs = await Promise.all(corpusNotices().map((n) => processBytes(readFileSync(n.path), n.name, { referenceDate: null, ocr: false })));
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) {
      const bytes = Buffer.from(documentBytes(doc));
      expect(bytes.toString('utf8')).toBe(serializeDocument(doc));
      expect(bytes.equals(Buffer.from(serializeDocument(doc), 'utf8'))).toBe(true);
    }
  });

  it('grows its buffer for a document larger than it, and leaves out undefined values as JSON.stringify does', async () => {
    const n = corpusNotices()[0]!;
    const huge = await processBytes(Buffer.from(readFileSync(n.path, 'utf8').repeat(40)), 'huge.txt', { referenceDate: null, ocr: false });
    expect(serializeDocument(huge).length).toBeGreaterThan(1 << 20);
    expect(Buffer.from(documentBytes(huge)).equals(Buffer.from(serializeDocument(huge)))).toBe(true);
    const failed = failedDocument({ path: 'x.txt', sha256: sha256Hex(new Uint8Array()), bytes: 0 }, null, 'input/unreadable', 'cannot read the file');
    const withUndefined = { ...failed, extra: undefined } as unknown as typeof failed;
    expect(Buffer.from(documentBytes(withUndefined)).toString()).toBe(`${JSON.stringify(withUndefined)}\n`);
  });
});
