/**
 * `npm run eval`: score the pipeline against every gold file it finds — corpus/*.gold.json (the project's own
 * notices, and their versions in other formats under corpus/formats/), corpus/patterns/*.gold.json (notices written
 * to reproduce the phrasing of real published ones, docs/genre-patterns.md) and ../shared/seeds/seed.gold.json when
 * ../shared exists — and print per-kind figures by group. `--verbose` lists every miss, `--json` prints the totals.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoticeDocument } from '../output/schema.js';
import { createPipelineContext } from '../pipeline/context.js';
import { processBytes } from '../pipeline/process.js';
import { addTally, type DocScore, prf, scoreDocument, type Tally } from './evalScore.js';

/** Repository root (works from tools/ under tsx and from dist/tools/ compiled). */
export const REPO_ROOT = (() => {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(d, 'package.json'))) d = dirname(d);
  return d;
})();
/** ../shared, when this checkout has it. */
export const SHARED = resolve(REPO_ROOT, '../shared');

/** One notice file to score and its gold. */
export interface EvalCase {
  group: 'corpus' | 'patterns' | 'seeds' | 'formats';
  file: string;
  gold: Record<string, unknown>;
}

const NOTICE_EXT = /\.(txt|docx|doc|pdf|html|htm)$/u;

/** Every (notice file, gold) pair: a gold's own notice, its other-format versions, the seed's format copies. */
export function findCases(options: { includeScan?: boolean } = {}): EvalCase[] {
  const cases: EvalCase[] = [];
  const corpus = join(REPO_ROOT, 'corpus');
  const formats = join(corpus, 'formats');
  const formatFiles = existsSync(formats) ? readdirSync(formats).filter((f) => NOTICE_EXT.test(f)).sort() : [];
  for (const g of readdirSync(corpus).filter((f) => f.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(corpus, g), 'utf8')) as Record<string, unknown>;
    const base = g.slice(0, -'.gold.json'.length);
    const file = typeof gold['file'] === 'string' ? gold['file'] : `${base}.txt`;
    cases.push({ group: 'corpus', file: join(corpus, file), gold });
    for (const f of formatFiles) if (f.replace(NOTICE_EXT, '') === base) cases.push({ group: 'formats', file: join(formats, f), gold });
  }
  const patterns = join(corpus, 'patterns');
  if (existsSync(patterns)) {
    for (const g of readdirSync(patterns).filter((f) => f.endsWith('.gold.json')).sort()) {
      const gold = JSON.parse(readFileSync(join(patterns, g), 'utf8')) as Record<string, unknown>;
      const file = typeof gold['file'] === 'string' ? gold['file'] : g.replace(/\.gold\.json$/u, '.txt');
      cases.push({ group: 'patterns', file: join(patterns, file), gold });
    }
  }
  const seeds = join(SHARED, 'seeds');
  if (existsSync(join(seeds, 'seed.gold.json'))) {
    const gold = JSON.parse(readFileSync(join(seeds, 'seed.gold.json'), 'utf8')) as Record<string, unknown>;
    for (const f of readdirSync(seeds).sort()) {
      if (!/^seed(?:-[a-z]+)?\.(txt|docx|doc|pdf|html)$/u.test(f)) continue;
      if (f === 'seed-scan.pdf' && !options.includeScan) continue;
      cases.push({ group: f === 'seed.txt' ? 'seeds' : 'formats', file: join(seeds, f), gold });
    }
  }
  return cases;
}

/** Totals over a group of scored documents. */
export interface GroupTotals {
  notices: number;
  failed: number;
  sections: Tally;
  meta: { correct: number; total: number };
  dates: Tally;
  counts: Tally;
  measures: { found: number; total: number; statusRight: number; statusTotal: number; forbidden: number };
  regulations: { found: number; total: number; actionRight: number; actionTotal: number };
  diagnostics: { right: number; total: number };
  indicators: { correct: number; total: number };
  countObjects: { right: number; total: number };
}

function emptyTotals(): GroupTotals {
  const t = { tp: 0, fp: 0, fn: 0 };
  return {
    notices: 0,
    failed: 0,
    sections: t,
    meta: { correct: 0, total: 0 },
    dates: t,
    counts: t,
    measures: { found: 0, total: 0, statusRight: 0, statusTotal: 0, forbidden: 0 },
    regulations: { found: 0, total: 0, actionRight: 0, actionTotal: 0 },
    diagnostics: { right: 0, total: 0 },
    indicators: { correct: 0, total: 0 },
    countObjects: { right: 0, total: 0 },
  };
}

