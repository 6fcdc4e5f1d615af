/**
 * Regulations: every 《title》 (nesting-aware; 〈〉 inside a title stays part of it), its action from the verb
 * before it (rules/regulations.ts), shared along a chain of titles (修订《A》和《B》), and cleared when the
 * title only modifies a noun after it (对照《…规划》中期评估结果). The span is the title inside the brackets.
 */
import type { Regulation } from '../../output/schema.js';
import { CONTENT_FOLLOWERS, MODIFIED_NOUN_TAGS, REGULATION_ACTION_RULES, type RegulationAction, TITLE_JOINERS } from '../../rules/regulations.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { stretchStart, TITLE_CLAUSE_END } from '../../text/punctuation.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { type Result, result } from '../result.js';
import type { Segmenter } from '../segment/segmenter.js';

/** A regulation before its section is known. */
export type RegulationItem = Omit<Regulation, 'section'>;

/** How far (in characters) the verb of a title is looked for before it. */
const LOOKBACK = 24;
const MAX_TITLE = 200;

/** Titles in 《》: [start, end) of the inside, with nesting counted so that an inner 《 does not cut the title. */
export function findTitles(view: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = view.indexOf('《');
  while (from !== -1) {
    let depth = 0;
    let close = -1;
    for (let i = from; i < view.length && i - from <= MAX_TITLE; i++) {
      const c = view[i];
      if (c === '\n') break;
      if (c === '《') depth++;
      else if (c === '》' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close > from + 1) {
      out.push({ start: from + 1, end: close });
      from = view.indexOf('《', close + 1);
    } else from = view.indexOf('《', from + 1);
  }
  return out;
}

/** The clause before `at` (back to a break, at most LOOKBACK characters). */
function clauseBefore(view: string, at: number): string {
  return view.slice(stretchStart(view, at, TITLE_CLAUSE_END, Math.max(0, at - LOOKBACK)), at);
}

/** True when the title is followed by a noun it modifies (…规划》中期评估结果), not by its own content words. */
function modifiesNoun(view: string, closeAt: number, seg: Segmenter): boolean {
  const after = view.slice(closeAt + 1, closeAt + 7);
  const first = seg.tag(after)[0];
  if (!first || CONTENT_FOLLOWERS.has(first.word)) return false;
  return MODIFIED_NOUN_TAGS.has(first.tag);
}

/** Find the regulations of a document. */
export function extractRegulations(doc: DocumentContext): Result<RegulationItem[]> {
  const { view, text, segmenter: seg } = doc;
  const titles = findTitles(view);
  const out: RegulationItem[] = [];
  let prev: { end: number; action: RegulationAction; rule: string } | null = null;
  for (const t of titles) {
    const open = t.start - 1;
    let action: RegulationAction = null;
    let rule = 'regulation/none';
    const between = prev ? view.slice(prev.end + 1, open) : null;
    if (prev && between !== null && TITLE_JOINERS.test(between)) {
      action = prev.action;
      rule = prev.rule.replace(/\+modifier$/u, '');
      if (!rule.endsWith('+chain')) rule = `${rule}+chain`;
    } else {
      const clause = clauseBefore(view, open);
      const hit = REGULATION_ACTION_RULES.find((r) => r.pattern.test(clause));
      if (hit) {
        action = hit.extract(hit.pattern.exec(clause)!, undefined)?.action ?? null;
        rule = hit.id;
      }
    }
    const shared: { end: number; action: RegulationAction; rule: string } = { end: t.end, action, rule };
    if (action !== null && modifiesNoun(view, t.end, seg)) {
      action = null;
      rule = `${rule.replace(/\+chain$/u, '')}+modifier`;
    }
    out.push({ title: text.slice(t.start, t.end), text: text.slice(t.start, t.end), span: { start: t.start, end: t.end }, rule, action });
    prev = shared;
  }
  return result(out);
}

/** The regulation table as registered: every title with its action; the hit is the title inside 《》. */
export const REGULATIONS_TABLE: RuleTable<RegulationItem, PipelineContext> = {
  name: 'regulations',
  rules: REGULATION_ACTION_RULES,
  lexicons: { CONTENT_FOLLOWERS, MODIFIED_NOUN_TAGS, TITLE_JOINERS },
  run: (text, ctx) => extractRegulations(documentContext(ctx, text)).value.map((r) => ({ start: r.span.start, end: r.span.end, rule: r.rule, value: r })),
};
