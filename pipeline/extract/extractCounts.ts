/**
 * Counts: run the count rules (rules/counts.ts), keep the longer of overlapping matches, drop what is not a
 * count (numbers inside date mentions, 《titles》, slogans and formulas: rules/slogans.ts), then find the object
 * counted from part-of-speech tags — the noun phrase right after the classifier (10项规章制度), else the noun
 * right before the number (反馈问题688个; skipping a count just before: 问题5个方面21个). Only the few characters
 * around each count are segmented, so jieba stays off the hot path.
 */
import type { Count, Span } from '../../output/schema.js';
import { COUNT_RULES } from '../../rules/counts.js';
import { OBJECT_RULES } from '../../rules/countObjects.js';
import { SLOGAN_RULES, SLOGANS } from '../../rules/slogans.js';
import { type Segmenter, segmenter as sharedSegmenter, type Token } from '../segment/segmenter.js';
import { removeOverlaps, runRules } from './runRules.js';

/** A count before its section is known. */
export type CountItem = Omit<Count, 'section'>;

/** What count extraction needs besides the text. */
export interface CountContext {
  /** Spans that hold no counts: date mentions (and anything else the caller knows). */
  blocked?: readonly Span[];
  segmenter?: Segmenter;
}

const RULE_ORDER = COUNT_RULES.map((r) => r.id);
/** Characters that end the clause an object can belong to. */
const CLAUSE_END = /[,，。;；:：、!！?？()（）“”"《》\n]/u;
const WINDOW = 16;

/** Spans of slogans, formulas, short numeral quotations and 《titles》 in the view. */
export function sloganSpans(view: string): Span[] {
  const spans: Span[] = runRules(SLOGAN_RULES, view, undefined).map((h) => ({ start: h.start, end: h.end }));
  for (const s of SLOGANS) {
    for (let at = view.indexOf(s); at !== -1; at = view.indexOf(s, at + s.length)) spans.push({ start: at, end: at + s.length });
  }
  const title = /《[^《》\n]{1,120}》/gu;
  for (let m = title.exec(view); m; m = title.exec(view)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** End of the clause starting at `from` (at most `max` characters on). */
function clauseEnd(view: string, from: number, max: number): number {
  const stop = Math.min(view.length, from + max);
  for (let i = from; i < stop; i++) if (CLAUSE_END.test(view[i]!)) return i;
  return stop;
}

/** Start of the clause ending at `to` (at most `max` characters back). */
function clauseStart(view: string, to: number, max: number): number {
  const stop = Math.max(0, to - max);
  for (let i = to - 1; i >= stop; i--) if (CLAUSE_END.test(view[i]!)) return i + 1;
  return stop;
}

const isTag = (t: Token, tags: ReadonlySet<string>) => tags.has(t.tag);

/** The object after a classifier: skip listed modifiers, then take a run of nominal tokens. */
function objectAfter(view: string, end: number, seg: Segmenter): { object: string; end: number } | null {
  const stop = clauseEnd(view, end, WINDOW);
  if (stop <= end) return null;
  const tokens = seg.tag(view.slice(end, stop), end);
  const r = OBJECT_RULES.after;
  let i = 0;
  while (i < tokens.length && r.skip.has(tokens[i]!.word)) i++;
  const first = i;
  const nominal = (t: Token | undefined) => t !== undefined && isTag(t, r.tags) && !r.stop.has(t.word);
  if (!nominal(tokens[i])) return null;
  i++;
  // Extend only past a modifier (春耕生产|督导组, 审批|事项): a plain noun is the head; what follows it is not
  // part of what is counted (学生党员|档案, 群众|办理).
  while (i - first < r.maxTokens && r.modifierTags.has(tokens[i - 1]!.tag) && nominal(tokens[i])) i++;
  const from = tokens[first]!.start;
  const to = tokens[i - 1]!.end;
  return { object: view.slice(from, to), end: to };
}

/** The object before a number: the last nominal token of the clause, skipping linking words (共, 累计, 达到). */
function objectBefore(view: string, start: number, seg: Segmenter): string | null {
  const from = clauseStart(view, start, WINDOW);
  if (from >= start) return null;
  const tokens = seg.tag(view.slice(from, start), from);
  const r = OBJECT_RULES.before;
  let i = tokens.length - 1;
  while (i >= 0 && r.skip.has(tokens[i]!.word)) i--;
  if (i < 0) return null;
  const t = tokens[i]!;
  return isTag(t, r.tags) && !r.stop.has(t.word) ? t.word : null;
}

/** Find the counts of a text (`view` is its normalized form; spans address both). */
export function extractCounts(view: string, text: string, ctx: CountContext = {}): CountItem[] {
  const seg = ctx.segmenter ?? sharedSegmenter();
  const blocked = [...(ctx.blocked ?? []), ...sloganSpans(view)];
  const hits = removeOverlaps(runRules(COUNT_RULES, view, undefined), RULE_ORDER).filter(
    (h) => !blocked.some((b) => overlaps(h, b)),
  );
  const out: CountItem[] = [];
  let prev: Span | null = null;
  for (const h of hits) {
    const c = h.value;
    let end = h.end;
    let object: string | null = null;
    if (c.object !== 'before') {
      const after = objectAfter(view, h.end, seg);
      if (after) {
        object = after.object;
        end = after.end;
      }
    }
    if (c.object === 'after-required' && object === null) continue;
    if (object === null) {
      // 问题5个方面21个: the object of 21个 stands before the count just before it.
      const anchor = prev && prev.end === h.start ? prev.start : h.start;
      object = objectBefore(view, anchor, seg);
    }
    out.push({
      text: text.slice(h.start, end),
      span: { start: h.start, end },
      rule: h.rule,
      value: c.value,
      unit: c.unit,
      object,
      approx: c.approx,
    });
    prev = { start: h.start, end };
  }
  return out;
}
