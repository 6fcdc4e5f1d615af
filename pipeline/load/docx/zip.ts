/**
 * The zip side of the .docx loader: open the package with jszip, check the declared uncompressed sizes of the
 * parts we will read against the limit BEFORE inflating anything, and inflate each part as a stream that is
 * cut off as soon as the real output passes the remaining budget (a part may lie about its size).
 */
import JSZip from 'jszip';
import { FileError } from '../../fileError.js';

/** An opened .docx package with an uncompressed-bytes budget shared by every part read from it. */
export interface DocxPackage {
  zip: JSZip;
  /** The entry names of the zip's central directory in order, duplicates included (jszip keeps the last of each). */
  entries: readonly string[];
  /** Bytes still allowed to be inflated. */
  budget: number;
  /** The limit the budget started from (for messages). */
  limit: number;
}

/** Open the zip container; a corrupt or truncated file gives FileError docx/corrupt. */
export async function openDocxPackage(bytes: Uint8Array, maxUnzippedBytes: number): Promise<DocxPackage> {
  try {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    return { zip, entries: centralDirectoryNames(bytes), budget: maxUnzippedBytes, limit: maxUnzippedBytes };
  } catch (err) {
    throw new FileError('docx/corrupt', `the .docx file is not a readable zip package (${errorText(err)}); it may be truncated or damaged`);
  }
}

/**
 * The names in the zip's central directory, in order (APPNOTE 4.3.12, 4.3.16): jszip's file map keeps one entry per
 * name, so a name given twice is only seen here. Empty when the directory cannot be walked (jszip reports that).
 */
function centralDirectoryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return [];
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count && at + 46 <= bytes.length; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** How many entries of the central directory name this part (case-insensitively, as OPC part names compare). */
export function entriesNamed(pkg: DocxPackage, name: string): number {
  const lower = name.toLowerCase();
  return pkg.entries.filter((e) => e.replace(/^\//u, '').toLowerCase() === lower).length;
}

/** The uncompressed size the zip's central directory declares for an entry (jszip keeps it on `_data`). */
function declaredSize(entry: JSZip.JSZipObject): number | null {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  if (typeof data?.uncompressedSize !== 'number') return null;
  // jszip reads the 32-bit field as a signed integer: sizes of 2 GB and more come out negative.
  return data.uncompressedSize < 0 ? data.uncompressedSize + 2 ** 32 : data.uncompressedSize;
}

/** Find a part by its name, case-insensitively (zip names are case-sensitive, OPC part names are not). */
function findPart(pkg: DocxPackage, name: string): JSZip.JSZipObject | null {
  const exact = pkg.zip.file(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [path, entry] of Object.entries(pkg.zip.files)) {
    if (!entry.dir && path.toLowerCase() === lower) return entry;
  }
  return null;
}

/**
 * Reject the package when the parts we are about to read declare more uncompressed bytes in total than the
 * limit allows (FileError limit/zip-bomb). Missing parts are ignored here.
 */
export function checkDeclaredSizes(pkg: DocxPackage, names: readonly string[]): void {
  let total = 0;
  for (const name of names) {
    const entry = findPart(pkg, name);
    if (!entry) continue;
    total += declaredSize(entry) ?? 0;
  }
  if (total > pkg.budget) {
    throw new FileError(
      'limit/zip-bomb',
      `the .docx parts to read declare ${total} bytes uncompressed, over the limit of ${pkg.limit} bytes (a zip bomb or an unusually large document)`,
    );
  }
}

/** Inflate one part, counting the bytes as they come; over the remaining budget → FileError limit/zip-bomb. */
export async function readPart(pkg: DocxPackage, name: string): Promise<Uint8Array | null> {
  const entry = findPart(pkg, name);
  if (!entry) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    let stream: NodeJS.ReadableStream;
    try {
      stream = entry.nodeStream('nodebuffer');
    } catch (err) {
      reject(new FileError('docx/corrupt', `cannot read ${name} from the .docx package (${errorText(err)})`));
      return;
    }
    let done = false;
    const fail = (e: FileError): void => {
      if (done) return;
      done = true;
      stream.removeAllListeners('data');
      stream.pause();
      (stream as { destroy?: () => void }).destroy?.();
      reject(e);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > pkg.budget) {
        fail(new FileError('limit/zip-bomb', `${name} inflates to more than the ${pkg.limit}-byte limit for uncompressed .docx parts (a zip bomb or an unusually large document)`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err: unknown) => fail(new FileError('docx/corrupt', `cannot inflate ${name} from the .docx package (${errorText(err)}); the file may be truncated or damaged`)));
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve();
    });
  });
  pkg.budget -= size;
  return Buffer.concat(chunks);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