/** Add one document's score to a group's totals. */
export function accumulate(t: GroupTotals, s: DocScore, doc: NoticeDocument): void {
  t.notices++;
  if (doc.status === 'failed') t.failed++;
  t.sections = addTally(t.sections, s.sections);
  t.meta.correct += s.meta.correct;
  t.meta.total += s.meta.total;
  t.dates = addTally(t.dates, s.dates);
  t.counts = addTally(t.counts, s.counts);
  for (const k of ['found', 'total', 'statusRight', 'statusTotal', 'forbidden'] as const) t.measures[k] += s.measures[k];
  for (const k of ['found', 'total', 'actionRight', 'actionTotal'] as const) t.regulations[k] += s.regulations[k];
  t.diagnostics.right += s.diagnostics.right;
  t.diagnostics.total += s.diagnostics.total;
  t.indicators.correct += s.indicators.correct;
  t.indicators.total += s.indicators.total;
  t.countObjects.right += s.countObjects.right;
  t.countObjects.total += s.countObjects.total;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f3 = (x: number) => x.toFixed(3);

/** The headline figures of a group. */
export function figures(t: GroupTotals) {
  return {
    notices: t.notices,
    failed: t.failed,
    sectionF1: prf(t.sections).f1,
    metaAccuracy: ratio(t.meta.correct, t.meta.total),
    datesF1: prf(t.dates).f1,
    countsF1: prf(t.counts).f1,
    measureRecall: ratio(t.measures.found, t.measures.total),
    measureStatusAccuracy: ratio(t.measures.statusRight, t.measures.statusTotal),
    regulationRecall: ratio(t.regulations.found, t.regulations.total),
    regulationActionAccuracy: ratio(t.regulations.actionRight, t.regulations.actionTotal),
    diagnosticsAccuracy: ratio(t.diagnostics.right, t.diagnostics.total),
    indicatorAccuracy: ratio(t.indicators.correct, t.indicators.total),
    indicatorFigures: t.indicators.total,
    countObjectAccuracy: ratio(t.countObjects.right, t.countObjects.total),
    countObjectFigures: t.countObjects.total,
    measuresThatAreNot: t.measures.forbidden,
  };
}

/** Score every case; returns per-case scores and group totals. */
export async function evaluate(cases: readonly EvalCase[], options: { ocr?: boolean } = {}) {
  const rows: Array<{ c: EvalCase; doc: NoticeDocument; score: DocScore }> = [];
  const totals: Record<EvalCase['group'], GroupTotals> = { corpus: emptyTotals(), patterns: emptyTotals(), seeds: emptyTotals(), formats: emptyTotals() };
  const context = createPipelineContext();
  for (const c of cases) {
    const doc = await processBytes(readFileSync(c.file), basename(c.file), { ocr: options.ocr ?? false, context });
    const score = scoreDocument(doc, c.gold);
    if (doc.status === 'failed') score.problems.unshift(`FAILED: ${doc.diagnostics[0]?.code} ${doc.diagnostics[0]?.message}`);
    accumulate(totals[c.group], score, doc);
    rows.push({ c, doc, score });
  }
  return { rows, totals };
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const json = argv.includes('--json');
  const ocr = argv.includes('--ocr');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  let cases = findCases({ includeScan: ocr });
  if (only) cases = cases.filter((c) => c.file.includes(only));
  if (!existsSync(SHARED)) process.stderr.write(`note: ${SHARED} is absent: scoring the project corpus only (no seeds)\n`);
  const { rows, totals } = await evaluate(cases, { ocr });
  if (json) {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(totals).map(([k, t]) => [k, figures(t)])), null, 2)}\n`);
    return;
  }
  const head = `${'notice'.padEnd(44)} ${'sec F1'.padStart(6)} ${'meta'.padStart(6)} ${'date F1'.padStart(7)} ${'cnt F1'.padStart(6)} ${'meas R'.padStart(6)} ${'status'.padStart(6)} ${'regs R'.padStart(6)} ${'indic'.padStart(6)}`;
  process.stdout.write(`${head}\n`);
  for (const { c, doc, score: s } of rows) {
    const name = `${{ corpus: 'corpus/', patterns: 'patterns/', seeds: 'seeds/', formats: 'fmt/' }[c.group]}${basename(c.file)}${doc.status === 'failed' ? ' FAILED' : ''}`;
    process.stdout.write(
      `${name.padEnd(44)} ${f3(prf(s.sections).f1).padStart(6)} ${f3(ratio(s.meta.correct, s.meta.total)).padStart(6)} ${f3(prf(s.dates).f1).padStart(7)} ${f3(prf(s.counts).f1).padStart(6)} ${f3(ratio(s.measures.found, s.measures.total)).padStart(6)} ${f3(ratio(s.measures.statusRight, s.measures.statusTotal)).padStart(6)} ${f3(ratio(s.regulations.found, s.regulations.total)).padStart(6)} ${f3(ratio(s.indicators.correct, s.indicators.total)).padStart(6)}\n`,
    );
    if (verbose) for (const p of s.problems) process.stdout.write(`    ${p}\n`);
  }
  process.stdout.write('\n');
  for (const [group, t] of Object.entries(totals)) {
    if (t.notices === 0) continue;
    const f = figures(t);
    process.stdout.write(
      `${group} (${f.notices} files${f.failed ? `, ${f.failed} failed` : ''}): sections F1 ${f3(f.sectionF1)} · meta accuracy ${f3(f.metaAccuracy)} · dates F1 ${f3(f.datesF1)} · counts F1 ${f3(f.countsF1)} · measure anchors recall ${f3(f.measureRecall)} (status accuracy ${f3(f.measureStatusAccuracy)}) · regulations recall ${f3(f.regulationRecall)} (action ${f3(f.regulationActionAccuracy)}) · diagnostics ${f3(f.diagnosticsAccuracy)} · indicators ${f3(f.indicatorAccuracy)} (${f.indicatorFigures} gold figures) · count objects ${f3(f.countObjectAccuracy)} (${f.countObjectFigures}) · measures that are none ${f.measuresThatAreNot}\n`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`eval: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
