/**
 * `npm run bench:report`: report.html (and units.xlsx) for a synthetic comparison of 20,000 units (bench/
 * syntheticUnits.ts). Prints the file sizes and the time to write them, then opens the report in headless Chromium
 * (Debian's /usr/bin/chromium) three times and prints the time until its table is on screen, the time a search and
 * the opening of a unit take, and saves screenshots in .bench/report-<n>/. Options: --n N (default 20000).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportHtml } from '../analyze/report.js';
import { writeUnitsXlsx } from '../analyze/xlsx.js';
import { REPO_ROOT } from '../tools/eval.js';
import { corpusComparison, syntheticUnits } from './syntheticUnits.js';

const argv = process.argv.slice(2);
const at = argv.indexOf('--n');
const N = at >= 0 ? Number(argv[at + 1]) : 20_000;
const CHROMIUM = '/usr/bin/chromium';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const dir = join(REPO_ROOT, '.bench', `report-${N}`);
  mkdirSync(dir, { recursive: true });
  const base = await corpusComparison(REPO_ROOT);
  const { doc, details } = syntheticUnits(base, N);
  console.log(`${N} synthetic units from ${base.doc.units.length} corpus units; ${details.reduce((s, d) => s + d.measures.length, 0)} measures`);
  let t = performance.now();
  const html = reportHtml(doc, { details, outDir: dir });
  const reportMs = performance.now() - t;
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  console.log(`report.html: ${mb(statSync(file).size)}, built in ${seconds(reportMs)}`);
  t = performance.now();
  await writeUnitsXlsx(join(dir, 'units.xlsx'), doc, details);
  console.log(`units.xlsx: ${mb(statSync(join(dir, 'units.xlsx')).size)}, written in ${seconds(performance.now() - t)}`);

  if (!existsSync(CHROMIUM)) {
    console.log(`(no ${CHROMIUM}: the opening time is not measured; apt-get install chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const opens: number[] = [];
  for (let k = 0; k < 3; k++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const start = performance.now();
    await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
    await page.waitForSelector('html[data-ready]', { timeout: 120_000 });
    opens.push(performance.now() - start);
    if (k === 2) {
      const rows = await page.locator('#units-body tr').count();
      await page.screenshot({ path: join(dir, 'report.png') });
      t = performance.now();
      await page.fill('#q', '青');
      await page.locator('#count', { hasText: '筛选出' }).waitFor();
      const searchMs = performance.now() - t;
      const count = await page.locator('#count').textContent();
      t = performance.now();
      await page.goto(`${pathToFileURL(file).href}#u/${N - 1}/problemsFound`);
      await page.waitForSelector(`#unit-view[data-unit="${N - 1}"]`);
      const unitMs = performance.now() - t;
      await page.screenshot({ path: join(dir, 'unit.png') });
      console.log(`rows rendered: ${rows}; search '青': ${seconds(searchMs)} (${count}); open the last unit: ${seconds(unitMs)}`);
    }
    await page.close();
  }
  await browser.close();
  console.log(`open until the table is on screen: ${opens.map(seconds).join(', ')} (median ${seconds([...opens].sort((a, b) => a - b)[1]!)})`);
  console.log(`screenshots: ${join(dir, 'report.png')}, ${join(dir, 'unit.png')}`);
}

await main();
