/** `zhenggai compare`: units.csv against the corpus gold, and units.json (report.html: tests/report.test.ts; units.xlsx: tests/xlsx.test.ts). */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_NAME } from '../analyze/store.js';
import { CSV_COLUMNS } from '../analyze/units.js';
import { UnitsDocument } from '../output/unitsSchema.js';
import { corpusNotices, hasShared, noteSkipped, ROOT, SHARED } from './helpers.js';
import { parseCsv, tmp, zhenggai } from './reportFixture.js';
const corpus = join(ROOT, 'corpus');
const run = tmp('compare-run');
const cmp = tmp('compare-out');
let csvText = '';
let header: string[] = [];
let rows: Array<Record<string, string>> = [];

beforeAll(() => {
  // The .txt notices only: one notice per unit (the format copies are checked for grouping below).
  const input = tmp('compare-in');
  for (const n of corpusNotices()) copyFileSync(n.path, join(input, n.name));
  expect(zhenggai('run', input, '--out', run, '-q').status).toBe(0);
  const r = zhenggai('compare', run, '--out', cmp);
  expect(r.status, r.stderr).toBe(0);
  csvText = readFileSync(join(cmp, 'units.csv'), 'utf8');
  const table = parseCsv(csvText.replace(/^\uFEFF/u, ''));
  header = table[0]!;
  rows = table.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
});

