/**
 * report.html (`zhenggai compare`): what the page carries, and — in headless Chromium — the search and filters, the
 * summary rows, sorting, the per-unit view, a figure opening its sentence, printing to A4 landscape (at most two
 * pages for the 16 corpus units, no column narrower than its heading), units that cannot be identified, hostile
 * notice text, and a report of 2,500 units whose details are compressed. Screenshots and the printed PDF are saved
 * in tmp/ (report-*.png, report.pdf) for a person to look at.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../analyze/report.js';
import type { RowsPayload } from '../analyze/report/data.js';
import type { UnitDetail } from '../analyze/report/detail.js';
import type { NoticeDocument, Section } from '../output/schema.js';
import { UnitsDocument } from '../output/unitsSchema.js';
import { corpusComparison, syntheticUnits } from '../bench/syntheticUnits.js';
import { ROOT } from './helpers.js';
import { browserProblem, type CorpusComparison, compareCorpus, compareDetails, launchChromium, tmp, zhenggai } from './reportFixture.js';

const SHOTS = join(ROOT, 'tmp');
let cmp: CorpusComparison;
let units: UnitsDocument;

beforeAll(() => {
  cmp = compareCorpus();
  units = UnitsDocument.parse(JSON.parse(readFileSync(join(cmp.out, 'units.json'), 'utf8')));
  mkdirSync(SHOTS, { recursive: true });
});

/** The text of a script element of the page by its id. */
function scriptText(html: string, id: string): string {
  const m = new RegExp(`<script type="[^"]+" id="${id}">([^<]*)</script>`, 'u').exec(html);
  if (!m) throw new Error(`no script #${id}`);
  return m[1]!;
}

/** A chunk of plain details (a small report): each field of its units as one array. */
interface PlainChunk {
  s: Array<Array<[number, string, string]>>;
  m: Array<Array<[number, number, number]>>;
  mt: string[][];
  res: Array<string | null>;
  src: Array<string | null>;
}

const flatten = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flatten(s.children)]);
const resultDoc = (source: string): NoticeDocument => JSON.parse(readFileSync(join(cmp.run, `${source}.json`), 'utf8')) as NoticeDocument;
const bytes = (s: string) => Buffer.byteLength(s);

/** A run whose notice carries markup in its unit name and text (untrusted input). */
function hostileReport(): string {
  const input = tmp('report-hostile-in');
  const text = readFileSync(join(ROOT, 'corpus', '001-luchuan-natural-resources.txt'), 'utf8')
    .replace(/中共鹭川市自然资源和规划局党组/gu, '中共<script>alert(1)</script>“测试”局党组')
    .replace('追回资金126.4万元', '追回资金126.4万元<img src=x onerror=alert(2)>');
  writeFileSync(join(input, 'hostile.txt'), text);
  const run = tmp('report-hostile-run');
  expect(zhenggai('run', input, '--out', run, '-q').status).toBe(0);
  const out = tmp('report-hostile');
  expect(zhenggai('compare', run, '--out', out).status).toBe(0);
  return join(out, 'report.html');
}

/** A run with one notice that names no unit, and one that does. */
function unidentifiedReport(): string {
  const input = tmp('report-unid-in');
  writeFileSync(
    join(input, 'no-unit.txt'),
    '整改进展情况\n\n一、工作开展情况\n（一）加强组织领导。成立整改工作专班，召开专题会议3次，研究部署整改工作。\n（二）建立工作台账。对照反馈问题逐项建立台账，明确责任人和完成时限。\n二、下一步工作\n持续巩固整改成果，建立长效机制。\n',
  );
  copyFileSync(join(ROOT, 'corpus', '006-qinghe-hospital.txt'), join(input, '006-qinghe-hospital.txt'));
  const run = tmp('report-unid-run');
  expect(zhenggai('run', input, '--out', run, '-q').status).toBe(0);
  const out = tmp('report-unid');
  expect(zhenggai('compare', run, '--out', out).status).toBe(0);
  return join(out, 'report.html');
}

