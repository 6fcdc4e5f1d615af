/**
 * Writers: documents serialized as one line, files written atomically (a temporary name, then rename), the index
 * appended a record at a time. A failed write leaves nothing behind (no temporary, no 0-byte file, no half line) and
 * says whether the run can go on (OutputWriteError.fatal).
 */
import * as fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { temporaryPath } from './runLayout.js';
import type { NoticeDocument } from './schema.js';

/**
 * The serialized form of a document: stable key order, one line (no indentation), final newline. Documents are
 * validated where they are made (processLoaded, failedDocument), which is the only way to get one.
 */
export function serializeDocument(doc: NoticeDocument): string {
  return `${JSON.stringify(doc)}\n`;
}

/**
 * Error codes after which no later write can succeed either (the disk or quota is full, the file system is
 * read-only or failing): the run stops, keeping what it wrote. Any other code (a folder or file in the way, a name
 * too long, a permission on one folder) concerns one output.
 */
const FATAL_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'ENOMEM']);

/** A file that could not be written: the path, the system's code and whether the run must stop. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
  readonly fatal: boolean;
  constructor(
    readonly path: string,
    readonly code: string,
    cause: unknown,
    fatal = FATAL_CODES.has(code),
  ) {
    super(`cannot write ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.fatal = fatal;
  }

  /** `e` as an OutputWriteError for `path`. */
  static of(path: string, e: unknown): OutputWriteError {
    return e instanceof OutputWriteError ? e : new OutputWriteError(path, (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN', e);
  }
}

/** The size of the encoding buffer at first (and how much a streamed write gathers before it writes), and above
 *  which the buffer is let go after an unusually large document. */
const INITIAL_BYTES = 1 << 20;
const RETAIN_BYTES = 16 << 20;

/**
 * Encodes documents into serializeDocument's UTF-8 bytes (tests check they are the same) without making the whole
 * document one string: each top-level field, and each element of the item arrays, is stringified on its own into a
 * buffer the encoder reuses, which saves a batch most of its page faults (bench/README.md). A streamed write
 * (`chunks`) holds at most one element's string and the buffer, whatever the document's size: a notice of a
 * million measures is written without its JSON ever being whole in memory.
 */
export class DocumentEncoder {
  private buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);

  /** Append `s` (UTF-8) from `at` on, growing the buffer first when it may be short; returns where it ends. */
  private put(s: string, at: number): number {
    const need = at + 3 * s.length; // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (need > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, 2 * this.buffer.length));
      this.buffer.copy(bigger, 0, 0, at);
      this.buffer = bigger;
    }
    return at + this.buffer.write(s, at, 'utf8');
  }

  /** The pieces of serializeDocument(doc), in order: arrays element by element. */
  private *pieces(doc: NoticeDocument): Generator<string> {
    yield '{';
    let first = true;
    for (const key of Object.keys(doc)) {
      const field = (doc as unknown as Record<string, unknown>)[key];
      if (field === undefined) continue; // as JSON.stringify leaves out undefined values
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      if (Array.isArray(field)) {
        yield '[';
        for (let i = 0; i < field.length; i++) yield `${i ? ',' : ''}${(JSON.stringify(field[i]) as string | undefined) ?? 'null'}`;
        yield ']';
      } else {
        yield JSON.stringify(field);
      }
    }
    yield '}\n';
  }

  /** The bytes of serializeDocument(doc), valid until the next call. */
  encode(doc: NoticeDocument): Uint8Array {
    if (this.buffer.length > RETAIN_BYTES) this.buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
    let at = 0;
    for (const s of this.pieces(doc)) at = this.put(s, at);
    return this.buffer.subarray(0, at);
  }

  /** The same bytes in pieces of about INITIAL_BYTES (each valid until the next is asked for). */
  *chunks(doc: NoticeDocument): Generator<Uint8Array> {
    if (this.buffer.length > RETAIN_BYTES) this.buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
    let at = 0;
    for (const s of this.pieces(doc)) {
      at = this.put(s, at);
      if (at >= INITIAL_BYTES) {
        yield this.buffer.subarray(0, at);
        at = 0;
      }
    }
    if (at > 0) yield this.buffer.subarray(0, at);
  }
}

