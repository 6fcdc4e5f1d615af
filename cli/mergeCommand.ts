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
 *
 * Before anything is read or written, the shards are counted: the index files are named index.shard-K-of-N.jsonl,
 * so when shards of N are given and some K is missing, merge refuses (a usage error naming the missing shards)
 * unless --partial is given, and then says which are missing. A folder given twice (by any path) counts once.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { distinctFolders } from '../analyze/database.js';
import { DocumentError, indexLines, problemText, readDocument, ResultsError, type ResultsProblem } from '../analyze/readResults.js';
import { indexFiles, indexName } from '../output/runLayout.js';
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

/** The shards of N (run --shard K/N) whose index files are among the folders', as K by N, with the folders holding them. */
function shardsGiven(folders: readonly string[]): Map<number, Map<number, string>> {
  const byCount = new Map<number, Map<number, string>>();
  for (const dir of folders) {
    for (const name of indexFiles(readdirSync(dir))) {
      const m = /^index\.shard-(\d+)-of-(\d+)\.jsonl$/u.exec(name);
      if (!m) continue;
      const [k, n] = [Number(m[1]), Number(m[2])];
      const given = byCount.get(n) ?? new Map<number, string>();
      if (!given.has(k)) given.set(k, dir);
      byCount.set(n, given);
    }
  }
  return byCount;
}

/** "0, 2 and 5" */
const listed = (xs: readonly number[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/**
 * Check that every shard of each split the index files name is given; a missing one is a usage error unless
 * `partial`, and then a warning.
 */
function checkShards(folders: readonly string[], partial: boolean, log: (l: string) => void): void {
  for (const [n, given] of [...shardsGiven(folders)].sort((a, b) => a[0] - b[0])) {
    const missing = Array.from({ length: n }, (_, k) => k).filter((k) => !given.has(k));
    if (missing.length === 0) continue;
    const have = [...given.keys()].sort((a, b) => a - b);
    const what = `${have.length} of ${n} shards given (index.shard-K-of-${n}.jsonl for K = ${listed(have)}); missing: ${missing.map((k) => `shard ${k}/${n}`).join(', ')}`;
    if (!partial) {
      throw new UsageError(
        `${what}. Give the --out folder of every \`run --shard K/${n}\`, or add --partial to merge the shards given (the merged index then lacks the missing shards' files)`,
      );
    }
    log(`zhenggai merge: warning: ${what}; merging the shards given (--partial)`);
  }
}

/** Merge shard output folders; returns the exit code (0 merged, 1 problems found). `partial`: merge even when
 *  some shards of a split are missing. */
export async function mergeCommand(dirs: readonly string[], options: { out: string; partial?: boolean; log?: (l: string) => void }): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  let problems = 0;
  const problem = (p: ResultsProblem) => {
    log(`zhenggai merge: ${problemText(p)}`);
    problems++;
  };
  const byPath = new Map<string, { dir: string; record: IndexRecord }>();
  let folders: string[];
  try {
    folders = distinctFolders(dirs, log);
    checkShards(folders, options.partial ?? false, log);
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
  log(`zhenggai merge: ${kept.length} record(s) from ${folders.length} folder(s) (${failed} failed files) → ${index}${problems ? `; ${problems} problem(s)` : ''}`);
  return problems > 0 ? 1 : 0;
}
