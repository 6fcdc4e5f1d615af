/**
 * The output contract (../shared/docs/output-contract.md, v1) as zod schemas: the single source of the
 * project's output types. `npm run schema:write` exports it to output/notice.schema.json; a test fails
 * when that committed file is stale.
 */
import { z } from 'zod';

import { DIAGNOSTIC_CODE_LIST } from './diagnosticCodes.js';
import { SCHEMA_NAME, SCHEMA_VERSION } from './version.js';

export { SCHEMA_NAME, SCHEMA_VERSION };

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .meta({ description: 'ISO calendar date YYYY-MM-DD' });

/** Half-open [start, end) offsets into `text`, in UTF-16 code units. */
export const Span = z
  .object({
    start: z.number().int().nonnegative().meta({ description: 'offset of the first UTF-16 code unit of the mention' }),
    end: z.number().int().nonnegative().meta({ description: 'offset one past its last code unit' }),
  })
  .meta({ id: 'Span', description: 'Half-open [start, end) offsets into `text` in UTF-16 code units; text.slice(start, end) is the mention' });
export type Span = z.infer<typeof Span>;

/** A message about the document: never `ok` while one has severity error. */
export const Diagnostic = z
  .object({
    severity: z.enum(['error', 'warning', 'info']).meta({ description: 'error: the file failed; warning and info travel with an ok or partial document' }),
    code: z.enum(DIAGNOSTIC_CODE_LIST).meta({ description: 'stable machine-readable code (output/diagnosticCodes.ts), e.g. structure/ordinal-gap' }),
    message: z.string().min(1).meta({ description: 'for people: what happened and, where there is something to do, what' }),
    span: Span.nullable().meta({ description: 'where in `text` the message applies, or null for the whole file' }),
  })
  .meta({ id: 'Diagnostic' });
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Fields every extracted item carries: its source span, exact text, innermost section and rule id. */
const provenance = {
  text: z.string().meta({ description: 'exactly text.slice(span.start, span.end)' }),
  span: Span.meta({ description: 'where the mention is in `text`' }),
  section: z.string().nullable().meta({ description: 'id of the innermost section containing the span; null for preamble/closing' }),
  rule: z.string().meta({ description: 'id of the rule that produced this item' }),
};

/** Heading marker styles; GB/T 9704-2012 §7.3.3 orders the first four: 一、 → （一） → 1. → （1）. */
export const MarkerStyle = z.enum([
  'cn-dun', // 一、
  'cn-paren', // （一） (一) ㈠
  'arabic-dot', // 1. 1．
  'arabic-dun', // 1、
  'arabic-paren', // （1） (1) ⑴
  'circled', // ①
  'cn-part', // 第一部分 / 第一章
]);
export type MarkerStyle = z.infer<typeof MarkerStyle>;

export interface Section {
  id: string;
  level: number;
  marker: string;
  ordinal: number;
  style: MarkerStyle;
  title: string;
  span: Span;
  titleSpan: Span;
  page: number | null;
  children: Section[];
}

/** A heading and everything under it, up to the next heading of the same or a shallower level. */
export const Section: z.ZodType<Section> = z
  .object({
    id: z.string().regex(/^\d+(\.\d+)*$/u).meta({ description: 'positional path: "2.1.3" = 3rd child of 1st child of 2nd top section' }),
    level: z.number().int().positive().meta({ description: 'depth in this document’s tree (1 = top)' }),
    marker: z.string().min(1).meta({ description: 'the heading number exactly as written' }),
    ordinal: z.number().int().nonnegative().meta({ description: 'the heading number as a number: （三） → 3, ⑤ → 5' }),
    style: MarkerStyle.meta({ description: 'numbering style: cn-dun 一、, cn-paren （一）, arabic-dot 1., arabic-dun 1、, arabic-paren （1）, circled ①, cn-part 第一部分' }),
    title: z.string().meta({ description: 'heading text without the marker, to line end or (run-in heading) to the first 。' }),
    span: Span.meta({ description: 'from the marker to the end of the section’s last body line (never the closing)' }),
    titleSpan: Span.meta({ description: 'where the title is in `text`' }),
    page: z.number().int().positive().nullable().meta({ description: 'page where the heading stands (pdf), else null' }),
    get children() {
      return z.array(Section).meta({ description: 'the sections under this one, in order' });
    },
  })
  .meta({ id: 'Section' });

