/**
 * Executors run the tasks of a batch: on a pool of worker threads with a per-file time limit, or in this thread
 * (--jobs 0, or when no compiled worker exists, as under tsx).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTemporariesOf } from '../../output/runLayout.js';
import { AtomicWriter, DocumentEncoder } from '../../output/writeFiles.js';
import type { TaskResult } from './results.js';
import type { Task } from './task.js';
import { COLLECT_EVERY, fullCollection, WORKER_OLD_GENERATION_MB, WORKER_YOUNG_GENERATION_MB } from './v8Tuning.js';
import type { WorkerData } from './worker.js';
import { type PoolWorkerData, WorkerPool } from './workerPool.js';

/** Runs tasks. */
export interface Executor {
  /** A task's result; null when the run was stopped (cancel) before the task ended. */
  run(task: Task): Promise<TaskResult | null>;
  /** Tasks to keep in flight. */
  lanes: number;
  /** Stop: tasks not ended yet resolve to null (in this thread, the running task ends first). */
  cancel(): Promise<void>;
  close(): Promise<void>;
  /** A full garbage collection of this thread, when the executor keeps its heaps bounded. */
  collect?: () => void;
}

const WORKER = new URL('./worker.js', import.meta.url);

/** True when the compiled worker exists (not under tsx, where this module is a .ts file). */
export const workerAvailable = (): boolean => fileURLToPath(WORKER).endsWith('.js') && existsSync(fileURLToPath(WORKER));

/** Tasks a worker is handed at once (cli/run/workerPool.ts): the next file is always there when one ends. */
const WORKER_DEPTH = 3;

/** The record of a file stopped from outside; the pipeline's modules load in this thread only when one is. */
async function stopped(task: Task, code: 'limit/timeout' | 'limit/memory' | 'internal/worker-crash', message: string, writer: AtomicWriter): Promise<TaskResult> {
  return (await import('./task.js')).stoppedTask(task, code, message, writer);
}

/** The folder a task's output is written in (where a stopped worker's temporary may be). */
export const outputFolder = (task: Pick<Task, 'outDir' | 'output'>): string => dirname(join(task.outDir, task.output));

/**
 * Worker-pool executor. A file's time limit runs from the moment a worker begins it, so a worker's start-up and
 * the time a file waits behind others never count against it. A file whose worker is stopped (time limit) or
 * dies (memory, crash) gets a failed record; nothing the stopped worker was writing outlives it.
 */
export function poolExecutor(jobs: number, timeoutMs: number, referenceDate: string | null, writer: AtomicWriter): Executor {
  const collect = fullCollection();
  const pool = new WorkerPool<Task, TaskResult>({
    filename: WORKER,
    size: jobs,
    depth: WORKER_DEPTH,
    timeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    workerData: { collectEvery: COLLECT_EVERY, referenceDate } satisfies Omit<WorkerData, keyof PoolWorkerData>,
  });
  const codes = { timeout: 'limit/timeout', memory: 'limit/memory', crash: 'internal/worker-crash' } as const;
  return {
    async run(task) {
      const o = await pool.run(task);
      if (o.ok) return o.value;
      if (o.threadId !== null) await removeTemporariesOf(outputFolder(task), o.threadId);
      if (o.reason === 'cancelled') return null;
      return stopped(task, codes[o.reason], o.message, writer);
    },
    lanes: jobs * WORKER_DEPTH,
    cancel: () => pool.close(),
    close: () => pool.close(),
    collect,
  };
}

/** Runs tasks in this thread, one at a time, without a time limit: the pipeline loads here. */
export function inProcessExecutor(referenceDate: string | null, writer: AtomicWriter): Executor {
  let runtime: Promise<import('./task.js').TaskRuntime> | null = null;
  let cancelled = false;
  return {
    async run(task) {
      if (cancelled) return null;
      const { processTask } = await import('./task.js');
      runtime ??= import('../../pipeline/context.js').then(({ createPipelineContext }) => ({
        context: createPipelineContext({ referenceDate }),
        writer,
        encoder: new DocumentEncoder(),
      }));
      return processTask(task, await runtime);
    },
    lanes: 1,
    cancel: async () => {
      cancelled = true;
    },
    close: async () => {},
  };
}
