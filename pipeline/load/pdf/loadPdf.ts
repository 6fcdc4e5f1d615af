/**
 * Loader for PDF notices: text layer → visual lines → page furniture removed → paragraphs rebuilt from layout →
 * canonical text with per-page start offsets. Pages without a text layer (scans) are read by OCR when
 * options.ocr is set, and otherwise make the file fail with a message that names the remedy.
 *
 * Two text engines give the same pieces (pdfiumPieces.ts groups PDFium's characters as pdf.js groups glyphs):
 * PDFium (WASM, the default: faster on embedded CJK Type 1 subsets, whose font programs pdf.js converts)
 * and pdf.js. A file PDFium cannot open, or whose characters it cannot map to Unicode, is read by pdf.js, with
 * an info diagnostic `pdf/engine-fallback`; the choice depends only on the bytes, so output stays deterministic.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { diagnostic } from '../../../output/diagnosticCodes.js';
import type { Diagnostic } from '../../../output/schema.js';
import { type Loaded, type LoadOptions } from '../loaded.js';
import type { Result } from '../../result.js';
import { FileError } from '../../fileError.js';
import { MAX_IMAGE_PIXELS, openPdf, pdfError } from './document.js';
import { removeFurniture } from './furniture.js';
import { linesFromPieces, piecesFromItems, type PdfLine, type PdfPageLines, type TextPiece } from './lines.js';
import { createOcrWorker, MAX_RENDER_PIXELS, OCR_DPI, ocrPageLines, renderPagePng } from './ocr.js';
import { openPdfium, type PageImages, type PdfiumDocument } from './pdfiumText.js';
import { loadedPdfjs, pdfjs } from './pdfjsModule.js';
import { buildParagraphs, paragraphsToText } from './paragraphs.js';

/** A page with fewer non-space characters than this has no usable text layer. */
const MIN_PAGE_CHARS = 10;

/** Names of the pdf.js operators that paint an image: a page made of them and (almost) no text is a scan. */
const IMAGE_OPS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageXObjectRepeat',
  'paintInlineImageXObjectGroup',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
] as const;

/** Throw when the caller's per-file time limit has fired (checked between pages). */
function checkAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (signal.reason instanceof FileError) throw signal.reason;
  throw new FileError('limit/timeout', 'loading the PDF was stopped: the per-file time limit was reached');
}

/** Reject bytes that are not a complete PDF before an engine tries (and recovers from) them. */
function checkEnvelope(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const looksHtml = /^\s*(?:\uFEFF|\xEF\xBB\xBF)?\s*<(?:!doctype html|html|head|body|meta)/iu.test(head);
    throw new FileError(
      'pdf/corrupt',
      looksHtml
        ? 'the file is an HTML page, not a PDF (a web page saved with a .pdf name?)'
        : 'the file is not a PDF: it has no %PDF- header',
    );
  }
  const tailStart = Math.max(0, bytes.length - 8192);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new FileError('pdf/corrupt', 'the PDF is truncated (no %%EOF end marker): the file is incomplete; download or copy it again');
  }
}

/** Throw limit/pages when the document is longer than the limit, pdf/corrupt when it has no pages. */
function checkPageCount(pageCount: number, options: LoadOptions): void {
  if (pageCount <= 0) throw new FileError('pdf/corrupt', 'the PDF has no pages');
  if (pageCount > options.limits.maxPages) {
    throw new FileError('limit/pages', `the PDF has ${pageCount} pages, over the limit of ${options.limits.maxPages}`);
  }
}

/** One page's visual lines and its count of non-space characters. */
function pageLines(pieces: readonly TextPiece[], pageNumber: number, width: number, height: number): { lines: PdfPageLines; chars: number } {
  const lines = linesFromPieces(pieces, pageNumber);
  const chars = lines.reduce((n, l) => n + l.text.replace(/\s/gu, '').length, 0);
  return { lines: { page: pageNumber, width, height, lines }, chars };
}

/** A document's text layer as read by one engine, and the means to render its pages for OCR. */
interface TextLayer {
  pageCount: number;
  pages: PdfPageLines[];
  /** Pages with (almost) no text, whether they paint an image, and their largest image when the engine tells. */
  sparse: SparsePage[];
  totalChars: number;
  /** The document open in pdf.js, for rendering pages to OCR. */
  pdfjs(): Promise<PDFDocumentProxy>;
  close(): Promise<void>;
}

/** A page with (almost) no text: whether it paints images, and its largest image (null when unknown or none). */
interface SparsePage extends PageImages {
  page: number;
}

/** Collects pages into a TextLayer's fields. */
class PageCollector {
  readonly pages: PdfPageLines[] = [];
  readonly sparse: SparsePage[] = [];
  totalChars = 0;

