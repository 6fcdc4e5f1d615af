/**
 * `zhenggai compare <out-dir>... --out <dir>`: units.csv, units.json, units.xlsx and report.html, one row per unit,
 * computed over the folders' stores (analyze/compare.ts). Each unit is written out as compare reads it: its line of
 * units.csv and units.json at once, what report.html's page needs of it kept (ReportDataBuilder), and its units.xlsx
 * rows to temporary files (UnitsXlsxBuilder); nothing else of it stays in memory. The measure comparison runs before
 * the units are read, and its arrays are collected first. Once every unit is in, report.html is written piece by
 * piece (never as one string of the whole page), then units.xlsx from its temporary files.
 */
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { compareUnits, type SharedPair, type UnitsHead, type UnitsSink } from '../analyze/compare.js';
import { REPORT_SHARED_PAIRS, reportPieces } from '../analyze/report.js';
import { ReportDataBuilder } from '../analyze/report/data.js';
import { warnProblems } from '../analyze/store.js';
import { unitsCsvHeader, unitsCsvLine } from '../analyze/units.js';
import { UnitsXlsxBuilder } from '../analyze/xlsx.js';
import type { UnitsDocument } from '../output/unitsSchema.js';
import { temporaryPath } from '../output/runLayout.js';
import { AtomicWriter } from '../output/writeFiles.js';
import { createSegmenter } from '../pipeline/segment/segmenter.js';
import { openForCommand } from './queryCommand.js';
import { collector } from './run/v8Tuning.js';
import { UsageError } from './usageError.js';

/** The counter of the report's temporary file (apart from those of an AtomicWriter and of units.xlsx). */
const REPORT_SPOOL = 2_000_000;

/** A file written piece by piece under a temporary name, renamed into place by commit(), removed by abort(). */
class PieceWriter {
  private readonly tmp: string;
  private readonly out: WriteStream;

  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.out = createWriteStream(this.tmp);
  }

  async write(piece: string): Promise<void> {
    if (!this.out.write(piece)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.out.destroy();
    await rm(this.tmp, { force: true });
  }
}

/**
 * A field of units.json: on one line, or, for a non-empty array, each element on a line of its own, compact
 * (indented JSON doubles the file: at 20,000 units that is hundreds of megabytes of spaces).
 */
function* jsonField(key: string, value: unknown, last: boolean): Generator<string> {
  const comma = last ? '' : ',';
  if (Array.isArray(value) && value.length > 0) {
    yield `  ${JSON.stringify(key)}: [\n`;
    for (const [i, item] of value.entries()) yield `    ${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}\n`;
    yield `  ]${comma}\n`;
  } else yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`;
}

/** Compare the units of one or more run outputs; resolves to the exit code. */
export async function compareCommand(dirs: readonly string[], options: { out: string; sources?: string; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (options.sources !== undefined && !existsSync(options.sources)) throw new UsageError(`--sources ${options.sources}: no such folder (give the folder you gave to \`zhenggai run\`)`);
  // External access stays on: no SQL from the user runs here, and DuckDB may spill to its temporary folder.
  const db = await openForCommand('compare', dirs, { externalAccess: true, budget: 'compare', log });
  if (!db) return 1;
  await mkdir(options.out, { recursive: true });
  const csv = new PieceWriter(join(options.out, 'units.csv'));
  const json = new PieceWriter(join(options.out, 'units.json'));
  let report: ReportDataBuilder | null = null;
  let xlsx: UnitsXlsxBuilder | null = null;
  let units = 0;
  let written = 0;
  // The pairs of units sharing measures go to units.json as they come; the page lists the first few.
  let pairTotal = 0;
  let pairsWritten = 0;
  let measurePairs = 0;
  const firstPairs: SharedPair[] = [];
  const sink: UnitsSink = {
    async start(head: UnitsHead, count: number) {
      units = count;
      report = new ReportDataBuilder(head.columns, options.out, temporaryPath(options.out, threadId, REPORT_SPOOL));
      xlsx = new UnitsXlsxBuilder(join(options.out, 'units.xlsx'), head.columns);
      await csv.write(unitsCsvHeader());
      await json.write('{\n');
      for (const [key, value] of Object.entries(head)) for (const piece of jsonField(key, value, false)) await json.write(piece);
      await json.write(count > 0 ? '  "units": [\n' : '  "units": [],\n');
    },
    async unit(u, d) {
      await csv.write(unitsCsvLine(u));
      await json.write(`    ${JSON.stringify(u)}${++written < units ? ',' : ''}\n`);
      report!.add(u, d);
      xlsx!.add(u, d);
    },
    async sharedStart(pairs: number) {
      pairTotal = pairs;
      if (units > 0) await json.write('  ],\n');
      await json.write(pairs > 0 ? '  "sharedMeasures": [\n' : '  "sharedMeasures": [],\n');
    },
    async shared(pair: SharedPair) {
      await json.write(`    ${JSON.stringify(pair)}${++pairsWritten < pairTotal ? ',' : ''}\n`);
      if (pairTotal > 0 && pairsWritten === pairTotal) await json.write('  ],\n');
      measurePairs += pair.count;
      if (firstPairs.length < REPORT_SHARED_PAIRS) firstPairs.push(pair);
    },
  };
  let doc: UnitsDocument;
  try {
    let result;
    try {
      result = await compareUnits(db, createSegmenter(), { sources: options.sources, sink, collect: collector() });
    } finally {
      db.close();
    }
    doc = result.doc;
    warnProblems('compare', result.problems, log);
    const rest = [['measureComparison', doc.measureComparison], ['distinctiveMeasures', doc.distinctiveMeasures]] as const;
    for (const [k, [key, value]] of rest.entries()) for (const piece of jsonField(key, value, k === rest.length - 1)) await json.write(piece);
    await json.write('}\n');
    await csv.commit();
    await json.commit();
  } catch (e) {
    (report as ReportDataBuilder | null)?.dispose();
    await Promise.all([csv.abort(), json.abort(), (xlsx as UnitsXlsxBuilder | null)?.discard()]);
    throw e;
  }
  const builder = report as ReportDataBuilder | null;
  const book = xlsx as UnitsXlsxBuilder | null;
  if (!builder || !book) throw new Error('compare: the units were never started');
  try {
    const pieces = reportPieces({ ...doc, sharedMeasures: firstPairs, sharedPairs: pairTotal }, builder.finish(doc.distinctiveMeasures));
    new AtomicWriter().writeChunksSync(join(options.out, 'report.html'), (function* () {
      for (const piece of pieces) yield Buffer.from(piece, 'utf8');
    })());
  } catch (e) {
    await book.discard();
    throw e;
  } finally {
    builder.dispose();
  }
  await book.write();
  log(
    `zhenggai compare: ${doc.notices} notice(s)${doc.failed ? ` (${doc.failed} failed or unreadable, left out)` : ''} → ${units} unit(s); ` +
      `measures: ${comparisonText(doc)}, ` +
      `${pairTotal} pair(s) of units listed sharing ${measurePairs} measure pair(s) → ${join(options.out, 'units.csv')}, units.json, units.xlsx, report.html`,
  );
  if (units === 0) log('zhenggai compare: no processed notices to compare (run `zhenggai run` first, then give its --out folder)');
  return 0;
}

/** The measure comparison in the summary line. */
function comparisonText(doc: UnitsDocument): string {
  const s = doc.measureComparison;
  return `${s.measures} (${s.comparable} comparable), ${s.pairsCompared} pair(s) compared${s.capped ? ` (stopped at the cap of ${s.maxPairs})` : ''}`;
}
