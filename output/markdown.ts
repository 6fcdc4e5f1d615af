/**
 * A notice as Markdown (`zhenggai run --to md`): YAML front matter with the metadata, then the notice's own text in
 * order, with every section heading at its true level (a level-1 section is `#`, level 2 `##`, … — the levels of
 * the document's tree, not one flat level), the measures of each stretch of text as list items carrying their
 * status, and the closing after a thematic break.
 *
 * Nothing of the text is lost or reworded: every character of `text` outside whitespace appears once (a figure keeps
 * the words it was written with), Markdown's own characters are escaped, and blank lines separate the notice's lines
 * (each line of a notice is a paragraph; the file ends with one newline). Deeper than level 6, which Markdown has no heading for, a heading is a
 * paragraph in bold. The front matter is written by the `yaml` library, every string double-quoted (dates stay
 * strings for YAML 1.1 readers too).
 */
import { stringify } from 'yaml';
import type { Measure, NoticeDocument, Section } from './schema.js';

/** The label of a measure's status in its list item; a measure without a status has none. */
export const STATUS_LABEL: Readonly<Record<NonNullable<Measure['status']>, string>> = { done: '已完成', ongoing: '持续推进', planned: '计划中' };

/** Diagnostics listed in the front matter at most (all are in the JSON document). */
const FRONT_MATTER_DIAGNOSTICS = 20;

const YAML_OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const;

/** Characters Markdown may read as syntax anywhere in a line (CommonMark and GFM: emphasis, code, links, HTML,
 *  entities, strikethrough, tables, headings). Each is ASCII punctuation, so a backslash makes it literal. */
