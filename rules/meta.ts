/**
 * Metadata rules (output-contract.md "meta"): one table of field rules. Each rule names the field it fills, the
 * scope of the notice it looks in, how it finds the value there (a pattern, or a date mention of some kind), and
 * its id; rules of one field are tried in table order, and the first that finds a value wins (precedence). The
 * engine is pipeline/extract/extractMeta.ts; every value keeps the span and rule it came from in `meta.evidence`.
 *
 * Scopes:
 * - head: the opening (the preamble before the first heading, or the first 600 characters when it is shorter than 40);
 * - first-line: the first non-blank line that is not web-page furniture (a breadcrumb, a 发布时间 line, a metadata
 *   table row: rules/htmlBoilerplate.ts), when it stands in the preamble (trimmed);
 * - page-head: the web-page furniture lines around that first line (a notice copied from a web page), from the start
 *   to the last such line before the opening paragraph;
 * - title: the title the title rule found;
 * - closing: from the first closing line to the end;
 * - signature-line: the signing unit's line right above the signature date line;
 * - signature-date-line: the last line that is only a date, in the closing.
 * When no rule finds a publication date, the web page's own date is taken (read by the HTML loader,
 * rules/htmlBoilerplate.ts PAGE_DATE_LINES).
 * A date rule may join the ranges that follow its date into one value (`segments`: an inspection held in two
 * stretches, 4月10日至4月14日、5月8日至6月30日): the period runs from the first start to the last end, and the
 * segments are kept (meta.inspectionSegments).
 */
import type { NegativeExample, PositiveExample } from './ruleTypes.js';

/** The fields metadata rules fill. */
export type MetaField =
  | 'title'
  | 'unit'
  | 'inspector'
  | 'inspectionKind'
  | 'round'
  | 'inspectionPeriod'
  | 'feedbackDate'
  | 'publishedDate'
  | 'publicityPeriod'
  | 'contacts.emails'
  | 'contacts.phones'
  | 'contacts.postcode'
  | 'contacts.address';

/** Where a rule looks (see above). */
export type MetaScope = 'head' | 'first-line' | 'page-head' | 'title' | 'closing' | 'signature-line' | 'signature-date-line';

/** The kinds of inspection. */
export type InspectionKind = '巡视' | '巡察' | '审计';

/** A rule that reads a value with a pattern. */
export interface MetaPatternFind {
  pattern: RegExp;
  /** Named group holding the value; absent: the whole scope is the value once the pattern matches it. */
  group?: string;
  /** Which match: the first; the first of the longest values; every match (list fields); the first match of the
   *  most preferred value (in the order given). */
  pick: 'first' | 'longest' | 'all' | { prefer: readonly string[] };
  /** The value as in the normalized view (contacts: ASCII digits) rather than the canonical text. */
  fromView?: boolean;
  /** Trim spaces from the value. */
  trim?: boolean;
  /** Matches overlapping a value of this field are not values (a phone number inside an e-mail address). */
  notOverlapping?: MetaField;
  /** The value is composed from named groups (`$<level>$<kind>组`) rather than read as written; the evidence is the
   *  whole match. */
  template?: string;
}

/** A rule that reads a date field from the date mentions of its scope: the first with this kind and precision
 *  whose sentence matches `sentence`. */
export interface MetaDateFind {
  kind?: 'date' | 'range';
  precision?: 'day' | 'month';
  /** The date names one day (a 下旬 or 月底 range of days is no feedback day). */
  oneDay?: boolean;
  sentence?: RegExp;
  /** The text of the date's line before the date must match this (a label: 发布时间：). */
  label?: RegExp;
  /** Ranges that follow, each separated from the one before by text matching this, are segments of the value. */
  segments?: RegExp;
}

