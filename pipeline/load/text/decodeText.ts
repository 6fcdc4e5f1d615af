/**
 * Character-encoding detection and decoding for text inputs: BOM → NUL-byte pattern (BOM-less UTF-16) →
 * strict UTF-8 → chardet on the first 64 KB → TextDecoder. Line ends are unified to '\n'.
 */
import chardet from 'chardet';
import { FileError } from '../../fileError.js';

/** The decoded text and the encoding it was read in. */
export interface Decoded {
  text: string;
  encoding: string;
}

/** Encodings chardet may name that we accept, mapped to WHATWG TextDecoder labels. */
const CHARDET_TO_DECODER: Record<string, string> = {
  'GB18030': 'gb18030',
  'GB2312': 'gb18030',
  'GBK': 'gb18030',
  'Big5': 'big5',
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'EUC-JP': 'euc-jp',
  'Shift_JIS': 'shift_jis',
  'EUC-KR': 'euc-kr',
};

/** Code points frequent in any notice: CJK ideographs, line ends, spaces, ASCII, Chinese punctuation. */
function commonChars(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x3001 || c === 0x3002 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff08 || c === 0xff09 || c === 0x201c || c === 0x201d) k++;
  }
  return k;
}

/** BOM-less UTF-16: of the two byte orders, the one that decodes to text with the most common characters
 *  (ideographs, line ends, digits, 。，). The wrong order turns most of them into rare code points (\n → U+0A00). Binary data
 *  with NULs decodes to control characters either way and is rejected. */
function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 65536);
  if (n < 4) return null;
  let best: { enc: 'utf-16le' | 'utf-16be'; score: number } | null = null;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const sample = new TextDecoder(enc).decode(b.subarray(0, n));
    if (!looksLikeText(sample, 0.97)) continue;
    const score = commonChars(sample);
    if (score > 0 && (best === null || score > best.score)) best = { enc, score };
  }
  return best?.enc ?? null;
}

/** True when at least `minShare` of the characters are printable text (letters, CJK, punctuation, whitespace). */
function looksLikeText(s: string, minShare: number): boolean {
  if (s.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
    else if (c >= 0xe000 && c <= 0xf8ff) bad++; // private use
  }
  return bad / s.length <= 1 - minShare;
}

/** Unify CRLF and CR line ends to LF (a loader repair, done before the canonical text exists). */
export function unifyLineEnds(s: string): string {
  return s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/gu, '\n');
}

/**
 * Decode the bytes of a text file. `declared` is a charset named by the container (an HTML meta tag); it is
 * used when the bytes decode under it. Throws FileError input/binary or input/undecodable.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  let text: string | null;
  let encoding = '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = strictUtf8(bytes.subarray(3));
    if (text === null) throw new FileError('input/undecodable', 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8');
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const u16 = bytes.subarray(0, 65536).includes(0) ? utf16Guess(bytes) : null;
    if (u16) {
      encoding = u16;
      text = new TextDecoder(u16).decode(bytes);
    } else {
      if (bytes.subarray(0, 65536).includes(0)) {
        throw new FileError('input/binary', 'the file holds binary data (NUL bytes), not text; if it is a document, check its format');
      }
      text = strictUtf8(bytes);
      if (text !== null) encoding = 'utf-8';
      else {
        const label = declaredLabel(declared) ?? chardetLabel(bytes);
        if (label) {
          try {
            text = new TextDecoder(label, { fatal: true }).decode(bytes);
            encoding = label;
          } catch {
            text = null;
          }
        }
        if (text === null) {
          // Fall back to GB18030, the common legacy encoding of Chinese government files, when it decodes cleanly.
          try {
            text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
            encoding = 'gb18030';
          } catch {
            throw new FileError('input/undecodable', 'the bytes are not valid UTF-8, UTF-16 or GB18030 text; convert the file to UTF-8 and retry');
          }
        }
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!looksLikeText(text.slice(0, 65536), 0.97)) {
    throw new FileError('input/binary', `the file does not look like text (decoded as ${encoding}, too many control characters)`);
  }
  return { text: unifyLineEnds(text), encoding };
}

function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

function declaredLabel(declared: string | null | undefined): string | null {
  if (!declared) return null;
  try {
    return new TextDecoder(declared.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function chardetLabel(bytes: Uint8Array): string | null {
  const name = chardet.detect(bytes.subarray(0, 65536));
  return name ? (CHARDET_TO_DECODER[name] ?? null) : null;
}
