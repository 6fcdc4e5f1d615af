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
  /** Bytes still allowed to be inflated. */
  budget: number;
  /** The limit the budget started from (for messages). */
  limit: number;
}

/** Open the zip container; a corrupt or truncated file gives FileError docx/corrupt. */
export async function openDocxPackage(bytes: Uint8Array, maxUnzippedBytes: number): Promise<DocxPackage> {
  try {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    return { zip, budget: maxUnzippedBytes, limit: maxUnzippedBytes };
  } catch (err) {
    throw new FileError('docx/corrupt', `the .docx file is not a readable zip package (${errorText(err)}); it may be truncated or damaged`);
  }
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
