/**
 * Measures: walk every section's own body (from the end of its title to its first child; the closing holds none, nor
 * does the preamble of a notice with headings — a notice without any is walked whole), cut each paragraph into
 * enumerated items, run-in lead sentences or action sentences (rules/measures.ts), take off lead-ins (针对…的问题，),
 * leave out what is no measure (background, opinion, slogans, the problem, totals), and give each measure its status:
 * the outermost enclosing title that names one, else the paragraph's lead (下一步，…), else the first status cue of its
 * own words. Measure ids m1, m2… follow document order.
 */
import type { Measure, Section } from '../../output/schema.js';
import { ACTION_SENTENCE, ENUMERATOR_RULES, type EnumeratorValue, ITEM_LEAD, LEAD_SENTENCE, MEASURE_LEADS, NOT_MEASURE_RULES, STATUS_CUES, STATUS_LABELS, STATUS_RULES } from '../../rules/measures.js';
import { CLOSING_RULES } from '../../rules/closing.js';
import { boilerplateRule } from '../../rules/htmlBoilerplate.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { buildSections, type Structure } from '../structure/buildSections.js';
import { CharClass } from '../../text/charClass.js';
import { WORD_BOUNDARY } from '../../text/punctuation.js';
import { type Result, result } from '../result.js';
import type { Segmenter } from '../segment/segmenter.js';
import { enumeratorStarts } from './ruleStarts.js';
import { runRulesAt } from './runRules.js';

/** A measure before its section id is attached. */
export type MeasureItem = Omit<Measure, 'section'>;

type Status = Measure['status'];

/** A status and the rule that set it. */
interface StatusOf {
  status: Status;
  rule: string | null;
}

const NO_STATUS: StatusOf = { status: null, rule: null };

/** The status of a chain of titles (outermost first): the first title that any status rule matches. */
export function statusOf(titles: readonly string[]): StatusOf {
  for (const t of titles) {
    for (const r of STATUS_RULES) {
      const m = r.pattern.exec(t);
      if (m) return { status: r.extract(m, undefined)?.status ?? null, rule: r.id };
    }
  }
  return NO_STATUS;
}

/** The text with what stands inside 《》 blanked out (same length): a title's words are no cue of the measure
 *  (形成《…问题原因分析及下一步整改措施》报告 is done, not planned). */
function withoutTitles(text: string): string {
  return text.replace(/《[^《》]*》/gu, (t) => `《${'□'.repeat(t.length - 2)}》`);
}

/** The cue of a measure's own words that decides its status (STATUS_CUES), with where: a cue about the whole measure
 *  (a part done, the rest to come) wherever it stands, else the one that stands first. */
function firstCue(text: string): { at: number; length: number; status: Status; rule: string } | null {
  let best: { at: number; length: number; status: Status; rule: string } | null = null;
  const words = withoutTitles(text);
  let whole = false;
  for (const r of STATUS_CUES) {
    const m = r.pattern.exec(words);
    const value = m ? r.extract(m, undefined) : null;
    if (!m || !value) continue;
    // A cue about the whole measure decides over the first one; among cues of one kind the first decides.
    const isWhole = value.whole === true;
    if (best === null || (isWhole && !whole) || (isWhole === whole && m.index < best.at)) {
      best = { at: m.index, length: m[0].length, status: value.status, rule: r.id };
      whole = isWhole;
    }
  }
  return best;
}

/** The status a measure's own words give. */
function cueStatus(text: string): StatusOf {
  const c = firstCue(text);
  return c ? { status: c.status, rule: c.rule } : NO_STATUS;
}

/** The status a paragraph's lead names for all its measures: the plans rule at the start of its first clause
 *  (下一步，…; 今后，…). Other status words in a lead name the problems, not the measures (尚未完成的问题中，…). */
const PLANNED_LEAD = STATUS_RULES.find((r) => r.id === 'status/planned')!;
function leadStatus(view: string, start: number, end: number): StatusOf {
  let e = start;
  while (e < end && !'，,。；;：:'.includes(view[e]!)) e++;
  const m = PLANNED_LEAD.pattern.exec(view.slice(start, e));
  return m && m.index <= 1 ? { status: 'planned', rule: `${PLANNED_LEAD.id}+paragraph` } : NO_STATUS;
}

