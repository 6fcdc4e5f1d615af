/** Invariants on every notice the project has (and the seed and real notices when ../shared exists). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoticeDocument, Section } from '../output/schema.js';
import { normalizeText } from '../text/charMap.js';
import { spanViolations } from '../pipeline/validate/validateDocument.js';
import { corpusNotices, hasShared, noteSkipped, SHARED, noticeBytes } from './helpers.js';

const files = [
  ...corpusNotices().map((c) => c.path),
  ...(hasShared ? ['seeds/seed.txt', 'corpus/real/real-001.txt', 'corpus/real/real-002.txt'].map((f) => join(SHARED, f)) : []),
];
noteSkipped('properties on the seed and real notices');

const docs = new Map<string, NoticeDocument>();
async function doc(path: string): Promise<NoticeDocument> {
  let d = docs.get(path);
  if (!d) {
    d = await noticeBytes(readFileSync(path), path.split('/').pop()!);
    docs.set(path, d);
  }
  return d;
}

function flat(ss: readonly Section[]): Section[] {
  return ss.flatMap((s) => [s, ...flat(s.children)]);
}

describe.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', (_name, path) => {
  it('is processed without an error', async () => {
    const d = await doc(path);
    expect(d.status).toBe('ok');
  });

  it('every span slices to its text (dates, counts, measures, regulations, meta evidence, titles)', async () => {
    const d = await doc(path);
    for (const it of [...d.dates, ...d.counts, ...d.measures, ...d.regulations]) expect(d.text.slice(it.span.start, it.span.end)).toBe(it.text);
    for (const ev of Object.values(d.meta.evidence)) expect(d.text.slice(ev.span.start, ev.span.end)).toBe(ev.text);
    for (const s of flat(d.sections)) expect(d.text.slice(s.titleSpan.start, s.titleSpan.end)).toBe(s.title);
    expect(spanViolations(d)).toEqual([]);
  });

  it('every character belongs to the preamble, exactly one top-level section, or the closing', async () => {
    const d = await doc(path);
    const owner = new Array<number>(d.text.length).fill(0);
    const mark = (s: { start: number; end: number } | null) => {
      if (s) for (let i = s.start; i < s.end; i++) owner[i]!++;
    };
    mark(d.parts.preamble);
    d.sections.forEach((s) => mark(s.span));
    mark(d.parts.closing);
    expect(owner.every((n) => n === 1)).toBe(true);
  });

  it('sections nest within their parents, children in order and disjoint, each item in its innermost section', async () => {
    const d = await doc(path);
    const check = (ss: readonly Section[], parent: Section | null) => {
      let prev = parent ? parent.span.start : -1;
      for (const s of ss) {
        if (parent) {
          expect(s.span.start).toBeGreaterThanOrEqual(parent.span.start);
          expect(s.span.end).toBeLessThanOrEqual(parent.span.end);
          expect(s.level).toBe(parent.level + 1);
          expect(s.id.startsWith(`${parent.id}.`)).toBe(true);
        }
        expect(s.span.start).toBeGreaterThanOrEqual(prev);
        prev = s.span.end;
        check(s.children, s);
      }
    };
    check(d.sections, null);
    const all = flat(d.sections);
    for (const it of [...d.dates, ...d.counts, ...d.measures, ...d.regulations]) {
      const containing = all.filter((s) => s.span.start <= it.span.start && it.span.end <= s.span.end);
      const innermost = containing.sort((a, b) => b.level - a.level)[0];
      expect(it.section).toBe(innermost?.id ?? null);
    }
  });

  it('normalization keeps the length of the text', async () => {
    const d = await doc(path);
    expect(normalizeText(d.text).length).toBe(d.text.length);
  });
});
