/** The worker pool of `zhenggai run` (cli/workerPool.ts): tasks queued in workers, time limits, dead workers. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type PoolOutcome, WorkerPool } from '../cli/run/workerPool.js';
import { ROOT } from './helpers.js';

type Job = { kind: 'echo'; value: number } | { kind: 'hang' | 'throw' | 'exit' | 'oom' };

const fixture = (name: string) => pathToFileURL(join(ROOT, 'tests', 'fixtures', 'pool', name));
const echo = (value: number): Job => ({ kind: 'echo', value });

let pool: WorkerPool<Job, number> | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

function makePool(size: number, options: { timeoutMs?: number; file?: string; oldGenerationMb?: number } = {}) {
  pool = new WorkerPool<Job, number>({
    filename: fixture(options.file ?? 'worker.mjs'),
    size,
    depth: 3,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.oldGenerationMb ? { resourceLimits: { maxOldGenerationSizeMb: options.oldGenerationMb } } : {}),
  });
  return pool;
}

const values = (os: Array<PoolOutcome<number>>) => os.map((o) => (o.ok ? o.value : o.reason));

describe('WorkerPool', () => {
  it('runs every task once and gives each its own answer', async () => {
    const p = makePool(2);
    const out = await Promise.all(Array.from({ length: 200 }, (_, i) => p.run(echo(i))));
    expect(values(out)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('stops a task over the time limit, replaces its worker and runs the tasks queued behind it', async () => {
    // One worker, three tasks handed to it at once: the two behind the stuck one still run, in a new worker.
    const p = makePool(1, { timeoutMs: 300 });
    const out = await Promise.all([p.run({ kind: 'hang' }), p.run(echo(1)), p.run(echo(2)), p.run(echo(3))]);
    expect(values(out)).toEqual(['timeout', 1, 2, 3]);
    const stopped = out[0];
    expect(!stopped.ok && stopped.message).toMatch(/longer than 0\.3 s/u);
    expect(!stopped.ok && stopped.threadId).toBeGreaterThan(0);
  });

  it('counts a task’s time from when its worker begins it, not while it waits in the queue', async () => {
    // Each echo waits behind a 0.3 s stuck task in a 1-worker pool; none of them runs out of its own 0.3 s.
    const p = makePool(1, { timeoutMs: 300 });
    const out = await Promise.all([p.run({ kind: 'hang' }), p.run(echo(1)), p.run({ kind: 'hang' }), p.run(echo(2))]);
    expect(values(out)).toEqual(['timeout', 1, 'timeout', 2]);
  });

  it('an error thrown by a task is its answer; the worker goes on', async () => {
    const p = makePool(1);
    const out = await Promise.all([p.run({ kind: 'throw' }), p.run(echo(5))]);
    expect(values(out)).toEqual(['crash', 5]);
    expect(!out[0].ok && out[0].message).toMatch(/internal error: boom/u);
    expect(!out[0].ok && out[0].threadId).toBeNull();
  });

  it('a worker that exits during a task fails that task only', async () => {
    const p = makePool(1);
    const out = await Promise.all([p.run(echo(1)), p.run({ kind: 'exit' }), p.run(echo(2)), p.run(echo(3))]);
    expect(values(out)).toEqual([1, 'crash', 2, 3]);
    expect(!out[1].ok && out[1].message).toMatch(/exited with code 7/u);
  });

  it('a worker out of memory fails that task with reason memory', async () => {
    const p = makePool(1, { oldGenerationMb: 64 });
    const out = await Promise.all([p.run({ kind: 'oom' }), p.run(echo(4))]);
    expect(values(out)).toEqual(['memory', 4]);
  });

  it('gives up, failing every task with the reason, when workers cannot start', async () => {
    const p = makePool(2, { file: 'broken.mjs' });
    const out = await Promise.all(Array.from({ length: 5 }, (_, i) => p.run(echo(i))));
    expect(values(out)).toEqual(['crash', 'crash', 'crash', 'crash', 'crash']);
    for (const o of out) expect(!o.ok && o.message).toMatch(/keep stopping before they run a task: .*cannot start/u);
  });
});
