/**
 * The script of report.html. It is written here as a function so that the compiler checks it; the page embeds its
 * source (reportClient.toString()), so it must stay self-contained: no imports (types only), no outer variables.
 *
 * It reads the rows payload (data.ts), renders the rows that pass the search and filters one page at a time, the
 * summary rows (median, mean) and the charts of the filtered units sorted by value, and, on #u/<unit>[/<column>],
 * the per-unit view: the unit's figures with the sentence behind each, its measures by status and its notice's tree,
 * decoded from its detail chunk when it is first opened. Every string from a notice goes through esc().
 */
import type { DetailPayload as Detail, RowsPayload } from './data.js';

type Figure = Detail['f'][number];
type Cell = Figure[1];
/** A chunk of details: each field of its units as one array. */
type Chunk = { [K in keyof Detail]: Array<Detail[K]> };

/** The few parts of the DOM the page uses (the project compiles without the DOM library, so they are named here). */
interface Elem {
  textContent: string | null;
  innerHTML: string;
  hidden: boolean;
  value: string;
  disabled: boolean;
  classList: { add(name: string): void };
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  insertAdjacentHTML(where: 'beforeend', html: string): void;
  addEventListener(type: string, listener: (event: { target: unknown }) => void): void;
  closest(selector: string): Elem | null;
  scrollIntoView(options?: { block: 'center' }): void;
  querySelectorAll(selector: string): ArrayLike<Elem>;
}
interface BrowserWindow {
  document: { getElementById(id: string): Elem | null; title: string; documentElement: Elem };
  location: { hash: string };
  addEventListener(type: string, listener: () => void): void;
  scrollTo(x: number, y: number): void;
  atob(data: string): string;
}

