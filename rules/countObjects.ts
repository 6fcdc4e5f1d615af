/**
 * What a count counts (its object), read from the words around it with jieba's ICTCLAS tags: the noun phrase a user
 * would name, not cut short (11个设区市 → 设区市, 29家市直单位 → 市直单位). pipeline/extract/extractCounts.ts walks
 * the words with these tables, in this order:
 *
 * 1. After the classifier: the noun phrase that follows it (10项规章制度, 43个二级党组织, 3个联合实验室), past vague
 *    modifiers (14个具体问题 → 问题). Verbs may stand before its first noun (联合|实验室, 存续|企业), not after it
 *    (3个单位|下发了通知). A relative clause between the classifier and its noun is passed over: 2篇|存在问题的|学位论文 →
 *    学位论文 (the count's text then stays 2篇). A classifier that selects its nouns (名 people, 所 institutions, 户
 *    households and firms, 家 firms and units) ends the phrase at the last word it can count: 3名镇村干部|党纪处分
 *    → 镇村干部, 38户子企业|章程 → 子企业.
 * 2. Before the number: the noun phrase that ends right before it (建设经费1.2亿元, 党纪政务处分7人), past linking
 *    words (问题|共|九个). Walking back, a verb is the clause's main verb — the phrase stops before it — unless it is
 *    one of the verbs that modify nouns (`modifierVerbs`: 编发|整改|工作简报, 追回|违规|报销|经费); a verbal noun
 *    after a noun is part of it (重点|建设|学科). For counts of people, times and cases an activity is the object
 *    (诫勉谈话24人, 集体学习14次: at most two words); for counts of things a verbal noun may be (立案审查4件), a verb
 *    right before the number may not (已完成整改23个), and a verb after a noun is passed over (完成支部|换届|2个 → 支部).
 * 3. A count without an object continues a list: it takes the object of the nearest count before it in its sentence
 *    (else in the sentence before, in the same paragraph) that has the same unit: 反馈的25个问题，已完成整改19个、正在
 *    整改6个 → both 问题.
 *
 * A short quotation or parenthesis is one word of a phrase (9家“僵尸”企业, 村(社区)党组织36个). Objects are sliced
 * from the document text, so they keep its script.
 */

/** Tags of words that can end (head) an object: nouns, proper nouns, noun morphemes, abbreviations, idioms and
 *  fixed phrases (春耕生产), and a quotation or parenthesis taken as one word (`q`, made by the extractor). */
