/**
 * `zhenggai export <out-dir>... --parquet <dir> [--partition-by kind,year,shard]`: every table of the stores as
 * Parquet, streamed by DuckDB from the stores (nothing is held in memory whole).
 *
 * Without partitioning, each table is one file `<dir>/<table>.parquet`. With it, each table is a folder of Hive
 * partitions `<dir>/<table>/inspection_kind=巡视/published_year=2024/data_0.parquet` (DuckDB percent-encodes the
 * names; a missing value is __HIVE_DEFAULT_PARTITION__), which Spark (spark.read.parquet) and DuckDB
 * (read_parquet('…/**\/*.parquet', hive_partitioning = true)) read directly. Every item is partitioned by its
 * document's values; `shard` is the position of the results folder on the command line (0, 1, …).
 *
 * Each table is written under a temporary name and renamed into place, so an interrupted export leaves the previous
 * files whole; a folder in the way is replaced only when it holds nothing but an earlier export's partitions.
 *
 * Memory: DuckDB gets its export budget (analyze/duckdb.ts; ZHENGGAI_DUCKDB_MEMORY overrides it) and writes row
 * groups of at most 16,384 rows or 4 MB (PARQUET_OPTIONS), its threads handing rows to the partitions every 16,384
 * (PARTITION_FLUSH_ROWS), so that the Parquet writers' buffers stay small whatever the size of the corpus
 * (bench/README.md: at 10,000 and 100,000 notices). When DuckDB still runs out of memory, the message says how to
 * give it more.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { isOutOfMemory, memoryLimit, quoteIdent, quoteLiteral } from '../analyze/duckdb.js';
import { queryAll } from '../analyze/queryResults.js';
import { TABLES } from '../analyze/tables.js';
import { openForCommand } from './queryCommand.js';
import { UsageError } from './usageError.js';

/** The row groups export writes: a writer holds its row group until it is full, and a partitioned export one per
 *  partition, which cannot spill (bench/README.md: with DuckDB's default of 122,880 rows, and 384MB of memory, the
 *  peak RSS grew from 389 MB at 10,000 notices to 658 MB at 100,000; with 100,000 rows or 16 MB, and 128MB, the
 *  partitioned export took 303-437 MB at 100,000 against 299-352 at 10,000). */
const PARQUET_OPTIONS = "FORMAT parquet, ROW_GROUP_SIZE 16384, ROW_GROUP_SIZE_BYTES '4MB'";

/** Rows a thread of a partitioned COPY gathers before it hands them to the partitions' writers. DuckDB's default,
 *  524,288, is the whole of a table of 100,000 notices (documents) or a third of one (sections): each thread held
 *  that many rows, outside what DuckDB can spill, and ran out of memory at 64MB. */
const PARTITION_FLUSH_ROWS = 16384;

/** A partitioning key: the column it adds and how a row gets its value (`d` is the row's document). */
const PARTITIONS = {
  kind: { column: 'inspection_kind', value: 'd.inspection_kind' },
  year: { column: 'published_year', value: 'year(d.published_date)' },
  shard: { column: 'shard', value: '' },
} as const;

export type PartitionKey = keyof typeof PARTITIONS;

/** Parse --partition-by: a comma-separated list of kind, year, shard. */
export function parsePartitionBy(v: string): PartitionKey[] {
  const keys = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = keys.filter((k) => !(k in PARTITIONS));
  if (bad.length > 0 || keys.length === 0) throw new UsageError(`--partition-by takes kind, year or shard (comma-separated), not ${bad.join(', ') || 'nothing'}`);
  return [...new Set(keys)] as PartitionKey[];
}

/** True when `path` holds only what an export writes: Parquet files and key=value folders of them. */
function isExportFolder(path: string): boolean {
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.isDirectory() ? !/^[^=]+=/u.test(e.name) || !isExportFolder(join(path, e.name)) : !(e.isFile() && e.name.endsWith('.parquet'))) return false;
  }
  return true;
}

