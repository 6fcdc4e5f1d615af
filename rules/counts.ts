/**
 * Count rules (output-contract.md, Count): a number with its classifier or unit, an approximation word before
 * or after it, money normalized to yuan, percentages. The object counted is found afterwards by
 * pipeline/extract/extractCounts.ts from part-of-speech tags with the tables of rules/countObjects.ts (the noun
 * phrase after the classifier, or before the number: 问题…688个, or the object of the list it continues), and the refiners there drop what is not a count: numbers inside dates, 《titles》, slogans
 * and formulas (rules/slogans.ts). Patterns run on the normalized view (ASCII digits and %, '-' for dashes).
 *
 * Decisions (documented here because they shape the output):
 * - A bare 一 before a classifier is an article, not a count (一批, 一项, 一次, 新一轮, 一笔): Arabic 1 is counted.
 * - Ordinals are not counts: 第一时间, 第一责任人, 第二巡察组, 第N次 (the Nth time) — rejected by the 第 guard.
 * - Chinese digit-by-digit runs (二〇二三, 一一) are years or codes, never counts.
 * - Durations are counts with their unit (18分钟, 3个月, 任职满5年 → 年); 近3年来 and 2023年 are not.
 * - Named programmes (十大民生工程, 五大中心) and ranks (二级单位, 五级) are not counts (大 and 级 are no units).
 */
import { classifierSource } from './classifiers.js';
import type { Rule } from './ruleTypes.js';
import { parseChineseNumber, round15 } from '../text/parseChineseNumber.js';

/** How approximate a figure is (output-contract.md). */
export type Approx = 'about' | 'under' | 'over';

/** Where the counted object is looked for. */
type ObjectSearch = 'after-or-before' | 'after-required' | 'before';

/** A count before its object is resolved. */
export interface CountCandidate {
  value: number;
  unit: string | null;
  approx: Approx | null;
  object: ObjectSearch;
}

/** Approximation words and what they mean; `pre` words stand before the number, `post` words after it. */
export const APPROX_WORDS: ReadonlyArray<{ word: string; approx: Approx; at: 'pre' | 'mid' | 'post' }> = [
  { word: '大约', approx: 'about', at: 'pre' },
  { word: '约', approx: 'about', at: 'pre' },
  { word: '左右', approx: 'about', at: 'post' },
  { word: '将近', approx: 'under', at: 'pre' },
  { word: '接近', approx: 'under', at: 'pre' },
  { word: '近', approx: 'under', at: 'pre' },
  { word: '不到', approx: 'under', at: 'pre' },
  { word: '不足', approx: 'under', at: 'pre' },
  { word: '低于', approx: 'under', at: 'pre' },
  { word: '少于', approx: 'under', at: 'pre' },
  { word: '不超过', approx: 'under', at: 'pre' },
  { word: '以下', approx: 'under', at: 'post' },
  { word: '以内', approx: 'under', at: 'post' },
  { word: '超过', approx: 'over', at: 'pre' },
  { word: '逾', approx: 'over', at: 'pre' },
  { word: '高于', approx: 'over', at: 'pre' },
  { word: '多于', approx: 'over', at: 'pre' },
  { word: '不少于', approx: 'over', at: 'pre' },
  { word: '不低于', approx: 'over', at: 'pre' },
  { word: '至少', approx: 'over', at: 'pre' },
  { word: '余', approx: 'over', at: 'mid' },
  { word: '多', approx: 'over', at: 'mid' },
  { word: '以上', approx: 'over', at: 'post' },
];

const words = (at: 'pre' | 'mid' | 'post') =>
  APPROX_WORDS.filter((w) => w.at === at)
    .map((w) => w.word)
    .sort((a, b) => b.length - a.length);

/** 近 is an approximation, but not inside 最近/附近/临近/靠近/就近. */
const PRE = `(?<pre>${words('pre')
  .map((w) => (w === '近' ? '(?<![最附临靠就])近' : w))
  .join('|')})?`;
const MID = `(?<mid>${words('mid').join('|')})?`;
const POST = `(?<post>${words('post').join('|')})?`;

/** Words a count pattern may read before its approximation word and number (人民币) or before its number
 *  (百分之); COUNT_STARTS names them. */
