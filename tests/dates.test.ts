/** Dates: written forms, ranges, periods, deadlines, and years implied from the notice itself (never the clock). */
import { describe, expect, it } from 'vitest';
import { notice, docOf } from './helpers.js';
import { extractDates, type DateItem, type NoticeDateSources } from '../pipeline/extract/extractDates.js';

/** The dates of a bare text, and the texts of its unresolved (yearless, unanchored) dates. */
function dates(text: string, referenceDate?: string, sources?: NoticeDateSources): { dates: DateItem[]; unresolved: string[] } {
  const r = extractDates(docOf(text, referenceDate ?? null), sources);
  return { dates: r.value, unresolved: r.diagnostics.filter((d) => d.code === 'date/unresolved-year').map((d) => text.slice(d.span!.start, d.span!.end)) };
}
const pick = (d: DateItem) => [d.text, d.start, d.end, d.precision, d.kind];
/** A notice whose signature date is `signed` (the pipeline reads it from the closing). */
const signedNotice = (body: string, signed: string, options: { referenceDate?: string } = {}) => notice(`${body}\n欢迎监督。\n区档案馆\n${signed}`, options);

describe('dates: written forms', () => {
  it.each([
    ['2023年6月7日', '2023-06-07'],
    ['二〇二四年三月二十五日', '2024-03-25'],
    ['2024年三月二十五日', '2024-03-25'],
    ['2023 年 6 月 7 日', '2023-06-07'],
    ['2024-03-25', '2024-03-25'],
    ['2024.3.25', '2024-03-25'],
    ['2024/3/25', '2024-03-25'],
    ['二〇〇四年八月十五', '2004-08-15'],
    ['23年11月9日', '2023-11-09'],
    ['24-01-19', '2024-01-19'],
  ])('%s → %s (day)', (text, iso) => {
    const [d] = dates(text).dates;
    expect(d).toMatchObject({ text, start: iso, end: iso, precision: 'day', kind: 'date', implied: [] });
  });

  it('months, quarters, half-years and years are whole intervals', () => {
    expect(dates('2022年3月，2024年第一季度，2024年三季度，2024年上半年，2023年度，二〇二三年').dates.map(pick)).toEqual([
      ['2022年3月', '2022-03-01', '2022-03-31', 'month', 'date'],
      ['2024年第一季度', '2024-01-01', '2024-03-31', 'quarter', 'date'],
      ['2024年三季度', '2024-07-01', '2024-09-30', 'quarter', 'date'],
      ['2024年上半年', '2024-01-01', '2024-06-30', 'half', 'date'],
      ['2023年度', '2023-01-01', '2023-12-31', 'year', 'date'],
      ['二〇二三年', '2023-01-01', '2023-12-31', 'year', 'date'],
    ]);
  });

  it('five-year plans: “十四五” → 2021–2025, “十三五” → 2016–2020', () => {
    expect(dates('“十四五”规划和“十三五”时期').dates.map(pick)).toEqual([
      ['十四五', '2021-01-01', '2025-12-31', 'year', 'range'],
      ['十三五', '2016-01-01', '2020-12-31', 'year', 'range'],
    ]);
  });
});

