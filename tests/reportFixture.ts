/**
 * What the report.html and units.xlsx tests share: a run over the corpus notices (corpus/*.txt) compared into a
 * temporary folder, a CSV reader, and headless Chromium (Debian's /usr/bin/chromium through playwright-core), with a
 * visible note when it cannot start.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { compareUnits } from '../analyze/compare.js';
import { openResults } from '../analyze/database.js';
import type { UnitDetail } from '../analyze/report/detail.js';
import type { UnitsDocument } from '../output/unitsSchema.js';
import { createSegmenter } from '../pipeline/segment/segmenter.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
export const zhenggai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
export const tmp = (p: string) => mkdtempSync(join(tmpdir(), `zhenggai-${p}-`));

/** Parse RFC 4180 CSV (quoted fields, doubled quotes, CRLF); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/u, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/u, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A run over the corpus notices and its comparison (with --sources, so the report links the originals). */
export interface CorpusComparison {
  input: string;
  run: string;
  out: string;
  header: string[];
  rows: Array<Record<string, string>>;
}

export function compareCorpus(): CorpusComparison {
  const input = tmp('report-in');
  for (const n of corpusNotices()) copyFileSync(n.path, join(input, n.name));
  const run = tmp('report-run');
  const r1 = zhenggai('run', input, '--out', run, '-q');
  expect(r1.status, r1.stderr).toBe(0);
  const out = tmp('report-out');
  const r2 = zhenggai('compare', run, '--out', out, '--sources', input);
  expect(r2.status, r2.stderr).toBe(0);
  const [header, ...cells] = parseCsv(readFileSync(join(out, 'units.csv'), 'utf8'));
  return { input, run, out, header: header!, rows: cells.map((c) => Object.fromEntries(header!.map((h, i) => [h, c[i] ?? '']))) };
}

/** The comparison `compare` makes of results folders, and its units' details (what report.html and units.xlsx get). */
export async function compareDetails(dirs: readonly string[], sources?: string): Promise<{ doc: UnitsDocument; details: Array<UnitDetail | null> }> {
  const db = await openResults(dirs, { externalAccess: true, log: () => {} });
  try {
    const { doc, details } = await compareUnits(db, createSegmenter(), { sources });
    return { doc, details };
  } finally {
    db.close();
  }
}

const CHROMIUM = '/usr/bin/chromium';

/** Start headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Why headless Chromium cannot be used here (absent, or it does not start), or null when it can. The browser tests
 * skip with this note printed, so that a skip is never silent.
 */
export async function browserProblem(what: string): Promise<string | null> {
  let problem: string | null = null;
  if (!existsSync(CHROMIUM)) problem = `${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it from .ci/apt-packages)`;
  else {
    try {
      await (await launchChromium()).close();
    } catch (e) {
      problem = `${CHROMIUM} does not start: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
    }
  }
  if (problem) console.warn(`[skipped] ${what}: ${problem}`);
  return problem;
}
