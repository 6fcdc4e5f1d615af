/**
 * The same notice in every format gives the same answers: the seven seed files of ../shared/seeds (when present)
 * give exactly the gold tree and all the same dates, counts, measures, regulations and indicators as seed.txt;
 * the project's own fixtures in corpus/formats give the same as their .txt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorFigures } from '../analyze/tables.js';
import type { NoticeDocument, Section } from '../output/schema.js';
import { hasShared, noteSkipped, ROOT, SHARED, noticeBytes } from './helpers.js';

const nfkc = (s: string) => s.normalize('NFKC');

/** Everything a format must not change, without spans (a PDF's canonical text may differ in blank lines). */
function answers(doc: NoticeDocument) {
  const tree = (ss: readonly Section[]): unknown[] => ss.map((s) => [nfkc(s.marker), s.level, nfkc(s.title), tree(s.children)]);
  return {
    status: doc.status,
    tree: tree(doc.sections),
    meta: { ...doc.meta, evidence: undefined },
    dates: doc.dates.map((d) => [nfkc(d.text), d.start, d.end, d.precision, d.kind, d.rule]),
    counts: doc.counts.map((c) => [nfkc(c.text), c.value, c.unit, c.object, c.approx, c.rule]),
    measures: doc.measures.map((m) => [nfkc(m.text), m.status, m.rule]),
    regulations: doc.regulations.map((r) => [nfkc(r.title), r.action]),
    indicators: indicatorFigures(doc.indicators).map(({ name, f }) => [name, f.value, f.rule]),
  };
}

const load = async (path: string) => noticeBytes(readFileSync(path), basename(path));

describe.skipIf(!hasShared)('the seven seed files', () => {
  noteSkipped('seed formats give the same answers');
  const seeds = join(SHARED, 'seeds');
  const files = ['seed.docx', 'seed.doc', 'seed.pdf', 'seed-pagenum.pdf', 'seed-nonembedded.pdf', 'seed-autonum.docx'];
  let reference: ReturnType<typeof answers>;
  let gold: { sections: Array<{ marker: string; level: number; title: string; children?: unknown[] }> };

  beforeAll(async () => {
    reference = answers(await load(join(seeds, 'seed.txt')));
    gold = JSON.parse(readFileSync(join(seeds, 'seed.gold.json'), 'utf8')) as typeof gold;
  });

  it('seed.txt gives exactly the gold tree (25 headings)', () => {
    type G = { marker: string; level: number; title: string; children?: G[] };
    const tree = (gs: readonly G[]): unknown[] => gs.map((g) => [nfkc(g.marker), g.level, nfkc(g.title), tree(g.children ?? [])]);
    expect(reference.tree).toEqual(tree(gold.sections as G[]));
    const count = (t: unknown[]): number => t.reduce<number>((n, s) => n + 1 + count((s as unknown[])[3] as unknown[]), 0);
    expect(count(reference.tree)).toBe(25);
  });

  for (const f of files) {
    it(`${f} gives the same tree, metadata, dates, counts, measures, regulations and indicators as seed.txt`, async () => {
      const got = answers(await load(join(seeds, f)));
      expect(got.status).toBe('ok');
      expect(got.tree).toEqual(reference.tree);
      expect(got.meta).toEqual(reference.meta);
      expect(got.dates).toEqual(reference.dates);
      expect(got.counts).toEqual(reference.counts);
      expect(got.measures).toEqual(reference.measures);
      expect(got.regulations).toEqual(reference.regulations);
      expect(got.indicators).toEqual(reference.indicators);
    });
  }
});

describe('the project fixtures in corpus/formats', () => {
  const dir = join(ROOT, 'corpus', 'formats');
  for (const f of readdirSync(dir).sort()) {
    const txt = join(ROOT, 'corpus', f.replace(/\.[a-z]+$/u, '.txt'));
    it(`${f} gives the same answers as its .txt`, async () => {
      const [a, b] = await Promise.all([load(join(dir, f)), load(txt)]);
      const want = answers(b);
      const got = answers(a);
      // A web page without a signature date takes the page's date: compare the rest of the metadata.
      if (f.endsWith('.html')) {
        got.meta = { ...got.meta, publishedDate: want.meta.publishedDate };
        got.indicators = got.indicators.filter(([n]) => n !== 'daysFeedbackToPublished');
        want.indicators = want.indicators.filter(([n]) => n !== 'daysFeedbackToPublished');
      }
      expect(got).toEqual(want);
    });
  }
});
