/**
 * One unit of batch work: read an input file, process it, write its outputs atomically (the JSON document, and with
 * `run --to` its Markdown and section chunks), and return the small record the main thread needs (index fields, totals, a bounded number of messages for stderr). File reads and writes are
 * synchronous: a task is the only work of its thread, and asynchronous I/O would leave the thread idle while it
 * completes. Runs in a worker thread (cli/run/worker.ts) or in-process.
 *
 * A file is stat-ed before it is read, through the descriptor it is read from: what is not a regular file (a FIFO,
 * a device) is never read, and a file over the size limit is refused unread. A file that was not read has no
 * document and `sha256: null`. With --resume, an earlier result is kept when its record's input sha256 and run
 * options allow it (keptOptionsAllow) and each output asked for is there, made from these bytes under these rules.
 */
import { closeSync, constants, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiagnosticCode } from '../../output/diagnosticCodes.js';
import { type OutputFormat, type Outputs } from '../../output/runLayout.js';
import type { IndexRecord, NoticeDocument, RunOptions as RecordedOptions } from '../../output/schema.js';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../../output/version.js';
import { type AtomicWriter, DocumentEncoder, OutputWriteError, utf8Batches } from '../../output/writeFiles.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { Limits } from '../../pipeline/load/loaded.js';
import { failedDocument, processBytes, sha256Hex } from '../../pipeline/process.js';
import { rulesVersion } from '../../pipeline/ruleRegistry.js';
import { diagnosticPosition } from '../formatDiagnostic.js';
import { clip, type FileMessage, MAX_MESSAGES, MAX_READ_BYTES, NO_TALLIES, type Outcome, result, type Tallies, type TaskResult, unreadResult } from './results.js';
import { specialKind } from './walkInputs.js';

/** What the main thread sends. */
export interface Task {
  /** The file's path on disk, as bytes (a Buffer, or a Uint8Array once passed to a worker). */
  diskPath: Uint8Array;
  /** The disk path for messages. */
  shownPath: string;
  relPath: string;
  /** The outputs to write, by format (run --to), relative to outDir: at least one. */
  outputs: Outputs;
  /** List the outputs in the record's `outputs` (the run was asked for a format besides JSON). */
  listOutputs: boolean;
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

/** The formats of an Outputs, in the order they are written. */
const formatsOf = (outputs: Outputs): OutputFormat[] => (['json', 'md', 'chunks'] as const).filter((f) => outputs[f] !== undefined);

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

/** The index fields of a file whose outputs were written (in the record's order: output, outputs, status, …). */
function writtenOutcome(task: Pick<Task, 'outputs' | 'listOutputs'>, status: Outcome['status'], sha256: string | null, error: Outcome['error']): Outcome {
  return { output: task.outputs.json ?? null, ...(task.listOutputs ? { outputs: { ...task.outputs } } : {}), status, sha256, error };
}

/** The outcome of a written document. */
function outcomeOf(doc: NoticeDocument, task: Pick<Task, 'outputs' | 'listOutputs'>): Outcome {
  const err = doc.status === 'failed' ? doc.diagnostics.find((d) => d.severity === 'error') : undefined;
  return writtenOutcome(task, doc.status, doc.source.sha256, err ? { code: err.code, message: clip(err.message) } : null);
}

/** The messages of a document for the log, bounded: errors, then warnings when asked; how many more there are. */
function messagesOf(doc: NoticeDocument, task: Task): Pick<TaskResult, 'messages' | 'moreMessages'> {
  const shown = doc.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && task.warnings));
  const messages = shown.slice(0, MAX_MESSAGES).map((d): FileMessage => {
    const at = diagnosticPosition(doc.text, d);
    return { severity: d.severity, code: d.code, message: clip(d.message), line: at?.line ?? null, col: at?.col ?? null };
  });
  return { messages, moreMessages: Math.max(0, shown.length - MAX_MESSAGES) };
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

/** The first `headBytes` and last `tailBytes` of the file at `path` (fewer when it is shorter), and its size; null
 *  when it cannot be opened or read. */
function fileEnds(path: string, headBytes: number, tailBytes: number): { head: Buffer; tail: Buffer; size: number } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, headBytes));
    const tail = Buffer.alloc(Math.min(size, tailBytes));
    if (readSync(fd, head, 0, head.length, 0) !== head.length || readSync(fd, tail, 0, tail.length, size - tail.length) !== tail.length) return null;
    return { head, tail, size };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** True when the file at `path` begins with `prefix` and ends with a newline (an empty file when `empty` allows). */
function fileHasHead(path: string, prefix: Buffer, empty = false): boolean {
  const ends = fileEnds(path, prefix.length, 1);
  if (!ends) return false;
  if (ends.size === 0) return empty;
  return ends.head.equals(prefix) && ends.tail[0] === 0x0a;
}

/** True when the file at `path` is a whole document of `relPath` with these bytes, this schema and these rules:
 *  read from its first bytes (the encoder writes schema, versions and source first) and its last. */
function outputMatches(path: string, relPath: string, sha256: string): boolean {
  const prefix = Buffer.from(
    `{"schema":${JSON.stringify(SCHEMA_NAME)},"schemaVersion":${JSON.stringify(SCHEMA_VERSION)},"rulesVersion":${JSON.stringify(rulesVersion())},"source":{"path":${JSON.stringify(relPath)},"format":`,
  );
  const ends = fileEnds(path, prefix.length + 96, 2);
  if (!ends || ends.size < 2) return false;
  if (!ends.head.subarray(0, prefix.length).equals(prefix) || ends.tail.toString() !== '}\n') return false;
  const m = /^(?:null|"[a-z]+"),"sha256":"([0-9a-f]{64})"/u.exec(ends.head.subarray(prefix.length).toString('latin1'));
  return m?.[1] === sha256;
}

