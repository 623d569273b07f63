import { DOUBLE, DuckDBListValue, LIST, VARCHAR, type DuckDBConnection, type DuckDBResultReader, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { quoteIdent } from '../store/index.ts';
import type { Table, TableValue } from './types.ts';

/** Values bound to a statement's parameters: `$1, $2, ...` by position, or `$name` by name. */
export type SqlValues = DuckDBValue[] | Record<string, DuckDBValue>;

/** A list's type, which DuckDB cannot infer from an empty list: numbers give DOUBLE[], anything else VARCHAR[]. */
function typeOf(value: DuckDBValue): DuckDBType | undefined {
  if (!(value instanceof DuckDBListValue)) return undefined;
  return LIST(value.items.length > 0 && value.items.every((item) => typeof item === 'number') ? DOUBLE : VARCHAR);
}

/** The parameter types to bind `values` with: lists typed, the rest inferred. */
export function bindTypes(values: SqlValues): DuckDBType[] | Record<string, DuckDBType | undefined> {
  return Array.isArray(values)
    ? values.map((value) => typeOf(value) as DuckDBType)
    : Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeOf(value)]));
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

export async function queryTable(connection: DuckDBConnection, sql: string, values?: SqlValues): Promise<Table> {
  return tableFrom(await connection.runAndReadAll(sql, values, values && bindTypes(values)));
}

/** The column names of a table or view. */
export async function columnNames(connection: DuckDBConnection, table: string): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${quoteIdent(table)})`);
  return new Set(reader.getRowObjectsJS().map((row) => String(row.column_name)));
}
