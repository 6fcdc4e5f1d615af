/**
 * Run SQL over the results and write the answer as an aligned table, CSV or JSON, streamed chunk by chunk (a query
 * returning millions of rows never sits in memory whole).
 *
 * Read-only: unless external access was asked for, only SELECT (with WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE, PIVOT:
 * DuckDB's read statements) and EXPLAIN run, and DuckDB's external access is off, so no statement reads or writes a
 * file (analyze/database.ts).
 */
import { DuckDBListValue, type DuckDBValue, StatementType } from '@duckdb/node-api';
import { csvCell } from './csv.js';
import type { ResultsDatabase } from './database.js';
import { isOutOfMemory } from './duckdb.js';

/** The option that lets SQL read and write files. */
const EXTERNAL_ACCESS_FLAG = '--allow-external-access';

/** A statement `query` does not run (not read-only), or SQL DuckDB refuses; the message says why. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    message: string,
    /** True when the statement was refused for touching files or changing the database. */
    readonly refused: boolean,
  ) {
    super(message);
  }
}

const READ_ONLY_MESSAGE =
  `query is read-only: it runs SELECT (and EXPLAIN) over the results, with DuckDB's external access off, so no statement ` +
  `reads or writes other files (COPY … TO, ATTACH, EXPORT DATABASE, read_csv/read_parquet of a path, INSTALL/LOAD) or changes the tables. ` +
  `To let SQL read and write files, run it again with ${EXTERNAL_ACCESS_FLAG}.`;

/** A plain JSON value for a DuckDB value: BIGINT/DECIMAL → number, DATE → 'YYYY-MM-DD', LIST → array. */
function jsonValue(v: DuckDBValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof DuckDBListValue) return v.items.map(jsonValue);
  const s = String(v);
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/iu.test(s) ? Number(s) : s;
}

/** Where the rows of an answer go. */
export interface RowSink {
  start(columns: readonly string[]): void;
  rows(rows: ReadonlyArray<Record<string, unknown>>): void;
  end(): void;
  /** Called after each chunk: wait here while the output is behind. */
  drain?(): Promise<void>;
}

const READ_STATEMENTS = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/** Options of runQuery. */
export interface QueryRunOptions {
  /** Let SQL read and write files. */
  externalAccess?: boolean;
  /** Run the query again with more memory when it needs it (below). Only for a database that holds nothing but the
   *  stores: the new instance has nothing else. */
  growMemory?: boolean;
}

/** How much DuckDB's limit grows each time a query runs out of memory before its first row. */
const MEMORY_GROWTH = 4;

/**
 * Run `sql` (one or more statements; the last one's answer goes to the sink). With `growMemory`, a query that runs
 * out of DuckDB's memory before the sink has been given anything (a sort, a join, a `list` over every row all need
 * their memory before the first row comes) runs again from its first statement, in a new instance with
 * MEMORY_GROWTH times the limit, up to 1 GB (ResultsDatabase.growMemory). A query thus starts with a small limit,
 * which keeps few of the blocks DuckDB caches of the tables it scans, and only one that needs more gets it. Past
 * 1 GB, or once rows have been written, DuckDB's error is thrown as it is (cli/main.ts names ZHENGGAI_DUCKDB_MEMORY).
 */
export async function runQuery(db: ResultsDatabase, sql: string, sink: RowSink, options: QueryRunOptions = {}): Promise<void> {
  for (;;) {
    const output = { started: false };
    try {
      await runStatements(db, sql, sink, options, output);
      return;
    } catch (e) {
      if (!options.growMemory || !isOutOfMemory(e) || output.started || !(await db.growMemory(MEMORY_GROWTH))) throw e;
    }
  }
}

