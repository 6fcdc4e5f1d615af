/** Dispatch from detected format to its loader; the one entry point the pipeline uses to read a file's bytes. */
import type { Format } from '../../output/schema.js';
import { diagnostic } from '../../output/diagnosticCodes.js';
import { detectFormat, mismatchMessage } from './detectFormat.js';
import { type Loaded, type Loader, type LoadOptions } from './loaded.js';
import { FileError } from '../fileError.js';
import type { Result } from '../result.js';
import { loadTxt } from './text/loadTxt.js';

/** Loader per format, imported on first use: a batch of text notices never loads pdf.js or the Word readers. */
const LOADERS: Partial<Record<Format, () => Promise<Loader>>> = {
  txt: async () => loadTxt,
  pdf: async () => (await import('./pdf/loadPdf.js')).loadPdf,
  docx: async () => (await import('./docx/loadDocx.js')).loadDocx,
  doc: async () => (await import('./doc/loadDoc.js')).loadDoc,
  html: async () => (await import('./html/loadHtml.js')).loadHtml,
};

/** Load a file's bytes: limits, format detection by content, then the format's loader. */
export async function loadBytes(bytes: Uint8Array, path: string, options: LoadOptions): Promise<Result<Loaded>> {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  if (bytes.length > options.limits.maxFileBytes) {
    throw new FileError('limit/file-size', `the file has ${bytes.length} bytes, over the limit of ${options.limits.maxFileBytes} (raise it with --max-file-mb)`);
  }
  const detected = detectFormat(bytes, path);
  if (detected === 'zip-other') throw new FileError('format/unsupported', 'a zip archive that is not a Word .docx document');
  if (detected === 'ole-other') throw new FileError('format/unsupported', 'an OLE2 compound file that is not a Word .doc document');
  if (detected === 'unknown-binary') throw new FileError('input/binary', 'a binary file of unknown format');
  const loaderOf = LOADERS[detected];
  if (!loaderOf) throw new FileError('format/unsupported', `${detected} files are not supported by this build`);
  const loader = await loaderOf();
  let loaded: Result<Loaded>;
  try {
    loaded = await loader(bytes, options);
  } catch (e) {
    // A loader stopped by the caller's signal (the per-file time limit) fails with limit/timeout, whatever it threw.
    const error = e instanceof FileError || !options.signal?.aborted ? e : new FileError('limit/timeout', 'processing was stopped: the signal was aborted');
    // A container that turned out not to be this format (a .pptx with a word/ folder) has no format.
    if (error instanceof FileError && error.code !== 'format/unsupported') error.format ??= detected;
    throw error;
  }
  // The content was read as what it is; a name that says otherwise, or JSON data, is a warning (status partial).
  const mismatch = mismatchMessage(bytes, path, detected);
  return mismatch === null ? loaded : { value: loaded.value, diagnostics: [diagnostic('format/mismatch', mismatch), ...loaded.diagnostics] };
}
