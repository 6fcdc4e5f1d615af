/**
 * DuckDB in one place: how instances are created (memory limit and threads, so that no analysis step grows past a
 * fixed budget however many documents there are), quoting, and appending a JS value to a column of a given type.
 */
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance, dateValue, LIST, VARCHAR } from '@duckdb/node-api';
import { epochDay } from '../text/isoDate.js';
import type { Column } from './tables.js';

/**
 * DuckDB's memory budget per process, by what the process does (its buffer manager spills to disk beyond it). With
 * Node, jieba and the command's own data, every step stays under 1 GB at 100,000 notices (bench/README.md,
 * bench:scale). ZHENGGAI_DUCKDB_MEMORY overrides every one.
 */
const MEMORY_BUDGETS = {
  /** query: SQL of the user's over the stores, to start with (analyze/queryResults.ts: one that needs more runs again
   *  with more). DuckDB keeps the blocks a query scanned up to its limit: at 100,000 notices, the README queries took
   *  132-142 MB of RSS with 16MB, 144-158 MB with 32MB and 146-165 MB with 384MB, in the same time. */
  query: '16MB',
  /** compare, while the measures' text is read a page at a time (each page a join and a sort of 100,000 measures).
   *  At 100,000 notices: 128MB peaked at 461-475 MB, 80MB at 420-428 MB. Since compare's table of the measures holds
   *  their row in the store rather than their path and id (37 MB in DuckDB, against 65 MB, 23 of them spilled to
   *  disk), 48MB reads them in the same time as 80MB (17.7 against 17.2-19.8 s), and that phase peaks at 365 MB
   *  against 370-404 MB. */
  compare: '48MB',
  /** compare, once the measures are read: narrow tables, beside the units' report data. At 100,000 notices, 64MB
   *  peaked at 397-411 MB in these steps and 32MB at 361-375 MB, in the same time. A statement that needs more (a
   *  window over every pair alike: 1M pairs need 64MB) gets it through runGrowing. */
  compareHeld: '32MB',
  /** compare, while the measures are compared (the comparison's arrays at their largest, 120 MB at 100,000 notices):
   *  the pairs alike go to DuckDB's temporary files as they come. At 100,000 notices, that step ends at 344-349 MB of
   *  RSS against 392-405 MB with 64MB, in the same time, and the steps after it start from there. */
  compareSpill: '16MB',
  /** export: with bounded row groups and partition buffers (cli/exportCommand.ts); its default 384MB gave 389 MB at
   *  10,000 notices and 658 MB at 100,000. 128MB gave 286 and 315-357 MB plain, 299-352 and 303-437 MB partitioned
   *  (DuckDB keeps the blocks it scanned up to its limit, and the allocator what the writers freed); 64MB, with row
   *  groups of 16,384 rows or 4 MB, gives 194-210 and 218-241 MB plain, 219-241 and 239-264 MB partitioned, in the
   *  same time or less. */
  export: '64MB',
  /** build: loading a store, beside the worker threads; 256MB peaked at 784 MB building 100,000 notices, 160MB at
   *  699 MB (10,000 notices: 585-617 MB), a few seconds slower. Large updates too (analyze/store.ts, smallUpdate). */
  build: '160MB',
  /** update: a store brought up to date with a few documents changed (analyze/store.ts, smallUpdate). DuckDB keeps
   *  what it read, up to its limit: the DELETEs read the path column of every table. At 100,000 notices, an update of
   *  1,000 documents took 331 MB of RSS at 160MB and 259-271 MB at 48MB; at 10,000 notices (100 documents), 224 and
   *  206. At 64MB, before a CHECKPOINT followed each table's DELETE, a freshly built store of 100,000 ran out of
   *  memory in one. */
  update: '48MB',
} as const;

/** What a DuckDB instance is for, which sets its memory budget. */
export type MemoryBudget = keyof typeof MEMORY_BUDGETS;

/** The memory limit of an instance: ZHENGGAI_DUCKDB_MEMORY when set, else its budget's. */
export const memoryLimit = (budget: MemoryBudget): string => process.env['ZHENGGAI_DUCKDB_MEMORY'] ?? MEMORY_BUDGETS[budget];

/** DuckDB's error for a statement that needed more memory than its instance's limit (cli/main.ts tests the same
 *  prefix itself, so that commands that never use DuckDB do not load it). */