/** One attempt of runQuery: `output.started` is set once the sink has been given something. */
async function runStatements(db: ResultsDatabase, sql: string, sink: RowSink, options: QueryRunOptions, output: { started: boolean }): Promise<void> {
  const fail = (e: unknown): never => {
    if (isOutOfMemory(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/disabled by configuration|disabled through configuration|configuration has been locked/u.test(message)) throw new QueryError(`${READ_ONLY_MESSAGE}\n(DuckDB: ${message.split('\n')[0]})`, true);
    throw new QueryError(`SQL error: ${message}`, false);
  };
  const statements = await db.connection.extractStatements(sql).catch(fail);
  if (statements.count === 0) throw new QueryError('SQL error: no statement given', false);
  for (let k = 0; k < statements.count; k++) {
    const prepared = await statements.prepare(k).catch(fail);
    if (!options.externalAccess && !READ_STATEMENTS.has(prepared.statementType)) {
      throw new QueryError(`${READ_ONLY_MESSAGE}\n(statement ${k + 1} is ${StatementType[prepared.statementType]})`, true);
    }
    if (k < statements.count - 1) {
      await prepared.run().catch(fail);
      continue;
    }
    const result = await prepared.stream().catch(fail);
    const columns = result.columnNames();
    // The header waits for the first chunk: until then, running out of memory leaves nothing written.
    for (;;) {
      const chunk = await result.fetchChunk().catch(fail);
      if (!output.started) {
        output.started = true;
        sink.start(columns);
      }
      if (!chunk || chunk.rowCount === 0) break;
      sink.rows(chunk.getRows().map((r) => Object.fromEntries(columns.map((c, i) => [c, jsonValue(r[i] ?? null)]))));
      await sink.drain?.();
    }
    sink.end();
  }
}

/** Rows of a query as plain objects, with the column names in order (for callers that want them all). */
export async function queryAll(db: ResultsDatabase, sql: string): Promise<{ columns: string[]; rows: Array<Record<string, unknown>> }> {
  let columns: string[] = [];
  const rows: Array<Record<string, unknown>> = [];
  await runQuery(db, sql, { start: (c) => (columns = [...c]), rows: (r) => rows.push(...r), end: () => {} }, { externalAccess: true });
  return { columns, rows };
}

/** Display width of a string: East Asian wide characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cell).join('; ');
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
};

/** Cut a string to a display width, marking the cut with …. */
function cut(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Rows whose widths set the table's columns; later rows are cut to them. */
const TABLE_SAMPLE_ROWS = 10_000;

/** An aligned text table (cells cut to 60 columns): widths from the first rows, then streamed. */
export function tableSink(write: (s: string) => void): RowSink {
  let columns: readonly string[] = [];
  let widths: number[] | null = null;
  const pending: string[][] = [];
  let n = 0;
  const line = (row: readonly string[]) => row.map((s, i) => s + ' '.repeat(Math.max(0, widths![i]! - displayWidth(s)))).join('  ').trimEnd();
  const settle = () => {
    widths = columns.map((c, i) => Math.max(displayWidth(c), ...pending.map((r) => displayWidth(r[i]!))));
    write(`${line(columns)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
    for (const r of pending) write(`${line(r)}\n`);
    pending.length = 0;
  };
  return {
    start: (c) => {
      columns = c;
    },
    rows: (rows) => {
      for (const r of rows) {
        n++;
        const cells = columns.map((c) => cut(cell(r[c]).replace(/\s+/gu, ' '), 60));
        if (widths) write(`${line(cells.map((s, i) => cut(s, widths![i]!)))}\n`);
        else {
          pending.push(cells);
          if (pending.length >= TABLE_SAMPLE_ROWS) settle();
        }
      }
    },
    end: () => {
      if (!widths) settle();
      write(`(${n} row${n === 1 ? '' : 's'})\n`);
    },
  };
}

/** RFC 4180 CSV with a header row; text a spreadsheet would run as a formula is neutralized (analyze/csv.ts). */
export function csvSink(write: (s: string) => void): RowSink {
  let columns: readonly string[] = [];
  return {
    start: (c) => {
      columns = c;
      write(`${c.map(csvCell).join(',')}\n`);
    },
    rows: (rows) => write(rows.map((r) => `${columns.map((c) => csvCell(r[c])).join(',')}\n`).join('')),
    end: () => {},
  };
}

/** A JSON array of row objects (two-space indentation, as JSON.stringify(rows, null, 2)). */
export function jsonSink(write: (s: string) => void): RowSink {
  let first = true;
  return {
    start: () => {},
    rows: (rows) => {
      for (const r of rows) {
        write(`${first ? '[\n' : ',\n'}  ${JSON.stringify(r, null, 2).replace(/\n/gu, '\n  ')}`);
        first = false;
      }
    },
    end: () => write(first ? '[]\n' : '\n]\n'),
  };
}
