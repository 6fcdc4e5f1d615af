/**
 * units.xlsx (`zhenggai compare`), written with exceljs's streaming writer: one sheet per table — units (the columns
 * and values of units.csv), measures (one row per measure of each unit), regulations (one row per 《》 title) — and
 * a columns sheet with each units column's Chinese label and description. Every sheet has a frozen, bold header row
 * with a filter, and column widths fitted to the content. Numbers are numbers, booleans booleans, and the date
 * columns are dates (yyyy-mm-dd); text that a spreadsheet would run as a formula gets a leading apostrophe, exactly
 * as in units.csv. A sheet that would pass Excel's row limit continues on a second sheet ("measures (2)").
 *
 * The file is a pure function of its input: no creation date in its properties, and every zip entry dated
 * 1980-01-01, so the same results give the same bytes. compare adds units one at a time (UnitsXlsxBuilder): the
 * units', measures' and regulations' rows go to temporary files as they come (their column widths fitted on the way)
 * and are read back once when the workbook is streamed to disk, so memory does not grow with the number of units or
 * measures.
 */
import { appendFileSync, createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { threadId } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { temporaryPath } from '../output/runLayout.js';
import type { UnitEntry, UnitsDocument } from '../output/unitsSchema.js';
import { unitLabel } from './report/data.js';
import type { UnitDetail } from './report/detail.js';
import { labelOf, STATUS_LABELS } from './report/labels.js';

type Value = string | number | boolean | Date | null;

/** The units.csv columns that hold dates (ISO yyyy-mm-dd). */
export const DATE_COLUMNS: ReadonlySet<string> = new Set(['inspectionStart', 'inspectionEnd', 'feedbackDate', 'publishedDate']);
/** Excel's limits: rows per sheet (the header included) and characters per cell. */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_CHARS = 32_767;
/** Column widths (in characters) are fitted to the content within these bounds. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Text a spreadsheet would run as a formula gets a leading apostrophe (the rule of units.csv). */
function defuse(s: string): string {
  return /^[=+\-@\t\r]/u.test(s) ? `'${s}` : s;
}

/** A text cell: defused, and cut to Excel's limit of characters per cell. */
function text(s: string): string {
  const t = defuse(s);
  return t.length > EXCEL_MAX_CHARS ? `${t.slice(0, EXCEL_MAX_CHARS - 1)}…` : t;
}

/** A units value as a cell: dates of the date columns as dates (midnight UTC, which Excel shows as that day). */
function unitCell(column: string, v: string | number | boolean | null | undefined): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && DATE_COLUMNS.has(column) && /^\d{4}-\d{2}-\d{2}$/u.test(v)) return new Date(`${v}T00:00:00Z`);
  return typeof v === 'string' ? text(v) : v;
}

/** How wide a value shows, in Excel's character units (a CJK or full-width character is about two). */
function displayWidth(v: Value): number {
  if (v === null) return 0;
  if (v instanceof Date) return 10;
  const s = typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);
  const end = Math.min(s.length, MAX_WIDTH * 2);
  let w = 0;
  for (let k = 0; k < end && w < MAX_WIDTH; k++) w += s.charCodeAt(k) >= 0x1100 ? 2 : 1;
  return w;
}

/** A sheet to write: its name, header, and its rows (produced on demand: to fit widths unless they are given, then
 *  to write). */
interface Table {
  name: string;
  header: readonly string[];
  rows: () => Iterable<Value[]> | AsyncIterable<Value[]>;
  /** Column widths fitted to the rows already (else a first pass over the rows fits them). */
  widths?: number[];
  /** Columns (by index) to format as dates. */
  dates?: ReadonlySet<number>;
  /** Columns frozen at the left. */
  frozen?: number;
}

