/**
 * The worker pool of `zhenggai run`: a fixed number of worker threads, each handed up to `depth` tasks at once,
 * which it runs one after another from its own queue, so that when a task ends the next is already in the
 * worker and it never waits for this thread to answer (bench/README.md: a worker waiting for this thread after
 * every file sat idle for a good part of a text batch).
 *
 * Each task's time limit runs from the moment its worker begins it: the worker writes the task's number into its
 * slot of a SharedArrayBuffer, and one timer here checks the slots. A worker over the limit is terminated and
 * replaced; the task it was running ends as `timeout`, and the tasks waiting in its queue go to the front of the
 * pool's queue. A worker that dies on its own (out of memory, a crash) is handled the same way: the task it was
 * running ends as `memory` or `crash`, the others are run again. Should workers keep dying before they run
 * anything (a broken installation), the pool gives up after a few and every remaining task ends as `crash`.
 */
import { parentPort, receiveMessageOnPort, type ResourceLimits, Worker, workerData } from 'node:worker_threads';

/** What each worker gets in its workerData besides the caller's: its slot in the shared "running" array. */
export interface PoolWorkerData {
  /** running[slot] is the number of the task the worker is running, 0 when none. */
  running: Int32Array;
  slot: number;
}

/** A message to a worker: a task and its number. */
interface PoolRequest<T> {
  id: number;
  task: T;
}

/** A worker's answer: the task's value, or the message of an error it threw. */
export type PoolReply<R> = { id: number; value: R } | { id: number; error: string };

/** How a task ended. `threadId` names the worker that was stopped or died while running the task. */
export type PoolOutcome<R> =
  | { ok: true; value: R }
  | { ok: false; reason: 'timeout' | 'memory' | 'crash'; message: string; threadId: number | null }
  | { ok: false; reason: 'cancelled'; message: string; threadId: number | null };

export interface PoolOptions {
  filename: URL;
  size: number;
  /** Tasks handed to a worker at once. */
  depth: number;
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
  /** Given to every worker, with its PoolWorkerData fields added. */
  workerData?: Record<string, unknown>;
}

interface Pending<T, R> {
  id: number;
  task: T;
  resolve: (o: PoolOutcome<R>) => void;
}

interface Member<T, R> {
  worker: Worker;
  /** The worker's thread id, kept: a worker that has exited no longer tells it. */
  threadId: number;
  slot: number;
  /** Tasks handed to this worker and not answered yet, in the order it runs them. */
  given: Map<number, Pending<T, R>>;
  /** The running task last seen in its slot, and when its time is up. */
  seen: number;
  deadline: number | null;
  /** Stopped by the pool or dead: its messages and exit no longer count. */
  gone: boolean;
}

/** Workers that may die before running a task, in a row, before the pool gives up. */
const MAX_START_FAILURES = 3;

