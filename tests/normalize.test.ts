import { describe, expect, it } from 'vitest';
import { normalizeText, repairText } from '../text/charMap.js';

/** A deterministic pseudo-random generator (tests must be reproducible). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const POOL = [
  ...'一二三四五六七八九十〇零两（）()，,。、：:；;“”《》【】—–-～~　 \t\n0123456789０１２３４５６７８９ＡＢａｂ．.％%',
  ...'巡察組問題萬元聯繫電話乾坤',
  '\u2f00', '\u2f06', '\u2f08', '\uf900', '\u3220', '\u2474', '\u2460', '\ud840\udc00', '\ud83d\ude00', '\u00a0', '\ud800',
];

describe('length-preserving normalization', () => {
  it('keeps the length of any string, surrogates and lone surrogates included', () => {
    const r = rng(42);
    for (let n = 0; n < 500; n++) {
      const len = Math.floor(r() * 200);
      let s = '';
      for (let i = 0; i < len; i++) s += POOL[Math.floor(r() * POOL.length)]!;
      expect(normalizeText(s).length).toBe(s.length);
      expect(repairText(s).length).toBe(s.length);
    }
  });

  it('folds full-width forms, ideographic space and dashes', () => {
    expect(normalizeText('（一）２０２３年６月７日—８月　１．５％')).toBe('(一)2023年6月7日-8月 1.5%');
  });

  it('maps Kangxi radicals to the ideographs they stand for, in repair and normalization', () => {
    expect(repairText('\u2f00\u2f06\u2f08')).toBe('一二人');
    expect(normalizeText('\u2f00')).toBe('一');
  });

  it('folds traditional characters to simplified in the view only: the canonical text stays as written', () => {
    expect(normalizeText('縣委第三巡察組反饋問題１２個，整改進展情況的通報')).toBe('县委第三巡察组反馈问题12个,整改进展情况的通报');
    expect(repairText('縣委第三巡察組')).toBe('縣委第三巡察組');
    expect(normalizeText('乾坤')).toBe('乾坤'); // 乾 is a common simplified character too: not folded
  });

  it('folds a compatibility ideograph through its repair (U+F907 → 龜 → 龟)', () => {
    expect(repairText('\uf907')).toBe('龜');
    expect(normalizeText('\uf907')).toBe('龟');
  });

  it('leaves enclosed markers (㈠ ⑴ ①) for the rules to recognise', () => {
    expect(normalizeText('㈠⑴①')).toBe('㈠⑴①');
  });

  it('maps every character to itself when nothing needs folding', () => {
    const s = '区档案馆坚持把巡察整改作为当前和今后工作的一项重要政治任务。';
    expect(normalizeText(s)).toBe(s);
  });
});
