/** The command line as a user runs it: bin/zhenggai.js over the compiled dist (npm test builds first). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexRecord, NoticeDocument } from '../output/schema.js';
import { schemaFileText } from '../tools/writeSchema.js';
import { corpusNotices, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');

function zhenggai(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readIndex(dir: string): IndexRecord[] {
  return readFileSync(join(dir, 'index.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => IndexRecord.parse(JSON.parse(l)));
}

const tmp = () => mkdtempSync(join(tmpdir(), 'zhenggai-test-'));
const notices = corpusNotices();

describe('zhenggai run', () => {
  it('writes one JSON per corpus notice and one index record per input file, exit 0', () => {
    const out = tmp();
    const r = zhenggai('run', 'corpus', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    const index = readIndex(out);
    const inputs = readdirSync(join(ROOT, 'corpus'), { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && /\.(txt|docx|doc|pdf|html|htm)$/u.test(e.name),
    );
    expect(index.length).toBe(inputs.length);
    expect(index.length).toBeGreaterThanOrEqual(notices.length);
    for (const rec of index) {
      expect(rec.status).not.toBe('failed');
      const doc = NoticeDocument.parse(JSON.parse(readFileSync(join(out, rec.output!), 'utf8')));
      expect(doc.source.path).toBe(rec.path);
      expect(doc.source.sha256).toBe(rec.sha256);
    }
    expect(r.stderr).toMatch(/zhenggai: \d+ file\(s\): \d+ ok, 0 partial, 0 failed/u);
  });

  it('names outputs by path relative to a folder input, and by base name for a file input', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'a'), { recursive: true });
    copyFileSync(notices[0]!.path, join(dir, 'in', 'a', 'b.txt'));
    copyFileSync(notices[1]!.path, join(dir, 'single.txt'));
    const out = join(dir, 'out');
    expect(zhenggai('run', join(dir, 'in'), join(dir, 'single.txt'), '--out', out, '-q').code).toBe(0);
    expect(existsSync(join(out, 'a', 'b.txt.json'))).toBe(true);
    expect(existsSync(join(out, 'single.txt.json'))).toBe(true);
    expect(readIndex(out).map((r) => [r.path, r.output])).toEqual([
      ['a/b.txt', 'a/b.txt.json'],
      ['single.txt', 'single.txt.json'],
    ]);
  });

  it('gives empty, binary and undecodable files a failed record with a clear code, processes the rest, exits 1', () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    copyFileSync(notices[0]!.path, join(inp, 'a-good.txt'));
    writeFileSync(join(inp, 'b-empty.txt'), '');
    writeFileSync(join(inp, 'c-binary.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    copyFileSync(notices[2]!.path, join(inp, 'd-good.txt'));
    const out = join(dir, 'out');
    const r = zhenggai('run', inp, '--out', out);
    expect(r.code).toBe(1);
    const index = readIndex(out);
    expect(index.map((x) => [x.path, x.status, x.error?.code ?? null])).toEqual([
      ['a-good.txt', 'ok', null],
      ['b-empty.txt', 'failed', 'input/empty'],
      ['c-binary.txt', 'failed', 'input/binary'],
      ['d-good.txt', 'ok', null],
    ]);
    for (const x of index.filter((i) => i.status === 'failed')) {
      expect(x.error!.message.length).toBeGreaterThan(10);
      const doc = NoticeDocument.parse(JSON.parse(readFileSync(join(out, x.output!), 'utf8')));
      expect(doc.status).toBe('failed');
      expect(doc.diagnostics[0]!.severity).toBe('error');
    }
    expect(r.stderr).toMatch(/b-empty\.txt error input\/empty/u);
    expect(r.stderr).toMatch(/c-binary\.txt error input\/binary/u);
  });

  it('refuses a file over --max-file-mb with limit/file-size', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), '一、整改情况\n'.repeat(200_000));
    const out = join(dir, 'out');
    const r = zhenggai('run', join(dir, 'big.txt'), '--out', out, '--max-file-mb', '1');
    expect(r.code).toBe(1);
    expect(readIndex(out)[0]!.error!.code).toBe('limit/file-size');
  });

  it('gives byte-identical JSON on two runs', () => {
    const a = tmp();
    const b = tmp();
    zhenggai('run', 'corpus', '--out', a, '-q');
    zhenggai('run', 'corpus', '--out', b, '-q');
    for (const rec of readIndex(a)) expect(readFileSync(join(b, rec.output!))).toEqual(readFileSync(join(a, rec.output!)));
    expect(readFileSync(join(b, 'index.jsonl'))).toEqual(readFileSync(join(a, 'index.jsonl')));
  });

  it('exits 2 with a message for usage errors: missing --out, missing input, bad --reference-date', () => {
    expect(zhenggai('run', 'corpus').code).toBe(2);
    const missing = zhenggai('run', 'no-such-folder', '--out', tmp());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/input not found: no-such-folder/u);
    expect(zhenggai('run', 'corpus', '--out', tmp(), '--reference-date', '2024-13-45').code).toBe(2);
  });

  it('refuses two inputs that would write the same output name', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    copyFileSync(notices[0]!.path, join(dir, 'x', 'n.txt'));
    copyFileSync(notices[1]!.path, join(dir, 'y', 'n.txt'));
    const r = zhenggai('run', join(dir, 'x', 'n.txt'), join(dir, 'y', 'n.txt'), '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/same output n\.txt\.json/u);
  });
});

describe('zhenggai inspect, schema, --help', () => {
  it('inspect prints the tree with markers, titles and item tallies', () => {
    const r = zhenggai('inspect', notices[0]!.path);
    expect(r.code).toBe(0);
    const gold = notices[0]!.gold as { sections: Array<{ marker: string; title: string }> };
    expect(r.stdout).toContain(`${gold.sections[0]!.marker} ${gold.sections[0]!.title}`);
    expect(r.stdout).toMatch(/\[\d+m \d+c \d+d \d+r\]/u);
  });

  it('schema prints the committed JSON Schema', () => {
    const r = zhenggai('schema');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(schemaFileText());
  });

  it('every command has a useful --help', () => {
    for (const cmd of [[], ['run'], ['inspect'], ['schema'], ['merge']]) {
      const r = zhenggai(...cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: zhenggai/u);
    }
    expect(zhenggai('run', '--help').stdout).toMatch(/Exit code: 0 when every file is ok or partial/u);
  });

  it('an unknown command is a usage error, also when it is the name of an object property (constructor, __proto__)', () => {
    for (const cmd of ['frobnicate', 'constructor', '__proto__', 'toString']) {
      const r = zhenggai(cmd);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`unknown command '${cmd}'`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /u);
    }
  });
});