/** One field rule. */
export interface MetaFieldRule {
  id: string;
  description: string;
  field: MetaField;
  scope: MetaScope;
  find: { pattern: MetaPatternFind } | { date: MetaDateFind };
  /** The inspection kind a value of this rule also gives (from the value: 巡察 when it names 巡察, else 巡视). */
  kind?: InspectionKind | 'from-value';
  /** `text` is a small notice; `value` what the field must hold (a date field: its ISO start). */
  examples: Array<PositiveExample & { value: { value: string } }>;
  negatives?: NegativeExample[];
}

/** Characters that cannot be part of an organisation name to the left of 第N巡视组 (dates, function words). */
const NOT_ORG = '\\s\\p{P}\\d日月年至由对向和与在了是将经于及第把被从据照受';
const NUM = '[一二三四五六七八九十\\d]+';
/** The committee a team or round belongs to. */
const LEVEL = '(?:中央|自治区党委|省委|市委|州委|盟委|县委|旗委|区委|党委|党组|工委)';

/** Title-line keywords: a first line naming the notice (…整改进展情况的通报 / 公告 / 报告). */
const TITLE_LINE = /(?:整改|巡视|巡察|审计).*(?:情况|通报|公告|报告|公示)|关于.*(?:通报|公告|公示|情况)/u;
/** Words on a date's sentence that make it the inspection period. */
const INSPECTION_WORDS = /巡视|巡察|审计|进驻/u;
/** Words on a date's sentence that make it the feedback date: 反馈 (not 反馈会后 / 反馈以来, which are later), a
 *  round's teams that 通报…问题 to the units they inspected; for audits the report (出具/审计报告/审计工作报告) or the
 *  opinion, which the people's congress hears in place of a feedback. */
