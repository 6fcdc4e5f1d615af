/**
 * The domain dictionary loaded into jieba (pipeline/segment/segmenter.ts) on top of its default dictionary:
 * inspection, Party and government terms that the default dictionary splits (工作专班 → 工作/专/班, 问题线索 →
 * 问题/线索), with the part-of-speech tag the extractors rely on (n: a countable object; v: an action verb).
 * HMM is off, so a term missing here falls apart into single characters rather than gluing to its neighbours.
 * Grown from the project corpus and the seed; add a word when a count's object or a measure verb is cut or
 * tagged wrongly (the tag here replaces jieba's own: 严格执行 is a verb here, a person's name in jieba's list).
 */

/** Part-of-speech tags of jieba's ICTCLAS-style tag set that the extractors use (b: a distinguishing word, 市直 in 市直单位; d: an adverb). */
export type DomainTag = 'n' | 'nt' | 'vn' | 'v' | 'l' | 'b' | 'd';

/** [word, tag]: one dictionary entry. */
export const DOMAIN_WORDS: ReadonlyArray<readonly [string, DomainTag]> = [
  // Inspection and audit: who, what is fed back, how it is handled.
  ['巡视组', 'nt'], ['巡察组', 'nt'], ['审计组', 'nt'], ['督查组', 'n'], ['督导组', 'n'], ['检查组', 'n'],
  ['监督检查组', 'n'], ['工作组', 'n'], ['整改组', 'n'], ['专项整改组', 'n'], ['专项工作组', 'n'],
  ['专项整改工作组', 'n'], ['整改小组', 'n'], ['工作专班', 'n'], ['专班', 'n'], ['领导小组', 'n'],
  ['反馈意见', 'n'], ['巡视意见', 'n'], ['巡察意见', 'n'], ['审计报告', 'n'], ['审计意见', 'n'],
  ['问题线索', 'n'], ['整改措施', 'n'], ['整改任务', 'n'], ['整改事项', 'n'], ['整改方案', 'n'],
  ['整改台账', 'n'], ['问题清单', 'n'], ['任务清单', 'n'], ['责任清单', 'n'], ['负面清单', 'n'],
  ['规章制度', 'n'], ['管理制度', 'n'], ['工作机制', 'n'], ['长效机制', 'n'], ['风险点', 'n'], ['风险指标', 'n'],
  ['廉政风险点', 'n'], ['审批事项', 'n'], ['审批卷宗', 'n'],
  // Party organisation and life.
  ['党支部', 'n'], ['基层党支部', 'n'], ['党总支', 'n'], ['党组织', 'n'], ['基层党组织', 'n'], ['党小组', 'n'],
  ['党委会', 'n'], ['党组会', 'n'], ['党组会议', 'n'], ['党委会议', 'n'], ['常委会', 'n'], ['办公会', 'n'],
  ['民主生活会', 'n'], ['专题民主生活会', 'n'], ['组织生活会', 'n'], ['党课', 'n'], ['专题党课', 'n'],
  ['廉政党课', 'n'], ['中心组', 'n'], ['理论学习中心组', 'n'], ['领导班子', 'n'], ['班子成员', 'n'],
  ['纪检监察组', 'nt'], ['派驻纪检监察组', 'nt'], ['党员干部', 'n'], ['学生党员', 'n'], ['村干部', 'n'],
  ['中层干部', 'n'], ['年轻干部', 'n'], ['科级干部', 'n'], ['处级干部', 'n'], ['经办人员', 'n'],
  ['工作人员', 'n'], ['责任人员', 'n'], ['科室负责人', 'n'], ['社区工作者', 'n'], ['网格员', 'n'],
  // Units, places and things that notices count.
  ['子企业', 'n'], ['下属单位', 'n'], ['二级单位', 'n'], ['乡镇卫生院', 'n'], ['临床科室', 'n'], ['股室', 'n'],
  ['中小学', 'n'], ['老旧小区', 'n'], ['基础网格', 'n'], ['科研项目', 'n'], ['工程项目', 'n'], ['重大项目', 'n'],
  ['闲置项目', 'n'], ['优势学科', 'n'], ['自然保护地', 'n'], ['图斑', 'n'], ['意见箱', 'n'], ['村', 'n'], ['思政课', 'n'], ['课程思政', 'n'],
  ['重点实验室', 'n'], ['学位授权点', 'n'],
  // Actions that start measures (verbs the default dictionary tags otherwise or splits).
  ['建章立制', 'v'], ['立行立改', 'v'], ['举一反三', 'l'], ['对标对表', 'v'], ['督促指导', 'v'], ['约谈', 'v'], ['负有责任', 'v'],
  ['诫勉谈话', 'vn'], ['提醒谈话', 'vn'], ['批评教育', 'vn'], ['回头看', 'vn'], ['销号', 'v'], ['挂牌督办', 'v'],
  ['清退', 'v'], ['追缴', 'v'], ['追回', 'v'], ['挽回', 'v'], ['修订', 'v'], ['新建', 'v'], ['印发', 'v'],
  ['严格执行', 'v'], ['严格落实', 'v'], ['认真落实', 'v'], ['全面落实', 'v'], ['贯彻落实', 'v'], ['深入贯彻', 'v'],
  ['切实加强', 'v'], ['持续推进', 'v'], ['扎实推进', 'v'], ['压紧压实', 'v'], ['压实', 'v'],
  // Count objects: words jieba cuts apart or tags wrongly around a count (收入 is a verb, 细化 and 责令 nouns there), so
  // that the object's phrase is read right (rules/countObjects.ts): 11个市直|单位, 追缴|违规|报销|经费, 诫勉谈话3人.
  ['经费', 'n'], ['收入', 'n'], ['行为', 'n'], ['福利费', 'n'], ['津补贴', 'n'], ['承诺书', 'n'], ['公租房', 'n'],
  ['师德', 'n'], ['地市', 'n'], ['品规', 'n'], ['新媒体', 'n'], ['实践教学', 'n'], ['咨政报告', 'n'],
  ['饮水安全', 'n'], ['市直', 'b'], ['县直', 'b'], ['区直', 'b'], ['镇直', 'b'], ['执收', 'b'], ['被巡察', 'b'],
  ['兼职', 'b'], ['问责', 'vn'], ['投诉', 'vn'], ['细化', 'v'], ['责令', 'v'], ['重新制定', 'v'], ['冲击', 'v'],
  ['办理', 'v'], ['带队', 'v'], ['编印', 'v'], ['讲授', 'v'], ['选派', 'v'], ['认领', 'v'], ['新聘', 'v'], ['审减', 'v'],
  ['核减', 'v'], ['调整', 'v'], ['勘界定标', 'v'], ['基本', 'd'], ['通报', 'v'], ['曝光', 'v'], ['决策', 'v'], ['惠及', 'v'], ['清理', 'v'], ['调整交流', 'v'], ['自查自纠', 'v'], ['多收', 'v'], ['多发', 'v'], ['存续', 'b'], ['有组织', 'b'], ['不合规', 'b'], ['入库', 'v'], ['上线', 'v'], ['立案', 'vn'], ['主持召开', 'v'], ['督促整改', 'v'], ['统筹盘活', 'v'], ['评选出', 'v'],
];

/** Frequency given to every domain word: high enough that jieba prefers it to the default dictionary's splits. */
export const DOMAIN_WORD_FREQUENCY = 20000;

/** The dictionary as jieba's `word freq tag` lines. */
export function domainDictText(): string {
  return DOMAIN_WORDS.map(([w, t]) => `${w} ${DOMAIN_WORD_FREQUENCY} ${t}`).join('\n');
}
