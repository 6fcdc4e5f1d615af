/**
 * The command line's conventions (issue 15, items 2, 3, 5 and 10 on the run side), as a user meets them: each
 * test builds its input in a temporary folder, runs bin/zhenggai.js and checks the exact exit code and message.
 *
 * - item 2: an --out (--parquet) that is an existing file is a usage error naming it, before anything runs;
 * - item 3: inputs that hold no notice, and results that hold nothing to compare, exit non-zero saying what was
 *   expected, and write nothing;
 * - item 5: `run -` and `--out -`, quoted glob patterns, -v and --log-format json, `npx zhenggai`;
 * - item 10: `run --to md|chunks|json,md,chunks`, the index's `outputs`, and --resume knowing the extra outputs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Chunk } from '../output/chunkSchema.js';
import { IndexRecord, NoticeDocument } from '../output/schema.js';
import { corpusNotices, ROOT } from './helpers.js';
import { frontMatterOf, headingTree, parseMarkdown, sectionTree } from './markdown-helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');

function zhenggai(args: string[], options: { cwd?: string; input?: string | Buffer } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: options.cwd ?? ROOT, input: options.input ?? '', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'zhenggai-conv-'));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const notices = corpusNotices();

function readIndex(dir: string): IndexRecord[] {
  return readFileSync(join(dir, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => IndexRecord.parse(JSON.parse(l)));
}

/** A folder `in` of three notices: a.txt, sub/b.txt, sub/deeper/c.txt. */
function threeNotices(dir: string): string {
  const inp = join(dir, 'in');
  mkdirSync(join(inp, 'sub', 'deeper'), { recursive: true });
  copyFileSync(notices[0]!.path, join(inp, 'a.txt'));
  copyFileSync(notices[1]!.path, join(inp, 'sub', 'b.txt'));
  copyFileSync(notices[2]!.path, join(inp, 'sub', 'deeper', 'c.txt'));
  return inp;
}

describe('item 2: an output folder that is an existing file', () => {
  const dir = tmp();
  const file = join(dir, 'taken');
  writeFileSync(file, 'not a folder');
  const inp = threeNotices(dir);
  mkdirSync(join(dir, 'results'));
  writeFileSync(join(dir, 'results', 'index.jsonl'), '');

  it('run: exit 2, naming the path, before any file is read', () => {
    const r = zhenggai(['run', inp, '--out', file]);
    expect([r.code, r.stderr]).toEqual([2, `zhenggai: the output folder ${file} is not a folder; give --out a folder (it is created if missing)\n`]);
  });

  it('compare: exit 2, naming the path (was internal error: EEXIST, exit 70)', () => {
    const r = zhenggai(['compare', join(dir, 'results'), '--out', file]);
    expect([r.code, r.stderr]).toEqual([2, `zhenggai: --out ${file} is an existing file, not a folder; give --out a folder (it is created if missing)\n`]);
  });

  it('export: exit 2, naming the path', () => {
    const r = zhenggai(['export', join(dir, 'results'), '--parquet', file]);
    expect([r.code, r.stderr]).toEqual([2, `zhenggai: --parquet ${file} is an existing file, not a folder; give --parquet a folder (it is created if missing)\n`]);
  });

  it('merge, and a folder below a file: exit 2, naming the file in the way', () => {
    const r = zhenggai(['merge', join(dir, 'results'), '--out', join(file, 'merged')]);
    expect([r.code, r.stderr]).toEqual([2, `zhenggai: --out ${join(file, 'merged')} cannot be created: ${file} is a file, not a folder; give --out a folder\n`]);
    const c = zhenggai(['compare', join(dir, 'results'), '--out', join(file, 'cmp')]);
    expect([c.code, c.stderr]).toEqual([2, `zhenggai: --out ${join(file, 'cmp')} cannot be created: ${file} is a file, not a folder; give --out a folder\n`]);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });
});

