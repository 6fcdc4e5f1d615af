/**
 * The section tree: heading candidates by marker rules at line starts, nested by a stack over marker styles
 * (architecture.md, principle 5): a style already open is a sibling (pop back to it), a new style is a child.
 * Styles are compared by nesting family (rules/markers.ts: 1. and 1、 are one level).
 * GB/T 9704-2012 §7.3.3's order 一、→（一）→1.→（1） is the usual result, not an assumption: a notice that starts at
 * （一） nests correctly. The preamble (before the first heading) and the closing belong to no section.
 */
import { diagnostic } from '../../output/diagnosticCodes.js';
import type { Diagnostic, MarkerStyle, Section, Span } from '../../output/schema.js';
import { MARKER_RULES, type MarkerValue, NESTING_FAMILY } from '../../rules/markers.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { normalizeText } from '../../text/charMap.js';
import type { DocumentContext } from '../context.js';
import { type Result, result } from '../result.js';
import { findClosing, type ClosingLine } from './findClosing.js';
import { isBlank, type Line, splitLines } from './lines.js';

/** A heading found at a line start. */
interface Heading {
  lineIndex: number;
  start: number;
  markerEnd: number;
  style: MarkerStyle;
  ordinal: number;
  rule: string;
  titleSpan: Span;
  /** True when the title ends at a 。 with body text after it on the same line (a run-in heading). */
  runIn: boolean;
}

/** The structure of one notice. */
export interface Structure {
  lines: Line[];
  headings: Heading[];
  sections: Section[];
  parts: { preamble: Span | null; body: Span | null; closing: Span | null };
  closingLines: ClosingLine[];
}

/** Match the marker rules at the start of one line of the normalized view. */
function matchMarker(view: string, line: Line): { rule: string; value: MarkerValue } | null {
  const s = view.slice(line.start, Math.min(line.end, line.start + 24));
  for (const rule of MARKER_RULES) {
    const m = rule.pattern.exec(s);
    if (!m) continue;
    const value = rule.extract(m, undefined);
    if (value) return { rule: rule.id, value };
  }
  return null;
}

const SPACE = /[ \t]/u;

/** The heading title: after the marker and spaces, to the first 。 or the line end, trailing spaces trimmed. */
/** The first 。 of [from, to) outside quotation marks and brackets (a title may quote the problem: （一）在“…不够有力。
 *  党委未组织学习”方面), or -1. */
function fullStopOutsideQuotes(view: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = view[i]!;
    if (c === '“' || c === '‘' || c === '《' || c === '「' || c === '『') depth++;
    else if ((c === '”' || c === '’' || c === '》' || c === '」' || c === '』') && depth > 0) depth--;
    else if (c === '。' && depth === 0) return i;
  }
  return -1;
}

function titleOf(view: string, line: Line, markerEnd: number): { span: Span; runIn: boolean } {
  let start = markerEnd;
  while (start < line.end && SPACE.test(view[start]!)) start++;
  const stop = fullStopOutsideQuotes(view, start, line.end);
  const runIn = stop !== -1;
  let end = runIn ? stop : line.end;
  while (end > start && SPACE.test(view[end - 1]!)) end--;
  const trailingBody = runIn && view.slice(stop + 1, line.end).trim().length > 0;
  return { span: { start, end }, runIn: trailingBody };
}

interface Node {
  heading: Heading;
  children: Node[];
  end: number;
}

