/**
 * Heading markers (GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）, and the variants real notices use).
 * Each rule matches at the start of a line of the normalized view (full-width already folded: （ → (, ． → .).
 * Nesting is not decided here: pipeline/structure keeps a stack over marker styles.
 */
import type { MarkerStyle } from '../output/schema.js';
import type { Rule } from './ruleTypes.js';
import { parseChineseNumber } from '../text/parseChineseNumber.js';

/** What a marker rule yields: the style, the ordinal, and where the marker ends within the match. */
export interface MarkerValue {
  style: MarkerStyle;
  ordinal: number;
  /** Length of the marker itself (the match may include leading spaces). */
  markerStart: number;
  markerEnd: number;
}

const D = '[一二三四五六七八九]';
/**
 * A Chinese ordinal from 1 to 999 as headings write it: 一 … 九, 十 … 十九 (or 一十一), 二十 … 九十九, and the hundreds
 * 一百 … 九百九十九 with 零 or 〇 for a missing ten (一百零五, 一百〇五 as Word's chineseCounting writes it) and 一百十
 * / 一百一十 both read as 110. Only these shapes match, so a run of numerals such as 三四 is no marker.
 */
const CN = `(?:[一二三四五六七八九两]百(?:[零〇]${D}|${D}?十${D}?)?|${D}?十${D}?|${D})`;

/**
 * Styles that nest as one level: notices that mix 1. and 1、 (or （1） and ⑴) do so within a level, not to mark a
 * deeper one. The section keeps the style as written; the stack compares families.
 */
export const NESTING_FAMILY: Readonly<Record<MarkerStyle, string>> = {
  'cn-part': 'part',
  'cn-dun': 'cn-dun',
  'cn-paren': 'cn-paren',
  'arabic-dot': 'arabic',
  'arabic-dun': 'arabic',
  'arabic-paren': 'arabic-paren',
  circled: 'circled',
};

/** Ordinal of a circled or enclosed character: ① → 1, ⑴ → 1, ㈠ → 1. */
function enclosedOrdinal(ch: string, first: number): number {
  return ch.charCodeAt(0) - first + 1;
}

function marker(style: MarkerStyle, ordinalOf: (num: string) => number | null) {
  return (m: RegExpExecArray): MarkerValue | null => {
    const g = m.groups!;
    const ordinal = ordinalOf(g['num']!);
    if (ordinal === null || ordinal < 1 || ordinal > 999) return null;
    const lead = g['lead']?.length ?? 0;
    return { style, ordinal, markerStart: lead, markerEnd: lead + g['marker']!.length };
  };
}

