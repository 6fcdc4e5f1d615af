/**
 * Character-level repairs of PDF (and OCR) line text: the spaces PDF producers and pdf.js put between Chinese
 * and digits/Latin (`2023 年 6 月` → `2023年6月`), and how two wrapped lines are joined back (no space in
 * Chinese, none inside a number or date broken at a line end, one space between Latin words).
 */

/** A marker for a wide visual gap inside a line (a tab stop, a column gap); survives as one space. */
export const WIDE_GAP = '\uE000';

/** Characters of Chinese running text: ideographs, CJK punctuation, full-width forms, curly quotes, … */
const CJK =
  '\\p{Script=Han}\\u2E80-\\u2FDF\\u3000-\\u303F\\u3200-\\u32FF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2018-\\u201F\\u2026\\u2014\\u2015\\u00B7\\u2460-\\u24FF';

/** A single ordinary space touching a CJK character on either side: an artifact, not a word separator. */
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00A0]+(?=\\S)|(?<=\\S)[ \\t\\u00A0]+(?=[${CJK}])`, 'gu');

/** Tidy one visual line: drop spaces next to Chinese, keep one space between Latin words and at wide gaps. */
export function tidyLine(raw: string): string {
  return raw
    .replace(/[\u3000]+|[ \t\u00A0]{2,}/gu, WIDE_GAP) // ideographic space or a run of spaces: a deliberate gap
    .replace(SPACE_BY_CJK, '')
    .replace(new RegExp(`\\s*${WIDE_GAP}[\\s${WIDE_GAP}]*`, 'gu'), ' ')
    .replace(/[ \t\u00A0]+/gu, ' ')
    .trim();
}

const LATIN_WORD_END = /[A-Za-z0-9)\].,;:!?%'"]$/u;
const LATIN_WORD_START = /^[A-Za-z([]/u;

/** The separator to put between a wrapped line's end and the next line's start ('' or ' '). */
function joinSeparator(before: string, after: string): string {
  if (before === '' || after === '') return '';
  if (/[-‐/@]$/u.test(before)) return ''; // a hyphenated number/word, a path or an address broken at the end
  const lastToken = /\S+$/u.exec(before)?.[0] ?? '';
  if (/@|:\/\/|^www\./u.test(lastToken)) return ''; // a URL or e-mail address wrapped mid-token
  if (/\d$/u.test(before) && /^\d/u.test(after)) return ''; // a number broken at the line end
  return LATIN_WORD_END.test(before) && LATIN_WORD_START.test(after) ? ' ' : '';
}

/** Join the visual lines of one paragraph into one line of canonical text. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (line === '') continue;
    out += joinSeparator(out, line) + line;
  }
  return out;
}
