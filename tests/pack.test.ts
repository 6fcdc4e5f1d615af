/**
 * The published package (issue 15, item 7): from a clean copy of the sources, `npm pack` builds dist/ (prepack) and
 * holds only what users need; the tarball installs into a new project, where `npx zhenggai --version`, the CLI, the
 * library's ESM import and a type check of a TypeScript file importing it work, and require() says the package is
 * ESM only.
 *
 * Offline: the new project gets a lockfile made from this repository's package-lock.json (its production entries,
 * plus the tarball), so that `npm ci --offline` takes every dependency from the npm cache `npm ci` filled here. When
 * that cache lacks a tarball the test asks the registry (`--prefer-offline`); when the registry cannot be reached
 * either, the test is skipped with a note saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../output/version.js';
import { rulesVersion } from '../pipeline/ruleRegistry.js';
import { processText } from '../pipeline/process.js';
import { ROOT, testContext } from './helpers.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const NOTICE = join(ROOT, 'corpus', '001-luchuan-natural-resources.txt');

interface PackEntry {
  filename: string;
  integrity: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string }>;
}

interface LockEntry {
  dev?: boolean;
  [k: string]: unknown;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A clean copy of the sources (what git would check out: tracked and new files, nothing ignored), with this
 *  repository's node_modules linked in for the build. */
function cleanCopy(dir: string): string {
  const src = join(dir, 'src');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(src, f)), { recursive: true });
    try {
      copyFileSync(join(ROOT, f), join(src, f));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted in the working tree, not yet committed
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  return src;
}

