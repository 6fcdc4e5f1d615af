/**
 * Indicators (output/schema.ts, Indicators): the figures for comparing units. Figures read from the text come
 * from counts, mapped by the rule table rules/indicators.ts on the words around each count, and only from counts
 * that are the notice's figures (SCOPE_RULES: the opening, a summary section or wording that marks a total; never a
 * sub-item's); the rest is computed — the completion rate from problems found and completed, the measures by status,
 * regulations from their titles when no figure is stated, and the timeline from the metadata's dates. Every figure
 * keeps the span it was read from (or, computed, the spans of its inputs) and the id of its rule.
 */
import type { Count, Indicator, Indicators, Measure, Meta, Regulation, Section, Span } from '../../output/schema.js';
import { type CountContext, INDICATOR_CHOICE, INDICATOR_RULES, type IndicatorRule, PLANNED, PROBLEM_FAMILY, type ReadIndicator, SCOPE_RULES, type ScopeRule, SUB_UNIT, TOTAL_WORDS } from '../../rules/indicators.js';
import { NOT_MEASURE_RULES } from '../../rules/measures.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { countsOfText } from './extractCounts.js';
import { buildSections } from '../structure/buildSections.js';
import { sectionLocator } from '../structure/sectionLocator.js';
import { normalizeText } from '../../text/charMap.js';
import { daysBetween, twoMonthsAfter } from '../../text/isoDate.js';
import { CLAUSE_END, FULL_STOP, stretchEnd, stretchStart } from '../../text/punctuation.js';
import type { DocumentContext, PipelineContext } from '../context.js';
import { type Result, result } from '../result.js';

/** One count taken as a mention of an indicator. */
interface IndicatorHit {
  indicator: ReadIndicator;
  rule: string;
  count: Count;
  /** True when the clause before the count marks it as a total (共计, 累计…). */
  total: boolean;
  /** Whether the count is a figure of the whole notice (SCOPE_RULES), and the rule that says so. */
  notice: boolean;
  scopeRule: string | null;
  /** The sentence the count stands in. */
  sentence: Span;
}

/** The titles of the sections enclosing each count, outermost first ([] in the opening, null in the closing). */
export type TitlesOf = (count: Count) => readonly string[] | null;

/** Where the opening of a notice ends: at its first heading; in a notice without headings, after the paragraph that
 *  tells who inspected whom (NOT_MEASURE_RULES' opening rule), or at once when there is none. */
export function openingEnd(doc: DocumentContext, bodyStart: number | null): number {
  if (bodyStart !== null) return bodyStart;
  const opening = NOT_MEASURE_RULES.find((r) => r.id === 'not-measure/opening')!;
  for (let at = 0; at < doc.view.length; ) {
    const nl = doc.view.indexOf('\n', at);
    const end = nl === -1 ? doc.view.length : nl;
    for (const s of doc.sentences.within(at, end)) if (opening.pattern.test(doc.view.slice(s.start, s.end))) return end;
    at = end + 1;
  }
  return 0;
}

/** The titles function of a document: section ids to their title chains in the matching view, [] for the opening
 *  (before `opening`). */
export function titlesOf(sections: readonly Section[], opening: number): TitlesOf {
  const chains = new Map<string, readonly string[]>();
  const walk = (ss: readonly Section[], chain: readonly string[]) => {
    for (const s of ss) {
      const c = [...chain, normalizeText(s.title)]; // matched as the rules match: on the view (組織 → 组织)
      chains.set(s.id, c);
      walk(s.children, c);
    }
  };
  walk(sections, []);
  return (count) => (count.section !== null ? (chains.get(count.section) ?? null) : count.span.start < opening ? [] : null);
}

/** The scope of a count for one indicator: a part rule keeps it out; else the first notice rule for the indicator
 *  that holds makes it the notice's. */