const NOUN = ['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'j', 'l', 'i', 'q~'];
/** Verbal and adjectival nouns: inside a phrase they are nouns (物业|服务|企业), at its left edge a verb. */
const VERBAL_NOUN = ['vn', 'an'];
/** Verbs (jieba tags some modifiers as verbs: 示范, 采购, 违规发放). */
const VERB = ['v', 'vd', 'vi'];
/** Modifiers that may stand inside a phrase but never end it: distinguishing words (二级, 县级), adjectives (新,
 *  重大), place and direction words (校外, 内部), the suffix 式, the classifier-like 类 (立行立改类问题). */
const MODIFIER = ['b', 'a', 's', 'f', 'k', 'q', 'zg'];

export const OBJECT_RULES = {
  tags: {
    noun: new Set(NOUN),
    verbalNoun: new Set(VERBAL_NOUN),
    verb: new Set(VERB),
    modifier: new Set(MODIFIER),
  },
  /** Vague modifiers passed over at the start of an object (14个具体问题 → 问题, 3名相关责任人 → 责任人) and that end
   *  an object walked back (问责相关人员8人 → 人员). */
  vague: new Set(['具体', '相关', '有关', '各类', '各项', '各种', '其他', '其它', '共', '上述', '全部', '所有']),
  /** Words that end an object although their tag admits them (…以上的, 期间, 其中) — and linking verbs (达到). */
  stop: new Set([
    '全部', '全面', '全体', '其中', '以上', '以下', '以内', '内', '中', '左右', '之间', '期间', '当中', '基础上', '范围',
    '方式', '以来', '同比', '目前', '现在', '全年', '总数', '达到', '属于', '为', '是', '占', '有', '已有',
  ]),
  /** Main verbs that end an object after a classifier (30名|进行重点培养, 3次|召开常务会议). */
  mainVerbs: new Set(['进行', '开展', '实施', '实行', '给予', '予以', '作出', '完成', '召开']),
  /** Verbs that modify the noun after them (jieba tags them as verbs): walking back from a number the phrase goes on
   *  past them (开展|实践|教学活动, 处置|超编|车辆, 追缴|违规|报销|费用), and stops at any other verb. */
  modifierVerbs: new Set([
    '整改', '巡视', '巡察', '违规', '报销', '发放', '使用', '结算', '采购', '示范', '实践', '帮扶', '超编', '测评', '督办',
    '转化', '改造', '支付', '处置', '投资', '培训', '服务', '督导', '联合', '存续', '捐赠', '修缮', '保障', '造价', '专项',
    '衔接', '转移', '闲置', '结余', '领取', '占用', '挂账', '出租', '多发', '审计', '监督', '检查', '执法', '配套', '驻',
    '多收',
  ]),
  /** People who own what is counted, at the left edge of a phrase (师生|意见建议214条, 中层干部|平均年龄): not part of it. */
  possessors: new Set(['师生', '干部职工', '职工', '教职工', '患者', '群众', '居民', '村民', '学生', '中层干部']),
  /** Words after which a verb is no main verb (闲置的|衔接|资金, 已将|出租|收入). */
  objectOpeners: new Set(['的', '将', '把', '对']),
  /** Nouns of measure (an amount of something): the word before one always belongs to it (审减|金额, 合同|金额). */
  measureNouns: new Set(['金额', '数额', '面积']),
  /** Words after what is counted, before the number, that say which part of it: passed over (债券资金|用途1.6亿元,
   *  重大事项|范围26项). */
  passOver: new Set(['用途', '范围']),
  /** A suffix that turns the words before it into a category name, verbs included (立行立改|类|问题, 持续整改|类|问题). */
  categorySuffix: '类',
  /** Nouns that a verb right before them takes as its object (反馈|问题, 细化|整改措施): walking back, such a verb
   *  is never part of the phrase, so 巡察反馈问题共九个 counts 问题 and 建立完善制度38项 制度. */
  verbObjects: new Set(['问题', '问题线索', '线索', '整改措施', '措施', '制度', '规章制度', '管理制度', '隐患']),
  /** Nouns that, after the noun a classifier counts, begin what is said about it (12个村|集体经济, 2个股室|负责人,
   *  7个党支部|组织生活): the phrase ends before them. */
  attributes: new Set([
    '负责人', '主要负责人', '班子', '领导班子', '集体经济', '组织生活', '换届', '换届选举', '工作', '经费', '资金', '收入',
    '章程', '档案', '情况', '饮水安全', '安全', '建设', '管理', '发展', '使用', '规模',
  ]),
  /** Linking words between an object and the number after it (问题共九个, 制度已达5项). */
  linking: new Set(['共', '共计', '累计', '合计', '总计', '达', '达到', '为', '计', '已', '均', '分别', '约', '近', '超过', '逾', '各', '等', '已达', '先后', '全部', '均已', '都']),
  /** Words that name a part of a list, not what is counted: before a number (政府投资项目方面3个 continues the list
   *  of 问题 before it), and walking back (国有资产管理方面|问题27个 → 问题). */
  part: new Set(['方面', '领域', '类型']),
  /** At most this many words in an activity (诫勉谈话, 集体学习, 督导整改). */
  maxActivityWords: 2,
  /** At most this many words in an object: a longer phrase is a name (习近平新时代…专题读书班), and its last two words
   *  are taken (专题读书班). */
  maxWords: 5,
  /** Classifiers that select their nouns: the object ends at the last word ending so (3名镇村干部党纪处分 → 镇村干部);
   *  with no such word the phrase is not what they count (给予2人|党纪政务处分). */
  heads: [
    { units: ['名', '人', '位'], ending: /(?:员|人|者|部|师|生|长|记|志|才|士|家|导|干|兵|工|民|众|手|官|警|医|代表|教授|对象|户|标兵|骨干|书记|人选)$/u },
    { units: ['户'], ending: /(?:户|家|民|众|企业|公司|对象|农户|居民|单位)$/u },
    { units: ['所'], ending: /(?:院|校|学|园|所|站|中心|机构)$/u },
    { units: ['家'], ending: /(?:单位|企业|公司|机构|医院|中心|银行|店|厂|场|站|所|室|馆|社|园|户|部门|集团|平台)$/u },
  ],
  /** Unit kinds (rules/classifiers.ts) whose object may be an activity: 诫勉谈话24人, 集体学习14次. */
  activityKinds: new Set(['people', 'times']),
  /** How far (in characters) an object is looked for after a classifier or before a number. */
  window: 24,
} as const;
