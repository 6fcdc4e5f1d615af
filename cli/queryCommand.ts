/** `zhenggai query <out-dir>... "<SQL>"` and `zhenggai export <out-dir>... --parquet <dir>`. */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openResultsDatabase } from '../analyze/database.js';
import { query, renderCsv, renderTable } from '../analyze/queryResults.js';
import { readResults, ResultsError } from '../analyze/readResults.js';
import { TABLES, tablesHelp } from '../analyze/tables.js';
import { UsageError } from './usageError.js';

async function open(dirs: readonly string[]) {
  try {
    return await openResultsDatabase(await readResults(dirs));
  } catch (e) {
    if (e instanceof ResultsError) throw new UsageError(e.message);
    throw e;
  }
}

/** Run one SQL statement over the results and print the answer. */
export async function queryCommand(dirs: readonly string[], sql: string, format: 'table' | 'csv' | 'json'): Promise<number> {
  const db = await open(dirs);
  try {
    const { columns, rows } = await query(db, sql).catch((e: unknown) => {
      throw new UsageError(`SQL error: ${e instanceof Error ? e.message : String(e)}\ntables:\n${tablesHelp()}`);
    });
    process.stdout.write(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : format === 'csv' ? renderCsv(columns, rows) : renderTable(columns, rows));
    return 0;
  } finally {
    db.close();
  }
}

/** Write every table as <dir>/<table>.parquet. */
export async function exportCommand(dirs: readonly string[], parquetDir: string): Promise<number> {
  const db = await open(dirs);
  try {
    await mkdir(parquetDir, { recursive: true });
    for (const t of TABLES) {
      const file = resolve(join(parquetDir, `${t.name}.parquet`));
      await db.connection.run(`COPY "${t.name}" TO '${file.replace(/'/gu, "''")}' (FORMAT parquet)`);
      const n = await query(db, `SELECT count(*) AS n FROM "${t.name}"`);
      process.stderr.write(`zhenggai export: ${t.name}: ${String(n.rows[0]?.['n'])} rows → ${file}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}