describe('item 3: nothing to work on', () => {
  it('run on an empty folder: exit 2, saying what it looked for; no output folder is made', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'empty'));
    const r = zhenggai(['run', 'empty', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "zhenggai: no notice files in empty: run looks for .txt .text .docx .doc .pdf .html .htm .shtml in the folders given and their subfolders, and takes a file given by name or by a quoted pattern ('archive/**/*.pdf') whatever its extension. Give the folders or files that hold the notices\n",
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('run on a folder of other files: exit 2, naming what it passed over', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'docs', 'old'), { recursive: true });
    for (const f of ['a.xlsx', 'b.csv', 'old/c.zip', 'old/d.rtf']) writeFileSync(join(dir, 'docs', f), 'x');
    const r = zhenggai(['run', 'docs', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('; it passed over 4 file(s) with other extensions (docs/a.xlsx, docs/b.csv, docs/old/c.zip, …). Give the folders or files that hold the notices\n');
  });

  it('run with --shard on a batch whose shard is empty is no error: the shard writes an empty index for merge', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    copyFileSync(notices[0]!.path, join(dir, 'in', 'only.txt'));
    const codes = [0, 1, 2].map((k) => zhenggai(['run', 'in', '--out', `s${k}`, '--shard', `${k}/3`, '-q'], { cwd: dir }).code);
    expect(codes).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((k) => readFileSync(join(dir, `s${k}`, 'index.shard-' + k + '-of-3.jsonl'), 'utf8').split('\n').filter(Boolean).length).sort()).toEqual([0, 0, 1]);
  });

  it('compare of a run that listed no notices: exit 2, saying what it expects; nothing written', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'run-out'));
    writeFileSync(join(dir, 'run-out', 'index.jsonl'), '');
    const r = zhenggai(['compare', 'run-out', '--out', 'cmp'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      2,
      'zhenggai: run-out lists no notices (empty index): compare expects the --out folder of a `zhenggai run` that processed at least one notice; nothing was written\n',
    ]);
    expect(existsSync(join(dir, 'cmp'))).toBe(false);
  });

  it('compare of a run whose every file failed: exit 1, saying so; nothing written', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    writeFileSync(join(dir, 'in', 'blank.txt'), '   \n');
    expect(zhenggai(['run', 'in', '--out', 'run-out', '-q'], { cwd: dir }).code).toBe(1);
    const r = zhenggai(['compare', 'run-out', '--out', 'cmp'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      1,
      "zhenggai: run-out: all 2 notice(s) listed failed (their errors are in the index's error fields), so there is nothing to compare; nothing was written\n",
    ]);
    expect(existsSync(join(dir, 'cmp'))).toBe(false);
  });

  it('compare of a run that wrote Markdown only: exit 2, saying to add json', () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    expect(zhenggai(['run', inp, '--out', 'md-out', '--to', 'md', '-q'], { cwd: dir }).code).toBe(0);
    const r = zhenggai(['compare', 'md-out', '--out', 'cmp'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([
      2,
      'zhenggai: md-out: the 3 notice(s) processed have no JSON document (the run wrote only --to md or --to chunks); compare reads the JSON: rerun with --to json,md (add --resume to keep what is there); nothing was written\n',
    ]);
  });

  it('query and export of a run that wrote Markdown only warn that the tables hold no items, and say to add json', () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    expect(zhenggai(['run', inp, '--out', 'md-out', '--to', 'md', '-q'], { cwd: dir }).code).toBe(0);
    const warning = (command: string) =>
      `zhenggai: warning: md-out: the 3 notice(s) processed have no JSON document (the run wrote only --to md or --to chunks), so the tables hold no sections, measures or figures; ${command} reads the JSON: rerun with --to json,md (add --resume to keep what is there)\n`;
    const q = zhenggai(['query', 'md-out', 'SELECT count(*) AS n FROM measures', '--format', 'csv'], { cwd: dir });
    expect([q.code, q.stdout, q.stderr.startsWith(warning('query'))]).toEqual([0, 'n\n0\n', true]);
    const e = zhenggai(['export', 'md-out', '--parquet', 'pq'], { cwd: dir });
    expect([e.code, e.stderr.startsWith(warning('export'))]).toEqual([0, true]);
    // A run that wrote JSON too: no warning.
    expect(zhenggai(['run', inp, '--out', 'both-out', '--to', 'json,md', '-q'], { cwd: dir }).code).toBe(0);
    expect(zhenggai(['query', 'both-out', 'SELECT 1'], { cwd: dir }).stderr).not.toContain('warning');
  });
});

