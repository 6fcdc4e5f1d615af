/**
 * The data report.html carries, laid out for a browser at 20,000 units: the table's values column by column (one
 * array per column, plain JSON, read at once), and each unit's detail (tree, figures with their sentences, measures)
 * in chunks of CHUNK units that the page decodes only when one of their units is opened. When the details are large
 * they are deflated and base64-encoded (the browser inflates them with DecompressionStream), and when the report
 * would pass TARGET_BYTES the text of measures is cut to a common length (or, past that, left out) until it fits;
 * the per-unit view says so and links to the result file, which has every measure in full.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { UnitEntry, UnitsDocument } from '../../output/unitsSchema.js';
import type { DetailSection, UnitDetail } from './detail.js';
import { COLUMN_LABELS, labelOf, TABLE_COLUMNS, type ColumnType } from './labels.js';

type Cell = UnitEntry['values'][string];

/** Units per detail chunk: opening a unit decodes its chunk only. */
const CHUNK = 100;
/** Details up to this many bytes (as JSON) are embedded as plain JSON; larger ones are deflated. */
const PLAIN_LIMIT = 4_000_000;
/** The size the report's data is fitted to (the page's limit is 50 MB): measure text is cut until it fits. */
export const TARGET_BYTES = 45_000_000;
/** Measure text is cut to no fewer characters than this; when even that does not fit, it is left out. */
const MIN_CUT = 10;
/** Mentions listed per figure (a count of 《》 titles can have dozens); the rest are in the result file. */
const MAX_MENTIONS = 8;
/** A sentence longer than this is shown as a window around its mention. */
const SENTENCE_MAX = 140;
/** A heading title longer than this is cut (the full title is in the result file). */
const TITLE_MAX = 40;

/** Columns whose values the page needs beyond the table's own (marks, charts, links). */
const EXTRA_VALUES = ['measuresUnclassified', 'completionRateMismatch', 'publishedWithinTwoMonths', 'regulationsMadeFrom', 'regulationsRevisedFrom', 'source'] as const;

/** What the page reads at once: the table, one array per column. */
export interface RowsPayload {
  n: number;
  cols: Array<{ k: string; h: readonly string[]; en: string; t: ColumnType }>;
  /** The units.csv columns, in order (the details refer to them by index). */
  fcols: string[];
  /** Every units.csv column: [Chinese label, English description]. */
  labels: Record<string, [string, string]>;
  /** Values by column (the table's and EXTRA_VALUES), index = unit. */
  v: Record<string, Cell[]>;
  /** The label of each unit as the table shows it (its name, or 未识别单位 with its file). */
  name: string[];
  /** Why a unit could not be identified (null for an identified one). */
  why: Array<string | null>;
  /** The year the year filter uses: publication, else feedback, else the end of the inspection. */
  year: Array<number | null>;
  /** Bit k set: the unit has a sentence behind table column k. */
  ev: number[];
  /** Rule ids the details refer to by index. */
  rules: string[];
  /** Units per detail chunk, and whether the chunks are deflated. */
  chunk: number;
  z: boolean;
  /** Measure text cut to this many characters (0: in full; -1: left out), and the characters of measure text. */
  cut: number;
  measureChars: number;
}

/**
 * One unit's detail, compact (this is most of a large report): s: sections [level, marker, title]; f: figures
 * [column index into RowsPayload.fcols, value, mentions, number of mentions when more than MAX_MENTIONS]; a mention
 * is [sentence index into t, offset of the mention in it, its length, section index or -1, rule index]; m: measures
 * [section index or -1, status 0 done | 1 ongoing | 2 planned | 3 none, 1 when only this unit has it] and mt their
 * text; res/src: links to the result and the original file; older: the unit's older notices. A chunk holds each
 * field of its units as one array (field by field compresses better than unit by unit).
 */
export interface DetailPayload {
  s: Array<[number, string, string]>;
  f: Array<[number, Cell, Mention[], number?]>;
  t: string[];
  m: Array<[number, number, 0 | 1]>;
  mt: string[];
  res: string | null;
  src: string | null;
  older: string[];
}
type Mention = [number, number, number, number, number];

/** A link from the report's folder to a file: relative, with each segment percent-encoded. */
function hrefTo(path: string, fromDir: string): string {
  return relative(fromDir, path).split(sep).map(encodeURIComponent).join('/');
}

