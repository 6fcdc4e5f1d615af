/** What a run will do before it starts: the input files (in a stable order, this shard's share), the number of
 *  worker threads and the per-file time limit. */
import { availableParallelism } from 'node:os';
import { DEFAULT_OCR_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';
import { inShard, type Shard } from './shard.js';
import { type InputFile, walkInputs } from './walkInputs.js';

/** The plan of a run. */
export interface RunPlan {
  files: InputFile[];
  /** Worker threads; 0 runs the files in this thread. */
  jobs: number;
  timeoutMs: number;
}

/** Plan a run over the command line's inputs. */
export async function planRun(inputs: readonly string[], options: { jobs?: number; timeoutSeconds?: number; ocr?: boolean; shard?: Shard }): Promise<RunPlan> {
  const files: InputFile[] = [];
  for await (const f of walkInputs(inputs)) if (!options.shard || inShard(f.relPath, options.shard)) files.push(f);
  return {
    files,
    jobs: Math.max(0, Math.min(options.jobs ?? availableParallelism(), files.length || 1)),
    timeoutMs: 1000 * (options.timeoutSeconds ?? (options.ocr ? DEFAULT_OCR_TIMEOUT_SECONDS : DEFAULT_TIMEOUT_SECONDS)),
  };
}
