import { describe, expect, it } from 'vitest';
import { notice } from './helpers.js';
import type { Section } from '../output/schema.js';

/** The tree as "marker title" lines indented by level. */
function outline(ss: readonly Section[], indent = ''): string[] {
  return ss.flatMap((s) => [`${indent}${s.marker} ${s.title}`, ...outline(s.children, `${indent}  `)]);
}

const OPEN = '根据市委统一部署，2024年3月1日至4月20日，市委第二巡察组对临湖市档案局进行了巡察。5月10日，巡察组反馈了意见。现将整改情况予以公布。\n';
const CLOSE = '欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0731-5551234；电子邮箱：jd@example.gov.cn。\n临湖市档案局\n2024年8月20日\n';

describe('section tree', () => {
  it('（一） after 一、 nests as a child, and 1. under （一） as a grandchild', () => {
    const doc = notice(`${OPEN}一、组织落实情况\n（一）加强领导\n1.成立领导小组\n正文。\n2.压实责任\n正文。\n（二）完善制度\n正文。\n二、下一步工作计划\n正文。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual([
      '一、 组织落实情况',
      '  （一） 加强领导',
      '    1. 成立领导小组',
      '    2. 压实责任',
      '  （二） 完善制度',
      '二、 下一步工作计划',
    ]);
    expect(doc.sections[0]!.children[0]!.children[1]!.id).toBe('1.1.2');
    expect(doc.sections[1]!.level).toBe(1);
  });

  it('a notice that starts at （一） has （一） at level 1', () => {
    const doc = notice(`${OPEN}（一）整改工作组织情况\n1.加强组织领导\n正文。\n（二）问题整改情况\n正文。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual(['（一） 整改工作组织情况', '  1. 加强组织领导', '（二） 问题整改情况']);
    expect(doc.sections[0]!.level).toBe(1);
  });

  it('1. directly under 一、 in one section and under （一） in the next both nest right', () => {
    const doc = notice(`${OPEN}一、提高认识\n1.深化认识。正文。\n2.加强领导。正文。\n二、推进整改\n（一）关于学习的问题\n1.完善制度\n正文。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual(['一、 提高认识', '  1. 深化认识', '  2. 加强领导', '二、 推进整改', '  （一） 关于学习的问题', '    1. 完善制度']);
  });

  it('a run-in heading’s title ends before its first 。', () => {
    const doc = notice(`${OPEN}一、整改情况\n（一）关于制度执行不严的问题。整改情况：修订制度3项。\n${CLOSE}`);
    const s = doc.sections[0]!.children[0]!;
    expect(s.title).toBe('关于制度执行不严的问题');
    expect(doc.text.slice(s.titleSpan.start, s.titleSpan.end)).toBe(s.title);
  });

  it('a run-in title that quotes the problem keeps the 。 inside the quotation marks', () => {
    const doc = notice(`${OPEN}一、整改情况\n（一）在“落实主体责任不够有力。班子未组织专题学习”方面。一是制定学习计划。二是开展专题学习4次。\n${CLOSE}`);
    const s = doc.sections[0]!.children[0]!;
    expect(s.title).toBe('在“落实主体责任不够有力。班子未组织专题学习”方面');
    expect(doc.measures.filter((m) => m.section === s.id).map((m) => m.text)).toEqual(['制定学习计划。', '开展专题学习4次。']);
  });

  it('recognises every marker family: 1、 1． (1) ① ㈠ ⑴ 第一部分', () => {
    const doc = notice(`${OPEN}第一部分 总体情况\n一、组织\n㈠领导\n1、成立小组\n⑴召开会议\n①部署\n正文。\n(2)督导\n正文。\n2．压实\n正文。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual([
      '第一部分 总体情况',
      '  一、 组织',
      '    ㈠ 领导',
      '      1、 成立小组',
      '        ⑴ 召开会议',
      '          ① 部署',
      '        (2) 督导',
      '      2． 压实',
    ]);
    const styles: string[] = [];
    const walk = (ss: readonly Section[]) => ss.forEach((s) => (styles.push(s.style), walk(s.children)));
    walk(doc.sections);
    expect(styles).toEqual(['cn-part', 'cn-dun', 'cn-paren', 'arabic-dun', 'arabic-paren', 'circled', 'arabic-paren', 'arabic-dot']);
  });

  it('inline enumerations (一是…, 第一，…, ① inside a paragraph) are not sections', () => {
    const doc = notice(`${OPEN}一、整改措施\n一是加强学习。二是完善制度。\n第一，压实责任；第二，强化监督。\n开展检查①排查风险②建立台账。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual(['一、 整改措施']);
  });

  it('lines starting with a year, an amount or 三、四月份 are body text, not headings', () => {
    const doc = notice(`${OPEN}一、整改情况\n（一）资金管理\n2023年，共清理资金2笔。\n1.25亿元资金已拨付到位。\n三、四月份，开展专项检查。\n（二）制度建设\n正文。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual(['一、 整改情况', '  （一） 资金管理', '  （二） 制度建设']);
  });

  it('keeps the closing (欢迎…监督, contacts, signature, date, 附件, 抄送) out of every section', () => {
    const doc = notice(`${OPEN}一、整改情况\n正文。\n欢迎广大干部群众监督。\n临湖市档案局\n2024年8月20日\n附件：1.整改任务清单\n2.制度汇编目录\n抄送：市委巡察办。\n`);
    expect(outline(doc.sections)).toEqual(['一、 整改情况']);
    const closing = doc.parts.closing!;
    expect(doc.text.slice(closing.start, closing.end).startsWith('欢迎广大干部群众监督。')).toBe(true);
    expect(doc.sections[0]!.span.end).toBe(closing.start);
  });

  it('1、 and 2． mixed at one level are siblings (one nesting family)', () => {
    const doc = notice(`${OPEN}一、甲\n1、子一\n正文。\n2．子二\n正文。\n${CLOSE}`);
    expect(outline(doc.sections)).toEqual(['一、 甲', '  1、 子一', '  2． 子二']);
    expect(doc.diagnostics.filter((d) => d.code.startsWith('structure/'))).toEqual([]);
  });

  it('a skipped number gives a structure/ordinal-gap warning, a repeated one structure/ordinal-repeat', () => {
    const gap = notice(`${OPEN}一、甲\n（一）子一\n正文。\n（三）子三\n正文。\n${CLOSE}`);
    expect(gap.diagnostics.map((d) => [d.severity, d.code])).toContainEqual(['warning', 'structure/ordinal-gap']);
    expect(outline(gap.sections)).toEqual(['一、 甲', '  （一） 子一', '  （三） 子三']);
    const rep = notice(`${OPEN}一、甲\n1.子一\n正文。\n1.子一又\n正文。\n${CLOSE}`);
    expect(rep.diagnostics.map((d) => d.code)).toContain('structure/ordinal-repeat');
    expect(rep.status).toBe('ok');
  });

  it('a text without numbered headings has no sections and a structure/no-sections warning', () => {
    const doc = notice('区档案馆认真开展整改工作。\n下一步将继续推进。\n');
    expect(doc.sections).toEqual([]);
    expect(doc.diagnostics.map((d) => d.code)).toContain('structure/no-sections');
    expect(doc.parts.preamble).toEqual({ start: 0, end: doc.text.length });
  });

  it('the title line is recognised and stays in the preamble', () => {
    const doc = notice(`中共临湖市档案局党组关于巡察整改进展情况的通报\n${OPEN}一、整改情况\n正文。\n${CLOSE}`);
    expect(doc.meta.title).toBe('中共临湖市档案局党组关于巡察整改进展情况的通报');
    expect(doc.parts.preamble!.start).toBe(0);
  });
});

describe('metadata', () => {
  it('reads inspector, kind, periods, feedback with an implied year, signature date and contacts', () => {
    const doc = notice(`${OPEN}一、整改情况\n正文。\n公开期限：2024年8月20日至9月20日。\n${CLOSE}`);
    const { evidence, ...m } = doc.meta;
    expect(m).toMatchObject({
      unit: '临湖市档案局',
      inspector: '市委第二巡察组',
      inspectionKind: '巡察',
      inspectionPeriod: { start: '2024-03-01', end: '2024-04-20' },
      feedbackDate: '2024-05-10',
      publishedDate: '2024-08-20',
      publicityPeriod: { start: '2024-08-20', end: '2024-09-20' },
      contacts: { phones: ['0731-5551234'], emails: ['jd@example.gov.cn'] },
    });
    const fb = doc.dates.find((d) => d.start === '2024-05-10')!;
    expect(fb.implied).toEqual(['year']);
    expect(evidence['feedbackDate']!.text).toBe('5月10日');
  });
});
