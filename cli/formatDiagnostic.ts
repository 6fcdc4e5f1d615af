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

/** One diagnostic as a line for stderr (the line index of the text is kept for the next call on the same text). */
export function formatDiagnostic(path: string, text: string, d: Diagnostic): string {
  if (!d.span) return `${path} ${d.severity} ${d.code} ${d.message}`;
  if (last?.text !== text) last = { text, index: new LineIndex(text) };
  const { line, col } = last.index.lineCol(d.span.start);
  return `${path}:${line}:${col} ${d.severity} ${d.code} ${d.message}`;
}
