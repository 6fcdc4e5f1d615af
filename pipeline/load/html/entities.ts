/**
 * HTML character references: the named entities seen on Chinese web pages (not the full 2,231-name HTML table),
 * numeric references with the HTML5 remapping of C1 code points to Windows-1252, and the few legacy names that
 * browsers accept without a semicolon. An unknown name is left as written.
 */

/** Named character references by name (case-sensitive, as in HTML). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7', bull: '\u2022', prime: '\u2032', Prime: '\u2033',
  emsp: '\u2003', ensp: '\u2002', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', shy: '\u00ad',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', times: '\u00d7', divide: '\u00f7', minus: '\u2212', plusmn: '\u00b1',
  yen: '\u00a5', cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', curren: '\u00a4', deg: '\u00b0', permil: '\u2030',
  sect: '\u00a7', para: '\u00b6', iexcl: '\u00a1', iquest: '\u00bf', brvbar: '\u00a6', uml: '\u00a8', macr: '\u00af',
  acute: '\u00b4', cedil: '\u00b8', micro: '\u00b5', ordf: '\u00aa', ordm: '\u00ba', not: '\u00ac',
  sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3', frac14: '\u00bc', frac12: '\u00bd', frac34: '\u00be',
  larr: '\u2190', uarr: '\u2191', rarr: '\u2192', darr: '\u2193', harr: '\u2194', lArr: '\u21d0', rArr: '\u21d2', hArr: '\u21d4',
  le: '\u2264', ge: '\u2265', ne: '\u2260', asymp: '\u2248', infin: '\u221e', radic: '\u221a', sum: '\u2211', prod: '\u220f',
  dagger: '\u2020', Dagger: '\u2021', oline: '\u203e', frasl: '\u2044', loz: '\u25ca', circ: '\u02c6', tilde: '\u02dc',
  spades: '\u2660', clubs: '\u2663', hearts: '\u2665', diams: '\u2666',
  alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3', delta: '\u03b4', pi: '\u03c0', sigma: '\u03c3', omega: '\u03c9', mu: '\u03bc',
};

/** Legacy names browsers expand even without the closing semicolon (`&nbsp` followed by a non-name character). */
const LEGACY_NO_SEMICOLON = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg']);

/** HTML5 §13.2.5.80: numeric references to 0x80–0x9F mean the Windows-1252 characters. */
const WINDOWS_1252_C1: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

/** Decode the character references in a piece of HTML text or an attribute value. */
export function decodeHtmlEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*)(;?)/gu, (whole, ref: string, semi: string) => {
    if (ref.startsWith('#')) {
      let code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      code = WINDOWS_1252_C1[code] ?? code;
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    if (named !== undefined && (semi === ';' || LEGACY_NO_SEMICOLON.has(ref))) return named;
    return whole;
  });
}
