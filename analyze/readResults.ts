/**
 * Reading a run's output folder back: index records and the documents they point to, each validated against the
 * contract again on reading (architecture.md, principle 8). Layout: output/runLayout.ts.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { indexFiles } from '../output/runLayout.js';
import { IndexRecord, NoticeDocument } from '../output/schema.js';

/** One processed notice: its index record and document (null when the file failed before producing text, or when
 *  its document could not be read and the caller chose to go on). */
export interface ResultEntry {
  dir: string;
  record: IndexRecord;
  doc: NoticeDocument | null;
}

/** A folder that is not a run's output, or a document that cannot be read back. */
export class ResultsError extends Error {
  override name = 'ResultsError';
}

/** Options of readResults. */
export interface ReadOptions {
  /** Called for a document that cannot be read or does not match the schema; its entry then has doc null. Without
   *  it, such a document is an error. */
  onProblem?: (path: string, message: string) => void;
}

/** Read one entry's document. */
async function readDocument(dir: string, record: IndexRecord): Promise<NoticeDocument | null> {
  if (!record.output) return null;
  const path = join(dir, record.output);
  const parsed = NoticeDocument.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new ResultsError(`${path} does not match the schema: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Read every record (and document) of one or more output folders, in index order. */
export async function readResults(dirs: readonly string[], options: ReadOptions = {}): Promise<ResultEntry[]> {
  const out: ResultEntry[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new ResultsError(`no such folder: ${dir}`);
    const indexes = indexFiles(await readdir(dir));
    if (indexes.length === 0) throw new ResultsError(`${dir} has no index.jsonl: give the --out folder of \`zhenggai run\``);
    for (const idx of indexes) {
      const lines = (await readFile(join(dir, idx), 'utf8')).split('\n').filter((l) => l.trim());
      for (const line of lines) {
        const record = IndexRecord.parse(JSON.parse(line));
        let doc: NoticeDocument | null = null;
        try {
          doc = await readDocument(dir, record);
        } catch (e) {
          if (!options.onProblem) throw e;
          options.onProblem(join(dir, record.output ?? ''), e instanceof Error ? e.message.split('\n')[0]! : String(e));
        }
        out.push({ dir, record, doc });
      }
    }
  }
  return out;
}
