/**
 * The layout of a run's output folder, in one place: where each input's document goes, what the index files are
 * called (index.jsonl, or index.shard-K-of-N.jsonl for a shard), the run's lock and resume files, and how temporary
 * files are named while they are written (so that a run can remove what a killed run left, and nothing else).
 */
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The longest file name (one path component) Linux, macOS and Windows file systems accept, in bytes. */
export const NAME_MAX_BYTES = 255;

/**
 * The output file of an input's relative path: the path plus `.json` (the extension stays: x.txt and x.pdf never
 * collide). `variant` > 0 gives the alternative `<path>~<variant>.json`, for an output whose plain name another
 * output's folder takes (a folder x.txt.json/ of inputs beside x.txt). A last component that would pass
 * NAME_MAX_BYTES is cut at a character boundary and given `~` and 8 hex digits of the SHA-256 of the whole name, so
 * that every name the file system accepts as an input has an output name it accepts too.
 */
export function outputName(relPath: string, variant = 0): string {
  const slash = relPath.lastIndexOf('/');
  const dir = relPath.slice(0, slash + 1);
  const name = relPath.slice(slash + 1);
  const suffix = `${variant > 0 ? `~${variant}` : ''}.json`;
  if (Buffer.byteLength(name + suffix) <= NAME_MAX_BYTES) return `${dir}${name}${suffix}`;
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const room = NAME_MAX_BYTES - Buffer.byteLength(tag + suffix);
  let cut = '';
  for (const ch of name) {
    if (Buffer.byteLength(cut + ch) > room) break;
    cut += ch;
  }
  return `${dir}${cut}${tag}${suffix}`;
}

/** The index file of a run: index.jsonl, or index.shard-K-of-N.jsonl for shard K of N (N > 1). */
export function indexName(shard?: { index: number; count: number }): string {
  return shard && shard.count > 1 ? `index.shard-${shard.index}-of-${shard.count}.jsonl` : 'index.jsonl';
}

/** The names of index files in an output folder. */
const INDEX_FILE = /^index(?:\.shard-\d+-of-\d+)?\.jsonl$/u;

/** The index files of an output folder's listing, sorted. */
export const indexFiles = (names: readonly string[]): string[] => names.filter((n) => INDEX_FILE.test(n)).sort();

/** The lock a run holds on its output folder while it runs (cli/run/runLock.ts): one run per folder at a time. */
export const LOCK_NAME = '.zhenggai-run.lock';

/**
 * The records of an earlier run that a --resume run has not confirmed yet. A resumed run moves the old index here
 * and starts index.jsonl afresh, so that index.jsonl never holds two lines for one input; the file is removed when
 * the run writes its final index. Only --resume reads it.
 */
export const resumeName = (index: string): string => `.zhenggai-resume.${index}`;

/** What marks a temporary file: a hidden name (walks and readers pass over it) with pid-thread-counter. */
const TMP_MARK = '.zhenggai-tmp-';
const TEMPORARY_NAME = /^\.zhenggai-tmp-\d+-\d+-\d+$/u;
/** The temporaries of earlier versions: `<output>.tmp-pid-thread-counter`. */
const OLD_TEMPORARY_NAME = /\.tmp-\d+-\d+-\d+$/u;

/**
 * The temporary file number `counter` of thread `tid` of this process, in `dir`. The name does not depend on the
 * file being written, so that it is short whatever that file's name is (a long name plus a suffix would pass
 * NAME_MAX_BYTES).
 */
export const temporaryPath = (dir: string, tid: number, counter: number): string => join(dir, `${TMP_MARK}${process.pid}-${tid}-${counter}`);

/** Remove the temporary files a killed run left anywhere under `dir` (before a run writes there again: the run's
 *  lock guarantees that no other run is writing there). */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries.filter((e) => e.isFile() && (TEMPORARY_NAME.test(e.name) || OLD_TEMPORARY_NAME.test(e.name))).map((e) => rm(join(e.parentPath, e.name), { force: true })),
  );
}

/** Remove what thread `tid` of this process (every thread when `tid` is null), stopped while writing into `dir`,
 *  may have left there. */
export async function removeTemporariesOf(dir: string, tid: number | null): Promise<void> {
  const prefix = `${TMP_MARK}${process.pid}-${tid === null ? '' : `${tid}-`}`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dir, n), { force: true })));
}
