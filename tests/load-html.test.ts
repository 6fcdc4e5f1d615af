/** The web-page loader: charset, main content, furniture lines, title, page date. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Section } from '../output/schema.js';
import {
  boilerplateRule,
  NOTICE_LINES,
  PAGE_DATE_LINES,
} from '../rules/htmlBoilerplate.js';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { collapseWhitespace } from '../pipeline/load/html/content.js';
import { decodeHtmlEntities } from '../pipeline/load/html/entities.js';
import { parseHtml } from '../pipeline/load/html/parse.js';
import { declaredCharset, findPageDate, loadHtml } from '../pipeline/load/html/loadHtml.js';
import { loadBytes } from '../pipeline/load/loadBytes.js';
import { DEFAULT_LIMITS, type LoadOptions } from '../pipeline/load/loaded.js';
import { FileError } from '../pipeline/fileError.js';
import { ROOT, flat, noticeBytes } from './helpers.js';

const OPTIONS: LoadOptions = { limits: DEFAULT_LIMITS, ocr: false };
const FORMATS = join(ROOT, 'corpus', 'formats');
const modTrailing = (s: string): string => s.split('\n').map((l) => l.replace(/\s+$/u, '')).join('\n').replace(/\n+$/u, '');
const corpusText = (base: string): string => decodeText(readFileSync(join(ROOT, 'corpus', `${base}.txt`))).text;
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const load = async (html: string) => flat(await loadHtml(utf8(html), OPTIONS));

/** Encode as GBK with the WHATWG decoder's table in reverse (test helper). */
function gbk(s: string): Uint8Array {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    out.push(...(c < 0x80 ? [c] : (table.get(ch) ?? [0x3f])));
  }
  return Uint8Array.from(out);
}

/** A long enough notice paragraph (so the page is not "little text"). */
const PARA = '根据区委巡察工作统一部署，区委第二巡察组对某某局开展了常规巡察，现将巡察整改进展情况予以公布。'.repeat(3);

async function loadError(promise: Promise<unknown>): Promise<FileError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error('expected a FileError');
}

// Every example of the furniture-line, block-name and page-date tables runs in tests/rules.test.ts.
describe('furniture rules (rules/htmlBoilerplate.ts)', () => {
  it('keeps every shared notice line as text', () => {
    for (const line of NOTICE_LINES) expect(boilerplateRule(line), line).toBeNull();
  });

  it('finds the date of every labelled-date example on a page', () => {
    for (const r of PAGE_DATE_LINES) {
      for (const [line, iso] of r.examples) {
        const html = `<html><body><div>${line}</div><p>${PARA}</p></body></html>`;
        expect(findPageDate(parseHtml(html)), line).toBe(iso);
      }
    }
  });
});

describe('committed .html fixtures against their corpus .txt', () => {
  const cases = [
    { base: '012-liuan-community', encoding: 'gbk', pageDate: '2024-01-26', what: 'a GBK page in a table layout' },
    { base: '014-yundu-hospital', encoding: 'utf-8', pageDate: '2023-09-29', what: 'a page with heavy navigation, share and footer furniture' },
    { base: '015-bichuan-minghu-street', encoding: 'utf-8', pageDate: '2024-03-08', what: 'a plain UTF-8 HTML5 page' },
  ];
  for (const c of cases) {
    it(`${c.base}.html (${c.what}) gives the text of ${c.base}.txt, encoding ${c.encoding}, page date ${c.pageDate}`, async () => {
      const loaded = flat(await loadHtml(readFileSync(join(FORMATS, `${c.base}.html`)), OPTIONS));
      expect(modTrailing(loaded.text)).toBe(modTrailing(corpusText(c.base)));
      expect(loaded.encoding).toBe(c.encoding);
      expect(loaded.pageDate).toBe(c.pageDate);
      expect(loaded.format).toBe('html');
      expect(loaded.diagnostics).toEqual([]);
    });
  }

  it('the GBK fixture really is GBK and declares it', () => {
    const bytes = readFileSync(join(FORMATS, '012-liuan-community.html'));
    expect(declaredCharset(bytes)).toBe('gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('loadBytes dispatches an .html page to this loader', async () => {
    expect((flat(await loadBytes(readFileSync(join(FORMATS, '014-yundu-hospital.html')), 'p.html', OPTIONS))).format).toBe('html');
  });
});

describe('charset', () => {
  it('reads a GB2312 page declared by http-equiv', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${PARA}</p></body></html>`;
    const loaded = flat(await loadHtml(gbk(html), OPTIONS));
    expect(loaded.text).toBe(PARA);
    expect(loaded.encoding).toBe('gbk');
  });

  it('reads an undeclared GBK page by detection', async () => {
    const loaded = flat(await loadHtml(gbk(`<html><body><p>${PARA}</p></body></html>`), OPTIONS));
    expect(loaded.text).toBe(PARA);
    expect(loaded.encoding).toBe('gb18030');
  });

  it('a UTF-8 byte-order mark wins over a wrong meta charset', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<html><head><meta charset="gbk"></head><body><p>${PARA}</p></body></html>`)]);
    const loaded = flat(await loadHtml(bytes, OPTIONS));
    expect(loaded.text).toBe(PARA);
    expect(loaded.encoding).toBe('utf-8');
  });
});

