/**
 * One parser for the numbers of the genre: Arabic (with thousands separators and decimals), full-width,
 * Chinese (〇 零 两 十五 一百零五 两千三百), financial (壹贰叁 拾佰仟), traditional (萬億兩), mixed (15万 1.25亿
 * 3,560.8万 2千零30万) and colloquial (一千三 = 1300, 九万四 = 94000, 千三 = 1300, 两千三点一 = 2300.1).
 * Whitespace inside the number is ignored (7 万 5 千, 一百 五 十 二: PDF text layers space characters out);
 * 万万 is 亿. Approximation words (约/余/近) are not part of a number.
 */
import { normalizeText } from './charMap.js';
import { BIG_UNITS, DIGITS, POINTS, SMALL_UNITS } from './numerals.js';

/** An Arabic number at lastIndex (sticky); it starts with a digit or '.'. */
const ARABIC = /(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)/uy;
const SPACES = /[\s\u00a0]+/gu;
const FRACTION = /^[〇○零一二三四五六七八九壹贰叁肆伍陆柒捌玖兩两]+/u;

/** `x` rounded to 15 significant digits: `Number(x.toPrecision(15))`, without the slow string round trip for
 *  integers below 10^15, which have at most 15 digits and so are already exact (+ 0 turns -0 into 0 as it does). */
export function round15(x: number): number {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? x + 0 : Number(x.toPrecision(15));
}

/** True when `s` is one or more ASCII digits. */
function isAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Parse a written number; null when `text` is not entirely a number. */
export function parseChineseNumber(text: string): number | null {
  if (isAsciiDigits(text)) {
    // The common case, and what the loop below computes for it: one Arabic run, the whole value.
    const n = Number(text);
    return Number.isFinite(n) ? round15(n) : null;
  }
  const point = text.indexOf('.');
  if (point > 0 && text.length <= 16 && isAsciiDigits(text.slice(0, point)) && isAsciiDigits(text.slice(point + 1))) {
    // 98.71: one Arabic run again; with at most 15 digits it is already exact to 15 significant digits, so the
    // rounding below would give it back unchanged.
    return Number(text);
  }
  const s = normalizeText(text).replace(SPACES, '');
  if (s.length === 0) return null;
  let total = 0; // completed 亿/万 groups
  let section = 0; // the current group below 万
  let num: number | null = null; // the pending digit(s)
  let lastUnit = 1; // the last unit seen (10, 100, 1000, 1e4, 1e8)
  let zeroAfterUnit = false;
  let zeroPending = false; // the pending digit is a written 零 (一千零五: the 零 only marks a gap)
  let digitRun = 0; // consecutive Chinese digits without units (二〇二三)
  let sawAny = false;
  let i = 0;
  /** Colloquial omission of the last unit: 一千三 → 1300, 九万四 → 94000 (not 一千零三, not 二〇二三). */
  const pendingValue = (): number => {
    if (num === null) return 0;
    if (digitRun === 1 && !zeroAfterUnit && lastUnit >= 100) return num * (lastUnit / 10);
    return num;
  };
  while (i < s.length) {
    const c0 = s.charCodeAt(i);
    let ar: RegExpExecArray | null = null;
    if ((c0 >= 0x30 && c0 <= 0x39) || c0 === 0x2e) {
      ARABIC.lastIndex = i;
      ar = ARABIC.exec(s);
    }
    if (ar) {
      if ((num !== null && !zeroPending) || (digitRun > 0 && !zeroPending)) return null;
      if (ar[0].startsWith('.') && (i > 0 || sawAny)) return null;
      num = Number(ar[0].replace(/,/gu, ''));
      if (!Number.isFinite(num)) return null;
      zeroPending = false;
      digitRun = 0;
      i += ar[0].length;
      sawAny = true;
      continue;
    }
    const ch = s[i]!;
    const d = DIGITS[ch];
    const u = SMALL_UNITS[ch];
    const b = BIG_UNITS[ch];
    if (d !== undefined) {
      if (digitRun > 0 && num !== null && !zeroPending) num = num * 10 + d;
      else num = d;
      if (d === 0 && lastUnit > 1) zeroAfterUnit = true;
      zeroPending = d === 0 && (lastUnit > 1 || !sawAny); // 一千零五, and a leading 零十
      digitRun = zeroPending ? 0 : digitRun + 1;
      sawAny = true;
    } else if (u !== undefined) {
      if (u >= lastUnit && section > 0 && lastUnit < 1e4) return null; // 十十, 百千 out of order
      // 十 alone is 10; 百/千 need a digit unless more follows (百三 = 130, but 百 alone is no number).
      if (num === null && u !== 10 && (sawAny || i + 1 >= s.length)) return null;
      const k = num === null || (zeroPending && num === 0) ? 1 : num; // 零十二 = 一十二
      section += k * u;
      num = null;
      lastUnit = u;
      zeroAfterUnit = false;
      zeroPending = false;
      digitRun = 0;
      sawAny = true;
    } else if (b !== undefined) {
      if (!sawAny) return null;
      if (b === 1e4 && lastUnit === 1e4 && section === 0 && num === null) {
        total *= 1e4; // 四万万 = 四亿
      } else {
        const group = section + pendingValue();
        if (b === 1e8) total = (total + group) * 1e8;
        else total += group * b;
      }
      section = 0;
      num = null;
      lastUnit = b;
      zeroAfterUnit = false;
      zeroPending = false;
      digitRun = 0;
    } else if (POINTS.includes(ch)) {
      // 十点二三三, 两千三点一, 两千万点五五四四, 一点五万: the integer part is everything so far.
      const frac = FRACTION.exec(s.slice(i + 1));
      if (!frac || !sawAny) return null;
      const digits = [...frac[0]].map((c) => DIGITS[c] ?? 0).join('');
      let value = total + section + pendingValue() + Number(`0.${digits}`);
      let j = i + 1 + frac[0].length;
      const after = s[j];
      if (after !== undefined && BIG_UNITS[after] !== undefined && total === 0) {
        value *= BIG_UNITS[after];
        j++;
      }
      if (j !== s.length) return null;
      return round15(value);
    } else {
      return null;
    }
    i++;
  }
  if (!sawAny) return null;
  const value = total + section + pendingValue();
  return round15(value);
}