  /** Add one page; `images` is asked only for a page with (almost) no text. */
  async add(read: { lines: PdfPageLines; chars: number }, images: () => PageImages | Promise<PageImages>): Promise<void> {
    this.pages.push(read.lines);
    this.totalChars += read.chars;
    if (read.chars < MIN_PAGE_CHARS) this.sparse.push({ page: read.lines.page, ...(await images()) });
  }
}

/** Whether the pdf.js page paints an image (an image over MAX_IMAGE_PIXELS is not among its operators, and pdf.js
 *  gives no size before decoding: `largest` is unknown). */
async function paintsImages(page: PDFPageProxy): Promise<PageImages> {
  const ops = await page.getOperatorList();
  const { OPS } = loadedPdfjs();
  const image = new Set<number>(IMAGE_OPS.map((name) => OPS[name]));
  return { images: ops.fnArray.some((fn) => image.has(fn)), largest: null };
}

/** Read the text layer with pdf.js. */
async function readWithPdfjs(bytes: Uint8Array, options: LoadOptions): Promise<TextLayer> {
  const opened = await openPdf(bytes);
  const { doc } = opened;
  const close = () => opened.close();
  try {
    const pageCount = doc.numPages;
    checkPageCount(pageCount, options);
    const collected = new PageCollector();
    for (let p = 1; p <= pageCount; p++) {
      checkAborted(options.signal);
      const page = await doc.getPage(p).catch((error: unknown) => {
        throw pdfError(error);
      });
      try {
        const content = await page.getTextContent().catch((error: unknown) => {
          throw pdfError(error);
        });
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view; // [left, bottom, right, top]
        const read = pageLines(piecesFromItems(content.items, page.view), p, x1 - x0, y1 - y0);
        await collected.add(read, () =>
          paintsImages(page).catch((error: unknown) => {
            throw pdfError(error);
          }),
        );
      } finally {
        page.cleanup();
      }
    }
    return { pageCount, pages: collected.pages, sparse: collected.sparse, totalChars: collected.totalChars, pdfjs: () => Promise.resolve(doc), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Why PDFium's reading is handed over to pdf.js. */
class PdfiumFallback {
  constructor(readonly reason: string) {}
}

/** Read the text layer with PDFium; a PdfiumFallback when pdf.js should read the file instead. */
async function readWithPdfium(bytes: Uint8Array, options: LoadOptions): Promise<TextLayer | PdfiumFallback> {
  const opened = await openPdfium(bytes);
  if (!opened.ok) return new PdfiumFallback(opened.reason);
  const doc: PdfiumDocument = opened.doc;
  let rendering: Promise<{ doc: PDFDocumentProxy; close(): Promise<void> }> | null = null;
  try {
    const pageCount = doc.pageCount;
    if (pageCount <= 0) return new PdfiumFallback('PDFium found no pages');
    // PDFium takes the page tree's /Count on trust; pdf.js checks that the last page exists and otherwise counts
    // the pages the tree holds (a tree that claims 1,000,000 pages and holds one is a 1-page PDF).
    if (pageCount > 1 && !doc.pageExists(pageCount)) return new PdfiumFallback(`the page tree claims ${pageCount} pages but holds fewer`);
    checkPageCount(pageCount, options);
    const collected = new PageCollector();
    for (let p = 1; p <= pageCount; p++) {
      checkAborted(options.signal);
      const page = doc.readPage(p);
      if (page === null) return new PdfiumFallback(`PDFium could not load page ${p}`);
      if (page.unicodeMapError) return new PdfiumFallback(`PDFium cannot map the characters of page ${p} to Unicode`);
      await collected.add(pageLines(page.pieces, p, page.width, page.height), () => doc.pageImages(p));
    }
    return {
      pageCount,
      pages: collected.pages,
      sparse: collected.sparse,
      totalChars: collected.totalChars,
      // OCR renders with pdf.js, opened only when a page needs it. OCR costs ~2 s a page, so opening the file a
      // second time is noise; and the 150 dpi pdf.js rendering is the one whose accuracy the OCR tests establish
      // (PDFium rendering would add a bitmap → PNG path for no measurable gain).
      pdfjs: async () => (await (rendering ??= openPdf(bytes))).doc,
      close: async () => {
        await rendering?.then(
          (opened) => opened.close(),
          () => undefined, // the failure to open was reported where it happened
        );
      },
    };
  } catch (error) {
    if (error instanceof FileError) throw error;
    // A trap inside PDFium: the instance is dropped (the next file gets a fresh one) and pdf.js reads this file.
    doc.abandon();
    return new PdfiumFallback(`PDFium stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    doc.close();
  }
}

/** Pages list for messages: "1", "1–3", "2, 5". */
function pageList(pages: readonly number[]): string {
  const contiguous = pages.length > 2 && pages.every((p, i) => i === 0 || p === pages[i - 1]! + 1);
  return contiguous ? `${pages[0]}–${pages[pages.length - 1]}` : pages.join(', ');
}

/** Read the text layer with the chosen engine (PDFium by default, pdf.js as its fallback). */
async function readTextLayer(bytes: Uint8Array, options: LoadOptions, diagnostics: Diagnostic[]): Promise<TextLayer> {
  if ((options.pdfEngine ?? 'pdfium') === 'pdfjs') return readWithPdfjs(bytes, options);
  const read = await readWithPdfium(bytes, options);
  if (!(read instanceof PdfiumFallback)) return read;
  const layer = await readWithPdfjs(bytes, options);
  diagnostics.push(diagnostic('pdf/engine-fallback', `text read by pdf.js: ${read.reason}`));
  return layer;
}

/** OCR the given pages (rendered by pdf.js) and replace their lines; the pages rendered below OCR_DPI, with their dpi. */
async function ocrPages(layer: TextLayer, pages: readonly number[], options: LoadOptions): Promise<Array<{ page: number; dpi: number }>> {
  const doc = await layer.pdfjs();
  const worker = await createOcrWorker();
  const reduced: Array<{ page: number; dpi: number }> = [];
  try {
    for (const p of pages) {
      checkAborted(options.signal);
      const { png, scale, dpi } = await renderPagePng(doc, p);
      if (dpi < OCR_DPI) reduced.push({ page: p, dpi });
      const lines: PdfLine[] = await ocrPageLines(worker, png, scale, p);
      layer.pages[p - 1]!.lines = lines;
    }
  } finally {
    await worker.terminate();
  }
  return reduced;
}

/** The pages among `pages` whose largest image is over MAX_IMAGE_PIXELS (pdf.js leaves it out), as one message. */
function oversizedImages(sparse: readonly SparsePage[], pages: readonly number[]): string | null {
  const over = sparse.filter((s) => pages.includes(s.page) && s.largest !== null && s.largest.width * s.largest.height > MAX_IMAGE_PIXELS);
  if (over.length === 0) return null;
  const each = over.map((s) => `page ${s.page} holds a ${s.largest!.width} × ${s.largest!.height} image (${Math.round((s.largest!.width * s.largest!.height) / 1e6)} megapixels)`);
  return `${each.join('; ')}: over the ${MAX_IMAGE_PIXELS / 1e6}-megapixel limit for rendering, so it was left out of OCR (a scan at 300 dpi stays well below it)`;
}

/** Load a PDF notice. */
export async function loadPdf(bytes: Uint8Array, options: LoadOptions): Promise<Result<Loaded>> {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  checkEnvelope(bytes);
  checkAborted(options.signal);
  await pdfjs(); // both engines use it (PDFium's pieces get pdf.js's Unicode normalization)
  const diagnostics: Diagnostic[] = [];
  const layer = await readTextLayer(bytes, options, diagnostics);
  try {
    const { pageCount, pages, sparse, totalChars } = layer;
    // Pages to OCR: image pages without text; every page when the document has no text at all.
    const textless = sparse.filter((s) => s.images || totalChars === 0).map((s) => s.page);
    if (textless.length > 0 && !options.ocr) {
      if (totalChars < MIN_PAGE_CHARS) {
        throw new FileError('pdf/no-text', 'the PDF has no text layer (a scan?); rerun with --ocr to read it by OCR');
      }
      diagnostics.push(diagnostic('pdf/page-no-text', `page ${pageList(textless)} has no text layer (a scan?) and was skipped; rerun with --ocr to read it by OCR`));
    }
    let imageLeftOut: string | null = null;
    if (textless.length > 0 && options.ocr) {
      imageLeftOut = oversizedImages(sparse, textless);
      const reduced = await ocrPages(layer, textless, options);
      const lowered = reduced.length > 0 ? `; page ${reduced.map((r) => `${r.page} at ${r.dpi} dpi`).join(', ')}, too large to render at ${OCR_DPI} dpi within ${MAX_RENDER_PIXELS / 1e6} megapixels` : '';
      diagnostics.push(diagnostic('pdf/ocr', `text read by OCR; check figures against the scan (page ${pageList(textless)}${lowered})`));
      if (imageLeftOut) diagnostics.push(diagnostic('limit/image', imageLeftOut));
    }

    const { pages: clean } = removeFurniture(pages);
    const paragraphs = buildParagraphs(clean);
    const { text, pageStarts } = paragraphsToText(paragraphs, pageCount);
    if (text === '') {
      if (imageLeftOut) throw new FileError('limit/image', `${imageLeftOut}; nothing else in the PDF could be read`);
      if (!options.ocr) throw new FileError('pdf/no-text', 'the PDF contains no text (blank pages?); if it is a scan, rerun with --ocr');
      throw new FileError(
        'pdf/no-text',
        textless.length > 0
          ? `OCR read no text from page ${pageList(textless)}: the scan may be blank, too faint or not text`
          : 'the PDF contains no text and no scanned page to read by OCR (blank pages?)',
      );
    }
    return { value: { format: 'pdf', text, encoding: null, pages: pageCount, pageStarts, pageDate: null }, diagnostics };
  } finally {
    await layer.close();
  }
}
