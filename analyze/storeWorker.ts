/** A worker thread of the store's load (analyze/store.ts): batches of scanned records in, prepared documents out. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareDocument, type Scanned } from './storeRows.js';

const { dir } = workerData as { dir: string };
parentPort!.on('message', (batch: Scanned[]) => {
  try {
    parentPort!.postMessage({ ok: batch.map((s) => prepareDocument(dir, s)) });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
