/**
 * Checks the command line makes before a command runs, so that a command given a wrong path fails at once with a
 * usage error naming it, instead of failing half way (an existing file where an output folder should go used to
 * surface as `internal error: EEXIST`), and so that a command with nothing to work on says so instead of writing
 * empty results with exit code 0. Each check is cheap: it reads no document.
 */
import { createReadStream, type Stats, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { indexFiles } from '../output/runLayout.js';
import { UsageError } from './usageError.js';

/**
 * Check an output folder given on the command line (`option` names the option for the message, e.g. `--out`):
 * when it exists it must be a folder, and so must the nearest of the folders above it that exists (the command
 * creates the missing ones). Throws a UsageError naming the path otherwise.
 */
export function checkOutFolder(path: string, option: string): void {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`cannot use ${option} ${path}: ${(e as Error).message}`);
    // The nearest existing folder above must be a folder, or nothing can be created below it.
    for (let p = dirname(resolve(path)); ; p = dirname(p)) {
      let above: Stats | null = null;
      try {
        above = statSync(p);
      } catch {
        /* missing too: look further up */
      }
      if (above) {
        if (!above.isDirectory()) throw new UsageError(`${option} ${path} cannot be created: ${p} is a file, not a folder; give ${option} a folder`);
        return;
      }
      if (dirname(p) === p) return;
    }
  }
  if (!st.isDirectory()) throw new UsageError(`${option} ${path} is an existing file, not a folder; give ${option} a folder (it is created if missing)`);
}

/** What the index files of a run's output folders list: records, and records with a JSON document to read. */
interface IndexTally {
  /** Index records (lines that parse as records). */
  records: number;
  /** Records of a processed notice (status ok or partial) whose JSON document was written. */
  documents: number;
  /** Records of failed files. */
  failed: number;
  /** Records of processed notices whose run wrote no JSON (run --to md or --to chunks). */
  withoutJson: number;
  /** Folders given that do not exist or hold no index file (not a run's output: the command says so itself). */
  unindexed: number;
}

/** One index line's fields, or null when the line is not a record. */
function recordFields(line: string): { output: unknown; status: unknown } | null {
  try {
    const r = JSON.parse(line) as Record<string, unknown> | null;
    return r !== null && typeof r === 'object' && typeof r['path'] === 'string' && 'status' in r ? { output: r['output'], status: r['status'] } : null;
  } catch {
    return null;
  }
}

/**
 * Tally the index records of the folders, stopping at the first processed document when `untilDocument` (a command
 * that only needs to know that there is something to read stops reading there). Folders that do not exist or hold
 * no index add nothing: the command itself says what is wrong with them.
 */
async function tallyIndexes(dirs: readonly string[], untilDocument = false): Promise<IndexTally> {
  const tally: IndexTally = { records: 0, documents: 0, failed: 0, withoutJson: 0, unindexed: 0 };
  for (const dir of new Set(dirs.map((d) => resolve(d)))) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      tally.unindexed++;
      continue;
    }
    const indexes = indexFiles(names);
    if (indexes.length === 0) tally.unindexed++;
    for (const name of indexes) {
      const lines = createInterface({ input: createReadStream(join(dir, name), 'utf8'), crlfDelay: Infinity });
      try {
        for await (const line of lines) {
          const r = line.trim() ? recordFields(line) : null;
          if (!r) continue;
          tally.records++;
          if (r.status === 'failed') tally.failed++;
          else if (typeof r.output === 'string') tally.documents++;
          else tally.withoutJson++;
          if (untilDocument && tally.documents > 0) return tally;
        }
      } catch {
        /* an unreadable index: the command reports it */
      } finally {
        lines.close();
      }
    }
  }
  return tally;
}

/** Thrown when the inputs hold nothing to work on; `exitCode` 1 (everything failed) or 2 (nothing given). */
export class NothingToDoError extends Error {
  override name = 'NothingToDoError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * The reason a command that reads the documents of run output folders (compare) has nothing to work on, or null
 * when there is at least one processed notice. Exit code 2 when the folders list no notice at all, 1 when every
 * notice they list failed; in both cases the command writes nothing.
 */
function nothingToRead(command: string, dirs: readonly string[], t: IndexTally): NothingToDoError | null {
  // A folder that is not a run's output at all is the command's own usage error, which names it.
  if (t.documents > 0 || t.unindexed > 0) return null;
  const where = dirs.join(', ');
  if (t.records === 0) {
    return new NothingToDoError(
      `${where} list${dirs.length === 1 ? 's' : ''} no notices (empty index): ${command} expects the --out folder of a \`zhenggai run\` that processed at least one notice; nothing was written`,
      2,
    );
  }
  if (t.withoutJson > 0) {
    return new NothingToDoError(
      `${where}: the ${t.withoutJson} notice(s) processed have no JSON document (the run wrote only --to md or --to chunks); ${command} reads the JSON: rerun with --to json,md (add --resume to keep what is there); nothing was written`,
      2,
    );
  }
  return new NothingToDoError(
    `${where}: all ${t.failed} notice(s) listed failed (their errors are in the index's error fields), so there is nothing to ${command}; nothing was written`,
    1,
  );
}

/** The checks of `compare` before it runs: its --out is a folder (or can be made), and the folders given list at
 *  least one processed notice whose JSON document can be read. */
export async function checkCompareInputs(dirs: readonly string[], out: string): Promise<void> {
  checkOutFolder(out, '--out');
  const empty = nothingToRead('compare', dirs, await tallyIndexes(dirs, true));
  if (empty) throw empty;
}

/**
 * Before `query` and `export`: a warning on stderr when the folders' processed notices have no JSON document (a run
 * with --to md or --to chunks only). Their tables then hold the index's rows without any item, which would
 * otherwise look like notices with nothing in them. Reading stops at the first JSON document found.
 */
export async function warnWithoutJson(command: string, dirs: readonly string[]): Promise<void> {
  const t = await tallyIndexes(dirs, true);
  if (t.documents > 0 || t.withoutJson === 0) return;
  process.stderr.write(
    `zhenggai: warning: ${dirs.join(', ')}: the ${t.withoutJson} notice(s) processed have no JSON document (the run wrote only --to md or --to chunks), so the tables hold no sections, measures or figures; ${command} reads the JSON: rerun with --to json,md (add --resume to keep what is there)\n`,
  );
}
