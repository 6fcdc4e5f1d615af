/** Resolve the command line's inputs (files and folders) to the list of files to process, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { INPUT_EXTENSIONS } from '../../pipeline/load/detectFormat.js';
import { UsageError } from '../usageError.js';

/** One input file: where it is on disk and the relative path used for its output and `source.path`. */
export interface InputFile {
  /** Path on disk, as given or joined under the given folder. */
  diskPath: string;
  /** Output-relative path: relative to the given folder, or the base name for a file given directly ('/' separators). */
  relPath: string;
}


function hasInputExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && INPUT_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && hasInputExtension(e.name)) yield p;
  }
}

/**
 * Stream the input files: a folder contributes every file with a notice extension (.txt .docx .doc .pdf .html
 * .htm) below it, sorted by path; a file is taken whatever its extension. Two inputs mapping to the same output
 * name are a usage error (nothing may be overwritten silently).
 */
export async function* walkInputs(args: readonly string[]): AsyncGenerator<InputFile> {
  const seen = new Map<string, string>();
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch {
      throw new UsageError(`input not found: ${arg}`);
    }
    const files: AsyncIterable<InputFile> = st.isDirectory()
      ? (async function* () {
          for await (const p of walk(arg)) yield { diskPath: p, relPath: relative(arg, p).split(sep).join('/') };
        })()
      : (async function* () {
          yield { diskPath: arg, relPath: basename(arg) };
        })();
    for await (const f of files) {
      const prev = seen.get(f.relPath);
      if (prev !== undefined) {
        throw new UsageError(`two inputs would write the same output ${f.relPath}.json: ${prev} and ${f.diskPath}; run them with different --out folders`);
      }
      seen.set(f.relPath, f.diskPath);
      yield f;
    }
  }
}
