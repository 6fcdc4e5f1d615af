/**
 * Metadata patterns (output-contract.md "meta"): who inspected whom, which round, contacts. Each has an id,
 * a description and examples; pipeline/extract/extractMeta.ts decides where each is looked for (preamble,
 * title, closing) and which wins.
 */
import type { NegativeExample } from './ruleTypes.js';

export interface MetaPattern {
  id: string;
  description: string;
  pattern: RegExp;
  /** Named group holding the value. */
  group: string;
  /** `value` is the captured value; `match` defaults to it. */
  examples: Array<{ text: string; value: string }>;
  negatives?: NegativeExample[];
}

/** Characters that cannot be part of an organisation name to the left of 第N巡视组 (dates, function words). */
const NOT_ORG = '\\s\\p{P}\\d日月年至由对向和与在了是将经于及第把被从据照受';
const NUM = '[一二三四五六七八九十\\d]+';

/** Meta patterns by id. */
export const META_PATTERNS = {
  inspectorGroup: {
    id: 'meta/inspector-group',
    description: 'an inspection team: 区委第四巡察组, 中央第十巡视组, 自治区党委第十四巡视组',
    pattern: new RegExp(
      `(?<who>(?:[^${NOT_ORG}]{0,8}?(?:中央|自治区党委|省委|市委|州委|盟委|县委|旗委|区委|党委|党组|工委))?第${NUM}(?:轮)?(?<kind>巡视|巡察)(?:组|工作组))`,
      'u',
    ),
    group: 'who',
    examples: [
      { text: '2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察', value: '区委第四巡察组' },
      { text: '中央第十巡视组对南开大学开展了常规巡视', value: '中央第十巡视组' },
      { text: '自治区党委第十四巡视组反馈', value: '自治区党委第十四巡视组' },
    ],
  },
  inspectorAudit: {
    id: 'meta/inspector-audit',
    description: 'an audit office: 审计署, 云岭省审计厅, 东溪县审计局',
    pattern: new RegExp(`(?<who>[^${NOT_ORG}]{0,10}?(?:审计署(?:[^${NOT_ORG}]{0,8}?特派员办事处)?|审计厅|审计局))`, 'u'),
    group: 'who',
    examples: [{ text: '根据县审计局的审计意见', value: '县审计局' }],
  },
  round: {
    id: 'meta/round',
    description: 'the round: 十九届中央第七轮巡视, 十四届省委第三轮巡视',
    pattern: new RegExp(
      `(?<round>(?:[一二三四五六七八九十]{1,3}届)?(?:中央|自治区党委|省委|市委|州委|县委|区委|党委)?第${NUM}轮(?:巡视|巡察))`,
      'u',
    ),
    group: 'round',
    examples: [{ text: '关于十九届中央第七轮巡视整改进展情况的通报', value: '十九届中央第七轮巡视' }],
  },
  unitObject: {
    id: 'meta/unit-object',
    description: 'the inspected unit in the opening: …巡察组对区档案馆进行了巡察',
    pattern: new RegExp(`(?:巡视组|巡察组|工作组|审计署|审计厅|审计局|特派员办事处)(?:[^${'。'}]{0,12}?)对(?<unit>[^，,。；;、\\s]{2,30}?)(?:党委|党组|领导班子)?(?:进行了?|开展了?|实施了?|展开了?)`, 'u'),
    group: 'unit',
    examples: [
      { text: '区委第四巡察组对区档案馆进行了巡察。', value: '区档案馆' },
      { text: '中央第十巡视组对南开大学开展了常规巡视', value: '南开大学' },
    ],
  },
  unitTitle: {
    id: 'meta/unit-title',
    description: 'the issuing unit at the head of a title: 中共南开大学委员会关于…',
    pattern: /^(?<unit>[^，,。；;\s]{2,40}?)关于/u,
    group: 'unit',
    examples: [{ text: '中共南开大学委员会关于十九届中央第七轮巡视整改进展情况的通报', value: '中共南开大学委员会' }],
  },
  email: {
    id: 'meta/email',
    description: 'an e-mail address',
    pattern: /(?<v>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/u,
    group: 'v',
    examples: [{ text: '电子邮箱:daj@nanhai.gov.cn。', value: 'daj@nanhai.gov.cn' }],
  },
  phone: {
    id: 'meta/phone',
    description: 'a phone number: 0757-86229618, (0757)86229618, 12388, 13912345678',
    pattern: /(?<![\d@.])(?<v>\(?0\d{2,3}\)?[- ]?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|12388|\d{7,8})(?![\d@])/u,
    group: 'v',
    examples: [{ text: '联系电话:0757-86229618;', value: '0757-86229618' }],
  },
  postcode: {
    id: 'meta/postcode',
    description: 'a postcode after 邮编/邮政编码',
    pattern: /(?:邮编|邮政编码)[:：]?[ \t]*(?<v>\d{6})(?!\d)/u,
    group: 'v',
    examples: [{ text: '邮政编码:528000', value: '528000' }],
  },
  address: {
    id: 'meta/address',
    description: 'a postal address after 邮政地址/通信地址/邮政信箱/地址',
    pattern: /(?:邮政地址|通[信讯]地址|来信地址|邮寄地址|邮政信箱|联系地址|地址)[:：][ \t]*(?<v>[^，,;；。\n]+?)(?=[，,;；。\n]|[ \t]*邮[编政]|$)/u,
    group: 'v',
    examples: [{ text: '邮政地址:佛山市南海区桂城街道天佑四路56号,邮政编码:528000', value: '佛山市南海区桂城街道天佑四路56号' }],
  },
} satisfies Record<string, MetaPattern>;

/** Title-line keywords: a first line naming the notice (…整改进展情况的通报 / 公告 / 报告). */
export const TITLE_LINE = /(?:整改|巡视|巡察|审计).*(?:情况|通报|公告|报告|公示)|关于.*(?:通报|公告|公示|情况)/u;

/** Words naming the kind of inspection, in order of preference when no inspector is named. */
export const KIND_WORDS: ReadonlyArray<readonly [RegExp, '巡视' | '巡察' | '审计']> = [
  [/巡察/u, '巡察'],
  [/巡视/u, '巡视'],
  [/审计/u, '审计'],
];

/** Words on a date's sentence that make it the feedback date (an audit's report plays the part of feedback). */
export const FEEDBACK_WORDS = /反馈|出具|审计报告|审计意见|审计决定/u;
/** Words on a date's sentence that make it the inspection period. */
export const INSPECTION_WORDS = /巡视|巡察|审计|进驻/u;
/** Words on a line that make its date range the publicity period. */
export const PUBLICITY_WORDS = /公开期限|公示期|公开时间|公示时间/u;
