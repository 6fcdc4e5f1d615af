/** Writers: per-file JSON (atomic) and index.jsonl records. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { IndexRecord, type NoticeDocument } from './schema.js';

/**
 * The serialized form of a document: stable key order, two-space indent, final newline. Documents are
 * validated where they are made (processLoaded, failedDocument), which is the only way to get one.
 */
export function serializeDocument(doc: NoticeDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

let tmpCounter = 0;

/** Suffix of temporary files; a run removes leftovers of a killed run before it starts. */
export const TMP_MARK = '.tmp-';

/** Write a file atomically: a temporary name in the same folder, then rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}${TMP_MARK}${process.pid}-${threadId}-${tmpCounter++}`;
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
  const tmp = `${path}${TMP_MARK}${process.pid}-${threadId}-${tmpCounter++}`;
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dir, { recursive: true }); // the folder was removed since this thread made it
    writeFileSync(tmp, data);
  }
  renameSync(tmp, path);
}

/** One index.jsonl line for a document. */
export function indexRecord(doc: NoticeDocument, output: string | null): IndexRecord {
  const err = doc.status === 'failed' ? doc.diagnostics.find((d) => d.severity === 'error') : undefined;
  return IndexRecord.parse({
    path: doc.source.path,
    output,
    status: doc.status,
    sha256: doc.source.sha256,
    error: err ? { code: err.code, message: err.message } : null,
  });
}
