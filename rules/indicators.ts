/**
 * Indicator rules (output/schema.ts, Indicators): which counts of a notice are the figures inspection offices
 * compare — problems fed back and completed, regulations made and revised, discipline, money, meetings. A rule
 * maps a count (its unit and counted object, pipeline/extract/extractCounts.ts) to an indicator by the words
 * around it: a cue at the END of the clause before the count (反馈的…24个问题, 给予党纪政务处分|4人), or at the
 * START of the text after it (对1名同志|进行诫勉谈话). A clause is the text between two clause breaks (text/punctuation.ts
 * CLAUSE_END: ，。；： and line ends; 、 is not a break, so 清退…讲课费、评审费等共计48.6万元 is one clause). The first rule that
 * matches a count decides; rules are tried in table order.
 *
 * Decisions (they shape the figures):
 * - A clause that speaks of a plan (计划, 拟, 力争, 预计, 将于) gives no indicator: 计划…再修订完善制度5项以上 is not
 *   a regulation revised.
 * - 问题 figures of an earlier round (上轮, 上一轮, 历次) are not this inspection's problems.
 * - Several mentions of one indicator: for problems and the completion rate, the first mention wins (the summary
 *   stands before the details); for the other figures a mention marked as a total (共, 共计, 累计, 合计, 总计)
 *   wins, else the largest (a total is never smaller than its parts: 追回各类资金356.2万元 … 追回多付工程款318.6万元).
 *   Every other mention stays listed in the indicator's `others`.
 * - 收回/收缴 count as money recovered only when the sentence names irregular funds (违规, 违纪, 不合规, 多付, 骗取…):
 *   收回投资本金1.05亿元 is a divestment, 收回结余资金 a budget adjustment.
 * - A combined phrase (新建和修订制度41项, 对基本完成和未完成的4个问题) counts for neither of its parts.
 */
import type { NegativeExample, PositiveExample } from './ruleTypes.js';

/** Indicators read from counts (the computed ones are made in pipeline/extract/extractIndicators.ts). */
export type ReadIndicator =
  | 'problemsFound'
  | 'problemsCompleted'
  | 'problemsBasicallyCompleted'
  | 'problemsNotCompleted'
  | 'tasksTotal'
  | 'tasksCompleted'
  | 'completionRateStated'
  | 'regulationsStated'
  | 'regulationsMade'
  | 'regulationsRevised'
  | 'cluesTransferred'
  | 'casesFiled'
  | 'peopleDisciplined'
  | 'admonished'
  | 'heldAccountable'
  | 'moneyRefundedYuan'
  | 'moneyRecoveredYuan'
  | 'lossesRecoveredYuan'
  | 'democraticLifeMeetings'
  | 'partyLectures'
  | 'studySessions';

/** How several mentions of one indicator are reduced to one value. */
export type Choice = 'first' | 'total-or-largest';

/** The choice for each indicator (see the decisions above). */
export const INDICATOR_CHOICE: Readonly<Record<ReadIndicator, Choice>> = {
  problemsFound: 'first',
  problemsCompleted: 'first',
  problemsBasicallyCompleted: 'first',
  problemsNotCompleted: 'first',
  tasksTotal: 'first',
  tasksCompleted: 'first',
  completionRateStated: 'first',
  regulationsStated: 'total-or-largest',
  regulationsMade: 'total-or-largest',
  regulationsRevised: 'total-or-largest',
  cluesTransferred: 'total-or-largest',
  casesFiled: 'total-or-largest',
  peopleDisciplined: 'total-or-largest',
  admonished: 'total-or-largest',
  heldAccountable: 'total-or-largest',
  moneyRefundedYuan: 'total-or-largest',
  moneyRecoveredYuan: 'total-or-largest',
  lossesRecoveredYuan: 'total-or-largest',
  democraticLifeMeetings: 'total-or-largest',
  partyLectures: 'total-or-largest',
  studySessions: 'total-or-largest',
};

/** A clause before a count that marks the mention as a total. */
export const TOTAL_WORDS = /共计|累计|合计|总计|共/u;

/** A clause before a count that speaks of a plan: no indicator is read from it. */
export const PLANNED = /计划|拟|力争|预计|将于|将在|争取/u;

/**
 * Where a count is a figure of the whole notice (the issue: indicators are notice-level). A count is the notice's
 * when it stands in the opening, in a summary section (总体情况, 组织落实…, a first part on the political
 * responsibility for the rectification), or in a sentence whose words mark a total (共, 累计, 整改期间, 截至…,
 * 巡视反馈的…, 审计工作报告反映的…) — unless the sentence states a part (其中…, 从整改类型看…, …方面问题N个, a
 * sub-unit's figure: 学院/基金会/附属医院…). The problems, tasks and rates ask more of a sentence in the body: its
 * words must name the problems or tasks as a whole (截至目前，反馈的35个问题已完成32个), since 截至…全部完成，完成率100%
 * under one item is that item's rate. Only such counts become indicators; a notice that states only a sub-item's rate
 * or count has none.
 */
