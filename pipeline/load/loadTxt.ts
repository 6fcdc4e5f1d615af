/** Loader for plain-text notices (.txt): encoding detection, line-end unification. */
import { decodeText } from './decodeText.js';
import type { Loaded, LoadOptions } from './loaded.js';

/** Load a plain-text notice. */
export async function loadTxt(bytes: Uint8Array, _options: LoadOptions): Promise<Loaded> {
  const { text, encoding } = decodeText(bytes);
  return { format: 'txt', text, encoding, pages: null, pageStarts: null, pageDate: null, diagnostics: [] };
}
