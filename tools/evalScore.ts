/**
 * Scoring a document against a gold file (corpus/README.md, ../shared/seeds/seed.gold.json): sections, metadata,
 * dates, counts, measure anchors, regulations, diagnostics. Pure functions; tools/eval.ts prints the figures.
 * Texts are compared after NFKC and with whitespace removed (the gold says so: punctuation width may differ).
 */
import type { NoticeDocument, Section } from '../output/schema.js';

/** Compare texts after NFKC, whitespace removed. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

/** True/false positives and negatives of one kind. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of a tally (1 when there is nothing to find and nothing found). */
export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function addTally(a: Tally, b: Tally): Tally {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

interface GoldSection {
  marker: string;
  level: number;
  title: string;
  children?: GoldSection[];
}

/** The score of one document. */
export interface DocScore {
  sections: Tally;
  meta: { correct: number; total: number; wrong: string[] };
  dates: Tally;
  counts: Tally;
  measures: { found: number; total: number; statusRight: number; statusTotal: number; missing: string[]; forbidden: number };
  regulations: { found: number; total: number; actionRight: number; actionTotal: number; missing: string[] };
  diagnostics: { right: number; total: number; wrong: string[] };
  /** Gold indicator figures (only those the gold states; a stated null must be null) and how many the document gives
   *  exactly. */
  indicators: { correct: number; total: number };
  /** Gold counts that state their object and whose text was found, and how many of those have that object. */
  countObjects: { right: number; total: number };
  /** Items reported that the gold forbids, and other notes for people. */
  problems: string[];
}

function flattenGold(ss: readonly GoldSection[], prefix = ''): string[] {
  return ss.flatMap((s) => {
    const path = `${prefix}/${norm(s.marker)}`;
    return [`${path}|${s.level}|${norm(s.title)}`, ...flattenGold(s.children ?? [], path)];
  });
}

function flattenDoc(ss: readonly Section[], prefix = ''): string[] {
  return ss.flatMap((s) => {
    const path = `${prefix}/${norm(s.marker)}`;
    return [`${path}|${s.level}|${norm(s.title)}`, ...flattenDoc(s.children, path)];
  });
}

/** Multiset matching of two string lists. */
function matchSets(gold: string[], pred: string[]): Tally & { missing: string[]; extra: string[] } {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  const extra: string[] = [];
  for (const p of pred) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp++;
      left.set(p, n - 1);
    } else extra.push(p);
  }
  const missing = [...left.entries()].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { tp, fp: extra.length, fn: missing.length, missing, extra };
}

type Item = { text: string } & Record<string, unknown>;
type GoldItem = { text: string } & Record<string, unknown>;
interface GoldList {
  required?: GoldItem[];
  optional?: GoldItem[];
  forbidden?: string[];
  /** The lists name only some of the items of the notice (a long notice): a prediction they do not name is no error. */
  partial?: boolean;
}

/** Fields of a gold item that a prediction must equal (only those the gold states). */
function valuesAgree(gold: GoldItem, pred: Item, fields: readonly string[]): boolean {
  return fields.every((f) => {
    if (!(f in gold) || gold[f] === undefined) return true;
    const g = gold[f];
    const p = pred[f];
    if (typeof g === 'number' && typeof p === 'number') return Math.abs(g - p) < 1e-6 * Math.max(1, Math.abs(g));
    if (typeof g === 'string' && typeof p === 'string') return norm(g) === norm(p);
    return g === p;
  });
}

/** Score a list of extracted items against required/optional/forbidden gold: a required item is found when a
 *  prediction with the same text (or one containing it, or contained in it) has the gold's values. */
