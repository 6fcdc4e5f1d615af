/**
 * `zhenggai run <file-or-folder>... --out <dir>`: plan the run (cli/run/plan.ts), take the output folder's lock
 * (cli/run/runLock.ts), process the files on an executor (worker threads with a per-file time and memory limit, or
 * this thread), write one JSON per input as results come and append its record to the index at once, then rewrite
 * the index in input order. `--resume` keeps results that are valid for the same input bytes, rules and options;
 * `--shard K/N` takes a deterministic share.
 *
 * The index is valid whenever the run stops: records are appended whole as files finish (kill -9 leaves those);
 * on SIGINT/SIGTERM or a disk that fills up the run stops taking files, writes the index of what finished, says
 * how many of the inputs were written and that --resume goes on, and exits 130/143 (signal) or 74 (write error).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, type Stats, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { indexName, removeStaleTemporaries, removeTemporariesOf, resumeName } from '../../output/runLayout.js';
import type { IndexRecord, RunOptions as RecordedOptions } from '../../output/schema.js';
import { AtomicWriter, IndexAppender, OutputWriteError, type WriteFs } from '../../output/writeFiles.js';
import { DEFAULT_LIMITS, type Limits } from '../../pipeline/load/loaded.js';
import type { ProcessOptions } from '../../pipeline/process.js';
import { formatSeconds, Progress } from '../progress.js';
import { UsageError } from '../usageError.js';
import { type Executor, inProcessExecutor, outputFolder, poolExecutor, workerAvailable } from './executors.js';
import { type PlannedFile, planRun } from './plan.js';
import { RunLock } from './runLock.js';
import type { Shard } from './shard.js';
import { type TaskResult, unreadResult } from './results.js';
import type { Task } from './task.js';
import { COLLECT_EVERY, WORKER_OLD_GENERATION_MB } from './v8Tuning.js';
import type { Skipped } from './walkInputs.js';

/** Options of the run command. */
export interface RunOptions extends Pick<ProcessOptions, 'referenceDate' | 'ocr' | 'limits'> {
  out: string;
  quiet?: boolean;
  /** Worker threads; 0 processes in this thread (no time or memory limit). Default: the number of cores; at most
   *  JOBS_PER_CORE per core (cli/run/plan.ts). */
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
  /** Stop on SIGINT/SIGTERM as described above (default true; tests calling runCommand in-process turn it off). */
  handleSignals?: boolean;
  /** The file-system calls of this thread's writes (tests give a layer that fails on purpose, as a full disk does;
   *  files written by worker threads use node:fs). */
  writeFs?: WriteFs;
}

/** Exit codes besides 0 (all ok/partial), 1 (some failed or left out) and 2 (usage). */
const EXIT_WRITE_ERROR = 74;
const EXIT_SIGNAL: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Totals of a run. */
export interface RunSummary {
  files: number;
  ok: number;
  partial: number;
  failed: number;
  reused: number;
  /** Items of the documents made in this run (kept documents are not read again). */
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
  /** Worker threads used (0: this thread). */
  jobs: number;
  /** Folders and links the walk did not enter, and why. */
  skipped: Skipped[];
  /** Records in the index when the run ended (files of `files`). */
  written: number;
  /** Why the run stopped before every file was done: the signal, or the write error; null when it ran to the end. */
  stopped: string | null;
}

/** Why a run stops early. */
type Stop = { kind: 'signal'; signal: NodeJS.Signals } | { kind: 'write'; message: string };

/**
 * The options recorded with every record of this run. The limits are recorded as set, also with --jobs 0 (which
 * enforces none): a file run without limits ends ok, partial or with a failure no limit causes, the outcome it
 * has under any limits, so the index is the same whatever --jobs is.
 */
function recordedOptions(limits: Limits, options: RunOptions, timeoutMs: number): RecordedOptions {
  return {
    ocr: options.ocr ?? false,
    referenceDate: options.referenceDate ?? null,
    maxFileMb: limits.maxFileBytes / 2 ** 20,
    timeoutSeconds: timeoutMs / 1000,
    workerMemoryMb: WORKER_OLD_GENERATION_MB,
  };
}

/** An index record, its fields in the contract's order. */
function recordOf(f: PlannedFile, r: Pick<TaskResult, 'outcome'>, options: RecordedOptions): IndexRecord {
  return { path: f.relPath, ...(f.pathBytes !== null ? { pathBytes: f.pathBytes } : {}), ...r.outcome, options };
}

/** The records of an earlier run (its resume file, then its index: a later line of a path wins), or an empty map.
 *  Lines that are not records are passed over: their files are simply processed again. */