const CURRENCY = '人民币';
const PERCENT_WORDS = '百分之';

const ARABIC = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const CN_CHARS = '〇零一二三四五六七八九十百千万亿两壹贰叁参肆伍陆柒捌玖拾佰仟萬億兩';
const CN = `[${CN_CHARS}]+(?:点[〇零一二三四五六七八九]+)?`;
/** Nothing that makes the number part of something else: a digit, a decimal point, a letter, 第 (ordinal),
 *  数/几/若 (数十家: an indefinite number), 每 (每两周: a period, not a count), or another Chinese numeral. */
const GUARD = `(?<![\\d.A-Za-z第数几若每${CN_CHARS}]|\\d,)`;
const NUM = `${GUARD}(?<num>${ARABIC}(?:[十百千万亿萬億]{1,2})?|${CN})`;

/**
 * Where a match of COUNT_RULES can begin (pipeline/extract/ruleStarts.ts scans for these): every count pattern reads
 * an optional 人民币 and an optional pre word, then its number, and the number starts a run of numeral characters
 * (the guard NUM, or the lookbehind of count/years and count/total, forbids a numeral before it); count/percent-words
 * begins at an optional pre word and 百分之 instead (百 may sit inside a run: 一百分之).
 */
export const COUNT_STARTS = {
  numerals: `0123456789${CN_CHARS}`,
  prefixWords: words('pre'),
  currency: CURRENCY,
  percentWords: PERCENT_WORDS,
} as const;

/** Approximation of a match from its pre/mid/post words. */
function approxOf(g: Record<string, string | undefined>): Approx | null {
  for (const k of ['pre', 'mid', 'post'] as const) {
    const w = g[k];
    if (w) return APPROX_WORDS.find((a) => a.word === w)?.approx ?? null;
  }
  return null;
}

const PURE_DIGIT_RUN = /^[〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖兩]{2,}$/u;

/** The number of a match, or null when it is not a count's number (an article 一, a digit run). */
function countNumber(num: string | undefined, options: { article?: boolean } = {}): number | null {
  if (num === undefined) return null;
  if (options.article && (num === '一' || num === '壹')) return null;
  if (PURE_DIGIT_RUN.test(num)) return null;
  return parseChineseNumber(num);
}

const MAGNITUDE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

function scaled(n: number, mag: string | undefined): number {
  return round15(n * (mag ? MAGNITUDE[mag]! : 1));
}

