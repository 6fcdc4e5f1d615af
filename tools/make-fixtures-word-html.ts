/**
 * Regenerate the Word and web-page fixtures under corpus/formats/ from the project's own corpus notices (never
 * from ../shared):
 *   - .docx written here as OOXML parts with jszip: one with Word AUTOMATIC numbering for its headings (the
 *     markers are removed from the text and produced by numbering.xml, level 1 linked through the Heading1
 *     paragraph style), two with literal markers (one with its signature in a layout table and a deleted
 *     revision, one with a page-number footer and a hyperlink);
 *   - .doc converted from literal .docx by LibreOffice (`soffice --headless --convert-to doc`), plus
 *     tests/fixtures/doc/009-fenglin-education-autonum.doc converted from the automatic-numbering .docx;
 *   - .html: one GBK page with <meta charset=gbk> in an old table layout, one with heavy navigation / share /
 *     发布时间 / footer furniture around the notice, one plain UTF-8 HTML5 page.
 * Needs `soffice` (Debian libreoffice-writer-nogui) for the .doc files only. Tests do NOT need this script: they
 * read the committed fixtures.
 *
 *   npx tsx tools/make-fixtures-word-html.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { decodeText } from '../pipeline/load/text/decodeText.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const OUT = join(ROOT, 'corpus', 'formats');

/** A corpus notice's lines, decoded in whatever encoding it is stored in. */
function noticeLines(base: string): string[] {
  const { text } = decodeText(readFileSync(join(ROOT, 'corpus', `${base}.txt`)));
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

// ---------------------------------------------------------------------------------------------------- .docx

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Runs split where Han text meets digits, as Word's own files are (so the loader must join runs). */
function runs(text: string): string {
  const pieces = text.match(/[0-9A-Za-z.,%]+|[^0-9A-Za-z.,%]+/gu) ?? [];
  return pieces.map((p) => `<w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r>`).join('');
}

interface DocxParagraph {
  style: string;
  text: string;
  /** Direct numbering (numId, ilvl); omitted for style-linked or literal paragraphs. */
  num?: { numId: number; ilvl: number };
  /** Extra markup placed after the text runs (a deleted revision, a bookmark). */
  extra?: string;
  /** Wrap the runs in a hyperlink. */
  link?: boolean;
}

function paragraphXml(p: DocxParagraph): string {
  const numPr = p.num ? `<w:numPr><w:ilvl w:val="${p.num.ilvl}"/><w:numId w:val="${p.num.numId}"/></w:numPr>` : '';
  const body = p.link ? `<w:hyperlink w:anchor="top">${runs(p.text)}</w:hyperlink>` : runs(p.text);
  return `<w:p><w:pPr><w:pStyle w:val="${p.style}"/>${numPr}</w:pPr>${body}${p.extra ?? ''}</w:p>`;
}

const STYLES_XML = (headingNum: boolean): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Body"/>${headingNum ? '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>' : '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>'}<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Body"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
</w:styles>`;

/**
 * GB/T 9704 heading numbering as one multi-level list: 一、 → （一） → 1. → （1）. Level 0 is linked to the
 * Heading1 style (w:pStyle) and written with suff=nothing; the others use the default tab suffix, which the
 * loader drops after a marker ending in punctuation.
 */
const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W_NS}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const FOOTER_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ${W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`;

/** A fixed timestamp for every zip entry, so regenerated .docx files are byte-identical. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

async function writeDocx(path: string, bodyXml: string, opts: { numbering: boolean; footer: boolean }): Promise<void> {
  const zip = new JSZip();
  const add = (name: string, data: string): void => {
    zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  };
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>${opts.numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : ''}${opts.footer ? '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' : ''}</Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  add(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${opts.numbering ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : ''}${opts.footer ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' : ''}</Relationships>`,
  );
  add('word/styles.xml', STYLES_XML(opts.numbering));
  if (opts.numbering) add('word/numbering.xml', NUMBERING_XML);
  if (opts.footer) add('word/footer1.xml', FOOTER_XML);
  const sect = `<w:sectPr>${opts.footer ? '<w:footerReference w:type="default" r:id="rId3"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`;
  add('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${bodyXml}${sect}</w:body></w:document>`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  writeFileSync(path, bytes);
}

const CN = '一二三四五六七八九十';
/** 1–99 as the chineseCounting ideographs (enough for heading numbers). */
function cn(n: number): string {
  if (n < 10) return CN[n - 1] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '十' : `${CN[tens - 1]}十`) + (ones ? CN[ones - 1] : '');
}

