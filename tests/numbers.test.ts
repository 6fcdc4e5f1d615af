/** parseChineseNumber: the table in rules/numerals.ts, every number trap of genre.md, and more forms. */
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../index.js';
import { NUMBER_EXAMPLES } from '../text/numerals.js';

describe('parseChineseNumber', () => {
  it.each(NUMBER_EXAMPLES.map(([t, v]) => [t, v] as const))('reads “%s” as %s (rules/numerals.ts)', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  const traps: Array<[string, number]> = [
    ['〇', 0],
    ['零', 0],
    ['两', 2],
    ['十五', 15],
    ['一百零五', 105],
    ['两千三百', 2300],
    ['15万', 150000],
    ['1.25亿', 125000000],
    ['3,560.8万', 35608000],
    ['98.71', 98.71],
    ['两百', 200],
    ['二〇二四', 2024],
    ['九十八点七一', 98.71],
    ['壹拾贰万', 120000],
  ];
  it.each(traps)('reads the genre trap “%s” as %s', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  const more: Array<[string, number]> = [
    ['一千三', 1300],
    ['九万四', 94000],
    ['千三', 1300],
    ['百三', 130],
    ['两千三点一', 2300.1],
    ['十点二三三', 10.233],
    ['两千万点五五四四', 20000000.5544],
    ['一点五万', 15000],
    ['四万万', 400000000],
    ['10万万', 1000000000],
    ['一万零十二', 10012],
    ['一百零十万', 1100000],
    ['零十', 10],
    ['1千零20', 1020],
    ['2千零30万', 20300000],
    ['3万4000', 34000],
    ['7 万5 千4 百', 75400],
    ['一百 五 十 二', 152],
    ['1000  万', 10000000],
    ['肆佰陸拾', 460],
    ['兩千四百五', 2450],
    ['四十五億四千零四萬', 4540040000],
    ['１１.92亿', 1192000000],
    ['.5', 0.5],
  ];
  it.each(more)('reads “%s” as %s', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  const notNumbers = ['', '万', '百', '点五', '1..2', 'abc', '1,2,3', '十十', '两个', '第一', '5.', '约15万', '15万元'];
  it.each(notNumbers)('gives null for “%s” (not entirely a number)', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
