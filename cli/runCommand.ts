/**
 * `zhenggai run <file-or-folder>... --out <dir>`: walk the inputs, process them on worker threads
 * (cli/workerPool.ts) with a per-file time limit, write one JSON per input as results come, then index.jsonl in
 * input order. `--resume` keeps outputs that are valid for the same input bytes and rules; `--shard K/N` takes a
 * deterministic share.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { outputName, removeStaleTemporaries, removeTemporariesOf, writeAtomic } from '../output/writeFiles.js';
import type { ProcessOptions } from '../pipeline/process.js';
import { DEFAULT_OCR_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from './defaults.js';
import { formatSeconds, Progress } from './progress.js';
import type { Task, TaskResult } from './processTask.js';
import type { WorkerData } from './processWorker.js';
import { inShard, type Shard } from './shard.js';
import { type InputFile, walkInputs } from './walkInputs.js';
import { type PoolWorkerData, WorkerPool } from './workerPool.js';

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

const WORKER = new URL('./processWorker.js', import.meta.url);

/** The record of a file stopped from outside; the pipeline's modules load in this thread only when one is. */
async function stoppedTask(task: Task, code: string, message: string): Promise<TaskResult> {
  return (await import('./processTask.js')).stoppedTask(task, code, message);
}

/*
 * Memory over a long batch. Left to itself, V8 sizes each heap from what it has seen so far, and over thousands of
 * files it kept raising the limits although what stayed alive did not grow (measured: this thread's heap 15 → 53
 * MB over 5,000 text notices with 8–10 MB alive; a worker's young generation at 32 MB and its heap pages still
 * growing after 4,000 files), so that peak RSS rose 15–20% from 1,000 to 10,000 notices. Three bounds keep it
 * flat (+8% measured, and 40–60 MB lower overall):
 * - each worker's young generation is capped at 16 MB (it reaches that cap within its first files);
 * - every heap grows by a fixed factor of 1.2 after a full collection (V8's flag, process-wide, set before the
 *   workers start);
 * - every thread makes a full collection every COLLECT_EVERY files (45 ms measured for a worker heap with 30 MB
 *   alive, 1–2% of the time those files take): V8 otherwise keeps freed pages and, in this thread, which only
 *   hands out files and keeps an index line per file, never collects at all.
 */
const WORKER_YOUNG_GENERATION_MB = 16;
const HEAP_GROWING_PERCENT = 20;
const COLLECT_EVERY = 500;

/*
 * Compilation. Each worker is a V8 isolate of its own that compiles the pipeline's hot functions with TurboFan
 * again, and on a batch of a few thousand notices that compiling was about a quarter of the run's CPU (measured
 * per thread on 1,000 text notices, 2 workers: ~1.5 of 6.3 CPU-seconds in V8's background threads, almost all
 * of it TurboFan). Inlining smaller callees into fewer places (V8's limits of 460 and 920 bytecodes lowered to
 * 100 and 200) cut that compile time more than it slows the compiled code: 1,000 text notices 300 → 336/s and
 * 5,000 466–476 → 505–514/s (medians of alternating runs on a 2-core machine), outputs unchanged. Process-wide
 * V8 flags like the heap's, set before the workers start.
 */
const MAX_INLINED_BYTECODE_SIZE = 100;
const MAX_INLINED_BYTECODE_SIZE_CUMULATIVE = 200;

