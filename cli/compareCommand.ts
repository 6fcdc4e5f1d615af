/**
 * `zhenggai compare <out-dir>... --out <dir>`: units.csv, units.json and report.html, one row per unit, computed over
 * the folders' stores (analyze/compare.ts). units.csv and units.json are written piece by piece.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareUnits } from '../analyze/compare.js';
import { reportHtml } from '../analyze/report.js';
import { warnProblems } from '../analyze/store.js';
import { unitsCsvHeader, unitsCsvLine } from '../analyze/units.js';
import type { UnitsDocument } from '../output/unitsSchema.js';
import { AtomicWriter } from '../output/writeFiles.js';
import { createSegmenter } from '../pipeline/segment/segmenter.js';
import { openForCommand } from './queryCommand.js';

/** Write a file from pieces, atomically (a temporary name, then rename). */
async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  try {
    for (const piece of pieces) if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await rename(tmp, path);
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * units.json in pieces: one top-level field a line, and each element of a top-level array on a line of its own,
 * compact (indented JSON doubles the file: at 20,000 units that is hundreds of megabytes of spaces).
 */
function* unitsJson(doc: UnitsDocument): Generator<string> {
  const entries = Object.entries(doc);
  yield '{\n';
  for (const [k, [key, value]] of entries.entries()) {
    const comma = k < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [i, item] of value.entries()) yield `    ${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`;
  }
  yield '}\n';
}

/** Compare the units of one or more run outputs; resolves to the exit code. */
export async function compareCommand(dirs: readonly string[], options: { out: string; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  // External access stays on: no SQL from the user runs here, and DuckDB may spill to its temporary folder.
  const db = await openForCommand('compare', dirs, { externalAccess: true, log });
  if (!db) return 1;
  let result;
  try {
    result = await compareUnits(db, createSegmenter());
  } finally {
    db.close();
  }
  const { doc, stats, problems } = result;
  warnProblems('compare', problems, log);
  await mkdir(options.out, { recursive: true });
  await writePieces(join(options.out, 'units.csv'), (function* () {
    yield unitsCsvHeader();
    for (const u of doc.units) yield unitsCsvLine(u);
  })());
  await writePieces(join(options.out, 'units.json'), unitsJson(doc));
  await new AtomicWriter().write(join(options.out, 'report.html'), reportHtml(doc));
  const pairs = doc.sharedMeasures.reduce((n, p) => n + p.count, 0);
  log(
    `zhenggai compare: ${doc.notices} notice(s)${doc.failed ? ` (${doc.failed} failed or unreadable, left out)` : ''} → ${doc.units.length} unit(s); ` +
      `measures: ${stats.measures} (${stats.comparable} comparable), ${stats.pairsCompared} pair(s) compared${stats.capped ? ` (stopped at the cap of ${doc.measureComparison.maxPairs})` : ''}, ` +
      `${doc.sharedMeasures.length} pair(s) of units listed sharing ${pairs} measure pair(s) → ${join(options.out, 'units.csv')}, units.json, report.html`,
  );
  if (doc.units.length === 0) log('zhenggai compare: no processed notices to compare (run `zhenggai run` first, then give its --out folder)');
  return 0;
}
