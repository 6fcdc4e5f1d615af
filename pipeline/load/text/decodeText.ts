/**
 * Character-encoding detection and decoding for text inputs: BOM (UTF-8, UTF-32, UTF-16) → NUL-byte pattern
 * (BOM-less UTF-16) → strict UTF-8 → UTF-8 with a few invalid sequences → chardet on the first 64 KB →
 * TextDecoder. Line ends (CRLF, CR, U+2028, U+2029) are unified to '\n'. Invalid sequences in a Unicode encoding
 * become U+FFFD with a warning that gives their byte offsets in the file.
 */
import chardet from 'chardet';
import { diagnostic } from '../../../output/diagnosticCodes.js';
import type { Diagnostic } from '../../../output/schema.js';
import { FileError } from '../../fileError.js';

/** The decoded text, the encoding it was read in, and a warning when invalid bytes were replaced. */
export interface Decoded {
  text: string;
  encoding: string;
  diagnostics: Diagnostic[];
}

/** A run of bytes that are not valid in the encoding (each becomes one or more U+FFFD). */
interface BadRun {
  /** Offset of the first byte in the file. */
  offset: number;
  length: number;
  /** What the bytes are, when that helps ("an encoded surrogate half"). */
  what?: string;
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

/**
 * Unify line ends to LF (a loader repair, done before the canonical text exists): CRLF and CR, and the Unicode
 * LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR U+2029, which are one UTF-16 unit each as '\n' is, so offsets
 * into the decoded text after the last CR are unchanged.
 */
export function unifyLineEnds(s: string): string {
  const cr = s.indexOf('\r') !== -1;
  const separators = s.indexOf('\u2028') !== -1 || s.indexOf('\u2029') !== -1;
  if (!cr && !separators) return s;
  return s.replace(cr && separators ? /\r\n?|[\u2028\u2029]/gu : cr ? /\r\n?/gu : /[\u2028\u2029]/gu, '\n');
}

/** The invalid sequences of a UTF-8 byte string (WHATWG Encoding §9.1.1: each maximal ill-formed subpart is one
 *  U+FFFD), merged into runs of adjacent bytes, and the number of valid multi-byte sequences. */
function utf8Problems(b: Uint8Array, base: number): { runs: BadRun[]; multibyte: number } {
  const runs: BadRun[] = [];
  let multibyte = 0;
  const bad = (at: number, length: number): void => {
    const last = runs[runs.length - 1];
    if (last && last.offset + last.length === base + at) last.length += length;
    else runs.push({ offset: base + at, length });
  };
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lower = 0xa0;
      if (c === 0xed) upper = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lower = 0x90;
      if (c === 0xf4) upper = 0x8f;
    } else {
      bad(i, 1);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const d = b[j];
      if (d === undefined || d < (k === 0 ? lower : 0x80) || d > (k === 0 ? upper : 0xbf)) {
        ok = false;
        break;
      }
    }
    if (ok) multibyte++;
    else bad(i, j - i);
    i = j;
  }
  for (const r of runs) {
    // ED A0–BF xx: a UTF-16 surrogate encoded as if it were a character (CESU-8, or a lone half from a bad split).
    if (b[r.offset - base] === 0xed && r.length >= 3 && (b[r.offset - base + 1] ?? 0) >= 0xa0) r.what = 'an encoded UTF-16 surrogate';
  }
  return { runs, multibyte };
}

/** Invalid bytes replaced by U+FFFD, as one warning giving the first few byte offsets. */
function invalidBytesWarning(encoding: string, runs: readonly BadRun[], bytes: Uint8Array): Diagnostic {
  const shown = runs.slice(0, 5).map((r) => `byte ${r.offset} (${hex(bytes, r.offset, r.length)}${r.what ? `, ${r.what}` : ''})`);
  const more = runs.length > shown.length ? `, and ${runs.length - shown.length} more` : '';
  return diagnostic(
    'input/invalid-bytes',
    `${runs.length} byte sequence(s) not valid ${encoding} were replaced by U+FFFD: at ${shown.join(', ')}${more}; check those places against the original`,
  );
}

/** Up to 8 bytes from `at` as hex ("ED A0 80"). */
function hex(bytes: Uint8Array, at: number, length: number): string {
  const shown = Array.from(bytes.subarray(at, at + Math.min(length, 8)), (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return length > 8 ? `${shown} …` : shown;
}

/** Where the first invalid UTF-8 sequence is, for the message of a file that is not UTF-8 at all. */
function firstUtf8Problem(bytes: Uint8Array, base: number): string {
  const first = utf8Problems(bytes.subarray(0, 1 << 20), base).runs[0];
  return first ? ` (the first invalid UTF-8 byte is at offset ${first.offset}: ${hex(bytes, first.offset - base, Math.min(first.length, 4))})` : '';
}

/** UTF-8 with a few invalid sequences among many valid multi-byte ones: text in UTF-8 with damage, not another
 *  encoding (GBK text read as UTF-8 is invalid almost everywhere). */
const MIN_VALID_PER_INVALID = 20;

/** Decode UTF-8 that failed the strict check: leniently when it is mostly valid, else null. */
function lenientUtf8(bytes: Uint8Array, base: number, original: Uint8Array): { text: string; diagnostics: Diagnostic[] } | null {
  const { runs, multibyte } = utf8Problems(bytes, base);
  if (runs.length === 0 || multibyte < MIN_VALID_PER_INVALID * runs.length) return null;
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), diagnostics: [invalidBytesWarning('UTF-8', runs, original)] };
}