/** The measures and regulations sheets' rows of one unit: one row per item, with the unit it belongs to. */
function itemRows(u: UnitEntry, d: UnitDetail): { measures: Value[][]; regulations: Value[][] } {
  const headings = new Map(d.sections.map((s) => [s.id, text(`${s.marker}${s.title}`)]));
  const heading = (section: string | null) => (section === null ? null : (headings.get(section) ?? null));
  const unit = text(unitLabel(u));
  const source = typeof u.values['source'] === 'string' ? text(u.values['source']) : null;
  return {
    measures: d.measures.map((m) => [unit, source, m.id, m.section, heading(m.section), m.status, STATUS_ZH.get(m.status) ?? null, text(m.text)]),
    regulations: d.regulations.map((r) => [unit, source, text(r.title), r.action, r.rule, r.section, heading(r.section), text(r.text)]),
  };
}
const STATUS_ZH = new Map<string | null, string>(STATUS_LABELS.map((s) => [s.status, s.zh]));

/**
 * The rows of a sheet kept in a temporary file while units are added (one JSON array a line), their column widths
 * fitted as they come; read back once when the workbook is written.
 */
class RowSpool {
  readonly widths: number[];
  private pending: string[] = [];
  private pendingChars = 0;
  private started = false;

  constructor(
    readonly name: string,
    readonly header: readonly string[],
    readonly file: string,
    /** Columns formatted as dates, and columns frozen at the left. */
    private readonly layout: Pick<Table, 'dates' | 'frozen'> = {},
  ) {
    this.widths = header.map((h) => Math.max(MIN_WIDTH, displayWidth(h)));
  }

  add(rows: readonly Value[][]): void {
    for (const r of rows) {
      r.forEach((v, k) => (this.widths[k] = Math.max(this.widths[k]!, displayWidth(v))));
      // A date is spooled as {"date": ISO} (nothing else in a row is an object) and read back as a date.
      const line = JSON.stringify(r.map((v) => (v instanceof Date ? { date: v.toISOString() } : v)));
      this.pending.push(line);
      this.pendingChars += line.length;
    }
    if (this.pendingChars > SPOOL_FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0 && this.started) return;
    (this.started ? appendFileSync : writeFileSync)(this.file, this.pending.length > 0 ? `${this.pending.join('\n')}\n` : '');
    this.started = true;
    this.pending = [];
    this.pendingChars = 0;
  }

  table(): Table {
    this.flush();
    const file = this.file;
    return {
      name: this.name,
      header: this.header,
      widths: this.widths,
      ...this.layout,
      rows: async function* () {
        for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
          if (line === '') continue;
          yield (JSON.parse(line) as Array<string | number | boolean | null | { date: string }>).map((v) => (v !== null && typeof v === 'object' ? new Date(v.date) : v));
        }
      },
    };
  }
}

/** Characters of spooled rows held before they are appended to their file. */
const SPOOL_FLUSH_CHARS = 1_000_000;

