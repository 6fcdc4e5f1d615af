/**
 * Dates: run the date rules, then the refiners — overlap removal (longer wins), range merging across
 * 至/到/—/-/～, deadline suffixes (底前/以前), and year implication from the notice's own earlier dates
 * (chrono's assign/imply). The clock is never read: what the text cannot anchor comes from `referenceDate`.
 */
import { diagnostic } from '../../output/diagnosticCodes.js';
import type { DateMention, Diagnostic } from '../../output/schema.js';
import { DATE_RULES, type DateCandidate } from '../../rules/dates.js';
import type { Hit } from '../../rules/ruleTypes.js';
import type { RuleTable } from '../../rules/ruleTypes.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { daysInMonth, isoDate as iso } from '../../text/isoDate.js';
import { parseChineseNumber } from '../../text/parseChineseNumber.js';
import { type Result, result } from '../result.js';
import { dateStarts } from './ruleStarts.js';
import { removeOverlaps, runRulesAt } from './runRules.js';

/** A date mention before its section is known. */
export type DateItem = Omit<DateMention, 'section'>;

interface Mention {
  start: number;
  end: number;
  rule: string;
  from: DateCandidate;
  to: DateCandidate | null;
  kind: 'date' | 'range' | 'deadline';
}

const RULE_ORDER = DATE_RULES.map((r) => r.id);
const CONNECTOR = /^[ \t]?(?:至|到|-{1,2}|~)[ \t]?$/u;
const DAY_END = /^[ \t]?(?:至|到|-{1,2}|~)[ \t]?(?<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]/u;
const DEADLINE = /^(?:底|末)?(?:前|以前|之前)/u;
const MONTH_END = /^(?:底|末)/u;

/** Merge "A 至 B" into ranges, B taking A's year and month where it does not write them. */
function mergeRanges(hits: Hit<DateCandidate>[], view: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i]!;
    const b = hits[i + 1];
    const base: Mention = { start: a.start, end: a.end, rule: a.rule, from: a.value, to: null, kind: a.value.range ? 'range' : 'date' };
    if (b && !a.value.range && !b.value.range && CONNECTOR.test(view.slice(a.end, b.start)) && compatible(a.value, b.value)) {
      const to = { ...b.value };
      if (to.y === undefined && a.value.y !== undefined) to.y = a.value.y;
      if (to.m === undefined && a.value.m !== undefined && to.precision === 'day') to.m = a.value.m;
      out.push({ ...base, end: b.end, rule: `${a.rule}+range`, to, kind: 'range' });
      i++;
      continue;
    }
    if (a.value.precision === 'day' && !a.value.range) {
      const dm = DAY_END.exec(view.slice(a.end, a.end + 8));
      if (dm && (!b || b.start >= a.end + dm[0].length)) {
        const d = parseChineseNumber(dm.groups!['d']!) ?? 0;
        if (d > 0 && (a.value.d ?? 0) < d) {
          out.push({ ...base, end: a.end + dm[0].length, rule: `${a.rule}+range`, to: { ...a.value, d }, kind: 'range' });
          continue;
        }
      }
    }
    out.push(base);
  }
  return out;
}

/** Two candidates can form a range when the end is not coarser-grained in a way that makes no sense (6月7日至8月). */
function compatible(a: DateCandidate, b: DateCandidate): boolean {
  if (a.precision === 'year' || b.precision === 'year') return a.precision === b.precision;
  return true;
}

/** Extend mentions over deadline suffixes (6月底前 → deadline) and month-end words (6月底). */
function markDeadlines(mentions: Mention[], view: string): void {
  for (const m of mentions) {
    const after = view.slice(m.end, m.end + 4);
    const dl = DEADLINE.exec(after);
    if (dl) {
      m.end += dl[0].length;
      m.kind = 'deadline';
      m.rule = `${m.rule}+deadline`;
    } else {
      const me = MONTH_END.exec(after);
      if (me && (m.to ?? m.from).precision !== 'day') m.end += me[0].length;
    }
  }
}

