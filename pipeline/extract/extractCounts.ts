/**
 * Counts: run the count rules (rules/counts.ts), keep the longer of overlapping matches, drop what is not a
 * count (numbers inside date mentions, 《titles》, slogans and formulas: rules/slogans.ts), then find the object
 * counted from part-of-speech tags — the noun phrase right after the classifier (10项规章制度), else the noun
 * right before the number (反馈问题688个; skipping a count just before: 问题5个方面21个). Only the few characters
 * around each count are segmented, so jieba stays off the hot path, and only the words looked at are tagged.
 */
import type { Count, Span } from '../../output/schema.js';
import { OBJECT_RULES } from '../../rules/countObjects.js';
import { SLOGAN_RULES, SLOGANS } from '../../rules/slogans.js';
import { CLASSIFIERS } from '../../rules/classifiers.js';
import { APPROX_WORDS, COUNT_RULES } from '../../rules/counts.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { normalizeText } from '../../text/charMap.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { extractDates } from './extractDates.js';
import { OBJECT_CLAUSE_END, stretchEnd, stretchStart } from '../../text/punctuation.js';
import { type Result, result } from '../result.js';
import type { Segmenter } from '../segment/segmenter.js';
import { countStarts, sloganStarts } from './ruleStarts.js';
import { removeOverlaps, runRules, runRulesAt } from './runRules.js';

/** A count before its section is known. */
export type CountItem = Omit<Count, 'section'>;

const RULE_ORDER = COUNT_RULES.map((r) => r.id);
/** How far (in characters) an object is looked for after a classifier or before a number. */
const WINDOW = 16;

/** The lexicon's slogans by their first code unit (indexes into SLOGANS), and a table of those first units. */
const SLOGANS_BY_FIRST = new Map<number, number[]>();
const SLOGAN_FIRST = new Uint8Array(0x10000);
SLOGANS.forEach((s, k) => {
  const c = s.charCodeAt(0);
  SLOGAN_FIRST[c] = 1;
  const list = SLOGANS_BY_FIRST.get(c);
  if (list) list.push(k);
  else SLOGANS_BY_FIRST.set(c, [k]);
});

/** Occurrences of the lexicon's slogans, in lexicon order, each slogan's left to right without overlapping itself
 *  (as repeated indexOf calls find them), found in one pass over the view. */
function lexiconSpans(view: string, spans: Span[]): void {
  const found = new Array<Span[] | undefined>(SLOGANS.length);
  const nextFree = new Int32Array(SLOGANS.length);
  for (let i = 0; i < view.length; i++) {
    const c = view.charCodeAt(i);
    if (SLOGAN_FIRST[c] !== 1) continue;
    for (const k of SLOGANS_BY_FIRST.get(c)!) {
      const s = SLOGANS[k]!;
      if (i < nextFree[k]! || !view.startsWith(s, i)) continue;
      (found[k] ??= []).push({ start: i, end: i + s.length });
      nextFree[k] = i + s.length;
    }
  }
  for (const list of found) if (list) spans.push(...list);
}

