/** `zhenggai compare <out-dir>... --out <dir>`: units.csv, units.json and report.html, one row per unit. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildUnits } from '../analyze/compare.js';
import { readResults, ResultsError } from '../analyze/readResults.js';
import { reportHtml } from '../analyze/report.js';
import { unitDetails } from '../analyze/report/detail.js';
import { unitsCsv } from '../analyze/units.js';
import { writeUnitsXlsx } from '../analyze/xlsx.js';
import { AtomicWriter } from '../output/writeFiles.js';
import { createSegmenter } from '../pipeline/segment/segmenter.js';
import { UsageError } from './usageError.js';

/** Compare the units of one or more run outputs; resolves to the exit code. */
export async function compareCommand(dirs: readonly string[], options: { out: string; sources?: string; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (options.sources !== undefined && !existsSync(options.sources)) throw new UsageError(`--sources ${options.sources}: no such folder (give the folder you gave to \`zhenggai run\`)`);
  let entries;
  try {
    entries = await readResults(dirs);
  } catch (e) {
    if (e instanceof ResultsError) throw new UsageError(e.message);
    throw e;
  }
  const { doc, rows } = buildUnits(entries, createSegmenter());
  const writer = new AtomicWriter();
  await writer.write(join(options.out, 'units.csv'), unitsCsv(rows));
  await writer.write(join(options.out, 'units.json'), `${JSON.stringify(doc, null, 2)}\n`);
  const details = unitDetails(entries, options.sources);
  await writer.write(join(options.out, 'report.html'), reportHtml(doc, { details, outDir: options.out }));
  await writeUnitsXlsx(join(options.out, 'units.xlsx'), doc, details);
  const pairs = doc.sharedMeasures.reduce((n, p) => n + p.count, 0);
  log(
    `zhenggai compare: ${doc.notices} notice(s)${doc.failed ? ` (${doc.failed} failed, left out)` : ''} → ${doc.units.length} unit(s), ${doc.sharedMeasures.length} pair(s) of units sharing ${pairs} measure pair(s) → ${join(options.out, 'units.csv')}, units.json, units.xlsx, report.html`,
  );
  if (doc.units.length === 0) log('zhenggai compare: no processed notices to compare (run `zhenggai run` first, then give its --out folder)');
  return 0;
}
