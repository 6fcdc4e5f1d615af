/**
 * Opening a PDF with pdf.js in Node: the legacy build, CMaps, standard fonts and wasm decoders read from the
 * INSTALLED pdfjs-dist (file paths with a trailing slash, as pdf.js's Node readers expect), no font faces, no
 * eval, no network. pdf.js exceptions are turned into FileErrors with stable codes.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DiagnosticCode } from '../../../output/diagnosticCodes.js';
import { FileError } from '../../fileError.js';
import { pdfjs } from './pdfjsModule.js';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

/** A folder inside the installed pdfjs-dist, as a path ending with the separator. */
function assetDir(name: string): string {
  return join(PDFJS_ROOT, name) + sep;
}

/** pdf.js asset locations (CMaps for non-embedded CJK fonts, standard fonts, wasm image decoders). */
const PDFJS_ASSETS = {
  cMapUrl: assetDir('cmaps'),
  cMapPacked: true,
  standardFontDataUrl: assetDir('standard_fonts'),
  wasmUrl: assetDir('wasm'),
  iccUrl: assetDir('iccs'),
} as const;

/**
 * Largest image pdf.js decodes, in pixels (its `maxImageSize`): a bigger one is left out of the page's operators
 * and so is neither decoded nor painted. Decoding and painting cost about 11 bytes a pixel at peak (measured:
 * 25 MP → 380 MB RSS, 50 MP → 650 MB, 100 MP → 1.2 GB; a 40000 × 40000 image took 3.6 GB): 40 MP keeps a
 * worker near half a gigabyte and still takes an A4 page scanned at 600 dpi (35 MP). loadPdf reports an image
 * left out for OCR as limit/image.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** An open PDF and the means to release it. */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

/** pdf.js exception names → our error codes and messages. */
const PDFJS_ERRORS: ReadonlyArray<{ name: string; code: DiagnosticCode; message: (detail: string) => string }> = [
  { name: 'PasswordException', code: 'pdf/encrypted', message: () => 'the PDF is password-protected; remove the password and retry' },
  { name: 'InvalidPDFException', code: 'pdf/corrupt', message: (d) => `the file is not a readable PDF (${d})` },
  { name: 'MissingPDFException', code: 'pdf/corrupt', message: (d) => `the PDF has no readable content (${d})` },
  { name: 'FormatError', code: 'pdf/corrupt', message: (d) => `the PDF is damaged (${d})` },
  { name: 'UnknownErrorException', code: 'pdf/corrupt', message: (d) => `the PDF could not be read (${d})` },
];

/** Turn anything pdf.js throws into a FileError (pdf/encrypted, pdf/corrupt). */
export function pdfError(error: unknown): FileError {
  if (error instanceof FileError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const detail = error instanceof Error ? error.message : String(error);
  const known = PDFJS_ERRORS.find((e) => e.name === name);
  if (known) return new FileError(known.code, known.message(detail));
  return new FileError('pdf/corrupt', `the PDF could not be read: ${detail}`);
}

/** Open PDF bytes with pdf.js (a private copy of the bytes is handed over, as pdf.js may detach it). */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const { getDocument } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    ...PDFJS_ASSETS,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error);
  }
}
