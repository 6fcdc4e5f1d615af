/**
 * Shared and distinctive measures across units, at any number of units: every measure becomes a TF-IDF vector over
 * its jieba words (rules/similarity.ts decides which words count), IDF taken over all measures compared, and two
 * measures of different units are alike by the cosine of their vectors.
 *
 * Comparing all pairs does not scale (5,000 units × 30 measures is 10^10 pairs), so candidates are blocked by the
 * words they share (rules/similarity.ts, SIMILARITY_BLOCK_*):
 * - a word in at most SIMILARITY_BLOCK_WINDOW measures is rare: every two measures sharing it are compared (on a
 *   corpus of a few hundred notices nearly every word is rare, and this is every pair sharing a word);
 * - a word in more measures is common: a measure is compared, through its SIMILARITY_BLOCK_PREFIX rarest words,
 *   with the SIMILARITY_BLOCK_WINDOW measures nearest to it in that word's list (the same measure repeated in
 *   thousands of notices is found alike in its neighbours, not in all of them);
 * - the window is halved (down to 8) while the candidates it would give exceed SIMILARITY_MAX_PAIRS, so that every
 *   measure gets its share; the pairs compared are counted, and the comparison stops at the cap if it is still reached.
 * Each pair is compared once (a pair found from both its measures is skipped the second time). Of the pairs a
 * measure starts, its SHARED_PAIRS_PER_MEASURE most alike are reported as shared.
 *
 * Vectors, word lists and postings are typed arrays (compressed rows), so memory is a few bytes per word of each
 * measure, never a map per measure.
 *
 * natural's tfidf/distance modules were the starting choice; they add 77 MB of dependencies (and print to stdout
 * when imported from the package root) for what is a few lines over words jieba already gives us.
 */
import { normalizeText } from '../text/charMap.js';
import type { Segmenter } from '../pipeline/segment/segmenter.js';
import {
  MIN_MEASURE_WORDS,
  SHARED_MEASURE_MIN,
  SHARED_PAIRS_PER_MEASURE,
  SIMILARITY_BLOCK_PREFIX,
  SIMILARITY_BLOCK_WINDOW,
  SIMILARITY_MAX_PAIRS,
  SIMILARITY_STOP_WORDS,
} from '../rules/similarity.js';

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

/**
 * A growable typed array, by half its size at a time: at 700,000 measures, doubling left tens of megabytes unused. By
 * a quarter, compare at 100,000 notices took 439-443 MB against 406-417: each growth leaves the old array to the
 * garbage collector, and more of them wait for it.
 */
class Grow<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.data.length + (this.data.length >> 1) + 16);
    this.data[this.length++] = v;
  }
  /** Room for `capacity` values in all (nothing when there is already). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const bigger = this.make(capacity);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
  /** The values, this one emptied: a view of the array, not a copy of their size, which would hold both at once
   *  (at 100,000 notices, 134 MB of typed arrays at that moment against 76). */
  take(): T {
    const values = this.data.subarray(0, this.length) as T;
    this.data = this.make(0);
    this.length = 0;
    return values;
  }
}

const int32s = (n: number) => new Grow(new Int32Array(n), (k) => new Int32Array(k));

/** Measures added before the word lists are sized from the words per measure so far (see MeasureComparison.expect). */
const PROJECT_AFTER = 1000;
/** The word lists are sized this much above the words the measures so far project. */
const PROJECT_MARGIN = 1.05;
/** When the word lists must grow again, by this much at least. */
const REPROJECT_MIN = 1.125;

/** The largest count of a word in one measure kept as such (a word said more often counts this many times; a
 *  measure is a sentence or two). */
const MAX_TF = 0xff;

/** What a comparison did: how many measures, how many pairs compared, and whether the cap stopped it. */
export interface ComparisonStats {
  measures: number;
  /** Measures with enough words to be compared. */
  comparable: number;
  pairsCompared: number;
  /** True when SIMILARITY_MAX_PAIRS stopped the comparison before every candidate was compared. */
  capped: boolean;
  /** The window used (SIMILARITY_BLOCK_WINDOW, halved while the candidates would exceed the cap). */
  window: number;
}

/** The result of compare(): the best similarity of each measure with any other unit's, and the stats. */
export interface ComparisonResult {
  best: Float64Array;
  /** 1 when the measure had enough words to be compared. */
  comparable: Uint8Array;
  /** Each measure's unit (as added). */
  unitOf: Int32Array;
  stats: ComparisonStats;
}