/** The outputs an earlier record names, by format (`output` is its JSON). */
const recordedOutputs = (r: IndexRecord): Outputs => ({ ...(r.output !== null ? { json: r.output } : {}), ...r.outputs });

/**
 * True when an earlier record's outputs may stand for this task: every format asked for is in the record under the
 * same name, and its file is there, whole, made from these bytes under this schema and these rules (a run asked for
 * `--to md` after a JSON-only run makes the Markdown; a Markdown file someone removed is made again).
 */
async function outputsKept(task: Task, prev: IndexRecord, sha256: string): Promise<boolean> {
  const had = recordedOutputs(prev);
  for (const format of formatsOf(task.outputs)) {
    const name = task.outputs[format]!;
    if (had[format] !== name) return false;
    const path = join(task.outDir, name);
    const head = { schema: SCHEMA_NAME, schemaVersion: SCHEMA_VERSION, rulesVersion: rulesVersion(), path: task.relPath, sha256 };
    if (format === 'json' && !outputMatches(path, task.relPath, sha256)) return false;
    if (format === 'md' && !fileHasHead(path, Buffer.from((await import('../../output/markdown.js')).markdownHead(head)))) return false;
    // A failed document has no text, so no chunks: its chunks file is empty.
    if (format === 'chunks' && !fileHasHead(path, Buffer.from((await import('../../output/chunks.js')).chunksHead(head)), prev.status === 'failed')) return false;
  }
  return true;
}

/**
 * Write every output of `doc` asked for, each atomically; the document actually written is returned (a document
 * too large to be stringified is replaced by the file's memory failure, as a worker's out-of-memory is). When one
 * cannot be written, those written before it are removed and the error is thrown.
 */
async function writeOutputs(task: Task, doc: NoticeDocument, writer: AtomicWriter, encoder: DocumentEncoder): Promise<NoticeDocument> {
  const written: string[] = [];
  try {
    for (const format of formatsOf(task.outputs)) {
      const path = join(task.outDir, task.outputs[format]!);
      if (format === 'json') {
        try {
          writer.writeChunksSync(path, encoder.chunks(doc));
        } catch (e) {
          if (!(e instanceof RangeError)) throw e;
          doc = failedDocument({ path: task.relPath, sha256: doc.source.sha256, bytes: doc.source.bytes }, doc.source.format, 'limit/memory', `the document is too large to be written (${e.message})`);
          writer.writeChunksSync(path, encoder.chunks(doc));
        }
      } else if (format === 'md') {
        const { markdownPieces } = await import('../../output/markdown.js');
        writer.writeChunksSync(path, utf8Batches(markdownPieces(doc)));
      } else {
        const { chunkLines } = await import('../../output/chunks.js');
        writer.writeChunksSync(path, utf8Batches(chunkLines(doc)));
      }
      written.push(path);
    }
  } catch (e) {
    for (const p of written) rmSync(p, { force: true });
    throw e;
  }
  return doc;
}

/** The result of a document whose outputs could not be written. */
function unwritten(task: Task, e: unknown, sha256: string, bytes: number): TaskResult {
  const err = OutputWriteError.of(join(task.outDir, Object.values(task.outputs)[0] ?? ''), e);
  if (err.fatal) return result({ output: null, status: 'failed', sha256, error: null }, { fatal: err.message });
  return unreadResult('output/unwritable', err.message, sha256, bytes);
}

/** Run one task. Never throws for a bad input: failures are `failed` records. */
export async function processTask(task: Task, runtime: TaskRuntime): Promise<TaskResult> {
  const started = performance.now();
  const read = readInput(task);
  if (!('bytes' in read)) return unreadResult(read.code, read.message, null, read.size);
  const size = read.bytes.length;
  const sha256 = sha256Hex(read.bytes);
  const prev = task.previous;
  if (prev && prev.sha256 === sha256 && keptOptionsAllow(prev, task.runOptions) && (await outputsKept(task, prev, sha256))) {
    return result(writtenOutcome(task, prev.status, sha256, prev.error), { bytes: size, reused: true });
  }
  let doc = await processBytes(read.bytes, task.relPath, { ocr: task.ocr, limits: task.limits, context: runtime.context });
  try {
    doc = await writeOutputs(task, doc, runtime.writer, runtime.encoder);
  } catch (e) {
    return unwritten(task, e, sha256, size);
  }
  return { outcome: outcomeOf(doc, task), tallies: tallies(doc), bytes: size, ...messagesOf(doc, task), seconds: (performance.now() - started) / 1000, reused: false, fatal: null };
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
  if (hashed === null) return unreadResult(code, message);
  const doc = failedDocument({ path: task.relPath, sha256: hashed.sha256, bytes: hashed.bytes }, null, code, message);
  try {
    await writeOutputs(task, doc, writer, new DocumentEncoder());
  } catch (e) {
    return unwritten(task, e, hashed.sha256, hashed.bytes);
  }
  return { outcome: outcomeOf(doc, task), tallies: NO_TALLIES, bytes: hashed.bytes, ...messagesOf(doc, task), seconds: null, reused: false, fatal: null };
}
