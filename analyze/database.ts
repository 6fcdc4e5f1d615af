/** An in-memory DuckDB holding the tables of analyze/tables.ts, filled from a set of results. */
import { DuckDBInstance, type DuckDBConnection, dateValue, LIST, VARCHAR } from '@duckdb/node-api';
import { epochDay } from '../text/isoDate.js';
import type { ResultEntry } from './readResults.js';
import { type Column, TABLES } from './tables.js';

/** An open database: run SQL, then close. */
export interface ResultsDatabase {
  connection: DuckDBConnection;
  close(): void;
}

const quote = (name: string) => `"${name.replace(/"/gu, '""')}"`;

function append(appender: Awaited<ReturnType<DuckDBConnection['createAppender']>>, col: Column<unknown>, v: ReturnType<Column<unknown>['get']>): void {
  if (v === null || v === undefined) return appender.appendNull();
  switch (col.type) {
    case 'VARCHAR':
      return appender.appendVarchar(String(v));
    case 'BIGINT':
      return appender.appendBigInt(BigInt(v as number));
    case 'DOUBLE':
      return appender.appendDouble(v as number);
    case 'BOOLEAN':
      return appender.appendBoolean(v as boolean);
    case 'DATE':
      return appender.appendDate(dateValue(epochDay(v as string)));
    case 'VARCHAR[]':
      return appender.appendList(v as string[], LIST(VARCHAR));
  }
}

/** Create every table and append the rows of every result. */
export async function openResultsDatabase(entries: readonly ResultEntry[]): Promise<ResultsDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const table of TABLES) {
    const cols = table.columns as Column<unknown>[];
    await connection.run(`CREATE TABLE ${quote(table.name)} (${cols.map((c) => `${quote(c.name)} ${c.type}`).join(', ')})`);
    const appender = await connection.createAppender(table.name);
    for (const e of entries) {
      for (const row of table.rows(e)) {
        for (const c of cols) append(appender, c, c.get(row));
        appender.endRow();
      }
    }
    appender.closeSync();
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
