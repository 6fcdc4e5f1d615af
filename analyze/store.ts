/**
 * The columnar store of a results folder: `<out>/zhenggai-store.duckdb`, a DuckDB database holding the tables of
 * analyze/tables.ts (documents, sections, measures, counts, dates, regulations, indicators, diagnostics) for the
 * documents of the folder's index, so that `query`, `compare` and `export` never read every JSON file again.
 *
 * The per-file JSON stays the source of truth; the store is a cache that any command reading the folder brings up
 * to date first (ensureStore):
 * - A scan reads the index files line by line and stats each output (inode, size, modification time: an output is
 *   always replaced by a rename, so a rewritten output has a new inode). A digest of what it saw, equal to the one
 *   the store recorded, means the store is fresh: nothing else is read.
 * - Otherwise the store is updated incrementally, in SQL: the scan goes into a table (each line's place and a key of
 *   the line and its output's signature), the last record of each path wins (an index written as a journal may
 *   repeat a path), the documents whose index line or output changed, or that are gone, are deleted from every
 *   table, and the new and changed ones are read again and loaded in batches (memory does not grow with the number
 *   of documents).
 * - A store that is missing, of another layout, left half-updated by a killed process (its state is not `ready`),
 *   or damaged (DuckDB cannot open it) is built again from the JSON files.
 * - A folder where the store cannot be written (read-only) gets a temporary store for the command, removed after.
 *
 * Bookkeeping lives in the schema `zhenggai` of the store (meta: layout, digest, state; files: one row per path
 * with where its index line is, a key of that line and its output's signature, its unit key, notice date and any
 * problem reading it).
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, lstatSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement } from '@duckdb/node-api';
import { appendValue, createDuckDB, type MemoryBudget, quoteIdent, quoteLiteral, runGrowing, setMemoryBudget } from './duckdb.js';
import { availableParallelism, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkIndexLine, IndexLineReader, indexLines, problemText, type ResultsProblem } from './readResults.js';
import { FILES_COLUMNS, type Prepared, prepareDocument, type Scanned } from './storeRows.js';
import { type Column, TABLES } from './tables.js';

/** The store's file name in a results folder. */
export const STORE_NAME = 'zhenggai-store.duckdb';

/** The layout of the store: bumped by hand when the bookkeeping changes; the tables' columns are hashed in. */
const STORE_FORMAT = 2;

/** The layout string recorded in the store: a store of another layout is built again. */
function layout(): string {
  const tables = TABLES.map((t) => `${t.name}(${(t.columns as Column<unknown>[]).map((c) => `${c.name} ${c.type}`).join(',')})`).join(';');
  return `${STORE_FORMAT}:${createHash('sha256').update(tables).digest('hex').slice(0, 16)}`;
}

