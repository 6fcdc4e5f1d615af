/**
 * Reading a PDF's text layer with PDFium (WASM, pdfiumModule.ts): each page's characters with their positions,
 * grouped into the same TextPieces the pdf.js engine produces (pdfiumPieces.ts), so lines, furniture and
 * paragraphs are rebuilt by the shared code. Every WASM allocation is freed and every page and document closed
 * (memory stays flat over thousands of files); the scratch area for out-parameters belongs to the instance.
 *
 * Characters are read one by one through the raw exports (GetUnicode, GetCharOrigin, GetLooseCharBox; the text
 * object's matrix, font and size only when the object changes): the positions are needed per character, and
 * FPDFText_GetText is no faster (bench/README.md).
 */
import { FileError } from '../../fileError.js';
import type { TextPiece } from './lines.js';
import { discardPdfium, FPDF_ERR, FPDF_PAGEOBJ, getPdfium, type Pdfium, type PdfiumExports } from './pdfiumModule.js';
import { GlyphKind, type PdfiumGlyph, piecesFromGlyphs } from './pdfiumPieces.js';

/** One page read by PDFium. */
export interface PdfiumPage {
  /** Text pieces in the page's top-down frame (points from the top-left of its visible box). */
  pieces: TextPiece[];
  width: number;
  height: number;
  /** True when a character has no Unicode mapping (PDFium would report the raw character code as text). */
  unicodeMapError: boolean;
}

/** A document opened by PDFium, or why it could not be opened (the caller may try pdf.js). */
export type PdfiumOpen = { ok: true; doc: PdfiumDocument } | { ok: false; reason: string };

/** pdf.js's unicode categories (core/unicode.js getCharUnicodeCategory): whitespace, combining mark, format mark. */
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
/** Category of a character's text: a GlyphKind, or null for an invisible format mark (dropped). */
const kindCache = new Map<string, GlyphKind | null>();

/** The grouping kind of one character's text (cached: the set of distinct characters is small). */
function kindOf(text: string): GlyphKind | null {
  let kind = kindCache.get(text);
  if (kind === undefined) {
    const m = SPECIAL_CHAR.exec(text);
    kind = m?.[1] !== undefined ? GlyphKind.space : m?.[2] !== undefined ? GlyphKind.mark : m?.[3] !== undefined ? null : GlyphKind.glyph;
    if (kindCache.size < 65536) kindCache.set(text, kind);
  }
  return kind;
}

/** Turn anything PDFium throws into a reason string, dropping the instance after a trap. */
function trapped(error: unknown): string {
  discardPdfium();
  return `PDFium stopped: ${error instanceof Error ? error.message : String(error)}`;
}

/** Why PDFium could not open a document, from FPDF_GetLastError. */
function openFailure(code: number): string {
  switch (code) {
    case FPDF_ERR.FILE:
      return 'PDFium could not read the file';
    case FPDF_ERR.FORMAT:
      return 'PDFium found the file damaged';
    case FPDF_ERR.SECURITY:
      return 'PDFium does not support its security handler';
    default:
      return `PDFium could not open it (error ${code})`;
  }
}

