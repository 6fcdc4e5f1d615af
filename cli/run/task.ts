/**
 * One unit of batch work: read an input file, process it, write its JSON atomically, and return the small record
 * the main thread needs (index fields, totals, a bounded number of messages for stderr). File reads and writes are
 * synchronous: a task is the only work of its thread, and asynchronous I/O would leave the thread idle while it
 * completes. Runs in a worker thread (cli/run/worker.ts) or in-process.
 *
 * A file is stat-ed before it is read, through the descriptor it is read from: what is not a regular file (a FIFO,
 * a device) is never read, and a file over the size limit is refused unread. A file that was not read has no
 * document and `sha256: null`. With --resume, an earlier result is kept when its record's input sha256 and run
 * options allow it (keptResult) and its output is the document of these bytes under these rules.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiagnosticCode } from '../../output/diagnosticCodes.js';
import type { IndexRecord, NoticeDocument, RunOptions as RecordedOptions } from '../../output/schema.js';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../../output/version.js';
import { type AtomicWriter, DocumentEncoder, OutputWriteError } from '../../output/writeFiles.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { Limits } from '../../pipeline/load/loaded.js';
import { failedDocument, processBytes, sha256Hex } from '../../pipeline/process.js';
import { rulesVersion } from '../../pipeline/ruleRegistry.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { clip, MAX_MESSAGES, MAX_READ_BYTES, NO_TALLIES, type Outcome, result, type Tallies, type TaskResult, unreadResult } from './results.js';
import { specialKind } from './walkInputs.js';

/** What the main thread sends. */
export interface Task {
  /** The file's path on disk, as bytes (a Buffer, or a Uint8Array once passed to a worker). */
  diskPath: Uint8Array;
  /** The disk path for messages. */
  shownPath: string;
  relPath: string;
  /** The output's path relative to outDir. */
  output: string;
  outDir: string;
  /** The earlier run's record of this input (--resume), or null. */
  previous: IndexRecord | null;
  /** This run's options that can change a file's outcome (they go into the record). */
  runOptions: RecordedOptions;
  /** Include warnings in `messages` (errors always are). */
  warnings: boolean;
  ocr: boolean;
  limits: Limits;
}

/** What a thread running tasks holds for all of them: the pipeline's context, its writer and its encoder. */
export interface TaskRuntime {
  context: PipelineContext;
  writer: AtomicWriter;
  encoder: DocumentEncoder;
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

/** The outcome of a written document. */
function outcomeOf(doc: NoticeDocument, output: string | null): Outcome {
  const err = doc.status === 'failed' ? doc.diagnostics.find((d) => d.severity === 'error') : undefined;
  return { output, status: doc.status, sha256: doc.source.sha256, error: err ? { code: err.code, message: clip(err.message) } : null };
}

/** The messages of a document for stderr, bounded: errors, then warnings when asked, the rest counted. */
function messagesOf(doc: NoticeDocument, task: Task): string[] {
  const shown = doc.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && task.warnings));
  const out = shown.slice(0, MAX_MESSAGES).map((d) => clip(formatDiagnostic(task.shownPath, doc.text, d)));
  if (shown.length > MAX_MESSAGES) out.push(`${task.shownPath}: … and ${shown.length - MAX_MESSAGES} more (all are in ${task.output})`);
  return out;
}

/** A task's disk path as a Buffer (structured cloning to a worker turns a Buffer into a plain Uint8Array). */
const diskPathOf = (p: Uint8Array): Buffer => (Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength));

/** A file's bytes, or why they were not read: opened without blocking (a FIFO never blocks the open), stat-ed
 *  through the descriptor, read only when it is a regular file within the size limit. */
function readInput(task: Task): { bytes: Buffer } | { code: DiagnosticCode; message: string; size: number } {
  let fd: number;
  try {
    fd = openSync(diskPathOf(task.diskPath), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const gone = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { code: 'input/unreadable', message: gone ? 'the file is gone (moved or deleted since the run listed it)' : `cannot open the file: ${(e as Error).message}`, size: 0 };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { code: 'input/special-file', message: `the path is ${specialKind(st)}, not a regular file, and was not read`, size: 0 };
    const limit = Math.min(task.limits.maxFileBytes, MAX_READ_BYTES);
    const over = (size: number) =>
      size > task.limits.maxFileBytes
        ? `the file has ${size} bytes, over the limit of ${task.limits.maxFileBytes} (raise it with --max-file-mb)`
        : `the file has ${size} bytes; a file over 2 GiB cannot be processed`;
    if (st.size > limit) return { code: 'limit/file-size', message: over(st.size), size: st.size };
    // Read to the end of the file, which may have grown since fstat: never past the limit.
    let buf = Buffer.allocUnsafe(Math.min(limit + 1, st.size + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > limit) return { code: 'limit/file-size', message: over(n), size: n };
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, 2 * buf.length));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return { bytes: buf.subarray(0, n) };
  } catch (e) {
    return { code: 'input/unreadable', message: `cannot read the file: ${(e as Error).message}`, size: 0 };
  } finally {
    closeSync(fd);
  }
}

/**
 * True when an earlier record may stand for this run: the same input bytes, the same output name, and options
 * that give the same outcome. A failure stands only when every recorded option is unchanged (a longer --timeout, a
 * larger --max-file-mb, --ocr… may turn it into a success); an ok or partial document stands when the options that
 * shape a document (--ocr, --reference-date) are unchanged (a time or size limit can only fail it, not change it).
 */
