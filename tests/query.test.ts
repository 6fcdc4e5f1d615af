/** SQL over results (`zhenggai query`) and Parquet export, checked against the JSON files themselves. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openResults, type ResultsDatabase } from '../analyze/database.js';
import { createDuckDB, type MemoryBudget, runGrowing } from '../analyze/duckdb.js';
import { QueryError, queryAll, runQuery } from '../analyze/queryResults.js';
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

  it('spills into a folder of its own under the temporary folder, removed when it ends (never .tmp in the working directory)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'zhenggai-query-cwd-'));
    const r = spawnSync(process.execPath, [BIN, 'query', out, "SELECT current_setting('temp_directory') AS t", '--format', 'json'], { encoding: 'utf8', cwd });
    expect(r.status, r.stderr).toBe(0);
    const spill = (JSON.parse(r.stdout) as Array<{ t: string }>)[0]!.t;
    expect(spill.startsWith(join(tmpdir(), 'zhenggai-duckdb-'))).toBe(true);
    expect(existsSync(spill)).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
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

  it('past DuckDB’s memory limit: exit 1, a message that says how to raise it, and the earlier export left whole', () => {
    const pq = mkdtempSync(join(tmpdir(), 'zhenggai-parquet-oom-'));
    expect(zhenggai('export', out, '--parquet', pq).status).toBe(0);
    const before = readFileSync(join(pq, 'documents.parquet'));
    const r = spawnSync(process.execPath, [BIN, 'export', out, '--parquet', pq], { encoding: 'utf8', env: { ...process.env, ZHENGGAI_DUCKDB_MEMORY: '4MB' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      'zhenggai export: DuckDB ran out of memory writing documents (its limit is 4MB): set ZHENGGAI_DUCKDB_MEMORY to more (e.g. ZHENGGAI_DUCKDB_MEMORY=1GB) and run export again\n',
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /u);
    expect(readdirSync(pq).sort()).toEqual(['counts', 'dates', 'diagnostics', 'documents', 'indicators', 'measures', 'regulations', 'sections'].map((t) => `${t}.parquet`));
    expect(readFileSync(join(pq, 'documents.parquet')).equals(before)).toBe(true);
  });

  it('a store build past DuckDB’s memory limit: exit 1 and the same advice, never an internal error', () => {
    const copy = mkdtempSync(join(tmpdir(), 'zhenggai-query-oom-'));
    cpSync(out, copy, { recursive: true, filter: (f) => !f.endsWith('.duckdb') && !f.endsWith('.duckdb.wal') });
    // (At 4MB the build now fits: a load batch that runs out of memory runs again with more.)
    const r = spawnSync(process.execPath, [BIN, 'query', copy, 'SELECT count(*) FROM documents'], { encoding: 'utf8', env: { ...process.env, ZHENGGAI_DUCKDB_MEMORY: '1MB' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/zhenggai: DuckDB ran out of memory \(Out of Memory Error: [^\n]+\): set ZHENGGAI_DUCKDB_MEMORY higher \(e\.g\. ZHENGGAI_DUCKDB_MEMORY=1GB\) and run the command again\n/u);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /u);
    // With the default limit the store is built again and answers.
    const ok = zhenggai('query', copy, 'SELECT count(*) AS n FROM documents', '--format', 'json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([{ n: docs.length }]);
  });
});

/** Run `fn` with ZHENGGAI_DUCKDB_MEMORY set to `limit` in this process, then put it back as it was. */
async function withDuckDBMemory<T>(limit: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env['ZHENGGAI_DUCKDB_MEMORY'];
  process.env['ZHENGGAI_DUCKDB_MEMORY'] = limit;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env['ZHENGGAI_DUCKDB_MEMORY'];
    else process.env['ZHENGGAI_DUCKDB_MEMORY'] = before;
  }
}

