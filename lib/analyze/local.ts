/** SQL string literal for a value. */
export function lit(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Which rows count as a local model: not a remote endpoint, and not one of the excluded (reference or
 * cloud) models. `alias` prefixes the columns.
 */
export function localCondition(exclude: readonly string[], alias = ''): string {
  const a = alias ? `${alias}.` : '';
  const models = exclude.length > 0 ? ` AND ${a}model NOT IN (${exclude.map(lit).join(', ')})` : '';
  return `${a}accelerator <> 'remote'${models}`;
}

/**
 * One row per (model, accelerator, query): a variant "answers a query correctly" only when every run
 * of it did (several hosts may have run it), so coverage and routing never lean on a lucky sample.
 */
export const VARIANT_QUERY_SQL = `SELECT model, accelerator, queryId, bool_and(correct) AS ok, avg(energyJ) AS energyJ
  FROM results GROUP BY model, accelerator, queryId`;