/** Remove an earlier export of a table at `path` (a file or a partition folder); refuse anything else. */
function clearTarget(path: string): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isFile() && path.endsWith('.parquet')) rmSync(path);
  else if (st.isDirectory() && isExportFolder(path)) rmSync(path, { recursive: true });
  else throw new UsageError(`${path} is in the way and is not an earlier export (only .parquet files and key=value folders are replaced); move it or choose another --parquet folder`);
}

/** DuckDB ran out of its memory limit: what to do. */
class ExportMemoryError extends Error {
  override name = 'ExportMemoryError';
}

/** Run a COPY into `tmp`; on failure remove what it wrote, and name an out-of-memory error with its remedy. */
async function copy(conn: DuckDBConnection, sql: string, tmp: string, table: string): Promise<void> {
  try {
    await conn.run(sql);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (isOutOfMemory(e)) {
      throw new ExportMemoryError(
        `DuckDB ran out of memory writing ${table} (its limit is ${memoryLimit('export')}): set ZHENGGAI_DUCKDB_MEMORY to more (e.g. ZHENGGAI_DUCKDB_MEMORY=1GB) and run export again`,
      );
    }
    throw e;
  }
}

/** Export every table; resolves to the exit code. */
export async function exportCommand(dirs: readonly string[], options: { parquet: string; partitionBy?: PartitionKey[]; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const partitionBy = options.partitionBy ?? [];
  const db = await openForCommand('export', dirs, { externalAccess: true, budget: 'export', log });
  if (!db) return 1;
  try {
    const dest = resolve(options.parquet);
    await mkdir(dest, { recursive: true });
    if (partitionBy.length > 0) await db.connection.run(`SET partitioned_write_flush_threshold = ${PARTITION_FLUSH_ROWS}`);
    for (const t of TABLES) {
      const name = quoteIdent(t.name);
      const n = Number((await queryAll(db, `SELECT count(*) AS n FROM main.${name}`)).rows[0]?.['n'] ?? 0);
      const tmp = join(dest, `.${t.name}.tmp-${process.pid}`);
      rmSync(tmp, { recursive: true, force: true });
      if (partitionBy.length === 0) {
        await copy(db.connection, `COPY (SELECT * FROM main.${name}) TO ${quoteLiteral(tmp)} (${PARQUET_OPTIONS})`, tmp, t.name);
        const target = join(dest, `${t.name}.parquet`);
        clearTarget(target);
        clearTarget(join(dest, t.name));
        renameSync(tmp, target);
        log(`zhenggai export: ${t.name}: ${n} rows → ${target}`);
        continue;
      }
      // Each store's rows with their document's partition values (a document's own row for `documents`).
      const selects = db.stores.map((_, i) => {
        const extra = partitionBy
          .filter((k) => !(t.name === 'documents' && k === 'kind'))
          .map((k) => `${k === 'shard' ? String(i) : PARTITIONS[k].value.replace(/\bd\./gu, t.name === 'documents' ? 't.' : 'd.')} AS ${PARTITIONS[k].column}`);
        const join_ = t.name === 'documents' || partitionBy.every((k) => k === 'shard') ? '' : ` LEFT JOIN s${i}.main.documents d ON d.path = t.path`;
        return `SELECT t.*${extra.map((e) => `, ${e}`).join('')} FROM s${i}.main.${name} t${join_}`;
      });
      const columns = partitionBy.map((k) => PARTITIONS[k].column).join(', ');
      await copy(db.connection, `COPY (${selects.join(' UNION ALL ')}) TO ${quoteLiteral(tmp)} (${PARQUET_OPTIONS}, PARTITION_BY (${columns}))`, tmp, t.name);
      await mkdir(tmp, { recursive: true }); // an empty table writes no partition
      const target = join(dest, t.name);
      clearTarget(target);
      clearTarget(join(dest, `${t.name}.parquet`));
      renameSync(tmp, target);
      log(`zhenggai export: ${t.name}: ${n} rows → ${target}/ (partitioned by ${columns})`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof ExportMemoryError)) throw e;
    log(`zhenggai export: ${e.message}`);
    return 1;
  } finally {
    db.close();
  }
}