describe('dates: ranges', () => {
  it('2023年6月7日至7月28日: the end shares the year', () => {
    expect(dates('2023年6月7日至7月28日').dates.map(pick)).toEqual([['2023年6月7日至7月28日', '2023-06-07', '2023-07-28', 'day', 'range']]);
  });

  it('二〇二三年十一月二十日至十二月三十日', () => {
    expect(dates('二〇二三年十一月二十日至十二月三十日').dates.map(pick)).toEqual([
      ['二〇二三年十一月二十日至十二月三十日', '2023-11-20', '2023-12-30', 'day', 'range'],
    ]);
  });

  it('2024年6月—8月 and 6月7日至28日 share year and month', () => {
    expect(dates('2024年6月—8月开展检查').dates.map(pick)).toEqual([['2024年6月—8月', '2024-06-01', '2024-08-31', 'month', 'range']]);
    expect(dates('2024年,6月7日至28日').dates.map(pick)[1]).toEqual(['6月7日至28日', '2024-06-07', '2024-06-28', 'day', 'range']);
  });

  it('ranges with 到, -, ～ and a full second date', () => {
    expect(dates('2024年3月25日到2024年4月25日').dates[0]).toMatchObject({ start: '2024-03-25', end: '2024-04-25', kind: 'range' });
    expect(dates('2021—2025年').dates[0]).toMatchObject({ start: '2021-01-01', end: '2025-12-31', kind: 'range', precision: 'year' });
    expect(dates('2021年至2023年').dates[0]).toMatchObject({ start: '2021-01-01', end: '2023-12-31', kind: 'range' });
    expect(dates('2024年3月～5月').dates[0]).toMatchObject({ start: '2024-03-01', end: '2024-05-31', kind: 'range' });
  });

  it('an end that writes no year and falls before the start is in the next year (2023年11月20日至2月3日, 去年11月…)', () => {
    expect(dates('2023年11月20日至2月3日').dates.map(pick)).toEqual([['2023年11月20日至2月3日', '2023-11-20', '2024-02-03', 'day', 'range']]);
    expect(signedNotice('去年11月20日至2月3日进行了巡察。', '2024年5月20日').dates[0]).toMatchObject({ start: '2023-11-20', end: '2024-02-03' });
  });

  it('two-digit years on both ends: 18年10月1日到19年2月3日', () => {
    expect(dates('18年10月1日到19年2月3日').dates.map(pick)).toEqual([['18年10月1日到19年2月3日', '2018-10-01', '2019-02-03', 'day', 'range']]);
  });

  it('parts of months and years join into one day-precise range: 下旬至底, 上旬至下旬, 年初至月底', () => {
    expect(dates('2022年8月下旬至9月底').dates.map(pick)).toEqual([['2022年8月下旬至9月底', '2022-08-21', '2022-09-30', 'day', 'range']]);
    expect(dates('2024年4月上旬至6月下旬').dates.map(pick)).toEqual([['2024年4月上旬至6月下旬', '2024-04-01', '2024-06-30', 'day', 'range']]);
    expect(dates('2021年初至2022年3月底').dates.map(pick)).toEqual([['2021年初至2022年3月底', '2021-01-01', '2022-03-31', 'day', 'range']]);
    expect(dates('2023年,9月中旬至10月上旬').dates.map(pick)[1]).toEqual(['9月中旬至10月上旬', '2023-09-11', '2023-10-10', 'day', 'range']);
  });

  it('三、四月份 is a range of two months, the year from context', () => {
    expect(dates('2024年2月底前完成，三、四月份开展督导').dates.map(pick)[1]).toEqual(['三、四月份', '2024-03-01', '2024-04-30', 'month', 'range']);
  });
});

describe('dates: parts of months and years', () => {
  it.each([
    ['2024年4月上旬', '2024-04-01', '2024-04-10'],
    ['2024年4月中旬', '2024-04-11', '2024-04-20'],
    ['2024年4月下旬', '2024-04-21', '2024-04-30'],
    ['2024年2月下旬', '2024-02-21', '2024-02-29'],
    ['2023年11月底', '2023-11-30', '2023-11-30'],
    ['2023年11月末', '2023-11-30', '2023-11-30'],
    ['2023年11月初', '2023-11-01', '2023-11-01'],
    ['2021年初', '2021-01-01', '2021-01-01'],
    ['2024年底', '2024-12-31', '2024-12-31'],
    ['2024年末', '2024-12-31', '2024-12-31'],
  ])('%s → %s…%s, day precision', (text, start, end) => {
    expect(dates(text).dates.map(pick)).toEqual([[text, start, end, 'day', 'date']]);
  });

  it('年内 is the whole year; a bare 年底 takes the narrative year', () => {
    expect(dates('2024年5月，年内完成，年底验收。').dates.map(pick).slice(1)).toEqual([
      ['年内', '2024-01-01', '2024-12-31', 'year', 'date'],
      ['年底', '2024-12-31', '2024-12-31', 'day', 'date'],
    ]);
  });

  it.each([
    ['初步 is a word', '2023年初步建立台账'],
    ['内部 is a word', '2023年内部审计'],
    ['a duration', '半年内完成,两年内完成'],
    ['a frequency', '每年底报送'],
    ['a lunar day', '三月初一'],
  ])('not a part: %s (%s)', (_why, text) => {
    expect(dates(text).dates.map((d) => d.text).filter((t) => /[初底末内]/u.test(t))).toEqual([]);
  });
});