function scopeOf(indicator: ReadIndicator, ctx: CountContext, titles: readonly string[] | null): { notice: boolean; rule: string | null } {
  const on = (r: ScopeRule): string | null => {
    switch (r.on) {
      case 'statement':
        return ctx.statement;
      case 'claim':
        return ctx.claim;
      case 'top-title':
        return titles === null ? null : (titles[0] ?? '');
      case 'titles':
        return titles === null ? null : titles.join('\n');
    }
  };
  for (const r of SCOPE_RULES) {
    if (r.indicators && !r.indicators.includes(indicator)) continue;
    const text = on(r);
    if (text !== null && r.pattern.test(text)) return { notice: r.scope === 'notice', rule: r.id };
  }
  return { notice: false, rule: null };
}

/** The clause before a count, the rest of its clause after it, and its sentence (in the normalized view). */
function countContext(doc: DocumentContext, span: Span): CountContext {
  const { view } = doc;
  const sentence = doc.sentences.around(span);
  return {
    before: view.slice(stretchStart(view, span.start, CLAUSE_END), span.start),
    after: view.slice(span.end, stretchEnd(view, span.end, CLAUSE_END)),
    lead: view.slice(sentence.start, span.start),
    sentence: view.slice(sentence.start, sentence.end),
    statement: view.slice(stretchStart(view, span.start, FULL_STOP), span.start),
    claim: view.slice(stretchStart(view, span.start, FULL_STOP), stretchEnd(view, span.end, CLAUSE_END)),
  };
}

/** True when the rule accepts the count in its context. */
function accepts(rule: IndicatorRule, count: Count, ctx: CountContext): boolean {
  if (count.unit === null || !rule.units.includes(count.unit)) return false;
  if (rule.object) {
    if (count.object === null ? !rule.objectOptional : !rule.object.test(count.object)) return false;
  }
  if (rule.before && !rule.before.test(ctx.before)) return false;
  if (rule.lead && !rule.lead.test(ctx.lead)) return false;
  if (rule.leadNot?.test(ctx.lead)) return false;
  if (rule.after && !rule.after.test(ctx.after)) return false;
  if (rule.sentence && !rule.sentence.test(ctx.sentence)) return false;
  if (rule.sentenceNot?.test(ctx.sentence)) return false;
  return true;
}

/** Every count that a rule maps to an indicator, in document order (the first matching rule decides), with its scope. */
function indicatorHits(doc: DocumentContext, counts: readonly Count[], titles: TitlesOf): IndicatorHit[] {
  const hits: IndicatorHit[] = [];
  for (const count of counts) {
    const ctx = countContext(doc, count.span);
    if (PLANNED.test(ctx.before)) continue;
    const rule = INDICATOR_RULES.find((r) => accepts(r, count, ctx));
    if (!rule) continue;
    const enclosing = titles(count);
    const sentence = doc.sentences.around(count.span);
    for (const indicator of rule.indicators) {
      const scope = scopeOf(indicator, ctx, enclosing);
      hits.push({ indicator, rule: rule.id, count, total: TOTAL_WORDS.test(ctx.before), notice: scope.notice, scopeRule: scope.rule, sentence });
    }
  }
  return hits;
}

/** The figure of one mention, under `rule`; the other notice-level mentions are listed beside it. */
function readFigure(chosen: IndicatorHit, rule: string, all: readonly IndicatorHit[]): Indicator {
  const c = chosen.count;
  return {
    value: c.value,
    unit: c.unit,
    text: c.text,
    span: c.span,
    section: c.section,
    rule,
    inputs: [],
    others: all.filter((h) => h !== chosen).map((h) => h.count.span),
  };
}

/** The notice-level mention of one indicator that stands for it (rules/indicators.ts, INDICATOR_CHOICE), or null;
 *  `prefer` picks one first (the problems found that a completion figure counts from). */
function choose(indicator: ReadIndicator, hits: readonly IndicatorHit[], prefer?: (h: IndicatorHit) => boolean): IndicatorHit | null {
  const mine = hits.filter((h) => h.indicator === indicator && h.notice);
  if (mine.length === 0) return null;
  const preferred = prefer ? mine.find(prefer) : undefined;
  if (preferred) return preferred;
  if (INDICATOR_CHOICE[indicator] === 'first') return mine[0]!;
  const totals = mine.filter((h) => h.total);
  const pool = totals.length > 0 ? totals : mine;
  return pool.reduce((a, b) => (b.count.value > a.count.value ? b : a));
}

