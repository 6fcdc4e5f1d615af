/**
 * Reading a run's output folder back, one record and one document at a time: the index records (index.jsonl and any
 * index.shard-K-of-N.jsonl, line by line) and the documents they point to, each checked against the contract again
 * on reading (architecture.md, principle 8). Layout: output/runLayout.ts.
 *
 * A results folder is untrusted input like any other: an index line that is not a record, an output path that is
 * absolute or leaves the folder, an output that is missing, truncated, not a regular file or not a document are
 * problems of that one line or file. They are reported (the file and line named) and the rest is read.
 */
import { createReadStream, existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { type FileHandle, open, readdir } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { validate as compiledValidator } from '../output/noticeValidator.generated.js';
import { indexFiles } from '../output/runLayout.js';
import { IndexRecord, type NoticeDocument } from '../output/schema.js';
import { SCHEMA_VERSION } from '../output/version.js';
import { spanViolations } from '../pipeline/validate/validateDocument.js';

/** One processed notice: its index record and document (null when the file failed before producing text, or when
 *  its document could not be read and the caller chose to go on). */
export interface ResultEntry {
  dir: string;
  record: IndexRecord;
  doc: NoticeDocument | null;
}

/** A folder that is not a run's output. */
export class ResultsError extends Error {
  override name = 'ResultsError';
}

/** Something wrong with one index line or one output file: where, and what. */
export interface ResultsProblem {
  /** The file at fault (an index file or an output), as dir-joined path. */
  file: string;
  /** 1-based line of the index file, for a problem of an index line. */
  line: number | null;
  message: string;
}

/** How a problem reads in a message: `file:line: message` or `file: message`. */
export const problemText = (p: ResultsProblem): string => `${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}`;

/** An index line read: the record, and where it stands. */
export interface IndexLine {
  /** The index file's name in the folder (index.jsonl, index.shard-K-of-N.jsonl). */
  index: string;
  /** 1-based line number. */
  line: number;
  /** The line as written (its JSON). */
  text: string;
  record: IndexRecord;
}

/**
 * Why an output path of an index record cannot be read in its folder, or null when it can: it must be relative,
 * stay inside the folder (no `..` step out of it), and name a file (not the folder itself).
 */
function unsafeOutputPath(output: string): string | null {
  if (output === '' || output.includes('\0')) return 'is empty or holds a NUL character';
  if (isAbsolute(output) || /^[A-Za-z]:/u.test(output) || output.startsWith('\\')) return `is an absolute path (${output}); outputs are relative to the results folder`;
  const n = normalize(output);
  if (n === '.' || n === '..' || n.startsWith(`..${sep}`) || n.split(/[\\/]/u).includes('..')) return `leaves the results folder (${output})`;
  return null;
}

/** The folder of results must exist and hold at least one index file; returns the index files' names. */
async function indexNames(dir: string): Promise<string[]> {
  if (!existsSync(dir)) throw new ResultsError(`no such folder: ${dir}`);
  if (!statSync(dir).isDirectory()) throw new ResultsError(`${dir} is not a folder: give the --out folder of \`zhenggai run\``);
  const names = indexFiles(await readdir(dir));
  if (names.length === 0) throw new ResultsError(`${dir} has no index.jsonl: give the --out folder of \`zhenggai run\``);
  return names;
}

/**
 * The record of one index line, or why the line is left out: it is not JSON, not an index record, or its output
 * path is unsafe. `file` is the index file (dir-joined), `n` the line's number.
 */
export function checkIndexLine(file: string, n: number, text: string): { record: IndexRecord } | { problem: ResultsProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: { file, line: n, message: `not a JSON line (${text.length > 60 ? `${text.slice(0, 60)}…` : text}); line left out` } };
  }
  const parsed = IndexRecord.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: { file, line: n, message: `not an index record (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'}); line left out` } };
  }
  const record = parsed.data;
  const unsafe = record.output === null ? null : unsafeOutputPath(record.output);
  return unsafe ? { problem: { file, line: n, message: `output ${unsafe}; line left out` } } : { record };
}

/**
 * The records of a folder's index files, in order, streamed line by line: a line that is not an index record, or
 * whose output path is unsafe, is reported and left out. Blank lines are skipped.
 */
export async function* indexLines(dir: string, onProblem: (p: ResultsProblem) => void): AsyncGenerator<IndexLine> {
  for (const index of await indexNames(dir)) {
    const file = join(dir, index);
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let n = 0;
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      const checked = checkIndexLine(file, n, text);
      if ('problem' in checked) onProblem(checked.problem);
      else yield { index, line: n, text, record: checked.record };
    }
  }
}

/**
 * The text of index lines read again by their place (index file, line number), asked for in index order: each file
 * is read once, from its start, as far as the last line asked for. What the line holds now is returned; the caller
 * checks that it is still the line it saw.
 *
 * Lines are found in the file's bytes and only those asked for are decoded: a store update that loads 1,000 documents
 * of 100,000 reads a 16 MB index, and with every line decoded (readline) V8's heap held 42 MB after the load against
 * 26-27 MB. Lines end as readline ends them (indexLines numbers them so): at \n, \r\n or a lone \r.
 */
export class IndexLineReader {
  private index: string | null = null;
  private file: FileHandle | null = null;
  /** Lines read so far in `index`. */
  private n = 0;
  private readonly buf: Buffer;
  /** The bytes of buf not read yet: [at, end). */
  private at = 0;
  private end = 0;
  /** The place of the next \r in buf at or after `at` (end when there is none). */
  private cr = 0;
  /** The last line ended at a \r: a \n right after it is part of that line's end. */
  private afterCr = false;
  private done = false;

