/**
 * units.xlsx (`zhenggai compare`), written with exceljs's streaming writer: one sheet per table — units (the columns
 * and values of units.csv), measures (one row per measure of each unit), regulations (one row per 《》 title) — and
 * a columns sheet with each units column's Chinese label and description. Every sheet has a frozen, bold header row
 * with a filter, and column widths fitted to the content. Numbers are numbers, booleans booleans, and the date
 * columns are dates (yyyy-mm-dd); text that a spreadsheet would run as a formula gets a leading apostrophe, exactly
 * as in units.csv. A sheet that would pass Excel's row limit continues on a second sheet ("measures (2)").
 *
 * The file is a pure function of its input: no creation date in its properties, and every zip entry dated
 * 1980-01-01, so the same results give the same bytes. Rows are produced as they are written and the workbook is
 * streamed to disk, so memory does not grow with the number of measures.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { temporaryPath } from '../output/runLayout.js';
import type { UnitsDocument } from '../output/unitsSchema.js';
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

/** A sheet to write: its name, header, and its rows (produced on demand, twice: to fit widths, then to write). */
interface Table {
  name: string;
  header: readonly string[];
  rows: () => Iterable<Value[]>;
  /** Columns (by index) to format as dates. */
  dates?: ReadonlySet<number>;
  /** Columns frozen at the left. */
  frozen?: number;
}

/** The measures and regulations tables: one row per item, with the unit it belongs to. */
function itemTables(doc: UnitsDocument, details: ReadonlyArray<UnitDetail | null>): Table[] {
  const statusLabel = new Map(STATUS_LABELS.map((s) => [s.status, s.zh]));
  function* items(each: (unit: string, source: string | null, d: UnitDetail, headings: Map<string, string>) => Iterable<Value[]>): Iterable<Value[]> {
    for (const [i, u] of doc.units.entries()) {
      const d = details[i];
      if (!d) continue;
      const headings = new Map(d.sections.map((s) => [s.id, text(`${s.marker}${s.title}`)]));
      yield* each(text(unitLabel(u)), typeof u.values['source'] === 'string' ? text(u.values['source']) : null, d, headings);
    }
  }
  const heading = (headings: Map<string, string>, section: string | null) => (section === null ? null : (headings.get(section) ?? null));
  return [
    {
      name: 'measures',
      header: ['unit', 'source', 'measure', 'section', 'heading', 'status', 'statusLabel', 'text'],
      rows: () =>
        items((unit, source, d, headings) =>
          d.measures.map((m) => [unit, source, m.id, m.section, heading(headings, m.section), m.status, statusLabel.get(m.status) ?? null, text(m.text)]),
        ),
    },
    {
      name: 'regulations',
      header: ['unit', 'source', 'title', 'action', 'rule', 'section', 'heading', 'mention'],
      rows: () => items((unit, source, d, headings) => d.regulations.map((r) => [unit, source, text(r.title), r.action, r.rule, r.section, heading(headings, r.section), text(r.text)])),
    },
  ];
}

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

/**
 * Write units.xlsx for a comparison and its units' details (in the order of doc.units) to `path`: streamed to a
 * temporary file beside it (rows are produced as they are written), dated, then renamed into place.
 */
export async function writeUnitsXlsx(path: string, doc: UnitsDocument, details: ReadonlyArray<UnitDetail | null>, options: { maxRows?: number } = {}): Promise<void> {
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
  const names = doc.columns.map((c) => c.name);
  const units: Table = {
    name: 'units',
    header: names,
    rows: () => doc.units.map((u) => names.map((c) => unitCell(c, c === 'otherNotices' ? u.otherNotices.join('; ') : u.values[c]))),
    dates: new Set(names.flatMap((c, k) => (DATE_COLUMNS.has(c) ? [k] : []))),
    frozen: 1,
  };
  const columns: Table = { name: 'columns', header: ['column', 'label', 'description'], rows: () => doc.columns.map((c) => [c.name, labelOf(c.name), text(c.description)]) };

  await mkdir(dirname(path), { recursive: true });
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
    for (const table of [units, ...itemTables(doc, details), columns]) {
      const widths = table.header.map((h) => Math.max(MIN_WIDTH, displayWidth(h)));
      for (const r of table.rows()) r.forEach((v, k) => (widths[k] = Math.max(widths[k]!, displayWidth(v))));
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
      for (const r of table.rows()) {
        if (inSheet === maxRows - 1) current = newSheet();
        current.addRow(r).commit();
        inSheet++;
        if (++written % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
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
