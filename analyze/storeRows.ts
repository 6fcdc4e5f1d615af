/**
 * What loading one document into the store takes, as a pure function (analyze/store.ts runs it in its own thread
 * for a few documents, in worker threads for many: analyze/storeWorker.ts): read and check the output, make the rows
 * of every table (analyze/tables.ts) as JSON text for DuckDB's from_json, and the values of its bookkeeping row.
 */
import type { IndexRecord } from '../output/schema.js';
import { DocumentError, readDocument } from './readResults.js';
import { type Column, TABLES } from './tables.js';
import { noticeDate, unitKey } from './units.js';

/** An index record to load, as the scan saw it. */
export interface Scanned {
  ord: number;
  path: string;
  index: string;
  line: number;
  text: string;
  output: string | null;
  status: string;
  /** A hash of the index line and its output's signature: the load is done again when it changes. */
  key: string;
}

/** The columns of the store's bookkeeping table, zhenggai.files: one row per document. */
export const FILES_COLUMNS: ReadonlyArray<{ name: string; type: Column<unknown>['type'] }> = [
  { name: 'path', type: 'VARCHAR' },
  { name: 'ord', type: 'BIGINT' },
  { name: 'index_name', type: 'VARCHAR' },
  { name: 'line', type: 'BIGINT' },
  { name: 'key', type: 'VARCHAR' },
  { name: 'output', type: 'VARCHAR' },
  { name: 'status', type: 'VARCHAR' },
  { name: 'has_doc', type: 'BOOLEAN' },
  { name: 'usable', type: 'BOOLEAN' },
  { name: 'problem', type: 'VARCHAR' },
  { name: 'unit_key', type: 'VARCHAR' },
  { name: 'notice_date', type: 'VARCHAR' },
];

/** A document made ready: per table its rows as JSON objects joined by commas (null: no rows), and its bookkeeping
 *  row as a JSON object (the columns of FILES_COLUMNS). */
export interface Prepared {
  rows: Array<string | null>;
  files: string;
}

/** Prepare one scanned record of the folder `dir`. */
export function prepareDocument(dir: string, s: Scanned): Prepared {
  let doc = null;
  let problem: string | null = null;
  if (s.output !== null) {
    try {
      doc = readDocument(dir, s.output);
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e;
      problem = `${e.message}; its documents row has no metadata and its items are left out`;
    }
  }
  const record = JSON.parse(s.text) as IndexRecord;
  const entry = { dir, record, doc };
  const rows = TABLES.map((t) => {
    const cols = t.columns as Column<unknown>[];
    const made = t.rows(entry).map((row) => {
      const o: Record<string, unknown> = {};
      for (const c of cols) o[c.name] = c.get(row) ?? null;
      return o;
    });
    return made.length > 0 ? JSON.stringify(made).slice(1, -1) : null;
  });
  const usable = doc !== null && doc.status !== 'failed';
  const unit = doc !== null && usable ? doc.meta.unit : null;
  return {
    rows,
    files: JSON.stringify({
      path: s.path,
      ord: s.ord,
      index_name: s.index,
      line: s.line,
      key: s.key,
      output: s.output,
      status: s.status,
      has_doc: doc !== null,
      usable,
      problem,
      unit_key: unit !== null ? unitKey(unit) : null,
      notice_date: doc !== null && usable ? noticeDate(doc) : null,
    }),
  };
}
