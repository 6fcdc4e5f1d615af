/**
 * Issue 13, the analysis side: results folders that are hostile or damaged.
 * - 14: an index line whose output is absolute or leaves its folder is never read (query, compare) nor written
 *   (merge); the line is named.
 * - 15: `query --format csv` neutralizes cells a spreadsheet would run as formulas, as units.csv does.
 * - 20: a truncated output JSON, a garbage index line, an index line that is no record, a missing output: compare,
 *   query and merge name the file (and line), leave it out, and analyse the rest; never exit 70 or a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../output/schema.js';
import { SCHEMA_VERSION } from '../output/version.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const zhenggai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), `zhenggai-hostile-analysis-${p}-`));

/** No internal error: exit 0 or 1, and no stack trace. */
function expectHandled(r: ReturnType<typeof zhenggai>): void {
  expect(r.status === 0 || r.status === 1, `exit ${String(r.status)}: ${r.stderr}`).toBe(true);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .*\(.*:\d+:\d+\)/u);
}

/** A results folder of the first n corpus notices. */
function results(n: number): { out: string; docs: NoticeDocument[]; lines: string[] } {
  const input = tmp('in');
  for (const c of corpusNotices().slice(0, n)) copyFileSync(c.path, join(input, c.name));
  const out = tmp('out');
  expect(zhenggai('run', input, '--out', out, '-q').status).toBe(0);
  const lines = readFileSync(join(out, 'index.jsonl'), 'utf8').trim().split('\n');
  const docs = lines.map((l) => NoticeDocument.parse(JSON.parse(readFileSync(join(out, (JSON.parse(l) as { output: string }).output), 'utf8'))));
  return { out, docs, lines };
}

const csvRows = (csv: string) => csv.trim().split('\n').slice(1);

