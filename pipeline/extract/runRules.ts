/** The generic rule engine: run a table's patterns over a view of the text and collect hits. */
import type { Hit, Rule } from '../../rules/ruleTypes.js';

const globalCache = new WeakMap<RegExp, RegExp>();

/** The rule's pattern with the g flag (compiled once per pattern). */
function globalPattern(p: RegExp): RegExp {
  let g = globalCache.get(p);
  if (!g) {
    g = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
    globalCache.set(p, g);
  }
  return g;
}

/** Run every rule over `view` (optionally only inside [from, to)); hits carry offsets into `view`. */
export function runRules<V, C>(rules: readonly Rule<V, C>[], view: string, ctx: C, from = 0, to = view.length): Hit<V>[] {
  const hits: Hit<V>[] = [];
  const slice = from === 0 && to === view.length ? view : view.slice(from, to);
  for (const rule of rules) {
    const re = globalPattern(rule.pattern);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const value = rule.extract(m, ctx);
      if (value !== null) hits.push({ start: from + m.index, end: from + m.index + m[0].length, rule: rule.id, value });
    }
  }
  return hits;
}

/** Keep non-overlapping hits, preferring the longer one, then the earlier rule in its table, then the earlier start.
 *  Kept hits stay sorted by start, so each overlap test is a binary search. */
export function removeOverlaps<V>(hits: Hit<V>[], ruleOrder: readonly string[]): Hit<V>[] {
  const rank = new Map(ruleOrder.map((id, i) => [id, i]));
  const sorted = [...hits].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (rank.get(a.rule) ?? 0) - (rank.get(b.rule) ?? 0) || a.start - b.start,
  );
  const kept: Hit<V>[] = [];
  for (const h of sorted) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < h.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > h.start) || (after && after.start < h.end)) continue;
    kept.splice(lo, 0, h);
  }
  return kept;
}
