/** SQL over results (`zhenggai query`) and Parquet export, checked against the JSON files themselves. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorFigures } from '../analyze/tables.js';
import { NoticeDocument } from '../output/schema.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const zhenggai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const out = mkdtempSync(join(tmpdir(), 'zhenggai-query-'));
zhenggai('run', join(ROOT, 'corpus'), '--out', out, '-q');
const docs = readFileSync(join(out, 'index.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { output: string })
  .map((r) => NoticeDocument.parse(JSON.parse(readFileSync(join(out, r.output), 'utf8'))));

const q = (sql: string, ...flags: string[]) => {
  const r = zhenggai('query', out, sql, '--format', 'json', ...flags);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
};

describe('zhenggai query', () => {
  it.each([
    ['documents', () => docs.length],
    ['dates', () => docs.reduce((n, d) => n + d.dates.length, 0)],
    ['counts', () => docs.reduce((n, d) => n + d.counts.length, 0)],
    ['measures', () => docs.reduce((n, d) => n + d.measures.length, 0)],
    ['regulations', () => docs.reduce((n, d) => n + d.regulations.length, 0)],
    ['indicators', () => docs.reduce((n, d) => n + indicatorFigures(d.indicators).length, 0)],
  ])('SELECT count(*) FROM %s equals the number of items in the JSON files', (table, expected) => {
    expect(q(`SELECT count(*) AS n FROM ${table}`)[0]!['n']).toBe(expected());
  });

  it('carries each item’s document path and unit', () => {
    const rows = q('SELECT d.path, d.unit, x.start_date, x.text FROM dates x JOIN documents d USING (path) ORDER BY d.path, x.span_start LIMIT 1');
    const doc = docs.find((d) => d.source.path === rows[0]!['path'])!;
    expect(rows[0]!['unit']).toBe(doc.meta.unit);
    expect(rows[0]!['text']).toBe(doc.dates[0]!.text);
  });

  it('prints an aligned table and CSV', () => {
    const t = zhenggai('query', out, 'SELECT path, inspection_kind FROM documents ORDER BY path LIMIT 2');
    expect(t.stdout).toMatch(/^path\s+inspection_kind\n-+\s+-+\n/u);
    expect(t.stdout).toMatch(/\(2 rows\)\n$/u);
    const c = zhenggai('query', out, 'SELECT path FROM documents ORDER BY path LIMIT 1', '--format', 'csv');
    expect(c.stdout).toBe(`path\n${docs.map((d) => d.source.path).sort()[0]}\n`);
  });

  it('reports an SQL error with the list of tables and exits 2', () => {
    const r = zhenggai('query', out, 'SELECT * FROM nosuch');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SQL error/u);
    expect(r.stderr).toMatch(/documents\s+one row per input file/u);
  });
});

describe('zhenggai export --parquet', () => {
  it('writes one Parquet file per table that reads back with the same row counts', () => {
    const pq = mkdtempSync(join(tmpdir(), 'zhenggai-parquet-'));
    expect(zhenggai('export', out, '--parquet', pq).status).toBe(0);
    for (const table of ['documents', 'sections', 'measures', 'counts', 'dates', 'regulations', 'indicators', 'diagnostics']) {
      const sql = `SELECT (SELECT count(*) FROM read_parquet('${join(pq, `${table}.parquet`)}')) = (SELECT count(*) FROM ${table}) AS same`;
      expect(q(sql, '--allow-external-access')[0]!['same'], table).toBe(true);
    }
  });
});