/** Set every zip entry's date to 1980-01-01 00:00 (the zip epoch), in the local headers and the central directory. */
async function fixZipDates(path: string): Promise<void> {
  const EPOCH = Buffer.alloc(4);
  EPOCH.writeUInt16LE(0, 0); // time 00:00:00
  EPOCH.writeUInt16LE((1 << 5) | 1, 2); // MS-DOS date: year 1980, month 1, day 1
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await file.read(tail, 0, tail.length, size - tail.length);
    let eocd = tail.length - 22;
    while (eocd >= 0 && tail.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    if (eocd < 0) throw new Error(`${path}: no end of central directory record`);
    const entries = tail.readUInt16LE(eocd + 10);
    const directory = Buffer.alloc(tail.readUInt32LE(eocd + 12));
    const start = tail.readUInt32LE(eocd + 16);
    await file.read(directory, 0, directory.length, start);
    const signature = Buffer.alloc(4);
    let at = 0;
    for (let k = 0; k < entries; k++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory record`);
      EPOCH.copy(directory, at + 12);
      const local = directory.readUInt32LE(at + 42);
      await file.read(signature, 0, 4, local);
      if (signature.readUInt32LE(0) !== 0x04034b50) throw new Error(`${path}: bad local file header`);
      await file.write(EPOCH, 0, 4, local + 10);
      at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    await file.write(directory, 0, directory.length, start);
  } finally {
    await file.close();
  }
}

/** The letters of a column number (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Temporary names of this module count from here, apart from those of an AtomicWriter in the same thread. */
const TEMPORARY_COUNTER = 1_000_000;
let files = 0;

/** Rows written between two turns of the event loop, so that the zip stream takes them and memory stays flat. */
const ROWS_PER_TURN = 2_000;

/** Bytes of a sheet's XML waiting for the zip's compression beyond which writing waits for it. */
const ZIP_BACKLOG = 4 << 20;

/**
 * Wait until the zip has compressed a sheet's XML down to ZIP_BACKLOG. ExcelJS (4.4.0, pinned) hands a sheet's
 * buffers to the zip without heeding its backpressure, so rows made faster than they are compressed pile up: 336 MB
 * of buffers for the measures sheet at 20,000 units. Its stream's `buffers` (not yet handed over) and `pipes` (the
 * zip's entry, with what it has not compressed yet) are read here.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as { stream?: { buffers?: Array<{ length: number }>; pipes?: Array<{ writableLength?: number; _writableState?: { length: number } }> } }).stream;
  for (;;) {
    const waiting = (stream?.buffers ?? []).reduce((n, b) => n + b.length, 0);
    // The zip's entry is a readable-stream PassThrough (v2: no writableLength getter; its state holds the length).
    const behind = (stream?.pipes ?? []).reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0);
    if (waiting + behind <= ZIP_BACKLOG) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * units.xlsx built one unit at a time, in the order of units.json (compare hands each unit over as it is read): the
 * units sheet's values are kept, the measures' and regulations' rows go to temporary files beside the workbook.
 * write() streams the workbook to a temporary file beside `path` (dated, then renamed into place) and removes them;
 * discard() removes them without writing.
 */
export class UnitsXlsxBuilder {
  private readonly names: string[];
  private readonly units: RowSpool;
  private readonly measures: RowSpool;
  private readonly regulations: RowSpool;

  constructor(
    private readonly path: string,
    private readonly columns: UnitsDocument['columns'],
    private readonly options: { maxRows?: number } = {},
  ) {
    this.names = columns.map((c) => c.name);
    mkdirSync(dirname(path), { recursive: true });
    const spool = () => temporaryPath(dirname(path), threadId, TEMPORARY_COUNTER + files++);
    this.units = new RowSpool('units', this.names, spool(), { dates: new Set(this.names.flatMap((c, k) => (DATE_COLUMNS.has(c) ? [k] : []))), frozen: 1 });
    this.measures = new RowSpool('measures', ['unit', 'source', 'measure', 'section', 'heading', 'status', 'statusLabel', 'text'], spool());
    this.regulations = new RowSpool('regulations', ['unit', 'source', 'title', 'action', 'rule', 'section', 'heading', 'mention'], spool());
  }

  /** The next unit and its detail (null: its notice could not be read; it has no measures or regulations rows). */
  add(u: UnitEntry, d: UnitDetail | null): void {
    this.units.add([this.names.map((c) => unitCell(c, c === 'otherNotices' ? u.otherNotices.join('; ') : u.values[c]))]);
    if (!d) return;
    const items = itemRows(u, d);
    this.measures.add(items.measures);
    this.regulations.add(items.regulations);
  }

  /** Remove the temporary files. */
  async discard(): Promise<void> {
    await Promise.all([this.units.file, this.measures.file, this.regulations.file].map((f) => rm(f, { force: true })));
  }

  /** Write the workbook to `path`. */
  async write(): Promise<void> {
    try {
      await this.writeWorkbook();
    } finally {
      await this.discard();
    }
  }

  private async writeWorkbook(): Promise<void> {
    const { path, columns: cols } = this;
    const maxRows = this.options.maxRows ?? EXCEL_MAX_ROWS;
    const columns: Table = { name: 'columns', header: ['column', 'label', 'description'], rows: () => cols.map((c) => [c.name, labelOf(c.name), text(c.description)]) };

    const temporary = temporaryPath(dirname(path), threadId, TEMPORARY_COUNTER + files++);
    const stream = createWriteStream(temporary);
    const closed = new Promise<void>((resolve, reject) => {
      stream.on('close', resolve);
      stream.on('error', reject);
    });
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      // No creation or modification date: the file must not depend on the clock.
      (workbook as unknown as { created?: Date; modified?: Date }).created = undefined;
      (workbook as unknown as { created?: Date; modified?: Date }).modified = undefined;
      workbook.creator = 'zhenggai';
      workbook.lastModifiedBy = 'zhenggai';
      for (const table of [this.units.table(), this.measures.table(), this.regulations.table(), columns]) {
        let widths = table.widths;
        if (!widths) {
          const fitted = table.header.map((h) => Math.max(MIN_WIDTH, displayWidth(h)));
          for await (const r of table.rows()) r.forEach((v, k) => (fitted[k] = Math.max(fitted[k]!, displayWidth(v))));
          widths = fitted;
        }
        let sheet: ExcelJS.Worksheet | null = null;
        let part = 0;
        let inSheet = 0;
        const newSheet = () => {
          sheet?.commit();
          part++;
          inSheet = 0;
          sheet = workbook.addWorksheet(part === 1 ? table.name : `${table.name} (${part})`, { views: [{ state: 'frozen', xSplit: table.frozen ?? 0, ySplit: 1 }] });
          sheet.columns = table.header.map((h, k) => ({
            key: h,
            width: Math.min(MAX_WIDTH, widths[k]!) + 2,
            ...(table.dates?.has(k) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
          }));
          sheet.autoFilter = `A1:${columnLetters(table.header.length)}1`;
          const header = sheet.addRow([...table.header]);
          header.font = { bold: true };
          header.commit();
          return sheet;
        };
        let current = newSheet();
        let written = 0;
        // One style object per column and type of value, shared by its cells. ExcelJS gives every cell a new style
        // object, and knows a style object it has seen (a WeakMap) but renders any other to XML to find its id: the
        // workbook of 20,000 units and 721,520 measures took 27.9 s, against 15.9 s with the objects shared. The type
        // is part of the key because the id ExcelJS keeps for an object depends on the type of the cell it first saw
        // it on (a number gets the General format).
        const styles: Array<Array<Partial<ExcelJS.Style>>> = [];
        for await (const r of table.rows()) {
          if (inSheet === maxRows - 1) current = newSheet();
          const row = current.addRow(r);
          row.eachCell((cell, k) => {
            const ofColumn = (styles[k] ??= []);
            const style = ofColumn[cell.type];
            if (style) cell.style = style;
            else ofColumn[cell.type] = cell.style;
          });
          row.commit();
          inSheet++;
          if (++written % ROWS_PER_TURN === 0) {
            await new Promise((resolve) => setImmediate(resolve));
            await zipCaughtUp(current);
          }
        }
        current.commit();
      }
      await workbook.commit();
      await closed;
      await fixZipDates(temporary);
      await rename(temporary, path);
    } catch (e) {
      stream.destroy();
      await rm(temporary, { force: true });
      throw e;
    }
  }
}

/**
 * Write units.xlsx for a comparison and its units' details (in the order of doc.units) to `path`: streamed to a
 * temporary file beside it (rows are produced as they are written), dated, then renamed into place.
 */
export async function writeUnitsXlsx(path: string, doc: UnitsDocument, details: ReadonlyArray<UnitDetail | null>, options: { maxRows?: number } = {}): Promise<void> {
  const builder = new UnitsXlsxBuilder(path, doc.columns, options);
  try {
    doc.units.forEach((u, i) => builder.add(u, details[i] ?? null));
  } catch (e) {
    await builder.discard();
    throw e;
  }
  await builder.write();
}
