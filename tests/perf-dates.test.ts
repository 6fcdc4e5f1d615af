/** Date extraction's shortcut finds exactly what the plain engine finds: the date rules tried only where
 *  `dateStarts` says their matches can begin give the hits of a scan of the whole text, on the corpus and on
 *  generated texts. */
import { describe, expect, it } from 'vitest';
import { dateStarts } from '../pipeline/extract/ruleStarts.js';
import { DATE_RULES } from '../rules/dates.js';
import { corpusViews, expectSameHitsAtStarts, generatedTexts } from './helpers.js';

/** Pieces date patterns react to, and plain text between them. */
const PIECES = [
  ...'0123456789〇○零一二三四五六七八九十年月日号季度半上下第每今本底末内前后至到~-./、 \t',
  '2023', '2024', '1999', '二〇二三', '二〇二四', '12', '31', '三十一', '二十五', '十二', '十四五', '年度', '月份', '季度',
  '半年', '上半年', '下半年', '年底', '年末', '年内', '年初', '今年', '本年', '去年', '明年', '上年', '下年', '以上', '过去',
  '每季度', '第一季度', '三、四月份', '规划', '以来', '上旬', '中旬', '下旬', '初', '24年', '18年', '08年', '24-01-19',
  '2023年6月7日', '二〇二四年三月二十五日', '2023 年 6 月 7 日', '2024年3月', '二〇二三年十二月', '2024年第一季度', '2024年下半年',
  '，', '。', '\n', '“', '”', '个', '项', '整改', '召开', '完成',
];

const generated = (n: number, seed: number) => generatedTexts(PIECES, n, seed, 40);

describe('date rules at dateStarts', () => {
  it('find the same hits as a scan of the whole text on every corpus notice', () => {
    expectSameHitsAtStarts(DATE_RULES, dateStarts, corpusViews());
  });

  it('find the same hits as a scan of the whole text on 8,000 generated texts', () => {
    const byRule = expectSameHitsAtStarts(DATE_RULES, dateStarts, generated(8000, 2024));
    // The generated texts exercise every rule that dateStarts narrows.
    for (const id of ['date/ymd', 'date/ym', 'date/year', 'date/quarter', 'date/half', 'date/month-part', 'date/year-part']) expect(byRule.get(id) ?? 0, id).toBeGreaterThan(20);
  });

  it('find the relative and two-digit years a scan of the whole text finds (今年8月, 去年12月5日, 24年6月)', () => {
    const texts = generated(4000, 7).map((t) => t.replace(/2023|2024/gu, (y) => (y === '2023' ? '去' : '24')));
    const byRule = expectSameHitsAtStarts(DATE_RULES, dateStarts, texts);
    for (const id of ['date/ymd', 'date/ym', 'date/year', 'date/month-part', 'date/year-part']) expect(byRule.get(id) ?? 0, id).toBeGreaterThan(20);
  });
});
