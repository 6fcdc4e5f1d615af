/**
 * `zhenggai inspect` (issue 15, item 1): a result JSON of `zhenggai run` shows its stored tree; `-` reads a notice from
 * standard input; a file that is neither a notice nor a result is refused with exit code 1 and a message.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../output/version.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const NOTICE = join(ROOT, 'corpus', '001-luchuan-natural-resources.txt');
const GOLD = join(ROOT, 'corpus', '001-luchuan-natural-resources.gold.json');

function zhenggai(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding the notice as notice.txt and its result of `zhenggai run` in out/. */
function processed(): { dir: string; notice: string; result: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-inspect-'));
  const notice = join(dir, 'notice.txt');
  copyFileSync(NOTICE, notice);
  const r = zhenggai(['run', notice, '--out', join(dir, 'out'), '-q']);
  expect(r.code, r.stderr).toBe(0);
  return { dir, notice, result: join(dir, 'out', 'notice.txt.json') };
}

describe('zhenggai inspect <result.json>', () => {
  it('shows the stored tree: the same output as inspecting the notice itself, exit 0', () => {
    const { notice, result } = processed();
    const fromNotice = zhenggai(['inspect', notice]);
    const fromResult = zhenggai(['inspect', result]);
    expect(fromNotice.code).toBe(0);
    expect(fromResult.code).toBe(0);
    expect(fromResult.stdout).toBe(fromNotice.stdout);
    expect(fromResult.stdout.split('\n').slice(0, 3)).toEqual([
      'notice.txt · txt utf-8 · status ok',
      'title: 中共鹭川市自然资源和规划局党组关于市委巡察整改进展情况的通报',
      'unit: 中共鹭川市自然资源和规划局党组 · inspector: 市委第二巡察组 (巡察)',
    ]);
    expect(fromResult.stdout).toMatch(/^ {2}一、 组织落实情况 {2}\[12m 16c 1d 1r\]$/mu);
    // --json gives the stored document back (pretty-printed), not a document made from the JSON's text.
    const json = zhenggai(['inspect', result, '--json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(result, 'utf8')));
  });

  it('reads a result of an earlier minor schema version, and says so', () => {
    const { dir, result } = processed();
    const doc = JSON.parse(readFileSync(result, 'utf8')) as Record<string, unknown>;
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ ...doc, schemaVersion: '1.2.0' }));
    const r = zhenggai(['inspect', old]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(zhenggai(['inspect', result]).stdout);
    expect(r.stderr).toBe(`zhenggai: ${old}: written with schema 1.2.0; read as ${SCHEMA_VERSION}\n`);
  });

  it('refuses a result of a newer schema, or one that breaks the contract, with exit 1 and what to do', () => {
    const { dir, result } = processed();
    const doc = JSON.parse(readFileSync(result, 'utf8')) as Record<string, unknown>;
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...doc, schemaVersion: '2.0.0' }));
    expect(zhenggai(['inspect', newer])).toEqual({
      code: 1,
      stdout: '',
      stderr: `zhenggai: ${newer} is a result of \`zhenggai run\` that cannot be read: it was written with schema 2.0.0, newer than the ${SCHEMA_VERSION} this zhenggai reads; update zhenggai\n`,
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...doc, sections: 5 }));
    expect(zhenggai(['inspect', broken])).toEqual({
      code: 1,
      stdout: '',
      stderr: `zhenggai: ${broken} is a result of \`zhenggai run\` that cannot be read: it does not satisfy the output contract (/sections: Invalid input: expected array, received number); was it edited by hand? Run \`zhenggai run\` on its notice again\n`,
    });
  });

  it('--ocr or --reference-date with a result is a usage error (exit 2): the result is already processed', () => {
    const { result } = processed();
    const r = zhenggai(['inspect', result, '--reference-date', '2024-06-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `zhenggai: ${result} is a result of \`zhenggai run\`, already processed: --ocr and --reference-date apply to notices (give them to \`zhenggai run\`)\n`,
    );
  });
});

describe('zhenggai inspect refuses what is neither a notice nor a result', () => {
  const WHAT = 'inspect takes a notice (.txt .docx .doc .pdf .html) or a result JSON written by `zhenggai run`';

  it('a gold file (JSON that is no result): exit 1, nothing on stdout', () => {
    expect(zhenggai(['inspect', GOLD])).toEqual({
      code: 1,
      stdout: '',
      stderr: `zhenggai: ${GOLD} is JSON data, but not a result of \`zhenggai run\` (it has no "schema": "zhenggai.notice"); ${WHAT}\n`,
    });
  });

  it('index.jsonl and one of its lines: exit 1, pointing at the outputs', () => {
    const { dir } = processed();
    const index = join(dir, 'out', 'index.jsonl');
    expect(zhenggai(['inspect', index])).toEqual({
      code: 1,
      stdout: '',
      stderr: `zhenggai: ${index} is a line of index.jsonl (inspect its output, notice.txt.json); ${WHAT}\n`,
    });
    const two = join(dir, 'two.jsonl');
    writeFileSync(two, readFileSync(index, 'utf8').repeat(2));
    expect(zhenggai(['inspect', two]).stderr).toBe(`zhenggai: ${two} is JSON Lines (an index.jsonl lists results: inspect one of its outputs); ${WHAT}\n`);
  });

  it('a crawled error page: exit 1, its warnings and a refusal on stderr, no tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-inspect-'));
    const page = join(dir, 'page.html');
    writeFileSync(page, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head><body><h1>抱歉，您访问的页面不存在或已被删除！</h1><p>请检查网址是否正确，或返回首页继续浏览本站的其他栏目。</p></body></html>');
    const r = zhenggai(['inspect', page]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${page} warning notice/not-a-notice this does not look like a rectification notice`);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      `zhenggai: ${page} does not look like a rectification notice, so there is no tree to show (\`zhenggai run\` still processes it, with status partial)`,
    );
  });

  it('a missing file or a folder is a usage error (exit 2) that names the path', () => {
    expect(zhenggai(['inspect', join(ROOT, 'no-such-notice.txt')])).toEqual({ code: 2, stdout: '', stderr: `zhenggai: cannot read ${join(ROOT, 'no-such-notice.txt')}: no such file\n` });
    expect(zhenggai(['inspect', join(ROOT, 'corpus')]).stderr).toBe(
      `zhenggai: cannot read ${join(ROOT, 'corpus')}: it is a folder (inspect takes one file; \`zhenggai run\` takes folders)\n`,
    );
  });
});

describe('zhenggai inspect -', () => {
  it('reads a notice from standard input: the tree of the file, under the name <stdin>', () => {
    const fromFile = zhenggai(['inspect', NOTICE]);
    const fromStdin = zhenggai(['inspect', '-'], readFileSync(NOTICE));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout.split('\n')[0]).toBe('<stdin> · txt utf-8 · status ok');
    expect(fromStdin.stdout.split('\n').slice(1)).toEqual(fromFile.stdout.split('\n').slice(1));
  });

  it('tells a PDF and a result JSON on standard input by their content', () => {
    const pdf = zhenggai(['inspect', '-'], readFileSync(join(ROOT, 'corpus', 'formats', '012-liuan-community.pdf')));
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toMatch(/^<stdin> · pdf · status ok\n/u);
    const { result } = processed();
    const json = zhenggai(['inspect', '-'], readFileSync(result));
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(zhenggai(['inspect', result]).stdout);
  });

  it('empty standard input fails with input/empty (exit 1)', () => {
    const r = zhenggai(['inspect', '-'], '');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('<stdin> error input/empty the file is empty (0 bytes)\n');
  });
});