/** The four GB/T 9704 marker levels: how to recognise each and how its number is written. */
const LEVELS: ReadonlyArray<{ re: RegExp; write: (n: number) => string }> = [
  { re: /^([一二三四五六七八九十]+)、/u, write: (n) => `${cn(n)}、` },
  { re: /^（([一二三四五六七八九十]+)）/u, write: (n) => `（${cn(n)}）` },
  { re: /^(\d+)\.(?!\d)/u, write: (n) => `${n}.` },
  { re: /^（(\d+)）/u, write: (n) => `（${n}）` },
];

/** A notice as paragraphs with AUTOMATIC numbering: every regular marker becomes numbering (checked). */
function autonumParagraphs(lines: string[]): DocxParagraph[] {
  const counters = [0, 0, 0, 0];
  return lines.map((line, i) => {
    if (i === 0) return { style: 'Title', text: line };
    for (let level = 0; level < LEVELS.length; level++) {
      const spec = LEVELS[level];
      const m = spec?.re.exec(line);
      if (!spec || !m) continue;
      counters[level] = (counters[level] ?? 0) + 1;
      for (let d = level + 1; d < counters.length; d++) counters[d] = 0;
      if (!line.startsWith(spec.write(counters[level] ?? 0))) throw new Error(`irregular marker at line ${i + 1}: ${line.slice(0, 12)}`);
      const text = line.slice(m[0].length);
      // Level 0 takes its numbering from the Heading1 style; the others carry direct w:numPr.
      return level === 0 ? { style: 'Heading1', text } : { style: level === 1 ? 'Heading2' : 'Body', text, num: { numId: 1, ilvl: level } };
    }
    return { style: /^\S{2,30}$/u.test(line) && i >= lines.length - 2 ? 'Signature' : 'Body', text: line };
  });
}

/** A notice with literal markers (as typed), styles only. */
function literalParagraphs(lines: string[]): DocxParagraph[] {
  return lines.map((line, i) => ({
    style: i === 0 ? 'Title' : i >= lines.length - 2 ? 'Signature' : /^[一二三四五六七八九十]+、/u.test(line) ? 'Heading1' : 'Body',
    text: line,
  }));
}

