import { listValue } from '@duckdb/node-api';
import { excludeValue, localCondition, variantQuerySql } from './local.ts';
import { loadReleaseDates, releaseOrder } from './release-dates.ts';
import type { Study } from './study.ts';
import type { Table } from './types.ts';

export interface CoverageOptions {
  /** Reference or cloud models that do not count as local. Remote endpoints never do. */
  exclude?: readonly string[];
}

export const ALL_DOMAINS = '(all)';

/** Per query: answered correctly by at least one local model. Every query of the study is in the denominator. */
const coveredSql = (variantQueries: string): string => `WITH vq AS (${variantQueries}),
    cov AS (SELECT queryId, bool_or(ok) AS covered FROM vq WHERE ${localCondition()} GROUP BY queryId)`;

/** Share of queries answered correctly by at least one local model, over all domains and per domain. */
export async function coverage(study: Study, options: CoverageOptions = {}): Promise<Table> {
  return study.query(`${coveredSql(await variantQuerySql(study))}
    SELECT coalesce(q.domain, $allDomains) AS domain, count(*)::INTEGER AS queries,
      count(*) FILTER (WHERE cov.covered)::INTEGER AS covered,
      count(*) FILTER (WHERE cov.covered) / count(*) AS coverage
    FROM queries q LEFT JOIN cov USING (queryId)
    GROUP BY ROLLUP (q.domain) ORDER BY q.domain NULLS FIRST`, { exclude: excludeValue(options.exclude ?? []), allDomains: ALL_DOMAINS });
}

export interface CoverageGrowthOptions extends CoverageOptions {
  /** Model -> YYYY-MM-DD; default data/model-release-dates.csv. */
  releaseDates?: ReadonlyMap<string, string>;
}

/**
 * How coverage grows as local models are added in release-date order (undated models last): one row
 * per step and domain (plus "(all)"), with the queries each new model covers that no earlier one did.
 */
export async function coverageGrowth(study: Study, options: CoverageGrowthOptions = {}): Promise<Table> {
  const exclude = options.exclude ?? [];
  const dates = options.releaseDates ?? loadReleaseDates();
  const models = (await study.query(`SELECT DISTINCT model FROM results WHERE ${localCondition()}`, { exclude: excludeValue(exclude) })).rows.map((r) => String(r.model));
  const order = releaseOrder(models, dates);
  if (order.length === 0) return study.query(`SELECT NULL::INTEGER AS step, NULL AS model WHERE false`);
  return study.query(`WITH vq AS (${await variantQuerySql(study)}),
    steps AS (SELECT s.i AS step, ($models::VARCHAR[])[s.i] AS model, ($dates::VARCHAR[])[s.i] AS releaseDate
      FROM range(1, len($models::VARCHAR[]) + 1) s(i)),
    mq AS (SELECT model, queryId, bool_and(ok) AS ok FROM vq WHERE ${localCondition()} GROUP BY model, queryId),
    firsts AS (SELECT queryId, min(s.step) FILTER (WHERE mq.ok) AS firstStep FROM mq JOIN steps s USING (model) GROUP BY queryId),
    per AS (SELECT q.domain, q.queryId, f.firstStep FROM queries q LEFT JOIN firsts f USING (queryId)),
    totals AS (SELECT coalesce(domain, $allDomains) AS domain, count(*) AS queries FROM per GROUP BY ROLLUP (domain)),
    added AS (SELECT coalesce(domain, $allDomains) AS domain, firstStep AS step, count(*) AS added
      FROM per WHERE firstStep IS NOT NULL GROUP BY GROUPING SETS ((domain, firstStep), (firstStep)))
    SELECT s.step::INTEGER AS step, s.model, s.releaseDate, t.domain, coalesce(a.added, 0)::INTEGER AS added,
      (sum(coalesce(a.added, 0)) OVER (PARTITION BY t.domain ORDER BY s.step))::INTEGER AS covered,
      t.queries::INTEGER AS queries,
      sum(coalesce(a.added, 0)) OVER (PARTITION BY t.domain ORDER BY s.step) / t.queries AS coverage
    FROM steps s CROSS JOIN totals t LEFT JOIN added a ON a.domain = t.domain AND a.step = s.step
    ORDER BY t.domain = $allDomains DESC, t.domain, s.step`, {
    models: listValue(order),
    dates: listValue(order.map((m) => dates.get(m) ?? null)),
    exclude: excludeValue(exclude),
    allDomains: ALL_DOMAINS,
  });
}
