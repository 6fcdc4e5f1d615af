/** `--shard K/N`: a deterministic 1/N of the inputs by a hash of their relative path, for job arrays. */
import { createHash } from 'node:crypto';
import { UsageError } from '../usageError.js';

/** A shard: index (0-based) and count. */
export interface Shard {
  index: number;
  count: number;
}

/** Parse K/N (0 ≤ K < N). */
export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/u.exec(s.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new UsageError(`--shard expects K/N with 0 ≤ K < N (e.g. 0/4 … 3/4, as $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT); got ${s}`);
  }
  return { index, count };
}

/** True when the input with this relative path belongs to the shard (the same answer on every machine). */
export function inShard(relPath: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const h = createHash('sha256').update(relPath).digest();
  return h.readUInt32BE(0) % shard.count === shard.index;
}
