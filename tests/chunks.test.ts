/**
 * Section chunks of a notice (issue 15 item 10; output/chunks.ts): one JSON line per leaf section with its heading
 * path, the metadata and the items in it, plus the preamble, the closing and the introductions of sections with
 * subsections; together they hold the whole text. Checked on the seed and a real notice (../shared, skipped with a
 * note when absent) and on every corpus notice against its gold sections.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Chunk } from '../output/chunkSchema.js';
import { chunkLines } from '../output/chunks.js';
import type { NoticeDocument, Section } from '../output/schema.js';
import { hasShared, noteSkipped, noticeBytes, ROOT, SHARED } from './helpers.js';

interface GoldSection {
  marker: string;
  level: number;
  title: string;
  children?: GoldSection[];
}

const squeeze = (s: string): string => s.replace(/\s+/gu, '');

/** The leaf sections of a tree with their heading paths. */
function leaves<T extends { marker: string; level: number; title: string; children?: readonly T[] }>(ss: readonly T[], above: T[] = []): Array<{ leaf: T; path: T[] }> {
  return ss.flatMap((s) => ((s.children ?? []).length === 0 ? [{ leaf: s, path: [...above, s] }] : leaves(s.children ?? [], [...above, s])));
}

/** Every check of one document's chunks; `gold` is the heading tree they must follow. */
function checkChunks(doc: NoticeDocument, gold: readonly GoldSection[]): Chunk[] {
  const lines = [...chunkLines(doc)];
  const chunks = lines.map((l) => {
    expect(l.endsWith('\n')).toBe(true);
    return Chunk.parse(JSON.parse(l));
  });
  const { evidence: _evidence, ...meta } = doc.meta;
  chunks.forEach((c, i) => {
    expect(c.n).toBe(i);
    expect(c.text).toBe(doc.text.slice(c.span.start, c.span.end));
    expect(c.meta).toEqual(meta);
    expect([c.path, c.sha256, c.rulesVersion]).toEqual([doc.source.path, doc.source.sha256, doc.rulesVersion]);
    if (i > 0) expect(c.span.start).toBeGreaterThanOrEqual(chunks[i - 1]!.span.end);
  });
  // One chunk per leaf section, with the gold heading path (levels, markers, titles).
  const strip = (h: GoldSection) => ({ level: h.level, marker: squeeze(h.marker), title: squeeze(h.title) });
  const leafChunks = chunks.filter((c) => c.kind === 'section' && !chunks.some((d) => d.section !== null && c.section !== null && d.section.startsWith(`${c.section}.`)));
  expect(leafChunks.map((c) => c.headings.map(strip))).toEqual(leaves(gold).map(({ path }) => path.map(strip)));
  // The text: every character outside whitespace is in a chunk, except the heading lines of sections whose text is
  // all in their subsections (those headings are in the subsections' heading paths).
  const headingOnly: Array<[number, number]> = [];
  const walk = (ss: readonly Section[]) => {
    for (const s of ss) {
      if (s.children.length > 0 && !chunks.some((c) => c.section === s.id)) headingOnly.push([s.span.start, s.children[0]!.span.start]);
      walk(s.children);
    }
  };
  walk(doc.sections);
  let rest = '';
  let at = 0;
  for (const [a, b] of headingOnly) {
    rest += doc.text.slice(at, a);
    at = b;
  }
  rest += doc.text.slice(at);
  expect(squeeze(chunks.map((c) => c.text).join(''))).toBe(squeeze(rest));
  // Every item is in the chunk where it starts; figures keep their text.
  const holder = (start: number) => chunks.find((c) => c.span.start <= start && start < c.span.end);
  for (const m of doc.measures) expect(holder(m.span.start)?.measures.map((x) => x.id) ?? [m.id]).toContain(m.id);
  for (const f of doc.counts) {
    const c = holder(f.span.start);
    if (!c) continue; // inside a heading-only stretch
    expect(c.figures).toContainEqual({ text: f.text, value: f.value, unit: f.unit, object: f.object, approx: f.approx, span: f.span });
    expect(c.text.slice(f.span.start - c.span.start, f.span.end - c.span.start)).toBe(f.text);
  }
  expect(chunks.reduce((n, c) => n + c.dates.length, 0)).toBeLessThanOrEqual(doc.dates.length);
  expect([...chunkLines(doc)].join('')).toBe(lines.join('')); // deterministic
  return chunks;
}

describe('chunks of the seed and a real notice (../shared)', () => {
  noteSkipped('chunks of seed.txt and real-001.txt');
  it.skipIf(!hasShared)('seed.txt: one chunk per leaf of the gold tree, plus preamble, an introduction and the closing', async () => {
    const doc = await noticeBytes(readFileSync(join(SHARED, 'seeds', 'seed.txt')), 'seed.txt');
    const gold = JSON.parse(readFileSync(join(SHARED, 'seeds', 'seed.gold.json'), 'utf8')) as { sections: GoldSection[] };
    const chunks = checkChunks(doc, gold.sections);
    expect(chunks.map((c) => c.kind === 'section' ? c.section : c.kind)).toEqual([
      'preamble', '1.1', '1.2', '1.3', '2.1.1', '2.1.2', '2.1.3', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '3.1', '3.2', '3.3', '4', '4.1', '4.2', '4.3', 'closing',
    ]);
    const c = chunks.find((x) => x.section === '2.1.2')!;
    expect(c.headings).toEqual([
      { level: 1, marker: '二、', title: '集中整改期内已完成的整改事项' },
      { level: 2, marker: '(一)', title: '贯彻落实上级决策部署方面' },
      { level: 3, marker: '2.', title: '聚焦档案管理主责主业,落实档案的教化育人' },
    ]);
    expect(c.figures.map((f) => [f.text, f.value])).toEqual([['近两百场活动', 200], ['约15万游客', 150000]]);
    expect(c.measures.every((m) => m.status === 'done')).toBe(true);
    expect(c.meta.unit).toBe('佛山市南海区档案馆');
  });

  it.skipIf(!hasShared)('real-001.txt: one chunk per leaf of the pipeline’s own tree', async () => {
    const doc = await noticeBytes(readFileSync(join(SHARED, 'corpus', 'real', 'real-001.txt')), 'real-001.txt');
    checkChunks(doc, doc.sections);
  });
});

describe('chunks of every corpus notice against its gold sections', () => {
  for (const dir of [join(ROOT, 'corpus'), join(ROOT, 'corpus', 'patterns')]) {
    for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
      const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file?: string; sections: GoldSection[] };
      const name = gold.file ?? g.replace(/\.gold\.json$/u, '.txt');
      it(name, async () => {
        checkChunks(await noticeBytes(readFileSync(join(dir, name)), name), gold.sections);
      });
    }
  }

  it('a failed file has no chunks; a text without headings is one preamble chunk (and its closing)', async () => {
    expect([...chunkLines(await noticeBytes(Buffer.alloc(0), 'empty.txt'))]).toEqual([]);
    const doc = await noticeBytes(Buffer.from('区委巡察组对某单位进行了巡察,整改工作已完成。\n欢迎广大干部群众监督。联系电话:0000-1234567。'), 'flat.txt');
    expect(doc.sections).toEqual([]);
    const chunks = [...chunkLines(doc)].map((l) => Chunk.parse(JSON.parse(l)));
    expect(chunks.map((c) => [c.kind, c.section, c.headings])).toEqual(doc.parts.closing ? [['preamble', null, []], ['closing', null, []]] : [['preamble', null, []]]);
    expect(chunks.map((c) => c.text).join('')).toBe(doc.text);
  });
});
