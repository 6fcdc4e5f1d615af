/** Measures: enumerated items, run-in leads, action sentences; status from the enclosing category heading. */
import { describe, expect, it } from 'vitest';
import { docOf, notice } from './helpers.js';
import { extractMeasures, statusOf } from '../pipeline/extract/extractMeasures.js';
import { buildSections } from '../pipeline/structure/buildSections.js';

function measures(text: string) {
  const doc = docOf(text);
  return extractMeasures(doc, buildSections(doc, null).value).value;
}
const texts = (text: string) => measures(text).map((m) => m.text);

describe('measures: shapes', () => {
  it('一是…二是…三是 inside a paragraph: one measure each, the enumerator left out', () => {
    expect(texts('一、整改情况\n一是完善库房安全硬件设施。二是加强库房安全巡查；三是完善制度。')).toEqual([
      '完善库房安全硬件设施。',
      '加强库房安全巡查；',
      '完善制度。',
    ]);
  });

  it('a lead-in before the enumeration (整改情况：, 针对…的问题，) is no measure', () => {
    expect(texts('一、整改情况\n1.采购不规范的问题。整改情况：一是修订采购办法；二是开展专项检查。')).toEqual(['修订采购办法；', '开展专项检查。']);
    expect(texts('一、整改情况\n针对登记难的问题，一是建立工作机制；二是集中办证。')).toEqual(['建立工作机制；', '集中办证。']);
  });

  it('第一，…第二，… and ①…② and inline （1）…（2）', () => {
    expect(texts('一、情况\n第一,盘活闲置资产;第二,推行合作社模式。')).toEqual(['盘活闲置资产;', '推行合作社模式。']);
    expect(texts('一、情况\n修订细则，①开展全面排查；②规范审核流程。')).toEqual(['开展全面排查；', '规范审核流程。']);
    expect(texts('一、情况\n主要措施：（1）完善制度建设；（2）强化监督检查。')).toEqual(['完善制度建设；', '强化监督检查。']);
  });

  it('enumerators must count up: a stray 三是 without 一是 starts nothing', () => {
    expect(texts('一、情况\n这是重点，三是关键。加强学习。')).toEqual(['这是重点，三是关键。', '加强学习。']);
  });

  it('第一时间 is no enumerator', () => {
    expect(texts('一、情况\n第一时间成立领导小组，研究部署整改工作。')).toEqual(['第一时间成立领导小组，研究部署整改工作。']);
  });

  it('run-in lead sentences cut a paragraph: 聚焦问题抓整改。… 标本兼治抓整改。…', () => {
    const ms = measures('一、组织落实\n（三）优化整改措施\n聚焦问题抓整改。对照反馈意见,制定整改方案。标本兼治抓整改。建立长效机制。强化监督抓整改。跟进整改进度。');
    expect(ms.map((m) => [m.text, m.rule])).toEqual([
      ['聚焦问题抓整改。对照反馈意见,制定整改方案。', 'measure/lead'],
      ['标本兼治抓整改。建立长效机制。', 'measure/lead'],
      ['强化监督抓整改。跟进整改进度。', 'measure/lead'],
    ]);
  });

  it('otherwise one measure per sentence with a verb', () => {
    expect(measures('一、情况\n加强统筹谋划,加大培养力度。补充专业人才；严格执行制度。').map((m) => [m.text, m.rule])).toEqual([
      ['加强统筹谋划,加大培养力度。', 'measure/sentence'],
      ['补充专业人才；', 'measure/sentence'],
      ['严格执行制度。', 'measure/sentence'],
    ]);
  });

  it('a run-in heading’s title is no measure; its body after the first 。 is', () => {
    expect(texts('一、整改情况\n（一）持续推进学位扩容。一是制定建设规划。二是启动新建项目。')).toEqual(['制定建设规划。', '启动新建项目。']);
  });

  it('the preamble and the closing hold no measures', () => {
    const doc = notice('根据巡察工作部署，现将整改情况公布如下。\n一、整改情况\n一是修订制度。二是开展检查。\n欢迎广大干部群众对巡察整改落实情况进行监督。\n联系电话:0757-86229618\n');
    expect(doc.measures.map((m) => m.text)).toEqual(['修订制度。', '开展检查。']);
  });
});