describe('page to lines', () => {
  it('block elements and <br> break lines, inline elements do not', async () => {
    const { text } = await load(`<body><div><p>一、<b>组织</b><span>落实</span>情况</p><p>${PARA}<br>第二行</p><ul><li>甲项</li><li>乙项</li></ul></div></body>`);
    expect(text).toBe(`一、组织落实情况\n${PARA}\n第二行\n甲项\n乙项`);
  });

  it('decodes &nbsp; and character references, and drops the &nbsp; indent', async () => {
    expect(decodeHtmlEntities('&ldquo;四风&rdquo;&#x4E00;&#20013;&amp;&nbsp;&copy&unknown;&#150;')).toBe('“四风”一中&\u00a0©&unknown;–');
    const { text } = await load(`<body><p>&nbsp;&nbsp;&nbsp;&nbsp;&ldquo;一岗双责&rdquo;${PARA}</p></body>`);
    expect(text).toBe(`“一岗双责”${PARA}`);
  });

  it('a source line break between Chinese characters disappears, between Latin words it is a space', () => {
    expect(collapseWhitespace('整改\n    到位 and\n  more  words')).toBe('整改到位 and more words');
    expect(collapseWhitespace('\u3000\u3000全角缩进保留')).toBe('\u3000\u3000全角缩进保留');
  });

  it('a table row becomes one tab-separated line; a one-cell layout row keeps its lines', async () => {
    const { text } = await load(`<body><table><tr><td><p>${PARA}</p><p>表1</p></td></tr></table><table><tr><th>序号</th><th>问题</th><th>状态</th></tr><tr><td>1</td><td>制度不健全</td><td>已完成</td></tr></table></body>`);
    expect(text).toBe(`${PARA}\n表1\n序号\t问题\t状态\n1\t制度不健全\t已完成`);
  });

  it('leaves out scripts, styles, hidden blocks, forms and navigation', async () => {
    const { text } = await load(
      `<body><script>var a="<p>脚本</p>";</script><style>p{}</style><nav>首页 导航</nav><div style="display: none">隐藏的文字</div><select><option>选项</option></select><p>${PARA}</p><noscript>请开启脚本</noscript></body>`,
    );
    expect(text).toBe(PARA);
  });

  it('tolerates unclosed <p>, stray end tags and unquoted attributes', async () => {
    const { text } = await load(`<body><div class=content><p>${PARA}<p>第二段</span></div></p><p align=right>单位<br>2024年3月25日</body>`);
    expect(text).toBe(`${PARA}\n第二段\n单位\n2024年3月25日`);
  });
});

