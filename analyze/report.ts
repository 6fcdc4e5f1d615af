/**
 * report.html: one self-contained page (no network: inline CSS and script, a Content-Security-Policy that forbids
 * loading anything) comparing units side by side. The page holds its data (report/data.ts) and renders it with its
 * own script (report/client.ts): the comparison table one page of rows at a time behind a search box and filters
 * (kind, inspector, year), summary rows (median, mean), charts of the filtered units sorted by value, and a per-unit
 * view (#u/<unit>) with the unit's figures and the sentence behind each, its measures by status and its notice's tree,
 * linking to the result file and the original. The measures units share are listed here, in the page itself.
 * Chinese labels come first, the English in tooltips. A print stylesheet lays the table and charts on A4 landscape.
 *
 * The page is a pure function of units.json, the units' details and the report's folder (links are relative to
 * it): no clock, so the same results give the same bytes. Every string from a notice is escaped (here by escapeHtml,
 * in the page by its esc(), in the embedded JSON by \u003c for "<").
 */
import type { UnitsDocument } from '../output/unitsSchema.js';
import { reportClient } from './report/client.js';
import { type DetailGroups, fitChunks, reportData, type RowsPayload, scriptSafe, TARGET_BYTES } from './report/data.js';
import type { UnitDetail } from './report/detail.js';
import { labelOf } from './report/labels.js';
import { STYLE } from './report/style.js';

/** Escape text for HTML element content and quoted attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}
const esc = escapeHtml;

/** Pairs of units sharing measures listed in the page (the rest are in units.json). */
export const REPORT_SHARED_PAIRS = 30;

function measuresHtml(doc: ReportSummary, labels: readonly string[]): string {
  const unitLink = (i: number) => `<a href="#u/${i}">${esc(labels[i]!)}</a>`;
  const pairs = doc.sharedMeasures
    .slice(0, REPORT_SHARED_PAIRS)
    .map((p) => {
      const items = p.shared.map((s) => `<li><span class="sim">${s.similarity.toFixed(2)}</span> ${esc(s.a.text)} <span class="vs">⇄</span> ${esc(s.b.text)}</li>`).join('');
      return `<details><summary>${esc(labels[p.a]!)} ⇄ ${esc(labels[p.b]!)}：${p.count} 对相似措施</summary><p>${unitLink(p.a)} · ${unitLink(p.b)}</p><ul>${items}</ul></details>`;
    })
    .join('\n');
  const more = doc.sharedPairs > REPORT_SHARED_PAIRS ? `<p>另有 ${doc.sharedPairs - REPORT_SHARED_PAIRS} 对单位见 units.json。</p>` : '';
  const distinct = [...doc.distinctiveMeasures]
    .filter((d) => d.count > 0)
    .sort((a, b) => b.count - a.count || a.unit - b.unit)
    .slice(0, REPORT_SHARED_PAIRS)
    .map((d) => `<li>${unitLink(d.unit)}：${d.count} 条</li>`)
    .join('');
  return `<section id="measures"><h2 title="Shared and distinctive measures (TF-IDF cosine similarity of jieba words)">相同与独有的整改措施</h2>
<p class="hint">按 TF-IDF 余弦相似度（jieba 分词）比较各单位的措施。独有措施在各单位的页面中标为“独有”。</p>
<h3 title="Pairs of units sharing measures">相似措施最多的单位对</h3>${pairs || '<p>没有。</p>'}${more}
<h3 title="Units with the most distinctive measures">独有措施最多的单位</h3>${distinct ? `<ul>${distinct}</ul>` : '<p>没有。</p>'}</section>`;
}

function columnsHtml(doc: ReportSummary): string {
  const items = doc.columns.map((c) => `<dt>${esc(labelOf(c.name))} <code>${esc(c.name)}</code></dt><dd>${esc(c.description)}</dd>`).join('');
  return `<section id="columns"><details><summary title="Columns of units.csv, units.xlsx and units.json">字段说明</summary><dl>${items}</dl></details></section>`;
}

/** Options of reportHtml. */
export interface ReportOptions {
  /** One detail per unit of `doc`, in order (tree, measures, links); without them the per-unit view shows the figures only. */
  details?: ReadonlyArray<UnitDetail | null>;
  /** The folder report.html is written to: links to result and original files are relative to it. */
  outDir?: string;
  /** The size the report is fitted to by cutting the text of measures (default TARGET_BYTES, 45 MB). */
  targetBytes?: number;
}

/** What the page shows of a comparison beside its units: units.json without the units. */
export type ReportSummary = Pick<UnitsDocument, 'notices' | 'failed' | 'columns' | 'distinctiveMeasures'> & {
  /** The pairs of units sharing measures, in order: at least the first REPORT_SHARED_PAIRS of them. */
  sharedMeasures: UnitsDocument['sharedMeasures'];
  /** How many pairs there are in all. */
  sharedPairs: number;
};

