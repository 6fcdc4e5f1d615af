/**
 * A notice as section chunks (`zhenggai run --to chunks`, `<name>.chunks.jsonl`), for search and retrieval
 * pipelines, in the manner of unstructured's chunk-by-title: one JSON line per leaf section, carrying its heading
 * path, the notice's metadata and the items found in it (measures with their status, figures with their text,
 * dates, regulations).
 *
 * The chunks partition the text: the preamble (before the first heading) and the closing (欢迎…监督, contacts,
 * signature) are chunks of their own, and a section with subsections has a chunk of its own text when it has some
 * before its first subsection (an introduction); a chunk that would hold only whitespace, or only the heading of a
 * section whose text is all in its subsections, is left out (that heading is in its subsections' `headings`). So
 * every character of `text` outside whitespace and such headings is in exactly one chunk. A failed document (no
 * text) has no chunks. Field reference: output/chunkSchema.ts.
 */
import type { NoticeDocument, Section, Span } from './schema.js';

/** The name and version of a chunk line (the output contract's version: chunks are part of it since 1.3.0). */
export const CHUNK_SCHEMA_NAME = 'zhenggai.chunk';

/** One heading of a chunk's heading path. */
interface HeadingRef {
  id: string;
  level: number;
  marker: string;
  title: string;
}

/** The items of a document sorted by where they start, handed out stretch by stretch. */
class ItemCursor<T extends { span: Span }> {
  private i = 0;
  private readonly sorted: T[];
  constructor(items: readonly T[]) {
    this.sorted = [...items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  /** The items that start in [start, end). Stretches are asked for in order. */
  take(start: number, end: number): T[] {
    while (this.i < this.sorted.length && this.sorted[this.i]!.span.start < start) this.i++;
    const from = this.i;
    while (this.i < this.sorted.length && this.sorted[this.i]!.span.start < end) this.i++;
    return this.sorted.slice(from, this.i);
  }
}

/** A stretch of text that becomes one chunk (when it holds more than whitespace). */
interface Stretch {
  kind: 'preamble' | 'section' | 'closing';
  start: number;
  end: number;
  path: HeadingRef[];
  /** Where the text that makes the stretch a chunk starts: after the heading of a section with subsections (one
   *  holding only its heading is left out), else at `start`. */
  bodyStart: number;
}

/** The stretches of a document, in text order. */
function stretches(doc: NoticeDocument): Stretch[] {
  const text = doc.text;
  const closing = doc.parts.closing && doc.parts.closing.end > doc.parts.closing.start ? doc.parts.closing.start : text.length;
  const out: Stretch[] = [];
  let at = 0;
  const add = (s: Stretch) => {
    if (s.end > s.start) out.push(s);
    at = Math.max(at, s.end);
  };
  const walk = (s: Section, above: HeadingRef[]) => {
    // Text between two sections (whitespace, in practice) goes with the stretch before it.
    if (s.span.start > at) add({ kind: out.at(-1)?.kind ?? 'preamble', start: at, end: s.span.start, path: out.at(-1)?.path ?? [], bodyStart: at });
    const path = [...above, { id: s.id, level: s.level, marker: s.marker, title: s.title }];
    const own = s.children[0]?.span.start ?? s.span.end;
    add({ kind: 'section', start: s.span.start, end: own, path, bodyStart: s.children.length > 0 ? Math.max(s.titleSpan.end, s.span.start) : s.span.start });
    for (const c of s.children) walk(c, path);
    if (s.span.end > at) add({ kind: 'section', start: at, end: s.span.end, path, bodyStart: at });
  };
  for (const s of doc.sections) walk(s, []);
  if (closing > at) add({ kind: out.length === 0 ? 'preamble' : 'section', start: at, end: closing, path: out.at(-1)?.path ?? [], bodyStart: at });
  if (text.length > closing) add({ kind: 'closing', start: closing, end: text.length, path: [], bodyStart: closing });
  return out;
}

/** The metadata every chunk carries: the document's `meta` without the evidence. */
function chunkMeta(doc: NoticeDocument): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc.meta)) if (k !== 'evidence') meta[k] = v;
  return meta;
}

/** The chunk lines of a document (each a JSON object and a newline), in text order. Deterministic. */
export function* chunkLines(doc: NoticeDocument): Generator<string> {
  const text = doc.text;
  const meta = chunkMeta(doc);
  const measures = new ItemCursor(doc.measures);
  const counts = new ItemCursor(doc.counts);
  const dates = new ItemCursor(doc.dates);
  const regulations = new ItemCursor(doc.regulations);
  let n = 0;
  for (const s of stretches(doc)) {
    const items = {
      measures: measures.take(s.start, s.end).map((m) => ({ id: m.id, text: m.text, status: m.status, span: m.span })),
      figures: counts.take(s.start, s.end).map((c) => ({ text: c.text, value: c.value, unit: c.unit, object: c.object, approx: c.approx, span: c.span })),
      dates: dates.take(s.start, s.end).map((d) => ({ text: d.text, start: d.start, end: d.end, kind: d.kind, span: d.span })),
      regulations: regulations.take(s.start, s.end).map((r) => ({ title: r.title, action: r.action, span: r.span })),
    };
    if (text.slice(s.bodyStart, s.end).trim() === '') continue;
    const last = s.path.at(-1);
    const chunk = {
      schema: CHUNK_SCHEMA_NAME,
      schemaVersion: doc.schemaVersion,
      rulesVersion: doc.rulesVersion,
      path: doc.source.path,
      sha256: doc.source.sha256,
      n: n++,
      kind: s.kind,
      section: s.kind === 'section' && last ? last.id : null,
      headings: s.kind === 'section' ? s.path.map(({ level, marker, title }) => ({ level, marker, title })) : [],
      text: text.slice(s.start, s.end),
      span: { start: s.start, end: s.end },
      meta,
      ...items,
    };
    yield `${JSON.stringify(chunk)}\n`;
  }
}

/** The first bytes of every chunk line of the document of `path` with these input bytes, versions and rules: what a
 *  resumed run checks before it keeps a chunks file. */
export function chunksHead(head: { schemaVersion: string; rulesVersion: string; path: string; sha256: string }): string {
  return `{"schema":${JSON.stringify(CHUNK_SCHEMA_NAME)},"schemaVersion":${JSON.stringify(head.schemaVersion)},"rulesVersion":${JSON.stringify(head.rulesVersion)},"path":${JSON.stringify(head.path)},"sha256":${JSON.stringify(head.sha256)},`;
}
