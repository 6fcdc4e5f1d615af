/** `zhenggai query <out-dir>... "<SQL>"`: SQL over the stores of one or more results folders, read-only. */
import { once } from 'node:events';
import { type OpenOptions, openResults, type ResultsDatabase } from '../analyze/database.js';
import { csvSink, jsonSink, QueryError, type RowSink, runQuery, tableSink } from '../analyze/queryResults.js';
import { ResultsError } from '../analyze/readResults.js';
import { StoreError, warnProblems } from '../analyze/store.js';
import { tablesHelp } from '../analyze/tables.js';
import { UsageError } from './usageError.js';

/**
 * Open the results of the folders (stores brought up to date), problems printed as warnings. A folder that is not
 * a results folder is a usage error; a store that cannot be opened (held by another process too long, a disk
 * error) is printed and gives null (exit 1).
 */
export async function openForCommand(command: string, dirs: readonly string[], options: OpenOptions & { log: (line: string) => void }): Promise<ResultsDatabase | null> {
  let db: ResultsDatabase;
  try {
    db = await openResults(dirs, options);
  } catch (e) {
    if (e instanceof ResultsError) throw new UsageError(e.message);
    if (e instanceof StoreError) {
      options.log(`zhenggai ${command}: ${e.message}`);
      return null;
    }
    throw e;
  }
  warnProblems(command, db.problems, options.log);
  return db;
}

/** Options of queryCommand. */
export interface QueryOptions {
  format: 'table' | 'csv' | 'json';
  /** Let SQL read and write files (DuckDB's external access on). */
  allowExternalAccess?: boolean;
  log?: (line: string) => void;
  /** Where the answer goes (default stdout). */
  out?: NodeJS.WritableStream;
}

/** Run SQL over the results and print the answer; resolves to the exit code. */
export async function queryCommand(dirs: readonly string[], sql: string, options: QueryOptions): Promise<number> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const out = options.out ?? process.stdout;
  const db = await openForCommand('query', dirs, { externalAccess: options.allowExternalAccess ?? false, log });
  if (!db) return 1;
  const write = (s: string) => void out.write(s);
  const sink: RowSink = options.format === 'json' ? jsonSink(write) : options.format === 'csv' ? csvSink(write) : tableSink(write);
  sink.drain = async () => {
    if ((out as NodeJS.WriteStream).writableNeedDrain) await once(out, 'drain');
  };
  try {
    await runQuery(db, sql, sink, { externalAccess: options.allowExternalAccess ?? false, growMemory: true });
    return 0;
  } catch (e) {
    if (e instanceof QueryError) throw new UsageError(e.refused ? e.message : `${e.message}\ntables:\n${tablesHelp()}`);
    throw e;
  } finally {
    db.close();
  }
}