  /** `chunkBytes`: how much of the file is read at a time (tests make it small). */
  constructor(
    private readonly dir: string,
    chunkBytes = 1 << 16,
  ) {
    this.buf = Buffer.alloc(chunkBytes);
  }

  /** The text of line `line` of index file `index`, or null when the file is gone or has fewer lines now. */
  async text(index: string, line: number): Promise<string | null> {
    try {
      if (index !== this.index || line <= this.n) {
        await this.close();
        this.index = index;
        this.file = await open(join(this.dir, index), 'r');
      }
      while (this.n < line) {
        const bytes = await this.nextLine(this.n + 1 === line);
        if (bytes === null) return null;
        this.n++;
        if (this.n === line) return bytes.toString('utf8');
      }
      return null;
    } catch {
      // The file is gone or cannot be read now.
      await this.close();
      return null;
    }
  }

  /** Refill buf; false at the end of the file. */
  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const { bytesRead } = await this.file!.read(this.buf, 0, this.buf.length, null);
    this.at = 0;
    this.end = bytesRead;
    this.cr = this.findCr(0);
    if (bytesRead === 0) this.done = true;
    return bytesRead > 0;
  }

  private findCr(from: number): number {
    const k = this.buf.indexOf(13, from);
    return k < 0 || k >= this.end ? this.end : k;
  }

  /** The bytes of the next line (kept only when `keep`; else an empty buffer), or null past the last line. */
  private async nextLine(keep: boolean): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let any = false;
    for (;;) {
      if (this.at >= this.end && !(await this.fill())) return any ? Buffer.concat(parts) : null;
      if (this.afterCr) {
        this.afterCr = false;
        if (this.buf[this.at] === 10) {
          this.at++;
          continue;
        }
      }
      if (this.cr < this.at) this.cr = this.findCr(this.at);
      const nl = this.buf.indexOf(10, this.at);
      const stop = Math.min(nl < 0 || nl >= this.end ? this.end : nl, this.cr);
      if (keep && stop > this.at) parts.push(Buffer.from(this.buf.subarray(this.at, stop)));
      any = true;
      if (stop === this.end) {
        this.at = this.end;
        continue;
      }
      this.afterCr = this.buf[stop] === 13;
      this.at = stop + 1;
      return Buffer.concat(parts);
    }
  }

  /** Let go of the file being read. */
  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    this.index = null;
    this.n = 0;
    this.at = this.end = this.cr = 0;
    this.afterCr = false;
    this.done = false;
    await file?.close().catch(() => {});
  }
}

/** The compiled validator of the contract: true when the value matches the schema, else its first problem is in `errors`. */
const matchesSchema = compiledValidator as unknown as {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
};

/** [major, minor, patch] of a version string, or null. */
function versionParts(v: unknown): [number, number, number] | null {
  const m = typeof v === 'string' ? /^(\d+)\.(\d+)\.(\d+)$/u.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * Whether a document's schemaVersion is an earlier version of the current major one (minor versions only add), so
 * that it is checked against the current contract apart from its version; a newer one is a DocumentError.
 */
function earlierVersion(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const written = (json as Record<string, unknown>)['schemaVersion'];
  const have = versionParts(written);
  const want = versionParts(SCHEMA_VERSION)!;
  if (!have || written === SCHEMA_VERSION || have[0] !== want[0]) return false;
  if (have[1] > want[1] || (have[1] === want[1] && have[2] > want[2])) {
    throw new DocumentError(`written with schema ${String(written)}, newer than the ${SCHEMA_VERSION} this zhenggai reads; update zhenggai`);
  }
  return true;
}

/** A document that cannot be read back: the message says why. */
export class DocumentError extends Error {
  override name = 'DocumentError';
}

/**
 * Read and check one output (synchronously: the commands read one document at a time, and a promise per file only
 * adds waits): a regular file (not a link, which could point anywhere) holding a document of the
 * contract whose spans address its text. Throws DocumentError saying what is wrong.
 */
export function readDocument(dir: string, output: string): NoticeDocument {
  const path = join(dir, output);
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DocumentError(code === 'ENOENT' ? 'the output file is missing' : `cannot read the output file (${code ?? String(e)})`);
  }
  if (st.isSymbolicLink()) throw new DocumentError('the output is a symbolic link; outputs are regular files');
  if (!st.isFile()) throw new DocumentError('the output is not a regular file');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DocumentError(`cannot read the output file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DocumentError(`not valid JSON, the file may be truncated (${e instanceof Error ? e.message : String(e)})`);
  }
  // A document of an earlier minor version is checked as the current one, and keeps its own version.
  const written = earlierVersion(json) ? (json as { schemaVersion: string }).schemaVersion : null;
  if (written !== null) (json as { schemaVersion: string }).schemaVersion = SCHEMA_VERSION;
  const valid = matchesSchema(json);
  if (written !== null) (json as { schemaVersion: string }).schemaVersion = written;
  if (!valid) {
    const issue = matchesSchema.errors?.[0];
    throw new DocumentError(`not a zhenggai document (${issue ? `${issue.instancePath || '/'}: ${issue.message ?? 'does not match'}` : 'does not match the schema'})`);
  }
  const doc = json as NoticeDocument;
  const bad = spanViolations(doc);
  if (bad.length > 0) throw new DocumentError(`its spans do not address its text (${bad[0]!.path}: ${bad[0]!.message})`);
  return doc;
}
