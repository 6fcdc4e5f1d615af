/**
 * The relational view of a set of results, for SQL (`zhenggai query`) and Parquet (`zhenggai export`): one table
 * per kind of item, one row per item, each row carrying the document's path and unit. Tables are data: a column
 * list (name, DuckDB type, how to read it) and a function giving a document's rows.
 */
import type { Indicator, Indicators, NoticeDocument, Section } from '../output/schema.js';
import type { ResultEntry } from './readResults.js';

/** A column: SQL name, DuckDB type, value of a row. */
export interface Column<R> {
  name: string;
  type: 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'VARCHAR[]';
  get(row: R): string | number | boolean | string[] | null;
}

/** A table: its name, one-line description, columns and rows of one result. */
export interface TableSpec<R> {
  name: string;
  description: string;
  columns: Column<R>[];
  rows(entry: ResultEntry): R[];
}

/** Context every row carries. */
interface Ctx {
  path: string;
  unit: string | null;
}

const ctx = (e: ResultEntry): Ctx => ({ path: e.record.path, unit: e.doc?.meta.unit ?? null });
const base = <R extends Ctx>(): Column<R>[] => [
  { name: 'path', type: 'VARCHAR', get: (r) => r.path },
  { name: 'unit', type: 'VARCHAR', get: (r) => r.unit },
];
type Item = { text: string; span: { start: number; end: number }; section: string | null; rule: string };
const provenance = <R extends Ctx & { item: Item }>(): Column<R>[] => [
  { name: 'text', type: 'VARCHAR', get: (r) => r.item.text },
  { name: 'section', type: 'VARCHAR', get: (r) => r.item.section },
  { name: 'span_start', type: 'BIGINT', get: (r) => r.item.span.start },
  { name: 'span_end', type: 'BIGINT', get: (r) => r.item.span.end },
  { name: 'rule', type: 'VARCHAR', get: (r) => r.item.rule },
];

function flatSections(ss: readonly Section[], parent: string | null = null): Array<{ s: Section; parent: string | null }> {
  return ss.flatMap((s) => [{ s, parent }, ...flatSections(s.children, s.id)]);
}

const items = <T>(pick: (d: NoticeDocument) => readonly T[]) => (e: ResultEntry) => (e.doc ? pick(e.doc).map((item) => ({ ...ctx(e), item })) : []);

type DocRow = Ctx & { e: ResultEntry; d: NoticeDocument | null };

/** documents: one row per input file (failed ones too). */
const documentsTable: TableSpec<DocRow> = {
  name: 'documents',
  description: 'one row per input file: status, source, metadata, item totals',
  columns: [
    ...base<DocRow>(),
    { name: 'output', type: 'VARCHAR', get: (r) => r.e.record.output },
    { name: 'status', type: 'VARCHAR', get: (r) => r.e.record.status },
    { name: 'error_code', type: 'VARCHAR', get: (r) => r.e.record.error?.code ?? null },
    { name: 'error_message', type: 'VARCHAR', get: (r) => r.e.record.error?.message ?? null },
    { name: 'format', type: 'VARCHAR', get: (r) => r.d?.source.format ?? null },
    { name: 'sha256', type: 'VARCHAR', get: (r) => r.e.record.sha256 },
    { name: 'bytes', type: 'BIGINT', get: (r) => r.d?.source.bytes ?? null },
    { name: 'encoding', type: 'VARCHAR', get: (r) => r.d?.source.encoding ?? null },
    { name: 'pages', type: 'BIGINT', get: (r) => r.d?.source.pages ?? null },
    { name: 'rules_version', type: 'VARCHAR', get: (r) => r.d?.rulesVersion ?? null },
    { name: 'title', type: 'VARCHAR', get: (r) => r.d?.meta.title ?? null },
    { name: 'inspector', type: 'VARCHAR', get: (r) => r.d?.meta.inspector ?? null },
    { name: 'inspection_kind', type: 'VARCHAR', get: (r) => r.d?.meta.inspectionKind ?? null },
    { name: 'round', type: 'VARCHAR', get: (r) => r.d?.meta.round ?? null },
    { name: 'inspection_start', type: 'DATE', get: (r) => r.d?.meta.inspectionPeriod?.start ?? null },
    { name: 'inspection_end', type: 'DATE', get: (r) => r.d?.meta.inspectionPeriod?.end ?? null },
    { name: 'feedback_date', type: 'DATE', get: (r) => r.d?.meta.feedbackDate ?? null },
    { name: 'published_date', type: 'DATE', get: (r) => r.d?.meta.publishedDate ?? null },
    { name: 'publicity_start', type: 'DATE', get: (r) => r.d?.meta.publicityPeriod?.start ?? null },
    { name: 'publicity_end', type: 'DATE', get: (r) => r.d?.meta.publicityPeriod?.end ?? null },
    { name: 'phones', type: 'VARCHAR[]', get: (r) => r.d?.meta.contacts.phones ?? [] },
    { name: 'emails', type: 'VARCHAR[]', get: (r) => r.d?.meta.contacts.emails ?? [] },
    { name: 'address', type: 'VARCHAR', get: (r) => r.d?.meta.contacts.address ?? null },
    { name: 'postcode', type: 'VARCHAR', get: (r) => r.d?.meta.contacts.postcode ?? null },
    { name: 'n_sections', type: 'BIGINT', get: (r) => (r.d ? flatSections(r.d.sections).length : 0) },
    { name: 'n_measures', type: 'BIGINT', get: (r) => r.d?.measures.length ?? 0 },
    { name: 'n_counts', type: 'BIGINT', get: (r) => r.d?.counts.length ?? 0 },
    { name: 'n_dates', type: 'BIGINT', get: (r) => r.d?.dates.length ?? 0 },
    { name: 'n_regulations', type: 'BIGINT', get: (r) => r.d?.regulations.length ?? 0 },
    { name: 'n_diagnostics', type: 'BIGINT', get: (r) => r.d?.diagnostics.length ?? 0 },
    { name: 'completion_rate_mismatch', type: 'BOOLEAN', get: (r) => r.d?.indicators?.completionRateMismatch ?? null },
    { name: 'published_within_two_months', type: 'BOOLEAN', get: (r) => r.d?.indicators?.publishedWithinTwoMonths ?? null },
  ],
  rows: (e) => [{ ...ctx(e), e, d: e.doc }],
};

