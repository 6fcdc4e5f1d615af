/** `zhenggai run <file-or-folder>... --out <dir>`: one JSON per input, index.jsonl, exit code from the results. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoticeDocument, Status } from '../output/schema.js';
import { indexRecord, serializeDocument, writeAtomic } from '../output/writeFiles.js';
import { failedDocument, processBytes, type ProcessOptions, sha256Hex } from '../pipeline/process.js';
import { formatDiagnostic } from './formatDiagnostic.js';
import { type InputFile, walkInputs } from './walkInputs.js';

/** Options of the run command. */
export interface RunOptions extends ProcessOptions {
  out: string;
  quiet?: boolean;
  /** Where progress and diagnostics go (stderr). */
  log?: (line: string) => void;
}

/** Totals printed at the end of a run. */
export interface RunSummary {
  files: number;
  byStatus: Record<Status, number>;
  sections: number;
  measures: number;
  counts: number;
  dates: number;
  seconds: number;
}

function countSections(doc: NoticeDocument): number {
  let n = 0;
  const walk = (ss: NoticeDocument['sections']) => {
    for (const s of ss) {
      n++;
      walk(s.children);
    }
  };
  walk(doc.sections);
  return n;
}

/** Process one input file to its document (never throws for a bad file). */
async function processInput(f: InputFile, options: ProcessOptions): Promise<NoticeDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(f.diskPath);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return failedDocument({ path: f.relPath, sha256: sha256Hex(new Uint8Array()), bytes: 0 }, null, 'input/unreadable', `cannot read the file: ${msg}`);
  }
  return processBytes(bytes, f.relPath, options);
}

/** Run the pipeline over the inputs; returns the exit code (0 all ok/partial, 1 any failed). */
export async function runCommand(inputs: readonly string[], options: RunOptions): Promise<{ exitCode: number; summary: RunSummary }> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  const summary: RunSummary = { files: 0, byStatus: { ok: 0, partial: 0, failed: 0 }, sections: 0, measures: 0, counts: 0, dates: 0, seconds: 0 };
  const records: string[] = [];
  for await (const f of walkInputs(inputs)) {
    const doc = await processInput(f, options);
    const outRel = `${f.relPath}.json`;
    await writeAtomic(join(options.out, outRel), serializeDocument(doc));
    records.push(JSON.stringify(indexRecord(doc, outRel)));
    summary.files++;
    summary.byStatus[doc.status]++;
    summary.sections += countSections(doc);
    summary.measures += doc.measures.length;
    summary.counts += doc.counts.length;
    summary.dates += doc.dates.length;
    for (const d of doc.diagnostics) {
      if (d.severity === 'error' || (d.severity === 'warning' && !options.quiet)) log(formatDiagnostic(f.diskPath, doc.text, d));
    }
  }
  await writeAtomic(join(options.out, 'index.jsonl'), records.length ? `${records.join('\n')}\n` : '');
  summary.seconds = (performance.now() - started) / 1000;
  const s = summary;
  log(
    `zhenggai: ${s.files} file(s): ${s.byStatus.ok} ok, ${s.byStatus.partial} partial, ${s.byStatus.failed} failed · ` +
      `${s.sections} sections, ${s.measures} measures, ${s.counts} counts, ${s.dates} dates · ${s.seconds.toFixed(1)} s → ${options.out}`,
  );
  if (s.files === 0) log('zhenggai: no input files found (looked for .txt .docx .doc .pdf .html .htm)');
  return { exitCode: s.byStatus.failed > 0 ? 1 : 0, summary };
}
