/**
 * CSV cells, one rule for every CSV the project writes (units.csv, `query --format csv`): RFC 4180 quoting, and
 * text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return:
 * =HYPERLINK(…), +cmd|' /C calc'!A0, @SUM(…), -2+3) gets a leading apostrophe, so that Excel or LibreOffice shows it
 * as text. Numbers and booleans are written as they are (a negative number is no formula).
 */

/** A CSV cell for a value: null → empty, booleans true/false, arrays joined by '; ', text neutralized and quoted. */
export function csvCell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'number' || typeof v === 'bigint') s = String(v);
  else if (typeof v === 'boolean') s = v ? 'true' : 'false';
  else {
    s = typeof v === 'string' ? v : Array.isArray(v) ? v.map((x) => (x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x as string))).join('; ') : JSON.stringify(v);
    if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}
