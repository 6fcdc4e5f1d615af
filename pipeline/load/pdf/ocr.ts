/**
 * OCR of pages without a text layer: each page is rendered by pdf.js at OCR_DPI onto a canvas (pdf.js uses
 * @napi-rs/canvas in Node, an optional dependency of pdfjs-dist) and read by tesseract.js with the chi_sim
 * data of @tesseract.js-data/chi_sim from node_modules (local langPath, gzip, no cache written: no network,
 * no files left behind). Tesseract's lines become PdfLines, so paragraphs are rebuilt by the same layout rules.
 */
import { createRequire } from 'node:module';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { FileError } from '../../fileError.js';
import type { PdfLine } from './lines.js';
import { tidyLine } from './text.js';

/** Rendering resolution: ~150 dpi reads CJK body text best with chi_sim (300 dpi is slower and no better). */
export const OCR_DPI = 150;

/**
 * Largest rendering of a page, in pixels (16 MP, 64 MB of RGBA: an A2 page at 150 dpi is 17 MP): a larger page is
 * rendered at the resolution that fits, so that a page of 40000 × 40000 points does not ask for a canvas of
 * 83333 × 83333 pixels.
 */
export const MAX_RENDER_PIXELS = 16_000_000;

/** The scale (pixels per point) a page of this size is rendered at for OCR: OCR_DPI, or less to fit MAX_RENDER_PIXELS. */
export function ocrScale(widthPt: number, heightPt: number): number {
  const full = OCR_DPI / 72;
  const area = Math.max(1, widthPt * heightPt);
  return area * full * full <= MAX_RENDER_PIXELS ? full : Math.sqrt(MAX_RENDER_PIXELS / area);
}

const require = createRequire(import.meta.url);

/** Where the chi_sim traineddata lives (the package's own index says: langPath + gzip). */
function chiSimData(): { langPath: string; gzip: boolean } {
  try {
    const data = require('@tesseract.js-data/chi_sim') as { langPath: string; gzip: boolean };
    return { langPath: data.langPath, gzip: data.gzip };
  } catch (error) {
    throw new FileError('pdf/ocr-unavailable', `OCR needs the npm package @tesseract.js-data/chi_sim: ${String(error)}`);
  }
}

/** A tesseract worker for Simplified Chinese, reading only local files. */
export async function createOcrWorker(): Promise<Worker> {
  const { langPath, gzip } = chiSimData();
  try {
    const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
      langPath,
      gzip,
      cacheMethod: 'none',
      logger: () => undefined,
      errorHandler: () => undefined,
    });
    await worker.setParameters({ user_defined_dpi: String(OCR_DPI) });
    return worker;
  } catch (error) {
    throw new FileError('pdf/ocr-unavailable', `the OCR engine could not start: ${String(error)}`);
  }
}

/** Minimal view of pdf.js's canvas factory (NodeCanvasFactory over @napi-rs/canvas). */
interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: unknown };
  destroy(entry: unknown): void;
}

/** Render one page to a PNG at OCR_DPI, or at the resolution that keeps it within MAX_RENDER_PIXELS. */
export async function renderPagePng(doc: PDFDocumentProxy, pageNumber: number): Promise<{ png: Buffer; scale: number; dpi: number }> {
  const page = await doc.getPage(pageNumber);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const scale = ocrScale(Math.abs(x1 - x0), Math.abs(y1 - y0));
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as CanvasFactoryLike;
  let entry: ReturnType<CanvasFactoryLike['create']>;
  try {
    entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  } catch (error) {
    throw new FileError('pdf/ocr-unavailable', `rendering PDF pages for OCR needs the npm package @napi-rs/canvas: ${String(error)}`);
  }
  try {
    const params = { canvas: entry.canvas, canvasContext: entry.context, viewport, background: 'white' };
    await page.render(params).promise;
    return { png: entry.canvas.toBuffer('image/png'), scale, dpi: Math.round(scale * 72) };
  } finally {
    factory.destroy(entry);
    page.cleanup();
  }
}

/** Tesseract's line geometry (pixels), as returned in `blocks`. */
interface OcrLine {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  baseline?: { x0: number; y0: number; x1: number; y1: number } | null;
}

/** The line's baseline height in pixels (tesseract's baseline when it gives one, else the box bottom). */
function baselineOf(l: OcrLine): number {
  const b = l.baseline;
  return b && Number.isFinite(b.y0) && Number.isFinite(b.y1) && b.y0 > l.bbox.y0 ? (b.y0 + b.y1) / 2 : l.bbox.y1;
}

/** OCR one rendered page into visual lines in the page's point frame (y down), top to bottom. */
export async function ocrPageLines(worker: Worker, png: Buffer, scale: number, pageNumber: number): Promise<PdfLine[]> {
  const result = await worker.recognize(png, {}, { text: false, blocks: true });
  const raw: OcrLine[] = [];
  for (const block of result.data.blocks ?? []) {
    for (const paragraph of block.paragraphs) for (const line of paragraph.lines) raw.push(line);
  }
  // The em of a line: Chinese characters are square, so the advance per character (ASCII counted as half)
  // measures the font size; lines with too few of them take the page's median line height.
  const heights = raw.map((l) => l.bbox.y1 - l.bbox.y0).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)] ?? 1;
  const lines: PdfLine[] = [];
  for (const l of raw) {
    const text = tidyLine(l.text.replace(/\s*\n\s*/gu, ' '));
    if (text === '') continue;
    const wide = [...text].filter((ch) => ch.charCodeAt(0) >= 0x2e80).length;
    const narrow = text.length - wide;
    const pitch = wide >= 2 ? (l.bbox.x1 - l.bbox.x0) / (wide + 0.5 * narrow) : medianHeight;
    lines.push({ page: pageNumber, text, left: l.bbox.x0 / scale, right: l.bbox.x1 / scale, y: baselineOf(l) / scale, size: pitch / scale });
  }
  return lines.sort((a, b) => a.y - b.y || a.left - b.left);
}
