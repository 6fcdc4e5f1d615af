/** Metadata on the phrasings of published notices: audit reports, team names, two-stretch periods, web copies. */
import { describe, expect, it } from 'vitest';
import { notice } from './helpers.js';

/** The ideographic space web pages and report headers put between fields. */
const SP = '\u3000';
const BODY = '一、整改工作开展情况\n（一）压实整改责任。成立整改工作领导小组。\n二、下一步工作打算\n（一）巩固整改成果。\n';
const WELCOME = '欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0736-5550123；电子邮箱：lcly_xc@example.gov.cn。\n';

describe('audit rectification reports', () => {
  const report = (title: string, commissioned: string) =>
    notice(
      `${title}\n——2024年11月26日在柳川县第十八届人民代表大会常务委员会第十九次会议上\n柳川县审计局局长${SP}韦明川\n主任、各位副主任、秘书长、各位委员：\n` +
        `${commissioned}现将2023年度县本级预算执行和其他财政收支审计查出问题的整改情况报告如下，请予审议。\n` +
        '2024年3月至6月，县审计局依法对2023年度县本级预算执行和其他财政收支情况进行了审计。2024年8月29日，县十八届人大常委会第十七次会议听取和审议了县2023年度审计工作报告。\n' +
        `${BODY}以上报告，请予审议。\n`,
    ).meta;

  it('the unit is the government, the inspector the audit office, the date the subtitle’s', () => {
    const m = report('柳川县人民政府关于2023年度县本级预算执行和其他财政收支审计查出问题整改情况的报告', '受县人民政府委托，');
    expect(m).toMatchObject({
      unit: '柳川县人民政府',
      inspector: '柳川县审计局',
      inspectionKind: '审计',
      inspectionPeriod: { start: '2024-03-01', end: '2024-06-30' },
      feedbackDate: '2024-08-29',
      publishedDate: '2024-11-26',
      contacts: { phones: [], emails: [], address: null, postcode: null },
    });
    expect(m.evidence['publishedDate']).toMatchObject({ text: '2024年11月26日', rule: 'meta/report-date-subtitle' });
    expect(m.evidence['inspectionPeriod']).toMatchObject({ text: '2024年3月至6月', rule: 'meta/inspection-period-month' });
  });

  it('a report headed by the audit office is still the government’s (受…委托), never the office’s or a phrase', () => {
    const m = report('柳川县审计局关于2023年度县本级预算执行和其他财政收支审计查出问题整改情况的报告', '受县人民政府委托，');
    expect(m.unit).toBe('县人民政府');
    expect(m.evidence['unit']!.rule).toBe('meta/unit-commissioned');
    expect(m.inspector).toBe('柳川县审计局');
  });

  it('an audit office signing the report is not the unit', () => {
    const m = notice(
      '关于2023年度县本级预算执行审计查出问题整改情况的报告\n受县人民政府委托，现将整改情况报告如下。\n2024年4月1日至6月14日，柳川县审计局对县本级预算执行情况进行了审计。\n' +
        `${BODY}以上报告，请予审议。\n柳川县审计局\n2024年11月26日\n`,
    ).meta;
    expect(m).toMatchObject({ unit: '县人民政府', inspector: '柳川县审计局', publishedDate: '2024-11-26' });
  });

  it('without a commissioning government, the level the audit covered (县本级)', () => {
    const m = report('关于2023年度县本级预算执行和其他财政收支审计查出问题整改情况的报告', '');
    expect(m.unit).toBe('县本级');
    expect(m.evidence['unit']!.rule).toBe('meta/unit-audit-scope');
  });
});

describe('team names and rounds', () => {
  const opening = (sentence: string) => notice(`中共柳川县林业局党组关于巡察整改进展情况的通报\n${sentence}现将整改进展情况予以公布。\n${BODY}${WELCOME}中共柳川县林业局党组\n2024年6月3日\n`).meta;

  it.each([
    ['2023年9月4日至11月3日，市委巡视六组对柳川县林业局党组进行了巡视。', '市委巡视六组', '巡视', null],
    ['2023年9月4日至11月3日，区委巡察四组对柳川县林业局党组进行了巡察。', '区委巡察四组', '巡察', null],
    ['2023年9月4日至11月3日，市委第四轮第五巡察组对柳川县林业局党组进行了巡察。', '市委第四轮第五巡察组', '巡察', '第四轮'],
    ['根据九届市委第三轮巡察工作安排，2023年9月4日至11月3日，市委第二巡察组对柳川县林业局党组进行了巡察。', '市委第二巡察组', '巡察', '九届市委第三轮巡察'],
  ])('%s', (sentence, inspector, kind, round) => {
    const m = opening(sentence);
    expect(m).toMatchObject({ inspector, inspectionKind: kind, round, unit: '中共柳川县林业局党组' });
  });

  it('a date between the team and 对 still leaves the inspected unit', () => {
    const doc = notice('区委巡察四组于2024年7月9日至9月14日对桃溪街道党工委进行了巡察。10月18日，区委巡察四组召开巡察反馈会。\n一、整改情况\n正文。\n');
    expect(doc.meta).toMatchObject({
      unit: '桃溪街道党工委',
      inspector: '区委巡察四组',
      inspectionPeriod: { start: '2024-07-09', end: '2024-09-14' },
      feedbackDate: '2024-10-18',
    });
  });

  it('a feedback date comes from the 反馈会 sentence, not from what followed it', () => {
    const m = opening('2023年9月4日至11月3日，县委第二巡察组对县林业局党组进行了巡察。反馈会后，2023年12月4日，局党组召开专题会议。2023年12月1日，县委第二巡察组召开巡察反馈会。');
    expect(m.feedbackDate).toBe('2023-12-01');
  });
});

