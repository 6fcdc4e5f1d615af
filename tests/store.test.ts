/**
 * The columnar store (analyze/store.ts): where it is, that every table holds exactly the JSON files' values, and that
 * after --resume adds files, a reprocess rewrites some, index lines go, or the store is damaged or left half-updated,
 * it answers exactly what a fresh build from the JSON files answers (every table's count(*) and a checksum of all its
 * values).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { IndexLineReader } from '../analyze/readResults.js';
import { ensureStore, STORE_NAME } from '../analyze/store.js';
import { TABLES } from '../analyze/tables.js';
import { NoticeDocument } from '../output/schema.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const zhenggai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
/** The same, with the store's documents prepared in worker threads however few they are. */
const withWorkers = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ZHENGGAI_STORE_WORKERS_FROM: '0' } });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), `zhenggai-store-${p}-`));

/** `zhenggai query … --format json`, with `env` added to the environment. */
function query(dir: string, sql: string, env: Record<string, string> = {}): { rows: Array<Record<string, unknown>>; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'query', dir, sql, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return { rows: JSON.parse(r.stdout) as Array<Record<string, unknown>>, stderr: r.stderr };
}

/** The bookkeeping of every document (not its key, which holds the output's inode): its place in the index, what
 *  was read of it, its unit and date. */
const FILES_SEEN = 'SELECT path, ord, index_name, line, output, status, has_doc, usable, problem, unit_key, notice_date FROM zhenggai.files';

/** Every table's row count and a checksum of all its values (order-free), and the bookkeeping's, as one object. */
function fingerprint(dir: string): Record<string, unknown> {
  const sql = [...TABLES.map((t) => `SELECT '${t.name}' AS t, count(*) AS n, coalesce(sum(hash(x)::HUGEINT), 0)::VARCHAR AS h FROM ${t.name} x`), `SELECT 'files' AS t, count(*) AS n, coalesce(sum(hash(x)::HUGEINT), 0)::VARCHAR AS h FROM (${FILES_SEEN}) x`].join(' UNION ALL ');
  return Object.fromEntries(query(dir, `${sql} ORDER BY t`).rows.map((r) => [String(r['t']), `${String(r['n'])}:${String(r['h'])}`]));
}

/** The fingerprint of a fresh store built from a copy of the folder's JSON files. */
function freshFingerprint(dir: string): Record<string, unknown> {
  const copy = tmp('fresh');
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.endsWith(STORE_NAME) && !src.endsWith(`${STORE_NAME}.wal`) });
  expect(existsSync(join(copy, STORE_NAME))).toBe(false);
  return fingerprint(copy);
}

/** A folder of the first `n` corpus .txt notices. */
function inputOf(n: number): string {
  const input = tmp('in');
  for (const c of corpusNotices().slice(0, n)) copyFileSync(c.path, join(input, c.name));
  return input;
}

