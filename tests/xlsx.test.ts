/**
 * units.xlsx (`zhenggai compare`), read back with exceljs and, for what a reader hides, as the XML in the zip:
 * one sheet per table, values and types equal to units.csv, frozen header and fitted widths, formulas defused as in
 * the CSV, the same bytes for the same results, and Excel's limits (rows per sheet, characters per cell).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitDetail } from '../analyze/report/detail.js';
import { COLUMN_LABELS } from '../analyze/report/labels.js';
import { unitsCsv } from '../analyze/units.js';
import { DATE_COLUMNS, writeUnitsXlsx } from '../analyze/xlsx.js';
import type { NoticeDocument } from '../output/schema.js';
import { UnitsDocument } from '../output/unitsSchema.js';
import { type CorpusComparison, compareCorpus, compareDetails, parseCsv, tmp, zhenggai } from './reportFixture.js';

let cmp: CorpusComparison;
let units: UnitsDocument;
let details: Array<UnitDetail | null>;
let book: ExcelJS.Workbook;

/** units.xlsx written to a temporary folder, as bytes. */
async function unitsXlsx(doc: UnitsDocument, d: ReadonlyArray<UnitDetail | null>, options: { maxRows?: number } = {}): Promise<Buffer> {
  const path = join(tmp('xlsx'), 'units.xlsx');
  await writeUnitsXlsx(path, doc, d, options);
  return readFileSync(path);
}

/** Read an xlsx file back. */
async function read(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as arrays of cell values (header first). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(row.getCell(c).value ?? null);
    out.push(values);
  });
  return out;
}

beforeAll(async () => {
  cmp = compareCorpus();
  units = UnitsDocument.parse(JSON.parse(readFileSync(join(cmp.out, 'units.json'), 'utf8')));
  details = (await compareDetails([cmp.run], cmp.input)).details;
  book = await read(readFileSync(join(cmp.out, 'units.xlsx')));
});

const resultDoc = (source: string): NoticeDocument => JSON.parse(readFileSync(join(cmp.run, `${source}.json`), 'utf8')) as NoticeDocument;

