/**
 * V8 settings (bench/README.md has the measurements behind each): heap flags for every command, then a batch run's
 * own or those of the commands whose JavaScript is light. They are process-wide. The batch flags must be set before
 * the process compiles anything hot: changing the inlining limits while a TurboFan job is in flight trips a V8 check
 * and kills the process (seen once in a bench run when they were set just before the workers started); the other
 * flags change only how the heap grows and that gc() can be called. bin/zhenggai.js sets a command's flags first
 * thing (setCommandFlags); the pool and compare set the ones they need themselves when the CLI did not (tests).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Cap on each worker's young generation, in MB: it reaches the cap within its first files and stays there. */
export const WORKER_YOUNG_GENERATION_MB = 16;
/** Cap on each worker's old generation, in MB. */
export const WORKER_OLD_GENERATION_MB = 1024;
/** Every thread makes a full collection after this many files: V8 otherwise keeps freed pages all run. */
export const COLLECT_EVERY = 500;

/** Flags of every command, each with its reason: bin/zhenggai.js sets them first thing. */
const HEAP_FLAGS: ReadonlyArray<readonly [flag: string, why: string]> = [
  [
    '--heap-growing-percent=20',
    'heaps grow by a fixed 1.2 after a full collection, not by what V8 has seen so far (compare at 100,000 notices: 109 MB of heap after reading 20,000 units, against 212 MB)',
  ],
  ['--expose-gc', 'gc() in every context made from now on (this thread’s, below, and the workers’)'],
];

/**
 * Flags of the commands whose own JavaScript is light (query, export and the rest: not `run`, not `compare`; see
 * COMMAND_FLAGS), each with its reason. Set at run time, V8 reads the growth factor whenever the young generation
 * would grow (a semi-space size set at run time, by contrast, is not read again).
 */
const LIGHT_FLAGS: ReadonlyArray<readonly [flag: string, why: string]> = [
  [
    '--semi-space-growth-factor=1',
    'the young generation keeps its first size: V8 grows it once enough objects have survived scavenges, which any long scan reaches (each new number string, for one, survives in V8’s number-string cache). At 100,000 notices, with DuckDB at 384MB both times, the README queries took 144-165 MB with the flag against 170-191 MB without; export --parquet 331 MB against 382 MB, in the same time',
  ],
];

/**
 * The commands that do not take LIGHT_FLAGS, and the flags they take instead, each with its reason. bin/zhenggai.js
 * sets a command's flags first thing (setCommandFlags).
 */
const COMMAND_FLAGS: ReadonlyMap<string, readonly [set: () => void, why: string]> = new Map([
  ['run', [() => setBatchFlags(), 'a batch run: its workers need their young generation (capped by WORKER_YOUNG_GENERATION_MB), and its own inlining flags']],
  ['compare', [() => setHeapFlags(), 'the comparison is JavaScript: with LIGHT_FLAGS, compare at 100,000 notices took 112 s against 89-108 s, for 404 MB against 421-435']],
]);

/** Flags of a batch run, set before the workers start, each with its reason. */
const BATCH_FLAGS: ReadonlyArray<readonly [flag: string, why: string]> = [
  ['--max-inlined-bytecode-size=100', 'each worker compiles the pipeline again: inlining less cuts that compile time more than it slows the code'],
  ['--max-inlined-bytecode-size-cumulative=200', 'the same, for the total inlined into one function'],
];

let heapSet = false;
let batchSet = false;

/** Set the heap flags (once per process); safe at any time. */
function setHeapFlags(): void {
  if (heapSet) return;
  for (const [flag] of HEAP_FLAGS) setFlagsFromString(flag);
  heapSet = true;
}

let lightSet = false;

/** Set a command's V8 flags (COMMAND_FLAGS, or the heap flags and LIGHT_FLAGS), once per process. */
export function setCommandFlags(command: string | undefined): void {
  const own = command === undefined ? undefined : COMMAND_FLAGS.get(command);
  if (own) return own[0]();
  setHeapFlags();
  if (lightSet) return;
  for (const [flag] of LIGHT_FLAGS) setFlagsFromString(flag);
  lightSet = true;
}

/** Set the batch flags and the heap flags (once per process). */
function setBatchFlags(): void {
  setHeapFlags();
  if (batchSet) return;
  for (const [flag] of BATCH_FLAGS) setFlagsFromString(flag);
  batchSet = true;
}

/** This thread's full collection for a batch run (the batch flags are set first if they were not). */
export function fullCollection(): () => void {
  setBatchFlags();
  return runInNewContext('gc') as () => void;
}

/**
 * A full collection for a command other than `run`. It sets the heap flags only: the inlining flags may not change
 * once the process has compiled hot code.
 */
export function collector(): () => void {
  setHeapFlags();
  return runInNewContext('gc') as () => void;
}
