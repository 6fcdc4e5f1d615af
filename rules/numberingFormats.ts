/**
 * Word automatic-numbering formats (ECMA-376 Part 1, §17.18.59 ST_NumberFormat, the `w:numFmt` of a numbering
 * level): how a counter value is written for each format. Rules are data: one entry per format with executable
 * examples (tests/load-docx.test.ts runs every example). A format missing here is "unrendered": the loader writes
 * decimal digits and emits the warning `docx/numbering-unrendered`.
 */
import type { RuleTable } from './ruleTypes.js';

/** One numbering format: the ST_NumberFormat value, what it looks like, and its renderer. */
interface NumberFormatRule {
  /** The `w:numFmt/@w:val` value. */
  id: string;
  description: string;
  /** The counter value as Word writes it, or null when this format cannot write it (e.g. 甲乙丙 past 10). */
  render(n: number): string | null;
  /** [value, rendering] pairs; a null rendering means "cannot be rendered". */
  examples: ReadonlyArray<readonly [number, string | null]>;
}

const CN_DIGITS = '〇一二三四五六七八九';
const LEGAL_SIMPLIFIED_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_TRADITIONAL_DIGITS = '零壹貳參肆伍陸柒捌玖';

interface CountingStyle {
  digits: string;
  zero: string;
  units: readonly [string, string, string];
  myriads: readonly [string, string];
  /** Write 10–19 as 十, 十一 (true) rather than 一十, 一十一. */
  dropLeadingOne: boolean;
}

const COUNTING: CountingStyle = { digits: CN_DIGITS, zero: '〇', units: ['十', '百', '千'], myriads: ['万', '亿'], dropLeadingOne: true };
const COUNTING_THOUSAND: CountingStyle = { ...COUNTING, zero: '零' };
const LEGAL_SIMPLIFIED: CountingStyle = { digits: LEGAL_SIMPLIFIED_DIGITS, zero: '零', units: ['拾', '佰', '仟'], myriads: ['万', '亿'], dropLeadingOne: false };
const LEGAL_TRADITIONAL: CountingStyle = { digits: LEGAL_TRADITIONAL_DIGITS, zero: '零', units: ['拾', '佰', '仟'], myriads: ['萬', '億'], dropLeadingOne: false };

/** Write 0 < n < 10^4 in a Chinese counting style (no leading zero marker). */
function countingBelow10k(n: number, s: CountingStyle): string {
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitFor = [s.units[2], s.units[1], s.units[0], ''];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = parts[i] ?? 0;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += s.zero;
    pendingZero = false;
    out += (s.digits[d] ?? '') + (unitFor[i] ?? '');
  }
  return out;
}