/** The unit's label: its name, or 未识别单位 and the file it is read from. */
export function unitLabel(u: UnitEntry): string {
  if (typeof u.values['unit'] === 'string' && u.values['unit'] !== '') return u.values['unit'];
  const source = typeof u.values['source'] === 'string' ? u.values['source'] : '';
  return `未识别单位（${source.slice(source.lastIndexOf('/') + 1) || '无文件名'}）`;
}

/** The year of a unit for the year filter. */
function yearOf(u: UnitEntry): number | null {
  for (const c of ['publishedDate', 'feedbackDate', 'inspectionEnd']) {
    const v = u.values[c];
    if (typeof v === 'string' && /^\d{4}-/u.test(v)) return Number(v.slice(0, 4));
  }
  return null;
}

/** A sentence and the offset of its mention, as a window around the mention when the sentence is long. */
function window(sentence: string, mention: string): [string, number, number] {
  const at = mention === '' ? -1 : sentence.indexOf(mention);
  if (sentence.length <= SENTENCE_MAX) return [sentence, at, at < 0 ? 0 : mention.length];
  if (at < 0) return [`${sentence.slice(0, SENTENCE_MAX)}…`, -1, 0];
  const side = Math.max(20, Math.floor((SENTENCE_MAX - mention.length) / 2));
  const start = Math.max(0, at - side);
  const end = Math.min(sentence.length, at + mention.length + side);
  const head = start > 0 ? '…' : '';
  return [`${head}${sentence.slice(start, end)}${end < sentence.length ? '…' : ''}`, at - start + head.length, mention.length];
}

/** The index of the innermost section holding an offset (-1: none). Sections are in document order. */
function sectionAt(sections: readonly DetailSection[], offset: number): number {
  let found = -1;
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k]!;
    if (s.span.start > offset) break;
    if (offset < s.span.end) found = k;
  }
  return found;
}

const STATUS_CODE = { done: 0, ongoing: 1, planned: 2 } as const;

/** Measure text cut to `cut` characters (0: whole, -1: none), as chunkJson does it. */
const cutText = (mt: readonly string[], cut: number): string[] => (cut < 0 ? [] : cut === 0 ? [...mt] : mt.map((t) => (t.length > cut ? `${t.slice(0, cut)}…` : t)));

/** Storage of a sealed chunk: deflated quickly (it is inflated again for each encoding of the chunk). */
const deflated = (json: string): Buffer => deflateRawSync(Buffer.from(json, 'utf8'), { level: 1 });
const inflated = (b: Buffer): string => inflateRawSync(b).toString('utf8');

/** Where sealed chunks keep their deflated bytes until the page is written. */
interface ChunkStore {
  /** Keep the bytes; returns the key to get them back with. */
  put(bytes: Buffer): number;
  get(key: number): Buffer;
}

class MemoryChunks implements ChunkStore {
  private readonly kept: Buffer[] = [];
  put(bytes: Buffer): number {
    return this.kept.push(bytes) - 1;
  }
  get(key: number): Buffer {
    return this.kept[key]!;
  }
}

/**
 * Sealed chunks' bytes in a temporary file (compare: the details of 20,000 units are some 50 MB deflated, and would
 * otherwise stay in memory from the units' pass until the page is written). The file is removed by `dispose`.
 */
class FileChunks implements ChunkStore {
  private readonly fd: number;
  private readonly at: number[] = [];
  private readonly length: number[] = [];
  private end = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  put(bytes: Buffer): number {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.end + done);
    this.at.push(this.end);
    this.length.push(bytes.length);
    this.end += bytes.length;
    return this.at.length - 1;
  }

  get(key: number): Buffer {
    const bytes = Buffer.allocUnsafe(this.length[key]!);
    for (let done = 0; done < bytes.length; ) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, this.at[key]! + done);
      if (n === 0) throw new Error(`${this.path}: ended early`);
      done += n;
    }
    return bytes;
  }

  dispose(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}

/**
 * A chunk of units' details, kept compact from the moment its units are in until the report is encoded: the JSON
 * of its fields but the measures' (deflated), the measures' [section, status, only] as numbers (the "only" marks
 * come when the comparison is done), and the measures' text (its JSON deflated; fitChunks cuts it to a length).
 * json(cut) gives the chunk's JSON exactly as JSON.stringify of its fields would: each field as one array.
 */
