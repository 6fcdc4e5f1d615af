/**
 * The pipeline: `processLoaded` is the pure core (a loaded file's text → document, given a PipelineContext);
 * `processBytes` adds loading and is the failure boundary — whatever goes wrong in one file becomes a `failed`
 * document with a clear code, and the caller's batch goes on. `processText` is the library entry for a string.
 */
import { createHash } from 'node:crypto';
import { type DiagnosticCode, makesPartial } from '../output/diagnosticCodes.js';
import type { Count, DateMention, Diagnostic, Format, Measure, NoticeDocument, Regulation, Status } from '../output/schema.js';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../output/version.js';
import { repairText } from '../text/charMap.js';
import { isValidIsoDate } from '../text/isoDate.js';
import { createPipelineContext, documentContext, type PipelineContext } from './context.js';
import { type CountItem, extractCounts } from './extract/extractCounts.js';
import { type DateItem, extractDates, noticeDateSources } from './extract/extractDates.js';
import { extractIndicators, openingEnd, titlesOf } from './extract/extractIndicators.js';
import { extractMeasures, type MeasureItem } from './extract/extractMeasures.js';
import { extractMeta } from './extract/extractMeta.js';
import { extractRegulations, type RegulationItem } from './extract/extractRegulations.js';
import { checkGenre } from './extract/checkGenre.js';
import { FileError } from './fileError.js';
import { unifyLineEnds } from './load/text/decodeText.js';
import { loadBytes } from './load/loadBytes.js';
import { DEFAULT_LIMITS, type Limits, type Loaded } from './load/loaded.js';
import { Diagnostics, type Result } from './result.js';
import { rulesVersion } from './ruleRegistry.js';
import { buildSections } from './structure/buildSections.js';
import { sectionLocator } from './structure/sectionLocator.js';
import { validateDocument } from './validate/validateDocument.js';

/** Options of the pipeline (all optional). */
export interface ProcessOptions {
  /** ISO date anchoring years the notice itself does not give (never the clock). */
  referenceDate?: string | null;
  /** OCR scanned PDFs. */
  ocr?: boolean;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  /** A context built once (createPipelineContext) for many calls; without it, each call builds its own (~0.1 s). */
  context?: PipelineContext;
}

/** Identity of the input, as written into `source`. */
export interface SourceInfo {
  path: string;
  sha256: string;
  bytes: number;
}

const RULES_VERSION = rulesVersion();

/** The SHA-256 of some bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Status from diagnostics: never ok while an error exists, or a warning that the input may not be a notice
 *  (format/mismatch, notice/not-a-notice: output/diagnosticCodes.ts `partial`). */
function statusOf(diagnostics: readonly Diagnostic[]): Status {
  return diagnostics.some((d) => d.severity === 'error' || makesPartial(d.code)) ? 'partial' : 'ok';
}

/** The context of a call: the one given (its reference date replaced when the options name one), or a new one. */
function contextOf(options: ProcessOptions): PipelineContext {
  if (!options.context) return createPipelineContext(options);
  return options.referenceDate === undefined ? options.context : { ...options.context, referenceDate: options.referenceDate };
}

/*
 * Extracted items with their sections, each built field by field in the contract's key order ([id,] text, span,
 * section, rule, then its own fields): documents are written as built, so this order is the order in the files.
 */
const placeMeasure = (m: MeasureItem, section: string | null): Measure => ({ id: m.id, text: m.text, span: m.span, section, rule: m.rule, status: m.status, statusRule: m.statusRule });
const placeCount = (c: CountItem, section: string | null): Count => ({
  text: c.text,
  span: c.span,
  section,
  rule: c.rule,
  value: c.value,
  unit: c.unit,
  object: c.object,
  approx: c.approx,
});
// A DateItem of either kind (a closed interval, or since with a nullable end) gives the DateMention of that kind.
const placeDate = (d: DateItem, section: string | null): DateMention =>
  ({
    text: d.text,
    span: d.span,
    section,
    rule: d.rule,
    start: d.start,
    end: d.end,
    precision: d.precision,
    kind: d.kind,
    implied: d.implied,
  }) as DateMention;
const placeRegulation = (r: RegulationItem, section: string | null): Regulation => ({ text: r.text, span: r.span, section, rule: r.rule, title: r.title, action: r.action });

/** The pure core: a loaded file's canonical text and its loader's diagnostics → a validated document. */
export function processLoaded(loaded: Result<Loaded>, source: SourceInfo, ctx: PipelineContext): NoticeDocument {
  const file = loaded.value;
  const text = repairText(file.text);
  if (text.trim().length === 0) throw new FileError('input/no-text', 'the file holds no text');
  const doc = documentContext(ctx, text);
  const diagnostics = new Diagnostics();
  diagnostics.take(loaded);

  const structure = diagnostics.take(buildSections(doc, file.pageStarts));
  const locator = sectionLocator(structure.sections);
  // The notice's own date (signature date line, page date, 发布时间 line) resolves 今年/去年 and ends …以来.
  const dates = diagnostics.take(extractDates(doc, noticeDateSources(structure, file.pageDate)));
  const meta = diagnostics.take(extractMeta(doc, { structure, dates, pageDate: file.pageDate }));
  const counts = diagnostics.take(extractCounts(doc, dates.map((d) => d.span)));
  const regulations = diagnostics.take(extractRegulations(doc, structure.sections));
  const measures = diagnostics.take(extractMeasures(doc, structure));

  const located = {
    measures: measures.map((m) => placeMeasure(m, locator.locate(m.span))),
    counts: counts.map((c) => placeCount(c, locator.locate(c.span))),
    regulations: regulations.map((r) => placeRegulation(r, locator.locate(r.span))),
  };
  diagnostics.take(checkGenre(doc, structure.sections));
  const indicators = diagnostics.take(extractIndicators(doc, { meta, titles: titlesOf(structure.sections, openingEnd(doc, structure.parts.body?.start ?? null)), ...located }));

  const document: NoticeDocument = {
    schema: SCHEMA_NAME,
    schemaVersion: SCHEMA_VERSION,
    rulesVersion: RULES_VERSION,
    source: {
      path: source.path,
      format: file.format,
      sha256: source.sha256,
      bytes: source.bytes,
      encoding: file.encoding,
      pages: file.pages,
    },
    status: statusOf(diagnostics.list),
    text,
    parts: structure.parts,
    meta,
    sections: structure.sections,
    measures: located.measures,
    counts: located.counts,
    dates: dates.map((d) => placeDate(d, locator.locate(d.span))),
    regulations: located.regulations,
    indicators,
    diagnostics: diagnostics.list,
  };
  // A document that breaks the schema or the span invariants is never written: validateDocument throws a FileError
  // (internal/schema, internal/span-invariant), which processBytes turns into a failed record.
  return validateDocument(document);
}