export const MeasureStatus = z.enum(['done', 'ongoing', 'planned']);

export const Measure = z
  .object({
    id: z.string().regex(/^m\d+$/u).meta({ description: 'm1, m2, … in document order' }),
    ...provenance,
    status: MeasureStatus.nullable().meta({
      description: 'done | ongoing | planned: from the enclosing section titles (已完成 → done, 长期 → ongoing, 下一步 → planned), else the paragraph’s lead, else the measure’s own words (已…/…了/建立 → done, 正在/持续 → ongoing, 将/计划/拟/力争 → planned); null where none says',
    }),
    statusRule: z.string().nullable().meta({ description: 'id of the rule that set the status (…+paragraph: read from the paragraph’s lead), or null' }),
  })
  .meta({ id: 'Measure' });
export type Measure = z.infer<typeof Measure>;

const Approx = z.enum(['about', 'under', 'over']);

export const Count = z
  .object({
    ...provenance,
    value: z.number().finite().meta({ description: 'the number as a number: 15万 → 150000, 1.25亿元 → 125000000 (unit 元), 98.71% → 98.71 (unit %)' }),
    unit: z.string().nullable().meta({ description: 'classifier or unit as normalized: 项, 个, 人, 元, %' }),
    object: z.string().nullable().meta({ description: 'what is counted: 规章制度, 问题, 人' }),
    approx: Approx.nullable().meta({ description: 'about (约/左右) | under (近/不到) | over (余/多/超过/以上)' }),
  })
  .meta({ id: 'Count' });
export type Count = z.infer<typeof Count>;

const DatePart = z.enum(['year', 'month', 'day']);

const datePrecision = z.enum(['day', 'month', 'quarter', 'half', 'year']).meta({ description: 'of the mention as written (a since mention: of its start)' });
const dateImplied = z
  .array(DatePart)
  .meta({ description: 'parts not written in the text but taken from context (a relative year such as 今年/去年: from the notice’s own date)' });

/** A date mention: a closed interval, or (kind since, schema 1.2.0) an open one that ends at the notice's own date.
 *  Both members list their fields in the order documents are written. */
export const DateMention = z
  .discriminatedUnion('kind', [
    z
      .object({
        ...provenance,
        start: isoDate,
        end: isoDate,
        precision: datePrecision,
        kind: z.enum(['date', 'range', 'deadline']).meta({ description: 'date: one day, month, quarter, half or year; range: from … to (至/到/—); deadline: by (…前)' }),
        implied: dateImplied,
      })
      .meta({ description: 'inclusive calendar interval [start, end]' }),
    z
      .object({
        ...provenance,
        start: isoDate,
        end: isoDate.nullable().meta({ description: 'the notice’s own date (signature, web page or 发布时间 line); null when the notice has none' }),
        precision: datePrecision,
        kind: z.literal('since').meta({ description: 'since (…以来)' }),
        implied: dateImplied,
      })
      .meta({ description: '…以来 (schema 1.2.0): from start up to the notice’s own date, inclusive' }),
  ])
  .meta({ id: 'DateMention', description: 'inclusive calendar interval [start, end]; kind since: end is the notice’s own date or null' });
export type DateMention = z.infer<typeof DateMention>;

export const Regulation = z
  .object({
    ...provenance,
    title: z.string().min(1).meta({ description: 'the title inside 《》' }),
    action: z
      .enum(['made', 'revised', 'cited'])
      .nullable()
      .meta({ description: 'made (制定/出台/新建), revised (修订/修改/完善), cited (根据/按照…); null for the rectification’s own working documents and for plans' }),
  })
  .meta({ id: 'Regulation' });
export type Regulation = z.infer<typeof Regulation>;

const Period = z.object({ start: isoDate, end: isoDate });

