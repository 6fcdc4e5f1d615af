/** Regulations: every 《title》, with the action of the verb before it, shared along a chain of titles. */
import { describe, expect, it } from 'vitest';
import { docOf, notice } from './helpers.js';
import { extractRegulations, findTitles } from '../pipeline/extract/extractRegulations.js';

const regs = (text: string) => extractRegulations(docOf(text)).value.map((r) => [r.title, r.action]);

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
