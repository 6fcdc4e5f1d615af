/**
 * Counts: run the count rules (rules/counts.ts), keep the longer of overlapping matches, drop what is not a
 * count (numbers inside date mentions, 《titles》, slogans and formulas: rules/slogans.ts), then find the object
 * counted from part-of-speech tags with the tables of rules/countObjects.ts — the noun phrase after the classifier
 * (10项规章制度), else the one before the number (反馈问题688个; the window starts after a count or date just before:
 * 问题5个方面21个), else the object of the list the count continues (已完成整改19个). Only the few characters around
 * each count are segmented, so jieba stays off the hot path, and only the words looked at are tagged.
 */
import type { Count, Span } from '../../output/schema.js';
import { OBJECT_RULES } from '../../rules/countObjects.js';
import { SLOGAN_RULES, SLOGANS } from '../../rules/slogans.js';
import { CLASSIFIERS } from '../../rules/classifiers.js';
import { APPROX_WORDS, COUNT_RULES } from '../../rules/counts.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { normalizeText, simplifyScript } from '../../text/charMap.js';
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

/** A word of an object window: its offsets in the view and its tag (`quoted`: a short quotation or parenthesis
 *  merged into one word). */
interface Word {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** What a word is to an object walker (rules/countObjects.ts). */
type WordClass = 'noun' | 'verbalNoun' | 'verb' | 'modifier' | 'other';

const QUOTED = 'quoted';
/** Opening marks of a quotation or parenthesis taken as one word, and their closing marks. */
const CLOSER: Readonly<Record<string, string>> = { '“': '”', '"': '"', '(': ')', '（': '）', '‘': '’' };
/** The longest quotation or parenthesis taken as one word. */
const MAX_QUOTED = 14;

function classOf(w: Word): WordClass {
  const r = OBJECT_RULES;
  if (r.stop.has(w.word) || r.vague.has(w.word) || r.linking.has(w.word)) return 'other';
  if (w.tag === QUOTED || r.tags.noun.has(w.tag)) return 'noun';
  if (r.tags.verbalNoun.has(w.tag)) return 'verbalNoun';
  if (r.tags.verb.has(w.tag)) return 'verb';
  if (r.tags.modifier.has(w.tag)) return 'modifier';
  return 'other';
}

/** The words of a window starting at `start`, tagged, a short quotation or parenthesis merged into one word. */
function windowWordList(start: number, words: readonly string[], seg: Segmenter): Word[] {
  const out: Word[] = [];
  let at = start;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const closer = CLOSER[w];
    if (closer !== undefined) {
      let j = i + 1;
      let len = w.length;
      while (j < words.length && words[j] !== closer && len <= MAX_QUOTED) len += words[j++]!.length;
      if (j < words.length && words[j] === closer && j > i + 1 && len + 1 <= MAX_QUOTED + 2) {
        const word = words.slice(i, j + 1).join('');
        out.push({ word, tag: QUOTED, start: at, end: at + word.length });
        at += word.length;
        i = j;
        continue;
      }
    }
    out.push({ word: w, tag: seg.tagOf(w), start: at, end: at + w.length });
    at += w.length;
  }
  return out;
}

/** The clause after a count's classifier, where its object may stand: [end, stop), at most `window` characters. */
function afterWindow(view: string, end: number): Span {
  return { start: end, end: stretchEnd(view, end, OBJECT_CLAUSE_END, Math.min(view.length, end + OBJECT_RULES.window)) };
}

/** The clause before a number, where its object may stand: [from, start), at most `window` characters. */
function beforeWindow(view: string, start: number): Span {
  return { start: stretchStart(view, start, OBJECT_CLAUSE_END, Math.max(0, start - OBJECT_RULES.window)), end: start };
}

/** The last word of ws[from..to] a classifier that selects its nouns can count (3名镇村干部党纪处分 → 村干部), `to`
 *  for other classifiers, -1 when the classifier can count none of them (给予2人党纪政务处分). */