describe('item 5: standard input and output', () => {
  const n = notices[0]!;
  const bytes = readFileSync(n.path);

  it('run - reads a notice from standard input and writes its JSON to standard output (no --out needed)', () => {
    const r = zhenggai(['run', '-'], { input: bytes });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = NoticeDocument.parse(JSON.parse(r.stdout));
    expect(doc.source.path).toBe('<stdin>');
    expect(doc.source.bytes).toBe(bytes.length);
    expect(sectionTree(doc.sections)).toEqual(sectionTree(n.gold['sections'] as Parameters<typeof sectionTree>[0]));
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('--out - writes exactly the bytes the file would get in an output folder', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(zhenggai(['run', n.path, '--out', out, '-q']).code).toBe(0);
    const r = zhenggai(['run', n.path, '--out', '-']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(readFileSync(join(out, `${n.name}.json`), 'utf8'));
    const md = zhenggai(['run', n.path, '--out', '-', '--to', 'md']);
    expect(md.code).toBe(0);
    expect(headingTree(parseMarkdown(md.stdout))).toEqual(sectionTree(n.gold['sections'] as Parameters<typeof sectionTree>[0]));
  });

  it('a file that fails: its document on stdout, the error on stderr, exit 1; a file not read: nothing on stdout', () => {
    const empty = zhenggai(['run', '-'], { input: '' });
    expect([empty.code, empty.stderr]).toEqual([1, '<stdin> error input/empty the file is empty (0 bytes)\n']);
    expect(NoticeDocument.parse(JSON.parse(empty.stdout)).status).toBe('failed');
    const big = zhenggai(['run', '-', '--max-file-mb', '1'], { input: Buffer.alloc(2 * 2 ** 20, 0x41) });
    expect([big.code, big.stdout]).toEqual([1, '']);
    expect(big.stderr).toBe(`<stdin> error limit/file-size the file has ${2 ** 20 + 1} bytes, over the limit of ${2 ** 20} (raise it with --max-file-mb)\n`);
  });

  it('refuses what cannot go to one stream, exit 2 with what to do', () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    const cases: Array<[string[], string]> = [
      [['run', inp], 'give the output folder with --out <dir> (or --out - to write the output of a single input to standard output)'],
      [['run', inp, '--out', '-'], `--out - writes the output of one file to standard output; ${inp} is a folder: give one file, or --out <dir> for a folder`],
      [['run', `${inp}/**/*.txt`, '--out', '-'], `--out - writes the output of one file to standard output; ${inp}/**/*.txt give 3 files: give one, or --out <dir>`],
      [['run', n.path, '--out', '-', '--to', 'json,md'], '--out - writes one output to standard output: give --to one format (json, md or chunks), not json,md'],
      [['run', '-', '--out', join(dir, 'o')], 'standard input (-) is written to standard output: leave out --out, or give --out -'],
      [['run', '-', n.path, '--out', '-'], '- (standard input) must be the only input'],
      [['run', n.path, '--out', '-', '--resume'], '--resume keeps results in an output folder: give --out <dir> (--out - writes to standard output)'],
    ];
    for (const [args, message] of cases) {
      const r = zhenggai(args, { input: bytes });
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, `zhenggai: ${message}\n`, '']);
    }
  });
});

