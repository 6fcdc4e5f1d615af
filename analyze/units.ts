/**
 * One row per unit for comparing units (`zhenggai compare`): the notices of a run grouped by the unit they
 * concern, the latest notice of each unit standing for it (the others listed), and its figures laid out as the
 * columns of units.csv. Columns are data: a name, a one-line description and how to read the value (and the
 * evidence behind it) from a document, so the CSV, units.json and report.html share one definition.
 */
import type { Indicator, Indicators, NoticeDocument, Span } from '../output/schema.js';
import { Sentences } from '../text/sentences.js';
import { csvCell } from './csv.js';

/** A value of a units.csv cell. */
type CellValue = string | number | boolean | null;

/** Where a figure was read: the mention, the sentence around it, and the rule. */
interface Evidence {
  text: string;
  sentence: string;
  span: Span;
  rule: string;
}

/** One column of units.csv. */
export interface UnitColumn {
  name: string;
  description: string;
  value(doc: NoticeDocument, path: string): CellValue;
  /** The mentions behind the value (empty when the value is not read from the text). */
  evidence?(doc: NoticeDocument): Evidence[];
}

/** The sentences of each document, found once. */
const sentencesOf = new WeakMap<NoticeDocument, Sentences>();

/** The sentence of a document around a span, with its closing mark (。；…). */
function sentenceAround(doc: NoticeDocument, span: Span): string {
  let sentences = sentencesOf.get(doc);
  if (!sentences) {
    sentences = new Sentences(doc.text);
    sentencesOf.set(doc, sentences);
  }
  const { start, end } = sentences.around(span);
  const { text } = doc;
  return text.slice(start, end < text.length && text[end] !== '\n' ? end + 1 : end).trim();
}

/**
 * A string of its own: V8 keeps a slice of a string as a view of the whole, so a sentence sliced from a notice would
 * keep the notice's text alive for as long as the unit's row (at 20,000 units, every notice's text at once).
 */
const own = (s: string): string => ` ${s}`.slice(1);

const evidenceOf = (doc: NoticeDocument, text: string, span: Span, rule: string): Evidence => ({ text: own(text), sentence: own(sentenceAround(doc, span)), span: { start: span.start, end: span.end }, rule });

/** The evidence of an indicator: its mention, or the mentions it was computed from. */
function indicatorEvidence(doc: NoticeDocument, f: Indicator | null): Evidence[] {
  if (!f) return [];
  if (f.span && f.text !== null) return [evidenceOf(doc, f.text, f.span, f.rule)];
  return f.inputs.map((i) => evidenceOf(doc, i.text, i.span, f.rule));
}

type FigureName = { [K in keyof Indicators]: Indicators[K] extends Indicator | null ? K : never }[keyof Indicators];

/** A column holding an indicator's value. */
function figure(name: FigureName, description: string): UnitColumn {
  return {
    name,
    description,
    value: (d) => d.indicators?.[name]?.value ?? null,
    evidence: (d) => indicatorEvidence(d, d.indicators?.[name] ?? null),
  };
}

/**
 * Where regulationsMade/Revised come from: `stated` (a figure the notice states: 新制定制度44项) or `titles` (the number
 * of distinct 《》 titles the notice says were made/revised — a lower bound, since notices name only some of them).
 */
function regulationsFrom(name: 'regulationsMade' | 'regulationsRevised'): UnitColumn {
  return {
    name: `${name}From`,
    description: `where ${name} comes from: stated (a figure the notice states) or titles (the number of 《》 titles, a lower bound)`,
    value: (d) => {
      const f = d.indicators?.[name] ?? null;
      return f === null ? null : f.span !== null ? 'stated' : 'titles';
    },
  };
}

/** The number of distinct 《》 titles made or revised, whatever figure the notice states; the titles are the evidence. */
function titleCount(action: 'made' | 'revised'): UnitColumn {
  const list = (d: NoticeDocument) => (action === 'made' ? d.indicators?.regulationsMadeTitles : d.indicators?.regulationsRevisedTitles);
  const name = action === 'made' ? 'regulationsMadeTitleCount' : 'regulationsRevisedTitleCount';
  return {
    name,
    description: `distinct 《》 titles the notice says were ${action} (the rectification's own working documents left out)`,
    value: (d) => list(d)?.length ?? null,
    evidence: (d) => {
      const seen = new Set<string>();
      return d.regulations.filter((r) => r.action === action && !seen.has(r.title) && seen.add(r.title)).map((r) => evidenceOf(d, r.text, r.span, r.rule));
    },
  };
}

/** A column read from the metadata, with the evidence the metadata keeps. */
function metaColumn(name: string, description: string, field: string, read: (d: NoticeDocument) => CellValue): UnitColumn {
  return {
    name,
    description,
    value: read,
    evidence: (d) => {
      const e = d.meta.evidence[field];
      return e ? [evidenceOf(d, e.text, e.span, e.rule)] : [];
    },
  };
}