/** Write a non-negative integer in a Chinese counting style (一百零五, 十五, 两万 is written 二万 as Word does). */
function chineseCounting(n: number, s: CountingStyle = COUNTING_THOUSAND): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n === 0) return s.zero;
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
  if (groups.length > 3) return String(n);
  let out = '';
  let needZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g] ?? 0;
    if (v === 0) {
      if (out) needZero = true;
      continue;
    }
    if (out && (needZero || v < 1000)) out += s.zero;
    needZero = false;
    out += countingBelow10k(v, s) + (g > 0 ? (s.myriads[g - 1] ?? '') : '');
  }
  if (s.dropLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

/** Digit-by-digit ideographs: 2024 → 二〇二四. */
function ideographDigits(n: number): string {
  return String(n).replace(/[0-9]/gu, (d) => CN_DIGITS[Number(d)] ?? d);
}

/** A character from a sequence (1-based), or null past its end. */
function fromSequence(seq: string, n: number): string | null {
  const chars = Array.from(seq);
  return n >= 1 && n <= chars.length ? (chars[n - 1] ?? null) : null;
}

/** Enclosed forms in one Unicode run (① U+2460 …), decimal digits past the run as Word does. */
function enclosed(first: number, count: number, n: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

/** a, b, … z, aa, bb, … (Word repeats the letter). */
function letters(n: number, upper: boolean): string | null {
  if (n < 1) return null;
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number, upper: boolean): string | null {
  if (n < 1 || n > 3999) return null;
  let out = '';
  let v = n;
  for (const [value, sym] of ROMAN) {
    while (v >= value) {
      out += sym;
      v -= value;
    }
  }
  return upper ? out.toUpperCase() : out;
}

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The numbering formats this project renders, in ST_NumberFormat order of importance for Chinese notices. */
const NUMBER_FORMATS: readonly NumberFormatRule[] = [
  {
    id: 'chineseCounting',
    description: 'Chinese counting with 〇 for inner zeros: 一 … 十 十一 二十 一百〇五',
    render: (n) => chineseCounting(n, COUNTING),
    examples: [[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [23, '二十三'], [105, '一百〇五']],
  },
  {
    id: 'chineseCountingThousand',
    description: 'Chinese counting with 零 and thousands: 一 … 十 十一 一百零五 一千',
    render: (n) => chineseCounting(n, COUNTING_THOUSAND),
    examples: [[1, '一'], [4, '四'], [10, '十'], [15, '十五'], [105, '一百零五'], [110, '一百一十'], [1000, '一千'], [10001, '一万零一']],
  },
  {
    id: 'taiwaneseCountingThousand',
    description: 'Taiwanese counting with thousands (same ideographs for notice-sized numbers): 一 … 十 十一',
    render: (n) => chineseCounting(n, COUNTING_THOUSAND),
    examples: [[1, '一'], [3, '三'], [12, '十二'], [105, '一百零五']],
  },
  {
    id: 'taiwaneseCounting',
    description: 'Taiwanese counting: 一 … 十 十一',
    render: (n) => chineseCounting(n, COUNTING),
    examples: [[2, '二'], [10, '十'], [21, '二十一']],
  },
  {
    id: 'japaneseCounting',
    description: 'Japanese counting (the same ideographs as Chinese counting for small numbers): 一 … 十 十一',
    render: (n) => chineseCounting(n, COUNTING),
    examples: [[1, '一'], [10, '十'], [11, '十一']],
  },
  {
    id: 'ideographDigital',
    description: 'ideographs digit by digit: 一 … 九 一〇 一一',
    render: ideographDigits,
    examples: [[1, '一'], [10, '一〇'], [2024, '二〇二四']],
  },
  {
    id: 'taiwaneseDigital',
    description: 'ideographs digit by digit (Taiwanese): 一 … 一〇',
    render: ideographDigits,
    examples: [[3, '三'], [10, '一〇']],
  },
  {
    id: 'chineseLegalSimplified',
    description: 'financial (legal) simplified ideographs: 壹 贰 … 壹拾',
    render: (n) => chineseCounting(n, LEGAL_SIMPLIFIED),
    examples: [[1, '壹'], [2, '贰'], [10, '壹拾'], [15, '壹拾伍']],
  },
  {
    id: 'ideographLegalTraditional',
    description: 'financial (legal) traditional ideographs: 壹 貳 參 … 壹拾',
    render: (n) => chineseCounting(n, LEGAL_TRADITIONAL),
    examples: [[2, '貳'], [3, '參'], [10, '壹拾']],
  },
  {
    id: 'ideographTraditional',
    description: 'the ten heavenly stems 甲 乙 丙 … 癸 (none past 10)',
    render: (n) => fromSequence('甲乙丙丁戊己庚辛壬癸', n),
    examples: [[1, '甲'], [2, '乙'], [3, '丙'], [10, '癸'], [11, null]],
  },
  {
    id: 'ideographZodiac',
    description: 'the twelve earthly branches 子 丑 寅 … 亥 (none past 12)',
    render: (n) => fromSequence('子丑寅卯辰巳午未申酉戌亥', n),
    examples: [[1, '子'], [12, '亥'], [13, null]],
  },
  {
    id: 'ideographEnclosedCircle',
    description: 'circled ideographs ㊀ … ㊉ (decimal past 10)',
    render: (n) => enclosed(0x3280, 10, n),
    examples: [[1, '㊀'], [10, '㊉'], [11, '11']],
  },
  {
    id: 'decimal',
    description: 'Arabic digits: 1 2 3',
    render: (n) => String(n),
    examples: [[1, '1'], [12, '12']],
  },
  {
    id: 'decimalHalfWidth',
    description: 'half-width Arabic digits: 1 2 3',
    render: (n) => String(n),
    examples: [[7, '7']],
  },
  {
    id: 'decimalZero',
    description: 'Arabic digits padded to two: 01 02 … 10',
    render: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
    examples: [[1, '01'], [10, '10']],
  },
  {
    id: 'decimalFullWidth',
    description: 'full-width digits: １ ２ … １０',
    render: (n) => String(n).replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d))),
    examples: [[1, '１'], [10, '１０']],
  },
  {
    id: 'decimalFullWidth2',
    description: 'full-width digits (variant 2): １ ２ … １０',
    render: (n) => String(n).replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d))),
    examples: [[2, '２']],
  },
  {
    id: 'decimalEnclosedCircle',
    description: 'circled digits ① … ⑳ (decimal past 20)',
    render: (n) => enclosed(0x2460, 20, n),
    examples: [[1, '①'], [3, '③'], [20, '⑳'], [21, '21']],
  },
  {
    id: 'decimalEnclosedCircleChinese',
    description: 'circled digits, Chinese variant ① … ⑳',
    render: (n) => enclosed(0x2460, 20, n),
    examples: [[2, '②']],
  },
  {
    id: 'decimalEnclosedParen',
    description: 'parenthesized digits ⑴ … ⒇',
    render: (n) => enclosed(0x2474, 20, n),
    examples: [[1, '⑴'], [20, '⒇']],
  },
  {
    id: 'decimalEnclosedFullstop',
    description: 'digits with full stop ⒈ … ⒛',
    render: (n) => enclosed(0x2488, 20, n),
    examples: [[1, '⒈'], [20, '⒛']],
  },
  {
    id: 'lowerLetter',
    description: 'lower-case letters a … z aa bb',
    render: (n) => letters(n, false),
    examples: [[1, 'a'], [26, 'z'], [27, 'aa'], [0, null]],
  },
  {
    id: 'upperLetter',
    description: 'upper-case letters A … Z AA',
    render: (n) => letters(n, true),
    examples: [[1, 'A'], [28, 'BB']],
  },
  {
    id: 'lowerRoman',
    description: 'lower-case Roman numerals i ii iii iv',
    render: (n) => roman(n, false),
    examples: [[1, 'i'], [4, 'iv'], [9, 'ix'], [14, 'xiv']],
  },
  {
    id: 'upperRoman',
    description: 'upper-case Roman numerals I II III IV',
    render: (n) => roman(n, true),
    examples: [[3, 'III'], [40, 'XL'], [1994, 'MCMXCIV']],
  },
  {
    id: 'ordinal',
    description: 'English ordinals 1st 2nd 3rd',
    render: (n) => `${n}${ordinalSuffix(n)}`,
    examples: [[1, '1st'], [2, '2nd'], [11, '11th'], [23, '23rd']],
  },
  {
    id: 'none',
    description: 'no number (the level text is written without its counter)',
    render: () => '',
    examples: [[1, ''], [5, '']],
  },
];