/** Count rules, most specific first (the longer match wins an overlap). */
export const COUNT_RULES: readonly Rule<CountCandidate>[] = [
  {
    id: 'count/money',
    description: 'an amount of money in yuan: 126.4万元, 1.25亿元, 3,560.8万元, 人民币壹拾贰万元整, 5000余万元',
    pattern: new RegExp(`(?:${CURRENCY})?${PRE}${NUM}${MID}(?<mag>[万亿])?元(?<tail>整)?${POST}`, 'u'),
    extract: (m) => {
      const g = m.groups!;
      const n = countNumber(g['num']);
      if (n === null) return null;
      return { value: scaled(n, g['mag']), unit: '元', approx: approxOf(g), object: 'before' };
    },
    examples: [
      { text: '追回资金126.4万元', match: '126.4万元', value: { value: 1264000, unit: '元', object: '资金' } },
      { text: '落实农村道路和人居环境建设经费1.2亿元', match: '1.2亿元', value: { value: 120000000, object: '建设经费' } },
      { text: '1.25亿元', value: { value: 125000000, unit: '元' } },
      { text: '涉及3,560.8万元', match: '3,560.8万元', value: { value: 35608000 } },
      { text: '人民币壹拾贰万元整', value: { value: 120000, unit: '元' } },
      { text: '人民币参拾陆万元整', value: { value: 360000, unit: '元' } },
      { text: '超过10万元', value: { value: 100000, approx: 'over' } },
      { text: '约210万元', value: { value: 2100000, approx: 'about' } },
      { text: '共计463,000元。', match: '463,000元', value: { value: 463000 } },
      { text: '三百零五万元', value: { value: 3050000 } },
      { text: '5000余万元', value: { value: 50000000, approx: 'over' } },
    ],
    negatives: [{ text: '美元汇率', why: 'no number' }],
  },
  {
    id: 'count/percent',
    description: 'a percentage: 98.71%, 40%以上, 低于60%',
    pattern: new RegExp(`${PRE}${NUM}${MID}%${POST}`, 'u'),
    extract: (m) => {
      const n = countNumber(m.groups!['num']);
      return n === null ? null : { value: n, unit: '%', approx: approxOf(m.groups!), object: 'before' };
    },
    examples: [
      { text: '完成率98.71%', match: '98.71%', value: { value: 98.71, unit: '%' } },
      { text: '压缩40%以上', match: '40%以上', value: { value: 40, approx: 'over' } },
      { text: '执行率低于60%的', match: '低于60%', value: { value: 60, approx: 'under' } },
    ],
  },
  {
    id: 'count/percent-words',
    description: 'a percentage in words: 百分之九十八点七一',
    pattern: new RegExp(`${PRE}${PERCENT_WORDS}(?<num>${ARABIC}|${CN})${POST}`, 'u'),
    extract: (m) => {
      const n = countNumber(m.groups!['num']);
      return n === null ? null : { value: n, unit: '%', approx: approxOf(m.groups!), object: 'before' };
    },
    examples: [{ text: '整改完成率达到百分之九十八点七一', match: '百分之九十八点七一', value: { value: 98.71, unit: '%' } }],
  },
  {
    id: 'count/classifier',
    description: 'a number and its classifier or unit: 10项规章制度, 近两百场活动, 380余人次, 1,386个, 126.5平方公里',
    pattern: new RegExp(`${PRE}${NUM}${MID}(?<unit>${classifierSource()})${POST}`, 'u'),
    extract: (m) => {
      const g = m.groups!;
      const n = countNumber(g['num'], { article: true });
      if (n === null) return null;
      return { value: n, unit: g['unit']!, approx: approxOf(g), object: 'after-or-before' };
    },
    examples: [
      { text: '新建和修订了10项规章制度', match: '10项规章制度', value: { value: 10, unit: '项', object: '规章制度' } },
      { text: '举办近两百场活动', match: '近两百场活动', value: { value: 200, unit: '场', object: '活动', approx: 'under' } },
      { text: '培训380余人次', match: '380余人次', value: { value: 380, unit: '人次', approx: 'over' } },
      { text: '共核查图斑1,386个', match: '1,386个', value: { value: 1386, unit: '个' } },
      { text: '反馈问题688个', match: '688个', value: { value: 688, unit: '个', object: '问题' } },
      { text: '审计发现问题5个方面21个，', match: '21个', value: { value: 21, object: '问题' } },
      { text: '发现14个具体问题', match: '14个具体问题', value: { value: 14, object: '问题' } },
      { text: '覆盖126.5平方公里', match: '126.5平方公里', value: { value: 126.5, unit: '平方公里' } },
      { text: '两千三百余户', value: { value: 2300, unit: '户', approx: 'over' } },
      { text: '制度5项以上', match: '5项以上', value: { value: 5, approx: 'over', object: '制度' } },
      { text: '提高2.1个百分点', match: '2.1个百分点', value: { value: 2.1, unit: '个百分点' } },
      { text: '平均等候18分钟', match: '18分钟', value: { value: 18, unit: '分钟' } },
      { text: '召开党组会议十五次', match: '十五次', value: { value: 15, unit: '次' } },
      { text: '1.2万余件', value: { value: 12000, unit: '件', approx: 'over' } },
      { text: '对全市29家市直单位开展评估', match: '29家市直单位', value: { value: 29, object: '市直单位' } },
      { text: '镇纪委诫勉谈话24人，', match: '24人', value: { value: 24, object: '诫勉谈话' } },
      { text: '反馈的25个问题，已完成整改19个、正在整改6个。', match: '6个', value: { value: 6, object: '问题' } },
    ],
    negatives: [
      { text: '第一时间召开会议', why: 'an ordinal' },
      { text: '切实担起第一责任人责任', why: 'an ordinal' },
      { text: '新一轮巡察', why: '一 before a classifier is an article' },
      { text: '整改一项、销号一项', why: '一 before a classifier is an article' },
      { text: '实施十大民生工程', why: 'a named programme (大 is no classifier)' },
      { text: '下属二级单位', why: 'a rank (级 is no classifier)' },
      { text: '学习贯彻党的十四届全会精神', why: 'a congress session (届 is no classifier)' },
      { text: '天佑四路56号', why: 'a house number (号 is no classifier)' },
      { text: '青交投党〔2024〕15号', why: 'a document number' },
      { text: '联系电话:0757-86229618', why: 'a phone number' },
      { text: '邮政编码:528000', why: 'a postcode' },
      { text: '树牢“四个意识”，做到“两个维护”', why: 'slogans' },
      { text: '严格落实“三会一课”制度和八项规定', why: 'formulas' },
      { text: '建立“一图斑一档案”', why: 'a formula in quotes' },
      { text: '2023年6月7日至7月28日', why: 'a date' },
      { text: '《干部队伍建设三年规划》', why: 'inside a title' },
      { text: '数十家企业', why: 'an indefinite number' },
      { text: '每两周召开一次调度会', why: 'a period (每两周), not a count' },
      { text: '修订《党支部工作条例》', why: '条 of 条例 is no classifier' },
    ],
  },
  {
    id: 'count/years',
    description: 'a number of years (a duration): 任职满5年, 暂停资格两年; never a date (2023年) nor 近3年来',
    pattern: new RegExp(
      `(?<![\\d.A-Za-z第数几若近这前后去今明本当每上下同次全整${CN_CHARS}])(?<num>\\d{1,2}|[一二三四五六七八九十两]{1,3})(?<mid>余|多)?个?年(?![度底末初前内来级代中后间份报鉴轻限龄]|\\d{1,2}月)${POST}`,
      'u',
    ),
    extract: (m) => {
      const n = countNumber(m.groups!['num']);
      return n === null || n === 0 ? null : { value: n, unit: '年', approx: approxOf(m.groups!), object: 'before' };
    },
    examples: [
      { text: '在同一岗位任职满5年的干部', match: '5年', value: { value: 5, unit: '年' } },
      { text: '暂停承接业务的资格两年。', match: '两年', value: { value: 2 } },
    ],
    negatives: [
      { text: '近3年来', why: 'a period reaching back from now, not a count' },
      { text: '2023年度', why: 'a year' },
      { text: '于23年11月9日向区委反馈', match: '23年', why: 'a two-digit year of a date' },
      { text: '二〇二三年', why: 'a year' },
    ],
  },
  {
    id: 'count/myriad-noun',
    description: 'a number in 万/亿 directly before a noun, without a classifier: 约15万游客, 近200万群众',
    pattern: new RegExp(`${PRE}${GUARD}(?<num>${ARABIC}[万亿萬億]|[${CN_CHARS}]*[万亿萬億])${MID}(?=\\p{Script=Han})`, 'u'),
    extract: (m) => {
      const n = countNumber(m.groups!['num']);
      return n === null ? null : { value: n, unit: null, approx: approxOf(m.groups!), object: 'after-required' };
    },
    examples: [
      { text: '吸引约15万游客到访', match: '约15万游客', value: { value: 150000, object: '游客', approx: 'about', unit: null } },
      { text: '保障全市近200万群众饮水安全', match: '近200万群众', value: { value: 2000000, object: '群众', approx: 'under' } },
    ],
    negatives: [{ text: '投资1.5万，', why: 'no noun follows' }],
  },
  {
    id: 'count/total',
    description: 'a bare total after 总数/数量…达到: 龙头企业总数达到一千三，',
    pattern: new RegExp(`(?<=(?:总数|总量|数量|人数|户数|家数|规模)(?:已|已经)?(?:达到|达|增至|增加到|提升至|为))(?<num>${ARABIC}|${CN})(?=[,，。;；、])`, 'u'),
    extract: (m) => {
      const n = countNumber(m.groups!['num']);
      return n === null ? null : { value: n, unit: null, approx: null, object: 'before' };
    },
    examples: [{ text: '重点龙头企业总数达到一千三，带动农户增收。', match: '一千三', value: { value: 1300, unit: null } }],
  },
];
