/** Count extraction's shortcuts find exactly what the plain engine finds: the count rules tried only at
 *  `countStarts` and the slogan rules tried only at `sloganStarts` give the hits of a scan of the whole text, on
 *  the corpus and on generated texts; the one-pass lexicon search finds what repeated indexOf calls find. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../pipeline/extract/runRules.js';
import { CLASSIFIERS } from '../rules/classifiers.js';
import { countStarts, sloganStarts } from '../pipeline/extract/ruleStarts.js';
import { APPROX_WORDS, COUNT_RULES } from '../rules/counts.js';
import { sloganSpans } from '../pipeline/extract/extractCounts.js';
import { SLOGAN_RULES, SLOGANS } from '../rules/slogans.js';
import { corpusViews, expectSameHitsAtStarts, generatedTexts, totalHits } from './helpers.js';

/** Pieces count patterns react to, and plain text between them. */
const PIECES = [
  ...'0123456789〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩',
  '1,234', '12.5', '3,560.8', '.5', '1..2', '点五', '十五', '二〇二三', '一千三',
  ...APPROX_WORDS.map((w) => w.word), '最近', '附近', '临近',
  '人民币', '百分之', '元', '整', '%', '年', '个', '余', '多', '第', '数', '几', '若', '这', '近年来',
  ...CLASSIFIERS.map((c) => c.unit), '目', '事', '例', '全会', '度', '底', '来',
  '总数', '数量', '规模', '达到', '已经', '增加到', '为',
  ...SLOGANS, '两', '双', '会', '课', '岗', '责', '《', '》', '"', '"',
  '，', ',', '。', '、', '；', '\n', ' ', '“', '”', 'A', 'x', '问题', '整改', '资金', '游客', '工作',
];

const generated = (n: number, seed: number) => generatedTexts(PIECES, n, seed, 40);

describe('count rules at countStarts', () => {
  it('find the same hits as a scan of the whole text on every corpus notice', () => {
    const views = corpusViews();
    expect(views.length).toBeGreaterThan(0);
    expectSameHitsAtStarts(COUNT_RULES, countStarts, views);
  });

  it('find the same hits as a scan of the whole text on 5,000 generated texts', () => {
    expect(totalHits(expectSameHitsAtStarts(COUNT_RULES, countStarts, generated(5000, 20240601)))).toBeGreaterThan(1000);
  });

  it('are strictly ascending', () => {
    for (const view of [...corpusViews(), ...generated(500, 7)]) {
      const s = countStarts(view);
      for (let i = 1; i < s.length; i++) expect(s[i - 1]!).toBeLessThan(s[i]!);
    }
  });
});

describe('slogan rules at sloganStarts', () => {
  it('find the same hits as a scan of the whole text on the corpus and on 5,000 generated texts', () => {
    expect(totalHits(expectSameHitsAtStarts(SLOGAN_RULES, sloganStarts, [...corpusViews(), ...generated(5000, 99)]))).toBeGreaterThan(1000);
  });

  it('and the lexicon found in one pass give the spans of the plain searches', () => {
    const plain = (view: string) => {
      const spans = runRules(SLOGAN_RULES, view, undefined).map((h) => ({ start: h.start, end: h.end }));
      for (const s of SLOGANS) {
        for (let at = view.indexOf(s); at !== -1; at = view.indexOf(s, at + s.length)) spans.push({ start: at, end: at + s.length });
      }
      const title = /《[^《》\n]{1,120}》/gu;
      for (let m = title.exec(view); m; m = title.exec(view)) spans.push({ start: m.index, end: m.index + m[0].length });
      return spans;
    };
    for (const view of [...corpusViews(), ...generated(3000, 5), '一级抓一级抓一级', '四风四风', '三会一课三会一课']) {
      expect(sloganSpans(view), view).toEqual(plain(view));
    }
  });
});