/** A `failed` document: what is known about the file, and why it could not be processed. */
export function failedDocument(source: SourceInfo, format: Format | null, code: DiagnosticCode, message: string): NoticeDocument {
  return validateDocument({
    schema: SCHEMA_NAME,
    schemaVersion: SCHEMA_VERSION,
    rulesVersion: RULES_VERSION,
    source: { path: source.path, format, sha256: source.sha256, bytes: source.bytes, encoding: null, pages: null },
    status: 'failed',
    text: '',
    parts: { preamble: null, body: null, closing: null },
    meta: {
      title: null,
      unit: null,
      inspector: null,
      inspectionKind: null,
      round: null,
      inspectionPeriod: null,
      inspectionSegments: [],
      feedbackDate: null,
      publishedDate: null,
      publicityPeriod: null,
      contacts: { phones: [], emails: [], address: null, postcode: null },
      evidence: {},
    },
    sections: [],
    measures: [],
    counts: [],
    dates: [],
    regulations: [],
    indicators: null,
    diagnostics: [{ severity: 'error', code, message, span: null }],
  });
}

/**
 * A call made wrongly (not a file that cannot be processed): arguments of the wrong type are a TypeError, a
 * reference date that is no calendar day a RangeError. The CLI checks its options before it gets here.
 */
function checkCall(what: 'bytes' | 'text', input: unknown, path: unknown, options: ProcessOptions): void {
  const typeOf = (v: unknown) => (v === null ? 'null' : typeof v);
  if (what === 'bytes' && !(input instanceof Uint8Array)) throw new TypeError(`processBytes: bytes must be a Uint8Array (a Buffer is one), not ${typeOf(input)}`);
  if (what === 'text' && typeof input !== 'string') throw new TypeError(`processText: text must be a string, not ${typeOf(input)}`);
  if (typeof path !== 'string') throw new TypeError(`${what === 'bytes' ? 'processBytes' : 'processText'}: path must be a string, not ${typeOf(path)}`);
  const ref = options.referenceDate;
  if (ref !== undefined && ref !== null && (typeof ref !== 'string' || !isValidIsoDate(ref))) {
    throw new RangeError(`referenceDate must be a day of the calendar as YYYY-MM-DD, not ${JSON.stringify(ref)}`);
  }
}

/** A `failed` document for an error thrown while processing (a FileError keeps its code; anything else is a bug). */
function failureOf(e: unknown, source: SourceInfo, format: Format | null): NoticeDocument {
  if (e instanceof FileError) return failedDocument(source, format ?? e.format, e.code, e.message);
  const message = e instanceof Error ? e.message : String(e);
  return failedDocument(source, format, 'internal/error', `unexpected error while processing: ${message}`);
}

/**
 * Load and process one file's bytes. Every file gives a document: one that cannot be processed gives a `failed`
 * document with the code of its error (input/empty, pdf/encrypted, limit/timeout, internal/… for a bug). The promise
 * rejects only for a call made wrongly: a TypeError for arguments of the wrong type, a RangeError for a
 * referenceDate that is not a calendar day.
 */
export async function processBytes(bytes: Uint8Array, path: string, options: ProcessOptions = {}): Promise<NoticeDocument> {
  checkCall('bytes', bytes, path, options);
  const source: SourceInfo = { path, sha256: sha256Hex(bytes), bytes: bytes.length };
  let format: Format | null = null;
  try {
    const loaded = await loadBytes(bytes, path, {
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      ocr: options.ocr ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    format = loaded.value.format;
    return processLoaded(loaded, source, contextOf(options));
  } catch (e) {
    return failureOf(e, source, format);
  }
}

/**
 * Library entry: process a notice given as a string, exactly as the CLI processes a UTF-8 .txt file of that text —
 * an empty or blank text gives a `failed` document (input/empty, input/no-text), as the CLI does. Throws only for a
 * call made wrongly (TypeError, RangeError: as processBytes).
 */
export function processText(text: string, options: ProcessOptions & { path?: string } = {}): NoticeDocument {
  const path = options.path ?? 'text.txt';
  checkCall('text', text, path, options);
  const bytes = Buffer.from(text, 'utf8');
  const source: SourceInfo = { path, sha256: sha256Hex(bytes), bytes: bytes.length };
  try {
    if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
    return processLoaded(
      { value: { format: 'txt', text: unifyLineEnds(text.replace(/^\uFEFF/u, '')), encoding: 'utf-8', pages: null, pageStarts: null, pageDate: null }, diagnostics: [] },
      source,
      contextOf(options),
    );
  } catch (e) {
    return failureOf(e, source, 'txt');
  }
}
