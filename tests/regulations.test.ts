/** Regulations: every 《title》, with the action of the verb before it, shared along a chain of titles. */
import { describe, expect, it } from 'vitest';
import { docOf, notice } from './helpers.js';
import { extractRegulations, findTitles } from '../pipeline/extract/extractRegulations.js';
import { buildSections } from '../pipeline/structure/buildSections.js';

const items = (text: string) => {
  const doc = docOf(text);
  return extractRegulations(doc, buildSections(doc, null).value.sections).value;
};
const regs = (text: string) => items(text).map((r) => [r.title, r.action]);
const rules = (text: string) => items(text).map((r) => [r.title, r.action, r.rule]);

describe('regulations', () => {
  it.each([
    ['制定《A办法》，', 'made'],
    ['出台《A办法》，', 'made'],
    ['新建《A办法》，', 'made'],
    ['建立《A制度》，', 'made'],
    ['印发《A方案》（青交投党〔2024〕15号），', 'made'],
    ['起草《A规定》，', 'made'],
    ['逐条研究制定《A方案》，', 'made'],
    ['学校党委制定了《A方案》，', 'made'],
    ['修订《A规则》，', 'revised'],
    ['修改《A规则》，', 'revised'],
    ['修订完善学校《A办法》，', 'revised'],
    ['根据《A条例》有关规定，', 'cited'],
    ['按照《A意见》要求，', 'cited'],
    ['依据《A条例》等规定，', 'cited'],
    ['对照《A条例》，对局属党支部开展验收', 'cited'],
    ['严格执行《A办法》（北水〔2023〕7号），', 'cited'],
    ['严格按照《A范例》开展党总支建设', 'cited'],
    ['《A规划》已于2024年1月经省政府批复实施', null],
  ] as const)('%s → %s', (text, action) => {
    expect(regs(text)).toEqual([['A' + text.split('《A')[1]!.split('》')[0]!, action]]);
  });

  it('a chain of titles after one verb shares it: 修订《A》《B》, 修订《A》和《B》, 根据《A》和《B》', () => {
    expect(regs('修订《A办法》《B办法》，')).toEqual([['A办法', 'revised'], ['B办法', 'revised']]);
    expect(regs('一是修订《A规则》和《B规则》，明确')).toEqual([['A规则', 'revised'], ['B规则', 'revised']]);
    expect(regs('根据《A条例》和《B条例》有关规定')).toEqual([['A条例', 'cited'], ['B条例', 'cited']]);
  });

  it('each title takes its own nearest verb: 严格执行《A》，修订《B》', () => {
    expect(regs('严格执行《A条例》，修订《B规则》《C规则》，')).toEqual([['A条例', 'cited'], ['B规则', 'revised'], ['C规则', 'revised']]);
  });

  it('新建和修订了《A》 names both actions: null (the text does not say which)', () => {
    expect(regs('新建和修订了《南海区档案馆领导班子会议议事规则》等10项规章制度')).toEqual([['南海区档案馆领导班子会议议事规则', null]]);
  });

  it('a title that modifies a noun is not acted on: 对照《…规划》中期评估结果 → null', () => {
    expect(regs('对照《云岭理工大学“十四五”事业发展规划》中期评估结果，调整学科布局')).toEqual([['云岭理工大学“十四五”事业发展规划', null]]);
  });

  it('titles keep inner brackets and quotes: 〈〉, （）, “”', () => {
    const t = '修订《南开大学贯彻落实〈中国共产党党委（党组）理论学习中心组学习规则〉的实施办法》，';
    expect(regs(t)).toEqual([['南开大学贯彻落实〈中国共产党党委（党组）理论学习中心组学习规则〉的实施办法', 'revised']]);
  });

  it.each([
    ['印发《柳汀镇党委落实县委第二巡察组反馈意见整改方案》，', 'regulation/rectification-plan'],
    ['制定了《中共河湾县水利局党组巡察整改工作方案》，', 'regulation/rectification-plan'],
    ['制定《关于落实市委巡察反馈问题的整改落实工作方案》（河发〔2024〕7 号），', 'regulation/rectification-plan'],
    ['建立《河湾县水利局巡察整改任务清单》，', 'regulation/rectification-list'],
    ['印发《问题清单》，', 'regulation/rectification-list'],
    ['印发《关于成立巡察整改工作专班的通知》（河委〔2024〕4号），', 'regulation/rectification-notice'],
    ['按照《河湾县2023年度审计工作报告》要求，', 'regulation/report'],
    ['认真学习《县委第三巡察组关于巡察县水利局党组的反馈意见》，', 'regulation/feedback'],
  ] as const)('a working document of the rectification is no regulation: %s → null (%s)', (text, rule) => {
    expect(items(text).map((r) => [r.action, r.rule])).toEqual([[null, rule]]);
  });

  it.each([
    ['出台了《河湾县节水型社会建设行动方案》，', 'made'],
    ['制定《县水利局党组落实全面从严治党主体责任清单》，', 'made'],
    ['制定《县水利局招标采购负面行为清单》，', 'made'],
    ['修订了《县水利局关于加强干部监督的实施意见》，', 'revised'],
    ['制定《河湾县水利工程建设管理实施细则》，', 'made'],
    ['修订《县水利局机关公务接待管理规定》，', 'revised'],
  ] as const)('a standing rule or plan the unit adopts keeps the verb: %s → %s', (text, action) => {
    expect(regs(text).map(([, a]) => a)).toEqual([action]);
  });

  it('a chain shares the verb past a working document: 印发《整改方案》和《A办法》', () => {
    expect(rules('印发《县水利局巡察反馈意见整改方案》和《县水利局河道采砂管理办法》，')).toEqual([
      ['县水利局巡察反馈意见整改方案', null, 'regulation/rectification-plan'],
      ['县水利局河道采砂管理办法', 'made', 'regulation/made+chain'],
    ]);
  });

  it('a short name set up by 以下简称 is no regulation, and names the working document it abbreviates', () => {
    const text = '局党组制定了《县水利局党组落实县委巡察反馈意见的实施方案》（以下简称《方案》），并修订《县水利局采购管理办法》。严格按照《方案》推进。';
    expect(rules(text)).toEqual([
      ['县水利局党组落实县委巡察反馈意见的实施方案', null, 'regulation/rectification-plan'],
      ['方案', null, 'regulation/alias'],
      ['县水利局采购管理办法', 'revised', 'regulation/revised'],
      ['方案', null, 'regulation/rectification-plan+alias'],
    ]);
  });

  it('the short name of a standing rule is not a second regulation, but later mentions keep their verb', () => {
    expect(rules('修订《河湾县河道管理办法》（以下简称“管理办法”），严格执行《管理办法》。')).toEqual([
      ['河湾县河道管理办法', 'revised', 'regulation/revised'],
      ['管理办法', 'cited', 'regulation/cited'],
    ]);
  });

  it('a plan is not a regulation made: 计划/拟…修订《…》, and made/revised titles in a section of plans', () => {
    expect(rules('计划于2024年6月底前修订《县水利局财务管理办法》，')).toEqual([['县水利局财务管理办法', null, 'regulation/planned']]);
    const text = '一、整改情况\n修订《县水利局合同管理办法》，明确审查流程。\n二、下一步工作安排\n（一）健全长效机制。推动出台《县水利局工程变更管理办法》，严格执行《县水利局采购管理办法》。\n';
    expect(rules(text)).toEqual([
      ['县水利局合同管理办法', 'revised', 'regulation/revised'],
      ['县水利局工程变更管理办法', null, 'regulation/made+planned'],
      ['县水利局采购管理办法', 'cited', 'regulation/cited'],
    ]);
  });

  it('in the indicators: working documents and plans stay out of the titles made/revised and of their counts', () => {
    const text =
      '根据县委巡察工作统一部署，现将整改情况公布。\n一、整改情况\n局党组印发《县水利局党组落实县委巡察反馈意见整改方案》，同步制定《县水利局河道采砂管理办法》，修订《县水利局合同管理办法》。\n二、下一步工作安排\n拟修订《县水利局财务管理办法》。\n';
    const i = notice(text).indicators!;
    expect(i.regulationsMadeTitles).toEqual(['县水利局河道采砂管理办法']);
    expect(i.regulationsRevisedTitles).toEqual(['县水利局合同管理办法']);
    expect(i.regulationsMade).toMatchObject({ value: 1, rule: 'indicator/regulations-made-titles', text: null });
    expect(i.regulationsRevised).toMatchObject({ value: 1, rule: 'indicator/regulations-revised-titles', text: null });
  });

  it('in the indicators: a stated figure wins over the titles and says so (text and span of the figure)', () => {
    const text = '根据县委巡察工作统一部署，现将整改情况公布。\n一、整改情况\n整改期间新制定制度6项、修订制度4项。制定《县水利局河道采砂管理办法》。\n';
    const i = notice(text).indicators!;
    expect(i.regulationsMade).toMatchObject({ value: 6, rule: 'indicator/regulations-made', text: '6项' });
    expect(i.regulationsMadeTitles).toEqual(['县水利局河道采砂管理办法']);
  });

  it('an unclosed 《 on a line gives no title', () => {
    expect(findTitles('制定《A办法\n修订《B办法》')).toEqual([{ start: 10, end: 13 }]);
  });

  it('in the pipeline: span is the title inside 《》, with section and rule; cited laws in the preamble have section null', () => {
    const doc = notice('根据《中国共产党巡视工作条例》有关规定，现将整改情况公布。\n一、整改情况\n修订《采购管理办法》，明确限额。\n');
    expect(doc.regulations.map((r) => [r.title, r.action, r.section, r.rule])).toEqual([
      ['中国共产党巡视工作条例', 'cited', null, 'regulation/cited'],
      ['采购管理办法', 'revised', '1', 'regulation/revised'],
    ]);
    for (const r of doc.regulations) expect(doc.text.slice(r.span.start, r.span.end)).toBe(r.text);
  });
});