describe('report.html: what the page carries', () => {
  it('is self-contained: a CSP that forbids loading anything, no external URL, notice text escaped, one script of its own', () => {
    const html = readFileSync(join(cmp.out, 'report.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/u);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//u);
    const hostile = readFileSync(hostileReport(), 'utf8');
    expect(hostile).not.toContain('<script>alert(1)');
    expect(hostile).not.toContain('<img src=x');
    // In the page's data "<" is \u003c, so no notice text can close a script element or open a tag.
    expect(hostile).toContain('中共\\u003cscript>alert(1)\\u003c/script>“测试”局党组');
    expect(hostile.match(/<script>/gu)).toHaveLength(1); // the page's own script; its data are type="application/json"
    expect(hostile.match(/<script type="application\/json" id="zg-(?:data|d-\d+)">/gu)).toHaveLength(2);
  });

  it('carries every unit: its row, its notice’s tree and measures, links to its result file and its original', () => {
    const html = readFileSync(join(cmp.out, 'report.html'), 'utf8');
    const rows = JSON.parse(scriptText(html, 'zg-data')) as RowsPayload;
    const chunk = JSON.parse(scriptText(html, 'zg-d-0')) as PlainChunk;
    expect(rows.n).toBe(cmp.rows.length);
    expect(rows.z).toBe(false);
    expect(rows.cut).toBe(0);
    expect(rows.name).toEqual(units.units.map((u) => u.values['unit']));
    units.units.forEach((u, i) => {
      const source = String(u.values['source']);
      const doc = resultDoc(source);
      expect(chunk.s[i]!.map(([level, marker]) => [level, marker]), source).toEqual(flatten(doc.sections).map((s) => [s.level, s.marker]));
      expect(chunk.mt[i], source).toEqual(doc.measures.map((m) => m.text));
      expect(chunk.m[i]!.map((m) => m[1]), source).toEqual(doc.measures.map((m) => (m.status === null ? 3 : { done: 0, ongoing: 1, planned: 2 }[m.status])));
      // Links are relative to the report's folder: the result JSON and (compare --sources) the original notice.
      expect(resolve(cmp.out, decodeURIComponent(chunk.res[i]!))).toBe(join(cmp.run, `${source}.json`));
      expect(resolve(cmp.out, decodeURIComponent(chunk.src[i]!))).toBe(join(cmp.input, source));
    });
  });

  it('fits a size by cutting the text of measures to a common length, or leaving it out', async () => {
    const { details } = await compareDetails([cmp.run], cmp.input);
    const full = reportHtml(units, { details, outDir: cmp.out });
    expect((JSON.parse(scriptText(full, 'zg-data')) as RowsPayload).cut).toBe(0);
    // No measure text at all when even a cut one would not fit.
    const none = reportHtml(units, { details, outDir: cmp.out, targetBytes: 1 });
    expect((JSON.parse(scriptText(none, 'zg-data')) as RowsPayload).cut).toBe(-1);
    expect((JSON.parse(scriptText(none, 'zg-d-0')) as PlainChunk).mt.flat()).toEqual([]);
    // Sizes between: measure text cut to a common length, shorter for a smaller size, and the page within it.
    let previous = Infinity;
    for (const share of [0.95, 0.8, 0.6]) {
      const target = Math.round(bytes(none) + (bytes(full) - bytes(none)) * share);
      const page = reportHtml(units, { details, outDir: cmp.out, targetBytes: target });
      const rows = JSON.parse(scriptText(page, 'zg-data')) as RowsPayload;
      expect(rows.cut, `target ${target}`).toBeGreaterThanOrEqual(10);
      expect(rows.cut).toBeLessThan(previous);
      previous = rows.cut;
      expect(bytes(page)).toBeLessThanOrEqual(target);
      const chunk = JSON.parse(scriptText(page, 'zg-d-0')) as PlainChunk;
      chunk.mt.flat().forEach((t) => expect(t.length).toBeLessThanOrEqual(rows.cut + 1));
      expect(chunk.mt.flat().some((t) => t.length === rows.cut + 1 && t.endsWith('…'))).toBe(true);
    }
  });

  it('gives the same bytes for the same results', () => {
    const again = tmp('report-again');
    expect(zhenggai('compare', cmp.run, '--out', again, '--sources', cmp.input).status).toBe(0);
    // Links are relative to the report's folder; both folders sit side by side in the temporary folder.
    expect(readFileSync(join(again, 'report.html'), 'utf8')).toBe(readFileSync(join(cmp.out, 'report.html'), 'utf8'));
  });

  it('compare --sources with a folder that does not exist is a usage error', () => {
    const r = zhenggai('compare', cmp.run, '--out', tmp('report-nosrc'), '--sources', join(cmp.input, 'missing'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--sources ${join(cmp.input, 'missing')}: no such folder (give the folder you gave to \`zhenggai run\`)`);
  });
});

const problem = await browserProblem('report.html in headless Chromium');

describe.skipIf(problem !== null)('report.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  /** Open a report, collecting console errors, page errors, dialogs and any request that is not the file itself. */
  async function open(file: string, hash = '', viewport = { width: 1400, height: 1000 }) {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url().split('#')[0] !== pathToFileURL(file).href) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href + hash);
    await page.waitForSelector('html[data-ready]');
    return { page, problems };
  }

  const report = () => join(cmp.out, 'report.html');
  const shownNames = (page: Page) => page.locator('#units-body th.c-unit').allTextContents();
  const fmt = (x: number) => (Math.round(x * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };

  it('shows one row per unit and summary rows: the median and mean of the rows shown', async () => {
    const { page, problems } = await open(report());
    expect(await page.locator('#units-body tr').count()).toBe(cmp.rows.length);
    expect(await page.locator('#page-info').textContent()).toBe(`第 1–${cmp.rows.length} 行，共 ${cmp.rows.length} 行（第 1/1 页）`);
    for (const key of ['problemsFound', 'completionRateComputed', 'daysFeedbackToPublished']) {
      const xs = cmp.rows.map((r) => r[key]!).filter((x) => x !== '').map(Number);
      expect(await page.locator(`#units-foot tr:nth-child(1) td.c-${key}`).textContent(), key).toBe(fmt(median(xs)));
      expect(await page.locator(`#units-foot tr:nth-child(2) td.c-${key}`).textContent(), key).toBe(fmt(xs.reduce((a, b) => a + b, 0) / xs.length));
      expect(await page.locator(`#units-foot tr:nth-child(1) td.c-${key}`).getAttribute('title')).toBe(`${xs.length} 个单位有此数 / ${xs.length} units`);
    }
    expect(await page.locator('#units-foot th').allTextContents()).toEqual(['中位数', '平均数']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a search and filters (kind, inspector, year) narrow the rows, the summary and the charts', async () => {
    const { page, problems } = await open(report());
    const expectRows = async (want: Array<Record<string, string>>, what: string) => {
      expect(want.length, what).toBeGreaterThan(0);
      expect(want.length, what).toBeLessThan(cmp.rows.length);
      expect(await shownNames(page), what).toEqual(want.map((r) => r['unit']));
      expect(await page.locator('#count').textContent(), what).toBe(`筛选出 ${want.length} / ${cmp.rows.length} 个单位`);
      const rated = want.filter((r) => r['completionRateComputed'] !== '' || r['completionRateStated'] !== '');
      expect(await page.locator('#chart-completion svg > a').count(), what).toBe(rated.length);
    };
    await page.selectOption('#f-kind', '审计');
    await expectRows(cmp.rows.filter((r) => r['inspectionKind'] === '审计'), 'kind 审计');
    await page.click('#clear');
    expect(await page.locator('#units-body tr').count()).toBe(cmp.rows.length);
    await page.fill('#f-inspector', '省委');
    await expectRows(cmp.rows.filter((r) => r['inspector']!.includes('省委')), 'inspector 省委');
    await page.click('#clear');
    await page.selectOption('#f-year', '2023');
    await expectRows(cmp.rows.filter((r) => r['publishedDate']!.startsWith('2023')), 'year 2023');
    await page.click('#clear');
    await page.fill('#q', '水务');
    await expectRows(cmp.rows.filter((r) => `${r['unit']} ${r['inspector']} ${r['source']}`.includes('水务')), 'search 水务');
    await page.selectOption('#f-kind', '巡察');
    await expectRows(cmp.rows.filter((r) => r['inspectionKind'] === '巡察' && `${r['unit']} ${r['inspector']} ${r['source']}`.includes('水务')), 'search 水务 and kind 巡察');
    const found = cmp.rows.filter((r) => r['inspectionKind'] === '巡察' && `${r['unit']}`.includes('水务')).map((r) => Number(r['problemsFound']));
    expect(await page.locator('#units-foot tr:nth-child(1) td.c-problemsFound').textContent()).toBe(fmt(median(found)));
    await page.fill('#q', '没有这个单位');
    expect(await page.locator('#units-body tr').count()).toBe(0);
    expect(await page.locator('#page-info').textContent()).toBe('没有符合条件的单位');
    await page.click('#clear');
    expect(await page.locator('#units-body tr').count()).toBe(cmp.rows.length);
    await page.screenshot({ path: join(SHOTS, 'report-table.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts by a column, numbers descending on the second click, and the charts by value', async () => {
    const { page, problems } = await open(report());
    const button = page.locator('#units-head th[data-key="problemsFound"] button');
    await button.click();
    await button.click();
    expect(await page.locator('#units-head th[data-key="problemsFound"]').getAttribute('aria-sort')).toBe('descending');
    const values = (await page.locator('#units-body td.c-problemsFound').evaluateAll((tds: Array<{ getAttribute(name: string): string | null }>) => tds.map((td) => td.getAttribute('data-v')))).map(Number);
    expect(values).toEqual(cmp.rows.map((r) => Number(r['problemsFound'])).sort((a, b) => b - a));
    const bars = (await page.locator('#chart-timeliness svg > a text.v').allTextContents()).map(Number);
    expect(bars).toEqual(cmp.rows.map((r) => Number(r['daysFeedbackToPublished'])).sort((a, b) => b - a));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the per-unit view: the notice’s tree, its figures, its measures by status, links to the result and the original', async () => {
    const { page, problems } = await open(report());
    const row = cmp.rows.find((r) => r['source'] === '002-qinglan-transport-group.txt')!;
    const doc = resultDoc(row['source']!);
    await page.locator('#units-body th.c-unit a', { hasText: row['unit']! }).click();
    const view = page.locator('#unit-view');
    await expect.poll(() => view.isVisible()).toBe(true);
    expect(await page.locator('#main').isVisible()).toBe(false);
    expect(await view.locator('h2').textContent()).toBe(row['unit']);
    expect(await view.locator('.tree li').count()).toBe(flatten(doc.sections).length);
    expect(await view.locator('.tree li > .sec').allTextContents()).toEqual(flatten(doc.sections).map((s) => s.marker));
    const by = (s: string | null) => doc.measures.filter((m) => m.status === s).length;
    const groups = [['已完成', by('done')], ['持续推进', by('ongoing')], ['计划', by('planned')], ['未标明状态', by(null)]].filter(([, n]) => Number(n) > 0);
    expect(await view.locator('details > summary').allTextContents()).toEqual(groups.map(([label, n]) => `${label}（${n}）`));
    expect(await view.locator('details li').count()).toBe(doc.measures.length);
    expect(await view.locator('#f-problemsFound td.n').textContent()).toBe(row['problemsFound']);
    const original = await view.locator(`.files a:text-is("${row['source']}")`).getAttribute('href');
    expect(resolve(cmp.out, decodeURIComponent(original!))).toBe(join(cmp.input, row['source']!));
    expect(existsSync(resolve(cmp.out, decodeURIComponent(original!)))).toBe(true);
    const result = await view.locator(`.files a:text-is("${row['source']}.json")`).getAttribute('href');
    expect(resolve(cmp.out, decodeURIComponent(result!))).toBe(join(cmp.run, `${row['source']}.json`));
    await page.screenshot({ path: join(SHOTS, 'report-unit.png'), fullPage: true });
    await view.locator('.back a').click();
    await expect.poll(() => page.locator('#main').isVisible()).toBe(true);
    expect(await page.locator('#units-body tr').count()).toBe(cmp.rows.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a figure opens its sentence, the mention marked', async () => {
    const { page, problems } = await open(report());
    const u = units.units.find((x) => x.values['source'] === '001-luchuan-natural-resources.txt')!;
    const ev = u.evidence['problemsFound']![0]!;
    const link = page.locator(`#units-body tr:has(th.c-unit a:text-is("${String(u.values['unit'])}")) td.c-problemsFound a`);
    expect(await link.getAttribute('href')).toMatch(/^#u\/\d+\/problemsFound$/u);
    await link.click();
    const row = page.locator('#unit-view tr#f-problemsFound');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.getAttribute('class')).toBe('hit');
    expect(await row.locator('mark').textContent()).toBe(ev.text);
    expect(await row.locator('td.sentence').textContent()).toContain('反馈的24个问题已完成整改23个');
    const box = (await row.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1000);
    await page.screenshot({ path: join(SHOTS, 'report-figure.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints to A4 landscape in at most 2 pages for the 16 corpus units, no column narrower than its heading', async () => {
    const { page, problems } = await open(report());
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, path: join(SHOTS, 'report.pdf') });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // The layout of the printed page: print media at the width of A4 landscape within its margins (297 - 2 × 8 mm).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor(((297 - 16) / 25.4) * 96), height: Math.floor(((210 - 16) / 25.4) * 96) });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    // Each heading's width on one line (its lines as designed, <br> kept) against the width its column gives it.
    const narrow = await page.evaluate<string[]>(`(() => {
      const bad = [];
      for (const th of document.querySelectorAll('#units-head th')) {
        const probe = th.querySelector('button').cloneNode(true);
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;width:max-content';
        th.appendChild(probe);
        const need = probe.getBoundingClientRect().width;
        probe.remove();
        const cs = getComputedStyle(th);
        const has = th.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (has + 0.5 < need) bad.push(th.textContent + ': ' + has.toFixed(1) + ' < ' + need.toFixed(1));
      }
      return bad;
    })()`);
    expect(narrow).toEqual([]);
    // Cells never break a word into a column of characters: kinds and dates on one line, unit names on at most two.
    const lines = await page.evaluate<{ kind: number[]; date: number[]; unit: number[] }>(`(() => {
      const count = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      };
      const of = (sel) => Array.from(document.querySelectorAll(sel)).map(count);
      return { kind: of('#units-body td.c-inspectionKind'), date: of('#units-body td.c-publishedDate'), unit: of('#units-body th.c-unit a') };
    })()`);
    expect(Math.max(...lines.kind)).toBe(1);
    expect(Math.max(...lines.date)).toBe(1);
    expect(Math.max(...lines.unit)).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a unit that cannot be identified is labelled with its file, and says why', async () => {
    const { page, problems } = await open(unidentifiedReport());
    const cell = page.locator('#units-body th.c-unit.unidentified');
    expect(await cell.count()).toBe(1);
    expect(await cell.locator('a').textContent()).toBe('未识别单位（no-unit.txt）');
    const why = (await cell.getAttribute('title'))!;
    expect(why).toMatch(/^通报中没有找到被巡视、巡察或审计的单位名称/u);
    expect(why).toContain('因此按文件单列为一个单位');
    await cell.locator('a').click();
    const box = page.locator('#unit-view .why-box');
    await expect.poll(() => box.isVisible()).toBe(true);
    expect(await box.textContent()).toBe(`未识别单位：${why}`);
    expect(await page.locator('#unit-view h2').textContent()).toBe('未识别单位（no-unit.txt）');
    await page.screenshot({ path: join(SHOTS, 'report-unidentified.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs no script from the notices: a hostile unit name stays text, in the table and in its view', async () => {
    const { page, problems } = await open(hostileReport());
    expect(await page.locator('#units-body tr').count()).toBe(1);
    expect(await page.locator('#units-body th.c-unit').textContent()).toBe('中共<script>alert(1)</script>“测试”局党组');
    await page.locator('#units-body th.c-unit a').click();
    await expect.poll(() => page.locator('#unit-view h2').textContent()).toBe('中共<script>alert(1)</script>“测试”局党组');
    expect(await page.locator('#unit-view').textContent()).toContain('<img src=x onerror=alert(2)>');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('labels in Chinese, with the English in tooltips', async () => {
    const { page, problems } = await open(report());
    for (const sel of ['h1', '#table h2', '#charts h2', '#units-head th']) {
      for (const el of await page.locator(sel).all()) {
        expect(await el.textContent(), sel).not.toMatch(/[A-Za-z]/u);
        expect(await el.getAttribute('title'), sel).toMatch(/[A-Za-z]{3}/u);
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('at 2,500 units: pages of 100 rows, filters over all of them, and a unit’s compressed details open', async () => {
    const base = await corpusComparison(ROOT);
    const { doc, details } = syntheticUnits(base, 2_500);
    const out = tmp('report-2500');
    const file = join(out, 'report.html');
    // A size that leaves room for only part of the measure text: it is cut, and the view says so.
    writeFileSync(file, reportHtml(doc, { details, outDir: out, targetBytes: 6_000_000 }));
    const rows = JSON.parse(scriptText(readFileSync(file, 'utf8'), 'zg-data')) as RowsPayload;
    expect(rows.z).toBe(true);
    expect(rows.cut).toBeGreaterThanOrEqual(10);
    const { page, problems } = await open(file);
    expect(await page.locator('#units-body tr').count()).toBe(100);
    expect(await page.locator('#page-info').textContent()).toBe('第 1–100 行，共 2500 行（第 1/25 页）');
    await page.click('#next');
    expect(await page.locator('#page-info').textContent()).toBe('第 101–200 行，共 2500 行（第 2/25 页）');
    expect(await page.locator('#units-body tr').first().getAttribute('data-unit')).toBe('100');
    await page.selectOption('#f-kind', '审计');
    const audits = doc.units.filter((u) => u.values['inspectionKind'] === '审计').length;
    expect(await page.locator('#count').textContent()).toBe(`筛选出 ${audits} / 2500 个单位`);
    expect(await page.locator('#page-info').textContent()).toBe(`第 1–100 行，共 ${audits} 行（第 1/${Math.ceil(audits / 100)} 页）`);
    // Charts show the 20 highest and 20 lowest of the filtered units, and how many are left out between.
    expect(await page.locator('#chart-timeliness svg > a').count()).toBe(40);
    expect(await page.locator('#chart-timeliness text.gap').textContent()).toBe(`… 另有 ${audits - 40} 个单位 …`);
    const last = 2_499;
    const d: UnitDetail = details[last]!;
    await page.goto(`${pathToFileURL(file).href}#u/${last}`);
    await expect.poll(() => page.locator('#unit-view').getAttribute('data-unit')).toBe(String(last));
    expect(await page.locator('#unit-view h2').textContent()).toBe(rows.name[last]);
    expect(await page.locator('#unit-view details li').count()).toBe(d.measures.length);
    expect(await page.locator('#unit-view .hint', { hasText: '每条措施只显示前' }).textContent()).toBe(`报告收录的单位很多，为控制文件大小，每条措施只显示前 ${rows.cut} 字；全文见结果文件。`);
    expect(await page.locator('#unit-view .tree li').count()).toBe(d.sections.length);
    await page.screenshot({ path: join(SHOTS, 'report-2500-unit.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
