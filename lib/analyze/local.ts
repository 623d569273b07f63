import { listValue, type DuckDBListValue } from '@duckdb/node-api';
import type { Study } from './study.ts';

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

const AGGREGATED_VARIANT_QUERIES = `SELECT model, accelerator, queryId, bool_and(correct) AS ok, avg(energyJ) AS energyJ
  FROM results GROUP BY model, accelerator, queryId`;
const ONE_RUN_VARIANT_QUERIES = 'SELECT model, accelerator, queryId, correct AS ok, energyJ FROM results';

/**
 * SQL for one row per (model, accelerator, query): a variant "answers a query correctly" only when every run of it did
 * (several hosts may have run it), so coverage and routing never lean on a lucky sample. Where no variant has more
 * than one run, the rows already are that (a run holds each query once), and the grouping of every result row, the
 * slowest step of a large study, is left out.
 */
export async function variantQuerySql(study: Study): Promise<string> {
  const shared = await study.query('SELECT 1 FROM results GROUP BY model, accelerator HAVING count(DISTINCT runId) > 1 LIMIT 1');
  return shared.rows.length > 0 ? AGGREGATED_VARIANT_QUERIES : ONE_RUN_VARIANT_QUERIES;
}
