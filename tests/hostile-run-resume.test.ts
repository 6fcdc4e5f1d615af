/**
 * Issue 13, stopping and resuming `zhenggai run`: --resume keeps a failure only under the same options (item 10);
 * SIGINT, SIGTERM and kill -9 mid-run leave a valid index, and --resume then ends byte-identical to a clean run
 * (item 21); a notice of a million short lines neither takes the batch down nor floods the main thread, and
 * --resume over it does not die (item 1).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../cli/run/runCommand.js';
import { keptOptionsAllow } from '../cli/run/task.js';
import type { IndexRecord } from '../output/schema.js';
import { corpusNotices } from './helpers.js';
import { BIN, expectNoLeftovers, expectSameTree, expectValidIndex, goodNotices, millionLines, outcomes, readIndex, tmp, zhenggai } from './hostile-run-helpers.js';

const notices = corpusNotices();
const DEFAULTS = { ocr: false, referenceDate: null, maxFileMb: 64, timeoutSeconds: 60, workerMemoryMb: 1024 };
const summaryOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as RunSummary;

describe('--resume keeps a failure only under the options it failed with (item 10)', () => {
  it('the rule, option by option', () => {
    const rec = (status: IndexRecord['status'], options = DEFAULTS): IndexRecord => ({ path: 'a.txt', output: 'a.txt.json', status, sha256: 'x', error: null, options });
    for (const change of [{ timeoutSeconds: 120 }, { workerMemoryMb: 2048 }, { maxFileMb: 128 }, { ocr: true }, { referenceDate: '2024-06-30' }]) {
      expect(keptOptionsAllow(rec('failed'), { ...DEFAULTS, ...change }), JSON.stringify(change)).toBe(false);
    }
    expect(keptOptionsAllow(rec('failed'), DEFAULTS)).toBe(true);
    // A document stands whatever the limits; not under another --ocr or --reference-date.
    for (const status of ['ok', 'partial'] as const) {
      expect(keptOptionsAllow(rec(status), { ...DEFAULTS, timeoutSeconds: 1, maxFileMb: 1, workerMemoryMb: 64 })).toBe(true);
      expect(keptOptionsAllow(rec(status), { ...DEFAULTS, ocr: true })).toBe(false);
      expect(keptOptionsAllow(rec(status), { ...DEFAULTS, referenceDate: '2024-06-30' })).toBe(false);
    }
    // A record of an earlier version (no options) is never kept: the file is processed again.
    expect(keptOptionsAllow({ ...rec('ok'), options: undefined }, DEFAULTS)).toBe(false);
  });

  it('after --timeout 1, --resume --timeout 1 keeps the failure, --resume --timeout 120 retries it', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    writeFileSync(join(inp, 'a-huge.txt'), readFileSync(notices[0]!.path, 'utf8').repeat(600)); // about 10 s of work here: far over 1 s
    copyFileSync(notices[1]!.path, join(inp, 'b-small.txt'));
    const out = join(dir, 'out');
    const s = join(dir, 's.json');
    const first = zhenggai(['run', inp, '--out', out, '-q', '--timeout', '1', '--jobs', '1']);
    expect(first.code).toBe(1);
    expect(readIndex(out).map((r) => [r.path, r.error?.code ?? r.status, r.options])).toEqual([
      ['a-huge.txt', 'limit/timeout', { ...DEFAULTS, timeoutSeconds: 1 }],
      ['b-small.txt', 'ok', { ...DEFAULTS, timeoutSeconds: 1 }],
    ]);
    expect(zhenggai(['run', inp, '--out', out, '-q', '--timeout', '1', '--jobs', '1', '--resume', '--summary-json', s]).code).toBe(1);
    expect(summaryOf(s).reused).toBe(2);
    expect(zhenggai(['run', inp, '--out', out, '-q', '--timeout', '120', '--jobs', '1', '--resume', '--summary-json', s]).code).toBe(0);
    expect(summaryOf(s).reused).toBe(1); // b-small.txt: a document stands under a longer limit
    expect(readIndex(out).map((r) => [r.path, r.status, r.options])).toEqual([
      ['a-huge.txt', 'ok', { ...DEFAULTS, timeoutSeconds: 120 }],
      ['b-small.txt', 'ok', { ...DEFAULTS, timeoutSeconds: 120 }],
    ]);
  }, 240_000);

  it('a failure for --max-file-mb is retried under a larger limit; an input failure is kept; documents are made again under another --reference-date', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    writeFileSync(join(inp, 'big.txt'), readFileSync(notices[0]!.path, 'utf8').repeat(200)); // ≈ 1.8 MB
    writeFileSync(join(inp, 'binary.txt'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    copyFileSync(notices[1]!.path, join(inp, 'good.txt'));
    const out = join(dir, 'out');
    const s = join(dir, 's.json');
    expect(zhenggai(['run', inp, '--out', out, '-q', '--max-file-mb', '1']).code).toBe(1);
    expect(outcomes(readIndex(out))).toEqual({ 'big.txt': ['failed', 'limit/file-size'], 'binary.txt': ['failed', 'input/binary'], 'good.txt': ['ok', null] });
    expect(zhenggai(['run', inp, '--out', out, '-q', '--resume', '--summary-json', s]).code).toBe(1);
    // binary.txt: the same failure under any limit, but its record says max-file-mb 1: made again, as big.txt.
    expect(summaryOf(s).reused).toBe(1);
    expect(outcomes(readIndex(out))).toEqual({ 'big.txt': ['ok', null], 'binary.txt': ['failed', 'input/binary'], 'good.txt': ['ok', null] });
    expect(zhenggai(['run', inp, '--out', out, '-q', '--resume', '--summary-json', s]).code).toBe(1);
    expect(summaryOf(s).reused).toBe(3); // nothing changed: everything kept, the failure too
    expect(zhenggai(['run', inp, '--out', out, '-q', '--resume', '--reference-date', '2024-06-30', '--summary-json', s]).code).toBe(1);
    expect(summaryOf(s).reused).toBe(0);
    expect(readIndex(out).every((r) => r.options!.referenceDate === '2024-06-30')).toBe(true);
  }, 120_000);
});

/** Start a run; resolves once its index holds at least `lines` records (and, with `resumeFile`, once the run has
 *  moved the earlier records to its resume file), with the child and its exit. */
