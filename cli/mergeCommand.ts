/**
 * `zhenggai merge <dirs>... --out <dir>`: join the outputs of shard runs (`run --shard K/N`) into one folder with
 * one index.jsonl, one document at a time (memory holds the index records, never the documents).
 *
 * Every document is read back and checked (analyze/readResults.ts) before it is written. Problems are named and
 * the rest is merged, with exit code 1: an index line that is not a record, an output path that is absolute or
 * leaves its folder (never written anywhere), an output that is missing, truncated or not a document (its record
 * left out of the merged index: run that shard again with --resume), and a path claimed by two folders with
 * different contents (the first kept). Records are sorted by path segments (the order a single run over one folder
 * writes).
 */
import { join, resolve } from 'node:path';
import { distinctFolders } from '../analyze/database.js';
import { DocumentError, indexLines, problemText, readDocument, ResultsError, type ResultsProblem } from '../analyze/readResults.js';
import { indexName } from '../output/runLayout.js';
import type { IndexRecord } from '../output/schema.js';
import { AtomicWriter, serializeDocument } from '../output/writeFiles.js';
import { UsageError } from './usageError.js';

/** Compare relative paths segment by segment (a/b before a-c, as a folder walk sorts them). */
function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      // A folder's entries are sorted by name: compare the names at the first difference.
      return x[i]! < y[i]! ? -1 : 1;
    }
  }
  return x.length - y.length;
}

/** Merge shard output folders; returns the exit code (0 merged, 1 problems found). */
export async function mergeCommand(dirs: readonly string[], options: { out: string; log?: (l: string) => void }): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  let problems = 0;
  const problem = (p: ResultsProblem) => {
    log(`zhenggai merge: ${problemText(p)}`);
    problems++;
  };
  const byPath = new Map<string, { dir: string; record: IndexRecord }>();
  try {
    const folders = distinctFolders(dirs, log);
    for (const dir of folders) {
      // Within a folder the last line of a path wins (an index written as a journal may repeat a path).
      const mine = new Map<string, IndexRecord>();
      for await (const l of indexLines(dir, problem)) mine.set(l.record.path, l.record);
      for (const [path, record] of mine) {
        const prev = byPath.get(path);
        if (prev && prev.record.sha256 !== record.sha256) problem({ file: join(dir, path), line: null, message: `is also in ${prev.dir} with different contents; keeping the first` });
        else if (!prev) byPath.set(path, { dir, record });
      }
    }
  } catch (e) {
    if (e instanceof ResultsError) throw new UsageError(`${e.message} (merge takes the --out folders of \`run --shard K/N\`)`);
    throw e;
  }
  const merged = [...byPath.values()].sort((a, b) => comparePaths(a.record.path, b.record.path));
  const writer = new AtomicWriter();
  const kept: IndexRecord[] = [];
  for (const { record, dir } of merged) {
    if (record.output !== null) {
      try {
        const doc = readDocument(dir, record.output);
        if (resolve(join(dir, record.output)) !== resolve(join(options.out, record.output))) await writer.write(join(options.out, record.output), serializeDocument(doc));
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
        problem({ file: join(dir, record.output), line: null, message: `${e.message}; its record is left out of the merged index (run its shard again with --resume)` });
        continue;
      }
    }
    kept.push(record);
  }
  const index = join(options.out, indexName());
  await writer.write(index, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const failed = kept.filter((r) => r.status === 'failed').length;
  log(`zhenggai merge: ${kept.length} record(s) from ${dirs.length} folder(s) (${failed} failed files) → ${index}${problems ? `; ${problems} problem(s)` : ''}`);
  return problems > 0 ? 1 : 0;
}
