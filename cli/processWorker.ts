/**
 * The worker-thread entry of `zhenggai run` (cli/workerPool.ts): the segmenter and rule tables load once per
 * worker, at first import; tasks arrive a few at a time and run one after another.
 */
import { workerData } from 'node:worker_threads';
import { processText } from '../pipeline/process.js';
import { processTask } from './processTask.js';
import { type PoolWorkerData, serveTasks } from './workerPool.js';

/** What every worker gets once (cli/runCommand.ts), besides its pool slot. */
export interface WorkerData extends PoolWorkerData {
  /** Make a full garbage collection every this many tasks (0: never); see runCommand's note on memory. */
  collectEvery: number;
}

const { collectEvery } = workerData as WorkerData;
/** V8's gc function: runCommand exposes it (--expose-gc) before it starts the workers. */
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * A short notice run once when the worker starts, before it takes tasks: it builds the segmenter and warms the
 * rule engines (the first document in a fresh thread costs ~10× a warm one), so that this start-up cost is
 * never charged to the first file's time limit.
 */
const WARM_UP = [
  '根据市委统一部署,2024年3月1日至4月30日,市委第二巡察组对示范单位进行了巡察。6月5日反馈了巡察意见。',
  '一、整改工作总体情况',
  '(一)加强组织领导。召开专题会议3次,制定《示范单位整改工作方案》,整改问题12个,追回资金1.5万元。',
  '欢迎广大干部群众对巡察整改落实情况进行监督。联系电话:0000-1234567。',
  '示范单位',
  '2024年8月1日',
].join('\n');
processText(WARM_UP, { referenceDate: null, ocr: false });

let done = 0;
serveTasks(processTask, () => {
  if (collectEvery > 0 && ++done % collectEvery === 0) gc?.();
});
