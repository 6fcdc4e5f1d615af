/**
 * The results of one or more folders as one SQL database: each folder's store (analyze/store.ts) is brought up to
 * date and attached read-only, and every table of analyze/tables.ts is a view over the union of the stores. The same
 * folder given twice (by any path that resolves to it) is attached once.
 *
 * For `query`, external access is then switched off and the configuration locked: SQL cannot write or read any
 * file (COPY … TO, ATTACH, read_csv('/etc/passwd'), EXPORT DATABASE, extensions) nor switch that back on.
 */
import { mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { createDuckDB, grownLimit, type MemoryBudget, memoryLimit, quoteIdent, quoteLiteral } from './duckdb.js';
import { ResultsError, type ResultsProblem } from './readResults.js';
import { ensureStore, type StoreState } from './store.js';
import { TABLES } from './tables.js';

/** An open database: run SQL, then close. */
export interface ResultsDatabase {
  /** The connection (a new one after growMemory). */
  readonly connection: DuckDBConnection;
  /** The stores, in the order of the distinct folders given (`zhenggai.files.folder` is the index into it). */
  stores: StoreState[];
  /** Every problem of every folder (index lines and outputs left out). */
  problems: ResultsProblem[];
  /** DuckDB's memory limit now ('16MB'). */
  readonly memoryLimit: string;
  /**
   * Open the stores again in a new instance whose limit is `factor` times the present one (up to 1 GB): false when
   * it is there already. What the SQL made in the old instance (tables, settings) is gone with it.
   */
  growMemory(factor: number): Promise<boolean>;
  close(): void;
}

/** Options of openResults. */
export interface OpenOptions {
  /** Leave DuckDB's external access on (COPY … TO, ATTACH, reading files): `query --allow-external-access`, and
   *  `export`, which writes Parquet with COPY. */
  externalAccess?: boolean;
  /** DuckDB's memory budget for this command (analyze/duckdb.ts; query by default). */
  budget?: MemoryBudget;
  log?: (line: string) => void;
}

/** The folders to open, each once: a folder given again (by any path resolving to it) is noted and dropped. */
export function distinctFolders(dirs: readonly string[], log: (line: string) => void): string[] {
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      throw new ResultsError(`no such folder: ${dir}`);
    }
    if (!statSync(real).isDirectory()) throw new ResultsError(`${dir} is not a folder: give the --out folder of \`zhenggai run\``);
    const first = seen.get(real);
    if (first !== undefined) log(`zhenggai: ${dir === first ? `${dir} is given twice` : `${dir} is the same folder as ${first}`}; counted once`);
    else seen.set(real, dir);
  }
  return [...seen.values()];
}

/** ATTACH a store read-only, waiting while another process is updating it. */
async function attach(conn: DuckDBConnection, path: string, alias: string): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      await conn.run(`ATTACH ${quoteLiteral(path)} AS ${quoteIdent(alias)} (READ_ONLY)`);
      return;
    } catch (e) {
      if (!(e instanceof Error && /lock/iu.test(e.message)) || Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** An in-memory instance with the stores attached read-only and every table a view over their union. */
async function connect(stores: readonly StoreState[], spill: string, limit: string, externalAccess: boolean): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await createDuckDB(':memory:', { config: { temp_directory: spill, memory_limit: limit } });
  try {
    const connection = await instance.connect();
    for (const [i, s] of stores.entries()) await attach(connection, s.path, `s${i}`);
    for (const t of TABLES) {
      await connection.run(`CREATE VIEW main.${quoteIdent(t.name)} AS ${stores.map((_, i) => `SELECT * FROM s${i}.main.${quoteIdent(t.name)}`).join(' UNION ALL ')}`);
    }
    await connection.run('CREATE SCHEMA zhenggai');
    await connection.run(`CREATE VIEW zhenggai.files AS ${stores.map((_, i) => `SELECT ${i} AS folder, * FROM s${i}.zhenggai.files`).join(' UNION ALL ')}`);
    if (!externalAccess) {
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
    }
    return { instance, connection };
  } catch (e) {
    instance.closeSync();
    throw e;
  }
}

/** Bring the stores of the folders up to date and open them as one database. */
export async function openResults(dirs: readonly string[], options: OpenOptions = {}): Promise<ResultsDatabase> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const folders = distinctFolders(dirs, log);
  const stores: StoreState[] = [];
  // Where DuckDB spills what exceeds its memory limit (sorts, joins, temporary tables): a folder of this process,
  // removed on close (an in-memory database would otherwise spill into `.tmp` in the working directory).
  let spill: string | null = null;
  const dispose = () => {
    for (const s of stores) s.dispose();
    if (spill) rmSync(spill, { recursive: true, force: true });
  };
  try {
    for (const dir of folders) stores.push(await ensureStore(dir, { log }));
    const folder = mkdtempSync(join(tmpdir(), 'zhenggai-duckdb-'));
    spill = folder;
    const externalAccess = options.externalAccess ?? false;
    let limit = memoryLimit(options.budget ?? 'query');
    let open = await connect(stores, folder, limit, externalAccess);
    return {
      get connection() {
        return open.connection;
      },
      get memoryLimit() {
        return limit;
      },
      stores,
      problems: stores.flatMap((s) => s.problems),
      growMemory: async (factor) => {
        const next = grownLimit(limit, factor);
        if (next === null) return false;
        const old = open;
        open = await connect(stores, folder, next, externalAccess); // the old one stays open should this fail
        old.connection.closeSync();
        old.instance.closeSync();
        limit = next;
        return true;
      },
      close: () => {
        open.connection.closeSync();
        open.instance.closeSync();
        dispose();
      },
    };
  } catch (e) {
    dispose();
    throw e;
  }
}