export class DetailChunk {
  readonly units: number;
  /** Bytes of json(0) in UTF-8 (a mark does not change it). */
  readonly plainBytes: number;
  /** Keys of the deflated JSON of the fields but the measures', and of the measures' text, in the store. */
  private readonly rest: number;
  private readonly text: number;
  private readonly split: number;
  /** Per unit, its first measure's index in `measures` (and the end, last). */
  private readonly starts: Int32Array;
  /** [section, status, only] of every measure of the chunk, unit after unit. */
  private readonly measures: Int32Array;

  constructor(
    units: readonly DetailPayload[],
    private readonly store: ChunkStore,
  ) {
    const field = <K extends keyof DetailPayload>(k: K) => JSON.stringify(units.map((u) => u[k]));
    const head = `{"s":${field('s')},"f":${field('f')},"t":${field('t')},"m":`;
    const tail = `,"res":${field('res')},"src":${field('src')},"older":${field('older')}}`;
    this.units = units.length;
    this.split = head.length;
    this.rest = store.put(deflated(head + tail));
    this.starts = new Int32Array(units.length + 1);
    units.forEach((u, i) => (this.starts[i + 1] = this.starts[i]! + u.m.length));
    this.measures = new Int32Array(this.starts[units.length]! * 3);
    units.forEach((u, i) => u.m.forEach((m, k) => this.measures.set(m, (this.starts[i]! + k) * 3)));
    const mt = JSON.stringify(units.map((u) => u.mt));
    this.text = store.put(deflated(mt));
    this.plainBytes = Buffer.byteLength(head) + Buffer.byteLength(tail) + Buffer.byteLength(this.measuresJson()) + Buffer.byteLength(`,"mt":${mt}`);
  }

  /** Mark measure k of unit i (of this chunk) as one no other unit has. */
  markOnly(i: number, k: number): void {
    this.measures[(this.starts[i]! + k) * 3 + 2] = 1;
  }

  private measuresJson(): string {
    const units: string[] = [];
    for (let i = 0; i < this.units; i++) {
      const ms: string[] = [];
      for (let k = this.starts[i]!; k < this.starts[i + 1]!; k++) ms.push(`[${this.measures[k * 3]},${this.measures[k * 3 + 1]},${this.measures[k * 3 + 2]}]`);
      units.push(`[${ms.join(',')}]`);
    }
    return `[${units.join(',')}]`;
  }

  /** The chunk as JSON, measure text cut to `cut` characters (0: whole, -1: none). */
  json(cut: number): string {
    const rest = inflated(this.store.get(this.rest));
    const text = inflated(this.store.get(this.text));
    const mt = cut === 0 ? text : JSON.stringify((JSON.parse(text) as string[][]).map((t) => cutText(t, cut)));
    return `${rest.slice(0, this.split)}${this.measuresJson()},"mt":${mt}${rest.slice(this.split)}`;
  }
}

/** A chunk as the page embeds it: JSON (safe in a script element), or deflated and base64-encoded. */
const encode = (json: string, z: boolean): string => (z ? deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64') : scriptSafe(json));

/**
 * The cut of measure text that brings the chunks within `budget` bytes: 0 when all of it fits, else the largest
 * length of at least MIN_CUT that fits, else -1 (no measure text). Sizes of compressed chunks are estimated from
 * every SAMPLE-th chunk (deterministic), then checked on the whole.
 */
export function fitChunks({ groups, longest, store }: DetailGroups, z: boolean, budget: number): { cut: number; chunks: FittedChunks } {
  const SAMPLE = 16;
  const sample = groups.length <= SAMPLE * 2 ? groups : groups.filter((_, k) => k % SAMPLE === 0);
  const units = (gs: readonly DetailChunk[]) => gs.reduce((n, g) => n + g.units, 0);
  const scale = units(groups) / Math.max(1, units(sample));
  const size = (chunk: string) => (z ? chunk.length : Buffer.byteLength(chunk)); // base64 is ASCII
  const estimate = (cut: number) => scale * sample.reduce((n, g) => n + size(encode(g.json(cut), z)), 0);
  let cut = 0;
  if (estimate(0) > budget) {
    if (estimate(MIN_CUT) > budget) cut = -1;
    else {
      let lo = MIN_CUT;
      let hi = Math.max(MIN_CUT, longest);
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (estimate(mid) <= budget) lo = mid;
        else hi = mid - 1;
      }
      cut = lo;
    }
  }
  for (;;) {
    // Each chunk goes to the store as it is encoded (at 20,000 units they are some 44 MB, kept until the page is
    // written); a cut that does not fit leaves its bytes there unused.
    let total = 0;
    const keys = groups.map((g) => {
      const chunk = encode(g.json(cut), z);
      total += size(chunk);
      return store.put(Buffer.from(chunk, 'utf8'));
    });
    if (cut < 0 || total <= budget) return { cut, chunks: { count: keys.length, get: (k) => store.get(keys[k]!).toString('utf8') } };
    cut = cut === 0 ? longest : Math.floor(cut * 0.8);
    if (cut < MIN_CUT) cut = -1;
  }
}