/** The consumer project's lockfile: this repository's production packages, and the tarball. */
function consumerLock(pack: PackEntry, pkg: { version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> }) {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const spec = `file:${pack.filename}`;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { zhenggai: spec } },
    'node_modules/zhenggai': { version: pkg.version, resolved: spec, integrity: pack.integrity, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

/** True when npm failed because it could not reach the registry (or the cache lacked a package offline). */
const offlineFailure = (stderr: string) => /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network/u.test(stderr);

describe('the npm package', () => {
  it('packs from a clean copy with dist/ and nothing else, installs, and runs: npx zhenggai --version, the CLI, import, tsc', (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-pack-'));
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true })); // about 250 MB: the copy, its dist/, the install
    const src = cleanCopy(dir);

    // npm pack runs prepack: a clean build of dist/ in the copy.
    const packed = run(NPM, ['pack', '--json', '--loglevel=error', '--pack-destination', dir], src);
    expect(packed.code, packed.stderr).toBe(0);
    const pack = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')).trim()) as PackEntry[])[0]!;
    const paths = pack.files.map((f) => f.path).sort();
    console.info(`[pack] ${pack.filename}: ${pack.entryCount} files, ${(pack.size / 1024).toFixed(0)} kB (unpacked ${(pack.unpackedSize / 1024).toFixed(0)} kB)`);
    for (const must of ['package.json', 'README.md', 'bin/zhenggai.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/cli/run/worker.js', 'docs/output-contract.md', 'output/notice.schema.json']) {
      expect(paths, must).toContain(must);
    }
    const unwanted = paths.filter((p) => /^(tests|corpus|tools|bench|\.ci)\//u.test(p) || /^dist\/(tests|tools|bench)\//u.test(p) || (/\.ts$/u.test(p) && !p.endsWith('.d.ts')) || p.endsWith('.map'));
    expect(unwanted).toEqual([]);
    expect(paths.filter((p) => p.startsWith('dist/') && p.endsWith('.js')).length).toBeGreaterThan(50);

    // A new project installs the tarball; its dependencies come from the npm cache (the registry only if it must).
    const app = join(dir, 'consumer');
    mkdirSync(app);
    const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as Parameters<typeof consumerLock>[1];
    copyFileSync(join(dir, pack.filename), join(app, pack.filename));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies: { zhenggai: `file:${pack.filename}` } }, null, 2));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(consumerLock(pack, pkg), null, 2));
    let installed = run(NPM, ['ci', '--offline', '--ignore-scripts', '--loglevel=error'], app);
    if (installed.code !== 0 && offlineFailure(installed.stderr)) {
      console.warn('[pack] the npm cache lacks some dependency tarballs: installing with the registry (--prefer-offline)');
      installed = run(NPM, ['ci', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], app);
      if (installed.code !== 0 && offlineFailure(installed.stderr)) {
        console.warn(`[skipped] pack-install-run: the npm registry is needed (the cache lacks dependency tarballs) and cannot be reached: ${installed.stderr.split('\n')[0]}`);
        ctx.skip();
      }
    }
    expect(installed.code, installed.stderr).toBe(0);

    // The command, through npx as a user types it (offline: the local bin, never the registry).
    const version = run(NPX, ['zhenggai', '--version'], app, { npm_config_offline: 'true' });
    expect(version).toEqual({ code: 0, stdout: `zhenggai ${pkg.version}\nschema ${SCHEMA_NAME} ${SCHEMA_VERSION}\nrules ${rulesVersion()}\n`, stderr: '' });
    copyFileSync(NOTICE, join(app, 'notice.txt'));
    const inspect = run(NPX, ['zhenggai', 'inspect', 'notice.txt'], app, { npm_config_offline: 'true' });
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout.split('\n')[0]).toBe('notice.txt · txt utf-8 · status ok');

    // The library's ESM import (and the JSON Schema it ships) gives what the sources give.
    writeFileSync(
      join(app, 'use.mjs'),
      `import { processText, parseChineseNumber, NoticeDocument, SCHEMA_VERSION } from 'zhenggai';
import schema from 'zhenggai/notice.schema.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
const doc = processText(readFileSync('notice.txt', 'utf8'), { path: 'notice.txt' });
console.log(JSON.stringify({ status: doc.status, sections: doc.sections.length, measures: doc.measures.length, unit: doc.meta.unit,
  valid: NoticeDocument.safeParse(doc).success, version: SCHEMA_VERSION, number: parseChineseNumber('一千三'), schema: schema.$defs.NoticeDocument.title }));
`,
    );
    const used = run(process.execPath, ['--no-warnings', 'use.mjs'], app);
    expect(used.code, used.stderr).toBe(0);
    const here = processText(readFileSync(NOTICE, 'utf8'), { path: 'notice.txt', context: testContext() });
    expect(JSON.parse(used.stdout)).toEqual({
      status: 'ok',
      sections: here.sections.length,
      measures: here.measures.length,
      unit: here.meta.unit,
      valid: true,
      version: SCHEMA_VERSION,
      number: 1300,
      schema: 'zhenggai notice',
    });

    // ESM only: require() is refused with Node's own error, on every Node version.
    const required = run(process.execPath, ['-e', "require('zhenggai')"], app);
    expect(required.code).not.toBe(0);
    expect(required.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');

    // A TypeScript file importing the package type-checks against the shipped declarations (checked too:
    // skipLibCheck off), and a wrong use is an error.
    writeFileSync(
      join(app, 'check.ts'),
      `import { createPipelineContext, FileError, parseChineseNumber, processBytes, processText, SCHEMA_VERSION } from 'zhenggai';
import type { DiagnosticCode, NoticeDocument, ProcessOptions, Section } from 'zhenggai';

const options: ProcessOptions = { referenceDate: '2024-06-30', context: createPipelineContext() };
const doc: NoticeDocument = processText('一、整改情况', options);
const later: Promise<NoticeDocument> = processBytes(new Uint8Array(), 'x.txt', { ocr: false });
const first: Section | undefined = doc.sections[0];
const code: DiagnosticCode | undefined = doc.diagnostics[0]?.code;
const n: number | null = parseChineseNumber('一千三');
const version: string = SCHEMA_VERSION;
const error: FileError = new FileError('input/empty', 'empty');
// @ts-expect-error a status is ok, partial or failed
const wrong: NoticeDocument['status'] = 'done';
export { later, first, code, n, version, error, wrong };
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: ['check.ts'],
      }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);
});