describe('dates: deadlines', () => {
  it('6月底前 → kind deadline on the month’s last day; 年底前 → the year’s', () => {
    const ds = dates('2024年3月，要求6月底前完成，年底前全部销号。').dates;
    expect(ds.map(pick)).toEqual([
      ['2024年3月', '2024-03-01', '2024-03-31', 'month', 'date'],
      ['6月底前', '2024-06-30', '2024-06-30', 'day', 'deadline'],
      ['年底前', '2024-12-31', '2024-12-31', 'day', 'deadline'],
    ]);
  });

  it('2024年3月15日前 is a deadline on that day', () => {
    expect(dates('已于2024年3月15日前全部下达').dates[0]).toMatchObject({ text: '2024年3月15日前', end: '2024-03-15', kind: 'deadline' });
  });
});

describe('dates: implied years', () => {
  it('9月11日 after 2023年6月7日 takes 2023 and says so in implied', () => {
    const ds = dates('2023年6月7日至7月28日进驻。9月11日反馈。').dates;
    expect(ds[1]).toMatchObject({ text: '9月11日', start: '2023-09-11', implied: ['year'] });
  });

  it('the narrative moves forward: 12月15日 … 1月18日 is the next January', () => {
    const ds = dates('2023年12月15日进驻。1月18日反馈。').dates;
    expect(ds[1]).toMatchObject({ start: '2024-01-18', implied: ['year'] });
  });

  it('a year range under review does not move the narrative year (审计2020年至2022年 … 8月25日 stays 2023)', () => {
    const ds = dates('2023年5月8日至6月30日，对2020年至2022年财务收支进行审计，并于8月25日出具报告。').dates;
    expect(ds.map((d) => [d.text, d.start])).toEqual([
      ['2023年5月8日至6月30日', '2023-05-08'],
      ['2020年至2022年', '2020-01-01'],
      ['8月25日', '2023-08-25'],
    ]);
  });

  it('never from a later date and never from the clock: a yearless date first in the text is unresolved', () => {
    const r = dates('9月11日反馈了意见。2024年3月25日公布。');
    expect(r.dates.map((d) => d.text)).toEqual(['2024年3月25日']);
    expect(r.unresolved).toHaveLength(1);
  });

  it('options.referenceDate anchors what the text cannot', () => {
    const r = dates('9月11日反馈了意见。', '2023-12-01');
    expect(r.dates[0]).toMatchObject({ start: '2023-09-11', implied: ['year'] });
    expect(r.unresolved).toEqual([]);
  });

  it('processText reports an unresolved year as an info diagnostic, and resolves it with referenceDate', () => {
    expect(notice('9月11日反馈了意见。').diagnostics.map((d) => d.code)).toContain('date/unresolved-year');
    expect(notice('9月11日反馈了意见。', { referenceDate: '2023-12-01' }).dates[0]?.start).toBe('2023-09-11');
  });
});

