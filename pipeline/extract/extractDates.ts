/**
 * Dates: run the date rules, find the notice's own date, then the refiners — overlap removal (longer wins), range
 * merging across 至/到/—/-/～, suffixes (deadlines 前/以前/之前, since 以来), and the years: relative years
 * (今年, 去年, 明年) from the notice's own date, missing years from the notice's earlier dates (chrono's
 * assign/imply). The clock is never read: what the text cannot anchor comes from `referenceDate`.
 */
import { diagnostic } from '../../output/diagnosticCodes.js';
import type { DateMention, Diagnostic, Span } from '../../output/schema.js';
import { DATE_RULES, type DateCandidate, FURNITURE_WITH_NOTICE_DATES, MONTH_PARTS, NOTICE_DATE_HEAD, NOTICE_DATE_LABELS, RELATIVE_YEARS, YEAR_PARTS } from '../../rules/dates.js';
import { boilerplateRule } from '../../rules/htmlBoilerplate.js';
import { PLANNED } from '../../rules/indicators.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { daysInMonth, isoDate as iso } from '../../text/isoDate.js';
import { parseChineseNumber } from '../../text/parseChineseNumber.js';
import { CLAUSE_END, stretchEnd, stretchStart } from '../../text/punctuation.js';
import { type Result, result } from '../result.js';
import { buildSections, type Structure } from '../structure/buildSections.js';
import { dateStarts } from './ruleStarts.js';
import { removeOverlaps, runRulesAt } from './runRules.js';

/** Omit over each member of a union (a date or a since mention). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A date mention before its section is known. */
export type DateItem = OmitEach<DateMention, 'section'>;

/** Where the notice's own date can be read besides the text's labelled lines. */
export interface NoticeDateSources {
  /** The signature date line (the structure's last closing date line). */
  signatureLine: Span | null;
  /** The web page's own date (the HTML loader's). */
  pageDate: string | null;
}

const NO_SOURCES: NoticeDateSources = { signatureLine: null, pageDate: null };

/** Where a notice's own date stands: its signature date line (the structure's last closing date line), and the
 *  web page's date its loader read. */
export function noticeDateSources(structure: Pick<Structure, 'closingLines'>, pageDate: string | null): NoticeDateSources {
  return { signatureLine: structure.closingLines.filter((c) => c.rule === 'closing/date').at(-1)?.line ?? null, pageDate };
}

interface Mention {
  start: number;
  end: number;
  rule: string;
  from: DateCandidate;
  to: DateCandidate | null;
  kind: DateItem['kind'];
}

const RULE_ORDER = DATE_RULES.map((r) => r.id);
const CONNECTOR = /^[ \t]?(?:至|到|-{1,2}|~)[ \t]?$/u;
const DAY_END = /^[ \t]?(?:至|到|-{1,2}|~)[ \t]?(?<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]/u;
const DEADLINE = /^(?:前|以前|之前)/u;
const SINCE = /^(?:以来|以來)/u;