/** The encoded chunks fitChunks settled on, read back one at a time. */
export interface FittedChunks {
  count: number;
  get(k: number): string;
}

/** The units' details grouped in chunks, and the longest measure text (for fitChunks). */
export interface DetailGroups {
  groups: DetailChunk[];
  longest: number;
  /** Where the chunks' bytes are kept, and fitChunks keeps their encoded form. */
  store: ChunkStore;
}

/**
 * The report's data, built one unit at a time (compare hands each unit over as it is read, and keeps nothing else
 * of it for the page): the rows payload, and the details in chunks (fitChunks encodes them within a size).
 */
export class ReportDataBuilder {
  private readonly keys = [...TABLE_COLUMNS.map((c) => c.key), ...EXTRA_VALUES];
  private readonly tableKeys = TABLE_COLUMNS.map((c) => c.key);
  private readonly v: Record<string, Cell[]> = {};
  private readonly names: string[] = [];
  private readonly why: Array<string | null> = [];
  private readonly years: Array<number | null> = [];
  private readonly ev: number[] = [];
  private readonly rules: string[] = [];
  private readonly ruleIndex = new Map<string, number>();
  /** The sealed chunks of details, and the units of the chunk being filled. */
  private readonly chunks: DetailChunk[] = [];
  private current: DetailPayload[] = [];
  private count = 0;
  /** The measure ids of each unit (joined by a line break), until finish() marks the distinctive ones. */
  private readonly measureIds: string[] = [];
  private measureChars = 0;
  private longest = 0;

  /** Where the sealed chunks' bytes are kept: a temporary file when the builder is given one. */
  private readonly store: ChunkStore & { dispose?: () => void };

  constructor(
    private readonly columns: UnitsDocument['columns'],
    private readonly outDir: string,
    /** A temporary file for the sealed chunks (compare); without it they stay in memory. */
    spool?: string,
  ) {
    this.store = spool === undefined ? new MemoryChunks() : new FileChunks(spool);
    // The order of the columns in the page's JSON: the table's, the extra values, and unit (when not among them).
    for (const k of [...this.keys, 'unit']) this.v[k] ??= [];
  }

  private ruleOf(r: string): number {
    let k = this.ruleIndex.get(r);
    if (k === undefined) {
      k = this.rules.push(r) - 1;
      this.ruleIndex.set(r, k);
    }
    return k;
  }