describe('item 5: glob patterns', () => {
  it("'in/**/*.txt' (quoted) is expanded by zhenggai: outputs keep the tree below the pattern's folder", () => {
    const dir = tmp();
    threeNotices(dir);
    writeFileSync(join(dir, 'in', 'sub', 'notes.md'), 'not matched');
    const r = zhenggai(['run', 'in/**/*.txt', '--out', 'out', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readIndex(join(dir, 'out')).map((x) => [x.path, x.output])).toEqual([
      ['a.txt', 'a.txt.json'],
      ['sub/b.txt', 'sub/b.txt.json'],
      ['sub/deeper/c.txt', 'sub/deeper/c.txt.json'],
    ]);
    const one = zhenggai(['run', 'in/sub/*.txt', '--out', 'out2', '-q'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(readIndex(join(dir, 'out2')).map((x) => x.path)).toEqual(['b.txt']);
  });

  it('a pattern that matches no file, or only folders, or whose folder is missing: exit 2 with what to give', () => {
    const dir = tmp();
    threeNotices(dir);
    const none = zhenggai(['run', 'in/**/*.pdf', '--out', 'out'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([2, 'zhenggai: no file matches the pattern in/**/*.pdf (in in); patterns take * ** ? [abc] {a,b}, quoted so that the shell leaves them to zhenggai\n']);
    const folders = zhenggai(['run', 'in/s*', '--out', 'out'], { cwd: dir });
    expect([folders.code, folders.stderr]).toEqual([
      2,
      "zhenggai: the pattern in/s* matches folders (1) but no file: a pattern selects files ('in/s*/**/*.pdf'); or give the folders themselves, unquoted, for the shell to expand\n",
    ]);
    const missing = zhenggai(['run', 'nowhere/*.txt', '--out', 'out'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, 'zhenggai: input not found: nowhere/*.txt (no such file, and as a pattern its folder nowhere does not exist)\n']);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a file whose name looks like a pattern is taken as it is named', () => {
    const dir = tmp();
    copyFileSync(notices[0]!.path, join(dir, '通报[1].txt'));
    copyFileSync(notices[1]!.path, join(dir, '通报1.txt'));
    const r = zhenggai(['run', '通报[1].txt', '--out', 'out', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readIndex(join(dir, 'out')).map((x) => x.path)).toEqual(['通报[1].txt']);
  });

  it('this run’s --out below the pattern’s folder is not read back as input', () => {
    const dir = tmp();
    threeNotices(dir);
    expect(zhenggai(['run', 'in', '--out', 'in/out', '-q', '--to', 'json,md'], { cwd: dir }).code).toBe(0);
    const r = zhenggai(['run', 'in/**/*', '--out', 'in/out', '--to', 'json,md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('zhenggai: note: skipped in/out: it is this run’s --out folder\n');
    expect(readIndex(join(dir, 'in', 'out')).map((x) => x.path)).toEqual(['a.txt', 'sub/b.txt', 'sub/deeper/c.txt']);
  });
});

describe('item 5: the log, -v and --log-format json', () => {
  const batch = () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    writeFileSync(join(inp, 'sub', 'empty.txt'), '');
    return { dir, inp };
  };

  it('-v: a line per file as it finishes, with its outputs and counts', () => {
    const { dir, inp } = batch();
    const r = zhenggai(['run', inp, '--out', join(dir, 'out'), '-v', '--jobs', '1']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('zhenggai: ['));
    expect(lines.map((l) => l.replace(/ · \d+\.\d\d s$/u, ''))).toEqual([
      `zhenggai: [1/4] ok a.txt → a.txt.json · 29 sections, 44 measures, 49 counts, 15 dates`,
      `zhenggai: [2/4] ok sub/b.txt → sub/b.txt.json · 20 sections, 45 measures, 70 counts, 14 dates`,
      `zhenggai: [3/4] ok sub/deeper/c.txt → sub/deeper/c.txt.json · 18 sections, 24 measures, 23 counts, 20 dates`,
      `zhenggai: [4/4] failed sub/empty.txt → sub/empty.txt.json · input/empty`,
    ]);
    expect(r.stderr).toContain(`${join(inp, 'sub', 'empty.txt')} error input/empty the file is empty (0 bytes)\n`);
  });

  it('--log-format json: every stderr line is one JSON event; a file event per input; the summary last', () => {
    const { dir, inp } = batch();
    const r = zhenggai(['run', inp, '--out', join(dir, 'out'), '--log-format', 'json', '--jobs', '1', '--to', 'json,md']);
    expect(r.code).toBe(1);
    const events = r.stderr
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const e of events) expect(e['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u);
    expect(events.map((e) => e['event'])).toEqual(['start', 'file', 'file', 'file', 'file', 'diagnostic', 'summary']);
    expect(events[0]).toMatchObject({ event: 'start', files: 4, jobs: 1, out: join(dir, 'out'), index: join(dir, 'out', 'index.jsonl'), formats: ['json', 'md'] });
    const files = events.filter((e) => e['event'] === 'file');
    const index = readIndex(join(dir, 'out'));
    files.forEach((e, i) => {
      const rec = index[i]!;
      expect(e).toMatchObject({ path: rec.path, status: rec.status, output: rec.output, outputs: rec.outputs, sha256: rec.sha256, error: rec.error, kept: false, done: i + 1, total: 4 });
      expect(typeof e['seconds']).toBe('number');
      expect(Object.keys(e)).toEqual(['time', 'event', 'path', 'status', 'output', 'outputs', 'sha256', 'error', 'kept', 'seconds', 'bytes', 'sections', 'measures', 'counts', 'dates', 'done', 'total']);
    });
    expect(files[0]).toMatchObject({ sections: 29, measures: 44, counts: 49, dates: 15 });
    expect(events[5]).toMatchObject({ event: 'diagnostic', path: 'sub/empty.txt', severity: 'error', code: 'input/empty', message: 'the file is empty (0 bytes)', line: null, col: null });
    expect(events[6]).toMatchObject({ event: 'summary', files: 4, ok: 3, failed: 1, written: 4, stopped: null, exitCode: 1 });
  });

  it('--log-format json: a usage error is a JSON error event too', () => {
    const r = zhenggai(['run', 'no-such-folder', '--out', join(tmp(), 'o'), '--log-format', 'json']);
    expect(r.code).toBe(2);
    const e = JSON.parse(r.stderr.trim()) as Record<string, unknown>;
    expect(e).toMatchObject({ event: 'error', message: 'input not found: no-such-folder', exitCode: 2 });
  });

  it('--log-format json: an unknown option or a bad --to is a JSON error event, and nothing else is written', () => {
    const bad = zhenggai(['run', 'corpus', '--out', join(tmp(), 'o'), '--log-format', 'json', '--to', 'json,docx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      {
        time: expect.stringMatching(/Z$/u) as unknown,
        event: 'error',
        message: "option '--to <formats>' argument 'json,docx' is invalid. expected json, md or chunks, comma-separated (json,md), not docx",
        exitCode: 2,
      },
    ]);
    const unknown = zhenggai(['run', 'corpus', '--log-format=json', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Record<string, unknown>)['message'])).toEqual(["unknown option '--bogus'"]);
  });

  it('--log-format json: a note and a diagnostic with its line and column', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'gap.txt'), '区委第一巡察组对某单位进行了巡察。\n一、整改情况\n召开会议3次。\n三、下一步计划\n将持续整改。\n');
    const r = zhenggai(['run', 'in', '--out', 'out', '--log-format', 'json', '--jobs', '9999'], { cwd: dir });
    const events = r.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events[0]).toMatchObject({ event: 'warning' });
    expect(String(events[0]!['message'])).toMatch(/^--jobs 9999 is more than 2 worker threads per core/u);
    expect(events.find((e) => e['event'] === 'diagnostic')).toMatchObject({ path: 'gap.txt', severity: 'warning', code: 'structure/ordinal-gap', line: 4, col: 1 });
  });
});

describe('item 5: npx after npm ci', () => {
  it('a clone whose build is missing (npm ci --ignore-scripts): exit 70, saying to run npm run build', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'zhenggai.js'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'zhenggai.js'), '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      70,
      '',
      `zhenggai: the compiled program is missing (${join(dir, 'dist')}): run \`npm run build\` in ${dir} (npm ci does it unless scripts are skipped)\n`,
    ]);
  });

  it('npx zhenggai --version runs the package’s own command in the repository (no global install)', () => {
    const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'zhenggai', '--version'], { encoding: 'utf8', cwd: join(ROOT, 'corpus') });
    expect([r.status, r.stdout.split('\n')[0]]).toEqual([0, `zhenggai ${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}`]);
  });
});

