/**
 * Political formulas and slogans: numbers inside them are not counts (genre.md "Traps"). A lexicon of the
 * fixed formulas, plus generic patterns for the shapes that new formulas take: a short quotation holding a
 * numeral (“六必谈”, “1114”工作体系, “三张清单”) and the paired-numeral formula (三会一课, 一岗双责, 四不两直,
 * 一户一策). Extractors drop a count that overlaps any span found here.
 */
import { CLASSIFIERS } from './classifiers.js';
import type { Rule } from './ruleTypes.js';

/** Fixed formulas (as written, without quotation marks). */
export const SLOGANS: readonly string[] = [
  '两个维护', '两个确立', '四个意识', '四个自信', '四个全面', '两个责任', '两个服务', '四个好', '四个伟大',
  '两个务必', '三个务必', '三个代表', '两个一百年', '四个服从', '五个必须', '四个坚持', '两个毫不动摇',
  '五位一体', '一岗双责', '三重一大', '三会一课', '两学一做', '三严三实', '四不两直', '四风', '四种形态',
  '八项规定', '九项准则', '六项纪律', '六大纪律', '三项制度', '三公', '三农', '三全育人', '双减', '两委',
  '第一议题', '一级抓一级', '一把手', '一站式', '一票否决', '零容忍', '六必谈', '六进', '三区三线', '三带三区',
  '一村一史一志', '一会一报', '一院一策', '一户一策', '一报告两评议', '三张清单', '红黄绿',
];

/** A slogan span. */
export interface SloganSpan {
  kind: 'lexicon' | 'quoted' | 'formula';
}

/** Numeral characters of formulas, besides the ASCII digits. */
const NUMERAL_CHARS = '一二三四五六七八九十两双〇零百千';
const NUMERAL = `[${NUMERAL_CHARS}0-9]`;
const NUMERAL_CHAR = /[一二三四五六七八九十两双〇零百千万0-9]/u;
/** A filler character of a formula: a Han character that is neither a numeral nor the first character of a
 *  classifier (so 两个问题三个方面 and 第三中学两所学校 are not formulas). */
const FILLER = `[\\p{Script=Han}--[一二三四五六七八九十两双〇零百千万亿${[...new Set(CLASSIFIERS.map((c) => c.unit[0]!))].join('')}]]`;

/** Generic slogan shapes (the lexicon is matched separately). */
export const SLOGAN_RULES: readonly Rule<SloganSpan>[] = [
  {
    id: 'slogan/quoted',
    description: 'a short quotation holding a numeral: “六必谈”, “1114”, “三张清单”, “两个服务”',
    pattern: /“(?<body>[^“”\n]{1,12})”|"(?<body2>[^"\n]{1,12})"/u,
    extract: (m) => (NUMERAL_CHAR.test(m.groups!['body'] ?? m.groups!['body2'] ?? '') ? { kind: 'quoted' } : null),
    examples: [
      { text: '严格落实“六必谈”', match: '“六必谈”' },
      { text: '推动落实区委“1114”工作体系', match: '“1114”' },
    ],
    negatives: [{ text: '学深悟透“为党管档、为国守史、为民服务”', why: 'no numeral in the quotation' }],
  },
  {
    id: 'slogan/formula',
    description: 'two numerals each followed by one to three non-numeral characters: 三会一课, 一岗双责, 四不两直, 一报告两评议',
    pattern: new RegExp(`(?<![${NUMERAL_CHARS}万0-9第])${NUMERAL}${FILLER}{1,3}${NUMERAL}${FILLER}{1,3}`, 'v'),
    extract: () => ({ kind: 'formula' }),
    examples: [
      { text: '严格落实三会一课制度', match: '三会一课制度' },
      { text: '坚持四不两直方式', match: '四不两直方式' },
    ],
    negatives: [{ text: '反馈的4个方面24个问题', why: 'classifiers, not a formula' }],
  },
];

/**
 * Where a match of SLOGAN_RULES can begin (pipeline/extract/ruleStarts.ts scans for these): an opening quotation mark
 * (slogan/quoted), or a numeral (slogan/formula) unless its lookbehind forbids the character before it.
 */
export const SLOGAN_STARTS = {
  quotes: '“"',
  numerals: `${NUMERAL_CHARS}0123456789`,
  notAfter: `${NUMERAL_CHARS}0123456789万第`,
} as const;