/** The status a field of an entry states for the measures of its body (完成情况：已完成), the first that does. */
function labelStatus(body: string): StatusOf {
  let best: { at: number; status: StatusOf } | null = null;
  for (const r of STATUS_LABELS) {
    const m = r.pattern.exec(body);
    const v = m ? r.extract(m, undefined) : null;
    if (m && v && (best === null || m.index < best.at)) best = { at: m.index, status: { status: v.status, rule: r.id } };
  }
  return best?.status ?? NO_STATUS;
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

/** Enumerators of a paragraph that continue a sequence: the first of a family is 1, each next one +1. A sequence
 *  goes on across the paragraphs of one section's body (一是… in one paragraph, 二是… in the next): `last` holds the
 *  last ordinal of each family. */
function enumerators(view: string, start: number, end: number, last: Map<string, number>): Hit<EnumeratorValue>[] {
  const paragraph = view.slice(start, end);
  const starts = enumeratorStarts(paragraph);
  if (starts.length === 0) return [];
  const hits = runRulesAt(ENUMERATOR_RULES, paragraph, undefined, starts, start).sort((a, b) => a.start - b.start);
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

/** Where the first sentence of [from, end) ends (after its mark), or `end`. */
function firstSentenceEnd(view: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (ITEM_END.has(view.charCodeAt(i))) return i + 1;
  return end;
}

/** True when the sentence [from, stop) is a lead: a few short clauses (强化跟踪问效，压紧督导责任。). */
function opensWithLead(view: string, from: number, stop: number): boolean {
  const clauses = view.slice(from, stop - 1).split(/[，,、]/u);
  return clauses.length <= ITEM_LEAD.maxClauses && clauses.every((c) => c.length <= ITEM_LEAD.maxClauseLength);
}

/** Cut one paragraph [start, end) into measure pieces. */
function paragraphPieces(doc: DocumentContext, start: number, end: number, sequence: Map<string, number>): Piece[] {
  const { view, sentences } = doc;
  const enums = enumerators(view, start, end, sequence);
  if (enums.length > 0) {
    const pieces: Piece[] = [];
    // Text before the first enumerator: whole sentences are action sentences; the clause that leads into the
    // enumeration (整改情况：, 针对…的问题，) is not a measure.
    const first = enums[0]!;
    const lastStop = view.lastIndexOf('。', first.start - 1);
    if (lastStop >= start) pieces.push(...actionSentences(doc, start, lastStop + 1));
    enums.forEach((h, i) => {
      const next = enums[i + 1];
      const from = h.start + h.value.length;
      if (next) {
        pieces.push({ start: from, end: next.start, rule: h.rule });
        return;
      }
      // The last item of an inline list runs to the paragraph's end when it opens with a lead (强化跟踪问效，压紧督导责任。…);
      // an item that is one full sentence ends there, and what follows is measures of its own. A paragraph that is
      // one item (二是… at its start) is that item to its end.
      const stop = firstSentenceEnd(view, from, end);
      if (stop === end || enums.length === 1) pieces.push({ start: from, end, rule: h.rule });
      else if (opensWithLead(view, from, stop)) pieces.push({ start: from, end, rule: ITEM_LEAD.id });
      else pieces.push({ start: from, end: stop, rule: h.rule }, ...actionSentences(doc, stop, end));
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

/** The lead-ins at the start of a text (MEASURE_LEADS), one after another: their rule and length. */
function leadIns(text: string): Array<{ rule: string; length: number }> {
  const out: Array<{ rule: string; length: number }> = [];
  let at = 0;
  for (let again = true; again; ) {
    again = false;
    const rest = text.slice(at);
    for (const r of MEASURE_LEADS) {
      const m = r.pattern.exec(rest);
      if (m && m[0].length < rest.length - 1) {
        out.push({ rule: r.id, length: m[0].length });
        at += m[0].length;
        again = true;
        break;
      }
    }
  }
  return out;
}

/** The rule that makes a text no measure, if one does (NOT_MEASURE_RULES). */
const notMeasure = (text: string) => NOT_MEASURE_RULES.find((r) => r.pattern.test(text));

/** A piece without its lead-ins, or null when what is left is no measure. */
function refine(view: string, p: Piece): Piece | null {
  const start = p.start + leadIns(view.slice(p.start, p.end)).reduce((n, l) => n + l.length, 0);
  const rest = view.slice(start, p.end);
  if (notMeasure(rest)) return null;
  // Page furniture and closing lines are no measures either, where the closing was not told apart (a web copy).
  if (boilerplateRule(rest) !== null || WELCOME.pattern.test(rest)) return null;
  return trimPiece(view, { start, end: p.end, rule: p.rule });
}

/** Sentence-ending marks: a line without one is a title, a label or page furniture, not a paragraph of measures. */
const HAS_SENTENCE_END = /[。；;！!？?]/u;

/** The closing's invitation to supervise (欢迎…监督). */
const WELCOME = CLOSING_RULES.find((r) => r.id === 'closing/welcome')!;

/** The marks that end an enumerated item's first sentence (not ；: items of one sentence are often joined by it). */
const ITEM_END = new CharClass(/[。！!？?]/u);

/** Where a section's own body starts: after its title (and the 。 ending a run-in title). */
function bodyStart(view: string, s: Section): number {
  let at = s.titleSpan.end;
  if (view[at] === '。') at++;
  return at;
}

/** Where the paragraph starting at `p` ends (before `to`): at its line's end, unless the line is prose (it has a sentence
 *  end) broken off mid-sentence (no sentence end at its end: 打造“人才-项目-平台-⏎成果”全链条…), as a copy from a web
 *  page wraps its lines; then the next non-blank line goes on with the paragraph. */
function paragraphEnd(view: string, p: number, to: number): number {
  let end = view.indexOf('\n', p);
  if (end === -1 || end > to) return to;
  while (end < to) {
    const line = view.slice(p, end).trimEnd();
    const next = view.indexOf('\n', end + 1);
    const nextEnd = next === -1 || next > to ? to : next;
    if (!HAS_SENTENCE_END.test(line) || SENTENCE_TAIL.test(line) || view.slice(end + 1, nextEnd).trim() === '') return end;
    end = nextEnd;
  }
  return to;
}

/** A line that ends a sentence (its last mark, a closing quote or bracket after it allowed). */
const SENTENCE_TAIL = /[。；;！!？?：:][”’」』）)]*$/u;

/** Find the measures of a document given its structure. */
export function extractMeasures(doc: DocumentContext, structure: Pick<Structure, 'sections' | 'parts'>): Result<MeasureItem[]> {
  const { view, text } = doc;
  const out: MeasureItem[] = [];
  /** The measures of the paragraphs of [from, to), under a context status (from the enclosing titles). */
  const body = (from: number, to: number, titles: StatusOf, onlySentences: boolean) => {
    const sequence = new Map<string, number>();
    // The titles decide; else a field of the entry that states its state (完成情况：已完成) holds for its whole body
    // (a section's: in a notice without headings the paragraphs are not one entry).
    const context = titles.rule !== null || onlySentences ? titles : labelStatus(view.slice(from, to));
    let p = from;
    while (p < to) {
      const lineEnd = paragraphEnd(view, p, to);
      if (!onlySentences || HAS_SENTENCE_END.test(view.slice(p, lineEnd))) {
        const paragraph = context.rule !== null ? context : leadStatus(view, p, lineEnd);
        for (const piece of paragraphPieces(doc, p, lineEnd, sequence)) {
          const t = refine(view, piece);
          if (!t) continue;
          const { status, rule } = paragraph.rule !== null ? paragraph : cueStatus(view.slice(t.start, t.end));
          out.push({ id: `m${out.length + 1}`, text: text.slice(t.start, t.end), span: { start: t.start, end: t.end }, rule: t.rule, status, statusRule: rule });
        }
      }
      p = lineEnd + 1;
    }
  };
  const walk = (ss: readonly Section[], titles: readonly string[]) => {
    for (const s of ss) {
      const chain = [...titles, view.slice(s.titleSpan.start, s.titleSpan.end)];
      body(bodyStart(view, s), s.children[0]?.span.start ?? s.span.end, statusOf(chain), false);
      walk(s.children, chain);
    }
  };
  // A notice without headings (only 一是…二是… paragraphs) has its measures in what would be the preamble.
  const preamble = structure.parts.preamble;
  if (structure.sections.length === 0 && preamble) body(preamble.start, preamble.end, NO_STATUS, true);
  walk(structure.sections, []);
  return result(out);
}

/** The measure table as registered: the text is a small notice; its sections are built, then measures extracted
 *  with their status. */
export const MEASURES_TABLE: RuleTable<MeasureItem, PipelineContext> = {
  name: 'measures',
  rules: [...ENUMERATOR_RULES, LEAD_SENTENCE, ITEM_LEAD, ACTION_SENTENCE],
  run(text, ctx) {
    const doc = documentContext(ctx, text);
    return extractMeasures(doc, buildSections(doc, null).value).value.map((m) => ({ start: m.span.start, end: m.span.end, rule: m.rule, value: m }));
  },
};

/** The status-cue table as registered: the text is one measure; the hit is the cue that decides its status. */
export const STATUS_CUES_TABLE: RuleTable = {
  name: 'measure status cues',
  rules: STATUS_CUES,
  run(text) {
    const c = firstCue(text);
    return c ? [{ start: c.at, end: c.at + c.length, rule: c.rule, value: { status: c.status } }] : [];
  },
};

/** The table of what is no measure, as registered: the hit is the whole text when a rule leaves it out. */
export const NOT_MEASURE_TABLE: RuleTable = {
  name: 'not measures',
  rules: NOT_MEASURE_RULES,
  run(text) {
    const r = notMeasure(text);
    return r ? [{ start: 0, end: text.length, rule: r.id, value: {} }] : [];
  },
};

/** The lead-in table as registered: the hits are the lead-ins taken off the start of a measure. */
export const MEASURE_LEADS_TABLE: RuleTable = {
  name: 'measure lead-ins',
  rules: MEASURE_LEADS,
  run(text) {
    let at = 0;
    return leadIns(text).map((l) => {
      const hit = { start: at, end: at + l.length, rule: l.rule, value: {} };
      at += l.length;
      return hit;
    });
  },
};

/** The measure-status table as registered: the text is one section title; the hit is where the deciding rule
 *  matched. */
/** The status-label table as registered: the text is an entry's body; the hit is the label that states its state. */
export const STATUS_LABELS_TABLE: RuleTable = {
  name: 'measure status labels',
  rules: STATUS_LABELS,
  run(text) {
    const { status, rule } = labelStatus(text);
    const r = STATUS_LABELS.find((x) => x.id === rule);
    const m = r?.pattern.exec(text);
    return r && m ? [{ start: m.index, end: m.index + m[0].length, rule: r.id, value: { status } }] : [];
  },
};

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
