/**
 * Indicators (output/schema.ts, Indicators): the figures for comparing units. Figures read from the text come
 * from counts, mapped by the rule table rules/indicators.ts on the words around each count; the rest is
 * computed — the completion rate from problems found and completed, the measures by status, regulations from
 * their titles when no figure is stated, and the timeline from the metadata's dates. Every figure keeps the
 * span it was read from (or, computed, the spans of its inputs) and the id of its rule.
 */
import type { Count, Indicator, Indicators, Measure, Meta, Regulation, Span } from '../../output/schema.js';
import { type CountContext, INDICATOR_CHOICE, INDICATOR_RULES, type IndicatorRule, PLANNED, type ReadIndicator, TOTAL_WORDS } from '../../rules/indicators.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { countsOfText } from './extractCounts.js';
import { daysBetween, twoMonthsAfter } from '../../text/isoDate.js';
import { CLAUSE_END, stretchEnd, stretchStart } from '../../text/punctuation.js';
import type { DocumentContext, PipelineContext } from '../context.js';
import { type Result, result } from '../result.js';

/** One count taken as a mention of an indicator. */
interface IndicatorHit {
  indicator: ReadIndicator;
  rule: string;
  count: Count;
  /** True when the clause before the count marks it as a total (共计, 累计…). */
  total: boolean;
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
  };
}

/** True when the rule accepts the count in its context. */
function accepts(rule: IndicatorRule, count: Count, ctx: CountContext): boolean {
  if (count.unit === null || !rule.units.includes(count.unit)) return false;
  if (rule.object) {
    if (count.object === null ? !rule.objectOptional : !rule.object.test(count.object)) return false;
  }
  if (rule.before && !rule.before.test(ctx.before)) return false;
  if (rule.leadNot?.test(ctx.lead)) return false;
  if (rule.after && !rule.after.test(ctx.after)) return false;
  if (rule.sentence && !rule.sentence.test(ctx.sentence)) return false;
  if (rule.sentenceNot?.test(ctx.sentence)) return false;
  return true;
}

/** Every count that a rule maps to an indicator, in document order (the first matching rule decides). */
function indicatorHits(doc: DocumentContext, counts: readonly Count[]): IndicatorHit[] {
  const hits: IndicatorHit[] = [];
  for (const count of counts) {
    const ctx = countContext(doc, count.span);
    if (PLANNED.test(ctx.before)) continue;
    const rule = INDICATOR_RULES.find((r) => accepts(r, count, ctx));
    if (!rule) continue;
    for (const indicator of rule.indicators) hits.push({ indicator, rule: rule.id, count, total: TOTAL_WORDS.test(ctx.before) });
  }
  return hits;
}

/** The figure of one mention (the others listed beside it). */
function readFigure(chosen: IndicatorHit, all: readonly IndicatorHit[]): Indicator {
  const c = chosen.count;
  return {
    value: c.value,
    unit: c.unit,
    text: c.text,
    span: c.span,
    section: c.section,
    rule: chosen.rule,
    inputs: [],
    others: all.filter((h) => h !== chosen).map((h) => h.count.span),
  };
}

/** Reduce the mentions of one indicator to its figure (rules/indicators.ts, INDICATOR_CHOICE). */
function choose(indicator: ReadIndicator, hits: readonly IndicatorHit[]): Indicator | null {
  const mine = hits.filter((h) => h.indicator === indicator);
  if (mine.length === 0) return null;
  if (INDICATOR_CHOICE[indicator] === 'first') return readFigure(mine[0]!, mine);
  const totals = mine.filter((h) => h.total);
  const pool = totals.length > 0 ? totals : mine;
  const best = pool.reduce((a, b) => (b.count.value > a.count.value ? b : a));
  return readFigure(best, mine);
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
  counts: readonly Count[];
  measures: readonly Measure[];
  regulations: readonly Regulation[];
  meta: Meta;
}

/** Every indicator of one document. */
export function extractIndicators(doc: DocumentContext, input: IndicatorInput): Result<Indicators> {
  const hits = indicatorHits(doc, input.counts);
  const read = (k: ReadIndicator) => choose(k, hits);
  const problemsFound = read('problemsFound');
  const problemsCompleted = read('problemsCompleted');
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
    return indicatorHits(doc, placed).map((h) => ({ start: h.count.span.start, end: h.count.span.end, rule: h.rule, value: { indicator: h.indicator, value: h.count.value } }));
  },
};