export interface ScopeRule {
  id: string;
  description: string;
  /** What the pattern is tested on: the title of the enclosing top-level section ('' in the opening), every
   *  enclosing title (one per line), the statement up to the count (from the last full stop: a ； does not end
   *  what 整改中，共… governs), or that statement on to the end of the count's clause (the count and its object
   *  included). */
  on: 'top-title' | 'titles' | 'statement' | 'claim';
  /** notice: the count is the notice's; part: it is a sub-item's (tried first). */
  scope: 'notice' | 'part';
  /** The indicators the rule decides (default: all). */
  indicators?: readonly ReadIndicator[];
  pattern: RegExp;
  /** `text` is a small notice; `match` the count the rule decides (a positive example makes it the notice's figure,
   *  or, for a part rule, keeps it out). */
  examples: PositiveExample[];
}

/** Sub-units whose figures are parts of the notice's (a college's regulations, a hospital's rate). */
export const SUB_UNIT = '(?:附属[^，。；]{0,4}医院|学院|书院|研究院|基金会|二级单位|二级党组织|所属企业|所属单位|下属单位|子公司|分公司|分院)';

/** The problems, tasks and rates: in the body, only a sentence naming them as a whole makes them the notice's. */
export const PROBLEM_FAMILY: readonly ReadIndicator[] = [
  'problemsFound',
  'problemsCompleted',
  'problemsBasicallyCompleted',
  'problemsNotCompleted',
  'tasksTotal',
  'tasksCompleted',
  'completionRateStated',
];

/** Every other indicator read from counts. */
const INDICATORS_BEYOND_PROBLEMS = (Object.keys(INDICATOR_CHOICE) as ReadIndicator[]).filter((k) => !PROBLEM_FAMILY.includes(k));

/** Words that mark a total. */
const TOTAL = '共|累计|合计|总计|全部|总体|整改(?:期间|以来|中)|集中整改期间|通过整改|截至|截止|目前|至此|尚有|尚未完成(?:整改)?的';
/** What the inspection or audit handed over, as a whole (巡视反馈的…, 审计工作报告反映的…). */
const HANDED_OVER = '巡[视察](?:组)?[^，。；]{0,8}(?:反馈|移交|指出|交办)(?:的)?[^，。；]{0,10}?(?:\\d|$)|审计[^，。；]{0,8}(?:反映|指出|查出|发现)';

/** Scope rules; a part rule that matches keeps a count out whatever else matches. */
export const SCOPE_RULES: readonly ScopeRule[] = [
  {
    id: 'scope/part',
    description: 'a part of the notice’s figure: 其中…, 从整改类型看…, …方面问题N个, 立行立改类问题N个, 该项问题…, a sub-unit’s figure',
    on: 'statement',
    scope: 'part',
    pattern: new RegExp(
      `^(?:其中|从[^，。；]{1,10}看)|[；;]其中|(?:该|此|本)(?:项|类|个)?问题|该项|此项|(?:方面|类)(?:的)?问题(?:\\d|$)|方面[：:]|${SUB_UNIT}[^，。；]{0,16}$|^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,])?[^，。；]{0,6}${SUB_UNIT}|${SUB_UNIT}(?:事宜|工作|建设)[，,]`,
      'u',
    ),
    examples: [
      { text: '一、整改工作总体情况\n反馈的12个问题已完成整改10个。其中，涉及财务管理的4个问题已全部完成整改，完成率100%。', match: '100%' },
      { text: '一、整改工作总体情况\n整改期间，学院新制定制度5项。', match: '5项' },
      { text: '一、整改工作总体情况\n从整改类型看，立行立改类问题40个，已全部整改，整改率100%。', match: '100%' },
      { text: '一、整改工作总体情况\n二是附属第二医院开展专项整治，对6名医务人员进行了诫勉谈话。', match: '6名医务人员' },
      { text: '一、整改工作总体情况\n党委专题研究教育基金会事宜，修订完善管理制度6项。', match: '6项' },
      { text: '二、反馈问题整改情况\n（一）关于财务管理的问题\n加强报销审核。截至5月底，该项问题整改完成率100%。', match: '100%' },
    ],
  },
  {
    id: 'scope/opening',
    description: 'the opening before the first heading: who inspected whom, and what was fed back',
    on: 'top-title',
    scope: 'notice',
    pattern: /^$/u,
    examples: [{ text: '区委第二巡察组向区林业局反馈了8个问题。\n一、整改情况\n加强学习。', match: '8个问题' }],
  },
  {
    id: 'scope/summary-section',
    description:
      'a summary section, told by its top-level title: 总体情况, 基本情况, 组织落实, 组织领导, 主体责任, 整改工作开展情况, or the rectification taken up as a political task or responsibility (提高政治站位, 把巡视整改作为重大政治任务, 扛起整改政治责任)',
    on: 'top-title',
    scope: 'notice',
    pattern:
      /总体|总的情况|基本情况|组织落实|组织领导|组织(?:开展|推进)?情况|主体责任|整改工作(?:的)?(?:开展|推进)情况|政治站位|政治自觉|整改[^，。；]{0,6}政治(?:任务|责任)|政治(?:任务|责任)[^，。；]{0,4}整改/u,
    examples: [
      { text: '一、整改工作组织落实情况\n对相关责任人员开展诫勉谈话3人次。', match: '3人次' },
      { text: '一、提高政治站位，把巡视整改作为重大政治任务抓紧抓实\n1.注重标本兼治\n学校新建立规章制度12项，修订9项。\n二、逐项推进整改\n加强学习。', match: '12项' },
    ],
  },
  {
    id: 'scope/problems-total',
    description:
      'problems, tasks and a rate in the body: the statement names them as a whole — a total word or what the inspection handed over, and 问题/任务/事项/台账 (截至目前，反馈的35个问题已完成32个; 整改台账60项任务已完成58项)',
    on: 'claim',
    scope: 'notice',
    indicators: PROBLEM_FAMILY,
    pattern: new RegExp(`(?:${TOTAL}|${HANDED_OVER})[^。]*?(?:问题|任务|事项|台账)|(?:问题|任务|事项|台账)[^。]*?(?:${TOTAL})`, 'u'),
    examples: [
      { text: '一、反馈问题整改情况\n（一）关于学习不深入的问题\n加强学习。\n截至目前，巡察反馈的35个问题已完成整改32个，整改率91.4%。', match: '91.4%' },
    ],
  },
  {
    id: 'scope/total-wording',
    description: 'any other figure in a sentence that marks a total: 共, 累计, 整改期间/以来/中, 通过整改, 截至…, 尚有…, 巡视反馈/移交的…, 审计工作报告反映的…',
    on: 'statement',
    scope: 'notice',
    indicators: INDICATORS_BEYOND_PROBLEMS,
    pattern: new RegExp(`${TOTAL}|${HANDED_OVER}`, 'u'),
    examples: [
      { text: '一、整改落实情况\n（一）关于财务管理的问题\n通过整改，局党组清退违规发放的补贴3.2万元。', match: '3.2万元' },
      { text: '一、整改落实情况\n（五）关于问题线索处置的问题\n对市委第二巡察组移交的问题线索9件逐件处置。', match: '9件' },
    ],
  },
];