describe('issue 13 item 14: output paths that are absolute or leave the results folder', () => {
  /** A folder whose index has, after its own lines, one line pointing outside it and one absolute; both targets hold a valid document of a unit of their own. */
  function escaping() {
    const { out, docs, lines } = results(3);
    const outside = join(dirname(out), `outside-${process.pid}-${Date.now()}`);
    mkdirSync(outside);
    const stolen = { ...docs[0]!, meta: { ...docs[0]!.meta, unit: '外面的单位' } };
    writeFileSync(join(outside, 'stolen.json'), `${JSON.stringify(stolen)}\n`);
    const rel = `../${outside.split('/').at(-1)}/stolen.json`;
    const abs = join(outside, 'stolen.json');
    appendFileSync(join(out, 'index.jsonl'), `${JSON.stringify({ path: 'x.txt', output: rel, status: 'ok', sha256: 'a'.repeat(64), error: null })}\n`);
    appendFileSync(join(out, 'index.jsonl'), `${JSON.stringify({ path: 'y.txt', output: abs, status: 'ok', sha256: 'b'.repeat(64), error: null })}\n`);
    return { out, docs, lines, rel, abs, outside };
  }

  it('merge refuses them, names the lines, writes nothing outside --out, and merges the rest (exit 1)', () => {
    const { out, rel, abs, outside, lines } = escaping();
    const dest = join(tmp('merge'), 'merged');
    // The merged folder's sibling that the relative path would reach from it.
    const wouldBe = join(dirname(dest), rel.slice(3));
    const r = zhenggai('merge', out, '--out', dest);
    expectHandled(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(out, 'index.jsonl')}:4: output leaves the results folder (${rel}); line left out`);
    expect(r.stderr).toContain(`${join(out, 'index.jsonl')}:5: output is an absolute path (${abs}); outputs are relative to the results folder; line left out`);
    expect(existsSync(wouldBe)).toBe(false);
    expect(readFileSync(join(outside, 'stolen.json'), 'utf8')).toContain('外面的单位');
    expect(readFileSync(join(dest, 'index.jsonl'), 'utf8').trim().split('\n')).toEqual(lines);
  }, 60_000);

  it('query and compare never read them: the lines are named and left out', () => {
    const { out, docs } = escaping();
    const q = zhenggai('query', out, 'SELECT unit FROM documents ORDER BY unit', '--format', 'csv');
    expectHandled(q);
    expect(q.status).toBe(0);
    expect(q.stderr).toMatch(/index\.jsonl:4: output leaves the results folder/u);
    expect(q.stderr).toMatch(/index\.jsonl:5: output is an absolute path/u);
    expect(csvRows(q.stdout)).toEqual(docs.map((d) => d.meta.unit!).sort());
    const cmp = tmp('cmp');
    const c = zhenggai('compare', out, '--out', cmp);
    expectHandled(c);
    expect(c.status).toBe(0);
    expect(c.stderr).toMatch(/index\.jsonl:4: output leaves the results folder/u);
    const csv = readFileSync(join(cmp, 'units.csv'), 'utf8');
    expect(csv).not.toContain('外面的单位');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + docs.length);
  }, 60_000);
});

describe('issue 13 item 15: query --format csv neutralizes formula cells', () => {
  it('=, +, -, @, tab and CR at the start of a text cell get an apostrophe; numbers stay numbers', () => {
    const { out, docs } = results(1);
    const sql = `SELECT '=HYPERLINK("http://x","点击")' AS a, '+cmd|'' /C calc''!A0' AS b, '@SUM(1+1)' AS c, '-2+3' AS d, chr(9) || 'x' AS e, chr(13) || 'y' AS r, -2 AS n, 1.5 AS f, '=' || unit AS u, ['=1', 'ok'] AS l FROM documents`;
    const r = zhenggai('query', out, sql, '--format', 'csv');
    expect(r.status, r.stderr).toBe(0);
    // A list is one cell of its items joined: starting with = it is neutralized too.
    expect(r.stdout).toBe(`a,b,c,d,e,r,n,f,u,l\n"'=HYPERLINK(""http://x"",""点击"")",'+cmd|' /C calc'!A0,'@SUM(1+1),'-2+3,'\tx,"'\ry",-2,1.5,'=${docs[0]!.meta.unit!},'=1; ok\n`);
  }, 60_000);
});

describe('issue 13 item 20: damaged results folders', () => {
  /** 5 notices; then output 2 truncated, output 4 deleted, a garbage line and a line that is no record appended. */
  function damaged() {
    const { out, docs, lines } = results(5);
    const outputs = lines.map((l) => (JSON.parse(l) as { output: string }).output);
    const truncated = join(out, outputs[1]!);
    writeFileSync(truncated, readFileSync(truncated, 'utf8').slice(0, 5000));
    const missing = join(out, outputs[3]!);
    rmSync(missing);
    appendFileSync(join(out, 'index.jsonl'), '{"path": "z.txt", "output": "z.txt.json", "stat\n{"foo": 1}\n');
    const good = docs.filter((_, i) => i !== 1 && i !== 3);
    return { out, good, truncated, missing, index: join(out, 'index.jsonl') };
  }

  it('query names each file and line, leaves them out, and answers for the rest (exit 0)', () => {
    const { out, good, truncated, missing, index } = damaged();
    const r = zhenggai('query', out, 'SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM documents WHERE unit IS NOT NULL) AS read, (SELECT count(*) FROM measures) AS measures', '--format', 'json');
    expectHandled(r);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`warning: ${index}:6: not a JSON line`);
    expect(r.stderr).toContain(`warning: ${index}:7: not an index record`);
    expect(r.stderr).toContain(`warning: ${truncated}: not valid JSON, the file may be truncated`);
    expect(r.stderr).toContain(`warning: ${missing}: the output file is missing`);
    // The five records stay documents rows (two without metadata); the items are those of the three read.
    expect(JSON.parse(r.stdout)).toEqual([{ docs: 5, read: 3, measures: good.reduce((n, d) => n + d.measures.length, 0) }]);
  }, 60_000);

  it('compare names them and compares the rest (exit 0)', () => {
    const { out, good, truncated, missing, index } = damaged();
    const cmp = tmp('cmp');
    const r = zhenggai('compare', out, '--out', cmp);
    expectHandled(r);
    expect(r.status).toBe(0);
    for (const s of [`${index}:6: not a JSON line`, `${truncated}: not valid JSON`, `${missing}: the output file is missing`]) expect(r.stderr).toContain(s);
    expect(r.stderr).toMatch(/5 notice\(s\) \(2 failed or unreadable, left out\) → 3 unit\(s\)/u);
    const units = readFileSync(join(cmp, 'units.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    expect(units).toEqual(good.map((d) => d.meta.unit));
  }, 60_000);

  it('merge names them, merges the rest and exits 1', () => {
    const { out, good, truncated, missing, index } = damaged();
    const dest = tmp('merged');
    const r = zhenggai('merge', out, '--out', dest);
    expectHandled(r);
    expect(r.status).toBe(1);
    for (const s of [`${index}:6: not a JSON line`, `${index}:7: not an index record`, `${truncated}: not valid JSON`, `${missing}: the output file is missing`]) expect(r.stderr).toContain(s);
    const merged = readFileSync(join(dest, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { path: string }).path);
    expect(merged).toEqual(good.map((d) => d.source.path));
    for (const d of good) expect(NoticeDocument.parse(JSON.parse(readFileSync(join(dest, `${d.source.path}.json`), 'utf8')))).toEqual(d);
  }, 60_000);
});

describe('results written by another schema version', () => {
  it('an earlier minor version is read as the current one; a newer one is named and left out', () => {
    const { out, docs, lines } = results(3);
    const outputs = lines.map((l) => (JSON.parse(l) as { output: string }).output);
    const retag = (k: number, version: string) => {
      const file = join(out, outputs[k]!);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^\{"schema":"zhenggai\.notice","schemaVersion":"[^"]+"/u, `{"schema":"zhenggai.notice","schemaVersion":"${version}"`));
      return file;
    };
    retag(0, '1.2.0');
    const newer = retag(2, '1.99.0');
    const r = zhenggai('query', out, 'SELECT count(*) FILTER (WHERE unit IS NOT NULL) AS read, (SELECT count(*) FROM measures) AS measures FROM documents', '--format', 'json');
    expectHandled(r);
    expect(r.stderr).toContain(`warning: ${newer}: written with schema 1.99.0, newer than the ${SCHEMA_VERSION} this zhenggai reads; update zhenggai`);
    expect(JSON.parse(r.stdout)).toEqual([{ read: 2, measures: docs[0]!.measures.length + docs[1]!.measures.length }]);
    // merge keeps the earlier document as it was written, its version included.
    const dest = tmp('merged-versions');
    const m = zhenggai('merge', out, '--out', dest);
    expect(m.status).toBe(1);
    expect(readFileSync(join(dest, outputs[0]!), 'utf8')).toBe(readFileSync(join(out, outputs[0]!), 'utf8'));
    expect(existsSync(join(dest, outputs[2]!))).toBe(false);
  }, 60_000);
});
