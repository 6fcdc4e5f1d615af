/** Batch behaviour of `zhenggai run`: worker threads, time limit, resume after kill -9, shards and merge. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../cli/run/runCommand.js';
import { IndexRecord } from '../output/schema.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'zhenggai-batch-'));

function zhenggai(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder of n notices copied from the corpus under varied names and subfolders. */
function makeBatch(n: number): string {
  const dir = join(tmp(), 'in');
  const notices = corpusNotices();
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `g${i % 7}`);
    mkdirSync(sub, { recursive: true });
    const src = notices[i % notices.length]!;
    copyFileSync(src.path, join(sub, `n${String(i).padStart(4, '0')}-${src.name}`));
  }
  return dir;
}

/** Every file under a folder, as relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

function expectSameTree(a: string, b: string): void {
  const sa = snapshot(a);
  const sb = snapshot(b);
  expect([...sb.keys()].sort()).toEqual([...sa.keys()].sort());
  for (const [k, v] of sa) expect(sb.get(k)!.equals(v), k).toBe(true);
}

describe('batch runs', () => {
  const batch = makeBatch(120);
  const clean = join(tmp(), 'clean');
  zhenggai('run', batch, '--out', clean, '-q', '--jobs', '2');

  it('gives byte-identical outputs whatever --jobs is', () => {
    const one = join(tmp(), 'one');
    expect(zhenggai('run', batch, '--out', one, '-q', '--jobs', '1').code).toBe(0);
    expectSameTree(clean, one);
    const inproc = join(tmp(), 'inproc');
    expect(zhenggai('run', batch, '--out', inproc, '-q', '--jobs', '0').code).toBe(0);
    expectSameTree(clean, inproc);
  });

  /** A huge notice (a-huge.txt, far over a 1 s limit) and a small one (b-small.txt), run with --timeout 1. */
  function timeoutRun(jobs: string) {
    const dir = join(tmp(), 'in');
    mkdirSync(dir);
    const body = readFileSync(corpusNotices()[0]!.path, 'utf8');
    writeFileSync(join(dir, 'a-huge.txt'), body.repeat(1500));
    copyFileSync(corpusNotices()[1]!.path, join(dir, 'b-small.txt'));
    const out = join(tmp(), 'out');
    const r = zhenggai('run', dir, '--out', out, '--timeout', '1', '--jobs', jobs);
    const index = readFileSync(join(out, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => IndexRecord.parse(JSON.parse(l)));
    // The stopped worker leaves nothing behind: only the index and one output per input.
    expect(readdirSync(out).sort()).toEqual(['a-huge.txt.json', 'b-small.txt.json', 'index.jsonl']);
    return { r, records: index.map((x) => [x.path, x.status, x.error?.code ?? null]) };
  }
  const timedOut = [
    ['a-huge.txt', 'failed', 'limit/timeout'],
    ['b-small.txt', 'ok', null],
  ];

  it('stops a file over the time limit with limit/timeout and processes the rest', () => {
    const { r, records } = timeoutRun('2');
    expect(r.code).toBe(1);
    expect(records).toEqual(timedOut);
    expect(r.stderr).toMatch(/a-huge\.txt error limit\/timeout processing took longer than 1 s/u);
  });

  it('counts a file’s time limit from when a worker takes it up, not while it waits behind another', () => {
    // One worker: b-small waits in the queue while a-huge runs into its limit and its worker is replaced.
    const { r, records } = timeoutRun('1');
    expect(r.code).toBe(1);
    expect(records).toEqual(timedOut);
  });

  it('--resume recomputes only missing or changed outputs and ends identical to a clean run', () => {
    const out = join(tmp(), 'out');
    zhenggai('run', batch, '--out', out, '-q');
    // One output gone, and another's line gone from the index: both are made again, the rest kept.
    const files = readdirSync(join(out, 'g3'));
    rmSync(join(out, 'g3', files[0]!));
    const lines = readFileSync(join(out, 'index.jsonl'), 'utf8').split('\n');
    writeFileSync(join(out, 'index.jsonl'), lines.filter((l) => !l.includes(`"g5/`)).concat(lines.filter((l) => l.includes(`"g5/`)).slice(1)).join('\n'));
    const summary = join(tmp(), 's.json');
    expect(zhenggai('run', batch, '--out', out, '-q', '--resume', '--summary-json', summary).code).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as RunSummary;
    expect(s.files).toBe(120);
    expect(s.reused).toBe(118);
    expectSameTree(clean, out);
  });

  it('after kill -9 mid-run, --resume ends byte-identical to a clean run, with one index record per input', async () => {
    const big = makeBatch(600);
    const cleanBig = join(tmp(), 'clean');
    zhenggai('run', big, '--out', cleanBig, '-q', '--jobs', '2');
    const out = join(tmp(), 'out');
    // One worker, so that the run cannot end between two polls even on a busy machine; the exit is awaited from
    // the start, so that it is not missed.
    const child = spawn(process.execPath, [BIN, 'run', big, '--out', out, '-q', '--jobs', '1'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // Kill once some outputs exist but well before the end.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const n = existsSync(out) ? readdirSync(out, { recursive: true }).length : 0;
        if (n > 40) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await exited;
    // The index lists what was written before the kill, each line a whole record whose output exists.
    const written = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
    expect(written).toBeLessThan(600);
    const records = readFileSync(join(out, 'index.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => IndexRecord.parse(JSON.parse(l)));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThanOrEqual(written);
    expect(new Set(records.map((r) => r.path)).size).toBe(records.length);
    for (const r of records) expect(existsSync(join(out, r.output!)), r.path).toBe(true);
    expect(zhenggai('run', big, '--out', out, '-q', '--jobs', '2', '--resume').code).toBe(0);
    expectSameTree(cleanBig, out);
    expect(readFileSync(join(out, 'index.jsonl'), 'utf8').trim().split('\n')).toHaveLength(600);
  }, 120_000);

  it('three shards merged equal one run, each input in exactly one shard', () => {
    const parts = [0, 1, 2].map((k) => {
      const dir = join(tmp(), `s${k}`);
      expect(zhenggai('run', batch, '--out', dir, '-q', '--shard', `${k}/3`).code).toBe(0);
      return dir;
    });
    const sizes = parts.map((d) => readFileSync(join(d, readdirSync(d).find((f) => f.startsWith('index.shard-'))!), 'utf8').trim().split('\n').length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(Math.min(...sizes)).toBeGreaterThan(20);
    const merged = join(tmp(), 'merged');
    expect(zhenggai('merge', ...parts, '--out', merged).code).toBe(0);
    expectSameTree(clean, merged);
  });

  it('rejects a malformed --shard with exit 2', () => {
    expect(zhenggai('run', batch, '--out', tmp(), '--shard', '3/3').code).toBe(2);
  });
});