/** Merge "A 至 B" into ranges, B taking A's month where it does not write one (its year: when resolved). */
function mergeRanges(hits: Hit<DateCandidate>[], view: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i]!;
    const b = hits[i + 1];
    const base: Mention = { start: a.start, end: a.end, rule: a.rule, from: a.value, to: null, kind: a.value.range ? 'range' : 'date' };
    if (b && !a.value.range && !b.value.range && CONNECTOR.test(view.slice(a.end, b.start)) && compatible(a.value, b.value)) {
      // The end's year, when it writes none, is the start's (or the next, when it would end before it): resolved below.
      const to = { ...b.value };
      if (to.m === undefined && a.value.m !== undefined && to.precision === 'day') to.m = a.value.m;
      out.push({ ...base, end: b.end, rule: `${a.rule}+range`, to, kind: 'range' });
      i++;
      continue;
    }
    if (a.value.precision === 'day' && !a.value.range && a.value.dEnd === undefined) {
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

/** Extend mentions over their suffixes: a deadline (6月底前, 年底前) or an open range up to the notice's date
 *  (2022年以来). */
function markSuffixes(mentions: Mention[], view: string): void {
  for (const m of mentions) {
    const after = view.slice(m.end, m.end + 3);
    const dl = DEADLINE.exec(after);
    if (dl) {
      m.end += dl[0].length;
      m.kind = 'deadline';
      m.rule = `${m.rule}+deadline`;
      continue;
    }
    const since = m.kind === 'date' ? SINCE.exec(after) : null;
    if (since) {
      m.end += since[0].length;
      m.kind = 'since';
      m.rule = `${m.rule}+since`;
    }
  }
}

/** Keep the hits that are the notice's: not on a furniture line of a web page that tells of other pages. */
function onNoticeLines(hits: Hit<DateCandidate>[], view: string): Hit<DateCandidate>[] {
  const furniture = new Map<number, boolean>();
  return hits.filter((h) => {
    const start = view.lastIndexOf('\n', h.start) + 1;
    let other = furniture.get(start);
    if (other === undefined) {
      const end = view.indexOf('\n', h.end);
      const rule = boilerplateRule(view.slice(start, end === -1 ? view.length : end));
      other = rule !== null && !FURNITURE_WITH_NOTICE_DATES.includes(rule);
      furniture.set(start, other);
    }
    return !other;
  });
}

/** The day a hit names when it is one absolute day (a year, month and day all written). */
function absoluteDay(c: DateCandidate): string | null {
  return c.precision === 'day' && c.y !== undefined && c.m !== undefined && c.d !== undefined && c.dEnd === undefined && !c.range ? iso(c.y, c.m, c.d) : null;
}

/**
 * The notice's own date: the day on its signature date line, else its web page's date, else the day written right
 * after a date label near the top (rules/dates.ts NOTICE_DATE_LABELS: 发布时间, 日期…). Null when it has none.
 * `hits` are the date rules' hits of the view, ascending.
 */
function noticeDate(hits: readonly Hit<DateCandidate>[], view: string, sources: NoticeDateSources): { date: string; span: Span | null; rule: string | null } | null {
  const sig = sources.signatureLine;
  if (sig) {
    for (const h of hits) {
      const day = h.start >= sig.start && h.end <= sig.end ? absoluteDay(h.value) : null;
      if (day) return { date: day, span: { start: h.start, end: h.end }, rule: null };
    }
  }
  if (sources.pageDate) return { date: sources.pageDate, span: null, rule: null };
  const head = view.slice(0, NOTICE_DATE_HEAD);
  for (const label of NOTICE_DATE_LABELS) {
    for (const m of head.matchAll(new RegExp(label.pattern.source, `${label.pattern.flags}g`))) {
      const at = m.index + m[0].length;
      const h = hits.find((x) => x.start === at);
      const day = h ? absoluteDay(h.value) : null;
      if (day) return { date: day, span: { start: h!.start, end: h!.end }, rule: label.id };
    }
  }
  return null;
}

/** The inclusive interval a resolved candidate denotes. */
function interval(c: Required<Pick<DateCandidate, 'y'>> & DateCandidate, edge: 'start' | 'end'): string {
  const y = edge === 'end' && c.yEnd !== undefined ? c.yEnd : c.y;
  switch (c.precision) {
    case 'day': {
      // A part of a month (上旬, 下旬, 底) names days 1–31; the month's length ends it.
      const d = edge === 'end' && c.dEnd !== undefined ? c.dEnd : c.d!;
      return iso(y, c.m!, Math.min(d, daysInMonth(y, c.m!)));
    }
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

/**
 * The year of a date whose year comes from the narrative, set beside the notice's own date, which parts what the
 * notice reports from what it plans: a date in a clause of a plan (计划, 力争, 将于…) falls on or after it (计划于11月底前完成
 * in a notice of January is this November); any other date but a deadline falls on or before it (反馈后 …
 * 11月中旬召开 in a notice of January is last November; 8月以来 looks back). A year is moved only when that puts
 * the date on the right side.
 */
function besideNoticeDate(c: DateCandidate, y: number, own: string, m: Mention, doc: DocumentContext): number {
  const at = (year: number, edge: 'start' | 'end') => interval({ ...c, y: year }, edge);
  const after = at(y, 'start') > own;
  const before = at(y, 'end') < own;
  if (!after && !before) return y;
  const { view } = doc;
  const plan = PLANNED.test(view.slice(stretchStart(view, m.start, CLAUSE_END), stretchEnd(view, m.end, CLAUSE_END)));
  if (plan && before && at(y + 1, 'end') >= own) return y + 1;
  if (!plan && after && m.kind !== 'deadline' && at(y - 1, 'start') <= own) return y - 1;
  return y;
}

/** Find, merge, extend and resolve the date mentions of a document; a date whose year nothing anchors is left out
 *  with an info diagnostic. `sources` tell where the notice's own date stands besides its labelled lines. */
export function extractDates(doc: DocumentContext, sources: NoticeDateSources = NO_SOURCES): Result<DateItem[]> {
  const { view, text } = doc;
  const hits = removeOverlaps(runRulesAt(DATE_RULES, view, undefined, dateStarts(view)), RULE_ORDER);
  const own = noticeDate(hits, view, sources)?.date ?? null;
  const mentions = mergeRanges(onNoticeLines(hits, view), view);
  markSuffixes(mentions, view);

  const refYear = doc.referenceDate ? Number(doc.referenceDate.slice(0, 4)) : null;
  // Relative years (今年, 去年) count from the notice's own date, and a yearless date before any other takes its
  // year; only a notice without one takes the reference date.
  const relBase = own !== null ? Number(own.slice(0, 4)) : refYear;
  let ctxYear: number | null = null;
  let ctxMonth: number | undefined;
  const dates: DateItem[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const m of mentions) {
    const implied: Array<'year' | 'month' | 'day'> = [];
    const from = { ...m.from };
    if (from.y === undefined) {
      let y: number | null;
      if (from.rel !== undefined) y = relBase === null ? null : relBase + from.rel;
      else {
        // Only an earlier date of the notice, else its own date, else the caller's reference date: never another
        // later date, never the clock.
        y = ctxYear ?? relBase;
        const mo = monthOf(from);
        // Narrative dates move forward: 12月15日 … 1月18日 is the next January.
        if (y !== null && ctxYear !== null && ctxMonth !== undefined && mo !== undefined && ctxMonth - mo >= 6) y += 1;
        if (y !== null && own !== null) y = besideNoticeDate(from, y, own, m, doc);
      }
      if (y === null) {
        const span = { start: m.start, end: m.end };
        const why = from.rel !== undefined ? 'names a year relative to the notice’s own date, and the notice has no date' : 'has no year and the notice gives none before it';
        diagnostics.push(diagnostic('date/unresolved-year', `“${text.slice(m.start, m.end)}” ${why}; pass --reference-date to anchor it`, span));
        continue;
      }
      from.y = y;
      implied.push('year');
    }
    const to = m.to ? { ...m.to } : null;
    if (to && to.y === undefined) to.y = to.rel !== undefined && relBase !== null ? relBase + to.rel : from.y;
    if (to && to.y! < from.y) to.y = from.y;
    const startIso = interval(from as typeof from & { y: number }, 'start');
    let endIso = interval((to ?? from) as DateCandidate & { y: number }, 'end');
    if (endIso < startIso) {
      // 11月20日至2月3日 without a year on the end: the end is in the next year.
      if (to && m.to?.y === undefined && m.to?.rel === undefined) {
        to.y = from.y + 1;
        endIso = interval(to as DateCandidate & { y: number }, 'end');
      }
      if (endIso < startIso) continue;
    }
    const last = to ?? from;
    const precision = precisionOf(from, to);
    // The narrative year is set by dates finer than a year (6月7日, 2023年12月, 第四季度); a year or a span of
    // years (对2020年至2022年财务收支进行审计, 2019年以来) names a period under review, not the time of the
    // narrative, so it only sets the context when there is none yet.
    if (PRECISION_RANK[precision] < PRECISION_RANK.year || ctxYear === null) {
      ctxYear = last.yEnd ?? last.y!;
      ctxMonth = monthOf(last);
    }
    const item = { text: text.slice(m.start, m.end), span: { start: m.start, end: m.end }, rule: m.rule, start: startIso };
    if (m.kind === 'since') {
      // An open range up to the notice's own date; unknown (null) when the notice has no date or one before it.
      dates.push({ ...item, end: own !== null && own >= startIso ? own : null, precision, kind: 'since', implied });
    } else dates.push({ ...item, end: endIso, precision, kind: m.kind, implied });
  }
  return result(dates, diagnostics);
}

const PRECISION_RANK = { day: 0, month: 1, quarter: 2, half: 3, year: 4 } as const;

/** The precision of a mention: the coarser of its two ends. */
function precisionOf(from: DateCandidate, to: DateCandidate | null): DateItem['precision'] {
  if (!to) return from.precision;
  return PRECISION_RANK[to.precision] > PRECISION_RANK[from.precision] ? to.precision : from.precision;
}

/** The dates of a bare text as the pipeline finds them: its signature date line resolves 今年 and ends …以来. */
function datesOfText(text: string, ctx: PipelineContext): DateItem[] {
  const doc = documentContext(ctx, text);
  return extractDates(doc, noticeDateSources(buildSections(doc, null).value, null)).value;
}

/** The date table as registered: the full extraction (notice date, ranges, suffixes, implied years). */
export const DATES_TABLE: RuleTable<DateItem, PipelineContext> = {
  name: 'dates',
  rules: DATE_RULES,
  lexicons: { MONTH_PARTS, YEAR_PARTS, RELATIVE_YEARS, PLANNED, FURNITURE_WITH_NOTICE_DATES },
  run: (text, ctx) => datesOfText(text, ctx).map((d) => ({ start: d.span.start, end: d.span.end, rule: d.rule, value: d })),
};

/** The notice-date labels as registered: the hit is the notice's own date read after a label of a bare text. */
export const NOTICE_DATE_TABLE: RuleTable<{ date: string }, PipelineContext> = {
  name: 'notice date',
  rules: NOTICE_DATE_LABELS,
  lexicons: { NOTICE_DATE_HEAD },
  run(text, ctx) {
    const view = documentContext(ctx, text).view;
    const hits = removeOverlaps(runRulesAt(DATE_RULES, view, undefined, dateStarts(view)), RULE_ORDER);
    const own = noticeDate(hits, view, NO_SOURCES);
    return own?.span && own.rule ? [{ start: own.span.start, end: own.span.end, rule: own.rule, value: { date: own.date } }] : [];
  },
};
