/** The worker-thread entry (piscina): segmenter and rule tables load once per worker, at first import. */
import { processTask, type Task, type TaskResult } from './processTask.js';

/** Process one task in this worker. */
export default function run(task: Task): Promise<TaskResult> {
  return processTask(task);
}
