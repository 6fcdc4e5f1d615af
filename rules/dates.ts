/**
 * Date rules (genre.md "Dates"): each recognises one written point or period — with its year written (2023年,
 * 二〇二三年, 23年), relative to the notice's own date (今年, 去年, 明年) or left to context, and parts of months and
 * years (上旬/中旬/下旬, 初/底/末, 年内). Ranges (至/到/—/-/～), deadlines (…前/以前/之前), open ranges up to the
 * notice's date (…以来), the notice's own date and the years are added by the refiners in
 * pipeline/extract/extractDates.ts. Patterns run on the normalized view (ASCII digits, '-' for every dash).
 */
import type { Rule } from './ruleTypes.js';
import { daysInMonth } from '../text/isoDate.js';
import { parseChineseNumber } from '../text/parseChineseNumber.js';

/** A written date or period before context is applied; absent parts are filled from context later. */
export interface DateCandidate {
  y?: number;
  /** A year written relative to the notice's own year (今年 0, 去年 −1, 明年 +1): resolved from the notice's date. */
  rel?: number;
  m?: number;
  d?: number;
  /** Last day of a part of a month written as one mention (上旬 10, 下旬 31): clamped to the month's length. */
  dEnd?: number;
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

/**
 * Years named relative to the notice's own year (今年, 去年, 明年, 本年度, 上年度, 下年度): the offset of each first
 * character. The notice's own date resolves them (extractDates), never the clock.
 */
export const RELATIVE_YEARS: Readonly<Record<string, number>> = { 今: 0, 本: 0, 去: -1, 上: -1, 明: 1, 下: 1 };
/**
 * A relative year word before 年: not the tail of another word (以上年/以下年, 基本年/根本年, 过去年/除去年, 马上年底),
 * not a word of 年 (至今年均, 基本年薪, 以下年轻, 上年龄, 说明年终), and 去/明 not before 年度 (过去年度, 说明年度).
 */
const REL = `(?<![以基根过除马])(?<rel>[今本上下]|[去明](?!年度))(?=[ \\t]?年(?![均薪龄轻级限终]))`;
const S = '[ \\t]?';
/** A year before 年 that a month, quarter or half-year follows: four digits, four Chinese digits, two digits
 *  (23年11月9日 = 2023) or a relative year. */
const Y = `(?:(?<!\\d)(?<y>\\d{4}|\\d{2}|[${CN_YEAR_DIGITS}]{4})|${REL})`;
/** A year before 年 standing by itself: a bare two-digit number before 年 is a duration (满10年), so two digits
 *  only zero-padded (08年). */
const Y_ALONE = `(?:(?<!\\d)(?<y>\\d{4}|0\\d|[${CN_YEAR_DIGITS}]{4})|${REL})`;
const M = '(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const D = '(?<d>3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
/** 初 as the start of a month or year, not of a word (初步, 初始, 初心, 初审…) nor a lunar day (初一). */
const EARLY = '初(?![一二三四五六七八九十步始次心衷稿审核选具级任评查见])';

/** Parts of a month written after it: the first and last day of each (31: the month's last day). */
export const MONTH_PARTS: Readonly<Record<string, readonly [number, number]>> = {
  上旬: [1, 10],
  中旬: [11, 20],
  下旬: [21, 31],
  初: [1, 1],
  底: [31, 31],
  末: [31, 31],
};

/** Parts of a year written after it: its first day (年初), its last day (年底, 年末), or the whole year (年内). */
export const YEAR_PARTS: Readonly<Record<string, Pick<DateCandidate, 'm' | 'd' | 'precision'>>> = {
  初: { m: 1, d: 1, precision: 'day' },
  底: { m: 12, d: 31, precision: 'day' },
  末: { m: 12, d: 31, precision: 'day' },
  内: { precision: 'year' },
};

/** A two-digit year: 00–49 → 2000s, 50–99 → 1900s. */
const fullYear = (n: number) => (n < 50 ? 2000 + n : 1900 + n);

/** Year written as digits (two or four) or Chinese digits; null outside 1949–2100. */
function yearOf(s: string | undefined): number | null {
  if (s === undefined) return null;
  const y = /^\d{2}$/u.test(s) ? fullYear(Number(s)) : /^\d+$/u.test(s) ? Number(s) : parseChineseNumber(s);
  return y !== null && y >= 1949 && y <= 2100 ? y : null;
}

function num(s: string | undefined, max: number): number | null {
  if (s === undefined) return null;
  const n = parseChineseNumber(s);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

/** The year of a match: written (y), relative (rel), or left to context; null when the written year is no year. */
function yearPart(g: Record<string, string | undefined>): Pick<DateCandidate, 'y' | 'rel'> | null {
  if (g['y'] !== undefined) {
    const y = yearOf(g['y']);
    return y === null ? null : { y };
  }
  if (g['rel'] !== undefined) return { rel: RELATIVE_YEARS[g['rel']] ?? 0 };
  return {};
}

function ymd(g: Record<string, string | undefined>): DateCandidate | null {
  const year = yearPart(g);
  if (year === null) return null;
  const c: DateCandidate = { ...year, precision: 'day' };
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
    description: 'year, month and day: 2023年6月7日, 二〇二四年三月二十五日, 23年11月9日, 去年12月5日, 二〇〇四年八月十五 (日 may be left out after a written year)',
    pattern: new RegExp(`${Y}${S}年${S}${M}${S}月${S}${D}(?:${S}[日号]|(?![\\d〇○零一二三四五六七八九十日号个项名次人件条家户处场期批至到~-]))`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [
      { text: '2023年6月7日', value: { start: '2023-06-07', end: '2023-06-07', precision: 'day' } },
      { text: '二〇二四年三月二十五日', value: { start: '2024-03-25' } },
      { text: '2023 年 6 月 7 日', value: { start: '2023-06-07' } },
      { text: '二〇〇四年八月十五,大会召开', match: '二〇〇四年八月十五', value: { start: '2004-08-15' } },
      { text: '于23年11月9日反馈', match: '23年11月9日', value: { start: '2023-11-09' } },
      { text: '回顾去年12月5日的会议。\n2024年5月8日', match: '去年12月5日', value: { start: '2023-12-05', implied: ['year'] } },
    ],
    negatives: [
      { text: '2023年2月30日', why: 'no such day' },
      { text: '服刑满12年3个月', why: 'a duration' },
    ],
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
    id: 'date/numeric-short',
    description: 'numeric dates with a two-digit year, every part two digits and joined by hyphens: 24-01-19',
    pattern: /(?<![\d./-])(?<y>\d{2})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])(?![\d.:/-])/u,
    extract: (m) => ymd(m.groups!),
    examples: [{ text: '更新于:24-01-19 16:42', match: '24-01-19', value: { start: '2024-01-19', precision: 'day' } }],
    negatives: [
      { text: '编号12-05-003', why: 'a serial number' },
      { text: '电话0571-88-123456', why: 'a phone number' },
    ],
  },
  {
    id: 'date/ym',
    description: 'year and month: 2023年6月, 24年3月, 今年8月',
    pattern: new RegExp(`${Y}${S}年${S}${M}${S}月(?:份)?(?!${S}(?:\\d|[一二三四五六七八九十]{1,3}${S}[日号]))`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [
      { text: '截至2022年3月', match: '2022年3月', value: { start: '2022-03-01', end: '2022-03-31', precision: 'month' } },
      { text: '回顾今年8月的会议。\n2024年10月8日', match: '今年8月', value: { start: '2024-08-01', end: '2024-08-31' } },
    ],
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
    id: 'date/month-part',
    description: 'a part of a month, day-precise: 上旬 1st–10th, 中旬 11th–20th, 下旬 21st–last day, 初 the 1st, 底/末 the last day (2024年4月上旬, 9月下旬, 11月底)',
    pattern: new RegExp(`(?:${Y}${S}年${S}|(?<![\\d年一二三四五六七八九十个]))${M}${S}月(?:份)?${S}(?<part>上旬|中旬|下旬|${EARLY}|底|末)`, 'u'),
    extract: (m) => {
      const c = ymd({ ...m.groups!, d: undefined });
      const days = MONTH_PARTS[m.groups!['part']!];
      return c && days ? { ...c, d: days[0], dEnd: days[1], precision: 'day' } : null;
    },
    examples: [
      { text: '2024年4月上旬', value: { start: '2024-04-01', end: '2024-04-10', precision: 'day' } },
      { text: '2024年3月,9月中旬完成', match: '9月中旬', value: { start: '2024-09-11', end: '2024-09-20', implied: ['year'] } },
      { text: '2024年2月下旬', value: { start: '2024-02-21', end: '2024-02-29' } },
      { text: '2023年11月底', value: { start: '2023-11-30', end: '2023-11-30', precision: 'day', kind: 'date' } },
      { text: '2023年3月,11月初召开', match: '11月初', value: { start: '2023-11-01', end: '2023-11-01' } },
      { text: '2024年1月,要求6月底前完成', match: '6月底前', value: { start: '2024-06-30', end: '2024-06-30', kind: 'deadline' } },
    ],
    negatives: [
      { text: '2024年3月初步建立', match: '初步', why: '初步 is a word (preliminary), not the start of the month' },
      { text: '2024年,三月初一', match: '初一', why: 'a lunar day' },
    ],
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
    description: 'a year: 2023年, 2023年度, 二〇二三年, 08年, 今年, 去年, 明年, 上年度',
    pattern: new RegExp(`${Y_ALONE}${S}年(?:度)?(?![\\d])`, 'u'),
    extract: (m) => ymd(m.groups!),
    examples: [
      { text: '2023年度巡察整改专题民主生活会', match: '2023年度', value: { start: '2023-01-01', end: '2023-12-31', precision: 'year' } },
      { text: '二〇二三年', value: { start: '2023-01-01' } },
      { text: '08年建成', match: '08年', value: { start: '2008-01-01', end: '2008-12-31' } },
      { text: '计划明年完成。\n2024年6月3日', match: '明年', value: { start: '2025-01-01', end: '2025-12-31', implied: ['year'] } },
    ],
    negatives: [
      { text: '当年度工作要点', why: 'no year written' },
      { text: '近3年来', why: 'a duration' },
      { text: '任职满10年', why: 'a duration' },
      { text: '2019年至今年均增长5%', match: '今年', why: '至今 + 年均, not 今年' },
      { text: '基本年薪', why: '基本 + 年薪' },
      { text: '过去年度预算', why: '过去 + 年度' },
      { text: '35岁以下年轻干部', why: '以下 + 年轻' },
      { text: '马上年底了', match: '上年', why: '马上 + 年底' },
      { text: '数据说明年终考核有效', why: '说明 + 年终' },
    ],
  },
  {
    id: 'date/quarter',
    description: 'a quarter: 三季度, 第四季度, 2024年第一季度, 今年一季度',
    pattern: new RegExp(`(?<!每)(?:${Y}年)?第?(?<q>[一二三四1-4])季度`, 'u'),
    extract: (m) => {
      const q = num(m.groups!['q'], 4);
      const year = yearPart(m.groups!);
      return q === null || year === null ? null : { ...year, q, precision: 'quarter' };
    },
    examples: [
      { text: '2024年工作要点:三季度完成', match: '三季度', value: { start: '2024-07-01', end: '2024-09-30', precision: 'quarter' } },
      { text: '2024年第一季度', value: { start: '2024-01-01', end: '2024-03-31' } },
    ],
    negatives: [{ text: '每季度召开一次', why: 'a frequency' }],
  },
  {
    id: 'date/half',
    description: 'a half-year: 上半年, 2024年下半年, 今年上半年',
    pattern: new RegExp(`(?:${Y}年)?(?<h>[上下])半年`, 'u'),
    extract: (m) => {
      const year = yearPart(m.groups!);
      return year === null ? null : { ...year, h: m.groups!['h'] === '上' ? 1 : 2, precision: 'half' };
    },
    examples: [
      { text: '2024年1月起,上半年', match: '上半年', value: { start: '2024-01-01', end: '2024-06-30', precision: 'half' } },
      { text: '今年下半年完成。\n2024年9月2日', match: '今年下半年', value: { start: '2024-07-01', end: '2024-12-31', precision: 'half' } },
    ],
  },
  {
    id: 'date/year-part',
    description: 'a part of a year: 年初 its first day, 年底/年末 its last day, 年内 the whole year (2021年初, 2024年底, 今年年底, 年底前)',
    pattern: new RegExp(`(?:${Y_ALONE}${S}年${S}年?|(?<![\\d〇○零一二三四五六七八九十百千万两半数几多每近])年)(?<part>${EARLY}|底|末|内(?![部容涵设控审网外勤]))`, 'u'),
    extract: (m) => {
      const year = yearPart(m.groups!);
      const part = YEAR_PARTS[m.groups!['part']!.charAt(0)];
      return year === null || !part ? null : { ...year, ...part };
    },
    examples: [
      { text: '2024年3月,要求年底前完成', match: '年底前', value: { start: '2024-12-31', end: '2024-12-31', kind: 'deadline' } },
      { text: '2021年初', value: { start: '2021-01-01', end: '2021-01-01', precision: 'day' } },
      { text: '2024年底', value: { start: '2024-12-31', end: '2024-12-31', precision: 'day' } },
      { text: '今年年底前完成。\n2025年3月26日', match: '今年年底前', value: { end: '2025-12-31', kind: 'deadline' } },
      { text: '2024年5月,年内完成', match: '年内', value: { start: '2024-01-01', end: '2024-12-31', precision: 'year' } },
    ],
    negatives: [
      { text: '近年来', why: 'not a year' },
      { text: '半年内完成', why: 'a duration' },
      { text: '每年底报送', why: 'a frequency' },
      { text: '2023年初步建立', match: '初步', why: '初步 is a word (preliminary)' },
      { text: '2023年内部审计', match: '内部', why: '内部 is a word (internal)' },
    ],
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
 * has (?<!\d) before it), four Chinese year digits before 年, or a relative year word before 年 (今年, 去年), with a
 * space or tab between or not (S); the quarter and half-year rules a fixed number of characters before their word:
 * a year before them is 5 characters with 年 (2024年, 二〇二四年), 3 (24年) or 2 (今年), or absent, so
 * (Y年)?第?[一二三四1-4]季度 starts 1 or 2 characters plus one of 0, 2, 3, 5 before 季度, and (Y年)?[上下]半年
 * 1 plus one of them before 半年. The month-part and year-part rules begin at most as many characters before their
 * 月 or 年 as their pattern can hold ahead of it: a month part's Y S 年 S M S is at most 4 + 1 + 1 + 1 + 2 + 1 = 10
 * before 月 (or just M S, 3); a year part's Y S is at most 4 + 1 = 5 before 年 (or 0: 年底). They were scanned at
 * every character, and were the two costliest patterns of a notice.
 */
export const DATE_STARTS = {
  yearRules: ['date/ymd', 'date/ym', 'date/year'],
  yearDigits: CN_YEAR_DIGITS,
  relativeYears: Object.keys(RELATIVE_YEARS).join(''),
  beforeWord: [
    { rule: 'date/quarter', word: '季度', back: [7, 6, 5, 4, 3, 2, 1] },
    { rule: 'date/half', word: '半年', back: [6, 4, 3, 1] },
    { rule: 'date/month-part', word: '月', back: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0] },
    { rule: 'date/year-part', word: '年', back: [5, 4, 3, 2, 1, 0] },
  ],
} as const;

/**
 * Labels of a notice's own date near its top — a web page copied to text (发布时间:2024-05-20 10:32, 日期:2023年11月
 * 02日), the dash subtitle of a report to a congress (——2024年12月24日在…会议上): the date written right after the
 * label is the notice's date when it has no signature date and no page date (pipeline/extract/extractDates.ts
 * `noticeDate`).
 */
export const NOTICE_DATE_LABELS: readonly Omit<Rule<never>, 'extract'>[] = [
  {
    id: 'notice-date/labelled',
    description: 'a publication-date label near the top: 发布时间, 发布日期, 发文日期, 成文日期, 印发日期, 日期 (not 反馈日期 or another event’s)',
    pattern: /(?<![\p{Script=Han}])(?:(?:发布|发表|发文|成文|印发)(?:时间|日期)|日期)[ \t]*[:：][ \t]*/u,
    examples: [
      { text: '发布时间:2024-05-20 10:32\n关于巡察整改进展情况的通报', match: '2024-05-20', value: { date: '2024-05-20' } },
      { text: '日期:2023年11月02日 来源:区市场监管局', match: '2023年11月02日', value: { date: '2023-11-02' } },
    ],
    negatives: [{ text: '反馈日期:2023年6月28日', why: 'the date of another event' }],
  },
  {
    id: 'notice-date/report-subtitle',
    description: 'the dash subtitle of a report to a congress: ——2024年12月24日在市人民代表大会常务委员会第五次会议上',
    pattern: /^[ \t]*-{1,2}[ \t]*(?=[^\n]{6,20}在[^\n]*会议上[ \t]*$)/mu,
    examples: [
      {
        text: '关于2023年度审计查出问题整改情况的报告\n——2024年12月24日在市人民代表大会常务委员会第五次会议上\n市审计局局长',
        match: '2024年12月24日',
        value: { date: '2024-12-24' },
      },
    ],
    negatives: [{ text: '——2024年3月5日,召开专题会议', why: 'not the subtitle of a report' }],
  },
];

/**
 * Web-page furniture lines (rules/htmlBoilerplate.ts, in a page or its copy as text) whose dates are the notice's: the
 * page information line (发布时间:2024-05-20) and a row of the portal's metadata table (成文日期：2024-05-18). The dates of other furniture lines — the titles of the previous and
 * next article (下一篇:…2023年度部门决算公开说明), footers — belong to other pages and are not reported.
 */
export const FURNITURE_WITH_NOTICE_DATES: readonly string[] = ['page-info', 'page-info-inline', 'metadata-table'];

/** How far from the top a labelled notice date is looked for (characters): the header lines of a page. */
export const NOTICE_DATE_HEAD = 600;
