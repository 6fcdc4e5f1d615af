/** What a run will do before it starts: the input files (in a stable order, this shard's share) with their output
 *  names, what the walk left out, the number of worker threads and the per-file time limit. */
import type { Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { outputName } from '../../output/runLayout.js';
import { DEFAULT_OCR_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';
import { inShard, type Shard } from './shard.js';
import { type InputFile, type Skipped, walkInputs } from './walkInputs.js';

/** An input file with the output it is written to (relative to --out). */
export interface PlannedFile extends InputFile {
  output: string;
}

/** The plan of a run. */
export interface RunPlan {
  files: PlannedFile[];
  skipped: Skipped[];
  /** Worker threads; 0 runs the files in this thread. */
  jobs: number;
  /** Set when --jobs asked for more threads than the run uses. */
  jobsNote: string | null;
  timeoutMs: number;
}

/** Worker threads per core at most: a worker may hold up to a gigabyte, and more threads than cores only wait. */
const JOBS_PER_CORE = 2;

/**
 * Give each file its output name: `<relPath>.json`, or, when another output's folder has that name (a folder
 * x.txt.json/ of inputs beside x.txt), the first free `<relPath>~N.json`.
 */
function assignOutputs(files: readonly InputFile[]): PlannedFile[] {
  const folders = new Set<string>();
  for (const f of files) {
    const parts = outputName(f.relPath).split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const used = new Set<string>();
  return files.map((f) => {
    let output = outputName(f.relPath);
    for (let n = 1; folders.has(output) || used.has(output); n++) output = outputName(f.relPath, n);
    used.add(output);
    return { ...f, output };
  });
}

/** Plan a run over the command line's inputs; `out` (when it exists) is never walked. */
export async function planRun(
  inputs: readonly string[],
  options: { jobs?: number; timeoutSeconds?: number; ocr?: boolean; shard?: Shard; out?: Stats | null },
): Promise<RunPlan> {
  const walk = await walkInputs(inputs, { exclude: options.out ? [options.out] : [] });
  // Outputs are named over all inputs, so that the shards of a run name them as the whole run does.
  const files = assignOutputs(walk.files).filter((f) => !options.shard || inShard(f.relPath, options.shard));
  const cores = availableParallelism();
  const cap = JOBS_PER_CORE * cores;
  const asked = options.jobs ?? cores;
  const jobsNote =
    asked > cap ? `--jobs ${asked} is more than ${JOBS_PER_CORE} worker threads per core (${cores} core${cores === 1 ? '' : 's'}); using ${cap}` : null;
  return {
    files,
    skipped: walk.skipped,
    jobs: Math.max(0, Math.min(asked, cap, files.length || 1)),
    jobsNote,
    timeoutMs: 1000 * (options.timeoutSeconds ?? (options.ocr ? DEFAULT_OCR_TIMEOUT_SECONDS : DEFAULT_TIMEOUT_SECONDS)),
  };
}