async function makeDocxFixtures(): Promise<void> {
  // 009: automatic numbering for all four heading levels.
  const auto = autonumParagraphs(noticeLines('009-fenglin-education'));
  await writeDocx(join(OUT, '009-fenglin-education.docx'), auto.map(paragraphXml).join(''), { numbering: true, footer: true });

  // 011: literal markers; the signature in a one-cell layout table; a deleted revision and a bookmark.
  const l011 = literalParagraphs(noticeLines('011-lanjiang-normal-audit'));
  const sig = l011.splice(l011.length - 2, 2);
  const p2 = l011[1];
  if (p2) p2.extra = '<w:bookmarkStart w:id="0" w:name="opening"/><w:bookmarkEnd w:id="0"/><w:del w:id="1" w:author="x"><w:r><w:delText>（此句已删除）</w:delText></w:r></w:del>';
  const table = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${sig.map(paragraphXml).join('')}</w:tc></w:tr></w:tbl>`;
  await writeDocx(join(OUT, '011-lanjiang-normal-audit.docx'), l011.map(paragraphXml).join('') + table, { numbering: false, footer: false });

  // 016: literal markers (including lines that only look like markers: 1.25亿元…, 三、四月份…), a page footer,
  // the title inside a hyperlink.
  const l016 = literalParagraphs(noticeLines('016-shiling-agriculture'));
  const t016 = l016[0];
  if (t016) t016.link = true;
  await writeDocx(join(OUT, '016-shiling-agriculture.docx'), l016.map(paragraphXml).join(''), { numbering: false, footer: true });
}

// ---------------------------------------------------------------------------------------------------- .doc

async function makeDocFixtures(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'zg-doc-'));
  try {
    for (const base of ['010-lincheng-water', '013-canglan-forestry']) {
      const docx = join(tmp, `${base}.docx`);
      await writeDocx(docx, literalParagraphs(noticeLines(base)).map(paragraphXml).join(''), { numbering: false, footer: true });
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'doc', '--outdir', tmp, docx], { stdio: 'ignore' });
      renameSync(join(tmp, `${base}.doc`), join(OUT, `${base}.doc`));
    }
    // A .doc whose headings are numbered automatically (for the doc/numbering-lost warning test).
    const auto = join(tmp, '009-fenglin-education-autonum.docx');
    await writeDocx(auto, autonumParagraphs(noticeLines('009-fenglin-education')).map(paragraphXml).join(''), { numbering: true, footer: false });
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'doc', '--outdir', tmp, auto], { stdio: 'ignore' });
    mkdirSync(join(ROOT, 'tests', 'fixtures', 'doc'), { recursive: true });
    renameSync(join(tmp, '009-fenglin-education-autonum.doc'), join(ROOT, 'tests', 'fixtures', 'doc', '009-fenglin-education-autonum.doc'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------- .html

/** Encode a string as GBK, using the WHATWG decoder's table in reverse. */
function encodeGbk(s: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not encodable in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** Body paragraphs as <p>, with HTML entities for quotes and an &nbsp; indent, as CMS editors write them. */
function htmlParagraphs(lines: string[], style: 'cms' | 'plain'): string {
  return lines
    .map((line) => {
      const body = esc(line).replace(/“/gu, '&ldquo;').replace(/”/gu, '&rdquo;');
      return style === 'cms' ? `<p style="text-indent:2em">&nbsp;&nbsp;${body}</p>` : `<p>${body}</p>`;
    })
    .join('\n');
}

function makeHtmlFixtures(): void {
  // 012: an old GBK page: table layout, <meta http-equiv> charset gbk, <br>-separated signature, PubDate meta.
  {
    const lines = noticeLines('012-liuan-community');
    const [title, ...rest] = lines;
    const body = rest.slice(0, -2);
    const sig = rest.slice(-2);
    const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<meta name="PubDate" content="2024-01-26 16:20">
<title>${esc(title ?? '')}_桐溪区人民政府</title>
<style>td{font-size:14px}</style>
<script type="text/javascript">var s = "<p>不是正文</p>";</script>
</head>
<body>
<table width="100%" border="0"><tr><td class="logo">桐溪区人民政府</td><td><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></td></tr></table>
<table width="980" align="center" border="0" cellpadding="0" cellspacing="0">
<tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></td></tr>
<tr><td align="center" class="title"><strong>${esc(title ?? '')}</strong></td></tr>
<tr><td align="center">日期：2024-01-26&nbsp;&nbsp;来源：柳岸社区&nbsp;&nbsp;浏览次数：<span id="count">86</span></td></tr>
<tr><td class="content">
${htmlParagraphs(body, 'cms')}
<p align="right">${sig.map(esc).join('<br>\n')}</p>
</td></tr>
<tr><td align="center"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>
<table width="100%"><tr><td align="center">版权所有：桐溪区人民政府办公室\u3000主办：桐溪区人民政府<br>备案号：湘ICP备00000000号</td></tr></table>
</body></html>
`;
    writeFileSync(join(OUT, '012-liuan-community.html'), encodeGbk(html));
  }

  // 014: heavy furniture around the notice: nav, breadcrumb, info line, font size, share bar, prev/next,
  // related links, sidebar, footer; the text in .TRS_Editor, the title in an <h1> above it.
  {
    const lines = noticeLines('014-yundu-hospital');
    const [title, ...rest] = lines;
    const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title ?? '')}-云渡市卫生健康委员会</title>
