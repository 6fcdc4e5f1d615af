/** Run SQL over results and render the answer as an aligned table, CSV or JSON. */
import { DuckDBListValue, type DuckDBValue } from '@duckdb/node-api';
import type { ResultsDatabase } from './database.js';

/** A plain JSON value for a DuckDB value: BIGINT/DECIMAL → number, DATE → 'YYYY-MM-DD', LIST → array. */
function jsonValue(v: DuckDBValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof DuckDBListValue) return v.items.map(jsonValue);
  const s = String(v);
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/iu.test(s) ? Number(s) : s;
}

/** Rows of a query as plain objects, with the column names in order. */
export async function query(db: ResultsDatabase, sql: string): Promise<{ columns: string[]; rows: Array<Record<string, unknown>> }> {
  const reader = await db.connection.runAndReadAll(sql);
  const columns = reader.columnNames();
  const rows = reader.getRowObjects().map((r) => Object.fromEntries(columns.map((c) => [c, jsonValue(r[c] ?? null)])));
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

/** An aligned text table (long cells cut to 60 columns). */
export function renderTable(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const cut = (s: string) => {
    if (displayWidth(s) <= 60) return s;
    let out = '';
    for (const ch of s) {
      if (displayWidth(out + ch) > 59) break;
      out += ch;
    }
    return `${out}…`;
  };
  const grid = [columns.map(String), ...rows.map((r) => columns.map((c) => cut(cell(r[c]).replace(/\s+/gu, ' '))))];
  const widths = columns.map((_, i) => Math.max(...grid.map((row) => displayWidth(row[i]!))));
  const line = (row: string[]) => row.map((s, i) => s + ' '.repeat(widths[i]! - displayWidth(s))).join('  ').trimEnd();
  return `${[line(grid[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...grid.slice(1).map(line)].join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

/** RFC 4180 CSV with a header row. */
export function renderCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const esc = (s: string) => (/[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
  return `${[columns.map(esc).join(','), ...rows.map((r) => columns.map((c) => esc(cell(r[c]))).join(','))].join('\n')}\n`;
}