  /** The next unit (in the order of units.json) and its detail. */
  add(u: UnitEntry, d: UnitDetail | null): void {
    for (const k of Object.keys(this.v)) this.v[k]!.push(k === 'unit' ? (typeof u.values['unit'] === 'string' ? u.values['unit'] : null) : (u.values[k] ?? null));
    this.names.push(unitLabel(u));
    this.why.push(typeof u.values['unit'] === 'string' && u.values['unit'] !== '' ? null : (d?.unidentified ?? '通报中没有找到单位名称，按文件单列。'));
    this.years.push(yearOf(u));
    this.ev.push(this.tableKeys.reduce((bits, k, j) => (k !== 'unit' && (u.evidence[k]?.length ?? 0) > 0 ? bits | (1 << j) : bits), 0));
    const sections = d?.sections ?? [];
    const sentences: string[] = [];
    const sentenceIndex = new Map<string, number>();
    const f: DetailPayload['f'] = [];
    for (const [col, c] of this.columns.entries()) {
      const value = u.values[c.name] ?? null;
      const evidence = u.evidence[c.name] ?? [];
      if ((value === null || value === '') && evidence.length === 0) continue;
      const mentions = evidence.slice(0, MAX_MENTIONS).map((e): Mention => {
        const [sentence, at, len] = window(e.sentence, e.text);
        let t = sentenceIndex.get(sentence);
        if (t === undefined) {
          t = sentences.push(sentence) - 1;
          sentenceIndex.set(sentence, t);
        }
        return [t, at, len, sectionAt(sections, e.span.start), this.ruleOf(e.rule)];
      });
      f.push(evidence.length > MAX_MENTIONS ? [col, value, mentions, evidence.length] : [col, value, mentions]);
    }
    const sectionIndex = new Map(sections.map((s, k) => [s.id, k]));
    const measures = d?.measures ?? [];
    for (const m of measures) {
      this.measureChars += m.text.length;
      this.longest = Math.max(this.longest, m.text.length);
    }
    this.measureIds.push(measures.map((m) => m.id).join('\n'));
    this.count++;
    this.current.push({
      s: sections.map((s) => [s.level, s.marker, s.title.length > TITLE_MAX ? `${s.title.slice(0, TITLE_MAX)}…` : s.title]),
      f,
      t: sentences,
      m: measures.map((m) => [m.section === null ? -1 : (sectionIndex.get(m.section) ?? -1), m.status === null ? 3 : STATUS_CODE[m.status], 0]),
      mt: measures.map((m) => m.text),
      res: d ? hrefTo(d.result, this.outDir) : null,
      src: d?.source ? hrefTo(d.source, this.outDir) : null,
      older: u.otherNotices,
    });
    if (this.current.length === CHUNK) this.seal();
  }

  /** Seal the chunk being filled. */
  private seal(): void {
    if (this.current.length > 0) this.chunks.push(new DetailChunk(this.current, this.store));
    this.current = [];
  }

  /** Remove the temporary file of the chunks (once the page is written, or given up). */
  dispose(): void {
    this.store.dispose?.();
  }

  /** The data, once every unit is added: measures only one unit has (units.json's distinctiveMeasures) marked. The
   *  chunks read their bytes back until dispose(). */
  finish(distinctiveMeasures: UnitsDocument['distinctiveMeasures']): { rows: RowsPayload; details: DetailGroups } {
    this.seal();
    for (const d of distinctiveMeasures) {
      const ids = this.measureIds[d.unit];
      const chunk = this.chunks[Math.floor(d.unit / CHUNK)];
      if (ids === undefined || !chunk) continue;
      const only = new Set(d.measures.map((m) => m.id));
      ids.split('\n').forEach((id, k) => {
        if (only.has(id)) chunk.markOnly(d.unit % CHUNK, k);
      });
    }
    this.measureIds.length = 0;
    const descriptions = new Map(this.columns.map((c) => [c.name, c.description]));
    const labels: Record<string, [string, string]> = {};
    for (const c of this.columns) labels[c.name] = [labelOf(c.name), c.description];
    for (const name of Object.keys(COLUMN_LABELS)) labels[name] ??= [labelOf(name), descriptions.get(name) ?? ''];
    const rows: RowsPayload = {
      n: this.count,
      cols: TABLE_COLUMNS.map((c) => ({ k: c.key, h: c.head, en: c.en, t: c.type })),
      fcols: this.columns.map((c) => c.name),
      labels,
      v: this.v,
      name: this.names,
      why: this.why,
      year: this.years,
      ev: this.ev,
      rules: this.rules,
      chunk: CHUNK,
      z: false,
      cut: 0,
      measureChars: this.measureChars,
    };
    const groups = [...this.chunks];
    this.chunks.length = 0;
    rows.z = groups.reduce((n, g) => n + g.plainBytes, 0) > PLAIN_LIMIT;
    return { rows, details: { groups, longest: this.longest, store: this.store } };
  }
}

/** The report's data of a whole comparison: the rows payload, and the details in chunks. */
export function reportData(doc: UnitsDocument, details: ReadonlyArray<UnitDetail | null>, outDir: string): { rows: RowsPayload; details: DetailGroups } {
  const builder = new ReportDataBuilder(doc.columns, outDir);
  doc.units.forEach((u, i) => builder.add(u, details[i] ?? null));
  return builder.finish(doc.distinctiveMeasures);
}

/** JSON text safe inside a <script> element: no "<" (so no </script> or <!--). */
export const scriptSafe = (json: string): string => json.replace(/</gu, '\\u003c');
