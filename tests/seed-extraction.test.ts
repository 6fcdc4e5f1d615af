/** seed.txt against seed.gold.json: every required date, count, measure anchor and regulation, none forbidden. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDocument, Section } from '../output/schema.js';
import { hasShared, noteSkipped, SHARED, noticeBytes } from './helpers.js';

/** Compare texts as the gold says: after NFKC, whitespace removed (punctuation width may differ). */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

interface GoldItem {
  text: string;
  [field: string]: unknown;
}
interface Gold {
  dates: { required: GoldItem[]; forbidden: string[] };
  counts: { required: GoldItem[]; forbidden: string[] };
  measures: { required_anchors: Array<{ section: string; starts: string; status?: string | null }> };
  regulations: { required: string[]; cited_law: string[] };
}

noteSkipped('seed.txt dates, counts, measures and regulations');

describe.skipIf(!hasShared)('seed.txt extraction against seed.gold.json', () => {
  const gold = hasShared ? (JSON.parse(readFileSync(join(SHARED, 'seeds', 'seed.gold.json'), 'utf8')) as Gold) : null;
  let doc: NoticeDocument;
  const paths = new Map<string, string>();
  beforeAll(async () => {
    doc = await noticeBytes(readFileSync(join(SHARED, 'seeds', 'seed.txt')), 'seed.txt');
    const walk = (ss: readonly Section[], prefix: string) => {
      for (const s of ss) {
        const p = prefix ? `${prefix}/${norm(s.marker)}` : norm(s.marker);
        paths.set(s.id, p);
        walk(s.children, p);
      }
    };
    walk(doc.sections, '');
  });

  const agree = (g: GoldItem, p: Record<string, unknown>, fields: readonly string[]) =>
    fields.every((f) => !(f in g) || (typeof g[f] === 'number' ? Math.abs((g[f]) - (p[f] as number)) < 1e-9 : g[f] === p[f]));

  it.each(gold?.dates.required.map((g) => [g.text, g] as const) ?? [])('finds the date “%s” with its interval and precision', (_t, g) => {
    const hit = doc.dates.find((d) => norm(d.text) === norm(g.text) && agree(g, d, ['start', 'end', 'precision', 'kind']));
    expect(hit, JSON.stringify(doc.dates.map((d) => [d.text, d.start, d.end]))).toBeDefined();
  });

  it.each(gold?.counts.required.map((g) => [g.text, g] as const) ?? [])('finds the count “%s” with its value, unit, object and approximation', (_t, g) => {
    const hit = doc.counts.find((c) => norm(c.text) === norm(g.text) && agree(g, c, ['value', 'unit', 'object', 'approx']));
    expect(hit, JSON.stringify(doc.counts.map((c) => [c.text, c.value, c.unit, c.object, c.approx]))).toBeDefined();
  });

  it.each(gold?.measures.required_anchors.map((a) => [a.section, a.starts, a] as const) ?? [])('finds the measure %s “%s” with its status', (_s, _t, a) => {
    const hit = doc.measures.find((m) => paths.get(m.section ?? '') === norm(a.section) && norm(m.text).startsWith(norm(a.starts)));
    expect(hit, `no measure in ${a.section} starts with ${a.starts}`).toBeDefined();
    if ('status' in a) expect(hit!.status).toBe(a.status ?? null);
  });

  it.each(gold?.regulations.required.map((t) => [t] as const) ?? [])('finds the regulation 《%s》', (title) => {
    expect(doc.regulations.map((r) => norm(r.title))).toContain(norm(title));
  });

  it.each(gold?.regulations.cited_law.map((t) => [t] as const) ?? [])('finds the cited law 《%s》 with action cited', (title) => {
    expect(doc.regulations.find((r) => norm(r.title) === norm(title))?.action).toBe('cited');
  });

  it('reports none of the forbidden strings as a date or a count', () => {
    const bad = [
      ...doc.dates.filter((d) => gold!.dates.forbidden.some((f) => norm(d.text).includes(norm(f)))).map((d) => `date ${d.text}`),
      ...doc.counts.filter((c) => gold!.counts.forbidden.some((f) => norm(c.text).includes(norm(f)))).map((c) => `count ${c.text}`),
    ];
    expect(bad).toEqual([]);
  });

  it('every extracted span slices to its text', () => {
    for (const it of [...doc.dates, ...doc.counts, ...doc.measures, ...doc.regulations]) expect(doc.text.slice(it.span.start, it.span.end)).toBe(it.text);
  });
});