<meta name="keywords" content="巡察整改">
<link rel="stylesheet" href="/css/main.css"></head>
<body>
<div class="top-bar"><span>今天是：2024年3月1日 星期五</span><a href="#">无障碍</a><a href="#">长者模式</a><a href="#">English</a></div>
<div class="header"><div class="logo"><img src="/logo.png" alt="云渡市卫生健康委员会"></div>
<form class="search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/xczg/">巡察整改</a></li></ul></div>
<div class="main">
<div class="location">您的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/xczg/">巡察整改</a></div>
<div class="left-column">
<div class="article">
<h1 class="article-title">${esc(title ?? '')}</h1>
<div class="info">发布时间：2023-09-29 09:30&nbsp;&nbsp;&nbsp;来源：云渡市人民医院&nbsp;&nbsp;&nbsp;浏览次数：<span>1024</span>&nbsp;&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a><a href="#" class="bds_tsina">微博</a><a href="#" class="bds_qzone">QQ空间</a></div>
<div class="TRS_Editor">
${htmlParagraphs(rest.slice(0, -2), 'cms')}
<p style="text-align:right">${esc(rest[rest.length - 2] ?? '')}</p>
<p style="text-align:right">${esc(rest[rest.length - 1] ?? '')}</p>
</div>
<div class="tools"><a href="javascript:print()">【打印本页】</a><a href="javascript:close()">【关闭窗口】</a></div>
<div class="prev-next"><p>上一篇：<a href="/1.html">关于开展爱国卫生月活动的通知</a></p><p>下一篇：<a href="/2.html">云渡市卫生健康委员会2023年政府信息公开工作年度报告</a></p></div>
</div>
</div>
<div class="sidebar"><h3>热点推荐</h3><ul><li><a href="/a.html">市人民医院开展义诊进社区活动</a></li><li><a href="/b.html">全市卫生健康工作会议召开</a></li></ul>
<div class="qrcode"><img src="/qr.png"><p>扫一扫在手机打开当前页</p></div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/c.html">市委巡察组向市人民医院反馈巡察情况</a> 2023-06-20</li><li><a href="/d.html">市人民医院召开巡察整改专题民主生活会</a> 2023-08-15</li></ul></div>
</div>
<div class="footer"><p><a href="/">网站地图</a> | <a href="/">联系我们</a> | <a href="/">设为首页</a></p>
<p>主办：云渡市卫生健康委员会 承办：云渡市卫生健康信息中心</p>
<p>地址：云渡市健康路1号 电话：0812-0000000 邮编：000000</p>
<p>版权所有 © 云渡市卫生健康委员会 网站标识码：0000000000 渝ICP备00000000号-1</p>
<p>技术支持：某某信息技术有限公司</p></div>
<script>document.write('<p>脚本写入的文字</p>');</script>
</body></html>
`;
    writeFileSync(join(OUT, '014-yundu-hospital.html'), html);
  }

  // 015: a plain UTF-8 HTML5 page: <article> with its own <header> (title, date), source lines wrapped inside
  // Chinese text, a publish-date meta, a footer.
  {
    const lines = noticeLines('015-bichuan-minghu-street');
    const [title, ...rest] = lines;
    const wrapped = rest.map((line) => {
      // Hard-wrap long paragraphs in the source between two Han characters (browsers join them).
      const chars = Array.from(line);
      if (chars.length < 60) return `<p>${esc(line)}</p>`;
      const at = chars.findIndex((c, k) => k > 30 && /\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(chars[k - 1] ?? ''));
      if (at < 0) return `<p>${esc(line)}</p>`;
      return `<p>${esc(chars.slice(0, at).join(''))}\n      ${esc(chars.slice(at).join(''))}</p>`;
    });
    const html = `<!doctype html>
<html lang="zh"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">
<meta property="article:published_time" content="2024-03-08T10:00:00+08:00">
<title>${esc(title ?? '')}</title></head>
<body>
<header><a href="/">碧川区人民政府门户网站</a><nav><a href="/">首页</a> <a href="/news">新闻</a></nav></header>
<main>
<article>
<header><h1>${esc(title ?? '')}</h1><p class="meta">发布日期：2024年3月8日\u3000来源：明湖街道</p></header>
${wrapped.join('\n')}
</article>
<aside><h2>相关文章</h2><ul><li><a href="/x">明湖街道召开巡察整改推进会</a></li></ul></aside>
</main>
<footer><p>Copyright &copy; 2024 碧川区人民政府</p></footer>
</body></html>
`;
    writeFileSync(join(OUT, '015-bichuan-minghu-street.html'), html);
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await makeDocxFixtures();
  makeHtmlFixtures();
  if (!process.argv.includes('--no-doc')) await makeDocFixtures();
  console.log(`fixtures written to ${OUT}`);
}

await main();