/** Binary search of a sorted Int32Array slice [lo, hi) for v; returns its index (v is known to be there). */
function positionOf(a: Int32Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Measures added in order (the measures of unit 0, then unit 1, …; a unit's measures together), then compared.
 */
export class MeasureComparison {
  private readonly vocabulary = new Map<string, number>();
  private readonly units = int32s(1024);
  private readonly offsets = int32s(1024);
  private readonly terms = int32s(4096);
  /** Term counts (see MAX_TF): a weight is computed from its count when a pair is compared, never stored. */
  private readonly tf = new Grow(new Uint8Array(4096), (k) => new Uint8Array(k));
  /** How many measures will be added (expect()), 0 when unknown. */
  private expected = 0;

  constructor(
    private readonly seg: Segmenter,
    /** Limits (rules/similarity.ts by default; tests make them small). */
    private readonly limits = { window: SIMILARITY_BLOCK_WINDOW, prefix: SIMILARITY_BLOCK_PREFIX, maxPairs: SIMILARITY_MAX_PAIRS, sharedPerMeasure: SHARED_PAIRS_PER_MEASURE },
  ) {
    this.offsets.push(0);
  }

  /**
   * Say how many measures will be added: the units and offsets get their exact size, and the word lists, once
   * PROJECT_AFTER measures are in, the size their words per measure project for all of them. Grown by half each time
   * instead, the lists left the old and the new array (2.5 times the words at most) to the collector at their last
   * growth: 76 MB for 8.45 million words at 100,000 notices, which need 42 MB (34 of ids, 8 of counts).
   */
  expect(measures: number): void {
    this.expected = measures;
    this.units.reserve(measures);
    this.offsets.reserve(measures + 1);
  }

  /** Room in the word lists for `more` words. */
  private room(more: number): void {
    const need = this.terms.length + more;
    const capacity = this.terms.data.length;
    if (need <= capacity) return;
    const added = this.units.length + 1;
    if (this.expected === 0 || added < PROJECT_AFTER) return;
    const projected = Math.ceil((need / added) * Math.max(this.expected, added) * PROJECT_MARGIN);
    const size = Math.max(projected, need, this.terms.length > 0 ? Math.ceil(capacity * REPROJECT_MIN) : 0);
    this.terms.reserve(size);
    this.tf.reserve(size);
  }

  /** Add the next measure (its unit index and text); returns its index. */
  add(unit: number, text: string): number {
    const words = measureWords(text, this.seg);
    const counts = new Map<number, number>();
    // Too short a measure gets no words at all: it is neither shared nor distinctive.
    if (words.length >= MIN_MEASURE_WORDS) {
      for (const w of words) {
        let id = this.vocabulary.get(w);
        if (id === undefined) {
          id = this.vocabulary.size;
          this.vocabulary.set(w, id);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    this.room(counts.size);
    for (const id of [...counts.keys()].sort((a, b) => a - b)) {
      this.terms.push(id);
      this.tf.push(Math.min(counts.get(id)!, MAX_TF));
    }
    this.offsets.push(this.terms.length);
    this.units.push(unit);
    return this.units.length - 1;
  }

  /** Compare the measures; `onShared(a, b, similarity, unitA, unitB)` gets every pair at SHARED_MEASURE_MIN or more
   *  (a < b), with the units of a and b. */
  compare(onShared: (a: number, b: number, similarity: number, unitA: number, unitB: number) => void): ComparisonResult {
    const { prefix, maxPairs, sharedPerMeasure } = this.limits;
    const n = this.units.length;
    // Arrays of their exact size.
    const unit = this.units.take();
    const off = this.offsets.take();
    const terms = this.terms.take();
    const tf = this.tf.take();
    const nTerms = this.vocabulary.size;
    this.vocabulary.clear();

    // Document frequencies and IDF; each measure's weights are its TF-IDF values over their norm, made when needed
    // (weightOf: the same arithmetic as storing them, in 1 byte a word instead of 12).
    const df = new Int32Array(nTerms);
    for (let k = 0; k < terms.length; k++) df[terms[k]!]!++;
    const idf = new Float64Array(nTerms);
    for (let t = 0; t < nTerms; t++) idf[t] = Math.log((1 + n) / (1 + df[t]!)) + 1;
    const norm = new Float64Array(n);
    const comparable = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = off[i]!; k < off[i + 1]!; k++) {
        const x = tf[k]! * idf[terms[k]!]!;
        sum += x * x;
      }
      norm[i] = Math.sqrt(sum);
      if (off[i + 1]! > off[i]!) comparable[i] = 1;
    }
    const weightOf = (i: number, k: number) => (norm[i]! > 0 ? (tf[k]! * idf[terms[k]!]!) / norm[i]! : 0);

    // Postings: for each word, the measures holding it, in measure order.
    const postOff = new Int32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) postOff[t + 1] = postOff[t]! + df[t]!;
    const post = new Int32Array(terms.length);
    const fill = postOff.slice(0, nTerms);
    for (let i = 0; i < n; i++) for (let k = off[i]!; k < off[i + 1]!; k++) post[fill[terms[k]!]!++] = i;

    // Each measure's prefix: its `prefix` rarest words (ties by word id), -1 when it has fewer.
    const pre = new Int32Array(n * prefix).fill(-1);
    for (let i = 0; i < n; i++) {
      const mine = Array.from(terms.subarray(off[i], off[i + 1])).sort((a, b) => df[a]! - df[b]! || a - b);
      for (let p = 0; p < Math.min(prefix, mine.length); p++) pre[i * prefix + p] = mine[p]!;
    }
    // The window: the configured one, halved while the candidates it would give (an upper bound: rare words' whole
    // lists, common words' windows for the prefix words) exceed the cap, so that every measure gets its share.
    let window = this.limits.window;
    for (; window > 8; window >>= 1) {
      let estimate = 0;
      for (let i = 0; i < n; i++) {
        for (let k = off[i]!; k < off[i + 1]!; k++) {
          const size = df[terms[k]!]!;
          if (size <= window) estimate += size - 1;
        }
        for (let p = 0; p < prefix; p++) {
          const t = pre[i * prefix + p]!;
          if (t >= 0 && df[t]! > window) estimate += window;
        }
      }
      if (estimate / 2 <= maxPairs) break;
    }
    const half = window >> 1;
    const inPrefix = (i: number, t: number) => {
      for (let p = 0; p < prefix; p++) if (pre[i * prefix + p] === t) return true;
      return false;
    };
    /** True when measure `from` takes `to` as a candidate through word t (both hold t). */
    const candidateVia = (from: number, to: number, t: number) => {
      const lo = postOff[t]!;
      const hi = postOff[t + 1]!;
      if (hi - lo <= window) return true;
      if (!inPrefix(from, t)) return false;
      return Math.abs(positionOf(post, lo, hi, from) - positionOf(post, lo, hi, to)) <= half;
    };

    const best = new Float64Array(n);
    const mark = new Int32Array(n).fill(-1);
    const cands: number[] = [];
    const alike: Array<{ j: number; sim: number }> = [];
    let compared = 0;
    let capped = false;
    outer: for (let i = 0; i < n; i++) {
      cands.length = 0;
      alike.length = 0;
      for (let k = off[i]!; k < off[i + 1]!; k++) {
        const t = terms[k]!;
        const lo = postOff[t]!;
        const hi = postOff[t + 1]!;
        let from = lo;
        let to = hi;
        if (hi - lo > window) {
          if (!inPrefix(i, t)) continue;
          const at = positionOf(post, lo, hi, i);
          from = Math.max(lo, at - half);
          to = Math.min(hi, at + half + 1);
        }
        for (let q = from; q < to; q++) {
          const j = post[q]!;
          if (j === i || unit[j] === unit[i] || mark[j] === i) continue;
          mark[j] = i;
          cands.push(j);
        }
      }
      for (const j of cands) {
        // The dot product by merging the two sorted word lists; a pair that j (earlier) already took is skipped.
        let dot = 0;
        let seen = false;
        let a = off[i]!;
        let b = off[j]!;
        const aEnd = off[i + 1]!;
        const bEnd = off[j + 1]!;
        while (a < aEnd && b < bEnd) {
          const ta = terms[a]!;
          const tb = terms[b]!;
          if (ta < tb) a++;
          else if (tb < ta) b++;
          else {
            dot += weightOf(i, a) * weightOf(j, b);
            if (j < i && !seen && candidateVia(j, i, ta)) seen = true;
            a++;
            b++;
          }
        }
        if (seen) continue;
        if (compared >= maxPairs) {
          capped = true;
          break outer;
        }
        compared++;
        const sim = round4(dot);
        if (sim > best[i]!) best[i] = sim;
        if (sim > best[j]!) best[j] = sim;
        if (sim >= SHARED_MEASURE_MIN) alike.push({ j, sim });
      }
      // The pairs this measure started that are alike: its most alike `sharedPerMeasure` are kept.
      alike.sort((x, y) => y.sim - x.sim || x.j - y.j);
      for (const { j, sim } of alike.slice(0, sharedPerMeasure)) {
        const a = Math.min(i, j);
        const b = Math.max(i, j);
        onShared(a, b, sim, unit[a]!, unit[b]!);
      }
    }
    let nComparable = 0;
    for (let i = 0; i < n; i++) nComparable += comparable[i]!;
    return { best, comparable, unitOf: unit, stats: { measures: n, comparable: nComparable, pairsCompared: compared, capped, window } };
  }
}