function scoreItems(kind: string, gold: GoldList | undefined, preds: readonly Item[], fields: readonly string[], problems: string[]): Tally {
  if (!gold) return { tp: 0, fp: 0, fn: 0 };
  const used = new Set<number>();
  const sameText = (g: GoldItem, p: Item) => norm(g.text) === norm(p.text);
  const nearText = (g: GoldItem, p: Item) => norm(p.text).includes(norm(g.text)) || norm(g.text).includes(norm(p.text));
  const claim = (g: GoldItem, strict: boolean): number => {
    let idx = preds.findIndex((p, i) => !used.has(i) && sameText(g, p) && valuesAgree(g, p, fields));
    if (idx < 0 && !strict) idx = preds.findIndex((p, i) => !used.has(i) && nearText(g, p) && valuesAgree(g, p, fields));
    if (idx >= 0) used.add(idx);
    return idx;
  };
  let tp = 0;
  let fn = 0;
  for (const g of gold.required ?? []) {
    if (claim(g, false) >= 0) tp++;
    else {
      fn++;
      const near = preds.find((p) => nearText(g, p));
      problems.push(`${kind}: missed “${g.text}”${near ? ` (found “${near.text}” with ${JSON.stringify(Object.fromEntries(fields.map((f) => [f, near[f]])))})` : ''}`);
    }
  }
  for (const g of gold.optional ?? []) claim(g, false);
  // Optional items excuse predictions that touch them; a text the notice repeats is listed once in the gold
  // (corpus/README.md), so its repetitions with the same values are right too.
  for (const g of gold.optional ?? []) {
    preds.forEach((p, i) => {
      if (!used.has(i) && nearText(g, p)) used.add(i);
    });
  }
  for (const g of gold.required ?? []) {
    preds.forEach((p, i) => {
      if (!used.has(i) && sameText(g, p) && valuesAgree(g, p, fields)) used.add(i);
    });
  }
  let fp = 0;
  preds.forEach((p, i) => {
    if (used.has(i)) return;
    const forbiddenHit = (gold.forbidden ?? []).some((f) => norm(p.text).includes(norm(f)));
    if (gold.partial && !forbiddenHit) return;
    fp++;
    const forbidden = (gold.forbidden ?? []).some((f) => norm(p.text).includes(norm(f)));
    problems.push(`${kind}: ${forbidden ? 'FORBIDDEN' : 'extra'} “${p.text}”`);
  });
  return { tp, fp, fn };
}

const META_FIELDS = ['title', 'unit', 'inspector', 'inspectionKind', 'round', 'inspectionPeriod', 'feedbackDate', 'publishedDate', 'publicityPeriod'] as const;

