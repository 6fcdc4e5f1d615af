/**
 * Raw text extraction alone — what pdf.js and mammoth cost without the pipeline — over a folder, on N worker
 * threads like the pipeline: the denominator of the pipeline's overhead ratio in `npm run bench`.
 * Usage (compiled): node dist/bench/rawExtract.js <dir> <threads>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodeText } from '../pipeline/load/decodeText.js';

async function extract(path: string): Promise<number> {
  const bytes = readFileSync(path);
  if (path.endsWith('.pdf')) {
    const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
    let n = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const c = await page.getTextContent();
      n += c.items.length;
      page.cleanup();
    }
    await doc.destroy();
    return n;
  }
  if (path.endsWith('.docx')) return (await mammoth.extractRawText({ buffer: bytes })).value.length;
  return decodeText(bytes).text.length;
}

if (isMainThread) {
  const [dir, threadsArg] = process.argv.slice(2);
  const files = readdirSync(dir!, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const threads = Number(threadsArg ?? 2);
  const started = performance.now();
  const shares = Array.from({ length: threads }, (_, k) => files.filter((_, i) => i % threads === k));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: share });
          w.on('message', () => resolve());
          w.on('error', reject);
        }),
    ),
  );
  process.stdout.write(`${JSON.stringify({ files: files.length, seconds: (performance.now() - started) / 1000 })}\n`);
} else {
  for (const f of workerData as string[]) await extract(f);
  parentPort!.postMessage('done');
}
