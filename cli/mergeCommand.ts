/**
 * `zhenggai merge <dirs>... --out <dir>`: join the outputs of shard runs (`run --shard K/N`) into one folder with
 * one index.jsonl. Every document is read back and validated (analyze/readResults.ts); a path claimed by two shards
 * with different contents is a problem; records are sorted by path segments (the order a single run over one folder
 * writes).
 */
import { join, resolve } from 'node:path';
import { readResults, type ResultEntry, ResultsError } from '../analyze/readResults.js';
import { indexName } from '../output/runLayout.js';
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
  let entries: ResultEntry[];
  try {
    entries = await readResults(dirs, {
      onProblem: (path, message) => {
        log(`zhenggai merge: ${path}: ${message}`);
        problems++;
      },
    });
  } catch (e) {
    if (e instanceof ResultsError) throw new UsageError(`${e.message} (merge takes the --out folders of \`run --shard K/N\`)`);
    throw e;
  }
  const byPath = new Map<string, ResultEntry>();
  for (const e of entries) {
    const prev = byPath.get(e.record.path);
    if (prev && prev.record.sha256 !== e.record.sha256) {
      log(`zhenggai merge: ${e.record.path} is in ${prev.dir} and ${e.dir} with different contents; keeping the first`);
      problems++;
    } else if (!prev) byPath.set(e.record.path, e);
  }
  const merged = [...byPath.values()].sort((a, b) => comparePaths(a.record.path, b.record.path));
  const writer = new AtomicWriter();
  for (const { record, dir, doc } of merged) {
    if (record.output === null || doc === null) continue;
    if (resolve(join(dir, record.output)) !== resolve(join(options.out, record.output))) await writer.write(join(options.out, record.output), serializeDocument(doc));
  }
  const index = join(options.out, indexName());
  await writer.write(index, merged.map((r) => `${JSON.stringify(r.record)}\n`).join(''));
  const failed = merged.filter((r) => r.record.status === 'failed').length;
  log(`zhenggai merge: ${merged.length} record(s) from ${dirs.length} folder(s) (${failed} failed files) → ${index}${problems ? `; ${problems} problem(s)` : ''}`);
  return problems > 0 ? 1 : 0;
}
