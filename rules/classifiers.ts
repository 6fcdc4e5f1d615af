/**
 * Classifiers and units a count may carry (output-contract.md: the classifier as written: 项 个 人 人次 次 场 件
 * 条 名 家 元 %). Each entry says what it measures and which characters may not follow it, so that a word that
 * merely starts with the classifier (项目, 处分, 条例, 支部, 台账, 名单…) is not read as one.
 * Deliberately absent: 号 (house and document numbers), 届 (congress sessions: 十四届), 级 (ranks: 二级单位), 大
 * (named programmes: 十大民生工程, 五大中心), 本/部/间/只/头 (too often the first character of a word).
 */

/** What a unit measures; `money` and `percent` are built by their own count rules. */
export type UnitKind = 'thing' | 'people' | 'times' | 'measure' | 'duration' | 'age' | 'ratio';

/** One classifier or unit. */
export interface Classifier {
  unit: string;
  kind: UnitKind;
  /** Characters or words that may not follow (a RegExp alternation), e.g. 目 after 项 (项目 is a word). */
  notBefore?: string;
}

/** Every classifier and unit; matched longest first (人次 before 人, 个百分点 before 个). */
export const CLASSIFIERS: readonly Classifier[] = [
  { unit: '个百分点', kind: 'ratio' },
  { unit: '百分点', kind: 'ratio' },
  { unit: '个', kind: 'thing', notBefore: '体|别|性|案|例' },
  { unit: '项', kind: 'thing', notBefore: '目' },
  { unit: '大项', kind: 'thing', notBefore: '目' },
  { unit: '子项', kind: 'thing', notBefore: '目' },
  { unit: '件', kind: 'thing', notBefore: '事' },
  { unit: '条', kind: 'thing', notBefore: '例|件|款|线' },
  { unit: '家', kind: 'thing', notBefore: '属|长|庭' },
  { unit: '户', kind: 'thing', notBefore: '口|籍|型' },
  { unit: '户次', kind: 'times' },
  { unit: '处', kind: 'thing', notBefore: '理|置|分|罚|室|长|级|于|在' },
  { unit: '宗', kind: 'thing', notBefore: '旨|教' },
  { unit: '份', kind: 'thing', notBefore: '额' },
  { unit: '卷', kind: 'thing', notBefore: '宗' },
  { unit: '支', kind: 'thing', notBefore: '部|持|出|付|援' },
  { unit: '座', kind: 'thing', notBefore: '谈' },
  { unit: '门', kind: 'thing', notBefore: '户|类|槛|诊' },
  { unit: '门次', kind: 'times' },
  { unit: '种', kind: 'thing', notBefore: '类|植|子|养' },
  { unit: '所', kind: 'thing', notBefore: '以|属|在|有|得|需|长' },
  { unit: '起', kind: 'thing', notBefore: '草|诉|到|来|始|止|步' },
  { unit: '笔', kind: 'thing', notBefore: '记|录|试' },
  { unit: '张', kind: 'thing', notBefore: '贴' },
  { unit: '类', kind: 'thing', notBefore: '似|别' },
  { unit: '批', kind: 'thing', notBefore: '准|复|示|评|判|次' },
  { unit: '批次', kind: 'times' },
  { unit: '套', kind: 'thing' },
  { unit: '台', kind: 'thing', notBefore: '账|湾|阶|风' },
  { unit: '台次', kind: 'times' },
  { unit: '辆', kind: 'thing' },
  { unit: '篇', kind: 'thing', notBefore: '章|幅' },
  { unit: '册', kind: 'thing' },
  { unit: '例', kind: 'thing', notBefore: '如|会|行|外' },
  { unit: '单', kind: 'thing', notBefore: '位|独|元|据|一|纯|列|项' },
  { unit: '轮', kind: 'times', notBefore: '岗|换|训|值' },
  { unit: '期', kind: 'thing', notBefore: '间|限|满|末|初|工程|项目|刊' },
  { unit: '场', kind: 'times', notBefore: '所|地|景|馆|合|面' },
  { unit: '场次', kind: 'times' },
  { unit: '次', kind: 'times', notBefore: '年|日|要|全会|全体会议' },
  { unit: '人次', kind: 'times' },
  { unit: '人', kind: 'people', notBefore: '民|事|才|大|均|身|员|工|生|文|格|口|力|选|情' },
  { unit: '名', kind: 'people', notBefore: '单|义|称|额|录|誉|牌' },
  { unit: '位', kind: 'people', notBefore: '于|置|数|列' },
  { unit: '倍', kind: 'ratio' },
  { unit: '亩', kind: 'measure' },
  { unit: '公顷', kind: 'measure' },
  { unit: '平方公里', kind: 'measure' },
  { unit: '平方米', kind: 'measure' },
  { unit: '立方米', kind: 'measure' },
  { unit: '公里', kind: 'measure' },
  { unit: '千米', kind: 'measure' },
  { unit: '米', kind: 'measure', notBefore: '粮' },
  { unit: '吨', kind: 'measure' },
  { unit: '千瓦', kind: 'measure' },
  { unit: '千克', kind: 'measure' },
  { unit: '公斤', kind: 'measure' },
  { unit: '分钟', kind: 'duration' },
  { unit: '小时', kind: 'duration' },
  { unit: '个工作日', kind: 'duration' },
  { unit: '个月', kind: 'duration' },
  { unit: '天', kind: 'duration', notBefore: '然|津|下|空|地' },
  { unit: '周', kind: 'duration', notBefore: '年|岁|边|围|期|末|报|例' },
  { unit: '岁', kind: 'age' },
];

/** A RegExp source matching any classifier (longest first), each guarded by its `notBefore`. */
export function classifierSource(kinds?: readonly UnitKind[]): string {
  const list = CLASSIFIERS.filter((c) => !kinds || kinds.includes(c.kind)).sort((a, b) => b.unit.length - a.unit.length);
  return `(?:${list.map((c) => (c.notBefore ? `${c.unit}(?!${c.notBefore})` : c.unit)).join('|')})`;
}
