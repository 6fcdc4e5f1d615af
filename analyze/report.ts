/**
 * report.html: one self-contained page (no network: inline CSS, inline SVG charts, a few lines of inline script
 * for sorting, and a Content-Security-Policy that forbids loading anything) comparing units side by side —
 * the table, charts of completion rates, timeliness and measures by status, the sentence behind every figure,
 * and the measures units share or alone have. Every string from a notice is untrusted and goes through
 * escapeHtml. The page is a pure function of units.json: no clock, so the same results give the same bytes.
 */
import type { UnitEntry, UnitsDocument } from '../output/unitsSchema.js';

/** Escape text for HTML element content and quoted attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

const esc = escapeHtml;
type Cell = UnitEntry['values'][string];

/** A number for display: thousands separators, at most 2 decimals. */
function fmt(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

/** The columns of the table: the units.csv column, its heading, and whether it holds numbers. */
const TABLE: ReadonlyArray<{ col: string; head: string; numeric: boolean }> = [
  { col: 'unit', head: '单位 Unit', numeric: false },
  { col: 'inspectionKind', head: '类型', numeric: false },
  { col: 'inspector', head: '巡视/巡察/审计', numeric: false },
  { col: 'feedbackDate', head: '反馈 Feedback', numeric: false },
  { col: 'publishedDate', head: '公布 Published', numeric: false },
  { col: 'daysFeedbackToPublished', head: '反馈→公布(天)', numeric: true },
  { col: 'problemsFound', head: '问题数', numeric: true },
  { col: 'problemsCompleted', head: '已完成', numeric: true },
  { col: 'completionRateStated', head: '完成率(通报)%', numeric: true },
  { col: 'completionRateComputed', head: '完成率(计算)%', numeric: true },
  { col: 'measuresDone', head: '措施:已完成', numeric: true },
  { col: 'measuresOngoing', head: '措施:持续', numeric: true },
  { col: 'measuresPlanned', head: '措施:计划', numeric: true },
  { col: 'regulationsStated', head: '制度(新建和修订)', numeric: true },
  { col: 'regulationsMade', head: '新建制度', numeric: true },
  { col: 'regulationsRevised', head: '修订制度', numeric: true },
  { col: 'peopleDisciplined', head: '处分(人)', numeric: true },
  { col: 'moneyRecoveredYuan', head: '追回(元)', numeric: true },
];

const unitName = (u: UnitEntry, i: number) => (typeof u.values['unit'] === 'string' ? u.values['unit'] : `(未识别单位 ${i + 1})`);
const anchor = (i: number, col: string) => `ev-${i}-${col}`;

/** A sentence with the mention marked. */
function marked(sentence: string, mention: string): string {
  const at = sentence.indexOf(mention);
  if (at < 0 || mention === '') return esc(sentence);
  return `${esc(sentence.slice(0, at))}<mark>${esc(mention)}</mark>${esc(sentence.slice(at + mention.length))}`;
}

function tableHtml(doc: UnitsDocument): string {
  const head = TABLE.map((c, k) => `<th scope="col" data-k="${k}" data-type="${c.numeric ? 'num' : 'text'}" aria-sort="none"><button type="button">${esc(c.head)}</button></th>`).join('');
  const rows = doc.units
    .map((u, i) => {
      const cells = TABLE.map((c) => {
        const v = c.col === 'unit' ? unitName(u, i) : (u.values[c.col] ?? null);
        const ev = u.evidence[c.col];
        const title = ev ? ` title="${esc(ev.map((e) => e.sentence).join(' / '))}"` : '';
        let text = esc(fmt(v));
        if (ev && c.col !== 'unit') text = `<a href="#${anchor(i, c.col)}">${text}</a>`;
        if (u.values[`${c.col}From`] === 'titles') text += ' <span class="src" title="通报未说明总数：《》中列出的制度名称数（下限） / not stated: the number of titles in 《》 (a lower bound)">《》</span>';
        if (c.col === 'completionRateComputed' && u.values['completionRateMismatch'] === true) text += ' <span class="warn" title="与通报所述完成率不符 / differs from the stated rate">⚠</span>';
        if (c.col === 'daysFeedbackToPublished' && typeof u.values['publishedWithinTwoMonths'] === 'boolean') {
          text += u.values['publishedWithinTwoMonths'] ? ' <span class="ok" title="两个月内公布">✓</span>' : ' <span class="late" title="超过两个月">✗</span>';
        }
        const sort = typeof v === 'number' ? ` data-v="${v}"` : '';
        return `<td${sort}${c.numeric ? ' class="n"' : ''}${title}>${text}</td>`;
      }).join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<table id="units"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** A horizontal bar chart in SVG: one bar (or stack) per unit. */
function barChart(opts: {
  id: string;
  title: string;
  labels: string[];
  stacks: Array<Array<{ value: number; color: string; label: string }>>;
  max: number;
  unit: string;
  rule?: { at: number; label: string };
}): string {
  const rowH = 22;
  const left = 190;
  const width = 720;
  const plot = width - left - 60;
  const height = opts.labels.length * rowH + 30;
  const x = (v: number) => left + (opts.max > 0 ? (plot * Math.min(v, opts.max)) / opts.max : 0);
  const bars = opts.labels
    .map((label, i) => {
      const y = 10 + i * rowH;
      let at = 0;
      const parts = opts.stacks[i]!.map((p) => {
        const r = `<rect x="${x(at).toFixed(1)}" y="${y}" width="${Math.max(0, x(at + p.value) - x(at)).toFixed(1)}" height="${rowH - 6}" fill="${p.color}"><title>${esc(`${label}: ${p.label} ${fmt(p.value)}${opts.unit}`)}</title></rect>`;
        at += p.value;
        return r;
      }).join('');
      const total = opts.stacks[i]!.reduce((n, p) => n + p.value, 0);
      const name = label.length > 13 ? `${label.slice(0, 12)}…` : label;
      return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(name)}</text>${parts}<text x="${(x(total) + 4).toFixed(1)}" y="${y + 12}" class="v">${esc(fmt(total))}</text>`;
    })
    .join('\n');
  const ruleLine = opts.rule
    ? `<line x1="${x(opts.rule.at).toFixed(1)}" x2="${x(opts.rule.at).toFixed(1)}" y1="4" y2="${height - 16}" class="rule"/><text x="${x(opts.rule.at).toFixed(1)}" y="${height - 4}" text-anchor="middle" class="v">${esc(opts.rule.label)}</text>`
    : '';
  return `<figure><figcaption>${esc(opts.title)}</figcaption><svg id="${opts.id}" role="img" aria-label="${esc(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}${ruleLine}</svg></figure>`;
}

const num = (v: Cell | undefined) => (typeof v === 'number' ? v : null);

function chartsHtml(doc: UnitsDocument): string {
  const labels = doc.units.map(unitName);
  const rated = doc.units.map((u, i) => ({ u, i, rate: num(u.values['completionRateComputed']) ?? num(u.values['completionRateStated']) })).filter((x) => x.rate !== null);
  const completion = barChart({
    id: 'chart-completion',
    title: '整改完成率 Completion rate (%, 计算值, 无则用通报值; 红色: 与通报不符)',
    labels: rated.map((x) => labels[x.i]!),
    stacks: rated.map((x) => [{ value: x.rate!, color: x.u.values['completionRateMismatch'] === true ? '#c0392b' : '#2e86c1', label: '完成率' }]),
    max: 100,
    unit: '%',
  });
  const timed = doc.units.map((u, i) => ({ u, i, days: num(u.values['daysFeedbackToPublished']) })).filter((x) => x.days !== null);
  const timeliness = barChart({
    id: 'chart-timeliness',
    title: '反馈到公布天数 Days from feedback to publication (绿: 两个月内, 橙: 超过两个月)',
    labels: timed.map((x) => labels[x.i]!),
    stacks: timed.map((x) => [{ value: Math.max(0, x.days!), color: x.u.values['publishedWithinTwoMonths'] === true ? '#27ae60' : '#e67e22', label: '天' }]),
    max: Math.max(61, ...timed.map((x) => x.days!)),
    unit: ' 天',
    rule: { at: 61, label: '≈两个月' },
  });
  const statuses: Array<[string, string, string]> = [
    ['measuresDone', '#27ae60', '已完成'],
    ['measuresOngoing', '#f1c40f', '持续推进'],
    ['measuresPlanned', '#2e86c1', '计划'],
    ['measuresUnclassified', '#bdc3c7', '未分类'],
  ];
  const measures = barChart({
    id: 'chart-measures',
    title: '整改措施按状态 Measures by status (绿: 已完成, 黄: 持续, 蓝: 计划, 灰: 未分类)',
    labels,
    stacks: doc.units.map((u) => statuses.map(([col, color, label]) => ({ value: num(u.values[col]) ?? 0, color, label }))),
    max: Math.max(1, ...doc.units.map((u) => statuses.reduce((n, [col]) => n + (num(u.values[col]) ?? 0), 0))),
    unit: ' 条',
  });
  return `<section id="charts"><h2>图表 Charts</h2>${completion}${timeliness}${measures}</section>`;
}

function evidenceHtml(doc: UnitsDocument): string {
  const descriptions = new Map(doc.columns.map((c) => [c.name, c.description]));
  const blocks = doc.units
    .map((u, i) => {
      const rows = Object.entries(u.evidence)
        .map(([col, evs]) =>
          evs
            .map(
              (e, k) =>
                `<tr${k === 0 ? ` id="${anchor(i, col)}"` : ''}><th scope="row">${esc(col)}</th><td class="n">${k === 0 ? esc(fmt(u.values[col] ?? null)) : ''}</td><td>${marked(e.sentence, e.text)}</td><td><code>${esc(e.rule)}</code></td></tr>`,
            )
            .join(''),
        )
        .join('\n');
      const older = u.otherNotices.length > 0 ? `<p>较早的通报 Older notices: ${u.otherNotices.map(esc).join('; ')}</p>` : '';
      return `<details id="unit-${i}"><summary>${esc(unitName(u, i))} <small>${esc(String(u.values['source'] ?? ''))}</small></summary>${older}<table class="ev"><thead><tr><th>字段</th><th>值</th><th>原文 Sentence</th><th>规则 Rule</th></tr></thead><tbody>${rows}</tbody></table></details>`;
    })
    .join('\n');
  const legend = [...descriptions].map(([k, d]) => `<dt>${esc(k)}</dt><dd>${esc(d)}</dd>`).join('');
  return `<section id="evidence"><h2>依据 Evidence: the sentence behind every figure</h2>${blocks}<details><summary>字段说明 Columns</summary><dl>${legend}</dl></details></section>`;
}

function measuresHtml(doc: UnitsDocument): string {
  const labels = doc.units.map(unitName);
  const status = (s: string | null) => (s === 'done' ? '已完成' : s === 'ongoing' ? '持续' : s === 'planned' ? '计划' : '—');
  const pairs = doc.sharedMeasures
    .slice(0, 30)
    .map((p) => {
      const items = p.shared
        .map((s) => `<li><span class="sim">${s.similarity.toFixed(2)}</span> ${esc(s.a.text)} <span class="vs">⇄</span> ${esc(s.b.text)}</li>`)
        .join('');
      return `<details><summary>${esc(labels[p.a]!)} ⇄ ${esc(labels[p.b]!)}: ${p.count} 对相同措施 shared</summary><ul>${items}</ul></details>`;
    })
    .join('\n');
  const distinct = doc.distinctiveMeasures
    .filter((d) => d.count > 0)
    .map(
      (d) =>
        `<details><summary>${esc(labels[d.unit]!)}: ${d.count} 条独有措施 distinctive</summary><ul>${d.measures.map((m) => `<li>[${status(m.status)}] ${esc(m.text)}</li>`).join('')}</ul></details>`,
    )
    .join('\n');
  const more = doc.sharedMeasures.length > 30 ? `<p>另有 ${doc.sharedMeasures.length - 30} 对单位见 units.json。</p>` : '';
  return `<section id="measures"><h2>相同与独有的整改措施 Shared and distinctive measures</h2><p>TF-IDF 余弦相似度 (jieba 分词)。</p><h3>相同 Shared</h3>${pairs || '<p>没有。None.</p>'}${more}<h3>独有 Distinctive</h3>${distinct || '<p>没有。None.</p>'}</section>`;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222;max-width:1400px}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ddd;padding:.25rem .45rem;vertical-align:top}
thead th{background:#f3f6f9;position:sticky;top:0}th button{all:unset;cursor:pointer}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.n{text-align:right;white-space:nowrap}.warn,.late{color:#c0392b}.ok{color:#27ae60}.src{color:#777;font-size:.75rem}
tbody tr:nth-child(even){background:#fafafa}mark{background:#fde68a}
figure{margin:1rem 0}figcaption{font-weight:bold;margin-bottom:.3rem}svg text{font-size:12px}svg .v{fill:#555;font-size:11px}
svg .rule{stroke:#c0392b;stroke-dasharray:4 3}details{margin:.3rem 0}summary{cursor:pointer}.sim{font-family:monospace;color:#555}
.vs{color:#999}table.ev td:nth-child(3){max-width:60rem}`;

const SCRIPT = `
(function(){var t=document.getElementById('units');var ths=t.tHead.rows[0].cells;
function key(td,num){if(num){var v=td.getAttribute('data-v');return v===null?null:parseFloat(v);}return td.textContent;}
for(var k=0;k<ths.length;k++){(function(th,k){th.querySelector('button').addEventListener('click',function(){
var num=th.getAttribute('data-type')==='num';var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
for(var j=0;j<ths.length;j++)ths[j].setAttribute('aria-sort','none');th.setAttribute('aria-sort',dir===1?'ascending':'descending');
var rows=Array.prototype.slice.call(t.tBodies[0].rows);rows.sort(function(a,b){var x=key(a.cells[k],num),y=key(b.cells[k],num);
if(x===null&&y===null)return 0;if(x===null)return 1;if(y===null)return -1;return (num?x-y:String(x).localeCompare(String(y),'zh'))*dir;});
rows.forEach(function(r){t.tBodies[0].appendChild(r);});});})(ths[k],k);}
function openTarget(){var id=location.hash.slice(1);var el=id&&document.getElementById(id);if(!el)return;var d=el.closest('details');if(d)d.open=true;el.scrollIntoView();}
window.addEventListener('hashchange',openTarget);openTarget();})();`;

/** The report page. */
export function reportHtml(doc: UnitsDocument): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>整改情况单位对比 · zhenggai</title>
<style>${STYLE}</style>
</head>
<body>
<h1>整改情况单位对比 Units compared</h1>
<p>${doc.units.length} 个单位，${doc.notices} 份通报${doc.failed > 0 ? `（${doc.failed} 份未能处理）` : ''}。点击表头排序；点击数字查看原文依据。${doc.units.length} units from ${doc.notices} notices. Click a heading to sort, a figure to see its sentence.</p>
<section id="table"><h2>对比表 Comparison</h2>${tableHtml(doc)}</section>
${chartsHtml(doc)}
${measuresHtml(doc)}
${evidenceHtml(doc)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