describe('item 10: run --to md, chunks', () => {
  it('--to md writes <name>.md instead of <name>.json; the index lists it in outputs, output is null', () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    const r = zhenggai(['run', inp, '--out', 'out', '--to', 'md', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = join(dir, 'out');
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(out, f)).isFile()).sort()).toEqual(['a.txt.md', 'index.jsonl', 'sub/b.txt.md', 'sub/deeper/c.txt.md']);
    const rec = readIndex(out)[0]!;
    expect([rec.output, rec.outputs]).toEqual([null, { md: 'a.txt.md' }]);
    const md = readFileSync(join(out, 'a.txt.md'), 'utf8');
    const root = parseMarkdown(md);
    expect(headingTree(root)).toEqual(sectionTree(notices[0]!.gold['sections'] as Parameters<typeof sectionTree>[0]));
    expect(frontMatterOf(root)).toMatchObject({ schema: 'zhenggai.notice', status: 'ok', source: { path: 'a.txt', sha256: rec.sha256 } });
  });

  it('--to json,md,chunks writes all three, the same JSON as --to json, and chunks that validate', () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    expect(zhenggai(['run', inp, '--out', 'all', '--to', 'chunks,md,json', '-q'], { cwd: dir }).code).toBe(0);
    expect(zhenggai(['run', inp, '--out', 'json', '-q'], { cwd: dir }).code).toBe(0);
    const all = readIndex(join(dir, 'all'));
    expect(all.map((r) => r.outputs)).toEqual([
      { json: 'a.txt.json', md: 'a.txt.md', chunks: 'a.txt.chunks.jsonl' },
      { json: 'sub/b.txt.json', md: 'sub/b.txt.md', chunks: 'sub/b.txt.chunks.jsonl' },
      { json: 'sub/deeper/c.txt.json', md: 'sub/deeper/c.txt.md', chunks: 'sub/deeper/c.txt.chunks.jsonl' },
    ]);
    for (const r of all) expect(readFileSync(join(dir, 'all', r.output!), 'utf8')).toBe(readFileSync(join(dir, 'json', r.output!), 'utf8'));
    // Without --to, records are as before: no outputs field.
    expect(readIndex(join(dir, 'json')).every((r) => r.outputs === undefined)).toBe(true);
    const chunks = readFileSync(join(dir, 'all', 'a.txt.chunks.jsonl'), 'utf8').trim().split('\n').map((l) => Chunk.parse(JSON.parse(l)));
    expect(chunks.every((c) => c.path === 'a.txt' && c.sha256 === all[0]!.sha256)).toBe(true);
  });

  it('--resume makes a missing .md again (and only that), and adds the .md of a JSON-only run', () => {
    const dir = tmp();
    const inp = threeNotices(dir);
    const out = join(dir, 'out');
    expect(zhenggai(['run', inp, '--out', out, '--to', 'json,md', '-q']).code).toBe(0);
    const before = readFileSync(join(out, 'sub', 'b.txt.md'), 'utf8');
    rmSync(join(out, 'sub', 'b.txt.md'));
    const again = zhenggai(['run', inp, '--out', out, '--to', 'json,md', '--resume', '-q']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/3 file\(s\): 3 ok, 0 partial, 0 failed \(2 kept from an earlier run\)/u);
    expect(readFileSync(join(out, 'sub', 'b.txt.md'), 'utf8')).toBe(before);

    const plain = join(dir, 'plain');
    expect(zhenggai(['run', inp, '--out', plain, '-q']).code).toBe(0);
    const added = zhenggai(['run', inp, '--out', plain, '--to', 'json,md', '--resume', '-q']);
    expect(added.stderr).toMatch(/3 file\(s\): 3 ok, 0 partial, 0 failed · /u); // none kept: each needed its .md
    expect(readFileSync(join(plain, 'sub', 'b.txt.md'), 'utf8')).toBe(before);
    // A .md edited by hand (another source's front matter) is made again too.
    writeFileSync(join(plain, 'a.txt.md'), before);
    const edited = zhenggai(['run', inp, '--out', plain, '--to', 'json,md', '--resume', '-q']);
    expect(edited.stderr).toMatch(/\(2 kept from an earlier run\)/u);
    expect(readFileSync(join(plain, 'a.txt.md'), 'utf8')).not.toBe(before);
  });

  it('--resume keeps a failed file’s empty chunks file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    copyFileSync(notices[0]!.path, join(dir, 'in', 'a.txt'));
    expect(zhenggai(['run', 'in', '--out', 'out', '--to', 'chunks', '-q'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, 'out', 'empty.txt.chunks.jsonl'), 'utf8')).toBe('');
    const again = zhenggai(['run', 'in', '--out', 'out', '--to', 'chunks', '--resume', '-q'], { cwd: dir });
    expect(again.stderr).toMatch(/2 file\(s\): 1 ok, 0 partial, 1 failed \(2 kept from an earlier run\)/u);
  });

  it('run --help describes --to, -v, --log-format, - and patterns, with every extension a folder is searched for', () => {
    const r = zhenggai(['run', '--help']);
    expect(r.code).toBe(0);
    const help = r.stdout.replace(/\s+/gu, ' ');
    for (const part of [
      'folders, searched recursively for .txt .text .docx .doc .pdf .html .htm .shtml;',
      "quoted glob patterns ('archive/**/*.pdf'); or - to read one notice from standard input",
      '--to <formats> what to write for each input, comma-separated: json (the document), md (Markdown with YAML front matter), chunks (section chunks, JSON Lines) (default: json)',
      '--to md writes <name>.md (YAML front matter with the metadata, headings at their true levels, measures as lists with their status) instead of <name>.json;',
      '--to chunks writes <name>.chunks.jsonl',
      '--to json,md,chunks writes all three',
      '-v, --verbose a log line for each file as it finishes',
      '--log-format <format> the log on stderr: text, or json',
      "zhenggai run 'archive/**/*.pdf' --out out --to json,md",
    ])
      expect(help).toContain(part);
  });

  it('--to with an unknown format is a usage error', () => {
    const r = zhenggai(['run', 'corpus', '--out', join(tmp(), 'o'), '--to', 'json,docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--to <formats>' argument 'json,docx' is invalid. expected json, md or chunks, comma-separated (json,md), not docx");
  });
});