/** Decode UTF-16 (after its BOM, at file offset `base`): lone surrogates and an odd last byte become U+FFFD. */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, base: number): { text: string; runs: BadRun[] } {
  const even = bytes.length - (bytes.length % 2);
  const units = Buffer.from(bytes.buffer, bytes.byteOffset, even);
  let text = (littleEndian ? units : Buffer.from(units).swap16()).toString('utf16le');
  const runs: BadRun[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    runs.push({ offset: base + 2 * i, length: 2, what: 'a lone UTF-16 surrogate' });
  }
  if (runs.length > 0) {
    // Each lone surrogate (one unit, at its run's offset) becomes U+FFFD, one unit for one.
    const pieces: string[] = [];
    let from = 0;
    for (const r of runs) {
      const at = (r.offset - base) / 2;
      pieces.push(text.slice(from, at), '\ufffd');
      from = at + 1;
    }
    pieces.push(text.slice(from));
    text = pieces.join('');
  }
  if (even < bytes.length) {
    runs.push({ offset: base + even, length: 1, what: 'an odd last byte' });
    text += '\ufffd';
  }
  return { text, runs };
}

/** Decode UTF-32 (after its BOM, at file offset `base`): code points past U+10FFFF, surrogates and trailing bytes
 *  become U+FFFD. TextDecoder has no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, base: number): { text: string; runs: BadRun[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length - (bytes.length % 4);
  const runs: BadRun[] = [];
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < whole; i += 4) {
    let cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      const last = runs[runs.length - 1];
      if (last && last.offset + last.length === base + i) last.length += 4;
      else runs.push({ offset: base + i, length: 4 });
      cp = 0xfffd;
    }
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) parts.push(String.fromCodePoint(...chunk));
  if (whole < bytes.length) {
    runs.push({ offset: base + whole, length: bytes.length - whole, what: 'bytes after the last whole code unit' });
    parts.push('\ufffd');
  }
  return { text: parts.join(''), runs };
}

/**
 * Decode the bytes of a text file. `declared` is a charset named by the container (an HTML meta tag); it is
 * used when the bytes decode under it. Throws FileError input/binary or input/undecodable.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  let text: string | null;
  let encoding = '';
  const diagnostics: Diagnostic[] = [];
  const unicode = (label: string, decoded: { text: string; runs: BadRun[] }): string => {
    if (decoded.runs.length > 0) diagnostics.push(invalidBytesWarning(label, decoded.runs, bytes));
    return decoded.text;
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = strictUtf8(bytes.subarray(3));
    if (text === null) {
      const lenient = lenientUtf8(bytes.subarray(3), 3, bytes);
      if (!lenient) throw new FileError('input/undecodable', `the file starts with a UTF-8 byte-order mark but is not valid UTF-8${firstUtf8Problem(bytes.subarray(3), 3)}`);
      text = lenient.text;
      diagnostics.push(...lenient.diagnostics);
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    // Before UTF-16LE, whose BOM these bytes begin with: no text starts with U+0000.
    encoding = 'utf-32le';
    text = unicode('UTF-32LE', decodeUtf32(bytes.subarray(4), true, 4));
  } else if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    encoding = 'utf-32be';
    text = unicode('UTF-32BE', decodeUtf32(bytes.subarray(4), false, 4));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = unicode('UTF-16LE', decodeUtf16(bytes.subarray(2), true, 2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = unicode('UTF-16BE', decodeUtf16(bytes.subarray(2), false, 2));
  } else {
    const u16 = bytes.subarray(0, 65536).includes(0) ? utf16Guess(bytes) : null;
    if (u16) {
      encoding = u16;
      text = unicode(u16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', decodeUtf16(bytes, u16 === 'utf-16le', 0));
    } else {
      if (bytes.subarray(0, 65536).includes(0)) {
        throw new FileError('input/binary', 'the file holds binary data (NUL bytes), not text; if it is a document, check its format');
      }
      text = strictUtf8(bytes);
      if (text !== null) encoding = 'utf-8';
      else {
        const lenient = lenientUtf8(bytes, 0, bytes);
        if (lenient) {
          text = lenient.text;
          encoding = 'utf-8';
          diagnostics.push(...lenient.diagnostics);
        } else {
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
              throw new FileError(
                'input/undecodable',
                `the bytes are not valid UTF-8${firstUtf8Problem(bytes, 0)}, UTF-16 or GB18030 text; convert the file to UTF-8 and retry`,
              );
            }
          }
        }
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!looksLikeText(text.slice(0, 65536), 0.97)) {
    throw new FileError('input/binary', `the file does not look like text (decoded as ${encoding}, too many control characters)`);
  }
  return { text: unifyLineEnds(text), encoding, diagnostics };
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
