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
  sig: string | null;
}

/** A document made ready: per table its rows as JSON objects joined by commas (null: no rows), and the bookkeeping
 *  row's values (zhenggai.files, in column order). */
export interface Prepared {
  rows: Array<string | null>;
  files: Array<string | number | boolean | null>;
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
    files: [s.path, s.ord, s.index, s.line, s.text, s.output, s.status, s.sig, doc !== null, usable, problem, unit !== null ? unitKey(unit) : null, doc !== null && usable ? noticeDate(doc) : null],
  };
}
