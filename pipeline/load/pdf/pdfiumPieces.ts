/**
 * Text pieces from PDFium's characters, grouped the way pdf.js groups glyphs into text items, so that the line,
 * furniture and paragraph code (pdfLines.ts and after) sees the same input whichever engine read the page.
 *
 * PDFium reports each character with its origin, advance and text object but leaves grouping to the caller; it
 * also synthesises spaces and line breaks by its own rules (generated characters, skipped by the reader). pdf.js
 * (src/core/evaluator.js, getTextContent → buildTextContentItem / compareWithLastPosition / addFakeSpaces) walks
 * the glyphs in content order and, for the gap between the end of the previous glyph and the start of the next,
 * measured in ems of the font size:
 *   - moving back more than 0.2 em, or off the baseline by more than an em: starts a new item (new line or run);
 *   - up to 0.102 em: same item, unless a real space was just skipped (then a one-space item between);
 *   - 0.102–0.6 em: one space inside the item;
 *   - more than 0.6 em: a new item, with a one-space item spanning the gap;
 *   - a change of font or font size starts a new item; whitespace glyphs are never emitted, only remembered.
 * The same decisions are taken here over PDFium's characters; item strings get pdf.js's normalizeUnicode (the
 * NFKC of ligatures and compatibility spaces) so that both engines give the same characters.
 */
import { loadedPdfjs } from './pdfjsModule.js';
import type { TextPiece } from './lines.js';

/** How a character takes part in grouping (pdf.js's unicode categories). */
export const GlyphKind = {
  /** A drawn glyph: positioned, advances the pen. */
  glyph: 0,
  /** Whitespace (\s): never emitted, only remembered for the space decision. */
  space: 1,
  /** A zero-width combining mark (\p{Mn}): appended without any gap decision. */
  mark: 2,
} as const;
export type GlyphKind = (typeof GlyphKind)[keyof typeof GlyphKind];

/** One character as read from PDFium, in PDF user space (y up). */
export interface PdfiumGlyph {
  /** Its text: one code point, or several when the font maps one glyph to several characters. */
  text: string;
  kind: GlyphKind;
  /** Where the glyph starts, on the baseline. */
  x: number;
  y: number;
  /** Where its advance ends along the baseline. */
  end: number;
  /** The em (effective font size) along and across the baseline, in user-space units. */
  emX: number;
  em: number;
  /** Identity of the font, and the font size operand: pdf.js starts a new item when either changes. */
  font: number;
  fontSize: number;
  /** Rotated or mirrored text (watermarks, vertical stamps): dropped, as pdf.js items of that kind are. */
  rotated: boolean;
}

/** pdf.js's gap thresholds, in ems (evaluator.js: NEGATIVE_SPACE_FACTOR, NOT_A_SPACE_FACTOR, …). */
const NEGATIVE_SPACE = -0.2;
const NOT_A_SPACE = 0.03;
const TRACKING_SPACE = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;

/** Group one page's characters (content order) into pieces in the page's top-down frame; view = [x0, y0, x1, y1]. */
export function piecesFromGlyphs(glyphs: readonly PdfiumGlyph[], view: readonly number[]): TextPiece[] {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const pieces: TextPiece[] = [];

  // The open item.
  let parts: string[] = [];
  let startX = 0;
  let startY = 0;
  let size = 0;
  let end = 0;
  // The end of the last drawn glyph (pdf.js's prevTransform), NaN before the first.
  let prevEnd = Number.NaN;
  let prevY = 0;
  let prevEm = 0;
  // The two last characters seen (pdf.js's twoLastChars): a space is added after "x␠".
  let older = ' ';
  let recent = ' ';
  let font = Number.NaN;
  let fontSize = Number.NaN;

  const flush = (): void => {
    if (parts.length === 0) return;
    pieces.push({ str: loadedPdfjs().normalizeUnicode(parts.join('')) as string, x: startX - x0, y: y1 - startY, width: Math.abs(end - startX), size });
    parts = [];
  };
  const whitespace = (width: number): void => {
    pieces.push({ str: ' ', x: prevEnd - x0, y: y1 - prevY, width: Math.abs(width), size: prevEm });
  };
  const resetLast = (): void => {
    older = ' ';
    recent = ' ';
  };
  /** Remember a character; true when a space must precede it (the two before were a character and a space). */
  const remember = (ch: string): boolean => {
    const add = older !== ' ' && recent === ' ';
    older = recent;
    recent = ch;
    return add;
  };
  const open = (g: PdfiumGlyph): void => {
    if (parts.length > 0) return;
    startX = g.x;
    startY = g.y;
    size = g.em;
    end = g.x;
  };

  for (const g of glyphs) {
    if (g.kind === GlyphKind.space) {
      remember(' ');
      continue;
    }
    if (g.rotated) {
      flush();
      resetLast();
      prevEnd = Number.NaN;
      continue;
    }
    if (g.font !== font || g.fontSize !== fontSize) {
      flush();
      font = g.font;
      fontSize = g.fontSize;
    }
    if (g.kind === GlyphKind.mark) {
      open(g);
      if (remember(g.text)) parts.push(' ');
      parts.push(g.text);
      continue;
    }
    if (g.end < x0 || g.x > x1 || g.y < y0 || g.y > y1) continue; // outside the page's visible box

    if (Number.isFinite(prevEnd)) {
      const ax = g.x - prevEnd;
      const ay = g.y - prevY;
      const emX = g.emX;
      const em = parts.length > 0 ? size : g.em;
      if (ax < NEGATIVE_SPACE * emX || Math.abs(ay) > em) {
        resetLast();
        flush();
      } else {
        if (ax <= NOT_A_SPACE * emX) resetLast();
        if (ax <= TRACKING_SPACE * emX) {
          if (older !== ' ' && recent === ' ') {
            resetLast();
            flush();
            whitespace(ax);
          }
        } else if (ax <= SPACE_IN_FLOW_MAX * emX) {
          resetLast();
          if (parts.length > 0) parts.push(' ');
          else whitespace(ax);
        } else {
          flush();
          resetLast();
          whitespace(ax);
        }
        if (Math.abs(ay) > VERTICAL_SHIFT * em) flush();
      }
    }

    open(g);
    end = g.end;
    prevEnd = g.end;
    prevY = g.y;
    prevEm = g.em;
    if (remember(g.text)) parts.push(' ');
    parts.push(g.text);
  }
  flush();
  return pieces;
}