/** Heading-marker rules, tried in order at each line start. */
export const MARKER_RULES: readonly Rule<MarkerValue>[] = [
  {
    id: 'marker/cn-dun',
    description: 'Chinese numeral + 、 (一、), not a list of numerals such as 三、四月份',
    pattern: new RegExp(`^(?<lead>[ \\t]*)(?<marker>(?<num>${CN})、)(?![一二三四五六七八九十]{1,3}[、月日年号级类个])`, 'u'),
    extract: marker('cn-dun', parseChineseNumber),
    examples: [
      { text: '一、区档案馆组织落实情况', match: '一、', value: { style: 'cn-dun', ordinal: 1 } },
      { text: '十二、其他事项', match: '十二、', value: { ordinal: 12 } },
      { text: '一百一十、强化财务管理', match: '一百一十、', value: { ordinal: 110 } },
      { text: '一百一十一、规范公务接待', match: '一百一十一、', value: { ordinal: 111 } },
      { text: '一百零五、加强档案管理', match: '一百零五、', value: { ordinal: 105 } },
      { text: '一百〇九、完善内控制度', match: '一百〇九、', value: { ordinal: 109 } },
      { text: '九百九十九、其他', match: '九百九十九、', value: { ordinal: 999 } },
    ],
    negatives: [
      { text: '三、四月份开展专项检查。', why: 'a list of months, not a heading' },
      { text: '一是加强学习。', why: 'an inline enumeration' },
      { text: '三四、五六名干部参加培训。', why: 'a run of numerals is no ordinal' },
      { text: '一千、加强管理', why: 'past 999' },
    ],
  },
  {
    id: 'marker/cn-paren',
    description: 'Chinese numeral in parentheses: （一） or (一)',
    pattern: new RegExp(`^(?<lead>[ \\t]*)(?<marker>\\((?<num>${CN})\\))`, 'u'),
    extract: marker('cn-paren', parseChineseNumber),
    examples: [
      { text: '（一）深化思想认识', match: '（一）', value: { style: 'cn-paren', ordinal: 1 } },
      { text: '(三)优化整改措施', match: '(三)', value: { ordinal: 3 } },
      { text: '（一百一十九）规范采购程序', match: '（一百一十九）', value: { ordinal: 119 } },
    ],
  },
  {
    id: 'marker/cn-enclosed',
    description: 'parenthesized ideograph ㈠–㈩ (U+3220–3229)',
    pattern: /^(?<lead>[ \t]*)(?<marker>(?<num>[\u3220-\u3229]))/u,
    extract: marker('cn-paren', (n) => enclosedOrdinal(n, 0x3220)),
    examples: [{ text: '㈡强化监督', match: '㈡', value: { style: 'cn-paren', ordinal: 2 } }],
  },
  {
    id: 'marker/arabic-dot',
    description: 'Arabic number + full stop: 1. or 1．, not a decimal (1.25亿元) or a version (1.1)',
    pattern: /^(?<lead>[ \t]*)(?<marker>(?<num>\d{1,3})\.)(?![\d.])/u,
    extract: marker('arabic-dot', (n) => Number(n)),
    examples: [
      { text: '1.学深悟透', match: '1.', value: { style: 'arabic-dot', ordinal: 1 } },
      { text: '3．强化档案安全', match: '3．', value: { ordinal: 3 } },
    ],
    negatives: [{ text: '1.25亿元资金已到位。', why: 'a decimal amount' }],
  },
  {
    id: 'marker/arabic-dun',
    description: 'Arabic number + 、: 1、',
    pattern: /^(?<lead>[ \t]*)(?<marker>(?<num>\d{1,3})、)/u,
    extract: marker('arabic-dun', (n) => Number(n)),
    examples: [{ text: '2、规范服务采购行为', match: '2、', value: { style: 'arabic-dun', ordinal: 2 } }],
  },
  {
    id: 'marker/arabic-paren',
    description: 'Arabic number in parentheses: （1） or (1)',
    pattern: /^(?<lead>[ \t]*)(?<marker>\((?<num>\d{1,3})\))/u,
    extract: marker('arabic-paren', (n) => Number(n)),
    examples: [{ text: '（1）完善制度', match: '（1）', value: { style: 'arabic-paren', ordinal: 1 } }],
  },
  {
    id: 'marker/arabic-paren-char',
    description: 'parenthesized digit ⑴–⒇ (U+2474–2487)',
    pattern: /^(?<lead>[ \t]*)(?<marker>(?<num>[\u2474-\u2487]))/u,
    extract: marker('arabic-paren', (n) => enclosedOrdinal(n, 0x2474)),
    examples: [{ text: '⑵加强培训', match: '⑵', value: { style: 'arabic-paren', ordinal: 2 } }],
  },
  {
    id: 'marker/circled',
    description: 'circled digit ①–⑳ at the start of a line',
    pattern: /^(?<lead>[ \t]*)(?<marker>(?<num>[\u2460-\u2473]))/u,
    extract: marker('circled', (n) => enclosedOrdinal(n, 0x2460)),
    examples: [{ text: '③开展专项检查', match: '③', value: { style: 'circled', ordinal: 3 } }],
  },
  {
    id: 'marker/cn-part',
    description: '第一部分 / 第一章 / 第一篇 as a top heading',
    pattern: new RegExp(`^(?<lead>[ \\t]*)(?<marker>第(?<num>${CN})(?:部分|章|篇)[ \\t]*)`, 'u'),
    extract: marker('cn-part', parseChineseNumber),
    examples: [
      { text: '第二部分 整改落实情况', match: '第二部分 ', value: { style: 'cn-part', ordinal: 2 } },
      { text: '第一百一十二章 附则', match: '第一百一十二章 ', value: { style: 'cn-part', ordinal: 112 } },
    ],
    negatives: [{ text: '第一，加强学习。', why: 'an inline enumeration' }],
  },
];
