/** Dates: written forms, ranges, periods, deadlines, and years implied from the notice itself (never the clock). */
import { describe, expect, it } from 'vitest';
import { notice, docOf } from './helpers.js';
import { extractDates, type DateItem } from '../pipeline/extract/extractDates.js';

/** The dates of a bare text, and the texts of its unresolved (yearless, unanchored) dates. */
function dates(text: string, referenceDate?: string): { dates: DateItem[]; unresolved: string[] } {
  const r = extractDates(docOf(text, referenceDate ?? null));
  return { dates: r.value, unresolved: r.diagnostics.filter((d) => d.code === 'date/unresolved-year').map((d) => text.slice(d.span!.start, d.span!.end)) };
}
const pick = (d: DateItem) => [d.text, d.start, d.end, d.precision, d.kind];

describe('dates: written forms', () => {
  it.each([
    ['2023年6月7日', '2023-06-07'],
    ['二〇二四年三月二十五日', '2024-03-25'],
    ['2024年三月二十五日', '2024-03-25'],
    ['2023 年 6 月 7 日', '2023-06-07'],
    ['2024-03-25', '2024-03-25'],
    ['2024.3.25', '2024-03-25'],
    ['2024/3/25', '2024-03-25'],
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

  it('三、四月份 is a range of two months, the year from context', () => {
    expect(dates('2024年2月底前完成，三、四月份开展督导').dates.map(pick)[1]).toEqual(['三、四月份', '2024-03-01', '2024-04-30', 'month', 'range']);
  });
});

describe('dates: deadlines', () => {
  it('6月底前 → kind deadline ending on the month’s last day; 年底前 → the year’s', () => {
    const ds = dates('2024年3月，要求6月底前完成，年底前全部销号。').dates;
    expect(ds.map((d) => [d.text, d.end, d.kind])).toEqual([
      ['2024年3月', '2024-03-31', 'date'],
      ['6月底前', '2024-06-30', 'deadline'],
      ['年底前', '2024-12-31', 'deadline'],
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

describe('dates: what is not a date', () => {
  it.each([
    ['phone numbers', '联系电话:0757-86229618;'],
    ['amounts', '投入1369.5万元'],
    ['ordinals', '第一时间召开会议'],
    ['durations', '用3个月时间,近3年来'],
    ['frequencies', '每季度召开一次,每月通报'],
    ['a year word without a year', '当年度工作要点,近年来'],
    ['postcodes', '邮政编码:528000'],
  ])('%s', (_what, text) => {
    expect(dates(text).dates).toEqual([]);
  });
});