export const isOutOfMemory = (e: unknown): boolean => e instanceof Error && /^Out of Memory Error/u.test(e.message);

/** The largest limit runGrowing raises an instance to, in MB. */
const GROWN_LIMIT_MB = 1024;

/** A memory limit in MB ('64MB', '1GB', '512MiB'), or null when it is not one of those. */
function limitMB(limit: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB|KiB|MiB|GiB)$/iu.exec(limit.trim());
  if (!m) return null;
  const unit = m[2]!.toUpperCase().replace('I', '');
  return Number(m[1]) * (unit === 'KB' ? 1 / 1024 : unit === 'GB' ? 1024 : 1);
}

/** A limit `factor` times `limit`, in MB ('64MB'); null when that is past GROWN_LIMIT_MB or `limit` is not a size. */
export function grownLimit(limit: string, factor: number): string | null {
  const mb = limitMB(limit);
  return mb === null || mb * factor > GROWN_LIMIT_MB ? null : `${mb * factor}MB`;
}

/**
 * Run a statement within a budget, one that changes nothing when it fails and can simply be run again (CREATE OR
 * REPLACE … AS SELECT, or a transaction of INSERTs rolled back when it fails, given as a function; not a DELETE, which
 * run again found its own rows in conflict, nor a CHECKPOINT, whose running out of memory DuckDB treats as fatal): while
 * DuckDB runs out of memory in an operator that cannot spill (a window over every row, for one), the limit is doubled,
 * up to GROWN_LIMIT_MB, and the statement run again; the budget's limit is set back after (when DuckDB can go back to
 * it). A budget is what a step needs at the sizes measured (bench:scale), not a wall that stops a larger corpus.
 */
export async function runGrowing(conn: DuckDBConnection, sql: string | (() => Promise<void>), budget: MemoryBudget): Promise<void> {
  let limit = memoryLimit(budget);
  let grown = false;
  try {
    for (;;) {
      try {
        await (typeof sql === 'string' ? conn.run(sql) : sql());
        return;
      } catch (e) {
        const next = isOutOfMemory(e) ? grownLimit(limit, 2) : null;
        if (next === null) throw e;
        limit = next;
        grown = true;
        await conn.run(`SET memory_limit = '${limit}'`);
      }
    }
  } finally {
    // Back to the budget's limit; when DuckDB holds more than that now (rows just added), it keeps the larger one.
    if (grown) {
      await setMemoryBudget(conn, budget).catch((e: unknown) => {
        if (!isOutOfMemory(e)) throw e;
      });
    }
  }
}

/** Change the memory limit of a running instance to its budget's (DuckDB lets go of cached blocks above it). */
export async function setMemoryBudget(conn: DuckDBConnection, budget: MemoryBudget): Promise<void> {
  await conn.run(`SET memory_limit = ${quoteLiteral(memoryLimit(budget))}`);
}

/** Create a DuckDB instance on a file (or ':memory:') with the memory of its budget (query by default). */
export async function createDuckDB(path: string, options: { readOnly?: boolean; budget?: MemoryBudget; config?: Record<string, string> } = {}): Promise<DuckDBInstance> {
  return DuckDBInstance.create(path, {
    memory_limit: memoryLimit(options.budget ?? 'query'),
    // Results are ordered where order matters (ORDER BY); without the guarantee, DuckDB streams with less memory.
    preserve_insertion_order: 'false',
    ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
    ...options.config,
  });
}

/** A quoted SQL identifier. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/gu, '""')}"`;

/** A quoted SQL string literal. */
export const quoteLiteral = (s: string): string => `'${s.replace(/'/gu, "''")}'`;

/** Append one value to the next column of an appender's row. */
export function appendValue(appender: DuckDBAppender, type: Column<unknown>['type'], v: ReturnType<Column<unknown>['get']> | undefined): void {
  if (v === null || v === undefined) return appender.appendNull();
  switch (type) {
    case 'VARCHAR':
      return appender.appendVarchar(String(v));
    case 'BIGINT':
      return appender.appendBigInt(BigInt(v as number));
    case 'DOUBLE':
      return appender.appendDouble(v as number);
    case 'BOOLEAN':
      return appender.appendBoolean(v as boolean);
    case 'DATE':
      return appender.appendDate(dateValue(epochDay(v as string)));
    case 'VARCHAR[]':
      return appender.appendList(v as string[], LIST(VARCHAR));
  }
}
