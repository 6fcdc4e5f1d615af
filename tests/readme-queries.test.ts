/** The five example questions of the README: every ```sql block runs on the bundled corpus and answers right. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../output/schema.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const zhenggai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** The SQL blocks of README.md, in order. */
const QUERIES = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```sql\n([\s\S]*?)```/gu)].map((m) => m[1]!.trim());

// One notice per unit: the corpus .txt files.
const input = mkdtempSync(join(tmpdir(), 'zhenggai-readme-in-'));
for (const n of corpusNotices()) copyFileSync(n.path, join(input, n.name));
const out = mkdtempSync(join(tmpdir(), 'zhenggai-readme-out-'));
zhenggai('run', input, '--out', out, '-q');
const docs = corpusNotices().map((n) => NoticeDocument.parse(JSON.parse(readFileSync(join(out, `${n.name}.json`), 'utf8'))));
const byUnit = (unit: unknown) => docs.find((d) => d.meta.unit === unit)!;

function query(sql: string): Array<Record<string, unknown>> {
  const r = zhenggai('query', out, sql, '--format', 'json');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
}

describe('README: opening the store directly', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('the duckdb CLI and pandas examples name the store and SQL that answer on it, opened read-only', async () => {
    const cli = /^duckdb -readonly out\/(\S+) "(.+)"$/mu.exec(readme);
    const pandas = /^df = duckdb\.connect\("out\/(\S+)", read_only=True\)\.sql\("(.+)"\)\.df\(\)$/mu.exec(readme);
    expect(cli, 'duckdb CLI example').not.toBeNull();
    expect(pandas, 'pandas example').not.toBeNull();
    query('SELECT 1 AS one'); // brings the store up to date
    const { DuckDBInstance } = await import('@duckdb/node-api');
    for (const [file, sql] of [cli!.slice(1), pandas!.slice(1)] as Array<[string, string]>) {
      const inst = await DuckDBInstance.create(join(out, file), { access_mode: 'READ_ONLY' });
      const conn = await inst.connect();
      const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson();
      conn.closeSync();
      inst.closeSync();
      expect(rows.length, sql).toBeGreaterThan(0);
      if (/GROUP BY/u.test(sql)) expect(rows.reduce((n, r) => n + Number(Object.values(r)[1]), 0)).toBe(docs.length);
    }
  });
});

describe('README example queries', () => {
  it('there are exactly five', () => expect(QUERIES).toHaveLength(5));

  it('1. completion rates: one row per unit, stated and computed as in the documents, highest first', () => {
    const rows = query(QUERIES[0]!);
    expect(rows.length).toBe(docs.filter((d) => d.indicators?.completionRateComputed).length);
    for (const r of rows) {
      const ind = byUnit(r['unit']).indicators!;
      expect(r['computed']).toBe(ind.completionRateComputed!.value);
      expect(r['stated']).toBe(ind.completionRateStated?.value ?? null);
    }
    const computed = rows.map((r) => r['computed'] as number);
    expect(computed).toEqual([...computed].sort((a, b) => b - a));
  });

  it('2. days from feedback to publication, smallest first, with the two-month flag', () => {
    const rows = query(QUERIES[1]!);
    expect(rows.length).toBe(docs.filter((d) => d.meta.feedbackDate && d.meta.publishedDate).length);
    for (const r of rows) {
      const ind = byUnit(r['unit']).indicators!;
      expect(r['days']).toBe(ind.daysFeedbackToPublished!.value);
      expect(r['on_time']).toBe(ind.publishedWithinTwoMonths);
    }
    expect(rows[0]).toMatchObject({ days: 52, on_time: true });
  });

  it('3. regulations made and revised per unit', () => {
    const rows = query(QUERIES[2]!);
    expect(rows).toHaveLength(docs.length);
    expect(rows.find((r) => r['unit'] === '中共临澄市水务集团有限公司委员会')).toMatchObject({ made: 26, revised: 15 });
  });

  it('4. money recovered, largest first, each with its mention and span', () => {
    const rows = query(QUERIES[3]!);
    expect(rows.length).toBe(docs.filter((d) => d.indicators?.moneyRecoveredYuan).length);
    expect(rows[0]).toMatchObject({ yuan: 21500000, text: '2,150万元' });
    for (const r of rows) {
      const doc = byUnit(r['unit']);
      expect(doc.text.slice(r['span_start'] as number, r['span_end'] as number)).toBe(r['text']);
    }
  });

  it('5. measures by status per unit equal the measures in the JSON', () => {
    const rows = query(QUERIES[4]!);
    for (const r of rows) {
      const doc = byUnit(r['unit']);
      for (const s of ['done', 'ongoing', 'planned'] as const) expect(r[s], `${String(r['unit'])} ${s}`).toBe(doc.measures.filter((m) => m.status === s).length);
    }
  });
});
