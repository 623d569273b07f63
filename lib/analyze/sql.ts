import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import type { Table, TableValue } from './types.ts';

/** SQL string literal; table functions such as read_parquet take no bound parameters. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function plain(value: unknown): TableValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'bigint' ? Number(v) : Number(v)));
  return String(value);
}

export function tableFrom(reader: DuckDBResultReader): Table {
  const columns = reader.columnNames();
  const columnTypes = reader.columnTypes().map((type) => type.toString());
  const rows = reader.getRowObjectsJS().map((row) => {
    const out: Record<string, TableValue> = {};
    for (const name of columns) out[name] = plain(row[name]);
    return out;
  });
  return { columns, columnTypes, rows };
}

export async function queryTable(connection: DuckDBConnection, sql: string): Promise<Table> {
  return tableFrom(await connection.runAndReadAll(sql));
}
