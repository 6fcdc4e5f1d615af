/**
 * One unit of batch work: read an input file, process it, write its JSON atomically, and return the small record
 * the main thread needs (index line, totals, diagnostics for stderr). File reads and writes are synchronous: a
 * task is the only work of its thread, and asynchronous I/O would leave the thread idle while it completes. Runs in
 * a worker thread (cli/run/worker.ts) or in-process; with `resume`, an existing output with the same input sha256
 * and rules version is kept instead of being recomputed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticCode } from '../../output/diagnosticCodes.js';
import { outputName } from '../../output/runLayout.js';
import type { IndexRecord, NoticeDocument, Status } from '../../output/schema.js';
import { type AtomicWriter, DocumentEncoder } from '../../output/writeFiles.js';
import type { PipelineContext } from '../../pipeline/context.js';
import { failedDocument, processBytes, type ProcessOptions, sha256Hex } from '../../pipeline/process.js';
import { rulesVersion } from '../../pipeline/ruleRegistry.js';
import { validateDocument } from '../../pipeline/validate/validateDocument.js';
import { formatDiagnostic } from '../formatDiagnostic.js';

/** What the main thread sends. */
export interface Task {
  diskPath: string;
  relPath: string;
  outDir: string;
  resume: boolean;
  /** Include warnings in `messages` (errors always are). */
  warnings: boolean;
  options: Pick<ProcessOptions, 'ocr' | 'limits'>;
}

/** What a thread running tasks holds for all of them: the pipeline's context, its writer and its encoder. */
export interface TaskRuntime {
  context: PipelineContext;
  writer: AtomicWriter;
  encoder: DocumentEncoder;
}

/** Item totals of one document, for the run summary. */
export interface Tallies {
  sections: number;
  measures: number;
  counts: number;
  dates: number;
  pages: number;
}

/** What comes back. */
export interface TaskResult {
  record: IndexRecord;
  status: Status;
  tallies: Tallies;
  bytes: number;
  /** Formatted diagnostics for stderr. */
  messages: string[];
  /** True when an existing output was kept (--resume). */
  reused: boolean;
}

/** One index.jsonl line for a document. */
export function indexRecord(doc: NoticeDocument, output: string | null): IndexRecord {
  const err = doc.status === 'failed' ? doc.diagnostics.find((d) => d.severity === 'error') : undefined;
  return {
    path: doc.source.path,
    output,
    status: doc.status,
    sha256: doc.source.sha256,
    error: err ? { code: err.code, message: err.message } : null,
  };
}

function tallies(doc: NoticeDocument): Tallies {
  let sections = 0;
  const walk = (ss: NoticeDocument['sections']) => {
    for (const s of ss) {
      sections++;
      walk(s.children);
    }
  };
  walk(doc.sections);
  return { sections, measures: doc.measures.length, counts: doc.counts.length, dates: doc.dates.length, pages: doc.source.pages ?? 0 };
}

function result(doc: NoticeDocument, task: Task, reused: boolean): TaskResult {
  const messages = doc.diagnostics
    .filter((d) => d.severity === 'error' || (d.severity === 'warning' && task.warnings))
    .map((d) => formatDiagnostic(task.diskPath, doc.text, d));
  return { record: indexRecord(doc, outputName(task.relPath)), status: doc.status, tallies: tallies(doc), bytes: doc.source.bytes, messages, reused };
}

/** An existing output that is still valid for these input bytes and these rules, if any. */
function reusable(outPath: string, sha256: string): NoticeDocument | null {
  let raw: string;
  try {
    raw = readFileSync(outPath, 'utf8');
  } catch {
    return null;
  }
  try {
    const doc = validateDocument(JSON.parse(raw));
    return doc.source.sha256 === sha256 && doc.rulesVersion === rulesVersion() ? doc : null;
  } catch {
    return null; // a damaged output is recomputed
  }
}

/** Run one task. Never throws for a bad input: failures are `failed` documents. */
export async function processTask(task: Task, runtime: TaskRuntime): Promise<TaskResult> {
  const outPath = join(task.outDir, outputName(task.relPath));
  const write = (doc: NoticeDocument) => runtime.writer.writeSync(outPath, runtime.encoder.encode(doc));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.diskPath);
  } catch (e) {
    const doc = failedDocument({ path: task.relPath, sha256: sha256Hex(new Uint8Array()), bytes: 0 }, null, 'input/unreadable', `cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
    write(doc);
    return result(doc, task, false);
  }
  if (task.resume) {
    const kept = reusable(outPath, sha256Hex(bytes));
    if (kept) return result(kept, task, true);
  }
  const doc = await processBytes(bytes, task.relPath, { ...task.options, context: runtime.context });
  write(doc);
  return result(doc, task, false);
}

/** The record for a file whose processing was stopped from outside (time limit, worker out of memory). */
export function stoppedTask(task: Task, code: DiagnosticCode, message: string, writer: AtomicWriter): TaskResult {
  let bytes: Uint8Array = new Uint8Array();
  try {
    bytes = readFileSync(task.diskPath);
  } catch {
    /* the record still says what happened */
  }
  const doc = failedDocument({ path: task.relPath, sha256: sha256Hex(bytes), bytes: bytes.length }, null, code, message);
  writer.writeSync(join(task.outDir, outputName(task.relPath)), new DocumentEncoder().encode(doc));
  return result(doc, task, false);
}
