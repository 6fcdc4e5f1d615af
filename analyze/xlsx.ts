/**
 * units.xlsx (`zhenggai compare`), written with exceljs's streaming writer: one sheet per table — units (the columns
 * and values of units.csv), measures (one row per measure of each unit), regulations (one row per 《》 title) — and
 * a columns sheet with each units column's Chinese label and description. Every sheet has a frozen, bold header row
 * with a filter, and column widths fitted to the content. Numbers are numbers, booleans booleans, and the date
 * columns are dates (yyyy-mm-dd); text that a spreadsheet would run as a formula gets a leading apostrophe, exactly
 * as in units.csv. A sheet that would pass Excel's row limit continues on a second sheet ("measures (2)").
 *
 * The file is a pure function of its input: no creation date in its properties, and every zip entry dated
 * 1980-01-01, so the same results give the same bytes.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
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

/** A sheet to write: its name, header, and rows. */
interface Table {
  name: string;
  header: readonly string[];
  rows: Value[][];
  /** Columns (by index) to format as dates. */
  dates?: ReadonlySet<number>;
}

/** The measures and regulations rows: one per item, with the unit it belongs to. */
function itemTables(doc: UnitsDocument, details: ReadonlyArray<UnitDetail | null>): Table[] {
  const statusLabel = new Map(STATUS_LABELS.map((s) => [s.status, s.zh]));
  const measures: Value[][] = [];
  const regulations: Value[][] = [];
  doc.units.forEach((u, i) => {
    const d = details[i];
    if (!d) return;
    const unit = text(unitLabel(u));
    const source = typeof u.values['source'] === 'string' ? text(u.values['source']) : null;
    const headings = new Map(d.sections.map((s) => [s.id, text(`${s.marker}${s.title}`)]));
    for (const m of d.measures) {
      measures.push([unit, source, m.id, m.section, m.section === null ? null : (headings.get(m.section) ?? null), m.status, statusLabel.get(m.status) ?? null, text(m.text)]);
    }
    for (const r of d.regulations) {
      regulations.push([unit, source, text(r.title), r.action, r.rule, r.section, r.section === null ? null : (headings.get(r.section) ?? null), text(r.text)]);
    }
  });
  return [
    { name: 'measures', header: ['unit', 'source', 'measure', 'section', 'heading', 'status', 'statusLabel', 'text'], rows: measures },
    { name: 'regulations', header: ['unit', 'source', 'title', 'action', 'rule', 'section', 'heading', 'mention'], rows: regulations },
  ];
}

/** Set every zip entry's date to 1980-01-01 00:00 (the zip epoch), in the local headers and the central directory. */
function fixZipDates(zip: Buffer): Buffer {
  const EPOCH_DATE = (1 << 5) | 1; // MS-DOS date: year 1980, month 1, day 1
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('units.xlsx: no end of central directory record');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('units.xlsx: bad central directory record');
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(EPOCH_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('units.xlsx: bad local file header');
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(EPOCH_DATE, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** The letters of a column number (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** units.xlsx for a comparison and its units' details (in the order of doc.units). */
export async function unitsXlsx(doc: UnitsDocument, details: ReadonlyArray<UnitDetail | null>, options: { maxRows?: number } = {}): Promise<Buffer> {
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
  const names = doc.columns.map((c) => c.name);
  const units: Table = {
    name: 'units',
    header: names,
    rows: doc.units.map((u) => names.map((c) => unitCell(c, c === 'otherNotices' ? u.otherNotices.join('; ') : u.values[c]))),
    dates: new Set(names.flatMap((c, k) => (DATE_COLUMNS.has(c) ? [k] : []))),
  };
  const columns: Table = { name: 'columns', header: ['column', 'label', 'description'], rows: doc.columns.map((c) => [c.name, labelOf(c.name), text(c.description)]) };
  const tables = [units, ...itemTables(doc, details), columns];

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // No creation or modification date: the file must not depend on the clock.
  (workbook as unknown as { created?: Date; modified?: Date }).created = undefined;
  (workbook as unknown as { created?: Date; modified?: Date }).modified = undefined;
  workbook.creator = 'zhenggai';
  workbook.lastModifiedBy = 'zhenggai';
  for (const table of tables) {
    const parts = Math.max(1, Math.ceil(table.rows.length / (maxRows - 1)));
    for (let p = 0; p < parts; p++) {
      const rows = table.rows.slice(p * (maxRows - 1), (p + 1) * (maxRows - 1));
      const sheet = workbook.addWorksheet(p === 0 ? table.name : `${table.name} (${p + 1})`, {
        views: [{ state: 'frozen', xSplit: table === units ? 1 : 0, ySplit: 1 }],
      });
      const widths = table.header.map((h) => Math.max(MIN_WIDTH, displayWidth(h)));
      for (const r of rows) r.forEach((v, k) => (widths[k] = Math.max(widths[k]!, displayWidth(v))));
      sheet.columns = table.header.map((h, k) => ({
        key: h,
        width: Math.min(MAX_WIDTH, widths[k]!) + 2,
        ...(table.dates?.has(k) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
      }));
      sheet.autoFilter = `A1:${columnLetters(table.header.length)}1`;
      const header = sheet.addRow([...table.header]);
      header.font = { bold: true };
      header.commit();
      for (const r of rows) {
        sheet.addRow(r).commit();
      }
      sheet.commit();
    }
  }
  await workbook.commit();
  await ended;
  return fixZipDates(Buffer.concat(chunks));
}
