/**
 * V8 settings of a batch run (bench/README.md has the measurements behind each). They are process-wide, so they are
 * set in this thread before any worker starts.
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

/** Set the batch flags; returns this thread's full collection. */
export function tuneV8ForBatch(): () => void {
  for (const [flag] of FLAGS) setFlagsFromString(flag);
  return runInNewContext('gc') as () => void;
}
