/**
 * Issue 13, the inputs `zhenggai run` is given: long names (item 2), unreadable folders (4), FIFOs (5), GBK names
 * (7), links and special files inside folders (8), output folders inside the input (13), sizes checked before
 * reading (17), --jobs far over the cores (18). Each test builds its input in a temporary folder and checks the exact
 * records, exit code and messages.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../cli/run/runCommand.js';
import { processTask } from '../cli/run/task.js';
import { AtomicWriter, DocumentEncoder } from '../output/writeFiles.js';
import { DEFAULT_LIMITS } from '../pipeline/load/loaded.js';
import { corpusNotices, testContext } from './helpers.js';
import { canRunAsNobody, exists, expectNoLeftovers, expectValidIndex, gbkPath, noteSkip, outcomes, readIndex, tmp, zhenggai } from './hostile-run-helpers.js';

const notices = corpusNotices();
const OPTIONS = { ocr: false, referenceDate: null, maxFileMb: 64, timeoutSeconds: 60, workerMemoryMb: 1024 };
const summaryOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as RunSummary;

describe('file names as long as the file system allows (item 2)', () => {
  it('a name of 78 Chinese characters (238 bytes) and one of 253 bytes are processed; the temporaries fit', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    const n78 = `${'整'.repeat(78)}.txt`;
    const n83 = `${'改'.repeat(83)}.txt`; // 253 bytes: the name plus .json would not fit
    copyFileSync(notices[0]!.path, join(dir, 'in', n78));
    copyFileSync(notices[1]!.path, join(dir, 'in', n83));
    const out = join(dir, 'out');
    const r = zhenggai(['run', join(dir, 'in'), '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const records = expectValidIndex(out);
    expect(records.map((x) => [x.path, x.status])).toEqual([
      [n83, 'ok'],
      [n78, 'ok'],
    ]);
    expect(records[1]!.output).toBe(`${n78}.json`);
    expect(records[0]!.output).toMatch(new RegExp(`^${'改'.repeat(80)}~[0-9a-f]{8}\\.json$`, 'u'));
    expect(Buffer.byteLength(records[0]!.output!)).toBeLessThanOrEqual(255);
    expectNoLeftovers(out);
  });
});

describe('an unreadable subfolder (item 4)', () => {
  it('run as nobody: the folder is named in an error line and the summary, the rest is processed, exit 1', () => {
    if (!canRunAsNobody) return noteSkip('unreadable subfolder', 'needs root and setpriv to run the CLI as nobody');
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(join(inp, 'locked'), { recursive: true });
    mkdirSync(join(inp, 'open'));
    copyFileSync(notices[0]!.path, join(inp, 'a.txt'));
    copyFileSync(notices[1]!.path, join(inp, 'open', 'b.txt'));
    copyFileSync(notices[2]!.path, join(inp, 'locked', 'c.txt'));
    copyFileSync(notices[3]!.path, join(inp, 'secret.txt'));
    execFileSync('chmod', ['-R', 'a+rX', inp]);
    chmodSync(join(inp, 'locked'), 0o000);
    chmodSync(join(inp, 'secret.txt'), 0o000);
    const summary = join(dir, 'summary.json');
    const out = join(dir, 'out');
    const r = zhenggai(['run', inp, '--out', out, '-q', '--summary-json', summary], { asNobody: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`zhenggai: error: skipped ${join(inp, 'locked')}: cannot read the folder (EACCES: permission denied`);
    expect(r.stderr).toMatch(/1 folder\(s\) could not be read \(see above\); their files are not in the index/u);
    expect(outcomes(readIndex(out))).toEqual({
      'a.txt': ['ok', null],
      'open/b.txt': ['ok', null],
      'secret.txt': ['failed', 'input/unreadable'],
    });
    const secret = readIndex(out).find((x) => x.path === 'secret.txt')!;
    expect(secret).toMatchObject({ output: null, sha256: null, error: { message: `cannot open the file: EACCES: permission denied, open '${join(inp, 'secret.txt')}'` } });
    const reason = `cannot read the folder (EACCES: permission denied, scandir '${join(inp, 'locked')}'); the files in it were not processed`;
    expect(summaryOf(summary).skipped).toEqual([{ path: join(inp, 'locked'), reason, error: true }]);
  });
});

describe('a FIFO given as an input (item 5)', () => {
  it('never blocks: the FIFO gets input/special-file unread, the other file is processed', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'x.txt')]);
    copyFileSync(notices[0]!.path, join(dir, 'a.txt'));
    const out = join(dir, 'out');
    // A run that opened the FIFO for reading would wait forever: spawnSync's time limit would kill it (signal set).
    const r = zhenggai(['run', join(dir, 'x.txt'), join(dir, 'a.txt'), '--out', out, '--timeout', '5'], { timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(readIndex(out)).toEqual([
      {
        path: 'x.txt',
        output: null,
        status: 'failed',
        sha256: null,
        error: { code: 'input/special-file', message: 'the path is a FIFO (named pipe), not a regular file, and was not read' },
        options: { ...OPTIONS, timeoutSeconds: 5 },
      },
      expect.objectContaining({ path: 'a.txt', status: 'ok', output: 'a.txt.json' }),
    ]);
    expect(r.stderr).toContain(`${join(dir, 'x.txt')} error input/special-file the path is a FIFO`);
  });
});

describe('file names in GBK bytes (item 7)', () => {
  it('are opened by their bytes, get distinct UTF-8 names (decoded as GB18030) and keep their bytes in the index', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    const txt = [0x2e, 0x74, 0x78, 0x74]; // .txt
    copyFileSync(notices[0]!.path, gbkPath(inp, [0xb0, 0xa1, ...txt])); // 啊.txt
    copyFileSync(notices[1]!.path, gbkPath(inp, [0xb1, 0xa1, ...txt])); // 薄.txt: lossy UTF-8 made both one name
    copyFileSync(notices[2]!.path, join(inp, '啊.txt')); // the same name in UTF-8 keeps its name
    copyFileSync(notices[3]!.path, gbkPath(inp, [0xff, 0xfe, ...txt])); // valid in neither
    mkdirSync(gbkPath(inp, [0xd5, 0xfb, 0xb8, 0xc4])); // a folder 整改
    copyFileSync(notices[4]!.path, gbkPath(inp, [0xd5, 0xfb, 0xb8, 0xc4], [0x61, ...txt]));
    const out = join(dir, 'out');
    const r = zhenggai(['run', inp, '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const records = expectValidIndex(out);
    const tag = (raw: number[]) => createHash('sha256').update(Buffer.from(raw)).digest('hex').slice(0, 8);
    expect(records.map((x) => [x.path, x.pathBytes ?? null, x.output, x.status])).toEqual(
      [
        ['%FF%FE.txt', 'fffe2e747874', '%FF%FE.txt.json', 'ok'],
        ['啊.txt', null, '啊.txt.json', 'ok'],
        [`啊~${tag([0xb0, 0xa1, ...txt])}.txt`, 'b0a12e747874', `啊~${tag([0xb0, 0xa1, ...txt])}.txt.json`, 'ok'],
        ['整改/a.txt', 'd5fbb8c42f612e747874', '整改/a.txt.json', 'ok'],
        ['薄.txt', 'b1a12e747874', '薄.txt.json', 'ok'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    // Each document is the one of its own bytes.
    const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    expect(records.find((x) => x.path === '薄.txt')!.sha256).toBe(sha(notices[1]!.path));
    expect(records.find((x) => x.path === '啊.txt')!.sha256).toBe(sha(notices[2]!.path));
    expect(Buffer.from(records.find((x) => x.path === '整改/a.txt')!.pathBytes!, 'hex').toString('latin1')).toBe(Buffer.from([0xd5, 0xfb, 0xb8, 0xc4, 0x2f, 0x61, ...txt]).toString('latin1'));
  });
});

describe('links and special files inside an input folder (item 8)', () => {
  it('follows links to files and folders, cuts loops, and records or notes everything it does not read', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(join(inp, 'docs', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(notices[0]!.path, join(inp, 'a.txt'));
    copyFileSync(notices[1]!.path, join(inp, 'docs', 'deep', 'b.txt'));
    copyFileSync(notices[2]!.path, join(dir, 'elsewhere', 'c.txt'));
    symlinkSync('../a.txt', join(inp, 'docs', 'link-to-a.txt')); // a link to a file
    symlinkSync(join(dir, 'elsewhere'), join(inp, 'linked-folder')); // a link to a folder outside
    symlinkSync('..', join(inp, 'docs', 'deep', 'up')); // a loop: back to docs/
    symlinkSync('deep', join(inp, 'docs', 'again')); // the same folder a second time
    symlinkSync('missing.txt', join(inp, 'broken.txt')); // a broken link with a notice's name
    symlinkSync('missing-folder', join(inp, 'broken-folder')); // a broken link with no extension
    symlinkSync('self.txt', join(inp, 'self.txt')); // a link to itself
    execFileSync('mkfifo', [join(inp, 'docs', 'pipe.txt')]);
    const out = join(dir, 'out');
    const summary = join(dir, 'summary.json');
    const r = zhenggai(['run', inp, '--out', out, '--summary-json', summary], { timeoutMs: 120_000 });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(outcomes(readIndex(out))).toEqual({
      'a.txt': ['ok', null],
      'broken.txt': ['failed', 'input/unreadable'],
      'docs/deep/b.txt': ['ok', null],
      'docs/link-to-a.txt': ['ok', null],
      'docs/pipe.txt': ['failed', 'input/special-file'],
      'linked-folder/c.txt': ['ok', null],
      'self.txt': ['failed', 'input/unreadable'],
    });
    const byPath = Object.fromEntries(readIndex(out).map((x) => [x.path, x]));
    expect(byPath['broken.txt']!.error!.message).toBe('a broken symbolic link (its target does not exist); the file was not read');
    expect(byPath['self.txt']!.error!.message).toBe('a symbolic link that loops; the file was not read');
    expect(summaryOf(summary).skipped).toEqual([
      { path: join(inp, 'broken-folder'), reason: 'a broken symbolic link (its target does not exist)', error: false },
      { path: join(inp, 'docs', 'again'), reason: `a link to ${join(inp, 'docs', 'deep')}, already walked`, error: false },
      { path: join(inp, 'docs', 'deep', 'up'), reason: `a link back to ${join(inp, 'docs')}, which holds it (a loop)`, error: false },
    ]);
    for (const s of summaryOf(summary).skipped) expect(r.stderr).toContain(`zhenggai: note: skipped ${s.path}: ${s.reason}`);
    expect(r.stderr).toContain(`${join(inp, 'docs', 'pipe.txt')} error input/special-file`);
  });
});

describe('output folders inside the input folder (item 13)', () => {
  it('are not walked: this run’s --out, a folder holding a zhenggai index, a comparison; each with a note', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(join(inp, 'notices'), { recursive: true });
    copyFileSync(notices[0]!.path, join(inp, 'notices', 'a.txt'));
    copyFileSync(notices[1]!.path, join(inp, 'b.txt'));
    const out = join(inp, 'out');
    expect(zhenggai(['run', inp, '--out', out, '-q']).code).toBe(0);
    // An older run's folder (with a page someone saved beside it) and a comparison's folder inside the input.
    expect(zhenggai(['run', join(inp, 'notices'), '--out', join(inp, 'old-run'), '-q']).code).toBe(0);
    writeFileSync(join(inp, 'old-run', 'page.html'), '<html><body><p>不是通报</p></body></html>');
    mkdirSync(join(inp, 'cmp'));
    writeFileSync(join(inp, 'cmp', 'units.json'), '{\n  "schema": "zhenggai.units",\n  "schemaVersion": "1.0.0"\n}\n');
    writeFileSync(join(inp, 'cmp', 'report.html'), '<html><body>report</body></html>');
    // A folder with someone else's index.jsonl is walked as usual.
    mkdirSync(join(inp, 'other'));
    writeFileSync(join(inp, 'other', 'index.jsonl'), '{"id":1}\n');
    copyFileSync(notices[2]!.path, join(inp, 'other', 'c.txt'));
    const r = zhenggai(['run', inp, '--out', out, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(readIndex(out).map((x) => x.path)).toEqual(['b.txt', 'notices/a.txt', 'other/c.txt']);
    expect(r.stderr).toContain(`zhenggai: note: skipped ${join(inp, 'out')}: it is this run’s --out folder`);
    expect(r.stderr).toContain(`zhenggai: note: skipped ${join(inp, 'old-run')}: it holds a zhenggai index.jsonl (the output of a run)`);
    expect(r.stderr).toContain(`zhenggai: note: skipped ${join(inp, 'cmp')}: it holds a zhenggai units.json (the output of \`zhenggai compare\`)`);
    // -q keeps the notes out.
    expect(zhenggai(['run', inp, '--out', out, '--resume', '-q']).stderr).not.toContain('note:');
  });
});

describe('sizes checked before reading (item 17)', () => {
  it('a file over --max-file-mb is refused unread (a 1.9 GB sparse file: the run stays small); over 2 GiB the code is limit/file-size', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    writeFileSync(join(inp, 'big.txt'), '');
    truncateSync(join(inp, 'big.txt'), 1.9e9); // sparse: no disk used, but 1.9 GB to read
    writeFileSync(join(inp, 'huge.txt'), '');
    truncateSync(join(inp, 'huge.txt'), 2 ** 31 + 1);
    copyFileSync(notices[0]!.path, join(inp, 'small.txt'));
    const out = join(dir, 'out');
    const summary = join(dir, 's.json');
    const r = zhenggai(['run', inp, '--out', out, '-q', '--summary-json', summary]);
    expect(r.code).toBe(1);
    expect(readIndex(out).map((x) => [x.path, x.output, x.sha256, x.error])).toEqual([
      ['big.txt', null, null, { code: 'limit/file-size', message: 'the file has 1900000000 bytes, over the limit of 67108864 (raise it with --max-file-mb)' }],
      ['huge.txt', null, null, { code: 'limit/file-size', message: 'the file has 2147483649 bytes, over the limit of 67108864 (raise it with --max-file-mb)' }],
      ['small.txt', 'small.txt.json', expect.stringMatching(/^[0-9a-f]{64}$/u), null],
    ]);
    expect(summaryOf(summary).peakRssMb).toBeLessThan(600); // reading 1.9 GB would take that much at least three times
    // With a limit above 2 GiB, the 2 GiB file is still refused, with the reason.
    const r2 = zhenggai(['run', join(inp, 'huge.txt'), '--out', join(dir, 'out2'), '-q', '--max-file-mb', '4096']);
    expect(r2.code).toBe(1);
    expect(readIndex(join(dir, 'out2'))[0]!.error).toEqual({ code: 'limit/file-size', message: 'the file has 2147483649 bytes; a file over 2 GiB cannot be processed' });
  });

  it('a file gone before it is read gets input/unreadable, a folder in its place input/special-file; sha256 null, nothing written', async () => {
    const dir = tmp();
    const task = (name: string) => ({
      diskPath: Buffer.from(join(dir, name)),
      shownPath: join(dir, name),
      relPath: name,
      output: `${name}.json`,
      outDir: join(dir, 'out'),
      previous: null,
      runOptions: OPTIONS,
      warnings: true,
      ocr: false,
      limits: DEFAULT_LIMITS,
    });
    const runtime = { context: testContext(), writer: new AtomicWriter(), encoder: new DocumentEncoder() };
    const gone = await processTask(task('gone.txt'), runtime);
    expect(gone.outcome).toEqual({ output: null, status: 'failed', sha256: null, error: { code: 'input/unreadable', message: 'the file is gone (moved or deleted since the run listed it)' } });
    mkdirSync(join(dir, 'a-folder.txt')); // a file replaced by a folder meanwhile
    const folder = await processTask(task('a-folder.txt'), runtime);
    expect(folder.outcome).toEqual({ output: null, status: 'failed', sha256: null, error: { code: 'input/special-file', message: 'the path is a folder, not a regular file, and was not read' } });
    expect(exists(join(dir, 'out'))).toBe(false); // nothing written for either
  });
});

describe('--jobs far over the cores (item 18)', () => {
  it('is capped at two worker threads per core, with a warning', () => {
    const cores = availableParallelism();
    const cap = 2 * cores;
    const asked = Math.max(64, cap + 1);
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    const short = '关于巡察整改进展情况的通报\n一、整改工作\n召开会议3次，整改问题5个。\n';
    for (let i = 0; i < cap; i++) writeFileSync(join(inp, `n${i}.txt`), short);
    const summary = join(dir, 's.json');
    const r = zhenggai(['run', inp, '--out', join(dir, 'out'), '--jobs', String(asked), '--summary-json', summary]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`zhenggai: warning: --jobs ${asked} is more than 2 worker threads per core (${cores} core${cores === 1 ? '' : 's'}); using ${cap}`);
    expect(summaryOf(summary).jobs).toBe(cap);
    // Within the cap there is no warning.
    expect(zhenggai(['run', inp, '--out', join(dir, 'out2'), '--jobs', String(cap)]).stderr).not.toContain('warning: --jobs');
  });
});
