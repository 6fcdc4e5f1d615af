/**
 * Resolve the command line's inputs (files and folders) to the list of files to process, in a stable order.
 *
 * Folders are read with raw byte names (Buffer paths), so that a name in GBK bytes (an archive from Chinese Windows)
 * is opened by its own bytes; each such name gets a distinct UTF-8 name for its output (decoded as GB18030 where it
 * is valid there) and keeps its bytes in the index (`pathBytes`). Links to files and folders are followed, loops are
 * cut; what cannot be read or is not a regular file gets a record (a notice file) or a note (a folder), never
 * silence. Folders that hold the output of a run (this run's --out, a zhenggai index.jsonl, a comparison) are not
 * walked.
 */
import { createHash } from 'node:crypto';
import type { Dirent, Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { INPUT_EXTENSIONS } from '../../pipeline/load/detectFormat.js';
import { UsageError } from '../usageError.js';

/** Why a file found by the walk cannot be read; the file still gets a failed record. */
interface InputProblem {
  code: 'input/special-file' | 'input/unreadable';
  message: string;
}

/** One input file: where it is on disk and the relative path used for its output and `source.path`. */
export interface InputFile {
  /** The path on disk, as the file system's bytes. */
  diskPath: Buffer;
  /** The disk path for messages (decoded as its relative path is). */
  shownPath: string;
  /** Output-relative path: relative to the given folder, or the base name for a file given directly ('/' separators). */
  relPath: string;
  /** The relative path's own bytes in hex, when they are not the UTF-8 of relPath (a GBK name); else null. */
  pathBytes: string | null;
  /** Set when the walk already knows that the file cannot be read. */
  problem: InputProblem | null;
}

/** A folder (or link) the walk did not enter, and why. `error`: it may hold inputs that were not processed. */
export interface Skipped {
  path: string;
  reason: string;
  error: boolean;
}

/** The walk's result. */
export interface Walk {
  files: InputFile[];
  skipped: Skipped[];
}

/** A folder's identity, to recognise it whatever path leads to it. */
const identity = (st: Stats): string => `${st.dev}:${st.ino}`;

function hasInputExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && INPUT_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/** A name's bytes as text: UTF-8 when valid (exact), else GB18030 when valid, else ASCII with %XX for other bytes. */
function decodeName(raw: Uint8Array): { name: string; exact: boolean } {
  try {
    return { name: UTF8.decode(raw), exact: true };
  } catch {
    /* not UTF-8 */
  }
  try {
    return { name: GB18030.decode(raw), exact: false };
  } catch {
    /* not GB18030 either */
  }
  let name = '';
  for (const b of raw) name += b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return { name, exact: false };
}

/** `name` with `~tag` before its extension. */
function tagged(name: string, tag: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}~${tag}${name.slice(dot)}` : `${name}~${tag}`;
}

/** A folder's entries with their decoded names: a valid UTF-8 name is kept as it is; a decoded one that another
 *  entry's name already takes gets `~` and 8 hex digits of its bytes' SHA-256 before its extension. */
function decodedEntries(entries: ReadonlyArray<Dirent<Buffer>>): Array<{ entry: Dirent<Buffer>; name: string; exact: boolean }> {
  const decoded = entries.map((entry) => ({ entry, ...decodeName(entry.name) }));
  const taken = new Set(decoded.filter((d) => d.exact).map((d) => d.name));
  for (const d of decoded.filter((x) => !x.exact).sort((a, b) => Buffer.compare(a.entry.name, b.entry.name))) {
    let name = d.name;
    for (let n = 0; taken.has(name); n++) name = tagged(d.name, createHash('sha256').update(d.entry.name).update(n ? String(n) : '').digest('hex').slice(0, 8));
    taken.add(name);
    d.name = name;
  }
  return decoded.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Buffer.compare(a.entry.name, b.entry.name)));
}

const SLASH = Buffer.from('/');
const joinBytes = (dir: Buffer, name: Buffer): Buffer => Buffer.concat([dir, SLASH, name]);

/** What a stat says a non-regular, non-folder path is. */
export function specialKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** The first bytes of a file, as text (empty when it cannot be read). */
async function head(path: Buffer, bytes: number): Promise<string> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await fh.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

/** Why a folder that holds the output of a zhenggai run (an index, or a comparison) is not walked, or null. */
async function outputOfRun(dir: Buffer, names: ReadonlySet<string>): Promise<string | null> {
  for (const idx of ['index.jsonl', ...[...names].filter((n) => /^index\.shard-\d+-of-\d+\.jsonl$/u.test(n))]) {
    if (!names.has(idx)) continue;
    const first = (await head(joinBytes(dir, Buffer.from(idx)), 64 * 1024)).split('\n')[0] ?? '';
    try {
      const rec = JSON.parse(first) as Record<string, unknown>;
      if (typeof rec['path'] === 'string' && 'output' in rec && typeof rec['status'] === 'string') return `it holds a zhenggai ${idx} (the output of a run)`;
    } catch {
      /* not a zhenggai index: an empty one, or someone else's */
    }
  }
  if (names.has('units.json') && /"schema":\s*"zhenggai\.units"/u.test(await head(joinBytes(dir, Buffer.from('units.json')), 256))) {
    return 'it holds a zhenggai units.json (the output of `zhenggai compare`)';
  }
  return null;
}

/** Options of the walk. */
export interface WalkOptions {
  /** Folders never walked (this run's --out), by identity. */
  exclude?: ReadonlyArray<Stats>;
}

/** A folder reached through a link, walked once the real folders are (so that a folder is found under its own
 *  path first, and a link to it is the one noted as already walked). */
interface Deferred {
  disk: Buffer;
  shown: string;
  rel: { path: string; bytes: Buffer[] };
  ancestors: ReadonlyMap<string, string>;
  st: Stats;
}

class Walker {
  readonly files: InputFile[] = [];
  readonly skipped: Skipped[] = [];
  readonly deferred: Deferred[] = [];
  /** Every folder walked, by identity → the path it was walked under. */
  private readonly walked = new Map<string, string>();
  private readonly exclude: ReadonlySet<string>;

  constructor(options: WalkOptions) {
    this.exclude = new Set((options.exclude ?? []).map(identity));
  }

  /** Walk the folder `dir` (its disk path and its shown path), whose files are relative to it under `rel`. */
  async folder(dir: Buffer, shown: string, rel: { path: string; bytes: Buffer[] }, ancestors: ReadonlyMap<string, string>, st: Stats, root: boolean): Promise<void> {
    const id = identity(st);
    if (!root) {
      if (this.exclude.has(id)) return this.skip(shown, 'it is this run’s --out folder', false);
      const loop = ancestors.get(id);
      if (loop !== undefined) return this.skip(shown, `a link back to ${loop}, which holds it (a loop)`, false);
      const before = this.walked.get(id);
      if (before !== undefined) return this.skip(shown, `a link to ${before}, already walked`, false);
    }
    let entries: Array<Dirent<Buffer>>;
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      const why = `cannot read the folder (${(e as Error).message}); the files in it were not processed`;
      if (root) throw new UsageError(`${shown}: ${why}`);
      return this.skip(shown, why, true);
    }
    const decoded = decodedEntries(entries);
    if (!root) {
      const why = await outputOfRun(dir, new Set(decoded.filter((d) => d.exact).map((d) => d.name)));
      if (why !== null) return this.skip(shown, why, false);
    }
    this.walked.set(id, shown);
    const inner = new Map(ancestors).set(id, shown);
    for (const { entry, name, exact } of decoded) {
      if (name.startsWith('.')) continue;
      const disk = joinBytes(dir, entry.name);
      const shownPath = `${shown}${shown.endsWith(sep) ? '' : sep}${name}`;
      const relPath = rel.path ? `${rel.path}/${name}` : name;
      const relBytes = [...rel.bytes, entry.name];
      const rawRel = Buffer.concat(relBytes.flatMap((b, i) => (i ? [SLASH, b] : [b])));
      const pathBytes = exact && rawRel.equals(Buffer.from(relPath)) ? null : rawRel.toString('hex');
      const file = (problem: InputProblem | null): void => {
        this.files.push({ diskPath: disk, shownPath, relPath, pathBytes, problem });
      };
      let kind: 'file' | 'dir' | 'special' | 'link' | 'unknown' = entry.isFile()
        ? 'file'
        : entry.isDirectory()
          ? 'dir'
          : entry.isSymbolicLink()
            ? 'link'
            : entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()
              ? 'special'
              : 'unknown';
      let target: Stats | null = null;
      if (kind === 'dir' || kind === 'link' || kind === 'unknown' || kind === 'special') {
        try {
          target = await stat(disk);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          const why = kind === 'link' ? (code === 'ELOOP' ? 'a symbolic link that loops' : 'a broken symbolic link (its target does not exist)') : `cannot be examined (${(e as Error).message})`;
          if (hasInputExtension(name)) file({ code: 'input/unreadable', message: `${why}; the file was not read` });
          else this.skip(shownPath, why, kind !== 'link');
          continue;
        }
        if (kind === 'link' && target.isDirectory()) {
          this.deferred.push({ disk, shown: shownPath, rel: { path: relPath, bytes: relBytes }, ancestors: inner, st: target });
          continue;
        }
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'special';
      }
      if (kind === 'dir') await this.folder(disk, shownPath, { path: relPath, bytes: relBytes }, inner, target!, false);
      else if (!hasInputExtension(name)) continue;
      else if (kind === 'file') file(null);
      else file({ code: 'input/special-file', message: `the path is ${specialKind(target!)}, not a regular file, and was not read` });
    }
  }

  /** Walk the folders reached through links (and the links found in them), in the order they were found. */
  async linked(): Promise<void> {
    for (let d = this.deferred.shift(); d !== undefined; d = this.deferred.shift()) await this.folder(d.disk, d.shown, d.rel, d.ancestors, d.st, false);
  }

  private skip(path: string, reason: string, error: boolean): void {
    this.skipped.push({ path, reason, error });
  }
}

/** Relative paths in the order of a walk that lists each folder's entries by name: component by component. */
function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return pa.length - pb.length;
}

/**
 * The input files: a folder contributes every file with a notice extension (.txt .docx .doc .pdf .html .htm)
 * below it, sorted by path; a file is taken whatever its extension (a FIFO or device given directly gets a failed
 * record and is never opened for reading). Two inputs mapping to the same relative path are a usage error (nothing
 * may be overwritten silently).
 */
export async function walkInputs(args: readonly string[], options: WalkOptions = {}): Promise<Walk> {
  const walker = new Walker(options);
  const seen = new Map<string, string>();
  for (const arg of args) {
    let st: Stats;
    try {
      st = await stat(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `input not found: ${arg}` : `cannot examine the input ${arg}: ${(e as Error).message}`);
    }
    const from = walker.files.length;
    if (st.isDirectory()) {
      const skippedFrom = walker.skipped.length;
      await walker.folder(Buffer.from(arg), arg, { path: '', bytes: [] }, new Map(), st, true);
      await walker.linked();
      // In path order, as a walk that entered each link where it stands would list them.
      walker.files.push(...walker.files.splice(from).sort((a, b) => comparePaths(a.relPath, b.relPath)));
      walker.skipped.push(...walker.skipped.splice(skippedFrom).sort((a, b) => comparePaths(a.path, b.path)));
    } else {
      const problem: InputProblem | null = st.isFile() ? null : { code: 'input/special-file', message: `the path is ${specialKind(st)}, not a regular file, and was not read` };
      walker.files.push({ diskPath: Buffer.from(arg), shownPath: arg, relPath: basename(arg), pathBytes: null, problem });
    }
    for (const f of walker.files.slice(from)) {
      const prev = seen.get(f.relPath);
      if (prev !== undefined) {
        throw new UsageError(`two inputs would write the same output ${f.relPath}.json: ${prev} and ${f.shownPath}; run them with different --out folders`);
      }
      seen.set(f.relPath, f.shownPath);
    }
  }
  return { files: walker.files, skipped: walker.skipped };
}
