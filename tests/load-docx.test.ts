/** The .docx loader: text, Word automatic numbering, tables, limits and bad files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Section } from '../output/schema.js';
import { numberSeparator, renderBullet } from '../rules/numberingFormats.js';
import { loadBytes } from '../pipeline/load/loadBytes.js';
import { loadDocx } from '../pipeline/load/docx/loadDocx.js';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { DEFAULT_LIMITS, type LoadOptions } from '../pipeline/load/loaded.js';
import { FileError } from '../pipeline/fileError.js';
import { hasShared, noteSkipped, ROOT, SHARED, flat, noticeBytes } from './helpers.js';

const OPTIONS: LoadOptions = { limits: DEFAULT_LIMITS, ocr: false };
const FORMATS = join(ROOT, 'corpus', 'formats');

/** Non-empty lines, each trimmed. */
const nonEmptyLines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');
/** Text modulo trailing whitespace per line and at the end. */
const modTrailing = (s: string): string => s.split('\n').map((l) => l.replace(/\s+$/u, '')).join('\n').replace(/\n+$/u, '');
const corpusText = (base: string): string => decodeText(readFileSync(join(ROOT, 'corpus', `${base}.txt`))).text;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx from body XML and optional numbering/styles parts (parts omitted when null). */
async function buildDocx(body: string, parts: { numbering?: string; styles?: string; compression?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  if (parts.numbering) zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${parts.styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array', compression: parts.compression === false ? 'STORE' : 'DEFLATE' });
}

/** A paragraph with optional style and direct numbering. */
function p(text: string, opts: { style?: string; numId?: number; ilvl?: number } = {}): string {
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const ilvl = opts.ilvl !== undefined ? `<w:ilvl w:val="${opts.ilvl}"/>` : '';
  const num = opts.numId !== undefined ? `<w:numPr>${ilvl}<w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  return `<w:p><w:pPr>${style}${num}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
}

/** One numbering level. */
function lvl(ilvl: number, numFmt: string, lvlText: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${lvlText}"/></w:lvl>`;
}

const GBT = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCountingThousand', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`;

async function textOf(bytes: Uint8Array, options: LoadOptions = OPTIONS): Promise<string> {
  return (flat(await loadDocx(bytes, options))).text;
}

async function loadError(promise: Promise<unknown>): Promise<FileError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error('expected a FileError');
}

/** Set an entry's declared uncompressed size in both its local header and the central directory. */
function patchDeclaredSize(zipBytes: Uint8Array, name: string, size: number): Uint8Array {
  const b = Buffer.from(zipBytes);
  for (let i = 0; i + 46 < b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x04034b50) {
      const n = b.readUInt16LE(i + 26);
      if (b.toString('latin1', i + 30, i + 30 + n) === name) b.writeUInt32LE(size, i + 22);
    } else if (sig === 0x02014b50) {
      const n = b.readUInt16LE(i + 28);
      if (b.toString('latin1', i + 46, i + 46 + n) === name) b.writeUInt32LE(size, i + 24);
    }
  }
  return b;
}

// Every example of the numbering-format and bullet tables runs in tests/rules.test.ts.
describe('numbering formats table (rules/numberingFormats.ts)', () => {
  it('drops unknown private-use bullets and keeps ordinary ones', () => {
    expect(renderBullet('\uF0A9')).toBe('');
    expect(renderBullet('●')).toBe('●');
  });

  it('writes no separator after a marker ending in punctuation and one space after a word-like marker', () => {
    expect(numberSeparator('一、', 'tab')).toBe('');
    expect(numberSeparator('（一）', undefined)).toBe('');
    expect(numberSeparator('①', 'space')).toBe('');
    expect(numberSeparator('第一章', 'tab')).toBe(' ');
    expect(numberSeparator('1', 'space')).toBe(' ');
    expect(numberSeparator('1', 'nothing')).toBe('');
  });
});

noteSkipped('seed.docx / seed-autonum.docx against seed.txt');

