/**
 * Page furniture removal: page-number lines (rules/pdfFurniture.ts) and running headers/footers (a line
 * repeated, digits aside, at the same height on most pages). Only lines at a page's top or bottom edge are
 * candidates: the first or last EDGE_LINES lines of the page that also lie in the outer EDGE_ZONE of its height.
 */
import { compactLine, matchFurniture } from '../../../rules/pdfFurniture.js';
import type { PdfLine, PdfPageLines } from './lines.js';

/** How many lines at each end of a page may be furniture. */
const EDGE_LINES = 2;
/** Fraction of the page height, at the top and at the bottom, where furniture sits. */
const EDGE_ZONE = 0.2;
/** A running line must recur on at least this share of the pages (and on two pages at least). */
const RUNNING_SHARE = 0.5;
/** Two running lines are "at the same height" within this many points. */
const RUNNING_Y_TOLERANCE = 6;

/** A line removed as furniture, and why. */
export interface RemovedLine {
  line: PdfLine;
  rule: string;
}

/** The edge lines of a page: the first and last EDGE_LINES lines inside the edge zones. */
function edgeLines(page: PdfPageLines): PdfLine[] {
  const n = page.lines.length;
  const picked = new Set<PdfLine>();
  for (let i = 0; i < Math.min(EDGE_LINES, n); i++) {
    const top = page.lines[i]!;
    if (top.y <= page.height * EDGE_ZONE + top.size) picked.add(top);
    const bottom = page.lines[n - 1 - i]!;
    if (bottom.y >= page.height * (1 - EDGE_ZONE)) picked.add(bottom);
  }
  return [...picked];
}

/** True when the line's centre is within 3 em of the page's centre. */
function isCentered(line: PdfLine, pageWidth: number): boolean {
  return Math.abs((line.left + line.right) / 2 - pageWidth / 2) <= 3 * line.size;
}

/** The key under which running lines are compared: compact text with every digit run replaced by '#'. */
function runningKey(line: PdfLine): string {
  return compactLine(line.text).replace(/\d+/gu, '#');
}

/** Remove page furniture from every page (in place on copies); returns the kept pages and what was removed. */
export function removeFurniture(pages: readonly PdfPageLines[]): { pages: PdfPageLines[]; removed: RemovedLine[] } {
  const removed = new Map<PdfLine, string>();
  const edges = pages.map(edgeLines);

  pages.forEach((page, i) => {
    for (const line of edges[i]!) {
      const hit = matchFurniture(line.text, isCentered(line, page.width));
      if (hit) removed.set(line, hit.rule);
    }
  });

  // Running headers/footers: the same key at about the same height on most pages.
  if (pages.length >= 2) {
    const byKey = new Map<string, PdfLine[]>();
    for (const lines of edges) {
      for (const line of lines) {
        if (removed.has(line)) continue;
        const key = runningKey(line);
        if (key.length === 0) continue;
        const list = byKey.get(key) ?? [];
        list.push(line);
        byKey.set(key, list);
      }
    }
    const needed = Math.max(2, Math.ceil(pages.length * RUNNING_SHARE));
    for (const lines of byKey.values()) {
      // Cluster by height; a cluster present on enough distinct pages is a running line.
      const sorted = [...lines].sort((a, b) => a.y - b.y);
      let start = 0;
      for (let end = 1; end <= sorted.length; end++) {
        if (end < sorted.length && sorted[end]!.y - sorted[end - 1]!.y <= RUNNING_Y_TOLERANCE) continue;
        const cluster = sorted.slice(start, end);
        if (new Set(cluster.map((l) => l.page)).size >= needed) {
          for (const line of cluster) removed.set(line, 'furniture/running-line');
        }
        start = end;
      }
    }
  }

  const kept = pages.map((page) => ({ ...page, lines: page.lines.filter((l) => !removed.has(l)) }));
  return { pages: kept, removed: [...removed].map(([line, rule]) => ({ line, rule })) };
}
