/**
 * Regulations: every 《title》 (nesting-aware; 〈〉 inside a title stays part of it), its action from the verb
 * before it (rules/regulations.ts), shared along a chain of titles (修订《A》和《B》), and cleared when the
 * title only modifies a noun after it (对照《…规划》中期评估结果), when it names one of the rectification's own
 * working documents (by its title, or by a short name set up with 以下简称), or when a made/revised title stands in
 * a section of plans (四、下一步工作安排). The span is the title inside the brackets.
 */
import type { Regulation, Section } from '../../output/schema.js';
import {
  ALIAS_AFTER,
  CONTENT_FOLLOWERS,
  MODIFIED_NOUN_TAGS,
  REGULATION_ACTION_RULES,
  type RegulationAction,
  TITLE_JOINERS,
  WORKING_DOCUMENT_RULES,
} from '../../rules/regulations.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { stretchStart, TITLE_CLAUSE_END } from '../../text/punctuation.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { type Result, result } from '../result.js';
import type { Segmenter } from '../segment/segmenter.js';
import { buildSections } from '../structure/buildSections.js';
import { statusOf } from './extractMeasures.js';

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

/** The id of the working-document rule a title matches, or null (a regulation). */
function workingDocument(title: string): string | null {
  return WORKING_DOCUMENT_RULES.find((r) => r.pattern.test(title))?.id ?? null;
}

/** Spans of the sections of plans (the outermost title naming a status names 下一步, 今后…: STATUS_RULES). */
function plannedSpans(view: string, sections: readonly Section[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const walk = (ss: readonly Section[], titles: readonly string[]) => {
    for (const s of ss) {
      const chain = [...titles, view.slice(s.titleSpan.start, s.titleSpan.end)];
      if (statusOf(chain).status === 'planned') out.push(s.span);
      else walk(s.children, chain);
    }
  };
  walk(sections, []);
  return out;
}

/** Find the regulations of a document given its section tree. */
export function extractRegulations(doc: DocumentContext, sections: readonly Section[]): Result<RegulationItem[]> {
  const { view, text, segmenter: seg } = doc;
  const titles = findTitles(view);
  const planned = plannedSpans(view, sections);
  /** Short names set up by 以下简称 → the working-document rule of the full title (null: a regulation). */
  const aliases = new Map<string, string | null>();
  /** Where a short name is set up inside 《》: that title is the short name itself. */
  const aliasDefinitions = new Set<number>();
  const out: RegulationItem[] = [];
  let prev: { end: number; action: RegulationAction; rule: string } | null = null;
  for (const t of titles) {
    const open = t.start - 1;
    const title = text.slice(t.start, t.end);
    // Titles are matched as written in the view (組織 → 组织); the output keeps them as written.
    const key = view.slice(t.start, t.end);
    let action: RegulationAction = null;
    let rule = 'regulation/none';
    const between = prev ? view.slice(prev.end + 1, open) : null;
    if (prev && between !== null && TITLE_JOINERS.test(between)) {
      action = prev.action;
      rule = prev.rule;
      if (!rule.endsWith('+chain')) rule = `${rule}+chain`;
    } else {
      const clause = clauseBefore(view, open);
      const hit = REGULATION_ACTION_RULES.find((r) => r.pattern.test(clause));
      if (hit) {
        action = hit.extract(hit.pattern.exec(clause)!, undefined)?.action ?? null;
        rule = hit.id;
      }
    }
    // The verb's action is shared along a chain whatever this title turns out to be.
    prev = { end: t.end, action, rule };
    const alias = ALIAS_AFTER.exec(view.slice(t.end + 1, t.end + 50));
    const working = workingDocument(key);
    if (alias?.groups) {
      const at = t.end + 1 + alias.index + alias[0].indexOf(alias.groups['alias']!);
      if (view[at - 1] === '《') aliasDefinitions.add(at);
      aliases.set(view.slice(at, at + alias.groups['alias']!.length), working);
    }
    if (aliasDefinitions.has(t.start)) {
      action = null;
      rule = 'regulation/alias';
    } else if (working !== null) {
      action = null;
      rule = working;
    } else if (aliases.get(key)) {
      action = null;
      rule = `${aliases.get(key)!}+alias`;
    } else if (action !== null && modifiesNoun(view, t.end, seg)) {
      action = null;
      rule = `${rule.replace(/\+chain$/u, '')}+modifier`;
    } else if ((action === 'made' || action === 'revised') && planned.some((p) => p.start <= t.start && t.end <= p.end)) {
      action = null;
      rule = `${rule.replace(/\+chain$/u, '')}+planned`;
    }
    out.push({ title, text: title, span: { start: t.start, end: t.end }, rule, action });
  }
  return result(out);
}

/** The regulation table as registered: every title with its action (working documents first, then the verb
 *  before the title); the text is a small notice whose sections are built first; the hit is the title inside 《》. */
export const REGULATIONS_TABLE: RuleTable<RegulationItem, PipelineContext> = {
  name: 'regulations',
  rules: [...WORKING_DOCUMENT_RULES, ...REGULATION_ACTION_RULES],
  lexicons: { ALIAS_AFTER, CONTENT_FOLLOWERS, MODIFIED_NOUN_TAGS, TITLE_JOINERS },
  run(text, ctx) {
    const doc = documentContext(ctx, text);
    const { sections } = buildSections(doc, null).value;
    return extractRegulations(doc, sections).value.map((r) => ({ start: r.span.start, end: r.span.end, rule: r.rule, value: r }));
  },
};
