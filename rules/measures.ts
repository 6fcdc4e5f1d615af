/**
 * Measures (output-contract.md, Measure): what the notice says was done or will be done. Three shapes, tried
 * in this order on each paragraph of a section's own body (pipeline/extract/extractMeasures.ts):
 * 1. enumerated items inside the paragraph (一是…二是…, 第一，…第二，…, ①…②…, （1）…（2）… after punctuation);
 * 2. run-in lead sentences: a paragraph that opens with a short slogan-like sentence (聚焦问题抓整改。…) is cut
 *    at each such sentence;
 * 3. otherwise one measure per action sentence (a sentence with a verb).
 * The status comes from the titles of the enclosing sections (STATUS_RULES).
 *
 * Decision: the OUTERMOST section title that names a status wins. The status is a property of the category
 * heading (二、已完成的整改事项 / 三、长期整改任务… / 四、下一步工作计划); a sub-heading that happens to contain a
 * status word names a topic, not a category: 四、下一步工作计划 › （二）持续抓好长期任务整改 is planned, and
 * 二、已完成的整改事项 › （1）制定干部交流轮岗计划 is done.
 */
import type { NegativeExample, PositiveExample, Rule } from './ruleTypes.js';
import { parseChineseNumber } from '../text/parseChineseNumber.js';

/** An enumerator found inside a paragraph. */
export interface EnumeratorValue {
  /** Enumerators of one family number one sequence (一是/二是 are one family, ①/② another). */
  family: 'shi' | 'di' | 'circled' | 'paren' | 'arabic';
  ordinal: number;
  /** Length of the enumerator itself (the measure text starts after it). */
  length: number;
}

/** Where an inline enumerator may stand: paragraph start or after a punctuation mark. */
/** Marks after which an inline enumerator may stand (besides the paragraph start). */
const AFTER_MARKS = '[。；;，,：:！!？?\\s]';
const AFTER = `(?<=^|${AFTER_MARKS})`;
const CN = '[一二三四五六七八九十]{1,3}';

const enumerator = (family: EnumeratorValue['family'], ordinalOf: (s: string) => number | null) => (m: RegExpExecArray): EnumeratorValue | null => {
  const n = ordinalOf(m.groups!['num']!);
  return n === null || n < 1 || n > 50 ? null : { family, ordinal: n, length: m[0].length };
};

/** Enumerator rules (run on one paragraph of the normalized view). */
export const ENUMERATOR_RULES: readonly Rule<EnumeratorValue>[] = [
  {
    id: 'measure/enum-shi',
    description: '一是…二是… (the commonest inline enumeration)',
    pattern: new RegExp(`${AFTER}(?<num>${CN})是(?!否|指|因为|非)`, 'u'),
    extract: enumerator('shi', parseChineseNumber),
    examples: [
      {
        text: '二、已完成的整改事项\n（一）档案安全\n一是进一步强化档案安全责任。二是完善库房安全硬件设施。',
        match: '完善库房安全硬件设施。',
        value: { status: 'done' },
      },
    ],
  },
  {
    id: 'measure/enum-di',
    description: '第一，…第二，… (not 第一时间, 第一责任人)',
    pattern: new RegExp(`${AFTER}第(?<num>${CN})[,，、:：]`, 'u'),
    extract: enumerator('di', parseChineseNumber),
    examples: [{ text: '一、工作情况\n（一）村集体经济\n第一,盘活闲置村部、校舍等集体资产,增加租金收入;第二,推行合作社模式。', match: '盘活闲置村部、校舍等集体资产,增加租金收入;' }],
  },
  {
    id: 'measure/enum-circled',
    description: '①…②… inside a paragraph',
    pattern: /(?<num>[\u2460-\u2473])/u,
    extract: enumerator('circled', (s) => s.charCodeAt(0) - 0x2460 + 1),
    examples: [{ text: '一、整改情况\n修订实施细则，①对厅门户网站栏目开展全面排查；②规范政务新媒体信息审核发布流程。', match: '对厅门户网站栏目开展全面排查；' }],
  },
  {
    id: 'measure/enum-paren',
    description: '（1）…（2）… or ⑴…⑵… inside a paragraph (at a line start they are headings)',
    pattern: new RegExp(`(?<=[。；;，,：:！!？?])(?:\\((?<num>\\d{1,2})\\)|(?<char>[\\u2474-\\u2487]))`, 'u'),
    extract: (m) => {
      const n = m.groups!['num'] !== undefined ? Number(m.groups!['num']) : m.groups!['char']!.charCodeAt(0) - 0x2474 + 1;
      return n >= 1 && n <= 50 ? { family: 'paren', ordinal: n, length: m[0].length } : null;
    },
    examples: [{ text: '一、整改情况\n主要措施：（1）完善制度建设；（2）强化监督检查。', match: '强化监督检查。' }],
  },
  {
    id: 'measure/enum-arabic',
    description: '1.…2.… or 1、…2、… inside a paragraph, after a colon or a stop',
    pattern: /(?<=[。；;：:])(?<num>\d{1,2})[.、](?!\d)/u,
    extract: enumerator('arabic', (s) => Number(s)),
    examples: [{ text: '一、整改情况\n重点抓好两项工作：1.完善制度建设；2.强化监督检查。', match: '完善制度建设；' }],
  },
];

