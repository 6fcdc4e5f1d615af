/**
 * Raw text extraction alone — what pdf.js (or PDFium) and mammoth cost without the pipeline — over a folder, on N
 * worker threads like the pipeline: the denominator of the pipeline's overhead ratio in `npm run bench`.
 * PDFium's raw extraction is its plain text call per page (FPDFText_LoadPage + FPDFText_GetText), no positions.
 * Usage (compiled): node dist/bench/rawExtract.js <dir> <threads> [pdfjs|pdfium]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { getPdfium } from '../pipeline/load/pdf/pdfiumModule.js';
import { pdfjs } from '../pipeline/load/pdf/pdfjsModule.js';

type PdfEngine = 'pdfjs' | 'pdfium';

/** PDFium's plain text of every page; the number of characters read. */
async function pdfiumText(bytes: Uint8Array): Promise<number> {
  const { x } = await getPdfium();
  const data = x.malloc(bytes.length);
  new Uint8Array(x.memory.buffer, data, bytes.length).set(bytes);
  const doc = x.FPDF_LoadMemDocument(data, bytes.length, 0);
  let n = 0;
  try {
    if (doc === 0) throw new Error(`PDFium cannot open the file (error ${x.FPDF_GetLastError()})`);
    for (let p = 0; p < x.FPDF_GetPageCount(doc); p++) {
      const page = x.FPDF_LoadPage(doc, p);
      const text = x.FPDFText_LoadPage(page);
      const count = x.FPDFText_CountChars(text);
      const buf = x.malloc(2 * (count + 1));
      n += x.FPDFText_GetText(text, 0, count, buf);
      x.free(buf);
      x.FPDFText_ClosePage(text);
      x.FPDF_ClosePage(page);
    }
  } finally {
    if (doc !== 0) x.FPDF_CloseDocument(doc);
    x.free(data);
  }
  return n;
}

async function extract(path: string, engine: PdfEngine): Promise<number> {
  const bytes = readFileSync(path);
  if (path.endsWith('.pdf') && engine === 'pdfium') return pdfiumText(new Uint8Array(bytes));
  if (path.endsWith('.pdf')) {
    const { getDocument } = await pdfjs();
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
  const [dir, threadsArg, engineArg] = process.argv.slice(2);
  const engine: PdfEngine = engineArg === 'pdfium' ? 'pdfium' : 'pdfjs';
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
          const w = new Worker(new URL(import.meta.url), { workerData: { share, engine } });
          w.on('message', () => resolve());
          w.on('error', reject);
        }),
    ),
  );
  process.stdout.write(`${JSON.stringify({ files: files.length, seconds: (performance.now() - started) / 1000 })}\n`);
} else {
  const { share, engine } = workerData as { share: string[]; engine: PdfEngine };
  for (const f of share) await extract(f, engine);
  parentPort!.postMessage('done');
}
