/**
 * The layout of a run's output folder, in one place: where each input's document goes, what the index files are
 * called (index.jsonl, or index.shard-K-of-N.jsonl for a shard), and how temporary files are named while they are
 * written (so that a run can remove what a killed run left, and nothing else).
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The output file of an input's relative path (the extension stays: x.txt and x.pdf never collide). */
export const outputName = (relPath: string): string => `${relPath}.json`;

/** The index file of a run: index.jsonl, or index.shard-K-of-N.jsonl for shard K of N (N > 1). */
export function indexName(shard?: { index: number; count: number }): string {
  return shard && shard.count > 1 ? `index.shard-${shard.index}-of-${shard.count}.jsonl` : 'index.jsonl';
}

/** The names of index files in an output folder. */
const INDEX_FILE = /^index(?:\.shard-\d+-of-\d+)?\.jsonl$/u;

/** The index files of an output folder's listing, sorted. */
export const indexFiles = (names: readonly string[]): string[] => names.filter((n) => INDEX_FILE.test(n)).sort();

/** What marks a temporary file: TMP_MARK, then pid-thread-counter. */
const TMP_MARK = '.tmp-';
const TEMPORARY_NAME = new RegExp(`${TMP_MARK.replace('.', '\\.')}\\d+-\\d+-\\d+$`, 'u');

/** The start of the temporary names under which thread `tid` of this process writes `path`. */
export const temporaryPrefix = (path: string, tid: number): string => `${path}${TMP_MARK}${process.pid}-${tid}-`;

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