/** The documents of a results folder, as the index lists them. */
function docsOf(dir: string): NoticeDocument[] {
  return readFileSync(join(dir, 'index.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { output: string | null })
    .filter((r) => r.output !== null)
    .map((r) => NoticeDocument.parse(JSON.parse(readFileSync(join(dir, r.output!), 'utf8'))));
}

describe('the store of a results folder', () => {
  it('is <out>/zhenggai-store.duckdb, and every table holds exactly the values the JSON files give, column by column', () => {
    const out = tmp('out');
    expect(zhenggai('run', join(ROOT, 'corpus'), '--out', out, '-q').status).toBe(0);
    const first = zhenggai('query', out, 'SELECT count(*) AS n FROM documents', '--format', 'json');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`store .*${STORE_NAME}: built, 41 document\\(s\\) loaded, 0 removed`, 'u'));
    expect(existsSync(join(out, STORE_NAME))).toBe(true);
    const index = readFileSync(join(out, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as import('../output/schema.js').IndexRecord);
    const docs = new Map(docsOf(out).map((d) => [d.source.path, d]));
    const canon = (row: Record<string, unknown>) => JSON.stringify(row);
    let cells = 0;
    for (const t of TABLES) {
      const expected = index
        .flatMap((record): unknown[] => t.rows({ dir: out, record, doc: docs.get(record.path) ?? null }) as unknown[])
        .map((row: unknown) => canon(Object.fromEntries((t.columns as Array<{ name: string; get: (r: unknown) => unknown }>).map((c) => [c.name, c.get(row) ?? null]))));
      const got = query(out, `SELECT * FROM ${t.name}`).rows.map(canon);
      expect(got.sort(), t.name).toEqual(expected.sort());
      cells += expected.length * t.columns.length;
    }
    expect(cells).toBeGreaterThan(50_000);
    // Built with its documents prepared in worker threads (as for large loads), the store is the same.
    const copy = tmp('workers');
    cpSync(out, copy, { recursive: true, filter: (src) => !src.endsWith(STORE_NAME) });
    const w = withWorkers('query', copy, 'SELECT 1');
    expect(w.status, w.stderr).toBe(0);
    expect(fingerprint(copy)).toEqual(fingerprint(out));
    // A second query finds it fresh: nothing loaded again.
    expect(query(out, 'SELECT count(*) AS n FROM documents').stderr).toBe('');
  }, 120_000);

  it('after --resume adds files, loads only those, and answers what a fresh build answers', () => {
    const input = inputOf(8);
    const out = tmp('out');
    expect(zhenggai('run', input, '--out', out, '-q').status).toBe(0);
    expect(query(out, 'SELECT count(*) AS n FROM documents').rows[0]!['n']).toBe(8);
    for (const c of corpusNotices().slice(8, 12)) copyFileSync(c.path, join(input, c.name));
    expect(zhenggai('run', input, '--out', out, '-q', '--resume').status).toBe(0);
    const r = query(out, 'SELECT count(*) AS n FROM documents');
    expect(r.rows[0]!['n']).toBe(12);
    expect(r.stderr).toMatch(/updated, 4 document\(s\) loaded, 0 removed/u);
    expect(fingerprint(out)).toEqual(freshFingerprint(out));
  }, 120_000);

  // An update of a few documents runs within DuckDB's small 'update' budget; a large one within the build's
  // (ZHENGGAI_STORE_SMALL_UPDATE=0 makes every update large). The update runs in this process, to see its budget.
  it.each([
    ['a small update', undefined, 'update'],
    ['a large update', '0', 'build'],
  ])('after a reprocess rewrites some outputs (a rules change), loads those again and answers what a fresh build answers (%s)', async (_, smallUpdate: string | undefined, budget: string) => {
    const input = inputOf(6);
    const out = tmp('out');
    expect(zhenggai('run', input, '--out', out, '-q').status).toBe(0);
    const before = fingerprint(out);
    // What --resume does after a rules change: new documents, written under a temporary name and renamed into place.
    const names = readdirSync(out).filter((f) => f.endsWith('.json')).sort().slice(0, 3);
    for (const name of names) {
      const doc = JSON.parse(readFileSync(join(out, name), 'utf8')) as NoticeDocument;
      doc.rulesVersion = '999+reprocessed';
      doc.measures = doc.measures.map((m) => ({ ...m, status: 'planned', statusRule: 'test/reprocessed' }));
      doc.counts = doc.counts.slice(1);
      writeFileSync(join(out, `${name}.tmp`), `${JSON.stringify(doc)}\n`);
      renameSync(join(out, `${name}.tmp`), join(out, name));
    }
    const saved = process.env['ZHENGGAI_STORE_SMALL_UPDATE'];
    if (smallUpdate === undefined) delete process.env['ZHENGGAI_STORE_SMALL_UPDATE'];
    else process.env['ZHENGGAI_STORE_SMALL_UPDATE'] = smallUpdate;
    const log: string[] = [];
    try {
      const state = await ensureStore(out, { log: (l) => log.push(l) });
      expect({ loaded: state.loaded, removed: state.removed, rebuilt: state.rebuilt, budget: state.budget }).toEqual({ loaded: 3, removed: 3, rebuilt: false, budget });
    } finally {
      if (saved === undefined) delete process.env['ZHENGGAI_STORE_SMALL_UPDATE'];
      else process.env['ZHENGGAI_STORE_SMALL_UPDATE'] = saved;
    }
    expect(log.join('\n')).toMatch(/updated, 3 document\(s\) loaded, 3 removed/u);
    const r = query(out, "SELECT count(*) AS n FROM documents WHERE rules_version = '999+reprocessed'");
    expect(r.rows[0]!['n']).toBe(3);
    expect(r.stderr).not.toMatch(/updated/u);
    expect((await ensureStore(out)).budget).toBeNull();
    const after = fingerprint(out);
    expect(after['counts']).not.toEqual(before['counts']);
    expect(after['measures']).not.toEqual(before['measures']);
    expect(after).toEqual(freshFingerprint(out));
    const planned = query(out, `SELECT count(*) AS n FROM measures WHERE status = 'planned' AND path IN (${names.map((n) => `'${n.replace(/\.json$/u, '')}'`).join(', ')})`);
    expect(planned.rows[0]!['n']).toBe(docsOf(out).filter((d) => names.includes(`${d.source.path}.json`)).reduce((n, d) => n + d.measures.length, 0));
  }, 120_000);

  it('removes from every table the documents gone from the index, and the documents after them take their new places', () => {
    const out = tmp('out');
    expect(zhenggai('run', inputOf(6), '--out', out, '-q').status).toBe(0);
    fingerprint(out);
    const lines = readFileSync(join(out, 'index.jsonl'), 'utf8').trim().split('\n');
    const gone = (JSON.parse(lines[2]!) as { path: string }).path;
    writeFileSync(join(out, 'index.jsonl'), `${[...lines.slice(0, 2), ...lines.slice(3)].join('\n')}\n`);
    const r = query(out, `SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM measures WHERE path = '${gone}') AS measures`);
    expect(r.rows[0]).toEqual({ docs: 5, measures: 0 });
    expect(r.stderr).toMatch(/updated, 0 document\(s\) loaded, 1 removed/u);
    expect(fingerprint(out)).toEqual(freshFingerprint(out));
    const places = query(out, 'SELECT path, ord, line FROM zhenggai.files ORDER BY ord').rows;
    expect(places).toEqual([...lines.slice(0, 2), ...lines.slice(3)].map((l, i) => ({ path: (JSON.parse(l) as { path: string }).path, ord: i, line: i + 1 })));
    // A blank line at the top moves every record a line down and leaves their order (ord) as it was.
    writeFileSync(join(out, 'index.jsonl'), `\n${[...lines.slice(0, 2), ...lines.slice(3)].join('\n')}\n`);
    expect(query(out, 'SELECT path, ord, line FROM zhenggai.files ORDER BY ord').rows).toEqual(places.map((p) => ({ ...p, line: Number(p['line']) + 1 })));
    expect(fingerprint(out)).toEqual(freshFingerprint(out));
  }, 120_000);

  it('when the index lists a path again, its last line wins, in an update as in a fresh build', () => {
    const out = tmp('out');
    expect(zhenggai('run', inputOf(6), '--out', out, '-q').status).toBe(0);
    fingerprint(out);
    // A later line for the second input, pointing at a second version of its document.
    const lines = readFileSync(join(out, 'index.jsonl'), 'utf8').trim().split('\n');
    const record = JSON.parse(lines[1]!) as { path: string; output: string };
    const doc = JSON.parse(readFileSync(join(out, record.output), 'utf8')) as NoticeDocument;
    doc.rulesVersion = '999+second-line';
    writeFileSync(join(out, `${record.output}.v2.json`), `${JSON.stringify(doc)}\n`);
    writeFileSync(join(out, 'index.jsonl'), `${[...lines, JSON.stringify({ ...record, output: `${record.output}.v2.json` })].join('\n')}\n`);
    const sql = `SELECT count(*) AS docs, count(*) FILTER (WHERE path = '${record.path}') AS mine, any_value(rules_version) FILTER (WHERE path = '${record.path}') AS rules FROM documents`;
    const r = query(out, sql);
    expect(r.rows[0]).toEqual({ docs: 6, mine: 1, rules: '999+second-line' });
    expect(r.stderr).toMatch(/updated, 1 document\(s\) loaded, 1 removed/u);
    expect(fingerprint(out)).toEqual(freshFingerprint(out));
    const copy = tmp('fresh-two-lines');
    cpSync(out, copy, { recursive: true, filter: (src) => !src.endsWith(STORE_NAME) && !src.endsWith(`${STORE_NAME}.wal`) });
    expect(query(copy, sql).rows[0]).toEqual({ docs: 6, mine: 1, rules: '999+second-line' });
  }, 120_000);

  it('a damaged store file is built again from the JSON files', () => {
    const out = tmp('out');
    expect(zhenggai('run', inputOf(4), '--out', out, '-q').status).toBe(0);
    const good = fingerprint(out);
    writeFileSync(join(out, STORE_NAME), Buffer.alloc(70_000, 7));
    const r = zhenggai('query', out, 'SELECT count(*) AS n FROM documents', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/cannot be opened .*; building it again from the JSON files/u);
    expect(fingerprint(out)).toEqual(good);
  }, 120_000);

  it('a store left half-updated by a killed process is built again', async () => {
    const out = tmp('out');
    expect(zhenggai('run', inputOf(4), '--out', out, '-q').status).toBe(0);
    const good = fingerprint(out);
    const inst = await DuckDBInstance.create(join(out, STORE_NAME));
    const conn = await inst.connect();
    await conn.run("UPDATE zhenggai.meta SET value = 'updating' WHERE key = 'state'");
    await conn.run('DELETE FROM measures WHERE rowid % 2 = 0');
    conn.closeSync();
    inst.closeSync();
    const r = zhenggai('query', out, 'SELECT count(*) AS n FROM documents', '--format', 'json');
    expect(r.stderr).toMatch(/is incomplete; building it again from the JSON files/u);
    expect(fingerprint(out)).toEqual(good);
  }, 120_000);

  it('two commands bringing one stale store up to date at the same time both answer, the same', async () => {
    const input = inputOf(4);
    const out = tmp('out');
    expect(zhenggai('run', input, '--out', out, '-q').status).toBe(0);
    fingerprint(out);
    for (const c of corpusNotices().slice(4, 10)) copyFileSync(c.path, join(input, c.name));
    expect(zhenggai('run', input, '--out', out, '-q', '--resume').status).toBe(0);
    const one = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const p = spawn(process.execPath, [BIN, 'query', out, 'SELECT count(*) AS n FROM measures', '--format', 'csv']);
        let stdout = '';
        p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        p.on('close', (code) => resolve({ code, stdout }));
      });
    const [a, b] = await Promise.all([one(), one()]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const want = docsOf(out).reduce((n, d) => n + d.measures.length, 0);
    expect(a.stdout).toBe(`n\n${want}\n`);
    expect(b.stdout).toBe(a.stdout);
  }, 120_000);

  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));
  const asRoot = process.getuid?.() === 0;
  if (!runuser || !asRoot) console.warn('[skipped] store in a read-only folder: needs root and runuser (to query as nobody)');
  it.skipIf(!runuser || !asRoot)('a folder the user cannot write gets a temporary store, removed after', () => {
    const out = tmp('out');
    expect(zhenggai('run', inputOf(3), '--out', out, '-q').status).toBe(0);
    spawnSync('chmod', ['-R', 'a+rX', out]);
    spawnSync('chmod', ['a+rx', join(out, '..')]);
    const r = spawnSync(runuser!, ['-u', 'nobody', '--', process.execPath, BIN, 'query', out, 'SELECT count(*) AS n FROM documents', '--format', 'csv'], { encoding: 'utf8', cwd: '/' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('n\n3\n');
    expect(r.stderr).toMatch(/cannot be written; its store is built in .* for this command and removed after/u);
    const path = /built in (\S+) for this command/u.exec(r.stderr)![1]!;
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(out, STORE_NAME))).toBe(false);
  }, 60_000);
});

