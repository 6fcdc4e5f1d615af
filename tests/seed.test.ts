/** The seed notice (../shared/seeds): its gold tree and metadata, in every text encoding. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoticeDocument, Section } from '../output/schema.js';
import { norm } from '../tools/evalScore.js';
import { hasShared, noteSkipped, SHARED, noticeBytes } from './helpers.js';

interface GoldSection {
  marker: string;
  level: number;
  title: string;
  children?: GoldSection[];
}
const strip = (ss: readonly Section[]): GoldSection[] =>
  ss.map((s) => ({ marker: s.marker, level: s.level, title: s.title, ...(s.children.length ? { children: strip(s.children) } : {}) }));
const normTree = (ss: readonly GoldSection[]): unknown =>
  ss.map((s) => ({ marker: norm(s.marker), level: s.level, title: norm(s.title), children: normTree(s.children ?? []) }));

noteSkipped('seed.txt gold tree and metadata');

describe.skipIf(!hasShared)('seed.txt against seed.gold.json', () => {
  const seedPath = join(SHARED, 'seeds', 'seed.txt');
  const gold = hasShared ? (JSON.parse(readFileSync(join(SHARED, 'seeds', 'seed.gold.json'), 'utf8')) as { sections: GoldSection[]; meta: Record<string, unknown> }) : null;
  const utf8 = hasShared ? readFileSync(seedPath) : Buffer.alloc(0);
  let doc: NoticeDocument;

  it('gives exactly the gold section tree: 25 headings with marker, level, title and nesting', async () => {
    doc = await noticeBytes(utf8, 'seed.txt');
    expect(strip(doc.sections)).toEqual(gold!.sections);
    const count = (ss: readonly Section[]): number => ss.reduce((n, s) => n + 1 + count(s.children), 0);
    expect(count(doc.sections)).toBe(25);
  });

  it('gives every metadata field of the gold', () => {
    const g = gold!.meta;
    const m = doc.meta;
    expect([g['unit'], ...(g['unit_aliases'] as string[])]).toContain(m.unit);
    expect(m.inspector).toBe(g['inspector']);
    expect(m.inspectionKind).toBe(g['inspectionKind']);
    expect(m.inspectionPeriod).toEqual(g['inspectionPeriod']);
    expect(m.feedbackDate).toBe(g['feedbackDate']);
    expect(m.publishedDate).toBe(g['publishedDate']);
    expect(m.publicityPeriod).toEqual(g['publicityPeriod']);
    expect(m.contacts).toEqual({ phones: ['0757-86229618'], emails: ['daj@nanhai.gov.cn'], address: '佛山市南海区桂城街道天佑四路56号', postcode: '528000' });
    expect(m.contacts).toMatchObject(g['contacts'] as object);
  });

  it('a BOM-less UTF-16LE copy gives the same tree and metadata, with encoding utf-16le', async () => {
    const d = await noticeBytes(Buffer.from(utf8.toString('utf8'), 'utf16le'), 'seed.txt');
    expect(d.source.encoding).toBe('utf-16le');
    expect(normTree(strip(d.sections))).toEqual(normTree(gold!.sections));
    expect({ ...d.meta, evidence: null }).toEqual({ ...doc.meta, evidence: null });
  });

  let gb: Buffer | null = null;
  try {
    gb = hasShared ? execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', seedPath]) : null;
  } catch {
    gb = null;
  }
  it.skipIf(gb === null)('a GB18030 copy gives the same tree and metadata, with encoding gb18030', async () => {
    const d = await noticeBytes(gb!, 'seed.txt');
    expect(d.source.encoding).toBe('gb18030');
    expect(strip(d.sections)).toEqual(gold!.sections);
    expect(d.text).toBe(doc.text);
  });

  it('a CRLF copy gives the same canonical text', async () => {
    const d = await noticeBytes(Buffer.from(utf8.toString('utf8').replace(/\n/gu, '\r\n')), 'seed.txt');
    expect(d.text).toBe(doc.text);
  });
});
