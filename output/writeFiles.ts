/** Writers: documents serialized as one line, files written atomically (a temporary name, then rename). */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { temporaryPrefix } from './runLayout.js';
import type { NoticeDocument } from './schema.js';

/**
 * The serialized form of a document: stable key order, one line (no indentation), final newline. Documents are
 * validated where they are made (processLoaded, failedDocument), which is the only way to get one.
 */
export function serializeDocument(doc: NoticeDocument): string {
  return `${JSON.stringify(doc)}\n`;
}

/** The size of the encoding buffer at first, and above which it is let go after an unusually large document. */
const INITIAL_BYTES = 1 << 20;
const RETAIN_BYTES = 16 << 20;

/**
 * Encodes documents into serializeDocument's UTF-8 bytes (tests check they are the same) without making the whole
 * document one string: each top-level field is stringified on its own into a buffer the encoder reuses, which saves
 * a batch most of its page faults (bench/README.md). The bytes returned are valid until the next call.
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

  /** The bytes of serializeDocument(doc). */
  encode(doc: NoticeDocument): Uint8Array {
    if (this.buffer.length > RETAIN_BYTES) this.buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
    let at = this.put('{', 0);
    let first = true;
    for (const key of Object.keys(doc)) {
      const value = JSON.stringify((doc as unknown as Record<string, unknown>)[key]) as string | undefined;
      if (value === undefined) continue; // as JSON.stringify leaves out undefined values
      at = this.put(`${first ? '' : ','}${JSON.stringify(key)}:`, at);
      at = this.put(value, at);
      first = false;
    }
    at = this.put('}\n', at);
    return this.buffer.subarray(0, at);
  }
}

/**
 * Writes files atomically: a temporary name in the same folder (runLayout.ts), then rename. One writer per thread:
 * its temporary names carry the process, the thread and the writer's own counter.
 */
export class AtomicWriter {
  private counter = 0;
  /** Folders this writer has already created (one mkdir per folder, not per file). */
  private readonly madeDirs = new Set<string>();

  private temporary(path: string): string {
    return `${temporaryPrefix(path, threadId)}${this.counter++}`;
  }

  /** Write a file atomically, creating its folder. */
  async write(path: string, data: string | Uint8Array): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const tmp = this.temporary(path);
    await writeFile(tmp, data);
    await rename(tmp, path);
  }

  /** `write`, synchronously: for worker threads, where a document's write is the last step of a task and an
   *  asynchronous one would only leave the thread idle. */
  writeSync(path: string, data: string | Uint8Array): void {
    const dir = dirname(path);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const tmp = this.temporary(path);
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dir, { recursive: true }); // the folder was removed since this writer made it
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  }
}
