/**
 * Notice metadata: the field rules of rules/meta.ts run over the scopes of a notice (opening, title, closing,
 * signature), each field taking the value of its first rule that finds one. Every value records its span and rule
 * in `meta.evidence`.
 */
import type { Meta, Span } from '../../output/schema.js';
import { type InspectionKind, META_FIELD_RULES, type MetaDateFind, type MetaField, type MetaPatternFind, type MetaScope } from '../../rules/meta.js';
import { boilerplateRule } from '../../rules/htmlBoilerplate.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { type DocumentContext, documentContext, type PipelineContext } from '../context.js';
import { type Result, result } from '../result.js';
import { buildSections, type Structure } from '../structure/buildSections.js';
import { isBlank, type Line } from '../structure/lines.js';
import { type DateItem, extractDates, noticeDateSources } from './extractDates.js';

type Evidence = Meta['evidence'][string];

/** What metadata is read from besides the text. */
export interface MetaInput {
  structure: Structure;
  dates: readonly DateItem[];
  /** The web page's publication date, when the notice came from HTML. */
  pageDate: string | null;
}

/** A value a rule found: the value and where it stands. */
interface Found {
  value: string;
  span: Span;
}

/** A line without its leading and trailing spaces. */
function trimmedLine(view: string, line: Line): Span {
  const raw = view.slice(line.start, line.end);
  return { start: line.start + Math.max(0, raw.search(/\S/u)), end: line.start + raw.trimEnd().length };
}

/** True when a line is web-page furniture (a breadcrumb, a 发布时间 line, a metadata table row). */
function isFurniture(view: string, line: Line): boolean {
  return boilerplateRule(view.slice(line.start, line.end)) !== null;
}

/**
 * The lines a notice copied from a web page opens with: its first line that is not furniture (the title, or the
 * opening paragraph), and the furniture lines before and right after it (blank lines between them included).
 */
function pageHead(view: string, lines: readonly Line[]): { first: Line | undefined; furniture: Line[] } {
  let first: Line | undefined;
  const furniture: Line[] = [];
  for (const line of lines) {
    if (isBlank(view, line)) continue;
    if (isFurniture(view, line)) furniture.push(line);
    else if (first) break;
    else first = line;
  }
  return { first, furniture };
}

/** The scopes of one notice (rules/meta.ts); null where the notice has none. */
function scopesOf(view: string, structure: Structure): (scope: Exclude<MetaScope, 'title'>) => Span | null {
  const { parts, lines, closingLines } = structure;
  const preamble = parts.preamble ?? { start: 0, end: 0 };
  const sigDateLine = closingLines.filter((c) => c.rule === 'closing/date').at(-1);
  const page = pageHead(view, lines);
  const scopes: Record<Exclude<MetaScope, 'title'>, () => Span | null> = {
    // The opening paragraph tells who inspected whom; a notice without one (a fragment) gets its first 600 characters.
    head: () => ({ start: 0, end: preamble.end >= 40 ? preamble.end : Math.min(view.length, 600) }),
    'first-line': () => (page.first && page.first.end <= preamble.end ? trimmedLine(view, page.first) : null),
    'page-head': () => (page.furniture.length > 0 ? { start: 0, end: page.furniture.at(-1)!.end } : null),
    closing: () => (parts.closing ? { start: parts.closing.start, end: view.length } : null),
    'signature-date-line': () => (sigDateLine ? sigDateLine.line : null),
    'signature-line': () => {
      if (!sigDateLine) return null;
      const sig = closingLines.filter((c) => c.rule === 'closing/signature' && c.line.end <= sigDateLine.line.start).at(-1);
      if (!sig || lines.slice(lines.indexOf(sig.line) + 1, lines.indexOf(sigDateLine.line)).some((l) => !isBlank(view, l))) return null;
      return trimmedLine(view, sig.line);
    },
  };
  return (scope) => scopes[scope]();
}

/** Every match of a pattern in [from, to): the value (its named group, the whole scope, or the template filled
 *  from the groups, spanning the whole match) and its span. */
