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

/** The format the file's name suggests, or null (no extension, or one of no notice format: .json, .md, stdin). */
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

/** What a container holds when its magic bytes say "zip" or "OLE2" but it is not a Word document. */
export type Detected = Format | 'zip-other' | 'ole-other' | 'unknown-binary';

/**
 * Detect the format from the bytes: %PDF anywhere in the first 1 KB → pdf (PDF readers tolerate leading
 * junk), a zip with word/document.xml → docx, an OLE2 compound file → doc, markup → html, otherwise the
 * name's text format. The content wins over the name (a PDF named .docx is read as a PDF, a web page named .pdf as
 * a web page); `mismatchMessage` says when they disagree.
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
  if (sniffMarkup(bytes)) return 'html';
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

/** True when the bytes (UTF-8) are JSON data: one JSON value, or JSON Lines (a gold file, a result, index.jsonl). */
export function sniffJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x7b && bytes[i] !== 0x5b) return false; // { or [
  const text = new TextDecoder('utf-8').decode(bytes.subarray(i));
  const parses = (s: string) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  if (parses(text)) return true;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 1 && lines.every(parses);
}

/** The formats in words, for messages. */
const FORMAT_WORDS: Record<Format, string> = {
  txt: 'plain text',
  pdf: 'a PDF',
  docx: 'a Word .docx document',
  doc: 'a Word .doc document',
  html: 'an HTML page',
};

/**
 * When the content is not what the file's name says, or is JSON data rather than a notice: the message of the
 * `format/mismatch` warning (the content has been read as `format`); otherwise null. A name of no notice format
 * (no extension, .md, stdin) says nothing, so plain text under it is no mismatch.
 */
export function mismatchMessage(bytes: Uint8Array, path: string, format: Format): string | null {
  const ext = path.lastIndexOf('.') > path.lastIndexOf('/') ? path.slice(path.lastIndexOf('.')) : '';
  if (format === 'txt' && sniffJson(bytes)) {
    return 'the file holds JSON data (a gold file or a result of zhenggai run?), not the text of a notice; it was read as text. To look at a result, run `zhenggai inspect <result.json>`';
  }
  const named = formatFromName(path);
  if (named === null || named === format) return null;
  const advice =
    format === 'html' && named !== 'txt'
      ? ' (an error or login page saved by a download?); if it is the notice\'s web page, rename it to .html'
      : `; rename it to ${format === 'txt' ? '.txt' : `.${format}`}`;
  return `the file is named ${ext} but holds ${FORMAT_WORDS[format]}; it was read as ${FORMAT_WORDS[format]}${advice}`;
}
