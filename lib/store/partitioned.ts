import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PARQUET_FILE } from './files.ts';
import { sqlString } from './parquet.ts';

/** Hive partition columns, in folder order: model=.../accelerator=.../part.parquet. */
export const PARTITION_COLUMNS = ['model', 'accelerator'] as const;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Writes the rows of `selectSql` (run on `connection`) to `outDir` as Parquet in hive layout,
 * `model=<m>/accelerator=<a>/data_0.parquet`, so Spark, Trino, DuckDB and pandas/pyarrow read the folder
 * as one table with `model` and `accelerator` restored from the paths (values are URL-escaped there).
 * The partition columns are not repeated inside the files: Spark rejects a column that is in both.
 * Refuses a non-empty `outDir`: mixing an old export with a new one would double-count rows.
 */
export async function writePartitionedParquet(connection: DuckDBConnection, selectSql: string, outDir: string): Promise<void> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    throw new Error(`${outDir} is not empty; choose a new folder for a partitioned export`);
  }
  fs.mkdirSync(path.dirname(path.resolve(outDir)), { recursive: true });
  const partitionBy = PARTITION_COLUMNS.map(quoteIdent).join(', ');
  await connection.run(
    `COPY (${selectSql}) TO ${sqlString(outDir)} ` +
      `(FORMAT parquet, PARTITION_BY (${partitionBy}), OVERWRITE_OR_IGNORE true)`,
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
    const list = files.map(sqlString).join(', ');
    await writePartitionedParquet(connection, `SELECT * FROM read_parquet([${list}], union_by_name = true)`, outDir);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