describe('index lines read again by their place (IndexLineReader)', () => {
  it('gives the text of the lines asked for, in order, across index files, and null past the end or for a file gone', async () => {
    const dir = tmp('lines');
    writeFileSync(join(dir, 'index.jsonl'), 'one\r\n\nthree\nfour\n');
    writeFileSync(join(dir, 'index.shard-1-of-2.jsonl'), 'a\nb\n');
    const r = new IndexLineReader(dir);
    expect(await r.text('index.jsonl', 1)).toBe('one');
    expect(await r.text('index.jsonl', 3)).toBe('three');
    expect(await r.text('index.jsonl', 4)).toBe('four');
    // An earlier line (read again from the start of the file), and a blank line, counted as the index counts it.
    expect(await r.text('index.jsonl', 2)).toBe('');
    expect(await r.text('index.shard-1-of-2.jsonl', 2)).toBe('b');
    expect(await r.text('index.shard-1-of-2.jsonl', 3)).toBeNull();
    expect(await r.text('index.shard-2-of-2.jsonl', 1)).toBeNull();
    await r.close();
  });

  it('numbers and decodes lines as readline does (the scan’s numbering), whatever falls at the edge of a read', async () => {
    const dir = tmp('lines-edges');
    // \n, \r\n and lone \r endings, blank lines, a byte-order mark, three-byte characters, a \r at the very end of
    // one line and none after the last.
    const text = '\uFEFF{"a":1}\r\n整改台账\n\n\r\r\n第二批次\r措施\u3000完成\n' + '长'.repeat(40) + '\r\nx\r\r末行';
    writeFileSync(join(dir, 'index.jsonl'), text);
    const expected: string[] = [];
    for await (const l of createInterface({ input: createReadStream(join(dir, 'index.jsonl'), { encoding: 'utf8' }), crlfDelay: Infinity })) expected.push(l);
    expect(expected.length).toBeGreaterThan(8);
    for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 16]) {
      const r = new IndexLineReader(dir, chunk);
      const every: Array<string | null> = [];
      for (let k = 1; k <= expected.length + 1; k++) every.push(await r.text('index.jsonl', k));
      expect(every, `chunk ${chunk}`).toEqual([...expected, null]);
      // Lines skipped over are counted too.
      const r2 = new IndexLineReader(dir, chunk);
      expect(await r2.text('index.jsonl', expected.length)).toBe(expected.at(-1));
      await Promise.all([r.close(), r2.close()]);
    }
  });
});