/** Where a count stands: the clause before it, the rest of its clause after it, the sentence up to it (lead), the
 *  whole sentence, the statement up to it (from the last full stop), and that statement on to the end of the
 *  count's clause (claim). */
export interface CountContext {
  before: string;
  after: string;
  lead: string;
  sentence: string;
  statement: string;
  claim: string;
}

/** One indicator rule. */
export interface IndicatorRule {
  id: string;
  description: string;
  /** The indicator(s) a matching count gives. */
  indicators: readonly ReadIndicator[];
  /** Units the count may have. */
  units: readonly string[];
  /** The counted object must match this; `objectOptional` also admits a count with no object. */
  object?: RegExp;
  objectOptional?: boolean;
  /** Cue at the end of the clause before the count (anchor it with $). */
  before?: RegExp;
  /** Cue at the start of the text after the count (anchor it with ^). */
  after?: RegExp;
  /** The sentence up to the count must match this. */
  lead?: RegExp;
  /** The sentence up to the count must not match this. */
  leadNot?: RegExp;
  /** The sentence must match this. */
  sentence?: RegExp;
  /** The sentence must not match this. */
  sentenceNot?: RegExp;
  examples: PositiveExample[];
  negatives?: NegativeExample[];
}

const PROBLEM_UNITS = ['个', '项', '条'];
const PEOPLE_UNITS = ['人', '名', '人次'];
const CASE_UNITS = ['件', '起'];
const TIMES = ['次', '场'];
const YUAN = ['元'];
const REGULATION_UNITS = ['项', '个', '部', '件', '条'];
const PROBLEM = /^(?:具体)?问题$/u;
const TASK = /^(?:整改)?任务$/u;
const REGULATION = /^(?:规章制度|制度|管理制度)$/u;
/** Between a regulation verb and its figure: 了, an example list of titles (《A》、《B》等), a modifier. */
const REG_FILL = '(?:了)?(?:《[^》]*》(?:[、和及]《[^》]*》)*等)?(?:各类|各项|原有|现有|相关|有关|管理)?';
/** Verbs of making and of revising a regulation; one of each in one phrase (制定完善, 新建和修订) is a combined figure. */
const REG_MADE = '新制定|新建立|新建|制定|建立|出台|起草';
const REG_REVISED = '修订完善|修改完善|修订|修改|完善';
const EARLIER_ROUND = /上轮|上一轮|历次/u;
/** Words that make 收回/追缴 a recovery of irregular money. */
const IRREGULAR = /违规|违纪|违法|不合规|不合理|多付|多支|多领|多拨|多收|冒领|骗取|套取|侵占|挪用|超标准|超范围/u;
/** A number word inside a cue (4个方面). */
const N = '[0-9一二三四五六七八九十两]+';
/** An amount of money inside a cue: a verb's figure ends at the next amount (清退…43.8万元、追回…216.5万元). */
const AMOUNT = '[0-9〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩][0-9,.〇零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟]*[万亿萬億]?元';
/** The clause before a money figure from a verb on, with no other amount between: each amount belongs to its own verb. */
const moneyAfterVerb = (verbs: string) => new RegExp(`(?:${verbs})(?:(?!${AMOUNT})[^，。；])*$`, 'u');