/** The file-system calls the writers make: node:fs, or (in tests) a layer that fails on purpose, as a full disk
 *  does, to show what a run leaves when a write fails. */
export type WriteFs = Pick<typeof fs, 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'mkdirSync' | 'fstatSync' | 'ftruncateSync'>;

/** Write all of `data` at the file's current offset. */
function writeAll(io: WriteFs, fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.length; ) done += io.writeSync(fd, data, done, data.length - done);
}

/**
 * Writes files atomically: a temporary name in the same folder (runLayout.ts), then rename. One writer per thread:
 * its temporary names carry the process, the thread and the writer's own counter. Every failure is an
 * OutputWriteError, and the temporary is gone when it is thrown.
 */
export class AtomicWriter {
  private counter = 0;
  /** Folders this writer has already created (one mkdir per folder, not per file). */
  private readonly madeDirs = new Set<string>();

  constructor(private readonly io: WriteFs = fs) {}

  /** Write a file atomically, creating its folder. */
  async write(path: string, data: string | Uint8Array): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (e) {
      throw OutputWriteError.of(path, e);
    }
    this.writeSync(path, data);
  }

  /** `write`, synchronously: for worker threads, where a document's write is the last step of a task and an
   *  asynchronous one would only leave the thread idle. */
  writeSync(path: string, data: string | Uint8Array): void {
    this.writeChunksSync(path, [typeof data === 'string' ? Buffer.from(data, 'utf8') : data]);
  }

  /** Write the chunks, in order, as one file (atomically, as `write`). */
  writeChunksSync(path: string, chunks: Iterable<Uint8Array>): void {
    const dir = dirname(path);
    const tmp = temporaryPath(dir, threadId, this.counter++);
    let fd: number;
    try {
      if (!this.madeDirs.has(dir)) {
        this.io.mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      try {
        fd = this.io.openSync(tmp, 'wx');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        this.io.mkdirSync(dir, { recursive: true }); // the folder was removed since this writer made it
        fd = this.io.openSync(tmp, 'wx');
      }
    } catch (e) {
      throw OutputWriteError.of(path, e);
    }
    try {
      for (const chunk of chunks) writeAll(this.io, fd, chunk);
      this.io.closeSync(fd);
      fd = -1;
      this.io.renameSync(tmp, path);
    } catch (e) {
      if (fd >= 0) this.io.closeSync(fd);
      this.io.rmSync(tmp, { force: true });
      throw OutputWriteError.of(path, e);
    }
  }
}

/**
 * The index of a run, appended a record (one line) at a time as files finish, so that it is valid whenever the run
 * stops: a line that cannot be written whole is cut off again (the file is truncated to its length before it), and
 * the error is fatal for the run.
 */
export class IndexAppender {
  private fd: number;
  private size: number;

  /** Open `path` for appending; `fresh` empties it first. */
  constructor(
    readonly path: string,
    fresh: boolean,
    private readonly io: WriteFs = fs,
  ) {
    try {
      this.fd = io.openSync(path, fresh ? 'w' : 'a');
      this.size = io.fstatSync(this.fd).size;
    } catch (e) {
      throw OutputWriteError.of(path, e);
    }
  }

  /** Append one line (with its newline). */
  append(line: string): void {
    try {
      const bytes = Buffer.from(line, 'utf8');
      writeAll(this.io, this.fd, bytes);
      this.size += bytes.length;
    } catch (e) {
      try {
        this.io.ftruncateSync(this.fd, this.size);
      } catch {
        /* nothing more can be done: the error below stops the run */
      }
      throw new OutputWriteError(this.path, (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN', e, true);
    }
  }

  close(): void {
    if (this.fd < 0) return;
    this.io.closeSync(this.fd);
    this.fd = -1;
  }
}