async function startAndWait(args: string[], out: string, lines: number, resumeFile = false): Promise<{ child: ChildProcess; exited: Promise<number | null>; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const count = () => (existsSync(join(out, 'index.jsonl')) ? readFileSync(join(out, 'index.jsonl'), 'utf8').split('\n').length - 1 : 0);
  while (count() < lines || (resumeFile && !existsSync(join(out, '.zhenggai-resume.index.jsonl')))) {
    if (child.exitCode !== null) throw new Error(`the run ended before it was stopped: ${err}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, exited, stderr: () => err };
}

describe('stopped mid-run, then --resume (item 21)', () => {
  it('SIGINT, SIGTERM (during a resumed run) and kill -9 (during a resumed run): a valid index each time, and --resume ends byte-identical to a clean run', async () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    goodNotices(inp, 300);
    const clean = join(dir, 'clean');
    expect(zhenggai(['run', inp, '--out', clean, '-q', '--jobs', '2']).code).toBe(0);
    const out = join(dir, 'out');
    const paths = readIndex(clean).map((r) => r.path);

    // SIGINT: the index of what finished, in input order; the message says how many and what to do.
    const a = await startAndWait(['run', inp, '--out', out, '-q', '--jobs', '2'], out, 20);
    a.child.kill('SIGINT');
    expect(await a.exited).toBe(130);
    const afterInt = expectValidIndex(out);
    expect(afterInt.length).toBeGreaterThanOrEqual(20);
    expect(afterInt.length).toBeLessThan(300);
    expect(afterInt.map((r) => r.path)).toEqual(paths.filter((p) => afterInt.some((r) => r.path === p)));
    expect(a.stderr()).toContain(`zhenggai: interrupted: ${afterInt.length} of 300 written; rerun with --resume\n`);
    expectNoLeftovers(out);

    // SIGTERM during --resume: the index keeps the earlier records of files not begun, one line per path.
    const b = await startAndWait(['run', inp, '--out', out, '-q', '--jobs', '2', '--resume'], out, afterInt.length + 20);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(143);
    const afterTerm = expectValidIndex(out);
    expect(afterTerm.length).toBeGreaterThanOrEqual(afterInt.length + 20);
    expect(b.stderr()).toContain(`zhenggai: interrupted: ${afterTerm.length} of 300 written; rerun with --resume\n`);
    expectNoLeftovers(out);

    // kill -9 during --resume: the index holds this run's records so far (valid), the earlier ones wait in the
    // resume file; the next --resume takes both.
    const c = await startAndWait(['run', inp, '--out', out, '-q', '--jobs', '1', '--resume'], out, 10, true);
    c.child.kill('SIGKILL');
    await c.exited;
    expectValidIndex(out);
    expect(existsSync(join(out, '.zhenggai-resume.index.jsonl'))).toBe(true);
    const last = join(dir, 's.json');
    const d = zhenggai(['run', inp, '--out', out, '-q', '--jobs', '2', '--resume', '--summary-json', last]);
    expect(d.code, d.stderr).toBe(0);
    expect(summaryOf(last).reused).toBeGreaterThanOrEqual(afterTerm.length);
    expectSameTree(clean, out);
  }, 300_000);
});

describe('a notice of a million short lines (item 1)', () => {
  it('is processed or fails alone (limit/memory); the batch goes on, stderr gets at most 21 lines of it, --resume does not die', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    millionLines(join(inp, 'big.txt'));
    expect(readFileSync(join(inp, 'big.txt')).length).toBeGreaterThan(23e6);
    copyFileSync(notices[1]!.path, join(inp, 'good.txt'));
    const out = join(dir, 'out');
    const s = join(dir, 's.json');
    const r = zhenggai(['run', inp, '--out', out, '--jobs', '2', '--timeout', '600', '--summary-json', s]);
    expect([0, 1]).toContain(r.code);
    const records = expectValidIndex(out);
    expect(records.map((x) => x.path)).toEqual(['big.txt', 'good.txt']);
    expect(records[1]!.status).toBe('ok');
    expect(records[0]!.status === 'ok' || records[0]!.error?.code === 'limit/memory').toBe(true);
    expect(r.stderr.split('\n').filter((l) => l.includes('big.txt')).length).toBeLessThanOrEqual(21);
    console.info(`[hostile-run-resume] million lines: ${records[0]!.status}, peak RSS ${summaryOf(s).peakRssMb.toFixed(0)} MB`);
    const again = zhenggai(['run', inp, '--out', out, '--jobs', '2', '--timeout', '600', '--resume', '-q', '--summary-json', s]);
    expect(again.code).toBe(r.code);
    expect(summaryOf(s).reused).toBe(2);
    expectValidIndex(out);
  }, 600_000);

  it('a file with hundreds of warnings sends at most 20 to stderr and says how many more its document holds', () => {
    const dir = tmp();
    const lines = ['关于巡察整改进展情况的通报', ...Array.from({ length: 400 }, (_, i) => `${2 * i + 1}.第${i}项`)];
    writeFileSync(join(dir, 'gaps.txt'), `${lines.join('\n')}\n`);
    const out = join(dir, 'out');
    const r = zhenggai(['run', join(dir, 'gaps.txt'), '--out', out]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'gaps.txt.json'), 'utf8')) as { diagnostics: Array<{ severity: string }> };
    const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(100);
    expect(r.stderr.split('\n').filter((l) => l.includes(' warning '))).toHaveLength(20);
    expect(r.stderr).toContain(`${join(dir, 'gaps.txt')}: … and ${warnings - 20} more (all are in gaps.txt.json)`);
  });
});