/** A text value of a row read back from DuckDB. */
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Documents, and characters of their rows' JSON, staged before DuckDB parses them into the tables (whichever comes
 * first). A batch is held three times over (the staged rows, their joined text, DuckDB's parse of it): at 250
 * documents a batch the build's peak was 871 MB at 100,000 notices, at 100 it is 803 MB, in the same time.
 */
const STAGE: Record<'build' | 'update', { docs: number; chars: number }> = {
  build: { docs: 100, chars: 8_000_000 },
  // A small update (smallUpdate): 1,000 documents rewritten in a store of 100,000 took 253-259 MB in batches of a
  // million characters (about 37 documents), 266-272 MB in batches of 100 documents (2.7 million), 6.2 s against 5.4.
  update: { docs: 100, chars: 1_000_000 },
};

/** How long to wait for another process that holds the store's write lock, and how often to try. */
const LOCK_WAIT_MS = 120_000;
const LOCK_POLL_MS = 250;

/** The store of a folder could not be opened or updated (another process holds it too long, a disk error). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** What ensureStore did and found. */
export interface StoreState {
  /** The results folder. */
  dir: string;
  /** The store file to attach (in the folder, or a temporary one). */
  path: string;
  /** True when the store is temporary (the folder is not writable): remove it with `dispose`. */
  temporary: boolean;
  /** Documents loaded by this call, and documents deleted because they are gone or changed. */
  loaded: number;
  removed: number;
  /** True when the store was (re)built from nothing. */
  rebuilt: boolean;
  /** The memory budget DuckDB had for the update (analyze/duckdb.ts: 'update' for a few documents, smallUpdate;
   *  'build' for more, or a build), or null when the store was fresh. */
  budget: MemoryBudget | null;
  /** Index lines and outputs that could not be read (left out of the tables), in index order. */
  problems: ResultsProblem[];
  /** Remove a temporary store (no-op otherwise). */
  dispose(): void;
}

/** The signature of an output file: inode, size and modification time (ns), or why it cannot be stat'ed. */
function outputSignature(dir: string, output: string | null): string | null {
  if (output === null) return null;
  try {
    const st = lstatSync(join(dir, output), { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.isFile() ? 'f' : st.isSymbolicLink() ? 'l' : 'o'}`;
  } catch (e) {
    return `error:${(e as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

/** The key of an index line and its output's signature, as recorded in zhenggai.files: a document is loaded again
 *  when its key changes. 72 bits of a SHA-256, in 12 characters, which DuckDB keeps inline (no string heap). */
const lineKey = (text: string, sig: string): string => createHash('sha256').update(`${text}\t${sig}`).digest('base64').slice(0, 12);

/** Read the folder's index files and stat every output; returns the digest of what was seen. */
async function scan(dir: string, onLine: ((s: ScanRow) => void) | null, onProblem: (p: ResultsProblem) => void): Promise<string> {
  const hash = createHash('sha256').update(`${layout()}\n`);
  let ord = 0;
  for await (const l of indexLines(dir, onProblem)) {
    const sig = outputSignature(dir, l.record.output) ?? '';
    hash.update(`${l.index}\t${l.line}\t${l.text}\t${sig}\n`);
    onLine?.({ ord: ord++, path: l.record.path, index: l.index, line: l.line, key: lineKey(l.text, sig) });
  }
  return hash.digest('hex');
}

const isLockError = (e: unknown) => e instanceof Error && /Could not set lock|Conflicting lock/u.test(e.message);

/** Open a DuckDB file, waiting while another process holds a conflicting lock. */
async function openWaiting(path: string, readOnly: boolean): Promise<DuckDBInstance> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await createDuckDB(path, { readOnly, ...(readOnly ? {} : { budget: 'build' as const }) });
    } catch (e) {
      if (!isLockError(e)) throw e;
      if (Date.now() > until) throw new StoreError(`${path} is held by another process for more than ${LOCK_WAIT_MS / 1000} s (${(e as Error).message.split('\n')[0]}); try again when it ends`);
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
}

/** The store's recorded meta values, or null when it has none (a new or foreign file). */
async function readMeta(conn: DuckDBConnection): Promise<Map<string, string> | null> {
  const has = await conn.runAndReadAll(`SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'zhenggai' AND table_name = 'meta'`);
  if (Number(has.getRowObjectsJson()[0]?.['n'] ?? 0) === 0) return null;
  const rows = (await conn.runAndReadAll('SELECT key, value FROM zhenggai.meta')).getRowObjectsJson();
  return new Map(rows.map((r) => [text(r['key']), text(r['value'])]));
}

/** Set one meta value (committed at once). */
async function setMeta(conn: DuckDBConnection, key: string, value: string): Promise<void> {
  await conn.run(`DELETE FROM zhenggai.meta WHERE key = ${quoteLiteral(key)}`);
  await conn.run(`INSERT INTO zhenggai.meta VALUES (${quoteLiteral(key)}, ${quoteLiteral(value)})`);
}

/** A line of the scan: where it is and its key, not its text (at 100,000 notices the text took 22 MB more of RSS in
 *  the scan's table); the documents to load have their lines read again (IndexLineReader). */
interface ScanRow {
  ord: number;
  path: string;
  index: string;
  line: number;
  key: string;
}
const SCAN_COLUMNS = 'ord BIGINT, path VARCHAR, index_name VARCHAR, line BIGINT, key VARCHAR';
/** Index records the scan's appender holds before it hands them to DuckDB (by default it holds 204,800: at 100,000
 *  notices, the whole index, +50 MB of RSS). */
const SCAN_FLUSH = 2048;

/** Drop everything and create the empty tables. */
async function createEmpty(conn: DuckDBConnection): Promise<void> {
  await conn.run('DROP SCHEMA IF EXISTS zhenggai CASCADE');
  for (const t of TABLES) await conn.run(`DROP TABLE IF EXISTS main.${quoteIdent(t.name)}`);
  await conn.run('CREATE SCHEMA zhenggai');
  await conn.run('CREATE TABLE zhenggai.meta (key VARCHAR, value VARCHAR)');
  await conn.run(`CREATE TABLE zhenggai.files (${FILES_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')})`);
  for (const t of TABLES) {
    const cols = t.columns as Column<unknown>[];
    await conn.run(`CREATE TABLE main.${quoteIdent(t.name)} (${cols.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`);
  }
  await setMeta(conn, 'layout', layout());
  await setMeta(conn, 'state', 'empty');
}

/** The JSON structure DuckDB's from_json reads a table's rows with (column name → type, in column order). */
function rowStructure(cols: ReadonlyArray<{ name: string; type: Column<unknown>['type'] }>): string {
  return JSON.stringify([Object.fromEntries(cols.map((c) => [c.name, c.type === 'VARCHAR[]' ? ['VARCHAR'] : c.type]))]);
}

/** The tables a load writes, in the order of Prepared.rows, then the bookkeeping table (Prepared.files). */
const TARGETS: ReadonlyArray<{ table: string; columns: ReadonlyArray<{ name: string; type: Column<unknown>['type'] }> }> = [
  ...TABLES.map((t) => ({ table: `main.${quoteIdent(t.name)}`, columns: t.columns as Column<unknown>[] })),
  { table: 'zhenggai.files', columns: FILES_COLUMNS },
];

/**
 * The load's writers. A document's rows of each table are gathered as JSON text (a row per object, the columns of
 * tables.ts), and every so many documents or characters (STAGE) DuckDB parses them into the tables in one
 * statement per table (from_json, unnest): a few calls per batch instead of one per cell, which is what loading costs
 * otherwise. The documents' bookkeeping rows (zhenggai.files) go in the same way, in the same transaction. DuckDB parses
 * one batch in its own thread while the next batch's documents are read.
 */
class Loader {
  private staged = 0;
  private stagedChars = 0;
  /** Per table of TARGETS, the staged rows. */
  private pending: string[][] = TARGETS.map(() => []);
  private inflight: Promise<void> = Promise.resolve();
  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly inserts: DuckDBPreparedStatement[],
    private readonly budget: MemoryBudget,
  ) {}

  static async open(conn: DuckDBConnection, budget: MemoryBudget): Promise<Loader> {
    const inserts: DuckDBPreparedStatement[] = [];
    for (const t of TARGETS) {
      inserts.push(await conn.prepare(`INSERT INTO ${t.table} SELECT unnest(from_json($1::VARCHAR, ${quoteLiteral(rowStructure(t.columns))}), recursive := true)`));
    }
    return new Loader(conn, inserts, budget);
  }

  /** Stage a prepared document: its rows of every table, and its bookkeeping row. */
  stage(p: Prepared): void {
    p.rows.forEach((rows, k) => {
      if (rows === null) return;
      this.pending[k]!.push(rows);
      this.stagedChars += rows.length;
    });
    this.pending[TABLES.length]!.push(p.files);
  }

  /** One document staged: hand the staged rows to DuckDB when there are enough of them (STAGE). */
  async next(): Promise<void> {
    const stage = STAGE[this.budget === 'update' ? 'update' : 'build'];
    if (++this.staged >= stage.docs || this.stagedChars >= stage.chars) await this.move();
  }

  private async move(): Promise<void> {
    const batch = this.pending.map((rows) => (rows.length > 0 ? `[${rows.join(',')}]` : null));
    this.pending = TARGETS.map(() => []);
    this.staged = 0;
    this.stagedChars = 0;
    await this.inflight;
    // One transaction per batch: DuckDB keeps a transaction's rows in memory until it commits. A batch that runs out
    // of memory is rolled back and runs again with more.
    this.inflight = runGrowing(
      this.conn,
      async () => {
        await this.conn.run('BEGIN TRANSACTION');
        try {
          for (const [k, insert] of this.inserts.entries()) {
            if (batch[k] === null) continue;
            insert.bindVarchar(1, batch[k]!);
            await insert.run();
          }
          await this.conn.run('COMMIT');
        } catch (e) {
          await this.conn.run('ROLLBACK').catch(() => {});
          throw e;
        }
      },
      this.budget,
    );
  }

  async close(): Promise<void> {
    await this.move();
    await this.inflight;
    for (const insert of this.inserts) insert.destroySync();
  }
}

/**
 * Documents to load from which worker threads prepare them (fewer: this thread). ZHENGGAI_STORE_WORKERS_FROM
 * overrides. Measured into a store of 100,000 notices on 2 cores: 1,000 documents 4.7 s with workers against 4.4 s
 * without, 4,000 documents 9.6 against 9.7 s (and 190 MB more with them); a build of 10,000, 13.8 against 17.1 s.
 */
const WORKERS_FROM = Number(process.env['ZHENGGAI_STORE_WORKERS_FROM'] ?? 5000);

/** Records a worker prepares per message. */
const WORKER_BATCH = 20;

/**
 * Worker threads preparing documents (analyze/storeWorker.ts), used when there are many to load: reading, checking
 * and making the rows is most of a load's cost, and it then runs on every core while this thread hands the rows to
 * DuckDB. Batches are answered in the order they were given, so the load is the same as in one thread.
 */
class Preparers {
  private next = 0;
  /** Per worker, the answers awaited, in the order the batches were given. */
  private readonly waiting: Array<Array<{ resolve: (p: Prepared[]) => void; reject: (e: Error) => void }>>;

  private constructor(private readonly workers: Worker[]) {
    this.waiting = workers.map(() => []);
    workers.forEach((w, i) => {
      w.on('message', (m: { ok?: Prepared[]; error?: string }) => {
        const waiter = this.waiting[i]!.shift();
        if (m.ok) waiter?.resolve(m.ok);
        else waiter?.reject(new Error(`a store worker failed: ${m.error ?? 'no answer'}`));
      });
      w.on('error', (e: Error) => {
        for (const waiter of this.waiting[i]!.splice(0)) waiter.reject(e);
      });
    });
  }

  static start(dir: string): Preparers {
    const n = Math.max(1, Math.min(availableParallelism(), 4));
    // A small young generation: a worker's garbage is a batch's documents, and V8 would otherwise let it grow.
    const options = { workerData: { dir }, resourceLimits: { maxYoungGenerationSizeMb: 8 } };
    return new Preparers(Array.from({ length: n }, () => new Worker(new URL('./storeWorker.js', import.meta.url), options)));
  }

  /** Prepare a batch on the next worker. */
  prepare(batch: Scanned[]): Promise<Prepared[]> {
    const i = this.next++ % this.workers.length;
    return new Promise((resolve, reject) => {
      this.waiting[i]!.push({ resolve, reject });
      this.workers[i]!.postMessage(batch);
    });
  }

  /** Batches a worker may hold at once. */
  get capacity(): number {
    return 2 * this.workers.length;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * An index line to load, read again where the scan saw it, with its output's signature taken again (just before the
 * output is read). The line must still be a record of the same path: a folder whose index was rewritten meanwhile
 * (by another process) stops the update, and the next command finds the store incomplete and builds it again.
 */
async function readAgain(dir: string, lines: IndexLineReader, ord: number, path: string, index: string, line: number): Promise<Scanned> {
  const file = join(dir, index);
  const now = await lines.text(index, line);
  const checked = now === null ? null : checkIndexLine(file, line, now);
  if (now === null || checked === null || 'problem' in checked || checked.record.path !== path) {
    throw new StoreError(`${file}:${line} changed while the store of ${dir} was being updated (is another process writing the folder?); run the command again`);
  }
  const { record } = checked;
  return { ord, path, index, line, text: now, output: record.output, status: record.status, key: lineKey(now, outputSignature(dir, record.output) ?? '') };
}

/**
 * Documents deleted and loaded, at most, for an update of a store to run within the small 'update' budget; a larger
 * one, or the first build, runs within the build's. DuckDB treats a CHECKPOINT that runs out of memory as fatal, and
 * its need grows with the rows deleted and added: at 100,000 notices and 48MB, deleting 20,000 documents worked and
 * 60,000 did not, and a final CHECKPOINT after 1,000 documents loaded failed at 32MB. ZHENGGAI_STORE_SMALL_UPDATE
 * overrides (tests; read on each update).
 */
const smallUpdate = (): number => Number(process.env['ZHENGGAI_STORE_SMALL_UPDATE'] ?? 5000);

/** Bring the store at `path` up to date with the folder (the write lock held by `conn`'s instance). */
async function update(dir: string, conn: DuckDBConnection): Promise<{ loaded: number; removed: number; budget: MemoryBudget }> {
  await setMeta(conn, 'state', 'updating');
  let budget: MemoryBudget = 'update';
  await setMemoryBudget(conn, budget);
  // A CREATE … AS that runs out of memory changes nothing, and runs again with more (runGrowing). A DELETE cannot:
  // run again after running out of memory, DuckDB found its own rows in conflict, even after a ROLLBACK of an explicit
  // transaction around it. The UPDATE is not tried either.
  const run = (sql: string) => runGrowing(conn, sql, budget);
  await conn.run(`CREATE OR REPLACE TEMP TABLE scan (${SCAN_COLUMNS})`);
  let scanned = 0;
  const scanApp = await conn.createAppender('scan', 'main', 'temp');
  const seen = await scan(
    dir,
    (s) => {
      appendValue(scanApp, 'BIGINT', s.ord);
      appendValue(scanApp, 'VARCHAR', s.path);
      appendValue(scanApp, 'VARCHAR', s.index);
      appendValue(scanApp, 'BIGINT', s.line);
      appendValue(scanApp, 'VARCHAR', s.key);
      scanApp.endRow();
      if (++scanned % SCAN_FLUSH === 0) scanApp.flushSync();
    },
    () => {},
  );
  scanApp.closeSync();
  // The last line of each path wins (a path seldom has more than one: a view that drops the earlier lines of those
  // few, rather than a window over every line, which held all of them at once: +65 MB at 100,000 notices); a record is
  // kept when its line and its output's signature are unchanged (its key).
  await conn.run(
    'CREATE OR REPLACE TEMP VIEW current AS SELECT s.* FROM temp.scan s ANTI JOIN (SELECT path, max(ord) AS last FROM temp.scan GROUP BY path HAVING count(*) > 1) d ON d.path = s.path AND s.ord < d.last',
  );
  const stored = Number((await conn.runAndReadAll('SELECT count(*) AS n FROM zhenggai.files')).getRowObjectsJson()[0]!['n']);
  // One join finds what changed: records gone or changed (stale: deleted), new or changed (to load again), and kept
  // records whose place in the index moved (their order, or only their line: a blank line above them). Three joins
  // (and the view's grouping three times) had taken 12-17 MB more by the end of the DELETEs at 100,000 notices.
  await run(
    `CREATE OR REPLACE TEMP TABLE diff AS SELECT f.path AS stale, c.ord, c.path, c.index_name, c.line, f.key IS NOT DISTINCT FROM c.key AS kept
     FROM zhenggai.files f FULL JOIN temp.current c ON c.path = f.path
     WHERE f.path IS NULL OR c.path IS NULL OR f.key <> c.key OR f.ord <> c.ord OR f.index_name <> c.index_name OR f.line <> c.line`,
  );
  const counted = (await conn.runAndReadAll('SELECT count(*) FILTER (WHERE stale IS NOT NULL AND NOT kept) AS removed, count(*) FILTER (WHERE path IS NOT NULL AND NOT kept) AS toload FROM temp.diff')).getRowObjectsJson()[0]!;
  const removed = Number(counted['removed']);
  const toLoad = Number(counted['toload']);
  if (stored === 0 || removed + toLoad > smallUpdate()) {
    budget = 'build';
    await setMemoryBudget(conn, budget);
  }
  if (removed > 0) {
    // A CHECKPOINT after each table lets DuckDB drop the blocks its DELETE read (the path column of every row) and
    // its deletion marks: without it, deleting 1,000 documents from 100,000 held 112 MB at the end, and ran out of
    // memory at 64MB; with it, 43 MB, and it fits in 32MB.
    for (const t of [...TABLES.map((t) => `main.${quoteIdent(t.name)}`), 'zhenggai.files']) {
      await conn.run(`DELETE FROM ${t} WHERE path IN (SELECT stale FROM temp.diff WHERE stale IS NOT NULL AND NOT kept)`);
      await conn.run('CHECKPOINT');
    }
  }
  // Kept records take their place in the index as it is now.
  await conn.run('UPDATE zhenggai.files f SET ord = d.ord, index_name = d.index_name, line = d.line FROM temp.diff d WHERE d.kept AND f.path = d.path');

  const loader = await Loader.open(conn, budget);
  const lines = new IndexLineReader(dir);
  const preparers = toLoad >= WORKERS_FROM ? Preparers.start(dir) : null;
  let loaded = 0;
  const take = async (ready: Prepared[]) => {
    for (const p of ready) {
      loader.stage(p);
      await loader.next();
      loaded++;
    }
  };
  try {
    // Batches given to the workers and not yet taken, oldest first: at most two per worker.
    const given: Array<Promise<Prepared[]>> = [];
    let after = -1;
    for (;;) {
      const page = (await conn.runAndReadAll(`SELECT ord, path, index_name, line FROM temp.diff WHERE path IS NOT NULL AND NOT kept AND ord > ${after} ORDER BY ord LIMIT 1000`)).getRowObjectsJson();
      if (page.length === 0) break;
      const scanned: Scanned[] = [];
      for (const r of page) scanned.push(await readAgain(dir, lines, Number(r['ord']), text(r['path']), text(r['index_name']), Number(r['line'])));
      after = scanned.at(-1)!.ord;
      if (!preparers) {
        for (const s of scanned) await take([prepareDocument(dir, s)]);
        continue;
      }
      for (let i = 0; i < scanned.length; i += WORKER_BATCH) {
        given.push(preparers.prepare(scanned.slice(i, i + WORKER_BATCH)));
        if (given.length >= preparers.capacity) await take(await given.shift()!);
      }
    }
    while (given.length > 0) await take(await given.shift()!);
  } finally {
    await lines.close();
    await preparers?.stop();
  }
  await loader.close();
  await conn.run('DROP VIEW temp.current');
  for (const t of ['scan', 'diff']) await conn.run(`DROP TABLE temp.${t}`);
  await setMeta(conn, 'digest', seen);
  await setMeta(conn, 'state', 'ready');
  await conn.run('CHECKPOINT');
  return { loaded, removed, budget };
}

/** The problems recorded in a store (outputs that could not be read), in index order. */
async function recordedProblems(conn: DuckDBConnection, dir: string): Promise<ResultsProblem[]> {
  const rows = (await conn.runAndReadAll('SELECT output, problem FROM zhenggai.files WHERE problem IS NOT NULL ORDER BY ord')).getRowObjectsJson();
  return rows.map((r) => ({ file: join(dir, text(r['output'])), line: null, message: text(r['problem']) }));
}

/** True when `dir` (and the store in it, if any) can be written. */
function writable(dir: string, path: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Remove a store file and what DuckDB keeps beside it. */
function removeStore(path: string): void {
  for (const p of [path, `${path}.wal`, `${path}.tmp`]) rmSync(p, { force: true, recursive: true });
}

/**
 * Bring the store of a results folder up to date (building it when it is missing, stale, of another layout or
 * damaged) and return where it is, with the problems of the folder (index lines and outputs left out).
 */
export async function ensureStore(dir: string, options: { log?: (line: string) => void } = {}): Promise<StoreState> {
  const log = options.log ?? (() => {});
  const scanProblems: ResultsProblem[] = [];
  const digest = await scan(dir, null, (p) => scanProblems.push(p));
  let path = join(dir, STORE_NAME);
  let temporary = false;
  const state = (s: Partial<StoreState> & { problems: ResultsProblem[] }): StoreState => ({
    dir,
    path,
    temporary,
    loaded: 0,
    removed: 0,
    rebuilt: false,
    budget: null,
    dispose: () => {
      if (temporary) removeStore(path);
    },
    ...s,
  });

  // Fresh? A read-only open (shared with other readers) and one value compared.
  if (existsSync(path)) {
    try {
      const inst = await openWaiting(path, true);
      try {
        const conn = await inst.connect();
        const meta = await readMeta(conn);
        if (meta?.get('state') === 'ready' && meta.get('layout') === layout() && meta.get('digest') === digest) {
          const problems = [...scanProblems, ...(await recordedProblems(conn, dir))];
          conn.closeSync();
          return state({ problems });
        }
        conn.closeSync();
      } finally {
        inst.closeSync();
      }
    } catch (e) {
      if (e instanceof StoreError) throw e;
      // Damaged or foreign: built again below.
    }
  }

  if (!writable(dir, path)) {
    temporary = true;
    path = join(tmpdir(), `zhenggai-store-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}-${process.pid}.duckdb`);
    removeStore(path);
    log(`zhenggai: ${dir} cannot be written; its store is built in ${path} for this command and removed after`);
  }

  let inst: DuckDBInstance;
  let rebuilt = false;
  try {
    inst = await openWaiting(path, false);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    log(`zhenggai: the store ${path} cannot be opened (${(e as Error).message.split('\n')[0]}); building it again from the JSON files`);
    removeStore(path);
    inst = await openWaiting(path, false);
    rebuilt = true;
  }
  try {
    const conn = await inst.connect();
    let meta: Map<string, string> | null = null;
    try {
      meta = await readMeta(conn);
    } catch {
      meta = null;
    }
    if (meta?.get('state') !== 'ready' || meta.get('layout') !== layout()) {
      if (meta && meta.get('state') !== 'empty') log(`zhenggai: the store ${path} is ${meta.get('layout') !== layout() ? 'of another version' : 'incomplete'}; building it again from the JSON files`);
      await createEmpty(conn);
      rebuilt = true;
    } else if (meta.get('digest') === digest) {
      // Another process brought it up to date while this one waited for the lock.
      const problems = [...scanProblems, ...(await recordedProblems(conn, dir))];
      conn.closeSync();
      return state({ problems });
    }
    const started = Date.now();
    const { loaded, removed, budget } = await update(dir, conn);
    const problems = [...scanProblems, ...(await recordedProblems(conn, dir))];
    conn.closeSync();
    if (loaded + removed > 0) log(`zhenggai: store ${path}: ${rebuilt ? 'built' : 'updated'}, ${loaded} document(s) loaded, ${removed} removed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return state({ problems, loaded, removed, rebuilt, budget });
  } finally {
    inst.closeSync();
  }
}

/** Print the problems of a folder as warnings (at most `max`, then how many more). */
export function warnProblems(command: string, problems: readonly ResultsProblem[], log: (line: string) => void, max = 20): void {
  for (const p of problems.slice(0, max)) log(`zhenggai ${command}: warning: ${problemText(p)}`);
  if (problems.length > max) log(`zhenggai ${command}: warning: … and ${problems.length - max} more problem(s) like these`);
}