/** Spans of slogans, formulas, short numeral quotations and 《titles》 in the view. */
export function sloganSpans(view: string): Span[] {
  const spans: Span[] = runRulesAt(SLOGAN_RULES, view, undefined, sloganStarts(view)).map((h) => ({ start: h.start, end: h.end }));
  lexiconSpans(view, spans);
  const title = /《[^《》\n]{1,120}》/gu;
  for (let m = title.exec(view); m; m = title.exec(view)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The clause after a count's classifier, where its object may stand: [end, stop), at most WINDOW characters. */
function afterWindow(view: string, end: number): Span {
  return { start: end, end: stretchEnd(view, end, OBJECT_CLAUSE_END, Math.min(view.length, end + WINDOW)) };
}

/** The clause before a number, where its object may stand: [from, start), at most WINDOW characters. */
function beforeWindow(view: string, start: number): Span {
  return { start: stretchStart(view, start, OBJECT_CLAUSE_END, Math.max(0, start - WINDOW)), end: start };
}

/** The object after a classifier, from the words of the window after it (which starts at `start`): skip listed
 *  modifiers, then take a run of nominal words. Only the words looked at are tagged. */
function objectAfter(view: string, start: number, words: readonly string[], seg: Segmenter): { object: string; end: number } | null {
  const r = OBJECT_RULES.after;
  let i = 0;
  let at = start; // where words[i] starts
  while (i < words.length && r.skip.has(words[i]!)) at += words[i++]!.length;
  const first = i;
  const from = at;
  const nominal = (k: number) => k < words.length && r.tags.has(seg.tagOf(words[k]!)) && !r.stop.has(words[k]!);
  if (!nominal(i)) return null;
  at += words[i++]!.length;
  // Extend only past a modifier (春耕生产|督导组, 审批|事项): a plain noun is the head; what follows it is not
  // part of what is counted (学生党员|档案, 群众|办理).
  while (i - first < r.maxTokens && r.modifierTags.has(seg.tagOf(words[i - 1]!)) && nominal(i)) at += words[i++]!.length;
  return { object: view.slice(from, at), end: at };
}

/** The object before a number, from the words of the clause before it: the last nominal word, skipping linking
 *  words (共, 累计, 达到). */
function objectBefore(words: readonly string[], seg: Segmenter): string | null {
  const r = OBJECT_RULES.before;
  let i = words.length - 1;
  while (i >= 0 && r.skip.has(words[i]!)) i--;
  if (i < 0) return null;
  const w = words[i]!;
  return r.tags.has(seg.tagOf(w)) && !r.stop.has(w) ? w : null;
}

/** The words of the windows of `view`, segmented in one call into the segmenter. */
function windowWords(view: string, windows: ReadonlyArray<{ start: number; end: number }>, seg: Segmenter): string[][] {
  return seg.wordsMany(windows.map((w) => view.slice(w.start, w.end)));
}

/** Find the counts of a document; `blocked` spans hold none (the date mentions). */
export function extractCounts(doc: DocumentContext, blockedSpans: readonly Span[]): Result<CountItem[]> {
  const { view, text, segmenter: seg } = doc;
  const blocked = [...blockedSpans, ...sloganSpans(view)];
  const hits = removeOverlaps(runRulesAt(COUNT_RULES, view, undefined, countStarts(view)), RULE_ORDER).filter(
    (h) => !blocked.some((b) => overlaps(h, b)),
  );
  // Objects: first after the classifier (the windows of all counts tagged in one call), then, for the counts
  // that need one and have none, before the number (again in one call).
  const afterWindows = hits.map((h) => (h.value.object === 'before' ? { start: h.end, end: h.end } : afterWindow(view, h.end)));
  const afterWords = windowWords(view, afterWindows, seg);
  const found = hits.map((h, i) => {
    const after = h.value.object === 'before' ? null : objectAfter(view, afterWindows[i]!.start, afterWords[i]!, seg);
    return { hit: h, object: after?.object ?? null, end: after?.end ?? h.end };
  });
  const kept = found.filter((f) => !(f.hit.value.object === 'after-required' && f.object === null));
  // 问题5个方面21个: the object of 21个 stands before the count just before it.
  const anchors = kept.map((f, i) => {
    const prev = kept[i - 1];
    return prev && prev.end === f.hit.start ? prev.hit.start : f.hit.start;
  });
  const beforeWords = windowWords(
    view,
    kept.map((f, i) => (f.object === null ? beforeWindow(view, anchors[i]!) : { start: anchors[i]!, end: anchors[i]! })),
    seg,
  );
  const out: CountItem[] = [];
  kept.forEach((f, i) => {
    const c = f.hit.value;
    const object = f.object ?? objectBefore(beforeWords[i]!, seg);
    out.push({
      text: text.slice(f.hit.start, f.end),
      span: { start: f.hit.start, end: f.end },
      rule: f.hit.rule,
      value: c.value,
      unit: c.unit,
      object,
      approx: c.approx,
    });
  });
  return result(out);
}

/** The counts of a bare text, as the pipeline finds them (its date mentions blocked): for the tables' runners. */
export function countsOfText(ctx: PipelineContext, text: string): { doc: DocumentContext; counts: CountItem[] } {
  const doc = documentContext(ctx, text);
  return { doc, counts: extractCounts(doc, extractDates(doc).value.map((d) => d.span)).value };
}

/** The count table as registered: the full extraction (dates blocked, slogans dropped, objects from POS tags). */
export const COUNTS_TABLE: RuleTable<CountItem, PipelineContext> = {
  name: 'counts',
  rules: COUNT_RULES,
  lexicons: { APPROX_WORDS, CLASSIFIERS, OBJECT_RULES },
  run: (text, ctx) => countsOfText(ctx, text).counts.map((c) => ({ start: c.span.start, end: c.span.end, rule: c.rule, value: c })),
};

/** The slogan table as registered: every span the generic slogan rules find (the lexicon is matched beside them). */
export const SLOGANS_TABLE: RuleTable = {
  name: 'slogans',
  rules: SLOGAN_RULES,
  lexicons: { SLOGANS },
  run: (text) => runRules(SLOGAN_RULES, normalizeText(text), undefined),
};
