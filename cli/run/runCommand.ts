/**
 * `zhenggai run <file-or-folder>... --out <dir>`: plan the run (cli/run/plan.ts), process the files on an executor
 * (worker threads with a per-file time limit, or this thread), write one JSON per input as results come, then the
 * index in input order. `--resume` keeps outputs that are valid for the same input bytes and rules; `--shard K/N`
 * takes a deterministic share.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { indexName, removeStaleTemporaries } from '../../output/runLayout.js';
import { AtomicWriter } from '../../output/writeFiles.js';
import type { ProcessOptions } from '../../pipeline/process.js';
import { formatSeconds, Progress } from '../progress.js';
import { type Executor, inProcessExecutor, poolExecutor, workerAvailable } from './executors.js';
import { planRun } from './plan.js';
import type { Shard } from './shard.js';
import type { TaskResult } from './task.js';
import { COLLECT_EVERY } from './v8Tuning.js';

/** Options of the run command. */
export interface RunOptions extends Pick<ProcessOptions, 'referenceDate' | 'ocr' | 'limits'> {
  out: string;
  quiet?: boolean;
  /** Worker threads; 0 processes in this thread (no time limit enforcement). Default: the number of cores. */
  jobs?: number;
  /** Per-file time limit in seconds. */
  timeoutSeconds?: number;
  resume?: boolean;
  shard?: Shard;
  /** Draw progress (default: when stderr is a terminal and not quiet). */
  progress?: boolean;
  /** Also write the summary as JSON to this file. */
  summaryJson?: string;
  /** Where diagnostics and the summary go (default stderr). */
  log?: (line: string) => void;
}

/** Totals of a run. */
export interface RunSummary {
  files: number;
  ok: number;
  partial: number;
  failed: number;
  reused: number;
  sections: number;
  measures: number;
  counts: number;
  dates: number;
  pages: number;
  bytes: number;
  seconds: number;
  /** Seconds until the first file was finished: mostly the workers' start-up (loading jieba, rules, PDF engine). */
  firstResultSeconds: number;
  noticesPerSecond: number;
  peakRssMb: number;
}

/** Run the pipeline over the inputs; resolves to the exit code (0 all ok/partial, 1 any failed) and the totals. */
export async function runCommand(inputs: readonly string[], options: RunOptions): Promise<{ exitCode: number; summary: RunSummary }> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  const { files, jobs, timeoutMs } = await planRun(inputs, options);
  await removeStaleTemporaries(options.out);

  const writer = new AtomicWriter();
  const referenceDate = options.referenceDate ?? null;
  const executor: Executor = jobs > 0 && workerAvailable() ? poolExecutor(jobs, timeoutMs, referenceDate, writer) : inProcessExecutor(referenceDate, writer);
  const progress = new Progress(files.length, options.progress ?? (!options.quiet && process.stderr.isTTY === true));
  const report = (line: string) => (options.log ? log(line) : progress.log(line));

  // All the run keeps of a finished file is its index line (written in input order at the end) and its share of
  // the totals, so that memory grows by a line per file and not by the file's whole result.
  const lines: string[] = new Array<string>(files.length);
  let finished = 0;
  let firstResultAt: number | null = null;
  const totals = { ok: 0, partial: 0, failed: 0, reused: 0, sections: 0, measures: 0, counts: 0, dates: 0, pages: 0, bytes: 0 };
  const add = (r: TaskResult) => {
    totals[r.status]++;
    if (r.reused) totals.reused++;
    for (const k of ['sections', 'measures', 'counts', 'dates', 'pages'] as const) totals[k] += r.tallies[k];
    totals.bytes += r.bytes;
  };
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const f = files[i]!;
      const r = await executor.run({
        diskPath: f.diskPath,
        relPath: f.relPath,
        outDir: options.out,
        resume: options.resume ?? false,
        warnings: !options.quiet,
        options: { ocr: options.ocr ?? false, ...(options.limits ? { limits: options.limits } : {}) },
      });
      lines[i] = `${JSON.stringify(r.record)}\n`;
      add(r);
      firstResultAt ??= performance.now();
      if (++finished % COLLECT_EVERY === 0) executor.collect?.();
      for (const m of r.messages) report(m);
      progress.tick(r.status === 'failed');
    }
  };
  try {
    await Promise.all(Array.from({ length: executor.lanes }, lane));
  } finally {
    await executor.close();
    progress.end();
  }

  const index = join(options.out, indexName(options.shard));
  await writer.write(index, lines.join(''));

  const seconds = (performance.now() - started) / 1000;
  const summary: RunSummary = {
    files: files.length,
    ...totals,
    seconds,
    firstResultSeconds: firstResultAt === null ? seconds : (firstResultAt - started) / 1000,
    noticesPerSecond: seconds > 0 ? files.length / seconds : 0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  const s = summary;
  log(
    `zhenggai: ${s.files} file(s): ${s.ok} ok, ${s.partial} partial, ${s.failed} failed${s.reused ? ` (${s.reused} kept from an earlier run)` : ''} · ` +
      `${s.sections} sections, ${s.measures} measures, ${s.counts} counts, ${s.dates} dates · ${s.seconds < 60 ? `${s.seconds.toFixed(2)} s` : formatSeconds(s.seconds)}, ${s.noticesPerSecond.toFixed(1)} notices/s → ${index}`,
  );
  if (s.files === 0) log('zhenggai: no input files found (looked for .txt .docx .doc .pdf .html .htm)');
  if (options.summaryJson) await writeFile(options.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
  return { exitCode: s.failed > 0 ? 1 : 0, summary };
}