describe('dates: the notice’s own date', () => {
  it('今年, 去年, 明年 and their months count from the signature date, not from the narrative year', () => {
    const doc = signedNotice('2023年9月11日至10月27日进行了巡察。去年12月5日反馈。今年1月8日召开会议,今年上半年完成,明年巩固。', '2024年5月20日');
    expect(doc.dates.map((d) => [d.text, d.start, d.end, d.precision])).toEqual([
      ['2023年9月11日至10月27日', '2023-09-11', '2023-10-27', 'day'],
      ['去年12月5日', '2023-12-05', '2023-12-05', 'day'],
      ['今年1月8日', '2024-01-08', '2024-01-08', 'day'],
      ['今年上半年', '2024-01-01', '2024-06-30', 'half'],
      ['明年', '2025-01-01', '2025-12-31', 'year'],
      ['2024年5月20日', '2024-05-20', '2024-05-20', 'day'],
    ]);
  });

  it('…以来 is an open range (kind since) that ends at the notice’s own date', () => {
    const doc = signedNotice('截至2024年11月30日,对2021年以来的项目开展检查,今年以来办结12件,8月以来停用3个。', '2024年12月6日');
    expect(doc.dates.filter((d) => d.kind === 'since').map((d) => [d.text, d.start, d.end, d.precision])).toEqual([
      ['2021年以来', '2021-01-01', '2024-12-06', 'year'],
      ['今年以来', '2024-01-01', '2024-12-06', 'year'],
      ['8月以来', '2024-08-01', '2024-12-06', 'month'],
    ]);
  });

  it('a notice without a date of its own: since ends at null, 今年 takes --reference-date, else stays unresolved', () => {
    const r = dates('对2021年以来的项目开展检查,今年以来办结12件。');
    expect(r.dates.map((d) => [d.text, d.start, d.end, d.kind])).toEqual([['2021年以来', '2021-01-01', null, 'since']]);
    expect(r.unresolved).toEqual(['今年以来']);
    const withRef = dates('今年以来办结12件。', '2024-06-30');
    expect(withRef.dates.map((d) => [d.text, d.start, d.end])).toEqual([['今年以来', '2024-01-01', null]]);
  });

  it('a yearless date before any other takes its year from the notice’s own date, before it', () => {
    expect(signedNotice('9月11日反馈了意见。', '2024年3月25日', { referenceDate: '2019-01-01' }).dates[0]).toMatchObject({ text: '9月11日', start: '2023-09-11', implied: ['year'] });
  });

  it('never --reference-date when the notice has its own date', () => {
    const doc = signedNotice('今年3月召开会议。', '2024年5月20日', { referenceDate: '2019-01-01' });
    expect(doc.dates[0]).toMatchObject({ text: '今年3月', start: '2024-03-01' });
  });

  it('the signature date first, then the page date, then a 发布时间/日期 line near the top', () => {
    const text = '发布时间:2023-11-02 10:32\n今年以来办结12件。\n2024年1月19日';
    const sig = { start: text.lastIndexOf('2024'), end: text.length };
    const end = (sources?: NoticeDateSources) => dates(text, undefined, sources).dates.find((d) => d.kind === 'since')?.end;
    expect(end({ signatureLine: sig, pageDate: '2023-12-01' })).toBe('2024-01-19');
    expect(end({ signatureLine: null, pageDate: '2023-12-01' })).toBe('2023-12-01');
    expect(end()).toBe('2023-11-02');
    expect(dates('日期:2023年11月02日 来源:本局\n今年以来办结12件。').dates.find((d) => d.kind === 'since')?.end).toBe('2023-11-02');
    expect(dates('反馈日期:2023年6月28日\n今年以来办结12件。').unresolved).toEqual(['今年以来']);
  });

  it('the dash subtitle of a report to a congress is the report’s date', () => {
    const r = dates('关于审计查出问题整改情况的报告\n——2024年12月24日在市人民代表大会常务委员会第五次会议上\n今年以来整改12项。');
    expect(r.dates.find((d) => d.kind === 'since')).toMatchObject({ start: '2024-01-01', end: '2024-12-24' });
  });

  it('a yearless date the notice reports falls on or before its date, a planned one on or after it', () => {
    const doc = signedNotice('23年11月9日反馈。截至24年1月10日完成57个。11月中旬召开了民主生活会。计划于11月底前完成。', '2024年1月19日');
    expect(doc.dates.map((d) => [d.text, d.start])).toEqual([
      ['23年11月9日', '2023-11-09'],
      ['24年1月10日', '2024-01-10'],
      ['11月中旬', '2023-11-11'],
      ['11月底前', '2024-11-30'],
      ['2024年1月19日', '2024-01-19'],
    ]);
  });

  it('the dates of a web page’s other furniture lines (下一篇:…) are not the notice’s', () => {
    const r = dates('发布时间:2024-05-20 10:32\n2024年3月完成整改。\n上一篇:关于2024年春季安全检查的通知\n下一篇:2023年度部门决算公开说明');
    expect(r.dates.map((d) => d.text)).toEqual(['2024-05-20', '2024年3月']);
  });
});

describe('dates: what is not a date', () => {
  it.each([
    ['phone numbers', '联系电话:0757-86229618;'],
    ['amounts', '投入1369.5万元'],
    ['ordinals', '第一时间召开会议'],
    ['durations', '用3个月时间,近3年来'],
    ['frequencies', '每季度召开一次,每月通报'],
    ['a year word without a year', '当年度工作要点,近年来'],
    ['postcodes', '邮政编码:528000'],
    ['a two-digit duration', '任职满10年,服刑12年3个月'],
    ['words with 年 after a relative-year character', '至今年均增长,基本年薪,35岁以下年轻干部,过去年度'],
    ['a serial number', '编号12-05-003'],
  ])('%s', (_what, text) => {
    expect(dates(text).dates).toEqual([]);
  });
});
