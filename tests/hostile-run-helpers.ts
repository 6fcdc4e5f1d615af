/** Helpers of the hostile-run tests (tests/hostile-run-*.test.ts): running the CLI (as `nobody` where the test needs a
 *  user that permissions apply to), reading an index strictly, comparing output trees, building hostile inputs. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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
export function snapshot(dir: string): Map<string, Buffer> {
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