function lastHead(ws: readonly Word[], from: number, to: number, unit: string | null): number {
  const rule = OBJECT_RULES.heads.find((h) => unit !== null && (h.units as readonly string[]).includes(unit));
  if (!rule) return to;
  for (let k = to; k >= from; k--) if (rule.ending.test(ws[k]!.word.replace(/[”"’)）]+$/u, ''))) return k;
  return -1;
}

/** The noun phrase starting at ws[from]: words before its first noun may be verbs (联合|实验室), words after it
 *  nouns and modifiers only; it ends on a noun (or a verbal noun). Returns the indexes of its first and last word. */
function phraseFrom(ws: readonly Word[], from: number): { first: number; last: number } | null {
  let last = -1;
  let seenNoun = false;
  for (let j = from; j < ws.length && j - from < OBJECT_RULES.maxWords; j++) {
    if ((seenNoun && OBJECT_RULES.attributes.has(ws[j]!.word)) || OBJECT_RULES.mainVerbs.has(ws[j]!.word)) break;
    const c = classOf(ws[j]!);
    if (c === 'noun' || (c === 'verbalNoun' && !seenNoun)) {
      seenNoun ||= c === 'noun';
      last = j;
    } else if (c === 'verbalNoun') continue;
    else if (c === 'modifier' || (c === 'verb' && !seenNoun)) continue;
    else break;
  }
  return last < from ? null : { first: from, last };
}

/** Where 的 closes a relative clause that starts at ws[from] (2篇|存在问题的|学位论文, 4家|情节较重的|定点医疗机构):
 *  the index of 的 within a few words, with no aspect particle, preposition or mark before it; else -1. A clause that
 *  starts with a noun phrase may hold no verb after it (1个问题|属于…的整改任务 is no relative clause). */
function relativeClauseEnd(ws: readonly Word[], from: number, phrase: { first: number; last: number } | null): number {
  if (from < ws.length && OBJECT_RULES.stop.has(ws[from]!.word)) return -1; // 5个|属于…的任务: the count is the subject
  const predicate = phrase === null || classOf(ws[phrase.first]!) === 'verb';
  for (let k = from; k < ws.length && k - from < 6; k++) {
    const w = ws[k]!;
    if (w.word === '的') return k;
    if (w.tag === 'ul' || w.tag === 'uz' || w.tag === 'ug' || w.tag === 'p' || w.tag === 'x' || w.tag === 'm') return -1;
    if (!predicate && k > phrase.last && (classOf(w) === 'verb' || OBJECT_RULES.stop.has(w.word))) return -1;
  }
  return -1;
}

/** The object after a classifier (see rules/countObjects.ts), and where it ends when it follows the classifier
 *  directly (the count's text then reaches it). */
function objectAfter(ws: readonly Word[], unit: string | null): { start: number; end: number; adjacent: boolean } | null {
  let i = 0;
  while (i < ws.length && OBJECT_RULES.vague.has(ws[i]!.word)) i++;
  const phrase = phraseFrom(ws, i);
  const de = relativeClauseEnd(ws, i, phrase);
  const plainBeforeDe = phrase !== null && phrase.last + 1 === de && classOf(ws[i]!) !== 'verb';
  if (de > i && !plainBeforeDe) {
    const head = phraseFrom(ws, de + 1);
    const last = head ? lastHead(ws, head.first, head.last, unit) : -1;
    if (head && last >= 0) return { start: ws[head.first]!.start, end: ws[last]!.end, adjacent: false };
  }
  const last = phrase ? lastHead(ws, phrase.first, phrase.last, unit) : -1;
  if (!phrase || last < 0) return null;
  return { start: ws[phrase.first]!.start, end: ws[last]!.end, adjacent: true };
}

/** True when `word` names a part of a list (方面, 管理方面). */
const isPart = (word: string) => [...OBJECT_RULES.part].some((p) => word.endsWith(p));

/** The object before a number, walking back from it (see rules/countObjects.ts). */
function objectBefore(ws: readonly Word[], unit: string | null, fenced: boolean): Span | null {
  const r = OBJECT_RULES;
  const has = (set: ReadonlySet<string>, w: Word | undefined) => w !== undefined && set.has(w.word);
  let k = ws.length - 1;
  while (k >= 0 && r.linking.has(ws[k]!.word)) k--;
  if (k < 0 || isPart(ws[k]!.word)) return null;
  const kind = unit === null ? null : (CLASSIFIERS.find((c) => c.unit === unit)?.kind ?? null);
  const activityKind = kind !== null && (r.activityKinds as ReadonlySet<string>).has(kind);
  if (k > 0 && r.passOver.has(ws[k]!.word)) k--;
  const c = classOf(ws[k]!);
  let end = k;
  if (c === 'verb' && !activityKind) {
    // 完成支部|换届|2个: a verb after a noun is passed over; 已完成整改23个 has no object here.
    let m = k;
    while (m >= 0 && classOf(ws[m]!) === 'verb') m--;
    if (m < 0 || classOf(ws[m]!) !== 'noun') return null;
    end = m;
  } else if (c !== 'noun' && c !== 'verbalNoun' && c !== 'verb') return null;
  const head = ws[end]!;
  // An activity (诫勉谈话, 集体学习, 督导整改) is at most two words; a phrase headed by a noun may be long.
  if (classOf(head) !== 'noun') {
    const prev = ws[end - 1];
    const joins =
      prev !== undefined &&
      prev.tag !== 'nt' &&
      prev.tag !== 'j' &&
      (['noun', 'modifier', 'verbalNoun'].includes(classOf(prev)) || (activityKind && classOf(prev) === 'verb'));
    return { start: (joins ? prev : head).start, end: head.end };
  }
  let begin = end;
  let category = false;
  let capped = false;
  for (let j = end - 1; j >= 0; j--) {
    const w = ws[j]!;
    const cj = classOf(w);
    if (isPart(w.word)) break;
    if (end - j >= r.maxWords) {
      capped = cj !== 'other';
      break;
    }
    category ||= ws[j + 1]!.word === r.categorySuffix;
    const prev = j > 0 ? classOf(ws[j - 1]!) : fenced ? 'noun' : 'other';
    // After 的 or a preposition that brings in an object (将, 把, 对) a verb cannot be the main verb.
    const opens = j > 0 && (r.objectOpeners as ReadonlySet<string>).has(ws[j - 1]!.word);
    const verbal = cj === 'verb' || cj === 'verbalNoun';
    const takesHead = [ws[j + 1]!.word, head.word].some((x) => [...r.verbObjects].some((o) => x.endsWith(o)));
    // The word before a noun of measure is its own (审减|金额); the words before 类 name the category.
    if (j === end - 1 && r.measureNouns.has(head.word) && cj !== 'other') begin = j;
    else if (category && (verbal || cj === 'noun' || cj === 'modifier')) begin = j;
    else if (cj === 'noun' || cj === 'modifier') begin = j;
    // A verb that modifies nouns goes on when a verb, a noun, 的 or 将 stands before it (编发|整改|工作简报, 城区道路|
    // 改造|项目, 闲置的|衔接|资金), unless the phrase is its object (督促施工单位|整改|质量安全隐患); a verbal noun goes on
    // right before the head, after a noun or before such a verb (形成|调研|报告, 重点|建设|学科, 编发|整改|工作|专报);
    // any other verb is the clause's main verb.
    else if (verbal && has(r.modifierVerbs, w) && !takesHead && ((prev !== 'other' && prev !== 'modifier') || opens)) begin = j;
    else if (cj === 'verbalNoun' && ((j === end - 1 && prev !== 'other') || prev === 'noun' || (j > 0 && has(r.modifierVerbs, ws[j - 1])))) begin = j;
    else break;
  }
  // A longer phrase is a name: its last two words are taken.
  if (capped) begin = Math.max(begin, end - 1);
  // Modifiers shared with a conjunct before (农村道路和|人居环境|建设经费 → 建设经费) and owners (师生|意见建议) are
  // no part of the phrase, nor a suffix or direction word left alone at its start.
  if (begin > 0 && ws[begin - 1]!.tag === 'c') while (begin < end && classOf(ws[begin]!) === 'noun' && ws[begin + 1]!.tag !== 'x') begin++;
  while (begin < end && (r.possessors.has(ws[begin]!.word) || ['k', 'q', 'zg', 'uj'].includes(ws[begin]!.tag))) begin++;
  return { start: ws[begin]!.start, end: head.end };
}

/** The words of the windows of `view`, segmented in one call into the segmenter, as word lists. */
function windowWords(view: string, windows: readonly Span[], seg: Segmenter): Word[][] {
  const words = seg.wordsMany(windows.map((w) => view.slice(w.start, w.end)));
  return windows.map((w, i) => windowWordList(w.start, words[i]!, seg));
}

/** The sentence a span stands in, and the sentence before it when both are in one paragraph. */
function listScope(doc: DocumentContext, span: Span): number {
  const s = doc.sentences.around(span);
  if (s.start === 0 || doc.view[s.start - 1] === '\n') return s.start;
  return doc.sentences.around({ start: s.start - 1, end: s.start - 1 }).start;
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
    const after = h.value.object === 'before' ? null : objectAfter(afterWords[i]!, h.value.unit);
    return { hit: h, object: after ? { start: after.start, end: after.end } : null, end: after?.adjacent ? after.end : h.end };
  });
  const kept = found.filter((f) => !(f.hit.value.object === 'after-required' && f.object === null));
  // 问题5个方面21个: the object of 21个 stands before the count just before it.
  const anchors = kept.map((f, i) => {
    const prev = kept[i - 1];
    return prev && prev.end === f.hit.start ? prev.hit.start : f.hit.start;
  });
  // The window before a number starts after the count or date mention before it (2023年度|改造项目58个, 11个行政村|
  // 集体经济年收入…10万元以上).
  const fences = [...blockedSpans.map((b) => b.end), ...kept.map((f) => f.end)].sort((a, b) => a - b);
  const beforeWords = windowWords(
    view,
    kept.map((f, i) => {
      const at = anchors[i]!;
      if (f.object !== null) return { start: at, end: at };
      const w = beforeWindow(view, at);
      const fence = fences.filter((e) => e <= at).pop() ?? 0;
      return { start: Math.max(w.start, fence), end: at };
    }),
    seg,
  );
  // A window cut by a count or date (not by a mark) has a word before it: 2023年度|改造项目 (改造 is no main verb).
  const fenced = kept.map((f, i) => {
    const at = anchors[i]!;
    return f.object === null && (fences.filter((e) => e <= at).pop() ?? 0) > beforeWindow(view, at).start;
  });
  const objects = kept.map((f, i) => f.object ?? objectBefore(beforeWords[i]!, f.hit.value.unit, fenced[i]!));
  // A count without an object continues a list: the object of the nearest count before it in its sentence (or the
  // sentence before, in one paragraph) with the same unit.
  kept.forEach((f, i) => {
    if (objects[i] !== null || f.hit.rule !== 'count/classifier') return;
    const from = listScope(doc, f.hit);
    for (let j = i - 1; j >= 0 && kept[j]!.hit.start >= from; j--) {
      if (objects[j] !== null && kept[j]!.hit.value.unit === f.hit.value.unit) {
        objects[i] = objects[j]!;
        break;
      }
    }
  });
  const out: CountItem[] = kept.map((f, i) => {
    const c = f.hit.value;
    const o = objects[i];
    return {
      text: text.slice(f.hit.start, f.end),
      span: { start: f.hit.start, end: f.end },
      rule: f.hit.rule,
      value: c.value,
      unit: c.unit,
      object: o ? simplifyScript(text.slice(o.start, o.end)) : null,
      approx: c.approx,
    };
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
