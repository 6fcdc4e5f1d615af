/** Measures: enumerated items, run-in leads, action sentences; status from the enclosing category heading. */
import { describe, expect, it } from 'vitest';
import { docOf, notice } from './helpers.js';
import { extractMeasures, statusOf } from '../pipeline/extract/extractMeasures.js';
import { buildSections } from '../pipeline/structure/buildSections.js';

function measures(text: string) {
  const doc = docOf(text);
  return extractMeasures(doc, buildSections(doc, null).value.sections).value;
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

  it('done under 已完成, ongoing under 长期/阶段性, planned under 下一步, null elsewhere', () => {
    expect(measures(sampleNotice).map((m) => [m.text, m.status])).toEqual([
      ['成立领导小组，研究部署整改工作。', null],
      ['修订议事规则。', 'done'],
      ['制定采购办法。', 'done'],
      ['持续推进新馆建设。', 'ongoing'],
      ['加快推进新馆建设。', 'planned'],
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