async function earlierRecords(out: string, index: string): Promise<Map<string, IndexRecord>> {
  const { IndexRecord } = await import('../../output/schema.js');
  const records = new Map<string, IndexRecord>();
  for (const name of [resumeName(index), index]) {
    let text: string;
    try {
      text = readFileSync(join(out, name), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = IndexRecord.parse(JSON.parse(line));
        records.set(r.path, r);
      } catch {
        /* a damaged line */
      }
    }
  }
  return records;
}

/** Check --out before anything is read: when it exists it must be a folder. */
function outFolderStats(out: string): Stats | null {
  let st: Stats;
  try {
    st = statSync(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new UsageError(`cannot use the output folder ${out}: ${(e as Error).message}`);
  }
  if (!st.isDirectory()) throw new UsageError(`the output folder ${out} is not a folder; give --out a folder (it is created if missing)`);
  return st;
}

/** Create --out (and the folders above it) or say why not. A recursive mkdir reports ENOENT for a read-only file
 *  system; making the missing folders one by one gives the real cause. */
function makeFolder(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    let cause = e as Error;
    try {
      const missing: string[] = [];
      for (let p = resolve(out); !existsSync(p) && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
      for (const m of missing) mkdirSync(m);
    } catch (inner) {
      cause = inner as Error;
    }
    throw new UsageError(`cannot create the output folder ${out}: ${cause.message}`);
  }
}

/** Run the pipeline over the inputs; resolves to the exit code and the totals. */
export async function runCommand(inputs: readonly string[], options: RunOptions): Promise<{ exitCode: number; summary: RunSummary }> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  const out = options.out;
  const plan = await planRun(inputs, { ...options, out: outFolderStats(out) });

  makeFolder(out);
  const lock = RunLock.acquire(out, log);
  try {
    return await runLocked(plan, options, log, started);
  } finally {
    lock.release();
  }
}

