/**
 * How the object of a count is read from part-of-speech tags (jieba's ICTCLAS tags): after the classifier, a
 * run of nominal tokens (10项|规章制度, 54项|风险|指标), past vague modifiers listed here (14个|具体|问题 → 问题; jieba's adjective tag is too loose to
 * rely on: it tags 落实 as one); before the
 * number, the last noun of the clause (巡视反馈|问题|32个 → 问题), past linking words (问题|共|九个).
 */

/** Nominal tags: noun, person/place/organisation/other proper noun, noun morpheme, verbal and adjectival
 *  noun, idiom-like phrase (春耕生产), abbreviation. */
const NOMINAL = ['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'vn', 'an', 'l', 'j'];
/** After a classifier a lone morpheme (村/zg in 12个村) is the object too. */
const AFTER_NOMINAL = [...NOMINAL, 'zg'];

export const OBJECT_RULES = {
  after: {
    /** Tags an object token may have. */
    tags: new Set(AFTER_NOMINAL),
    /** Words skipped before the object (vague modifiers): 14个具体问题 → 问题. */
    skip: new Set(['具体', '相关', '有关', '各类', '各项', '各种', '主要', '其他', '共', '优秀', '重要', '突出', '典型']),
    /** Words that end an object although tagged nominal. */
    stop: new Set(['全部', '全面', '全体', '其中', '以上', '以下', '以内', '内', '左右', '之间', '期间', '当中', '基础上', '范围', '方式']),
    /** Tags of a token that modifies the next one (the object goes on past it): verbal and adjectival nouns,
     *  idiom-like phrases, place and organisation names (南开|学子, 天津市|重点实验室). */
    modifierTags: new Set(['vn', 'l', 'an', 'ns', 'nt']),
    maxTokens: 3,
  },
  before: {
    /** Only plain nouns before a number (整改23个: 整改 is a verbal noun, not the object). */
    tags: new Set(['n', 'nz', 'nt', 'ng', 'j', 'l']),
    /** Linking words between the object and the number. */
    skip: new Set(['共', '共计', '累计', '合计', '总计', '达', '达到', '为', '计', '已', '均', '分别', '约', '近', '超过', '逾', '各', '等']),
    stop: new Set(['其中', '全年', '目前', '现在', '期间', '以来', '同比', '总数']),
  },
} as const;
