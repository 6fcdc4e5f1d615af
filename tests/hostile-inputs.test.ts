/**
 * Hostile inputs on the loader and text side (issue 13): each item builds its input in memory or in a temporary
 * folder and asserts the exact result: the document's status and diagnostic or error code, or the CLI's exit code
 * and message. The batch runner's items (a folder of inputs, locks, signals) are tested with the runner.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderNumber } from '../rules/numberingFormats.js';
import type { NoticeDocument } from '../output/schema.js';
import { ROOT, notice, noticeBytes } from './helpers.js';
import { zip } from './hostile-run-helpers.js';

/** A real notice of the corpus, as text. */
const NOTICE = readFileSync(join(ROOT, 'corpus', '001-luchuan-natural-resources.txt'), 'utf8');
const NOTICE_LINES = NOTICE.split('\n').filter((l) => l.trim() !== '');
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

describe('item 9: an HTML page with a large attribute (an inline base64 seal)', () => {
  // 8 MB of image bytes are 11 MB of base64. The page holds Chinese text, so the whole page is a two-byte string:
  // the regular expression the attribute parser used ran out of backtracking stack on such a value from about
  // 6 MB of image bytes (8 M characters) on.
  const seal = `data:image/png;base64,${randomBytes(8 * 1024 * 1024).toString('base64')}`;

  it('is parsed: the notice comes out, the image data does not', async () => {
    const body = NOTICE_LINES.map((l) => `<p>${l}</p>`).join('\n');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${NOTICE_LINES[0]}</title></head><body><div class="content">${body}\n<p style="text-align:right"><img src="${seal}" alt="印章" width="160"></p>\n</div></body></html>`;
    expect(html.length).toBeGreaterThan(11_000_000);
    const doc = await noticeBytes(utf8(html), 'seal.html');
    expect(doc.status).toBe('ok');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.text.split('\n')).toEqual(NOTICE_LINES);
    expect(doc.sections.map((s) => s.marker)).toEqual(['一、', '二、', '三、', '四、']);
  });

  it('the same value in each attribute syntax (double, single, unquoted) and around it, attributes stay exact', async () => {
    const { parseHtml, findTag } = await import('../pipeline/load/html/parse.js');
    for (const quoted of [`"${seal}"`, `'${seal}'`, seal]) {
      const root = parseHtml(`<p>印章<img class=seal src=${quoted} alt="印章 >" data-x='a"b'>后文</p>`);
      const img = findTag(root, 'img');
      expect(img?.attrs).toEqual({ class: 'seal', src: seal, alt: '印章 >', 'data-x': 'a"b' });
      expect(findTag(root, 'p')?.children.filter((c) => typeof c === 'string')).toEqual(['印章', '后文']);
    }
  });

  it('a .docx part with a large attribute (VML image data) is read too', async () => {
    const { scanXml } = await import('../pipeline/load/docx/xml.js');
    const opened: Array<Record<string, string>> = [];
    scanXml(`<w:p><v:imagedata o:title="印章" r:data="${seal}"/><w:t>正文</w:t></w:p>`, {
      open: (_name, attrs) => opened.push(attrs),
      close: () => undefined,
      text: () => undefined,
    });
    expect(opened[1]).toEqual({ title: '印章', data: seal });
  });
});

describe('item 12: headings past 一百一十、 (Chinese ordinals of five characters)', () => {
  /** 一、 … 一百二十、 as Word writes them (一百零五, 一百一十一), each with a body line naming its number. */
  const numerals = Array.from({ length: 120 }, (_, i) => renderNumber('chineseCountingThousand', i + 1)!);
  const build = (ordinals: readonly number[]): string =>
    [
      '中共某某县水务局党组关于县委巡察整改进展情况的通报',
      '根据县委巡察工作统一部署，县委第三巡察组对县水务局党组开展了常规巡察，现将巡察整改进展情况予以公布。',
      ...ordinals.flatMap((n) => [`${numerals[n - 1]}、第${n}项问题的整改情况`, `针对第${n}项问题，已制定整改措施并完成整改。`]),
    ].join('\n');
  const all = Array.from({ length: 120 }, (_, i) => i + 1);

  it('一、 to 一百二十、 are 120 sections, each with its own title and body', () => {
    expect(numerals.slice(104, 111)).toEqual(['一百零五', '一百零六', '一百零七', '一百零八', '一百零九', '一百一十', '一百一十一']);
    const doc = notice(build(all));
    expect(doc.status).toBe('ok');
    expect(doc.diagnostics.filter((d) => d.code.startsWith('structure/'))).toEqual([]);
    expect(doc.sections.map((s) => s.ordinal)).toEqual(all);
    for (const s of doc.sections) {
      expect(s.marker).toBe(`${numerals[s.ordinal - 1]}、`);
      expect(s.title).toBe(`第${s.ordinal}项问题的整改情况`);
      expect(doc.text.slice(s.span.start, s.span.end)).toBe(`${s.marker}第${s.ordinal}项问题的整改情况\n针对第${s.ordinal}项问题，已制定整改措施并完成整改。${s.ordinal === 120 ? '' : '\n'}`);
    }
  });

  it('gaps, repeats and steps back among them are reported as before', () => {
    const codes = (ordinals: number[]) => notice(build(ordinals)).diagnostics.filter((d) => d.code.startsWith('structure/')).map((d) => [d.code, d.message]);
    const without113 = all.filter((n) => n !== 113);
    expect(codes(without113)).toEqual([['structure/ordinal-gap', 'heading 一百一十四、 follows 一百一十二、: 1 number(s) skipped']]);
    const twice115 = [...all.slice(0, 115), 115, ...all.slice(115)];
    expect(codes(twice115)).toEqual([['structure/ordinal-repeat', 'heading 一百一十五、 repeats the number of the heading before it']]);
    const back = [...all.slice(0, 119), 111];
    expect(codes(back)).toEqual([['structure/ordinal-back', 'heading 一百一十一、 follows 一百一十九、: the numbering goes back']]);
  });
});

describe('item 19: formatting many diagnostics is linear', () => {
  it('400,000 diagnostics on a 400,000-line text: one line index, at most log2(lines) probes each, the right line and column', async () => {
    const { formatDiagnostic, lineIndexWork } = await import('../cli/formatDiagnostic.js');
    const lines = 400_000;
    const text = Array.from({ length: lines }, (_, i) => `${i + 1}.第${i + 1}项整改。`).join('\n');
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    expect(starts).toHaveLength(lines);
    lineIndexWork.builds = 0;
    lineIndexWork.probes = 0;
    const out: string[] = [];
    for (let i = 0; i < lines; i++) {
      const start = starts[i]! + (i % 5); // a column inside the line
      out.push(formatDiagnostic('big.txt', text, { severity: 'warning', code: 'structure/ordinal-gap', message: 'm', span: { start, end: start + 1 } }));
    }
    out.push(formatDiagnostic('big.txt', text, { severity: 'info', code: 'date/unresolved-year', message: 'no span', span: null }));
    expect(lineIndexWork.builds).toBe(1);
    expect(lineIndexWork.probes).toBeLessThanOrEqual(lines * Math.ceil(Math.log2(lines)));
    expect(out[0]).toBe('big.txt:1:1 warning structure/ordinal-gap m');
    expect(out[123_456]).toBe('big.txt:123457:2 warning structure/ordinal-gap m');
    expect(out[lines - 1]).toBe(`big.txt:${lines}:5 warning structure/ordinal-gap m`);
    expect(out[lines]).toBe('big.txt info date/unresolved-year no span');
    // A second text gets its own index; the first line's offsets and a text without line breaks.
    expect(formatDiagnostic('a.txt', 'abc', { severity: 'error', code: 'internal/error', message: 'x', span: { start: 2, end: 3 } })).toBe('a.txt:1:3 error internal/error x');
    expect(formatDiagnostic('b.txt', '\n\nab', { severity: 'error', code: 'internal/error', message: 'x', span: { start: 2, end: 3 } })).toBe('b.txt:3:1 error internal/error x');
    expect(lineIndexWork.builds).toBe(3);
  });
});

/** The parts of a document that come from its text (everything but the file's identity). */
const fromText = (doc: NoticeDocument) => ({ text: doc.text, sections: doc.sections, measures: doc.measures, counts: doc.counts, dates: doc.dates, regulations: doc.regulations, meta: doc.meta, indicators: doc.indicators });

describe('smaller: UTF-32 with a byte-order mark', () => {
  const utf32 = (s: string, littleEndian: boolean, extra: number[] = []): Uint8Array => {
    const cps = [0xfeff, ...Array.from(s, (ch) => ch.codePointAt(0)!), ...extra];
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (littleEndian ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
    return b;
  };

  it.each([
    ['utf-32le', true],
    ['utf-32be', false],
  ] as const)('%s gives the same document as UTF-8', async (encoding, littleEndian) => {
    const plain = await noticeBytes(utf8(NOTICE), 'n.txt');
    const doc = await noticeBytes(utf32(`${NOTICE}𠀀`, littleEndian), 'n.txt');
    expect(doc.status).toBe('ok');
    expect(doc.source.encoding).toBe(encoding);
    expect(doc.diagnostics).toEqual(plain.diagnostics);
    expect(fromText(doc)).toEqual({ ...fromText(plain), text: `${plain.text}𠀀` });
  });

  it('a code unit past U+10FFFF and a cut last unit become U+FFFD, with their byte offsets', async () => {
    const bytes = Buffer.concat([utf32(NOTICE, true, [0x110000]), Buffer.from([0x41, 0x00])]);
    const doc = await noticeBytes(bytes, 'n.txt');
    const at = 4 + 4 * [...NOTICE].length;
    expect(doc.status).toBe('ok');
    expect(doc.text.endsWith('\ufffd\ufffd')).toBe(true);
    expect(doc.diagnostics.filter((d) => d.code === 'input/invalid-bytes')).toEqual([
      {
        severity: 'warning',
        code: 'input/invalid-bytes',
        message: `2 byte sequence(s) not valid UTF-32LE were replaced by U+FFFD: at byte ${at} (00 00 11 00), byte ${at + 4} (41 00, bytes after the last whole code unit); check those places against the original`,
        span: null,
      },
    ]);
  });
});

describe('smaller: U+2028 and U+2029 are line breaks', () => {
  it('a notice whose lines end with LINE/PARAGRAPH SEPARATOR gives the document of its LF copy; the text keeps its length', async () => {
    const lf = await noticeBytes(utf8(NOTICE), 'n.txt');
    let k = 0;
    const separated = NOTICE.replace(/\n/gu, () => (k++ % 2 === 0 ? '\u2028' : '\u2029'));
    const doc = await noticeBytes(utf8(separated), 'n.txt');
    expect(doc.status).toBe('ok');
    expect(doc.text.length).toBe(separated.length); // one unit for one: offsets into the decoded text hold
    expect(doc.text).toBe(separated.replace(/[\u2028\u2029]/gu, '\n'));
    expect(fromText(doc)).toEqual(fromText(lf));
    expect(doc.diagnostics).toEqual(lf.diagnostics);
    // In a web page too (the decoder is shared), and mixed with CRLF.
    const mixed = await noticeBytes(utf8(NOTICE.replace(/\n/gu, (_m, at: number) => (at % 3 === 0 ? '\r\n' : '\u2029'))), 'n.txt');
    expect(mixed.text).toBe(lf.text);
  });
});

describe('smaller: invalid UTF-8 (stray surrogate bytes) is reported with its byte offsets', () => {
  const head = `${NOTICE_LINES[0]}\n${NOTICE_LINES[1]}\n`;
  const at = Buffer.byteLength(head);

  it('an encoded surrogate, a stray byte and a cut sequence: replaced by U+FFFD, one warning naming each offset', async () => {
    const rest = NOTICE.slice(head.length);
    const [a, b, c] = [Buffer.from(rest.slice(0, 10)), Buffer.from(rest.slice(10, 20)), Buffer.from(rest.slice(20))];
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xed, 0xa0, 0x80]), a, Buffer.from([0xff]), b, Buffer.from([0xe4, 0xb8]), c]);
    const ff = at + 3 + a.length;
    const cut = ff + 1 + b.length;
    const doc = await noticeBytes(bytes, 'n.txt');
    expect(doc.status).toBe('ok');
    expect(doc.source.encoding).toBe('utf-8');
    expect(doc.text.slice(head.length, head.length + 3)).toBe('\ufffd\ufffd\ufffd');
    expect(doc.text.split('\ufffd')).toHaveLength(6);
    expect(doc.diagnostics.filter((d) => d.code === 'input/invalid-bytes')).toEqual([
      {
        severity: 'warning',
        code: 'input/invalid-bytes',
        message: `3 byte sequence(s) not valid UTF-8 were replaced by U+FFFD: at byte ${at} (ED A0 80, an encoded UTF-16 surrogate), byte ${ff} (FF), byte ${cut} (E4 B8); check those places against the original`,
        span: null,
      },
    ]);
  });

  it('after a UTF-8 byte-order mark the offsets count the mark', async () => {
    const doc = await noticeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(head), Buffer.from([0xed, 0xb0, 0x80]), Buffer.from(NOTICE.slice(head.length))]), 'n.txt');
    expect(doc.diagnostics.find((d) => d.code === 'input/invalid-bytes')?.message).toBe(
      `1 byte sequence(s) not valid UTF-8 were replaced by U+FFFD: at byte ${at + 3} (ED B0 80, an encoded UTF-16 surrogate); check those places against the original`,
    );
  });

  it('a lone surrogate in UTF-16 is reported the same way', async () => {
    const units = Buffer.from(`${head}\ud800${NOTICE.slice(head.length)}`, 'utf16le');
    const doc = await noticeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), units]), 'n.txt');
    expect(doc.text.slice(head.length, head.length + 1)).toBe('\ufffd');
    expect(doc.diagnostics.find((d) => d.code === 'input/invalid-bytes')?.message).toBe(
      `1 byte sequence(s) not valid UTF-16LE were replaced by U+FFFD: at byte ${2 + 2 * head.length} (00 D8, a lone UTF-16 surrogate); check those places against the original`,
    );
  });

  it('bytes valid in no supported encoding fail input/undecodable, naming the first invalid byte', async () => {
    const doc = await noticeBytes(Buffer.concat([Buffer.from('Notice 2024\n'), Buffer.from([0x80, 0xff, 0xfe, 0x41])]), 'n.txt');
    expect(doc.status).toBe('failed');
    expect(doc.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'input/undecodable',
        message: 'the bytes are not valid UTF-8 (the first invalid UTF-8 byte is at offset 12: 80 FF FE), UTF-16 or GB18030 text; convert the file to UTF-8 and retry',
        span: null,
      },
    ]);
  });
});

/** A zip archive of text entries written entry by entry, so that a name can occur twice, which zip libraries refuse. */
const zipOf = (entries: ReadonlyArray<readonly [name: string, data: string]>): Buffer =>
  zip(entries.map(([name, data]) => ({ name, data: Buffer.from(data, 'utf8') })));

const CONTENT_TYPES = (main: string, type: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${type}"/></Types>`;
const ROOT_RELS = (main: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const wordBody = (lines: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;

describe('smaller: a .docx with two word/document.xml entries', () => {
  it('reads the last one and says so in a warning naming both entries', async () => {
    const first = ['关于巡察整改进展情况的通报（草稿）', '一、此稿作废'];
    const bytes = zipOf([
      ['[Content_Types].xml', CONTENT_TYPES('word/document.xml', WORD_TYPE)],
      ['_rels/.rels', ROOT_RELS('word/document.xml')],
      ['word/document.xml', wordBody(first)],
      ['word/document.xml', wordBody(NOTICE_LINES)],
    ]);
    const doc = await noticeBytes(bytes, 'twice.docx');
    expect(doc.status).toBe('ok');
    expect(doc.text).toBe(NOTICE_LINES.join('\n'));
    expect(doc.diagnostics.filter((d) => d.code.startsWith('docx/'))).toEqual([
      {
        severity: 'warning',
        code: 'docx/duplicate-part',
        message: 'word/document.xml is in the zip package 2 times (entries 3, 4 of its 4); entry 4, the last of that exact name, was read and the other was ignored: check the text against the document',
        span: null,
      },
    ]);
  });
});

describe('smaller: a zip holding a word/ path that is no Word document', () => {
  it('a .pptx with a word/ folder is format/unsupported, with no format', async () => {
    const pptType = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
    const bytes = zipOf([
      ['[Content_Types].xml', CONTENT_TYPES('ppt/presentation.xml', pptType)],
      ['_rels/.rels', ROOT_RELS('ppt/presentation.xml')],
      ['ppt/presentation.xml', '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'],
      ['word/document.xml', wordBody(NOTICE_LINES)],
    ]);
    const doc = await noticeBytes(bytes, 'slides.pptx');
    expect(doc.status).toBe('failed');
    expect(doc.source.format).toBeNull();
    expect(doc.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'format/unsupported',
        message: `the zip package is a PowerPoint presentation (its main part ppt/presentation.xml is ${pptType}), not a Word document; if it holds the notice, save it as PDF or .docx`,
        span: null,
      },
    ]);
  });

  it('any zip with a word/ path and no Word document is format/unsupported, even named .docx', async () => {
    const notes = await noticeBytes(zipOf([['word/notes.txt', '巡察整改']]), 'notes.docx');
    expect([notes.status, notes.source.format, notes.diagnostics.map((d) => [d.code, d.message])]).toEqual([
      'failed',
      null,
      [['format/unsupported', 'a zip archive that is not a Word document: it has no word/document.xml and declares no Word content']],
    ]);
    const other = await noticeBytes(zipOf([['word/document.xml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>']]), 'drawing.docx');
    expect(other.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['format/unsupported', 'a zip archive that is not a Word document: its word/document.xml is a <svg>, not a Word <document>'],
    ]);
  });
});

/** A PDF of one page per entry: lines of text (the non-embedded STSong-Light, as tests/load-pdf.test.ts writes it)
 *  and optionally one white 1-bit image drawn over the page; `count` overrides the page tree's /Count. */
function pdfOf(pages: ReadonlyArray<{ lines?: readonly string[]; size?: readonly [number, number]; image?: readonly [number, number] }>, count = pages.length): Buffer {
  const hex = (s: string) => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const objects: Array<string | Buffer> = [];
  const pageIds = pages.map((_, i) => 6 + 3 * i);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${count} >>`);
  objects.push('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  objects.push('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>');
  objects.push('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  pages.forEach((page, i) => {
    const [w, h] = page.size ?? [595, 842];
    const text = (page.lines ?? []).map((l, k) => `BT /F1 16 Tf 1 0 0 1 80 ${h - 80 - 28 * k} Tm <${hex(l)}> Tj ET`).join('\n');
    const content = `${page.image ? `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n` : ''}${text}`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R >> /XObject << /Im0 ${pageIds[i]! + 2} 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    const [iw, ih] = page.image ?? [1, 1];
    const data = deflateSync(Buffer.alloc(Math.ceil(iw / 8) * ih, 0xff), { level: 9 }); // white rows
    objects.push(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${iw} /Height ${ih} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const piece = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(piece);
    at += piece.length;
  });
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const PDF_LINES = ['一、整改工作开展情况', '根据区委巡察工作统一部署，区委第二巡察组对某某局开展了常规巡察。'];

describe('smaller: a PDF whose page tree claims /Count 1000000 and holds one page', () => {
  it.each(['pdfium', 'pdfjs'] as const)('has one page (%s engine)', async (engine) => {
    const { loadPdf } = await import('../pipeline/load/pdf/loadPdf.js');
    const { DEFAULT_LIMITS } = await import('../pipeline/load/loaded.js');
    const loaded = await loadPdf(pdfOf([{ lines: PDF_LINES }], 1_000_000), { limits: DEFAULT_LIMITS, ocr: false, pdfEngine: engine });
    expect(loaded.value.pages).toBe(1);
    expect(loaded.value.text).toBe(PDF_LINES.join('\n'));
    // PDFium takes /Count on trust: the missing last page hands the file to pdf.js, which counts the pages the tree holds.
    expect(loaded.diagnostics).toEqual(
      engine === 'pdfium' ? [{ severity: 'info', code: 'pdf/engine-fallback', message: 'text read by pdf.js: the page tree claims 1000000 pages but holds fewer', span: null }] : [],
    );
  });

  it('through the pipeline: status ok, source.pages 1', async () => {
    const doc = await noticeBytes(pdfOf([{ lines: PDF_LINES }], 1_000_000), 'claims.pdf');
    expect([doc.status, doc.source.pages, doc.sections.map((s) => s.marker)]).toEqual(['ok', 1, ['一、']]);
  });
});

describe('item 16: OCR of a PDF with a 40000 × 40000 image is bounded', () => {
  it('renders a page within 16 megapixels (150 dpi when that fits, less for a huge page)', async () => {
    const { MAX_RENDER_PIXELS, ocrScale } = await import('../pipeline/load/pdf/ocr.js');
    expect(ocrScale(595, 842)).toBe(150 / 72);
    for (const [w, h] of [[40000, 40000], [14400, 14400], [595, 200000]] as const) {
      const s = ocrScale(w, h);
      expect(w * s * (h * s)).toBeCloseTo(MAX_RENDER_PIXELS, -1);
      expect(s).toBeLessThan(150 / 72);
    }
  });

  it('an A4 page that is one 40000 × 40000 image fails limit/image with --ocr, and the message does not say --ocr', async () => {
    const doc = await noticeBytes(pdfOf([{ image: [40000, 40000] }]), 'seal-scan.pdf', { ocr: true });
    expect(doc.status).toBe('failed');
    expect(doc.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'limit/image',
        message:
          'page 1 holds a 40000 × 40000 image (1600 megapixels): over the 40-megapixel limit for rendering, so it was left out of OCR (a scan at 300 dpi stays well below it); nothing else in the PDF could be read',
        span: null,
      },
    ]);
  });

  it('beside pages with text, the page with the huge image is reported and the rest is kept (partial)', async () => {
    const doc = await noticeBytes(pdfOf([{ lines: PDF_LINES }, { image: [40000, 40000] }]), 'mixed.pdf', { ocr: true });
    expect(doc.status).toBe('partial');
    expect(doc.text).toBe(PDF_LINES.join('\n'));
    expect(doc.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['info', 'pdf/ocr'],
      ['error', 'limit/image'],
    ]);
  });

  it('a huge page is rendered at the resolution that fits, and the OCR note says so', async () => {
    const doc = await noticeBytes(pdfOf([{ lines: PDF_LINES }, { size: [14400, 14400], image: [2000, 2000] }]), 'poster.pdf', { ocr: true });
    expect(doc.status).toBe('ok');
    expect(doc.diagnostics).toEqual([
      {
        severity: 'info',
        code: 'pdf/ocr',
        message: 'text read by OCR; check figures against the scan (page 2; page 2 at 20 dpi, too large to render at 150 dpi within 16 megapixels)',
        span: null,
      },
    ]);
  });

  it('a huge page with a blank scan is rendered small, read, and fails pdf/no-text without "rerun with --ocr"', async () => {
    const doc = await noticeBytes(pdfOf([{ size: [14400, 14400], image: [2000, 2000] }]), 'poster.pdf', { ocr: true });
    expect(doc.diagnostics).toEqual([
      { severity: 'error', code: 'pdf/no-text', message: 'OCR read no text from page 1: the scan may be blank, too faint or not text', span: null },
    ]);
    const without = await noticeBytes(pdfOf([{ size: [14400, 14400], image: [2000, 2000] }]), 'poster.pdf');
    expect(without.diagnostics.map((d) => d.message)).toEqual(['the PDF has no text layer (a scan?); rerun with --ocr to read it by OCR']);
  });
});

describe('smaller: --reference-date 2024-02-30 is refused', () => {
  const BIN = join(ROOT, 'bin', 'zhenggai.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

  it('run and inspect exit 2 with the reason, and run writes nothing; a real day (2024-02-29) is taken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-refdate-'));
    const input = join(dir, 'a.txt');
    writeFileSync(input, NOTICE);
    for (const [args, day] of [
      [['run', input, '--out', join(dir, 'out')], '2024-02-30'],
      [['inspect', input], '2023-02-29'],
      [['run', input, '--out', join(dir, 'out')], '2024-04-31'],
    ] as const) {
      const r = run(...args, '--reference-date', day);
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(`error: option '--reference-date <YYYY-MM-DD>' argument '${day}' is invalid. expected a day of the calendar as YYYY-MM-DD\n(run with --help for usage)\n`);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const ok = run('run', input, '--out', join(dir, 'out'), '--reference-date', '2024-02-29', '--quiet');
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'index.jsonl'), 'utf8')).toContain('"status":"ok"');
  });
});
