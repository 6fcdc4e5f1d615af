/**
 * Date rules (genre.md "Dates"): each recognises one written point or period; ranges (至/到/—/-/～), deadlines
 * (底前/以前) and implied years are added by the refiners in pipeline/extract/extractDates.ts.
 * Patterns run on the normalized view (ASCII digits, '-' for every dash).
 */
import type { Rule } from './ruleTypes.js';
import { daysInMonth } from '../text/isoDate.js';
import { parseChineseNumber } from '../text/parseChineseNumber.js';

/** A written date or period before context is applied; absent parts are filled from context later. */
export interface DateCandidate {
  y?: number;
  m?: number;
  d?: number;
  /** Quarter 1–4 or half 1–2 when the precision says so. */
  q?: number;
  h?: number;
  /** Last year of a multi-year period (a five-year plan, 2021—2025年). */
  yEnd?: number;
  /** Last month of a list of months written as one mention (三、四月份). */
  mEnd?: number;
  precision: 'day' | 'month' | 'quarter' | 'half' | 'year';
  /** The rule wrote this candidate's span as a whole range already. */
  range?: boolean;
}

/** Chinese digits of a written year (二〇二三). */
const CN_YEAR_DIGITS = '〇○零一二三四五六七八九';
const Y = `(?<y>\\d{4}|[${CN_YEAR_DIGITS}]{4})`;
const M = '(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const D = '(?<d>3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
const S = '[ \\t]?';

/** Year written as digits or Chinese digits; null outside 1949–2100. */
function yearOf(s: string | undefined): number | null {
  if (s === undefined) return null;
  const y = /^\d+$/u.test(s) ? Number(s) : parseChineseNumber(s);
  return y !== null && y >= 1949 && y <= 2100 ? y : null;
}

function num(s: string | undefined, max: number): number | null {
  if (s === undefined) return null;
  const n = parseChineseNumber(s);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

function ymd(g: Record<string, string | undefined>): DateCandidate | null {
  const c: DateCandidate = { precision: 'day' };
  if (g['y'] !== undefined) {
    const y = yearOf(g['y']);
    if (y === null) return null;
    c.y = y;
  }
  if (g['m'] !== undefined) {
    const m = num(g['m'], 12);
    if (m === null) return null;
    c.m = m;
  }
  if (g['d'] !== undefined) {
    const d = num(g['d'], 31);
    if (d === null) return null;
    if (c.y !== undefined && c.m !== undefined && d > daysInMonth(c.y, c.m)) return null;
    c.d = d;
  } else c.precision = c.m !== undefined ? 'month' : 'year';
  return c;
}

/** Five-year plans: the Nth plan starts in 1953 (N=1), 1958 (N=2), then 1966 + 5·(N−3) after the 1963–65 adjustment. */
function fiveYearPlanStart(n: number): number {
  return n === 1 ? 1953 : n === 2 ? 1958 : 1966 + 5 * (n - 3);
}

/** Date rules, most specific first (the longer match wins an overlap anyway). */
export const DATE_RULES: readonly Rule<DateCandidate>[] = [
  {
    id: 'date/ymd',
    description: 'year, month and day: 2023年6月7日, 二〇二四年三月二十五日, 二〇〇四年八月十五 (日 may be left out after a written year)',
    pattern: new RegExp(`(?<!\\d)${Y}${S}年${S}${M}${S}月${S}${D}(?:${S}[日号]|(?![\\d〇○零一二三四五六七八九十日号个项名次人件条家户处场期批至到~-]))`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [
      { text: '2023年6月7日', value: { start: '2023-06-07', end: '2023-06-07', precision: 'day' } },
      { text: '二〇二四年三月二十五日', value: { start: '2024-03-25' } },
      { text: '2023 年 6 月 7 日', value: { start: '2023-06-07' } },
      { text: '二〇〇四年八月十五,大会召开', match: '二〇〇四年八月十五', value: { start: '2004-08-15' } },
    ],
    negatives: [{ text: '2023年2月30日', why: 'no such day' }],
  },
  {
    id: 'date/numeric',
    description: 'numeric dates: 2024-03-25, 2024.3.25, 2024/3/25',
    pattern: /(?<![\d.])(?<y>(?:19|20)\d{2})(?<sep>[-./])(?<m>1[0-2]|0?[1-9])\k<sep>(?<d>3[01]|[12]\d|0?[1-9])(?![\d.])/u,
    extract: (m) => ymd(m.groups!),
    examples: [
      { text: '2024-03-25', value: { start: '2024-03-25', end: '2024-03-25' } },
      { text: '于2024.3.25完成', match: '2024.3.25' },
      { text: '2024/3/25', value: { start: '2024-03-25' } },
    ],
    negatives: [
      { text: '联系电话:0757-86229618', why: 'a phone number' },
      { text: '投入1369.5万元', why: 'an amount' },
    ],
  },
  {
    id: 'date/ym',
    description: 'year and month: 2023年6月',
    pattern: new RegExp(`(?<!\\d)${Y}${S}年${S}${M}${S}月(?:份)?(?!${S}(?:\\d|[一二三四五六七八九十]{1,3}${S}[日号]))`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [{ text: '截至2022年3月', match: '2022年3月', value: { start: '2022-03-01', end: '2022-03-31', precision: 'month' } }],
  },
  {
    id: 'date/md',
    description: 'month and day, year from context: 9月11日',
    pattern: new RegExp(`(?<![\\d年一二三四五六七八九十])${M}${S}月${S}${D}${S}[日号]`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [{ text: '2023年6月7日进驻,9月11日反馈了意见', match: '9月11日', value: { start: '2023-09-11', implied: ['year'] } }],
    negatives: [{ text: '第一时间召开会议', why: 'an ordinal, not a date' }],
  },
  {
    id: 'date/month-list',
    description: 'two consecutive months sharing 月: 三、四月份 (a range), year from context',
    pattern: new RegExp(`(?<![\\d年一二三四五六七八九十个])(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])、(?<m2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])${S}月(?:份)?(?![\\d一二三四五六七八九十])`, 'u'),
    extract: (m) => {
      const a = num(m.groups!['m'], 12);
      const b = num(m.groups!['m2'], 12);
      return a !== null && b !== null && b === a + 1 ? { m: a, mEnd: b, precision: 'month', range: true } : null;
    },
    examples: [
      {
        text: '2024年2月底前完成，三、四月份开展春耕生产督导',
        match: '三、四月份',
        value: { start: '2024-03-01', end: '2024-04-30', precision: 'month', kind: 'range', implied: ['year'] },
      },
    ],
    negatives: [{ text: '三、五月份各开展一次', match: '三、', why: 'not consecutive months: a list, not a range' }],
  },
  {
    id: 'date/month',
    description: 'a month, year from context: 6月, 6月份',
    pattern: new RegExp(`(?<![\\d年一二三四五六七八九十个])${M}${S}月(?:份)?(?![\\d一二三四五六七八九十])`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [{ text: '2024年,6月份开展检查', match: '6月份', value: { start: '2024-06-01', end: '2024-06-30', precision: 'month' } }],
    negatives: [
      { text: '用3个月时间', why: 'a duration' },
      { text: '每月召开一次', why: 'a frequency' },
    ],
  },
  {
    id: 'date/year-range',
    description: 'a range of years: 2021—2025年, 2021年至2025年',
    pattern: /(?<!\d)(?<y>(?:19|20)\d{2})年?[ \t]?(?:-{1,2}|至|到|~)[ \t]?(?<y2>(?:19|20)\d{2})年/u,
    extract: (m) => {
      const y = yearOf(m.groups!['y']);
      const y2 = yearOf(m.groups!['y2']);
      return y !== null && y2 !== null && y2 >= y ? { y, yEnd: y2, precision: 'year', range: true } : null;
    },
    examples: [{ text: '2021—2025年', value: { start: '2021-01-01', end: '2025-12-31', kind: 'range' } }],
  },
  {
    id: 'date/year',
    description: 'a year: 2023年, 2023年度, 二〇二三年',
    pattern: new RegExp(`(?<!\\d)${Y}${S}年(?:度)?(?![\\d])`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [
      { text: '2023年度巡察整改专题民主生活会', match: '2023年度', value: { start: '2023-01-01', end: '2023-12-31', precision: 'year' } },
      { text: '二〇二三年', value: { start: '2023-01-01' } },
    ],
    negatives: [
      { text: '当年度工作要点', why: 'no year written' },
      { text: '近3年来', why: 'a duration' },
    ],
  },
  {
    id: 'date/quarter',
    description: 'a quarter: 三季度, 第四季度, 2024年第一季度',
    pattern: new RegExp(`(?<!每)(?:${Y}年)?第?(?<q>[一二三四1-4])季度`, 'u'),
    extract: (m) => {
      const q = num(m.groups!['q'], 4);
      if (q === null) return null;
      const y = m.groups!['y'] !== undefined ? yearOf(m.groups!['y']) : undefined;
      if (y === null) return null;
      return { ...(y !== undefined ? { y } : {}), q, precision: 'quarter' };
    },
    examples: [
      { text: '2024年工作要点:三季度完成', match: '三季度', value: { start: '2024-07-01', end: '2024-09-30', precision: 'quarter' } },
      { text: '2024年第一季度', value: { start: '2024-01-01', end: '2024-03-31' } },
    ],
    negatives: [{ text: '每季度召开一次', why: 'a frequency' }],
  },
  {
    id: 'date/half',
    description: 'a half-year: 上半年, 2024年下半年',
    pattern: new RegExp(`(?:${Y}年)?(?<h>[上下])半年`, 'u'),
    extract: (m) => {
      const y = m.groups!['y'] !== undefined ? yearOf(m.groups!['y']) : undefined;
      if (y === null) return null;
      return { ...(y !== undefined ? { y } : {}), h: m.groups!['h'] === '上' ? 1 : 2, precision: 'half' };
    },
    examples: [{ text: '2024年1月起,上半年', match: '上半年', value: { start: '2024-01-01', end: '2024-06-30', precision: 'half' } }],
  },
  {
    id: 'date/year-end',
    description: 'the end of the current year without a number: 年底前, 年内, 今年底',
    pattern: /(?<![\d〇○零一二三四五六七八九])(?:今|本)?年(?:底|末|内)/u,
    extract: () => ({ precision: 'year' }),
    examples: [{ text: '2024年3月,要求年底前完成', match: '年底前', value: { start: '2024-01-01', end: '2024-12-31', kind: 'deadline' } }],
    negatives: [{ text: '近年来', why: 'not a year' }],
  },
  {
    id: 'date/five-year-plan',
    description: 'a five-year plan period: “十四五” → 2021–2025',
    pattern: /十(?<n>[一二三四五六七八九])五(?=[”"’』」]|规划|时期|期间|末|以来|$)/u,
    extract: (m) => {
      const n = 10 + (parseChineseNumber(m.groups!['n']!) ?? 0);
      const y = fiveYearPlanStart(n);
      return { y, yEnd: y + 4, precision: 'year', range: true };
    },
    examples: [{ text: '“十四五”规划', match: '十四五', value: { start: '2021-01-01', end: '2025-12-31' } }],
    negatives: [{ text: '十五个问题', why: 'the number 15' }],
  },
];

/**
 * Where the matches of the date rules that need it can begin (pipeline/extract/ruleStarts.ts scans for these; the
 * other rules are fast on their own): the Y-led rules at a written year — a run of ASCII digits (every Y-led pattern
 * has (?<!\d) before it) or four Chinese year digits before 年, with a space or tab between or not (S); the quarter
 * and half-year rules a fixed number of characters before their word ((Y年)?第?[一二三四1-4]季度: Y is four
 * characters, so 1, 2, 6 or 7 before 季度; (Y年)?[上下]半年: 1 or 6 before 半年).
 */
export const DATE_STARTS = {
  yearRules: ['date/ymd', 'date/ym', 'date/year'],
  yearDigits: CN_YEAR_DIGITS,
  beforeWord: [
    { rule: 'date/quarter', word: '季度', back: [7, 6, 2, 1] },
    { rule: 'date/half', word: '半年', back: [6, 1] },
  ],
} as const;
