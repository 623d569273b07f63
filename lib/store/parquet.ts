import fs from 'node:fs';
import { DOUBLE, DuckDBInstance, LIST, listValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { commitTemp, tempPathFor } from './fsutil.ts';
import { COLUMNS, LATER_COLUMNS, SQL_TYPES, numberMapFromJson, numberMapToJson, queryResultProblem, type ColumnKind } from './schema.ts';
import { quoteIdent } from './sql-quote.ts';
import type { QueryResult } from './types.ts';

/** Runs `work` on a fresh in-memory DuckDB, closed afterwards. */
export async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const DOUBLE_LIST = LIST(DOUBLE);

/** Appends one value of a column of `kind` to the row being built. */
export function appendValue(appender: DuckDBAppender, kind: ColumnKind, value: unknown): void {
  switch (kind) {
    case 'string':
      appender.appendVarchar(value as string);
      break;
    case 'nullableString':
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value as string);
      break;
    case 'int':
      appender.appendInteger(value as number);
      break;
    case 'nullableInt':
      if (value === null) appender.appendNull();
      else appender.appendInteger(value as number);
      break;
    case 'double':
      appender.appendDouble(value as number);
      break;
    case 'nullableDouble':
      if (value === null) appender.appendNull();
      else appender.appendDouble(value as number);
      break;
    case 'boolean':
      appender.appendBoolean(value as boolean);
      break;
    case 'doubleList':
      appender.appendList(listValue(value as number[]), DOUBLE_LIST);
      break;
    case 'numberMap':
      appender.appendVarchar(numberMapToJson(value as Record<string, number>));
      break;
    case 'attemptList':
      if (value === null) appender.appendNull();
      else appender.appendVarchar(JSON.stringify(value));
      break;
  }
}

function appendRow(appender: DuckDBAppender, result: QueryResult): void {
  for (const { name, kind } of COLUMNS) appendValue(appender, kind, result[name]);
  appender.endRow();
}

/** Writes `results` to a Parquet file at `target`, ordered by `index`, replacing it atomically. */
export async function writeResultsParquet(target: string, results: readonly QueryResult[]): Promise<void> {
  for (const result of results) {
    const problem = queryResultProblem(result);
    if (problem) throw new Error(`Cannot write query ${String(result.queryId)} to Parquet: ${problem}`);
  }
  const columnsSql = COLUMNS.map(({ name, kind }) => `${quoteIdent(name)} ${SQL_TYPES[kind]}`).join(', ');
  const temp = tempPathFor(target);
  try {
    await withConnection(async (connection) => {
      await connection.run(`CREATE TABLE results (${columnsSql})`);
      const appender = await connection.createAppender('results');
      for (const result of results) appendRow(appender, result);
      appender.closeSync();
      await connection.run(`COPY (SELECT * FROM results ORDER BY ${quoteIdent('index')}) TO $1 (FORMAT parquet)`, [temp]);
    });
    commitTemp(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Reads a results Parquet file back into `QueryResult`s, ordered by `index`. */
export async function readResultsParquet(file: string): Promise<QueryResult[]> {
  const rows = await withConnection(async (connection) => {
    // A file written before a later column existed reads it as that column's default.
    const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($1)', [file]);
    const present = new Set(described.getRowObjectsJS().map((row) => String(row.column_name)));
    const columnsSql = COLUMNS.map(({ name }) => (!present.has(name) && name in LATER_COLUMNS ? `NULL AS ${quoteIdent(name)}` : quoteIdent(name))).join(', ');
    const reader = await connection.runAndReadAll(
      `SELECT ${columnsSql} FROM read_parquet($1) ORDER BY ${quoteIdent('index')}`,
      [file],
    );
    return reader.getRowObjectsJS();
  });
  return rows.map((row, i) => {
    for (const { name, kind } of COLUMNS) {
      if (kind === 'numberMap' && typeof row[name] === 'string') row[name] = numberMapFromJson(row[name] as string);
      if (kind === 'attemptList' && typeof row[name] === 'string') row[name] = JSON.parse(row[name] as string);
    }
    const problem = queryResultProblem(row);
    if (problem) throw new Error(`${file} row ${i + 1} is not a valid result: ${problem}`);
    return row as unknown as QueryResult;
  });
}
