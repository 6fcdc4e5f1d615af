/**
 * PDFium compiled to WebAssembly (npm @embedpdf/pdfium, MIT wrapper over BSD PDFium): one module instance per
 * thread, created lazily on first use and reused for every document the thread loads. The .wasm binary is read
 * from the INSTALLED package (resolved like any dependency; never fetched from a URL). The emscripten runtime's
 * print/printErr are silenced: stderr belongs to the CLI's diagnostics.
 *
 * Calls go straight to the WASM exports, not through the package's cwrap wrappers: those convert every argument
 * on every call, and the text reader makes several calls per character. A trap inside PDFium (a WebAssembly
 * RuntimeError) may leave the instance in an undefined state, so the caller drops it with discardPdfium() and the
 * next document gets a fresh instance.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';

/** The raw PDFium exports the loader uses (handles and pointers are numbers into WASM memory). */
export interface PdfiumExports {
  memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  PDFiumExt_Init(): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  /** Writes the page's size as FS_SIZEF {width, height} (float32) from its dictionary, without parsing its content;
   *  0 when the page tree holds no such page. */
  FPDF_GetPageSizeByIndexF(doc: number, index: number, size: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_CloseDocument(doc: number): void;
  /** Writes the page's box (CropBox ∩ MediaBox) as FS_RECTF {left, top, right, bottom} (float32). */
  FPDF_GetPageBoundingBox(page: number, rect: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(object: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  /** Writes the image's pixel width and height (two uint32) from its dictionary, without decoding it. */
  FPDFImageObj_GetImagePixelSize(image: number, width: number, height: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  /** Writes `count` characters from `start` as UTF-16LE plus a NUL; returns the number of code units written. */
  FPDFText_GetText(textPage: number, start: number, count: number, buffer: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_IsHyphen(textPage: number, index: number): number;
  FPDFText_HasUnicodeMapError(textPage: number, index: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  /** Writes FS_MATRIX {a, b, c, d, e, f} (float32): the text object's matrix (text matrix × CTM). */
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  /** Writes the glyph origin (baseline start) as two float64. */
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  /** Writes the glyph's ink box as four float64: left, right, bottom, top. */
  FPDFText_GetCharBox(textPage: number, index: number, left: number, right: number, bottom: number, top: number): number;
  /** Writes FS_RECTF {left, top, right, bottom} (float32): origin to advance and ascent to descent, ∪ the ink box. */
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
  /** Writes the advance of the font's glyph for a Unicode character (reverse-mapped to its code), float32. */
  FPDFFont_GetGlyphWidth(font: number, unicode: number, fontSize: number, width: number): number;
}

/** FPDF_GetLastError codes (fpdfview.h). */
export const FPDF_ERR = { SUCCESS: 0, UNKNOWN: 1, FILE: 2, FORMAT: 3, PASSWORD: 4, SECURITY: 5, PAGE: 6 } as const;

/** FPDFPageObj_GetType codes (fpdf_edit.h). */
export const FPDF_PAGEOBJ = { TEXT: 1, PATH: 2, IMAGE: 3, SHADING: 4, FORM: 5 } as const;

/** A ready PDFium instance: its exports and a scratch area for out-parameters (lives as long as the instance). */
export interface Pdfium {
  x: PdfiumExports;
  /** 128 bytes of WASM memory for out-parameters, allocated once per instance. */
  scratch: number;
}

const require = createRequire(import.meta.url);

let instance: Promise<Pdfium> | null = null;

/** Instantiate the WASM module from the installed package's pdfium.wasm and initialise the library. */
async function create(): Promise<Pdfium> {
  const wasmBinary = readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
  const silent = (): void => undefined;
  const overrides = { wasmBinary, print: silent, printErr: silent } as unknown as Parameters<typeof init>[0];
  const module = await init(overrides);
  const x = module.pdfium.wasmExports as unknown as PdfiumExports;
  x.PDFiumExt_Init();
  const scratch = x.malloc(128);
  if (scratch === 0) throw new Error('PDFium: cannot allocate its scratch buffer');
  return { x, scratch };
}

/** The thread's PDFium instance, created on first use (concurrent first calls share one instantiation). */
export function getPdfium(): Promise<Pdfium> {
  instance ??= create().catch((error: unknown) => {
    instance = null;
    throw error;
  });
  return instance;
}

/** Forget the thread's instance (after a trap): its memory is released with it, the next call makes a new one. */
export function discardPdfium(): void {
  instance = null;
}
