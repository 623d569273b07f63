import { DuckDBInstance } from '@duckdb/node-api';
import { QueryValidationError } from '../errors.ts';
import { toPlain, type RawValues } from '../values.ts';
import type { RawRow } from './types.ts';

/** A Parquet file, read through DuckDB's `read_parquet` in a throwaway in-memory database. */
export async function readParquet(path: string, file: string): Promise<RawRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($1)', [path]);
    return reader.getRowObjectsJS().map((row, index) => ({
      values: toPlain(row) as RawValues,
      location: { file, index },
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueryValidationError({ file, problem: `could not be read as Parquet (${reason})`, fix: 'Check that the file is a complete Parquet file.' });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
