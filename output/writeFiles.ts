/** Writers: per-file JSON, written atomically. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { NoticeDocument } from './schema.js';

/**
 * The serialized form of a document: stable key order, one line (no indentation), final newline. A batch writes
 * tens of thousands of these: indentation made them 43% larger and cost a third of the writing time, and people
 * read a document through `zhenggai inspect` or `jq .` anyway. Documents are validated where they are made
 * (processLoaded, failedDocument), which is the only way to get one.
 */
export function serializeDocument(doc: NoticeDocument): string {
  return `${JSON.stringify(doc)}\n`;
}

/** The buffer `documentBytes` encodes into, grown as needed and reused (one per thread); one grown past
 *  RETAIN_BYTES for an unusually large document is let go at the next call, so that it is not kept all run. */
const INITIAL_BYTES = 1 << 20;
const RETAIN_BYTES = 16 << 20;
let encoded = Buffer.allocUnsafeSlow(INITIAL_BYTES);

/** Encode `s` (UTF-8) into the buffer from `at` on; returns where it ends. Grows the buffer first when it may be short. */
function put(s: string, at: number): number {
  const need = at + 3 * s.length; // UTF-8 takes at most 3 bytes per UTF-16 code unit
  if (need > encoded.length) {
    const bigger = Buffer.allocUnsafeSlow(Math.max(need, 2 * encoded.length));
    encoded.copy(bigger, 0, 0, at);
    encoded = bigger;
  }
  return at + encoded.write(s, at, 'utf8');
}

/**
 * serializeDocument's bytes (tests check they are the same), made without the whole document as one string:
 * each top-level field is stringified on its own and encoded into a buffer this thread reuses. A batch writes
 * tens of thousands of documents of ~100 KB; as one string each was a two-byte string over V8's large-object
 * size (a fresh memory mapping per document), then a second copy to add the newline, then a third, temporary,
 * UTF-8 one inside writeFileSync — the largest source of page faults in a text batch. The bytes returned are
 * valid until the next call in this thread: write them at once.
 */
export function documentBytes(doc: NoticeDocument): Uint8Array {
  if (encoded.length > RETAIN_BYTES) encoded = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  let at = put('{', 0);
  let first = true;
  for (const key of Object.keys(doc)) {
    const value = JSON.stringify((doc as unknown as Record<string, unknown>)[key]) as string | undefined;
    if (value === undefined) continue; // as JSON.stringify leaves out undefined values
    at = put(`${first ? '' : ','}${JSON.stringify(key)}:`, at);
    at = put(value, at);
    first = false;
  }
  at = put('}\n', at);
  return encoded.subarray(0, at);
}

let tmpCounter = 0;

/** Suffix of temporary files; a run removes leftovers of a killed run before it starts. */
const TMP_MARK = '.tmp-';

/** The start of the temporary names under which thread `tid` of this process writes `path`. */
export const temporaryPrefix = (path: string, tid: number = threadId) => `${path}${TMP_MARK}${process.pid}-${tid}-`;

/** A temporary name as writeAtomic and writeAtomicSync make them: TMP_MARK, then pid-thread-counter. */
const TEMPORARY_NAME = new RegExp(`${TMP_MARK.replace('.', '\\.')}\\d+-\\d+-\\d+$`, 'u');

/** Remove the temporary files a killed run left anywhere under `dir` (before a run writes there again). */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isFile() && TEMPORARY_NAME.test(e.name)).map((e) => rm(join(e.parentPath, e.name), { force: true })));
}

/** Remove what thread `tid` of this process, stopped while writing `path`, may have left of it. */
export async function removeTemporariesOf(path: string, tid: number): Promise<void> {
  const prefix = basename(temporaryPrefix(path, tid));
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dirname(path), n), { force: true })));
}

/** The output file name of an input's relative path. */
export const outputName = (relPath: string) => `${relPath}.json`;

/** Write a file atomically: a temporary name in the same folder, then rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${temporaryPrefix(path)}${tmpCounter++}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Folders this thread has already created (one mkdir per folder, not per file). */
const madeDirs = new Set<string>();

/**
 * writeAtomic, synchronously: for worker threads, where a document's write is the last step of its task and an
 * asynchronous write would only leave the thread idle until the thread pool has done it.
 */
export function writeAtomicSync(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${temporaryPrefix(path)}${tmpCounter++}`;
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dir, { recursive: true }); // the folder was removed since this thread made it
    writeFileSync(tmp, data);
  }
  renameSync(tmp, path);
}
