/**
 * `zhenggai inspect <file | ->`: the section tree of one notice as indented text. The file is either a notice (any
 * format `run` reads; `-` reads it from standard input), which is processed, or a result of `zhenggai run` (a
 * per-file JSON, recognised by its `schema` and validated), whose stored tree is shown as written. Anything else is
 * refused with a message and exit code 1: JSON that is no result (a gold file, index.jsonl, units.json), or a text
 * that does not look like a rectification notice (notice/not-a-notice). Exit codes: 0 shown, 1 refused or failed,
 * 2 usage error (unreadable path, options that do not apply).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sniffJson } from '../pipeline/load/detectFormat.js';
import { DEFAULT_LIMITS } from '../pipeline/load/loaded.js';
import { UsageError } from './usageError.js';

/** Options of inspect. */
export interface InspectOptions {
  ocr: boolean;
  json: boolean;
  referenceDate: string | null;
  /** Standard input, when the file is `-` (tests give their own). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
}

/** The name a notice read from standard input goes by (no extension: its format is told by its content). */
const STDIN_NAME = '<stdin>';

/** Read standard input to its end, or to one byte past the size limit (the pipeline then reports limit/file-size). */
async function readStdin(stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<Uint8Array> {
  if (stdin.isTTY) throw new UsageError('`inspect -` reads a notice from standard input: pipe one in (cat notice.txt | zhenggai inspect -)');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    chunks.push(b);
    total += b.length;
    if (total > DEFAULT_LIMITS.maxFileBytes) break;
  }
  return Buffer.concat(chunks);
}

/** JSON.parse, or undefined when the text is not one JSON value (JSON Lines, say). */
function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** True for one record of index.jsonl that names an output. */
function isIndexRecord(value: unknown): value is { output: string } {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['output'] === 'string' && 'sha256' in value && 'status' in value;
}

/** Inspect one file (or standard input); resolves to the exit code. */
export async function inspectCommand(file: string, options: InspectOptions): Promise<number> {
  const out = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const fromStdin = file === '-';
  const name = fromStdin ? STDIN_NAME : file;
  let bytes: Uint8Array;
  if (fromStdin) {
    bytes = await readStdin(options.stdin ?? process.stdin);
  } else {
    try {
      bytes = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder (inspect takes one file; `zhenggai run` takes folders)' : e instanceof Error ? e.message : String(e);
      throw new UsageError(`cannot read ${file}: ${why}`);
    }
  }
  const [{ treeText }, { formatDiagnostic }] = await Promise.all([import('../output/treeText.js'), import('./formatDiagnostic.js')]);

  // A result of `zhenggai run` (or other JSON data): shown as stored, or refused.
  if (sniffJson(bytes)) {
    const { claimsToBeResult, readResultDocument } = await import('../output/resultDocument.js');
    const value = parseJson(bytes);
    if (!claimsToBeResult(value)) {
      const what = value === undefined ? 'JSON Lines (an index.jsonl lists results: inspect one of its outputs)' : isIndexRecord(value) ? `a line of index.jsonl (inspect its output, ${value.output})` : 'JSON data, but not a result of `zhenggai run` (it has no "schema": "zhenggai.notice")';
      err(`zhenggai: ${name} is ${what}; inspect takes a notice (.txt .docx .doc .pdf .html) or a result JSON written by \`zhenggai run\`\n`);
      return 1;
    }
    if (options.ocr || options.referenceDate !== null) {
      throw new UsageError(`${name} is a result of \`zhenggai run\`, already processed: --ocr and --reference-date apply to notices (give them to \`zhenggai run\`)`);
    }
    const read = readResultDocument(value);
    if (!read.ok) {
      err(`zhenggai: ${name} is a result of \`zhenggai run\` that cannot be read: ${read.message}\n`);
      return 1;
    }
    if (read.note) err(`zhenggai: ${name}: ${read.note}\n`);
    out(options.json ? `${JSON.stringify(read.doc, null, 2)}\n` : treeText(read.doc));
    for (const d of read.doc.diagnostics) err(`${formatDiagnostic(name, read.doc.text, d)}\n`);
    return read.doc.status === 'failed' ? 1 : 0;
  }

  // A notice: processed as `run` would process it.
  const { processBytes } = await import('../pipeline/process.js');
  const doc = await processBytes(bytes, fromStdin ? STDIN_NAME : basename(file), { ocr: options.ocr, referenceDate: options.referenceDate });
  for (const d of doc.diagnostics) err(`${formatDiagnostic(name, doc.text, d)}\n`);
  if (doc.diagnostics.some((d) => d.code === 'notice/not-a-notice')) {
    err(`zhenggai: ${name} does not look like a rectification notice, so there is no tree to show (\`zhenggai run\` still processes it, with status partial)\n`);
    return 1;
  }
  out(options.json ? `${JSON.stringify(doc, null, 2)}\n` : treeText(doc));
  return doc.status === 'failed' ? 1 : 0;
}
