/** Counts: values, units, objects and approximations; money in yuan; and everything that is not a count. */
import { describe, expect, it } from 'vitest';
import { notice, docOf } from './helpers.js';
import { extractCounts, type CountItem } from '../pipeline/extract/extractCounts.js';
import { extractDates } from '../pipeline/extract/extractDates.js';

/** Counts of a bare text, run as the pipeline runs them (date mentions blocked). */
function counts(text: string): CountItem[] {
  const doc = docOf(text);
  return extractCounts(doc, extractDates(doc).value.map((d) => d.span)).value;
}
const one = (text: string) => {
  const cs = counts(text);
  expect(cs, JSON.stringify(cs.map((c) => c.text))).toHaveLength(1);
  return cs[0]!;
};

describe('counts: values, units and objects', () => {
  it('10项规章制度 → 10, 项, object 规章制度', () => {
    expect(one('新建和修订了10项规章制度,强化制度刚性约束。')).toMatchObject({ text: '10项规章制度', value: 10, unit: '项', object: '规章制度', approx: null });
  });

  it('近两百场活动 → 200, 场, 活动, under', () => {
    expect(one('举办近两百场活动,吸引游客。')).toMatchObject({ text: '近两百场活动', value: 200, unit: '场', object: '活动', approx: 'under' });
  });

  it('约15万游客 → 150000, no classifier, object 游客, about', () => {
    expect(one('吸引约15万游客到访。')).toMatchObject({ text: '约15万游客', value: 150000, unit: null, object: '游客', approx: 'about' });
  });

  it('the object before the number when none follows: 反馈问题688个 → 问题', () => {
    expect(one('巡察反馈问题688个，')).toMatchObject({ value: 688, unit: '个', object: '问题' });
  });

  it('the object before a count just before: 审计发现问题5个方面21个 → 21个 counts 问题', () => {
    const cs = counts('审计发现问题5个方面21个，涉及金额');
    expect(cs.map((c) => [c.text, c.object])).toEqual([
      ['5个方面', '方面'],
      ['21个', '问题'],
    ]);
  });

  it('vague modifiers are no part of the object: 14个具体问题 → 问题', () => {
    expect(one('梳理出14个具体问题。')).toMatchObject({ text: '14个具体问题', object: '问题' });
  });

  it('the object stops at its head noun: 38户子企业章程 → 子企业', () => {
    expect(one('写入38户子企业章程。')).toMatchObject({ value: 38, unit: '户', object: '子企业' });
  });

  it('objects are not cut short: 11个设区市, 29家市直单位, 7件师德问题线索, 3个联合实验室', () => {
    expect(counts('覆盖11个设区市和29家市直单位，核查7件师德问题线索，共建3个联合实验室。').map((c) => [c.text, c.object])).toEqual([
      ['11个设区市', '设区市'],
      ['29家市直单位', '市直单位'],
      ['7件师德问题线索', '师德问题线索'],
      ['3个联合实验室', '联合实验室'],
    ]);
  });

  it('a classifier that selects its nouns ends the object: 3名镇村干部党纪处分 → 镇村干部', () => {
    expect(one('给予3名镇村干部党纪处分。')).toMatchObject({ text: '3名镇村干部', object: '镇村干部' });
  });

  it('a relative clause after the classifier is passed over; the text stays number and classifier', () => {
    expect(one('对2篇存在问题的学位论文启动复核。')).toMatchObject({ text: '2篇', object: '学位论文' });
  });

  it('the object before the number is the whole phrase: 建设经费, 党纪政务处分, 整改工作简报', () => {
    expect(counts('全镇落实农村道路和人居环境建设经费1.6亿元，给予党纪政务处分5人，编发整改工作简报12期。').map((c) => [c.text, c.object])).toEqual([
      ['1.6亿元', '建设经费'],
      ['5人', '党纪政务处分'],
      ['12期', '整改工作简报'],
    ]);
  });

  it('an activity counted in people or times: 诫勉谈话24人, 集体学习14次, 带队督导整改9次', () => {
    expect(counts('诫勉谈话24人，镇党委开展集体学习14次，带队督导整改9次。').map((c) => c.object)).toEqual(['诫勉谈话', '集体学习', '督导整改']);
  });

  it('a continuation takes the object of its list: 已完成整改19个、正在整改6个 → 问题', () => {
    expect(counts('对反馈的25个问题，已完成整改19个、正在整改6个。').map((c) => [c.text, c.object])).toEqual([
      ['25个问题', '问题'],
      ['19个', '问题'],
      ['6个', '问题'],
    ]);
  });

  it('a verb before the object it takes is no part of it: 巡察反馈问题共九个 → 问题, 建立完善制度8项 → 制度', () => {
    expect(counts('巡察反馈问题共九个，建立完善制度8项。').map((c) => c.object)).toEqual(['问题', '制度']);
  });

  it('a short parenthesis or quotation is part of the object, as the text writes it', () => {
    expect(counts('整顿村（社区）党组织36个，处置“僵尸”企业9家。').map((c) => c.object)).toEqual(['村（社区）党组织', '“僵尸”企业']);
  });

  it('a verb after the classifier is no object: 整改23个 has none', () => {
    expect(one('已完成整改23个，')).toMatchObject({ value: 23, unit: '个', object: null });
  });

  it('人次, 场次 and 个百分点 are read as whole units', () => {
    expect(counts('培训1,050人次，演练48场次，提高2.1个百分点。').map((c) => [c.value, c.unit])).toEqual([
      [1050, '人次'],
      [48, '场次'],
      [2.1, '个百分点'],
    ]);
  });

  it('Chinese numerals: 十五次, 一百零五亩, 两千三百余户, 九万四亩, 两次', () => {
    expect(counts('召开会议十五次，流转一百零五亩，覆盖两千三百余户，面积九万四亩，督查两次。').map((c) => [c.value, c.unit, c.approx])).toEqual([
      [15, '次', null],
      [105, '亩', null],
      [2300, '户', 'over'],
      [94000, '亩', null],
      [2, '次', null],
    ]);
  });

  it('approximations: 约/左右 about, 近/不到/以下 under, 余/多/超过/以上 over', () => {
    const got = counts('约30人，50人左右，将近20场，不到10家，35岁以下，380余人次，1300多户，超过18万人，40%以上。').map((c) => [c.text, c.approx]);
    expect(got).toEqual([
      ['约30人', 'about'],
      ['50人左右', 'about'],
      ['将近20场', 'under'],
      ['不到10家', 'under'],
      ['35岁以下', 'under'],
      ['380余人次', 'over'],
      ['1300多户', 'over'],
      ['超过18万人', 'over'],
      ['40%以上', 'over'],
    ]);
  });
});

