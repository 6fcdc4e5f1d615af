/**
 * Issue 13, the output folder of `zhenggai run`: write errors (item 3: a read-only or unusable --out, a disk that
 * fills mid-run, a folder in an output's way) and two runs into one folder (item 6: the lock). Each test builds its
 * input in a temporary folder and checks the exact exit code, messages and what the folder holds.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli/run/runCommand.js';
import type { WriteFs } from '../output/writeFiles.js';
import { corpusNotices } from './helpers.js';
import { BIN, canMount, canRunAsNobody, expectNoLeftovers, expectSameTree, expectValidIndex, goodNotices, noteSkip, outcomes, readIndex, tmp, zhenggai } from './hostile-run-helpers.js';

const notices = corpusNotices();
const LOCK = '.zhenggai-run.lock';

/** A folder of the first n corpus notices as n01.txt … */
function inputs(n: number): string {
  const dir = join(tmp(), 'in');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) copyFileSync(notices[i % notices.length]!.path, join(dir, `n${String(i + 1).padStart(2, '0')}.txt`));
  return dir;
}

/** The start time of a process, as the lock records it. */
const processStart = (pid: number): string => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

describe('an output folder that cannot be used (item 3)', () => {
  it('a read-only --out is a usage error before any work (exit 2)', () => {
    const dir = tmp();
    const inp = inputs(2);
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    let asNobody = false;
    if (process.getuid?.() !== 0) {
      fs.chmodSync(ro, 0o555);
    } else if (canMount) {
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', ro]).status).toBe(0);
    } else if (canRunAsNobody) {
      fs.chmodSync(ro, 0o555);
      asNobody = true;
    } else {
      return noteSkip('read-only --out', 'root without mount or setpriv: no folder is read-only for this user');
    }
    try {
      for (const out of [ro, join(ro, 'new')]) {
        const r = zhenggai(['run', inp, '--out', out], { asNobody });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(
          out === ro
            ? new RegExp(`^zhenggai: cannot write to the output folder ${ro}: (EROFS: read-only file system|EACCES: permission denied), open '${ro}/\\.zhenggai-run\\.lock\\.\\d+'\\n$`, 'u')
            : new RegExp(`^zhenggai: cannot create the output folder ${out}: (EROFS: read-only file system|EACCES: permission denied), mkdir '${resolve(out)}'\\n$`, 'u'),
        );
      }
      expect(readdirSync(ro)).toEqual([]);
    } finally {
      if (process.getuid?.() === 0 && canMount) spawnSync('umount', [ro]);
    }
  });

  it('an --out that is a file, or lies under one, is a usage error (exit 2)', () => {
    const dir = tmp();
    const inp = inputs(1);
    writeFileSync(join(dir, 'file'), 'x');
    const a = zhenggai(['run', inp, '--out', join(dir, 'file')]);
    expect([a.code, a.stderr]).toEqual([2, `zhenggai: the output folder ${join(dir, 'file')} is not a folder; give --out a folder (it is created if missing)\n`]);
    const b = zhenggai(['run', inp, '--out', join(dir, 'file', 'sub')]);
    expect([b.code, b.stderr]).toEqual([2, `zhenggai: cannot use the output folder ${join(dir, 'file', 'sub')}: ENOTDIR: not a directory, stat '${join(dir, 'file', 'sub')}'\n`]);
  });
});

/** What a run stopped by a full disk must leave: the exit code and messages, a valid index of what was written,
 *  no temporary, lock or empty file. */
function expectStoppedByFullDisk(code: number | null, stderr: string, out: string, total: number): number {
  expect(code, stderr).toBe(74);
  const records = expectValidIndex(out);
  expect(records.length).toBeGreaterThan(0);
  expect(records.length).toBeLessThan(total);
  expect(stderr).toMatch(/zhenggai: error: cannot write .*: ENOSPC: no space left on device/u);
  expect(stderr).toContain(`zhenggai: stopped: ${records.length} of ${total} written (listed in ${join(out, 'index.jsonl')}); make room, then rerun with --resume`);
  expectNoLeftovers(out);
  return records.length;
}

