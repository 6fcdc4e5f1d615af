/** The generic rule engine: run a table's patterns over a view of the text and collect hits. */
import type { Hit, Rule } from '../../rules/ruleTypes.js';

const globalCache = new WeakMap<RegExp, RegExp>();
const stickyCache = new WeakMap<RegExp, RegExp>();

/** The rule's pattern with the g flag (compiled once per pattern). */
function globalPattern(p: RegExp): RegExp {
  let g = globalCache.get(p);
  if (!g) {
    g = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
    globalCache.set(p, g);
  }
  return g;
}

/** The rule's pattern with the y flag and without g (compiled once per pattern): it matches only at lastIndex. */
function stickyPattern(p: RegExp): RegExp {
  let y = stickyCache.get(p);
  if (!y) {
    y = new RegExp(p.source, `${p.flags.replace(/[gy]/gu, '')}y`);
    stickyCache.set(p, y);
  }
  return y;
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

/**
 * `runRules` over the whole view, trying each rule only at candidate positions (ascending): the same hits, in the
 * same order, provided every match of a rule starts at one of its candidates — the caller's guarantee (a table
 * states where its matches can begin, e.g. rules/counts.ts `countStarts`). `starts` is one list for every rule,
 * or a function giving a rule's own list, or null for a rule to be scanned over the whole view. A global scan
 * tries every position left to right and resumes after each match; this does the same over the candidates only,
 * so a rule whose matches need a rare anchor is not run at every character. Hits are offset by `base` (when
 * `view` is a slice of a longer text).
 */
export function runRulesAt<V, C>(
  rules: readonly Rule<V, C>[],
  view: string,
  ctx: C,
  starts: readonly number[] | ((rule: Rule<V, C>) => readonly number[] | null),
  base = 0,
): Hit<V>[] {
  const hits: Hit<V>[] = [];
  for (const rule of rules) {
    const at = typeof starts === 'function' ? starts(rule) : starts;
    if (at === null) {
      for (const h of runRules([rule], view, ctx)) hits.push(base === 0 ? h : { ...h, start: base + h.start, end: base + h.end });
      continue;
    }
    const re = stickyPattern(rule.pattern);
    let resume = 0;
    for (let k = 0; k < at.length; k++) {
      const p = at[k]!;
      if (p < resume) continue;
      re.lastIndex = p;
      const m = re.exec(view);
      if (m === null || m[0].length === 0) continue;
      resume = p + m[0].length;
      const value = rule.extract(m, ctx);
      if (value !== null) hits.push({ start: base + p, end: base + resume, rule: rule.id, value });
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
