/**
 * Diagnostics for people: `path:line:col severity code message` (architecture.md, CLI conventions).
 *
 * Line and column come from an index of line starts built once per text and searched by bisection, so formatting
 * all of a document's diagnostics is linear in the text plus n·log(lines): scanning the text from its start for
 * each diagnostic made 400,000 warnings on a long text quadratic (issue 13).
 */
import type { Diagnostic } from '../output/schema.js';

/** Work done by the line indexes, for tests that check formatting stays linear. */
export const lineIndexWork = { builds: 0, probes: 0 };

/** The offsets where the lines of a text start (line 1 at 0, then one past each '\n'). */
class LineIndex {
  private readonly starts: Uint32Array;

  constructor(text: string) {
    lineIndexWork.builds++;
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Uint32Array(lines);
    let k = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1;
  }

  /** 1-based line and column (in UTF-16 units) of an offset. */
  lineCol(offset: number): { line: number; col: number } {
    // The last line start ≤ offset.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      lineIndexWork.probes++;
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

/** The index of the text formatted last: callers format one document's diagnostics one after another. */
let last: { text: string; index: LineIndex } | null = null;

/** The 1-based line and column of a diagnostic's span in `text`, or null when it has no span (the line index of the
 *  text is kept for the next call on the same text). */
export function diagnosticPosition(text: string, d: Pick<Diagnostic, 'span'>): { line: number; col: number } | null {
  if (!d.span) return null;
  if (last?.text !== text) last = { text, index: new LineIndex(text) };
  return last.index.lineCol(d.span.start);
}

/** A diagnostic's line for stderr: `path:line:col severity code message`, or `path severity code message`. */
export function diagnosticLine(path: string, at: { line: number; col: number } | null, d: { severity: string; code: string; message: string }): string {
  return `${path}${at ? `:${at.line}:${at.col}` : ''} ${d.severity} ${d.code} ${d.message}`;
}

/** One diagnostic as a line for stderr. */
export function formatDiagnostic(path: string, text: string, d: Diagnostic): string {
  return diagnosticLine(path, diagnosticPosition(text, d), d);
}
