/**
 * Notice metadata: title, unit, inspector, kind, round, the inspection period, feedback, publication and
 * publicity dates, contacts. Each value records the span and rule it came from in `meta.evidence`.
 */
import type { Meta, Span } from '../../output/schema.js';
import { FEEDBACK_WORDS, INSPECTION_WORDS, KIND_WORDS, META_PATTERNS, type MetaPattern, PUBLICITY_WORDS, TITLE_LINE } from '../../rules/meta.js';
import type { Structure } from '../structure/buildSections.js';
import { isBlank } from '../structure/lines.js';
import type { DateItem } from './extractDates.js';

type Evidence = Meta['evidence'][string];

/** Inputs of metadata extraction. */
export interface MetaInput {
  text: string;
  view: string;
  structure: Structure;
  dates: readonly DateItem[];
  /** The web page's publication date, when the notice came from HTML. */
  pageDate: string | null;
}

function find(p: MetaPattern, view: string, from: number, to: number): { value: string; span: Span } | null {
  const m = p.pattern.exec(view.slice(from, to));
  if (!m) return null;
  const v = m.groups![p.group];
  if (v === undefined) return null;
  const start = from + m.index + m[0].indexOf(v);
  return { value: v, span: { start, end: start + v.length } };
}

function findAll(p: MetaPattern, view: string, from: number, to: number): Array<{ value: string; span: Span }> {
  const re = new RegExp(p.pattern.source, `${p.pattern.flags}g`);
  const out: Array<{ value: string; span: Span }> = [];
  const slice = view.slice(from, to);
  for (const m of slice.matchAll(re)) {
    const v = m.groups![p.group];
    if (v === undefined) continue;
    const start = from + m.index + m[0].indexOf(v);
    out.push({ value: v, span: { start, end: start + v.length } });
  }
  return out;
}

/** The sentence (between 。/；/line ends) around an offset. */
function sentenceAround(view: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !'。;；\n'.includes(view[s - 1]!)) s--;
  let e = end;
  while (e < view.length && !'。;；\n'.includes(view[e]!)) e++;
  return { start: s, end: e };
}

