/** Measure extraction's shortcut finds exactly what the plain engine finds: the enumerator rules tried only at
 *  `enumeratorStarts` give the hits of a scan of the whole paragraph, on the corpus and on generated paragraphs. */
import { describe, expect, it } from 'vitest';
import { runRules, runRulesAt } from '../pipeline/extract/runRules.js';
import { enumeratorStarts } from '../pipeline/extract/ruleStarts.js';
import { ENUMERATOR_RULES } from '../rules/measures.js';
import { corpusParagraphs, expectSameHitsAtStarts, generatedTexts, totalHits } from './helpers.js';

/** Pieces enumerator patterns react to, and plain text between them. */
const PIECES = [
  ...'一二三四五六七八九十第是否指非①②③⑳⑴⑵⒇()0123456789.、,，。；;：:！!？? \t\u3000\u00a0',
  '一是', '二是', '十一是', '第一,', '第二，', '(1)', '(12)', '1.', '2、', '因为', '进一步', '整改', '完善制度', '强化监督',
];

const generated = (n: number, seed: number) => generatedTexts(PIECES, n, seed, 30);

describe('enumerator rules at enumeratorStarts', () => {
  it('find the same hits as a scan of the whole paragraph, on the corpus and on 5,000 generated paragraphs', () => {
    const byRule = expectSameHitsAtStarts(ENUMERATOR_RULES, enumeratorStarts, [...corpusParagraphs(), ...generated(5000, 42)]);
    expect(totalHits(byRule)).toBeGreaterThan(1000);
  });

  it('offset hits by the base when the paragraph is a slice of a longer text', () => {
    const text = '标题\n主要措施：一是完善制度；二是强化监督。';
    const start = text.indexOf('\n') + 1;
    const p = text.slice(start);
    expect(runRulesAt(ENUMERATOR_RULES, p, undefined, enumeratorStarts(p), start)).toEqual(runRules(ENUMERATOR_RULES, text, undefined, start, text.length));
  });
});
