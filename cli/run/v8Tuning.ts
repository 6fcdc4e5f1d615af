/**
 * V8 settings of a batch run (bench/README.md has the measurements behind each). They are process-wide and must be
 * set before the process compiles anything hot: changing the inlining limits while a TurboFan job is in flight trips
 * a V8 check and kills the process (seen once in a bench run when they were set just before the workers started).
 * bin/zhenggai.js sets them first thing for `run`; the pool sets them itself only when the CLI did not (tests).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Cap on each worker's young generation, in MB: it reaches the cap within its first files and stays there. */
export const WORKER_YOUNG_GENERATION_MB = 16;
/** Cap on each worker's old generation, in MB. */
export const WORKER_OLD_GENERATION_MB = 1024;
/** Every thread makes a full collection after this many files: V8 otherwise keeps freed pages all run. */
export const COLLECT_EVERY = 500;

/** Flags set before the workers start, each with its reason. */
const FLAGS: ReadonlyArray<readonly [flag: string, why: string]> = [
  ['--heap-growing-percent=20', 'heaps grow by a fixed 1.2 after a full collection, not by what V8 has seen so far'],
  ['--max-inlined-bytecode-size=100', 'each worker compiles the pipeline again: inlining less cuts that compile time more than it slows the code'],
  ['--max-inlined-bytecode-size-cumulative=200', 'the same, for the total inlined into one function'],
  ['--expose-gc', 'gc() in every context made from now on (this thread’s, below, and the workers’)'],
];

let set = false;

/** Set the batch flags (once per process). */
export function setBatchFlags(): void {
  if (set) return;
  for (const [flag] of FLAGS) setFlagsFromString(flag);
  set = true;
}

/** This thread's full collection (the batch flags are set first if they were not). */
export function fullCollection(): () => void {
  setBatchFlags();
  return runInNewContext('gc') as () => void;
}
