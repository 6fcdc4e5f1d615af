/**
 * Paragraphs from visual lines by layout: Chinese official documents (GB/T 9704-2012 §7.3) indent each
 * paragraph's first line by 2 em, so a line indented from the body's left margin opens a paragraph; so do a
 * change of font size, a larger-than-usual vertical gap, a heading marker (一、 （一） 1.) after a line that
 * ended a sentence, and a line after one that stopped well short of the right margin. The decisions are an
 * ordered table of named rules; a paragraph continuing over a page break stays one paragraph.
 */
import { MARKER_RULES } from '../../../rules/markers.js';
import { normalizeText, repairText } from '../../../text/charMap.js';
import type { PdfLine, PdfPageLines } from './lines.js';
import { joinLines } from './text.js';

/** Layout figures of one document, measured from its lines. */
export interface LayoutStats {
  /** The body font size (most characters), in points. */
  bodySize: number;
  /** Left margin of the body text per page (pages without enough lines use the document's). */
  leftMargin: Map<number, number>;
  /** The usual width of a full body line, from the left margin. */
  textWidth: number;
  /** The usual distance between baselines of consecutive body lines. */
  lineGap: number;
  /** True when the document marks paragraphs by first-line indents. */
  usesIndent: boolean;
}

/** One rebuilt paragraph: its page (where it starts), its lines and its text. */
export interface Paragraph {
  page: number;
  lines: PdfLine[];
  text: string;
}

/** Round to the nearest half point (bucket for histograms). */
const half = (n: number): number => Math.round(n * 2) / 2;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1) + 0.5)))]!;
}

/** The value with the largest total weight (ties: the smaller value). */
function mode(weights: Map<number, number>, fallback: number): number {
  let best = fallback;
  let bestWeight = -1;
  for (const [value, weight] of [...weights].sort((a, b) => a[0] - b[0])) {
    if (weight > bestWeight) [best, bestWeight] = [value, weight];
  }
  return best;
}

/** The smallest value of a histogram (half-point buckets) whose weight, with its neighbours within 1 pt, reaches `min`. */
function smallestCommon(weights: Map<number, number>, min: number): number | null {
  const entries = [...weights].sort((a, b) => a[0] - b[0]);
  for (const [value] of entries) {
    const near = entries.filter(([v]) => Math.abs(v - value) <= 1).reduce((n, [, w]) => n + w, 0);
    if (near >= min) return value;
  }
  return null;
}

/** The smallest left position shared by at least `minCount` lines (within half an em); null if none. */
function smallestCommonLeft(lines: readonly PdfLine[], em: number, minCount: number): number | null {
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  for (let i = 0; i < lefts.length; i++) {
    let j = i;
    while (j + 1 < lefts.length && lefts[j + 1]! - lefts[i]! <= 0.5 * em) j++;
    if (j - i + 1 >= minCount) return lefts[i]!;
  }
  return null;
}

/** Measure a document's layout from its (furniture-free) pages. */
function measureLayout(pages: readonly PdfPageLines[]): LayoutStats {
  const all = pages.flatMap((p) => p.lines);
  const sizeWeights = new Map<number, number>();
  for (const l of all) sizeWeights.set(half(l.size), (sizeWeights.get(half(l.size)) ?? 0) + l.text.length);
  const bodySize = mode(sizeWeights, 12);
  const isBody = (l: PdfLine): boolean => Math.abs(l.size - bodySize) <= 0.15 * bodySize;
  const body = all.filter(isBody);

  const docLeft = smallestCommonLeft(body, bodySize, Math.max(2, Math.ceil(body.length * 0.05))) ?? Math.min(...all.map((l) => l.left), 0);
  const leftMargin = new Map<number, number>();
  for (const page of pages) {
    const lines = page.lines.filter(isBody);
    const own = lines.length >= 4 ? smallestCommonLeft(lines, bodySize, Math.max(2, Math.ceil(lines.length * 0.2))) : null;
    leftMargin.set(page.page, own ?? docLeft);
  }
  const marginOf = (l: PdfLine): number => leftMargin.get(l.page) ?? docLeft;
  const textWidth = quantile(body.map((l) => l.right - marginOf(l)), 0.8);

  // Baseline distances to lines that start at the margin (wrapped lines, and paragraph starts where paragraphs
  // are not indented). The usual line gap is the SMALLEST common one: paragraph spacing only adds to it, and in
  // a notice of short paragraphs the spaced distance can be the more frequent one.
  const gaps = new Map<number, number>();
  for (const page of pages) {
    const lines = page.lines.filter(isBody);
    for (let i = 1; i < lines.length; i++) {
      const cur = lines[i]!;
      if (cur.left - marginOf(cur) >= 1.2 * cur.size) continue;
      const d = cur.y - lines[i - 1]!.y;
      if (d >= 0.9 * bodySize && d <= 3 * bodySize) gaps.set(half(d), (gaps.get(half(d)) ?? 0) + 1);
    }
  }
  const totalGaps = [...gaps.values()].reduce((a, b) => a + b, 0);
  const lineGap = smallestCommon(gaps, Math.max(2, 0.25 * totalGaps)) ?? mode(gaps, 1.5 * bodySize);
  const indented = body.filter((l) => {
    const off = l.left - marginOf(l);
    return off >= 1.2 * l.size && off <= 3.5 * l.size;
  }).length;
  return { bodySize, leftMargin, textWidth, lineGap, usesIndent: indented >= 2 };
}

/** What a break rule sees: the previous and current lines and the document's layout. */
interface BreakContext {
  prev: PdfLine;
  cur: PdfLine;
  stats: LayoutStats;
}