const BY_ID = new Map(NUMBER_FORMATS.map((r) => [r.id, r]));

/** Render a counter value in a numbering format; null when the format is unknown or cannot write the value. */
export function renderNumber(numFmt: string, n: number): string | null {
  const rule = BY_ID.get(numFmt);
  return rule ? rule.render(n) : null;
}

/**
 * Bullet characters written in symbol fonts (Symbol, Wingdings) live in the private-use area U+F0xx; these are
 * the common ones and what a reader sees. Other private-use bullets are dropped.
 */
const BULLET_SYMBOLS: ReadonlyArray<{ id: string; from: string; to: string; description: string }> = [
  { id: 'symbol-bullet', from: '\uF0B7', to: '•', description: 'Symbol font bullet' },
  { id: 'wingdings-disc', from: '\uF06C', to: '●', description: 'Wingdings l: black circle' },
  { id: 'wingdings-square', from: '\uF0A7', to: '▪', description: 'Wingdings §: small black square' },
  { id: 'wingdings-arrow', from: '\uF0D8', to: '➢', description: 'Wingdings Ø: arrowhead' },
  { id: 'wingdings-diamond', from: '\uF075', to: '◆', description: 'Wingdings u: black diamond' },
  { id: 'wingdings-diamonds', from: '\uF076', to: '❖', description: 'Wingdings v: four diamonds' },
  { id: 'wingdings-check', from: '\uF0FC', to: '✓', description: 'Wingdings ü: check mark' },
  { id: 'wingdings-circle', from: '\uF06E', to: '■', description: 'Wingdings n: black square' },
  { id: 'courier-o', from: 'o', to: 'o', description: 'Courier New o: hollow bullet, kept as written' },
];

