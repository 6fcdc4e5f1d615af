/**
 * Metadata rules (output-contract.md "meta"): one table of field rules. Each rule names the field it fills, the
 * scope of the notice it looks in, how it finds the value there (a pattern, or a date mention of some kind), and
 * its id; rules of one field are tried in table order, and the first that finds a value wins (precedence). The
 * engine is pipeline/extract/extractMeta.ts; every value keeps the span and rule it came from in `meta.evidence`.
 *
 * Scopes:
 * - head: the opening (the preamble before the first heading, or the first 600 characters when it is shorter than 40);
 * - first-line: the first non-blank line, when it stands in the preamble (trimmed);
 * - title: the title the title rule found;
 * - closing: from the first closing line to the end;
 * - signature-line: the signing unit's line right above the signature date line;
 * - signature-date-line: the last line that is only a date, in the closing.
 * When no rule finds a publication date, the web page's own date is taken (read by the HTML loader,
 * rules/htmlBoilerplate.ts PAGE_DATE_LINES).
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
export type MetaScope = 'head' | 'first-line' | 'title' | 'closing' | 'signature-line' | 'signature-date-line';

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
}

/** A rule that reads a date field from the date mentions of its scope: the first with this kind and precision
 *  whose sentence matches `sentence`. */
export interface MetaDateFind {
  kind?: 'date' | 'range';
  precision?: 'day';
  sentence?: RegExp;
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

/** Title-line keywords: a first line naming the notice (…整改进展情况的通报 / 公告 / 报告). */
const TITLE_LINE = /(?:整改|巡视|巡察|审计).*(?:情况|通报|公告|报告|公示)|关于.*(?:通报|公告|公示|情况)/u;
/** Words on a date's sentence that make it the inspection period. */
const INSPECTION_WORDS = /巡视|巡察|审计|进驻/u;
/** Words on a date's sentence that make it the feedback date (an audit's report plays the part of feedback). */
const FEEDBACK_WORDS = /反馈|出具|审计报告|审计意见|审计决定/u;
/** Words on a line that make its date range the publicity period. */
const PUBLICITY_WORDS = /公开期限|公示期|公开时间|公示时间/u;

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
    description: 'an inspection team in the opening: 区委第四巡察组, 中央第十巡视组, 自治区党委第十四巡视组 (the fullest name wins)',
    field: 'inspector',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(`(?<who>(?:[^${NOT_ORG}]{0,8}?(?:中央|自治区党委|省委|市委|州委|盟委|县委|旗委|区委|党委|党组|工委))?第${NUM}(?:轮)?(?<kind>巡视|巡察)(?:组|工作组))`, 'u'),
        group: 'who',
        pick: 'longest',
      },
    },
    kind: 'from-value',
    examples: [
      { text: '2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察', match: '区委第四巡察组', value: { value: '区委第四巡察组' } },
      { text: '中央第十巡视组对南开大学开展了常规巡视', match: '中央第十巡视组', value: { value: '中央第十巡视组' } },
      { text: '自治区党委第十四巡视组反馈', match: '自治区党委第十四巡视组', value: { value: '自治区党委第十四巡视组' } },
    ],
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
    description: 'the round: 十九届中央第七轮巡视, 十四届省委第三轮巡视',
    field: 'round',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(`(?<round>(?:[一二三四五六七八九十]{1,3}届)?(?:中央|自治区党委|省委|市委|州委|县委|区委|党委)?第${NUM}轮(?:巡视|巡察))`, 'u'),
        group: 'round',
        pick: 'first',
      },
    },
    examples: [{ text: '关于十九届中央第七轮巡视整改进展情况的通报', match: '十九届中央第七轮巡视', value: { value: '十九届中央第七轮巡视' } }],
  },
  {
    id: 'meta/inspection-period',
    description: 'the first day range in the opening on a sentence about the inspection (巡视/巡察/审计/进驻)',
    field: 'inspectionPeriod',
    scope: 'head',
    find: { date: { kind: 'range', precision: 'day', sentence: INSPECTION_WORDS } },
    examples: [{ text: '2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察。', match: '2023年6月7日至7月28日', value: { value: '2023-06-07' } }],
  },
  {
    id: 'meta/feedback-date',
    description: 'the first day in the opening on a sentence about feedback (反馈; for audits 出具/审计报告/审计意见)',
    field: 'feedbackDate',
    scope: 'head',
    find: { date: { kind: 'date', precision: 'day', sentence: FEEDBACK_WORDS } },
    examples: [{ text: '2023年6月7日至7月28日,区委第四巡察组进行了巡察。9月11日,巡察组反馈了意见。', match: '9月11日', value: { value: '2023-09-11' } }],
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
    description: 'the unit signing the notice: the line right above the signature date',
    field: 'unit',
    scope: 'signature-line',
    find: { pattern: { pattern: /\S/u, pick: 'first' } },
    examples: [{ text: '区委第四巡察组对区档案馆进行了巡察。\n欢迎监督。\n佛山市南海区档案馆\n2024年3月25日', match: '佛山市南海区档案馆', value: { value: '佛山市南海区档案馆' } }],
  },
  {
    id: 'meta/unit-title',
    description: 'the issuing unit at the head of the title: 中共南开大学委员会关于…',
    field: 'unit',
    scope: 'title',
    find: { pattern: { pattern: /^(?<unit>[^，,。；;\s]{2,40}?)关于/u, group: 'unit', pick: 'first' } },
    examples: [{ text: '中共南开大学委员会关于十九届中央第七轮巡视整改进展情况的通报', match: '中共南开大学委员会', value: { value: '中共南开大学委员会' } }],
  },
  {
    id: 'meta/unit-object',
    description: 'the inspected unit in the opening: …巡察组对区档案馆进行了巡察',
    field: 'unit',
    scope: 'head',
    find: {
      pattern: {
        pattern: new RegExp(`(?:巡视组|巡察组|工作组|审计署|审计厅|审计局|特派员办事处)(?:[^。]{0,12}?)对(?<unit>[^，,。；;、\\s]{2,30}?)(?:党委|党组|领导班子)?(?:进行了?|开展了?|实施了?|展开了?)`, 'u'),
        group: 'unit',
        pick: 'first',
      },
    },
    examples: [
      { text: '区委第四巡察组对区档案馆进行了巡察。', match: '区档案馆', value: { value: '区档案馆' } },
      { text: '中央第十巡视组对南开大学开展了常规巡视', match: '南开大学', value: { value: '南开大学' } },
    ],
  },
];
