/**
 * `zhenggai merge <dirs>... --out <dir>`: join the outputs of shard runs (`run --shard K/N`) into one folder with
 * one index.jsonl. Every document is validated on reading; a path claimed by two shards with different contents
 * is an error; records are sorted by path segments (the order a single run over one folder writes).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IndexRecord, NoticeDocument } from '../output/schema.js';
import { serializeDocument, writeAtomic } from '../output/writeFiles.js';
import { UsageError } from './walkInputs.js';

/** Compare relative paths segment by segment (a/b before a-c, as a folder walk sorts them). */
export function comparePaths(a: string, b: string): number {
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
  const byPath = new Map<string, { record: IndexRecord; dir: string }>();
  let problems = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new UsageError(`not a folder: ${dir}`);
    const indexes = (await readdir(dir)).filter((f) => /^index(?:\.shard-\d+-of-\d+)?\.jsonl$/u.test(f)).sort();
    if (indexes.length === 0) throw new UsageError(`no index.jsonl or index.shard-K-of-N.jsonl in ${dir}: is it the --out folder of a run?`);
    for (const idx of indexes) {
      const lines = (await readFile(join(dir, idx), 'utf8')).split('\n').filter((l) => l.trim());
      for (const line of lines) {
        const record = IndexRecord.parse(JSON.parse(line));
        const prev = byPath.get(record.path);
        if (prev && prev.record.sha256 !== record.sha256) {
          log(`zhenggai merge: ${record.path} is in ${prev.dir} and ${dir} with different contents; keeping the first`);
          problems++;
          continue;
        }
        if (!prev) byPath.set(record.path, { record, dir });
      }
    }
  }
  const records = [...byPath.values()].sort((a, b) => comparePaths(a.record.path, b.record.path));
  for (const { record, dir } of records) {
    if (record.output === null) continue;
    const from = join(dir, record.output);
    const to = join(options.out, record.output);
    try {
      const doc = NoticeDocument.parse(JSON.parse(await readFile(from, 'utf8')));
      if (resolve(from) !== resolve(to)) await writeAtomic(to, serializeDocument(doc));
    } catch (e) {
      log(`zhenggai merge: ${from}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      problems++;
    }
  }
  await writeAtomic(join(options.out, 'index.jsonl'), records.map((r) => `${JSON.stringify(r.record)}\n`).join(''));
  const failed = records.filter((r) => r.record.status === 'failed').length;
  log(`zhenggai merge: ${records.length} record(s) from ${dirs.length} folder(s) (${failed} failed files) → ${join(options.out, 'index.jsonl')}${problems ? `; ${problems} problem(s)` : ''}`);
  return problems > 0 ? 1 : 0;
}
