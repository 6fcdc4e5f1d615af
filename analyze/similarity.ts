/**
 * Shared and distinctive measures across units: every measure becomes a TF-IDF vector over its jieba words
 * (rules/similarity.ts decides which words count), IDF taken over all measures compared, and two measures of
 * different units are alike by the cosine of their vectors. Dot products are accumulated through an inverted
 * index (only measures that share a word are ever compared), so the cost follows the words shared, not the
 * square of the number of measures.
 *
 * natural's tfidf/distance modules were the starting choice; they add 77 MB of dependencies (and print to stdout
 * when imported from the package root) for what is a few lines over words jieba already gives us.
 */
import type { Measure } from '../output/schema.js';
import { normalizeText } from '../text/charMap.js';
import type { Segmenter } from '../pipeline/segment/segmenter.js';
import { DISTINCTIVE_MEASURE_MAX, MIN_MEASURE_WORDS, SHARED_MEASURE_MIN, SIMILARITY_KEEP, SIMILARITY_STOP_WORDS } from '../rules/similarity.js';

/** A measure to compare, with the unit (index) it belongs to. */
export interface UnitMeasure {
  unit: number;
  path: string;
  measure: Measure;
}

/** Two measures of two units that say the same thing. */
interface SharedMeasure {
  a: UnitMeasure;
  b: UnitMeasure;
  similarity: number;
}

/** The measures two units share. */
export interface UnitPair {
  a: number;
  b: number;
  /** How many measure pairs reach SHARED_MEASURE_MIN. */
  count: number;
  /** The most alike, at most SIMILARITY_KEEP. */
  shared: SharedMeasure[];
}

/** A unit's measures that no other unit has. */
export interface Distinctive {
  unit: number;
  /** How many of its measures stay below DISTINCTIVE_MEASURE_MAX with every other unit. */
  count: number;
  /** The least alike to anything elsewhere, at most SIMILARITY_KEEP, each with its best similarity. */
  measures: Array<{ m: UnitMeasure; best: number }>;
}

const STOP = new Set(SIMILARITY_STOP_WORDS);
const HAN = /\p{Script=Han}/u;

/** The words of a measure that count for similarity. */
function measureWords(text: string, seg: Segmenter): string[] {
  return seg
    .cut(normalizeText(text))
    .map((t) => t.word)
    .filter((w) => w.length >= 2 && HAN.test(w) && !STOP.has(w));
}

/** Round to 4 decimals (similarities are written into units.json; keep them stable and short). */
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Compare the measures of several units. */
export function compareMeasures(measures: readonly UnitMeasure[], seg: Segmenter): { pairs: UnitPair[]; distinctive: Distinctive[] } {
  // Too short a measure gets no words at all: it is neither shared nor distinctive.
  const words = measures.map((m) => {
    const ws = measureWords(m.measure.text, seg);
    return ws.length >= MIN_MEASURE_WORDS ? ws : [];
  });
  const df = new Map<string, number>();
  for (const ws of words) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = measures.length;
  // Unit-length TF-IDF vectors, as (word, weight) lists.
  const vectors = words.map((ws) => {
    const tf = new Map<string, number>();
    for (const w of ws) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = [...tf].map(([w, f]) => [w, f * (Math.log((1 + n) / (1 + df.get(w)!)) + 1)] as const);
    const norm = Math.hypot(...v.map(([, x]) => x));
    return v.map(([w, x]) => [w, norm > 0 ? x / norm : 0] as const);
  });
  const postings = new Map<string, Array<{ i: number; x: number }>>();
  vectors.forEach((v, i) => {
    for (const [w, x] of v) {
      const list = postings.get(w) ?? [];
      list.push({ i, x });
      postings.set(w, list);
    }
  });

  const best = new Array<number>(n).fill(0);
  const pairMap = new Map<string, UnitPair>();
  for (let i = 0; i < n; i++) {
    const dots = new Map<number, number>();
    for (const [w, x] of vectors[i]!) {
      for (const p of postings.get(w)!) {
        if (p.i <= i || measures[p.i]!.unit === measures[i]!.unit) continue;
        dots.set(p.i, (dots.get(p.i) ?? 0) + x * p.x);
      }
    }
    for (const [j, dot] of dots) {
      const sim = round4(dot);
      best[i] = Math.max(best[i]!, sim);
      best[j] = Math.max(best[j]!, sim);
      if (sim < SHARED_MEASURE_MIN) continue;
      const [a, b] = measures[i]!.unit < measures[j]!.unit ? [measures[i]!, measures[j]!] : [measures[j]!, measures[i]!];
      const key = `${a.unit}:${b.unit}`;
      const pair = pairMap.get(key) ?? { a: a.unit, b: b.unit, count: 0, shared: [] };
      pair.count++;
      pair.shared.push({ a, b, similarity: sim });
      pairMap.set(key, pair);
    }
  }
  const order = (x: SharedMeasure, y: SharedMeasure) =>
    y.similarity - x.similarity || x.a.unit - y.a.unit || x.a.measure.span.start - y.a.measure.span.start || x.b.measure.span.start - y.b.measure.span.start;
  const pairs = [...pairMap.values()]
    .map((p) => ({ ...p, shared: p.shared.sort(order).slice(0, SIMILARITY_KEEP) }))
    .sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);

  const units = [...new Set(measures.map((m) => m.unit))].sort((a, b) => a - b);
  const distinctive = units.map((unit) => {
    const mine = measures
      .map((m, i) => ({ m, best: best[i]!, i }))
      .filter((x) => x.m.unit === unit && x.best < DISTINCTIVE_MEASURE_MAX && words[x.i]!.length > 0)
      .map(({ m, best: b }) => ({ m, best: b }));
    return {
      unit,
      count: mine.length,
      measures: [...mine].sort((x, y) => x.best - y.best || x.m.measure.span.start - y.m.measure.span.start).slice(0, SIMILARITY_KEEP),
    };
  });
  return { pairs, distinctive };
}