/** Set the process-wide heap and compiler flags (before any worker starts); returns this thread's full collection. */
function boundHeaps(): () => void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString(`--max-inlined-bytecode-size=${MAX_INLINED_BYTECODE_SIZE}`);
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MAX_INLINED_BYTECODE_SIZE_CUMULATIVE}`);
  setFlagsFromString('--expose-gc'); // gc in every context made from now on: a fresh one here, the workers' own
  return runInNewContext('gc') as () => void;
}

/** Runs tasks: on a worker pool with time limits, or in this thread. */
interface Executor {
  run(task: Task): Promise<TaskResult>;
  /** Tasks to keep in flight. */
  lanes: number;
  close(): Promise<void>;
  /** A full garbage collection of this thread, when the executor keeps its heaps bounded. */
  collect?: () => void;
}

/** Tasks a worker is handed at once (cli/workerPool.ts): the next file is always there when one ends. */
const WORKER_DEPTH = 3;

/**
 * Worker-pool executor. A file's time limit runs from the moment a worker begins it, so a worker's start-up and
 * the time a file waits behind others never count against it. A file whose worker is stopped (time limit) or
 * dies (memory, crash) gets a failed record; nothing the stopped worker was writing outlives it.
 */
function poolExecutor(jobs: number, timeoutMs: number): Executor {
  const collect = boundHeaps();
  const pool = new WorkerPool<Task, TaskResult>({
    filename: WORKER,
    size: jobs,
    depth: WORKER_DEPTH,
    timeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    workerData: { collectEvery: COLLECT_EVERY } satisfies Omit<WorkerData, keyof PoolWorkerData>,
  });
  const codes = { timeout: 'limit/timeout', memory: 'limit/memory', crash: 'internal/worker-crash' } as const;
  return {
    async run(task) {
      const o = await pool.run(task);
      if (o.ok) return o.value;
      if (o.threadId !== null) await removeTemporariesOf(join(task.outDir, outputName(task.relPath)), o.threadId);
      return stoppedTask(task, codes[o.reason], o.message);
    },
    lanes: jobs * WORKER_DEPTH,
    close: () => pool.close(),
    collect,
  };
}

/** Runs tasks in this thread (--jobs 0, or no compiled worker): the pipeline loads here. */
const inProcessExecutor: Executor = { run: async (task) => (await import('./processTask.js')).processTask(task), lanes: 1, close: async () => {} };

/** Run the pipeline over the inputs; resolves to the exit code (0 all ok/partial, 1 any failed) and the totals. */
export async function runCommand(inputs: readonly string[], options: RunOptions): Promise<{ exitCode: number; summary: RunSummary }> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  const files: InputFile[] = [];
  for await (const f of walkInputs(inputs)) if (!options.shard || inShard(f.relPath, options.shard)) files.push(f);
  await removeStaleTemporaries(options.out);

  const workerAvailable = fileURLToPath(WORKER).endsWith('.js') && existsSync(fileURLToPath(WORKER));
  const jobs = Math.max(0, Math.min(options.jobs ?? availableParallelism(), files.length || 1));
  const timeoutMs = 1000 * (options.timeoutSeconds ?? (options.ocr ? DEFAULT_OCR_TIMEOUT_SECONDS : DEFAULT_TIMEOUT_SECONDS));
  const executor = jobs > 0 && workerAvailable ? poolExecutor(jobs, timeoutMs) : inProcessExecutor;
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
        options: { referenceDate: options.referenceDate ?? null, ocr: options.ocr ?? false, ...(options.limits ? { limits: options.limits } : {}) },
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

  const indexName = options.shard && options.shard.count > 1 ? `index.shard-${options.shard.index}-of-${options.shard.count}.jsonl` : 'index.jsonl';
  await writeAtomic(join(options.out, indexName), lines.join(''));

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
      `${s.sections} sections, ${s.measures} measures, ${s.counts} counts, ${s.dates} dates · ${s.seconds < 60 ? `${s.seconds.toFixed(2)} s` : formatSeconds(s.seconds)}, ${s.noticesPerSecond.toFixed(1)} notices/s → ${join(options.out, indexName)}`,
  );
  if (s.files === 0) log('zhenggai: no input files found (looked for .txt .docx .doc .pdf .html .htm)');
  if (options.summaryJson) await writeFile(options.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
  return { exitCode: s.failed > 0 ? 1 : 0, summary };
}
