/**
 * Every diagnostic code the project writes, with its severity and meaning: the one table behind
 * `Diagnostic.code`, the README's list of codes (checked by tests/diagnostic-codes.test.ts) and `diagnostic()`.
 * Severity `error` codes are the failures of a whole file (status `failed`); warnings and infos travel with an
 * `ok` or `partial` document.
 */

/** How serious a diagnostic is. */
type Severity = 'error' | 'warning' | 'info';

/** One code: its severity and what it means, for users; `partial`: a document carrying it is `partial`, not `ok`
 *  (the file was read, but what came out may not be a notice). */
interface CodeInfo {
  severity: Severity;
  meaning: string;
  partial?: true;
}

/** The codes, by family. */
export const DIAGNOSTIC_CODES = {
  'input/empty': { severity: 'error', meaning: 'the file is empty, or a document with no text in its body' },
  'input/binary': { severity: 'error', meaning: 'the file holds binary data of no supported format' },
  'input/undecodable': { severity: 'error', meaning: 'the bytes are not valid text in any supported encoding' },
  'input/no-text': { severity: 'error', meaning: 'the file was read but holds only whitespace' },
  'input/unreadable': { severity: 'error', meaning: 'the file could not be read from disk (gone, no permission, a broken link); sha256 is null' },
  'input/special-file': { severity: 'error', meaning: 'the path is a FIFO, socket or device, not a regular file, and was not read' },
  'input/invalid-bytes': { severity: 'warning', meaning: 'byte sequences not valid in the file’s encoding were replaced by U+FFFD (the message gives their byte offsets)' },
  'format/unsupported': { severity: 'error', meaning: 'a container (zip, OLE2) that is not a Word document' },
  'format/mismatch': {
    severity: 'warning',
    meaning: 'the content is not what the name says (text or a web page named .pdf, a .doc that is a .docx, JSON data); it is read as what it is, and the status is partial',
    partial: true,
  },
  'limit/file-size': { severity: 'error', meaning: 'the file is larger than --max-file-mb (or than 2 GiB); it was not read' },
  'limit/zip-bomb': { severity: 'error', meaning: 'a .docx whose parts inflate past the uncompressed-size limit' },
  'limit/pages': { severity: 'error', meaning: 'a PDF with more pages than the page limit' },
  'limit/image': { severity: 'error', meaning: 'a PDF image too large to render for OCR was left out (the file fails when nothing else could be read)' },
  'limit/timeout': { severity: 'error', meaning: 'the file took longer than --timeout seconds (from the library: its signal was aborted)' },
  'limit/memory': { severity: 'error', meaning: 'processing the file ran out of the worker’s memory' },
  'pdf/encrypted': { severity: 'error', meaning: 'the PDF is password-protected' },
  'pdf/corrupt': { severity: 'error', meaning: 'the PDF cannot be read' },
  'pdf/no-text': { severity: 'error', meaning: 'the PDF has no text layer (a scan: rerun with --ocr), or OCR read none' },
  'pdf/ocr-unavailable': { severity: 'error', meaning: 'OCR was asked for but its engine or data could not be loaded' },
  'pdf/page-no-text': { severity: 'warning', meaning: 'pages of the PDF have no text layer and were skipped (rerun with --ocr)' },
  'pdf/ocr': { severity: 'info', meaning: 'pages were read by OCR; characters may be wrong' },
  'pdf/engine-fallback': { severity: 'info', meaning: 'PDFium could not read the file, so pdf.js read it' },
  'docx/corrupt': { severity: 'error', meaning: 'the .docx package cannot be read' },
  'docx/duplicate-part': { severity: 'warning', meaning: 'the package holds a part twice under one name; the message says which copy was read' },
  'docx/numbering-unrendered': { severity: 'warning', meaning: 'some Word automatic numbers use a format that is not rendered' },
  'docx/numbering-missing': { severity: 'info', meaning: 'numbered paragraphs refer to numbering definitions the file lacks' },
  'docx/textbox-skipped': { severity: 'info', meaning: 'text in text boxes or shapes was left out' },
  'doc/encrypted': { severity: 'error', meaning: 'the .doc file is password-protected' },
  'doc/corrupt': { severity: 'error', meaning: 'the .doc file cannot be read' },
  'doc/numbering-lost': { severity: 'warning', meaning: 'the .doc numbers headings automatically, and those numbers are not in its text' },
  'html/little-text': { severity: 'warning', meaning: 'the web page’s main content holds little Chinese text' },
  'notice/not-a-notice': {
    severity: 'warning',
    meaning: 'the text lacks the signs of a rectification notice (整改 with 巡视/巡察/审计, and numbered headings or an inspection sentence); the status is partial',
    partial: true,
  },
  'structure/no-sections': { severity: 'warning', meaning: 'no numbered headings were found' },
  'structure/ordinal-gap': { severity: 'warning', meaning: 'a heading number skips one or more numbers, or a new level does not start at 1' },
  'structure/ordinal-repeat': { severity: 'warning', meaning: 'a heading repeats the number of the heading before it' },
  'structure/ordinal-back': { severity: 'warning', meaning: 'a heading number goes back' },
  'date/unresolved-year': { severity: 'info', meaning: 'a date without a year that nothing before it anchors (use --reference-date)' },
  'output/unwritable': { severity: 'error', meaning: 'the file’s output could not be written (a folder or file in its way, a name too long); the message says why' },
  'internal/schema': { severity: 'error', meaning: 'a bug: the document broke the output contract' },
  'internal/span-invariant': { severity: 'error', meaning: 'a bug: a span does not address its text' },
  'internal/segmentation': { severity: 'error', meaning: 'a bug: the word segmenter changed the text' },
  'internal/worker-crash': { severity: 'error', meaning: 'the worker processing the file died' },
  'internal/error': { severity: 'error', meaning: 'a bug: an unexpected error while processing the file' },
} as const satisfies Record<string, CodeInfo>;

/** A diagnostic code of the table. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** All codes, in table order. */
export const DIAGNOSTIC_CODE_LIST = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** True when a document carrying this code is `partial` although the code is no error. */
export function makesPartial(code: DiagnosticCode): boolean {
  const info: CodeInfo = DIAGNOSTIC_CODES[code];
  return info.partial === true;
}

/** A diagnostic of a code, with the code's severity. */
export function diagnostic(code: DiagnosticCode, message: string, span: { start: number; end: number } | null = null) {
  return { severity: DIAGNOSTIC_CODES[code].severity, code, message, span };
}
