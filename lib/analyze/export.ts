import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, sqlString } from './sql.ts';
import type { Table, TableValue } from './types.ts';

function literal(value: TableValue, type: string): string {
  if (value === null) return `NULL::${type}`;
  if (Array.isArray(value)) return `[${value.map((v) => (Number.isFinite(v) ? String(v) : `'${v}'::DOUBLE`)).join(', ')}]::${type}`;
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}::${type}` : `'${value}'::${type}`;
  if (typeof value === 'boolean') return `${value}::${type}`;
  return `${sqlString(value)}::${type}`;
}

let exportCounter = 0;

/** Writes a table as `<dir>/<name>.csv` and `<dir>/<name>.parquet`, keeping its column types in the Parquet file. */
export async function writeTableFiles(connection: DuckDBConnection, table: Table, dir: string, name: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const temp = `_export${++exportCounter}`;
  const columns = table.columns.map((c, i) => `${ident(c)} ${table.columnTypes[i] ?? 'VARCHAR'}`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${temp} (${columns})`);
  try {
    if (table.rows.length > 0) {
      const values = table.rows.map(
        (row) => `(${table.columns.map((c, i) => literal(row[c] ?? null, table.columnTypes[i] ?? 'VARCHAR')).join(', ')})`,
      );
      await connection.run(`INSERT INTO ${temp} VALUES ${values.join(', ')}`);
    }
    const csv = path.join(dir, `${name}.csv`);
    const parquet = path.join(dir, `${name}.parquet`);
    await connection.run(`COPY ${temp} TO ${sqlString(csv)} (FORMAT csv, HEADER true)`);
    await connection.run(`COPY ${temp} TO ${sqlString(parquet)} (FORMAT parquet)`);
    return [csv, parquet];
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${temp}`);
  }
}
