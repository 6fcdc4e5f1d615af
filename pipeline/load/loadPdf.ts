/**
 * Loader for PDF notices: pdf.js text items → visual lines → page furniture removed → paragraphs rebuilt from
 * layout → canonical text with per-page start offsets. Pages without a text layer (scans) are read by OCR when
 * options.ocr is set, and otherwise make the file fail with a message that names the remedy.
 */
import { OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Diagnostic } from '../../output/schema.js';
import { type Loaded, LoadError, type LoadOptions } from './loaded.js';
import { openPdf, pdfError } from './pdfDocument.js';
import { removeFurniture } from './pdfFurniture.js';
import { linesFromPieces, piecesFromItems, type PdfPageLines } from './pdfLines.js';
import { createOcrWorker, ocrPageLines, renderPagePng } from './pdfOcr.js';
import { buildParagraphs, paragraphsToText } from './pdfParagraphs.js';

/** A page with fewer non-space characters than this has no usable text layer. */
const MIN_PAGE_CHARS = 10;

/** Operators that paint an image: a page made of them and (almost) no text is a scan. */
const IMAGE_OPS: ReadonlySet<number> = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
]);

/** Throw when the caller's per-file time limit has fired (checked between pages). */
function checkAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (signal.reason instanceof LoadError) throw signal.reason;
  throw new LoadError('limit/timeout', 'loading the PDF was stopped: the per-file time limit was reached');
}

/** Reject bytes that are not a complete PDF before pdf.js tries (and recovers from) them. */
function checkEnvelope(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const looksHtml = /^\s*(?:\uFEFF|\xEF\xBB\xBF)?\s*<(?:!doctype html|html|head|body|meta)/iu.test(head);
    throw new LoadError(
      'pdf/corrupt',
      looksHtml
        ? 'the file is an HTML page, not a PDF (a web page saved with a .pdf name?)'
        : 'the file is not a PDF: it has no %PDF- header',
    );
  }
  const tailStart = Math.max(0, bytes.length - 8192);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new LoadError('pdf/corrupt', 'the PDF is truncated (no %%EOF end marker): the file is incomplete; download or copy it again');
  }
}

/** True when the page paints at least one image. */
async function paintsImages(page: PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
}

/** Read one page's text layer as visual lines, with its count of non-space characters. */
async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<{ lines: PdfPageLines; chars: number; images: boolean }> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view; // [left, bottom, right, top]
    const lines = linesFromPieces(piecesFromItems(content.items, page.view), pageNumber);
    const chars = lines.reduce((n, l) => n + l.text.replace(/\s/gu, '').length, 0);
    const images = chars < MIN_PAGE_CHARS ? await paintsImages(page) : false;
    return { lines: { page: pageNumber, width: x1 - x0, height: y1 - y0, lines }, chars, images };
  } finally {
    page.cleanup();
  }
}

/** Pages list for messages: "1", "1–3", "2, 5". */
function pageList(pages: readonly number[]): string {
  const contiguous = pages.length > 2 && pages.every((p, i) => i === 0 || p === pages[i - 1]! + 1);
  return contiguous ? `${pages[0]}–${pages[pages.length - 1]}` : pages.join(', ');
}

/** Load a PDF notice. */
export async function loadPdf(bytes: Uint8Array, options: LoadOptions): Promise<Loaded> {
  if (bytes.length === 0) throw new LoadError('input/empty', 'the file is empty (0 bytes)');
  checkEnvelope(bytes);
  checkAborted(options.signal);
  const { doc, close } = await openPdf(bytes);
  try {
    const pageCount = doc.numPages;
    if (pageCount === 0) throw new LoadError('pdf/corrupt', 'the PDF has no pages');
    if (pageCount > options.limits.maxPages) {
      throw new LoadError('limit/pages', `the PDF has ${pageCount} pages, over the limit of ${options.limits.maxPages}`);
    }
    const pages: PdfPageLines[] = [];
    const sparse: Array<{ page: number; images: boolean }> = [];
    let totalChars = 0;
    for (let p = 1; p <= pageCount; p++) {
      checkAborted(options.signal);
      const read = await readPage(doc, p).catch((error: unknown) => {
        throw pdfError(error);
      });
      pages.push(read.lines);
      totalChars += read.chars;
      if (read.chars < MIN_PAGE_CHARS) sparse.push({ page: p, images: read.images });
    }

    // Pages to OCR: image pages without text; every page when the document has no text at all.
    const textless = sparse.filter((s) => s.images || totalChars === 0).map((s) => s.page);
    const diagnostics: Diagnostic[] = [];
    if (textless.length > 0 && !options.ocr) {
      if (totalChars < MIN_PAGE_CHARS) {
        throw new LoadError('pdf/no-text', 'the PDF has no text layer (a scan?); rerun with --ocr to read it by OCR');
      }
      diagnostics.push({
        severity: 'warning',
        code: 'pdf/page-no-text',
        message: `page ${pageList(textless)} has no text layer (a scan?) and was skipped; rerun with --ocr to read it by OCR`,
        span: null,
      });
    } else if (textless.length > 0) {
      const worker = await createOcrWorker();
      try {
        for (const p of textless) {
          checkAborted(options.signal);
          const { png, scale } = await renderPagePng(doc, p);
          pages[p - 1]!.lines = await ocrPageLines(worker, png, scale, p);
        }
      } finally {
        await worker.terminate();
      }
      diagnostics.push({
        severity: 'info',
        code: 'pdf/ocr',
        message: `text read by OCR; check figures against the scan (page ${pageList(textless)})`,
        span: null,
      });
    }

    const { pages: clean } = removeFurniture(pages);
    const paragraphs = buildParagraphs(clean);
    const { text, pageStarts } = paragraphsToText(paragraphs, pageCount);
    if (text === '') throw new LoadError('pdf/no-text', 'the PDF contains no text (blank pages?); if it is a scan, rerun with --ocr');
    return { format: 'pdf', text, encoding: null, pages: pageCount, pageStarts, pageDate: null, diagnostics };
  } finally {
    await close();
  }
}