/** The columns of units.csv, in order. */
export const UNIT_COLUMNS: readonly UnitColumn[] = [
  metaColumn('unit', 'the unit whose rectification the notice reports', 'unit', (d) => d.meta.unit),
  metaColumn('inspectionKind', '巡视 / 巡察 / 审计', 'inspectionKind', (d) => d.meta.inspectionKind),
  metaColumn('inspector', 'who inspected (巡视组, 巡察组, 审计机关)', 'inspector', (d) => d.meta.inspector),
  metaColumn('round', 'the inspection round, when named', 'round', (d) => d.meta.round),
  metaColumn('inspectionStart', 'first day of the inspection period', 'inspectionPeriod', (d) => d.meta.inspectionPeriod?.start ?? null),
  metaColumn('inspectionEnd', 'last day of the inspection period', 'inspectionPeriod', (d) => d.meta.inspectionPeriod?.end ?? null),
  figure('inspectionDays', 'days of the inspection period'),
  metaColumn('feedbackDate', 'date the inspection fed back', 'feedbackDate', (d) => d.meta.feedbackDate),
  metaColumn('publishedDate', 'date of the notice (its signature, else the web page)', 'publishedDate', (d) => d.meta.publishedDate),
  figure('daysFeedbackToPublished', 'days from feedback to publication'),
  { name: 'publishedWithinTwoMonths', description: 'published within two calendar months of the feedback', value: (d) => d.indicators?.publishedWithinTwoMonths ?? null },
  figure('problemsFound', 'problems fed back'),
  figure('problemsCompleted', 'problems completed'),
  figure('problemsBasicallyCompleted', 'problems basically completed'),
  figure('problemsNotCompleted', 'problems not completed'),
  figure('completionRateStated', 'completion rate as stated (%)'),
  figure('completionRateComputed', 'problemsCompleted / problemsFound (%)'),
  { name: 'completionRateMismatch', description: 'the stated rate differs from the computed one', value: (d) => d.indicators?.completionRateMismatch ?? null },
  { name: 'measuresDone', description: 'measures in sections of completed work', value: (d) => d.indicators?.measuresDone ?? null },
  { name: 'measuresOngoing', description: 'measures in sections of long-term work', value: (d) => d.indicators?.measuresOngoing ?? null },
  { name: 'measuresPlanned', description: 'measures in sections of planned work', value: (d) => d.indicators?.measuresPlanned ?? null },
  { name: 'measuresUnclassified', description: 'measures in sections that name no status', value: (d) => d.indicators?.measuresUnclassified ?? null },
  figure('regulationsStated', 'regulations made and revised, one combined figure the notice states (新建和修订制度N项, 制定完善制度N项)'),
  figure('regulationsMade', 'regulations made: the figure the notice states, else the number of titles made (see regulationsMadeFrom)'),
  regulationsFrom('regulationsMade'),
  figure('regulationsRevised', 'regulations revised: the figure the notice states, else the number of titles revised (see regulationsRevisedFrom)'),
  regulationsFrom('regulationsRevised'),
  titleCount('made'),
  titleCount('revised'),
  figure('cluesTransferred', 'problem clues transferred'),
  figure('casesFiled', 'cases filed'),
  figure('peopleDisciplined', 'people disciplined'),
  figure('admonished', 'admonishment talks'),
  figure('heldAccountable', 'people held accountable'),
  figure('moneyRefundedYuan', 'money refunded (yuan)'),
  figure('moneyRecoveredYuan', 'money recovered (yuan)'),
  figure('lossesRecoveredYuan', 'losses retrieved (yuan)'),
  figure('democraticLifeMeetings', 'democratic life meetings'),
  figure('partyLectures', 'Party lectures'),
  figure('studySessions', 'study sessions'),
  { name: 'source', description: 'the notice this row is read from (path in the run’s output)', value: (_d, path) => path },
];

/** The grouping key of a unit name: NFKC, no white space (a notice naming no unit has no key and stands alone). */
export function unitKey(unit: string): string {
  return unit.normalize('NFKC').replace(/\s+/gu, '');
}

/** A notice's date for picking the latest of a unit: publication, else feedback, else the end of the inspection. */
export const noticeDate = (d: NoticeDocument): string => d.meta.publishedDate ?? d.meta.feedbackDate ?? d.meta.inspectionPeriod?.end ?? '';

/** A row of units.csv with its evidence. */
export interface UnitRow {
  values: Record<string, CellValue>;
  evidence: Record<string, Evidence[]>;
  /** Paths of the unit's other (older) notices. */
  otherNotices: string[];
}

/** The row of a unit: the figures of its latest notice (`doc` at `path`), with the evidence of each figure shown. */
export function unitRow(doc: NoticeDocument, path: string, otherNotices: readonly string[]): UnitRow {
  const values: Record<string, CellValue> = {};
  const evidence: Record<string, Evidence[]> = {};
  for (const c of UNIT_COLUMNS) {
    values[c.name] = c.value(doc, path);
    // Evidence only for a figure the row shows.
    if (values[c.name] === null) continue;
    const ev = c.evidence?.(doc) ?? [];
    if (ev.length > 0) evidence[c.name] = ev;
  }
  values['otherNotices'] = otherNotices.join('; ');
  return { values, evidence, otherNotices: [...otherNotices] };
}

/** Column names of units.csv (the unit columns, then otherNotices). */
export const CSV_COLUMNS: readonly string[] = [...UNIT_COLUMNS.map((c) => c.name), 'otherNotices'];

/**
 * units.csv: UTF-8 with a BOM (so that Excel shows Chinese), RFC 4180 quoting, CRLF line ends. Text from a notice
 * that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe (csvCell).
 */
export function unitsCsvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
}

/** One line of units.csv. */
export function unitsCsvLine(row: UnitRow): string {
  return `${CSV_COLUMNS.map((c) => csvCell(row.values[c] ?? null)).join(',')}\r\n`;
}

/** units.csv of a list of rows. */
export function unitsCsv(rows: readonly UnitRow[]): string {
  return unitsCsvHeader() + rows.map(unitsCsvLine).join('');
}
