import { listValue, type DuckDBListValue } from '@duckdb/node-api';

/**
 * Which rows count as a local model: not a remote endpoint, and not one of the excluded (reference or
 * cloud) models, bound as `$exclude` (see `excludeValue`). `alias` prefixes the columns.
 */
export function localCondition(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `${a}accelerator <> 'remote' AND NOT list_contains($exclude::VARCHAR[], ${a}model)`;
}

/** The value of `$exclude` in `localCondition`. */
export function excludeValue(exclude: readonly string[]): DuckDBListValue {
  return listValue([...exclude]);
}

/**
 * One row per (model, accelerator, query): a variant "answers a query correctly" only when every run
 * of it did (several hosts may have run it), so coverage and routing never lean on a lucky sample.
 */
export const VARIANT_QUERY_SQL = `SELECT model, accelerator, queryId, bool_and(correct) AS ok, avg(energyJ) AS energyJ
  FROM results GROUP BY model, accelerator, queryId`;
