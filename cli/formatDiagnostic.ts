/** Diagnostics for people: `path:line:col severity code message` (architecture.md, CLI conventions). */
import type { Diagnostic } from '../output/schema.js';

/** 1-based line and column (in UTF-16 units) of an offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lastNl = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return { line, col: offset - lastNl };
}

/** One diagnostic as a line for stderr. */
export function formatDiagnostic(path: string, text: string, d: Diagnostic): string {
  const where = d.span ? (({ line, col }) => `${path}:${line}:${col}`)(lineCol(text, d.span.start)) : path;
  return `${where} ${d.severity} ${d.code} ${d.message}`;
}
