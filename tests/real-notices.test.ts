/**
 * The real notices of ../shared/corpus/real (data only: tested on, never copied into the project). real-001 is a
 * central-inspection notice of a university whose figures a new user checked by hand (issue 12): its own totals are a
 * ledger of tasks (177, 174 done), its stated 100% rate belongs to one sub-item, its regulations figure is stated in
 * the summary part, and several of its paragraphs are background, opinion or quotation rather than measures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDocument } from '../output/schema.js';
import { processBytes } from '../pipeline/process.js';
import { hasShared, noteSkipped, SHARED, testContext } from './helpers.js';

noteSkipped('real notices (../shared/corpus/real)');

const top = (id: string | null) => id?.split('.')[0] ?? null;

describe.skipIf(!hasShared)('real-001 (../shared/corpus/real)', () => {
  let doc: NoticeDocument;
  beforeAll(async () => {
    doc = await processBytes(readFileSync(join(SHARED, 'corpus', 'real', 'real-001.txt')), 'real-001.txt', { context: testContext() });
  });

  it('reads the notice’s own totals: 177 tasks, 174 done, a computed rate of 98.3%', () => {
    const i = doc.indicators!;
    expect(i.problemsFound?.value).toBe(177);
    expect(i.problemsCompleted?.value).toBe(174);
    expect(i.completionRateComputed?.value).toBeCloseTo(98.3, 1);
    // Each figure is read where the notice states it, in its summary part, with its rule.
    expect(i.problemsFound?.section).toMatch(/^1\./u);
    expect(i.problemsFound?.rule).toBe('indicator/problems-from-tasks');
  });

  it('takes no sub-item’s rate as the notice’s stated completion rate (not 100, not a clue disposal rate)', () => {
    expect(doc.indicators!.completionRateStated).toBeNull();
  });

  it('reads regulations made 44 and revised 41 from the summary part, not one foundation’s 7', () => {
    const i = doc.indicators!;
    expect(i.regulationsMade?.value).toBe(44);
    expect(i.regulationsMade?.rule).toBe('indicator/regulations-made');
    expect(i.regulationsRevised?.value).toBe(41);
    expect(i.regulationsStated).toBeNull();
  });

  it('gives a status to at least 90% of the measures of 二、 and 三、, each with its rule', () => {
    for (const section of ['2', '3']) {
      const ms = doc.measures.filter((m) => top(m.section) === section);
      expect(ms.length, section).toBeGreaterThan(10);
      const withStatus = ms.filter((m) => m.status !== null);
      expect(withStatus.length / ms.length, section).toBeGreaterThanOrEqual(0.9);
      for (const m of withStatus) expect(m.statusRule, m.text).toMatch(/^status/u);
    }
  });

  it('takes no background, opinion or quotation for a measure', () => {
    for (const m of doc.measures) {
      expect(m.text, m.text).not.toMatch(/^(?:党的十八大以来|学校党委认为|只有)/u);
    }
  });

  it('splits every 一是/二是/三是 item the same way: each item starts a measure right after its enumerator', () => {
    const text = doc.text;
    const items = [...text.matchAll(/(?<=^|\n)[一二三四五六七八九十]是/gu)].map((m) => m.index + m[0].length);
    expect(items.length).toBeGreaterThan(30);
    const starts = new Set(doc.measures.map((m) => m.span.start));
    const missing = items.filter((at) => !starts.has(at)).map((at) => text.slice(at - 2, at + 14));
    expect(missing).toEqual([]);
  });

  it('keeps a sentence wrapped over two lines in one measure (a web copy’s line breaks)', () => {
    const broken = doc.measures.filter((m) => /^[^“。]{0,12}”/u.test(m.text));
    expect(broken.map((m) => m.text.slice(0, 20))).toEqual([]);
  });
});
