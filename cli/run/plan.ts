/** What a run will do before it starts: the input files (in a stable order, this shard's share) with their output
 *  names, what the walk left out, the number of worker threads and the per-file time limit. */
import type { Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type OutputFormat, type Outputs, outputName } from '../../output/runLayout.js';
import { DEFAULT_OCR_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';
import { inShard, type Shard } from './shard.js';
import { type InputFile, type Skipped, walkInputs } from './walkInputs.js';

/** An input file with the outputs it is written to (relative to --out), one per format asked for. */
export interface PlannedFile extends InputFile {
  outputs: Outputs;
}

/** The plan of a run. */
export interface RunPlan {
  files: PlannedFile[];
  /** Input files found, in every shard (the walk found nothing when 0). */
  found: number;
  skipped: Skipped[];
  /** Files of the folders walked passed over for their extension. */
  ignored: { count: number; examples: string[] };
  /** Worker threads; 0 runs the files in this thread. */
  jobs: number;
  /** Set when --jobs asked for more threads than the run uses. */
  jobsNote: string | null;
  timeoutMs: number;
}

/** Worker threads per core at most: a worker may hold up to a gigabyte, and more threads than cores only wait. */
const JOBS_PER_CORE = 2;

/**
 * Give each file its output names, one per format: `<relPath>.json` (`.md`, `.chunks.jsonl`), or, when another
 * output's folder has that name (a folder x.txt.json/ of inputs beside x.txt), the first free `<relPath>~N.json`.
 * The names of one format do not depend on the other formats asked for.
 */
function assignOutputs(files: readonly InputFile[], formats: readonly OutputFormat[]): PlannedFile[] {
  const folders = new Set<string>();
  for (const f of files) {
    const parts = f.relPath.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const used = new Set<string>();
  return files.map((f) => {
    const outputs: Outputs = {};
    for (const format of formats) {
      let output = outputName(f.relPath, 0, format);
      for (let n = 1; folders.has(output) || used.has(output); n++) output = outputName(f.relPath, n, format);
      used.add(output);
      outputs[format] = output;
    }
    return { ...f, outputs };
  });
}

/** Plan a run over the command line's inputs; `out` (when it exists) is never walked. */
export async function planRun(
  inputs: readonly string[],
  options: { jobs?: number; timeoutSeconds?: number; ocr?: boolean; shard?: Shard; out?: Stats | null; formats?: readonly OutputFormat[] },
): Promise<RunPlan> {
  const walk = await walkInputs(inputs, { exclude: options.out ? [options.out] : [] });
  // Outputs are named over all inputs, so that the shards of a run name them as the whole run does.
  const files = assignOutputs(walk.files, options.formats ?? ['json']).filter((f) => !options.shard || inShard(f.relPath, options.shard));
  const cores = availableParallelism();
  const cap = JOBS_PER_CORE * cores;
  const asked = options.jobs ?? cores;
  const jobsNote =
    asked > cap ? `--jobs ${asked} is more than ${JOBS_PER_CORE} worker threads per core (${cores} core${cores === 1 ? '' : 's'}); using ${cap}` : null;
  return {
    files,
    found: walk.files.length,
    skipped: walk.skipped,
    ignored: walk.ignored,
    jobs: Math.max(0, Math.min(asked, cap, files.length || 1)),
    jobsNote,
    timeoutMs: 1000 * (options.timeoutSeconds ?? (options.ocr ? DEFAULT_OCR_TIMEOUT_SECONDS : DEFAULT_TIMEOUT_SECONDS)),
  };
}
