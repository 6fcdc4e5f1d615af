/** Format detection by content (magic bytes), with the file extension only as a tie-breaker for text. */
import type { Format } from '../../output/schema.js';

const EXTENSION_FORMATS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
};

/** File extensions the batch walker picks up inside folders. */
export const INPUT_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_FORMATS);

/** The format the file's name suggests, or null. */
function formatFromName(path: string): Format | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : (EXTENSION_FORMATS[path.slice(dot).toLowerCase()] ?? null);
}

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What a container holds when its magic bytes say "zip" or "OLE2" but it is not a Word document; or a web page
 *  under a document's name (.pdf/.docx/.doc): most often an error or login page a download returned. */
export type Detected = Format | 'zip-other' | 'ole-other' | 'unknown-binary' | 'html-misnamed';

/**
 * Detect the format from the bytes: %PDF anywhere in the first 1 KB → pdf (PDF readers tolerate leading
 * junk), a zip with word/document.xml → docx, an OLE2 compound file → doc, markup → html, otherwise the
 * name's text format. A PDF named .docx is read as a PDF; a web page named .pdf/.docx/.doc is reported as such.
 */
export function detectFormat(bytes: Uint8Array, path: string): Detected {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  if (head.indexOf('%PDF-') !== -1) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    const probe = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('latin1');
    return probe.includes('word/') ? 'docx' : 'zip-other';
  }
  if (startsWith(bytes, OLE2)) {
    return formatFromName(path) === 'doc' || Buffer.from(bytes).includes(Buffer.from('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t', 'latin1')) ? 'doc' : 'ole-other';
  }
  const named = formatFromName(path);
  if (sniffMarkup(bytes)) return named === 'pdf' || named === 'docx' || named === 'doc' ? 'html-misnamed' : 'html';
  if (named === 'html') return 'html';
  return 'txt';
}

/** True when the first bytes (as ASCII-compatible or UTF-16 text) open an HTML document. */
function sniffMarkup(bytes: Uint8Array): boolean {
  let s = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  if (s.includes('\0')) s = s.replace(/\0/gu, '');
  s = s.replace(/^\uFEFF|^\xEF\xBB\xBF|^\xFF\xFE|^\xFE\xFF/u, '').trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<meta|<body|<!--[\s\S]*?-->\s*<(!doctype html|html))/u.test(s);
}