export function keptOptionsAllow(previous: IndexRecord, runOptions: RecordedOptions): boolean {
  const was = previous.options;
  if (!was) return false;
  if (previous.status === 'failed') return JSON.stringify(was) === JSON.stringify(runOptions);
  return was.ocr === runOptions.ocr && was.referenceDate === runOptions.referenceDate;
}

/** True when the file at `path` is a whole document of `relPath` with these bytes, this schema and these rules:
 *  read from its first bytes (the encoder writes schema, versions and source first) and its last. */
function outputMatches(path: string, relPath: string, sha256: string): boolean {
  const prefix = Buffer.from(
    `{"schema":${JSON.stringify(SCHEMA_NAME)},"schemaVersion":${JSON.stringify(SCHEMA_VERSION)},"rulesVersion":${JSON.stringify(rulesVersion())},"source":{"path":${JSON.stringify(relPath)},"format":`,
  );
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, prefix.length + 96));
    const tail = Buffer.alloc(2);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || size < 2 || readSync(fd, tail, 0, 2, size - 2) !== 2) return false;
    if (!head.subarray(0, prefix.length).equals(prefix) || tail.toString() !== '}\n') return false;
    const m = /^(?:null|"[a-z]+"),"sha256":"([0-9a-f]{64})"/u.exec(head.subarray(prefix.length).toString('latin1'));
    return m?.[1] === sha256;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Run one task. Never throws for a bad input: failures are `failed` records. */
export async function processTask(task: Task, runtime: TaskRuntime): Promise<TaskResult> {
  const outPath = join(task.outDir, task.output);
  const read = readInput(task);
  if (!('bytes' in read)) return unreadResult(task, read.code, read.message, null, read.size);
  const size = read.bytes.length;
  const sha256 = sha256Hex(read.bytes);
  const prev = task.previous;
  if (prev && prev.sha256 === sha256 && prev.output === task.output && keptOptionsAllow(prev, task.runOptions) && outputMatches(outPath, task.relPath, sha256)) {
    return result({ output: prev.output, status: prev.status, sha256, error: prev.error }, { bytes: size, reused: true });
  }
  let doc = await processBytes(read.bytes, task.relPath, { ocr: task.ocr, limits: task.limits, context: runtime.context });
  try {
    try {
      runtime.writer.writeChunksSync(outPath, runtime.encoder.chunks(doc));
    } catch (e) {
      // A document too large to be stringified is the file's memory failure, as a worker's out-of-memory is.
      if (!(e instanceof RangeError)) throw e;
      doc = failedDocument({ path: task.relPath, sha256, bytes: size }, doc.source.format, 'limit/memory', `the document is too large to be written (${e.message})`);
      runtime.writer.writeChunksSync(outPath, runtime.encoder.chunks(doc));
    }
  } catch (e) {
    const err = OutputWriteError.of(outPath, e);
    if (err.fatal) return result({ output: null, status: 'failed', sha256, error: null }, { fatal: err.message });
    return unreadResult(task, 'output/unwritable', err.message, sha256, size);
  }
  return { outcome: outcomeOf(doc, task.output), tallies: tallies(doc), bytes: size, messages: messagesOf(doc, task), reused: false, fatal: null };
}

/** The SHA-256 and size of a file read in pieces (bounded memory), or null when it cannot be read. */
async function hashFile(path: Uint8Array, limit: number): Promise<{ sha256: string; bytes: number } | null> {
  const { createHash } = await import('node:crypto');
  try {
    const fh = await open(diskPathOf(path), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!(await fh.stat()).isFile()) return null;
      const hash = createHash('sha256');
      const buf = Buffer.allocUnsafe(1 << 20);
      let bytes = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        bytes += bytesRead;
        if (bytes > limit) return null;
        hash.update(buf.subarray(0, bytesRead));
      }
      return { sha256: hash.digest('hex'), bytes };
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/** The result of a file whose processing was stopped from outside (time limit, worker out of memory, crash): a
 *  failed document, written from this thread (the file is hashed in pieces, never read whole here). */
export async function stoppedTask(task: Task, code: DiagnosticCode, message: string, writer: AtomicWriter): Promise<TaskResult> {
  const hashed = await hashFile(task.diskPath, Math.min(task.limits.maxFileBytes, MAX_READ_BYTES));
  if (hashed === null) return unreadResult(task, code, message);
  const doc = failedDocument({ path: task.relPath, sha256: hashed.sha256, bytes: hashed.bytes }, null, code, message);
  const outPath = join(task.outDir, task.output);
  try {
    writer.writeChunksSync(outPath, new DocumentEncoder().chunks(doc));
  } catch (e) {
    const err = OutputWriteError.of(outPath, e);
    if (err.fatal) return result({ output: null, status: 'failed', sha256: hashed.sha256, error: null }, { fatal: err.message });
    return unreadResult(task, 'output/unwritable', err.message, hashed.sha256, hashed.bytes);
  }
  return { outcome: outcomeOf(doc, task.output), tallies: NO_TALLIES, bytes: hashed.bytes, messages: messagesOf(doc, task), reused: false, fatal: null };
}
