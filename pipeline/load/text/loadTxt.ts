/** Loader for plain-text notices (.txt): encoding detection, line-end unification, invalid bytes reported. */
import { decodeText } from './decodeText.js';
import type { Loaded, LoadOptions } from '../loaded.js';
import type { Result } from '../../result.js';

/** Load a plain-text notice. */
export async function loadTxt(bytes: Uint8Array, _options: LoadOptions): Promise<Result<Loaded>> {
  const { text, encoding, diagnostics } = decodeText(bytes);
  return { diagnostics, value: { format: 'txt', text, encoding, pages: null, pageStarts: null, pageDate: null } };
}
