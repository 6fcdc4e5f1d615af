/**
 * The sentences of a document, computed once: the offsets of its sentence-ending marks (SENTENCE_END), from which
 * the sentence around a span and the sentences of a stretch are found by binary search.
 */
import { SENTENCE_END } from './punctuation.js';
import type { Span } from './span.js';

/** Sentence boundaries of one text. */
export class Sentences {
  /** Offsets of the sentence-ending marks, ascending. */
  private readonly ends: Int32Array;
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) if (SENTENCE_END.has(text.charCodeAt(i))) ends.push(i);
    this.ends = Int32Array.from(ends);
  }

  /** Index of the first mark at or after `at`. */
  private firstAtOrAfter(at: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The sentence around a span: from after the previous mark to the next mark (neither mark included). */
  around(span: Span): Span {
    const before = this.firstAtOrAfter(span.start) - 1;
    const after = this.firstAtOrAfter(span.end);
    return { start: before >= 0 ? this.ends[before]! + 1 : 0, end: after < this.ends.length ? this.ends[after]! : this.length };
  }

  /** The sentences of [start, end): each ends after its mark (included), the last one at `end`. */
  within(start: number, end: number): Span[] {
    const out: Span[] = [];
    let s = start;
    for (let k = this.firstAtOrAfter(start); k < this.ends.length && this.ends[k]! < end; k++) {
      out.push({ start: s, end: this.ends[k]! + 1 });
      s = this.ends[k]! + 1;
    }
    if (s < end) out.push({ start: s, end });
    return out;
  }
}