/** A computed figure. */
function computed(value: number, unit: string | null, rule: string, inputs: ReadonlyArray<{ text: string | null; span: Span | null } | undefined>): Indicator {
  const known = inputs.flatMap((i) => (i?.text != null && i.span != null ? [{ text: i.text, span: i.span }] : []));
  return { value, unit, text: null, span: null, section: null, rule, inputs: known, others: [] };
}

/** Decimal places written in a figure's text (95.8% → 1, 95% → 0, 百分之九十八点七一 → 2). */
function decimals(text: string): number {
  const m = /[.点]([0-9〇零一二三四五六七八九]+)/u.exec(text);
  return m ? m[1]!.length : 0;
}

/** Distinct titles with one action, in document order. */
function titles(regulations: readonly Regulation[], action: Regulation['action']): Regulation[] {
  const seen = new Set<string>();
  return regulations.filter((r) => r.action === action && !seen.has(r.title) && seen.add(r.title));
}

/** What the indicators are computed from. */
export interface IndicatorInput {
  /** The section titles enclosing each count (for the scope rules). */
  titles: TitlesOf;
  counts: readonly Count[];
  measures: readonly Measure[];
  regulations: readonly Regulation[];
  meta: Meta;
}

/** Every indicator of one document. */
export function extractIndicators(doc: DocumentContext, input: IndicatorInput): Result<Indicators> {
  const hits = indicatorHits(doc, input.counts, input.titles);
  const figure = (h: IndicatorHit | null, rule = h?.rule) => (h ? readFigure(h, rule!, hits.filter((x) => x.indicator === h.indicator && x.notice)) : null);
  const read = (k: ReadIndicator) => figure(choose(k, hits));
  // Problems found: the figure a completion figure counts from (41项具体问题已整改完成37项), else the first. A notice
  // that reports completion only for the tasks of its ledger (整改台账177项任务，已完成174项) gives those.
  const completedHit = choose('problemsCompleted', hits);
  const foundHit = choose('problemsFound', hits, (h) => completedHit !== null && h.sentence.start === completedHit.sentence.start);
  const tasksTotal = read('tasksTotal');
  const tasksCompleted = read('tasksCompleted');
  const fromTasks = completedHit === null && tasksCompleted !== null;
  const problemsFound = fromTasks ? (tasksTotal ? { ...tasksTotal, rule: 'indicator/problems-from-tasks' } : null) : figure(foundHit);
  const problemsCompleted = fromTasks ? { ...tasksCompleted, rule: 'indicator/problems-from-tasks' } : figure(completedHit);
  const completionRateStated = read('completionRateStated');

  let completionRateComputed: Indicator | null = null;
  let completionRateMismatch: boolean | null = null;
  if (problemsFound && problemsCompleted && problemsFound.value > 0) {
    const rate = Math.round((10_000 * problemsCompleted.value) / problemsFound.value) / 100;
    completionRateComputed = computed(rate, '%', 'indicator/completion-rate-computed', [problemsCompleted, problemsFound]);
    if (completionRateStated) {
      // The stated rate is rounded to the places it writes: 95.8% stands for [95.75, 95.85).
      const tolerance = 0.5 * 10 ** -decimals(completionRateStated.text ?? '') + 1e-9;
      completionRateMismatch = Math.abs((100 * problemsCompleted.value) / problemsFound.value - completionRateStated.value) > tolerance;
    }
  }

  const byStatus = (s: Measure['status']) => input.measures.filter((m) => m.status === s).length;
  const madeTitles = titles(input.regulations, 'made');
  const revisedTitles = titles(input.regulations, 'revised');
  const fromTitles = (list: Regulation[], rule: string) => (list.length > 0 ? computed(list.length, '项', rule, list) : null);

  const { meta } = input;
  const evidence = (field: string) => meta.evidence[field];
  // The days of each stretch of the inspection, first and last day included (one stretch: the whole period).
  const inspectionDays =
    meta.inspectionSegments.length > 0
      ? computed(
          meta.inspectionSegments.reduce((n, s) => n + daysBetween(s.start, s.end) + 1, 0),
          '天',
          'indicator/inspection-days',
          [evidence('inspectionPeriod')],
        )
      : null;
  const bothDates = meta.feedbackDate !== null && meta.publishedDate !== null;
  const daysFeedbackToPublished = bothDates
    ? computed(daysBetween(meta.feedbackDate!, meta.publishedDate!), '天', 'indicator/days-feedback-to-published', [evidence('feedbackDate'), evidence('publishedDate')])
    : null;

  return result({
    problemsFound,
    problemsCompleted,
    problemsBasicallyCompleted: read('problemsBasicallyCompleted'),
    problemsNotCompleted: read('problemsNotCompleted'),
    tasksTotal,
    tasksCompleted,
    completionRateStated,
    completionRateComputed,
    completionRateMismatch,
    measuresDone: byStatus('done'),
    measuresOngoing: byStatus('ongoing'),
    measuresPlanned: byStatus('planned'),
    measuresUnclassified: byStatus(null),
    regulationsStated: read('regulationsStated'),
    regulationsMade: read('regulationsMade') ?? fromTitles(madeTitles, 'indicator/regulations-made-titles'),
    regulationsRevised: read('regulationsRevised') ?? fromTitles(revisedTitles, 'indicator/regulations-revised-titles'),
    regulationsMadeTitles: madeTitles.map((r) => r.title),
    regulationsRevisedTitles: revisedTitles.map((r) => r.title),
    cluesTransferred: read('cluesTransferred'),
    casesFiled: read('casesFiled'),
    peopleDisciplined: read('peopleDisciplined'),
    admonished: read('admonished'),
    heldAccountable: read('heldAccountable'),
    moneyRefundedYuan: read('moneyRefundedYuan'),
    moneyRecoveredYuan: read('moneyRecoveredYuan'),
    lossesRecoveredYuan: read('lossesRecoveredYuan'),
    democraticLifeMeetings: read('democraticLifeMeetings'),
    partyLectures: read('partyLectures'),
    studySessions: read('studySessions'),
    inspectionDays,
    daysFeedbackToPublished,
    publishedWithinTwoMonths: bothDates ? meta.publishedDate! <= twoMonthsAfter(meta.feedbackDate!) : null,
  });
}

