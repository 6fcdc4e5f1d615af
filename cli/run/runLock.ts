/**
 * The lock a run holds on its output folder (`<out>/.zhenggai-run.lock`), so that two runs never write into one
 * folder at the same time (one would remove the other's temporaries and replace its index).
 *
 * The lock is a small JSON file {pid, host, processStart, since}, created complete and exclusively: it is written
 * under a name of this process's own, then hard-linked to the lock's name, which fails when a lock exists (the
 * O_EXCL of a link). A lock whose process is gone is stale: its pid does not exist on this host, or exists but
 * started at another time (the pid was reused; Linux's /proc/<pid>/stat gives the start). A stale lock is first
 * renamed aside — of two runs that find the same stale lock only one can rename it — then the run takes the lock as
 * usual. A lock held from another host cannot be checked and is refused with what to do.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCK_NAME } from '../../output/runLayout.js';
import { UsageError } from '../usageError.js';

/** What a lock file holds. */
interface Holder {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid; null elsewhere. */
  processStart: string | null;
  /** When the run started (for people reading the lock). */
  since: string;
}

/** The start time of process `pid` (field 22 of /proc/<pid>/stat), or null when it cannot be read. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** True when the process that wrote `h` still runs (always true for another host: it cannot be checked). */
function running(h: Holder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(h.pid);
  return h.processStart === null || start === null || start === h.processStart;
}

function readHolder(path: string): Holder | 'absent' | 'unreadable' {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable';
  }
  try {
    const h = JSON.parse(raw) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') return { pid: h.pid, host: h.host, processStart: h.processStart ?? null, since: h.since ?? '?' };
  } catch {
    /* below */
  }
  return 'unreadable';
}

const sameHolder = (a: Holder | 'absent' | 'unreadable', b: Holder | 'unreadable'): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Create the lock `path` with `content` unless it exists: a hard link of the complete file `own`, or where the
 *  file system has no hard links, an exclusive create. */
function create(own: string, path: string, content: string): boolean {
  try {
    linkSync(own, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`cannot take the lock ${path} of the output folder: ${(e as Error).message}`);
  }
}

/** A lock held by this process; `release` removes it (when it is still this process's). */
export class RunLock {
  private constructor(
    readonly path: string,
    private readonly content: string,
  ) {}

  /**
   * Take the lock of output folder `dir` (which exists). Throws a UsageError naming the lock and its holder when
   * another run holds it, or when the folder cannot be written. `note` hears about a stale lock taken over.
   */
  static acquire(dir: string, note: (line: string) => void): RunLock {
    const path = join(dir, LOCK_NAME);
    const mine: Holder = { pid: process.pid, host: hostname(), processStart: processStart(process.pid), since: new Date().toISOString() };
    const content = `${JSON.stringify(mine)}\n`;
    const own = `${path}.${process.pid}`;
    try {
      writeFileSync(own, content);
    } catch (e) {
      throw new UsageError(`cannot write to the output folder ${dir}: ${(e as Error).message}`);
    }
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (create(own, path, content)) return new RunLock(path, content);
        const holder = readHolder(path);
        if (holder === 'absent') continue; // released meanwhile
        if (holder !== 'unreadable' && running(holder)) {
          const where = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
          throw new UsageError(
            `another zhenggai run (${where}, started ${holder.since}) is writing to ${dir}: it holds the lock ${path}. ` +
              `Wait for it to end, or give this run another --out` +
              (holder.host === hostname() ? '' : `; if that run is no longer running, remove ${path}`),
          );
        }
        // Stale: move it aside, and make sure what was moved is the lock judged stale (not a fresh one).
        const aside = `${path}.stale-${process.pid}`;
        try {
          renameSync(path, aside);
        } catch {
          continue; // another run moved it first
        }
        if (sameHolder(readHolder(aside), holder)) {
          rmSync(aside, { force: true });
          note(
            holder === 'unreadable'
              ? `zhenggai: note: removed the unreadable lock ${path}`
              : `zhenggai: note: took over the lock ${path} of a run that is no longer running (pid ${holder.pid}, started ${holder.since})`,
          );
        } else {
          try {
            linkSync(aside, path); // a live lock taken meanwhile: put it back
          } catch {
            /* a third run took the lock meanwhile; the next attempt finds it */
          }
          rmSync(aside, { force: true });
        }
      }
      throw new UsageError(`cannot take the lock ${path}: other runs keep taking it`);
    } finally {
      rmSync(own, { force: true });
    }
  }

  /** Remove the lock if it is still this process's. */
  release(): void {
    try {
      if (readFileSync(this.path, 'utf8') === this.content) rmSync(this.path, { force: true });
    } catch {
      /* gone already */
    }
  }
}
