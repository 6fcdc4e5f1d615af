/**
 * One parser for the numbers of the genre: Arabic (with thousands separators and decimals), full-width,
 * Chinese (〇 零 两 十五 一百零五 两千三百), financial (壹贰叁 拾佰仟), mixed (15万 1.25亿 3,560.8万) and
 * colloquial (一千三 = 1300, 九万四 = 94000). Approximation words (约/余/近) are not part of a number.
 */
import { normalizeText } from '../normalize/charMap.js';
import { BIG_UNITS, DIGITS, POINTS, SMALL_UNITS } from '../../rules/numerals.js';

const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/u;

/** Parse a written number; null when `text` is not entirely a number. */
export function parseChineseNumber(text: string): number | null {
  const s = normalizeText(text).trim();
  if (s.length === 0) return null;
  let total = 0; // completed 亿/万 groups
  let section = 0; // the current group below 万
  let num: number | null = null; // the pending digit(s)
  let lastUnit = 1; // the last unit seen (10, 100, 1000, 1e4, 1e8)
  let zeroAfterUnit = false;
  let digitRun = 0; // consecutive Chinese digits without units (二〇二三)
  let sawAny = false;
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const ar = ARABIC.exec(rest);
    if (ar) {
      if (num !== null || digitRun > 0) return null;
      num = Number(ar[0].replace(/,/gu, ''));
      if (!Number.isFinite(num)) return null;
      i += ar[0].length;
      sawAny = true;
      continue;
    }
    const ch = s[i]!;
    const d = DIGITS[ch];
    const u = SMALL_UNITS[ch];
    const b = BIG_UNITS[ch];
    if (d !== undefined) {
      if (digitRun > 0 && num !== null) num = num * 10 + d;
      else num = d;
      if (d === 0 && lastUnit > 1) zeroAfterUnit = true;
      digitRun++;
      sawAny = true;
    } else if (u !== undefined) {
      if (u >= lastUnit && section > 0 && lastUnit < 1e4) return null; // 十十, 百千 out of order
      if (num === null && u !== 10) return null; // 百 alone is not a number
      section += (num ?? 1) * u;
      num = null;
      lastUnit = u;
      zeroAfterUnit = false;
      digitRun = 0;
      sawAny = true;
    } else if (b !== undefined) {
      if (!sawAny) return null;
      const group = section + (num ?? 0);
      if (b === 1e8) total = (total + group) * 1e8;
      else total += group * b;
      section = 0;
      num = null;
      lastUnit = b;
      zeroAfterUnit = false;
      digitRun = 0;
    } else if (POINTS.includes(ch)) {
      const frac = /^[〇○零一二三四五六七八九壹贰叁肆伍陆柒捌玖]+/u.exec(s.slice(i + 1));
      if (!frac || num === null || !sawAny) return null;
      const digits = [...frac[0]].map((c) => DIGITS[c] ?? 0).join('');
      num = Number(`${num}.${digits}`);
      i += 1 + frac[0].length;
      digitRun = 0;
      continue;
    } else {
      return null;
    }
    i++;
  }
  if (!sawAny) return null;
  if (num !== null && digitRun === 1 && !zeroAfterUnit && lastUnit >= 100) {
    num *= lastUnit / 10; // colloquial: 一千三 → 1300, 九万四 → 94000
  }
  const value = total + section + (num ?? 0);
  return Number(value.toPrecision(15));
}