type SectionRow = Ctx & { s: Section; parent: string | null };

/** sections: one row per heading. */
const sectionsTable: TableSpec<SectionRow> = {
  name: 'sections',
  description: 'one row per heading of the section tree',
  columns: [
    ...base<SectionRow>(),
    { name: 'id', type: 'VARCHAR', get: (r) => r.s.id },
    { name: 'parent_id', type: 'VARCHAR', get: (r) => r.parent },
    { name: 'level', type: 'BIGINT', get: (r) => r.s.level },
    { name: 'marker', type: 'VARCHAR', get: (r) => r.s.marker },
    { name: 'ordinal', type: 'BIGINT', get: (r) => r.s.ordinal },
    { name: 'style', type: 'VARCHAR', get: (r) => r.s.style },
    { name: 'title', type: 'VARCHAR', get: (r) => r.s.title },
    { name: 'page', type: 'BIGINT', get: (r) => r.s.page },
    { name: 'span_start', type: 'BIGINT', get: (r) => r.s.span.start },
    { name: 'span_end', type: 'BIGINT', get: (r) => r.s.span.end },
  ],
  rows: (e) => (e.doc ? flatSections(e.doc.sections).map(({ s, parent }) => ({ ...ctx(e), s, parent })) : []),
};

type MeasureRow = Ctx & { item: NoticeDocument['measures'][number] };
/** measures: one row per measure. */
const measuresTable: TableSpec<MeasureRow> = {
  name: 'measures',
  description: 'one row per rectification measure, with its status',
  columns: [...base<MeasureRow>(), { name: 'id', type: 'VARCHAR', get: (r) => r.item.id }, { name: 'status', type: 'VARCHAR', get: (r) => r.item.status }, ...provenance<MeasureRow>()],
  rows: items((d) => d.measures),
};

type CountRow = Ctx & { item: NoticeDocument['counts'][number] };
/** counts: one row per figure. */
const countsTable: TableSpec<CountRow> = {
  name: 'counts',
  description: 'one row per counted figure (value normalized; money in yuan)',
  columns: [
    ...base<CountRow>(),
    { name: 'value', type: 'DOUBLE', get: (r) => r.item.value },
    { name: 'count_unit', type: 'VARCHAR', get: (r) => r.item.unit },
    { name: 'object', type: 'VARCHAR', get: (r) => r.item.object },
    { name: 'approx', type: 'VARCHAR', get: (r) => r.item.approx },
    ...provenance<CountRow>(),
  ],
  rows: items((d) => d.counts),
};