const FEEDBACK_WORDS = /反馈(?!会后|以来)|出具|审计报告|审计工作报告|审计意见|审计决定|通报了?[^。，,；;]{0,8}问题|交付问题清单/u;
/** Words on a line that make its date range the publicity period. */
const PUBLICITY_WORDS = /公开期限|公示期|公开时间|公示时间/u;
/** What stands between two ranges that are segments of one inspection (4月10日至4月14日、5月8日至6月30日). */
const SEGMENT_JOIN = /^[ \t]*(?:、|,|，|和|及|以及)[ \t]*$/u;
/** A report's dash subtitle naming the session it is given at (——2024年12月20日在…人民代表大会常务委员会…会议上). */
const REPORT_SUBTITLE = /^[ \t]*[-(（]+[^。]*?在[^。]*?(?:人民代表大会|人大)[^。]*?会议上/u;
/** The label of the date a web page was published (发布时间： / 发布日期： / 日期：), right before the date. */
const PAGE_DATE_LABEL = /(?:发布时间|发布日期|发文日期|发表时间|发表日期|(?<!成文|生成|更新|修改)日期|(?<!成文|生成|更新|修改)时间)[ \t]*[:：][ \t]*$/u;
/** The label of the date a portal's metadata table says the notice was written (成文日期：). */
const WRITTEN_DATE_LABEL = /成文(?:日期|时间)[ \t]*[:：][ \t]*$/u;

/** The field rules; within a field, the first rule that finds a value wins. */
export const META_FIELD_RULES: readonly MetaFieldRule[] = [
  {
    id: 'meta/title-line',
    description: 'the first line, when it names the notice (…整改进展情况的通报) in at most 100 characters without sentence punctuation',
    field: 'title',
    scope: 'first-line',
    find: { pattern: { pattern: new RegExp(`^(?=[^。;；]{1,100}$).*?(?:${TITLE_LINE.source})`, 'u'), pick: 'first' } },
    examples: [
      {
        text: '区档案馆关于巡察整改进展情况的通报\n根据区委统一部署，区委第四巡察组对区档案馆进行了巡察。',
        match: '区档案馆关于巡察整改进展情况的通报',
        value: { value: '区档案馆关于巡察整改进展情况的通报' },
      },
    ],
    negatives: [{ text: '根据区委统一部署，区委第四巡察组对区档案馆进行了巡察，现将整改情况通报如下。', match: '根据区委统一部署', why: 'a sentence, not a title' }],
  },
  {
    id: 'meta/inspector-group',
    description:
      'an inspection team in the opening: 区委第四巡察组, 中央第十巡视组, 市委第六轮第三巡察组 (a round inside the name), 县委巡察四组 (no 第); the fullest name wins',
    field: 'inspector',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(
          `(?<who>(?:[^${NOT_ORG}]{0,8}?${LEVEL})?(?:第${NUM}轮)?第${NUM}轮?(?:专项)?(?:巡视|巡察)(?:组|工作组)|[^${NOT_ORG}]{0,8}?${LEVEL}(?:巡视|巡察)第?${NUM}组)`,
          'u',
        ),
        group: 'who',
        pick: 'longest',
      },
    },
    kind: 'from-value',
    examples: [
      { text: '2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察', match: '区委第四巡察组', value: { value: '区委第四巡察组' } },
      { text: '中央第十巡视组对南开大学开展了常规巡视', match: '中央第十巡视组', value: { value: '中央第十巡视组' } },
      { text: '自治区党委第十四巡视组反馈', match: '自治区党委第十四巡视组', value: { value: '自治区党委第十四巡视组' } },
      { text: '市委第五轮第二巡察组于2022年5月9日至6月30日对市水务局党组进行了巡察', match: '市委第五轮第二巡察组', value: { value: '市委第五轮第二巡察组' } },
      { text: '2021年9月下旬至11月上旬，县委巡察三组对柳塘镇党委进行了巡察', match: '县委巡察三组', value: { value: '县委巡察三组' } },
      { text: '十一届市委第二轮巡察第四巡察组对市林业局党组进行了巡察。5月6日，市委第四巡察组反馈了意见', match: '市委第四巡察组', value: { value: '市委第四巡察组' } },
    ],
  },
  {
    id: 'meta/inspector-group-unnumbered',
    description: 'a team named without its number in the opening: 区委巡察组向镇党委反馈了巡察意见',
    field: 'inspector',
    scope: 'head',
    find: { pattern: { pattern: new RegExp(`(?<who>[^${NOT_ORG}]{0,8}?${LEVEL}(?:巡视|巡察)(?:组|工作组))`, 'u'), group: 'who', pick: 'longest' } },
    kind: 'from-value',
    examples: [{ text: '3月2日，区委巡察组向桃溪镇党委反馈了巡察意见。', match: '区委巡察组', value: { value: '区委巡察组' } }],
  },
  {
    id: 'meta/inspector-round-teams',
    description: 'the teams a whole round sent out (a round summary): 区委第二轮巡察派出5个巡察组 → 区委巡察组',
    field: 'inspector',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(`(?<level>${LEVEL})第${NUM}轮(?<kind>巡视|巡察)(?:工作)?(?:共)?派出了?${NUM}个(?:巡视|巡察)组`, 'u'),
        group: 'level',
        pick: 'first',
        template: '$<level>$<kind>组',
      },
    },
    kind: 'from-value',
    examples: [{ text: '2022年4月至6月，九届区委第二轮巡察派出5个巡察组，对21个党组织开展了常规巡察。', match: '区委第二轮巡察派出5个巡察组', value: { value: '区委巡察组' } }],
  },
  {
    id: 'meta/inspector-audit',
    description: 'an audit office in the opening: 审计署, 云岭省审计厅, 东溪县审计局 (the fullest name wins)',
    field: 'inspector',
    scope: 'head',
    find: { pattern: { pattern: new RegExp(`(?<who>[^${NOT_ORG}]{0,10}?(?:审计署(?:[^${NOT_ORG}]{0,8}?特派员办事处)?|审计厅|审计局))`, 'u'), group: 'who', pick: 'longest' } },
    kind: '审计',
    examples: [{ text: '根据县审计局的审计意见', match: '县审计局', value: { value: '县审计局' } }],
  },
  {
    id: 'meta/kind-keyword',
    description: 'the kind named in the opening when no team or office is: 巡察, else 巡视, else 审计',
    field: 'inspectionKind',
    scope: 'head',
    find: { pattern: { pattern: /(?<kind>巡察|巡视|审计)/u, group: 'kind', pick: { prefer: ['巡察', '巡视', '审计'] } } },
    examples: [{ text: '根据巡视反馈意见和审计意见，学校开展了整改。', match: '巡视', value: { value: '巡视' } }],
  },
  {
    id: 'meta/round',
    description: 'the round: 十九届中央第七轮巡视, 十四届省委第三轮巡视, 九届云岭区委第二轮巡察',
    field: 'round',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(`(?<round>(?:[一二三四五六七八九十]{1,3}届(?:[^${NOT_ORG}]{0,6}?${LEVEL})?|${LEVEL})?第${NUM}轮(?:巡视|巡察))`, 'u'),
        group: 'round',
        pick: 'first',
      },
    },
    examples: [
      { text: '关于十九届中央第七轮巡视整改进展情况的通报', match: '十九届中央第七轮巡视', value: { value: '十九届中央第七轮巡视' } },
      { text: '关于九届云岭区委第二轮巡察整改进展情况的通报', match: '九届云岭区委第二轮巡察', value: { value: '九届云岭区委第二轮巡察' } },
    ],
  },
  {
    id: 'meta/round-in-team',
    description: 'a round written inside the team name: 市委第五轮第二巡察组 → 第五轮',
    field: 'round',
    scope: 'head',
    find: { pattern: { pattern: new RegExp(`(?<round>第${NUM}轮)(?=第${NUM}(?:专项)?(?:巡视|巡察)组)`, 'u'), group: 'round', pick: 'first' } },
    examples: [{ text: '市委第五轮第二巡察组对市水务局党组进行了巡察', match: '第五轮', value: { value: '第五轮' } }],
  },
  {
    id: 'meta/inspection-period',
    description:
      'the first day range in the opening on a sentence about the inspection (巡视/巡察/审计/进驻), with the ranges joined to it by 、 (an inspection in two stretches)',
    field: 'inspectionPeriod',
    scope: 'head',
    find: { date: { kind: 'range', precision: 'day', sentence: INSPECTION_WORDS, segments: SEGMENT_JOIN } },
    examples: [
      { text: '2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察。', match: '2023年6月7日至7月28日', value: { value: '2023-06-07' } },
      {
        text: '市委第五轮第二巡察组于2022年3月14日至3月18日、4月6日至5月27日对市水务局党组进行了巡察。',
        match: '2022年3月14日至3月18日、4月6日至5月27日',
        value: { value: '2022-03-14' },
      },
    ],
  },
  {
    id: 'meta/inspection-period-month',
    description: 'else the first month range in the opening on a sentence about the inspection: 2024年3月至6月，市审计局…进行了审计',
    field: 'inspectionPeriod',
    scope: 'head',
    find: { date: { kind: 'range', precision: 'month', sentence: INSPECTION_WORDS, segments: SEGMENT_JOIN } },
    examples: [{ text: '2023年4月至7月，县审计局对县本级预算执行情况进行了审计。', match: '2023年4月至7月', value: { value: '2023-04-01' } }],
  },
  {
    id: 'meta/feedback-date',
    description:
      'the first single day in the opening on a sentence about feedback (反馈, a 反馈会, teams that 通报…问题; for audits 出具/审计报告/审计工作报告/审计意见)',
    field: 'feedbackDate',
    scope: 'head',
    find: { date: { kind: 'date', precision: 'day', oneDay: true, sentence: FEEDBACK_WORDS } },
    examples: [
      { text: '2023年6月7日至7月28日,区委第四巡察组进行了巡察。9月11日,巡察组反馈了意见。', match: '9月11日', value: { value: '2023-09-11' } },
      { text: '2023年5月8日至6月30日，区委第二巡察组进行了巡察。2023年8月24日，区委第二巡察组召开巡察反馈会。', match: '2023年8月24日', value: { value: '2023-08-24' } },
      {
        text: '2024年4月1日至6月14日，县审计局进行了审计。7月30日，县人大常委会第十二次会议审议了县2023年度审计工作报告。',
        match: '7月30日',
        value: { value: '2024-07-30' },
      },
      {
        text: '2023年3月6日至5月5日，区委第一轮巡察进行了巡察。2023年6月20日，各巡察组集中向被巡察党组织通报了巡察发现的问题。',
        match: '2023年6月20日',
        value: { value: '2023-06-20' },
      },
      { text: '2023年9月上旬完成巡察后，10月16日，区委第三巡察组召开反馈会，向局党组反馈了巡察意见。', match: '10月16日', value: { value: '2023-10-16' } },
    ],
    negatives: [{ text: '2023年3月6日至5月5日，区委第一巡察组进行了巡察。反馈会后，2023年6月26日，局党组召开专题会议。', match: '2023年6月26日', why: 'after the feedback meeting, not the feedback' }],
  },
  {
    id: 'meta/signature-date',
    description: 'the day on the signature date line of the closing',
    field: 'publishedDate',
    scope: 'signature-date-line',
    find: { date: { precision: 'day' } },
    examples: [{ text: '区委第四巡察组对区档案馆进行了巡察。\n欢迎监督。\n区档案馆\n2024年3月25日', match: '2024年3月25日', value: { value: '2024-03-25' } }],
  },
  {
    id: 'meta/report-date-subtitle',
    description: "a report's dash subtitle naming the session of the people's congress it was given at: ——2024年12月20日在…常务委员会…会议上",
    field: 'publishedDate',
    scope: 'head',
    find: { date: { kind: 'date', precision: 'day', sentence: REPORT_SUBTITLE } },
    examples: [
      {
        text: '关于2023年度县本级审计查出问题整改情况的报告\n——2024年11月26日在柳川县第十八届人民代表大会常务委员会第十九次会议上\n县人大常委会：',
        match: '2024年11月26日',
        value: { value: '2024-11-26' },
      },
    ],
  },
  {
    id: 'meta/page-date',
    description: "the date of the web page the notice was copied from: the labelled date (发布时间：/ 日期：/ 成文日期：) on the page's furniture lines",
    field: 'publishedDate',
    scope: 'page-head',
    find: { date: { kind: 'date', precision: 'day', label: PAGE_DATE_LABEL } },
    examples: [
      {
        text: '当前位置：首页 > 巡察整改\n中共柳川县林业局党组关于县委巡察整改进展情况的通报\n发布时间：2024-06-03 09:15　来源：县林业局\n根据县委统一部署，县委第二巡察组对县林业局党组进行了巡察。',
        match: '2024-06-03',
        value: { value: '2024-06-03' },
      },
      {
        text: '公开方式：主动公开　成文日期：2024-05-30\n中共柳川县林业局党组关于县委巡察整改进展情况的通报\n日期：2024年06月03日　来源：县林业局\n根据县委统一部署，县委第二巡察组对县林业局党组进行了巡察。',
        match: '2024年06月03日',
        value: { value: '2024-06-03' },
      },
    ],
  },
  {
    id: 'meta/page-written-date',
    description: "else the date the portal's metadata table says the notice was written (成文日期：)",
    field: 'publishedDate',
    scope: 'page-head',
    find: { date: { kind: 'date', precision: 'day', label: WRITTEN_DATE_LABEL } },
    examples: [
      {
        text: '公开方式：主动公开　成文日期：2024-05-30　文号：无\n中共柳川县林业局党组关于县委巡察整改进展情况的通报\n根据县委统一部署，县委第二巡察组对县林业局党组进行了巡察。',
        match: '2024-05-30',
        value: { value: '2024-05-30' },
      },
    ],
  },
  {
    id: 'meta/publicity-period',
    description: 'a date range in the closing on a line about the publicity period (公开期限/公示期)',
    field: 'publicityPeriod',
    scope: 'closing',
    find: { date: { kind: 'range', sentence: PUBLICITY_WORDS } },
    examples: [{ text: '区委巡察组对区档案馆进行了巡察。\n公开期限:2024年3月25日至2024年4月25日。', match: '2024年3月25日至2024年4月25日', value: { value: '2024-03-25' } }],
  },
  {
    id: 'meta/email',
    description: 'e-mail addresses in the closing',
    field: 'contacts.emails',
    scope: 'closing',
    find: { pattern: { pattern: /(?<v>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/u, group: 'v', pick: 'all', fromView: true } },
    examples: [{ text: '巡察整改情况。\n电子邮箱:daj@nanhai.gov.cn。', match: 'daj@nanhai.gov.cn', value: { value: 'daj@nanhai.gov.cn' } }],
  },
  {
    id: 'meta/phone',
    description: 'phone numbers in the closing: 0757-86229618, (0757)86229618, 12388, 13912345678 (not a postcode, a date or inside an e-mail address)',
    field: 'contacts.phones',
    scope: 'closing',
    find: {
      pattern: {
        pattern: /(?<![\d@.])(?<!(?:邮编|邮政编码)[:：]?\s{0,2})(?<![年月])(?<v>\(?0\d{2,3}\)?[- ]?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|12388|\d{7,8})(?![\d@])/u,
        group: 'v',
        pick: 'all',
        fromView: true,
        notOverlapping: 'contacts.emails',
      },
    },
    examples: [{ text: '巡察整改情况。\n联系电话:0757-86229618;', match: '0757-86229618', value: { value: '0757-86229618' } }],
    negatives: [{ text: '巡察整改情况。\n邮政编码:52800012', match: '52800012', why: 'the digits after 邮政编码' }],
  },
  {
    id: 'meta/postcode',
    description: 'a postcode after 邮编/邮政编码 in the closing',
    field: 'contacts.postcode',
    scope: 'closing',
    find: { pattern: { pattern: /(?:邮编|邮政编码)[:：]?[ \t]*(?<v>\d{6})(?!\d)/u, group: 'v', pick: 'first', fromView: true } },
    examples: [{ text: '巡察整改情况。\n邮政编码:528000', match: '528000', value: { value: '528000' } }],
  },
  {
    id: 'meta/address',
    description: 'a postal address after 邮政地址/通信地址/邮政信箱/地址 in the closing',
    field: 'contacts.address',
    scope: 'closing',
    find: {
      pattern: {
        pattern: /(?:邮政地址|通[信讯]地址|来信地址|邮寄地址|邮政信箱|联系地址|地址)[:：][ \t]*(?<v>[^，,;；。\n]+?)(?=[，,;；。\n]|[ \t]*邮[编政]|$)/u,
        group: 'v',
        pick: 'first',
        trim: true,
      },
    },
    examples: [
      {
        text: '巡察整改情况。\n邮政地址:佛山市南海区桂城街道天佑四路56号,邮政编码:528000',
        match: '佛山市南海区桂城街道天佑四路56号',
        value: { value: '佛山市南海区桂城街道天佑四路56号' },
      },
    ],
  },
  {
    id: 'meta/unit-signature',
    description: 'the unit signing the notice: the line right above the signature date (not an audit office: it signs reports on the rectification of others)',
    field: 'unit',
    scope: 'signature-line',
    find: { pattern: { pattern: /^(?!.*审计[署厅局]$)\S/u, pick: 'first' } },
    examples: [{ text: '区委第四巡察组对区档案馆进行了巡察。\n欢迎监督。\n佛山市南海区档案馆\n2024年3月25日', match: '佛山市南海区档案馆', value: { value: '佛山市南海区档案馆' } }],
  },
  {
    id: 'meta/unit-title',
    description:
      'the issuing unit at the head of the title: 中共南开大学委员会关于… (not an audit office heading a report on audit findings: the report is the government\'s)',
    field: 'unit',
    scope: 'title',
    find: { pattern: { pattern: /^(?![^，,。；;\s]*审计[署厅局]关于.*审计)(?<unit>[^，,。；;\s]{2,40}?)关于/u, group: 'unit', pick: 'first' } },
    examples: [
      { text: '中共南开大学委员会关于十九届中央第七轮巡视整改进展情况的通报', match: '中共南开大学委员会', value: { value: '中共南开大学委员会' } },
      { text: '中共柳川县审计局党组关于县委巡察整改进展情况的通报', match: '中共柳川县审计局党组', value: { value: '中共柳川县审计局党组' } },
    ],
  },
  {
    id: 'meta/unit-commissioned',
    description: 'the government on whose behalf a report is given: 受县人民政府委托',
    field: 'unit',
    scope: 'head',
    find: { pattern: { pattern: /受(?<unit>[^，,。；;、\s\d]{0,20}?(?:人民政府|政府))委托/u, group: 'unit', pick: 'first' } },
    examples: [{ text: '受县人民政府委托，现将2023年度县本级审计查出问题的整改情况报告如下。', match: '县人民政府', value: { value: '县人民政府' } }],
  },
  {
    id: 'meta/unit-object',
    description:
      'the inspected unit in the opening: …巡察组对区档案馆进行了巡察, …巡察组于2024年7月9日至9月14日对区档案馆进行了巡察 (a unit, not what an audit covered: 预算执行/收支/决算)',
    field: 'unit',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(
          `(?:巡视组|巡察组|巡视${NUM}组|巡察${NUM}组|工作组|审计署|审计厅|审计局|特派员办事处)(?:于?[\\d年月日至、\\-~上中下旬初底]{0,40}|[^。]{0,12}?)对(?![^，,。；;、\\s]*?(?:预算|收支|决算|情况))(?<unit>[^，,。；;、\\s\\d]{2,30}?)(?:党委|党组|领导班子)?(?:进行了?|开展了?|实施了?|展开了?)`,
          'u',
        ),
        group: 'unit',
        pick: 'first',
      },
    },
    examples: [
      { text: '区委第四巡察组对区档案馆进行了巡察。', match: '区档案馆', value: { value: '区档案馆' } },
      { text: '中央第十巡视组对南开大学开展了常规巡视', match: '南开大学', value: { value: '南开大学' } },
      { text: '市委第五轮第二巡察组于2022年3月14日至3月18日、4月6日至5月27日对市水务局党组进行了巡察。', match: '市水务局', value: { value: '市水务局' } },
      { text: '县委巡察三组于2021年9月下旬至11月上旬对柳塘镇党委进行了巡察。', match: '柳塘镇', value: { value: '柳塘镇' } },
    ],
    negatives: [{ text: '县审计局对县本级预算执行情况进行了审计。', match: '预算执行情况', why: 'what the audit covered, not a unit' }],
  },
  {
    id: 'meta/unit-audit-scope',
    description: 'the government level an audit covered: 县审计局对2023年度县本级预算执行…进行了审计 → 县本级',
    field: 'unit',
    scope: 'head',
    find: { pattern: { pattern: /(?:审计署|审计厅|审计局)[^。]{0,12}?对(?:\d{4}年度?)?(?<unit>[^，,。；;、\s\d]{0,10}?[省市县区旗]本级)/u, group: 'unit', pick: 'first' } },
    examples: [{ text: '县审计局对2023年度县本级预算执行和其他财政收支情况进行了审计。', match: '县本级', value: { value: '县本级' } }],
  },
];