/** The rules, most specific first. */
export const INDICATOR_RULES: readonly IndicatorRule[] = [
  // ── problems ───────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/problems-all-completed',
    description: 'N个问题已全部整改完成: N problems found, all of them completed',
    indicators: ['problemsFound', 'problemsCompleted'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    after: /^(?:已|均已|现已)?全部(?:完成整改|整改完成|整改到位|整改销号)/u,
    sentenceNot: EARLIER_ROUND,
    examples: [{ text: '目前9个问题已全部整改完成。', match: '9个问题', value: { value: 9 } }],
  },
  {
    id: 'indicator/problems-found-then-completed',
    description: 'N个问题(中)已完成整改M个: the N problems found',
    indicators: ['problemsFound'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    after: /^中?(?:已|均已|目前已|现已)(?:完成整改|整改到位|整改完成)/u,
    sentenceNot: EARLIER_ROUND,
    examples: [
      { text: '截至2024年4月20日，22个问题已完成整改20个，完成率90.9%。', match: '22个问题', value: { indicator: 'problemsFound', value: 22 } },
      { text: '截至3月15日，58个问题中已完成整改52个。', match: '58个问题', value: { value: 58 } },
    ],
  },
  {
    id: 'indicator/problems-found',
    description: '反馈/指出/交办/审计发现的(N个方面)M个问题 — the problems the inspection fed back',
    indicators: ['problemsFound'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: new RegExp(`(?:反馈|反映|指出|交办|移交|审计发现|查出)(?:了|的)?(?:问题)?(?:共计|共)?(?:${N}(?:个方面|大项问题|个大项))?$`, 'u'),
    sentenceNot: EARLIER_ROUND,
    examples: [
      { text: '对照市委第二巡察组反馈的4个方面24个问题，逐条研究。', match: '24个问题', value: { indicator: 'problemsFound', value: 24 } },
      { text: '巡视反馈问题32个，截至9月30日，已完成28个。', match: '32个', value: { value: 32 } },
      { text: '巡察反馈问题共九个，社区把问题分到两个整改小组。', match: '九个', value: { value: 9 } },
      { text: '审计发现问题5个方面21个，涉及金额6,847.52万元。', match: '21个', value: { value: 21 } },
      { text: '对审计报告指出的3个方面12个问题逐项建立整改台账。', match: '12个问题', value: { value: 12 } },
      { text: '截至10月31日，审计工作报告反映的36个问题，已整改31个。', match: '36个问题', value: { value: 36 } },
    ],
    negatives: [
      { text: '对上轮巡视反馈的17个问题进行“回头看”。', match: '17个问题', why: 'an earlier round' },
      { text: '对村级财务开展专项审计，发现问题19个。', match: '19个', why: 'a finding of the unit’s own check, not the inspection’s feedback' },
    ],
  },
  {
    id: 'indicator/problems-found-sub-items',
    description: '(N个方面)N大项问题M子项问题 — the problems of a ledger counted as major items and sub-items: the sub-items',
    indicators: ['problemsFound'],
    units: ['子项'],
    object: PROBLEM,
    objectOptional: true,
    before: new RegExp(`${N}(?:个)?大项(?:问题)?$`, 'u'),
    sentenceNot: EARLIER_ROUND,
    examples: [{ text: '形成4个方面11大项问题52子项问题的整改台账。', match: '52子项问题', value: { indicator: 'problemsFound', value: 52 } }],
  },
  {
    id: 'indicator/problems-found-by-areas',
    description: '（所列）N个方面M个（整改）问题 — the problems of the feedback counted by areas, with no verb of feeding back',
    indicators: ['problemsFound'],
    units: PROBLEM_UNITS,
    object: /^(?:具体|整改)?问题$/u,
    before: new RegExp(`${N}个方面$`, 'u'),
    sentenceNot: EARLIER_ROUND,
    examples: [{ text: '对照整改方案所列6个方面23个整改问题，逐项明确牵头领导。', match: '23个整改问题', value: { indicator: 'problemsFound', value: 23 } }],
    negatives: [{ text: '对上轮巡察指出的3个方面9个问题开展“回头看”。', match: '9个问题', why: 'an earlier round' }],
  },
  {
    id: 'indicator/problems-found-total',
    description: '…、…，共N个 — the total of the problems fed back, after their kinds',
    indicators: ['problemsFound'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: /(?:共|共计)$/u,
    sentence: /反馈|指出|反映/u,
    examples: [{ text: '巡察组指出上轮整改不彻底问题4个、新发现问题9个，共13个。', match: '13个', value: { indicator: 'problemsFound', value: 13 } }],
  },
  {
    id: 'indicator/problems-completed',
    description: '已完成整改N个, 已整改到位N个, 已整改问题N个, 已完成N个 — problems completed',
    indicators: ['problemsCompleted'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: /(?:(?:已|均已|目前已|现已)?(?:完成整改|整改到位|整改完成|整改销号)|已整改(?:问题)?|已完成)$/u,
    leadNot: /措施|任务|事项|隐患|图斑/u,
    sentenceNot: EARLIER_ROUND,
    examples: [
      { text: '反馈的24个问题已完成整改23个，完成率95.8%。', match: '23个', value: { indicator: 'problemsCompleted', value: 23 } },
      { text: '12个问题已整改到位11个，剩余1个问题正在推进中。', match: '11个', value: { value: 11 } },
      { text: '截至11月30日，已整改问题19个，正在整改问题2个。', match: '19个', value: { value: 19 } },
      { text: '巡视反馈问题32个，截至9月30日，已完成28个，基本完成3个。', match: '28个', value: { value: 28 } },
    ],
    negatives: [
      { text: '58个问题中已完成整改52个，整改措施已完成161条。', match: '161条', why: 'measures, not problems' },
    ],
  },
  {
    id: 'indicator/problems-basically-completed',
    description: '基本完成N个 — problems basically completed (not 未完成和基本完成的N个)',
    indicators: ['problemsBasicallyCompleted'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: /(?<![和及与]|(?:完成|整改)[、，,])基本完成(?:整改)?(?:[、,，](?:并|且)?(?:正在)?(?:持续|继续)[^，。；、的]{0,8})?(?:(?![和及与]|未完成)[^，。；、的]){0,16}(?:的)?(?:问题)?$/u,
    examples: [
      { text: '已完成28个，基本完成3个，未完成1个。', match: '3个', value: { indicator: 'problemsBasicallyCompleted', value: 3 } },
      { text: '已完成整改15个、基本完成3个、正在推进1个。', match: '3个', value: { value: 3 } },
      { text: '完成整改396个，基本完成取得阶段性成果并持续整改问题11个。', match: '11个', value: { value: 11 } },
      { text: '已完成整改41个，基本完成、正在持续推进的4个，尚未完成的1个。', match: '4个', value: { value: 4 } },
    ],
    negatives: [{ text: '一是对未完成和基本完成的4个问题，逐一倒排工期。', match: '4个问题', why: 'a combined figure' }],
  },
  {
    id: 'indicator/problems-not-completed',
    description: '未完成N个, 尚未完成的N个问题, 正在整改问题N个, 其余/剩余N个问题 — problems not completed',
    indicators: ['problemsNotCompleted'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: /(?:(?<![和及与、基本])(?:尚未完成|未完成)(?:整改)?(?:的)?|正在(?:整改|推进)(?:的)?|(?:其余|剩余|尚有)(?:的)?)(?:问题)?$/u,
    sentenceNot: EARLIER_ROUND,
    examples: [
      { text: '已完成28个，基本完成3个，未完成1个。', match: '1个', value: { indicator: 'problemsNotCompleted', value: 1 } },
      { text: '对尚未完成的2个问题，实行领导领办。', match: '2个问题', value: { value: 2 } },
      { text: '已整改问题19个，正在整改问题2个。', match: '2个', value: { value: 2 } },
      { text: '完成率95.8%，剩余1个问题属于需长期坚持的整改任务。', match: '1个问题', value: { value: 1 } },
      { text: '对尚未完成整改的两个问题，学校将逐项明确时间表。', match: '两个问题', value: { value: 2 } },
      { text: '已完成整改15个、基本完成3个、正在推进1个。', match: '1个', value: { value: 1 } },
      { text: '截至11月30日，尚有7个问题未完成整改。', match: '7个问题', value: { value: 7 } },
    ],
    negatives: [
      { text: '二是对基本完成和未完成的4个问题，倒排工期。', match: '4个问题', why: 'a combined figure' },
      { text: '已整改51处，剩余1处正在整改中。', match: '1处', why: 'not problems (处)' },
    ],
  },
  {
    id: 'indicator/tasks-completed',
    description: '…项整改任务(，)已完成N项 — the ledger’s tasks completed',
    indicators: ['tasksCompleted'],
    units: ['项', '条', '个'],
    objectOptional: true,
    object: TASK,
    before: /(?:已|均已|目前已|现已)(?:完成|办结|销号)(?:整改)?$/u,
    lead: /任务[^。；]{0,8}(?:已|均已|目前已|现已)(?:完成|办结|销号)(?:整改)?$/u,
    // Tasks, not problems: the first rule that takes a count decides, so this is never problems-completed; it stands
    // before tasks-total, since a continuation (已完成117项) takes the object 整改任务 of its list.
    examples: [
      { text: '截至2022年3月，学院巡视整改台账86项整改任务，已完成83项。', match: '83项', value: { indicator: 'tasksCompleted', value: 83 } },
      { text: '整改台账中的64项整改任务已完成59项；', match: '59项', value: { indicator: 'tasksCompleted', value: 59 } },
    ],
  },
  {
    id: 'indicator/tasks-total',
    description: '整改台账N项整改任务, 细化为整改任务N项 — the tasks of the rectification ledger',
    indicators: ['tasksTotal'],
    units: ['项', '条', '个'],
    object: TASK,
    sentence: /台账|细化|完成/u,
    examples: [
      { text: '截至2022年3月，学院巡视整改台账86项整改任务，已完成83项。', match: '86项整改任务', value: { indicator: 'tasksTotal', value: 86 } },
      { text: '将反馈的问题细化为整改任务40项。', match: '40项', value: { value: 40 } },
    ],
  },
  {
    id: 'indicator/completion-rate',
    description: '(整改)完成率N%, 整改率N%, 办结率N% — the completion rate as stated',
    indicators: ['completionRateStated'],
    units: ['%'],
    before: /(?:完成率|整改率|办结率|销号率)(?:达到|达|为)?$/u,
    // The disposal rate of clues, petitions or cases is no rectification rate; a rate as a threshold (完成率达到100%的
    //有29个) is a count of units, not a rate.
    lead: /^(?:(?!问题线索|线索|信访|举报|案件|审查调查)[^])*$/u,
    after: /^(?![的])/u,
    examples: [
      { text: '已完成整改23个，完成率95.8%。', match: '95.8%', value: { indicator: 'completionRateStated', value: 95.8 } },
      { text: '问题整改完成率90.48%。', match: '90.48%', value: { value: 90.48 } },
      { text: '整改完成率达到百分之九十八点七一。', match: '百分之九十八点七一', value: { value: 98.71 } },
      { text: '已整改31个，整改率86.1%。', match: '86.1%', value: { value: 86.1 } },
    ],
    negatives: [
      { text: '2023年学校预算执行率达到96.3%。', match: '96.3%', why: 'an execution rate' },
      { text: '对巡察移交的问题线索逐件处置，截至目前办结率92.5%。', match: '92.5%', why: 'the disposal rate of clues' },
      { text: '全县24个被巡察党组织中，整改完成率达到100%的有17个。', match: '100%', why: 'a threshold that counts units' },
    ],
  },
  // ── regulations ────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/regulations-stated',
    description: '新建和修订制度N项, 制定完善制度N项, 完善和新建制度N项 — regulations made and revised together (one combined figure)',
    indicators: ['regulationsStated'],
    units: REGULATION_UNITS,
    object: REGULATION,
    objectOptional: true,
    before: new RegExp(
      `(?:(?:${REG_MADE})(?:和|及|与|、|并)?(?:${REG_REVISED})|(?:${REG_REVISED})(?:和|及|与|、|并)?(?:${REG_MADE}))${REG_FILL}(?:规章制度|制度)?$|(?:建立健全|制修订|立改废)${REG_FILL}(?:规章制度|制度)$`,
      'u',
    ),
    examples: [
      { text: '巡察整改期间，共新建和修订制度16项，其中新建11项、修订5项。', match: '16项', value: { indicator: 'regulationsStated', value: 16 } },
      { text: '新建和修订了10项规章制度', match: '10项规章制度', value: { value: 10 } },
      { text: '新建和修订了《领导班子会议议事规则》等10项规章制度,把制度执行贯穿全过程', match: '10项规章制度', value: { value: 10 } },
      { text: '有关部门和单位制定完善制度52项，堵塞管理漏洞。', match: '52项', value: { indicator: 'regulationsStated', value: 52 } },
      { text: '班子成员讲授专题党课18次，完善和新建制度96项。', match: '96项', value: { indicator: 'regulationsStated', value: 96 } },
      { text: '全区新建和完善制度130项。', match: '130项', value: { indicator: 'regulationsStated', value: 130 } },
      { text: '制定及修改完善制度8项。', match: '8项', value: { indicator: 'regulationsStated', value: 8 } },
      { text: '起草修订相关制度27项。', match: '27项', value: { indicator: 'regulationsStated', value: 27 } },
    ],
  },
  {
    id: 'indicator/regulations-made',
    description: '新建(制度)N项, 新制定制度N项 — regulations made',
    indicators: ['regulationsMade'],
    units: REGULATION_UNITS,
    object: REGULATION,
    objectOptional: true,
    before: new RegExp(`(?<![和及与])(?:新建立|新建|新制定|制定|建立|出台|新出台)${REG_FILL}(?:规章制度|制度)?$`, 'u'),
    examples: [
      { text: '巡视整改期间新建制度21项、修订制度34项，推动形成长效机制。', match: '21项', value: { indicator: 'regulationsMade', value: 21 } },
      { text: '共新建和修订制度16项，其中新建11项、修订5项。', match: '11项', value: { value: 11 } },
      { text: '新制定制度9项、修订制度6项。', match: '9项', value: { value: 9 } },
      { text: '新制定出台规章制度44项，修订原有规章制度41项。', match: '44项', value: { value: 44 } },
      { text: '学校新建立规章制度12项。', match: '12项', value: { value: 12 } },
    ],
    negatives: [{ text: '逐条制定整改措施32条。', match: '32条', why: 'measures, not regulations' }],
  },
  {
    id: 'indicator/regulations-revised',
    description: '修订(完善)(制度)N项 — regulations revised',
    indicators: ['regulationsRevised'],
    units: REGULATION_UNITS,
    object: REGULATION,
    objectOptional: true,
    before: new RegExp(`(?<![和及与])(?:修订完善|修订|修改)${REG_FILL}(?:规章制度|制度)?$`, 'u'),
    examples: [
      { text: '巡视整改期间新建制度21项、修订制度34项，推动形成长效机制。', match: '34项', value: { indicator: 'regulationsRevised', value: 34 } },
      { text: '共新建和修订制度16项，其中新建11项、修订5项。', match: '5项', value: { value: 5 } },
      { text: '新制定出台规章制度44项，修订原有规章制度41项。', match: '41项', value: { value: 41 } },
    ],
    negatives: [{ text: '计划于2024年上半年再修订完善制度5项以上。', match: '5项以上', why: 'a plan' }],
  },
  // ── discipline ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/clues-transferred',
    description: '移交(的)问题线索N件 — problem clues transferred',
    indicators: ['cluesTransferred'],
    units: CASE_UNITS,
    before: /(?:移交|移送)(?:的)?(?:问题)?线索$/u,
    examples: [
      { text: '向市纪委监委移交问题线索5件，已立案3件。', match: '5件', value: { indicator: 'cluesTransferred', value: 5 } },
      { text: '巡视移交的问题线索12件已全部办结。', match: '12件', value: { value: 12 } },
    ],
  },
  {
    id: 'indicator/clues-transferred-object',
    description: '移交的N件问题线索 — problem clues transferred, the count before its object',
    indicators: ['cluesTransferred'],
    units: CASE_UNITS,
    object: /^(?:问题)?线索$/u,
    before: /(?:移交|移送)(?:的)?$/u,
    examples: [{ text: '区纪委监委对本轮巡察移交的11件问题线索已全部处置。', match: '11件问题线索', value: { indicator: 'cluesTransferred', value: 11 } }],
  },
  {
    id: 'indicator/cases-filed',
    description: '(已)立案(审查调查)N件 — cases filed',
    indicators: ['casesFiled'],
    units: [...CASE_UNITS, '人'],
    before: /立案(?:审查调查|审查|调查)?$/u,
    examples: [
      { text: '截至3月15日，共立案8件，给予党纪政务处分11人。', match: '8件', value: { indicator: 'casesFiled', value: 8 } },
      { text: '立案审查调查5件，给予党纪政务处分6人。', match: '5件', value: { value: 5 } },
    ],
  },
  {
    id: 'indicator/people-disciplined',
    description: '给予(党纪政务)处分N人 — people disciplined',
    indicators: ['peopleDisciplined'],
    units: PEOPLE_UNITS,
    before: /给予[^，。；]{0,8}处分$/u,
    examples: [
      { text: '立案3件，给予党纪政务处分4人，诫勉谈话2人。', match: '4人', value: { indicator: 'peopleDisciplined', value: 4 } },
      { text: '新建和修订制度12项，给予党纪处分1人，对4名干部进行提醒谈话。', match: '1人', value: { value: 1 } },
    ],
  },
  {
    id: 'indicator/people-disciplined-after',
    description: '对N名…给予…处分 — people disciplined, the count before the verb',
    indicators: ['peopleDisciplined'],
    units: PEOPLE_UNITS,
    after: /^[^，。；]{0,14}?(?:分别)?给予[^，。；]{0,8}处分/u,
    examples: [{ text: '对1名村干部给予党内警告处分。', match: '1名村干部', value: { indicator: 'peopleDisciplined', value: 1 } }],
  },
  {
    id: 'indicator/admonished',
    description: '诫勉谈话N人(次) — admonishment talks',
    indicators: ['admonished'],
    units: PEOPLE_UNITS,
    before: /诫勉(?:谈话)?$/u,
    examples: [
      { text: '对相关责任人员开展诫勉谈话4人次、提醒谈话9人次。', match: '4人次', value: { indicator: 'admonished', value: 4 } },
      { text: '对违规问题负有责任的12名人员给予批评教育，其中诫勉谈话5人。', match: '5人', value: { value: 5 } },
    ],
    negatives: [{ text: '对违规问题负有责任的12名人员给予批评教育。', match: '12名人员', why: 'criticism, not admonishment' }],
  },
  {
    id: 'indicator/admonished-after',
    description: '对N名…进行诫勉谈话 — admonishment talks, the count before the verb',
    indicators: ['admonished'],
    units: PEOPLE_UNITS,
    after: /^(?:[^，。；]{0,14}?(?:进行了?|予以|给予))?诫勉/u,
    examples: [
      { text: '对负有责任的2名科室负责人进行诫勉谈话。', match: '2名科室负责人', value: { indicator: 'admonished', value: 2 } },
      { text: '对2名负有责任的学校负责人进行诫勉谈话。', match: '2名', value: { value: 2 } },
      { text: '对3名相关责任人进行了诫勉谈话。', match: '3名相关责任人', value: { value: 3 } },
    ],
    negatives: [{ text: '对2名整改不力的科室负责人进行约谈。', match: '2名', why: 'a talk, not an admonishment' }],
  },
  {
    id: 'indicator/held-accountable',
    description: '(追责)问责(相关人员)N人 — people held accountable',
    indicators: ['heldAccountable'],
    units: PEOPLE_UNITS,
    before: /问责(?:相关|有关)?(?:责任人员|人员|干部|责任人)?$/u,
    examples: [{ text: '依规开展责任追究，追责问责相关人员8人。', match: '8人', value: { indicator: 'heldAccountable', value: 8 } }],
  },
  {
    id: 'indicator/held-accountable-after',
    description: '对N名…进行问责 — people held accountable, the count before the verb',
    indicators: ['heldAccountable'],
    units: PEOPLE_UNITS,
    after: /^(?:[^，。；]{0,14}?(?:进行了?|予以))?(?:严肃|依规依纪|依纪依规|依规)?(?:追责)?问责/u,
    examples: [
      { text: '对3名履职不力的干部进行问责。', match: '3名', value: { indicator: 'heldAccountable', value: 3 } },
      { text: '对整改不力的4名干部严肃问责。', match: '4名干部', value: { value: 4 } },
    ],
  },
  // ── money ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/money-refunded',
    description: '清退/退还/退回/退缴 … N元 — money refunded',
    indicators: ['moneyRefundedYuan'],
    units: YUAN,
    before: moneyAfterVerb('清退|退还|退回|退缴'),
    examples: [
      { text: '清退违规发放的讲课费、评审费等共计48.6万元。', match: '48.6万元', value: { indicator: 'moneyRefundedYuan', value: 486000 } },
      { text: '退还不合理开支资金3.6万元。', match: '3.6万元', value: { value: 36000 } },
      { text: '清退违规发放的工作补贴人民币壹拾贰万元整。', match: '人民币壹拾贰万元整', value: { value: 120000 } },
      { text: '累计清退违规发放的福利费22.4万元、追回多付的工程款61万元。', match: '22.4万元', value: { value: 224000 } },
    ],
  },
  {
    id: 'indicator/money-recovered',
    description: '追回 … N元 — money recovered',
    indicators: ['moneyRecoveredYuan'],
    units: YUAN,
    before: moneyAfterVerb('追回|追缴'),
    examples: [
      { text: '共追回资金126.4万元，已全部上缴市财政。', match: '126.4万元', value: { indicator: 'moneyRecoveredYuan', value: 1264000 } },
      { text: '追回多付工程款318.6万元。', match: '318.6万元', value: { value: 3186000 } },
      { text: '累计清退违规发放的福利费22.4万元、追回多付的工程款61万元。', match: '61万元', value: { value: 610000 } },
      { text: '追缴违规报销费用2.64万元。', match: '2.64万元', value: { value: 26400 } },
    ],
  },
  {
    id: 'indicator/money-recovered-irregular',
    description: '收回/收缴 … N元 where the sentence names irregular money — money recovered (归还原资金渠道 returns money to its proper account: not a recovery)',
    indicators: ['moneyRecoveredYuan'],
    units: YUAN,
    before: moneyAfterVerb('收回|收缴'),
    sentence: IRREGULAR,
    examples: [
      { text: '收回违规使用资金2,150万元。', match: '2,150万元', value: { indicator: 'moneyRecoveredYuan', value: 21500000 } },
      { text: '对违规报销的差旅费进行全面清理，收回资金5.2万元；', match: '5.2万元', value: { value: 52000 } },
    ],
    negatives: [
      { text: '启动退出程序，收回投资本金1.05亿元。', match: '1.05亿元', why: 'a divestment' },
      { text: '收回结余资金286万元，统筹用于农田水利设施建设。', match: '286万元', why: 'a budget adjustment' },
    ],
  },
  {
    id: 'indicator/money-recovered-after',
    description: 'N元…(全部)追缴/追回 — money recovered, the amount before the verb',
    indicators: ['moneyRecoveredYuan'],
    units: YUAN,
    after: /^(?:已)?(?:全部|全额)?(?:追缴|追回)/u,
    examples: [{ text: '对违规接待支出8650元全部追缴。', match: '8650元', value: { indicator: 'moneyRecoveredYuan', value: 8650 } }],
  },
  {
    id: 'indicator/losses-recovered',
    description: '挽回(经济)损失N元 — losses retrieved',
    indicators: ['lossesRecoveredYuan'],
    units: YUAN,
    before: /挽回[^，。；]{0,6}损失[^，。；]{0,4}$/u,
    examples: [
      { text: '挽回经济损失1,200万元。', match: '1,200万元', value: { indicator: 'lossesRecoveredYuan', value: 12000000 } },
      { text: '通过资产处置、债权重组等方式挽回损失2,316.5万元。', match: '2,316.5万元', value: { value: 23165000 } },
      // Each amount of a list belongs to its own verb: 310万元 is losses recovered, not the refund before it.
      { text: '累计清退违规发放的福利费22.4万元、挽回经济损失310万元。', match: '310万元', value: { indicator: 'lossesRecoveredYuan', value: 3100000 } },
    ],
  },
  // ── meetings ───────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/democratic-life-meetings',
    description: '(专题)民主生活会N次 — democratic life meetings',
    indicators: ['democraticLifeMeetings'],
    units: TIMES,
    before: /民主生活会(?:[（(]组织生活会[）)])?$/u,
    examples: [
      { text: '厅党组召开巡视整改专题民主生活会1次。', match: '1次', value: { indicator: 'democraticLifeMeetings', value: 1 } },
      { text: '共召开巡察整改专题民主生活会（组织生活会）17场。', match: '17场', value: { value: 17 } },
    ],
  },
  {
    id: 'indicator/democratic-life-meetings-before-noun',
    description: 'N次(专题)民主生活会 — democratic life meetings counted before the noun',
    indicators: ['democraticLifeMeetings'],
    units: TIMES,
    object: /民主生活会/u,
    examples: [{ text: '反馈后，局党组先后召开2次党组会议、1次巡察整改专题民主生活会。', match: '1次巡察整改专题民主生活会', value: { indicator: 'democraticLifeMeetings', value: 1 } }],
  },
  {
    id: 'indicator/party-lectures',
    description: '讲(专题/廉政)党课N次 — Party lectures',
    indicators: ['partyLectures'],
    units: [...TIMES, '堂', '节'],
    before: /党课$/u,
    examples: [
      { text: '班子成员到所在支部讲党课8次。', match: '8次', value: { indicator: 'partyLectures', value: 8 } },
      { text: '到基层支部讲专题党课12次。', match: '12次', value: { value: 12 } },
    ],
  },
  {
    id: 'indicator/study-sessions',
    description: '(专题/集中)学习(研讨)N次 — study sessions',
    indicators: ['studySessions'],
    units: [...TIMES, '期'],
    before: /(?<!进修)(?:专题|集中|中心组|集体)学习(?:研讨|会议)?$|(?:学习研讨|专题研讨)$/u,
    examples: [
      { text: '党委理论学习中心组开展专题学习11次，围绕交通强国建设开展研讨交流。', match: '11次', value: { indicator: 'studySessions', value: 11 } },
      { text: '整改期间，开展集中学习会议45次。', match: '45次', value: { value: 45 } },
      { text: '整改期间，镇党委开展集体学习9次。', match: '9次', value: { value: 9 } },
    ],
    negatives: [{ text: '选派骨干医师赴省级以上医院进修学习53人。', match: '53人', why: 'further training, counted in people' }],
  },
];
