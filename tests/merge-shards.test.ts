/**
 * Issue 15 item 6: `zhenggai merge` counts the shards. The index files of `run --shard K/N` are named
 * index.shard-K-of-N.jsonl; merging some shards of N without the others is refused (exit 2, naming the missing
 * shards and --partial) and writes nothing, or with --partial is done with a warning naming them. A folder given
 * twice, by the same path or by another path to it (a symbolic link), counts once, with a message.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IndexRecord } from '../output/schema.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const zhenggai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), `zhenggai-merge-${p}-`));

/** The records of a folder's index files (index.jsonl or index.shard-K-of-N.jsonl). */
function records(dir: string): IndexRecord[] {
  return readdirSync(dir)
    .filter((f) => /^index(?:\.shard-\d+-of-\d+)?\.jsonl$/u.test(f))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').filter(Boolean))
    .map((l) => IndexRecord.parse(JSON.parse(l)));
}

const paths = (rs: readonly IndexRecord[]) => rs.map((r) => r.path).sort();

let inputs: string[];
let shards: string[];

beforeAll(() => {
  const input = tmp('in');
  inputs = corpusNotices().map((c) => c.name);
  for (const c of corpusNotices()) copyFileSync(c.path, join(input, c.name));
  const root = tmp('shards');
  shards = [0, 1, 2].map((k) => {
    const dir = join(root, `s${k}`);
    const r = zhenggai('run', input, '--out', dir, '-q', '--shard', `${k}/3`);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toContain(`index.shard-${k}-of-3.jsonl`);
    return dir;
  });
  // Every shard holds some notices, and together they hold each once.
  for (const s of shards) expect(records(s).length).toBeGreaterThan(0);
  expect(shards.flatMap((s) => paths(records(s))).sort()).toEqual([...inputs].sort());
}, 180_000);

describe('merge: shards of N', () => {
  it('2 of 3 shards: refused with exit 2, naming the missing shard and --partial, and nothing written', () => {
    const out = join(tmp('out'), 'merged');
    const r = zhenggai('merge', shards[0]!, shards[1]!, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'zhenggai: 2 of 3 shards given (index.shard-K-of-3.jsonl for K = 0 and 1); missing: shard 2/3. Give the --out folder of every `run --shard K/3`, ' +
        "or add --partial to merge the shards given (the merged index then lacks the missing shards' files)\n",
    );
    expect(existsSync(out)).toBe(false);
  });

  it('1 of 3 shards: names both missing shards', () => {
    const out = join(tmp('out'), 'merged');
    const r = zhenggai('merge', shards[1]!, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('1 of 3 shards given (index.shard-K-of-3.jsonl for K = 1); missing: shard 0/3, shard 2/3.');
    expect(r.stderr).toContain('--partial');
    expect(existsSync(out)).toBe(false);
  });

  it('2 of 3 shards with --partial: merged with a warning naming the missing shard, exit 0', () => {
    const out = join(tmp('out'), 'merged');
    const r = zhenggai('merge', shards[0]!, shards[2]!, '--partial', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('zhenggai merge: warning: 2 of 3 shards given (index.shard-K-of-3.jsonl for K = 0 and 2); missing: shard 1/3; merging the shards given (--partial)\n');
    const want = [...records(shards[0]!), ...records(shards[2]!)];
    expect(readdirSync(out).filter((f) => f.startsWith('index'))).toEqual(['index.jsonl']);
    const merged = records(out);
    expect(paths(merged)).toEqual(paths(want));
    expect(paths(merged)).not.toContain(paths(records(shards[1]!))[0]);
    // Each output is the shard's document, byte for byte.
    for (const rec of merged) expect(readFileSync(join(out, rec.output!), 'utf8'), rec.path).toBe(readFileSync(join(shardOf(rec.path), rec.output!), 'utf8'));
    expect(r.stderr).toMatch(new RegExp(`: ${want.length} record\\(s\\) from 2 folder\\(s\\)`, 'u'));
  });

  it('all 3 shards, one given twice by the same path and once more through a link: each counted once, every input once', () => {
    const link = join(tmp('link'), 'again');
    symlinkSync(shards[1]!, link);
    const out = join(tmp('out'), 'merged');
    const r = zhenggai('merge', shards[0]!, shards[1]!, shards[1]!, link, shards[2]!, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`zhenggai: ${shards[1]!} is given twice; counted once\n`);
    expect(r.stderr).toContain(`zhenggai: ${link} is the same folder as ${shards[1]!}; counted once\n`);
    expect(r.stderr).not.toContain('warning');
    expect(r.stderr).toContain(`: ${inputs.length} record(s) from 3 folder(s) (0 failed files)`);
    const merged = records(out);
    expect(merged).toHaveLength(inputs.length);
    expect(paths(merged)).toEqual([...inputs].sort());
  });

  it('a folder of a run without shards is merged as before, with no shard check', () => {
    const out = join(tmp('out'), 'merged');
    const r = zhenggai('merge', shards[0]!, shards[1]!, shards[2]!, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const again = join(tmp('out'), 'merged-again');
    const r2 = zhenggai('merge', out, '--out', again);
    expect(r2.status, r2.stderr).toBe(0);
    expect(r2.stderr).not.toContain('shard');
    expect(readFileSync(join(again, 'index.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'index.jsonl'), 'utf8'));
  });
});

/** The shard folder holding an input path. */
function shardOf(path: string): string {
  const s = shards.find((d) => records(d).some((r) => r.path === path));
  if (!s) throw new Error(`${path} is in no shard`);
  return s;
}
