/**
 * Measures: walk every section's own body (from the end of its title to its first child; the preamble and the
 * closing hold none), cut each paragraph into enumerated items, run-in lead sentences or action sentences
 * (rules/measures.ts), and give each measure the status of the outermost enclosing title that names one.
 * Measure ids m1, m2… follow document order.
 */
import type { Measure, Section } from '../../output/schema.js';
import { ACTION_SENTENCE, ENUMERATOR_RULES, type EnumeratorValue, LEAD_SENTENCE, STATUS_RULES } from '../../rules/measures.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { buildSections } from '../structure/buildSections.js';
import { WORD_BOUNDARY } from '../../text/punctuation.js';
import { type Result, result } from '../result.js';
import type { Segmenter } from '../segment/segmenter.js';
import { enumeratorStarts } from './ruleStarts.js';
import { runRulesAt } from './runRules.js';

/** A measure before its section id is attached. */
export type MeasureItem = Omit<Measure, 'section'>;

type Status = Measure['status'];

/** The status of a chain of titles (outermost first): the first title that any status rule matches. */
export function statusOf(titles: readonly string[]): { status: Status; rule: string | null } {
  for (const t of titles) {
    for (const r of STATUS_RULES) {
      const m = r.pattern.exec(t);
      if (m) return { status: r.extract(m, undefined)?.status ?? null, rule: r.id };
    }
  }
  return { status: null, rule: null };
}

interface Piece {
  start: number;
  end: number;
  rule: string;
}

const SPACE = /[ \t\u3000]/u;

/** Trim spaces and trailing separators (，、) from a piece; keep a closing 。；. */
function trimPiece(view: string, p: Piece): Piece | null {
  let { start, end } = p;
  while (start < end && SPACE.test(view[start]!)) start++;
  while (end > start && (SPACE.test(view[end - 1]!) || /[,，、]/u.test(view[end - 1]!))) end--;
  return end - start >= 2 ? { start, end, rule: p.rule } : null;
}

/** Enumerators of a paragraph that continue a sequence: the first of a family is 1, each next one +1. */
function enumerators(view: string, start: number, end: number): Hit<EnumeratorValue>[] {
  const paragraph = view.slice(start, end);
  const starts = enumeratorStarts(paragraph);
  if (starts.length === 0) return [];
  const hits = runRulesAt(ENUMERATOR_RULES, paragraph, undefined, starts, start).sort((a, b) => a.start - b.start);
  const last = new Map<string, number>();
  return hits.filter((h) => {
    const prev = last.get(h.value.family) ?? 0;
    if (h.value.ordinal !== 1 && h.value.ordinal !== prev + 1) return false;
    last.set(h.value.family, h.value.ordinal);
    return true;
  });
}

const isLead = (view: string, s: { start: number; end: number }) => {
  const len = s.end - s.start;
  return view[s.end - 1] === '。' && len - 1 >= LEAD_SENTENCE.minLength && len - 1 <= LEAD_SENTENCE.maxLength && !LEAD_SENTENCE.inner.test(view.slice(s.start, s.end - 1));
};

/** Cut one paragraph [start, end) into measure pieces. */
function paragraphPieces(doc: DocumentContext, start: number, end: number): Piece[] {
  const { view, sentences } = doc;
  const enums = enumerators(view, start, end);
  if (enums.length > 0) {
    const pieces: Piece[] = [];
    // Text before the first enumerator: whole sentences are action sentences; the clause that leads into the
    // enumeration (整改情况：, 针对…的问题，) is not a measure.
    const first = enums[0]!;
    const lastStop = view.lastIndexOf('。', first.start - 1);
    if (lastStop >= start) pieces.push(...actionSentences(doc, start, lastStop + 1));
    enums.forEach((h, i) => {
      const next = enums[i + 1];
      pieces.push({ start: h.start + h.value.length, end: next ? next.start : end, rule: h.rule });
    });
    return pieces;
  }
  const ss = sentences.within(start, end);
  const lead = ss[0]!;
  if (ss.length > 1 && isLead(view, lead)) {
    const body = (s: { start: number; end: number }) => view.slice(s.start, s.end - 1);
    const tail = (s: { start: number; end: number }) => body(s).slice(-LEAD_SENTENCE.parallelTail);
    const parallel = (s: { start: number; end: number }) => isLead(view, s) && (tail(s) === tail(lead) || body(s).length === body(lead).length);
    const pieces: Piece[] = [];
    for (const s of ss) {
      if (pieces.length === 0 || parallel(s)) pieces.push({ start: s.start, end: s.end, rule: LEAD_SENTENCE.id });
      else pieces[pieces.length - 1]!.end = s.end;
    }
    return pieces;
  }
  return actionSentences(doc, start, end);
}