describe('a disk that fills up mid-run (item 3)', () => {
  it('on a 200 KB tmpfs: the run stops with the index of what was written; after room is made, --resume completes it', () => {
    if (!canMount) return noteSkip('full tmpfs', 'needs root and permission to mount a tmpfs (the fault-injection test below covers the same path)');
    const dir = tmp();
    const inp = inputs(10);
    const clean = join(dir, 'clean');
    expect(zhenggai(['run', inp, '--out', clean, '-q']).code).toBe(0);
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk]).status).toBe(0);
    try {
      const out = join(disk, 'out');
      const r = zhenggai(['run', inp, '--out', out, '--jobs', '2']);
      expectStoppedByFullDisk(r.code, r.stderr, out, 10);
      expect(spawnSync('mount', ['-o', 'remount,size=10m', disk]).status).toBe(0);
      const again = zhenggai(['run', inp, '--out', out, '--jobs', '2', '--resume', '-q']);
      expect(again.code, again.stderr).toBe(0);
      expectSameTree(clean, out);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('through a write layer that fails as a full disk does (short write, then ENOSPC): the same', async () => {
    const dir = tmp();
    const inp = inputs(10);
    const clean = join(dir, 'clean');
    expect(zhenggai(['run', inp, '--out', clean, '-q']).code).toBe(0);
    let room = 200_000; // bytes the "disk" still takes
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    const faulty: WriteFs = {
      ...fs,
      writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
        if (room <= 0) throw full;
        const n = Math.min(length, room);
        room -= n;
        return fs.writeSync(fd, data, offset, n, null);
      }) as WriteFs['writeSync'],
    };
    const out = join(dir, 'out');
    const lines: string[] = [];
    const run = (resume: boolean) => runCommand([inp], { out, jobs: 0, quiet: true, resume, handleSignals: false, writeFs: faulty, log: (l) => lines.push(l) });
    const first = await run(false);
    const written = expectStoppedByFullDisk(first.exitCode, lines.join('\n'), out, 10);
    expect(first.summary).toMatchObject({ written, stopped: expect.stringMatching(/^cannot write .*: ENOSPC/u) as unknown });
    room = Infinity;
    lines.length = 0;
    const second = await run(true);
    expect(second.exitCode, lines.join('\n')).toBe(0);
    expect(second.summary.reused).toBe(written);
    expectSameTree(clean, out);
  });
});

describe('folders in the way of an output (item 3)', () => {
  it('a folder x.txt.json/ of inputs beside x.txt: x.txt’s output takes the name x.txt~1.json', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(join(inp, 'x.txt.json'), { recursive: true });
    copyFileSync(notices[0]!.path, join(inp, 'x.txt'));
    copyFileSync(notices[1]!.path, join(inp, 'x.txt.json', 'inner.txt'));
    const out = join(dir, 'out');
    const r = zhenggai(['run', inp, '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(expectValidIndex(out).map((x) => [x.path, x.output, x.status])).toEqual([
      ['x.txt', 'x.txt~1.json', 'ok'],
      ['x.txt.json/inner.txt', 'x.txt.json/inner.txt.json', 'ok'],
    ]);
  });

  it('a folder someone made where an output goes: that file fails with output/unwritable, the rest is written', () => {
    const dir = tmp();
    const inp = inputs(3);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'n02.txt.json'), { recursive: true });
    const r = zhenggai(['run', inp, '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(1);
    expect(outcomes(readIndex(out))).toEqual({ 'n01.txt': ['ok', null], 'n02.txt': ['failed', 'output/unwritable'], 'n03.txt': ['ok', null] });
    const rec = readIndex(out)[1]!;
    expect(rec.output).toBeNull();
    expect(rec.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(rec.error!.message).toMatch(new RegExp(`^cannot write ${join(out, 'n02.txt.json')}: EISDIR: illegal operation on a directory, rename`, 'u'));
    expect(r.stderr).toContain(`${join(inp, 'n02.txt')} error output/unwritable cannot write`);
    expectNoLeftovers(out);
  });
});

