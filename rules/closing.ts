/**
 * Lines of a notice's closing (genre.md): 欢迎…监督, 公开期限, contacts, the signing unit and date, 附件, 抄送.
 * `strong` rules recognise a closing line by itself; `weak` ones only next to closing lines (a signature line
 * is just a short line without sentence punctuation, which a heading can be too).
 * Patterns run on one line of the normalized view.
 */
import type { NegativeExample, PositiveExample } from './ruleTypes.js';

export interface LineRule {
  id: string;
  description: string;
  strength: 'strong' | 'weak';
  pattern: RegExp;
  examples: PositiveExample[];
  negatives: NegativeExample[];
}

const CN_YEAR = '[〇○零一二三四五六七八九]{4}';
const CN_MD = '[一二三四五六七八九十]{1,3}';

/** Closing-line rules, tested on each line from the end of the notice backwards. */
export const CLOSING_RULES: readonly LineRule[] = [
  {
    id: 'closing/welcome',
    description: 'invitation to supervise: 欢迎广大干部群众…监督, also after the clause that publishes the notice (…予以公开，欢迎…监督)',
    strength: 'strong',
    pattern: /^[ \t]*(?:[^。！？!?\n]{0,80}?(?:公开|公布|通报|公示)[,，])?(?:诚恳|真诚|热忱|热诚|衷心|竭诚)?欢迎.{0,60}?(?:监督|批评|意见|建议)/u,
    examples: [
      { text: '欢迎广大干部群众对巡察整改落实情况进行监督。' },
      { text: '诚恳欢迎社会各界对整改工作进行监督。' },
      { text: '依据有关规定，现将本轮巡察整改进展情况予以公开，欢迎广大干部群众监督。监督电话：0736-5550123。' },
    ],
    negatives: [{ text: '欢迎会上,领导讲话。', why: 'not a closing line' }],
  },
  {
    id: 'closing/submission',
    description: 'the formula that ends a report submitted for deliberation (an audit rectification report to a people’s congress): 以上报告，请予审议',
    strength: 'strong',
    pattern: /^[ \t]*(?:以上|现将以上)?报告[^。！？!?\n]{0,12}?[,，]?请(?:予|予以)?(?:审议|审阅|审查)/u,
    examples: [{ text: '以上报告，请予审议。' }, { text: '以上报告，请审议。' }],
    negatives: [{ text: '审计报告指出的问题，已提请县政府常务会议审议。', why: 'not the closing formula' }],
  },
  {
    id: 'closing/publicity',
    description: 'publicity period: 公开期限 / 公示期',
    strength: 'strong',
    pattern: /^[ \t]*(?:公开期限|公示期限?|公开时间|公示时间)[:：]?/u,
    examples: [{ text: '公开期限:2024年3月25日至2024年4月25日。' }],
    negatives: [{ text: '公开招聘工作人员3名。', why: 'not a closing line' }],
  },
  {
    id: 'closing/contact',
    description: 'contact lines: 联系电话, 邮政地址, 邮编, 电子邮箱, 传真, 来信…',
    strength: 'strong',
    pattern: /^[ \t]*(?:联系(?:电话|方式|人|地址)|(?:监督|举报|监督举报)电话|电话|传真|邮政(?:地址|信箱|编码)|通[信讯]地址|来信地址|地址|邮编|电子(?:邮箱|信箱|邮件)|邮箱|E-?mail)[ \t]*(?:[:：]|\d|\()/iu,
    examples: [{ text: '联系电话:0757-86229618' }, { text: '邮政编码:528000' }, { text: '电子邮箱:a@b.cn' }, { text: '监督电话：0736-5550123' }],
    negatives: [{ text: '电话会议召开3次。', why: 'not a closing line' }, { text: '电话回访群众120人次。', why: 'not a closing line' }],
  },
  {
    id: 'closing/attachment',
    description: 'attachments: 附件：1.…',
    strength: 'strong',
    pattern: /^[ \t]*附件\s*(?:\d+|[:：]|$)/u,
    examples: [{ text: '附件:1.整改任务清单' }, { text: '附件' }, { text: '附件2' }],
    negatives: [{ text: '附件材料齐全。', why: 'not a closing line' }],
  },
  {
    id: 'closing/cc',
    description: 'distribution lines: 抄送：… / 印发',
    strength: 'strong',
    pattern: /^[ \t]*(?:抄送|主送|抄报)[:：]|印发[ \t]*$/u,
    examples: [{ text: '抄送:区纪委监委,区委巡察办。' }, { text: '区档案馆办公室 2024年3月25日印发' }],
    negatives: [{ text: '抄送材料已归档,已按要求印发通知。', why: 'not a closing line' }],
  },
  {
    id: 'closing/date',
    description: 'a line that is only a date (the signature date), Arabic or Chinese numerals',
    strength: 'strong',
    pattern: new RegExp(`^[ \\t]*(?:\\d{4}年\\d{1,2}月\\d{1,2}日|${CN_YEAR}年${CN_MD}月${CN_MD}日|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2})[ \\t]*$`, 'u'),
    examples: [{ text: '2024年3月25日' }, { text: '二〇二四年三月二十五日' }, { text: '2024-03-25' }],
    negatives: [{ text: '2024年3月25日,召开会议。', why: 'not a closing line' }],
  },
  {
    id: 'closing/signature',
    description: 'a short line without sentence punctuation next to closing lines: the signing unit or an attachment item',
    strength: 'weak',
    pattern: /^[ \t]*[^。!?;,:！？；，：]{1,60}$/u,
    examples: [{ text: '佛山市南海区档案馆' }, { text: '中共南开大学委员会' }],
    negatives: [{ text: '全面从严治党永远在路上,巡视整改既是攻坚战也是持久战。', why: 'not a closing line' }],
  },
];
