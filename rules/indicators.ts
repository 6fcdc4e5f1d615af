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
 * - 收回/追缴 count as money recovered only when the sentence names irregular funds (违规, 违纪, 不合规, 多付, 骗取…):
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

/** Where a count stands: the clause before it, the rest of its clause after it, the sentence up to it (lead)
 *  and the whole sentence. */
export interface CountContext {
  before: string;
  after: string;
  lead: string;
  sentence: string;
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
const PROBLEM = /^问题$/u;
const REGULATION = /^(?:规章制度|制度|管理制度)$/u;
/** Between a regulation verb and its figure: 了, an example list of titles (《A》、《B》等), a modifier. */
const REG_FILL = '(?:了)?(?:《[^》]*》(?:[、和及]《[^》]*》)*等)?(?:各类|各项|原有|现有|相关|有关|管理)?';
/** Verbs of making and of revising a regulation; one of each in one phrase (制定完善, 新建和修订) is a combined figure. */
const REG_MADE = '新制定|新建|制定|建立|出台|起草';
const REG_REVISED = '修订完善|修改完善|修订|修改|完善';
const EARLIER_ROUND = /上轮|上一轮|历次/u;
/** Words that make 收回/追缴 a recovery of irregular money. */
const IRREGULAR = /违规|违纪|违法|不合规|不合理|多付|多支|多领|多拨|多收|冒领|骗取|套取|侵占|挪用|超标准|超范围/u;
/** A number word inside a cue (4个方面). */
const N = '[0-9一二三四五六七八九十两]+';

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
    before: new RegExp(`(?:反馈|指出|交办|移交|审计发现)(?:的)?(?:问题)?(?:共计|共)?(?:${N}个方面)?$`, 'u'),
    sentenceNot: EARLIER_ROUND,
    examples: [
      { text: '对照市委第二巡察组反馈的4个方面24个问题，逐条研究。', match: '24个问题', value: { indicator: 'problemsFound', value: 24 } },
      { text: '巡视反馈问题32个，截至9月30日，已完成28个。', match: '32个', value: { value: 32 } },
      { text: '巡察反馈问题共九个，社区把问题分到两个整改小组。', match: '九个', value: { value: 9 } },
      { text: '审计发现问题5个方面21个，涉及金额6,847.52万元。', match: '21个', value: { value: 21 } },
      { text: '对审计报告指出的3个方面12个问题逐项建立整改台账。', match: '12个问题', value: { value: 12 } },
    ],
    negatives: [
      { text: '对上轮巡视反馈的17个问题进行“回头看”。', match: '17个问题', why: 'an earlier round' },
      { text: '对村级财务开展专项审计，发现问题19个。', match: '19个', why: 'a finding of the unit’s own check, not the inspection’s feedback' },
    ],
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
      { text: '截至2022年3月，巡视整改台账177项整改任务，已完成174项。', match: '174项', why: 'tasks, not problems' },
    ],
  },
  {
    id: 'indicator/problems-basically-completed',
    description: '基本完成N个 — problems basically completed (not 未完成和基本完成的N个)',
    indicators: ['problemsBasicallyCompleted'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: /(?<![和及与、])基本完成(?:整改)?(?:的)?(?:问题)?$/u,
    examples: [{ text: '已完成28个，基本完成3个，未完成1个。', match: '3个', value: { indicator: 'problemsBasicallyCompleted', value: 3 } }],
    negatives: [{ text: '一是对未完成和基本完成的4个问题，逐一倒排工期。', match: '4个问题', why: 'a combined figure' }],
  },
  {
    id: 'indicator/problems-not-completed',
    description: '未完成N个, 尚未完成的N个问题, 正在整改问题N个, 其余/剩余N个问题 — problems not completed',
    indicators: ['problemsNotCompleted'],
    units: PROBLEM_UNITS,
    object: PROBLEM,
    objectOptional: true,
    before: /(?:(?<![和及与、基本])(?:尚未完成|未完成)(?:整改)?(?:的)?|正在整改(?:的)?|(?:其余|剩余)(?:的)?)(?:问题)?$/u,
    sentenceNot: EARLIER_ROUND,
    examples: [
      { text: '已完成28个，基本完成3个，未完成1个。', match: '1个', value: { indicator: 'problemsNotCompleted', value: 1 } },
      { text: '对尚未完成的2个问题，实行领导领办。', match: '2个问题', value: { value: 2 } },
      { text: '已整改问题19个，正在整改问题2个。', match: '2个', value: { value: 2 } },
      { text: '完成率95.8%，剩余1个问题属于需长期坚持的整改任务。', match: '1个问题', value: { value: 1 } },
      { text: '对尚未完成整改的两个问题，学校将逐项明确时间表。', match: '两个问题', value: { value: 2 } },
    ],
    negatives: [
      { text: '二是对基本完成和未完成的4个问题，倒排工期。', match: '4个问题', why: 'a combined figure' },
      { text: '已整改51处，剩余1处正在整改中。', match: '1处', why: 'not problems (处)' },
    ],
  },
  {
    id: 'indicator/completion-rate',
    description: '(整改)完成率N% — the completion rate as stated',
    indicators: ['completionRateStated'],
    units: ['%'],
    before: /完成率(?:达到|达|为)?$/u,
    examples: [
      { text: '已完成整改23个，完成率95.8%。', match: '95.8%', value: { indicator: 'completionRateStated', value: 95.8 } },
      { text: '问题整改完成率90.48%。', match: '90.48%', value: { value: 90.48 } },
      { text: '整改完成率达到百分之九十八点七一。', match: '百分之九十八点七一', value: { value: 98.71 } },
    ],
    negatives: [{ text: '2023年学校预算执行率达到96.3%。', match: '96.3%', why: 'an execution rate' }],
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
    before: new RegExp(`(?<![和及与])(?:新建|新制定|制定|出台|新出台)${REG_FILL}(?:规章制度|制度)?$`, 'u'),
    examples: [
      { text: '巡视整改期间新建制度21项、修订制度34项，推动形成长效机制。', match: '21项', value: { indicator: 'regulationsMade', value: 21 } },
      { text: '共新建和修订制度16项，其中新建11项、修订5项。', match: '11项', value: { value: 11 } },
      { text: '新制定制度9项、修订制度6项。', match: '9项', value: { value: 9 } },
      { text: '新制定出台规章制度44项，修订原有规章制度41项。', match: '44项', value: { value: 44 } },
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
    after: /^(?:[^，。；]{0,14}?(?:进行|予以|给予))?诫勉/u,
    examples: [
      { text: '对负有责任的2名科室负责人进行诫勉谈话。', match: '2名科室负责人', value: { indicator: 'admonished', value: 2 } },
      { text: '对2名负有责任的学校负责人进行诫勉谈话。', match: '2名', value: { value: 2 } },
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
    after: /^(?:[^，。；]{0,14}?(?:进行|予以))?(?:追责)?问责/u,
    examples: [{ text: '对3名履职不力的干部进行问责。', match: '3名', value: { indicator: 'heldAccountable', value: 3 } }],
  },
  // ── money ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/money-refunded',
    description: '清退/退还/退回/退缴 … N元 — money refunded',
    indicators: ['moneyRefundedYuan'],
    units: YUAN,
    before: /(?:清退|退还|退回|退缴)[^，。；]*$/u,
    examples: [
      { text: '清退违规发放的讲课费、评审费等共计48.6万元。', match: '48.6万元', value: { indicator: 'moneyRefundedYuan', value: 486000 } },
      { text: '退还不合理开支资金3.6万元。', match: '3.6万元', value: { value: 36000 } },
      { text: '清退违规发放的工作补贴人民币壹拾贰万元整。', match: '人民币壹拾贰万元整', value: { value: 120000 } },
    ],
  },
  {
    id: 'indicator/money-recovered',
    description: '追回 … N元 — money recovered',
    indicators: ['moneyRecoveredYuan'],
    units: YUAN,
    before: /追回[^，。；]*$/u,
    examples: [
      { text: '共追回资金126.4万元，已全部上缴市财政。', match: '126.4万元', value: { indicator: 'moneyRecoveredYuan', value: 1264000 } },
      { text: '追回多付工程款318.6万元。', match: '318.6万元', value: { value: 3186000 } },
    ],
  },
  {
    id: 'indicator/money-recovered-irregular',
    description: '收回/追缴/收缴 … N元 where the sentence names irregular money — money recovered',
    indicators: ['moneyRecoveredYuan'],
    units: YUAN,
    before: /(?:收回|追缴|收缴)[^，。；]*$/u,
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
    ],
  },
  // ── meetings ───────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'indicator/democratic-life-meetings',
    description: '(专题)民主生活会N次 — democratic life meetings',
    indicators: ['democraticLifeMeetings'],
    units: TIMES,
    before: /民主生活会$/u,
    examples: [{ text: '厅党组召开巡视整改专题民主生活会1次。', match: '1次', value: { indicator: 'democraticLifeMeetings', value: 1 } }],
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
    before: /(?<!进修)(?:专题|集中|中心组)学习(?:研讨)?$|(?:学习研讨|专题研讨)$/u,
    examples: [{ text: '党委理论学习中心组开展专题学习11次，围绕交通强国建设开展研讨交流。', match: '11次', value: { indicator: 'studySessions', value: 11 } }],
    negatives: [{ text: '选派骨干医师赴省级以上医院进修学习53人。', match: '53人', why: 'further training, counted in people' }],
  },
];
