/**
 * Visual lines from positioned text pieces (pdf.js text items or OCR words): pieces are grouped by baseline,
 * ordered by x, and concatenated with the gaps between them interpreted (a wide gap is kept as one space).
 * Coordinates are points with y measured DOWN from the top of the page, so OCR and PDF lines share one model.
 */
import { WIDE_GAP, tidyLine } from './text.js';

/** One visual line of a page. */
export interface PdfLine {
  /** 1-based page number. */
  page: number;
  /** The line's text, tidied (Chinese/Latin spacing repaired), never empty. */
  text: string;
  /** Left and right edges, in points from the page's left edge. */
  left: number;
  right: number;
  /** Baseline, in points from the page's top edge. */
  y: number;
  /** Font size (the em), in points. */
  size: number;
}

/** A page's geometry and its lines in reading order (top to bottom). */
export interface PdfPageLines {
  page: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

/** A positioned piece of text: pdf.js TextItem geometry already converted to the page's top-down frame. */
export interface TextPiece {
  str: string;
  x: number;
  /** Baseline, from the page's top. */
  y: number;
  width: number;
  size: number;
}

/** Minimal shape of a pdf.js TextItem (structural, so tests can build items by hand). */
interface PdfTextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Convert pdf.js text items to pieces in the page's top-down frame; rotated text (watermarks) is dropped. */
export function piecesFromItems(items: readonly unknown[], view: readonly number[]): TextPiece[] {
  const [x0 = 0, , , y1 = 0] = view;
  const pieces: TextPiece[] = [];
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null || !('str' in raw) || !('transform' in raw)) continue;
    const item = raw as PdfTextItemLike;
    if (item.str === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    if (Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a <= 0) continue; // rotated or mirrored
    const size = Math.hypot(c, d) || item.height || 1;
    pieces.push({ str: item.str, x: e - x0, y: y1 - f, width: Math.max(0, item.width), size });
  }
  return pieces;
}

/** Group pieces into visual lines: same baseline within 40% of the em, then left to right. */
export function linesFromPieces(pieces: readonly TextPiece[], page: number): PdfLine[] {
  const visible = pieces.filter((p) => p.str.trim() !== '' || p.width > 0);
  const sorted = [...visible].sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let baseline = Number.NaN;
  for (const piece of sorted) {
    const tolerance = 0.4 * piece.size;
    if (current.length > 0 && Math.abs(piece.y - baseline) <= tolerance) {
      current.push(piece);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [piece];
    baseline = piece.y;
  }
  if (current.length > 0) groups.push(current);
  const lines: PdfLine[] = [];
  for (const group of groups) {
    const line = assembleLine(group, page);
    if (line) lines.push(line);
  }
  return lines;
}

/** Concatenate one line's pieces left to right, interpreting gaps; null when the line holds only spaces. */
function assembleLine(group: TextPiece[], page: number): PdfLine | null {
  const pieces = [...group].sort((p, q) => p.x - q.x);
  let raw = '';
  let prevRight = Number.NaN;
  let prevPiece: TextPiece | null = null;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  const sizes = new Map<number, number>();
  for (const piece of pieces) {
    // Fake bold: the same string drawn twice a fraction of a point apart.
    if (prevPiece && prevPiece.str === piece.str && Math.abs(prevPiece.x - piece.x) < 0.3 * piece.size) continue;
    const blank = piece.str.trim() === '';
    if (!blank) {
      const gap = piece.x - prevRight;
      if (Number.isFinite(gap)) {
        if (gap > 1.5 * piece.size) raw += WIDE_GAP;
        else if (gap > 0.2 * piece.size && /[A-Za-z0-9.,;:)]$/u.test(raw) && /^[A-Za-z0-9(]/u.test(piece.str)) raw += ' ';
      }
      left = Math.min(left, piece.x + leadingBlankWidth(piece));
      right = Math.max(right, piece.x + piece.width);
      const key = Math.round(piece.size * 2) / 2;
      sizes.set(key, (sizes.get(key) ?? 0) + piece.str.length);
    }
    raw += piece.str;
    prevRight = blank ? prevRight : piece.x + piece.width;
    prevPiece = piece;
  }
  const text = tidyLine(raw);
  if (text === '' || !Number.isFinite(left)) return null;
  let size = 0;
  let best = -1;
  for (const [s, n] of sizes) if (n > best || (n === best && s > size)) [size, best] = [s, n];
  const y = pieces.reduce((sum, p) => sum + p.y, 0) / pieces.length;
  return { page, text, left, right, y, size };
}

/** Width taken by leading spaces inside a piece (so ' 3' starts where the 3 is drawn). */
function leadingBlankWidth(piece: TextPiece): number {
  const lead = piece.str.length - piece.str.trimStart().length;
  return lead === 0 || piece.str.length === 0 ? 0 : (piece.width * lead) / piece.str.length;
}