// string_agg over a million numbers holds its whole answer (6.9 MB) and cannot spill: it always runs out of a limit
// of a few MB, whatever the machine's threads and load.
const NEEDS_MEMORY = "SELECT length(string_agg(i::VARCHAR, ',')) AS n FROM range(1000000) r(i)";
const ANSWER = 6888889;

describe('zhenggai query memory', () => {

  it('a query that runs out of memory before its first row runs again with four times the limit, and answers once', () => {
    const r = spawnSync(process.execPath, [BIN, 'query', out, NEEDS_MEMORY, '--format', 'csv'], { encoding: 'utf8', env: { ...process.env, ZHENGGAI_DUCKDB_MEMORY: '1MB' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`n\n${ANSWER}\n`);
  });

  const one = async (db: ResultsDatabase, sql: string) => (await queryAll(db, sql)).rows[0];

  it('growMemory opens the stores again with more memory, read-only as before, and stops at 1 GB', async () => {
    const db = await withDuckDBMemory('1MB', () => openResults([out], { log: () => {} }));
    try {
      const rows: Array<Record<string, unknown>> = [];
      const sink = { start: () => {}, rows: (r: ReadonlyArray<Record<string, unknown>>) => void rows.push(...r), end: () => {} };
      // Without growMemory the error is DuckDB's, as it is.
      await expect(runQuery(db, NEEDS_MEMORY, sink)).rejects.toThrow(/^Out of Memory Error/u);
      await runQuery(db, `${NEEDS_MEMORY}; SELECT count(*) AS n FROM documents`, sink, { growMemory: true });
      expect(rows).toEqual([{ n: docs.length }]);
      // 1MB × 4 × 4 … : 16MB or 64MB, by what string_agg needed.
      expect(['16MB', '64MB']).toContain(db.memoryLimit);
      // The new instance is as locked as the first.
      await expect(runQuery(db, "SELECT * FROM read_csv('/etc/passwd')", sink, { growMemory: true })).rejects.toThrow(QueryError);
      while (await db.growMemory(4));
      expect(db.memoryLimit).toBe('1024MB');
      expect(await db.growMemory(4)).toBe(false);
      expect(db.memoryLimit).toBe('1024MB');
      expect(await one(db, 'SELECT count(*) AS n FROM documents')).toEqual({ n: docs.length });
    } finally {
      db.close();
    }
  });

  it('once it cannot grow, DuckDB’s error is thrown as it is (the CLI then names ZHENGGAI_DUCKDB_MEMORY), not as an SQL error', async () => {
    const inst = await createDuckDB(':memory:', { config: { memory_limit: '1MB' } });
    const connection = await inst.connect();
    let asked = 0;
    const db = { connection, stores: [], problems: [], memoryLimit: '1MB', growMemory: async () => (asked++, false), close: () => {} };
    try {
      const started: string[][] = [];
      const error = await runQuery(db, NEEDS_MEMORY, { start: (c) => void started.push([...c]), rows: () => {}, end: () => {} }, { growMemory: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(QueryError);
      expect((error as Error).message).toMatch(/^Out of Memory Error/u);
      expect(asked).toBe(1);
      expect(started).toEqual([]);
    } finally {
      connection.closeSync();
      inst.closeSync();
    }
  });
});

describe('zhenggai query is read-only', () => {
  const target = join(mkdtempSync(join(tmpdir(), 'zhenggai-query-target-')), 'stolen.csv');
  it.each([
    ['COPY … TO', `COPY (SELECT * FROM documents) TO '${target}'`],
    ['COPY … TO in a second statement', `SELECT 1; COPY documents TO '${target}'`],
    ['ATTACH', `ATTACH '${target}.duckdb' AS other`],
    ['reading a file', "SELECT * FROM read_csv('/etc/passwd')"],
    ['EXPORT DATABASE', `EXPORT DATABASE '${target}.dir'`],
    ['DROP', 'DROP VIEW documents'],
    ['CREATE', 'CREATE TABLE x AS SELECT 1'],
    ['SET', 'SET enable_external_access = true'],
  ])('refuses %s by default (exit 2), saying so and naming --allow-external-access; no file is written', (_what, sql) => {
    const r = zhenggai('query', out, sql);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^zhenggai: query is read-only: it runs SELECT \(and EXPLAIN\) over the results, with DuckDB's external access off, so no statement reads or writes other files \(COPY … TO, ATTACH,/u);
    expect(r.stderr).toContain('run it again with --allow-external-access');
    expect(r.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.duckdb`)).toBe(false);
    expect(existsSync(`${target}.dir`)).toBe(false);
  });

  it('with --allow-external-access, COPY … TO writes the file (and the results stay read-only)', () => {
    const r = zhenggai('query', out, `COPY (SELECT path FROM documents ORDER BY path) TO '${target}' (HEADER false)`, '--allow-external-access');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(target, 'utf8').trim().split('\n')).toEqual(docs.map((d) => d.source.path).sort());
    const drop = zhenggai('query', out, 'DROP TABLE s0.documents', '--allow-external-access');
    expect(drop.status).toBe(2);
    expect(drop.stderr).toMatch(/read-only mode/u);
  });
});

describe('zhenggai query over several folders', () => {
  it('counts a folder given twice (by the same or another path to it) once, and says so', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'zhenggai-query-link-')), 'same');
    symlinkSync(out, link);
    const r = zhenggai('query', out, `${out}/`, link, 'SELECT count(*) AS n FROM measures', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ n: docs.reduce((n, d) => n + d.measures.length, 0) }]);
    expect(r.stderr).toContain(`${out}/ is the same folder as ${out}; counted once`);
    expect(r.stderr).toContain(`${link} is the same folder as ${out}; counted once`);
  });

  it('queries the union of the stores of different folders', () => {
    const other = mkdtempSync(join(tmpdir(), 'zhenggai-query-other-'));
    expect(zhenggai('run', join(ROOT, 'corpus', 'patterns'), '--out', other, '-q').status).toBe(0);
    const patterns = readdirSync(join(ROOT, 'corpus', 'patterns')).filter((f) => /\.(txt|html|docx?|pdf)$/u.test(f)).length;
    const r = zhenggai('query', out, other, 'SELECT count(*) AS n FROM documents', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ n: docs.length + patterns }]);
  });
});

describe('zhenggai export --partition-by', () => {
  it('writes Hive partitions by kind and year that read back with every row and its document’s values', () => {
    const pq = mkdtempSync(join(tmpdir(), 'zhenggai-parquet-part-'));
    const r = zhenggai('export', out, '--parquet', pq, '--partition-by', 'kind,year');
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(pq, 'measures')).sort()).toEqual(
      [...new Set(docs.map((d) => d.meta.inspectionKind))].map((k) => (k === null ? 'inspection_kind=__HIVE_DEFAULT_PARTITION__' : `inspection_kind=${encodeURIComponent(k)}`)).sort(),
    );
    for (const table of ['documents', 'sections', 'measures', 'counts', 'dates', 'regulations', 'indicators', 'diagnostics']) {
      const sql = `SELECT (SELECT count(*) FROM read_parquet('${join(pq, table)}/**/*.parquet', hive_partitioning = true)) = (SELECT count(*) FROM ${table}) AS same`;
      expect(q(sql, '--allow-external-access')[0]!['same'], table).toBe(true);
    }
    const mismatched = q(
      `SELECT count(*) AS n FROM read_parquet('${join(pq, 'measures')}/**/*.parquet', hive_partitioning = true) m JOIN documents d USING (path)
       WHERE m.inspection_kind IS DISTINCT FROM d.inspection_kind OR m.published_year IS DISTINCT FROM year(d.published_date)`,
      '--allow-external-access',
    );
    expect(mismatched[0]!['n']).toBe(0);
    // Exported again into the same folder: the earlier partitions are replaced, not added to.
    expect(zhenggai('export', out, '--parquet', pq, '--partition-by', 'kind,year').status).toBe(0);
    const again = q(`SELECT (SELECT count(*) FROM read_parquet('${join(pq, 'measures')}/**/*.parquet')) = (SELECT count(*) FROM measures) AS same`, '--allow-external-access');
    expect(again[0]!['same']).toBe(true);
  });

  it('refuses an unknown key (exit 2)', () => {
    const r = zhenggai('export', out, '--parquet', mkdtempSync(join(tmpdir(), 'zhenggai-parquet-bad-')), '--partition-by', 'month');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--partition-by takes kind, year or shard \(comma-separated\), not month/u);
  });
});

/** Run `fn` on a connection to an in-memory DuckDB of the given budget at 4MB, spilling into a folder of its own. */
async function withSmallDuckDB(budget: MemoryBudget, fn: (conn: DuckDBConnection, limit: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const spill = mkdtempSync(join(tmpdir(), 'zhenggai-grow-'));
  await withDuckDBMemory('4MB', async () => {
    const inst = await createDuckDB(':memory:', { budget, config: { temp_directory: spill } });
    const conn = await inst.connect();
    try {
      await fn(conn, async () => (await conn.runAndReadAll("SELECT current_setting('memory_limit') AS m")).getRowObjectsJson()[0]!['m']);
    } finally {
      conn.closeSync();
      inst.closeSync();
    }
  }).finally(() => rmSync(spill, { recursive: true, force: true }));
}

describe('DuckDB memory budgets', () => {
  it('runGrowing doubles the limit while a statement that can be run again runs out of memory, then sets it back', async () => {
    await withSmallDuckDB('compareHeld', async (conn, limitNow) => {
      const one = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson()[0]!;
      // (A window over 2,000,000 rows at 16MB, used here before, ran out of memory alone but not always beside other
      // test files: DuckDB's window can spill in part.)
      const sql = `CREATE OR REPLACE TEMP TABLE w AS ${NEEDS_MEMORY}`;
      const limit = await limitNow();
      await expect(conn.run(sql)).rejects.toThrow(/^Out of Memory Error/u);
      await runGrowing(conn, sql, 'compareHeld');
      expect(await one('SELECT n FROM w')).toEqual({ n: String(ANSWER) });
      expect(await limitNow()).toBe(limit);
      // Any other error is thrown as it is, and the limit is left alone.
      await expect(runGrowing(conn, 'CREATE OR REPLACE TEMP TABLE x AS SELECT * FROM no_such_table', 'compareHeld')).rejects.toThrow(/no_such_table/u);
      expect(await limitNow()).toBe(limit);
    });
  });

  it('runGrowing runs a transaction that runs out of memory again, rolled back, with more: its rows are there once', async () => {
    await withSmallDuckDB('update', async (conn, limitNow) => {
      await conn.run('CREATE TABLE t (k INTEGER)');
      await conn.run('CREATE TABLE w (n BIGINT)');
      const limit = await limitNow();
      let tries = 0;
      // As the store's loader does with a batch: BEGIN, the INSERTs, COMMIT, and a ROLLBACK when any fails.
      await runGrowing(
        conn,
        async () => {
          tries++;
          await conn.run('BEGIN TRANSACTION');
          try {
            await conn.run('INSERT INTO t VALUES (1)');
            await conn.run(`INSERT INTO w ${NEEDS_MEMORY}`);
            await conn.run('COMMIT');
          } catch (e) {
            await conn.run('ROLLBACK').catch(() => {});
            throw e;
          }
        },
        'update',
      );
      expect(tries).toBeGreaterThan(1);
      const rows = (await conn.runAndReadAll('SELECT (SELECT count(*) FROM t) AS t, (SELECT n FROM w) AS n')).getRowObjectsJson();
      expect(rows).toEqual([{ t: '1', n: String(ANSWER) }]);
      expect(await limitNow()).toBe(limit);
    });
  });
});

