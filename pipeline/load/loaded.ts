/** What every loader returns: the canonical text and what was learnt about the file on the way. */
import type { Format } from '../../output/schema.js';
import type { Result } from '../result.js';

/** Resource limits applied while loading one file (hostile-input protection). */
export interface Limits {
  /** Largest input file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of the parts read from a zip container (.docx), in bytes. */
  maxUnzippedBytes: number;
  /** Largest number of PDF pages processed. */
  maxPages: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxUnzippedBytes: 128 * 1024 * 1024,
  maxPages: 500,
};

/** Options every loader receives. */
export interface LoadOptions {
  limits: Limits;
  /** Run OCR on PDFs without a text layer (slow). */
  ocr: boolean;
  /** Aborted when the per-file time limit is reached; long loaders check it between pages/parts. */
  signal?: AbortSignal;
  /**
   * PDF text engine: 'pdfium' (default; WASM PDFium, falling back to pdf.js for a file it cannot read, with an
   * info diagnostic pdf/engine-fallback) or 'pdfjs' (pdf.js only). Both give the same text on well-formed PDFs.
   */
  pdfEngine?: 'pdfium' | 'pdfjs';
}

/**
 * The result of loading one file: the canonical text (paragraphs separated by '\n', no '\r', page furniture
 * removed, PDF line wraps rejoined) from which every span is counted.
 */
export interface Loaded {
  format: Format;
  text: string;
  /** txt/html: the detected character encoding (utf-8, gb18030, utf-16le, …); otherwise null. */
  encoding: string | null;
  /** pdf: the page count; otherwise null. */
  pages: number | null;
  /** pdf: pageStarts[i] is the offset in `text` where page i+1 begins (ascending). */
  pageStarts: number[] | null;
  /** html: the page's own publication date (发布时间), ISO, used when the notice has no signature date. */
  pageDate: string | null;
}

/** A loader turns a file's bytes into canonical text and its diagnostics; it throws FileError when the file cannot be
 *  processed. */
export type Loader = (bytes: Uint8Array, options: LoadOptions) => Promise<Result<Loaded>>;

