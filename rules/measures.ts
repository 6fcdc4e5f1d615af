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

/** The lead of an enumerated item (强化跟踪问效，压紧督导责任。): a first sentence of at most `maxClauses` clauses of at
 *  most `maxClauseLength` characters. The last item of a paragraph runs to the paragraph's end only after such a lead;
 *  an item that is one full sentence ends with it (一是…；二是…；三是…。 and what follows is measures of its own). */
export const ITEM_LEAD: MeasureShape & { maxClauses: number; maxClauseLength: number } = {
  id: 'measure/item-lead',
  description: 'the last item of an inline enumeration that opens with a lead runs to the paragraph end (else it ends with its sentence)',
  maxClauses: 3,
  maxClauseLength: 12,
  examples: [
    {
      text: '一、整改情况\n一是修订采购办法；二是强化内控管理，压实审核责任。局纪检组每季度抽查一次报销凭证。',
      match: '强化内控管理，压实审核责任。局纪检组每季度抽查一次报销凭证。',
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
    {
      text: '一、整改情况\n一是修订采购办法；二是局财务科已对2023年以来的报销凭证逐笔复核。局纪检组约谈了两名科室负责人。',
      match: '局纪检组约谈了两名科室负责人。',
      value: { status: 'done', statusRule: 'status/cue-done' },
    },
  ],
};

/** Measure status from a section title. */
export interface StatusValue {
  status: 'done' | 'ongoing' | 'planned';
  /** A cue that speaks of the whole measure wherever it stands (a part done, the rest to come): it decides over
   *  the first cue. */
  whole?: boolean;
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

/** The fields of a problem's entry that give its state (完成情况：已完成 / 整改状态：阶段性完成 / 整改进度：正在推进). */
const STATUS_LABEL = '(?:完成情况|整改状态|整改进度|完成进度|整改进展|进展情况|完成状态)[:：][ \\t]*';

/**
 * Status labels: a field of a problem's entry that states its state (3.村务公开不及时。完成情况：已完成。整改情况：一是…),
 * for every measure of the entry's body, where its titles name no status. The label is no measure itself
 * (NOT_MEASURE_RULES, not-measure/status-label).
 */
export const STATUS_LABELS: readonly Rule<StatusValue>[] = [
  {
    id: 'status/label-done',
    description: 'an entry’s state given as done: 完成情况：已完成 / 已整改到位 / 已销号',
    pattern: new RegExp(`${STATUS_LABEL}(?:已(?:经)?(?:完成|整改|销号|办结)|完成整改|整改完成|整改到位)`, 'u'),
    extract: () => ({ status: 'done' }),
    examples: [{ text: '完成情况：已完成。', match: '完成情况：已完成', value: { status: 'done' } }],
  },
  {
    id: 'status/label-ongoing',
    description: 'an entry’s state given as under way: 整改状态：阶段性完成 / 基本完成 / 正在推进 / 长期坚持 / 未完成',
    pattern: new RegExp(`${STATUS_LABEL}(?:阶段性完成|基本完成|正在(?:推进|整改)|持续(?:推进|整改)|长期坚持|推进中|整改中|未完成|尚未完成)`, 'u'),
    extract: () => ({ status: 'ongoing' }),
    examples: [{ text: '整改状态：阶段性完成。', match: '整改状态：阶段性完成', value: { status: 'ongoing' } }],
  },
];

/**
 * Status cues of a measure's own words, for a measure whose section titles and paragraph lead name no status: the
 * cue that stands first in the measure decides (table order breaks a tie). A progress notice tells what was done in
 * the past tense or with completed-action verbs (已…, …了, 完成, 建立, 出台); what goes on with 正在, 持续, 逐步; what
 * will be done with 将, 计划, 拟, 力争 or a deadline (…前完成). A measure none of them names has no status.
 */
export const STATUS_CUES: readonly Rule<StatusValue>[] = [
  {
    id: 'status/cue-partly-done',
    description: 'ongoing, whatever cue comes first: a part done and the rest still to come (已完成65处，其余7处力争…; 已整改18个，剩余2个正在推进)',
    pattern: /(?:完成|整改|办结|销号)[^，。；]{0,8}?\d+[^，。；]{0,4}[，；,;](?:其余|剩余|尚有|还有|另有)/u,
    extract: () => ({ status: 'ongoing', whole: true }),
    examples: [
      { text: '制定林地清理工作方案，全县43处违规占地已完成清理38处，其余5处力争年底前完成。', match: '完成清理38处，其余', value: { status: 'ongoing' } },
    ],
    negatives: [{ text: '制定林地清理工作方案，全县43处违规占地已全部完成清理。', match: '完成清理', why: 'all done: the first cue (制定) decides' }],
  },
  {
    id: 'status/cue-planned',
    description:
      'planned: 将 as a future marker (将于, 将继续, 将开展…; not 已将, not 将 for 把: 将…纳入/列入/作为/相结合/统筹), 下一步, 计划从/于, 拟, 力争, 争取…前, 预计, a deadline ahead (…前完成)',
    pattern:
      /(?<![已并经均])将(?=把)|(?<![已并经均])将(?![^，。；：]{0,40}(?:了|纳入|列入|作为|分解|落实到|移交|移送|调整为|改为|整合|合并|挂钩|结合起来|相结合|统筹|对应|对接|融入|贯穿|写入|编入|归入|转为|交由|下沉|录入))|下一步|下阶段|今后|计划(?:从|自|于|在|到|再|用|每|今年|明年|年内)|(?<!草)拟(?![定订稿写])|力争|争取[^，。；]{0,16}(?:前|底)|预计|(?:前|以前|之前)(?:全部|全面|基本)?(?:完成|整改到位|办结|销号|实现)/u,
    extract: () => ({ status: 'planned' }),
    examples: [
      { text: '将于年底前完成全部整改任务。', match: '将', value: { status: 'planned' } },
      { text: '局党组将每半年开展一次专项督查。', match: '将', value: { status: 'planned' } },
      { text: '学院计划从明年起每年发布一份发展报告。', match: '计划从', value: { status: 'planned' } },
      { text: '院党委将把整改纳入年度目标考核。', match: '将', value: { status: 'planned' } },
      { text: '力争2025年6月底前全部整改到位。', match: '力争', value: { status: 'planned' } },
      { text: '新院区综合楼改造工程年底前完成竣工验收。', match: '前完成', value: { status: 'planned' } },
      { text: '拟每半年开展一次专项督查。', match: '拟', value: { status: 'planned' } },
    ],
    negatives: [
      { text: '已将廉洁风险防控纳入年度考核。', match: '将', why: 'already done (将 as 把)' },
      { text: '将整改完成情况纳入科室绩效考核。', match: '将', why: '将 for 把: the sentence names no time' },
      { text: '将专项检查发现的问题与本轮反馈问题统筹整改。', match: '将', why: '将 for 把 (将…与…统筹)' },
      { text: '编制《年度指标未完成原因及下一步措施》报告。', match: '下一步', why: 'the words of a title are no cue' },
      { text: '将“当下改”和“长久立”相结合，新修订管理办法6项。', match: '将', why: '将 for 把 (将…相结合)' },
      { text: '争取中央资金1.2亿元，新建防火道路60公里。', match: '争取', why: '争取 here means obtained' },
    ],
  },
  {
    id: 'status/cue-ongoing',
    description:
      'ongoing: 正在 (not in a modifier: 正在整改的3个问题), 持续, 推进中, 长期坚持, 逐步, 不断, a part completed (完成…的85%), a practice repeated (每半年…)',
    pattern: /正在(?![^，。；：]{0,8}的)|推进中|进行中|持续(?!性)|长期坚持|逐步|不断|完成[^，。；]{0,12}?的\d+(?:\.\d+)?%|^每(?:年|半年|季度|月|周|旬)/u,
    extract: () => ({ status: 'ongoing' }),
    examples: [
      { text: '正在推进全市医保电子凭证与村卫生室对接。', match: '正在', value: { status: 'ongoing' } },
      { text: '局党组持续跟踪各科室整改进度，每月听取一次汇报。', match: '持续', value: { status: 'ongoing' } },
      { text: '引水工程完成总工程量的70%，计划于年底前通水。', match: '完成总工程量的70%', value: { status: 'ongoing' } },
      { text: '每季度开展一次廉洁风险研判。', match: '每季度', value: { status: 'ongoing' } },
    ],
    negatives: [{ text: '对正在整改的2个问题实行挂牌督办。', match: '正在', why: 'a modifier of the problems, not the measure’s state' }],
  },
  {
    id: 'status/cue-done',
    description: 'done: 已…, a verb with 了, and completed-action verbs (完成, 建立, 出台, 制定, 修订, 召开, 成立, 清退, 追回…)',
    pattern:
      /已(?:经)?|(?<![为除罢])了(?![解结如却不])|(?<![未尚基本])完成(?!的)|整改到位|纳入|列入|写入|建立|建成|出台|制定|印发|修订|修改|召开|成立|组建|开展|组织|清退|追回|追缴|收回|退回|给予|约谈|问责|撤销|调整|配备|新建|上线|实现|取消|作出[^，。；]{0,8}处理|获批|获评|获得|荣获|入选|(?<!确保|力争|争取|要|须|应)达到|签署|设立|推出|启动|启用|投入|选派|引进|发表|清理|核查|排查|梳理|整治/u,
    extract: () => ({ status: 'done' }),
    examples: [
      { text: '已建立周调度、月通报工作机制。', match: '已', value: { status: 'done' } },
      { text: '局党组召开了巡察整改专题民主生活会。', match: '召开', value: { status: 'done' } },
      { text: '出台《县属企业投资项目管理办法》，明确审批权限。', match: '出台', value: { status: 'done' } },
      { text: '扶持特色种植，全县合作社总数达到二百一十家，带动农户持续增收。', match: '达到', value: { status: 'done' } },
    ],
    negatives: [
      { text: '为了解决群众急难愁盼问题，强化服务意识。', match: '了', why: '为了, 了解 are no past tense' },
      { text: '对尚未完成的3个问题，实行挂牌督办。', match: '完成', why: 'a modifier of the problems' },
    ],
  },
];

/** What a piece of a paragraph can be that is no measure (issue: background, opinion, quotation, the problem, totals). */
export interface NotMeasureValue {
  kind: 'background' | 'opinion' | 'slogan' | 'problem' | 'totals' | 'opening';
}

const notMeasure = (kind: NotMeasureValue['kind']) => (): NotMeasureValue => ({ kind });

/**
 * Pieces that are no measure, tried on each piece's text after its enumerator and its lead-in (MEASURE_LEADS) are
 * taken off. A measure is an action the unit took or will take; these are what surrounds the actions.
 */
export const NOT_MEASURE_RULES: readonly Rule<NotMeasureValue>[] = [
  {
    id: 'not-measure/opening',
    description: 'the opening: who inspected whom (根据…部署，…巡察组对…开展了巡察), and 现将…予以公布',
    pattern:
      /^(?:根据|按照|依照|依据)[^。；]{0,40}?(?:部署|要求|规定|原则|条例)[^。；]{0,40}?(?:巡[视察]|审计)|^[^。；]{0,40}?巡[视察]组[^。；]{0,30}?对[^。；]{2,40}?(?:开展了?|进行了?)[^。；]{0,12}?巡[视察]|巡[视察]组[^。；]{0,10}?向[^。；]{2,30}?反馈了|现将[^。；]{0,40}?(?:公布|通报|报告)|予以公布|公布如下|通报如下/u,
    extract: notMeasure('opening'),
    examples: [
      { text: '根据县委统一部署，县委第二巡察组对县林业局党组开展了常规巡察。' },
      { text: '现将整改进展情况予以公布。' },
    ],
    negatives: [
      { text: '根据巡察反馈意见，局党组修订《机关财务管理办法》。', why: 'an action the unit took' },
      { text: '制定了《局党组关于区委第三巡察组反馈意见的整改方案》。', why: 'a plan the unit made' },
    ],
  },
  {
    id: 'not-measure/background',
    description: 'background and history: 党的十八大以来…, 近年来…, 多年来…',
    pattern: /^(?:党的[十二三四五六七八九]+大以来|近年来|近几年来|多年来|长期以来|一直以来|从整改(?:情况|类型|方式|效果)看|从公布的情况看)/u,
    extract: notMeasure('background'),
    examples: [{ text: '党的十八大以来，学院党委坚持把全面从严治党贯穿办学全过程。' }],
  },
  {
    id: 'not-measure/opinion',
    description:
      'opinions and attitudes: …认为, 深刻认识到…, 高度重视…, 同时也要看到, and a stance with no action in it: 把整改作为…标尺/政治任务，坚持问题导向，逐项推动整改落实',
    pattern:
      /^[^，。；：]{0,24}?(?:一致认为|认为|深刻认识到|认识到|体会到|深感|高度重视)|^同时(?:也)?要看到|^(?:经过|通过)[^，。；]{0,12}(?:学习|研讨)[^。；]{0,20}?认识到|^(?![^。；]*(?:成立|制定|召开|出台|建立|印发|开展|组织|修订|研究|部署|完成|约谈|督办))[^，。；]{0,12}把[^，。；]{1,16}作为[^，。；]{1,24}(?:标尺|试金石|政治任务|重要任务|契机|机遇)(?:来抓|来推进|抓紧抓实|抓紧抓好|抓实抓好)?(?:[，,][^。；]{0,30})?。?$/u,
    extract: notMeasure('opinion'),
    examples: [
      { text: '集团党委认为，这次巡视是一次全面的政治体检。' },
      { text: '班子成员深刻认识到，整改是一项长期任务。' },
      { text: '区政府把审计整改作为提升治理能力的重要契机，坚持举一反三，推动整改落实。' },
      { text: '县卫健局党组把巡察整改作为重大政治任务来抓，始终站在讲政治的高度推进整改。' },
    ],
    negatives: [
      { text: '认真对照反馈意见，逐条制定整改措施。', why: '认真 is no opinion' },
      { text: '局党组把巡察整改作为重大政治任务，成立整改工作领导小组。', why: 'the stance comes with an action' },
    ],
  },
  {
    id: 'not-measure/slogan',
    description: 'quotations and slogans: 只有…才能…, …永远在路上, …既是…也是…',
    pattern:
      /^只有[^。；]{1,60}?才|永远在路上|^[^，。；]{0,20}?既是[^。；]{1,40}?也是|(?:关键|基础|要害|根本)在[^，。；]{1,8}[，,。]|^[^，。；]{2,24}[，,]?是[^，。；]{0,30}(?:制度安排|工作|任务|保证|根本|基础|前提)[，,。]|事关[^，。；]{2,20}[，,][^。；]{0,10}事关/u,
    extract: notMeasure('slogan'),
    examples: [
      { text: '只有把问题一个一个改到位，才能赢得群众信任。' },
      { text: '巡视整改永远在路上。' },
      { text: '办好一所大学，关键在党委，根本在育人。' },
      { text: '院长负责制是保证医院公益性的重要制度安排。' },
    ],
    negatives: [{ text: '学院修订了《实验室安全管理办法》，是落实整改的一项措施。', why: 'an action first' }],
  },
  {
    id: 'not-measure/problem',
    description: 'the problem being fixed: 巡视指出…, 巡察反馈…, 具体表现为…, 审计报告反映…, 部分问题涉及/需要/受…影响',
    pattern: /^(?:巡[视察](?:组)?(?:指出|反馈|发现)(?![后以])|审计(?:指出|发现|反映)|具体表现(?:为|在)|《[^》]{1,20}》反映|部分问题(?:涉及|需要|受)|部分[^，。；]{0,12}受[^，。；]{0,12}影响)/u,
    extract: notMeasure('problem'),
    examples: [
      { text: '巡视指出，学院党委落实主体责任有差距。' },
      { text: '部分问题涉及历史遗留事项，需要多方协调。' },
    ],
  },
  {
    id: 'not-measure/status-label',
    description: 'a field of a problem’s entry that states its state or its owner: 完成情况：已完成。 整改时限：2024年6月底。 责任单位：办公室。',
    pattern: new RegExp(`^(?:${STATUS_LABEL}|(?:整改时限|完成时限|责任单位|责任部门|责任领导|牵头领导|牵头单位|责任人)[:：])[^。；]{0,30}[。；]?$`, 'u'),
    extract: notMeasure('totals'),
    examples: [{ text: '完成情况：已完成。' }, { text: '整改时限：2024年6月底。' }],
  },
  {
    id: 'not-measure/totals',
    description: 'a sentence that only states totals: 截至…, 其中…, 整改期间/通过整改/整改中…, 上述N个问题中…, …方面：…',
    pattern: /^(?:截至|截止|目前|至此|其中[，,]|整改(?:期间|中)[，,]|集中整改期间|通过整改[，,]|上述[^，。；]{0,12}中[，,]?|[^，。；：]{2,12}方面[：:]|[^，。；]{0,20}?共(?:计)?反馈[^，。；]{0,10}?\d|尚未完成整改的[^，。；]{0,8}中)/u,
    extract: notMeasure('totals'),
    examples: [
      { text: '截至2024年5月31日，反馈的18个问题已完成整改16个。' },
      { text: '通过整改，局党组新建制度6项，修订制度9项。' },
      { text: '专项资金方面：审计反映问题9个，已整改8个。' },
    ],
    negatives: [{ text: '整改中发现的新问题一并纳入台账管理。', why: 'an action (no comma after 整改中)' }],
  },
];

/** Lead-ins taken off the start of a measure: the problem it answers (针对…的问题，) and labels (整改情况：). */
export const MEASURE_LEADS: readonly Rule<{ length: number }>[] = [
  {
    id: 'measure-lead/problem',
    description: 'the problem a measure answers: 针对…的问题，…',
    pattern: /^针对[^，。；：]{2,80}?[，,]/u,
    extract: (m) => ({ length: m[0].length }),
    examples: [{ text: '针对报销审核不严的问题，局党组修订了财务报销规程。', match: '针对报销审核不严的问题，' }],
  },
  {
    id: 'measure-lead/label',
    description: 'a label: 整改情况：, 整改措施：, 整改进展：, 整改成效：, 整改落实情况：, 具体措施：',
    pattern: /^(?:整改(?:落实)?(?:情况|措施|进展|成效|结果)|落实情况|具体措施|主要措施)[：:]/u,
    extract: (m) => ({ length: m[0].length }),
    examples: [
      { text: '整改情况：修订《会议费管理办法》，明确开支标准。', match: '整改情况：' },
      { text: '整改落实情况：完善村务公开栏，每月更新一次。', match: '整改落实情况：' },
    ],
  },
];
