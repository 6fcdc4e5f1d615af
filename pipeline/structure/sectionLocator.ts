/** Find the innermost section containing a span (sections nest; the deepest one wins). */
import type { Section, Span } from '../../output/schema.js';

/** A locator over one section tree. */
export interface SectionLocator {
  /** Id of the innermost section containing the span, or null (preamble/closing). */
  locate(span: Span): string | null;
  /** The section with this id. */
  byId(id: string): Section | undefined;
  /** Sections in document (pre-)order. */
  flat: readonly Section[];
}

/** Build a locator; sections are visited in pre-order, so starts are ascending. */
export function sectionLocator(sections: readonly Section[]): SectionLocator {
  const flat: Section[] = [];
  const walk = (ss: readonly Section[]) => {
    for (const s of ss) {
      flat.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  const ids = new Map(flat.map((s) => [s.id, s]));
  const starts = flat.map((s) => s.span.start);
  return {
    flat,
    byId: (id) => ids.get(id),
    locate(span) {
      let lo = 0;
      let hi = starts.length - 1;
      let i = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= span.start) {
          i = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (; i >= 0; i--) {
        const s = flat[i]!;
        if (s.span.start <= span.start && span.end <= s.span.end) return s.id;
      }
      return null;
    },
  };
}