describe('counts: money and percentages', () => {
  it.each([
    ['追回资金15万元。', 150000],
    ['投资1.25亿元。', 125000000],
    ['涉及3,560.8万元。', 35608000],
    ['罚款人民币壹拾贰万元整。', 120000],
    ['共计463,000元。', 463000],
    ['清退三百零五万元。', 3050000],
    ['挽回损失5000余万元。', 50000000],
  ])('%s → %s yuan, unit 元', (text, value) => {
    expect(one(text)).toMatchObject({ value, unit: '元' });
  });

  it('人民币…元整 is in the span', () => {
    expect(one('罚款人民币壹拾贰万元整。').text).toBe('人民币壹拾贰万元整');
  });

  it('98.71% → 98.71 unit %; 百分之九十八点七一 too', () => {
    expect(one('完成率98.71%。')).toMatchObject({ value: 98.71, unit: '%' });
    expect(one('完成率百分之九十八点七一。')).toMatchObject({ value: 98.71, unit: '%' });
  });

  it('低于60% → under', () => {
    expect(one('对执行率低于60%的项目')).toMatchObject({ text: '低于60%', value: 60, approx: 'under' });
  });
});

describe('counts: what is not a count', () => {
  it.each([
    ['slogans', '树牢“四个意识”，坚定“四个自信”，做到“两个维护”，落实两个确立。'],
    ['formulas', '落实一岗双责，执行三重一大，坚持三会一课，落实“第一议题”制度。'],
    ['quoted slogans with numerals', '严格落实“六必谈”，推动落实“1114”工作体系，建立“三张清单”，推介“三带三区”。'],
    ['ordinals', '第一时间成立领导小组，履行第一责任人责任，第二巡察组进驻，第3次会议。'],
    ['phone numbers', '联系电话:0757-86229618;'],
    ['postcodes', '邮政编码:528000;'],
    ['document numbers', '印发方案(青交投党〔2024〕15号),依据[2023]7号文件。'],
    ['house numbers', '地址:天佑四路56号。'],
    ['years and dates', '2023年6月7日至7月28日，2023年度，二〇二四年三月二十五日。'],
    ['articles 一+classifier', '开展新一轮巡察，整改一项、销号一项，形成一批成果。'],
    ['named programmes and ranks', '实施十大民生工程，建设五大中心，下属二级单位，评为五级。'],
    ['congress sessions', '十四届省委第三轮巡视，十九届六次全会精神。'],
    ['titles', '制定《干部队伍建设三年规划》和《九项准则》。'],
    ['indefinite numbers', '数十家企业参加。'],
    ['durations reaching back', '近3年来,连续多年。'],
    ['periods', '每两周调度一次。'],
    ['two-digit years of dates', '于23年11月9日召开反馈会。'],
  ])('%s', (_what, text) => {
    expect(counts(text).map((c) => c.text)).toEqual([]);
  });

  it('a number inside a date mention is never a count (2024年3月25日 has no 25日 count)', () => {
    expect(counts('公开期限:2024年3月25日至4月25日。')).toEqual([]);
  });

  it('1次 (Arabic) is a count, 一次 (an article) is not', () => {
    expect(counts('召开专题民主生活会1次，每季度召开一次。').map((c) => c.text)).toEqual(['1次']);
  });
});

describe('counts in the pipeline', () => {
  it('carry span, text, section and rule, and every span slices to its text', () => {
    const text = '一、整改情况\n新建制度16项，追回资金126.4万元，完成率95.8%。\n';
    const doc = notice(text);
    expect(doc.counts.map((c) => [c.text, c.section, c.rule])).toEqual([
      ['16项', '1', 'count/classifier'],
      ['126.4万元', '1', 'count/money'],
      ['95.8%', '1', 'count/percent'],
    ]);
    for (const c of doc.counts) expect(doc.text.slice(c.span.start, c.span.end)).toBe(c.text);
    expect(doc.counts[0]!.object).toBe('制度');
  });
});