export class WorkerPool<T, R> {
  private readonly running: Int32Array;
  private readonly members: Array<Member<T, R>> = [];
  private readonly queue: Array<Pending<T, R>> = [];
  private readonly timer: NodeJS.Timeout;
  private nextId = 1;
  private startFailures = 0;
  private broken: string | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.running = new Int32Array(new SharedArrayBuffer(4 * options.size));
    for (let slot = 0; slot < options.size; slot++) this.members.push(this.spawn(slot));
    const every = Math.min(100, Math.max(10, options.timeoutMs / 20));
    this.timer = setInterval(() => this.check(), every);
    this.timer.unref();
  }

  /** Run a task on some worker. Never rejects: a stopped or failed task is an outcome. */
  run(task: T): Promise<PoolOutcome<R>> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'cancelled', message: 'the worker pool is closed', threadId: null });
    return new Promise((resolve) => {
      const p: Pending<T, R> = { id: this.nextId++, task, resolve };
      if (this.broken !== null) return resolve({ ok: false, reason: 'crash', message: this.broken, threadId: null });
      this.queue.push(p);
      this.dispatch();
    });
  }

  /** Stop every worker. Tasks not answered yet (queued, or running in a worker) end as `cancelled`, once the
   *  workers have stopped, with the thread that had them. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const unanswered = [...this.queue.splice(0).map((p) => ({ p, threadId: null as number | null }))];
    for (const m of this.members) {
      if (m.gone) continue;
      for (const p of m.given.values()) unanswered.push({ p, threadId: m.threadId });
      m.given.clear();
    }
    await Promise.all(
      this.members.map((m) => {
        m.gone = true;
        return m.worker.terminate();
      }),
    );
    for (const { p, threadId } of unanswered) p.resolve({ ok: false, reason: 'cancelled', message: 'the run was stopped before this file ended', threadId });
  }

  private spawn(slot: number): Member<T, R> {
    Atomics.store(this.running, slot, 0);
    const workerData: PoolWorkerData & Record<string, unknown> = { ...this.options.workerData, running: this.running, slot };
    const worker = new Worker(this.options.filename, { workerData, ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}) });
    const m: Member<T, R> = { worker, threadId: worker.threadId, slot, given: new Map(), seen: 0, deadline: null, gone: false };
    worker.on('message', (reply: PoolReply<R>) => this.answer(m, reply));
    worker.on('error', (e: Error & { code?: string }) => this.lost(m, e));
    worker.on('exit', (code) => this.lost(m, new Error(`the worker thread exited with code ${code}`)));
    return m;
  }

  /** Hand queued tasks to the workers with room, the least busy first. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Member<T, R> | null = null;
      for (const m of this.members) if (!m.gone && m.given.size < this.options.depth && (best === null || m.given.size < best.given.size)) best = m;
      if (best === null) return;
      const p = this.queue.shift()!;
      best.given.set(p.id, p);
      best.worker.postMessage({ id: p.id, task: p.task } satisfies PoolRequest<T>);
    }
  }

  private answer(m: Member<T, R>, reply: PoolReply<R>): void {
    if (m.gone) return;
    const p = m.given.get(reply.id);
    if (!p) return;
    m.given.delete(reply.id);
    this.startFailures = 0;
    if ('error' in reply) p.resolve({ ok: false, reason: 'crash', message: `processing this file failed with an internal error: ${reply.error}`, threadId: null });
    else p.resolve({ ok: true, value: reply.value });
    this.dispatch();
  }

  /** The timer: note when each worker began its running task, stop those over the limit. */
  private check(): void {
    const now = performance.now();
    for (const m of this.members) {
      if (m.gone) continue;
      const id = Atomics.load(this.running, m.slot);
      if (id !== m.seen) {
        m.seen = id;
        m.deadline = id === 0 ? null : now + this.options.timeoutMs;
      }
      if (m.deadline !== null && now >= m.deadline) {
        const seconds = this.options.timeoutMs / 1000;
        void this.replace(m, id, { reason: 'timeout', message: `processing took longer than ${seconds} s and was stopped (raise the limit with --timeout)` }, true);
      }
    }
  }

  /** A worker died on its own. */
  private lost(m: Member<T, R>, e: Error & { code?: string }): void {
    if (m.gone) return;
    const id = Atomics.load(this.running, m.slot);
    const failure =
      e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { reason: 'memory' as const, message: 'processing needed more memory than a worker may use and was stopped' }
        : { reason: 'crash' as const, message: `the worker processing this file stopped: ${e.message}` };
    void this.replace(m, id, failure, false);
  }

  /**
   * Take a worker out (terminating it when `stop`), end its running task `id` with `failure`, requeue the tasks
   * waiting behind it and start a worker in its place. The task's outcome is given only once the worker has
   * stopped, so that nothing it was still writing can land after what the caller writes for the task.
   */
  private async replace(m: Member<T, R>, id: number, failure: { reason: 'timeout' | 'memory' | 'crash'; message: string }, stop: boolean): Promise<void> {
    m.gone = true;
    const { threadId } = m;
    const failed = m.given.get(id);
    if (failed) m.given.delete(id);
    else if (!stop) this.startFailures++;
    this.queue.unshift(...m.given.values());
    m.given.clear();
    if (stop) await m.worker.terminate();
    if (this.closed) return failed?.resolve({ ok: false, ...failure, threadId });
    if (this.startFailures >= MAX_START_FAILURES) {
      this.broken = `worker threads keep stopping before they run a task: ${failure.message}`;
      for (const p of this.queue.splice(0)) p.resolve({ ok: false, reason: 'crash', message: this.broken, threadId: null });
    } else {
      this.members[m.slot] = this.spawn(m.slot);
    }
    failed?.resolve({ ok: false, ...failure, threadId });
    this.dispatch();
  }
}

/**
 * The worker side (call it once in the worker's entry module): run the tasks the pool hands this thread with
 * `handle`, one after another, taking in between tasks those that arrived meanwhile. `beforeEach` runs before a
 * task's time limit starts. An error `handle` throws is the task's answer; the worker goes on.
 */
export function serveTasks<T, R>(handle: (task: T) => Promise<R> | R, beforeEach?: () => void): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks runs in a worker thread of a WorkerPool');
  const { running, slot } = workerData as PoolWorkerData;
  const queue: Array<PoolRequest<T>> = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    for (;;) {
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) queue.push(m.message as PoolRequest<T>);
      const next = queue.shift();
      if (next === undefined) break;
      beforeEach?.();
      Atomics.store(running, slot, next.id); // the task's time limit starts now
      let reply: PoolReply<R>;
      try {
        reply = { id: next.id, value: await handle(next.task) };
      } catch (e) {
        reply = { id: next.id, error: e instanceof Error ? e.message : String(e) };
      }
      Atomics.store(running, slot, 0);
      port.postMessage(reply);
    }
    draining = false;
  };
  port.on('message', (m: PoolRequest<T>) => {
    queue.push(m);
    if (!draining) void drain();
  });
}
