import fs from 'node:fs';
import path from 'node:path';
import { DOUBLE, LIST, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { quoteIdent } from '../store/index.ts';
import type { Table, TableValue } from './types.ts';

/** DuckDB type names as analyses report them ("DOUBLE", "VARCHAR", "DOUBLE[]", "DECIMAL(18,3)"); nothing else is pasted. */
const TYPE_NAME = /^[A-Z][A-Z0-9_]*(\([0-9, ]+\))?(\[\])*$/i;

function typeName(type: string | undefined): string {
  const name = type ?? 'VARCHAR';
  if (!TYPE_NAME.test(name)) throw new Error(`writeTableFiles: column type ${JSON.stringify(name)} is not a DuckDB type name`);
  return name;
}

function bound(value: TableValue): DuckDBValue {
  return Array.isArray(value) ? listValue(value) : value;
}

let exportCounter = 0;

/**
 * COPY to a fresh file next to the target, then rename: atomic, and it sidesteps DuckDB's own temporary file,
 * which mishandles a backslash in the path of a file it overwrites.
 */
async function copyTo(connection: DuckDBConnection, table: string, file: string, options: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${exportCounter}.tmp`);
  try {
    await connection.run(`COPY ${table} TO $1 (${options})`, [temp]);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Writes a table as `<dir>/<name>.csv` and `<dir>/<name>.parquet`, keeping its column types in the Parquet file. */
export async function writeTableFiles(connection: DuckDBConnection, table: Table, dir: string, name: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const temp = quoteIdent(`_export${++exportCounter}`);
  const types = table.columns.map((_, i) => typeName(table.columnTypes[i]));
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${temp} (${table.columns.map((c, i) => `${quoteIdent(c)} ${types[i]}`).join(', ')})`);
  try {
    if (table.rows.length > 0) {
      const insert = await connection.prepare(`INSERT INTO ${temp} VALUES (${types.map((t, i) => `$${i + 1}::${t}`).join(', ')})`);
      // An empty list has no element type to infer; numeric lists are all analyses produce.
      const paramTypes: (DuckDBType | undefined)[] = types.map((t) => (t.endsWith('[]') ? LIST(DOUBLE) : undefined));
      for (const row of table.rows) {
        insert.bind(table.columns.map((c) => bound(row[c] ?? null)), paramTypes as DuckDBType[]);
        await insert.run();
      }
      insert.destroySync();
    }
    const csv = path.join(dir, `${name}.csv`);
    const parquet = path.join(dir, `${name}.parquet`);
    await copyTo(connection, temp, csv, 'FORMAT csv, HEADER true');
    await copyTo(connection, temp, parquet, 'FORMAT parquet');
    return [csv, parquet];
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${temp}`);
  }
}