function metaScore(gold: Record<string, unknown> | undefined, doc: NoticeDocument): DocScore['meta'] {
  const out = { correct: 0, total: 0, wrong: [] as string[] };
  if (!gold) return out;
  const check = (name: string, ok: boolean, want: unknown, got: unknown) => {
    out.total++;
    if (ok) out.correct++;
    else out.wrong.push(`${name}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  };
  const m = doc.meta as unknown as Record<string, unknown>;
  for (const f of META_FIELDS) {
    if (!(f in gold)) continue;
    const want = gold[f];
    const got = m[f];
    if (f === 'unit') {
      const names = [want, ...((gold['unit_aliases'] as string[] | undefined) ?? [])].filter((x): x is string => typeof x === 'string').map(norm);
      check(f, typeof got === 'string' ? names.includes(norm(got)) : want === null && got === null, want, got);
    } else if (typeof want === 'string' && typeof got === 'string') check(f, norm(want) === norm(got), want, got);
    else check(f, JSON.stringify(want) === JSON.stringify(got), want, got);
  }
  const gc = gold['contacts'] as Record<string, unknown> | undefined;
  if (gc) {
    const c = doc.meta.contacts as unknown as Record<string, unknown>;
    for (const f of ['phones', 'emails'] as const) {
      if (!(f in gc)) continue;
      const want = [...((gc[f] as string[]) ?? [])].map(norm).sort();
      const got = [...((c[f] as string[]) ?? [])].map(norm).sort();
      check(`contacts.${f}`, JSON.stringify(want) === JSON.stringify(got), gc[f], c[f]);
    }
    for (const f of ['postcode', 'address'] as const) {
      if (!(f in gc)) continue;
      const want = gc[f] as string | null;
      const got = c[f] as string | null;
      check(`contacts.${f}`, want === null ? got === null : got !== null && norm(want) === norm(got), want, got);
    }
  }
  return out;
}

function sectionPaths(ss: readonly Section[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (xs: readonly Section[], prefix: string) => {
    for (const s of xs) {
      const path = prefix ? `${prefix}/${norm(s.marker)}` : norm(s.marker);
      out.set(s.id, path);
      walk(s.children, path);
    }
  };
  walk(ss, '');
  return out;
}

/** Strip an enumerator at the start of a measure (一是 第一, ① （1）) before comparing starts. */
function stripEnumerator(s: string): string {
  return s.replace(/^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,，、]?|[\u2460-\u2473]|\(\d+\)|\d+[.、])/u, '');
}

/** The value of one indicator of a document (null when absent or not a figure). */
export function indicatorValue(doc: NoticeDocument, name: string): number | null {
  const v = (doc.indicators as Record<string, unknown> | null)?.[name];
  return typeof v === 'object' && v !== null && 'value' in v && typeof v.value === 'number' ? v.value : null;
}

/** Every indicator figure the gold states must be given with exactly that value; a stated null (the notice states only
 *  sub-item figures) must be null. */
function indicatorScore(gold: Record<string, number | null> | undefined, doc: NoticeDocument, problems: string[]): { correct: number; total: number } {
  const out = { correct: 0, total: 0 };
  for (const [name, want] of Object.entries(gold ?? {})) {
    out.total++;
    const got = indicatorValue(doc, name);
    const right = want === null ? got === null : got !== null && Math.abs(got - want) < 1e-9;
    if (right) out.correct++;
    else problems.push(`indicator ${name}: want ${want} got ${got}`);
  }
  return out;
}

/** The object of every gold count that states one, against a prediction with the same text (one whose object agrees,
 *  if there is one: a text may stand several times). */
function countObjectScore(gold: GoldList | undefined, doc: NoticeDocument, problems: string[]): { right: number; total: number } {
  const out = { right: 0, total: 0 };
  const taken = new Set<number>();
  const objectOf = (o: unknown) => (typeof o === 'string' ? norm(o) : null);
  for (const g of [...(gold?.required ?? []), ...(gold?.optional ?? [])]) {
    if (!('object' in g)) continue;
    const want = objectOf(g['object']);
    const same = doc.counts.flatMap((c, k) => (!taken.has(k) && norm(c.text) === norm(g.text) ? [k] : []));
    if (same.length === 0) continue;
    const k = same.find((i) => objectOf(doc.counts[i]!.object) === want) ?? same[0]!;
    taken.add(k);
    out.total++;
    if (objectOf(doc.counts[k]!.object) === want) out.right++;
    else problems.push(`count object: “${g.text}” want ${JSON.stringify(g['object'])} got ${doc.counts[k]!.object}`);
  }
  return out;
}

/** Score one document against its gold. */
export function scoreDocument(doc: NoticeDocument, gold: Record<string, unknown>): DocScore {
  const problems: string[] = [];
  const sec = matchSets(flattenGold((gold['sections'] as GoldSection[]) ?? []), flattenDoc(doc.sections));
  for (const m of sec.missing) problems.push(`section missing: ${m}`);
  for (const e of sec.extra) problems.push(`section extra: ${e}`);

  const dates = scoreItems('date', gold['dates'] as GoldList | undefined, doc.dates, ['start', 'end', 'precision', 'kind'], problems);
  const counts = scoreItems('count', gold['counts'] as GoldList | undefined, doc.counts, ['value', 'unit', 'object', 'approx'], problems);

  const paths = sectionPaths(doc.sections);
  const goldMeasures = gold['measures'] as { required_anchors?: Array<{ section: string; starts: string; status?: string | null }>; forbidden_starts?: string[] } | undefined;
  const anchors = goldMeasures?.required_anchors ?? [];
  const measures = { found: 0, total: anchors.length, statusRight: 0, statusTotal: 0, missing: [] as string[], forbidden: 0 };
  // A measure in no section (a notice without headings, or the preamble) has the path "".
  const pathOf = (m: { section: string | null }) => (m.section ? paths.get(m.section) : '');
  for (const a of anchors) {
    const want = norm(a.section);
    const hit = doc.measures.find((m) => {
      const path = pathOf(m);
      return path !== undefined && path === want && norm(stripEnumerator(norm(m.text))).startsWith(norm(a.starts));
    });
    if (!hit) {
      measures.missing.push(`${a.section} ${a.starts}`);
      problems.push(`measure missed: ${a.section} “${a.starts}”`);
      continue;
    }
    measures.found++;
    if ('status' in a) {
      measures.statusTotal++;
      if ((a.status ?? null) === hit.status) measures.statusRight++;
      else problems.push(`measure status: ${a.section} “${a.starts}” want ${a.status} got ${hit.status}`);
    }
  }

  for (const f of goldMeasures?.forbidden_starts ?? []) {
    const bad = doc.measures.filter((m) => norm(stripEnumerator(norm(m.text))).startsWith(norm(f)));
    measures.forbidden += bad.length;
    for (const m of bad) problems.push(`measure that is no measure: “${m.text.slice(0, 30)}”`);
  }

  const regGold = gold['regulations'] as { required?: Array<string | { title: string; action?: string | null }>; cited_law?: string[] } | undefined;
  const regs = { found: 0, total: 0, actionRight: 0, actionTotal: 0, missing: [] as string[] };
  const wantRegs = [
    ...(regGold?.required ?? []).map((r) => (typeof r === 'string' ? { title: r } : r)),
    ...(regGold?.cited_law ?? []).map((t) => ({ title: t, action: 'cited' as const })),
  ];
  for (const r of wantRegs) {
    regs.total++;
    const hit = doc.regulations.find((x) => norm(x.title) === norm(r.title));
    if (!hit) {
      regs.missing.push(r.title);
      problems.push(`regulation missed: 《${r.title}》`);
      continue;
    }
    regs.found++;
    if ('action' in r && r.action !== undefined) {
      regs.actionTotal++;
      if (r.action === hit.action) regs.actionRight++;
      else problems.push(`regulation action: 《${r.title}》 want ${r.action} got ${hit.action}`);
    }
  }

  const dg = gold['diagnostics'] as { required?: string[]; forbidden?: string[] } | undefined;
  const diagnostics = { right: 0, total: 0, wrong: [] as string[] };
  const codes = new Set<string>(doc.diagnostics.map((d) => d.code));
  for (const c of dg?.required ?? []) {
    diagnostics.total++;
    if (codes.has(c)) diagnostics.right++;
    else diagnostics.wrong.push(`missing diagnostic ${c}`);
  }
  for (const c of dg?.forbidden ?? []) {
    diagnostics.total++;
    if (!codes.has(c)) diagnostics.right++;
    else diagnostics.wrong.push(`unexpected diagnostic ${c}`);
  }
  problems.push(...diagnostics.wrong);
  const meta = metaScore(gold['meta'] as Record<string, unknown> | undefined, doc);
  problems.push(...meta.wrong.map((w) => `meta ${w}`));
  const indicators = indicatorScore(gold['indicators'] as Record<string, number | null> | undefined, doc, problems);
  const countObjects = countObjectScore(gold['counts'] as GoldList | undefined, doc, problems);
  return { sections: sec, meta, dates, counts, measures, regulations: regs, diagnostics, indicators, countObjects, problems };
}