describe('zhenggai compare: units.csv over the corpus', () => {
  it('is UTF-8 with a BOM and has the required columns', () => {
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(header).toEqual([...CSV_COLUMNS]);
    for (const c of [
      'unit', 'inspectionKind', 'inspector', 'inspectionStart', 'inspectionEnd', 'feedbackDate', 'publishedDate', 'daysFeedbackToPublished',
      'problemsFound', 'problemsCompleted', 'completionRateStated', 'completionRateComputed', 'measuresDone', 'measuresOngoing', 'measuresPlanned',
      'regulationsMade', 'regulationsRevised', 'peopleDisciplined', 'moneyRecoveredYuan', 'source',
    ]) {
      expect(header, c).toContain(c);
    }
  });

  it('has one row per unit', () => {
    const notices = corpusNotices();
    expect(rows).toHaveLength(notices.length);
    expect(new Set(rows.map((r) => r['unit'])).size).toBe(notices.length);
  });

  it('equals the gold wherever the gold states a value (metadata and every indicator figure)', () => {
    let compared = 0;
    for (const n of corpusNotices()) {
      const row = rows.find((r) => r['source'] === n.name);
      expect(row, n.name).toBeDefined();
      const meta = n.gold['meta'] as Record<string, unknown>;
      const period = meta['inspectionPeriod'] as { start: string; end: string } | null;
      const want: Record<string, unknown> = {
        inspectionKind: meta['inspectionKind'],
        inspector: meta['inspector'],
        feedbackDate: meta['feedbackDate'],
        publishedDate: meta['publishedDate'],
        inspectionStart: period?.start ?? null,
        inspectionEnd: period?.end ?? null,
        ...(n.gold['indicators'] as Record<string, number>),
      };
      const units = [meta['unit'], ...((meta['unit_aliases'] as string[] | undefined) ?? [])];
      expect(units, `${n.name} unit`).toContain(row!['unit']);
      for (const [k, v] of Object.entries(want)) {
        if (v === undefined) continue;
        const got = row![k];
        if (typeof v === 'number') expect(Number(got), `${n.name} ${k}`).toBeCloseTo(v, 9);
        else expect(got, `${n.name} ${k}`).toBe(v === null ? '' : String(v as string | boolean));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(200);
  });

  it('flags the corpus notice whose stated rate the figures do not give (45 of 48 is not 95%)', () => {
    const row = rows.find((r) => r['source'] === '008-yunling-agriculture-dept.txt')!;
    expect(row['completionRateStated']).toBe('95');
    expect(row['completionRateComputed']).toBe('93.75');
    expect(row['completionRateMismatch']).toBe('true');
    expect(rows.filter((r) => r['completionRateMismatch'] === 'true').map((r) => r['source'])).toEqual(['008-yunling-agriculture-dept.txt']);
  });

  it('says where the regulations figures come from: a stated figure or a count of 《》 titles, kept apart', () => {
    const stated = rows.find((r) => r['source'] === '002-qinglan-transport-group.txt')!;
    expect([stated['regulationsMade'], stated['regulationsMadeFrom'], stated['regulationsRevised'], stated['regulationsRevisedFrom']]).toEqual(['21', 'stated', '34', 'stated']);
    // The plan answering the feedback is no regulation made: 3 titles made, not 4.
    expect([stated['regulationsMadeTitleCount'], stated['regulationsRevisedTitleCount']]).toEqual(['3', '5']);
    const titles = rows.find((r) => r['source'] === '003-dongxi-health-audit.txt')!;
    expect([titles['regulationsMade'], titles['regulationsMadeFrom'], titles['regulationsMadeTitleCount']]).toEqual(['2', 'titles', '2']);
    const combined = rows.find((r) => r['source'] === '016-shiling-agriculture.txt')!;
    expect([combined['regulationsStated'], combined['regulationsMade'], combined['regulationsMadeFrom']]).toEqual(['12', '', '']);
    const doc = UnitsDocument.parse(JSON.parse(readFileSync(join(cmp, 'units.json'), 'utf8')));
    const columns = new Map(doc.columns.map((c) => [c.name, c.description]));
    expect(columns.get('regulationsMadeFrom')).toMatch(/stated .*titles/u);
    const u = doc.units.find((x) => x.values['source'] === '002-qinglan-transport-group.txt')!;
    expect(u.evidence['regulationsMadeTitleCount']!.map((e) => e.text)).toEqual(['集团公司主责主业管理办法', '集团公司工程变更管理办法', '集团公司招标采购负面行为清单']);
  });

  it('units.json validates, matches the CSV and keeps the sentence behind each figure', () => {
    const doc = UnitsDocument.parse(JSON.parse(readFileSync(join(cmp, 'units.json'), 'utf8')));
    expect(doc.units).toHaveLength(rows.length);
    const u = doc.units.find((x) => x.values['source'] === '001-luchuan-natural-resources.txt')!;
    expect(u.values['problemsFound']).toBe(24);
    const ev = u.evidence['problemsFound']![0]!;
    expect(ev.sentence).toContain(ev.text);
    // The problems found are read where the notice counts completion from them (反馈的24个问题已完成整改23个).
    expect(ev.sentence).toContain('反馈的24个问题已完成整改23个');
    expect(ev.rule).toBe('indicator/problems-found-then-completed');
  });

  it('finds measures two units share and measures only one unit has', () => {
    const doc = UnitsDocument.parse(JSON.parse(readFileSync(join(cmp, 'units.json'), 'utf8')));
    expect(doc.sharedMeasures.length).toBeGreaterThan(0);
    for (const p of doc.sharedMeasures) {
      expect(p.a).toBeLessThan(p.b);
      for (const s of p.shared) expect(s.similarity).toBeGreaterThanOrEqual(0.5);
    }
    expect(doc.distinctiveMeasures.some((d) => d.count > 0)).toBe(true);
  });

  it('gives byte-identical files when run again', () => {
    const again = tmp('compare-again');
    expect(zhenggai('compare', run, '--out', again).status).toBe(0);
    for (const f of ['units.csv', 'units.json', 'report.html']) expect(readFileSync(join(again, f)).equals(readFileSync(join(cmp, f))), f).toBe(true);
  });

  it('compares a store that an update left with gaps in its rows as it compares a fresh one (measures are read back by row)', () => {
    // The first notices leave the index: the store deletes their rows, and the measures after them keep row numbers
    // that are no longer their places. A copy without the store builds it fresh.
    const updated = tmp('compare-updated');
    cpSync(run, updated, { recursive: true });
    const lines = readFileSync(join(updated, 'index.jsonl'), 'utf8').split('\n');
    writeFileSync(join(updated, 'index.jsonl'), lines.slice(3).join('\n'));
    const fresh = tmp('compare-fresh');
    cpSync(updated, fresh, { recursive: true, filter: (src) => !src.includes(STORE_NAME) });
    expect(existsSync(join(updated, STORE_NAME)) && !existsSync(join(fresh, STORE_NAME))).toBe(true);
    const [a, b] = [tmp('compare-updated-out'), tmp('compare-fresh-out')];
    for (const [dir, out] of [[updated, a], [fresh, b]] as const) {
      const r = zhenggai('compare', dir, '--out', out);
      expect(r.status, r.stderr).toBe(0);
    }
    const json = readFileSync(join(a, 'units.json'), 'utf8');
    expect(UnitsDocument.parse(JSON.parse(json)).units).toHaveLength(rows.length - 3);
    expect(json.includes('"shared"')).toBe(true);
    expect(json).toBe(readFileSync(join(b, 'units.json'), 'utf8'));
  });

  it('leaves its four files and nothing else (the temporary files of the report, the workbook and units.json are gone)', () => {
    expect(readdirSync(cmp).sort()).toEqual(['report.html', 'units.csv', 'units.json', 'units.xlsx']);
  });

  it('groups the notices of one unit: the latest stands for it, the others are listed', () => {
    const out = tmp('compare-formats-run');
    expect(zhenggai('run', corpus, '--out', out, '-q').status).toBe(0);
    const dest = tmp('compare-formats');
    expect(zhenggai('compare', out, '--out', dest).status).toBe(0);
    const doc = UnitsDocument.parse(JSON.parse(readFileSync(join(dest, 'units.json'), 'utf8')));
    // The project's notices and the patterns notices (corpus/patterns/), one unit each.
    const patterns = readdirSync(join(corpus, 'patterns')).filter((f) => f.endsWith('.gold.json')).length;
    expect(doc.units).toHaveLength(corpusNotices().length + patterns);
    const u = doc.units.find((x) => x.values['source'] === '012-liuan-community.txt')!;
    expect(u.otherNotices.sort()).toEqual(['formats/012-liuan-community.html', 'formats/012-liuan-community.pdf']);
  });

  it('a folder that is not a run’s output is a usage error (exit 2) that says what to give', () => {
    const r = zhenggai('compare', corpus, '--out', tmp('compare-bad'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no index\.jsonl: give the --out folder of `zhenggai run`/u);
  });
});

describe.skipIf(!hasShared)('zhenggai compare on the seed', () => {
  noteSkipped('compare on seed.txt');
  it('seed.txt: feedback 2023-09-11, published 2024-03-25, 196 days between, at least 13 measures done', () => {
    const out = tmp('compare-seed-run');
    expect(zhenggai('run', join(SHARED, 'seeds', 'seed.txt'), '--out', out, '-q').status).toBe(0);
    const dest = tmp('compare-seed');
    expect(zhenggai('compare', out, '--out', dest).status).toBe(0);
    const [head, row] = parseCsv(readFileSync(join(dest, 'units.csv'), 'utf8').replace(/^\uFEFF/u, ''));
    const r = Object.fromEntries(head!.map((h, i) => [h, row![i]]));
    expect(r['feedbackDate']).toBe('2023-09-11');
    expect(r['publishedDate']).toBe('2024-03-25');
    expect(r['daysFeedbackToPublished']).toBe('196');
    expect(Number(r['measuresDone'])).toBeGreaterThanOrEqual(13);
    expect(r['publishedWithinTwoMonths']).toBe('false');
  });
});

describe('units.csv cells', () => {
  it('quotes commas, quotes and line breaks, and defuses text a spreadsheet would run as a formula', async () => {
    const { unitsCsv } = await import('../analyze/units.js');
    const csv = unitsCsv([{ values: { unit: '=HYPERLINK("http://x","点击")', inspector: '甲,乙', source: 'a "b".txt', problemsFound: -1 }, evidence: {}, otherNotices: [] }]);
    const [, row] = parseCsv(csv.replace(/^\uFEFF/u, ''));
    const header = CSV_COLUMNS;
    const get = (c: string) => row![header.indexOf(c)];
    expect(get('unit')).toBe(`'=HYPERLINK("http://x","点击")`);
    expect(get('inspector')).toBe('甲,乙');
    expect(get('source')).toBe('a "b".txt');
    expect(get('problemsFound')).toBe('-1');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('measure similarity with blocking (analyze/similarity.ts)', () => {
  const WORDS = ['医院', '学校', '资金', '档案', '培训', '合同', '采购', '工程', '票据', '考核', '安全', '环境', '农业', '水利', '交通', '住房', '土地', '财务'];
  /** Measure k of unit u: four words, the first shared by units in groups of three, the others varied. */
  const text = (u: number, k: number) => [WORDS[(u % 3) + k]!, WORDS[(u * 7 + k * 3) % WORDS.length]!, WORDS[(u * 5 + k + 4) % WORDS.length]!, WORDS[(k * 11 + 2) % WORDS.length]!].join('，');

  async function run(units: number, perUnit: number, limits?: { window: number; prefix: number; maxPairs: number; sharedPerMeasure: number }, expected?: number) {
    const { MeasureComparison } = await import('../analyze/similarity.js');
    const { createSegmenter } = await import('../pipeline/segment/segmenter.js');
    const c = new MeasureComparison(createSegmenter(), limits);
    if (expected !== undefined) c.expect(expected);
    for (let u = 0; u < units; u++) for (let k = 0; k < perUnit; k++) c.add(u, text(u, k));
    const shared: Array<[number, number, number, number, number]> = [];
    const r = c.compare((a, b, s, ua, ub) => shared.push([a, b, s, ua, ub]));
    return { ...r, shared };
  }

  it('gives each pair alike with its measures’ units, and the same comparison whatever count of measures it was told to expect', async () => {
    const limits = { window: 64, prefix: 3, maxPairs: 1_000_000, sharedPerMeasure: 5 };
    // 1,500 measures: past the 1,000 after which the word lists are sized from the words so far.
    const plain = await run(500, 3, limits);
    expect(plain.shared.length).toBeGreaterThan(0);
    for (const [a, b, , ua, ub] of plain.shared) {
      expect([ua, ub]).toEqual([Math.floor(a / 3), Math.floor(b / 3)]);
      expect(ua).not.toBe(ub);
    }
    expect([...plain.unitOf.slice(0, 7)]).toEqual([0, 0, 0, 1, 1, 1, 2]);
    // Told the right count, too few (the lists grow again) or far too many: the same pairs, bests and stats.
    for (const expected of [1500, 1100, 20_000]) {
      const sized = await run(500, 3, limits, expected);
      expect(sized.shared, `expected ${expected}`).toEqual(plain.shared);
      expect([...sized.best], `expected ${expected}`).toEqual([...plain.best]);
      expect([...sized.unitOf]).toEqual([...plain.unitOf]);
      expect(sized.stats).toEqual(plain.stats);
    }
  });

  it('compares every pair of measures of different units that share a word when every word is rare, each pair once', async () => {
    const r = await run(6, 3, { window: 1000, prefix: 3, maxPairs: 1_000_000, sharedPerMeasure: 5 });
    // Brute force over the same words: pairs of measures of different units sharing one.
    const words = Array.from({ length: 18 }, (_, i) => new Set(text(Math.floor(i / 3), i % 3).split('，')));
    let expected = 0;
    for (let i = 0; i < 18; i++) for (let j = i + 1; j < 18; j++) if (Math.floor(i / 3) !== Math.floor(j / 3) && [...words[i]!].some((w) => words[j]!.has(w))) expected++;
    expect(r.stats).toMatchObject({ measures: 18, comparable: 18, pairsCompared: expected, capped: false, window: 1000 });
    for (const [a, b, s] of r.shared) {
      expect(a).toBeLessThan(b);
      expect(s).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('with common words, compares each measure with its neighbours only, narrows the window to the cap, and stops at the cap', async () => {
    const all = await run(60, 3, { window: 1000, prefix: 3, maxPairs: 1_000_000, sharedPerMeasure: 5 });
    const blocked = await run(60, 3, { window: 8, prefix: 2, maxPairs: 1_000_000, sharedPerMeasure: 5 });
    expect(blocked.stats.window).toBe(8);
    expect(blocked.stats.pairsCompared).toBeLessThan(all.stats.pairsCompared);
    expect(blocked.stats.pairsCompared).toBeGreaterThan(0);
    // Every measure repeated across units still finds an alike one among its neighbours: none is distinctive.
    for (let i = 0; i < 180; i++) expect(blocked.best[i], `measure ${i}`).toBeGreaterThan(0);
    const narrowed = await run(60, 3, { window: 64, prefix: 3, maxPairs: 2000, sharedPerMeasure: 5 });
    expect(narrowed.stats.window).toBeLessThan(64);
    const capped = await run(60, 3, { window: 1000, prefix: 3, maxPairs: 100, sharedPerMeasure: 5 });
    expect(capped.stats).toMatchObject({ pairsCompared: 100, capped: true });
  });

  it('a word said more often in one measure than a count keeps (255) counts 255 times, never wrapped around', async () => {
    const { MeasureComparison } = await import('../analyze/similarity.js');
    const { createSegmenter } = await import('../pipeline/segment/segmenter.js');
    const c = new MeasureComparison(createSegmenter(), { window: 1000, prefix: 3, maxPairs: 1000, sharedPerMeasure: 5 });
    c.add(0, [...Array<string>(300).fill('医院'), '学校', '资金'].join('，'));
    c.add(1, [...Array<string>(255).fill('医院'), '学校', '资金'].join('，'));
    const shared: Array<[number, number, number]> = [];
    c.compare((a, b, s) => shared.push([a, b, s]));
    // 300 kept in a byte would be 44, and the two measures 0.9998 alike.
    expect(shared).toEqual([[0, 1, 1]]);
  });
});
