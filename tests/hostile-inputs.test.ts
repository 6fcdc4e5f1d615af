/**
 * Hostile inputs on the loader and text side (issue 13): each item builds its input in memory or in a temporary
 * folder and asserts the exact result: the document's status and diagnostic or error code, or the CLI's exit code
 * and message. The batch runner's items (a folder of inputs, locks, signals) are tested with the runner.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNumber } from '../rules/numberingFormats.js';
import { ROOT, notice, noticeBytes } from './helpers.js';

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