/** Extract the metadata of one notice. */
export function extractMeta({ text, view, structure, dates, pageDate }: MetaInput): Meta {
  const evidence: Record<string, Evidence> = {};
  const note = (field: string, span: Span, rule: string) => {
    evidence[field] = { span, text: text.slice(span.start, span.end), rule };
  };
  const { parts, lines, closingLines } = structure;
  const preamble = parts.preamble ?? { start: 0, end: 0 };
  // The opening paragraph tells who inspected whom; a notice without one (a fragment) gets its first 600 characters.
  const head = { start: 0, end: preamble.end >= 40 ? preamble.end : Math.min(view.length, 600) };

  // Title: the first line, when it names the notice and a body follows.
  let title: string | null = null;
  const firstLine = lines.find((l) => !isBlank(view, l));
  if (firstLine && firstLine.end <= preamble.end) {
    const s = view.slice(firstLine.start, firstLine.end).trim();
    if (s.length <= 100 && !/[。;；]/u.test(s) && TITLE_LINE.test(s)) {
      const lead = view.slice(firstLine.start, firstLine.end).search(/\S/u);
      const span = { start: firstLine.start + lead, end: firstLine.start + lead + s.length };
      title = text.slice(span.start, span.end);
      note('title', span, 'meta/title-line');
    }
  }

  // Inspector and kind.
  let inspector: string | null = null;
  let inspectionKind: Meta['inspectionKind'] = null;
  // The fullest name wins: a title may say 省审计厅 where the opening says 岚江省审计厅.
  const group = longest(findAll(META_PATTERNS.inspectorGroup, view, head.start, head.end));
  const audit = group ? null : longest(findAll(META_PATTERNS.inspectorAudit, view, head.start, head.end));
  if (group) {
    inspector = text.slice(group.span.start, group.span.end);
    inspectionKind = group.value.includes('巡察') ? '巡察' : '巡视';
    note('inspector', group.span, META_PATTERNS.inspectorGroup.id);
    note('inspectionKind', group.span, META_PATTERNS.inspectorGroup.id);
  } else if (audit) {
    inspector = text.slice(audit.span.start, audit.span.end);
    inspectionKind = '审计';
    note('inspector', audit.span, META_PATTERNS.inspectorAudit.id);
    note('inspectionKind', audit.span, META_PATTERNS.inspectorAudit.id);
  }
  if (!inspectionKind) {
    const scope = view.slice(head.start, head.end);
    for (const [re, kind] of KIND_WORDS) {
      const m = re.exec(scope);
      if (m) {
        inspectionKind = kind;
        note('inspectionKind', { start: head.start + m.index, end: head.start + m.index + m[0].length }, 'meta/kind-keyword');
        break;
      }
    }
  }

  const round = find(META_PATTERNS.round, view, head.start, head.end);
  if (round) note('round', round.span, META_PATTERNS.round.id);

  // Dates: the first range in a sentence about the inspection; the first day-date in a sentence about feedback.
  const inPreamble = dates.filter((d) => d.span.end <= head.end);
  let inspectionPeriod: Meta['inspectionPeriod'] = null;
  const period = inPreamble.find((d) => d.kind === 'range' && d.precision === 'day' && INSPECTION_WORDS.test(sentenceOf(view, d)));
  if (period) {
    inspectionPeriod = { start: period.start, end: period.end };
    note('inspectionPeriod', period.span, 'meta/inspection-period');
  }
  let feedbackDate: string | null = null;
  const feedback = inPreamble.find((d) => d !== period && d.kind === 'date' && d.precision === 'day' && FEEDBACK_WORDS.test(sentenceOf(view, d)));
  if (feedback) {
    feedbackDate = feedback.start;
    note('feedbackDate', feedback.span, 'meta/feedback-date');
  }

  // Closing: signature date, publicity period, contacts, signing unit.
  const closing = parts.closing;
  let publishedDate: string | null = null;
  let publicityPeriod: Meta['publicityPeriod'] = null;
  const dateLines = closingLines.filter((c) => c.rule === 'closing/date');
  const sigDateLine = dateLines.at(-1);
  if (sigDateLine) {
    const d = dates.find((x) => x.span.start >= sigDateLine.line.start && x.span.end <= sigDateLine.line.end && x.precision === 'day');
    if (d) {
      publishedDate = d.start;
      note('publishedDate', d.span, 'meta/signature-date');
    }
  }
  if (!publishedDate && pageDate) publishedDate = pageDate;
  if (closing) {
    const pub = dates.find((d) => d.span.start >= closing.start && d.kind === 'range' && PUBLICITY_WORDS.test(sentenceOf(view, d)));
    if (pub) {
      publicityPeriod = { start: pub.start, end: pub.end };
      note('publicityPeriod', pub.span, 'meta/publicity-period');
    }
  }

  const contacts: Meta['contacts'] = { phones: [], emails: [], address: null, postcode: null };
  if (closing) {
    const scanFrom = closing.start;
    const emails = findAll(META_PATTERNS.email, view, scanFrom, view.length);
    contacts.emails = unique(emails.map((e) => e.value));
    emails.forEach((e, i) => note(`contacts.emails.${i}`, e.span, META_PATTERNS.email.id));
    const emailSpans = emails.map((e) => e.span);
    const phones = findAll(META_PATTERNS.phone, view, scanFrom, view.length).filter(
      (p) => !emailSpans.some((e) => p.span.start < e.end && p.span.end > e.start) && !isPostcodeOrDate(view, p.span),
    );
    contacts.phones = unique(phones.map((p) => p.value));
    phones.forEach((p, i) => note(`contacts.phones.${i}`, p.span, META_PATTERNS.phone.id));
    const postcode = find(META_PATTERNS.postcode, view, scanFrom, view.length);
    if (postcode) {
      contacts.postcode = postcode.value;
      note('contacts.postcode', postcode.span, META_PATTERNS.postcode.id);
    }
    const address = find(META_PATTERNS.address, view, scanFrom, view.length);
    if (address) {
      contacts.address = text.slice(address.span.start, address.span.end).trim();
      note('contacts.address', address.span, META_PATTERNS.address.id);
    }
  }

  // Unit: the signing line above the signature date, else the head of the title, else the inspected unit.
  let unit: string | null = null;
  const sig = sigDateLine ? closingLines.filter((c) => c.rule === 'closing/signature' && c.line.end <= sigDateLine.line.start).at(-1) : undefined;
  if (sig && sigDateLine && !lines.slice(lines.indexOf(sig.line) + 1, lines.indexOf(sigDateLine.line)).some((l) => !isBlank(view, l))) {
    const raw = view.slice(sig.line.start, sig.line.end);
    const lead = raw.search(/\S/u);
    const span = { start: sig.line.start + lead, end: sig.line.start + raw.trimEnd().length };
    unit = text.slice(span.start, span.end);
    note('unit', span, 'meta/unit-signature');
  }
  if (!unit && title) {
    const t = find(META_PATTERNS.unitTitle, view, evidence['title']!.span.start, evidence['title']!.span.end);
    if (t) {
      unit = text.slice(t.span.start, t.span.end);
      note('unit', t.span, META_PATTERNS.unitTitle.id);
    }
  }
  if (!unit) {
    const o = find(META_PATTERNS.unitObject, view, head.start, head.end);
    if (o) {
      unit = text.slice(o.span.start, o.span.end);
      note('unit', o.span, META_PATTERNS.unitObject.id);
    }
  }

  return {
    title,
    unit,
    inspector,
    inspectionKind,
    round: round ? text.slice(round.span.start, round.span.end) : null,
    inspectionPeriod,
    feedbackDate,
    publishedDate,
    publicityPeriod,
    contacts,
    evidence: Object.fromEntries(Object.entries(evidence).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

function sentenceOf(view: string, d: DateItem): string {
  const s = sentenceAround(view, d.span.start, d.span.end);
  return view.slice(s.start, s.end);
}

/** A 6-digit number after 邮编 or a number inside a date is not a phone number. */
function isPostcodeOrDate(view: string, span: Span): boolean {
  const before = view.slice(Math.max(0, span.start - 6), span.start);
  return /(?:邮编|邮政编码)[:：]?\s*$/u.test(before) || /[年月]$/u.test(before);
}

/** The first of the longest values. */
function longest<T extends { value: string }>(xs: T[]): T | null {
  return xs.reduce<T | null>((best, x) => (best === null || x.value.length > best.value.length ? x : best), null);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