describe('an inspection held in two stretches', () => {
  it('runs from the first start to the last end; the segments are kept and their days added up', () => {
    const doc = notice(
      `中共柳川县林业局党组关于县委巡察整改进展情况的通报\n县委第二巡察组于2023年3月17日至3月22日、5月5日至7月12日对县林业局党组进行了巡察。\n${BODY}${WELCOME}中共柳川县林业局党组\n2024年6月3日\n`,
    );
    expect(doc.meta.inspectionPeriod).toEqual({ start: '2023-03-17', end: '2023-07-12' });
    expect(doc.meta.inspectionSegments).toEqual([
      { start: '2023-03-17', end: '2023-03-22' },
      { start: '2023-05-05', end: '2023-07-12' },
    ]);
    expect(doc.meta.evidence['inspectionPeriod']!.text).toBe('2023年3月17日至3月22日、5月5日至7月12日');
    // 6 days, then 69 days: not the 118 days from the first start to the last end.
    expect(doc.indicators!.inspectionDays).toMatchObject({ value: 75, unit: '天', rule: 'indicator/inspection-days' });
  });

  it('a single range is one segment', () => {
    const doc = notice('2023年6月7日至7月28日，区委第四巡察组对区档案馆进行了巡察。\n一、整改情况\n正文。\n');
    expect(doc.meta.inspectionSegments).toEqual([{ start: '2023-06-07', end: '2023-07-28' }]);
    expect(doc.indicators!.inspectionDays!.value).toBe(52);
  });
});

describe('notices copied from web pages', () => {
  const OPEN = '根据县委统一部署，2023年9月4日至11月3日，县委第二巡察组对县林业局党组进行了巡察。现将整改进展情况予以公布。\n';
  const TITLE = '中共柳川县林业局党组关于县委巡察整改进展情况的通报';
  const FOOTER = '【打印本页】【关闭窗口】\n上一篇：县林业局开展2024年春季森林防火检查\n下一篇：柳川县林业局2023年度部门决算公开说明\n';

  it('the title after a breadcrumb, the date from the 发布时间 line, contacts before the page footer', () => {
    const m = notice(`当前位置：首页 > 巡察整改\n${TITLE}\n发布时间：2024-06-03 09:15\n来源：县林业局${SP}${SP}浏览次数：212\n\n${OPEN}${BODY}${WELCOME}中共柳川县林业局党组\n\n${FOOTER}`).meta;
    expect(m).toMatchObject({ title: TITLE, publishedDate: '2024-06-03', contacts: { phones: ['0736-5550123'], emails: ['lcly_xc@example.gov.cn'] } });
    expect(m.evidence['publishedDate']!.rule).toBe('meta/page-date');
  });

  it('the title after a metadata table; the 日期 line before the 成文日期', () => {
    const m = notice(`索引号：11330911MB1A2B3C4D/2024-00117${SP}发布机构：柳川县林业局\n公开方式：主动公开${SP}成文日期：2024-05-30${SP}文号：无\n${TITLE}\n日期：2024年06月03日${SP}来源：县林业局\n\n${OPEN}${BODY}${WELCOME}`).meta;
    expect(m).toMatchObject({ title: TITLE, publishedDate: '2024-06-03' });
  });

  it('a signature date wins over the page date', () => {
    const m = notice(`${TITLE}\n发布时间：2024-06-10 09:15\n${OPEN}${BODY}${WELCOME}中共柳川县林业局党组\n2024年6月3日\n`).meta;
    expect(m.publishedDate).toBe('2024-06-03');
    expect(m.evidence['publishedDate']!.rule).toBe('meta/signature-date');
  });

  it('a dated line inside the notice is no page date', () => {
    const m = notice(`${TITLE}\n${OPEN}${BODY}整改时间：2024年3月1日，已全部完成。\n`).meta;
    expect(m.publishedDate).toBeNull();
  });
});

describe('a round summary', () => {
  it('the inspector is the committee’s teams; the feedback the day the teams 通报 the problems', () => {
    const m = notice(
      '关于九届云岭区委第二轮巡察整改进展情况的通报\n根据区委统一部署，2022年4月6日至6月2日，九届区委第二轮巡察派出5个巡察组，对21个党组织开展了常规巡察。\n' +
        '2022年7月15日，各巡察组集中向21个被巡察党组织通报了巡察发现的问题。截至2022年12月31日，本轮巡察反馈问题206个，已完成整改197个。\n' +
        '依据有关规定，现将本轮巡察整改进展情况予以公开，欢迎广大干部群众监督。监督电话：0736-5550123。\n中共云岭区委巡察工作领导小组办公室\n2023年1月20日\n',
    ).meta;
    expect(m).toMatchObject({
      inspector: '区委巡察组',
      inspectionKind: '巡察',
      round: '九届云岭区委第二轮巡察',
      feedbackDate: '2022-07-15',
      publishedDate: '2023-01-20',
      unit: '中共云岭区委巡察工作领导小组办公室',
      contacts: { phones: ['0736-5550123'] },
    });
    expect(m.evidence['inspector']!.text).toBe('区委第二轮巡察派出5个巡察组');
  });
});