describe('measures: what is a measure', () => {
  it('background, opinion, slogans, the problem and sentences that only state totals are no measures', () => {
    const text = [
      '一、整改工作总体情况',
      '党的十八大以来，学院党委坚持全面从严治党。学院党委认为，这次巡视是一次政治体检。只有把问题改到位，才能赢得信任。巡视指出，学院落实主体责任有差距。截至2024年5月31日，反馈的18个问题已完成整改16个。通过整改，学院新建制度6项。学院党委召开了专题会议。',
    ].join('\n');
    expect(texts(text)).toEqual(['学院党委召开了专题会议。']);
  });

  it('the problem a measure answers and labels are taken off its start', () => {
    expect(texts('一、整改情况\n针对报销审核不严的问题，局党组修订了财务报销规程。整改情况：清退违规发放的补贴2.4万元。')).toEqual([
      '局党组修订了财务报销规程。',
      '清退违规发放的补贴2.4万元。',
    ]);
  });

  it('a notice without headings has the measures of its paragraphs, not of its opening, title or closing', () => {
    const doc = notice(
      [
        '县林业局党组关于巡察整改进展情况的通报',
        '根据县委统一部署，县委第二巡察组对县林业局党组开展了常规巡察。现将整改进展情况公布如下。',
        '一是修订《局机关财务管理办法》。二是正在推进林权档案数字化。',
        '下一步，局党组将持续巩固整改成果。',
        '欢迎广大干部群众对巡察整改落实情况进行监督。',
        '县林业局党组',
        '2024年6月3日',
      ].join('\n'),
    );
    expect(doc.sections).toEqual([]);
    expect(doc.measures.map((m) => [m.text, m.section, m.status])).toEqual([
      ['修订《局机关财务管理办法》。', null, 'done'],
      ['正在推进林权档案数字化。', null, 'ongoing'],
      ['下一步，局党组将持续巩固整改成果。', null, 'planned'],
    ]);
  });

  it('一是/二是/三是 split alike whether they share a paragraph or stand in paragraphs of their own', () => {
    const one = texts('一、整改情况\n一是强化政治引领。学院党委召开专题会议。二是健全制度。修订《采购办法》。');
    const apart = texts('一、整改情况\n一是强化政治引领。学院党委召开专题会议。\n二是健全制度。修订《采购办法》。');
    expect(one).toEqual(['强化政治引领。学院党委召开专题会议。', '健全制度。修订《采购办法》。']);
    expect(apart).toEqual(one);
  });

  it('the last item of an inline list ends with its sentence unless it opens with a lead', () => {
    expect(texts('一、整改情况\n一是修订采购办法；二是局财务科已逐笔复核报销凭证。局纪检组约谈了两名科室负责人。')).toEqual([
      '修订采购办法；',
      '局财务科已逐笔复核报销凭证。',
      '局纪检组约谈了两名科室负责人。',
    ]);
    expect(texts('一、整改情况\n一是修订采购办法；二是强化内控，压实责任。局纪检组每季度抽查一次。')).toEqual(['修订采购办法；', '强化内控，压实责任。局纪检组每季度抽查一次。']);
  });
});

describe('measures: status', () => {
  const sampleNotice = [
    '一、组织落实情况',
    '成立领导小组，研究部署整改工作。',
    '二、集中整改期内已完成的整改事项',
    '（一）制度建设',
    '一是修订议事规则。二是制定采购办法。',
    '三、对长期整改任务采取的重要举措和取得的阶段性成效',
    '一是持续推进新馆建设。',
    '四、下一步工作计划',
    '（一）持续抓好长期任务整改',
    '一是加快推进新馆建设。',
    '',
  ].join('\n');

  it('the title decides where it names a status (已完成 → done, 长期 → ongoing, 下一步 → planned), the words elsewhere', () => {
    expect(measures(sampleNotice).map((m) => [m.text, m.status, m.statusRule])).toEqual([
      ['成立领导小组，研究部署整改工作。', 'done', 'status/cue-done'],
      ['修订议事规则。', 'done', 'status/done'],
      ['制定采购办法。', 'done', 'status/done'],
      ['持续推进新馆建设。', 'ongoing', 'status/ongoing'],
      ['加快推进新馆建设。', 'planned', 'status/planned'],
    ]);
  });

  it('in a neutral section the measure’s own words decide: 已/了/建立 → done, 正在/持续 → ongoing, 将/力争/…前完成 → planned', () => {
    const ms = measures(
      [
        '一、整改落实情况',
        '一是已建立周调度工作机制；二是正在推进档案数字化改造；三是将于年底前完成库房改造；四是对正在整改的2个问题实行挂牌督办，力争6月底前整改到位；五是加强干部队伍建设。',
        '已将廉洁风险防控纳入年度考核，逐项明确责任。局党组召开了专题民主生活会。将整改完成情况纳入科室绩效考核。',
      ].join('\n'),
    );
    expect(ms.map((m) => [m.text.slice(0, 8), m.status, m.statusRule])).toEqual([
      ['已建立周调度工作', 'done', 'status/cue-done'],
      ['正在推进档案数字', 'ongoing', 'status/cue-ongoing'],
      ['将于年底前完成库', 'planned', 'status/cue-planned'],
      ['对正在整改的2个', 'planned', 'status/cue-planned'],
      ['加强干部队伍建设', null, null],
      ['已将廉洁风险防控', 'done', 'status/cue-done'],
      ['局党组召开了专题', 'done', 'status/cue-done'],
      ['将整改完成情况纳', 'done', 'status/cue-done'],
    ]);
  });

  it('a paragraph led by 下一步 makes its measures planned, whatever their words', () => {
    const ms = measures('下一步，局党组将巩固整改成果。第一，对已完成的问题开展“回头看”；第二，完善长效机制。');
    expect(ms.map((m) => [m.text.slice(0, 6), m.status, m.statusRule])).toEqual([
      ['下一步，局党', 'planned', 'status/planned+paragraph'],
      ['对已完成的问', 'planned', 'status/planned+paragraph'],
      ['完善长效机制', 'planned', 'status/planned+paragraph'],
    ]);
  });

  it('the outermost category heading wins: 四、下一步工作计划 › （一）持续抓好长期任务整改 is planned', () => {
    expect(statusOf(['下一步工作计划', '持续抓好长期任务整改']).status).toBe('planned');
    expect(statusOf(['已完成的整改事项', '制定干部交流轮岗计划']).status).toBe('done');
    expect(statusOf(['整改落实情况', '长期整改任务推进情况']).status).toBe('ongoing');
    expect(statusOf(['组织落实情况']).status).toBeNull();
  });

  it('ids m1, m2… in document order, each with its section', () => {
    const doc = notice(sampleNotice);
    expect(doc.measures.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(doc.measures.map((m) => m.section)).toEqual(['1', '2.1', '2.1', '3', '4.1']);
    for (const m of doc.measures) expect(doc.text.slice(m.span.start, m.span.end)).toBe(m.text);
  });
});