type DateRow = Ctx & { item: NoticeDocument['dates'][number] };
/** dates: one row per date mention. */
const datesTable: TableSpec<DateRow> = {
  name: 'dates',
  description: 'one row per date mention (inclusive interval)',
  columns: [
    ...base<DateRow>(),
    { name: 'start_date', type: 'DATE', get: (r) => r.item.start },
    { name: 'end_date', type: 'DATE', get: (r) => r.item.end },
    { name: 'precision', type: 'VARCHAR', get: (r) => r.item.precision },
    { name: 'kind', type: 'VARCHAR', get: (r) => r.item.kind },
    { name: 'implied', type: 'VARCHAR[]', get: (r) => r.item.implied },
    ...provenance<DateRow>(),
  ],
  rows: items((d) => d.dates),
};

type RegulationRow = Ctx & { item: NoticeDocument['regulations'][number] };
/** regulations: one row per 《》 title. */
const regulationsTable: TableSpec<RegulationRow> = {
  name: 'regulations',
  description: 'one row per regulation title in 《》 with its action',
  columns: [...base<RegulationRow>(), { name: 'title', type: 'VARCHAR', get: (r) => r.item.title }, { name: 'action', type: 'VARCHAR', get: (r) => r.item.action }, ...provenance<RegulationRow>()],
  rows: items((d) => d.regulations),
};

type DiagnosticRow = Ctx & { item: NoticeDocument['diagnostics'][number] };
/** diagnostics: one row per message about a document. */
const diagnosticsTable: TableSpec<DiagnosticRow> = {
  name: 'diagnostics',
  description: 'one row per diagnostic (warnings, errors, notes) of each document',
  columns: [
    ...base<DiagnosticRow>(),
    { name: 'severity', type: 'VARCHAR', get: (r) => r.item.severity },
    { name: 'code', type: 'VARCHAR', get: (r) => r.item.code },
    { name: 'message', type: 'VARCHAR', get: (r) => r.item.message },
    { name: 'span_start', type: 'BIGINT', get: (r) => r.item.span?.start ?? null },
    { name: 'span_end', type: 'BIGINT', get: (r) => r.item.span?.end ?? null },
  ],
  rows: items((d) => d.diagnostics),
};

/** One indicator figure of a document, by name. */
type IndicatorRow = Ctx & { name: string; f: Indicator };

/** The figures of a document's indicators (null ones left out), as name → figure, in schema order. */
export function indicatorFigures(ind: Indicators | null): Array<{ name: string; f: Indicator }> {
  if (!ind) return [];
  return Object.entries(ind).flatMap(([name, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [{ name, f: v }] : []));
}

/** indicators: one row per figure a document gives (read from the text or computed). */
const indicatorsTable: TableSpec<IndicatorRow> = {
  name: 'indicators',
  description: 'one row per indicator figure (problems, rates, regulations, discipline, money, meetings, timeline)',
  columns: [
    ...base<IndicatorRow>(),
    { name: 'name', type: 'VARCHAR', get: (r) => r.name },
    { name: 'value', type: 'DOUBLE', get: (r) => r.f.value },
    { name: 'value_unit', type: 'VARCHAR', get: (r) => r.f.unit },
    { name: 'computed', type: 'BOOLEAN', get: (r) => r.f.span === null },
    { name: 'text', type: 'VARCHAR', get: (r) => r.f.text },
    { name: 'section', type: 'VARCHAR', get: (r) => r.f.section },
    { name: 'span_start', type: 'BIGINT', get: (r) => r.f.span?.start ?? null },
    { name: 'span_end', type: 'BIGINT', get: (r) => r.f.span?.end ?? null },
    { name: 'rule', type: 'VARCHAR', get: (r) => r.f.rule },
    { name: 'inputs', type: 'VARCHAR[]', get: (r) => r.f.inputs.map((i) => i.text) },
  ],
  rows: (e) => (e.doc ? indicatorFigures(e.doc.indicators).map(({ name, f }) => ({ ...ctx(e), name, f })) : []),
};

/** Every table, in the order they are created. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TABLES: ReadonlyArray<TableSpec<any>> = [documentsTable, sectionsTable, measuresTable, countsTable, datesTable, regulationsTable, indicatorsTable, diagnosticsTable];

/** Table names and columns, for --help and error messages. */
export function tablesHelp(): string {
  return TABLES.map((t) => `  ${t.name.padEnd(12)} ${t.description}\n${' '.repeat(15)}(${t.columns.map((c: { name: string }) => c.name).join(', ')})`).join('\n');
}