describe.skipIf(!hasShared)('seed .docx files against seed.txt', () => {
  const seedLines = hasShared ? nonEmptyLines(readFileSync(join(SHARED, 'seeds', 'seed.txt'), 'utf8')) : [];

  it('seed.docx gives the non-empty lines of seed.txt exactly', async () => {
    const loaded = flat(await loadDocx(readFileSync(join(SHARED, 'seeds', 'seed.docx')), OPTIONS));
    expect(nonEmptyLines(loaded.text)).toEqual(seedLines);
    expect(loaded.diagnostics).toEqual([]);
  });

  it('seed-autonum.docx renders its automatic numbering into the same markers and text as seed.txt', async () => {
    const bytes = readFileSync(join(SHARED, 'seeds', 'seed-autonum.docx'));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toContain('一、区档案馆'); // the markers really come from numbering.xml
    const loaded = flat(await loadDocx(bytes, OPTIONS));
    expect(nonEmptyLines(loaded.text)).toEqual(seedLines);
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('committed .docx fixtures against their corpus .txt', () => {
  for (const base of ['009-fenglin-education', '011-lanjiang-normal-audit', '016-shiling-agriculture']) {
    it(`${base}.docx gives the text of ${base}.txt`, async () => {
      const loaded = flat(await loadDocx(readFileSync(join(FORMATS, `${base}.docx`)), OPTIONS));
      expect(modTrailing(loaded.text)).toBe(modTrailing(corpusText(base)));
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.format).toBe('docx');
    });
  }

  it('009-fenglin-education.docx numbers its 25 headings automatically (no marker in document.xml)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(FORMATS, '009-fenglin-education.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/[一二三四]、|（[一二三]）|（[12]）/u);
    expect(xml.match(/<w:numPr>/gu)?.length).toBe(21); // 4 more headings take numbering from the Heading1 style
    const loaded = flat(await loadDocx(readFileSync(join(FORMATS, '009-fenglin-education.docx')), OPTIONS));
    expect(loaded.text).toContain('\n一、组织落实情况\n（一）提高政治站位');
    expect(loaded.text).toContain('\n四、下一步工作计划\n');
    expect(loaded.text).toContain('\n（2）加强警示教育。');
  });

  it('a layout table keeps its paragraphs as lines and a deleted revision is left out (011)', async () => {
    const text = await textOf(readFileSync(join(FORMATS, '011-lanjiang-normal-audit.docx')));
    expect(text.endsWith('岚江师范大学\n2023年12月20日')).toBe(true);
    expect(text).not.toContain('此句已删除');
  });

  it('the page-number footer is not body text and look-alike markers stay as written (016)', async () => {
    const text = await textOf(readFileSync(join(FORMATS, '016-shiling-agriculture.docx')));
    expect(text).not.toMatch(/—\s*1\s*—/u);
    expect(text).toContain('\n1.25亿元');
    expect(text).toContain('\n三、四月份');
  });

  it('loadBytes dispatches a .docx to this loader', async () => {
    const loaded = flat(await loadBytes(readFileSync(join(FORMATS, '011-lanjiang-normal-audit.docx')), 'x.docx', OPTIONS));
    expect(loaded.format).toBe('docx');
  });
});

describe('automatic numbering (ECMA-376 §17.9)', () => {
  it('GB/T 9704 levels 一、 → （一） → 1. → （1） restart below each higher level', async () => {
    const body = [
      p('甲', { numId: 1, ilvl: 0 }),
      p('乙', { numId: 1, ilvl: 1 }),
      p('丙', { numId: 1, ilvl: 1 }),
      p('丁', { numId: 1, ilvl: 2 }),
      p('戊', { numId: 1, ilvl: 3 }),
      p('己', { numId: 1, ilvl: 3 }),
      p('庚', { numId: 1, ilvl: 0 }),
      p('辛', { numId: 1, ilvl: 1 }),
      p('壬', { numId: 1, ilvl: 2 }),
    ].join('');
    const text = await textOf(await buildDocx(body, { numbering: `${GBT}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` }));
    expect(text).toBe('一、甲\n（一）乙\n（二）丙\n1.丁\n（1）戊\n（2）己\n二、庚\n（一）辛\n1.壬');
  });

  it('lvlText with two levels (%1.%2) writes both counters', async () => {
    const abs = `<w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>`;
    const body = [p('a', { numId: 4, ilvl: 0 }), p('b', { numId: 4, ilvl: 1 }), p('c', { numId: 4, ilvl: 1 }), p('d', { numId: 4, ilvl: 0 }), p('e', { numId: 4, ilvl: 1 })].join('');
    expect(await textOf(await buildDocx(body, { numbering: abs }))).toBe('1.a\n1.1 b\n1.2 c\n2.d\n2.1 e');
  });

  it('start values are honoured and a num with startOverride restarts while a plain num continues the list', async () => {
    const abs = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>`;
    const nums = `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const body = [p('a', { numId: 1 }), p('b', { numId: 1 }), p('c', { numId: 2 }), p('d', { numId: 3 }), p('e', { numId: 3 })].join('');
    expect(await textOf(await buildDocx(body, { numbering: abs + nums }))).toBe('3.a\n4.b\n5.c\n1.d\n2.e');
  });

  it('a level override replaces the level definition for its num only', async () => {
    const nums = `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, 'upperRoman', '%1)')}</w:lvlOverride></w:num>`;
    const body = [p('a', { numId: 1, ilvl: 0 }), p('b', { numId: 2, ilvl: 0 }), p('c', { numId: 2, ilvl: 0 })].join('');
    expect(await textOf(await buildDocx(body, { numbering: GBT + nums }))).toBe('一、a\nI)b\nII)c');
  });

  it('lvlRestart 0 keeps a level counting across higher levels', async () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimalEnclosedCircle', '%2', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [p('a', { numId: 1, ilvl: 0 }), p('b', { numId: 1, ilvl: 1 }), p('c', { numId: 1, ilvl: 0 }), p('d', { numId: 1, ilvl: 1 })].join('');
    expect(await textOf(await buildDocx(body, { numbering: abs }))).toBe('一、a\n①b\n二、c\n②d');
  });

  it('numbering comes from the paragraph style (through basedOn) and numId 0 suppresses it', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style><w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = [p('a', { style: 'H1' }), p('b', { style: 'H2' }), p('c', { style: 'H1', numId: 0 }), p('d', { style: 'H1b' })].join('');
    const numbering = `${GBT}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(await textOf(await buildDocx(body, { numbering, styles }))).toBe('一、a\n（一）b\nc\n二、d');
  });

  it('a level linked to a style by w:pStyle gives that style its level', async () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>')}${lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>`;
    const body = [p('a', { style: 'H1' }), p('b', { style: 'H2' }), p('c', { style: 'H2' })].join('');
    expect(await textOf(await buildDocx(body, { numbering: abs, styles }))).toBe('一、a\n（一）b\n（二）c');
  });

  it('a list linked through a numbering style (w:numStyleLink) uses the linked definition', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="L"/>${lvl(0, 'ideographTraditional', '%1.')}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="L"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const styles = `<w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = [p('a', { numId: 2 }), p('b', { numId: 2 }), p('c', { numId: 2 })].join('');
    expect(await textOf(await buildDocx(body, { numbering, styles }))).toBe('甲.a\n乙.b\n丙.c');
  });

  it('letters, Roman numerals, full-width digits and symbol-font bullets are rendered', async () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'lowerLetter', '%1)')}${lvl(1, 'upperRoman', '%2.')}${lvl(2, 'decimalFullWidth', '%3．')}${lvl(3, 'bullet', '\uF0B7')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [p('a', { numId: 1, ilvl: 0 }), p('b', { numId: 1, ilvl: 0 }), p('c', { numId: 1, ilvl: 1 }), p('d', { numId: 1, ilvl: 2 }), p('e', { numId: 1, ilvl: 3 })].join('');
    expect(await textOf(await buildDocx(body, { numbering: abs }))).toBe('a)a\nb)b\nI.c\n１．d\n•e');
  });

  it('an unknown numFmt gives the warning docx/numbering-unrendered and decimal digits, never silence', async () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'hebrew1', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const loaded = flat(await loadDocx(await buildDocx([p('a', { numId: 1 }), p('b', { numId: 1 })].join(''), { numbering: abs }), OPTIONS));
    expect(loaded.text).toBe('1.a\n2.b');
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'docx/numbering-unrendered', span: null });
    expect(loaded.diagnostics[0]?.message).toContain('hebrew1');
    expect(loaded.diagnostics[0]?.message).toContain('2 automatically numbered');
  });

  it('a paragraph pointing at an undefined list gets no number and an info diagnostic', async () => {
    const loaded = flat(await loadDocx(await buildDocx(p('a', { numId: 9 }), { numbering: `${GBT}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` }), OPTIONS));
    expect(loaded.text).toBe('a');
    expect(loaded.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'docx/numbering-missing']]);
  });
});

describe('body text', () => {
  it('joins runs, keeps field results, and leaves out field instructions, hidden runs, deletions and drawings', async () => {
    const body =
      '<w:p><w:r><w:t>整改</w:t></w:r><w:r><w:t xml:space="preserve">完成 </w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>98.71%</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t>。</w:t></w:r></w:ins>' +
      '<w:r><w:drawing><wp:inline xmlns:wp="x"><a:graphic xmlns:a="y"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const loaded = flat(await loadDocx(await buildDocx(body), OPTIONS));
    expect(loaded.text).toBe('整改完成 98.71%。');
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['docx/textbox-skipped']);
  });

  it('a manual line break starts a new line and entities are decoded', async () => {
    const body = '<w:p><w:r><w:t>甲&amp;乙</w:t><w:br/><w:t>&#x4E19;&lt;</w:t></w:r></w:p>';
    expect(await textOf(await buildDocx(body))).toBe('甲&乙\n丙<');
  });

  it('a table row with several cells becomes one tab-separated line in reading order', async () => {
    const cell = (t: string): string => `<w:tc>${p(t)}</w:tc>`;
    const body = `${p('表1')}<w:tbl><w:tr>${cell('序号')}${cell('问题')}${cell('完成情况')}</w:tr><w:tr>${cell('1')}${cell('制度不健全')}${cell('已完成')}</w:tr><w:tr>${cell('2')}<w:tc>${p('台账')}${p('不规范')}</w:tc>${cell('')}</w:tr></w:tbl>${p('完')}`;
    expect(await textOf(await buildDocx(body))).toBe('表1\n序号\t问题\t完成情况\n1\t制度不健全\t已完成\n2\t台账 不规范\n完');
  });
});

describe('bad .docx files', () => {
  it('an empty file gives input/empty', async () => {
    expect((await loadError(loadDocx(new Uint8Array(0), OPTIONS))).code).toBe('input/empty');
  });

  it('a document without text gives input/empty', async () => {
    expect((await loadError(loadDocx(await buildDocx('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>'), OPTIONS))).code).toBe('input/empty');
  });

  it('a truncated .docx gives docx/corrupt', async () => {
    const whole = readFileSync(join(FORMATS, '011-lanjiang-normal-audit.docx'));
    const e = await loadError(loadDocx(whole.subarray(0, Math.floor(whole.length / 2)), OPTIONS));
    expect(e.code).toBe('docx/corrupt');
    expect(e.message).toMatch(/truncated|damaged/u);
  });

  it('a truncated .docx read through loadBytes also gives docx/corrupt', async () => {
    const whole = readFileSync(join(FORMATS, '011-lanjiang-normal-audit.docx'));
    const e = await loadError(loadBytes(whole.subarray(0, 3000), 'cut.docx', OPTIONS));
    expect(e.code).toBe('docx/corrupt');
  });

  it('a zip that declares a Word document but lacks word/document.xml gives docx/corrupt', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/styles.xml', '<x/>');
    const e = await loadError(loadDocx(await zip.generateAsync({ type: 'uint8array' }), OPTIONS));
    expect(e.code).toBe('docx/corrupt');
  });

  it('a zip with a word/ folder and nothing declaring a Word document is format/unsupported (tests/hostile-inputs.test.ts has more)', async () => {
    const zip = new JSZip();
    zip.file('word/styles.xml', '<x/>');
    const e = await loadError(loadDocx(await zip.generateAsync({ type: 'uint8array' }), OPTIONS));
    expect(e.code).toBe('format/unsupported');
  });

  it('a document.xml that is not well-formed gives docx/corrupt', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document ${W}><w:body><w:p><w:r><w:t>abc`);
    expect((await loadError(loadDocx(await zip.generateAsync({ type: 'uint8array' }), OPTIONS))).code).toBe('docx/corrupt');
  });

  it('a part declaring 2 GB uncompressed is rejected as limit/zip-bomb before inflating', async () => {
    const bytes = patchDeclaredSize(await buildDocx(p('正文')), 'word/document.xml', 0x80000000);
    const e = await loadError(loadDocx(bytes, OPTIONS));
    expect(e.code).toBe('limit/zip-bomb');
    expect(e.message).toContain('2147483648');
  });

  it('a highly compressible part over the limit is rejected as limit/zip-bomb', async () => {
    const filler = `<w:p><w:r><w:t>${'整改'.repeat(2000)}</w:t></w:r></w:p>`.repeat(200); // ~2.5 MB of XML
    const bytes = await buildDocx(filler);
    expect(bytes.length).toBeLessThan(100_000);
    const small: LoadOptions = { ...OPTIONS, limits: { ...DEFAULT_LIMITS, maxUnzippedBytes: 1_000_000 } };
    expect((await loadError(loadDocx(bytes, small))).code).toBe('limit/zip-bomb');
  });

  it('a part that lies about its size is cut off while inflating (limit/zip-bomb)', async () => {
    const filler = `<w:p><w:r><w:t>${'整改'.repeat(2000)}</w:t></w:r></w:p>`.repeat(200);
    const bytes = patchDeclaredSize(await buildDocx(filler), 'word/document.xml', 1000);
    const small: LoadOptions = { ...OPTIONS, limits: { ...DEFAULT_LIMITS, maxUnzippedBytes: 1_000_000 } };
    const e = await loadError(loadDocx(bytes, small));
    expect(e.code).toBe('limit/zip-bomb');
    expect(e.message).toContain('inflates to more than');
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
  for (const base of ['009-fenglin-education', '011-lanjiang-normal-audit', '016-shiling-agriculture']) {
    it(`${base}.docx gives the same section tree, dates, counts and measures as ${base}.txt`, async () => {
      const want = await answers(readFileSync(join(ROOT, 'corpus', `${base}.txt`)), `${base}.txt`);
      expect(await answers(readFileSync(join(FORMATS, `${base}.docx`)), `${base}.docx`)).toEqual(want);
    });
  }
});
