import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flat } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../pipeline/load/loadBytes.js';
import { DEFAULT_LIMITS, type Loaded, type LoadOptions } from '../pipeline/load/loaded.js';
import { FileError } from '../pipeline/fileError.js';
import { loadPdf } from '../pipeline/load/pdf/loadPdf.js';
import { joinLines, tidyLine } from '../pipeline/load/pdf/text.js';
import { decodeText } from '../pipeline/load/text/decodeText.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../..');
const sharedDir = path.resolve(repoRoot, '../shared');
const seeds = path.join(sharedDir, 'seeds');
const hasShared = existsSync(path.join(seeds, 'seed.txt'));
if (!hasShared) console.warn(`[load-pdf] ${sharedDir} is absent: the seed PDF tests are skipped`);

/** Both PDF text engines run every loader test: PDFium (the default) and pdf.js (its fallback). */
const ENGINES = ['pdfium', 'pdfjs'] as const;
type Engine = (typeof ENGINES)[number];

/** Loader options for one engine, without OCR. */
function optionsFor(engine: Engine): LoadOptions {
  return { limits: DEFAULT_LIMITS, ocr: false, pdfEngine: engine };
}

/** Non-empty lines, trimmed: the comparison the loaders promise. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

/** The code of the FileError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<FileError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FileError);
    return error as FileError;
  }
  throw new Error('expected a FileError, but loading succeeded');
}

/** Every page start is 0, the text length, or the start of a line; ascending; one per page. */
function expectPageStarts(loaded: Loaded): void {
  const starts = loaded.pageStarts!;
  expect(starts).toHaveLength(loaded.pages!);
  expect(starts[0]).toBe(0);
  for (let i = 1; i < starts.length; i++) {
    expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
    const s = starts[i]!;
    expect(s === loaded.text.length || loaded.text[s - 1] === '\n').toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A minimal PDF writer for synthetic layouts: text in the NON-EMBEDDED Adobe-GB1 font STSong-Light
// (UniGB-UCS2-H), so every synthetic test also exercises the CMaps read from the installed pdfjs-dist.

/** One line of text placed at (x, y) in PDF points (y up from the page bottom). */
interface Placed {
  x: number;
  y: number;
  size?: number;
  text: string;
}

function utf16Hex(s: string): string {
  return [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

/** Build a PDF with the given pages of placed lines (A4, 595 × 842 points). */
function buildPdf(pages: Placed[][], extraPageObjects: string[] = []): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  objects.push(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 [${Array(95).fill(500).join(' ')}]] >>`,
  );
  objects.push('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  pages.forEach((placed, i) => {
    const content = placed.map((p) => `BT /F1 ${p.size ?? 16} Tf 1 0 0 1 ${p.x} ${p.y} Tm <${utf16Hex(p.text)}> Tj ET`).join('\n') + (extraPageObjects[i] ?? '');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lay out paragraphs GB/T 9704-style: 16 pt, 28 pt line pitch, first line indented 2 em, 26 chars a line. */
function layOut(paragraphs: string[], opts: { perPage?: number; top?: number } = {}): Placed[][] {
  const perPage = opts.perPage ?? 22;
  const top = opts.top ?? 760;
  const visual: Array<{ text: string; indent: boolean }> = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length > 0) {
      const width = first ? 24 : 26;
      visual.push({ text: chars.splice(0, width).join(''), indent: first });
      first = false;
    }
  }
  const pages: Placed[][] = [];
  visual.forEach((v, i) => {
    const page = Math.floor(i / perPage);
    (pages[page] ??= []).push({ x: v.indent ? 112 : 80, y: top - (i % perPage) * 28, text: v.text });
  });
  return pages;
}

// ---------------------------------------------------------------------------------------------------------

/** The committed PDF fixtures (corpus notices rendered to PDF). */
const FIXTURES = [
  { pdf: '016-shiling-agriculture.pdf', pages: 3, about: 'GB/T 9704 layout with — N — page numbers' },
  { pdf: '015-bichuan-minghu-street.pdf', pages: 3, about: 'Word-style spaces around digits, 第 N 页 共 M 页 footers, a running header' },
  { pdf: '012-liuan-community.pdf', pages: 2, about: 'flush-left paragraphs separated by space, bare page numbers' },
];

/** The seed PDFs of ../shared/seeds that carry seed.txt's text. */
const SEEDS = [
  { file: 'seed.pdf', pages: 7 },
  { file: 'seed-pagenum.pdf', pages: 8 },
  { file: 'seed-nonembedded.pdf', pages: 6 },
];

describe.each(ENGINES)('PDF fixtures made from the project corpus (%s engine)', (engine) => {
  const OPTIONS = optionsFor(engine);
  for (const f of FIXTURES) {
    it(`${f.pdf} (${f.about}) gives exactly the corpus text`, async () => {
      const loaded = flat(await loadPdf(read(path.join(repoRoot, 'corpus/formats', f.pdf)), OPTIONS));
      const txt = decodeText(read(path.join(repoRoot, 'corpus', f.pdf.replace(/\.pdf$/u, '.txt')))).text;
      expect(lines(loaded.text)).toEqual(lines(txt));
      expect(loaded.format).toBe('pdf');
      expect(loaded.pages).toBe(f.pages);
      expect(loaded.text).not.toMatch(/\r|\n\n/u);
      expect(loaded.diagnostics).toEqual([]);
      expectPageStarts(loaded);
    });
  }

  it('the dispatcher routes a PDF by its bytes, whatever its name', async () => {
    const loaded = flat(await loadBytes(read(path.join(repoRoot, 'corpus/formats/012-liuan-community.pdf')), 'notice.docx', OPTIONS));
    expect(loaded.format).toBe('pdf');
  });
});

describe.each(ENGINES)('paragraphs, page furniture and spacing rebuilt from a synthetic layout (%s engine)', (engine) => {
  const OPTIONS = optionsFor(engine);
  const paragraphs = [
    '根据市委统一部署,2023年6月7日至7月28日,市委第一巡察组对测试单位开展了常规巡察。9月11日反馈了巡察意见。',
    '一、整改工作总体情况',
    '（一）强化组织领导',
    '成立整改工作领导小组,召开专题会议12次,研究解决重点难点问题,逐项明确责任领导、责任单位和整改时限,形成齐抓共管的工作合力,确保整改任务按期完成。',
    '二、下一步工作计划',
    '持续巩固整改成果,建立长效机制,推动各项工作高质量发展。',
  ];

  it('a non-embedded Chinese font gives its text (CMaps of the installed pdfjs-dist; PDFium built-in)', async () => {
    const loaded = flat(await loadPdf(buildPdf(layOut(['测试单位巡察整改进展情况'])), OPTIONS));
    expect(loaded.text).toBe('测试单位巡察整改进展情况');
  });

  it('indented first lines open paragraphs and wrapped lines are joined without spaces', async () => {
    const loaded = flat(await loadPdf(buildPdf(layOut(paragraphs)), OPTIONS));
    expect(lines(loaded.text)).toEqual(paragraphs);
  });

  it('running headers and 第N页 共M页 footers are removed; a paragraph crossing a page stays whole', async () => {
    const pages = layOut(paragraphs, { perPage: 2, top: 720 });
    pages.forEach((page, i) => {
      page.unshift({ x: 380, y: 800, size: 10, text: '测试单位文件汇编' });
      page.push({ x: 260, y: 50, size: 12, text: `第 ${i + 1} 页 共 ${pages.length} 页` });
    });
    const loaded = flat(await loadPdf(buildPdf(pages), OPTIONS));
    expect(lines(loaded.text)).toEqual(paragraphs);
    expect(loaded.pages).toBe(pages.length);
    expectPageStarts(loaded);
    // Two lines a page. Page 2 opens in the middle of the first paragraph: its content starts at the next
    // paragraph. Page 4 holds only the end of a paragraph begun on page 3: it starts where page 5 does. Page 6
    // holds only the end of the last paragraph: it starts at the end of the text.
    expect(pages).toHaveLength(6);
    expect(loaded.pageStarts).toEqual([
      0,
      loaded.text.indexOf('一、'),
      loaded.text.indexOf('（一）'),
      loaded.text.indexOf('二、'),
      loaded.text.indexOf('二、'),
      loaded.text.length,
    ]);
  });

  it('dash page numbers and a lone centred number at the foot of the page are removed', async () => {
    const pages = layOut(paragraphs, { perPage: 5 });
    pages.forEach((page, i) => page.push({ x: 288, y: 50, size: 14, text: i % 2 === 0 ? `— ${i + 1} —` : `${i + 1}` }));
    const loaded = flat(await loadPdf(buildPdf(pages), OPTIONS));
    expect(lines(loaded.text)).toEqual(paragraphs);
  });

  it('spaces around digits are removed, a date broken at a line end is rejoined, Latin words keep their spaces', async () => {
    const loaded = flat(await loadPdf(
      buildPdf([
        [
          { x: 112, y: 760, text: '根据统一部署,2023 年 6 月 7 日至 7 月 28' },
          { x: 80, y: 732, text: '日,巡察组对 Party Building Office 开展了' },
          { x: 80, y: 704, text: '巡察。电子邮箱:daj@nanhai.gov.' },
          { x: 80, y: 676, text: 'cn。联系电话:0757-8622' },
          { x: 80, y: 648, text: '9618。' },
          { x: 112, y: 620, text: '二、下一步工作计划' },
        ],
      ]),
      OPTIONS,
    ));
    expect(loaded.text).toBe('根据统一部署,2023年6月7日至7月28日,巡察组对Party Building Office开展了巡察。电子邮箱:daj@nanhai.gov.cn。联系电话:0757-86229618。\n二、下一步工作计划');
  });

  it('Kangxi radicals in the text layer become the ideographs a reader sees', async () => {
    const loaded = flat(await loadPdf(buildPdf([[{ x: 112, y: 760, text: '\u2F00、⼯作\u2F08员' }]]), OPTIONS));
    expect(loaded.text).toBe('一、工作人员');
  });
});

describe.each(ENGINES)('bad PDFs fail with a clear code (%s engine)', (engine) => {
  const OPTIONS = optionsFor(engine);
  const good = (): Uint8Array => read(path.join(repoRoot, 'corpus/formats/012-liuan-community.pdf'));

  it('an empty file is input/empty', async () => {
    expect((await failure(loadPdf(new Uint8Array(0), OPTIONS))).code).toBe('input/empty');
  });

  it('bytes that are not a PDF are pdf/corrupt', async () => {
    const e = await failure(loadPdf(new Uint8Array(Buffer.from('just some bytes, no header at all')), OPTIONS));
    expect(e.code).toBe('pdf/corrupt');
    expect(e.message).toMatch(/not a PDF/u);
  });

  it('a truncated PDF is pdf/corrupt and says it is incomplete', async () => {
    const bytes = good();
    const e = await failure(loadPdf(bytes.subarray(0, Math.floor(bytes.length / 2)), OPTIONS));
    expect(e.code).toBe('pdf/corrupt');
    expect(e.message).toMatch(/truncated/u);
  });

  it('a PDF whose body is garbage is pdf/corrupt', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\nstartxref\n123\n%%EOF\n')]);
    expect((await failure(loadPdf(new Uint8Array(bytes), OPTIONS))).code).toBe('pdf/corrupt');
  });

  it('a password-protected PDF is pdf/encrypted with the remedy in the message', async () => {
    const e = await failure(loadPdf(read(path.join(repoRoot, 'tests/fixtures/pdf/encrypted.pdf')), OPTIONS));
    expect(e.code).toBe('pdf/encrypted');
    expect(e.message).toBe('the PDF is password-protected; remove the password and retry');
  });

  it('a PDF with more pages than the limit is limit/pages', async () => {
    const e = await failure(loadPdf(good(), { ...OPTIONS, limits: { ...DEFAULT_LIMITS, maxPages: 1 } }));
    expect(e.code).toBe('limit/pages');
  });

  it('an aborted load stops with limit/timeout', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(loadPdf(good(), { ...OPTIONS, signal: controller.signal }))).code).toBe('limit/timeout');
  });

  it('an image-only PDF without --ocr is pdf/no-text and names the remedy', async () => {
    const e = await failure(loadPdf(read(path.join(repoRoot, 'tests/fixtures/pdf/012-liuan-community-scan.pdf')), OPTIONS));
    expect(e.code).toBe('pdf/no-text');
    expect(e.message).toBe('the PDF has no text layer (a scan?); rerun with --ocr to read it by OCR');
  });

  it('a PDF without any text or image is pdf/no-text', async () => {
    expect((await failure(loadPdf(buildPdf([[]]), OPTIONS))).code).toBe('pdf/no-text');
  });

  it('an HTML page saved as x.pdf is read as a web page with a format/mismatch warning that says how to name it, never a cryptic pdf/corrupt', async () => {
    const html = new Uint8Array(Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"><title>通报</title></head><body><p>一、整改情况</p></body></html>'));
    const viaBytes = await loadBytes(html, 'x.pdf', OPTIONS);
    expect(viaBytes.value.format).toBe('html');
    expect(viaBytes.value.text).toContain('一、整改情况');
    expect(viaBytes.diagnostics[0]).toEqual({
      severity: 'warning',
      code: 'format/mismatch',
      message: "the file is named .pdf but holds an HTML page; it was read as an HTML page (an error or login page saved by a download?); if it is the notice's web page, rename it to .html",
      span: null,
    });
    // Handed to the PDF loader directly, it still says what the file is.
    const e = await failure(loadPdf(html, OPTIONS));
    expect(e.code).toBe('pdf/corrupt');
    expect(e.message).toMatch(/HTML page/u);
  });
});

describe('line text repairs', () => {
  const cases: Array<[string, string]> = [
    ['2023 年 6 月 7 日', '2023年6月7日'],
    ['召开馆领导班子 2023 年度', '召开馆领导班子2023年度'],
    ['Party Building  Office', 'Party Building Office'],
    ['联系人：张三\u3000\u3000电话：123', '联系人：张三 电话：123'],
    ['（ 一 ）强化', '（一）强化'],
  ];
  for (const [raw, tidy] of cases) it(`"${raw}" reads "${tidy}"`, () => expect(tidyLine(raw)).toBe(tidy));

  it('wrapped lines join without a space in Chinese and inside numbers, with one between Latin words', () => {
    expect(joinLines(['至7月28', '日,区委'])).toBe('至7月28日,区委');
    expect(joinLines(['电话0757-8622', '9618'])).toBe('电话0757-86229618');
    expect(joinLines(['the Party', 'Building Office'])).toBe('the Party Building Office');
    expect(joinLines(['邮箱daj@nanhai.gov.', 'cn。'])).toBe('邮箱daj@nanhai.gov.cn。');
  });
});

describe.skipIf(!hasShared).each(ENGINES)('seed PDFs in ../shared/seeds (%s engine)', (engine) => {
  const OPTIONS = optionsFor(engine);
  const seedLines = (): string[] => lines(readFileSync(path.join(seeds, 'seed.txt'), 'utf8'));
  for (const c of SEEDS) {
    it(`${c.file} gives exactly the non-empty lines of seed.txt`, async () => {
      const loaded = flat(await loadPdf(read(path.join(seeds, c.file)), OPTIONS));
      expect(lines(loaded.text)).toEqual(seedLines());
      expect(loaded.pages).toBe(c.pages);
      expect(loaded.diagnostics).toEqual([]);
      expectPageStarts(loaded);
    });
  }

  it('seed-scan.pdf without --ocr fails with pdf/no-text', async () => {
    expect((await failure(loadPdf(read(path.join(seeds, 'seed-scan.pdf')), OPTIONS))).code).toBe('pdf/no-text');
  });

  it('seed.pdf loads at a measured rate (pages per second, logged)', async () => {
    const bytes = read(path.join(seeds, 'seed.pdf'));
    flat(await loadPdf(bytes, OPTIONS)); // warm-up: module, fonts and CMaps
    const runs = 5;
    const t0 = performance.now();
    let pages = 0;
    for (let i = 0; i < runs; i++) pages += (flat(await loadPdf(bytes, OPTIONS))).pages!;
    const seconds = (performance.now() - t0) / 1000;
    console.info(`[load-pdf] ${engine}: seed.pdf: ${(pages / seconds).toFixed(1)} pages/s (${((seconds / runs) * 1000).toFixed(1)} ms per file)`);
    expect(pages).toBe(7 * runs);
  });
});

describe('both engines give the same canonical text', () => {
  /** Load with each engine and compare everything the loader returns. */
  async function expectSameText(file: string): Promise<void> {
    const bytes = read(file);
    const [pdfium, pdfjs] = await Promise.all(ENGINES.map(async (engine) => flat(await loadPdf(bytes, optionsFor(engine)))));
    expect(pdfium!.text).toBe(pdfjs!.text);
    expect(pdfium!.pageStarts).toEqual(pdfjs!.pageStarts);
    expect(pdfium!.pages).toBe(pdfjs!.pages);
    expect(pdfium!.diagnostics).toEqual([]);
    expect(pdfjs!.diagnostics).toEqual([]);
  }

  for (const f of FIXTURES) {
    it(`corpus/formats/${f.pdf}: PDFium and pdf.js give the same text and page starts`, async () => {
      await expectSameText(path.join(repoRoot, 'corpus/formats', f.pdf));
    });
  }

  for (const c of SEEDS) {
    it.skipIf(!hasShared)(`../shared/seeds/${c.file}: PDFium and pdf.js give the same text and page starts`, async () => {
      await expectSameText(path.join(seeds, c.file));
    });
  }

  it('synthetic layouts (non-embedded font, furniture, Latin words, wrapped numbers): the same text', async () => {
    const pages = layOut(['根据统一部署,2023年6月7日至7月28日,巡察组对 Party Building Office 开展了巡察。', '一、整改工作总体情况'], { perPage: 1 });
    pages.forEach((page, i) => page.push({ x: 260, y: 50, size: 12, text: `第 ${i + 1} 页 共 ${pages.length} 页` }));
    const bytes = buildPdf(pages);
    const [pdfium, pdfjs] = await Promise.all(ENGINES.map(async (engine) => flat(await loadPdf(bytes, optionsFor(engine)))));
    expect(pdfium!.text).toBe(pdfjs!.text);
    expect(pdfium!.pageStarts).toEqual(pdfjs!.pageStarts);
  });
});