/** Where a metadata value was read from. */
const Evidence = z
  .object({
    span: Span.meta({ description: 'where the value was read in `text`' }),
    text: z.string().meta({ description: 'exactly text.slice(span.start, span.end)' }),
    rule: z.string().meta({ description: 'id of the metadata rule that read it (rules/meta.ts)' }),
  })
  .meta({ id: 'Evidence' });

export const Meta = z
  .object({
    title: z.string().nullable().meta({ description: 'the notice’s own title line (关于…整改进展情况的通报); null when it has none' }),
    unit: z.string().nullable().meta({ description: 'the unit whose rectification this is (full name where the text gives it)' }),
    inspector: z.string().nullable().meta({ description: 'who inspected or audited, as named: 区委第四巡察组, 中央第十巡视组, 县审计局' }),
    inspectionKind: z.enum(['巡视', '巡察', '审计']).nullable().meta({ description: 'the kind of inspection the notice answers' }),
    round: z.string().nullable().meta({ description: 'the round, as written: 十九届中央第七轮巡视' }),
    inspectionPeriod: Period.nullable().meta({ description: 'first to last day of the inspection (of all its segments)' }),
    inspectionSegments: z.array(Period).meta({
      description: 'the stretches of the inspection as written, in order: one for a single range, several when it was held in parts (4月10日至4月14日、5月8日至6月30日); empty without a period',
    }),
    feedbackDate: isoDate.nullable().meta({ description: 'the day the findings were fed back (反馈; for an audit, its report or hearing)' }),
    publishedDate: isoDate.nullable().meta({ description: 'the notice’s own date: its signature date, else a date line of the report, else its web page’s date' }),
    publicityPeriod: Period.nullable().meta({ description: 'how long the notice stays published (公开期限)' }),
    contacts: z
      .object({
        phones: z.array(z.string()).meta({ description: 'phone numbers, as written' }),
        emails: z.array(z.string()).meta({ description: 'e-mail addresses' }),
        address: z.string().nullable().meta({ description: 'postal address (邮政地址)' }),
        postcode: z.string().nullable().meta({ description: 'postcode (邮编)' }),
      })
      .meta({ description: 'where to send opinions, from the closing' }),
    evidence: z.record(z.string(), Evidence).meta({ description: 'field name → where its value was read' }),
  })
  .meta({ id: 'Meta' });
export type Meta = z.infer<typeof Meta>;

