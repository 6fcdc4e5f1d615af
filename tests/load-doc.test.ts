/** The legacy .doc loader: body text, lost automatic numbering, encrypted and corrupt files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Section } from '../output/schema.js';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { inspectDoc } from '../pipeline/load/doc/numbering.js';
import { docBodyToText, loadDoc } from '../pipeline/load/doc/loadDoc.js';
import { loadBytes } from '../pipeline/load/loadBytes.js';
import { DEFAULT_LIMITS, type LoadOptions } from '../pipeline/load/loaded.js';
import { FileError } from '../pipeline/fileError.js';
import { hasShared, noteSkipped, ROOT, SHARED, flat, noticeBytes } from './helpers.js';

const OPTIONS: LoadOptions = { limits: DEFAULT_LIMITS, ocr: false };
const FORMATS = join(ROOT, 'corpus', 'formats');
const AUTONUM_DOC = join(ROOT, 'tests', 'fixtures', 'doc', '009-fenglin-education-autonum.doc');

const nonEmptyLines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const modTrailing = (s: string): string => s.split('\n').map((l) => l.replace(/\s+$/u, '')).join('\n').replace(/\n+$/u, '');
const corpusText = (base: string): string => decodeText(readFileSync(join(ROOT, 'corpus', `${base}.txt`))).text;

async function loadError(promise: Promise<unknown>): Promise<FileError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error('expected a FileError');
}

/** Offset of the WordDocument stream's FIB in an OLE file (the sector starting with wIdent 0xA5EC). */
function fibOffset(b: Buffer): number {
  for (let o = 512; o + 512 <= b.length; o += 512) if (b.readUInt16LE(o) === 0xa5ec && b.readUInt16LE(o + 2) >= 0x65) return o;
  throw new Error('no FIB found');
}

noteSkipped('seed.doc against seed.txt');

describe.skipIf(!hasShared)('seed.doc against seed.txt', () => {
  it('seed.doc gives the non-empty lines of seed.txt exactly, curly quotes included', async () => {
    const seed = readFileSync(join(SHARED, 'seeds', 'seed.txt'), 'utf8');
    const loaded = flat(await loadDoc(readFileSync(join(SHARED, 'seeds', 'seed.doc')), OPTIONS));
    expect(nonEmptyLines(loaded.text)).toEqual(nonEmptyLines(seed));
    expect(loaded.text).toContain('“一岗双责”');
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('committed .doc fixtures against their corpus .txt', () => {
  for (const base of ['010-lincheng-water', '013-canglan-forestry']) {
    it(`${base}.doc gives the text of ${base}.txt`, async () => {
      const loaded = flat(await loadDoc(readFileSync(join(FORMATS, `${base}.doc`)), OPTIONS));
      expect(modTrailing(loaded.text)).toBe(modTrailing(corpusText(base)));
      expect(loaded.format).toBe('doc');
      expect(loaded.diagnostics).toEqual([]);
    });
  }

  it('keeps Unicode quotes and dashes as written (word-extractor would make them ASCII by default)', async () => {
    const text = (flat(await loadDoc(readFileSync(join(FORMATS, '010-lincheng-water.doc')), OPTIONS))).text;
    expect(text).toContain('“四风”');
    expect(text).not.toContain('"四风"');
  });

  it('loadBytes dispatches a .doc to this loader', async () => {
    expect((flat(await loadBytes(readFileSync(join(FORMATS, '013-canglan-forestry.doc')), 'a.doc', OPTIONS))).format).toBe('doc');
  });
});

describe('automatic numbering in .doc files', () => {
  it('a .doc whose 25 headings are numbered automatically gives the warning doc/numbering-lost', async () => {
    const loaded = flat(await loadDoc(readFileSync(AUTONUM_DOC), OPTIONS));
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'doc/numbering-lost', span: null });
    expect(loaded.diagnostics[0]?.message).toMatch(/^25 paragraph/u);
    // The limitation itself: the heading text is there, its number is not.
    expect(loaded.text).toContain('\n组织落实情况\n');
  });

  it('the inspection counts numbered paragraphs only where a number is written', async () => {
    expect(await inspectDoc(readFileSync(AUTONUM_DOC))).toEqual({ encrypted: false, numberedParagraphs: 25 });
    expect(await inspectDoc(readFileSync(join(FORMATS, '010-lincheng-water.doc')))).toEqual({ encrypted: false, numberedParagraphs: 0 });
  });

  it('the inspection of bytes that are not a .doc says nothing rather than failing', async () => {
    expect(await inspectDoc(Buffer.from('not an OLE file'))).toBeNull();
  });
});

describe('body text clean-up', () => {
  it('drops the trailing tabs of table cells and the empty lines around the body', () => {
    expect(docBodyToText('\n\n序号\t问题\t\t\n1\t台账\t\t\r\n\n')).toBe('序号\t问题\n1\t台账');
  });
});

describe('bad .doc files', () => {
  it('an empty file gives input/empty', async () => {
    expect((await loadError(loadDoc(new Uint8Array(0), OPTIONS))).code).toBe('input/empty');
  });

  it('a truncated .doc gives doc/corrupt', async () => {
    const whole = readFileSync(join(FORMATS, '010-lincheng-water.doc'));
    const e = await loadError(loadDoc(whole.subarray(0, 2048), OPTIONS));
    expect(e.code).toBe('doc/corrupt');
    expect(e.message).toContain('cannot be read');
  });

  it('an OLE2 header followed by garbage gives doc/corrupt', async () => {
    const bytes = Buffer.alloc(4096, 0x41);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    expect((await loadError(loadDoc(bytes, OPTIONS))).code).toBe('doc/corrupt');
  });

  it('a password-protected .doc (FIB fEncrypted) gives doc/encrypted', async () => {
    const bytes = Buffer.from(readFileSync(join(FORMATS, '013-canglan-forestry.doc')));
    const fib = fibOffset(bytes);
    bytes.writeUInt16LE(bytes.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
    const e = await loadError(loadDoc(bytes, OPTIONS));
    expect(e.code).toBe('doc/encrypted');
    expect(e.message).toContain('password');
  });
});

/** The structured answers a format must share with its .txt: section tree, dates, counts and measures. */
async function answers(bytes: Uint8Array, path: string): Promise<unknown> {
  const doc = await noticeBytes(bytes, path);
  const tree = (ss: readonly Section[]): unknown => ss.map((s) => [s.marker, s.level, s.title, tree(s.children)]);
  return {
    status: doc.status,
    sections: tree(doc.sections),
    dates: doc.dates.map((d) => [d.text, d.start, d.end]),
    counts: doc.counts.map((c) => [c.text, c.value]),
    measures: doc.measures.length,
  };
}

describe('the same answers as the .txt (processBytes)', () => {
  for (const base of ['010-lincheng-water', '013-canglan-forestry']) {
    it(`${base}.doc gives the same section tree, dates, counts and measures as ${base}.txt`, async () => {
      const want = await answers(readFileSync(join(ROOT, 'corpus', `${base}.txt`)), `${base}.txt`);
      expect(await answers(readFileSync(join(FORMATS, `${base}.doc`)), `${base}.doc`)).toEqual(want);
    });
  }
});