describe('units.xlsx', () => {
  it('has one sheet per table: units, measures, regulations, and the columns explained', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['units', 'measures', 'regulations', 'columns']);
    const columns = sheetRows(book.getWorksheet('columns')!);
    expect(columns[0]).toEqual(['column', 'label', 'description']);
    expect(columns.slice(1).map((r) => r[0])).toEqual(cmp.header);
    for (const r of columns.slice(1)) expect(r[1], String(r[0])).toBe(COLUMN_LABELS[String(r[0])]);
  });

  it('units: the header and every value of units.csv, numbers as numbers, dates as dates, booleans as booleans', () => {
    const rows = sheetRows(book.getWorksheet('units')!);
    expect(rows[0]).toEqual(cmp.header);
    expect(rows).toHaveLength(cmp.rows.length + 1);
    const types = new Set<string>();
    cmp.rows.forEach((csv, i) => {
      cmp.header.forEach((h, k) => {
        const got = rows[i + 1]![k];
        const want = csv[h]!;
        const where = `${csv['source']} ${h}`;
        if (want === '') return expect(got, where).toBeNull();
        if (DATE_COLUMNS.has(h)) {
          expect(got, where).toBeInstanceOf(Date);
          types.add('date');
          return expect((got as Date).toISOString().slice(0, 10), where).toBe(want);
        }
        if (want === 'true' || want === 'false') {
          types.add('boolean');
          return expect(got, where).toBe(want === 'true');
        }
        if (/^-?\d+(?:\.\d+)?$/u.test(want) && h !== 'source') {
          types.add('number');
          return expect(got, where).toBe(Number(want));
        }
        types.add('string');
        return expect(got, where).toBe(want);
      });
    });
    expect([...types].sort()).toEqual(['boolean', 'date', 'number', 'string']);
  });

  it('freezes the header row (and the unit column), filters it, and fits column widths to the content', async () => {
    for (const ws of book.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: ws.name === 'units' ? 1 : 0 });
      expect(ws.autoFilter, ws.name).toMatch(/^A1:[A-Z]+1$/u);
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
    }
    const ws = book.getWorksheet('units')!;
    const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) >= 0x1100 ? 2 : 1), 0);
    cmp.header.forEach((h, k) => expect(ws.getColumn(k + 1).width, h).toBeGreaterThanOrEqual(width(h)));
    const longest = Math.max(...cmp.rows.map((r) => width(r['unit']!)));
    expect(ws.getColumn(1).width).toBe(Math.min(60, longest) + 2);
    // The date columns carry the date format in the file itself.
    const zip = await JSZip.loadAsync(readFileSync(join(cmp.out, 'units.xlsx')));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<numFmt numFmtId="\d+" formatCode="yyyy-mm-dd"\/>/u);
  });

  it('measures and regulations: one row per item of each unit’s notice, with its unit, section and status', () => {
    const measures = sheetRows(book.getWorksheet('measures')!);
    const regulations = sheetRows(book.getWorksheet('regulations')!);
    expect(measures[0]).toEqual(['unit', 'source', 'measure', 'section', 'heading', 'status', 'statusLabel', 'text']);
    expect(regulations[0]).toEqual(['unit', 'source', 'title', 'action', 'rule', 'section', 'heading', 'mention']);
    const label = { done: '已完成', ongoing: '持续推进', planned: '计划' } as const;
    const wantMeasures: unknown[][] = [];
    const wantRegulations: unknown[][] = [];
    for (const row of cmp.rows) {
      const doc = resultDoc(row['source']!);
      for (const m of doc.measures) wantMeasures.push([row['unit'], row['source'], m.id, m.section, m.status, m.status ? label[m.status] : '未标明状态', m.text]);
      for (const r of doc.regulations) wantRegulations.push([row['unit'], row['source'], r.title, r.action, r.rule, r.section, r.text]);
    }
    expect(measures.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6], r[7]])).toEqual(wantMeasures);
    expect(regulations.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[7]])).toEqual(wantRegulations);
    const m = measures.find((r) => r[1] === '001-luchuan-natural-resources.txt' && r[3] === '1.1')!;
    expect(m[4]).toBe('（一）提高政治站位，压紧压实整改责任');
  });

  it('defuses text a spreadsheet would run as a formula, exactly as units.csv does, and holds no formula', async () => {
    const hostile: UnitsDocument = {
      ...units,
      units: [{ ...units.units[0]!, values: { ...units.units[0]!.values, unit: '=HYPERLINK("http://x","点击")', inspector: '+1+2', round: '@SUM(A1)', problemsFound: -1 } }],
    };
    const d = details[0]!;
    const measures = [{ ...d.measures[0]!, text: '-2+3 整改' }];
    const data = await unitsXlsx(hostile, [{ ...d, measures, regulations: [] }]);
    const rows = sheetRows((await read(data)).getWorksheet('units')!);
    const [header, csvRow] = parseCsv(unitsCsv([{ values: hostile.units[0]!.values, evidence: {}, otherNotices: [] }]));
    for (const c of ['unit', 'inspector', 'round']) expect(rows[1]![header!.indexOf(c)], c).toBe(csvRow![header!.indexOf(c)]);
    expect(rows[1]![header!.indexOf('unit')]).toBe(`'=HYPERLINK("http://x","点击")`);
    expect(rows[1]![header!.indexOf('problemsFound')]).toBe(-1);
    expect(sheetRows((await read(data)).getWorksheet('measures')!)[1]![7]).toBe("'-2+3 整改");
    const zip = await JSZip.loadAsync(data);
    for (const name of Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/u.test(f))) {
      expect(await zip.file(name)!.async('string'), name).not.toMatch(/<f[ >]/u);
    }
  });

  it('gives the same bytes for the same results: no creation date, every zip entry dated 1980-01-01', async () => {
    const again = tmp('xlsx-again');
    expect(zhenggai('compare', cmp.run, '--out', again).status).toBe(0);
    expect(readFileSync(join(again, 'units.xlsx')).equals(readFileSync(join(cmp.out, 'units.xlsx')))).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(join(cmp.out, 'units.xlsx')));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).not.toMatch(/dcterms:(?:created|modified)/u);
    for (const f of Object.values(zip.files)) {
      expect([f.date.getFullYear(), f.date.getMonth(), f.date.getDate(), f.date.getHours(), f.date.getMinutes()], f.name).toEqual([1980, 0, 1, 0, 0]);
    }
  });

  it('continues a sheet past Excel’s row limit on the next sheet, and cuts a cell past its 32,767 characters', async () => {
    const d = details[0]!;
    const long = '长'.repeat(40_000);
    const measures = [0, 1, 2, 3, 4].map((k) => ({ ...d.measures[0]!, id: `m${k + 1}`, text: k === 4 ? long : `措施${k + 1}` }));
    const data = await unitsXlsx({ ...units, units: [units.units[0]!] }, [{ ...d, measures, regulations: [] }], { maxRows: 3 });
    const wb = await read(data);
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['units', 'measures', 'measures (2)', 'measures (3)', 'regulations']);
    const parts = ['measures', 'measures (2)', 'measures (3)'].map((n) => sheetRows(wb.getWorksheet(n)!));
    for (const p of parts) expect(p[0]![0]).toBe('unit');
    expect(parts.flatMap((p) => p.slice(1).map((r) => r[2]))).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    const cut = parts[2]![1]![7] as string;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('…')).toBe(true);
  });
});