/** Offset of a line's start from its page's left margin, in its own em. */
function indentEm(l: PdfLine, stats: LayoutStats): number {
  return (l.left - (stats.leftMargin.get(l.page) ?? 0)) / l.size;
}

/** How far short of the usual right edge a line stops, in its own em. */
function shortfallEm(l: PdfLine, stats: LayoutStats): number {
  return ((stats.leftMargin.get(l.page) ?? 0) + stats.textWidth - l.right) / l.size;
}

/** A centred or right-aligned line (a title, a signature, a date): offset well beyond a first-line indent. */
function isDisplayLine(l: PdfLine, stats: LayoutStats): boolean {
  return indentEm(l, stats) >= 3.5;
}

/** A line centred on the text block (a full-width line counts: a wrapped title's first line is one). */
function isCenteredLine(l: PdfLine, stats: LayoutStats): boolean {
  const center = (stats.leftMargin.get(l.page) ?? 0) + stats.textWidth / 2;
  return Math.abs((l.left + l.right) / 2 - center) <= 1.5 * l.size;
}

/** True when the line begins with a heading marker (rules/markers.ts) such as 一、 （一） 1. （1）. */
function startsWithMarker(text: string): boolean {
  const view = normalizeText(text);
  return MARKER_RULES.some((rule) => {
    const m = rule.pattern.exec(view);
    return m !== null && rule.extract(m, undefined) !== null;
  });
}

const SENTENCE_END = /[。！？；：!?;:]$/u;
const PARAGRAPH_END = /[。！？!?”」』)）]$/u;

/** Rules that keep a line in the previous paragraph even though a break rule would fire. */
const CONTINUE_RULES: ReadonlyArray<{ id: string; test(c: BreakContext): boolean }> = [
  {
    id: 'continue/centered-title',
    // A wrapped title: two consecutive centred display lines of the same large size.
    test: ({ prev, cur, stats }) =>
      prev.page === cur.page &&
      Math.abs(prev.size - cur.size) <= 0.15 * cur.size &&
      cur.size >= 1.1 * stats.bodySize &&
      isCenteredLine(prev, stats) &&
      isCenteredLine(cur, stats) &&
      cur.y - prev.y <= 2 * cur.size &&
      !SENTENCE_END.test(prev.text),
  },
];

/** Rules that open a new paragraph at `cur`, in order; the first that fires names the reason. */
const BREAK_RULES: ReadonlyArray<{ id: string; test(c: BreakContext): boolean }> = [
  { id: 'break/size-change', test: ({ prev, cur }) => Math.abs(prev.size - cur.size) > 0.12 * Math.max(prev.size, cur.size) },
  { id: 'break/indent', test: ({ cur, stats }) => indentEm(cur, stats) >= 1.2 },
  { id: 'break/after-display-line', test: ({ prev, stats }) => isDisplayLine(prev, stats) },
  {
    id: 'break/vertical-gap',
    test: ({ prev, cur, stats }) => prev.page === cur.page && cur.y - prev.y > 1.2 * stats.lineGap * (cur.size / stats.bodySize),
  },
  {
    id: 'break/heading-marker',
    test: ({ prev, cur, stats }) => startsWithMarker(cur.text) && (SENTENCE_END.test(prev.text) || shortfallEm(prev, stats) > 1),
  },
  {
    id: 'break/short-previous',
    // Where paragraphs are indented, the indent is the signal and a short line alone is not (text widths of
    // non-embedded fonts are unreliable): only a line that also closes a sentence ends a paragraph this way.
    test: ({ prev, stats }) =>
      stats.usesIndent ? shortfallEm(prev, stats) > 4 && PARAGRAPH_END.test(prev.text) : shortfallEm(prev, stats) > 1.5,
  },
];

/** Decide whether `cur` opens a new paragraph; returns the rule id that decided, or null to continue. */
function breakReason(prev: PdfLine, cur: PdfLine, stats: LayoutStats): string | null {
  const ctx: BreakContext = { prev, cur, stats };
  if (CONTINUE_RULES.some((r) => r.test(ctx))) return null;
  return BREAK_RULES.find((r) => r.test(ctx))?.id ?? null;
}

/** Rebuild paragraphs from the pages' lines (reading order: pages, then top to bottom). */
export function buildParagraphs(pages: readonly PdfPageLines[], stats: LayoutStats = measureLayout(pages)): Paragraph[] {
  const paragraphs: Array<{ page: number; lines: PdfLine[] }> = [];
  let prev: PdfLine | null = null;
  for (const page of pages) {
    for (const line of page.lines) {
      if (prev === null || breakReason(prev, line, stats) !== null) paragraphs.push({ page: line.page, lines: [line] });
      else paragraphs[paragraphs.length - 1]!.lines.push(line);
      prev = line;
    }
  }
  return paragraphs.map((p) => ({ ...p, text: repairText(joinLines(p.lines.map((l) => l.text))) }));
}

/** The canonical text of paragraphs and, per page, the offset where its first paragraph starts. */
export function paragraphsToText(paragraphs: readonly Paragraph[], pageCount: number): { text: string; pageStarts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (p.text === '') continue;
    if (text !== '') text += '\n';
    starts.push(text.length);
    text += p.text;
  }
  const kept = paragraphs.filter((p) => p.text !== '');
  const pageStarts: number[] = [];
  let k = 0;
  for (let page = 1; page <= pageCount; page++) {
    while (k < kept.length && kept[k]!.page < page) k++;
    pageStarts.push(page === 1 ? 0 : k < kept.length ? starts[k]! : text.length);
  }
  return { text, pageStarts };
}