describe('two runs into one output folder (item 6)', () => {
  it('a second run is refused while the first holds the lock, naming the lock and its pid; the first ends whole', async () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    goodNotices(inp, 300);
    const out = join(dir, 'out');
    const a = spawn(process.execPath, [BIN, 'run', inp, '--out', out, '-q', '--jobs', '1'], { stdio: 'ignore' });
    const aEnded = new Promise<number | null>((resolve) => a.on('exit', (code) => resolve(code)));
    while (!existsSync(join(out, LOCK))) await new Promise((r) => setTimeout(r, 20));
    const b = zhenggai(['run', inp, '--out', out, '-q']);
    expect(b.code).toBe(2);
    const started = (JSON.parse(readFileSync(join(out, LOCK), 'utf8')) as { since: string }).since;
    expect(b.stderr).toBe(
      `zhenggai: another zhenggai run (pid ${a.pid}, started ${started}) is writing to ${out}: it holds the lock ${join(out, LOCK)}. Wait for it to end, or give this run another --out\n`,
    );
    expect(await aEnded).toBe(0);
    expect(expectValidIndex(out)).toHaveLength(300);
    expectNoLeftovers(out);
  }, 180_000);

  it('the lock of a run killed with -9 is taken over with a note, and --resume completes the run', async () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    goodNotices(inp, 300);
    const out = join(dir, 'out');
    const a = spawn(process.execPath, [BIN, 'run', inp, '--out', out, '-q', '--jobs', '1'], { stdio: 'ignore' });
    const aEnded = new Promise((resolve) => a.on('exit', resolve));
    while (!existsSync(join(out, 'index.jsonl')) || readFileSync(join(out, 'index.jsonl'), 'utf8').split('\n').length < 20) await new Promise((r) => setTimeout(r, 20));
    a.kill('SIGKILL');
    await aEnded;
    const lock = JSON.parse(readFileSync(join(out, LOCK), 'utf8')) as { pid: number; since: string };
    expect(lock.pid).toBe(a.pid);
    const r = zhenggai(['run', inp, '--out', out, '-q', '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`zhenggai: note: took over the lock ${join(out, LOCK)} of a run that is no longer running (pid ${a.pid}, started ${lock.since})`);
    expect(expectValidIndex(out)).toHaveLength(300);
    expectNoLeftovers(out);
  }, 180_000);

  it('a lock whose pid now belongs to another process is stale; a lock from another host is refused with what to do', () => {
    const dir = tmp();
    const inp = inputs(1);
    const out = join(dir, 'out');
    mkdirSync(out);
    // This test's own pid, but started at another time: the pid was reused.
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: process.pid, host: hostname(), processStart: String(Number(processStart(process.pid)) + 1), since: 'then' }));
    const reused = zhenggai(['run', inp, '--out', out, '-q']);
    expect(reused.code, reused.stderr).toBe(0);
    expect(reused.stderr).toContain(`took over the lock ${join(out, LOCK)} of a run that is no longer running (pid ${process.pid}, started then)`);
    // A live process of this host holds it.
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: process.pid, host: hostname(), processStart: processStart(process.pid), since: 'now' }));
    const held = zhenggai(['run', inp, '--out', out, '-q']);
    expect(held.code).toBe(2);
    expect(held.stderr).toContain(`another zhenggai run (pid ${process.pid}, started now) is writing to ${out}`);
    // Another host: it cannot be checked.
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: 1, host: 'other-host', processStart: null, since: 'then' }));
    const remote = zhenggai(['run', inp, '--out', out, '-q']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toBe(
      `zhenggai: another zhenggai run (pid 1 on host other-host, started then) is writing to ${out}: it holds the lock ${join(out, LOCK)}. ` +
        `Wait for it to end, or give this run another --out; if that run is no longer running, remove ${join(out, LOCK)}\n`,
    );
  });
});
