/** Line boundaries of the canonical text ('\n'-separated; `end` excludes the '\n'). */
export interface Line {
  start: number;
  end: number;
}

/** Split `text` into lines by '\n'. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** True when the line holds only whitespace. */
export function isBlank(view: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = view.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
