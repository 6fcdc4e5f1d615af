/** Writers: per-file JSON (validated, atomic) and index.jsonl records. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IndexRecord, type NoticeDocument } from './schema.js';
import { validateDocument } from '../pipeline/validate/validateDocument.js';

/** The serialized form of a document: validated first, stable key order, two-space indent, final newline. */
export function serializeDocument(doc: NoticeDocument): string {
  return `${JSON.stringify(validateDocument(doc), null, 2)}\n`;
}

let tmpCounter = 0;

/** Write a file atomically: a temporary name in the same folder, then rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${tmpCounter++}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
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
