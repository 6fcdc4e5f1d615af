/**
 * The worker-thread entry of `zhenggai run` (cli/run/workerPool.ts): `init` builds what every task of this thread
 * shares — the pipeline's context (jieba and the rule tables), a writer and an encoder — and warms the engines up
 * before the first task, so that the start-up is never charged to a file's time limit; then tasks arrive a few at a
 * time and run one after another.
 */
import { workerData } from 'node:worker_threads';
import { AtomicWriter, DocumentEncoder } from '../../output/writeFiles.js';
import { createPipelineContext } from '../../pipeline/context.js';
import { processText } from '../../pipeline/process.js';
import { processTask, type TaskRuntime } from './task.js';
import { type PoolWorkerData, serveTasks } from './workerPool.js';

/** What every worker gets once (cli/run/executors.ts), besides its pool slot. */
export interface WorkerData extends PoolWorkerData {
  /** The run's --reference-date. */
  referenceDate: string | null;
  /** Make a full garbage collection every this many tasks (0: never); see cli/run/v8Tuning.ts. */
  collectEvery: number;
}

/** A short notice run once before the first task: the first document in a fresh thread costs many times a warm one. */
const WARM_UP = [
  '根据市委统一部署,2024年3月1日至4月30日,市委第二巡察组对示范单位进行了巡察。6月5日反馈了巡察意见。',
  '一、整改工作总体情况',
  '(一)加强组织领导。召开专题会议3次,制定《示范单位整改工作方案》,整改问题12个,追回资金1.5万元。',
  '欢迎广大干部群众对巡察整改落实情况进行监督。联系电话:0000-1234567。',
  '示范单位',
  '2024年8月1日',
].join('\n');

/** Build this thread's runtime and warm it up. */
export function init(data: Pick<WorkerData, 'referenceDate'>): TaskRuntime {
  const context = createPipelineContext({ referenceDate: data.referenceDate });
  processText(WARM_UP, { context });
  return { context, writer: new AtomicWriter(), encoder: new DocumentEncoder() };
}

const data = workerData as WorkerData;
const runtime = init(data);
/** V8's gc function: the run exposes it (--expose-gc) before it starts the workers. */
const gc = (globalThis as { gc?: () => void }).gc;
let done = 0;
serveTasks(
  (task: Parameters<typeof processTask>[0]) => processTask(task, runtime),
  () => {
    if (data.collectEvery > 0 && ++done % data.collectEvery === 0) gc?.();
  },
);