/**
 * Where a match of ENUMERATOR_RULES can begin (pipeline/extract/ruleStarts.ts scans for these): a circled number
 * anywhere; any other enumerator — a Chinese numeral (一是), 第, '(', ⑴–⒇ or a digit — at the paragraph start or after
 * one of AFTER_MARKS (the lookbehinds of enum-paren and enum-arabic allow fewer marks still).
 */
export const ENUMERATOR_STARTS = {
  anywhere: { from: 0x2460, to: 0x2473 },
  first: `一二三四五六七八九十第(0123456789${String.fromCharCode(...Array.from({ length: 0x2487 - 0x2474 + 1 }, (_, i) => 0x2474 + i))}`,
  after: new RegExp(AFTER_MARKS, 'u'),
} as const;

/** A measure shape that is not a single pattern: its parameters and its runnable examples. */
export interface MeasureShape {
  id: string;
  description: string;
  examples: PositiveExample[];
  negatives?: NegativeExample[];
}

/** A run-in lead sentence: short, no inner punctuation, ends with 。 (聚焦问题抓整改。). Later leads in the same
 *  paragraph are parallel to the first (排比): the same last two characters (抓整改 … 促整改) or the same length
 *  (加强组织领导 … 健全工作机制); a short sentence that is neither is elaboration of the lead before it. */
export const LEAD_SENTENCE: MeasureShape & { minLength: number; maxLength: number; inner: RegExp; parallelTail: number } = {
  id: 'measure/lead',
  description: 'a paragraph cut at short slogan-like lead sentences: 聚焦问题抓整改。…标本兼治抓整改。…',
  minLength: 4,
  maxLength: 15,
  /** Characters a lead sentence may not contain. */
  inner: /[,，、;；:：“”"《》()（）]/u,
  parallelTail: 2,
  examples: [
    {
      text: '一、组织落实情况\n（三）优化整改措施\n聚焦问题抓整改。对照巡察反馈意见,制定整改工作方案。标本兼治抓整改。制定有力举措,做到件件有着落。',
      match: '标本兼治抓整改。制定有力举措,做到件件有着落。',
    },
  ],
};

/** One measure per action sentence when a paragraph has neither enumerators nor lead sentences. */
export const ACTION_SENTENCE: MeasureShape & { verbTags: ReadonlySet<string>; minLength: number } = {
  id: 'measure/sentence',
  description: 'one measure per sentence with a verb (sentences end at text/punctuation.ts SENTENCE_END), in paragraphs without enumerations or leads',
  /** POS tags of an action verb (jieba). */
  verbTags: new Set(['v', 'vn', 'vd']),
  minLength: 5,
  examples: [
    {
      text: '四、下一步工作计划\n（一）巩固整改成果\n对已完成的整改任务跟踪问效，防止问题反弹。对长期推进整改的问题紧盯不放。',
      match: '对长期推进整改的问题紧盯不放。',
      value: { status: 'planned' },
    },
  ],
};

/** Measure status from a section title. */
export interface StatusValue {
  status: 'done' | 'ongoing' | 'planned';
}

/** Status rules, tested on each enclosing section title from the outermost in; the first title that matches
 *  any rule decides (rules in table order within one title). */
export const STATUS_RULES: readonly Rule<StatusValue>[] = [
  {
    id: 'status/planned',
    description: 'plans: 下一步工作计划, 今后工作打算, 下阶段整改安排',
    pattern: /下一步|下步|下阶段|下一阶段|今后|(?:工作|整改)(?:计划|打算|安排|思路)|^(?:工作)?(?:计划|打算)$/u,
    extract: () => ({ status: 'planned' }),
    examples: [
      { text: '下一步工作计划', match: '下一步', value: { status: 'planned' } },
      { text: '下一步整改工作安排', match: '下一步', value: { status: 'planned' } },
    ],
    negatives: [{ text: '制定干部交流轮岗计划', why: 'a measure that makes a plan, not a plans section' }],
  },
  {
    id: 'status/done',
    description: 'done: 已完成的整改事项, 集中整改期内已完成的整改事项',
    pattern: /(?<!巩固|未|尚未)已(?:经)?完成(?:的)?(?:整改)?(?:事项|任务|问题|工作|情况)|已整改(?:完成|到位)(?:的)?(?:事项|问题)/u,
    extract: () => ({ status: 'done' }),
    examples: [
      { text: '集中整改期内已完成的整改事项', match: '已完成的整改事项', value: { status: 'done' } },
      { text: '已完成的整改事项', value: { status: 'done' } },
    ],
    negatives: [{ text: '巩固已完成整改成果', why: 'a topic (consolidating results), not the category of done items' }],
  },
  {
    id: 'status/ongoing',
    description: 'ongoing: 长期整改任务, 阶段性成效, 正在推进',
    pattern: /长期(?:整改)?(?:任务|事项|问题)|需长期坚持|长期坚持|阶段性(?:成效|进展|成果)|正在(?:整改|推进)|持续(?:推进|整改)(?:的)?(?:事项|任务|问题)|尚未完成|未完成(?:的)?(?:整改)?(?:事项|任务|问题)/u,
    extract: () => ({ status: 'ongoing' }),
    examples: [
      { text: '对长期整改任务采取的重要举措和取得的阶段性成效', match: '长期整改任务', value: { status: 'ongoing' } },
      { text: '长期整改任务推进情况', match: '长期整改任务', value: { status: 'ongoing' } },
      { text: '持续推进未完成的整改任务', match: '未完成的整改任务', value: { status: 'ongoing' } },
    ],
  },
];
