/**
 * Hostile inputs on the loader and text side (issue 13): each item builds its input in memory or in a temporary
 * folder and asserts the exact result: the document's status and diagnostic or error code, or the CLI's exit code
 * and message. The batch runner's items (a folder of inputs, locks, signals) are tested with the runner.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, noticeBytes } from './helpers.js';

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
