/** Measure extraction's shortcut finds exactly what the plain engine finds: the enumerator rules tried only at
 *  `enumeratorStarts` give the hits of a scan of the whole paragraph, on the corpus and on generated paragraphs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules, runRulesAt } from '../pipeline/extract/runRules.js';
import { normalizeText } from '../pipeline/normalize/charMap.js';
import { ENUMERATOR_RULES, enumeratorStarts } from '../rules/measures.js';
import { ROOT } from './helpers.js';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces enumerator patterns react to, and plain text between them. */
const PIECES = [
  ...'一二三四五六七八九十第是否指非①②③⑳⑴⑵⒇()0123456789.、,，。；;：:！!？? \t\u3000\u00a0',
  '一是', '二是', '十一是', '第一,', '第二，', '(1)', '(12)', '1.', '2、', '因为', '进一步', '整改', '完善制度', '强化监督',
];

function generated(n: number, seed: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: n }, () => {
    const k = 1 + Math.floor(rnd() * 30);
    let s = '';
    for (let i = 0; i < k; i++) s += PIECES[Math.floor(rnd() * PIECES.length)]!;
    return s;
  });
}

function corpusParagraphs(): string[] {
  const dir = join(ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => normalizeText(readFileSync(join(dir, f), 'utf8')).split('\n'));
}

describe('enumerator rules at enumeratorStarts', () => {
  it('find the same hits as a scan of the whole paragraph, on the corpus and on 5,000 generated paragraphs', () => {
    let hits = 0;
    for (const p of [...corpusParagraphs(), ...generated(5000, 42)]) {
      const whole = runRules(ENUMERATOR_RULES, p, undefined);
      hits += whole.length;
      expect(runRulesAt(ENUMERATOR_RULES, p, undefined, enumeratorStarts(p)), p).toEqual(whole);
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('offset hits by the base when the paragraph is a slice of a longer text', () => {
    const text = '标题\n主要措施：一是完善制度；二是强化监督。';
    const start = text.indexOf('\n') + 1;
    const p = text.slice(start);
    expect(runRulesAt(ENUMERATOR_RULES, p, undefined, enumeratorStarts(p), start)).toEqual(runRules(ENUMERATOR_RULES, text, undefined, start, text.length));
  });
});