const INLINE_SYNTAX = /[\\`*_[\]<>&~#|]/gu;

/** `s` with Markdown's inline syntax escaped. */
const inline = (s: string): string => s.replace(INLINE_SYNTAX, '\\$&');

/** One line of the notice as the start of a Markdown block: ASCII spaces around it dropped (four would make a code
 *  block), inline syntax escaped, and what would open a list or make a thematic break made literal (`- `, `+ `,
 *  `1. `, `1) `, `---`); `1.25亿元` stays as it is. */
function blockLine(line: string): string {
  const t = inline(line.replace(/^[ \t]+|[ \t]+$/gu, ''));
  if (/^[-+](?:[ \t]|$)/u.test(t) || /^-(?:[ \t]*-){2,}[ \t]*$/u.test(t)) return `\\${t}`;
  return t.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/u, '$1\\$2');
}

/** The lines of `s` that hold more than whitespace, each as a block line. */
const blockLines = (s: string): string[] => s.split('\n').map(blockLine).filter((l) => l.trim() !== '');

/** The fields of the front matter: versions and source first (a resumed run reads them from the file's head:
 *  markdownHead), then the status, the metadata, the stated figures and the diagnostics. */
function frontMatter(doc: NoticeDocument): Record<string, unknown> {
  const { path, sha256, format, bytes, encoding, pages } = doc.source;
  const fm: Record<string, unknown> = {
    schema: doc.schema,
    schemaVersion: doc.schemaVersion,
    rulesVersion: doc.rulesVersion,
    source: { path, sha256, format, bytes, encoding, pages },
    status: doc.status,
  };
  for (const [k, v] of Object.entries(doc.meta)) if (k !== 'evidence') fm[k] = v;
  if (doc.indicators) {
    const stated: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc.indicators)) {
      if (v === null || (Array.isArray(v) && v.length === 0)) continue;
      stated[k] = typeof v === 'object' && !Array.isArray(v) ? v.value : v;
    }
    fm['indicators'] = stated;
  }
  fm['diagnostics'] = doc.diagnostics.slice(0, FRONT_MATTER_DIAGNOSTICS).map((d) => ({ severity: d.severity, code: d.code, message: d.message }));
  if (doc.diagnostics.length > FRONT_MATTER_DIAGNOSTICS) fm['diagnosticsNotListed'] = doc.diagnostics.length - FRONT_MATTER_DIAGNOSTICS;
  return fm;
}

/** The first bytes of every Markdown file of the document of `path` with these input bytes, versions and rules: what
 *  a resumed run checks before it keeps a file. */
export function markdownHead(head: { schema: string; schemaVersion: string; rulesVersion: string; path: string; sha256: string }): string {
  return `---\n${stringify({ schema: head.schema, schemaVersion: head.schemaVersion, rulesVersion: head.rulesVersion, source: { path: head.path, sha256: head.sha256 } }, YAML_OPTIONS)}`;
}

/** The measures of a document in text order, consumed stretch by stretch. */
class MeasureCursor {
  private i = 0;
  private readonly sorted: Measure[];
  constructor(measures: readonly Measure[]) {
    this.sorted = [...measures].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  /** The measures that lie within [start, end), in order, without overlaps; those before `start` are passed over. */
  take(start: number, end: number): Measure[] {
    const out: Measure[] = [];
    let at = start;
    while (this.i < this.sorted.length && this.sorted[this.i]!.span.start < end) {
      const m = this.sorted[this.i++]!;
      if (m.span.start >= at && m.span.end <= end && m.span.end > m.span.start) {
        out.push(m);
        at = m.span.end;
      }
    }
    return out;
  }
}

/** The Markdown blocks of text[start, end): its lines as paragraphs, and the measures in it as list items with
 *  their status (consecutive measures make one list). */
function* stretch(text: string, start: number, end: number, measures: MeasureCursor): Generator<string> {
  let at = start;
  let list: string[] = [];
  const endList = function* () {
    if (list.length > 0) yield `\n${list.join('\n')}\n`;
    list = [];
  };
  const plain = function* (s: string) {
    const lines = blockLines(s);
    if (lines.length === 0) return;
    yield* endList();
    for (const l of lines) yield `\n${l}\n`;
  };
  for (const m of measures.take(start, end)) {
    yield* plain(text.slice(at, m.span.start));
    const [first = '', ...rest] = text.slice(m.span.start, m.span.end).split('\n').map(blockLine).filter((l) => l.trim() !== '');
    const label = m.status ? `**${STATUS_LABEL[m.status]}** ` : '';
    list.push(`- ${label}${first}${rest.map((l) => `\n  ${l}`).join('')}`);
    at = m.span.end;
  }
  yield* plain(text.slice(at, end));
  yield* endList();
}

/** A heading line: `#` × level, or a bold paragraph below level 6. */
function heading(level: number, s: string): string {
  const t = inline(s.replace(/\s+/gu, ' ').trim());
  return level <= 6 ? `\n${'#'.repeat(level)} ${t}\n` : `\n**${t}**\n`;
}

/**
 * The Markdown of a document, in pieces (a large notice is never one string): front matter, preamble, sections,
 * closing. Deterministic: the same document gives the same bytes.
 */
export function* markdownPieces(doc: NoticeDocument): Generator<string> {
  yield `---\n${stringify(frontMatter(doc), YAML_OPTIONS)}---\n`;
  const text = doc.text;
  const measures = new MeasureCursor(doc.measures);
  const closing = doc.parts.closing?.start ?? text.length;
  let at = 0;
  function* section(s: Section): Generator<string> {
    if (s.span.start > at) yield* stretch(text, at, s.span.start, measures);
    const titleEnd = Math.max(s.titleSpan.end, s.span.start);
    yield heading(s.level, text.slice(s.span.start, titleEnd));
    const ownEnd = s.children[0]?.span.start ?? s.span.end;
    yield* stretch(text, titleEnd, ownEnd, measures);
    at = ownEnd;
    for (const c of s.children) yield* section(c);
    if (s.span.end > at) {
      yield* stretch(text, at, s.span.end, measures);
      at = s.span.end;
    }
  }
  for (const s of doc.sections) yield* section(s);
  if (closing > at) yield* stretch(text, at, closing, measures);
  if (closing < text.length && text.slice(closing).trim() !== '') {
    yield '\n***\n';
    yield* stretch(text, Math.max(closing, at), text.length, measures);
  }
}

/** The Markdown of a document as one string. */
export function renderMarkdown(doc: NoticeDocument): string {
  return [...markdownPieces(doc)].join('');
}
