/** The per-file writers (output/writeFiles.ts): the bytes a batch writes are serializeDocument's, exactly; temporary
 *  files are cleaned up. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_MAX_BYTES, outputName, removeStaleTemporaries, removeTemporariesOf, temporaryPath } from '../output/runLayout.js';
import { AtomicWriter, DocumentEncoder, IndexAppender, OutputWriteError, serializeDocument } from '../output/writeFiles.js';
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
    // Streamed in pieces of about a megabyte, the same bytes.
    const pieces: Buffer[] = [];
    for (const c of encoder.chunks(huge)) pieces.push(Buffer.from(c)); // each piece is valid until the next
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(Buffer.from(serializeDocument(huge)))).toBe(true);
    const failed = failedDocument({ path: 'x.txt', sha256: sha256Hex(new Uint8Array()), bytes: 0 }, null, 'input/unreadable', 'cannot read the file');
    const withUndefined = { ...failed, extra: undefined } as unknown as typeof failed;
    expect(Buffer.from(encoder.encode(withUndefined)).toString()).toBe(`${JSON.stringify(withUndefined)}\n`);
  });
});

describe('temporary files', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'zg-tmp-'));
  const names = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

  it('a stopped thread’s temporaries in a folder are removed, and nothing else', async () => {
    const dir = folder();
    for (const path of [temporaryPath(dir, 7, 0), temporaryPath(dir, 8, 0), join(dir, 'a.txt.json'), join(dir, 'b.txt.json')]) writeFileSync(path, 'x');
    await removeTemporariesOf(dir, 7);
    expect(names(dir)).toEqual(['a.txt.json', basename(temporaryPath(dir, 8, 0)), 'b.txt.json'].sort());
    await removeTemporariesOf(dir, null); // every thread of this process
    expect(names(dir)).toEqual(['a.txt.json', 'b.txt.json']);
  });

  it('the temporaries a killed run left are removed from every folder, outputs and look-alikes kept', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    new AtomicWriter().writeSync(join(dir, 'sub', 'kept.json'), 'x');
    writeFileSync(join(dir, 'sub', '.zhenggai-tmp-123-4-5'), 'x');
    writeFileSync(join(dir, 'left.json.tmp-9-0-12'), 'x'); // as earlier versions named them
    writeFileSync(join(dir, 'notice.tmp-draft.txt.json'), 'x');
    writeFileSync(join(dir, '.zhenggai-tmp-notes.txt'), 'x');
    await removeStaleTemporaries(dir);
    expect(names(dir)).toEqual(['.zhenggai-tmp-notes.txt', 'notice.tmp-draft.txt.json', 'sub', join('sub', 'kept.json')].sort());
    await removeStaleTemporaries(join(dir, 'absent')); // a folder not made yet is no error
  });

  it('writes a file whose name is as long as the file system allows: the temporary name does not grow with it', () => {
    const dir = folder();
    const name = `${'整'.repeat(83)}.json`; // 83 × 3 + 5 = 254 bytes
    expect(Buffer.byteLength(name)).toBe(254);
    new AtomicWriter().writeSync(join(dir, name), 'x');
    expect(names(dir)).toEqual([name]);
  });

  it('a write that fails leaves nothing behind and says whether the run can go on', () => {
    const dir = folder();
    mkdirSync(join(dir, 'x.txt.json')); // a folder in the way
    let err: unknown = null;
    try {
      new AtomicWriter().writeSync(join(dir, 'x.txt.json'), 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputWriteError);
    expect((err as OutputWriteError).fatal).toBe(false);
    expect((err as OutputWriteError).message).toMatch(/^cannot write .*x\.txt\.json: /u);
    expect(names(dir)).toEqual(['x.txt.json']);
  });

  it('an index line that cannot be written is a fatal error (/dev/full: no space left)', () => {
    const appender = new IndexAppender('/dev/full', false);
    expect(() => appender.append('{"path":"a.txt"}\n')).toThrow(expect.objectContaining({ name: 'OutputWriteError', code: 'ENOSPC', fatal: true }));
    appender.close();
  });
});

describe('output names', () => {
  it('are the input path plus .json, or a variant, and never longer than a file name may be', () => {
    expect(outputName('a/b.txt')).toBe('a/b.txt.json');
    expect(outputName('a/b.txt', 2)).toBe('a/b.txt~2.json');
    const long = `${'整'.repeat(84)}.txt`; // 256 bytes: a name the file system accepts, but not with .json added
    const out = outputName(`d/${long}`);
    expect(out.startsWith(`d/${'整'.repeat(80)}`)).toBe(true);
    expect(out).toMatch(/~[0-9a-f]{8}\.json$/u);
    expect(Buffer.byteLength(out.slice(2))).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(outputName(`d/${long}`)).toBe(out); // deterministic
    expect(outputName(`d/${'整'.repeat(84)}.pdf`)).not.toBe(out);
  });
});