/** Whether [start, end) has a word with a verb tag: the runs between word boundaries (jieba never joins words
 *  across them) are segmented one at a time, until a verb. */
function hasVerb(view: string, start: number, end: number, seg: Segmenter): boolean {
  let from = start;
  while (from < end) {
    let to = from;
    while (to < end && !WORD_BOUNDARY.has(view.charCodeAt(to))) to++;
    if (to > from) {
      for (const word of seg.words(view.slice(from, to))) if (ACTION_SENTENCE.verbTags.has(seg.tagOf(word))) return true;
    }
    if (to < end && ACTION_SENTENCE.verbTags.has(seg.tagOf(view[to]!))) return true; // the mark is a word of its own
    from = to + 1;
  }
  return false;
}

/** One piece per sentence (long enough to be a measure) that has a verb. */
function actionSentences(doc: DocumentContext, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (const s of doc.sentences.within(start, end)) {
    if (s.end - s.start >= ACTION_SENTENCE.minLength && hasVerb(doc.view, s.start, s.end, doc.segmenter)) out.push({ ...s, rule: ACTION_SENTENCE.id });
  }
  return out;
}

/** Where a section's own body starts: after its title (and the 。 ending a run-in title). */
function bodyStart(view: string, s: Section): number {
  let at = s.titleSpan.end;
  if (view[at] === '。') at++;
  return at;
}

/** Find the measures of a document given its section tree. */
export function extractMeasures(doc: DocumentContext, sections: readonly Section[]): Result<MeasureItem[]> {
  const { view, text } = doc;
  const out: MeasureItem[] = [];
  const walk = (ss: readonly Section[], titles: readonly string[]) => {
    for (const s of ss) {
      const chain = [...titles, view.slice(s.titleSpan.start, s.titleSpan.end)];
      const { status } = statusOf(chain);
      const from = bodyStart(view, s);
      const to = s.children[0]?.span.start ?? s.span.end;
      let p = from;
      while (p < to) {
        const nl = view.indexOf('\n', p);
        const lineEnd = nl === -1 || nl > to ? to : nl;
        for (const piece of paragraphPieces(doc, p, lineEnd)) {
          const t = trimPiece(view, piece);
          if (!t) continue;
          out.push({ id: `m${out.length + 1}`, text: text.slice(t.start, t.end), span: { start: t.start, end: t.end }, rule: t.rule, status });
        }
        p = lineEnd + 1;
      }
      walk(s.children, chain);
    }
  };
  walk(sections, []);
  return result(out);
}

/** The measure table as registered: the text is a small notice; its sections are built, then measures extracted
 *  with their status. */
export const MEASURES_TABLE: RuleTable<MeasureItem, PipelineContext> = {
  name: 'measures',
  rules: [...ENUMERATOR_RULES, LEAD_SENTENCE, ACTION_SENTENCE],
  run(text, ctx) {
    const doc = documentContext(ctx, text);
    const { sections } = buildSections(doc, null).value;
    return extractMeasures(doc, sections).value.map((m) => ({ start: m.span.start, end: m.span.end, rule: m.rule, value: m }));
  },
};

/** The measure-status table as registered: the text is one section title; the hit is where the deciding rule
 *  matched. */
export const STATUS_TABLE: RuleTable = {
  name: 'measure status',
  rules: STATUS_RULES,
  run(text) {
    const { status, rule } = statusOf([text]);
    const r = STATUS_RULES.find((x) => x.id === rule);
    const m = r?.pattern.exec(text);
    return r && m ? [{ start: m.index, end: m.index + m[0].length, rule: r.id, value: { status } }] : [];
  },
};
