/**
 * Length-preserving character maps (architecture.md, principle 2). Every map sends one UTF-16 code unit to
 * exactly one code unit, so offsets computed on a mapped string address the original string too.
 * NFKC is never applied to the text: it changes lengths (㈠ → (一)) and would break spans.
 */
import { TRAD_FOLD } from './tradFold.generated.js';

/** Build a 1:1 lookup table: code unit → replacement code unit. */
function table(entries: Iterable<[number, number]>): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  for (const [from, to] of entries) t[from] = to;
  return t;
}

/** Characters whose NFKC form is a single BMP ideograph: Kangxi radicals (U+2F00–U+2FD5), CJK radicals
 *  supplement (U+2E80–U+2EF3) and CJK compatibility ideographs (U+F900–U+FAFF). PDF text layers often carry
 *  the radicals (⼀ ⼆ ⼈) where the ideographs (一 二 人) were meant. */
function* ideographRepairs(): Generator<[number, number]> {
  const ranges: Array<[number, number]> = [
    [0x2e80, 0x2ef3],
    [0x2f00, 0x2fd5],
    [0xf900, 0xfaff],
  ];
  for (const [lo, hi] of ranges) {
    for (let c = lo; c <= hi; c++) {
      const n = String.fromCharCode(c).normalize('NFKC');
      if (n.length === 1 && n.charCodeAt(0) !== c && n.charCodeAt(0) >= 0x3400) yield [c, n.charCodeAt(0)];
    }
  }
}

/** Stylistic variants folded for matching: full-width ASCII, ideographic and other spaces, dash variants. */
function* styleFolds(): Generator<[number, number]> {
  for (let c = 0xff01; c <= 0xff5e; c++) yield [c, c - 0xfee0]; // ！…～ → !…~ (digits, letters, （）：，；．)
  for (const c of [0x3000, 0x00a0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f]) {
    yield [c, 0x20];
  }
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0x2e3a, 0x2e3b]) yield [c, 0x2d]; // dashes → '-'
  yield [0x301c, 0x7e]; // 〜 → ~
  yield [0x2024, 0x2e]; // one-dot leader → '.'
  yield [0xff61, 0x3002]; // halfwidth ideographic full stop → 。
  yield [0xff64, 0x3001]; // halfwidth ideographic comma → 、
}

/** Traditional characters folded to simplified (text/tradFold.generated.ts, from OpenCC's TSCharacters): 組 → 组,
 *  萬 → 万, 於 → 于. One character to one, so the view keeps its length; common simplified characters are left out. */
function* traditionalFolds(): Generator<[number, number]> {
  for (let i = 0; i + 1 < TRAD_FOLD.length; i += 2) yield [TRAD_FOLD.charCodeAt(i), TRAD_FOLD.charCodeAt(i + 1)];
}

/** Two maps in one table: `second` applied to what `first` gives (a repaired compatibility ideograph is then folded). */
function compose(first: Uint16Array, second: Uint16Array): Uint16Array {
  const t = new Uint16Array(first.length);
  for (let i = 0; i < t.length; i++) t[i] = second[first[i]!]!;
  return t;
}

const REPAIR = table(ideographRepairs());
const SIMPLIFY = table(traditionalFolds());
const NORMALIZE = compose(table([...ideographRepairs(), ...styleFolds()]), SIMPLIFY);

function mapUnits(s: string, t: Uint16Array): string {
  // Most short strings map to themselves: find the first unit that changes before allocating anything.
  let first = 0;
  while (first < s.length && t[s.charCodeAt(first)] === s.charCodeAt(first)) first++;
  if (first === s.length) return s;
  const out = new Uint16Array(s.length);
  for (let i = 0; i < first; i++) out[i] = s.charCodeAt(i);
  for (let i = first; i < s.length; i++) out[i] = t[s.charCodeAt(i)]!;
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
}

/** Repair characters that are wrong rather than stylistic (Kangxi radicals → ideographs); applied to the
 *  canonical text itself, before any span exists. Keeps the length. */
export function repairText(s: string): string {
  return mapUnits(s, REPAIR);
}

/** The matching view of the canonical text: same length, full-width ASCII → ASCII, spaces → ' ', dashes → '-',
 *  traditional characters → simplified (巡察組 → 巡察组). Rules run on this view; spans found in it address the
 *  canonical text unchanged, and every output `text` is cut from the canonical text, as written. */
export function normalizeText(s: string): string {
  return mapUnits(s, NORMALIZE);
}

/** Traditional characters of a text folded to simplified, nothing else changed (punctuation and width as written):
 *  for normalized values cut from the canonical text (a count's object: 反饋問題 → 反馈问题). */
export function simplifyScript(s: string): string {
  return mapUnits(s, SIMPLIFY);
}
