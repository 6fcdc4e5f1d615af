/**
 * Reading a run's output folder back: index.jsonl records and the documents they point to, each validated
 * against the contract again on reading (architecture.md, principle 8).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexRecord, NoticeDocument } from '../output/schema.js';

/** One processed notice: its index record and document (null when the file failed before producing text). */
export interface ResultEntry {
  dir: string;
  record: IndexRecord;
  doc: NoticeDocument | null;
}

/** A folder that is not a run's output. */
export class ResultsError extends Error {}

/** Read every record (and document) of one or more output folders, in index order. */
export async function readResults(dirs: readonly string[]): Promise<ResultEntry[]> {
  const out: ResultEntry[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new ResultsError(`no such folder: ${dir}`);
    const indexes = (await readdir(dir)).filter((f) => /^index(?:\.shard-\d+-of-\d+)?\.jsonl$/u.test(f)).sort();
    if (indexes.length === 0) throw new ResultsError(`${dir} has no index.jsonl: give the --out folder of \`zhenggai run\``);
    for (const idx of indexes) {
      const lines = (await readFile(join(dir, idx), 'utf8')).split('\n').filter((l) => l.trim());
      for (const line of lines) {
        const record = IndexRecord.parse(JSON.parse(line));
        let doc: NoticeDocument | null = null;
        if (record.output) {
          const parsed = NoticeDocument.safeParse(JSON.parse(await readFile(join(dir, record.output), 'utf8')));
          if (!parsed.success) throw new ResultsError(`${join(dir, record.output)} does not match the schema: ${parsed.error.issues[0]?.message}`);
          doc = parsed.data;
        }
        out.push({ dir, record, doc });
      }
    }
  }
  return out;
}
