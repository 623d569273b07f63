import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { PARQUET_FILE } from './files.ts';
import { quoteIdent } from './sql-quote.ts';

/** Hive partition columns, in folder order: model=.../accelerator=.../part.parquet. */
export const PARTITION_COLUMNS = ['model', 'accelerator'] as const;

/**
 * Writes the rows of `selectSql` (run on `connection`) to `outDir` as Parquet in hive layout,
 * `model=<m>/accelerator=<a>/data_0.parquet`, so Spark, Trino, DuckDB and pandas/pyarrow read the folder
 * as one table with `model` and `accelerator` restored from the paths (values are URL-escaped there).
 * The partition columns are not repeated inside the files: Spark rejects a column that is in both.
 * Refuses a non-empty `outDir`: mixing an old export with a new one would double-count rows.
 */
export async function writePartitionedParquet(
  connection: DuckDBConnection,
  selectSql: string,
  outDir: string,
  /** Values bound to `selectSql`'s parameters ($1, ...). */
  values: readonly DuckDBValue[] = [],
): Promise<void> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    throw new Error(`${outDir} is not empty; choose a new folder for a partitioned export`);
  }
  fs.mkdirSync(path.dirname(path.resolve(outDir)), { recursive: true });
  const partitionBy = PARTITION_COLUMNS.map(quoteIdent).join(', ');
  await connection.run(
    `COPY (${selectSql}) TO $${values.length + 1} (FORMAT parquet, PARTITION_BY (${partitionBy}), OVERWRITE_OR_IGNORE true)`,
    [...values, outDir],
  );
}

/** Merges the `results.parquet` of each run folder into one hive-partitioned dataset at `outDir`. */
export async function writeResultsPartitioned(runDirs: readonly string[], outDir: string): Promise<void> {
  const files = runDirs.map((dir) => path.join(dir, PARQUET_FILE));
  const missing = files.find((file) => !fs.existsSync(file));
  if (missing) throw new Error(`${missing} does not exist; finalize the run first`);
  if (files.length === 0) throw new Error('no run folders to export');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await writePartitionedParquet(connection, 'SELECT * FROM read_parquet($1::VARCHAR[], union_by_name = true)', outDir, [listValue(files)]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
