/**
 * DuckDB in one place: how instances are created (memory limit and threads, so that no analysis step grows past a
 * fixed budget however many documents there are), quoting, and appending a JS value to a column of a given type.
 */
import { type DuckDBAppender, DuckDBInstance, dateValue, LIST, VARCHAR } from '@duckdb/node-api';
import { epochDay } from '../text/isoDate.js';
import type { Column } from './tables.js';

/**
 * DuckDB's memory budget per process (its buffer manager spills to disk beyond it). With Node, jieba and the
 * command's own data, a step stays under 1 GB (bench/README.md, bench:scale). ZHENGGAI_DUCKDB_MEMORY overrides it.
 */
const MEMORY_LIMIT = '384MB';

/** The memory limit of an instance: ZHENGGAI_DUCKDB_MEMORY when set, else the command's own, else MEMORY_LIMIT. */
export const memoryLimit = (own?: string): string => process.env['ZHENGGAI_DUCKDB_MEMORY'] ?? own ?? MEMORY_LIMIT;

/** Create a DuckDB instance on a file (or ':memory:'). `memoryLimit`: the command's own limit (see memoryLimit). */
export async function createDuckDB(path: string, options: { readOnly?: boolean; memoryLimit?: string; config?: Record<string, string> } = {}): Promise<DuckDBInstance> {
  return DuckDBInstance.create(path, {
    memory_limit: memoryLimit(options.memoryLimit),
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
