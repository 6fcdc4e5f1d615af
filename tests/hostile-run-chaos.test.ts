/**
 * Issue 13's chaos batch: every hostile input that fits in a temporary folder (tests/hostile-run-helpers.ts
 * buildChaos) beside 50 good notices, in one run. One record per input, exit 1, the folders that must be left out
 * noted, and the good notices' outputs (and records) byte-identical to a clean run of the good notices alone. The
 * run's peak memory is measured outside the tests (the engineering notes give it).
 */
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../cli/run/runCommand.js';
import { buildChaos, canRunAsNobody, expectNoLeftovers, expectValidIndex, noteSkip, tmp, zhenggai } from './hostile-run-helpers.js';

describe('the chaos batch', () => {
  it('gives one record per input, exit 1, and the good notices exactly as a run of them alone', () => {
    if (!canRunAsNobody) noteSkip('the unreadable folder and file of the chaos batch', 'needs root and setpriv to run as nobody; the batch runs without them');
    const root = tmp();
    const chaos = buildChaos(root, 50, canRunAsNobody);
    const out = join(root, 'out');
    const summary = join(root, 'summary.json');
    const r = zhenggai(['run', ...chaos.args, '--out', out, '--jobs', '2', '--timeout', '600', '--summary-json', summary], { asNobody: canRunAsNobody, timeoutMs: 900_000 });
    if (canRunAsNobody) chmodSync(join(root, 'in', 'item04-locked'), 0o755); // so that the temporary folder can be removed
    expect(r.signal, r.stderr.slice(-2000)).toBeNull();
    expect(r.code, r.stderr.slice(-2000)).toBe(1);

    // One record per input, each as expected.
    const records = expectValidIndex(out);
    expect(records.map((x) => x.path).sort()).toEqual([...chaos.expected.keys()].sort());
    for (const rec of records) {
      const want = chaos.expected.get(rec.path)!;
      if (want === 'one-record') continue;
      if (want === 'ok-or-memory') expect(rec.status === 'ok' || rec.error?.code === 'limit/memory', rec.path).toBe(true);
      else expect([rec.status, rec.error?.code ?? null], rec.path).toEqual(want);
    }
    const s = JSON.parse(readFileSync(summary, 'utf8')) as RunSummary;
    expect(s.files).toBe(chaos.expected.size);
    expect(s.skipped.map((k) => ({ path: k.path, error: k.error }))).toEqual(chaos.skipped);
    for (const k of s.skipped) expect(r.stderr).toContain(`zhenggai: ${k.error ? 'error' : 'note'}: skipped ${k.path}: ${k.reason}`);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/u);
    expectNoLeftovers(out);

    // The good notices: byte-identical outputs and records to a clean run of them alone.
    const clean = join(root, 'clean');
    expect(zhenggai(['run', chaos.goodOnly, '--out', clean, '-q', '--jobs', '2', '--timeout', '600']).code).toBe(0);
    const cleanRecords = expectValidIndex(clean);
    expect(cleanRecords.map((x) => x.path)).toEqual([...chaos.good].sort());
    for (const c of cleanRecords) {
      const got = records.find((x) => x.path === c.path)!;
      expect(got, c.path).toEqual(c);
      expect(readFileSync(join(out, got.output!)).equals(readFileSync(join(clean, c.output!))), c.path).toBe(true);
    }
  }, 900_000);
});