function matches(find: MetaPatternFind, view: string, scope: Span): Found[] {
  const slice = view.slice(scope.start, scope.end);
  const re = new RegExp(find.pattern.source, `${find.pattern.flags}g`);
  const out: Found[] = [];
  for (const m of slice.matchAll(re)) {
    if (find.group === undefined) return [{ value: slice, span: scope }];
    if (find.template !== undefined) {
      const start = scope.start + m.index;
      out.push({ value: find.template.replace(/\$<(\w+)>/gu, (_, name: string) => m.groups?.[name] ?? ''), span: { start, end: start + m[0].length } });
      continue;
    }
    const v = m.groups?.[find.group];
    if (v === undefined) continue;
    const start = scope.start + m.index + m[0].indexOf(v);
    out.push({ value: v, span: { start, end: start + v.length } });
  }
  return out;
}

/** The matches a rule keeps (see MetaPatternFind.pick). */
function pick(find: MetaPatternFind, all: Found[]): Found[] {
  const p = find.pick;
  if (p === 'all') return all;
  if (p === 'first') return all.slice(0, 1);
  if (p === 'longest') {
    const best = all.reduce<Found | null>((b, x) => (b === null || x.value.length > b.value.length ? x : b), null);
    return best ? [best] : [];
  }
  for (const want of p.prefer) {
    const hit = all.find((f) => f.value === want);
    if (hit) return [hit];
  }
  return [];
}

/** A date mention with a closed interval (not an open …以来). */
type ClosedDate = Exclude<DateItem, { kind: 'since' }>;

/** The first closed date mention of a scope that a date rule accepts, with the ranges joined to it as segments (the
 *  mention alone when the rule joins none). */
function findDate(find: MetaDateFind, doc: DocumentContext, dates: readonly DateItem[], scope: Span): ClosedDate[] {
  const fits = (d: DateItem): d is ClosedDate =>
    d.kind !== 'since' &&
    d.span.start >= scope.start &&
    d.span.end <= scope.end &&
    (find.kind === undefined || d.kind === find.kind) &&
    (find.precision === undefined || d.precision === find.precision) &&
    (find.oneDay !== true || d.start === d.end);
  const at = dates.findIndex(
    (d) =>
      fits(d) &&
      (find.sentence === undefined || find.sentence.test(sentenceOf(doc, d.span))) &&
      (find.label === undefined || find.label.test(doc.view.slice(lineStart(doc.view, d.span.start), d.span.start))),
  );
  if (at === -1) return [];
  const found = [dates[at] as ClosedDate];
  for (let i = at + 1; find.segments && i < dates.length; i++) {
    const d = dates[i]!;
    if (!fits(d) || !find.segments.test(doc.view.slice(found.at(-1)!.span.end, d.span.start))) break;
    found.push(d);
  }
  return found;
}

function lineStart(view: string, at: number): number {
  return view.lastIndexOf('\n', at - 1) + 1;
}

function sentenceOf(doc: DocumentContext, span: Span): string {
  const s = doc.sentences.around(span);
  return doc.view.slice(s.start, s.end);
}

const LIST_FIELDS: ReadonlySet<MetaField> = new Set(['contacts.emails', 'contacts.phones']);

