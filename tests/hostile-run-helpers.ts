/** Helpers of the hostile-run tests (tests/hostile-run-*.test.ts): running the CLI (as `nobody` where the test needs a
 *  user that permissions apply to), reading an index strictly, comparing output trees, building hostile inputs. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { IndexRecord } from '../output/schema.js';
import { corpusNotices, ROOT } from './helpers.js';

export const BIN = join(ROOT, 'bin', 'zhenggai.js');

/** A new temporary folder, open to every user (so that `nobody` can use what a test builds in it). */
export function tmp(prefix = 'zhenggai-run-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

/** The command `zhenggai ...args`, optionally as the user `nobody`. */
export function zhenggai(args: readonly string[], options: { asNobody?: boolean; timeoutMs?: number } = {}) {
  const spawn: SpawnSyncOptions = { encoding: 'utf8', timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 << 20 };
  const r = options.asNobody
    ? spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', process.execPath, BIN, ...args], spawn)
    : spawnSync(process.execPath, [BIN, ...args], spawn);
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** True when this process can run the CLI as `nobody` (root, setpriv present, the repository readable by others). */
export const canRunAsNobody: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)})`]);
  return r.status === 0;
})();

/** True when this process is root and may mount a tmpfs (a container may forbid it). */
export const canMount: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-mount-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  return ok;
})();

/** Print a visible note that a test is skipped, and why. */
export const noteSkip = (what: string, why: string): void => console.warn(`[skipped] ${what}: ${why}`);

/** The records of an index file, each line checked against the contract; one line per path. */
export function readIndex(out: string, name = 'index.jsonl'): IndexRecord[] {
  const text = readFileSync(join(out, name), 'utf8');
  expect(text === '' || text.endsWith('\n'), 'the index ends with a whole line').toBe(true);
  const records = text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => IndexRecord.strict().parse(JSON.parse(l)));
  expect(new Set(records.map((r) => r.path)).size, 'one line per path').toBe(records.length);
  return records;
}

/** An index checked as readers rely on it: one line per path, every output named exists and is a whole document. */
export function expectValidIndex(out: string): IndexRecord[] {
  const records = readIndex(out);
  for (const r of records) {
    if (r.output === null) continue;
    const doc = readFileSync(join(out, r.output), 'utf8');
    expect(doc.endsWith('}\n'), r.output).toBe(true);
    expect((JSON.parse(doc) as { source: { sha256: string } }).source.sha256, r.output).toBe(r.sha256);
  }
  return records;
}

/** path → [status, error code or null], for comparing records at a glance. */
export const outcomes = (records: readonly IndexRecord[]): Record<string, [string, string | null]> =>
  Object.fromEntries(records.map((r) => [r.path, [r.status, r.error?.code ?? null]]));

/** Every file under a folder (hidden ones too), as relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

/** Two folders hold the same files with the same bytes. */
export function expectSameTree(a: string, b: string): void {
  const sa = snapshot(a);
  const sb = snapshot(b);
  expect([...sb.keys()].sort()).toEqual([...sa.keys()].sort());
  for (const [k, v] of sa) expect(sb.get(k)!.equals(v), k).toBe(true);
}

/** No temporary, lock, resume file or empty file left anywhere under `dir`. */
export function expectNoLeftovers(dir: string): void {
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = join(e.parentPath, e.name);
    expect(e.name, p).not.toMatch(/^\.zhenggai-|\.tmp-\d+-\d+-\d+$/u);
    if (e.isFile()) expect(statSync(p).size, `${p} is empty`).toBeGreaterThan(0);
  }
}

/** `n` good notices: the corpus's .txt notices copied under distinct names, every third in a subfolder. */
export function goodNotices(dir: string, n: number): string[] {
  const notices = corpusNotices();
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = notices[i % notices.length]!;
    const rel = `${i % 3 === 2 ? 'good-sub/' : ''}good-${String(i).padStart(3, '0')}-${src.name}`;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    copyFileSync(src.path, join(dir, rel));
    names.push(rel);
  }
  return names;
}

/** The million-line notice of issue 13 item 1: a notice, then `N.第i项整改。` lines for i < lines (≈24 MB). */
export function millionLines(path: string, lines = 1_000_000): void {
  const parts = [readFileSync(corpusNotices()[0]!.path, 'utf8')];
  for (let i = 0; i < lines; i++) parts.push(`N.第${i}项整改。\n`);
  writeFileSync(path, parts.join(''));
}

/** A file name in GBK bytes (what an archive from Chinese Windows holds), as a Buffer path under `dir`. */
export const gbkPath = (dir: string, ...bytes: number[][]): Buffer => Buffer.concat([Buffer.from(`${dir}/`), ...bytes.flatMap((b, i) => (i ? [Buffer.from('/'), Buffer.from(b)] : [Buffer.from(b)]))]);

/** `path` exists (a Buffer path too). */
export const exists = (path: string | Buffer): boolean => existsSync(path);

/** A zip archive (deflated entries) built with zlib; `declared` overrides an entry's uncompressed size field. */
export function zip(entries: ReadonlyArray<{ name: string; data: Buffer; declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 9 });
    const size = e.declared ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}


/** What the chaos batch expects of one input's record: an exact status and code, or (for the inputs of items other
 *  parts of the project handle, whose codes may change) just one record, or ok/limit-memory (item 1). */
type ChaosExpectation = readonly [string, string | null] | 'one-record' | 'ok-or-memory';

/** The chaos batch of issue 13: every hostile input that fits in a temporary folder, beside `good` good notices. */
export interface Chaos {
  /** The run's input arguments (the folder, then a FIFO given directly). */
  args: string[];
  /** The folder of the good notices alone, with the same relative paths (for the clean run). */
  goodOnly: string;
  /** The good notices' relative paths. */
  good: string[];
  /** Every input's expected record, by path. */
  expected: Map<string, ChaosExpectation>;
  /** Folders the walk must leave out with a note (and whether as an error). */
  skipped: Array<{ path: string; error: boolean }>;
}

/**
 * Build the chaos batch under `root` (a folder open to every user). `permissions`: the run will be made as a user
 * that permissions apply to (nobody), so an unreadable folder and file are added.
 */
export function buildChaos(root: string, good: number, permissions: boolean): Chaos {
  const inp = join(root, 'in');
  const goodOnly = join(root, 'good-only');
  mkdirSync(inp);
  const expected = new Map<string, ChaosExpectation>();
  const skipped: Chaos['skipped'] = [];
  const notices = corpusNotices();
  // A notice's own bytes (the corpus holds UTF-8, GB18030, UTF-16… notices), and a UTF-8 notice's text for the
  // inputs made from text.
  const bytes = (i: number) => readFileSync(notices[i % notices.length]!.path);
  const utf8 = notices.map((n) => readFileSync(n.path)).filter((b) => Buffer.from(b.toString('utf8')).equals(b) && b[0] !== 0xef).map((b) => b.toString('utf8'));
  const text = (i: number) => utf8[i % utf8.length]!;
  const put = (rel: string | Buffer, data: string | Buffer, expect: ChaosExpectation, shown = String(rel)) => {
    const path = typeof rel === 'string' ? join(inp, rel) : Buffer.concat([Buffer.from(`${inp}/`), rel]);
    mkdirSync(typeof path === 'string' ? dirname(path) : path.subarray(0, path.lastIndexOf(0x2f)), { recursive: true });
    writeFileSync(path, data);
    expected.set(shown, expect);
  };
  const names = goodNotices(inp, good);
  goodNotices(goodOnly, good);
  for (const n of names) expected.set(n, ['ok', null]);

  // Item 1: a million short numbered lines.
  millionLines(join(inp, 'item01-million-lines.txt'));
  expected.set('item01-million-lines.txt', 'ok-or-memory');
  // Item 2: names of 78 Chinese characters and of 253 bytes.
  put(`${'整'.repeat(78)}.txt`, bytes(1), ['ok', null]);
  put(`${'改'.repeat(83)}.txt`, bytes(2), ['ok', null]);
  // Item 3: a folder x.txt.json/ of inputs beside x.txt.
  put('item03/x.txt', bytes(3), ['ok', null]);
  put('item03/x.txt.json/inner.txt', bytes(4), ['ok', null]);
  // Item 4 and 17: an unreadable folder and file (for a user permissions apply to).
  if (permissions) {
    mkdirSync(join(inp, 'item04-locked'));
    writeFileSync(join(inp, 'item04-locked', 'hidden.txt'), bytes(5));
    chmodSync(join(inp, 'item04-locked'), 0o000);
    skipped.push({ path: join(inp, 'item04-locked'), error: true });
    put('item17-secret.txt', bytes(6), ['failed', 'input/unreadable']);
    chmodSync(join(inp, 'item17-secret.txt'), 0o000);
  }
  // Item 5 and 8: FIFOs, given directly and inside the folder.
  const fifo = join(root, 'item05-fifo.txt');
  spawnSync('mkfifo', [fifo]);
  expected.set('item05-fifo.txt', ['failed', 'input/special-file']);
  spawnSync('mkfifo', [join(inp, 'item08-pipe.txt')]);
  expected.set('item08-pipe.txt', ['failed', 'input/special-file']);
  // Item 7: GBK names, two that a lossy decoding made one, and a GBK folder.
  put(Buffer.from([0xb0, 0xa1, 0x2e, 0x74, 0x78, 0x74]), bytes(7), ['ok', null], '啊.txt');
  put(Buffer.from([0xb1, 0xa1, 0x2e, 0x74, 0x78, 0x74]), bytes(8), ['ok', null], '薄.txt');
  put(Buffer.from([0xd5, 0xfb, 0xb8, 0xc4, 0x2f, 0x61, 0x2e, 0x74, 0x78, 0x74]), bytes(9), ['ok', null], '整改/a.txt');
  // Item 8: links to a file and to a folder, a loop, a broken link, a link to itself.
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'c.txt'), bytes(10));
  mkdirSync(join(inp, 'item08'));
  symlinkSync(join(inp, 'item03', 'x.txt'), join(inp, 'item08', 'link-to-x.txt'));
  expected.set('item08/link-to-x.txt', ['ok', null]);
  symlinkSync(join(root, 'outside'), join(inp, 'item08', 'linked-folder'));
  expected.set('item08/linked-folder/c.txt', ['ok', null]);
  symlinkSync('..', join(inp, 'item08', 'loop'));
  skipped.push({ path: join(inp, 'item08', 'loop'), error: false });
  symlinkSync('missing.txt', join(inp, 'item08', 'broken.txt'));
  expected.set('item08/broken.txt', ['failed', 'input/unreadable']);
  symlinkSync('self.txt', join(inp, 'item08', 'self.txt'));
  expected.set('item08/self.txt', ['failed', 'input/unreadable']);
  // Item 9 (the loader's part): a web page with a 6 MB data: image.
  put('item09-seal.html', `<html><body><img src="data:image/png;base64,${'A'.repeat(6 << 20)}"><p>${text(11).replace(/\n/gu, '</p><p>')}</p></body></html>`, 'one-record');
  // Item 12 (the loader's part): headings 一百一十一、 to 一百一十九、.
  put('item12-headings.txt', `关于巡察整改进展情况的通报\n${Array.from({ length: 119 }, (_, i) => `${cnNumber(i + 1)}、第${i + 1}项\n整改问题1个。`).join('\n')}\n`, 'one-record');
  // Item 13: an older run's folder (with a page saved in it) and a comparison's folder inside the input.
  mkdirSync(join(inp, 'item13-old-run'));
  writeFileSync(join(inp, 'item13-old-run', 'index.jsonl'), `${JSON.stringify({ path: 'a.txt', output: 'a.txt.json', status: 'ok', sha256: null, error: null })}\n`);
  writeFileSync(join(inp, 'item13-old-run', 'page.html'), '<html><body><p>不是通报</p></body></html>');
  skipped.push({ path: join(inp, 'item13-old-run'), error: false });
  mkdirSync(join(inp, 'item13-cmp'));
  writeFileSync(join(inp, 'item13-cmp', 'units.json'), '{\n  "schema": "zhenggai.units"\n}\n');
  writeFileSync(join(inp, 'item13-cmp', 'report.html'), '<html><body>report</body></html>');
  skipped.push({ path: join(inp, 'item13-cmp'), error: false });
  // Item 17: over --max-file-mb, and over 2 GiB (sparse files).
  writeFileSync(join(inp, 'item17-over-limit.txt'), '');
  truncateSync(join(inp, 'item17-over-limit.txt'), 70 << 20);
  expected.set('item17-over-limit.txt', ['failed', 'limit/file-size']);
  writeFileSync(join(inp, 'item17-over-2gib.txt'), '');
  truncateSync(join(inp, 'item17-over-2gib.txt'), 2 ** 31 + 1);
  expected.set('item17-over-2gib.txt', ['failed', 'limit/file-size']);
  // Item 19 (the CLI's part): a notice of 20,000 headings that each skip a number.
  put('item19-warnings.txt', `关于巡察整改进展情况的通报\n${Array.from({ length: 20_000 }, (_, i) => `${2 * i + 1}.第${i}项`).join('\n')}\n`, 'one-record');
  // The smaller list (the loaders' part): UTF-32 with a BOM, U+2028/U+2029 line breaks, a stray surrogate in
  // UTF-8, a .docx with two document.xml entries, a .pptx (named .docx) holding a word/ path.
  const points = [0xfeff, ...[...text(12)].map((c) => c.codePointAt(0)!)];
  const utf32 = Buffer.alloc(4 * points.length);
  points.forEach((p, i) => utf32.writeUInt32LE(p, 4 * i));
  put('small-utf32.txt', utf32, 'one-record');
  put('small-u2028.txt', text(13).replace(/\n/gu, '\u2028'), 'one-record');
  put('small-surrogate.txt', Buffer.concat([Buffer.from(text(14)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('。')]), 'one-record');
  const docXml = Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text(15).slice(0, 200)}</w:t></w:r></w:p></w:body></w:document>`);
  const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  put('small-two-documents.docx', zip([{ name: '[Content_Types].xml', data: types }, { name: 'word/document.xml', data: docXml }, { name: 'word/document.xml', data: docXml }]), 'one-record');
  put('small-pptx-named.docx', zip([{ name: '[Content_Types].xml', data: types }, { name: 'ppt/presentation.xml', data: Buffer.from('<p/>') }, { name: 'word/document.xml', data: docXml }]), 'one-record');
  // Files the project already handled (hostile-batch): empty and binary.
  put('old-empty.txt', '', ['failed', 'input/empty']);
  put('old-binary.txt', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), ['failed', 'input/binary']);
  return { args: [inp, fifo], goodOnly, good: names, expected, skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** 1 … 119 as Chinese numerals (一, 十一, 一百一十九). */
function cnNumber(n: number): string {
  const d = '〇一二三四五六七八九';
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? `${d[h]}百` : '';
  if (t) s += `${t === 1 && !h ? '' : d[t]}十`;
  else if (h && u) s += '零';
  if (u) s += d[u];
  return s;
}