/** The indicator table as registered: every count a rule maps to an indicator; the hit is the count, the value
 *  {indicator, value}. */
export const INDICATORS_TABLE: RuleTable<{ indicator: ReadIndicator; value: number }, PipelineContext> = {
  name: 'indicators',
  rules: INDICATOR_RULES,
  lexicons: { INDICATOR_CHOICE, PLANNED, TOTAL_WORDS },
  run(text, ctx) {
    const { doc, counts } = countsOfText(ctx, text);
    const placed = counts.map((c) => ({ ...c, section: null }));
    return indicatorHits(doc, placed, () => []).map((h) => ({ start: h.count.span.start, end: h.count.span.end, rule: h.rule, value: { indicator: h.indicator, value: h.count.value } }));
  },
};

/** The scope rules as registered: each example is a small notice (headings included); a hit is a count that a scope
 *  rule decided, under that rule's id. */
export const INDICATOR_SCOPE_TABLE: RuleTable<{ indicator: ReadIndicator; notice: boolean }, PipelineContext> = {
  name: 'indicator scope',
  rules: SCOPE_RULES,
  lexicons: { SUB_UNIT, PROBLEM_FAMILY },
  run(text, ctx) {
    const { doc, counts } = countsOfText(ctx, text);
    const structure = buildSections(doc, null).value;
    const locator = sectionLocator(structure.sections);
    const placed = counts.map((c) => ({ ...c, section: locator.locate(c.span) }));
    const titles = titlesOf(structure.sections, openingEnd(doc, structure.parts.body?.start ?? null));
    return indicatorHits(doc, placed, titles).flatMap((h) =>
      h.scopeRule === null ? [] : [{ start: h.count.span.start, end: h.count.span.end, rule: h.scopeRule, value: { indicator: h.indicator, notice: h.notice } }],
    );
  },
};