/** A figure used to compare units: read from one count of the text, or computed from other figures. */
export const Indicator = z
  .object({
    value: z.number().finite().meta({ description: 'the figure: money in yuan, rates in %, days for day counts' }),
    unit: z.string().nullable().meta({ description: 'as the count gives it (个, 项, 人, 件, 次, 元, %); 天 for day counts' }),
    text: z.string().nullable().meta({ description: 'the mention the value was read from (exactly text.slice(span)); null when computed' }),
    span: Span.nullable().meta({ description: 'where the mention is in `text`; null when computed' }),
    section: z.string().nullable().meta({ description: 'innermost section of the mention; null for preamble/closing or when computed' }),
    rule: z.string().meta({ description: 'id of the indicator rule (rules/indicators.ts) or of the computation' }),
    inputs: z
      .array(z.object({ text: z.string(), span: Span }))
      .meta({ description: 'computed values: the mentions they were computed from; [] for a value read from the text' }),
    others: z.array(Span).meta({ description: 'other mentions of the same indicator that were not chosen (a total or the largest wins)' }),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

const figure = (description: string) => Indicator.nullable().meta({ description });

/**
 * Normalized figures for comparing units (added in schema 1.1.0). Names are those of units.csv. Figures the
 * notice does not state are null; nothing is guessed.
 */
export const Indicators = z
  .object({
    problemsFound: figure('problems fed back (反馈的N个问题)'),
    problemsCompleted: figure('problems whose rectification is complete (已完成整改N个)'),
    problemsBasicallyCompleted: figure('problems basically completed (基本完成N个)'),
    problemsNotCompleted: figure('problems not yet completed (尚未完成/正在整改/其余N个问题)'),
    tasksTotal: figure('tasks of the rectification ledger (整改台账N项整改任务), when the notice states them'),
    tasksCompleted: figure('ledger tasks completed (…任务，已完成N项)'),
    completionRateStated: figure('completion rate as the notice states it (完成率N%)'),
    completionRateComputed: figure('problemsCompleted / problemsFound × 100, rounded to 2 decimals'),
    completionRateMismatch: z
      .boolean()
      .nullable()
      .meta({ description: 'true when the stated rate differs from the computed one by more than the stated rate’s rounding; null when either is missing' }),
    measuresDone: z.number().int().nonnegative().meta({ description: 'measures whose status is done' }),
    measuresOngoing: z.number().int().nonnegative().meta({ description: 'measures whose status is ongoing' }),
    measuresPlanned: z.number().int().nonnegative().meta({ description: 'measures whose status is planned' }),
    measuresUnclassified: z.number().int().nonnegative().meta({ description: 'measures in sections that name no status' }),
    regulationsStated: figure('regulations made and revised together (新建和修订制度N项)'),
    regulationsMade: figure('regulations made: the stated figure (新建制度N项), else the number of distinct titles made'),
    regulationsRevised: figure('regulations revised: the stated figure (修订制度N项), else the number of distinct titles revised'),
    regulationsMadeTitles: z.array(z.string()).meta({ description: 'distinct 《》 titles made, in document order' }),
    regulationsRevisedTitles: z.array(z.string()).meta({ description: 'distinct 《》 titles revised, in document order' }),
    cluesTransferred: figure('problem clues transferred (移交问题线索N件)'),
    casesFiled: figure('cases filed (立案N件)'),
    peopleDisciplined: figure('people given Party or government discipline (党纪政务处分N人)'),
    admonished: figure('admonishment talks (诫勉谈话N人/人次)'),
    heldAccountable: figure('people held accountable (问责N人)'),
    moneyRefundedYuan: figure('money refunded, in yuan (清退/退还N元)'),
    moneyRecoveredYuan: figure('money recovered, in yuan (追回N元; 收回/追缴 of irregular funds)'),
    lossesRecoveredYuan: figure('losses retrieved, in yuan (挽回损失N元)'),
    democraticLifeMeetings: figure('special democratic life meetings held (民主生活会N次)'),
    partyLectures: figure('Party lectures given (讲党课N次)'),
    studySessions: figure('study sessions (专题学习N次)'),
    inspectionDays: figure('days of the inspection, first and last day of each segment included (meta.inspectionSegments)'),
    daysFeedbackToPublished: figure('days from the feedback date to the publication date'),
    publishedWithinTwoMonths: z
      .boolean()
      .nullable()
      .meta({ description: 'published no later than two calendar months after the feedback (巡视工作条例); null when a date is missing' }),
  })
  .meta({ id: 'Indicators' });
export type Indicators = z.infer<typeof Indicators>;

export const Format = z.enum(['txt', 'docx', 'doc', 'pdf', 'html']);
export type Format = z.infer<typeof Format>;

const Source = z.object({
  path: z.string().meta({ description: 'the input’s path relative to the folder given to run (a file given directly: its name); the library’s path argument' }),
  format: Format.nullable().meta({ description: 'the format read from the content (not the name); null only when the format could not be recognised' }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u).meta({ description: 'SHA-256 of the input bytes, hex' }),
  bytes: z.number().int().nonnegative().meta({ description: 'size of the input in bytes' }),
  encoding: z.string().nullable().meta({ description: 'txt/html: the detected encoding' }),
  pages: z.number().int().nonnegative().nullable().meta({ description: 'pdf: number of pages' }),
});

export const Status = z.enum(['ok', 'partial', 'failed']);
export type Status = z.infer<typeof Status>;

const Parts = z
  .object({
    preamble: Span.nullable().meta({ description: 'before the first heading (title, opening); null when the text starts with a heading' }),
    body: Span.nullable().meta({ description: 'from the first heading to the end of the last section; null without headings' }),
    closing: Span.nullable().meta({ description: '欢迎…监督, contacts, signature and date, 附件, 抄送; null when there is none' }),
  })
  .meta({ description: 'preamble (before the first heading), body (the sections) and closing (欢迎…监督, contacts, signature, 附件, 抄送) partition `text`' });

export const NoticeDocument = z
  .object({
    schema: z.literal(SCHEMA_NAME).meta({ description: 'the contract’s name' }),
    schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'the contract’s version: a minor version adds fields, values or codes; nothing is renamed or dropped within a major version' }),
    rulesVersion: z.string().meta({ description: 'the rules that made the document (series + hash of every rule table); run --resume recomputes a result made with other rules' }),
    source: Source.meta({ description: 'the input file' }),
    status: Status.meta({
      description: 'ok; partial: read, but with an error diagnostic or a warning that the input may not be a notice (format/mismatch, notice/not-a-notice); failed: not processed (the error is in diagnostics)',
    }),
    text: z.string().meta({ description: 'the canonical text; every span points into it' }),
    parts: Parts,
    meta: Meta.meta({ description: 'metadata of the notice, each value with where it was read' }),
    sections: z.array(Section).meta({ description: 'the heading tree, in document order' }),
    measures: z.array(Measure).meta({ description: 'rectification measures, in document order' }),
    counts: z.array(Count).meta({ description: 'numbers with what they count' }),
    dates: z.array(DateMention).meta({ description: 'date mentions, resolved to calendar intervals' }),
    regulations: z.array(Regulation).meta({ description: 'titles in 《》 and what was done with them' }),
    indicators: Indicators.nullable().meta({ description: 'figures for comparing units; null for a failed file' }),
    diagnostics: z.array(Diagnostic).meta({ description: 'messages about the file, in stage order; the status follows from them' }),
  })
  .meta({ id: 'NoticeDocument', title: 'zhenggai notice', description: 'One rectification-progress notice, structured' });
