/**
 * Loader for legacy Word .doc files (Word 97–2003 binary, MS-DOC) via word-extractor: pure JS, fast, reads
 * the main body text apart from footnotes, endnotes, headers, footers, comments and text boxes (each kept in
 * its own range of the document stream). We ask for the raw Unicode (`filterUnicode: false`): its default
 * filter turns “” ‘’ — into ASCII quotes and dashes, which would change the notice's text.
 *
 * Limitation: like Word's own plain-text export, word-extractor does not write automatic-numbering text (the
 * numbers live in the list tables, not in the text stream). A .doc whose headings were numbered automatically
 * loses its 一、/（一） markers; docNumbering.ts detects such files (from the paragraph properties and list tables)
 * and the loader says so with the warning doc/numbering-lost — a warning, not info, because the section tree
 * built from such text lacks those headings. Numbering that comes only from a paragraph style is not detected.
 */
import { createRequire } from 'node:module';
import { diagnostic } from '../../../output/diagnosticCodes.js';
import type { Diagnostic } from '../../../output/schema.js';
import { inspectDoc } from './numbering.js';
import { type Loaded, type LoadOptions } from '../loaded.js';
import type { Result } from '../../result.js';
import { FileError } from '../../fileError.js';

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
interface WordExtractorInstance {
  extract(source: Buffer): Promise<WordDocument>;
}
type WordExtractorClass = new () => WordExtractorInstance;

const require = createRequire(import.meta.url);
let extractorClass: WordExtractorClass | null = null;

/** word-extractor is CommonJS without type declarations: load it once through require with a local type. */
function extractor(): WordExtractorInstance {
  extractorClass ??= require('word-extractor') as WordExtractorClass;
  return new extractorClass();
}

/** Turn word-extractor's body into canonical lines: table cells end in tabs, so trailing tabs are dropped. */
export function docBodyToText(body: string): string {
  const lines = body
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t ]+$/u, ''));
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return lines.join('\n');
}

/** Load a legacy .doc: the main body text, one paragraph per line. */
export async function loadDoc(bytes: Uint8Array, options: LoadOptions): Promise<Result<Loaded>> {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inspection = await inspectDoc(buffer);
  if (inspection?.encrypted) {
    throw new FileError('doc/encrypted', 'the .doc file is password-protected (encrypted); open it in Word, remove the password and save it again');
  }
  let body: string;
  try {
    const doc = await extractor().extract(buffer);
    body = doc.getBody({ filterUnicode: false });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new FileError('doc/corrupt', `the .doc file cannot be read as a Word 97–2003 document (${why}); it may be damaged, truncated or encrypted`);
  }
  options.signal?.throwIfAborted();
  const text = docBodyToText(body);
  if (text === '') throw new FileError('input/empty', 'the Word document has no text in its body (it may hold only images or text boxes)');
  const diagnostics: Diagnostic[] = [];
  if (inspection && inspection.numberedParagraphs > 0) {
    diagnostics.push(diagnostic('doc/numbering-lost', `${inspection.numberedParagraphs} paragraph(s) of this .doc are numbered automatically by Word; legacy .doc numbering is not rendered, so their numbers (一、, （一）, 1. …) are missing from the text and headings may be missed — save the file as .docx and load that instead`));
  }
  return { value: { format: 'doc', text, encoding: null, pages: null, pageStarts: null, pageDate: null }, diagnostics };
}