/** The report page. */
export function reportHtml(doc: UnitsDocument, options: ReportOptions = {}): string {
  return [...reportPieces({ ...doc, sharedPairs: doc.sharedMeasures.length }, reportData(doc, options.details ?? [], options.outDir ?? '.'), options)].join('');
}

/**
 * The report page of a comparison whose units' data were built one at a time (ReportDataBuilder), in pieces, in
 * order: a page of 20,000 units is some 45 MB, so compare writes the pieces one after the other instead of building
 * the page as one string (and its bytes again).
 */
export function reportPieces(doc: ReportSummary, data: { rows: RowsPayload; details: DetailGroups }, options: Pick<ReportOptions, 'targetBytes'> = {}): Iterable<string> {
  const { rows, details } = data;
  const parts = () => pageParts(doc, rows.name, scriptSafe(JSON.stringify(rows)), rows.z);
  // The details fit beside the page without them (its rows as they will be, give or take the digits of their cut)
  // and the script element around each chunk.
  const around = 64 * details.groups.length;
  const empty = parts();
  const { cut, chunks } = fitChunks(details, rows.z, (options.targetBytes ?? TARGET_BYTES) - Buffer.byteLength(empty.head) - Buffer.byteLength(empty.tail) - around);
  rows.cut = cut;
  const { head, chunk, tail } = parts();
  // Everything is computed by now; each chunk is read back from the store as it is handed over.
  return (function* () {
    yield head;
    for (let k = 0; k < chunks.count; k++) yield chunk(chunks.get(k), k);
    yield tail;
  })();
}

/** The page around its data: before the detail chunks (the rows' JSON, script-safe, included), each chunk's
 *  element, and after them. */
function pageParts(doc: ReportSummary, names: readonly string[], rowsJson: string, z: boolean): { head: string; chunk: (c: string, k: number) => string; tail: string } {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
  const chunkType = z ? 'application/octet-stream' : 'application/json';
  const head = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>整改情况单位对比 · zhenggai</title>
<style>${STYLE}</style>
</head>
<body>
<div id="main">
<header><h1 title="Rectification notices: units compared">整改情况单位对比</h1>
<p class="lead">${names.length} 个单位，${doc.notices} 份通报${doc.failed > 0 ? `（${doc.failed} 份未能处理，未列入）` : ''}。<span class="no-print">点击表头排序，点击单位名称查看该单位，点击数字查看它的原文句子。</span></p></header>
<noscript><p class="warn">此报告用 JavaScript 显示表格；请启用 JavaScript，或打开同一文件夹中的 units.xlsx / units.csv。</p></noscript>
<section id="table"><h2 title="Comparison table">对比表</h2>
<div class="controls" role="search">
<label title="Search unit, inspector or file name">搜索 <input id="q" type="search" placeholder="单位、巡视组、文件名" autocomplete="off"></label>
<label title="Kind of inspection">类型 <select id="f-kind"><option value="">全部</option><option value="巡视">巡视</option><option value="巡察">巡察</option><option value="审计">审计</option></select></label>
<label title="Inspected by (part of the name)">巡视组/审计机关 <input id="f-inspector" list="inspectors" autocomplete="off"></label><datalist id="inspectors"></datalist>
<label title="Year of publication (else of feedback)">年份 <select id="f-year"><option value="">全部</option></select></label>
<button id="clear" type="button" title="Clear the filters">清除筛选</button> <span id="count"></span>
</div>
<table id="units"><thead id="units-head"></thead><tbody id="units-body"></tbody><tfoot id="units-foot"></tfoot></table>
<div class="pager"><button id="prev" type="button" title="Previous page">上一页</button><span id="page-info"></span><button id="next" type="button" title="Next page">下一页</button>
<label title="Rows per page (print shows the rows of this page)">每页 <select id="page-size"><option value="50">50</option><option value="100" selected>100</option><option value="500">500</option><option value="0">全部</option></select></label></div>
</section>
<section id="charts"><h2 title="Charts of the units the filters show, sorted by value">图表</h2><div id="charts-body" class="charts"></div></section>
${measuresHtml(doc, names)}
${columnsHtml(doc)}
</div>
<div id="unit-view" hidden></div>
<script type="application/json" id="zg-data">${rowsJson}</script>
`;
  const tail = `
<script>(${reportClient.toString()})();</script>
</body>
</html>
`;
  return { head, chunk: (c, k) => `<script type="${chunkType}" id="zg-d-${k}">${c}</script>\n`, tail };
}