export function reportClient(): void {
  const win = globalThis as unknown as BrowserWindow;
  const document = win.document;
  const byId = (id: string): Elem => document.getElementById(id)!;
  const data = JSON.parse(byId('zg-data').textContent!) as RowsPayload;
  const n = data.n;
  const v = data.v;
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const collator = new Intl.Collator('zh');
  const fmt = (x: Cell): string => (x === null ? '' : typeof x === 'number' ? numberFormat.format(x) : typeof x === 'boolean' ? (x ? '是' : '否') : x);
  const num = (key: string, i: number): number | null => {
    const x = v[key]?.[i];
    return typeof x === 'number' ? x : null;
  };
  const str = (key: string, i: number): string => {
    const x = v[key]?.[i];
    return x === null || x === undefined ? '' : String(x);
  };
  const label = (key: string): string => data.labels[key]?.[0] ?? key;
  const english = (key: string): string => data.labels[key]?.[1] ?? '';

  // ---- Filters: search, kind, inspector, year ----
  const search = byId('q');
  const kindSelect = byId('f-kind');
  const inspectorInput = byId('f-inspector');
  const yearSelect = byId('f-year');
  const sizeSelect = byId('page-size');
  const haystack: string[] = [];
  for (let i = 0; i < n; i++) haystack.push(`${data.name[i]}\n${str('inspector', i)}\n${str('source', i)}`.toLowerCase());
  const inspectors = [...new Set((v['inspector'] ?? []).filter((x): x is string => typeof x === 'string'))].sort(collator.compare);
  byId('inspectors').innerHTML = inspectors.map((x) => `<option value="${esc(x)}"></option>`).join('');
  const years = [...new Set(data.year.filter((y): y is number => y !== null))].sort((a, b) => b - a);
  yearSelect.insertAdjacentHTML('beforeend', years.map((y) => `<option value="${y}">${y}</option>`).join('') + (data.year.includes(null) ? '<option value="none">无日期</option>' : ''));
  if ((v['inspectionKind'] ?? []).includes(null)) kindSelect.insertAdjacentHTML('beforeend', '<option value="none">未识别</option>');

  let sortKey: string | null = null;
  let sortDir = 1;
  let page = 0;
  let shown: number[] = [];

  function filtered(): number[] {
    const q = search.value.trim().toLowerCase();
    const kind = kindSelect.value;
    const inspector = inspectorInput.value.trim();
    const year = yearSelect.value;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (kind !== '' && (kind === 'none' ? v['inspectionKind']?.[i] !== null : v['inspectionKind']?.[i] !== kind)) continue;
      if (year !== '' && (year === 'none' ? data.year[i] !== null : data.year[i] !== Number(year))) continue;
      if (inspector !== '' && !str('inspector', i).includes(inspector)) continue;
      if (q !== '' && !haystack[i]!.includes(q)) continue;
      out.push(i);
    }
    if (sortKey !== null) {
      const key = sortKey;
      const type = data.cols.find((c) => c.k === key)?.t ?? 'text';
      const text = (i: number) => (key === 'unit' ? data.name[i]! : str(key, i));
      out.sort((a, b) => {
        if (type === 'num') {
          const x = num(key, a);
          const y = num(key, b);
          if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
          return (x - y) * sortDir || a - b;
        }
        const x = text(a);
        const y = text(b);
        if (x === '' || y === '') return x === y ? a - b : x === '' ? 1 : -1;
        return (type === 'date' ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y)) * sortDir || a - b;
      });
    }
    return out;
  }

  // ---- The table ----
  const head = byId('units-head');
  const body = byId('units-body');
  const foot = byId('units-foot');
  head.innerHTML = `<tr>${data.cols
    .map((c, k) => `<th scope="col" data-k="${k}" data-key="${c.k}" data-type="${c.t}" class="c-${c.k}" aria-sort="none" title="${esc(`${c.en} — ${label(c.k)}`)}"><button type="button">${c.h.map(esc).join('<br>')}</button></th>`)
    .join('')}</tr>`;

  function cellHtml(key: string, k: number, i: number): string {
    if (key === 'unit') {
      const why = data.why[i];
      const mark = why ? ` <span class="why" title="${esc(why)}">?</span>` : '';
      return `<th scope="row" class="c-unit${why ? ' unidentified' : ''}"${why ? ` title="${esc(why)}"` : ''}><a href="#u/${i}">${esc(data.name[i]!)}</a>${mark}</th>`;
    }
    const type = data.cols[k]!.t;
    const x = v[key]?.[i] ?? null;
    let text = esc(fmt(x));
    if (x !== null && (data.ev[i]! & (1 << k)) !== 0) text = `<a href="#u/${i}/${key}" title="查看原文句子 / see the sentence">${text}</a>`;
    if ((key === 'regulationsMade' && v['regulationsMadeFrom']?.[i] === 'titles') || (key === 'regulationsRevised' && v['regulationsRevisedFrom']?.[i] === 'titles')) {
      text += ' <span class="src" title="通报未说明总数：《》中列出的制度名称数（下限） / not stated: the number of titles in 《》, a lower bound">《》</span>';
    }
    if (key === 'completionRateComputed' && v['completionRateMismatch']?.[i] === true) text += ' <span class="warn" title="与通报所述完成率不符 / differs from the stated rate">⚠</span>';
    if (key === 'daysFeedbackToPublished' && typeof v['publishedWithinTwoMonths']?.[i] === 'boolean') {
      text += v['publishedWithinTwoMonths'][i] ? ' <span class="ok" title="两个月内公布 / within two months">✓</span>' : ' <span class="late" title="超过两个月 / later than two months">✗</span>';
    }
    return `<td class="c-${key}${type === 'num' ? ' n' : ''}"${typeof x === 'number' ? ` data-v="${x}"` : ''}>${text}</td>`;
  }

  function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  }

  function renderSummary(): void {
    const rows = [
      { name: '中位数', en: 'median of the units shown by the filters', f: median },
      { name: '平均数', en: 'mean of the units shown by the filters', f: (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length },
    ];
    foot.innerHTML = rows
      .map(
        (r) =>
          `<tr class="summary"><th scope="row" class="c-unit" title="${r.en}">${r.name}</th>${data.cols
            .slice(1)
            .map((c) => {
              if (c.t !== 'num') return `<td class="c-${c.k}"></td>`;
              const xs: number[] = [];
              for (const i of shown) {
                const x = num(c.k, i);
                if (x !== null) xs.push(x);
              }
              return xs.length === 0 ? `<td class="c-${c.k} n"></td>` : `<td class="c-${c.k} n" title="${xs.length} 个单位有此数 / ${xs.length} units">${esc(fmt(Math.round(r.f(xs) * 100) / 100))}</td>`;
            })
            .join('')}</tr>`,
      )
      .join('');
  }

  function pageSize(): number {
    return Number(sizeSelect.value) || shown.length || 1;
  }

  function renderRows(): void {
    const size = pageSize();
    const pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(page, pages - 1);
    const from = page * size;
    const slice = shown.slice(from, from + size);
    body.innerHTML = slice.map((i) => `<tr data-unit="${i}">${data.cols.map((c, k) => cellHtml(c.k, k, i)).join('')}</tr>`).join('');
    byId('count').textContent = shown.length === n ? `共 ${n} 个单位` : `筛选出 ${shown.length} / ${n} 个单位`;
    byId('page-info').textContent = shown.length === 0 ? '没有符合条件的单位' : `第 ${from + 1}–${from + slice.length} 行，共 ${shown.length} 行（第 ${page + 1}/${pages} 页）`;
    byId('prev').disabled = page === 0;
    byId('next').disabled = page >= pages - 1;
  }

  // ---- Charts of the filtered units, sorted by value ----
  interface Bar {
    i: number;
    parts: Array<{ value: number; color: string; label: string }>;
  }
  const MAX_BARS = 40;
  function chart(id: string, title: string, en: string, bars: Bar[], unit: string, rule?: { at: number; label: string }): string {
    const total = (b: Bar) => b.parts.reduce((s, p) => s + p.value, 0);
    bars.sort((a, b) => total(b) - total(a) || a.i - b.i);
    let rows: Array<Bar | null> = bars;
    if (bars.length > MAX_BARS) rows = [...bars.slice(0, MAX_BARS / 2), null, ...bars.slice(-MAX_BARS / 2)];
    const max = bars.reduce((m, b) => Math.max(m, total(b)), Math.max(1, rule ? rule.at : 0));
    const rowH = 18;
    const left = 150;
    const width = 480;
    const plot = width - left - 48;
    const height = rows.length * rowH + (rule ? 26 : 10);
    const x = (value: number) => left + (plot * Math.min(Math.max(value, 0), max)) / max;
    const body = rows
      .map((b, r) => {
        const y = 6 + r * rowH;
        if (b === null) return `<text x="${left - 6}" y="${y + 11}" text-anchor="end" class="gap">… 另有 ${bars.length - MAX_BARS} 个单位 …</text>`;
        const name = data.name[b.i]!;
        let at = 0;
        const rects = b.parts
          .map((p) => {
            const r0 = x(at);
            at += p.value;
            return `<rect x="${r0.toFixed(1)}" y="${y}" width="${Math.max(0, x(at) - r0).toFixed(1)}" height="${rowH - 5}" fill="${p.color}"><title>${esc(`${name}：${p.label} ${fmt(p.value)}${unit}`)}</title></rect>`;
          })
          .join('');
        return `<a href="#u/${b.i}"><text x="${left - 6}" y="${y + 11}" text-anchor="end">${esc(name.length > 11 ? `${name.slice(0, 10)}…` : name)}</text>${rects}<text x="${(x(total(b)) + 4).toFixed(1)}" y="${y + 11}" class="v">${esc(fmt(Math.round(total(b) * 100) / 100))}</text></a>`;
      })
      .join('');
    const ruleLine = rule && bars.length > 0
      ? `<line x1="${x(rule.at).toFixed(1)}" x2="${x(rule.at).toFixed(1)}" y1="2" y2="${height - 18}" class="rule"/><text x="${x(rule.at).toFixed(1)}" y="${height - 6}" text-anchor="middle" class="v">${esc(rule.label)}</text>`
      : '';
    const empty = bars.length === 0 ? `<text x="${left}" y="16" class="v">没有数据</text>` : '';
    return `<figure id="${id}"><figcaption title="${esc(en)}">${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${Math.max(height, 24)}" preserveAspectRatio="xMinYMin meet">${body}${ruleLine}${empty}</svg></figure>`;
  }

  function renderCharts(): void {
    const completion: Bar[] = [];
    const timeliness: Bar[] = [];
    const measures: Bar[] = [];
    for (const i of shown) {
      const rate = num('completionRateComputed', i) ?? num('completionRateStated', i);
      if (rate !== null) completion.push({ i, parts: [{ value: rate, color: v['completionRateMismatch']?.[i] === true ? '#c0392b' : '#2e86c1', label: '完成率' }] });
      const days = num('daysFeedbackToPublished', i);
      if (days !== null) timeliness.push({ i, parts: [{ value: days, color: v['publishedWithinTwoMonths']?.[i] === true ? '#27ae60' : '#e67e22', label: '天数' }] });
      const parts = [
        { value: num('measuresDone', i) ?? 0, color: '#27ae60', label: '已完成' },
        { value: num('measuresOngoing', i) ?? 0, color: '#f1c40f', label: '持续推进' },
        { value: num('measuresPlanned', i) ?? 0, color: '#2e86c1', label: '计划' },
        { value: num('measuresUnclassified', i) ?? 0, color: '#bdc3c7', label: '未标明状态' },
      ];
      if (parts.some((p) => p.value > 0)) measures.push({ i, parts });
    }
    byId('charts-body').innerHTML =
      chart('chart-completion', '整改完成率（%，计算值，无则用通报值；红色：与通报不符）', 'Completion rate (%): computed, else as stated; red: differs from the stated rate', completion, '%') +
      chart('chart-timeliness', '反馈到公布天数（绿：两个月内，橙：超过两个月）', 'Days from feedback to publication (green: within two months, orange: later)', timeliness, ' 天', { at: 61, label: '≈两个月' }) +
      chart('chart-measures', '整改措施按状态（绿：已完成，黄：持续，蓝：计划，灰：未标明）', 'Measures by status (green done, yellow ongoing, blue planned, grey no status)', measures, ' 条');
  }

  function refresh(resetPage: boolean): void {
    if (resetPage) page = 0;
    shown = filtered();
    renderRows();
    renderSummary();
    renderCharts();
  }

  for (const el of [search, inspectorInput]) el.addEventListener('input', () => refresh(true));
  for (const el of [kindSelect, yearSelect]) el.addEventListener('change', () => refresh(true));
  sizeSelect.addEventListener('change', () => refresh(true));
  byId('clear').addEventListener('click', () => {
    search.value = '';
    inspectorInput.value = '';
    kindSelect.value = '';
    yearSelect.value = '';
    refresh(true);
  });
  byId('prev').addEventListener('click', () => {
    page = Math.max(0, page - 1);
    renderRows();
  });
  byId('next').addEventListener('click', () => {
    page++;
    renderRows();
  });
  head.addEventListener('click', (e) => {
    const th = (e.target as Elem).closest('th');
    if (!th) return;
    const key = th.getAttribute('data-key');
    sortDir = key === sortKey && th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    sortKey = key;
    for (const other of Array.from(head.querySelectorAll('th'))) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
    refresh(false);
  });

  // ---- The per-unit view ----
  const cache = new Map<number, Promise<Chunk>>();
  async function decode(k: number): Promise<Chunk> {
    const text = byId(`zg-d-${k}`).textContent!;
    if (!data.z) return JSON.parse(text) as Chunk;
    const binary = win.atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let j = 0; j < binary.length; j++) bytes[j] = binary.charCodeAt(j);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.parse(await new Response(stream).text()) as Chunk;
  }
  async function detail(i: number): Promise<Detail> {
    const k = Math.floor(i / data.chunk);
    let chunk = cache.get(k);
    if (!chunk) {
      chunk = decode(k);
      cache.set(k, chunk);
    }
    const c = await chunk;
    const j = i - k * data.chunk;
    return { s: c.s[j]!, f: c.f[j]!, t: c.t[j]!, m: c.m[j]!, mt: c.mt[j]!, res: c.res[j]!, src: c.src[j]!, older: c.older[j]! };
  }

  const STATUSES = [
    { zh: '已完成', en: 'done' },
    { zh: '持续推进', en: 'ongoing' },
    { zh: '计划', en: 'planned' },
    { zh: '未标明状态', en: 'no status stated' },
  ];

  /** A sentence with its mentions marked (ranges [at, at + len), in any order, overlaps merged). */
  function marked(sentence: string, ranges: Array<[number, number]>): string {
    const spans = ranges.filter(([at, len]) => at >= 0 && len > 0).sort((a, b) => a[0] - b[0]);
    let html = '';
    let pos = 0;
    for (const [at, len] of spans) {
      const end = at + len;
      if (end <= pos) continue;
      const from = Math.max(at, pos);
      html += `${esc(sentence.slice(pos, from))}<mark>${esc(sentence.slice(from, end))}</mark>`;
      pos = end;
    }
    return html + esc(sentence.slice(pos));
  }

  /** A value as the per-unit view shows it. */
  const viewValue = (key: string, x: Cell): string => (key.endsWith('From') && (x === 'stated' || x === 'titles') ? (x === 'stated' ? '通报所述' : '《》名称数') : fmt(x));

  function viewHtml(i: number, d: Detail): string {
    const heading = (k: number) => (k < 0 ? '' : `${d.s[k]![1]} ${d.s[k]![2]}`);
    const value = (key: string) => d.f.find((f) => data.fcols[f[0]] === key)?.[1] ?? null;
    const why = data.why[i];
    const facts = [
      ['inspectionKind', value('inspectionKind')],
      ['inspector', value('inspector')],
      ['round', value('round')],
      ['inspectionStart', value('inspectionStart') === null ? null : `${fmt(value('inspectionStart'))} 至 ${fmt(value('inspectionEnd'))}`],
      ['feedbackDate', value('feedbackDate')],
      ['publishedDate', value('publishedDate')],
    ]
      .filter((f) => f[1] !== null)
      .map(([key, x]) => `<span title="${esc(english(key as string))}">${esc(key === 'inspectionStart' ? '进驻' : label(key as string).replace(/（.*）/u, ''))}：${esc(fmt(x as Cell))}</span>`)
      .join(' · ');
    const source = str('source', i);
    const files = [
      d.src ? `原文件：<a href="${esc(d.src)}">${esc(source)}</a>` : `原文件：${esc(source)} <span class="hint" title="compare --sources <folder>: the folder given to zhenggai run">（生成报告时未给出原文件所在文件夹）</span>`,
      d.res ? `结果文件：<a href="${esc(d.res)}">${esc(d.res.slice(d.res.lastIndexOf('/') + 1))}</a>` : '',
      d.older.length > 0 ? `较早的通报：${d.older.map(esc).join('；')}` : '',
    ]
      .filter((s) => s !== '')
      .join(' · ');
    // Measures counted in their section and every section above it.
    const parent = d.s.map(() => -1);
    d.s.forEach(([level], k) => {
      let p = k - 1;
      while (p >= 0 && d.s[p]![0] >= level) p--;
      parent[k] = p;
    });
    const figures = d.f
      .map(([col, x, mentions, total]) => [data.fcols[col]!, x, mentions, total ?? mentions.length] as const)
      .filter(([key]) => key !== 'unit' && key !== 'source' && key !== 'otherNotices')
      .map(([key, x, mentions, total]) => {
        const bySentence = new Map<number, Array<[number, number]>>();
        for (const m of mentions) bySentence.set(m[0], [...(bySentence.get(m[0]) ?? []), [m[1], m[2]]]);
        const more = total > mentions.length ? `<p class="hint">另有 ${total - mentions.length} 处，见结果文件。</p>` : '';
        const sentences = [...bySentence].map(([t, ranges]) => `<p>${marked(d.t[t]!, ranges)}</p>`).join('') + more;
        const sections = [...new Set(mentions.map((m) => heading(m[3])))].filter((s) => s !== '').map(esc).join('<br>');
        const rules = [...new Set(mentions.map((m) => data.rules[m[4]]!))].map((r) => `<code>${esc(r)}</code>`).join(' ');
        return `<tr id="f-${key}"><th scope="row" title="${esc(`${key}: ${english(key)}`)}">${esc(label(key))}</th><td class="n">${esc(viewValue(key, x))}</td><td class="sentence">${sentences || '<span class="hint">—</span>'}</td><td>${sections}</td><td>${rules}</td></tr>`;
      })
      .join('');
    const path = (k: number): string => {
      let label = '';
      for (let p = k; p >= 0; p = parent[p]!) label = d.s[p]![1] + label;
      return label;
    };
    const cut =
      data.cut > 0
        ? `<p class="hint">报告收录的单位很多，为控制文件大小，每条措施只显示前 ${data.cut} 字；全文见结果文件。</p>`
        : data.cut < 0
          ? '<p class="hint">报告收录的单位很多，为控制文件大小，没有收录措施原文；下面是各状态的措施数和所在章节，全文见结果文件。</p>'
          : '';
    const groups = STATUSES.map((s, code) => {
      const items = d.m.map((m, k) => [m[0], m[1], d.mt[k] ?? '', m[2]] as const).filter((m) => m[1] === code);
      if (items.length === 0) return '';
      return `<details open class="status-${code}"><summary title="${s.en}">${s.zh}（${items.length}）</summary><ol>${items
        .map((m) => `<li>${m[0] >= 0 ? `<span class="sec" title="${esc(d.s[m[0]]![2])}">${esc(path(m[0]))}</span> ` : ''}${esc(m[2])}${m[3] ? ' <span class="only" title="其他单位没有相似的措施 / no other unit has a similar measure">独有</span>' : ''}</li>`)
        .join('')}</ol></details>`;
    }).join('');
    const counts = d.s.map(() => [0, 0, 0, 0]);
    for (const m of d.m) for (let k = m[0]; k >= 0; k = parent[k]!) counts[k]![m[1]]!++;
    let tree = '';
    let prev = 0;
    d.s.forEach(([level, marker, title], k) => {
      tree += level > prev ? '<ul>'.repeat(level - prev) : `</li>${'</ul></li>'.repeat(prev - level)}`;
      const badges = counts[k]!.map((c, code) => (c > 0 ? `<span class="badge status-${code}" title="${STATUSES[code]!.en}">${STATUSES[code]!.zh} ${c}</span>` : '')).join('');
      tree += `<li><span class="sec">${esc(marker)}</span> ${esc(title)} ${badges}`;
      prev = level;
    });
    if (prev > 0) tree += `</li>${'</ul></li>'.repeat(prev - 1)}</ul>`;
    return `<p class="back no-print"><a href="#">← 返回对比表</a></p>
<h2>${esc(data.name[i]!)}</h2>
${why ? `<p class="why-box"><strong>未识别单位：</strong>${esc(why)}</p>` : ''}
<p class="facts">${facts}</p>
<p class="files">${files}</p>
<section><h3 title="Figures, each with the sentence it is read from">数字与原文依据</h3><table class="figures"><thead><tr><th>指标</th><th>值</th><th>原文句子</th><th>章节</th><th>规则</th></tr></thead><tbody>${figures}</tbody></table></section>
<section><h3 title="Measures by status">整改措施（按状态，共 ${d.m.length} 条）</h3>${cut}${groups || '<p>没有识别出整改措施。</p>'}</section>
<section><h3 title="The notice's tree of headings">通报结构</h3>${tree ? `<div class="tree">${tree}</div>` : '<p>没有编号的章节标题。</p>'}</section>`;
  }

  const main = byId('main');
  const view = byId('unit-view');
  let routeToken = 0;
  async function route(): Promise<void> {
    const m = /^#u\/(\d+)(?:\/(\w+))?$/u.exec(win.location.hash);
    const token = ++routeToken;
    if (!m || Number(m[1]) >= n) {
      view.hidden = true;
      view.removeAttribute('data-unit');
      main.hidden = false;
      return;
    }
    const i = Number(m[1]);
    const d = await detail(i);
    if (token !== routeToken) return;
    view.innerHTML = viewHtml(i, d);
    view.setAttribute('data-unit', String(i));
    main.hidden = true;
    view.hidden = false;
    const target = m[2] ? document.getElementById(`f-${m[2]}`) : null;
    if (target) {
      target.classList.add('hit');
      target.scrollIntoView({ block: 'center' });
    } else win.scrollTo(0, 0);
    document.title = `${data.name[i]} · 整改情况单位对比`;
  }
  win.addEventListener('hashchange', () => void route());

  refresh(true);
  void route().then(() => document.documentElement.setAttribute('data-ready', '1'));
}