describe('main content', () => {
  const furniture = `<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div><div class="position">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>`;
  const footer = `<div id="footer"><p>版权所有：某某区人民政府</p><p>地址：某某路1号</p><p>粤ICP备00000000号</p></div>`;

  it('picks the block holding the notice and drops furniture lines around it', async () => {
    const html = `<body>${furniture}<div class="wrap"><h2>通知公告</h2><div class="art"><h1>某某局关于巡察整改进展情况的通报</h1><div>发布时间：2024-03-25 来源：某某局 浏览次数：88</div><div class="txt"><p>${PARA}</p><p>一、组织落实情况</p><p>${PARA}</p><p>某某局</p><p>2024年3月25日</p></div><p>【打印本页】【关闭窗口】</p><p>上一篇：关于某事的通知</p></div><div class="related"><a>相关文章一</a></div></div>${footer}</body>`;
    const loaded = await load(html);
    expect(loaded.text).toBe(`某某局关于巡察整改进展情况的通报\n${PARA}\n一、组织落实情况\n${PARA}\n某某局\n2024年3月25日`);
    expect(loaded.pageDate).toBe('2024-03-25');
  });

  it('puts the notice title back in front when the text sits in #zoom below it, without duplicating it', async () => {
    const html = `<body><div class="main"><div class="title">某某局关于巡察整改进展情况的通报</div><div class="info">日期：2024-01-08</div><p>相关附件：无</p><div id="zoom"><p>${PARA}</p><p>${PARA}</p></div></div></body>`;
    const loaded = await load(html);
    expect(loaded.text).toBe(`某某局关于巡察整改进展情况的通报\n${PARA}\n${PARA}`);
  });

  it('does not take a column heading or a site name as the title', async () => {
    const html = `<html><head><title>通报_某某区人民政府网</title></head><body><h1>某某区人民政府网</h1><h2>通知公告</h2><div class="sep">——————</div><div id="zoom"><p>${PARA}</p><p>${PARA}</p></div></body></html>`;
    const loaded = await load(html);
    expect(loaded.text).toBe(`${PARA}\n${PARA}`);
  });

  it('recovers a signature set apart just below the text block', async () => {
    const html = `<body><div class="box"><h1>某某局关于巡察整改情况的通报</h1><div class="TRS_Editor"><p>${PARA}</p><p>${PARA}</p></div><div class="sign"><p>中共某某局党组</p><p>2024年3月25日</p></div><div class="bdsharebuttonbox">分享到：微信</div></div></body>`;
    const loaded = await load(html);
    expect(loaded.text).toBe(`某某局关于巡察整改情况的通报\n${PARA}\n${PARA}\n中共某某局党组\n2024年3月25日`);
  });

  it('takes the page date from a meta tag first and ignores an impossible date', async () => {
    expect(findPageDate(parseHtml(`<head><meta name="PubDate" content="2024-03-25 10:00"></head><body><p>发布时间：2024-01-01</p></body>`))).toBe('2024-03-25');
    expect(findPageDate(parseHtml(`<body><p>发布日期：2024-02-30</p></body>`))).toBeNull();
    expect(findPageDate(parseHtml(`<body><p>${PARA}</p></body>`))).toBeNull();
  });

  it('a page with only navigation gives input/empty', async () => {
    const e = await loadError(load(`<body>${furniture}${footer}</body>`));
    expect(e.code).toBe('input/empty');
  });

  it('a page with little text gives the warning html/little-text', async () => {
    const loaded = await load('<body><p>详见附件。</p></body>');
    expect(loaded.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'html/little-text']]);
  });

  it('an empty file gives input/empty', async () => {
    expect((await loadError(loadHtml(new Uint8Array(0), OPTIONS))).code).toBe('input/empty');
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
  for (const base of ['012-liuan-community', '014-yundu-hospital', '015-bichuan-minghu-street']) {
    it(`${base}.html gives the same section tree, dates, counts and measures as ${base}.txt`, async () => {
      const want = await answers(readFileSync(join(ROOT, 'corpus', `${base}.txt`)), `${base}.txt`);
      expect(await answers(readFileSync(join(FORMATS, `${base}.html`)), `${base}.html`)).toEqual(want);
    });
  }
});