/** The inclusive interval a resolved candidate denotes. */
function interval(c: Required<Pick<DateCandidate, 'y'>> & DateCandidate, edge: 'start' | 'end'): string {
  const y = edge === 'end' && c.yEnd !== undefined ? c.yEnd : c.y;
  switch (c.precision) {
    case 'day':
      return iso(y, c.m!, c.d!);
    case 'month': {
      const m = edge === 'end' && c.mEnd !== undefined ? c.mEnd : c.m!;
      return edge === 'start' ? iso(y, m, 1) : iso(y, m, daysInMonth(y, m));
    }
    case 'quarter': {
      const m0 = (c.q! - 1) * 3 + 1;
      return edge === 'start' ? iso(y, m0, 1) : iso(y, m0 + 2, daysInMonth(y, m0 + 2));
    }
    case 'half':
      return edge === 'start' ? iso(y, c.h === 1 ? 1 : 7, 1) : iso(y, c.h === 1 ? 6 : 12, c.h === 1 ? 30 : 31);
    case 'year':
      return edge === 'start' ? iso(y, 1, 1) : iso(y, 12, 31);
  }
}

/** Month of a candidate for the rollover test, if it has one. */
function monthOf(c: DateCandidate): number | undefined {
  return c.mEnd ?? c.m ?? (c.q !== undefined ? c.q * 3 : c.h !== undefined ? c.h * 6 : undefined);
}

/** Find, merge, extend and resolve the date mentions of a document; a date whose year nothing anchors is left out
 *  with an info diagnostic. */
export function extractDates(doc: DocumentContext): Result<DateItem[]> {
  const { view, text } = doc;
  const hits = removeOverlaps(runRulesAt(DATE_RULES, view, undefined, dateStarts(view)), RULE_ORDER);
  const mentions = mergeRanges(hits, view);
  markDeadlines(mentions, view);

  const refYear = doc.referenceDate ? Number(doc.referenceDate.slice(0, 4)) : null;
  let ctxYear: number | null = null;
  let ctxMonth: number | undefined;
  const dates: DateItem[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const m of mentions) {
    const implied: Array<'year' | 'month' | 'day'> = [];
    const from = { ...m.from };
    if (from.y === undefined) {
      // Only an earlier date of the notice, else the caller's reference date: never a later date, never the clock.
      let y = ctxYear ?? refYear;
      if (y === null) {
        const span = { start: m.start, end: m.end };
        diagnostics.push(diagnostic('date/unresolved-year', `“${text.slice(m.start, m.end)}” has no year and the notice gives none before it; pass --reference-date to anchor it`, span));
        continue;
      }
      const mo = monthOf(from);
      // Narrative dates move forward: 12月15日 … 1月18日 is the next January.
      if (ctxYear !== null && ctxMonth !== undefined && mo !== undefined && ctxMonth - mo >= 6) y += 1;
      from.y = y;
      implied.push('year');
    }
    const to = m.to ? { ...m.to } : null;
    if (to && to.y === undefined) to.y = from.y;
    if (to && to.y! < from.y) to.y = from.y;
    const startIso = interval(from as typeof from & { y: number }, 'start');
    let endIso = interval((to ?? from) as DateCandidate & { y: number }, 'end');
    if (endIso < startIso) {
      // 11月20日至2月3日 without a year on the end: the end is in the next year.
      if (to && m.to?.y === undefined) {
        to.y = from.y + 1;
        endIso = interval(to as DateCandidate & { y: number }, 'end');
      }
      if (endIso < startIso) continue;
    }
    const last = to ?? from;
    // The narrative year is set by dates finer than a year (6月7日, 2023年12月, 第四季度); a year or a span of
    // years (对2020年至2022年财务收支进行审计, 2019年以来) names a period under review, not the time of the
    // narrative, so it only sets the context when there is none yet.
    if (PRECISION_RANK[precisionOf(from, to)] < PRECISION_RANK.year || ctxYear === null) {
      ctxYear = last.yEnd ?? last.y!;
      ctxMonth = monthOf(last);
    }
    dates.push({
      text: text.slice(m.start, m.end),
      span: { start: m.start, end: m.end },
      rule: m.rule,
      start: startIso,
      end: endIso,
      precision: precisionOf(from, to),
      kind: m.kind,
      implied,
    });
  }
  return result(dates, diagnostics);
}

const PRECISION_RANK = { day: 0, month: 1, quarter: 2, half: 3, year: 4 } as const;

/** The precision of a mention: the coarser of its two ends. */
function precisionOf(from: DateCandidate, to: DateCandidate | null): DateItem['precision'] {
  if (!to) return from.precision;
  return PRECISION_RANK[to.precision] > PRECISION_RANK[from.precision] ? to.precision : from.precision;
}

/** The date table as registered: the full extraction (ranges, deadlines, implied years). */
export const DATES_TABLE: RuleTable<DateItem, PipelineContext> = {
  name: 'dates',
  rules: DATE_RULES,
  run: (text, ctx) => extractDates(documentContext(ctx, text)).value.map((d) => ({ start: d.span.start, end: d.span.end, rule: d.rule, value: d })),
};
