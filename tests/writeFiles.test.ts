/** The per-file writers (output/writeFiles.ts): the bytes a batch writes are serializeDocument's, exactly; temporary
 *  files are cleaned up. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, removeTemporariesOf, temporaryPrefix } from '../output/runLayout.js';
import { AtomicWriter, DocumentEncoder, serializeDocument } from '../output/writeFiles.js';
import { failedDocument, sha256Hex } from '../pipeline/process.js';
import { corpusNotices, noticeBytes } from './helpers.js';

describe('DocumentEncoder', () => {
  it('gives the UTF-8 bytes of serializeDocument for every corpus notice, the buffer reused between calls', async () => {
    const encoder = new DocumentEncoder();
    const docs = await Promise.all(corpusNotices().map((n) => noticeBytes(readFileSync(n.path), n.name, { ocr: false })));
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) {
      const bytes = Buffer.from(encoder.encode(doc));
      expect(bytes.toString('utf8')).toBe(serializeDocument(doc));
      expect(bytes.equals(Buffer.from(serializeDocument(doc), 'utf8'))).toBe(true);
    }
  });

  it('grows its buffer for a document larger than it, and leaves out undefined values as JSON.stringify does', async () => {
    const n = corpusNotices()[0]!;
    const huge = await noticeBytes(Buffer.from(readFileSync(n.path, 'utf8').repeat(40)), 'huge.txt', { ocr: false });
    expect(serializeDocument(huge).length).toBeGreaterThan(1 << 20);
    const encoder = new DocumentEncoder();
    expect(Buffer.from(encoder.encode(huge)).equals(Buffer.from(serializeDocument(huge)))).toBe(true);
    const failed = failedDocument({ path: 'x.txt', sha256: sha256Hex(new Uint8Array()), bytes: 0 }, null, 'input/unreadable', 'cannot read the file');
    const withUndefined = { ...failed, extra: undefined } as unknown as typeof failed;
    expect(Buffer.from(encoder.encode(withUndefined)).toString()).toBe(`${JSON.stringify(withUndefined)}\n`);
  });
});

describe('temporary files', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'zg-tmp-'));
  const names = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

  it('a stopped thread’s temporary of one output is removed, and nothing else', async () => {
    const dir = folder();
    const out = join(dir, 'a.txt.json');
    for (const name of [basename(temporaryPrefix(out, 7)) + '0', basename(temporaryPrefix(out, 8)) + '0', 'a.txt.json', 'b.txt.json']) writeFileSync(join(dir, name), 'x');
    await removeTemporariesOf(out, 7);
    expect(names(dir)).toEqual(['a.txt.json', basename(temporaryPrefix(out, 8)) + '0', 'b.txt.json'].sort());
  });

  it('the temporaries a killed run left are removed from every folder, outputs and look-alikes kept', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    new AtomicWriter().writeSync(join(dir, 'sub', 'kept.json'), 'x');
    writeFileSync(join(dir, 'sub', 'left.json.tmp-123-4-5'), 'x');
    writeFileSync(join(dir, 'left.json.tmp-9-0-12'), 'x');
    writeFileSync(join(dir, 'notice.tmp-draft.txt.json'), 'x');
    await removeStaleTemporaries(dir);
    expect(names(dir)).toEqual(['notice.tmp-draft.txt.json', 'sub', join('sub', 'kept.json')].sort());
    await removeStaleTemporaries(join(dir, 'absent')); // a folder not made yet is no error
  });
});