/** Extract the metadata of one notice. */
export function extractMeta(doc: DocumentContext, input: MetaInput): Result<Meta> {
  const { text, view } = doc;
  const scopeOf = scopesOf(view, input.structure);
  const evidence: Record<string, Evidence> = {};
  const note = (key: string, span: Span, rule: string) => {
    evidence[key] = { span, text: text.slice(span.start, span.end), rule };
  };
  const values = new Map<MetaField, string>();
  const lists = new Map<MetaField, Found[]>();
  const listValues = new Map<MetaField, string[]>();
  let period: Meta['inspectionPeriod'] = null;
  let segments: Meta['inspectionSegments'] = [];
  let publicity: Meta['publicityPeriod'] = null;

  for (const rule of META_FIELD_RULES) {
    const { field } = rule;
    const isList = LIST_FIELDS.has(field);
    const taken = field === 'inspectionPeriod' ? period !== null : field === 'publicityPeriod' ? publicity !== null : values.has(field);
    if (!isList && taken) continue;
    const scope = rule.scope === 'title' ? (evidence['title']?.span ?? null) : scopeOf(rule.scope);
    if (!scope) continue;

    if ('date' in rule.find) {
      const found = findDate(rule.find.date, doc, input.dates, scope);
      if (found.length === 0) continue;
      const [d, last] = [found[0]!, found.at(-1)!];
      if (field === 'inspectionPeriod') {
        period = { start: d.start, end: last.end };
        segments = found.map((s) => ({ start: s.start, end: s.end }));
      } else if (field === 'publicityPeriod') publicity = { start: d.start, end: last.end };
      else values.set(field, d.start);
      note(field, { start: d.span.start, end: last.span.end }, rule.id);
      continue;
    }

    const find = rule.find.pattern;
    let found = pick(find, matches(find, view, scope));
    const avoid = find.notOverlapping ? (lists.get(find.notOverlapping) ?? []) : [];
    found = found.filter((f) => !avoid.some((a) => f.span.start < a.span.end && f.span.end > a.span.start));
    if (found.length === 0) continue;
    const valueOf = (f: Found) => {
      const v = find.fromView || find.template !== undefined ? f.value : text.slice(f.span.start, f.span.end);
      return find.trim ? v.trim() : v;
    };
    if (isList) {
      lists.set(field, found);
      listValues.set(field, [...new Set(found.map(valueOf))]);
      found.forEach((f, i) => note(`${field}.${i}`, f.span, rule.id));
      continue;
    }
    const f = found[0]!;
    values.set(field, valueOf(f));
    note(field, f.span, rule.id);
    if (rule.kind) {
      const kind: InspectionKind = rule.kind === 'from-value' ? (f.value.includes('巡察') ? '巡察' : '巡视') : rule.kind;
      values.set('inspectionKind', kind);
      note('inspectionKind', f.span, rule.id);
    }
  }

  const list = (field: MetaField) => listValues.get(field) ?? [];
  const get = (field: MetaField) => values.get(field) ?? null;
  return result({
    title: get('title'),
    unit: get('unit'),
    inspector: get('inspector'),
    inspectionKind: get('inspectionKind') as Meta['inspectionKind'],
    round: get('round'),
    inspectionPeriod: period,
    inspectionSegments: segments,
    feedbackDate: get('feedbackDate'),
    publishedDate: get('publishedDate') ?? input.pageDate,
    publicityPeriod: publicity,
    contacts: { phones: list('contacts.phones'), emails: list('contacts.emails'), address: get('contacts.address'), postcode: get('contacts.postcode') },
    evidence: Object.fromEntries(Object.entries(evidence).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  });
}

/** The value a meta evidence key stands for (a period: its start; a contact list: the item). */
function evidenceValue(meta: Meta, key: string): string | null {
  const [field, sub, index] = key.split('.');
  if (field === 'contacts') {
    const v = (meta.contacts as Record<string, unknown>)[sub!];
    return Array.isArray(v) ? ((v[Number(index)] as string | undefined) ?? null) : ((v as string | null) ?? null);
  }
  const v = (meta as unknown as Record<string, unknown>)[field!];
  return typeof v === 'string' ? v : v !== null && typeof v === 'object' && 'start' in v ? String(v.start) : null;
}

/** The metadata table as registered: the text is a small notice; each evidence entry is a hit whose value is the
 *  field's value. */
export const META_TABLE: RuleTable<{ value: string | null }, PipelineContext> = {
  name: 'meta',
  rules: META_FIELD_RULES,
  run(text, ctx) {
    const doc = documentContext(ctx, text);
    const structure = buildSections(doc, null).value;
    const meta = extractMeta(doc, { structure, dates: extractDates(doc, noticeDateSources(structure, null)).value, pageDate: null }).value;
    const fieldOf = new Map(META_FIELD_RULES.map((r) => [r.id, r.field]));
    // A rule's own field (not the kind an inspector rule also gives), list items under their list's field.
    return Object.entries(meta.evidence)
      .filter(([key, e]) => key.replace(/\.\d+$/u, '') === fieldOf.get(e.rule))
      .map(([key, e]): Hit<{ value: string | null }> => ({ start: e.span.start, end: e.span.end, rule: e.rule, value: { value: evidenceValue(meta, key) } }));
  },
};