/** Build the section tree of a document (headings are matched on its view; markers and titles are its text's). */
export function buildSections(doc: Pick<DocumentContext, 'text' | 'view'>, pageStarts: readonly number[] | null): Result<Structure> {
  const { text, view } = doc;
  const lines = splitLines(view);
  const diagnostics: Diagnostic[] = [];
  const closingLines = findClosing(view, lines);
  const closingStart = closingLines[0]?.line.start ?? null;
  const bodyEnd = closingStart ?? view.length;

  const headings: Heading[] = [];
  lines.forEach((line, lineIndex) => {
    if (line.start >= bodyEnd || isBlank(view, line)) return;
    const hit = matchMarker(view, line);
    if (!hit) return;
    const markerEnd = line.start + hit.value.markerEnd;
    const { span, runIn } = titleOf(view, line, markerEnd);
    headings.push({
      lineIndex,
      start: line.start + hit.value.markerStart,
      markerEnd,
      style: hit.value.style,
      ordinal: hit.value.ordinal,
      rule: hit.rule,
      titleSpan: span,
      runIn,
    });
  });

  // Nest by a stack over styles.
  const roots: Node[] = [];
  const stack: Node[] = [];
  const markerText = (h: Heading) => text.slice(h.start, h.markerEnd).trim();
  for (const h of headings) {
    const node: Node = { heading: h, children: [], end: bodyEnd };
    const open = stack.findLastIndex((n) => NESTING_FAMILY[n.heading.style] === NESTING_FAMILY[h.style]);
    if (open >= 0) {
      const prev = stack[open]!.heading;
      stack.length = open;
      checkSibling(prev, h, markerText, diagnostics);
    } else if (h.ordinal !== 1) {
      diagnostics.push(diagnostic('structure/ordinal-gap', `heading ${markerText(h)} opens a new level but is not numbered 1`, { start: h.start, end: h.markerEnd }));
    }
    const parent = stack.at(-1);
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }

  // Each section ends where the next heading of the same or a shallower level starts (one pass, a stack of open
  // sections by depth).
  const open: Array<{ node: Node; depth: number }> = [];
  const visit = (nodes: Node[], depth: number) => {
    for (const n of nodes) {
      while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop()!.node.end = n.heading.start;
      open.push({ node: n, depth });
      visit(n.children, depth + 1);
    }
  };
  visit(roots, 1);
  for (const o of open) o.node.end = bodyEnd;

  const pageOf = (offset: number): number | null => {
    if (!pageStarts || pageStarts.length === 0) return null;
    let p = 0;
    for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i]! <= offset) p = i;
    return p + 1;
  };
  const toSection = (n: Node, id: string, level: number): Section => ({
    id,
    level,
    marker: markerText(n.heading),
    ordinal: n.heading.ordinal,
    style: n.heading.style,
    title: text.slice(n.heading.titleSpan.start, n.heading.titleSpan.end),
    span: { start: n.heading.start, end: n.end },
    titleSpan: n.heading.titleSpan,
    page: pageOf(n.heading.start),
    children: n.children.map((c, i) => toSection(c, `${id}.${i + 1}`, level + 1)),
  });
  const sections = roots.map((n, i) => toSection(n, String(i + 1), 1));

  const first = headings[0];
  const parts = {
    preamble: first ? (first.start > 0 ? { start: 0, end: first.start } : null) : bodyEnd > 0 ? { start: 0, end: bodyEnd } : null,
    body: first ? { start: first.start, end: bodyEnd } : null,
    closing: closingStart !== null ? { start: closingStart, end: view.length } : null,
  };
  if (!first && view.trim().length > 0) {
    diagnostics.push(diagnostic('structure/no-sections', 'no numbered headings (一、 （一） 1. …) were found; the whole text is treated as preamble'));
  }
  return result({ lines, headings, sections, parts, closingLines }, diagnostics);
}

function checkSibling(prev: Heading, h: Heading, markerText: (h: Heading) => string, out: Diagnostic[]): void {
  const span = { start: h.start, end: h.markerEnd };
  if (h.ordinal === prev.ordinal + 1) return;
  if (h.ordinal === prev.ordinal) {
    out.push(diagnostic('structure/ordinal-repeat', `heading ${markerText(h)} repeats the number of the heading before it`, span));
  } else if (h.ordinal > prev.ordinal + 1) {
    out.push(diagnostic('structure/ordinal-gap', `heading ${markerText(h)} follows ${markerText(prev)}: ${h.ordinal - prev.ordinal - 1} number(s) skipped`, span));
  } else {
    out.push(diagnostic('structure/ordinal-back', `heading ${markerText(h)} follows ${markerText(prev)}: the numbering goes back`, span));
  }
}

/** The marker table as registered: each line's marker (the match is the marker itself, without leading spaces). */
export const MARKERS_TABLE: RuleTable<unknown> = {
  name: 'markers',
  rules: MARKER_RULES,
  lexicons: { NESTING_FAMILY },
  run(text) {
    const view = normalizeText(text);
    return splitLines(view).flatMap((line): Array<Hit<unknown>> => {
      const hit = matchMarker(view, line);
      if (!hit) return [];
      const { markerStart, markerEnd, ...fields } = hit.value;
      return [{ start: line.start + markerStart, end: line.start + markerEnd, rule: hit.rule, value: fields }];
    });
  },
};