/** The bullet text a reader sees for a bullet level's `w:lvlText`. */
export function renderBullet(lvlText: string): string {
  let out = '';
  for (const ch of lvlText) {
    const mapped = BULLET_SYMBOLS.find((b) => b.from === ch);
    if (mapped) out += mapped.to;
    else if (!/[\uE000-\uF8FF]/u.test(ch)) out += ch;
  }
  return out;
}

/**
 * The separator written between a rendered number and the paragraph text, from `w:suff` (tab | space | nothing;
 * ECMA-376 §17.9.28, default tab). Chinese markers end in punctuation (一、 （一） 1. ①) and the canonical text
 * writes them directly before the title (`一、组织落实情况`, as the .txt versions do), so a tab or space after a
 * marker that ends in punctuation or an enclosed form is dropped; after a marker ending in a letter, ideograph or
 * digit (`第一章`, `1`) a single space keeps the words apart.
 */
export function numberSeparator(marker: string, suff: string | undefined): string {
  if (marker === '' || suff === 'nothing') return '';
  return /[\p{L}\p{Nd}]$/u.test(marker) ? ' ' : '';
}

/** The numbering-format table as registered: the text is a counter value; each format's rendering is a hit over
 *  it. The renderings of 1–120 stand for the renderers in the rules version. */
export const NUMBERING_TABLE: RuleTable<{ rendered: string | null }> = {
  name: 'word numbering formats',
  rules: [
    ...NUMBER_FORMATS.map((r) => ({ ...r, examples: r.examples.map(([n, rendered]) => ({ text: String(n), value: { rendered } })) })),
    ...BULLET_SYMBOLS.map((b) => ({ ...b, id: `bullet/${b.id}`, examples: [{ text: b.from, value: { rendered: b.to } }] })),
  ],
  lexicons: { renderings: NUMBER_FORMATS.map((r) => [r.id, Array.from({ length: 120 }, (_, i) => r.render(i + 1))]) },
  run(text) {
    const n = Number(text);
    const formats = Number.isInteger(n) ? NUMBER_FORMATS.map((r) => ({ start: 0, end: text.length, rule: r.id, value: { rendered: r.render(n) } })) : [];
    const bullets = BULLET_SYMBOLS.filter((b) => b.from === text).map((b) => ({ start: 0, end: text.length, rule: `bullet/${b.id}`, value: { rendered: renderBullet(text) } }));
    return [...formats, ...bullets];
  },
};