/** Open PDF bytes with PDFium; a password-protected file throws pdf/encrypted (pdf.js cannot read it either). */
export async function openPdfium(bytes: Uint8Array): Promise<PdfiumOpen> {
  let pdfium: Pdfium;
  try {
    pdfium = await getPdfium();
  } catch (error) {
    return { ok: false, reason: `PDFium is unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { x } = pdfium;
  try {
    const data = x.malloc(Math.max(1, bytes.length));
    if (data === 0) return { ok: false, reason: 'PDFium could not allocate memory for the file' };
    new Uint8Array(x.memory.buffer, data, bytes.length).set(bytes);
    const doc = x.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (doc === 0) {
      const code = x.FPDF_GetLastError();
      x.free(data);
      if (code === FPDF_ERR.PASSWORD) throw new FileError('pdf/encrypted', 'the PDF is password-protected; remove the password and retry');
      return { ok: false, reason: openFailure(code) };
    }
    return { ok: true, doc: new PdfiumDocument(pdfium, doc, data) };
  } catch (error) {
    if (error instanceof FileError) throw error;
    return { ok: false, reason: trapped(error) };
  }
}

/** A PDF open in PDFium; close() releases the document and its copy of the bytes. */
export class PdfiumDocument {
  readonly pageCount: number;
  private closed = false;
  /** Glyph advances by font handle and Unicode code (font handles are valid while the document is open). */
  private readonly advances = new Map<number, number>();

  constructor(
    private readonly pdfium: Pdfium,
    private readonly doc: number,
    private readonly data: number,
  ) {
    this.pageCount = pdfium.x.FPDF_GetPageCount(doc);
  }

  /** Read page `pageNumber` (1-based): its pieces and visible box; null when PDFium cannot load the page. */
  readPage(pageNumber: number): PdfiumPage | null {
    const { x, scratch } = this.pdfium;
    const page = x.FPDF_LoadPage(this.doc, pageNumber - 1);
    if (page === 0) return null;
    try {
      // The visible box (CropBox ∩ MediaBox, unrotated), as pdf.js's page.view.
      x.FPDF_GetPageBoundingBox(page, scratch);
      const box = new Float32Array(x.memory.buffer, scratch, 4);
      const [left = 0, top = 0, right = 0, bottom = 0] = box;
      const view = [Math.min(left, right), Math.min(top, bottom), Math.max(left, right), Math.max(top, bottom)];
      const textPage = x.FPDFText_LoadPage(page);
      if (textPage === 0) return null;
      try {
        const glyphs: PdfiumGlyph[] = [];
        const unicodeMapError = readGlyphs(x, scratch, textPage, glyphs, (font, code) => this.advance(font, code));
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
        return { pieces: unicodeMapError ? [] : piecesFromGlyphs(glyphs, view), width: x1 - x0, height: y1 - y0, unicodeMapError };
      } finally {
        x.FPDFText_ClosePage(textPage);
      }
    } finally {
      x.FPDF_ClosePage(page);
    }
  }

  /** The advance of `font`'s glyph for Unicode `code`, in ems (NaN when unknown); cached per document. */
  private advance(font: number, code: number): number {
    const key = font * 0x110000 + code;
    let em = this.advances.get(key);
    if (em === undefined) {
      const { x, scratch } = this.pdfium;
      em = x.FPDFFont_GetGlyphWidth(font, code, 1, scratch + 64) ? (new Float32Array(x.memory.buffer, scratch + 64, 1)[0] ?? Number.NaN) : Number.NaN;
      this.advances.set(key, em);
    }
    return em;
  }

  /** The images page `pageNumber` (1-based) paints, directly or inside form XObjects: whether there is one, and the
   *  largest by pixels as its dictionary declares it (nothing is decoded). */
  pageImages(pageNumber: number): PageImages {
    const { x, scratch } = this.pdfium;
    const page = x.FPDF_LoadPage(this.doc, pageNumber - 1);
    const found: PageImages = { images: false, largest: null };
    if (page === 0) return found;
    try {
      collectImages(x, scratch, x.FPDFPage_CountObjects(page), (i) => x.FPDFPage_GetObject(page, i), 0, found);
      return found;
    } finally {
      x.FPDF_ClosePage(page);
    }
  }

  /** True when PDFium can load page `pageNumber` (1-based): a page tree may claim more pages than it holds. */
  pageExists(pageNumber: number): boolean {
    // The page's dictionary is looked up as FPDF_LoadPage does, but its content is not parsed only to be closed
    // again (the time a PDF takes did not measurably change: the document's first page load pays what this one did).
    const { x, scratch } = this.pdfium;
    return x.FPDF_GetPageSizeByIndexF(this.doc, pageNumber - 1, scratch) !== 0;
  }

  /** Give up on the instance after a trap: it is discarded whole (its memory with it), nothing more is called. */
  abandon(): void {
    this.closed = true;
    discardPdfium();
  }

  /** Close the document and free its bytes (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pdfium.x.FPDF_CloseDocument(this.doc);
    this.pdfium.x.free(this.data);
  }
}

/** Form XObjects nest; deeper than this is hostile and not looked into. */
const MAX_FORM_DEPTH = 12;

/** Whether a page paints images, and its largest image in pixels (null when it has none or none declares a size). */
export interface PageImages {
  images: boolean;
  largest: { width: number; height: number } | null;
}

/** Record the images among `count` page objects (got by `objectAt`) into `found`, looking into forms. */
function collectImages(x: PdfiumExports, scratch: number, count: number, objectAt: (i: number) => number, depth: number, found: PageImages): void {
  for (let i = 0; i < count; i++) {
    const object = objectAt(i);
    if (object === 0) continue;
    const type = x.FPDFPageObj_GetType(object);
    if (type === FPDF_PAGEOBJ.IMAGE) {
      found.images = true;
      if (x.FPDFImageObj_GetImagePixelSize(object, scratch, scratch + 4)) {
        const [width = 0, height = 0] = new Uint32Array(x.memory.buffer, scratch, 2);
        if (width * height > (found.largest ? found.largest.width * found.largest.height : 0)) found.largest = { width, height };
      }
    } else if (type === FPDF_PAGEOBJ.FORM && depth < MAX_FORM_DEPTH) {
      collectImages(x, scratch, x.FPDFFormObj_CountObjects(object), (k) => x.FPDFFormObj_GetObject(object, k), depth + 1, found);
    }
  }
}

/** The text of a code point PDFium reports ('' for none or an invalid one). */
function codeText(code: number): string {
  if (code <= 0 || code > 0x10ffff) return '';
  return code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
}

/**
 * Read a text page's characters into `glyphs` (content order; generated characters skipped); `advanceOf` gives
 * a glyph's advance in ems. Returns true, and stops, at the first character without a Unicode mapping.
 */
function readGlyphs(
  x: PdfiumExports,
  scratch: number,
  textPage: number,
  glyphs: PdfiumGlyph[],
  advanceOf: (font: number, code: number) => number,
): boolean {
  const count = x.FPDFText_CountChars(textPage);
  let f32 = new Float32Array(x.memory.buffer);
  let f64 = new Float64Array(x.memory.buffer);
  const s32 = scratch >> 2;
  const s64 = scratch >> 3;
  let object = -1;
  let font = 0;
  let fontSize = 0;
  let emX = 0;
  let em = 0;
  let rotated = false;
  let last: PdfiumGlyph | null = null;
  let lastOriginX = Number.NaN;
  let lastOriginY = Number.NaN;
  let lastLeft = Number.NaN;
  let lastObject = -1;
  for (let i = 0; i < count; i++) {
    if (x.FPDFText_IsGenerated(textPage, i) === 1) continue; // PDFium's own spaces and line breaks
    if (x.FPDFText_HasUnicodeMapError(textPage, i) === 1) return true;
    let code = x.FPDFText_GetUnicode(textPage, i);
    if (code === 0x2 && x.FPDFText_IsHyphen(textPage, i) === 1) code = 0x2d; // a line-end hyphen PDFium marked
    const text = codeText(code);
    if (text === '') continue;
    const kind = kindOf(text);
    if (kind === null) continue;
    if (kind === GlyphKind.space) {
      glyphs.push({ text: ' ', kind, x: 0, y: 0, end: 0, emX: 0, em: 0, font, fontSize, rotated: false });
      last = null;
      continue;
    }
    const textObject = x.FPDFText_GetTextObject(textPage, i);
    if (f64.byteLength === 0) {
      // WASM memory grew (views detach): take new ones.
      f32 = new Float32Array(x.memory.buffer);
      f64 = new Float64Array(x.memory.buffer);
    }
    if (textObject !== object) {
      object = textObject;
      x.FPDFText_GetMatrix(textPage, i, scratch);
      const a = f32[s32] ?? 1;
      const b = f32[s32 + 1] ?? 0;
      const c = f32[s32 + 2] ?? 0;
      const d = f32[s32 + 3] ?? 1;
      fontSize = x.FPDFText_GetFontSize(textPage, i);
      font = textObject === 0 ? 0 : x.FPDFTextObj_GetFont(textObject);
      emX = Math.abs(fontSize) * Math.hypot(a, b);
      em = Math.abs(fontSize) * Math.hypot(c, d);
      rotated = Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a <= 0;
    }
    x.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
    const originX = f64[s64] ?? 0;
    const originY = f64[s64 + 1] ?? 0;
    x.FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
    const left = f32[s32 + 4] ?? originX;
    let right = f32[s32 + 6] ?? originX;
    // The loose box is the advance box united with the ink box: where the ink reaches past the advance (a
    // brush-stroke ideograph, a substitute for a non-embedded font), its right edge is the ink's. Then the
    // advance comes from the font's widths, as pdf.js measures it; it cannot end beyond the loose box.
    x.FPDFText_GetCharBox(textPage, i, scratch + 32, scratch + 40, scratch + 48, scratch + 56);
    const inkRight = f64[s64 + 5] ?? 0;
    if (inkRight >= right - 1e-3 && !rotated && font !== 0) {
      const advanceEnd = originX + advanceOf(font, code) * emX;
      right = advanceEnd > originX && advanceEnd <= right + 1e-3 ? advanceEnd : Math.max(originX, Math.min(right, originX + emX));
      if (f64.byteLength === 0) {
        f32 = new Float32Array(x.memory.buffer);
        f64 = new Float64Array(x.memory.buffer);
      }
    }
    // A glyph the font maps to several characters (ligatures, surrogate pairs) comes as several characters with
    // one origin and one box: they are one glyph.
    if (last && textObject === lastObject && originX === lastOriginX && originY === lastOriginY && left === lastLeft) {
      last.text += text;
      continue;
    }
    // Text replaced by /ActualText shares the object's origin; its characters' boxes say where each one sits.
    const glyph: PdfiumGlyph = { text, kind, x: Math.max(originX, left), y: originY, end: right, emX, em, font, fontSize, rotated };
    glyphs.push(glyph);
    last = glyph;
    lastObject = textObject;
    lastOriginX = originX;
    lastOriginY = originY;
    lastLeft = left;
  }
  return false;
}
