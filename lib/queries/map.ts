import { DEFAULT_COLUMNS } from './columns.ts';
import type { RowLocation } from './errors.ts';
import type { Recipe } from './recipes/types.ts';
import { QUERY_FIELDS, type ColumnMap, type QueryField } from './types.ts';
import type { RawValues } from './values.ts';

/** A row with its values assigned to query fields, not yet validated. */
export interface Draft {
  fields: Partial<Record<QueryField, unknown>>;
  /** Columns each field was looked up in, for "is missing" messages. */
  lookedIn: Record<QueryField, readonly string[]>;
  /** The column each field came from; absent for fields a recipe's converter built. */
  columns: Partial<Record<QueryField, string>>;
  meta: RawValues;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Assigns a raw row's columns to query fields. Precedence: `load.map`, then the recipe's converter,
 * then the recipe's (or default) candidate columns. Everything left over goes to `meta`.
 */
export function mapRow(values: RawValues, location: RowLocation, map: ColumnMap, recipe: Recipe | undefined, seed: number): Draft {
  const used = new Set<string>(recipe?.consumes ?? []);
  const converted = recipe?.convert?.(values, { location, seed });
  const fields: Draft['fields'] = {};
  const lookedIn = {} as Draft['lookedIn'];
  const columns: Draft['columns'] = {};

  for (const field of QUERY_FIELDS) {
    const mapped = map[field];
    if (mapped !== undefined) {
      lookedIn[field] = [mapped];
      used.add(mapped);
      if (present(values[mapped])) {
        fields[field] = values[mapped];
        columns[field] = mapped;
      }
      continue;
    }
    if (converted && present(converted.fields[field])) {
      lookedIn[field] = [];
      fields[field] = converted.fields[field];
      continue;
    }
    const candidates = recipe?.columns[field] ?? DEFAULT_COLUMNS[field];
    lookedIn[field] = candidates;
    const column = candidates.find((name) => present(values[name]));
    if (column !== undefined) {
      used.add(column);
      fields[field] = values[column];
      columns[field] = column;
    }
  }

  const meta: RawValues = {};
  for (const [column, value] of Object.entries(values)) {
    if (used.has(column)) continue;
    // Our own JSONL keeps extras under "meta"; flatten it so a load/save round trip is stable.
    if (column === 'meta' && typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(meta, value);
    else meta[column] = value;
  }
  Object.assign(meta, converted?.meta);
  return { fields, lookedIn, columns, meta };
}