async function runLocked(plan: Awaited<ReturnType<typeof planRun>>, options: RunOptions, log: (line: string) => void, started: number) {
  const { files, jobs, timeoutMs } = plan;
  const out = options.out;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const runOptions = recordedOptions(limits, options, timeoutMs);
  const index = indexName(options.shard);
  const indexPath = join(out, index);
  const resumePath = join(out, resumeName(index));

  const progress = new Progress(files.length, options.progress ?? (!options.quiet && process.stderr.isTTY === true));
  const report = (line: string) => (options.log ? log(line) : progress.log(line));
  if (plan.jobsNote && !options.quiet) report(`zhenggai: warning: ${plan.jobsNote}`);
  for (const s of plan.skipped) if (s.error || !options.quiet) report(`zhenggai: ${s.error ? 'error' : 'note'}: skipped ${s.path}: ${s.reason}`);

  // The earlier run's records go to the resume file before the index starts afresh, so that a run killed now
  // still has them; the index then holds one line per input at all times.
  const writer = new AtomicWriter(options.writeFs);
  let previous = new Map<string, IndexRecord>();
  let appender: IndexAppender;
  try {
    if (options.resume) {
      previous = await earlierRecords(out, index);
      const wanted = new Set(files.map((f) => f.relPath));
      await writer.write(resumePath, [...previous.values()].filter((r) => wanted.has(r.path)).map((r) => `${JSON.stringify(r)}\n`).join(''));
    } else {
      rmSync(resumePath, { force: true });
    }
    await removeStaleTemporaries(out);
    appender = new IndexAppender(indexPath, true, options.writeFs);
  } catch (e) {
    throw new UsageError(`cannot write to the output folder ${out}: ${e instanceof OutputWriteError ? e.message : (e as Error).message}`);
  }

  const referenceDate = options.referenceDate ?? null;
  const executor: Executor = jobs > 0 && workerAvailable() ? poolExecutor(jobs, timeoutMs, referenceDate, writer) : inProcessExecutor(referenceDate, writer);

  // All the run keeps of a finished file is its index line and its share of the totals, so that memory grows by a
  // line per file and not by the file's whole result.
  const lines: Array<string | undefined> = new Array<string | undefined>(files.length);
  const inFlight = new Set<number>();
  let finished = 0;
  let firstResultAt: number | null = null;
  const totals = { ok: 0, partial: 0, failed: 0, reused: 0, sections: 0, measures: 0, counts: 0, dates: 0, pages: 0, bytes: 0 };
  let stop: Stop | null = null;
  const halt = (s: Stop) => {
    if (stop) return;
    stop = s;
    void executor.cancel();
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stop?.kind === 'signal') process.exit(EXIT_SIGNAL[signal] ?? 1); // a second signal: the index is valid as it is
    halt({ kind: 'signal', signal });
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  const finish = (i: number, f: PlannedFile, r: TaskResult) => {
    if (r.fatal !== null) return halt({ kind: 'write', message: r.fatal });
    const line = `${JSON.stringify(recordOf(f, r, runOptions))}\n`;
    try {
      appender.append(line);
    } catch (e) {
      return halt({ kind: 'write', message: (e as Error).message });
    }
    lines[i] = line;
    totals[r.outcome.status]++;
    if (r.reused) totals.reused++;
    for (const k of ['sections', 'measures', 'counts', 'dates', 'pages'] as const) totals[k] += r.tallies[k];
    totals.bytes += r.bytes;
    firstResultAt ??= performance.now();
    if (++finished % COLLECT_EVERY === 0) executor.collect?.();
    for (const m of r.messages) report(m);
    progress.tick(r.outcome.status === 'failed');
  };

  let next = 0;
  const lane = async () => {
    while (next < files.length && !stop) {
      const i = next++;
      const f = files[i]!;
      if (f.problem) {
        finish(i, f, unreadResult(f, f.problem.code, f.problem.message));
        continue;
      }
      const task: Task = {
        diskPath: f.diskPath,
        shownPath: f.shownPath,
        relPath: f.relPath,
        output: f.output,
        outDir: out,
        previous: previous.get(f.relPath) ?? null,
        runOptions,
        warnings: !options.quiet,
        ocr: options.ocr ?? false,
        limits,
      };
      inFlight.add(i);
      const r = await executor.run(task);
      if (r === null) continue; // cancelled: it stays in flight
      inFlight.delete(i);
      finish(i, f, r); // a file that ended after a stop was written all the same
    }
  };
  try {
    await Promise.all(Array.from({ length: executor.lanes }, lane));
  } finally {
    await executor.close();
    progress.end();
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
  const stopped = stop as Stop | null;

  // A stopped run: what files in flight were writing goes, and the earlier records of the files not begun stay.
  if (stopped) {
    await Promise.all([...new Set([...inFlight].map((i) => outputFolder({ outDir: out, output: files[i]!.output })))].map((d) => removeTemporariesOf(d, null)));
    files.forEach((f, i) => {
      const p = previous.get(f.relPath);
      if (lines[i] === undefined && !inFlight.has(i) && p) lines[i] = `${JSON.stringify(p)}\n`;
    });
  }
  appender.close();
  const written = lines.filter((l) => l !== undefined).length;
  // The final index: in input order (byte-identical whatever --jobs is), written atomically over the appended one.
  let indexError: string | null = null;
  try {
    await writer.write(join(out, index), lines.filter((l) => l !== undefined).join(''));
    rmSync(join(out, resumeName(index)), { force: true });
  } catch (e) {
    indexError = (e as Error).message; // the appended index stays, valid, in the order files finished
  }

  const seconds = (performance.now() - started) / 1000;
  const summary: RunSummary = {
    files: files.length,
    ...totals,
    seconds,
    firstResultSeconds: firstResultAt === null ? seconds : (firstResultAt - started) / 1000,
    noticesPerSecond: seconds > 0 ? finished / seconds : 0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    jobs,
    skipped: plan.skipped,
    written,
    stopped: stopped === null ? null : stopped.kind === 'signal' ? stopped.signal : stopped.message,
  };
  const s = summary;
  log(
    `zhenggai: ${s.files} file(s): ${s.ok} ok, ${s.partial} partial, ${s.failed} failed${s.reused ? ` (${s.reused} kept from an earlier run)` : ''} · ` +
      `${s.sections} sections, ${s.measures} measures, ${s.counts} counts, ${s.dates} dates${s.reused ? ' in the documents made now' : ''} · ${s.seconds < 60 ? `${s.seconds.toFixed(2)} s` : formatSeconds(s.seconds)}, ${s.noticesPerSecond.toFixed(1)} notices/s → ${join(out, index)}`,
  );
  if (s.files === 0) log('zhenggai: no input files found (looked for .txt .docx .doc .pdf .html .htm)');
  const skippedErrors = plan.skipped.filter((k) => k.error).length;
  if (skippedErrors) log(`zhenggai: ${skippedErrors} folder(s) could not be read (see above); their files are not in the index`);
  if (indexError) log(`zhenggai: error: could not rewrite the index in input order (${indexError}); ${join(out, index)} lists the files written, in the order they finished`);
  if (stopped?.kind === 'signal') log(`zhenggai: interrupted: ${written} of ${files.length} written; rerun with --resume`);
  if (stopped?.kind === 'write') {
    log(`zhenggai: error: ${stopped.message}`);
    log(`zhenggai: stopped: ${written} of ${files.length} written (listed in ${join(out, index)}); make room, then rerun with --resume`);
  }
  if (options.summaryJson) await writeFile(options.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
  const exitCode = stopped?.kind === 'signal' ? (EXIT_SIGNAL[stopped.signal] ?? 1) : stopped || indexError ? EXIT_WRITE_ERROR : s.failed > 0 || skippedErrors > 0 ? 1 : 0;
  return { exitCode, summary };
}