export type NoticeDocument = z.infer<typeof NoticeDocument>;

/** The options of the run that wrote an index record (schema 1.3.0): those that can change a file's outcome.
 *  `--resume` keeps a failure only when all of them are unchanged, and a document when ocr and referenceDate are. */
export const RunOptions = z.object({
  ocr: z.boolean().meta({ description: 'whether scanned pages were read with OCR (--ocr)' }),
  referenceDate: z.string().nullable().meta({ description: 'the --reference-date given, or null' }),
  maxFileMb: z.number().positive().meta({ description: 'the file size limit (--max-file-mb)' }),
  timeoutSeconds: z.number().positive().meta({ description: 'the per-file time limit (--timeout)' }),
  workerMemoryMb: z.number().positive().meta({ description: 'the heap limit of a worker thread' }),
});
export type RunOptions = z.infer<typeof RunOptions>;

/** One line of `<out>/index.jsonl`. */
export const IndexRecord = z
  .object({
    path: z.string().meta({ description: 'the input’s path, as source.path of its document' }),
    pathBytes: z
      .string()
      .regex(/^(?:[0-9a-f]{2})+$/u)
      .optional()
      .meta({ description: 'schema 1.3.0: the bytes of the path on disk, in hex, when they are not the UTF-8 of `path` (a GBK file name)' }),
    output: z
      .string()
      .nullable()
      .meta({ description: 'its document’s path relative to the output folder; null when the file was not read or its output could not be written' }),
    status: Status.meta({ description: 'the status of its document' }),
    sha256: z.string().nullable().meta({ description: 'SHA-256 of the input bytes; null when the file was not read' }),
    error: z
      .object({ code: z.string().meta({ description: 'a diagnostic code' }), message: z.string().meta({ description: 'for people' }) })
      .nullable()
      .meta({ description: 'the error of a failed file; null otherwise' }),
    options: RunOptions.optional().meta({ description: 'schema 1.3.0: the options of the run that wrote the record, those that can change its outcome' }),
  })
  .meta({ title: 'zhenggai index record', description: 'one line of index.jsonl in the output folder: one per input file, failed ones included' });
export type IndexRecord = z.infer<typeof IndexRecord>;

/** The JSON Schema (draft 2020-12) of a per-file document. */
export function noticeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NoticeDocument, { target: 'draft-2020-12' });
}
